package ask

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/catalog"
	"parley/model/nash"
	"parley/nouns"
	"parley/scenario"
)

// Explain says why a model forecasts what it does on each issue (or on
// the one the request names): each actor's pull on the forecast and, for
// the median, the pivotal position. The model runs through the catalog as
// Forecast runs it, with the request's settings and seed, so the forecast
// explained is the forecast answer's with the same settings.
// It covers answer.ExplainModels, every model: for compromise, median and
// nash each actor's pull; for ks each actor's share of its best feasible
// gain and who bounds the forecast; for bdm its rounds
// (explain_models.go), for exchange its exchanges and their
// externalities, for smp its turns, for the ensemble its members' parts,
// for snap and compromise-band the compromise and how the point and the
// distribution are built from it.
func Explain(ctx context.Context, c *Case, req answer.ExplainRequest) (*answer.Explanation, error) {
	return explainLimited(ctx, c, req, answer.MaxExplainRows)
}

// checkExplainOn is what Explain refuses before it runs its model, and
// CheckCase's check of its request: its own fields (checkExplain), its
// issue on the case and its settings, which it returns.
func (c *Case) checkExplainOn(req *answer.ExplainRequest) (settings, error) {
	if err := checkExplain(req); err != nil {
		return settings{}, err
	}
	if err := c.checkIssue(req.Issue); err != nil {
		return settings{}, err
	}
	return c.checkSettings(&req.Settings, req.Seed, []string{req.Model}, explainHint)
}

// explainLimited is Explain listing at most limit challenges or
// externalities.
func explainLimited(ctx context.Context, c *Case, req answer.ExplainRequest, limit int) (*answer.Explanation, error) {
	set, err := c.checkExplainOn(&req)
	if err != nil {
		return nil, err
	}
	req.Target = c.target()
	m, err := set.model(req.Model)
	if err != nil {
		return nil, err
	}
	p := c.Problem()
	r, err := model.Run(ctx, m, p, set.options())
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("model %s: %w", m.Name(), err)
	}
	mf := c.convert(m.Name(), r, set.options())
	cite := ""
	if cm, ok := m.(model.Cited); ok {
		cite = CitationText(m, cm.Cite())
	}
	out := &answer.Explanation{Scenario: c.Header, Request: req, Model: m.Name(), CitationText: cite, Issues: []answer.IssueExplanation{},
		Notes: c.notesOn(mf, req.Issue), Warnings: append([]string{}, mf.Warnings...)}
	for _, f := range mf.Issues {
		if req.Issue != "" && f.Issue != req.Issue {
			continue
		}
		k := c.Header.IssueIndex(f.Issue)
		out.Issues = append(out.Issues, c.explainIssue(m.Name(), k, f))
	}
	if err := explainRun(ctx, m, p, r, req, out, limit); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, fmt.Errorf("model %s: %w", m.Name(), err)
	}
	explainTexts(out)
	return out, nil
}

// CitationText is the line an explanation of m opens with, from its
// citation c (model.Cited): "Source: Achen 2006; Thomson et al. 2006.
// This explanation rests on package compromise's equations (1) x* = Σᵢ
// cᵢsᵢxᵢ / Σᵢ cᵢsᵢ. See docs/models.md, section “compromise — the
// weighted mean”." A model of no paper says so.
func CitationText(m model.Model, c model.Citation) string {
	pkg := reflect.TypeOf(m).PkgPath()
	pkg = pkg[strings.LastIndex(pkg, "/")+1:]
	papers := "Source: " + c.Papers + "."
	if c.Papers == "" {
		papers = "Source: no paper."
	}
	return fmt.Sprintf("%s This explanation rests on package %s's equations %s. See docs/models.md, section “%s”.", papers, pkg, c.Equations, c.Section)
}

// notesOn keeps the notes of mf an explanation of issue ("" every
// issue) needs: a model's note about some issues (model.Note's Issues,
// ids) only when it is about issue, and then written as about issue
// alone; a note about the run as a whole always; a red line crossed (one
// of mf.RedLines) only when it is crossed on issue. Every issue's are
// mf.Notes as they are.
func (c *Case) notesOn(mf answer.ModelForecast, issue string) []string {
	if issue == "" {
		return mf.Notes
	}
	var out []string
	for _, n := range mf.ModelNotes {
		if n.On(issue) {
			out = append(out, NoteText(&c.Header, n.Narrowed(issue)))
		}
	}
	for _, x := range mf.RedLines {
		if x.Issue == issue {
			out = append(out, x.Text())
		}
	}
	return out
}

