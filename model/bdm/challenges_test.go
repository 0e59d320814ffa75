package bdm

import (
	"context"
	"fmt"
	"math"
	"testing"

	"parley/model"
)

// T1-c (spec §6.1) through the public trace: Challenges, run on a default
// forecast of the EU emissions case, puts every actor of BDM94's figure
// "Belgium's perspective" (round 1, x = E^B(U_Bj), y = E^B(U_jB)) in the
// region the figure shows it in. Read from the figure (spec T1-c, "read by
// eye"): Denmark ≈ (−0.83, +0.25), UK ≈ (−0.65, +0.25), Netherlands and
// Germany ≈ (−0.47, +0.25): left of the y-axis and below the diagonal |x| =
// y, the capitulate octant; France and Italy ≈ (−0.05…−0.1, +0.25): above
// the diagonal, compromise; Luxembourg ≈ (+0.6, +0.25): the conflict
// quadrant below the diagonal, a conflict Belgium expects to win; Ireland
// and Greece share Belgium's position 7, at the origin.
func TestChallengesBelgiumPerspective(t *testing.T) {
	p := loadCSV(t, "eu_emissions_bdm1994.csv")
	m := Model{}
	res, err := m.Forecast(context.Background(), p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rounds, err := m.Challenges(p, res, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rounds) != len(res.Issues[0].Rounds)-1 || len(rounds) != 4 {
		t.Fatalf("%d rounds of challenges, want 4 (the run stops at round 4, spec §3.11)", len(rounds))
	}
	r1 := rounds[0]
	near(t, "r_Belgium", r1.Risk[belg], 0.754196, 1e-6)
	want := map[int]struct {
		region string
		x, y   float64 // spec T1-c "ours", 3 decimals
	}{
		den:  {RegionCapitulate, -0.832, 0.242},
		uk:   {RegionCapitulate, -0.655, 0.243},
		neth: {RegionCapitulate, -0.473, 0.242},
		germ: {RegionCapitulate, -0.473, 0.242},
		fra:  {RegionCompromise, -0.115, 0.243},
		ita:  {RegionCompromise, -0.115, 0.243},
		lux:  {RegionConflictWon, 0.606, 0.242},
		ire:  {RegionSamePosition, 0, 0},
		gre:  {RegionSamePosition, 0, 0},
	}
	seen := 0
	for _, ch := range r1.Challenges {
		if ch.Actor != belg {
			continue
		}
		seen++
		w, ok := want[ch.Other]
		if !ok {
			t.Fatalf("Belgium reads actor %d, not in the figure", ch.Other)
		}
		if ch.Region != w.region {
			t.Errorf("Belgium → %s: region %s, want %s (a %.4f, b %.4f)", p.Actors[ch.Other].ID, ch.Region, w.region, ch.A, ch.B)
		}
		near(t, fmt.Sprintf("x(Belg,%s)", p.Actors[ch.Other].ID), ch.A, w.x, 5e-4)
		near(t, fmt.Sprintf("y(Belg,%s)", p.Actors[ch.Other].ID), ch.B, w.y, 5e-4)
		// Only France's and Italy's compromises are offers in the
		// replication profile (capitulation is off, A14; a won conflict
		// asks nothing of Belgium); France's is the E15 position of T1-b.
		if ch.Offer != (w.region == RegionCompromise) {
			t.Errorf("Belgium → %s: offer %v", p.Actors[ch.Other].ID, ch.Offer)
		}
		if ch.Other == fra {
			near(t, "Belgium's offer from France", ch.To, 8.415932, 1e-6)
		}
	}
	if seen != 9 {
		t.Errorf("Belgium reads %d actors, want 9", seen)
	}
	// The move the run took is one of the offers Challenges lists (the
	// run's lean round and the reference round agree to rounding).
	for _, mv := range res.Detail.(*Detail).Issues[0].Rounds[0].Moves {
		found := false
		for _, ch := range r1.Challenges {
			if ch.Actor == mv.Actor && ch.Other == mv.With {
				found = ch.Offer && math.Abs(ch.To-mv.To) <= 1e-12 && ch.Region == map[string]string{"conflict": RegionConflictLost, "compromise": RegionCompromise}[mv.Kind]
			}
		}
		if !found {
			t.Errorf("round 1: move %+v is not an offer of its challenges", mv)
		}
	}
}

// Region on each line and in each octant of the chart.
func TestRegion(t *testing.T) {
	cases := []struct {
		a, b float64
		want string
	}{
		{1, 2, RegionConflictLost}, {2, 1, RegionConflictWon},
		{-1, 2, RegionCompromise}, {-2, 1, RegionCapitulate},
		{2, -1, RegionOtherCompromises}, {1, -2, RegionOtherCapitulates},
		{-1, -1, RegionStatusQuo}, {1, 1, RegionBoundary}, {0, 1, RegionBoundary}, {-1, 1, RegionBoundary},
	}
	for _, c := range cases {
		if got := Region(0, 1, c.a, c.b); got != c.want {
			t.Errorf("Region(%v, %v) = %s, want %s", c.a, c.b, got, c.want)
		}
	}
	if got := Region(3, 3, 0, 0); got != RegionSamePosition {
		t.Errorf("same position: %s", got)
	}
}

// A run without its trace cannot be replayed: a clear error, not a panic.
func TestChallengesNeedTrace(t *testing.T) {
	p := loadCSV(t, "eu_emissions_bdm1994.csv")
	res, err := Model{}.Forecast(context.Background(), p, model.Options{NoTrace: true, Rounds: 5})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (Model{}).Challenges(p, res, 0); err == nil {
		t.Error("no error for a run without its trace")
	}
}

// Every actor at one position: the round computes no (a, b), as nobody is
// challenged, and Challenges puts each pair at the origin, the same
// position, with no offer (explain -m bdm on such an issue panicked,
// indexing the empty pair matrix).
func TestChallengesOnePosition(t *testing.T) {
	p := &model.Problem{
		Actors: []model.Actor{{ID: "a", Capability: 1}, {ID: "b", Capability: 1}, {ID: "c", Capability: 2}},
		Issues: []model.Issue{{ID: "x", Min: -1, Max: 1}},
		Stances: [][]model.Stance{
			{{Position: 0.5, Salience: 1, Present: true}},
			{{Position: 0.5, Salience: 0.5, Present: true}},
			{{Position: 0.5, Salience: 0.2, Present: true}},
		},
	}
	for _, m := range []Model{{}, {Profile: Paper}} {
		res, err := m.Forecast(context.Background(), p, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		rounds, err := m.Challenges(p, res, 0)
		if err != nil {
			t.Fatal(err)
		}
		if len(rounds) == 0 {
			t.Fatalf("%s: no rounds", m.Profile)
		}
		for _, rc := range rounds {
			if len(rc.Challenges) != 6 {
				t.Errorf("%s: round %d has %d challenges, want 6 (3 actors, each of the other 2)", m.Profile, rc.Round, len(rc.Challenges))
			}
			for _, ch := range rc.Challenges {
				if ch.Region != RegionSamePosition || ch.A != 0 || ch.B != 0 || ch.Offer || ch.To != 0.5 {
					t.Errorf("%s: challenge %+v, want the same position at the origin, no offer", m.Profile, ch)
				}
			}
		}
	}
}
