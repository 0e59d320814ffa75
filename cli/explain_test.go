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
)

func TestExplainCommand(t *testing.T) {
	out, stderr, code := run(t, "explain", "testdata/example.yaml", "-q", "--issue", "budget")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	// Budget at the latest snapshot: Alpha 0 (w 1), Beta 50 (w 1), Gamma 80
	// (w 3): forecast 290/5 = 58; toward its position from it, Gamma pulls
	// 0.6·(80−58) = +13.2, Beta 0.2·(50−58) = −1.6, Alpha 0.2·(0−58) =
	// −11.6 (summing to 0), whatever the status quo 20.
	for _, want := range []string{"Model: compromise", "Budget (budget): 58.0", "+13.2", "-1.6", "-11.6", "weighted mean"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "Deadline") {
		t.Errorf("--issue budget explained deadline too:\n%s", out)
	}
	out, _, code = run(t, "explain", "testdata/example.yaml", "-q", "-m", "median", "--format", "json")
	var e answer.Explanation
	if err := json.Unmarshal([]byte(out), &e); code != 0 || err != nil || e.Model != "median" || len(e.Issues) != 2 || e.Issues[0].Pivotal == nil {
		t.Fatalf("exit %d, %v: %+v", code, err, e)
	}
	// the question's own check, as the API says it, before any estimate
	// of its memory: a misspelt model gets its "did you mean" among the
	// models explain covers
	_, stderr, code = run(t, "explain", "-m", "snapp")
	if code != 2 || !strings.Contains(stderr, `unknown model "snapp" (did you mean "snap"?); valid: bdm, bdm-paper, compromise, compromise-band, ensemble, exchange, ks, median, nash, smp, snap`) {
		t.Errorf("-m snapp: exit %d, %s", code, stderr)
	}
}