// checkExplain checks the model an explain request names.
func checkExplain(req *answer.ExplainRequest) error {
	if strings.TrimSpace(req.Model) == "" {
		req.Model = answer.DefaultExplainModel
	}
	req.Model = strings.TrimSpace(req.Model)
	if !slices.Contains(answer.ExplainModels, req.Model) {
		// sorted, as catalog.Get's unknown model lists every model
		covered := slices.Sorted(slices.Values(answer.ExplainModels))
		if _, err := catalog.Get(req.Model); err != nil {
			// a misspelling gets its "did you mean", among what explain covers
			return errs.Field("model", "unknown model %q%s", req.Model, errs.Choices(req.Model, covered))
		}
		list := strings.Join(covered, ", ")
		return errs.Field("model", "model %q: explain does not cover it; valid: %s", req.Model, list)
	}
	return nil
}

// explainIssue explains model name's forecast f of issue k.
func (c *Case) explainIssue(name string, k int, f answer.IssueForecast) answer.IssueExplanation {
	p := c.problem
	is := p.Issues[k]
	e := answer.IssueExplanation{Issue: is.ID, Name: f.Name, Forecast: f.Forecast, Settled: f.Settled, Range: f.Range, Nearest: f.Nearest,
		Reference: is.Min, ReferenceFrom: "min", Pulls: []answer.Pull{}}
	if is.HasReference {
		e.Reference, e.ReferenceFrom = is.Reference, "reference"
	}
	fc := float64(f.Forecast)
	idx, cp, x, s := p.Column(k)
	w := make([]float64, len(idx))
	total := 0.0
	for j := range w {
		w[j] = cp[j] * s[j]
		total += w[j]
	}
	for j, i := range idx {
		a := p.Actors[i]
		e.Pulls = append(e.Pulls, answer.Pull{Actor: a.ID, Name: actorName(a), Position: x[j], Weight: w[j], Share: w[j] / total, Distance: x[j] - fc})
	}
	switch name {
	case "compromise", "snap", "compromise-band":
		// snap and compromise-band start from the compromise: its pulls,
		// each toward the actor's position from the weighted mean, so
		// that a pull's sign is the way it pulls and they sum to zero
		mean := model.WeightedMean(x, w) // the compromise model's own
		for j := range e.Pulls {
			e.Pulls[j].Pull = answer.Num(e.Pulls[j].Share * (x[j] - mean))
		}
	case "median":
		e.Pivotal = pivotal(p, idx, x, w, total)
		for j := range e.Pulls {
			switch {
			case x[j] > fc:
				e.Pulls[j].Pull = answer.Num(e.Pulls[j].Share)
			case x[j] < fc:
				e.Pulls[j].Pull = answer.Num(-e.Pulls[j].Share)
			}
		}
	case "nash":
		e.StatusQuoKept = nashPulls(is, e.Pulls, x, w, fc)
	case "ks":
		e.KS, e.StatusQuoKept = ksPulls(is, e.Pulls, x, w, fc)
	default:
		// the iterative models: their reasons are rounds, exchanges, turns
		for j := range e.Pulls {
			e.Pulls[j].Pull = answer.Num(math.NaN())
		}
	}
	sort.SliceStable(e.Pulls, func(a, b int) bool {
		pa, pb := math.Abs(float64(e.Pulls[a].Pull)), math.Abs(float64(e.Pulls[b].Pull))
		if math.IsNaN(pa) || math.IsNaN(pb) || pa == pb {
			return e.Pulls[a].Weight > e.Pulls[b].Weight
		}
		return pa > pb
	})
	e.Text = explainText(name, is, e)
	return e
}

func actorName(a model.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.ID
}

