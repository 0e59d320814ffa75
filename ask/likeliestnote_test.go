package ask

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/model"
)

// builtInSnapNotes are snap's notes on the built-in case of why the
// likeliest option is not the forecast's nearest, by issue (the others
// have none: their likeliest is their nearest). Worked from the
// distribution's atoms (the shares below are P(option) = its stretch's
// point masses + its stretch's share of the continuous part):
//
//   - territory: forecast 55 (the compromise 46.8 moved onto the stated
//     55), nearest option 50, stretch 42.5–57.5 (15 wide): point masses
//     at 50 (0.102) and 55 (0.068), 17%, P 0.2548 → 25%. Option 35
//     (the reference point), stretch 17.5–42.5 (25 wide): masses at 20,
//     25, 30 (stated) and 35, 22%, P 0.3167 → 32%; its continuous share
//     (0.095) beats 50's (0.084): wider, and more on single values.
//   - armed-forces: forecast 60, nearest 50 (37.5–62.5), likeliest 75
//     (62.5–87.5, the reference point), both 25 wide; 75's continuous
//     share is the smaller (0.117 against 0.129), its masses the larger
//     (75 0.210, 85 0.044: 25% against 50 0.122 + 60 0.096: 22%).
//   - nato: forecast 40, nearest 40 (20–55, 35 wide), likeliest 70
//     (55–85, 30 wide, the reference point): narrower, with less of the
//     continuous part, but masses of 26% (70 0.2146, 80 0.0502) against 15%
//     (40 0.149).
var builtInSnapNotes = map[string]string{
	"territory":    "the likeliest option is →35 (32%), not →50 (25%), the option nearest the forecast 55.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →35's stretch, 17.5–42.5, is wider than →50's, 42.5–57.5, and holds more of the chance the model puts on single values, 22% against 17% (the reference point 35.0; the stated positions 20.0, 25.0 and 30.0)",
	"armed-forces": "the likeliest option is →75 (37%), not →50 (35%), the option nearest the forecast 60.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →75's stretch, 62.5–87.5, holds more of the chance the model puts on single values, 25% against 22% (the reference point 75.0; the stated position 85.0)",
	"nato":         "the likeliest option is →70 (37%), not →40 (33%), the option nearest the forecast 40.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →70's stretch, 55.0–85.0, holds more of the chance the model puts on single values, 26% against 15% (the reference point 70.0; the stated position 80.0)",
}

// TestLikeliestNoteBuiltIn: snap's forecast of the built-in case says,
// on each issue whose likeliest option is not the forecast's nearest,
// why (the answer's distribution.likeliest_note), and on no other.
func TestLikeliestNoteBuiltIn(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"snap"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, x := range f.Models[0].Issues {
		if x.Distribution == nil {
			t.Fatalf("%s: no distribution", x.Issue)
		}
		if got, want := x.Distribution.LikeliestNote, builtInSnapNotes[x.Issue]; got != want {
			t.Errorf("%s: note\n%q\nwant\n%q", x.Issue, got, want)
		}
		seen++
	}
	if seen != 7 {
		t.Errorf("%d issues, want 7", seen)
	}
}

