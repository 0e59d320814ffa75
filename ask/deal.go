package ask

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/answer"
	"parley/deal"
	"parley/errs"
	"parley/model"
	"parley/scenario"
	"parley/sweep"
)

// DealEvaluate judges one package: each actor's utility, alternative,
// red lines crossed and verdict, and the package's distance from each
// model's forecast.
func DealEvaluate(ctx context.Context, c *Case, req answer.DealEvaluateRequest) (*answer.DealEvaluation, error) {
	set, err := c.checkEvaluate(&req)
	if err != nil {
		return nil, err
	}
	req.Target = c.target()
	din, o, noDeal, warn, err := c.dealSetup(ctx, &req.DealRequest, set)
	if err != nil {
		return nil, err
	}
	p := c.problem
	var restV []float64
	restName := "none"
	if req.Rest == "reference" {
		if len(req.Package) < len(p.Issues) {
			restV, restName = deal.References(p), "reference"
		}
	} else if req.Rest != "none" && len(req.Package) < len(p.Issues) {
		var w []string
		if restV, restName, w, err = c.packageFrom(ctx, req.Rest, "rest", set); err != nil {
			return nil, err
		}
		warn = append(warn, w...)
	}
	warn = append(warn, c.restAtOptions(req.Package, restV, restName)...)
	v, err := deal.Complete(p, req.Package, restV, "rest "+req.Rest)
	if err != nil {
		return nil, err
	}
	forecasts, models, fwarn, err := c.dealForecasts(ctx, req.Target, req.Models, set)
	if err != nil {
		return nil, err
	}
	req.Models = models
	warn = append(warn, fwarn...)
	ev, err := deal.Evaluate(din, v, forecasts, o)
	if err != nil {
		return nil, err
	}
	out := &answer.DealEvaluation{Scenario: c.Header, Request: req, NoDeal: noDeal, NoDealText: NoDealText(noDeal), Rest: restName, Evaluation: ev, Warnings: warn}
	for i := range ev.Actors {
		verdictTexts(&out.Scenario, &ev.Actors[i])
	}
	ruleTexts(&out.Scenario, ev.Rules)
	out.SummaryText = EvaluationSummary(&out.Scenario, ev)
	out.RestCrossedText = RestCrossedText(&out.Scenario, ev, req.Package, restName)
	for k, is := range out.Scenario.Issues {
		if k < len(ev.Package) {
			out.NearestText = append(out.NearestText, NearestOptionText(out.Scenario.Nearest(k, ev.Package[k]), out.Scenario.IssueDecimals(is.ID)))
		}
	}
	if len(ev.Forecasts) > 0 {
		distanceTexts(ev.Forecasts)
		ev.DistanceHead = DistanceHead
	}
	if req.Robust.On {
		ro, w, err := robustOptions(c, req.Robust, req.Seed, noDeal)
		if err != nil {
			return nil, err
		}
		if out.Robust, err = deal.RobustEvaluate(ctx, din, v, o, ro); err != nil {
			return nil, err
		}
		robustTexts(&out.Scenario, out.Robust, len(din.Rules) > 0)
		out.Warnings = append(out.Warnings, w...)
		out.HeldFixed = c.HeldFixed()
	}
	return out, nil
}

// restAtOptions puts the rest of a package (rest, from the package
// named by name: a model's forecast, the reference) at the nearest
// option on each discrete issue the package does not name where it lies
// between options, as no party can table it there, and says so
// (RestAtOptionText): the model's number is no value a person gave,
// which deal evaluate would refuse, but the issue still takes only its
// options (docs/DECISIONS.md, "discrete28").
func (c *Case) restAtOptions(named map[string]float64, rest []float64, name string) []string {
	var out []string
	for k, is := range c.problem.Issues {
		if _, ok := named[is.ID]; ok || k >= len(rest) || !is.Discrete || len(is.Anchors) < 2 || deal.IsOption(is, rest[k]) {
			continue
		}
		x := deal.NearestOption(is, rest[k])
		d := c.Header.IssueDecimals(is.ID)
		label := numD(x, d)
		if as := c.Header.Nearest(k, x); len(as) > 0 && as[0].Label != "" {
			label = as[0].Label + " (" + numD(x, d) + ")"
		}
		out = append(out, RestAtOptionText(name, c.Header.IssueName(is.ID), numD(rest[k], d), label))
		rest[k] = x
	}
	return out
}

