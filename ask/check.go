package ask

import (
	"slices"
	"strings"

	"parley/answer"
	"parley/errs"
)

// Check says whether a request (a pointer to or value of one of answer's
// request types, or of a SensitivityRequest) could be answered, without running anything: its models,
// their settings (those of every model it runs, whichever field names
// it) and its numbers. A server checks a job's request before
// queueing it, so a request that can never run is refused at once rather
// than failing later. The question itself checks again, and also what
// depends on the case (issue and actor ids), which CheckCase adds.
func Check(req any) error {
	switch r := req.(type) {
	case *answer.ForecastRequest:
		return Check(*r)
	case *answer.SweepRequest:
		return Check(*r)
	case *answer.DealEvaluateRequest:
		return Check(*r)
	case *answer.DealSearchRequest:
		return Check(*r)
	case *answer.ExplainRequest:
		return Check(*r)
	case answer.ExplainRequest:
		if err := checkExplain(&r); err != nil {
			return err
		}
		return checkSettingsFor(r.Settings, []string{r.Model}, explainHint)
	case *answer.AdviseRequest:
		return Check(*r)
	case answer.AdviseRequest:
		if err := checkAdvise(&r); err != nil {
			return err
		}
		return checkSettingsFor(r.Settings, []string{r.Model}, adviseHint)
	case *answer.DealProposalsRequest:
		return Check(*r)
	case *answer.BacktestRequest:
		return Check(*r)
	case *answer.PowerRequest:
		return Check(*r)
	case *answer.BenchRequest:
		return Check(*r)
	case answer.BenchRequest:
		return checkBench(r)
	case answer.PowerRequest:
		return checkPower(&r)
	case answer.ForecastRequest:
		_, _, err := prepareRun(&r.Run)
		return err
	case *answer.CompareRequest:
		return Check(*r)
	case answer.CompareRequest:
		if err := checkOver(r.Over); err != nil {
			return err
		}
		_, _, err := prepareRun(&r.Run)
		return err
	case answer.SweepRequest:
		if err := checkSweep(&r); err != nil {
			return err
		}
		_, _, err := prepareRun(&r.Run)
		return err
	case *SensitivityRequest:
		return Check(*r)
	case SensitivityRequest:
		if err := checkSensitivity(&r.SweepRequest); err != nil {
			return err
		}
		_, _, err := prepareRun(&r.Run)
		return err
	case answer.DealEvaluateRequest:
		if err := checkRobust(r.Robust); err != nil {
			return err
		}
		if err := checkDeal(&r.DealRequest); err != nil {
			return err
		}
		if err := checkPackageSpec("rest", r.Rest, restWords); err != nil {
			return err
		}
		compared, err := comparedModels(r.Models)
		if err != nil {
			return err
		}
		return checkSettingsFor(r.Settings, dealRuns(r.Batna, append(compared, packageModel(r.Rest))), evaluateHint)
	case answer.DealProposalsRequest:
		if err := checkDeal(&r.DealRequest); err != nil {
			return err
		}
		compared, err := comparedModels(r.Models)
		if err != nil {
			return err
		}
		return checkSettingsFor(r.Settings, dealRuns(r.Batna, compared), proposalsHint)
	case answer.BacktestRequest:
		if err := checkBacktestTo(r.To); err != nil {
			return err
		}
		_, _, err := prepareRun(&r.Run)
		return err
	case answer.DealSearchRequest:
		if err := checkRobust(r.Robust); err != nil {
			return err
		}
		if err := checkDeal(&r.DealRequest); err != nil {
			return err
		}
		if err := checkPackages(r); err != nil {
			return err
		}
		return checkSettingsFor(r.Settings, dealRuns(r.Batna, nil), searchHint)
	}
	return errs.New(errs.Internal, "ask.Check: %T is not a request", req)
}

// SensitivityRequest is a sensitivity analysis's request (Sensitivity)
// as Check and Estimate take it: a sweep request answered otherwise, with
// its own draws' limits (at least answer.MinSensitivityDraws, whose
// variance shares are numbers; with fewer, each is NaN) and its own cost
// (the sweep's and a run of each model at each end of each ranged input).
// Every door that checks or estimates a sensitivity analysis wraps its
// request in it; its fields are the sweep request's (ValidNumber finds
// them by their JSON names).
type SensitivityRequest struct{ answer.SweepRequest }

func checkSensitivity(req *answer.SweepRequest) error {
	if req.Draws < answer.MinSensitivityDraws || req.Draws > answer.MaxDraws {
		return errs.Field("draws", "draws %d: valid: a whole number from %d to %d (a sensitivity analysis's variance shares need %d draws or more)", req.Draws, answer.MinSensitivityDraws, answer.MaxDraws, answer.MinSensitivityDraws)
	}
	return checkSweep(req)
}