// pivotal finds the weighted median's position as model.WeightedMedian
// does (positions sorted stably, equal positions pooled, the first whose
// cumulative weight reaches half), with the shares of the weight below,
// at and above it.
func pivotal(p *model.Problem, idx []int, x, w []float64, total float64) *answer.Pivotal {
	ord := make([]int, len(x))
	for j := range ord {
		ord[j] = j
	}
	sort.SliceStable(ord, func(a, b int) bool { return x[ord[a]] < x[ord[b]] })
	half := total / 2
	cum := 0.0
	for j := 0; j < len(ord); j++ {
		start := j
		cum += w[ord[j]]
		for j+1 < len(ord) && x[ord[j+1]] == x[ord[j]] {
			j++
			cum += w[ord[j]]
		}
		if cum < half {
			continue
		}
		pv := &answer.Pivotal{Position: x[ord[j]], Actors: []string{}}
		at := 0.0
		for _, o := range ord[start : j+1] {
			pv.Actors = append(pv.Actors, p.Actors[idx[o]].ID)
			at += w[o]
		}
		pv.At = at / total
		pv.Below = (cum - at) / total
		pv.Above = (total - cum) / total
		if cum == half {
			for n := j + 1; n < len(ord); n++ {
				if w[ord[n]] > 0 {
					u := x[ord[n]]
					pv.Tie, pv.Upper = true, &u
					break
				}
			}
		}
		return pv
	}
	return nil
}

// nashPulls fills each actor's term of the Nash product's first-order
// condition at the forecast fc and its part of its possible gain; it
// reports whether the status quo is kept (the feasible set is a point,
// as package nash decides it).
func nashPulls(is model.Issue, pulls []answer.Pull, x, w []float64, fc float64) bool {
	r, L, U := nash.Bargaining(x, w, is.Min, is.Max, is.Reference, is.HasReference)
	kept := is.HasReference && !(L < U)
	for j := range pulls {
		d := fc - x[j]
		if r[j] > 0 {
			g := 1 - d*d/(r[j]*r[j])
			pulls[j].Gain = &g
		}
		switch {
		case kept:
			pulls[j].Pull = answer.Num(math.NaN())
		case w[j] == 0:
			pulls[j].Pull = 0
		default:
			pulls[j].Pull = answer.Num(pulls[j].Share * 2 * (x[j] - fc) / (r[j]*r[j] - d*d))
		}
	}
	return kept
}

// ksBindingTol is how close, relatively, an actor's Ratio/ŵ must be to
// the smallest for the actor to bind: package ks finds the forecast to
// about 1e-13 of the scale, where the binding actors' ratios agree to
// about as many digits, and rounding of (5) computed on the issue's own
// scale adds no more than that.
const ksBindingTol = 1e-7

// ksPulls fills each actor's gain at the forecast fc, its ideal (the
// point of the bargaining set F nearest it), its gain there and the
// ratio of the two, and marks the actors whose ratio per unit of weight
// is the smallest: equations (3)–(6) of package ks, on the issue's own
// scale. It returns F and that smallest ratio, and whether the status
// quo is kept (F is a point, as package ks decides it; then nil). The
// pulls are null: KS balances no pulls.
func ksPulls(is model.Issue, pulls []answer.Pull, x, w []float64, fc float64) (*answer.KSBound, bool) {
	r, L, U := nash.Bargaining(x, w, is.Min, is.Max, is.Reference, is.HasReference)
	L, U = math.Max(L, is.Min), math.Min(U, is.Max)
	kept := is.HasReference && !(L < U)
	wmax := slices.Max(w)
	level := math.Inf(1)
	per := make([]float64, len(pulls)) // Ratio/ŵ, NaN for an actor not counted
	for j := range pulls {
		pulls[j].Pull = answer.Num(math.NaN())
		per[j] = math.NaN()
		if !(r[j] > 0) {
			continue
		}
		d := fc - x[j]
		g := 1 - d*d/(r[j]*r[j])
		pulls[j].Gain = &g
		if kept {
			continue
		}
		ideal := math.Min(U, math.Max(L, x[j]))
		delta := ideal - x[j]
		ig := 1 - delta*delta/(r[j]*r[j])
		pulls[j].Ideal, pulls[j].IdealGain = &ideal, &ig
		if !(ig > 0) {
			continue
		}
		ratio := g / ig
		pulls[j].Ratio = &ratio
		if w[j] > 0 {
			rel := w[j] / wmax
			per[j] = ratio / rel
			level = math.Min(level, per[j])
			pw := per[j]
			pulls[j].RelativeWeight, pulls[j].PerWeight, pulls[j].PerWeightText = &rel, &pw, PerWeightText(pw)
		}
	}
	if kept || math.IsInf(level, 1) {
		return nil, kept
	}
	rd := RatioDecimals(pulls)
	for j := range pulls {
		pulls[j].Binding = per[j] <= level*(1+ksBindingTol)
		if pulls[j].Ratio != nil {
			pulls[j].RatioText = WeightShareText(*pulls[j].Ratio, rd)
		}
	}
	return &answer.KSBound{Lo: L, Hi: U, Level: level}, false
}

