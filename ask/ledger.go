package ask

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/nouns"
)

// LedgerRecord forecasts the case and seals the answer as a ledger entry
// dated recorded (YYYY-MM-DD) by engine (the program's version): the
// SHA-256 of the resolved scenario and of the forecast answer, every
// model's forecast of every issue (with its predictive distribution where
// the model gives one), and the seal over all of it (Seal). The caller
// appends the entry to its ledger file; nothing is rewritten. The
// warnings say what the entry's numbers cannot: a model that gave no
// forecast (none of its is sealed), and a model whose forecast of some
// issue did not settle (sealed, and later graded, at its last round's
// point).
func LedgerRecord(ctx context.Context, c *Case, req answer.ForecastRequest, recorded, engine string) (*answer.LedgerEntry, []string, error) {
	f, err := Forecast(ctx, c, req, nil)
	if err != nil {
		return nil, nil, err
	}
	in, err := c.Fingerprint()
	if err != nil {
		return nil, nil, errs.Wrap(errs.Internal, err)
	}
	res, err := json.Marshal(f)
	if err != nil {
		return nil, nil, errs.Wrap(errs.Internal, err)
	}
	e := &answer.LedgerEntry{Recorded: recorded, Engine: engine, Scenario: c.Resolved.Metadata.ID, AsOf: c.Resolved.Metadata.AsOf,
		Target: f.Request.Target, Models: f.Request.Models, InputsSHA256: sha(in), ResultSHA256: sha(res), Forecasts: []answer.LedgerForecast{}}
	var warn []string
	for _, m := range f.Models {
		switch u := unsettledIn(&f.Scenario, m, "it is sealed, and ledger grade scores it, at its last round's point"); {
		case m.Error != "":
			warn = append(warn, fmt.Sprintf("model %s gave no forecast, so none of its is sealed: %s", m.Model, m.Error))
		case u != "":
			warn = append(warn, "model "+m.Model+" "+u)
		}
		for _, x := range m.Issues {
			if m.Error != "" || !x.Forecast.Finite() {
				continue
			}
			e.Forecasts = append(e.Forecasts, answer.LedgerForecast{Model: m.Model, Issue: x.Issue, Forecast: float64(x.Forecast), Predictive: x.Predictive})
		}
	}
	e.Seal = Seal(e)
	e.ID = e.Seal[:12]
	return e, warn, nil
}

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// Seal is the SHA-256 (hex) of the entry as JSON with its ID and Seal
// blank.
func Seal(e *answer.LedgerEntry) string {
	c := *e
	c.ID, c.Seal = "", ""
	b, _ := json.Marshal(c)
	return sha(b)
}

// ReadLedger reads a ledger file: one JSON entry per line (blank lines
// skipped). An entry whose seal does not match its content is an error
// naming its line: the ledger was edited after the fact.
func ReadLedger(name string, data []byte) ([]answer.LedgerEntry, error) {
	var out []answer.LedgerEntry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 1<<16), 64<<20)
	for line := 1; sc.Scan(); line++ {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var e answer.LedgerEntry
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, errs.New(errs.Invalid, "%s:%d: not a ledger entry: %v; valid: one JSON object per line, as `parley ledger record` appends", name, line, err)
		}
		if s := Seal(&e); s != e.Seal {
			return nil, errs.New(errs.Invalid, "%s:%d: entry %s does not match its seal (sealed %s, content hashes to %s): it was changed after it was recorded", name, line, e.ID, e.Seal, s)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, errs.New(errs.Invalid, "%s: %v", name, err)
	}
	return out, nil
}

// otherScenarios is the warning for n entries of a ledger about the
// scenarios ids (the first few named), not graded against scenario id: a
// ledger kept for one's own case and graded without its file is graded
// against the built-in case, and the warning says where they are graded.
func otherScenarios(n int, ids []string, id string) string {
	named := ids
	if len(named) > 5 {
		named = append(slices.Clone(ids[:5]), fmt.Sprintf("and %d more", len(ids)-5))
	}
	list := strings.Join(named, ", ")
	switch {
	case n == 1:
		return fmt.Sprintf("1 entry is about another scenario than %s (%s) and is not graded here: grade it with that scenario's file", id, list)
	case len(ids) == 1:
		return fmt.Sprintf("%d entries are about another scenario than %s (%s) and are not graded here: grade them with that scenario's file", n, id, list)
	}
	return fmt.Sprintf("%d entries are about other scenarios than %s (%s) and are not graded here: grade each with its scenario's file", n, id, list)
}

