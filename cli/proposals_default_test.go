package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// testdata/defaulted.yaml, at the base: Alpha's reservation is 0.7,
// Beta states none (and the issue no status quo), so Beta's alternative
// is the default 0. On the one issue (0–100, salience 1) Alpha's
// position is 100 and Beta's 0: the even split (50) is worth 0.5 to
// each, below Alpha's 0.7 and above Beta's 0, by default; mostly Alpha
// (80) is worth 0.8 to Alpha (above 0.7, its own yes) and 0.2 to Beta,
// above 0 by default. At the snapshot Beta states 0.3: the even split's
// 0.5 is above it (its own yes), mostly Alpha's 0.2 below it.

// TestProposalsCSVDefaulted: the CSV's last column, defaulted, marks
// Beta's two yeses at the base, as the JSON's defaulted does; the
// columns before it keep their places. The package is in the words the
// answer carries: 50 is midway between the options none (0) and all
// (100), 80 nearest all, and neither is its option's point.
func TestProposalsCSVDefaulted(t *testing.T) {
	out, errOut, code := run(t, "deal", "proposals", "testdata/defaulted.yaml", "--snapshot", "base", "-m", "none", "-f", "csv", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	const by = "accepts by default: worth %s to it, and it states no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so its is 0, below every package: it accepts any package that crosses none of its red lines"
	want := []string{
		"proposal,name,date,package,open,actor,required,utility,alternative,alternative_from,gain,accepts,why,defaulted,open_red_lines",
		`even,Even split,2025-01-01,share 50.0 (nearest: none (0.0) / all (100.0)),,a,true,0.5,0.7,reservation,-0.19999999999999996,false,"blocks: worth 0.500 to it, 0.200 below its alternative 0.700 (reservation)",false,`,
		`even,Even split,2025-01-01,share 50.0 (nearest: none (0.0) / all (100.0)),,b,true,0.5,0,none stated (0),0.5,true,"` + strings.Replace(by, "%s", "0.500", 1) + `",true,`,
		`most,Mostly Alpha,2025-01-01,share 80.0 (nearest: all (100.0)),,a,true,0.8,0.7,reservation,0.10000000000000009,true,"accepts: worth 0.800 to it, 0.100 above its alternative 0.700 (reservation)",false,`,
		`most,Mostly Alpha,2025-01-01,share 80.0 (nearest: all (100.0)),,b,true,0.19999999999999996,0,none stated (0),0.19999999999999996,true,"` + strings.Replace(by, "%s", "0.200", 1) + `",true,`,
	}
	if got := strings.Split(strings.TrimSuffix(out, "\n"), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("csv:\n%s\nwant:\n%s", out, strings.Join(want, "\n"))
	}
}

// note is the timeline's note on "(n by default)", in deal.NoAlternative's
// words.
const note = "(n by default): n of those yeses are a default's: the actors state no alternative to agreement (no reservation, and no status quo or forecast as the no-deal package), so theirs is 0, below every package: they accept any package that crosses none of their red lines."

// TestProposalsTimelineDefaulted: the support timeline marks the yeses
// a default decides — Beta's two at the base, none at the snapshot,
// where Beta states its alternative — in the JSON (defaulted, and text,
// the cell in words, and timeline_note, what the mark means) and in the
// table's cells, the note under the table.
func TestProposalsTimelineDefaulted(t *testing.T) {
	js, errOut, code := run(t, "deal", "proposals", "testdata/defaulted.yaml", "-m", "none", "--all-snapshots", "-f", "json", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var a struct {
		TimelineNote string `json:"timeline_note"`
		Timeline     []struct {
			Snapshot  string
			Proposals []struct {
				ID        string
				Accepts   []string
				Defaulted []string
				Text      string
			}
		}
	}
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range a.Timeline {
		for _, p := range s.Proposals {
			got = append(got, s.Snapshot+" "+p.ID+": accepts "+strings.Join(p.Accepts, ",")+", defaulted "+strings.Join(p.Defaulted, ",")+", "+p.Text)
		}
	}
	want := []string{
		"base even: accepts b, defaulted b, 1/2 (1 by default)",
		"base most: accepts a,b, defaulted b, 2/2 ✓ (1 by default)",
		"2025-06-01 even: accepts b, defaulted , 1/2",
		"2025-06-01 most: accepts a, defaulted , 1/2",
	}
	if a.TimelineNote != note {
		t.Errorf("timeline_note %q, want %q", a.TimelineNote, note)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("timeline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	out, errOut, code := run(t, "deal", "proposals", "testdata/defaulted.yaml", "-m", "none", "--all-snapshots", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	flat := strings.Join(strings.Fields(strings.ReplaceAll(out, "│", " ")), " ")
	if !strings.Contains(flat, "PROPOSAL BASE 2025-06-01") || !strings.Contains(flat, "Even split 1/2 (1 by default) 1/2") || !strings.Contains(flat, "Mostly Alpha 2/2 ✓ (1 by default) 1/2") ||
		!strings.Contains(flat, "┘ "+note+" warning:") {
		t.Errorf("the table's timeline does not mark the defaulted yeses:\n%s", out)
	}
}
