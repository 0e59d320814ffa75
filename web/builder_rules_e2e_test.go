package web_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/answer"
)

// unruled is a scenario whose issues state no decision rule and which
// records no outcome: three actors, two issues, a source.
const unruled = `metadata:
  id: unruled
  title: Unruled
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report}
issues:
  - id: a
    name: Issue A
  - id: b
    name: Issue B
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example}
  - {id: west, name: West, capability: 1, capability_assumed: an example}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: west, issue: a, position: 50, salience: 1, assumed: an example}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: south, issue: b, position: 60, salience: 0.5, assumed: an example}
  - {actor: west, issue: b, position: 50, salience: 0.5, assumed: an example}
`

// setField sets the field at path to v by script, as a person typing
// does (an input event; a change event too for a select), since
// chromedp.SetValue fails on some inputs.
func (r *renameSession) setField(path, v string) {
	r.t.Helper()
	r.do("set "+path, void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => {
		const el = document.querySelector('[data-path=%q]')
		el.value = %q
		el.dispatchEvent(new Event("input", { bubbles: true }))
		return el.dispatchEvent(new Event("change", { bubbles: true }))
	})()`, path, v))))
}

// tick clicks the box of the actor id in the checklist at path.
func (r *renameSession) tick(path, id string) {
	r.t.Helper()
	r.do("tick "+id, void(chromedp.Evaluate[bool](fmt.Sprintf(`(() => { document.querySelector('[data-path=%q] input[value=%q]').click(); return true })()`, path, id))))
}

// exported is the stored file as the API exports it.
func (r *renameSession) exported() string {
	r.t.Helper()
	resp, err := http.Get(r.srv.URL + "/api/scenarios/" + r.id + "/export")
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		r.t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	return string(body)
}

// power is the API's power answer on the stored scenario's rules.
func (r *renameSession) power() *answer.Power {
	r.t.Helper()
	resp, err := http.Post(r.srv.URL+"/api/scenarios/"+r.id+"/power", "application/json", strings.NewReader(`{}`))
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var run struct {
		Result *answer.Power `json:"result"`
	}
	if resp.StatusCode != http.StatusOK || json.Unmarshal(body, &run) != nil || run.Result == nil {
		r.t.Fatalf("power: %d %s", resp.StatusCode, body)
	}
	return run.Result
}

// games says each game of a power answer: the issue, the rule, the
// players with their weights, and the quota.
func games(p *answer.Power) string {
	var out []string
	for _, g := range p.Games {
		var ps []string
		for _, x := range g.Players {
			ps = append(ps, fmt.Sprintf("%s:%v", x.ID, x.Weight))
		}
		out = append(out, fmt.Sprintf("%s %s [%s] %v", g.Issue, g.Rule, strings.Join(ps, " "), g.Quota))
	}
	return strings.Join(out, "; ")
}

// TestBuilderDecisionRuleEditor gives Issue A of a scenario without rules
// a qmv rule in the builder: North 3 votes, South 2, West 1, quota 4. The total is said as the votes and the quota
// are typed ("quota 4 of 6 votes"); a quota past it is refused on save,
// beside the quota, in the server's words. Saved, the exported file
// states the rule, and the API's power answer plays it: North, South and
// West with their votes. Then Issue A's rule becomes unanimity with two voters ticked
// (the weights and quota go, as the format refuses them there), and the
// power answer plays [2; 1, 1]; then none, and the file has no decision
// left.
func TestBuilderDecisionRuleEditor(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	if n := r.count(`[data-path="issues[0].decision.weights"]`); n != 0 {
		t.Fatalf("with no rule, %d votes fields are drawn", n)
	}
	r.setField("issues[0].decision.rule", "qmv")
	total := `[data-path="issues[0].decision"] [data-testid=decision-total]`
	if s := r.text(total); s != "no quota yet, of 0 votes" {
		t.Errorf("a qmv rule chosen says %q", s)
	}
	labels := get(t, r.bctx, "votes fields", chromedp.Evaluate[[]string](`[...document.querySelectorAll('[data-path="issues[0].decision.weights"] input')].map((i) => i.closest("label").textContent + "=" + i.dataset.path)`))
	if got := strings.Join(labels, ", "); got != "North=issues[0].decision.weights.north, South=issues[0].decision.weights.south, West=issues[0].decision.weights.west" {
		t.Errorf("the votes fields are %s", got)
	}
	r.setField("issues[0].decision.weights.north", "3")
	r.setField("issues[0].decision.weights.south", "2")
	r.setField("issues[0].decision.weights.west", "1")
	r.setField("issues[0].decision.quota", "7")
	if s := r.text(total); s != "quota 7 of 6 votes" {
		t.Errorf("with the votes typed the total reads %q", s)
	}
	r.do("save out of reach", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`!!document.querySelector('[data-testid=diagnostic][data-for="issues[0].decision.quota"]')`))
	if s := r.text(`label:has(> [data-path="issues[0].decision.quota"]) [data-testid=diagnostic]`); s != "✕ Issue “Issue A”, decision rule: quota: quota 7 cannot be reached; use a number > 0 and at most the total weight 6" {
		t.Errorf("beside the quota: %q", s)
	}
	r.setField("issues[0].decision.quota", "4")
	if s := r.text(total); s != "quota 4 of 6 votes" {
		t.Errorf("with the quota lowered the total reads %q", s)
	}
	r.do("shot", r.shot("42-build-decision-qmv"))
	r.save()
	file := r.exported()
	if want := "  - id: a\n    name: Issue A\n    decision:\n      rule: qmv\n      weights:\n        north: 3\n        south: 2\n        west: 1\n      quota: 4\n"; !strings.Contains(file, want) {
		t.Errorf("the exported file does not state the rule as\n%s\nit reads\n%s", want, file)
	}
	if g := games(r.power()); g != "a qmv [north:3 south:2 west:1] 4" {
		t.Errorf("power plays %s", g)
	}

	// Unanimity with North and South: the weights and quota go.
	r.setField("issues[0].decision.rule", "unanimity")
	if s := r.text(`[data-path="issues[0].decision"] [data-testid=decision-voters]`); s != "(none ticked: every actor votes)" {
		t.Errorf("no voter ticked says %q", s)
	}
	r.tick("issues[0].decision.voters", "north")
	r.tick("issues[0].decision.voters", "south")
	if s := r.text(`[data-path="issues[0].decision"] [data-testid=decision-voters]`); s != "(2 ticked)" {
		t.Errorf("two voters ticked says %q", s)
	}
	r.save()
	if file := r.exported(); !strings.Contains(file, "    decision:\n      rule: unanimity\n      voters: [north, south]\n  - id: b\n") {
		t.Errorf("the exported file does not state the unanimity rule:\n%s", file)
	}
	if g := games(r.power()); g != "a unanimity [north:1 south:1] 2" {
		t.Errorf("power plays %s", g)
	}

	// None: the decision goes.
	r.setField("issues[0].decision.rule", "")
	if n := r.count(`[data-path="issues[0].decision.voters"]`); n != 0 {
		t.Errorf("with no rule, the voters are still drawn")
	}
	r.save()
	if file := r.exported(); strings.Contains(file, "decision") {
		t.Errorf("with the rule set to none the file still has a decision:\n%s", file)
	}
}

// aliased names its actors in its decision rules by aliases, with the
// weights written out of sorted order: Issue A's qmv rule gives n
// (North) 3 and s (South) 2, Issue B's majority rule lists s and north.
const aliased = `metadata:
  id: aliased
  title: Aliased rules
  as_of: "2025-01-01"
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {s: 2, n: 3}
      quota: 4 # both
  - id: b
    name: Issue B
    decision: {rule: majority, voters: [s, north]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example, aliases: [n]}
  - {id: south, name: South, capability: 1, capability_assumed: an example, aliases: [s]}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, assumed: an example}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: south, issue: b, position: 60, salience: 0.5, assumed: an example}
