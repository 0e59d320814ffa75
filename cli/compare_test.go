package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"parley/answer"
	"parley/ask"
)

// compareFile has forecasts worked out by hand in its comment.
const compareFile = "../ask/testdata/compare.yaml"

// The table shows each forecast with its change against the first
// column, worked out by hand: over snapshots the compromise model goes
// 50 → 35 → 40; over variants at the base, a-cares gives 40 and b-leaves
// 20 against 50. A variant's column is headed by its name, and its id,
// which --variant takes, is listed below (the user's review, minor25).
func TestCompareTable(t *testing.T) {
	out, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise", "--over", "snapshots")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"50.0 ", "35.0 (-15.0)", "40.0 (-10.0)", "B CONCEDES", "each change is against base"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	out, stderr, code = run(t, "compare", compareFile, "-q", "-m", "compromise", "--snapshot", "base", "--variants", "a-cares,b-leaves")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"40.0 (-10.0)", "20.0 (-30.0)", "A CARES MORE", "A cares more: --variant a-cares"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
}

// A forecast that did not settle is its range, marked ~, with no change;
// the built-in case's exchange model does not settle.
func TestCompareTableUnsettled(t *testing.T) {
	out, _, code := run(t, "compare", "-q", "-m", "exchange", "--variants", "us-ends-support")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a answer.Comparison
	js, _, _ := run(t, "compare", "-q", "-m", "exchange", "--variants", "us-ends-support", "-f", "json")
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	ranges := 0
	for _, is := range a.Models[0].Issues {
		for _, c := range is.Cells {
			f := c.Forecast
			if f.Settled {
				continue
			}
			ranges++
			cell := num(f.Range.Lo) + "–" + num(f.Range.Hi) + " ~"
			if !strings.Contains(out, cell+" │") {
				t.Errorf("the table lacks the range %q:\n%s", cell, out)
			}
			if c.Change != nil {
				t.Errorf("%s: a change %v for a range", is.Issue, *c.Change)
			}
		}
	}
	if ranges == 0 || !strings.Contains(out, "~ did not settle") {
		t.Fatalf("no range to check (%d):\n%s", ranges, out)
	}
}

// Names that are not valid are refused as usage errors that name the
// field and what would be valid.
func TestCompareRefusesBadNames(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--variants", "a-cares,nope"}, `variants[1]: variant "nope": no such variant; valid: a-cares, b-leaves, c-firm (or a variant's name)`},
		{[]string{"--over", "snapshots", "--snapshots", "base,2025-01-15"}, `snapshots[1]: "2025-01-15" is not a snapshot of the scenario; valid: "base", "latest" or a snapshot's date, one of 2025-02-01, 2025-03-01`},
		{[]string{"--over", "time"}, `over: "time"; valid: "variants" or "snapshots"`},
		{[]string{"--variant", "a-cares"}, `variant: "a-cares": over variants`},
	} {
		_, stderr, code := run(t, append([]string{"compare", compareFile, "-q", "-m", "compromise"}, c.args...)...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", c.args, code, stderr, c.want)
		}
	}
}

// The CSV has a row per model, issue and column, with the change where
// there is one.
func TestCompareCSV(t *testing.T) {
	out, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise,median", "--snapshot", "base", "--variants", "b-leaves", "-f", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+2*2 {
		t.Fatalf("%d rows, want a header and 2 models × 2 columns:\n%s", len(rows), out)
	}
	if got := strings.Join(rows[2], ","); got != "compromise,x,b-leaves,base,b-leaves,20,true,,,0,none,-30," {
		t.Errorf("row %q", got)
	}
}

// A column that cannot be resolved is an error in that column; the
// others answer, and the exit code is the error's.
func TestCompareColumnError(t *testing.T) {
	out, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise", "--over", "snapshots", "--variant", "c-firm")
	if code != 3 || !strings.Contains(stderr, `model compromise (base): `) || !strings.Contains(out, "│ error │") || !strings.Contains(out, "50.0 │") {
		t.Errorf("exit %d\n%s\n%s", code, out, stderr)
	}
}

