// Package catalog lists every model Parley ships, by name, so the CLI, the
// server and the benchmark harness all offer the same set.
package catalog

import (
	"sort"
	"strings"

	"parley/errs"
	"parley/model"
	"parley/model/bdm"
	"parley/model/compromise"
	"parley/model/ensemble"
	"parley/model/exchange"
	"parley/model/ks"
	"parley/model/median"
	"parley/model/nash"
	"parley/model/smp"
	"parley/model/snap"
)

// all is every model, in the order `parley models` lists them. Add a model
// with one line here.
var all = []model.Model{
	compromise.Model{},
	median.Model{},
	nash.Model{},
	ks.Model{},
	bdm.Model{},
	bdm.Model{Profile: bdm.Paper},
	exchange.Model{},
	smp.Model{},
	ensemble.Model{},
	snap.Model{},
	snap.Band{},
}

// All returns every model.
func All() []model.Model { return append([]model.Model(nil), all...) }

// Default returns the models `parley forecast` runs when none is named.
func Default() []model.Model {
	var out []model.Model
	for _, m := range all {
		if !hidden[m.Name()] {
			out = append(out, m)
		}
	}
	return out
}

// ClosedForm returns the models that forecast each issue alone in
// closed form (model.ClosedForm: compromise, median, nash, ks), in
// All's order: a few milliseconds for any case, so an answer can run
// them all at the stated values beside its own. Models that read each
// issue alone in rounds (model.IssueLocal without model.ClosedForm:
// bdm, the ensemble) are not among them.
func ClosedForm() []model.Model {
	var out []model.Model
	for _, m := range all {
		if _, ok := m.(model.ClosedForm); ok {
			out = append(out, m)
		}
	}
	return out
}

// hidden names models that run only when named (slow or variant profiles).
var hidden = map[string]bool{"bdm-paper": true, "compromise-band": true}

// Names returns every model name, sorted.
func Names() []string {
	var out []string
	for _, m := range all {
		out = append(out, m.Name())
	}
	sort.Strings(out)
	return out
}

// Get returns the model with the name.
func Get(name string) (model.Model, error) {
	for _, m := range all {
		if m.Name() == name {
			return m, nil
		}
	}
	return nil, errs.New(errs.Argument, "unknown model %q%s", name, errs.Choices(name, Names()))
}

// Parse returns the models in a comma-separated list ("" for the default set).
func Parse(list string) ([]model.Model, error) {
	if strings.TrimSpace(list) == "" {
		return Default(), nil
	}
	var out []model.Model
	for _, name := range strings.Split(list, ",") {
		m, err := Get(strings.TrimSpace(name))
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}