// PerWeightText writes a ks share of its best feasible gain per unit of
// weight (a pull's PerWeight, KSBound's Level) with three significant
// digits: "1.07", "1.2e+10" for an actor of a millionth of the
// heaviest's weight.
func PerWeightText(x float64) string { return strconv.FormatFloat(x, 'g', 3, 64) }

// RatioDecimals is how many decimals ks's shares of each actor's best
// feasible gain (each pull's Ratio) are written with as percents, in
// the sentence and the tables alike (each pull's RatioText): none,
// raised until no ratio that is not zero reads as zero (percentDecimals,
// the shares' rule), so a light actor's 0.2% of its best reads "0.2%",
// not "0%", and every other ratio of the issue takes the same decimals.
func RatioDecimals(pulls []answer.Pull) int {
	var ratios []float64
	for _, p := range pulls {
		if p.Ratio != nil && finite(*p.Ratio) {
			ratios = append(ratios, math.Abs(*p.Ratio))
		}
	}
	return percentDecimals(ratios, 0)
}

// forecastHead opens an explanation's sentence with what the model
// forecasts, its numbers with d decimals (the issue's): "bdm forecasts
// 40.0 (nearest: …)" for a forecast that settled; for one that did not,
// its range and the last round's point only as that, "bdm forecasts the
// range 20.7–90.0, not a point: it did not settle (its last round's point
// 20.7; options the range reaches: …)", as the forecast answer reads it
// (answer.IssueForecast's Range; its Nearest are then the options the
// range reaches). Every model's explanation opens with it but the
// ensemble's, which writes its sum to one more decimal.
func forecastHead(name string, e answer.IssueExplanation, d int) string {
	ls := optionLabel(e.Nearest)
	if !e.Settled && e.Range != nil {
		head := fmt.Sprintf("%s forecasts the range %s, not a point: it did not settle (its last round's point %s", name, RangeText(e.Range.Lo, e.Range.Hi, d, Decimals), gd(float64(e.Forecast), d))
		if ls != "" {
			head += "; options the range reaches: " + ReachedText(e.Nearest, optionLabel)
		}
		return head + ")"
	}
	head := fmt.Sprintf("%s forecasts %s", name, gd(float64(e.Forecast), d))
	if ls != "" {
		head += fmt.Sprintf(" (nearest: %s)", ls)
	}
	return head
}

// explainText says why in one or two sentences.
func explainText(name string, is model.Issue, e answer.IssueExplanation) string {
	d := ScaleDecimals(is.Min, is.Max)
	g := onScale(d)
	head := forecastHead(name, e, d)
	origin := "the scale's minimum " + g(e.Reference)
	if e.ReferenceFrom == "reference" {
		origin = "the status quo " + g(e.Reference)
	}
	switch name {
	case "compromise":
		s := fmt.Sprintf("%s: the capability×salience weighted mean of %d actors' positions, where their pulls balance: each pulls it toward its own position by its share × its distance from it, and the pulls sum to zero.", head, len(e.Pulls))
		if up, down := hardest(e.Pulls); up != nil && down != nil {
			// their shares as the median's sentence writes its own: with
			// no decimals or the fewest at which neither reads as zero
			pd, sd := PullDecimals(name, e.Pulls, d), percentDecimals([]float64{up.Share, down.Share}, 0)
			s += hardestText(up, down,
				fmt.Sprintf("%s, %s of the weight", PullText(name, up.Pull, pd), WeightShareText(up.Share, sd)),
				fmt.Sprintf("%s, %s of the weight", PullText(name, down.Pull, pd), WeightShareText(down.Share, sd)))
		}
		return s
	case "median":
		pv := e.Pivotal
		if pv == nil {
			return head + "."
		}
		names := pivotNames(e, pv)
		// The shares below and above the pivot, written with no decimals
		// or the fewest at which neither that is not zero reads as zero.
		if pv.Tie && pv.Upper != nil {
			pd := percentDecimals([]float64{pv.Below + pv.At, pv.Above}, 0)
			return fmt.Sprintf("%s: the weight splits exactly in half, %s at or below %s (%s) and %s at or above %s, so every point between ties in pairwise votes and the model takes the midpoint.",
				head, WeightShareText(pv.Below+pv.At, pd), g(pv.Position), names, WeightShareText(pv.Above, pd), g(*pv.Upper))
		}
		pd := percentDecimals([]float64{pv.Below, pv.Above}, 0)
		return fmt.Sprintf("%s, the position of %s: %s of the weight lies below it and %s above, so neither side can outvote it (the weighted median).",
			head, names, WeightShareText(pv.Below, pd), WeightShareText(pv.Above, pd))
	case "nash", "ks":
		if e.StatusQuoKept {
			var at []string
			for _, p := range e.Pulls {
				if p.Weight > 0 && p.Position == e.Reference {
					at = append(at, p.Name)
				}
			}
			why := "actors on both sides of it leave no common gain"
			if len(at) > 0 {
				why = strings.Join(at, ", ") + " sits at it"
			}
			return fmt.Sprintf("%s: no agreement improves on %s for every weighted actor (%s), so the model keeps the status quo.", head, origin, why)
		}
		if name == "ks" {
			return ksText(head, origin, e, d)
		}
		up, down := hardest(e.Pulls)
		breakdown := "the status quo " + g(e.Reference)
		if e.ReferenceFrom != "reference" {
			breakdown = "its worst outcome on the scale"
		}
		s := fmt.Sprintf("%s, where the actors' weighted marginal gains balance (the pulls sum to zero); every weighted actor gains over breakdown (%s).", head, breakdown)
		if up != nil && down != nil {
			pd := PullDecimals(name, e.Pulls, d)
			s += hardestText(up, down, PullText(name, up.Pull, pd), PullText(name, down.Pull, pd))
		}
		return s
	}
	return head + "."
}