// RestAtOptionText says that the rest of a package from name
// ("model:ks") gave a discrete issue (issue, its name) a value between
// its options (from) and that the package takes the nearest option
// (option, its label and value): "rest model:ks: Contract length takes
// only its options, and the forecast 1.61 lies between them: the
// package takes the nearest option, 2 years (2.00)".
func RestAtOptionText(name, issue, from, option string) string {
	what := "the value"
	if strings.HasPrefix(name, "model:") {
		what = "the forecast"
	}
	return fmt.Sprintf("rest %s: %s takes only its options, and %s %s lies between them: the package takes the nearest option, %s", name, issue, what, from, option)
}

// checkEvaluate is what DealEvaluate refuses before it runs a model, and
// CheckCase's check of its request: the robust analysis, the models
// compared, the deal request (dealSettings), the package (deal.CheckValues)
// and a rest of "reference" where the issues the package leaves out have
// none. It returns the settings the question runs its models with.
func (c *Case) checkEvaluate(req *answer.DealEvaluateRequest) (settings, error) {
	if err := checkRobust(req.Robust); err != nil {
		return settings{}, err
	}
	compared, err := comparedModels(req.Models)
	if err != nil {
		return settings{}, err
	}
	set, err := c.dealSettings(&req.DealRequest, append(compared, packageModel(req.Rest)), evaluateHint)
	if err != nil {
		return settings{}, err
	}
	if err := deal.CheckValues(c.problem, "package", req.Package); err != nil {
		return settings{}, err
	}
	if req.Rest == "reference" {
		// Only the issues the package leaves out need a reference.
		var missing, pairs []string
		for _, is := range c.problem.Issues {
			if _, named := req.Package[is.ID]; !named && !is.HasReference {
				missing = append(missing, is.ID)
				pairs = append(pairs, is.ID+"=VALUE")
			}
		}
		if len(missing) > 0 {
			return settings{}, errs.Field("rest", "rest reference: the package leaves out issues %v, which have no reference (status quo) in the scenario; valid: name them in the package (%s), state each one's reference in the scenario (docs/format.md), or set rest to model:NAME (e.g. model:compromise)", missing, strings.Join(pairs, ","))
		}
	}
	return set, nil
}

// dealForecasts runs the models a deal question compares its packages
// with (["none"]: none), with the question's settings, and returns their
// forecasts on each issue's scale, the models run, and a warning per
// model that gave none or whose forecast of some issue did not settle.
func (c *Case) dealForecasts(ctx context.Context, t answer.Target, models []string, set settings) ([]deal.Forecast, []string, []string, error) {
	if noModels(models) {
		return nil, models, nil, nil
	}
	f, err := Forecast(ctx, c, answer.ForecastRequest{Target: t, Run: set.forRun(models)}, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	var forecasts []deal.Forecast
	var warn []string
	for _, m := range f.Models {
		if m.Error != "" {
			warn = append(warn, fmt.Sprintf("model %s gave no forecast to compare with: %s", m.Model, m.Error))
			continue
		}
		if u := unsettledIn(&f.Scenario, m, "the package's distance from it is measured to its last round's point"); u != "" {
			warn = append(warn, fmt.Sprintf("model %s %s", m.Model, u))
		}
		df := deal.Forecast{Name: m.Model}
		for k, is := range c.Header.Issues {
			x := math.NaN()
			if f, ok := m.ForecastOf(is.ID); ok {
				x = float64(f.Forecast)
			}
			df.Values = append(df.Values, c.clamp(k, x))
		}
		forecasts = append(forecasts, df)
	}
	return forecasts, f.Request.Models, warn, nil
}

// noModels is true for the model list ["none"]: a deal question that
// compares with no model.
func noModels(models []string) bool { return len(models) == 1 && models[0] == "none" }

// comparedModels are the models a deal question compares with: the
// names of the list, none for ["none"].
func comparedModels(models []string) ([]string, error) {
	if noModels(models) {
		return nil, nil
	}
	return ModelList(models)
}

// dealSettings checks a deal request on the case, running nothing: its
// numbers and batna (checkDeal), its required actors (checkRequire,
// which resolves them in req), a batna of "reference" where the case has
// none (checkReference), and its model settings against the models the
// question runs: the batna's "model:NAME" and also (each a model name,
// or "" for none). hint says how the question would run a setting's
// model (checkSettings).
func (c *Case) dealSettings(req *answer.DealRequest, also []string, hint string) (settings, error) {
	if err := checkDeal(req); err != nil {
		return settings{}, err
	}
	set, err := c.checkSettings(&req.Settings, req.Seed, dealRuns(req.Batna, also), hint)
	if err != nil {
		return settings{}, err
	}
	if err := c.checkRequire(req); err != nil {
		return settings{}, err
	}
	if req.Batna == "reference" {
		if err := c.checkReference("batna"); err != nil {
			return settings{}, err
		}
	}
	return set, nil
}

// checkRequire checks a deal request's required actors on the case
// (deal.RequiredActors, the one check of them, which names the entry's
// field) and writes them back resolved: aliases as actor ids, blanks
// left out, none for a list that names no actor (every actor).
func (c *Case) checkRequire(req *answer.DealRequest) error {
	ids := c.requireIDs(req.Require)
	if _, err := deal.RequiredActors(c.problem, ids); err != nil {
		return err
	}
	var out []string
	for _, id := range ids {
		if id != "" {
			out = append(out, id)
		}
	}
	req.Require = out
	return nil
}

// requireIDs is a list of required actors with each alias resolved to
// its actor's id and each id trimmed, at its place in the list (a blank
// stays blank), so that a refusal names the entry as the request has it.
func (c *Case) requireIDs(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if id = strings.TrimSpace(id); id != "" {
			out[i] = c.actorID(id)
		}
	}
	return out
}

