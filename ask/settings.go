package ask

import (
	"slices"
	"strings"

	"parley/answer"
	"parley/model"
)

// settings are a question's model settings once checked against the
// models it runs: explain's and advise's model, a deal's "model:NAME"
// alternatives and the models it compares with. Each of those models
// runs as a forecast with the same settings runs it, so the numbers a
// question shows of a model are the forecast's.
type settings struct {
	// run holds the settings (with the input file's, as a forecast adds
	// them) and the seed; its Models are unused.
	run answer.Run
}

// checkSettings checks s and seed for a question that runs the models
// runs (names as the request gives them, each a single model), the way a
// forecast checks its run (checkRun, applyParams): rounds in range, every
// setting one of a model the question runs, with a value it takes. hint,
// given a setting's model, says how the question would run it. It adds
// the settings the input file asks for to the models they belong to
// (fileParams), and writes the settings back to s as the answer echoes
// them.
func (c *Case) checkSettings(s *answer.Settings, seed uint64, runs []string, hint string) (settings, error) {
	r := answer.Run{Settings: *s, Seed: seed}
	r.Params = normaliseParams(r.Params) // a copy: the caller's map stays as it was
	if len(runs) > 0 {
		// fileParams reads an empty list as the default set: only ask it
		// about a question that runs models.
		r.Models = runs
		c.fileParams(&r)
		r.Models = nil
	}
	if err := checkSettingsFor(r.Settings, runs, hint); err != nil {
		return settings{}, err
	}
	*s = r.Settings
	return settings{run: r}, nil
}

// checkSettingsFor is checkSettings without a case, for Check: s's
// rounds, and its model settings against the models runs.
func checkSettingsFor(s answer.Settings, runs []string, hint string) error {
	if err := checkRun(&answer.Run{Settings: s}); err != nil {
		return err
	}
	var ms []model.Model
	for _, n := range runs {
		m, err := modelByName(n)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(ms, func(x model.Model) bool { return x.Name() == m.Name() }) {
			ms = append(ms, m)
		}
	}
	return applyParams(ms, s.Params, hint)
}

// How each question would run a setting's model, for checkSettings' hint.
const (
	explainHint   = "explain %s (model)"
	adviseHint    = "advise with model %s"
	evaluateHint  = "name %[1]s in models, or set batna or rest to model:%[1]s"
	searchHint    = "set batna to model:%s"
	proposalsHint = "name %[1]s in models, or set batna to model:%[1]s"
)

// dealRuns are the models a deal question runs: the batna's
// "model:NAME" and also (each a model name, or "" for none).
func dealRuns(batna string, also []string) []string {
	var runs []string
	for _, n := range append([]string{packageModel(batna)}, also...) {
		if n != "" {
			runs = append(runs, n)
		}
	}
	return runs
}

// model returns the model name (a single model) with its settings.
func (s settings) model(name string) (model.Model, error) {
	m, err := modelByName(name)
	if err != nil {
		return nil, err
	}
	ms := []model.Model{m}
	if err := applyParams(ms, s.paramsOf([]string{m.Name()}), "%s"); err != nil {
		return nil, err
	}
	return ms[0], nil
}

// forRun is the run of the models list with the settings that are
// theirs, for a question that asks for a forecast of them.
func (s settings) forRun(list []string) answer.Run {
	r := s.run
	r.Models = list
	names, _ := ModelList(list) // an error is Forecast's to report
	r.Params = s.paramsOf(names)
	return r
}

// paramsOf is the settings of the models names (canonical names).
func (s settings) paramsOf(names []string) map[string]string {
	var out map[string]string
	for k, v := range s.run.Params {
		if slices.Contains(names, paramModel(k)) {
			if out == nil {
				out = map[string]string{}
			}
			out[k] = v
		}
	}
	return out
}

// options are the run options of one model run with the settings.
func (s settings) options() model.Options { return oneRunOptions(s.run) }

// packageModel is the model a "model:NAME" package names, or "".
func packageModel(spec string) string {
	name, ok := strings.CutPrefix(spec, "model:")
	if !ok {
		return ""
	}
	return name
}