// hardest is the actor that pulls up hardest and the one that pulls down
// hardest (nil where none does).
func hardest(pulls []answer.Pull) (up, down *answer.Pull) {
	for j := range pulls {
		p := &pulls[j]
		if p.Pull > 0 && (up == nil || p.Pull > up.Pull) {
			up = p
		}
		if p.Pull < 0 && (down == nil || p.Pull < down.Pull) {
			down = p
		}
	}
	return up, down
}

// hardestText is the sentence that names the hardest pulls up and down,
// upText and downText being what each's parenthesis holds: the larger
// pull first, so that the actor named first pulls hardest of all (a
// user read "Ukraine pulls up hardest (+6.53), Russia down (-7.63)" as
// Ukraine's being the greater pull; docs/DECISIONS.md, "explain26").
func hardestText(up, down *answer.Pull, upText, downText string) string {
	if -down.Pull > up.Pull {
		return fmt.Sprintf(" The hardest pulls: %s down (%s), %s up (%s).", down.Name, downText, up.Name, upText)
	}
	return fmt.Sprintf(" The hardest pulls: %s up (%s), %s down (%s).", up.Name, upText, down.Name, downText)
}

// roundedNearly ends a head of pulls that sum to zero: the rounded
// numbers a door writes need not (the user's review found "as written,
// rounded, only nearly" hard to parse; docs/DECISIONS.md, "minor25").
const roundedNearly = "; the rounded numbers shown sum to zero only nearly"

// PullsHead says what a pull measures in model's explanation of an issue
// (its numbers with d decimals), for every door to head the pulls with:
// each model's own quantity, + up and − down the scale, so that a pull's
// sign is the way it moves the forecast; "" for a model whose reasons
// are not pulls (ks, the iterative models, the ensemble). No model's
// pull is measured from the status quo: compromise's was, and read as
// though an actor below the forecast pushed it up.
func PullsHead(model string, e answer.IssueExplanation, d int) string {
	switch model {
	case "compromise":
		return "pull: share × (position − forecast), + up, − down; they sum to zero at the forecast, the weighted mean" + roundedNearly
	case "snap", "compromise-band":
		c := "the compromise"
		if e.Snap != nil {
			c = "compromise " + gd(e.Snap.Compromise, d)
		}
		return fmt.Sprintf("pull: share × (position − %s), + up, − down; they sum to zero at the compromise, the weighted mean %s starts from%s", c, model, roundedNearly)
	case "median":
		return "pull: the actor's share of the weight, + above the forecast, − below: the weight that would vote it up or down"
	case "nash":
		return "pull: the actor's term of the Nash product's first-order condition at the forecast, + up, − down; they sum to zero there" + roundedNearly
	}
	return ""
}

