package scenario

import (
	"math"
	"strings"
	"testing"
	"time"

	"parley/fuzzbudget"
)

func TestParseRedLine(t *testing.T) {
	inf := math.Inf(1)
	for _, c := range []struct {
		in   string
		want RedLine
	}{
		{"<= 40", RedLine{Lo: -inf, Hi: 40}},
		{" < 40 ", RedLine{Lo: -inf, Hi: 40, HiOpen: true}},
		{">=60", RedLine{Lo: 60, Hi: inf}},
		{"> 60.5", RedLine{Lo: 60.5, Hi: inf, LoOpen: true}},
		{"== 0", RedLine{Lo: 0, Hi: 0}},
		{"between 20 and 30", RedLine{Lo: 20, Hi: 30}},
		{"Between 20 AND 30", RedLine{Lo: 20, Hi: 30}},
		{"[20, 30]", RedLine{Lo: 20, Hi: 30}},
		{"[ -1 ,1e1 ]", RedLine{Lo: -1, Hi: 10}},
	} {
		got, ok, err := ParseRedLine(c.in)
		if err != nil || !ok || got != c.want {
			t.Errorf("ParseRedLine(%q) = %+v, %v, %v; want %+v", c.in, got, ok, err, c.want)
		}
		// String renders what ParseRedLine reads back.
		back, _, err := ParseRedLine(got.String())
		if err != nil || back != got {
			t.Errorf("round trip of %q via %q = %+v, %v", c.in, got.String(), back, err)
		}
	}
	if _, ok, err := ParseRedLine("none"); ok || err != nil {
		t.Errorf(`ParseRedLine("none") = %v, %v; want not ok, no error`, ok, err)
	}
	for _, in := range []string{"", "40", "=< 40", "<= forty", "between 30 and 20", "[30, 20]", "[1, 2", "[1]", "between 1 2", "<= NaN", ">= Inf", "!= 3"} {
		_, _, err := ParseRedLine(in)
		if err == nil || !strings.Contains(err.Error(), "valid:") {
			t.Errorf("ParseRedLine(%q) error = %v; want an error saying what is valid", in, err)
		}
	}
}

func TestRedLineAllows(t *testing.T) {
	for _, c := range []struct {
		expr string
		x    float64
		want bool
	}{
		{"<= 40", 40, true}, {"<= 40", 40.0001, false},
		{"< 40", 40, false}, {"< 40", 39.999, true},
		{">= 60", 60, true}, {"> 60", 60, false},
		{"== 5", 5, true}, {"== 5", 5.0000001, false},
		{"[10, 20]", 10, true}, {"[10, 20]", 20, true}, {"[10, 20]", 20.5, false},
	} {
		r, _, err := ParseRedLine(c.expr)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Allows(c.x); got != c.want {
			t.Errorf("%q.Allows(%v) = %v, want %v", c.expr, c.x, got, c.want)
		}
	}
}

func redLineScenario() *Scenario {
	res := 0.4
	return &Scenario{
		Metadata: Metadata{ID: "t", Title: "t", AsOf: "2025-03-01"},
		Issues:   []Issue{{ID: "territory", Name: "Territory"}, {ID: "guarantees", Name: "G", Scale: &Scale{Min: 0, Max: 10}}},
		Actors: []Actor{
			{ID: "ua", Name: "Ukraine", Capability: 1, CapabilityAssumed: "t", RedLines: map[string]string{"territory": "<= 40"}, Reservation: &res},
			{ID: "ru", Name: "Russia", Capability: 2, CapabilityAssumed: "t"},
		},
		Stances: []Stance{
			{Actor: "ua", Issue: "territory", Position: 0, Salience: 1, Assumed: "test"},
			{Actor: "ru", Issue: "territory", Position: 100, Salience: 1, Assumed: "test"},
			{Actor: "ru", Issue: "guarantees", Position: 5, Salience: 0.5, Assumed: "test"},
		},
	}
}

func TestValidateRedLines(t *testing.T) {
	s := redLineScenario()
	if ds := s.Validate().Errors(false); len(ds) > 0 {
		t.Fatalf("valid scenario: %v", ds)
	}
	bad := -0.1
	s.Actors[0].RedLines = map[string]string{"terrritory": "<= 40", "territory": "<= 140", "guarantees": "about 5"}
	s.Actors[1].RedLines = map[string]string{"guarantees": "> 10"}
	s.Actors[1].Reservation = &bad
	wrong := 1.5
	s.Variants = []Variant{{ID: "v", Changes: Changes{Actors: []ActorChange{{ID: "ru", RedLines: map[string]string{"territory": "none", "x": "<= 1"}, Reservation: &wrong}}}}}
	want := map[string]string{
		"actors[0].red_lines.terrritory":    `unknown issue "terrritory"`,
		"actors[0].red_lines.territory":     "140 is outside the scale",
		"actors[0].red_lines.guarantees":    "no comparison",
		"actors[1].red_lines.guarantees":    "excludes the whole scale",
		"actors[1].reservation":             "outside [0, 1]",
		"variants[0].actors[0].red_lines.x": `unknown issue "x"`,
		"variants[0].actors[0].reservation": "outside [0, 1]",
	}
	got := map[string]string{}
	for _, d := range s.Validate().Errors(false) {
		got[d.Path] = d.Message
	}
	for p, msg := range want {
		if !strings.Contains(got[p], msg) {
			t.Errorf("%s: got %q, want a message containing %q", p, got[p], msg)
		}
	}
	if strings.Contains(got["actors[0].red_lines.guarantees"], "valid:") {
		t.Errorf("the message repeats what the diagnostic's Valid says: %q", got["actors[0].red_lines.guarantees"])
	}
	if len(got) != len(want) {
		t.Errorf("got %d diagnostics, want %d: %v", len(got), len(want), got)
	}
}

