package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
)

// TestForecastCarriesRedLinesCrossed: a forecast's answer carries the
// red lines its models cross as the lines every door prints (the
// command line's block, the page's forecast view), each red line once:
// on the built-in case compromise's 46.8 and nash's status quo 35.0 are
// below Russia's "Territory >= 65", and compromise's 67.9 is not below
// its "Security guarantees for Ukraine < 50" (nash's 35.0 there is).
func TestForecastCarriesRedLinesCrossed(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise", "nash"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Russia's red line (it needs Territory at 65 or above): compromise 46.8; nash 35.0",
		"Russia's red line (it needs Security guarantees for Ukraine below 50): compromise 67.9",
	}
	if strings.Join(f.RedLinesCrossed, "\n") != strings.Join(want, "\n") {
		t.Errorf("the forecast's red lines crossed:\n%s\nwant\n%s", strings.Join(f.RedLinesCrossed, "\n"), strings.Join(want, "\n"))
	}
}

// TestCompareCarriesRedLinesCrossed: a comparison's answer carries the
// red lines its forecasts cross as the lines every door prints (parley
// compare's block, the page's comparison views) under the forecast's
// heading: each red line once, in the issues' order, with each model that
// crosses it, where, and in which columns ("every column" where all do).
// The lines are those parley compare printed before they moved into ask
// (parley compare --variants us-ends-support --variants europe-pays on
// the built-in case, unwrapped): compromise's 46.8 without a variant and
// with Europe paying, as its forecast says, its 47.3 with the US ending
// support; nash's and ks's status quo 35.0 in every column; exchange's
// ranges straddle Ukraine's "< 65" in part, except europe-pays'
// 59.2–64.1, which lies below 65 and crosses only Russia's ">= 65".
// Each column is named by its variant's name, as the table heads it, in
// “ ” where the name has a comma of its own (the user's review read
// "(us-ends-support)" beside a table of names; names25).
func TestCompareCarriesRedLinesCrossed(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewCompareRequest()
	req.Variants = []string{"us-ends-support", "europe-pays"}
	a, err := Compare(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"Russia's red line (it needs Territory at 65 or above): compromise 46.8 (no variant, “Europe pays for US weapons, intelligence and air defence”), 47.3 (The United States ends all support); median 55.0 (every column); nash 35.0 (every column); ks 35.0 (every column); bdm 55.0 (no variant, “Europe pays for US weapons, intelligence and air defence”), 61.4 (The United States ends all support); exchange 60.0–65.4 in part (no variant), 64.4–70.0 in part (The United States ends all support), 59.2–64.1 (“Europe pays for US weapons, intelligence and air defence”); smp 35.7–37.8 (no variant), 39.3–43.8 (The United States ends all support), 43.8–49.8 (“Europe pays for US weapons, intelligence and air defence”); ensemble 47.6–47.8 (no variant, “Europe pays for US weapons, intelligence and air defence”), 48.2–48.5 (The United States ends all support); snap 55.0 (every column)",
		"Ukraine's red line (it needs Territory below 65): exchange 60.0–65.4 in part (no variant), 64.4–70.0 in part (The United States ends all support)",
		"Russia's red line (it needs Security guarantees for Ukraine below 50): compromise 67.9 (no variant, “Europe pays for US weapons, intelligence and air defence”), 57.7 (The United States ends all support); median 70.0 (no variant, “Europe pays for US weapons, intelligence and air defence”), 55.0 (The United States ends all support); bdm 70.0 (no variant, “Europe pays for US weapons, intelligence and air defence”), 55.0 (The United States ends all support); exchange 80.1–85.0 (no variant), 79.6–88.6 (The United States ends all support), 77.9–84.9 (“Europe pays for US weapons, intelligence and air defence”); smp 69.5–69.6 (no variant), 71.4–73.3 (“Europe pays for US weapons, intelligence and air defence”); ensemble 67.7–68.3 (no variant, “Europe pays for US weapons, intelligence and air defence”), 58.3–58.9 (The United States ends all support); snap 70.0 (no variant, “Europe pays for US weapons, intelligence and air defence”), 55.0 (The United States ends all support)",
	}
	if strings.Join(a.RedLinesCrossed, "\n") != strings.Join(want, "\n") {
		t.Errorf("the comparison's red lines crossed:\n%s\nwant\n%s", strings.Join(a.RedLinesCrossed, "\n"), strings.Join(want, "\n"))
	}
	if a.RedLinesCrossedHead != RedLinesCrossedHead {
		t.Errorf("their heading %q, want %q", a.RedLinesCrossedHead, RedLinesCrossedHead)
	}
}

