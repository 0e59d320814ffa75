package web_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// transitFile is a consultant's case: four parties over a transit
// funding agreement, the city's offer and the authority's on the table.
const transitFile = "../ask/testdata/transit/transit.yaml"

// storedTransit stores the transit case and opens the deal view on it.
func storedTransit(t *testing.T, e *e2e) {
	t.Helper()
	e.dealOn(transitFile, "Transit")
}

// parleyNarrow runs parley as parleyWide does, on a terminal 80 columns
// wide: deal proposals lays each proposal out as lines, its verdict after
// its name, rather than as a table whose cells break the words apart.
func parleyNarrow(t *testing.T, args ...string) string {
	t.Helper()
	return parleyAt(t, "80", args...)
}

// oneLine is s with its runs of white space (a wrapped line's break and
// indent) made one space, as the page's text reads.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestProposalsPackageAndVerdictAsCommandLine: each proposal's values
// and verdict read on the page as parley deal proposals prints them,
// from the words the answer carries. The authority's package puts the
// service hours at 90, whose nearest option is "2019 level" (100): the
// page showed "90.0" beside "2019 level", read as an offer of the 2019
// level; it reads "90.0 (nearest: 2019 level (100.0))". Its city share,
// 35, is midway between the options at 30 and 40. The verdicts name who
// rejects and who accepts by name: the page wrote its own "✗ not
// accepted; accepted only by …" where the command line said "blocked"
// and listed ids.
func TestProposalsPackageAndVerdictAsCommandLine(t *testing.T) {
	e := startE2E(t)
	storedTransit(t, e)
	type row struct {
		Verdict string            `json:"verdict"`
		Values  map[string]string `json:"values"`
	}
	rows := get(t, e.bctx, "the transit proposals", chromedp.Poll[map[string]row](`(() => {
		const out = {}
		for (const id of ["city-offer", "rta-offer"]) {
			const tr = document.querySelector("[data-testid=proposals-table] tr[data-proposal=" + id + "]")
			if (!tr) return null
			const values = {}
			for (const d of tr.querySelectorAll("[data-issue]")) values[d.dataset.issue] = d.querySelector("[data-testid=proposal-value]")?.textContent ?? d.textContent
			out[id] = { verdict: tr.querySelector("td:nth-of-type(2)")?.innerText ?? "", values }
		}
		return out
	})()`, chromedp.WithPollingTimeout(60*time.Second)))
	out := oneLine(parleyNarrow(t, "deal", "proposals", transitFile, "-m", "none"))
	// The command line's package line names each issue by its name
	// (names24), the page's cell sits under the issue's name.
	transitIssues := map[string]string{"city_share": "City share of operating subsidy", "fare": "Fare increase (cents)",
		"service_hours": "Evening/weekend service hours (% of 2019)", "wage": "Annual wage increase (%)"}
	for _, c := range []struct {
		id, name, date, verdict string
		values                  [][2]string
	}{
		{"city-offer", "City's opening offer", "2026-11-20", "blocked by ATW Local 1187; accepted by City of Riverton, Regional Transit Authority, State DOT",
			[][2]string{{"city_share", "25.0 (25% (a quarter))"}, {"fare", "10.0 (+10c)"}, {"service_hours", "100.0 (2019 level)"}, {"wage", "4.00 (4%)"}}},
		{"rta-offer", "RTA's package", "2026-11-25", "blocked by City of Riverton, ATW Local 1187; accepted by Regional Transit Authority, State DOT",
			[][2]string{{"city_share", "35.0 (nearest: 30% (council ceiling) (30.0) / 40% (40.0))"}, {"fare", "25.0 (+25c)"}, {"service_hours", "90.0 (nearest: 2019 level (100.0))"}, {"wage", "3.00 (3%)"}}},
	} {
		r := rows[c.id]
		if r.Verdict != c.verdict {
			t.Errorf("%s: the page's verdict reads %q, want %q", c.id, r.Verdict, c.verdict)
		}
		if want := fmt.Sprintf("%s (%s) — %s", c.name, c.date, c.verdict); !strings.Contains(out, want) {
			t.Errorf("%s: parley deal proposals does not print %q:\n%s", c.id, want, out)
		}
		var pkg []string
		for _, v := range c.values {
			if got := r.Values[v[0]]; got != v[1] {
				t.Errorf("%s: the page's value on %s reads %q, want %q", c.id, v[0], got, v[1])
			}
			pkg = append(pkg, transitIssues[v[0]]+" "+v[1])
		}
		if want := "package: " + strings.Join(pkg, "; "); !strings.Contains(out, want) {
			t.Errorf("%s: parley deal proposals does not print %q:\n%s", c.id, want, out)
		}
	}
}