// No format drops what a model's run said: the CSV writes every warning
// and note of the JSON to stderr, by model and column, and the table
// prints each note once with the columns that gave it (bdm's stop on
// sanctions in two columns of the built-in case, its cycling median on
// nato in none: the warning says that; nash's status-quo note naming
// other issues in us-ends-support than in the other columns).
func TestCompareKeepsWarningsAndNotes(t *testing.T) {
	args := []string{"compare", "-q", "-m", "nash,bdm"}
	js, _, code := run(t, append(args, "-f", "json")...)
	if code != 0 {
		t.Fatalf("json: exit %d", code)
	}
	var a answer.Comparison
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	_, stderr, code := run(t, append(args, "-f", "csv")...)
	table, _, code2 := run(t, args...)
	if code != 0 || code2 != 0 {
		t.Fatalf("exit %d, %d", code, code2)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(stderr, "\n") {
		lines[l] = true
	}
	n := 0
	for _, m := range a.Models {
		for j, r := range m.Columns {
			col := ask.CompareColumnName(&a, j)
			for _, w := range r.Warnings {
				n++
				if l := "warning (" + m.Model + ", " + col + "): " + w; !lines[l] {
					t.Errorf("csv: stderr lacks %q", l)
				}
			}
			crossing := map[string]answer.RedLineCrossing{}
			for _, x := range r.RedLines {
				crossing[x.Text()] = x
			}
			for _, x := range r.Notes {
				n++
				if l := "note (" + m.Model + ", " + col + "): " + x; !lines[l] {
					t.Errorf("csv: stderr lacks %q", l)
				}
				want := x
				if c, ok := crossing[x]; ok {
					// in the block of red lines crossed, once each
					// (TestCompareRedLinesGrouped)
					want = c.RedLine + ":"
				}
				if !strings.Contains(strings.Join(strings.Fields(table), " "), want) {
					t.Errorf("the table lacks the note %q", x)
				}
			}
		}
	}
	if n == 0 || !strings.Contains(table, "note (bdm; no variant, A European coalition of the willing deploys with a US backstop):") || strings.Contains(table, "Ukraine and NATO: the median was still moving") || !strings.Contains(table, "note (nash; The United States ends all support): ") {
		t.Fatalf("%d warnings and notes; table:\n%s", n, table)
	}
}

// Over snapshots the heading names the span the columns cover, not the
// target's date, and each assumed-numbers warning names the snapshot it
// is about, or every snapshot when all say it. On compare.yaml the base
// and the first snapshot have 2 of 2 stances and capabilities assumed,
// the latest (C joins) 3 of 3; the target is the latest.
func TestCompareSnapshotsHeaderAndWarnings(t *testing.T) {
	out, stderr, code := run(t, "compare", compareFile, "-m", "compromise", "--over", "snapshots")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Two actors — the base (2025-01-01) and 2 snapshots to 2025-03-01, no variant (../ask/testdata/compare.yaml; 1 issue)\nSnapshots side by side; each change is against base.\n",
		"assumed (base): 2 of 2 stances rest on no quote",
		"assumed (B concedes): 2 of 2 capabilities rest on no quote",
		"assumed (2025-03-01): 3 of 3 stances rest on no quote",
		"assumed (2025-03-01): 3 of 3 capabilities rest on no quote",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "as of") || strings.Contains(stderr, "3 of 3") {
		t.Errorf("the target's date or warnings are given as the comparison's:\n%s\nstderr:\n%s", out, stderr)
	}
	// The base and the first snapshot alone: their warnings once, for
	// both; nothing of the latest, which is not compared.
	out, stderr, code = run(t, "compare", compareFile, "-m", "compromise", "--over", "snapshots", "--snapshots", "base,2025-02-01")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"Two actors — the base (2025-01-01) and 1 snapshot, 2025-02-01, no variant (../ask/testdata/compare.yaml; 1 issue)\n",
		"assumed (every snapshot): 2 of 2 stances rest on no quote",
		"assumed (every snapshot): 2 of 2 capabilities rest on no quote",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr, "3 of 3") || strings.Contains(out, "assumed (base)") {
		t.Errorf("warnings of a snapshot not compared, or given per column:\n%s\nstderr:\n%s", out, stderr)
	}
	// JSON and CSV say the same on stderr; the JSON's scenario warnings
	// are the shared ones.
	for _, f := range []string{"json", "csv"} {
		js, stderr, code := run(t, "compare", compareFile, "-m", "compromise", "--over", "snapshots", "--snapshots", "base,2025-02-01", "-f", f)
		if code != 0 || !strings.HasPrefix(stderr, "assumed (every snapshot): 2 of 2 stances rest on no quote") || strings.Contains(stderr, "3 of 3") {
			t.Errorf("%s: exit %d, stderr:\n%s", f, code, stderr)
		}
		if f == "json" {
			var a answer.Comparison
			if err := json.Unmarshal([]byte(js), &a); err != nil || len(a.Scenario.Assumed) != 2 || !strings.HasPrefix(a.Scenario.Assumed[0], "2 of 2 stances") || len(a.Scenario.Warnings) != 0 {
				t.Errorf("json: %v, assumed %q, warnings %q", err, a.Scenario.Assumed, a.Scenario.Warnings)
			}
		}
	}
}