// TestRedLinesCrossedHeadOnlyWhenCrossed: a forecast's answer carries
// the heading over its red lines crossed (every door prints it from
// there), and none when no red line is crossed: the built-in case's
// compromise crosses two; the tiny compare scenario states no red line.
func TestRedLinesCrossedHeadOnlyWhenCrossed(t *testing.T) {
	c := builtinCase(t)
	req := answer.NewForecastRequest()
	req.Models = []string{"compromise"}
	f, err := Forecast(context.Background(), c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.RedLinesCrossed) != 2 || f.RedLinesCrossedHead != RedLinesCrossedHead {
		t.Errorf("built-in case: %d red lines crossed under %q, want 2 under %q", len(f.RedLinesCrossed), f.RedLinesCrossedHead, RedLinesCrossedHead)
	}
	tiny := loadCompare(t, answer.Target{})
	f, err = Forecast(context.Background(), tiny, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := Compare(context.Background(), tiny, answer.NewCompareRequest(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if f.RedLinesCrossed != nil || f.RedLinesCrossedHead != "" || a.RedLinesCrossed != nil || a.RedLinesCrossedHead != "" {
		t.Errorf("no red line stated: forecast %q under %q, comparison %q under %q, want none and no heading", f.RedLinesCrossed, f.RedLinesCrossedHead, a.RedLinesCrossed, a.RedLinesCrossedHead)
	}
}

// TestBaseAnswersCarryRedLinesCrossed: a sweep's, a sensitivity
// analysis's and advice's answers carry the red lines their forecasts at
// the stated values cross as a forecast's answer does, in its words and
// under its heading, so that every door prints them from the answer (the
// command line built them from the models' red_lines, and the page could
// only list each model's as a note). On the built-in case compromise's
// 46.8 and nash's status quo 35.0 on Territory are below Russia's
// ">= 65", and compromise's 67.9 on Security guarantees is not below its
// "< 50" (nash's 35.0 there is allowed); advice runs compromise alone.
func TestBaseAnswersCarryRedLinesCrossed(t *testing.T) {
	c := builtinCase(t)
	territory := "Russia's red line (it needs Territory at 65 or above): compromise 46.8; nash 35.0"
	guarantees := "Russia's red line (it needs Security guarantees for Ukraine below 50): compromise 67.9"
	ctx := context.Background()
	req := answer.NewSweepRequest()
	req.Models, req.Draws = []string{"compromise", "nash"}, 20
	sw, err := Sweep(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Draws = answer.MinSensitivityDraws
	se, err := Sensitivity(ctx, c, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	areq := answer.NewAdviseRequest()
	areq.Actor = "russia"
	ad, err := Advise(ctx, c, areq, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		name        string
		lines, want []string
		head        string
	}{
		{"sweep", sw.RedLinesCrossed, []string{territory, guarantees}, sw.RedLinesCrossedHead},
		{"sensitivity", se.RedLinesCrossed, []string{territory, guarantees}, se.RedLinesCrossedHead},
		{"advice", ad.RedLinesCrossed, []string{"Russia's red line (it needs Territory at 65 or above): compromise 46.8", guarantees}, ad.RedLinesCrossedHead},
	} {
		if strings.Join(x.lines, "\n") != strings.Join(x.want, "\n") {
			t.Errorf("%s's red lines crossed:\n%s\nwant\n%s", x.name, strings.Join(x.lines, "\n"), strings.Join(x.want, "\n"))
		}
		if x.head != RedLinesCrossedHead {
			t.Errorf("%s's heading %q, want %q", x.name, x.head, RedLinesCrossedHead)
		}
	}
	// The tiny compare scenario states no red line: no lines, no heading.
	tiny := loadCompare(t, answer.Target{})
	req.Models, req.Draws = []string{"compromise"}, 20
	tsw, err := Sweep(ctx, tiny, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if tsw.RedLinesCrossed != nil || tsw.RedLinesCrossedHead != "" {
		t.Errorf("no red line stated: sweep %q under %q, want none and no heading", tsw.RedLinesCrossed, tsw.RedLinesCrossedHead)
	}
}

// TestCompareSpanTextNamesVariant: over snapshots the answer carries its
// span with the variant by name (the user's review read "Snapshots side
// by side (variant us-ends-support)" beside columns of names), and "no
// variant" without one; over variants none.
func TestCompareSpanTextNamesVariant(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	cv, err := in.Case(answer.Target{Variant: "us-ends-support"})
	if err != nil {
		t.Fatal(err)
	}
	req := answer.NewCompareRequest()
	req.Over, req.Models = answer.OverSnapshots, []string{"compromise"}
	a, err := Compare(context.Background(), cv, req, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := "the base (2025-02-28) and 3 snapshots to 2025-08-18, variant The United States ends all support"; a.SpanText != want {
		t.Errorf("span_text %q, want %q", a.SpanText, want)
	}
	c := builtinCase(t)
	if a, err = Compare(context.Background(), c, req, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(a.SpanText, ", no variant") {
		t.Errorf("span_text without a variant %q", a.SpanText)
	}
	req = answer.NewCompareRequest()
	req.Models = []string{"compromise"}
	if a, err = Compare(context.Background(), c, req, nil); err != nil || a.SpanText != "" {
		t.Errorf("over variants: span_text %q (%v), want none", a.SpanText, err)
	}
}