// TestEvaluateSlidersNearestAsCommandLine: a deal slider names the
// options nearest its value as parley deal evaluate's column "Nearest
// option" does, from the evaluation's nearest_text once it is in: a fare
// of 20 is nearest "+25c (25.0)" (5 away; "+10c" is 10), where the page
// wrote "between 10 (+10c) and 25 (+25c)"; service hours of 90 are
// nearest "2019 level (100.0)". Every slider's label is compared with
// the command line's cell for the package the sliders hold.
func TestEvaluateSlidersNearestAsCommandLine(t *testing.T) {
	e := startE2E(t)
	storedTransit(t, e)
	// Set the fare and the hours; an answer is in when the summary the
	// last evaluation drew is replaced (the labels are written with it).
	e.do("set the sliders", e.poll(`!!document.querySelector("[data-testid=deal-summary]") && !!document.querySelector("#deal-fare")`),
		void(chromedp.Evaluate[bool](`(() => {
			document.querySelector("[data-testid=deal-summary]").dataset.old = "1"
			for (const [id, v] of [["fare", "20"], ["service_hours", "90"]]) {
				const el = document.getElementById("deal-" + id)
				el.value = v
				el.dispatchEvent(new Event("input"))
			}
			return true
		})()`)),
		e.poll(`!!document.querySelector("[data-testid=deal-summary]:not([data-old])")`))
	type slider struct {
		Value string `json:"value"`
		Label string `json:"label"`
	}
	got := get(t, e.bctx, "the sliders", chromedp.Evaluate[map[string]slider](`Object.fromEntries([...document.querySelectorAll("input[type=range][data-issue]")].map((el) =>
		[el.dataset.issue, { value: el.value, label: document.querySelector("[data-testid=deal-nearest][data-issue=" + el.dataset.issue + "]")?.textContent ?? "" }]))`))
	var pkg []string
	for _, id := range []string{"city_share", "fare", "service_hours", "wage"} {
		pkg = append(pkg, id+"="+got[id].Value)
	}
	evaluated := parley(t, "deal", "evaluate", transitFile, "-p", strings.Join(pkg, ","), "-m", "none")
	for id, want := range map[string]string{"fare": "+25c (25.0)", "service_hours": "2019 level (100.0)"} {
		if got[id].Label != "nearest: "+want {
			t.Errorf("%s at %s: the slider reads %q, want %q", id, got[id].Value, got[id].Label, "nearest: "+want)
		}
	}
	for id, s := range got {
		cell := strings.TrimPrefix(s.Label, "nearest: ")
		if s.Label == "" || !strings.Contains(evaluated, "│ "+cell+" ") {
			t.Errorf("%s at %s: the slider reads %q, which parley deal evaluate's column does not:\n%s", id, s.Value, s.Label, evaluated)
		}
	}
}

// stripProposalTexts makes the page's deal proposals and evaluate
// answers look like those stored before they carried their words: no
// value's text, no verdict_text, no rule's text, no nearest_text.
const stripProposalTexts = `(() => {
  const fetch0 = window.fetch
  window.fetch = async (url, init) => {
    const res = await fetch0(url, init)
    const u = String(url)
    if (!(u.includes('/deal/proposals') || u.includes('/deal/evaluate')) || !res.ok) return res
    const run = await res.json()
    for (const p of run.result?.proposals ?? []) {
      delete p.verdict_text
      for (const v of p.package ?? []) delete v.text
      for (const r of p.rules ?? []) delete r.text
    }
    if (run.result) delete run.result.nearest_text
    return new Response(JSON.stringify(run), { status: res.status, headers: res.headers })
  }
})()`

// TestProposalsStoredWithoutTexts: an answer stored before the proposals
// carried their words shows its fields plainly, as texts23 chose, with no
// second implementation of the sentences kept on the page: the verdict
// as "blocked", each value in its issue's decimals with the option
// nearest it said to be only that ("option nearest: 2019 level"), and a
// slider's label the page's own (what it writes as the slider moves).
func TestProposalsStoredWithoutTexts(t *testing.T) {
	e := startE2E(t)
	e.onEveryPage("answers without their words", stripProposalTexts)
	storedTransit(t, e)
	type row struct {
		Verdict string `json:"verdict"`
		Hours   string `json:"hours"`
		Fare    string `json:"fare"`
	}
	r := get(t, e.bctx, "the authority's proposal", chromedp.Poll[*row](`(() => {
		const tr = document.querySelector("[data-testid=proposals-table] tr[data-proposal=rta-offer]")
		const fare = document.querySelector("[data-testid=deal-nearest][data-issue=fare]")
		if (!tr || !fare || !document.querySelector("[data-testid=deal-summary]")) return null
		return { verdict: tr.querySelector("td:nth-of-type(2)").innerText, hours: tr.querySelector("[data-issue=service_hours]").innerText, fare: fare.textContent }
	})()`, chromedp.WithPollingTimeout(60*time.Second)))
	if r.Verdict != "blocked" {
		t.Errorf("the verdict reads %q, want %q", r.Verdict, "blocked")
	}
	if want := "Evening/weekend service hours (% of 2019) 90.0\noption nearest: 2019 level"; oneLine(r.Hours) != oneLine(want) {
		t.Errorf("the hours read %q, want %q", r.Hours, want)
	}
	if !strings.HasPrefix(r.Fare, "nearest: ") {
		t.Errorf("the fare's slider reads %q, want the page's own nearest option", r.Fare)
	}
}