`

// TestBuilderDecisionRuleKept opens a file whose rules name actors by
// aliases: the editor draws them as written (South's votes "as s", the
// voters ticked, the total "quota 4 of 5 votes"), and saved untouched
// the file is not rewritten; saved with the title edited, it changes in
// the title's line alone, the rules' keys, order and comment as written.
func TestBuilderDecisionRuleKept(t *testing.T) {
	r := openStored(t, "Aliased rules", aliased)
	drawn := get(t, r.bctx, "rules", chromedp.Evaluate[[]string](`[
		...[...document.querySelectorAll('[data-path="issues[0].decision.weights"] label')].map((l) => l.textContent + "=" + l.querySelector("input").value),
		document.querySelector('[data-path="issues[0].decision"] [data-testid=decision-total]').textContent,
		document.querySelector('[data-path="issues[1].decision.rule"]').value,
		[...document.querySelectorAll('[data-path="issues[1].decision.voters"] input:checked')].map((i) => i.value).join(" "),
	]`))
	want := []string{"North (as n)=3", "South (as s)=2", "quota 4 of 5 votes", "majority", "north south"}
	if strings.Join(drawn, " | ") != strings.Join(want, " | ") {
		t.Fatalf("the rules are drawn as\n%s\nwant\n%s", strings.Join(drawn, " | "), strings.Join(want, " | "))
	}
	r.do("save untouched", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`document.querySelector("#status").textContent.startsWith("Nothing to save")`))
	if rec, err := r.st.GetScenario(r.ctx, r.id); err != nil || rec.Version != 1 || string(rec.Body) != aliased {
		t.Fatalf("saved untouched, the file is version %d (%v):\n%s", rec.Version, err, rec.Body)
	}
	r.setField("metadata.title", "Aliased rules, edited")
	r.save()
	if file, want := r.exported(), strings.Replace(aliased, "title: Aliased rules\n", "title: Aliased rules, edited\n", 1); file != want {
		t.Errorf("saved with the title edited, the file reads\n%s\nwant\n%s", file, want)
	}
}

// TestBuilderOutcomes records an outcome in the builder: Issue B landed
// at 45 on 2025-06-01, as the wire reported (a new outcome comes with a
// quote to paste). Saved first at 150, it is
// refused beside the value, in the server's words; at 45 it saves, and
// the exported file records it with its quote.
func TestBuilderOutcomes(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.do("add an outcome", chromedp.Click(chromedp.CSS(`button[data-add="outcomes"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="outcomes[0].date"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-path="outcomes[0].evidence[0].quote"]`)))
	r.setField("outcomes[0].issue", "b")
	r.setField("outcomes[0].date", "2025-06-01")
	r.setField("outcomes[0].value", "150")
	r.setField("outcomes[0].evidence[0].quote", "They met at forty-five.")
	r.do("save off the scale", chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`!!document.querySelector('[data-testid=diagnostic][data-for="outcomes[0].value"]')`))
	if s := r.text(`label:has(> [data-path="outcomes[0].value"]) [data-testid=diagnostic]`); !strings.HasPrefix(s, "✕ Outcome of Issue B on 2025-06-01: value: ") {
		t.Errorf("beside the value: %q", s)
	}
	r.setField("outcomes[0].value", "45")
	r.save()
	want := "outcomes:\n  - issue: b\n    value: 45\n    date: \"2025-06-01\"\n    evidence:\n      - source: wire\n        quote: They met at forty-five.\n"
	if file := r.exported(); !strings.HasSuffix(file, want) {
		t.Errorf("the exported file does not end with the outcome\n%s\nit reads\n%s", want, file)
	}
}

// TestBuilderNewOutcome adds an outcome: it starts as what an outcome
// needs, to fill in — the first issue chosen, the focus on it, a quote of
// the first source ready to paste (an outcome is never assumed: it
// started with none, and the save refused it for that), the date and
// value empty, the value's field saying the issue's scale. Issue B's
// scale made 0–200 and Issue B chosen, the value's field says 0–200, and
// so does Issue B's stance's position (they said 0–100, the scale of the
// issue first chosen, as drawn). Filled in, it saves.
func TestBuilderNewOutcome(t *testing.T) {
	r := openStored(t, "Unruled", unruled)
	r.do("add an outcome", chromedp.Click(chromedp.CSS(`button[data-add="outcomes"]`)), chromedp.WaitVisible(chromedp.CSS(`[data-path="outcomes[0].date"]`)))
	state := func() string {
		return get(t, r.bctx, "the outcome", chromedp.Evaluate[string](`(() => {
			const v = (p) => document.querySelector('[data-path="' + p + '"]')?.value ?? "(none)"
			const hint = (p) => document.querySelector('label:has(> [data-path="' + p + '"]) small')?.textContent ?? "(none)"
			return [v("outcomes[0].issue"), v("outcomes[0].date"), v("outcomes[0].value"), hint("outcomes[0].value"), v("outcomes[0].evidence[0].source"), JSON.stringify(v("outcomes[0].evidence[0].quote")),
				document.querySelectorAll('[data-path^="outcomes[0].evidence["][data-path$="].quote"]').length, hint("stances[3].position"), document.activeElement?.dataset.path].join(" | ")
		})()`))
	}
	if got, want := state(), `a |  |  |  (0–100) | wire | "" | 1 |  (0–100) | outcomes[0].issue`; got != want {
		t.Errorf("the new outcome:\n%s\nwant:\n%s", got, want)
	}
	r.do("Issue B's scale", void(chromedp.Evaluate[bool](`(() => {
		const [lo, hi] = document.querySelectorAll('[data-path="issues[1].scale"] input')
		for (const [el, v] of [[lo, "0"], [hi, "200"]]) {
			el.value = v
			el.dispatchEvent(new Event("input", { bubbles: true }))
			el.dispatchEvent(new Event("change", { bubbles: true }))
		}
		return true
	})()`)))
	r.setField("outcomes[0].issue", "b")
	if got, want := state(), `b |  |  |  (0–200) | wire | "" | 1 |  (0–200) | `; !strings.HasPrefix(got, want) {
		t.Errorf("Issue B chosen:\n%s\nwant:\n%s", got, want)
	}
	r.setField("outcomes[0].date", "2025-06-01")
	r.setField("outcomes[0].value", "150")
	r.setField("outcomes[0].evidence[0].quote", "They met at a hundred and fifty.")
	saved := r.save()
	if len(saved.Outcomes) != 1 {
		t.Fatalf("%d outcomes saved", len(saved.Outcomes))
	}
	o := saved.Outcomes[0]
	if got := fmt.Sprintf("%s %v %s %s:%q", o.Issue, o.Value, o.Date, o.Evidence[0].Source, o.Evidence[0].Quote); got != `b 150 2025-06-01 wire:"They met at a hundred and fifty."` {
		t.Errorf("saved: %s", got)
	}
}