// -q leaves out every scenario warning, each column's and the shared
// ones, in the table and on the CSV's stderr, as it does the file's in
// every command; the forecast is the same, and the JSON keeps them all.
func TestCompareQuietLeavesOutScenarioWarnings(t *testing.T) {
	loud, _, code := run(t, "compare", compareFile, "-m", "compromise", "--over", "snapshots")
	if code != 0 || !strings.Contains(loud, "assumed (base): 2 of 2 stances rest on no quote") {
		t.Fatalf("exit %d, without -q the table lacks the base's warning:\n%s", code, loud)
	}
	out, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise", "--over", "snapshots")
	if code != 0 || strings.Contains(out+stderr, "warning") || strings.Contains(out+stderr, "assumed") {
		t.Errorf("-q: exit %d, a warning or what is assumed is printed:\n%s\nstderr:\n%s", code, out, stderr)
	}
	// What is left is the table without its warnings' lines.
	var kept []string
	for _, l := range strings.SplitAfter(loud, "\n") {
		if !strings.HasPrefix(l, "assumed (") && !strings.HasPrefix(l, "  ") {
			kept = append(kept, l)
		}
	}
	if strings.Join(kept, "") != out {
		t.Errorf("-q changed more than the warnings:\n%s\nwithout -q, less its warnings:\n%s", out, strings.Join(kept, ""))
	}
	for _, f := range []string{"csv", "json"} {
		js, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise", "--over", "snapshots", "--snapshots", "base,2025-02-01", "-f", f)
		if code != 0 || stderr != "" {
			t.Errorf("%s -q: exit %d, stderr:\n%s", f, code, stderr)
		}
		if f == "json" {
			var a answer.Comparison
			if err := json.Unmarshal([]byte(js), &a); err != nil || len(a.Scenario.Assumed) != 2 {
				t.Errorf("json -q: %v, scenario assumed %q, want the two shared", err, a.Scenario.Assumed)
			}
		}
	}
}

// --variants takes a variant's name too, as --variant does: "A cares
// more" is a-cares, 40 against 50 at the base, headed by its id.
func TestCompareVariantsByName(t *testing.T) {
	out, stderr, code := run(t, "compare", compareFile, "-q", "-m", "compromise", "--snapshot", "base", "--variants", "A cares more")
	if code != 0 || !strings.Contains(out, "40.0 (-10.0)") || !strings.Contains(out, "A CARES MORE") || !strings.Contains(out, "A cares more: --variant a-cares") {
		t.Errorf("exit %d, stderr %q:\n%s", code, stderr, out)
	}
}

// --variants is given once a variant or as a list, and a variant whose
// name has commas is named by its name: its pieces are read as a list
// only when each names a variant (so "a-cares,b-leaves" stays a list, as
// it was, though a variant is named so), else the value is one name.
func TestCompareVariantsWithCommas(t *testing.T) {
	data, err := os.ReadFile(compareFile)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(data), "name: A cares more", "name: A cares, more", 1)
	s = strings.Replace(s, "variants:\n", "variants:\n  - id: both\n    name: a-cares,b-leaves\n    remove_actors: [b]\n", 1)
	if !strings.Contains(s, "A cares, more") || !strings.Contains(s, "id: both") {
		t.Fatal("the file was not edited: the case tests nothing")
	}
	path := filepath.Join(t.TempDir(), "commas.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		args []string
		want []string
	}{
		{"a name with a comma", []string{"--variants", "A cares, more"}, []string{"a-cares"}},
		{"the flag twice", []string{"--variants", "c-firm", "--variants", "A cares, more"}, []string{"c-firm", "a-cares"}},
		{"a list", []string{"--variants", "c-firm, b-leaves"}, []string{"c-firm", "b-leaves"}},
		{"a list and the flag again", []string{"--variants", "c-firm,b-leaves", "--variants", "a-cares"}, []string{"c-firm", "b-leaves", "a-cares"}},
		{"a list before a name", []string{"--variants", "a-cares,b-leaves"}, []string{"a-cares", "b-leaves"}},
		{"that name by its id", []string{"--variants", "both"}, []string{"both"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var a answer.Comparison
			runJSON(t, &a, append([]string{"compare", path, "-m", "compromise"}, c.args...)...)
			var got []string
			for _, col := range a.Columns[1:] {
				got = append(got, col.Variant)
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("columns %v, want %v", got, c.want)
			}
		})
	}
	// A value that is neither a list of variants nor one's name is
	// refused for its first piece that names none, by scenario's rule.
	_, stderr, code := run(t, "compare", path, "-q", "-m", "compromise", "--variants", "c-firm, A cares")
	if code != 2 || !strings.Contains(stderr, `variants[1]: variant "A cares": no such variant`) {
		t.Errorf("exit %d, %q; want 2 and variant \"A cares\" refused", code, stderr)
	}
}

