package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
	"parley/power"
)

func TestAdviseCommand(t *testing.T) {
	out, stderr, code := run(t, "advise", "a", "testdata/example.yaml", "-q", "--issue", "budget")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Budget: Alpha 0 (w 1), Beta 50 (w 1), Gamma 80 (w 3), forecast 58.
	// Persuading Gamma 5 points toward Alpha moves it 3/5·5 = 3.00;
	// lowering Gamma's salience to 0.95 moves it 0.15·22/4.85 = 0.68.
	// Alpha sits at the scale's end: no own-position lever.
	for _, want := range []string{"Advice for Alpha (a), model compromise, advise's default (", "method closed form", "forecast 58.0", "persuade: position │ Gamma │ 80.0 │ 75.0 │ -3.00 │     +3.00", "+0.68",
		// the issue by its name, with the actor's salience, as the page heads it
		"Budget: forecast 58.0, Alpha at 0.0 (salience 1.00), 58.0 apart"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "own position") {
		t.Errorf("an own-position lever for an actor at the scale's end:\n%s", out)
	}
	out, _, code = run(t, "advise", "b", "testdata/example.yaml", "-q", "-m", "bdm", "--draws", "4", "--format", "json")
	var a answer.Advice
	if err := json.Unmarshal([]byte(out), &a); code != 0 || err != nil || a.Method != "re-run" || a.Draws != 4 || len(a.Issues) == 0 {
		t.Fatalf("exit %d, %v: %+v", code, err, a)
	}
	if _, stderr, code = run(t, "advise", "nobody", "-q"); code != 2 || !strings.Contains(stderr, `actor "nobody": no such actor; valid:`) {
		t.Errorf("unknown actor: exit %d, %s", code, stderr)
	}
	if _, stderr, code = run(t, "advise", "ukraine", "-q", "--step", "0"); code != 2 || !strings.Contains(stderr, "step 0: valid") {
		t.Errorf("step 0: exit %d, %s", code, stderr)
	}
}

// parley advise FILE ACTOR, the order of the commands that take a file,
// answers as ACTOR FILE does when it is unambiguous (input25); when both
// arguments look like files, the order whose file names the other as an
// actor is taken, and when neither does the error says what is valid.
func TestAdviseFileFirst(t *testing.T) {
	example, err := os.ReadFile("testdata/example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	want, stderr, code := run(t, "advise", "b", "testdata/example.yaml", "-q", "--format", "json")
	if code != 0 {
		t.Fatalf("advise ACTOR FILE: exit %d: %s", code, stderr)
	}
	got, stderr, code := run(t, "advise", "testdata/example.yaml", "b", "-q", "--format", "json")
	if code != 0 || got != want {
		t.Errorf("advise FILE ACTOR: exit %d, %s\n%s\nwant\n%s", code, stderr, got, want)
	}
	// In a folder holding a file named a (not a scenario) and case.yaml,
	// both arguments look like files; only case.yaml names the other.
	dir := t.TempDir()
	for name, data := range map[string][]byte{"case.yaml": example, "other.yml": example, "a": []byte("not a scenario\n"), "memo.txt": []byte("Alpha wants nothing\n")} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	for _, args := range [][]string{{"a", "case.yaml"}, {"case.yaml", "a"}} {
		out, stderr, code := run(t, append([]string{"advise"}, append(args, "-q", "--format", "json")...)...)
		var a answer.Advice
		if err := json.Unmarshal([]byte(out), &a); code != 0 || err != nil || a.Actor != "a" {
			t.Errorf("advise %v: exit %d, %v, actor %q: %s", args, code, err, a.Actor, stderr)
		}
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"case.yaml", "other.yml"}, `parley: "case.yaml" and "other.yml" both look like files and neither names an actor of the other; valid: parley advise ACTOR FILE, ACTOR the id or alias of one of FILE's actors (case.yaml's: a, b, c; other.yml's: a, b, c)` + "\n"},
		{[]string{"case.yaml"}, `parley: "case.yaml" is a file, not an actor; valid: parley advise ACTOR FILE or FILE ACTOR, ACTOR an actor of the file: a, b, c` + "\n"},
	} {
		if _, stderr, code := run(t, append([]string{"advise"}, c.args...)...); code != 2 || stderr != c.want {
			t.Errorf("advise %v: exit %d, %q; want %q", c.args, code, stderr, c.want)
		}
	}
}