// DealSearch searches the zone of agreement among the required actors,
// or, when issues state decision rules, of the packages that pass them.
func DealSearch(ctx context.Context, c *Case, req answer.DealSearchRequest) (*answer.DealSearch, error) {
	set, err := c.checkSearch(&req)
	if err != nil {
		return nil, err
	}
	req.Target = c.target()
	din, o, noDeal, warn, err := c.dealSetup(ctx, &req.DealRequest, set)
	if err != nil {
		return nil, err
	}
	o.Fix, o.Frontier, o.Samples, o.Seed = req.Fix, req.Frontier, req.Samples, req.Seed
	res, err := deal.SearchContext(ctx, din, o)
	if err != nil {
		return nil, err
	}
	out := &answer.DealSearch{Scenario: c.Header, Request: req, NoDeal: noDeal, NoDealText: NoDealText(noDeal), Result: res, Warnings: warn}
	out.MustAcceptText = MustAcceptText(&out.Scenario, res.Required, len(res.Rules) > 0)
	searchTexts(out, c.unrestated(res))
	if err := c.closeCalls(ctx, out, din, o); err != nil {
		return nil, err
	}
	if req.Robust.On {
		ro, w, err := robustOptions(c, req.Robust, req.Seed, noDeal)
		if err != nil {
			return nil, err
		}
		if out.Robust, err = deal.RobustSearch(ctx, din, res, o, ro); err != nil {
			return nil, err
		}
		robustTexts(&out.Scenario, out.Robust, len(res.Rules) > 0)
		out.Warnings = append(out.Warnings, w...)
		out.HeldFixed = c.HeldFixed()
	}
	return out, nil
}

// unrestated lists the discrete issues on which some package of the
// search's frontier or sample takes a value between the options: those
// packages map the zone and keep the search's values (deal's restate).
func (c *Case) unrestated(res *answer.DealZone) []string {
	var out []string
	for k, is := range c.problem.Issues {
		if !is.Discrete {
			continue
		}
		for _, pk := range append(slices.Clone(res.Frontier), res.Sample...) {
			if k < len(pk.Values) && !deal.IsOption(is, pk.Values[k]) {
				out = append(out, is.ID)
				break
			}
		}
	}
	return out
}

// checkSearch is what DealSearch refuses before it runs a model, and
// CheckCase's check of its request: the robust analysis, the frontier
// and sample, the deal request (dealSettings) and the fixed issues
// (deal.CheckValues). It returns the settings of the batna's model.
func (c *Case) checkSearch(req *answer.DealSearchRequest) (settings, error) {
	if err := checkRobust(req.Robust); err != nil {
		return settings{}, err
	}
	if err := checkPackages(*req); err != nil {
		return settings{}, err
	}
	set, err := c.dealSettings(&req.DealRequest, nil, searchHint)
	if err != nil {
		return settings{}, err
	}
	if err := deal.CheckValues(c.problem, "fix", req.Fix); err != nil {
		return settings{}, err
	}
	return set, nil
}

