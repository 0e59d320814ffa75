package ensemble

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"parley/gen"
	"parley/model"
	"parley/model/compromise"
	"parley/model/modeltest"
	"parley/model/smp"
)

// unsettledCase is a generated problem whose first issue, run alone, stops
// smp at its round limit still moving (its last step 0.36 of its first).
func unsettledCase(t *testing.T) *model.Problem {
	t.Helper()
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 15, Issues: 6, Seed: 5}))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The ensemble's rounds combine its members' rounds by (1), aligned at
// the end: round t is ((1−w)·compromise + w·smp_t)/((1−w) + w), in that
// order, so the last is the forecast bit for bit, and the ensemble's last
// two rounds are apart exactly where smp's are — issue 0, whose run
// stopped at its round limit, among them.
func TestRoundsFollowMembers(t *testing.T) {
	p := unsettledCase(t)
	ctx := context.Background()
	r, err := Model{}.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	wc, ws := 1-Fitted, Fitted
	for k := range p.Issues {
		sub := OneIssue(p, k)
		c, err := compromise.Model{}.Forecast(ctx, sub, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		s, err := smp.Model{}.Forecast(ctx, sub, model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		xc, sr := c.Issues[0].Forecast, s.Issues[0].Rounds
		er := r.Issues[k].Rounds
		if len(er) != len(sr) {
			t.Fatalf("issue %d: %d rounds, smp has %d", k, len(er), len(sr))
		}
		for tt := range er {
			want := (wc*xc + ws*sr[tt].Forecast) / (wc + ws)
			if math.Float64bits(er[tt].Forecast) != math.Float64bits(want) || er[tt].Round != tt {
				t.Fatalf("issue %d round %d: %v, want %v", k, tt, er[tt].Forecast, want)
			}
		}
		last := er[len(er)-1].Forecast
		if math.Float64bits(last) != math.Float64bits(r.Issues[k].Forecast) {
			t.Errorf("issue %d: last round %v, forecast %v", k, last, r.Issues[k].Forecast)
		}
		moving := er[len(er)-2].Forecast != last
		if smpMoving := sr[len(sr)-2].Forecast != sr[len(sr)-1].Forecast; moving != smpMoving || (k == 0 && !moving) {
			t.Errorf("issue %d: the ensemble still moving %v, smp %v", k, moving, smpMoving)
		}
		if len(er[0].Positions) != len(p.Actors) || er[len(er)-1].Positions != nil {
			t.Errorf("issue %d: round 0 holds %d positions, the last %d; want the stated ones, then none of its own", k, len(er[0].Positions), len(er[len(er)-1].Positions))
		}
	}
	// The smp run of issue 0 stopped by its rule, after 13 steps.
	if n := len(r.Issues[0].Rounds); n != 101 {
		t.Errorf("issue 0: %d rounds, want smp's 101", n)
	}
}

// A member's notes reach the ensemble's, named by issue and member: on
// issue 0 of unsettledCase smp stops at its round limit still moving, and
// the ensemble says so in smp's own words, word for word; on the other
// five smp came to rest by its rule, and the ensemble says so once, with
// the steps smp took on each issue. Compromise, which has no notes, adds
// none.
func TestMemberNotesKept(t *testing.T) {
	p := unsettledCase(t)
	ctx := context.Background()
	r, err := Model{}.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var want, steps []string
	for k, is := range p.Issues {
		s, err := smp.Model{}.Forecast(ctx, OneIssue(p, k), model.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Notes) != 1 {
			t.Fatalf("issue %d: smp's notes %q; the test expects one", k, s.Notes)
		}
		n := s.Notes[0].String()
		if k == 0 {
			if !strings.Contains(n, "reached the round limit") || !strings.Contains(n, "may not be settled") {
				t.Fatalf("issue 0: smp's note %q does not say it reached its round limit still moving; the case no longer tests that", n)
			}
			want = append(want, is.ID+": member smp: "+n)
			continue
		}
		st := len(s.Issues[0].Rounds) - 1
		// stopped by KTAB's rule; its forecast may still have moved in
		// the last step, which the note then adds (smp's
		// TestRestedNoteSaysForecastMoved)
		if rest := fmt.Sprintf("%d states, %d steps; stopped: fractional change below 0.02", st+1, st); !strings.HasPrefix(n, rest) {
			t.Fatalf("issue %d: smp's note %q, want %q; the case no longer tests a run stopped by KTAB's rule", k, n, rest)
		}
		steps = append(steps, fmt.Sprintf("%d on %s", st, is.ID))
	}
	want = append(want, "member smp, run on one issue at a time, stopped by its own rule on each of 5 issues (fractional change below 0.02), steps per issue: "+strings.Join(steps, ", "))
	if got := modeltest.NoteStrings(r.Notes); !slices.Equal(got, want) {
		t.Errorf("notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// the member's note is about its issue (ids, apart from the words);
	// the summary, about the run, names its issues in its words
	if len(r.Notes) == 2 && (!slices.Equal(r.Notes[0].Issues, []string{p.Issues[0].ID}) || r.Notes[1].Issues != nil || r.Notes[1].Parts[2].Issue != p.Issues[1].ID) {
		t.Errorf("notes' ids: %+v", r.Notes)
	}
}

// A member that came to rest on one issue only keeps its own note, named
// by issue and member: there is nothing to gather.
func TestMemberNoteAtRestAlone(t *testing.T) {
	p := OneIssue(unsettledCase(t), 1)
	ctx := context.Background()
	r, err := Model{}.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := smp.Model{}.Forecast(ctx, p, model.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{p.Issues[0].ID + ": member smp: " + s.Notes[0].String()}
	if !strings.Contains(s.Notes[0].String(), "stopped: fractional change below 0.02") || !slices.Equal(modeltest.NoteStrings(r.Notes), want) {
		t.Errorf("notes %q, want %q (smp stopped by KTAB's rule)", r.Notes, want)
	}
}
