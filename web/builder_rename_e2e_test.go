package web_test

import (
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"parley/scenario"
	"parley/scenariofile"
)

// renames is a scenario whose ids are named in places the builder keeps
// but does not draw: a qmv decision's weights (one of them East, whom two
// variants each add as an actor of their own), a unanimity decision's
// voters (South by its alias s), and the outcomes' issues and quotes. Its
// snapshot changes the base's proposal.
const renames = `metadata:
  id: renames
  title: Renames
  as_of: "2025-01-01"
  sources:
    - {id: wire, title: Wire report, url: "https://example.org/wire"}
    - {id: memo, title: Internal memo, url: "https://example.org/memo"}
issues:
  - id: a
    name: Issue A
    decision:
      rule: qmv
      weights: {north: 3, south: 2, east: 1}
      quota: 4
  - id: b
    name: Issue B
    decision: {rule: unanimity, voters: [north, s]}
actors:
  - {id: north, name: North, capability: 2, capability_assumed: an example}
  - {id: south, name: South, capability: 1, capability_assumed: an example, aliases: [s]}
stances:
  - {actor: north, issue: a, position: 20, salience: 1, assumed: an example}
  - {actor: south, issue: a, position: 80, salience: 1, evidence: [{source: wire, quote: South wants eighty.}]}
  - {actor: north, issue: b, position: 30, salience: 0.5, assumed: an example}
  - {actor: south, issue: b, position: 60, salience: 0.5, assumed: an example}
variants:
  - id: east-joins
    add_actors:
      - {id: east, name: East, capability: 1, capability_assumed: an example}
    stances:
      - {actor: east, issue: a, position: 50, salience: 1, assumed: an example}
  - id: east-joins-too
    add_actors:
      - {id: east, name: East again, capability: 2, capability_assumed: an example}
    stances:
      - {actor: east, issue: a, position: 60, salience: 1, assumed: an example}
outcomes:
  - issue: a
    value: 40
    date: "2025-06-01"
    evidence:
      - {source: wire, quote: They settled at forty.}
  - issue: b
    value: 50
    date: "2025-06-01"
    evidence:
      - {source: memo, quote: Half way.}
proposals:
  - {id: first, name: First offer, proposers: [north], date: "2025-01-01", package: {a: 30}, assumed: an example}
snapshots:
  - date: "2025-02-01"
    proposals:
      - {id: first, package: {b: 40}, note: North adds Issue B}
`

// renameSession is the builder open on a stored scenario (renames, for
// the rename tests), with the steps the builder's tests share.
type renameSession struct {
	*e2e
	id string
	// warnings are the saved file's warnings a test expects (path:
	// message), none unless it sets them
	warnings []string
}

func openRenames(t *testing.T) *renameSession {
	t.Helper()
	return openStored(t, "Renames", renames)
}

// openStored stores the YAML body under the name title and opens the
// builder on it.
func openStored(t *testing.T, title, body string) *renameSession {
	t.Helper()
	return openStoredWith(t, e2eOptions{}, title, body)
}

// openStoredWith is openStored on a server set up by o.
func openStoredWith(t *testing.T, o e2eOptions, title, body string) *renameSession {
	t.Helper()
	e := startE2EWith(t, o)
	rec := e.stored(title, []byte(body))
	e.do("builder", chromedp.Navigate(e.srv.URL+"/?scenario="+rec.ID+"#build"),
		e.poll(fmt.Sprintf(`!!document.querySelector("[data-testid=build-state]")?.textContent.startsWith(%q)`, title)))
	return &renameSession{e2e: e, id: rec.ID}
}

// enter types v into the field at path and leaves it, as a person does:
// the change event is what carries an id's rename along.
func (r *renameSession) enter(path, v string) {
	r.t.Helper()
	sel := fmt.Sprintf(`[data-path=%q]`, path)
	r.do("enter "+path, chromedp.SetValue(chromedp.CSS(sel), v),
		void(chromedp.Evaluate[bool](fmt.Sprintf(`document.querySelector(%q).dispatchEvent(new Event("change"))`, sel))))
}