// The built-in case's comparisons, over variants (98–102 wide) and over
// snapshots (89), fit an 80-column terminal: the issue narrows and the
// columns' names break into lines; at 120 columns they are as they were.
func TestCompareFitsWidth(t *testing.T) {
	for _, over := range []string{"variants", "snapshots"} {
		t.Run(over, func(t *testing.T) {
			var a answer.Comparison
			runJSON(t, &a, "compare", "--over", over, "-q")
			fitsWidths(t, func(w io.Writer, width int) { compareTable(w, &a, true, width) })
			var b bytes.Buffer
			compareTable(&b, &a, true, 120)
			want := " A EUROPEAN COALITION │"
			if over == "snapshots" {
				want = "│ WHITE HOUSE MEETING │"
			}
			if !strings.Contains(b.String(), want) {
				t.Errorf("no %q at 120 columns:\n%s", want, b.String())
			}
		})
	}
}

// A name breaks after its hyphens into lines of at most n where it can.
func TestBreakAfterHyphens(t *testing.T) {
	for in, want := range map[string]string{"coalition-with-backstop": "coalition-\nwith-\nbackstop", "us-ends-support": "us-ends-\nsupport", "europe-pays": "europe-\npays", "short": "short", "averyveryverylongname": "averyveryverylongname"} {
		if got := breakAfterHyphens(in, 10); got != want {
			t.Errorf("breakAfterHyphens(%q) = %q, want %q", in, got, want)
		}
	}
}

// A red line crossed, one of a column's notes, was printed as a note of
// each model and column: 40 lines on the built-in case over its
// variants. It is printed once, in the issues' order, with each model
// that crosses it, where and in which columns. Ukraine's red line on
// territory is "< 65": exchange's ranges 60.0–65.4 (no variant),
// 64.4–70.0 (us-ends-support) and 62.7–67.2 (coalition-with-backstop)
// each straddle 65, so cross it in part; europe-pays' 59.2–64.1 lies
// below 65 and does not cross it; no other model comes near 65.
func TestCompareRedLinesGrouped(t *testing.T) {
	out, _, code := run(t, "compare", "-f", "json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var a answer.Comparison
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range a.Models {
		for _, r := range m.Columns {
			for _, x := range r.RedLines {
				n++
				if !slices.Contains(r.Notes, x.Text()) {
					t.Errorf("%s: the crossing %q is not among its notes", m.Model, x.Text())
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no red line crossed: the test compares nothing")
	}
	table, _, code := run(t, "compare", "-q")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	i := strings.Index(table, "\nred lines the forecasts cross (no model reads red lines):\n")
	if i < 0 {
		t.Fatalf("no red lines block:\n%s", table)
	}
	if strings.Contains(table[:i], "crosses") {
		t.Errorf("a crossing is printed among the notes too:\n%s", table)
	}
	want := "Ukraine's red line (it needs Territory below 65): exchange 60.0–65.4 in part (no variant), 64.4–70.0 in part (The United States ends all support), 62.7–67.2 in part (A European coalition of the willing deploys with a US backstop) Russia's red line (it needs Security"
	if !strings.Contains(flatText(table[i:]), want) {
		t.Errorf("no %q in:\n%s", want, table[i:])
	}
}

// A variant that moves the forecast by floating-point noise alone
// (testdata/noise-edge.yaml: 5.3499999999999996 and 5.3500000000000005)
// reads as no change: both cells "5.3", the change "±0.0", not "5.4
// (+0.000000000000001)" beside "5.3"; the JSON's change is 0 and its
// text the table's.
func TestCompareNoiseEdge(t *testing.T) {
	out, stderr, code := run(t, "compare", "testdata/noise-edge.yaml", "-m", "compromise", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if text := strings.Join(strings.Fields(out), " "); !strings.Contains(text, "│ X │ 5.3 │ 5.3 (±0.0) │") {
		t.Errorf("no \"│ X │ 5.3 │ 5.3 (±0.0) │\" in\n%s", out)
	}
	var a answer.Comparison
	runJSON(t, &a, "compare", "testdata/noise-edge.yaml", "-m", "compromise", "-q")
	if c := a.Models[0].Issues[0].Cells[1]; c.Change == nil || *c.Change != 0 || c.ChangeText != "±0.0" {
		t.Errorf("cell %+v; want a change of 0 written \"±0.0\"", c)
	}
}
