package cli

import (
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"parley/answer"
	"parley/ask"
	"parley/errs"
)

// flagError is every command's answer to a flag it could not read: a
// value not a number, a duration or a size its flag takes is said as
// the flag, the value and what is valid ("--seed -1: valid: a whole
// number from 0 to 18446744073709551615"), the words the server gives a
// body's field where ask has them (flagValid), never strconv's.
func flagError(c *cobra.Command, err error) error {
	var bad *pflag.InvalidValueError
	var twice *givenTwice
	if errors.As(err, &twice) {
		err = twice
	} else if errors.As(err, &bad) {
		msg := "--" + bad.GetFlag().Name + " " + bad.GetValue() + ": "
		if valid := flagValid(c, bad.GetFlag(), bad.GetValue()); valid != "" {
			msg += "valid: " + valid
		} else {
			msg += errors.Unwrap(bad).Error() // a flag's own words (--limit's)
		}
		// a note a command added after pflag's words (ingest's) stays
		if _, note, ok := strings.Cut(err.Error(), bad.Error()); ok {
			msg += note
		}
		err = errors.New(msg)
	}
	if s := unknownSetting(c, err); s != nil {
		err = s
	}
	return errs.New(errs.Argument, "%v\nRun '%s --help' for usage.", err, c.CommandPath())
}

// unknownSetting is the refusal of an unknown flag of a command that
// takes model settings when the flag looks like one — its name starts
// with a model's name and "-" (--smp-vot, --bdm-nosuch), or the flag it
// most likely misspells is a setting (--exakt): in ask.NoSetting's
// words, every setting valid, as the API refuses a body's params and the
// page an address's param=. nil for any other error or flag.
func unknownSetting(c *cobra.Command, err error) error {
	var ne *pflag.NotExistError
	if !errors.As(err, &ne) {
		return nil
	}
	name, params := ne.GetSpecifiedName(), ask.Params()
	if name == "" || len(params) == 0 || c.Flags().Lookup(params[0].Name) == nil {
		return nil
	}
	setting := map[string]bool{}
	for _, p := range params {
		setting[p.Name] = true
	}
	var flags []string
	c.Flags().VisitAll(func(f *pflag.Flag) { flags = append(flags, f.Name) })
	looks := setting[errs.Nearest(name, flags)]
	for _, m := range ask.ModelNames() {
		looks = looks || strings.HasPrefix(name, m+"-")
	}
	if !looks {
		return nil
	}
	return fmt.Errorf("--%s: %w", name, ask.NoSetting(name))
}

// validAnnotation is the annotation of a flag whose valid values its
// command states itself (setValid).
const validAnnotation = "parley-valid"

// setValid records on cmd's flag name the words of its valid values, the
// words the command's own check of the flag says.
func setValid(cmd *cobra.Command, name, words string) {
	if err := cmd.Flags().SetAnnotation(name, validAnnotation, []string{words}); err != nil {
		panic(err) // a flag defined in this package: a programming error
	}
}

// flagRequests is, for a command that asks ask a question, the request
// its flags fill (with the command's defaults), as ask.Check takes it:
// flagValid asks Check what a flag's field takes. A flag names the field
// it fills ("max-rounds": max_rounds), at the request's top or in its
// robust analysis.
var flagRequests = map[string]func() any{
	"forecast":       func() any { r := answer.NewForecastRequest(); return &r },
	"ledger record":  func() any { r := answer.NewForecastRequest(); return &r },
	"compare":        func() any { r := answer.NewCompareRequest(); return &r },
	"sweep":          func() any { r := answer.NewSweepRequest(); return &r },
	"sensitivity":    func() any { return &ask.SensitivityRequest{SweepRequest: answer.NewSensitivityRequest()} },
	"deal evaluate":  func() any { r := answer.NewDealEvaluateRequest(); return &r },
	"deal search":    func() any { r := answer.NewDealSearchRequest(); return &r },
	"deal proposals": func() any { r := answer.NewDealProposalsRequest(); return &r },
	"explain":        func() any { r := answer.NewExplainRequest(); return &r },
	"backtest":       func() any { r := answer.NewBacktestRequest(); return &r },
	"advise":         func() any { r := answer.NewAdviseRequest(); r.Actor = "a"; return &r },
	"bench deu":      func() any { r := answer.NewBenchRequest(); return &r },
	"power":          func() any { r := answer.NewPowerRequest(); return &r },
}

// flagValid says what values flag f of command c takes, value being the
// one it could not read: the words c states itself (setValid), else
// what ask says of the request field f fills (ask.ValidNumber), else
// the range of f's type; "" for a flag of another kind.
func flagValid(c *cobra.Command, f *pflag.Flag, value string) string {
	if w := f.Annotations[validAnnotation]; len(w) == 1 {
		return w[0]
	}
	if f.Value.Type() == "duration" {
		return "a duration such as 90s, 5m or 2h30m (units: ns, us, ms, s, m, h)"
	}
	t, ok := flagTypes[f.Value.Type()]
	if !ok {
		return ""
	}
	whole := ask.TypeRange(t)
	// A value with a minus sign is out on that side; one that is no
	// number on neither, so both are asked, its own side first.
	neg := strings.HasPrefix(value, "-")
	if req := flagRequests[strings.TrimPrefix(c.CommandPath(), c.Root().Name()+" ")]; req != nil {
		path := strings.ReplaceAll(f.Name, "-", "_")
		for _, p := range []string{path, "robust." + path} {
			for _, side := range []bool{neg, !neg} {
				if v := ask.ValidNumber(req(), p, side); v != "" && v != whole {
					return v
				}
			}
		}
	}
	return whole
}

// flagTypes is the Go type of each numeric kind of flag pflag names.
var flagTypes = map[string]reflect.Type{
	"int":     reflect.TypeFor[int](),
	"int64":   reflect.TypeFor[int64](),
	"uint64":  reflect.TypeFor[uint64](),
	"float64": reflect.TypeFor[float64](),
	"count":   reflect.TypeFor[int](),
}
