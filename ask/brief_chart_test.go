package ask

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestBriefChartsLegible: the brief's charts of each issue's scale write
// their numbers at 10 px or more on a screen (the chart shown 240 px
// wide) and 6 or more in print (130 px wide), where they read at 7 and
// under 4; and the head of their column has their key: a model's dot,
// one that did not settle, an option's tick and the bands, drawn as the
// charts draw them.
func TestBriefChartsLegible(t *testing.T) {
	out, err := RenderBrief(context.Background(), builtInBrief(t), "html")
	if err != nil {
		t.Fatal(err)
	}
	html := string(out)
	charts := regexp.MustCompile(`<svg [^>]*viewBox="0 0 ([0-9.]+) [0-9.]+"[^>]*role="img".*?</svg>`).FindAllStringSubmatch(html, -1)
	if len(charts) != 7 {
		t.Fatalf("%d charts, want 7", len(charts))
	}
	size := regexp.MustCompile(`font-size="([0-9.]+)"`)
	for _, c := range charts {
		w, _ := strconv.ParseFloat(c[1], 64)
		for _, f := range size.FindAllStringSubmatch(c[0], -1) {
			px, _ := strconv.ParseFloat(f[1], 64)
			if screen, print := px*240/w, px*130/w; screen < 10 || print < 6 {
				t.Errorf("a chart's text reads at %.1f px on a screen and %.1f in print, want 10 and 6 or more", screen, print)
			}
		}
	}
	key := regexp.MustCompile(`(?s)<span class="small chartkey">.*?</span></span></th>`).FindString(html)
	for _, want := range []string{`fill="#135"`, "a model", `fill="#b60"`, "did not settle", `stroke="#888"`, "an option", `fill="#a9c6e0"`, "80% inputs"} {
		if !strings.Contains(key, want) {
			t.Errorf("the charts' key %q lacks %q", key, want)
		}
	}
}
