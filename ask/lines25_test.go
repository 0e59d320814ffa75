package ask

import (
	"context"
	"strings"
	"testing"

	"parley/answer"
	"parley/sweep"
)

// TestSweepCarriesLikeliestAndBins: a sweep's issue carries the line
// naming the option most draws land nearest (likeliest_text) and each
// histogram bin its edges (text), in the words parley sweep prints; the
// page composed both itself. On the built-in case, compromise, 200 draws
// of seed 1: 139 of the draws (0.695) land nearest Ceasefire's 55, and
// its bins are 5 wide on a scale of one decimal.
func TestSweepCarriesLikeliestAndBins(t *testing.T) {
	req := answer.NewSweepRequest()
	req.Draws = 200
	sw, err := Sweep(context.Background(), builtinCase(t), req, nil)
	if err != nil {
		t.Fatal(err)
	}
	var is *sweep.IssueSummary
	for k := range sw.Models[0].Issues {
		if sw.Models[0].Issues[k].Issue == "ceasefire" {
			is = &sw.Models[0].Issues[k]
		}
	}
	if is == nil {
		t.Fatal("no ceasefire in the sweep")
	}
	if want := "Most likely option: 55.0 30-day ceasefire on Russia's conditions (Ukraine stops mobilising and rearming; foreign aid and intelligence stop), in 70% of draws (63–75%)"; is.LikeliestText != want {
		t.Errorf("likeliest_text\n got %q\nwant %q", is.LikeliestText, want)
	}
	var texts []string
	for _, b := range is.Hist {
		if b.Count > 0 {
			texts = append(texts, b.Text)
		}
	}
	if got, want := strings.Join(texts, " | "), "40.0–45.0 | 45.0–50.0 | 50.0–55.0 | 55.0–60.0 | 60.0–65.0"; got != want {
		t.Errorf("bins with a draw: %q, want %q", got, want)
	}
	if is.Hist[0].Text != "0.0–5.0" {
		t.Errorf("the first bin (no draw) reads %q, want 0.0–5.0", is.Hist[0].Text)
	}
	// each bin carries its share of the 200 draws (BinShareText)
	for _, b := range is.Hist {
		if want := BinShareText(b.Count, 200); b.ShareText != want {
			t.Errorf("bin %s (%d draws) share %q, want %q", b.Text, b.Count, b.ShareText, want)
		}
	}
}

// TestSweepLikeliestTie: bands as often nearest, to 1e-12, are named
// together (likeliest's rule, which the brief's favoured option
// follows), each in the issue's decimals with its label; the page's
// line had taken only exactly equal shares. No band, no line.
func TestSweepLikeliestTie(t *testing.T) {
	bands := []sweep.Band{
		{Label: "A", Value: 25, P: 0.4, PInterval: [2]float64{0.37, 0.43}},
		{Label: "B", Value: 50, P: 0.2, PInterval: [2]float64{0.18, 0.22}},
		{Label: "C", Value: 75, P: 0.4 + 1e-13, PInterval: [2]float64{0.37, 0.43}},
	}
	if got, want := SweepLikeliestText(bands, 2), "Most likely options (tied): 25.00 A / 75.00 C, in 40% of draws each (37–43%)"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if got := SweepLikeliestText(nil, 1); got != "" {
		t.Errorf("no bands: %q", got)
	}
}

// TestBinEdgesOneSeparator: where a bin shown (from the first to the
// last with a draw) has a negative edge, every bin's edges are parted by
// " to ", so that the bins read alike, as parley sweep lines them up;
// edges beyond those shown do not choose it.
func TestBinEdgesOneSeparator(t *testing.T) {
	bins := []answer.SweepBin{{Lo: -1, Hi: -0.5}, {Lo: -0.5, Hi: 0, Count: 3}, {Lo: 0, Hi: 0.5, Count: 1}, {Lo: 0.5, Hi: 1}}
	lo, hi, sep := BinEdges(bins, 1)
	if sep != " to " || lo[1]+sep+hi[1] != "-0.5 to 0.0" || lo[3]+sep+hi[3] != "0.5 to 1.0" {
		t.Errorf("lo %q hi %q sep %q", lo, hi, sep)
	}
	bins[1].Count = 0
	if _, _, sep := BinEdges(bins, 1); sep != "–" {
		t.Errorf("with draws only in 0.0–0.5 the separator is %q, want the en dash", sep)
	}
}

// TestSnapCandidatesHeadCarried: snap's explanation carries the head of
// its candidates' table (candidates_head_text), which parley explain
// prints over its table and the page as the table's caption (it
// composed it). On the built-in case's Ceasefire: 60.7% on the
// candidates, 39.3% a Laplace density of scale 49.9. compromise-band,
// without candidates, carries none.
func TestSnapCandidatesHeadCarried(t *testing.T) {
	c := builtinCase(t)
	for _, m := range []string{"snap", "compromise-band"} {
		req := answer.NewExplainRequest()
		req.Model, req.Issue = m, "ceasefire"
		x, err := Explain(context.Background(), c, req)
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if m == "snap" {
			want = "Candidate outcomes: 60.7% of the distribution, by utility = distance term + the bonus of its kind (coefficients fitted on DEU train); the other 39.3% is a Laplace density of scale 49.9 around the point. 80%: 20.0–75.0, 95%: 5.0–85.0."
		}
		if got := x.Issues[0].Snap.CandidatesHeadText; got != want {
			t.Errorf("%s:\n got %q\nwant %q", m, got, want)
		}
	}
}