func TestPowerCommand(t *testing.T) {
	// [3; 2, 1, 1]: φ = (2/3, 1/6, 1/6), the first a veto player
	// (package power's test derives it by hand).
	out, stderr, code := run(t, "power", "--quota", "3", "--weights", "a=2,b=1,c=1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"quota 3 of 4;", "0.6667", "0.1667", "Veto players: a"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// Weights and quota are printed as given, not to one decimal (2.25
	// was 2.2, 50.05 was 50.0): [50.05; 2.25, 50, 1] scaled by 100 is
	// [5005; 225, 5000, 100], where the 50 needs one other (the same
	// game as [3; 2, 1, 1]).
	out, stderr, code = run(t, "power", "--quota", "50.05", "--weights", "2.25,50,1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"quota 50.05 of 53.25;", "│   2.25 │", "│     50 │", "Veto players: p2"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// The unanimity of 40 is exact (up to power.MaxExact voters): each
	// voter swings only for the 39 others, β' = 2⁻³⁹ = 1.82e-12 — shown
	// so, not as 0.0000 — and φ = β = 1/40.
	out, stderr, code = run(t, "power", "--quota", "39.5", "--weights", strings.Repeat("1,", 39)+"1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "│ p40   │      1 │         0.0250 │  0.0250 │       1.82e-12 │ veto │"; !strings.Contains(out, want) {
		t.Errorf("no %q in\n%s", want, out)
	}
	// The help states the exact computation's condition from
	// power.MaxExact, not a copy of the number.
	out, _, _ = run(t, "power", "--help")
	if want := fmt.Sprintf("Exact for up to %d voters whose weights are integers after\nscaling by a power of ten", power.MaxExact); !strings.Contains(out, want) {
		t.Errorf("help lacks %q:\n%s", want, out)
	}
	// Unanimity of 60, sampled: no swing in 1,000 coalitions (each 2⁻⁵⁹
	// likely) — the normalised index is undefined, the absolute one
	// below 3/1000, and the method line says so, not 0.0000 ± 0.0000.
	out, stderr, code = run(t, "power", "--quota", "59.5", "--samples", "1000", "--weights", strings.Repeat("1,", 59)+"1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"no player swung in any of the 1000 random coalitions", "undefined", "0.0000 (< 0.003)"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "0.0000 ± 0.0000") {
		t.Errorf("an unseen index printed as known:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"power", "--quota", "9", "--weights", "2,1,1"}, "no coalition wins"},
		{[]string{"power", "--quota", "3", "--weights", "a=2,1"}, "mixes named and unnamed"},
		{[]string{"power", "--weights", "x"}, `"x" is not a number`},
		{[]string{"power", "--quota", "2", "--weights", "a=1,a=2"}, "voter a named twice"},
		{[]string{"power", "--quota", "1.5e19", "--weights", "1e19,1e19"}, "weight 1 is 1e+19; valid: a number from 0 to 1e12"},
		{[]string{"power", "-q"}, "no issue of ukraine-ceasefire-2025 states a decision rule"},
	} {
		if _, stderr, code := run(t, c.args...); code != 2 || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, %s", c.args, code, stderr)
		}
	}
}

// The built-in case's advice fits an 80-column terminal: SHIFT, as
// large as CLOSER BY on every lever shown, is left out there and kept at
// 120; a legend says what the columns are; a cost of nothing is 0, not
// an under-printed 0.0000.
func TestAdviseFitsWidth(t *testing.T) {
	var a answer.Advice
	runJSON(t, &a, "advise", "ukraine", "-q")
	at80 := fitsWidths(t, func(w io.Writer, width int) { adviseTable(w, &a, 6, width) })
	text := unwrapped(at80)
	for _, want := range []string{"│ CLOSER BY │ GAIN    │ COST │", "│    0 │", "CLOSER BY how much closer the forecast comes to Ukraine (SHIFT, its move, as large: left out); GAIN Ukraine's utility gained over all issues; COST what it loses where the forecast moves away"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q at 80 columns:\n%s", want, at80)
		}
	}
	var b bytes.Buffer
	adviseTable(&b, &a, 6, 120)
	fits(t, b.String(), 120)
	if !strings.Contains(b.String(), "│ SHIFT │ CLOSER BY │") || !strings.Contains(unwrapped(b.String()), "SHIFT the forecast's move; CLOSER BY how much closer it comes to Ukraine; GAIN") {
		t.Errorf("no SHIFT or no legend at 120 columns:\n%s", b.String())
	}
}

// With draws, advice fits 80 columns too: the draws' mean toward and
// share helping go in a table of their own there, and beside the levers
// at 120.
func TestAdviseDrawsFitWidth(t *testing.T) {
	var a answer.Advice
	runJSON(t, &a, "advise", "ukraine", "--draws", "12", "-q")
	at80 := fitsWidths(t, func(w io.Writer, width int) { adviseTable(w, &a, 6, width) })
	if !strings.Contains(at80, "│ LEVER              │ ACTOR         │ MEAN  │ HELPS │") {
		t.Errorf("no table of the draws at 80 columns:\n%s", at80)
	}
	var b bytes.Buffer
	adviseTable(&b, &a, 6, 120)
	fits(t, b.String(), 120)
	if !strings.Contains(b.String(), "│ MEAN  │ HELPS │") || strings.Contains(b.String(), "│ LEVER              │ ACTOR         │ MEAN") {
		t.Errorf("the draws are not beside the levers at 120 columns:\n%s", b.String())
	}
}

// Advice with draws fits 80 columns where an actor's name is long: the
// name takes what the other seven columns leave, breaking at a space (it
// was 83 wide with "European Commission"), and the line on the draws
// breaks as prose.
func TestAdviseLongNamesFitWidth(t *testing.T) {
	var a answer.Advice
	runJSON(t, &a, "advise", "russia", "-m", "bdm", "--draws", "12", "-q")
	at80 := fitsWidths(t, func(w io.Writer, width int) { adviseTable(w, &a, 6, width) })
	if !strings.Contains(at80, "│ persuade:    │ European           │") || !strings.Contains(at80, "│ position     │ Commission         │") {
		t.Errorf("European Commission not broken at 80 columns: the case tests less than it says:\n%s", at80)
	}
	if !strings.Contains(unwrapped(at80), "Mean (of closer by) and helps: over 12 draws of the stated ranges, ") {
		t.Errorf("no line on the draws:\n%s", at80)
	}
}

// forecast --long fits 80 columns: the issue's name and the option's
// label wrap narrower; at 120 as before.
func TestLongForecastFitsWidth(t *testing.T) {
	var f answer.Forecast
	runJSON(t, &f, "forecast", "-q")
	fitsWidths(t, func(w io.Writer, width int) { longTable(w, &f, width) })
	var b bytes.Buffer
	longTable(&b, &f, 120)
	if !strings.Contains(b.String(), "│ Security guarantees for  │") {
		t.Errorf("at 120 columns the issue column is not 24 wide:\n%s", b.String())
	}
}

// A lever whose run failed, or left its issue with no forecast, in
// every draw has no mean and no share, shown as —, not as +0.00 and 0%,
// and the footer says that each lever's are over the draws its run gave
// its issue a forecast in; at 80 columns, in the draws' own table, it
// keeps its row.
func TestAdviseLeverFailedInEveryDraw(t *testing.T) {
	var base answer.Advice
	runJSON(t, &base, "advise", "ukraine", "--draws", "12", "-q")
	for _, left := range []struct {
		name          string
		failed, empty int
	}{{"failed", 12, 0}, {"no forecast", 0, 12}, {"both", 5, 7}} {
		a := base
		a.Issues = append([]answer.IssueAdvice(nil), base.Issues...)
		a.Issues[0].Levers = append([]answer.Lever(nil), base.Issues[0].Levers...)
		lv := &a.Issues[0].Levers[0]
		lv.MeanToward, lv.Helps, lv.FailedDraws, lv.NoForecastDraws = nil, nil, left.failed, left.empty
		for _, width := range []int{120, 80} {
			var b bytes.Buffer
			adviseTable(&b, &a, 6, width)
			text := unwrapped(b.String())
			row := ""
			for _, line := range strings.Split(b.String(), "\n") {
				if strings.Contains(line, "│ "+ask.LeverKindText(lv.Kind)) && strings.Contains(line, lv.Name) && strings.Contains(line, " — │") {
					row = line
				}
			}
			if !strings.Contains(row, " — │") || strings.Count(row, "—") != 2 {
				t.Errorf("%s, at %d columns, no row of %s %s with — twice:\n%s", left.name, width, lv.Kind, lv.Name, b.String())
			}
			if want := "Mean (of closer by) and helps: over 12 draws of the stated ranges; a lever's over the draws in which its run gave its issue a forecast, — when none did (a warning names the levers whose runs did not)."; !strings.Contains(text, want) {
				t.Errorf("%s, at %d columns, no %q:\n%s", left.name, width, want, b.String())
			}
		}
	}
	var b bytes.Buffer
	adviseTable(&b, &base, 6, 120)
	if strings.Contains(b.String(), "a lever's over") {
		t.Errorf("with every lever's draws in its mean, the footer says some are not:\n%s", b.String())
	}
}
