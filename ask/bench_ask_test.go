package ask

import (
	"context"
	"testing"

	"parley/answer"
)

// BenchmarkForecastBuiltIn times the default question of `parley` with no
// arguments: every default model on the built-in case at its latest
// snapshot, with the answer built (nearest options, rounds, settling).
func BenchmarkForecastBuiltIn(b *testing.B) {
	in, err := BuiltIn()
	if err != nil {
		b.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Forecast(context.Background(), c, answer.NewForecastRequest(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadBuiltIn times reading and resolving the built-in case.
func BenchmarkLoadBuiltIn(b *testing.B) {
	for b.Loop() {
		in, err := BuiltIn()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := in.Case(answer.Target{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSweepBuiltIn times `parley sweep` with every default (1,000
// draws of compromise) on the built-in case, and BenchmarkSweepAloneBuiltIn
// what its head's alone_text adds: the closed-form models at the stated
// values (sweepAloneText).
func BenchmarkSweepBuiltIn(b *testing.B) {
	c := builtInCase(b)
	for b.Loop() {
		if _, err := Sweep(context.Background(), c, answer.NewSweepRequest(), nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSweepAloneBuiltIn(b *testing.B) {
	c := builtInCase(b)
	s, err := Sweep(context.Background(), c, answer.NewSweepRequest(), nil)
	if err != nil {
		b.Fatal(err)
	}
	r := s.Models[0].SweepResult
	for b.Loop() {
		if c.sweepAloneText(context.Background(), "compromise", r) == "" {
			b.Fatal("no text")
		}
	}
}

func builtInCase(b *testing.B) *Case {
	in, err := BuiltIn()
	if err != nil {
		b.Fatal(err)
	}
	c, err := in.Case(answer.Target{})
	if err != nil {
		b.Fatal(err)
	}
	return c
}
