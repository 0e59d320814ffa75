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
