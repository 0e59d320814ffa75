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
	"strconv"

	"parley/answer"
	"parley/errs"
	"parley/nouns"
	"parley/scenario"
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
// point), and the questions whose outcome the file already records
// (knownOutcomes). An outcome of the entry's questions dated after
// recorded is refused: the file holds it, yet grade would take it for
// one not known when the entry was sealed.
func LedgerRecord(ctx context.Context, c *Case, req answer.ForecastRequest, recorded, engine string) (*answer.LedgerEntry, []string, error) {
	if !scenario.IsDate(recorded) {
		return nil, nil, errs.New(errs.Internal, "ledger record: recorded %q is not a date; valid: YYYY-MM-DD", recorded)
	}
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
	e.Forecasts, warn = sealForecasts(f)
	known, err := knownOutcomes(c.Input, e)
	if err != nil {
		return nil, nil, err
	}
	if known != "" {
		warn = append(warn, known)
	}
	e.Seal = Seal(e)
	e.ID = e.Seal[:12]
	return e, warn, nil
}

// sealForecasts is what of the forecast f a ledger entry seals, every model's
// forecast of every issue that is a number, with the warnings of what it
// cannot seal: a model that gave no forecast, one whose forecast of some
// issue did not settle (sealed at its last round's point), and what
// ledger grade could never grade (ungradable).
func sealForecasts(f *answer.Forecast) ([]answer.LedgerForecast, []string) {
	out := []answer.LedgerForecast{}
	var warn, notNumbers []string
	for _, m := range f.Models {
		switch u := unsettledIn(&f.Scenario, m, "it is sealed, and ledger grade scores it, at its last round's point"); {
		case m.Error != "":
			warn = append(warn, fmt.Sprintf("model %s gave no forecast, so none of its is sealed: %s", m.Model, m.Error))
		case u != "":
			warn = append(warn, "model "+m.Model+" "+u)
		}
		for _, x := range m.Issues {
			if m.Error != "" {
				continue
			}
			if !x.Forecast.Finite() {
				notNumbers = append(notNumbers, m.Model+" on "+x.Issue)
				continue
			}
			out = append(out, answer.LedgerForecast{Model: m.Model, Issue: x.Issue, Forecast: float64(x.Forecast), Predictive: x.Predictive})
		}
	}
	if w := ungradable(notNumbers, len(out)); w != "" {
		warn = append(warn, w)
	}
	return out, warn
}

// ungradable is the warning for what of an entry about to be recorded
// ledger grade could never grade, whatever outcomes the file records
// later, "" for none: grade scores only the forecasts the entry seals,
// and a forecast that is not a number (notNumbers, "model on issue") is
// not sealed; an entry that seals none (sealed is 0: every model failed
// or gave no number) grades nothing. It says what would make it
// gradable: recording again with models that give a number.
func ungradable(notNumbers []string, sealed int) string {
	const gradable = "it would be gradable recorded again with models that give one (parley forecast shows each model's, --model chooses them)"
	if sealed == 0 {
		return "this entry seals no forecast, so ledger grade can never grade it, whatever outcomes the file records later: no model gave a forecast that is a number; " + gradable
	}
	if len(notNumbers) == 0 {
		return ""
	}
	what := "1 forecast is not a number, so it is not sealed, and ledger grade can never score it"
	if n := len(notNumbers); n > 1 {
		what = fmt.Sprintf("%d forecasts are not numbers, so they are not sealed, and ledger grade can never score them", n)
	}
	return fmt.Sprintf("%s in this entry, whatever outcomes the file records later: %s; %s", what, nouns.AndMore(notNumbers, 5), gradable)
}