// PullDecimals is how many decimals an issue's pulls in model's
// explanation are written with, on a scale of d decimals (the issue's):
// d for compromise's pulls, which are points on the scale; for nash's,
// marginal gains per point of the scale and so as small as the scale is
// wide, the scale's rule (WidthDecimals) applied to the largest pull,
// which gives it three significant figures and every other pull of the
// issue the same decimals: 0.0760 and 0.0264 on the built-in case's 0–100
// scales, 3.34 on a 0–1 one, 0.00000334 on a 0–1,000,000 one (three
// significant figures each, %.3g, wrote that "3.34e-06" and a pull of
// 0.00856 beside one of 0.076). Either is then raised, for every pull of
// the issue alike, until no pull that is not zero reads as zero: on a
// 0–20 scale's one decimal, compromise pulls of −0.035 and +0.016 read
// "0.0" beside an arrow, and take two ("-0.04", "+0.02"). A pull within
// floating-point noise of zero (scenario.NoiseShare of the largest) is
// zero, and reads so. Median's pulls are shares, written as percents
// whatever d (PullText), and take the same rule from one decimal of the
// percent: a share of 0.0004 beside one of 0.3996 reads "+0.04%", not
// "0.0%", and the other "-39.96%". Every door writes a pull by PullText
// with these decimals, which the answer carries (Pull.PullText);
// written rounded, the pulls that sum to zero need not sum to zero as
// written, and PullsHead says so.
func PullDecimals(model string, pulls []answer.Pull, d int) int {
	sizes := make([]float64, 0, len(pulls))
	for _, p := range pulls {
		if p.Pull.Finite() {
			sizes = append(sizes, math.Abs(float64(p.Pull)))
		}
	}
	if model == "median" {
		return percentDecimals(sizes, shareDecimals)
	}
	top := slices.Max(append(sizes, 0))
	if top == 0 {
		return d
	}
	e := d
	if model == "nash" {
		e = scenario.WidthDecimals(top)
	}
	return raiseDecimals(sizes, 1, top, e)
}

// raiseDecimals raises e, the decimals of numbers of sizes (none
// negative, top the largest) each written times unit, until none that
// is not zero reads as zero; one within floating-point noise of zero
// (scenario.NoiseShare of top) is zero, and reads so.
func raiseDecimals(sizes []float64, unit, top float64, e int) int {
	for _, a := range sizes {
		if a <= scenario.NoiseShare*top {
			continue
		}
		for e < maxPullDecimals && readsZero(fixed(unit*a, e)) {
			e++
		}
	}
	return e
}

// percentDecimals is how many decimals shares (parts of one, none
// negative) are written with as percents: from decimals e, raised until
// no share that is not zero reads as zero (0.0004 reads "0.04%", not
// "0.0%" or "0%").
func percentDecimals(shares []float64, e int) int {
	return raiseDecimals(shares, 100, slices.Max(append(shares, 0)), e)
}

// shareDecimals is the fewest decimals an actor's share of the weight
// takes as a percent (ShareDecimals, and a median's pulls, which are
// shares).
const shareDecimals = 1

// ShareDecimals is how many decimals the actors' shares of the weight
// (each pull's Share) are written with as percents, in every model's
// explanation: one, raised until no share that is not zero reads as
// zero (percentDecimals). Every door writes a share by WeightShareText with
// them, which the answer carries (Pull.ShareText).
func ShareDecimals(pulls []answer.Pull) int {
	shares := make([]float64, len(pulls))
	for i, p := range pulls {
		shares[i] = math.Abs(p.Share)
	}
	return percentDecimals(shares, shareDecimals)
}

// WeightDecimals is how many decimals the actors' weights (capability ×
// salience, each pull's Weight) are written with: those of a scale from
// 0 to the heaviest (ScaleDecimals), so that none is in exponent form
// ("2.4e+06" beside "0.6"), raised until no weight that is not zero
// reads as zero (0.04 beside 60: "0.04", not "0.0").
func WeightDecimals(pulls []answer.Pull) int {
	weights := make([]float64, len(pulls))
	for i, p := range pulls {
		weights[i] = math.Abs(p.Weight)
	}
	heaviest := slices.Max(append(weights, 0))
	return raiseDecimals(weights, 1, heaviest, ScaleDecimals(0, heaviest))
}

