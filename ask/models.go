package ask

import (
	"fmt"
	"runtime"
	"sort"
	"strings"

	"parley/answer"
	"parley/errs"
	"parley/model"
	"parley/model/catalog"
)

// Models lists every model with its summary, whether a request without
// models runs it, and its settings.
func Models() []answer.ModelInfo {
	def := map[string]bool{}
	for _, m := range catalog.Default() {
		def[m.Name()] = true
	}
	var out []answer.ModelInfo
	for _, m := range catalog.All() {
		info := answer.ModelInfo{Name: m.Name(), Summary: m.Summary(), Default: def[m.Name()]}
		if t, ok := m.(model.Titled); ok {
			info.Title = t.Title()
		}
		info.NameText = ModelNameText(info.Name, info.Title)
		if c, ok := m.(model.Configurable); ok {
			info.Params = c.Params()
		}
		out = append(out, info)
	}
	return out
}

// ModelNameText names a model in running text, the one rule every
// sentence that gives a model's title as well as its name follows: the
// short name a reader types (the command line's -m, the API's models)
// first, then the title in parentheses, any parenthesis of the title's
// own set off by a comma, so that no brackets nest or stand side by
// side: "smp (KTAB spatial model, SMP)", "ks (Kalai–Smorodinsky
// bargaining)", "median (Weighted median, pairwise-vote winner)"; the
// name alone without a title. The page wrote "the forecast of KTAB
// spatial model (SMP) (smp)". Tables and pickers that list models may
// keep the title first (the page's modelLabel). The catalogue carries it
// (answer.ModelInfo.NameText).
func ModelNameText(name, title string) string {
	title = strings.TrimSpace(title)
	if title == "" || title == name {
		return name
	}
	if head, inner, ok := strings.Cut(title, " ("); ok && strings.Count(title, "(") == 1 && strings.Count(title, ")") == 1 && strings.HasSuffix(inner, ")") {
		title = head + ", " + strings.TrimSuffix(inner, ")")
	}
	return name + " (" + title + ")"
}

// Params lists every model setting of every model, in catalog order: the
// command line offers each as a flag --NAME, the API as params.NAME.
func Params() []answer.Param {
	var out []answer.Param
	for _, m := range Models() {
		out = append(out, m.Params...)
	}
	return out
}

// paramModel is the model the setting of that name belongs to ("" for
// none).
func paramModel(name string) string {
	for _, p := range Params() {
		if p.Name == name {
			return p.Model
		}
	}
	return ""
}

// NoSetting is the refusal of a model setting no model has, by name:
// `no model setting "smp-vot" (did you mean "smp-vote"?); valid: exact,
// …`, every setting of every model (Params) valid. A request's params
// (applyParams), the command line's unknown setting flag and the web
// page's address param= say it in these words.
func NoSetting(name string) error {
	var valid []string
	for _, p := range Params() {
		valid = append(valid, p.Name)
	}
	return errs.New(errs.Argument, "no model setting %q%s", name, errs.Choices(name, valid))
}

// ModelNames returns every model name, sorted.
func ModelNames() []string { return catalog.Names() }

// chooseModels returns the models a list names ("" or empty: the default
// set; "all": every model), each once, with params applied to the models
// they belong to. A setting for a model the run does not include is an
// error, not silently dropped. names gets the canonical names.
func chooseModels(list []string, params map[string]string) (ms []model.Model, names []string, err error) {
	var clean []string
	for _, n := range list {
		for _, part := range strings.Split(n, ",") {
			if part = strings.TrimSpace(part); part != "" {
				clean = append(clean, part)
			}
		}
	}
	switch {
	case len(clean) == 0:
		ms = catalog.Default()
	case len(clean) == 1 && clean[0] == "all":
		ms = catalog.All()
	default:
		seen := map[string]bool{}
		for _, n := range clean {
			m, err := catalog.Get(n)
			if err != nil {
				return nil, nil, errs.InField("models", err)
			}
			if seen[m.Name()] {
				return nil, nil, errs.Field("models", "models: %s is named twice; valid: each model once", m.Name())
			}
			seen[m.Name()] = true
			ms = append(ms, m)
		}
	}
	if err := applyParams(ms, params, "add %s to the models"); err != nil {
		return nil, nil, err
	}
	for _, m := range ms {
		names = append(names, m.Name())
	}
	return ms, names, nil
}

// applyParams sets each of params on the model of ms it belongs to. A
// setting no model has, a setting of a model not in ms, and a value the
// setting does not take are errors naming the setting and what is
// valid; hint, given the setting's model, says how the question would
// run that model ("add smp to the models").
func applyParams(ms []model.Model, params map[string]string, hint string) error {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		owner := paramModel(k)
		if owner == "" {
			return errs.Field("params", "params: %v", NoSetting(k))
		}
		applied := false
		for i, m := range ms {
			if c, ok := m.(model.Configurable); ok && m.Name() == owner {
				var err error
				if ms[i], err = c.Set(k, params[k]); err != nil {
					return errs.InField("params", err)
				}
				applied = true
			}
		}
		if !applied {
			runs := "no model"
			if len(ms) > 0 {
				var names []string
				for _, m := range ms {
					names = append(names, m.Name())
				}
				runs = strings.Join(names, ", ")
			}
			return errs.Field("params", "params: setting %s is for model %s, which this run does not include (it runs %s); valid: %s, or drop the setting", k, owner, runs, fmt.Sprintf(hint, owner))
		}
	}
	return nil
}

// ModelList returns the names of the models a request's model list runs,
// by the rule of answer.Run (empty: the default set; "all": every model),
// or the error the question would give.
func ModelList(list []string) ([]string, error) {
	_, names, err := chooseModels(list, nil)
	return names, err
}

// modelByName returns one model by name, with its default settings.
func modelByName(name string) (model.Model, error) { return catalog.Get(name) }

// checkRun validates the run settings every model reads.
func checkRun(r *answer.Run) error {
	for _, f := range []struct {
		name string
		n    int
	}{{"rounds", r.Rounds}, {"max_rounds", r.MaxRounds}} {
		if f.n < 0 || f.n > answer.MaxRounds {
			return errs.Field(f.name, "%s %d: valid: a whole number from 0 to %d", f.name, f.n, answer.MaxRounds)
		}
	}
	return nil
}

// modelOptions are the run options every model reads.
func modelOptions(r answer.Run) model.Options {
	return model.Options{Rounds: r.Rounds, MaxRounds: r.MaxRounds, Seed: r.Seed}
}

// oneRunOptions are modelOptions for questions that run one model at a
// time (forecast, explain, advise): each run may use every core (the
// exchange model on large cases, the ensemble's issues), with the same
// answer as on one. Sweeps and robust deals spread their draws over the
// cores instead and keep modelOptions.
func oneRunOptions(r answer.Run) model.Options {
	o := modelOptions(r)
	o.Workers = runtime.GOMAXPROCS(0)
	return o
}

// normaliseParams copies the settings (the answer echoes its own copy),
// nil when there are none, so an absent and an empty map echo and hash
// the same.
func normaliseParams(p map[string]string) map[string]string {
	if len(p) == 0 {
		return nil
	}
	out := map[string]string{}
	for k, v := range p {
		out[k] = v
	}
	return out
}