// knownOutcomes is the warning for an entry about to be recorded whose
// questions (outcomes after its snapshot of issues it forecasts) already
// have their outcome in the file, dated on or before the day it is
// recorded: grade scores those apart, in hindsight (LedgerGrade), so the
// entry is recorded, since its issues may yet have later outcomes (an
// interim agreement, then a final one) that grade it as sealed. An
// outcome dated after that day is an error: grade would count it as
// sealed though the file held it when the entry was sealed.
func knownOutcomes(in *Input, e *answer.LedgerEntry) (string, error) {
	forecast := map[string]bool{}
	for _, f := range e.Forecasts {
		forecast[f.Issue] = true
	}
	var known []string
	for j, o := range in.Scenario.Outcomes {
		if o.Date <= e.AsOf || !forecast[o.Issue] {
			continue
		}
		if o.Date > e.Recorded {
			return "", errs.New(errs.Invalid, "%s: outcomes[%d].date: the outcome of %s is dated %s, after %s, the day (UTC) this forecast would be recorded on: ledger grade would take it for an outcome not known when the forecast was sealed, though the file already records it, so nothing was recorded; valid: an outcome dated on or before %s (correct its date, or record on or after %s)",
				in.Name, j, o.Issue, o.Date, e.Recorded, e.Recorded, o.Date)
		}
		known = append(known, fmt.Sprintf("%s %s on %s", o.Issue, strconv.FormatFloat(o.Value, 'f', -1, 64), o.Date))
	}
	if len(known) == 0 {
		return "", nil
	}
	n := len(known)
	verb, them := "have their outcome", "them"
	if n == 1 {
		verb, them = "has its outcome", "it"
	}
	return fmt.Sprintf("%s of this entry already %s in the file, dated on or before the day it is recorded (%s): %s; ledger grade scores %s apart, in hindsight, and never among the sealed forecasts' grades (scoring a forecast against outcomes already known is a backtest: parley backtest)",
		nouns.Count(n, "question"), verb, e.Recorded, nouns.AndMore(known, 5), them), nil
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
		if !scenario.IsDate(e.Recorded) {
			return nil, errs.New(errs.Invalid, "%s:%d: entry %s: recorded %q is not a date; valid: YYYY-MM-DD, the day `parley ledger record` sealed it (grade tells sealed questions from hindsight by it)", name, line, e.ID, e.Recorded)
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
	list := nouns.AndMore(ids, 5)
	switch {
	case n == 1:
		return fmt.Sprintf("1 entry is about another scenario than %s (%s) and is not graded here: grade it with that scenario's file", id, list)
	case len(ids) == 1:
		return fmt.Sprintf("%d entries are about another scenario than %s (%s) and are not graded here: grade them with that scenario's file", n, id, list)
	}
	return fmt.Sprintf("%d entries are about other scenarios than %s (%s) and are not graded here: grade each with its scenario's file", n, id, list)
}

// ledgerAcc sums one model's errors over the questions of one group
// (sealed, or in hindsight).
type ledgerAcc struct {
	n, nd, in80              int
	ae, crps, aePct, crpsPct float64
}

// add scores the forecast f against the outcome value v on a scale whose
// percent factor is pct.
func (a *ledgerAcc) add(f answer.LedgerForecast, v, pct float64) {
	ae, crps := math.Abs(f.Forecast-v), 0.0
	if d := f.Predictive; d != nil {
		crps = d.CRPS(v)
		a.nd++
		if lo, hi := d.Interval80(); v >= lo && v <= hi {
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

// ledgerModels is the models' grades, by name (unranked).
func ledgerModels(by map[string]*ledgerAcc) []answer.LedgerModel {
	out := []answer.LedgerModel{}
	for name, a := range by {
		n := float64(a.n)
		m := answer.LedgerModel{Model: name, N: a.n, MAE: answer.Num(a.ae / n), CRPS: answer.Num(a.crps / n), MAEPct: answer.Num(a.aePct / n), CRPSPct: answer.Num(a.crpsPct / n), Coverage80: answer.Num(math.NaN())}
		if a.nd > 0 {
			m.Coverage80 = answer.Num(float64(a.in80) / float64(a.nd))
		}
		out = append(out, m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Model < out[j].Model })
	return out
}

// sealedBefore reports whether an outcome dated date grades an entry
// recorded on recorded as sealed: only when it is dated after the day
// the entry was recorded. An outcome of that day or earlier may have been
// known when the forecast was sealed, and one whose order against the
// recording cannot be told (a date missing or malformed on either side:
// scenario validation and ReadLedger refuse both) is never taken for
// sealed.
func sealedBefore(recorded, date string) bool {
	return scenario.IsDate(recorded) && scenario.IsDate(date) && date > recorded
}

// LedgerGrade grades the sealed forecasts of entries about the input's
// scenario against the outcomes it records: each outcome dated after an
// entry's snapshot date is one question for that entry, scored for every
// model the entry holds on that issue (absolute error, CRPS — a point
// forecast's is its absolute error — and whether the outcome is in the
// 80% interval), and the mean errors again as percents of each issue's
// scale. A question is sealed when its outcome is dated after the day
// the entry was recorded (sealedBefore); the others are graded apart, in
// hindsight, in HindsightModels, and count in no sealed grade or rank.
// Models are ranked by the sealed questions' MAE % — the order of MAE
// where every graded scale has one width, and the one that compares
// errors across widths — only when at least MinRanked sealed questions
// are graded for each. An entry recorded for a what-if variant forecast
// a counterfactual, not the scenario as stated: it is graded by the
// forecasts it sealed under that variant, apart, in one group per
// variant (Variants, never ranked), and counts in no grade or rank of
// the scenario as stated; a warning names the variant (variantGraded),
// and says so where the scenario no longer has it. An entry recorded as
// of a snapshot the scenario no longer has is graded all the same, and
// a warning says so (snapshotGone, snapshotGraded).
func LedgerGrade(in *Input, entries []answer.LedgerEntry) *answer.LedgerGrade {
	g := &answer.LedgerGrade{Entries: len(entries), Warnings: []string{}, Variants: []answer.LedgerVariantGrade{}}
	stated := newLedgerGroup()
	id := in.Scenario.Metadata.ID
	other := 0
	var otherIDs []string // in the ledger's order
	var scales []scoredScale
	var variants []variantEntries   // in the ledger's order
	var snapshots []snapshotEntries // in the ledger's order
	for _, e := range entries {
		if e.Scenario != id {
			other++
			if !slices.Contains(otherIDs, e.Scenario) {
				otherIDs = append(otherIDs, e.Scenario)
			}
			continue
		}
		group := stated
		k := -1
		if v := e.Target.Variant; v != "" {
			k = slices.IndexFunc(variants, func(x variantEntries) bool { return x.variant == v })
			if k < 0 {
				k = len(variants)
				variants = append(variants, variantEntries{variant: v, group: newLedgerGroup()})
			}
			group = variants[k].group
		}
		questions := group.grade(in.Scenario, e, &scales)
		if k >= 0 {
			variants[k].ids = append(variants[k].ids, e.ID)
			variants[k].questions += questions
		}
		if d := snapshotGone(in, e); d != "" {
			j := slices.IndexFunc(snapshots, func(x snapshotEntries) bool { return x.date == d })
			if j < 0 {
				j = len(snapshots)
				snapshots = append(snapshots, snapshotEntries{date: d})
			}
			snapshots[j].ids = append(snapshots[j].ids, e.ID)
			snapshots[j].questions += questions
		}
	}
	g.Graded, g.Hindsight = stated.graded, stated.inHindsight
	graded, hindsight := stated.graded, stated.inHindsight // every group's
	for _, v := range variants {
		graded += v.group.graded
		hindsight += v.group.inHindsight
		g.Variants = append(g.Variants, variantGrade(in.Scenario, v))
	}
	if other > 0 {
		g.Warnings = append(g.Warnings, otherScenarios(other, otherIDs, id))
	}
	for _, v := range variants {
		if w := variantGraded(in.Scenario, v); w != "" {
			g.Warnings = append(g.Warnings, w)
		}
	}
	for _, x := range snapshots {
		g.Warnings = append(g.Warnings, snapshotGraded(in.Scenario, x))
	}
	if w := nothingGraded(in.Scenario.Outcomes, entries, id, graded+hindsight); w != "" {
		g.Warnings = append(g.Warnings, w)
	}
	if hindsight > 0 {
		g.Warnings = append(g.Warnings, hindsightWarning(hindsight))
	}
	g.ScoreDecimals = scoreDecimals(scales)
	g.Models, g.HindsightModels = ledgerModels(stated.sealed), ledgerModels(stated.hindsight)
	g.Ranked = len(g.Models) > 0
	for _, m := range g.Models {
		g.Ranked = g.Ranked && m.N >= MinRanked
	}
	// The scales' warning says how the models are ranked only where they
	// are: with too few questions the next warning says they are not.
	ranking := ""
	if g.Ranked {
		ranking = " (the models are ranked by the sealed questions' MAE %)"
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
	} else if g.Graded+g.Hindsight > 0 || other > 0 {
		what := nouns.Count(g.Graded, "sealed question")
		if len(variants) > 0 {
			what += " of the scenario as stated"
		}
		g.Warnings = append(g.Warnings, fmt.Sprintf("%s graded: the models are not ranked until each has at least %d (fewer say more about which questions were asked than about the models)", what, MinRanked))
	}
	return g
}

// ledgerGroup sums the questions of one group of entries, the scenario
// as stated or one what-if variant: per model, the sealed questions and
// those in hindsight apart, and how many of each.
type ledgerGroup struct {
	sealed, hindsight   map[string]*ledgerAcc
	graded, inHindsight int
}

func newLedgerGroup() *ledgerGroup {
	return &ledgerGroup{sealed: map[string]*ledgerAcc{}, hindsight: map[string]*ledgerAcc{}}
}

// grade scores the entry e's questions in s (the outcomes dated after
// its as_of of an issue it forecasts) into the group, adding each
// question's scale to scales, and returns how many questions it graded,
// sealed and in hindsight.
func (gr *ledgerGroup) grade(s *scenario.Scenario, e answer.LedgerEntry, scales *[]scoredScale) int {
	questions := 0
	for _, o := range s.OutcomesBetween(e.AsOf, "") {
		is := s.Issue(o.Issue)
		if is == nil {
			continue // validation refuses an outcome of no issue
		}
		lo, hi := is.Bounds()
		sc := scoredScale{is.Name, lo, hi}
		pct := sc.pct()
		by, count := gr.sealed, &gr.graded
		if !sealedBefore(e.Recorded, o.Date) {
			by, count = gr.hindsight, &gr.inHindsight
		}
		graded := false
		for _, f := range e.Forecasts {
			if f.Issue != o.Issue {
				continue
			}
			graded = true
			a := by[f.Model]
			if a == nil {
				a = &ledgerAcc{}
				by[f.Model] = a
			}
			a.add(f, o.Value, pct)
		}
		if graded {
			*count++
			questions++
			*scales = append(*scales, sc)
		}
	}
	return questions
}

// nothingGraded says why a ledger with entries of scenario id graded no
// question (graded, sealed and in hindsight, is 0): the scenario records
// no outcome, or every outcome is dated on or before the date each
// entry's forecast stands at, and an entry is graded only against
// outcomes after it. "" where something is graded or no entry is id's.
func nothingGraded(all []scenario.Outcome, entries []answer.LedgerEntry, id string, graded int) string {
	var asOfs []string
	for _, e := range entries {
		if e.Scenario == id && !slices.Contains(asOfs, e.AsOf) {
			asOfs = append(asOfs, e.AsOf)
		}
	}
	switch {
	case graded > 0 || len(asOfs) == 0:
		return ""
	case len(all) == 0:
		return "no question is graded: the scenario records no outcome (add an outcomes section, docs/format.md)"
	}
	at := "the date its entry's forecast stands at"
	if len(entries) > 1 {
		at = "the date each entry's forecast stands at"
	}
	return fmt.Sprintf("no question is graded: %s, on or before %s (%s), and an entry is graded only against outcomes dated after it", recordedDates(all), at, nouns.AndMore(asOfs, 3))
}

// hindsightWarning says why n questions are graded apart.
func hindsightWarning(n int) string {
	if n == 1 {
		return "1 question is graded in hindsight, apart: its outcome is dated on or before the day its entry was recorded, so it may have been known when the forecast was sealed; it counts in no sealed grade and no rank"
	}
	return fmt.Sprintf("%d questions are graded in hindsight, apart: each one's outcome is dated on or before the day its entry was recorded, so it may have been known when the forecast was sealed; they count in no sealed grade and no rank", n)
}

// variantEntries are the entries of a ledger recorded for one what-if
// variant (LedgerEntry's Target.Variant, its id): their ids, in the
// ledger's order, how many questions they were graded on, sealed and in
// hindsight, and their grades (group).
type variantEntries struct {
	variant   string
	ids       []string
	questions int
	group     *ledgerGroup
}

// variantGrade is the answer's group of the entries v recorded for a
// what-if variant, headed by what it is: the variant (by id, with its
// name in s, or that s no longer has it), its entries and questions,
// and that it is not the scenario as stated and not ranked.
func variantGrade(s *scenario.Scenario, v variantEntries) answer.LedgerVariantGrade {
	out := answer.LedgerVariantGrade{Variant: v.variant, Removed: true, Entries: len(v.ids), Graded: v.group.graded, Hindsight: v.group.inHindsight,
		Models: ledgerModels(v.group.sealed), HindsightModels: ledgerModels(v.group.hindsight)}
	for _, x := range s.Variants {
		if x.ID == v.variant {
			out.Name, out.Removed = x.Name, false
		}
	}
	label := v.variant
	switch {
	case out.Removed:
		label += " (no longer in the scenario)"
	case out.Name != "":
		label += " (" + out.Name + ")"
	}
	counts := nouns.Count(out.Graded, "sealed question") + " graded"
	if out.Hindsight > 0 {
		counts += fmt.Sprintf(", %d in hindsight", out.Hindsight)
	}
	out.HeadingText = fmt.Sprintf("What-if variant %s, not the scenario as stated: %s, %s; graded apart and not ranked",
		label, nouns.Count(out.Entries, "entry"), counts)
	return out
}

// entriesNamed is how a warning names the entries ids (one, or how many
// and the first few), with the words that agree with them in number:
// the verb "was", the possessive "its" and the pronoun "it".
func entriesNamed(ids []string) (who, was, its, it string) {
	if len(ids) == 1 {
		return "entry " + ids[0], "was", "its", "it"
	}
	return fmt.Sprintf("%d entries (%s)", len(ids), nouns.AndMore(ids, 5)), "were", "their", "they"
}

// variantGraded is what grade says of the entries v recorded for a
// what-if variant, "" where there is nothing to say (the variant is the
// scenario's and none of their questions is graded yet). Such an entry
// sealed the forecasts of the scenario with the variant's changes, and
// grade scores those, against the outcomes that happened, which do not
// say whether the what-if came true, apart from the scenario as stated
// (LedgerGrade's Variants): the warning names the variant, so that a
// what-if's grade is not read as the stated scenario's. Where the
// scenario no longer has a variant of that id, the entry is graded all
// the same (its seal keeps the forecasts it made), and the warning says
// that what the variant changed can no longer be read from the file.
func variantGraded(s *scenario.Scenario, v variantEntries) string {
	n := len(v.ids)
	who, was, its, it := entriesNamed(v.ids)
	scored := fmt.Sprintf("%s %s %s the forecasts %s sealed", its, nouns.Count(v.questions, "graded question"), nouns.Verb(v.questions, "score"), it)
	if v.questions == 0 {
		scored = fmt.Sprintf("none of %s questions is graded yet; when one is, it scores the forecasts %s sealed", its, it)
	}
	apart := fmt.Sprintf("; %s %s graded apart, under the variant, and in no grade or rank of the scenario as stated", it, nouns.Verb(n, "is"))
	var ids []string
	for _, x := range s.Variants {
		if x.ID != v.variant {
			ids = append(ids, x.ID)
			continue
		}
		if v.questions == 0 {
			return ""
		}
		name := x.ID
		if x.Name != "" {
			name += " (" + x.Name + ")"
		}
		return fmt.Sprintf("%s %s recorded for the what-if variant %s, not the scenario as stated: %s under that variant's changes, against the outcomes the file records, which do not say whether its what-if came true%s",
			who, was, name, scored, apart)
	}
	has := "the scenario has no variants"
	if len(ids) > 0 {
		has = "its variants: " + nouns.AndMore(ids, 5)
	}
	return fmt.Sprintf("%s %s recorded for the what-if variant %s, which the scenario no longer has (%s): %s under that variant, but what it changed can no longer be read from this file%s; restore the variant (docs/format.md, variants:) or grade %s with the file %s %s recorded from",
		who, was, v.variant, has, scored, apart, oneOr(n, "it", "them"), it, was)
}

// snapshotEntries are the entries of a ledger recorded as of one date
// (their as_of) at which the scenario no longer has the snapshot they
// were forecast from (snapshotGone): their ids, in the ledger's order,
// and how many questions they were graded on, sealed and in hindsight.
type snapshotEntries struct {
	date      string
	ids       []string
	questions int
}

// snapshotGone is the date of the snapshot the entry e was forecast from
// where the scenario of in no longer has it, "" where it does or e was
// forecast from the base. An entry stands at its as_of: for the latest
// snapshot, the last snapshot's date; for a date, the date asked, which
// read the last snapshot dated on or before it (or the base). So it is
// gone when e names a snapshot (not base), its as_of is neither the
// scenario's as_of nor the date of one of its snapshots, and the file,
// resolved at e's target, no longer gives the inputs e sealed (its
// inputs_sha256): the last test keeps a date between two snapshots,
// which no snapshot was ever dated, from being taken for one removed
// while the file still reads there what e read.
func snapshotGone(in *Input, e answer.LedgerEntry) string {
	s := in.Scenario
	if e.Target.Snapshot == scenario.Base || e.AsOf == s.Metadata.AsOf || slices.Contains(s.SnapshotDates(), e.AsOf) {
		return ""
	}
	if res, _, _, err := in.Resolve(e.Target); err == nil {
		if b, err := fingerprint(res); err == nil && sha(b) == e.InputsSHA256 {
			return ""
		}
	}
	return e.AsOf
}

// snapshotGraded is what grade says of the entries x recorded as of a
// snapshot the scenario no longer has: they are graded all the same, by
// the forecasts they sealed against the outcomes dated after their
// as_of (neither is read from the snapshot), but the stances they were
// forecast from can no longer be read from the file, so the warning says
// what the scenario has instead, and how to read them again.
func snapshotGraded(s *scenario.Scenario, x snapshotEntries) string {
	n := len(x.ids)
	who, was, its, it := entriesNamed(x.ids)
	scored := fmt.Sprintf("%s %s %s the forecasts %s sealed, against the outcomes dated after %s, as before", its, nouns.Count(x.questions, "graded question"), nouns.Verb(x.questions, "score"), it, x.date)
	if x.questions == 0 {
		scored = fmt.Sprintf("none of %s questions is graded yet; when one is, it scores the forecasts %s sealed, against an outcome dated after %s", its, it, x.date)
	}
	has := "the scenario has no snapshots"
	if d := s.SnapshotDates(); len(d) > 0 {
		has = "its snapshots: " + nouns.AndMore(d, 5)
	}
	return fmt.Sprintf("%s %s recorded as of %s, and the scenario now has no snapshot of that date (%s), nor reads there the inputs %s sealed: %s, but the stances %s %s forecast from can no longer be read from this file; restore the snapshot (docs/format.md, snapshots:) or grade %s with the file %s %s recorded from",
		who, was, x.date, has, it, scored, it, was, oneOr(n, "it", "them"), it, was)
}