// checkRobust checks a robust analysis's draws whether or not it is on,
// so that a request that is wrong is refused, not silently run without
// it; and refuses its settings (draws, uniform) given with it off, which
// would run no robust analysis at all (docs/DECISIONS.md, diag20): the
// API's {"robust": {"draws": 300}} and the command line's -n 300
// without --robust alike.
func checkRobust(r answer.DealRobust) error {
	if r.Draws < 0 || r.Draws > answer.MaxDraws {
		return errs.Field("robust.draws", "robust draws %d: valid: 1 to %d (0: %d)", r.Draws, answer.MaxDraws, answer.DefaultRobustDraws)
	}
	if err := checkWorkers("robust.workers", "robust workers", r.Workers); err != nil {
		return err
	}
	if !r.On {
		var given, names []string
		if r.Draws != 0 {
			given, names = append(given, fmt.Sprintf("draws %d", r.Draws)), append(names, "draws")
		}
		if r.Uniform {
			given, names = append(given, "uniform"), append(names, "uniform")
		}
		if len(given) > 0 {
			return errs.Field("robust.on", "robust %s given with the robust analysis off; valid: turn it on (\"robust\": {\"on\": true}, --robust), or leave %s out",
				strings.Join(given, " and "), strings.Join(names, " and "))
		}
	}
	return nil
}

// robustOptions checks a robust request and fills its defaults; the
// warnings say when nothing in the case varies, and when the no-deal
// package (noDeal, the answer's no_deal) is a model's forecast, which the
// draws do not forecast again.
func robustOptions(c *Case, r answer.DealRobust, seed uint64, noDeal string) (deal.RobustOptions, []string, error) {
	ro := deal.RobustOptions{Draws: r.Draws, Seed: seed, Uniform: r.Uniform, Workers: r.Workers}
	if ro.Draws == 0 {
		ro.Draws = answer.DefaultRobustDraws
	}
	if err := checkRobust(r); err != nil {
		return ro, nil, err
	}
	var warn []string
	if len(sweep.Inputs(c.problem)) == 0 {
		warn = append(warn, "robust: the scenario states no range (capability_range, or a stance's range), so every draw is the stated case")
	} else if name := packageModel(noDeal); name != "" {
		warn = append(warn, fmt.Sprintf("robust: the no-deal package is %s forecast at the stated values in every draw, not forecast again from the draw: each actor's alternative moves with its drawn position and salience, not with the model's forecast", possessive(name)))
	}
	return ro, warn, nil
}

// dealSetup builds the deal input and options every deal question shares:
// the required actors, ρ, and the no-deal package (a model's forecast
// with the settings set). req is as dealSettings checked it (the
// required actors resolved); deal checks the required actors again on
// this case (a snapshot's, for DealProposals' timeline) with the same
// check, deal.RequiredActors.
func (c *Case) dealSetup(ctx context.Context, req *answer.DealRequest, set settings) (*deal.Input, deal.Options, string, []string, error) {
	var o deal.Options // req's numbers were checked by dealSettings, which made set
	o.Rho = req.Rho
	o.Require = req.Require
	din, err := deal.FromScenario(c.Resolved, c.Problem())
	if err != nil {
		return nil, o, "", nil, err
	}
	var warn []string
	batna := req.Batna
	if batna == "" || batna == answer.DefaultBatna {
		if missing := c.noReference(); len(missing) == 0 {
			batna = "reference"
		} else {
			batna = "none"
			// by name, as a sentence names them (docs/DECISIONS.md, "names24")
			named := NamesOf(missing, c.Header.IssueName)
			warn = append(warn, fmt.Sprintf("no reference point (status quo) on %s: each actor's alternative to agreement is its stated reservation only (0 where none is stated), so an actor accepts any package that crosses none of its red lines; set batna to model:NAME to measure alternatives against a forecast", strings.Join(named, ", ")))
		}
	}
	if batna != "none" {
		v, name, w, err := c.packageFrom(ctx, batna, "batna", set)
		if err != nil {
			return nil, o, "", nil, err
		}
		din.NoDeal, din.NoDealFrom = v, name
		warn = append(warn, w...)
	} else if req.Batna == "none" {
		warn = append(warn, "batna none: each actor's alternative to agreement is its stated reservation only (0 where none is stated)")
	}
	return din, o, batna, warn, nil
}