// save saves the draft, fails the test with the server's problems when
// it is refused, and returns the file as the API gives it back, parsed
// and validated. The status is emptied first, so that an earlier save's
// is not taken for this one's.
func (r *renameSession) save() *scenario.Scenario {
	r.t.Helper()
	r.do("save", void(chromedp.Evaluate[bool](`(() => { document.querySelector("#status").textContent = ""; return true })()`)),
		chromedp.Click(chromedp.CSS(`[data-testid=build-save]`)),
		r.poll(`/^(Saved|Nothing to save|The server found)/.test(document.querySelector("#status").textContent)`))
	if s := r.text(`#status`); !strings.HasPrefix(s, "Saved") {
		problems := get(r.t, r.bctx, "problems", chromedp.Evaluate[string](`document.querySelector("[data-testid=build-problems]")?.textContent ?? ""`))
		r.t.Fatalf("the save: %s\n%s", s, problems)
	}
	resp, err := http.Get(r.srv.URL + "/api/scenarios/" + r.id + "/export")
	if err != nil {
		r.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		r.t.Fatalf("export: %d %v", resp.StatusCode, err)
	}
	saved, ds := scenariofile.Parse("saved.yaml", body)
	if err := ds.Err(false); err != nil {
		r.t.Fatalf("the saved file does not validate: %v\n%s", err, body)
	}
	var warned []string
	for _, d := range ds {
		if d.Warning {
			warned = append(warned, d.Path+": "+d.Message)
		}
	}
	if !slices.Equal(warned, r.warnings) {
		r.t.Fatalf("the saved file's warnings: %q, want %q\n%s", warned, r.warnings, body)
	}
	return saved
}

// TestBuilderRenameActorInDecisions renames actors that decision rules
// name, which the builder does not draw: the qmv weights and the
// unanimity voters follow. North (a base actor) is renamed everywhere;
// South, whose old id is kept as one of its aliases, has its references
// renamed and the alias left as written, and the voter written as its
// alias s stays; East, whom both variants add, is renamed in the first
// variant alone, so the weights keep east (the second's) and give
// eastland the same votes. Saved, the file validates and each variant's
// qmv game has the voters and weights it had.
func TestBuilderRenameActorInDecisions(t *testing.T) {
	r := openRenames(t)
	r.do("alias", chromedp.SetValue(chromedp.CSS(`[data-path="actors[1].aliases"]`), "s, south"))
	r.enter("actors[0].id", "nord")
	r.enter("actors[1].id", "sud")
	r.enter("variants[0].add_actors[0].id", "eastland")
	saved := r.save()

	if w := fmt.Sprint(saved.Issues[0].Decision.Weights); w != "map[east:1 eastland:1 nord:3 sud:2]" {
		t.Errorf("the qmv weights are %s", w)
	}
	if v := fmt.Sprint(saved.Issues[1].Decision.Voters); v != "[nord s]" {
		t.Errorf("the unanimity voters are %s", v)
	}
	if a := fmt.Sprint(saved.Actors[1].Aliases); a != "[s south]" {
		t.Errorf("South's aliases are %s", a)
	}
	if got := fmt.Sprintf("%s %v %s %s", saved.Stances[0].Actor, saved.Proposals[0].Proposers, saved.Variants[0].Stances[0].Actor, saved.Variants[1].AddActors[0].ID); got != "nord [nord] eastland east" {
		t.Errorf("North's stance, the proposers, the first variant's stance and the second's actor read %s", got)
	}
	// The games each variant plays, computed from the saved file.
	for _, c := range []struct{ variant, issue, want string }{
		{"east-joins", "a", "[nord sud eastland] [3 2 1] 4"},
		{"east-joins-too", "a", "[nord sud east] [3 2 1] 4"},
		{"east-joins", "b", "[nord sud] [1 1] 2"},
	} {
		s, err := saved.Resolve(scenario.Latest, c.variant)
		if err != nil {
			t.Fatal(err)
		}
		voters, weights, quota := s.Issue(c.issue).Decision.Game(s)
		if got := fmt.Sprint(voters, weights, quota); got != c.want {
			t.Errorf("%s, issue %s: the game is %s, want %s", c.variant, c.issue, got, c.want)
		}
	}
}

