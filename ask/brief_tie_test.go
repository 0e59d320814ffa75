package ask

import (
	"context"
	"html/template"
	"strings"
	"testing"

	"parley/mcerr"
	"parley/sweep"
)

// Where the lead forecast is as near two options (its nearest, at), the
// brief's option cell led with them in the scale's order, though its
// legend promises the draws' favourite first with its share. On 20
// draws landing 4 nearest A (10), 5 nearest B (20) and 11 nearest C
// (30), with the forecast midway between B and C: C comes first, in 11
// of 20 draws, and B after it, equally near the forecast, in 5 of 20.
// Where the draws favour both alike, the tie stands (no favourite); where
// they favour an option beyond the forecast's nearest as much as one of
// them, that option and it lead, and the nearest follow together, as
// for a favourite that is none of them; where every nearest option is
// among the favourites, the nearest stand alone.
func TestBriefFavouredOnATie(t *testing.T) {
	band := func(a, b, c float64) []sweep.Band {
		return []sweep.Band{{Label: "A", Value: 10, P: a / 20}, {Label: "B", Value: 20, P: b / 20}, {Label: "C", Value: 30, P: c / 20}}
	}
	b884 := band(8, 8, 4) // B's and C's shares summed as floats: 0.6000000000000001
	for _, c := range []struct {
		name  string
		bands []sweep.Band
		at    []float64
		want  BriefFavoured
	}{
		{"the draws favour one of the tied nearest", band(4, 5, 11), []float64{20, 30},
			BriefFavoured{Label: "C", P: 11.0 / 20, Interval: mcerr.Wilson(11, 20), Equally: "B", NearestP: 5.0 / 20, NearestInterval: mcerr.Wilson(5, 20)}},
		{"the draws favour the other", band(4, 11, 5), []float64{20, 30},
			BriefFavoured{Label: "B", P: 11.0 / 20, Interval: mcerr.Wilson(11, 20), Equally: "C", NearestP: 5.0 / 20, NearestInterval: mcerr.Wilson(5, 20)}},
		{"the draws favour both alike", band(4, 8, 8), []float64{20, 30}, BriefFavoured{}},
		{"one beyond and one of the nearest alike", band(8, 8, 4), []float64{20, 30},
			BriefFavoured{Label: "A" + TieJoin + "B", Tie: true, P: 8.0 / 20, Interval: mcerr.Wilson(8, 20), NearestP: b884[1].P + b884[2].P, NearestInterval: mcerr.Wilson(12, 20)}},
		{"the one nearest among the favourites", band(8, 8, 4), []float64{20}, BriefFavoured{}},
	} {
		if got := favoured(c.bands, c.at, 20); got != c.want {
			t.Errorf("%s: %+v\nwant %+v", c.name, got, c.want)
		}
	}
}

// A reviewer's case (testdata/transit): compromise's city share is 35.0,
// as near 30 as 40, and 651 of the sweep's 1,000 draws land nearest 40,
// 349 nearest 30 (parley sweep -n 1000: P(nearest) 0.651 (0.621–0.680)
// and 0.349 (0.320–0.379)). The cell leads with the forecast's nearest,
// the tie, as the forecast's bottom line does ("equally near"), and says
// which of the two the draws favour, with each one's share (brief25: it
// led with 40% and its share, and the bottom line with the tie).
func TestBriefLeadsATieWithTheForecastsNearest(t *testing.T) {
	ctx := context.Background()
	b, err := MakeBrief(ctx, testdataCase(t, "transit/transit.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	md, html := renderBrief(t, b)
	if want := "| 30% (council ceiling) / 40%, equally near the forecast; the draws land nearest 40% more often, in 65% of draws (62–68%), 30% (council ceiling) in 35% of draws (32–38%) |"; !strings.Contains(string(md), want) {
		t.Errorf("the Markdown brief does not say\n%s", want)
	}
	if want := `<td class="opt">` + template.HTMLEscapeString("30% (council ceiling) / 40%") + `<span class="small">, equally near the forecast; the draws land nearest 40% more often, in 65% of draws (62–68%), ` +
		template.HTMLEscapeString("30% (council ceiling)") + ` in 35% of draws (32–38%)</span></td>`; !strings.Contains(string(html), want) {
		t.Errorf("the HTML brief does not say\n%s", want)
	}
}