func checkSweep(req *answer.SweepRequest) error {
	if req.Draws <= 0 || req.Draws > answer.MaxDraws {
		return errs.Field("draws", "draws %d: valid: a whole number from 1 to %d", req.Draws, answer.MaxDraws)
	}
	return checkWorkers("workers", "workers", req.Workers)
}

// checkWorkers is the one rule for a request's goroutines: 0 (every
// core) to answer.MaxWorkers. field is the field's path (robust.workers),
// words what the message calls it (robust workers).
func checkWorkers(field, words string, w int) error {
	if w < 0 || w > answer.MaxWorkers {
		return errs.Field(field, "%s %d: valid: 0 (every core) to %d", words, w, answer.MaxWorkers)
	}
	return nil
}

func checkDeal(req *answer.DealRequest) error {
	if !(req.Rho > 0) || req.Rho > answer.MaxRho {
		return errs.Field("rho", "rho %v: valid: a number > 0 and ≤ %v (1 is linear loss)", req.Rho, answer.MaxRho)
	}
	if req.Batna == "" {
		return nil
	}
	return checkPackageSpec("batna", req.Batna, batnaWords)
}

// The words a deal's batna and rest accept besides "model:NAME", in the
// order their errors list them: what is accepted and what an error
// says is valid are read from the same list.
var (
	batnaWords = []string{answer.DefaultBatna, "reference", "none"}
	restWords  = []string{"reference", "none"}
)

// checkPackageSpec checks a package named by one of words or
// "model:NAME".
func checkPackageSpec(field, spec string, words []string) error {
	switch {
	case slices.Contains(words, spec):
		return nil
	case strings.HasPrefix(spec, "model:"):
		_, err := modelByName(strings.TrimPrefix(spec, "model:"))
		return errs.InField(field, err)
	}
	return errs.Field(field, "%s %q: valid: %s, model:NAME (models: %s)", field, spec, strings.Join(words, ", "), strings.Join(ModelNames(), ", "))
}

// checkPackages bounds a search's frontier and sample.
func checkPackages(req answer.DealSearchRequest) error {
	for _, f := range []struct {
		name string
		n    int
	}{{"frontier", req.Frontier}, {"samples", req.Samples}} {
		if f.n < -1 || f.n > answer.MaxPackages {
			return errs.Field(f.name, "%s %d: valid: -1 (none), 0 (the default) or a number of packages up to %d", f.name, f.n, answer.MaxPackages)
		}
	}
	return nil
}

// CheckCase says whether a request (as Check takes it) could be answered
// on case c, without running a model: Check's checks, then what the
// question refuses on the case before it runs one — a deal's package,
// fixed issues and required actors, advise's and explain's actor and
// issue, the settings the input file adds — with the code the question
// itself runs first (checkEvaluate, checkSearch, …), so that a server's
// job is refused at once in the words of the route that answers within
// the request. Check's own doc holds for the kinds without case checks
// (backtest, power, a comparison, whose columns its server resolves).
func CheckCase(c *Case, req any) error {
	if err := Check(req); err != nil {
		return err
	}
	switch r := req.(type) {
	case *answer.ForecastRequest:
		return CheckCase(c, *r)
	case answer.ForecastRequest:
		_, _, err := c.prepareRun(&r.Run)
		return err
	case *answer.SweepRequest:
		return CheckCase(c, *r)
	case answer.SweepRequest:
		_, _, err := prepareSweep(c, &r, nil)
		return err
	case *SensitivityRequest:
		return CheckCase(c, *r)
	case SensitivityRequest:
		_, _, err := prepareSweep(c, &r.SweepRequest, nil)
		return err
	case *answer.DealEvaluateRequest:
		return CheckCase(c, *r)
	case answer.DealEvaluateRequest:
		_, err := c.checkEvaluate(&r)
		return err
	case *answer.DealSearchRequest:
		return CheckCase(c, *r)
	case answer.DealSearchRequest:
		_, err := c.checkSearch(&r)
		return err
	case *answer.DealProposalsRequest:
		return CheckCase(c, *r)
	case answer.DealProposalsRequest:
		_, err := c.checkProposals(&r)
		return err
	case *answer.AdviseRequest:
		return CheckCase(c, *r)
	case answer.AdviseRequest:
		_, _, err := c.checkAdviseOn(&r)
		return err
	case *answer.ExplainRequest:
		return CheckCase(c, *r)
	case answer.ExplainRequest:
		_, err := c.checkExplainOn(&r)
		return err
	}
	return nil
}