func TestResolveRedLines(t *testing.T) {
	s := redLineScenario()
	s.Actors[1].RedLines = map[string]string{"territory": ">= 20"}
	res := 0.7
	s.Variants = []Variant{{ID: "v", Changes: Changes{Actors: []ActorChange{
		{ID: "ua", RedLines: map[string]string{"territory": "none", "guarantees": ">= 5"}},
		{ID: "ru", RedLines: map[string]string{"territory": ">= 30"}, Reservation: &res},
	}}}}
	r, err := s.Resolve("", "v")
	if err != nil {
		t.Fatal(err)
	}
	if got := r.Actor("ua").RedLines; len(got) != 1 || got["guarantees"] != ">= 5" {
		t.Errorf("ua red lines = %v, want only guarantees >= 5", got)
	}
	if got := r.Actor("ru"); got.RedLines["territory"] != ">= 30" || *got.Reservation != 0.7 {
		t.Errorf("ru = %v %v, want territory >= 30 and reservation 0.7", got.RedLines, *got.Reservation)
	}
	// The base scenario is untouched.
	if s.Actors[0].RedLines["territory"] != "<= 40" || s.Actors[1].RedLines["territory"] != ">= 20" || *s.Actors[0].Reservation != 0.4 {
		t.Errorf("base changed: %v %v", s.Actors[0].RedLines, s.Actors[1].RedLines)
	}
}

// parseBudget is what parsing one fuzzed text may cost: linear in its size.
var parseBudget = fuzzbudget.Budget{FixedBytes: 64 << 10, BytesPerByte: 256, FixedTime: time.Second, TimePerByte: 10 * time.Microsecond}

func FuzzParseRedLine(f *testing.F) {
	for _, s := range []string{"<= 40", ">= 60", "< 1", "> 1", "== 3", "between 1 and 2", "[1, 2]", "none", "", "[", "between", "<=-1e308"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var r RedLine
		var ok bool
		var err error
		fuzzbudget.Check(t, parseBudget, len(s), func() { r, ok, err = ParseRedLine(s) })
		if err != nil || !ok {
			return
		}
		if !(r.Lo <= r.Hi) {
			t.Fatalf("%q parsed to an empty interval %+v", s, r)
		}
		back, ok2, err := ParseRedLine(r.String())
		if err != nil || !ok2 || back != r {
			t.Fatalf("%q → %+v → %q → %+v, %v", s, r, r.String(), back, err)
		}
	})
}

// A red line's bounds are written in plain digits, as every door writes
// a point on a scale, and read back the same: a budget's "<= 1.5e+08"
// sat beside options at 150000000. Exponent form only where plain digits
// would run long (below 1e-6, from 1e21).
func TestRedLineStringPlain(t *testing.T) {
	for _, c := range []struct {
		r    RedLine
		want string
	}{
		{RedLine{Lo: math.Inf(-1), Hi: 1.5e8}, "<= 150000000"},
		{RedLine{Lo: 123456789.5, Hi: 2.5e8}, "[123456789.5, 250000000]"},
		{RedLine{Lo: -1e12, Hi: math.Inf(1), LoOpen: true}, "> -1000000000000"},
		{RedLine{Lo: 0.000125, Hi: 0.000125}, "== 0.000125"},
		{RedLine{Lo: 3e-9, Hi: math.Inf(1)}, ">= 3e-09"},
		{RedLine{Lo: 0, Hi: math.Inf(1)}, ">= 0"},
	} {
		got := c.r.String()
		if got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.r, got, c.want)
		}
		if back, _, err := ParseRedLine(got); err != nil || back != c.r {
			t.Errorf("%q reads back %+v, %v; want %+v", got, back, err, c.r)
		}
	}
}

// Needs writes a red line for a reader, not in the file's syntax: the
// deal answers print it where they printed "Territory >= 65".
func TestRedLineNeeds(t *testing.T) {
	for expr, want := range map[string]string{
		">= 65":      "Territory at 65 or above",
		"< 50":       "Territory below 50",
		"> 50":       "Territory above 50",
		"<= 40":      "Territory at 40 or below",
		"[2, 4]":     "Territory between 2 and 4",
		"== 50":      "Territory at exactly 50",
		"<= 1.5e+08": "Territory at 150000000 or below",
	} {
		r, ok, err := ParseRedLine(expr)
		if !ok || err != nil {
			t.Fatalf("%q: %v %v", expr, ok, err)
		}
		if got := r.Needs("Territory"); got != want {
			t.Errorf("%q: got %q, want %q", expr, got, want)
		}
	}
	if got := (RedLine{Lo: 2, Hi: 4, LoOpen: true}).Needs("X"); got != "X above 2 and at 4 or below" {
		t.Errorf("half-open: %q", got)
	}
	if got := (RedLine{Lo: 2, Hi: 4, HiOpen: true}).Needs("X"); got != "X at 2 or above and below 4" {
		t.Errorf("half-open above: %q", got)
	}
}