// checkReference refuses a package of "reference" (field: batna, rest)
// when some issue has no reference point.
func (c *Case) checkReference(field string) error {
	if missing := c.noReference(); len(missing) > 0 {
		return errs.Field(field, "%s reference: issues %v have no reference (status quo) in the scenario; valid: state each one's reference in the scenario (docs/format.md), model:NAME (e.g. model:compromise), or none", field, missing)
	}
	return nil
}

// noReference lists the issues without a reference point.
func (c *Case) noReference() []string {
	var out []string
	for _, is := range c.problem.Issues {
		if !is.HasReference {
			out = append(out, is.ID)
		}
	}
	return out
}

// packageFrom returns the package "reference" or "model:NAME" names, a
// model's forecasts (with the settings set) put on each issue's scale,
// and a warning when the forecast of some issue did not settle: the
// package takes its last round's point, which the answer says. The model
// runs with its trace, as a forecast does, so that whether it settled can
// be read.
func (c *Case) packageFrom(ctx context.Context, spec, field string, set settings) ([]float64, string, []string, error) {
	p := c.problem
	switch {
	case spec == "reference":
		if err := c.checkReference(field); err != nil {
			return nil, "", nil, err
		}
		return deal.References(p), "reference", nil, nil
	case strings.HasPrefix(spec, "model:"):
		m, err := set.model(strings.TrimPrefix(spec, "model:"))
		if err != nil {
			return nil, "", nil, err
		}
		r, err := model.Run(ctx, m, c.Problem(), modelOptions(set.run))
		if err != nil {
			return nil, "", nil, fmt.Errorf("%s %s: %w", field, spec, err)
		}
		v := make([]float64, len(p.Issues))
		for k, is := range p.Issues {
			v[k] = math.NaN()
			for _, ir := range r.Issues {
				if ir.Issue == is.ID {
					v[k] = ir.Forecast
				}
			}
			if math.IsNaN(v[k]) || math.IsInf(v[k], 0) {
				return nil, "", nil, errs.New(errs.Invalid, "%s %s: no forecast for issue %s", field, spec, is.ID)
			}
			v[k] = c.clamp(k, v[k])
		}
		var warn []string
		uses := "the package takes"
		switch field {
		case "batna":
			uses = "each actor's alternative is measured at"
		case "rest":
			uses = "the issues the package leaves out take"
		}
		if u := unsettledIn(&c.Header, c.convert(m.Name(), r, modelOptions(set.run)), uses+" its last round's point"); u != "" {
			warn = append(warn, fmt.Sprintf("%s %s %s", field, spec, u))
		}
		return v, spec, warn, nil
	}
	words := restWords
	if field == "batna" {
		words = batnaWords
	}
	return nil, "", nil, checkPackageSpec(field, spec, words)
}

func issueIDs(c *Case) []string {
	var out []string
	for _, is := range c.Header.Issues {
		out = append(out, is.ID)
	}
	return out
}

// ParsePairs reads "id=value,id=value" (a package, fixed issues) into a
// map. Errors name the item and what would be valid; whether each id is
// an issue is checked by the question that reads the map.
func ParsePairs(field, s string) (map[string]float64, error) { return deal.ParsePairs(field, s) }

// IsNotNumber reports whether err is ParsePairs' refusal of a value that
// is not a number, which OptionHint may improve given the case.
func IsNotNumber(err error) bool {
	var nn *deal.NotNumber
	return errors.As(err, &nn)
}

// OptionHint is err, ParsePairs' refusal of a value that is not a
// number, told which number the value stands for when it is the label of
// one of its issue's options in c (the case aside, as a scenario file's
// parser finds one): "fare=+10c" is given 10, in the parser's words
// (scenario.LabelNotNumber). Any other error is returned as it is.
func OptionHint(c *Case, err error) error {
	var nn *deal.NotNumber
	if !errors.As(err, &nn) {
		return err
	}
	k := c.problem.IssueIndex(nn.ID)
	if k < 0 {
		return err
	}
	is := c.problem.Issues[k]
	for _, a := range is.Anchors {
		if strings.EqualFold(strings.TrimSpace(a.Label), nn.Value) {
			msg, valid := scenario.LabelNotNumber(fmt.Sprintf("the text %q", nn.Value), cmp.Or(is.Name, is.ID), strconv.FormatFloat(a.Value, 'g', -1, 64))
			return errs.New(errs.Argument, "%s item %q: %s; valid: %s", nn.Field, nn.Item, msg, valid)
		}
	}
	return err
}