// WeightShareText writes a share of the weight as a percent with d decimals
// (ShareDecimals), by PercentText's rule; a share within floating-point
// noise of 0 or 1 (scenario.NoiseShare) is 0 or 1, and reads so.
func WeightShareText(share float64, d int) string {
	switch {
	case math.Abs(share) <= scenario.NoiseShare:
		share = 0
	case math.Abs(share-1) <= scenario.NoiseShare:
		share = 1
	}
	return PercentText(share, d)
}

// maxPullDecimals bounds PullDecimals: a pull a billionth of the largest
// (the smallest not noise) on the widest scale nash's pulls need
// (0.00000334 on 0–1,000,000) reads at 20.
const maxPullDecimals = 20

// PullText writes a pull as every door shows it, with its direction's
// sign and none where it reads as zero (Signed), with d decimals
// (PullDecimals): a median's share as a percent (rounded half away
// from zero, as PercentText rounds every percent), any other model's pull
// as it is; NoNumber where there is none.
func PullText(model string, p answer.Num, d int) string {
	if !p.Finite() {
		return NoNumber
	}
	if model == "median" {
		// a share, rounded as every percent is (nouns.RoundHalfAway),
		// signed as Signed signs a pull
		s := nouns.RoundHalfAway(float64(p), 2, d)
		if p > 0 && !readsZero(s) {
			s = "+" + s
		}
		return s + "%"
	}
	return Signed(float64(p), d)
}

// ksText says which actors bound the Kalai–Smorodinsky solution and
// what share of its best feasible gain each gets.
func ksText(head, origin string, e answer.IssueExplanation, d int) string {
	g1 := onScale(d)
	breakdown := origin
	if e.ReferenceFrom != "reference" {
		breakdown = "each actor's worst end of the scale"
	}
	s := fmt.Sprintf("%s: of the outcomes every weighted actor prefers to breakdown (%s), %s, the one where the smallest share of its best feasible gain any actor gets (per unit of weight) is largest; an actor's best feasible outcome (its utopia point, in Kalai and Smorodinsky's terms) is the point of that range nearest its position, and its share per unit of weight is the share of its best feasible gain it gets ÷ its weight relative to the heaviest actor's.",
		head, breakdown, RangeJoin(g1(e.KS.Lo), g1(e.KS.Hi)))
	var bind, rest []string
	for _, p := range e.Pulls {
		if p.Ratio == nil || p.Weight == 0 {
			continue
		}
		side := "above"
		switch {
		case p.Distance < 0:
			side = "below"
		case p.Distance == 0:
			side = "at it"
		}
		switch {
		case p.Binding && p.RelativeWeight != nil:
			bind = append(bind, fmt.Sprintf("%s (%s, %s of its best ÷ weight %s = %s)", p.Name, side, p.RatioText, PerWeightText(*p.RelativeWeight), p.PerWeightText))
		case p.Binding:
			bind = append(bind, fmt.Sprintf("%s (%s, %s of its best)", p.Name, side, p.RatioText))
		case p.RelativeWeight != nil:
			rest = append(rest, fmt.Sprintf("%s %s ÷ weight %s = %s", p.Name, p.RatioText, PerWeightText(*p.RelativeWeight), p.PerWeightText))
		default:
			rest = append(rest, fmt.Sprintf("%s %s", p.Name, p.RatioText))
		}
	}
	switch len(bind) {
	case 0:
	case 1:
		s += fmt.Sprintf(" %s bounds it.", bind[0])
	default:
		s += fmt.Sprintf(" %s bound it: moving the forecast toward one gives another less.", strings.Join(bind, " and "))
	}
	if len(rest) > 0 {
		more := ""
		if len(rest) > 3 {
			more = fmt.Sprintf(", %d more", len(rest)-3)
			rest = rest[:3]
		}
		s += fmt.Sprintf(" The others do better per unit of weight: %s%s.", strings.Join(rest, ", "), more)
	}
	return s
}

func pivotNames(e answer.IssueExplanation, pv *answer.Pivotal) string {
	var out []string
	for _, id := range pv.Actors {
		i := slices.IndexFunc(e.Pulls, func(p answer.Pull) bool { return p.Actor == id })
		if i >= 0 {
			out = append(out, e.Pulls[i].Name)
		}
	}
	return strings.Join(out, ", ")
}

// possessive is a name's English possessive (nouns.Possessive).
func possessive(name string) string { return nouns.Possessive(name) }
