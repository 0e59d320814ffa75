package cli

import (
	"strings"
	"testing"
)

// parley sweep says, under each issue's options, which one most draws
// land nearest, in the answer's words (likeliest_text): only the page
// said so before, in its own. Built-in case, compromise, 200 draws of
// seed 1: 0.695 of them nearest Ceasefire's 55.
func TestSweepSaysLikeliest(t *testing.T) {
	out, _, code := run(t, "sweep", "-n", "200", "-q")
	want := "Most likely option: 55.0 30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop), in 70% of draws (63–75%)"
	if code != 0 || !strings.Contains(words(out), want) {
		t.Errorf("exit %d, output lacks %q:\n%s", code, want, out)
	}
}

// parley explain -m snap heads its table of candidate outcomes with the
// answer's words (candidates_head_text), the page's caption of the same
// table, which it alone had.
func TestExplainSnapHeadsCandidates(t *testing.T) {
	out, _, code := run(t, "explain", "-m", "snap", "--issue", "ceasefire", "-q")
	want := "Candidate outcomes: 60.7% of the distribution, by utility = distance term + the bonus of its kind (coefficients fitted on DEU train); the other 39.3% is a Laplace density of scale 49.9 around the point. 80%: 20.0–75.0, 95%: 5.0–85.0."
	text := words(out)
	if i := strings.Index(text, want); code != 0 || i < 0 || !strings.Contains(text[i:], "OUTCOME") {
		t.Errorf("exit %d, output lacks %q over the candidates' table:\n%s", code, want, out)
	}
}

// words is s with every run of white space one space: a line as it
// reads, wherever the terminal's width wrapped it.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }
