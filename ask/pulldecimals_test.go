package ask

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"parley/answer"
)

// TestPullDecimalsNoNonzeroReadsZero: on the review's 0–20 "City revenue
// share" (one decimal), compromise's weights 72, 48, 21, 4, 10.5 and
// 1.5 (total 157) at 10, 3, 2, 5, 6 and 8 give the weighted mean
// 1001/157 ≈ 6.376, and the pulls share × (position − mean): +1.656,
// −1.029, −0.587, −0.035, −0.025 and +0.016. At one decimal the last
// three read "0.0" beside an arrow; at two, the fewest where none reads
// zero, they read -0.04, -0.03 and +0.02, every pull with two. A pull of
// 1e-15, noise beside the largest, reads 0.00 and takes no decimals
// more. The head says the pulls written sum to zero only to rounding
// (here to -0.01).
func TestPullDecimalsNoNonzeroReadsZero(t *testing.T) {
	w := []float64{72, 48, 21, 4, 10.5, 1.5}
	x := []float64{10, 3, 2, 5, 6, 8}
	mean := 1001.0 / 157
	var pulls []answer.Pull
	for i := range w {
		pulls = append(pulls, answer.Pull{Share: w[i] / 157, Pull: answer.Num(w[i] / 157 * (x[i] - mean))})
	}
	pulls = append(pulls, answer.Pull{Pull: 1e-15})
	pd := PullDecimals("compromise", pulls, 1)
	if pd != 2 {
		t.Fatalf("PullDecimals = %d, want 2", pd)
	}
	var got []string
	for _, p := range pulls {
		got = append(got, PullText("compromise", p.Pull, pd))
	}
	if g, want := strings.Join(got, " "), "+1.66 -1.03 -0.59 -0.04 -0.03 +0.02 0.00"; g != want {
		t.Errorf("pulls written %q, want %q", g, want)
	}
	if h := PullsHead("compromise", answer.IssueExplanation{}, 1); !strings.HasSuffix(h, "; the rounded numbers shown sum to zero only nearly") {
		t.Errorf("head %q does not say the written pulls sum to zero only to rounding", h)
	}
	// nash's rule starts from three significant figures of the largest
	// (0.0760 → four decimals) and raises it the same way: 0.00004 reads
	// 0.0000 there, and takes five.
	nash := []answer.Pull{{Pull: 0.076}, {Pull: -0.07596}, {Pull: -0.00004}}
	if pd := PullDecimals("nash", nash, 1); pd != 5 {
		t.Errorf("nash: PullDecimals = %d, want 5", pd)
	}
}

// TestMedianPullDecimals: the median's pulls are shares, written as
// percents, and follow the same rule: the fewest decimals (one at least)
// at which no share that is not zero reads as zero. On
// cli/testdata/tiny-share.yaml the weights 39.96, 60 and 0.04 (total
// 100) give the shares 0.3996, 0.6 and 0.0004; the median is Mid's 0.45,
// so the pulls are −0.3996 (Low, below), 0 (Mid) and +0.0004 (Tiny,
// above). At one decimal Tiny's reads "0.0%" (and Low's "-40.0%"); at
// two, "+0.04%", "-39.96%" and "0.00%". A share of 1e-15 beside them is
// noise and takes no decimals more (a billionth of the largest, as for
// the other models' pulls).
func TestMedianPullDecimals(t *testing.T) {
	c := testdataCase(t, "../../cli/testdata/tiny-share.yaml")
	ie := explain(t, c, "median", "a").Issues[0]
	if ie.Forecast != 0.45 {
		t.Fatalf("forecast %v, want Mid's 0.45", ie.Forecast)
	}
	pd := PullDecimals("median", ie.Pulls, 2)
	got := map[string]string{}
	for _, p := range ie.Pulls {
		got[p.Actor] = PullText("median", p.Pull, pd)
	}
	if want := map[string]string{"low": "-39.96%", "mid": "0.00%", "tiny": "+0.04%"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pulls written %v, want %v", got, want)
	}
	noise := append(slices.Clone(ie.Pulls), answer.Pull{Pull: 1e-15})
	if pd := PullDecimals("median", noise, 2); pd != 2 {
		t.Errorf("with a pull of 1e-15: PullDecimals = %d, want 2", pd)
	}
	// Shares that read at one decimal keep it, whatever the issue's d.
	if pd := PullDecimals("median", []answer.Pull{{Pull: -0.5}, {Pull: 0.25}, {Pull: 0.25}}, 3); pd != 1 {
		t.Errorf("shares 50%%, 25%%, 25%%: PullDecimals = %d, want 1", pd)
	}
}

// TestMedianShareDecimals: the median's other percents, the actors'
// shares of the weight (every model's Share column) and the shares
// below and above the pivotal position in its sentence, follow the same
// rule as its pulls. On cli/testdata/tiny-share.yaml the shares 0.3996,
// 0.6 and 0.0004 read "40.0%", "60.0%" and "0.0%" at one decimal, and
// take two: "39.96%", "60.00%", "0.04%". The sentence wrote its shares
// with none, "40% of the weight lies below it and 0% above"; 0.04% is
// not zero, and the fewest decimals from none at which it does not read
// so are two, for both: "39.96% … and 0.04% above".
func TestMedianShareDecimals(t *testing.T) {
	c := testdataCase(t, "../../cli/testdata/tiny-share.yaml")
	ie := explain(t, c, "median", "a").Issues[0]
	sd := ShareDecimals(ie.Pulls)
	got := map[string]string{}
	for _, p := range ie.Pulls {
		got[p.Actor] = WeightShareText(p.Share, sd)
	}
	if want := map[string]string{"low": "39.96%", "mid": "60.00%", "tiny": "0.04%"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("shares written %v, want %v", got, want)
	}
	if want := "the position of Mid: 39.96% of the weight lies below it and 0.04% above,"; !strings.Contains(ie.Text, want) {
		t.Errorf("text %q, want it to say %q", ie.Text, want)
	}
	// Shares that read at one decimal keep it.
	if sd := ShareDecimals([]answer.Pull{{Share: 0.5}, {Share: 0.25}, {Share: 0.25}}); sd != 1 {
		t.Errorf("shares 50%%, 25%%, 25%%: ShareDecimals = %d, want 1", sd)
	}
}