// The iterative models' tables tell their rounds, exchanges and turns,
// the ensemble's its members; --format csv gives one row per challenge,
// externality, option or member.
func TestExplainIterativeModels(t *testing.T) {
	for _, c := range []struct {
		args      []string
		want      []string
		csvHeader string
	}{
		// bdm cycles on nato: the headline is the range, as forecast shows it
		{[]string{"-m", "bdm", "--issue", "nato"}, []string{"Ukraine and NATO (nato): 20.7–90.0 ~, reaching ", "Round 1:", "quadrant chart:", "the median moves"},
			"issue,round,actor,other,x,y,quadrant,offer,taken,p,p_other,risk"},
		{[]string{"-m", "exchange"}, []string{"Exchanges realised", "Round 1:", "GIVES WAY", "Externalities per actor", "INNER +"},
			"round,exchange,issue_p,issue_q,gain,actor,class,sign,value"},
		{[]string{"-m", "smp"}, []string{"Turn 1:", "bargain", "probability each actor's position wins"},
			"turn,actor,bargain,initiator,receiver,probability,chosen"},
		// the ensemble's members, with smp's range where it did not settle
		{[]string{"-m", "snap", "--issue", "ceasefire"}, []string{"KIND BONUS", "end, ref, option", "snap forecasts 50.0: the compromise 46.6"},
			"issue,actor,position,weight,share,pull,distance"},
		{[]string{"-m", "ensemble"}, []string{"MEMBER", "WEIGHT × FORECAST", "│ smp ", "~ │", "explain -m compromise; explain -m smp"},
			"issue,member,fitted,weight,forecast,settled,lo,hi,contribution,shift,failed"},
	} {
		out, stderr, code := run(t, append([]string{"explain", "-q"}, c.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, code, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: no %q in\n%s", c.args, w, out)
			}
		}
		out, stderr, code = run(t, append([]string{"explain", "-q", "--format", "csv"}, c.args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || lines[0] != c.csvHeader || len(lines) < 2 {
			t.Errorf("%v csv: exit %d %s: %.200s", c.args, code, stderr, out)
		}
		for _, l := range lines[1:] {
			if strings.Contains(l, "NaN") || strings.Contains(l, "Inf") {
				t.Errorf("%v csv: non-finite value in %q", c.args, l)
			}
		}
	}
	_, stderr, code := run(t, "explain", "--format", "xml")
	if code != 2 || !strings.Contains(stderr, "valid: table, json, csv") {
		t.Errorf("--format xml: exit %d, %s", code, stderr)
	}
}

// The built-in case's explanation fits an 80-column terminal: the
// issue's line breaks at spaces (it was 157 wide), the bars halve, and an
// actor's name takes what the other columns leave: compromise's table
// has room for "European Commission" whole (the bar at 20 made it 82
// wide), nash's, with its gain, breaks it at its space.
func TestExplainFitsWidth(t *testing.T) {
	for _, c := range []struct{ model, at80 string }{
		{"compromise", "│ European Commission │     75.0 "},
		{"nash", "│ Commission         │ "},
	} {
		var e answer.Explanation
		runJSON(t, &e, "explain", "-m", c.model)
		at80 := fitsWidths(t, func(w io.Writer, width int) { explainTable(w, &e, width) })
		if !strings.Contains(at80, c.at80) {
			t.Errorf("%s: no %q at 80 columns:\n%s", c.model, c.at80, at80)
		}
		var b bytes.Buffer
		explainTable(&b, &e, 120)
		if !strings.Contains(b.String(), "│ European Commission │") || !strings.Contains(b.String(), strings.Repeat("█", 19)) {
			t.Errorf("%s: European Commission broken, or the bars short, at 120 columns:\n%s", c.model, b.String())
		}
	}
}

// Every model's explanation of the built-in case fits 80 columns: nash's
// gain column beside half-length bars, ks's gains and ratios, bdm's and smp's stories, and
// exchange's realised exchanges a line each, where their eight columns
// cannot fit.
func TestExplainEveryModelFitsWidth(t *testing.T) {
	for _, m := range []string{"median", "nash", "ks", "bdm", "exchange", "smp", "ensemble", "snap", "compromise-band"} {
		var e answer.Explanation
		runJSON(t, &e, "explain", "-m", m, "-q")
		at80 := fitsWidths(t, func(w io.Writer, width int) { explainTable(w, &e, width) })
		if m == "exchange" && (!strings.Contains(at80, "  #1 ") || strings.Contains(at80, "│ GIVES WAY")) {
			t.Errorf("exchange's exchanges are not a line each at 80 columns:\n%s", at80)
		}
	}
}

// bdm's rounds keep their indent and each line is broken once: a round's
// story two in, each mover's reason a bullet four in with its next lines
// six in, the quadrant chart as the bullets, at 80 and at 120. (The
// indent was lost, and a reason's last words were broken again by the
// lineWrapper the explanation went through, eight in.)
func TestExplainBDMRoundsIndented(t *testing.T) {
	var e answer.Explanation
	runJSON(t, &e, "explain", "-m", "bdm", "--issue", "nato", "-q")
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	for _, width := range []int{80, 120} {
		var b bytes.Buffer
		explainTable(&b, &e, width)
		fits(t, b.String(), width)
		rounds, bullets, cont := 0, 0, -1
		for _, line := range strings.Split(b.String(), "\n") {
			switch {
			case strings.HasPrefix(line, "  Round "):
				rounds, cont = rounds+1, 4
			case strings.HasPrefix(line, "    • "):
				bullets, cont = bullets+1, 6
			case strings.HasPrefix(line, "    quadrant chart: "):
				cont = 6
			case cont >= 0 && indent(line) > 0:
				if indent(line) != cont {
					t.Errorf("at %d a line %d in, want %d: %q", width, indent(line), cont, line)
				}
			default:
				cont = -1
			}
		}
		if rounds == 0 || bullets == 0 {
			t.Fatalf("at %d %d rounds, %d reasons: the case tests less than it says:\n%s", width, rounds, bullets, b.String())
		}
	}
}

// ks's table gives each actor's ideal, gains and share of its best, and
// marks the actors that bound the forecast; --format csv one row per
// actor and issue with the same numbers.
func TestExplainKS(t *testing.T) {
	out, stderr, code := run(t, "explain", "-q", "-m", "ks", "--issue", "ceasefire")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"Model: ks", "UTOPIA", "OF BEST", "PER WT", "BOUNDS", "◀ yes", "yes ▶", "bound it"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	var e answer.Explanation
	runJSON(t, &e, "explain", "-q", "-m", "ks", "--issue", "ceasefire")
	out, _, code = run(t, "explain", "-q", "-m", "ks", "--issue", "ceasefire", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || lines[0] != "issue,actor,position,weight,share,ideal,gain,ideal_gain,ratio,binding,distance" || len(lines) != 1+len(e.Issues[0].Pulls) {
		t.Fatalf("csv: exit %d, %d lines: %s", code, len(lines), out)
	}
	p := e.Issues[0].Pulls[0]
	if want := fmt.Sprintf("ceasefire,%s,%v,%v,%v,%v,%v,%v,%v,%v,%v", p.Actor, p.Position, p.Weight, p.Share, *p.Ideal, *p.Gain, *p.IdealGain, *p.Ratio, p.Binding, p.Distance); lines[1] != want {
		t.Errorf("csv row %q, want %q", lines[1], want)
	}
}

// Nash's pulls are marginal gains per point of the scale, so on
// testdata/wide-scale.yaml (unit-scale.yaml a million times as wide) they
// are a millionth of the unit scale's +1.92, +1.43 and −3.34 (its JSON:
// −0.0000033422, +0.0000019163, +0.0000014259). The table and the
// sentence write them with the decimals that give the largest three
// significant figures (WidthDecimals(3.34e-6) = 2 − (−6) = 8), every pull
// of the issue alike, not in exponent form ("-3.34e-06", %.3g). On the
// built-in case's ceasefire (0–100) the largest, the United States'
// −0.076, gets four decimals, and so do the others (+0.0086, not
// +0.00856 beside -0.076).
func TestNashPullsWideScale(t *testing.T) {
	out, stderr, code := run(t, "explain", "testdata/wide-scale.yaml", "-m", "nash", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"│ North │ 300000.0 │ 1.00 │ 33.3% │ -0.00000334 │",
		"│ West │ 650000.0 │ 1.00 │ 33.3% │ +0.00000192 │",
		"│ South │ 450000.0 │ 1.00 │ 33.3% │ +0.00000143 │",
		"The hardest pulls: North down (-0.00000334), West up (+0.00000192).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "e-0") {
		t.Errorf("a pull in exponent form:\n%s", out)
	}
	out, _, code = run(t, "explain", "-m", "nash", "--issue", "ceasefire", "-q")
	text = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"│ -0.0760 │", "│ +0.0264 │", "│ +0.0086 │", "│ +0.0014 │", "The hardest pulls: United States down (-0.0760), Ukraine up (+0.0264)."} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// TestMedianTinyShare: on testdata/tiny-share.yaml (weights 39.96, 60
// and 0.04, total 100; the median Mid's 0.45) the table writes every
// number so that none that is not zero reads as zero: the weights with
// the decimals of a scale from 0 to the heaviest (one for 60) read
// "0.0" for Tiny's 0.04, and take two, "39.96", "60.00" and "0.04"; the
// shares and the median's pulls, percents, take two as well.
func TestMedianTinyShare(t *testing.T) {
	explainTinyShare(t, "median",
		"│ Low │ 0.30 │ 39.96 │ 39.96% │ -39.96% │",
		"│ Tiny │ 0.65 │ 0.04 │ 0.04% │ +0.04% │",
		"│ Mid │ 0.45 │ 60.00 │ 60.00% │ 0.00% │",
		"the position of Mid: 39.96% of the weight lies below it and 0.04% above,")
}

// explainTinyShare runs parley explain on testdata/tiny-share.yaml with
// model m and asks its output, its spaces collapsed, to hold each of
// wants.
func explainTinyShare(t *testing.T, m string, wants ...string) {
	t.Helper()
	out, stderr, code := run(t, "explain", "testdata/tiny-share.yaml", "-m", m, "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// TestKSTinyShare: ks's table has a Share column too, and writes it by
// the rule every model's does (ask.ShareDecimals, nashmed23): on
// testdata/tiny-share.yaml Tiny's 0.0004 of the weight read "0.0%" at
// one decimal, so every share takes two, "0.04%", "39.96%", "60.00%".
func TestKSTinyShare(t *testing.T) {
	explainTinyShare(t, "ks", "│ Mid │ 0.45 │ 60.00% │", "│ Low │ 0.30 │ 39.96% │", "│ Tiny │ 0.65 │ 0.04% │")
}

// ks's "Of best" column writes each ratio as the sentence does
// (RatioText): a light actor's 0.2% of its best reads "0.2%", not "0%",
// and Beta's beside it, above 0.999, "99.96%" (PercentText: never 100% below 1).
func TestExplainKSRatioText(t *testing.T) {
	out, stderr, code := run(t, "explain", "testdata/ks-light.yaml", "-q", "-m", "ks")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"│ 0.2% │ 1 │ ◀ yes │", "│ 99.96% │ 1 │ yes ▶ │", "Alpha (below, 0.2% of its best ÷ weight 0.002 = 1)"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// snapMany is a scenario of n actors at 0, 0.25, 0.5, … on 0–100 (the
// last at half the salience, so that the compromise is no tie), each
// stated position a candidate of snap's distribution: 401 candidates
// with the scale's ends, none with as much as 0.5% of it.
func snapMany(t *testing.T, n int) string {
	var b strings.Builder
	b.WriteString("metadata: {id: snap-many, title: Snap with many candidates, as_of: 2025-01-01}\nissues:\n  - {id: x, name: X, anchors: [{value: 0, label: none}, {value: 100, label: all}]}\nactors:\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "  - {id: a%d, name: A%d, capability: 1, capability_assumed: test}\n", i, i)
	}
	b.WriteString("stances:\n")
	for i := 0; i < n; i++ {
		sal := 1.0
		if i == n-1 {
			sal = 0.5
		}
		fmt.Fprintf(&b, "  - {actor: a%d, issue: x, position: %g, salience: %g, assumed: test}\n", i, float64(i)/4, sal)
	}
	path := filepath.Join(t.TempDir(), "snap-many.yaml")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// snap's probabilities never read a nonzero as zero: among 401
// candidates the likeliest has under 0.5% of the distribution, which a
// whole percent wrote "with 0%", and the table's far candidates under
// 0.05%, which one decimal wrote "0.0%". Every door writes them by the
// answer's texts (ask.SnapPercentDecimals), the table and the sentence
// alike.
func TestExplainSnapProbabilitiesNeverReadZero(t *testing.T) {
	path := snapMany(t, 400)
	var e answer.Explanation
	runJSON(t, &e, "explain", path, "-q", "-m", "snap")
	se := e.Issues[0].Snap
	if se == nil || len(se.Candidates) != 401 {
		t.Fatalf("snap explanation %+v; want 401 candidates", se)
	}
	out, stderr, code := run(t, "explain", path, "-q", "-m", "snap")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	tiny, best := 0, se.Candidates[0]
	for _, c := range se.Candidates {
		if c.Probability > best.Probability {
			best = c
		}
		if c.Probability < 0.0005 {
			tiny++
		}
		if !strings.ContainsAny(strings.TrimSuffix(c.ProbabilityText, "%"), "123456789") || !strings.Contains(text, "│ "+c.ProbabilityText+" │") {
			t.Errorf("candidate %v: probability %v written %q, or not so in the table", c.Value, c.Probability, c.ProbabilityText)
		}
	}
	if best.Probability >= 0.005 || tiny == 0 {
		t.Fatalf("likeliest %v, %d under 0.05%%: the case tests less than it says", best.Probability, tiny)
	}
	if want := fmt.Sprintf("with %s on exactly that point; forecast's likeliest option is another number, the chance of the whole stretch of the scale nearest an option), and %s spread", best.ProbabilityText, se.ContinuousText); !strings.Contains(text, want) {
		t.Errorf("no %q in\n%s", want, out)
	}
}

// parley explain -m smp lists the last turn's bargains with their
// offers in the answer's words, each issue by its name (it listed none,
// and the page wrote them by issue id); an answer stored before it
// carried them reads the same.
func TestExplainSMPBargains(t *testing.T) {
	var e answer.Explanation
	runJSON(t, &e, "explain", "-m", "smp")
	last := e.Turns[len(e.Turns)-1]
	if len(last.Bargains) == 0 || !strings.HasPrefix(last.Bargains[0].OffersText, "Ceasefire ") {
		t.Fatalf("turn %d: %+v", last.Turn, last.Bargains)
	}
	var b bytes.Buffer
	explainTable(&b, &e, 1000)
	out := b.String()
	head := fmt.Sprintf("Turn %d's bargains:", last.Turn)
	i, j := strings.Index(out, head), strings.Index(out, "After turn")
	if i < 0 || j < i {
		t.Fatalf("no %q before the positions in\n%s", head, out)
	}
	table := out[i:j]
	for _, bg := range last.Bargains {
		if !strings.Contains(table, "│ "+bg.OffersText+" ") {
			t.Errorf("no %q in\n%s", bg.OffersText, table)
		}
	}
	for _, id := range []string{"ceasefire ", "security-guarantees", "military-aid"} {
		if strings.Contains(table, id) {
			t.Errorf("issue id %q in\n%s", id, table)
		}
	}
	for k := range e.Turns {
		for n := range e.Turns[k].Bargains {
			e.Turns[k].Bargains[n].OffersText = ""
		}
	}
	var stored bytes.Buffer
	explainTable(&stored, &e, 1000)
	if stored.String() != out {
		t.Errorf("stored without offers_text:\n%s\nwant\n%s", stored.String(), out)
	}
}

// The exchange table names each issue an actor gives way on (the
// review's case, ../ask/testdata/nile-review.yaml), as its sentence
// does, not by its id.
func TestExplainExchangeIssueNames(t *testing.T) {
	out, stderr, code := run(t, "explain", "../ask/testdata/nile-review.yaml", "-q", "-m", "exchange")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "│ Dispute resolution │") {
		t.Errorf("no issue named in the table:\n%s", out)
	}
	for _, id := range []string{"│ disputes ", "│ upstream ", "│ drought ", "│ filling "} {
		if strings.Contains(out, id) {
			t.Errorf("the table shows the id %q:\n%s", id, out)
		}
	}
}

// ks's table on the review's case heads the best feasible point Utopia,
// not Ideal (Egypt's is 40, its position 90), and shows each share per
// unit of weight, which the sentence divides out: Sudan's 80% ÷ 0.562.
// bdm's bullets say P and r and what decided the conflict.
func TestExplainReviewKSAndBDM(t *testing.T) {
	out, stderr, code := run(t, "explain", "../ask/testdata/nile-review.yaml", "-q", "-m", "ks", "--issue", "disputes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"│ UTOPIA │", "│ PER WT │", "│ Sudan │ 100.0 │ 22.5% │ 40.0 │", "│ 1.41 │", "Sudan 80% ÷ weight 0.562 = 1.41"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "IDEAL") {
		t.Errorf("a column still reads IDEAL:\n%s", out)
	}
	out, stderr, code = run(t, "explain", "../ask/testdata/nile-review-ext.yaml", "-q", "-m", "bdm", "--issue", "disputes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Sudan resists Ethiopia's with 0.900 × (1 − 0.250) = 0.675", "Sudan's greater salience outweighs Ethiopia's greater chance of winning"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}

// The two likeliests of the review's case say which they are: the
// forecast's is the chance of the stretch of the scale nearest an option
// (→50 at 69% on upstream), explain's snap candidate the weight on
// exactly one point (50.0 at 44.5%), and the candidate table's P column
// has its legend.
func TestLikeliestSaysWhichChance(t *testing.T) {
	out, stderr, code := run(t, "../ask/testdata/nile-review.yaml", "-q")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	if want := "snap's 80% interval 11.2–74.1, likeliest option →50: a 69% chance the outcome lands nearer it than any other option"; !strings.Contains(text, want) {
		t.Errorf("no %q in\n%s", want, out)
	}
	out, stderr, code = run(t, "explain", "../ask/testdata/nile-review.yaml", "-q", "-m", "snap", "--issue", "upstream")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"the heaviest candidate 50.0, with 44.5% on exactly that point", "P: the chance the outcome is exactly at that candidate"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	if strings.Contains(text, "likeliest candidate") {
		t.Errorf("explain still calls the heaviest candidate likeliest:\n%s", out)
	}
}

// explain heads every model's explanation with its paper, the equations
// it rests on and its docs section (ask.CitationText): bdm's names its
// authors and E9R/E10, which the explanation alone did not.
func TestExplainCitesPaper(t *testing.T) {
	out, stderr, code := run(t, "explain", "../ask/testdata/nile-review-ext.yaml", "-q", "-m", "bdm", "--issue", "disputes")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Model: bdm Source: Bueno de Mesquita 1994, ch. 4; Scholz, Calbert & Smith 2011.", "(E9R) P, the chance of winning, (E10) the expected utility of a challenge",
		"See docs/models.md, section “bdm — Bueno de Mesquita's expected-utility model”."} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
}
