package cli

import (
	"fmt"

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

// onceValue is a flag of one value that refuses a second, naming both
// and what it takes (valid), where pflag would keep the last.
type onceValue struct {
	v, valid, short string
	set             bool
}

func (o *onceValue) Set(s string) error {
	if o.set {
		return fmt.Errorf("-%s given twice (%q, then %q); valid: %s", o.short, o.v, s, o.valid)
	}
	o.v, o.set = s, true
	return nil
}

func (o *onceValue) String() string { return o.v }
func (o *onceValue) Type() string   { return "string" }

// addOnceFlag adds an onceValue flag to f with its default and what it
// takes (valid: "one model").
func addOnceFlag(f *pflag.FlagSet, name, short, def, valid, usage string) {
	f.VarP(&onceValue{v: def, valid: valid, short: short}, name, short, usage)
}
