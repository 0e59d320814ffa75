package web_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBuilderDecisionDiagnostics takes South's alias s away in the
// builder, from a version of the renames scenario whose decision rules
// name South by it (Issue A's qmv weights, with a quota of 5 of 6 votes,
// and Issue B's unanimity voters). A weight's key is kept as written, so
// Issue A's rule keeps s and the save is refused, and without South's
// votes its quota is out of reach too; Issue B's voters are the boxes
// ticked, as a proposal's proposers are, and South's box stays ticked: it
// names South by its id now. Each problem is said in words beside its
// field in the rule's editor and in the list of problems: the issue by
// its name, then the rule's weight or quota, then the server's message
// with the names that would do (east, whom the variants add).
//
// Then a file with bad decision rules of its own (a weight for an actor
// it does not have, a quota of 0, a voter listed twice) is uploaded and
// refused: its problems are listed under the upload, by line, its issues
// by place (the page never reads the file's names), while the draft's own
// problems stay as they were, and none of the file's is put beside the
// draft's fields.
func TestBuilderDecisionDiagnostics(t *testing.T) {
	body := strings.Replace(renames, "weights: {north: 3, south: 2, east: 1}\n      quota: 4", "weights: {north: 3, s: 2, east: 1}\n      quota: 5", 1)
	if body == renames {
		t.Fatal("the renames scenario has changed: rewrite the qmv rule this test names South in by its alias")
	}
	r := openStored(t, "Renames", body)
	r.do("take the alias s away and save",
		void(chromedp.Evaluate[bool](`(() => { const el = document.querySelector('[data-path="actors[1].aliases"]'); el.value = ""; return el.dispatchEvent(new Event("input")) })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`!!document.querySelector("[data-testid=build-problems]")`), r.shot("40-build-decision-diagnostics"))
	want := []string{
		`Issue “Issue A”, decision rule: weight of s: unknown actor "s"; use one of east, north, south`,
		`Issue “Issue A”, decision rule: quota: quota 5 cannot be reached; use a number > 0 and at most the total weight 4`,
	}
	listed := get(t, r.bctx, "problems", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=build-problems] li")].map((x) => x.textContent)`))
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("the problems are listed as\n%s\nwant\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}
	// Beside the field in the rule's editor (the weight of s drawn as a
	// name no actor answers to): the same words, marked as an error.
	for p, w := range map[string]string{
		"issues[0].decision.weights.s": "✕ " + want[0],
		"issues[0].decision.quota":     "✕ " + want[1],
	} {
		if got := r.text(fmt.Sprintf(`label.bfield:has(> [data-path=%q][aria-invalid=true]) > [data-testid=diagnostic][data-for=%q]`, p, p)); got != w {
			t.Errorf("beside the field, %s reads\n%q\nwant\n%q", p, got, w)
		}
	}
	if got := r.text(`label.bfield:has(> [data-path="issues[0].decision.weights.s"]) > span`); got != "s (not defined)" {
		t.Errorf("the weight of s is labelled %q", got)
	}
	if got := get(t, r.bctx, "voters", chromedp.Evaluate[string](`[...document.querySelectorAll('[data-path="issues[1].decision.voters"] input:checked')].map((i) => i.value).join(" ")`)); got != "north south" {
		t.Errorf("Issue B's voters ticked: %q", got)
	}

	bad := `metadata: {id: bad-rules, title: Bad rules, as_of: "2025-01-01"}
issues:
  - id: tax
    name: Tax
    decision: {rule: qmv, weights: {north: 2, west: 1}, quota: 0}
  - id: trade
    name: Trade
    decision: {rule: majority, voters: [north, north]}
actors:
  - {id: north, name: North, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: tax, position: 20, salience: 1, assumed: an example}
  - {actor: north, issue: trade, position: 20, salience: 1, assumed: an example}
`
	file := filepath.Join(t.TempDir(), "bad-rules.yaml")
	if err := os.WriteFile(file, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	// The status still tells of the refused save: emptied, it tells of
	// the upload once the answer comes.
	r.do("upload", chromedp.SetUploadFiles(chromedp.CSS(`#build-upload-file`), []string{file}),
		void(chromedp.Evaluate[bool](`(() => { window.confirm = () => true; document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-upload]`)),
		r.poll(`/problem/.test(document.querySelector("#status").textContent)`), r.shot("41-build-upload-refused"))
	if s := r.text(`#status`); s != "bad-rules.yaml was not uploaded: the server found 3 problems in it, listed under the upload." {
		t.Fatalf("status %q", s)
	}
	uploaded := get(t, r.bctx, "upload problems", chromedp.Evaluate[[]string](`[document.querySelector("[data-testid=upload-problems] p").textContent,
		...[...document.querySelectorAll("[data-testid=upload-problems] li")].map((x) => x.textContent)]`))
	wantUploaded := []string{
		"bad-rules.yaml was not uploaded: 3 problems in it to fix:",
		`✕ Line 5: Issue 1, decision rule: weight of west: unknown actor "west"; use one of north`,
		`✕ Line 5: Issue 1, decision rule: quota: quota 0 is not positive; use a number > 0 and at most the total weight 2`,
		`✕ Line 8: Issue 2, decision rule: voter 2: voter "north" is listed twice (by id or alias); use each voter once`,
	}
	if strings.Join(uploaded, "\n") != strings.Join(wantUploaded, "\n") {
		t.Errorf("the upload's problems read\n%s\nwant\n%s", strings.Join(uploaded, "\n"), strings.Join(wantUploaded, "\n"))
	}
	listed = get(t, r.bctx, "problems", chromedp.Evaluate[[]string](`[...document.querySelectorAll("[data-testid=build-problems] li")].map((x) => x.textContent)`))
	if strings.Join(listed, "\n") != strings.Join(want, "\n") {
		t.Errorf("after the upload the draft's problems are\n%s\nwant\n%s", strings.Join(listed, "\n"), strings.Join(want, "\n"))
	}
	if n := get(t, r.bctx, "file's problems beside the fields", chromedp.Evaluate[int](`[...document.querySelectorAll("[data-testid=diagnostic]")].filter((x) => /quota 0|listed twice/.test(x.textContent)).length`)); n != 0 {
		t.Errorf("%d of the file's problems are put beside the draft's fields", n)
	}
	if s := r.text(`[data-testid=build-state]`); !strings.HasPrefix(s, "Renames") {
		t.Errorf("after the refused upload the builder holds %q", s)
	}
}
