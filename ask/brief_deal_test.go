package ask

import (
	"context"
	"os"
	"strings"
	"testing"
)

// The brief says whether a deal exists, in deal search's words: its
// summary and its line on the zone; when the zone is open, the Nash
// package; when red lines contradict, the way out deal search's plans
// take. It never said: a client's headline answer was missing. Each
// expected text is what parley deal search printed of the case (the
// reviewer's port case, the same with the union's and the operator's
// red lines on jobs contradicting (port-conflict.yaml), and the wage case, whose zone is
// empty for want of gains, not of red lines).
func TestBriefSaysWhetherADealExists(t *testing.T) {
	port, err := os.ReadFile("testdata/port.yaml")
	if err != nil {
		t.Fatal(err)
	}
	wage, err := os.ReadFile("testdata/wage.yaml")
	if err != nil {
		t.Fatal(err)
	}
	conflict, err := os.ReadFile("testdata/port-conflict.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, doc, want string }{
		{"port.yaml", string(port), "## Is there a deal?\n\n" +
			"Agreement is possible: some package gives every required actor at least its alternative and crosses none of their red lines (at best, the actor worst served gains 0.067). " +
			"Zone of agreement: OPEN. Largest smallest gain 0.067 (certified ≤ 0.067). " +
			"Nash package: Concession term 35.0; City revenue share 6.0; Jobs guarantee 70.0; Shore power 25.3.\n\n## Proposals on the table"},
		{"port-conflict.yaml", string(conflict), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: the required actors' red lines on Jobs guarantee leave no value (Harbour Terminals consortium <= 75; Dockworkers' union >= 85). " +
			"The way out deal search's plans take: Dockworkers' union crosses its red line on Jobs guarantee: >= 85 becomes >= 75 (moves 10.0 points); it gives up 0.067 utility (from 85.0) and accepts “80: 720 jobs”. " +
			"Weighted cost 1.5 % of scale (capability share 0.15 × 10.0 % crossed; 0.0103 utility).\n\n## Proposals on the table"},
		{"wage.yaml", string(wage), "## Is there a deal?\n\n" +
			"No agreement is possible as things stand: no package gives every required actor at least its alternative; even the package that serves the worst-served actor best leaves Port Authority by 0.029, Shipping Lines by 0.029 short. " +
			"Zone of agreement: EMPTY. Largest smallest gain -0.029 (certified ≤ -0.029).\n\n## Proposals on the table"},
	} {
		b, err := MakeBrief(context.Background(), loadCase(t, c.name, c.doc))
		if err != nil {
			t.Fatal(err)
		}
		md, err := RenderBrief(context.Background(), b, "md")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(md), c.want) {
			t.Errorf("%s: the brief lacks\n%s\nin:\n%s", c.name, c.want, md)
		}
		page, err := RenderBrief(context.Background(), b, "html")
		if err != nil {
			t.Fatal(err)
		}
		if zone := htmlEscaper.Replace(b.Zone.Zone); !strings.Contains(string(page), zone) {
			t.Errorf("%s: the html brief lacks %q", c.name, zone)
		}
	}
}

var htmlEscaper = strings.NewReplacer("'", "&#39;", "<", "&lt;", ">", "&gt;", "&", "&amp;", `"`, "&#34;")
