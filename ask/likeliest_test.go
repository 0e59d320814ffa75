package ask

import (
	"math"
	"reflect"
	"testing"

	"parley/answer"
)

// TestLikeliest: the likeliest of a distribution, worked by hand. The
// most probable option; with no options, the most probable stated
// positions, two that differ by less than 1e-12 both named; options
// win over positions even where a position is more probable (an issue
// with labels is read by its labels); a probability that is not a
// number is never the likeliest; nothing to choose from is an empty
// list, not null.
func TestLikeliest(t *testing.T) {
	opt := func(label string, v, p float64) answer.OptionProb {
		return answer.OptionProb{Label: label, Value: v, P: answer.Num(p)}
	}
	pos := func(v, p float64, actors ...string) answer.PositionProb {
		return answer.PositionProb{Value: v, Actors: actors, P: answer.Num(p)}
	}
	for _, c := range []struct {
		name      string
		options   []answer.OptionProb
		positions []answer.PositionProb
		want      []answer.Likely
	}{
		{"one option", []answer.OptionProb{opt("a", 0, 0.2), opt("b", 50, 0.5), opt("c", 100, 0.3)}, nil,
			[]answer.Likely{{Value: 50, Label: "b", P: 0.5}}},
		{"positions tie within 1e-12", nil, []answer.PositionProb{pos(30, 0.2, "x"), pos(50, 0.1), pos(70, 0.2-1e-15, "y", "z")},
			[]answer.Likely{{Value: 30, Actors: []string{"x"}, P: 0.2}, {Value: 70, Actors: []string{"y", "z"}, P: 0.2 - 1e-15}}},
		{"not a tie past 1e-12", nil, []answer.PositionProb{pos(30, 0.2, "x"), pos(70, 0.2-1e-11, "y")},
			[]answer.Likely{{Value: 30, Actors: []string{"x"}, P: 0.2}}},
		{"options before positions", []answer.OptionProb{opt("low", 0, 0.4), opt("high", 100, 0.6)}, []answer.PositionProb{pos(40, 0.9, "x")},
			[]answer.Likely{{Value: 100, Label: "high", P: 0.6}}},
		{"no number", []answer.OptionProb{opt("a", 0, math.NaN()), opt("b", 10, 0.1)}, nil,
			[]answer.Likely{{Value: 10, Label: "b", P: 0.1}}},
		{"nothing", nil, nil, []answer.Likely{}},
	} {
		if got := likeliest(c.options, c.positions); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %+v, want %+v", c.name, got, c.want)
		}
	}
}