// TestLikeliestNoteWords: the note's cases worked by hand on a scale
// 0–100 with options at 0, 10 and 100 (stretches 0–5, 5–55, 55–100) and
// a continuous part alone (compromise-band's kind), flat to within 1e-7
// (a Laplace of scale 10⁹): its chances are the stretches' widths, 5%,
// 50% and 45%. A forecast of 4 is nearest 0, whose stretch is narrow:
// 10's is wider and holds no single value, so "wider" alone. No note
// where the likeliest is the nearest, where an issue has no options or
// where the forecast is not a number. A tie of likeliest is named
// whole, its chance "each". Where the forecast is not the centre the
// note does not say it is.
func TestLikeliestNoteWords(t *testing.T) {
	is := model.Issue{ID: "i", Min: 0, Max: 100, Anchors: []model.Anchor{{Value: 100, Label: "c"}, {Value: 0, Label: "a"}, {Value: 10, Label: "b"}}}
	pd := &model.Predictive{Min: 0, Max: 100, Cont: 1, Center: 4, Scale: 1e9}
	opts := []answer.OptionProb{{Label: "a", Value: 0, P: 0.05}, {Label: "b", Value: 10, P: 0.50}, {Label: "c", Value: 100, P: 0.45}}
	dist := &answer.Distribution{Options: opts, Likeliest: likeliest(opts, nil)}
	near0 := []answer.Anchor{{Value: 0, Label: "a"}}
	want := "the likeliest option is →10 (50%), not →0 (5%), the option nearest the forecast 4.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →10's stretch, 5.0–55.0, is wider than →0's, 0.0–5.0"
	if got := likeliestNote(is, 4, near0, pd, dist, 1); got != want {
		t.Errorf("wider:\n%q\nwant\n%q", got, want)
	}
	if got := likeliestNote(is, 4.5, near0, pd, dist, 1); got != strings.Replace(want, "forecast 4.0 (where the distribution is centred)", "forecast 4.5", 1) {
		t.Errorf("off centre: %q", got)
	}
	if got := likeliestNote(is, 9, []answer.Anchor{{Value: 10, Label: "b"}}, pd, dist, 1); got != "" {
		t.Errorf("likeliest is nearest: %q, want none", got)
	}
	if got := likeliestNote(is, math.NaN(), near0, pd, dist, 1); got != "" {
		t.Errorf("no number: %q, want none", got)
	}
	none := &answer.Distribution{Options: []answer.OptionProb{}, Likeliest: []answer.Likely{{Value: 4, Actors: []string{"x"}, P: 0.3}}}
	if got := likeliestNote(model.Issue{ID: "j", Min: 0, Max: 100}, 4, near0, pd, none, 1); got != "" {
		t.Errorf("no options: %q, want none", got)
	}
	tie := []answer.OptionProb{{Label: "a", Value: 0, P: 0.05}, {Label: "b", Value: 10, P: 0.475}, {Label: "c", Value: 100, P: 0.475}}
	got := likeliestNote(is, 4, near0, pd, &answer.Distribution{Options: tie, Likeliest: likeliest(tie, nil)}, 1)
	if want := "the likeliest options are →10 / 100 (48% each), not →0 (5%), the option nearest the forecast 4.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →10's stretch, 5.0–55.0, is wider than →0's, 0.0–5.0"; got != want {
		t.Errorf("tie:\n%q\nwant\n%q", got, want)
	}
}

// TestLikeliestNoteNearestTie: a forecast exactly between two options
// (5, between 0 and 10) names both as the nearest, and the note compares
// the likeliest with the likelier of them (10 is itself the likeliest
// there, so no note; with 0 and 100, 100's 45%).
func TestLikeliestNoteNearestTie(t *testing.T) {
	is := model.Issue{ID: "i", Min: 0, Max: 100, Anchors: []model.Anchor{{Value: 0, Label: "a"}, {Value: 10, Label: "b"}, {Value: 100, Label: "c"}}}
	pd := &model.Predictive{Min: 0, Max: 100, Cont: 1, Center: 5, Scale: 1e9}
	opts := []answer.OptionProb{{Label: "a", Value: 0, P: 0.05}, {Label: "b", Value: 10, P: 0.50}, {Label: "c", Value: 100, P: 0.45}}
	dist := &answer.Distribution{Options: opts, Likeliest: likeliest(opts, nil)}
	if got := likeliestNote(is, 5, []answer.Anchor{{Value: 0}, {Value: 10}}, pd, dist, 1); got != "" {
		t.Errorf("the likeliest is one of the nearest: %q, want none", got)
	}
	// A made-up tie of 0 and 100 (not where 5 lies, but the words are
	// the case's): 100 is the likelier of the two nearest, its stretch
	// 55–100 the narrower.
	got := likeliestNote(is, 5, []answer.Anchor{{Value: 0}, {Value: 100}}, pd, dist, 1)
	want := "the likeliest option is →10 (50%), not →100 (45%), of →0 / 100, equally near the forecast 5.0 (where the distribution is centred): an option's chance counts every outcome nearer it than any other option, and →10's stretch, 5.0–55.0, is wider than →100's, 55.0–100.0"
	if got != want {
		t.Errorf("tie of nearest:\n%q\nwant\n%q", got, want)
	}
}

// chancesApart writes chances as Chance does, a nonzero never "0%",
// with more decimals only where those read alike.
func TestChancesApart(t *testing.T) {
	for _, c := range []struct {
		a, b   float64
		wa, wb string
	}{
		{0.26, 0.5, "26%", "50%"},
		{0.2512, 0.2534, "25.1%", "25.3%"},
		{0.003, 0.5, "0.3%", "50%"},
		{0.0031, 0.0034, "0.31%", "0.34%"},
		{0.25, 0.25, "25.000%", "25.000%"},
	} {
		if a, b := chancesApart(c.a, c.b); a != c.wa || b != c.wb {
			t.Errorf("chancesApart(%v, %v) = %q, %q; want %q, %q", c.a, c.b, a, b, c.wa, c.wb)
		}
	}
}