// LedgerGrade grades the sealed forecasts of entries about the input's
// scenario against the outcomes it records: each outcome dated after an
// entry's snapshot date is one graded question for that entry, scored for
// every model the entry holds on that issue (absolute error, CRPS — a
// point forecast's is its absolute error — and whether the outcome is in
// the 80% interval), and the mean errors again as percents of each
// issue's scale. Models are ranked by that MAE % — the order of MAE
// where every graded scale has one width, and the one that compares
// errors across widths — only when at least MinRanked questions are
// graded for each.
func LedgerGrade(in *Input, entries []answer.LedgerEntry) *answer.LedgerGrade {
	g := &answer.LedgerGrade{Entries: len(entries), Models: []answer.LedgerModel{}, Warnings: []string{}}
	type acc struct {
		n, nd, in80              int
		ae, crps, aePct, crpsPct float64
	}
	by := map[string]*acc{}
	id := in.Scenario.Metadata.ID
	other := 0
	var otherIDs []string // in the ledger's order
	var scales []scoredScale
	for _, e := range entries {
		if e.Scenario != id {
			other++
			if !slices.Contains(otherIDs, e.Scenario) {
				otherIDs = append(otherIDs, e.Scenario)
			}
			continue
		}
		for _, o := range in.Scenario.OutcomesBetween(e.AsOf, "") {
			is := in.Scenario.Issue(o.Issue)
			if is == nil {
				continue // validation refuses an outcome of no issue
			}
			lo, hi := is.Bounds()
			sc := scoredScale{is.Name, lo, hi}
			pct := sc.pct()
			graded := false
			for _, f := range e.Forecasts {
				if f.Issue != o.Issue {
					continue
				}
				graded = true
				a := by[f.Model]
				if a == nil {
					a = &acc{}
					by[f.Model] = a
				}
				ae, crps := math.Abs(f.Forecast-o.Value), 0.0
				if d := f.Predictive; d != nil {
					crps = d.CRPS(o.Value)
					a.nd++
					if lo, hi := d.Interval80(); o.Value >= lo && o.Value <= hi {
						a.in80++
					}
				} else {
					crps = ae
				}
				a.n++
				a.ae += ae
				a.crps += crps
				a.aePct += ae * pct
				a.crpsPct += crps * pct
			}
			if graded {
				g.Graded++
				scales = append(scales, sc)
			}
		}
	}
	if other > 0 {
		g.Warnings = append(g.Warnings, otherScenarios(other, otherIDs, id))
	}
	g.ScoreDecimals = scoreDecimals(scales)
	for name, a := range by {
		n := float64(a.n)
		m := answer.LedgerModel{Model: name, N: a.n, MAE: answer.Num(a.ae / n), CRPS: answer.Num(a.crps / n), MAEPct: answer.Num(a.aePct / n), CRPSPct: answer.Num(a.crpsPct / n), Coverage80: answer.Num(math.NaN())}
		if a.nd > 0 {
			m.Coverage80 = answer.Num(float64(a.in80) / float64(a.nd))
		}
		g.Models = append(g.Models, m)
	}
	g.Ranked = len(g.Models) > 0
	for _, m := range g.Models {
		g.Ranked = g.Ranked && m.N >= MinRanked
	}
	// The scales' warning says how the models are ranked only where they
	// are: with too few questions the next warning says they are not.
	ranking := ""
	if g.Ranked {
		ranking = " (the models are ranked by MAE %)"
	}
	if w := scalesDiffer("graded questions", ranking, scales); w != "" {
		g.MixedScales = true
		g.Warnings = append(g.Warnings, w)
	}
	if g.Ranked {
		sort.SliceStable(g.Models, func(i, j int) bool {
			if g.Models[i].MAEPct != g.Models[j].MAEPct {
				return g.Models[i].MAEPct < g.Models[j].MAEPct
			}
			return g.Models[i].Model < g.Models[j].Model
		})
		for i := range g.Models {
			g.Models[i].Rank = i + 1
		}
	} else {
		sort.Slice(g.Models, func(i, j int) bool { return g.Models[i].Model < g.Models[j].Model })
		g.Warnings = append(g.Warnings, fmt.Sprintf("%s graded: the models are not ranked until each has at least %d (fewer say more about which questions were asked than about the models)", nouns.Count(g.Graded, "question"), MinRanked))
	}
	return g
}
