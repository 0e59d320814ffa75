package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// listValue is a comma-separated list flag whose repeats add to it, as a
// comma would: -p a=1 -p b=2 reads as -p a=1,b=2, and -m a -m b as
// -m a,b. pflag's string flag keeps only its last value, which dropped
// the first pair of a repeated -p without a word. Its type is "string",
// so the commands read it with GetString, as before.
type listValue struct {
	v   string
	set bool
}

func (l *listValue) Set(s string) error {
	if l.set {
		l.v += "," + s
	} else {
		l.v, l.set = s, true
	}
	return nil
}

func (l *listValue) String() string { return l.v }
func (l *listValue) Type() string   { return "string" }

// addListFlag adds a listValue flag to f, with its short name (none for
// "") and its default, which the first value given replaces.
func addListFlag(f *pflag.FlagSet, name, short, def, usage string) {
	f.VarP(&listValue{v: def}, name, short, usage)
}

// addOnceFlag adds a string flag of one value to f, with its default,
// that refuses a second value saying what it takes (valid: "one
// model").
func addOnceFlag(f *pflag.FlagSet, name, short, def, valid, usage string) {
	f.StringP(name, short, def, usage)
	fl := f.Lookup(name)
	fl.Value = &onceWrap{Value: fl.Value, name: name, short: short, valid: valid}
}

// onceWrap is a single-valued flag (a string, a number, a duration) that
// refuses a second value on the command line, naming both, where pflag
// would keep the last without a word. Its type and value are the
// wrapped flag's, so the commands read it with GetString, GetInt and
// the like, as before.
type onceWrap struct {
	pflag.Value
	// name and short are the flag's names; valid says what it takes
	// ("the flag once" when "").
	name, short, valid string
	first              string
	set                bool
}

func (o *onceWrap) Set(s string) error {
	if o.set {
		flag, valid := "--"+o.name, o.valid
		if o.short != "" {
			flag += " (-" + o.short + ")"
		}
		if valid == "" {
			valid = "the flag once"
		}
		return &givenTwice{fmt.Sprintf("%s given twice (%q, then %q); valid: %s", flag, o.first, s, valid)}
	}
	if err := o.Value.Set(s); err != nil {
		return err
	}
	o.first, o.set = s, true
	return nil
}

// refuseRepeats wraps every single-valued flag of cmd and of its
// commands in an onceWrap: a list (listValue, a slice or an array flag)
// adds a repeat to itself, a switch (a bool) may be given twice, and
// the rest refuse a second value.
func refuseRepeats(cmd *cobra.Command) {
	wrap := func(fl *pflag.Flag) {
		switch fl.Value.(type) {
		case *listValue, *onceWrap:
			return
		}
		switch fl.Value.Type() {
		case "string", "int", "int64", "float64", "duration", "uint", "uint64":
			fl.Value = &onceWrap{Value: fl.Value, name: fl.Name, short: fl.Shorthand}
		}
	}
	cmd.Flags().VisitAll(wrap)
	cmd.PersistentFlags().VisitAll(wrap)
	for _, c := range cmd.Commands() {
		refuseRepeats(c)
	}
}

// setFlag sets a flag's value from the command's own code (a value it
// works out after parsing), past the refusal of a second value that
// guards the command line.
func setFlag(f *pflag.FlagSet, name, value string) error {
	fl := f.Lookup(name)
	if fl == nil {
		return fmt.Errorf("no flag --%s", name)
	}
	if w, ok := fl.Value.(*onceWrap); ok {
		if err := w.Value.Set(value); err != nil {
			return err
		}
		fl.Changed = true
		return nil
	}
	return f.Set(name, value)
}

// givenTwice is onceWrap's refusal, which the command line prints as it
// is (flagError), not as a value the flag cannot take.
type givenTwice struct{ msg string }

func (g *givenTwice) Error() string { return g.msg }