// TestBuilderRenameIssueAndSource renames an issue and a source that the
// outcomes name, which the builder does not draw: the outcome of the
// issue and the outcome's quote follow, as the stance's quote does, and
// a quote added after the rename cites the source by its new id. Saved,
// the file validates.
func TestBuilderRenameIssueAndSource(t *testing.T) {
	r := openRenames(t)
	r.enter("issues[0].id", "alpha")
	r.enter("metadata.sources[0].id", "agency")
	r.do("add a quote", chromedp.Click(chromedp.CSS(`button[data-add="stances[0].evidence"]`)),
		chromedp.WaitVisible(chromedp.CSS(`[data-path="stances[0].evidence[0].quote"]`)))
	if v := get(t, r.bctx, "new quote's source", chromedp.Value(chromedp.CSS(`[data-path="stances[0].evidence[0].source"]`))); v != "agency" {
		t.Errorf("a quote added after the rename cites %q, want agency", v)
	}
	r.do("quote", chromedp.SetValue(chromedp.CSS(`[data-path="stances[0].evidence[0].quote"]`), "North wants twenty."))
	saved := r.save()

	var outcomes []string
	for _, o := range saved.Outcomes {
		outcomes = append(outcomes, o.Issue+" "+o.Evidence[0].Source)
	}
	if got := strings.Join(outcomes, ", "); got != "alpha agency, b memo" {
		t.Errorf("the outcomes' issues and sources are %s", got)
	}
	if got := fmt.Sprintf("%s %s %s %v", saved.Stances[0].Issue, saved.Stances[1].Evidence[0].Source, saved.Stances[0].Evidence[0].Source, saved.Proposals[0].Package); got != "alpha agency agency map[alpha:30]" {
		t.Errorf("the stances' issue and sources and the proposal's package read %s", got)
	}
	if o := saved.OutcomesBetween("", ""); len(o) != 2 || saved.Issue(o[0].Issue) == nil || saved.Issue(o[0].Issue).Name != "Issue A" {
		t.Errorf("the first outcome is not of Issue A: %+v", o)
	}
}

// TestBuilderRenameProposalSuggestions renames the base's proposal that
// the snapshot changes: the snapshot's entry, a change of it, follows in
// its field, and the snapshot's suggestions of the ids on the table offer
// the new id and, renamed, the new name at once, without the view being
// drawn again. Saved, the snapshot still changes that proposal.
func TestBuilderRenameProposalSuggestions(t *testing.T) {
	r := openRenames(t)
	r.enter("proposals[0].id", "opening")
	r.enter("proposals[0].name", "Opening offer")
	field := `document.querySelector('[data-path="snapshots[0].proposals[0].id"]')`
	if v := get(t, r.bctx, "snapshot's entry", chromedp.Evaluate[string](field+`.value`)); v != "opening" {
		t.Errorf("the snapshot's change of the proposal reads %q, want opening", v)
	}
	offered := get(t, r.bctx, "suggestions", chromedp.Evaluate[[]string](`[...`+field+`.list.options].map((o) => o.value + " " + o.textContent)`))
	if got := strings.Join(offered, ", "); got != "opening Opening offer" {
		t.Errorf("the snapshot suggests %q, want the renamed proposal", got)
	}
	saved := r.save()
	if len(saved.Snapshots[0].Proposals) != 1 || saved.Snapshots[0].Proposals[0].ID != "opening" {
		t.Fatalf("the snapshot's proposals: %+v", saved.Snapshots[0].Proposals)
	}
	s, err := saved.Resolve(scenario.Latest, "")
	if err != nil {
		t.Fatal(err)
	}
	if p := s.Proposal("opening"); p == nil || fmt.Sprint(p.Name, " ", p.Package) != "Opening offer map[a:30 b:40]" {
		t.Errorf("at the snapshot the proposal is %+v", p)
	}
}
