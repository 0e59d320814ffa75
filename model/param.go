package model

import (
	"fmt"
	"strconv"
	"strings"

	"parley/errs"
)

// Param is one named setting of one model beyond the run Options: the
// same setting under every door, a command-line flag --NAME and a key of
// an API request's "params" object. Each model declares its own, next to
// the fields they set, so a setting is defined in exactly one place.
type Param struct {
	// Name is the flag and key, e.g. "smp-vote".
	Name string `json:"name"`
	// Model is the model the setting belongs to.
	Model string `json:"model"`
	// Kind is "bool", "number" or "enum".
	Kind ParamKind `json:"kind"`
	// Help is one line: what the setting does.
	Help string `json:"help"`
	// Values lists an enum's values, the default first.
	Values []string `json:"values,omitempty"`
	// Default is the value in text form when the setting is not given.
	Default string `json:"default"`
	// Min and Max bound a number.
	Min, Max float64 `json:"-"`
}

// ParamKind is the type of a Param's value.
type ParamKind string

// The kinds of Param.
const (
	Bool   ParamKind = "bool"
	Number ParamKind = "number"
	Enum   ParamKind = "enum"
)

// Configurable is a model with Params. Set returns a copy of the model
// with one setting changed from its text form, or an errs.Argument error
// that names the setting and its valid values.
type Configurable interface {
	Model
	Params() []Param
	Set(name, value string) (Model, error)
}

// Valid says what values p takes, for error messages.
func (p Param) Valid() string {
	switch p.Kind {
	case Bool:
		return "true or false"
	case Enum:
		return strings.Join(p.Values, ", ")
	}
	return fmt.Sprintf("a number from %v to %v", p.Min, p.Max)
}

// ParseBool reads a Bool param's value.
func (p Param) ParseBool(v string) (bool, error) {
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, p.invalid(v)
	}
	return b, nil
}

// ParseNumber reads a Number param's value within [Min, Max].
func (p Param) ParseNumber(v string) (float64, error) {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || !(x >= p.Min && x <= p.Max) {
		return 0, p.invalid(v)
	}
	return x, nil
}

// ParseEnum returns the index of v among p.Values (case-insensitive).
func (p Param) ParseEnum(v string) (int, error) {
	for i, name := range p.Values {
		if strings.EqualFold(name, strings.TrimSpace(v)) {
			return i, nil
		}
	}
	return 0, p.invalid(v)
}

func (p Param) invalid(v string) error {
	return errs.New(errs.Argument, "setting %s %q: valid: %s", p.Name, v, p.Valid())
}

// UnknownParam is the error of Set for a name the model does not have.
func UnknownParam(m Configurable, name string) error {
	var names []string
	for _, p := range m.Params() {
		names = append(names, p.Name)
	}
	return errs.New(errs.Argument, "model %s has no setting %q; valid: %s", m.Name(), name, strings.Join(names, ", "))
}
