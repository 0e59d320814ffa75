package web_test

import (
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestServerGoneSaidInWords: a request that gets no answer at all (the
// connection dropped, as when parley serve has stopped) is said in words
// that name what happened and what to do, where the page showed the
// browser's own "Failed to fetch". Here the Advise view's request is
// dropped, once the view has loaded.
func TestServerGoneSaidInWords(t *testing.T) {
	var drop atomic.Bool
	e := startE2EWith(t, e2eOptions{wrap: func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if drop.Load() && strings.HasSuffix(r.URL.Path, "/advise") {
				if c, _, err := http.NewResponseController(w).Hijack(); err == nil {
					c.Close()
					return
				}
			}
			next.ServeHTTP(w, r)
		})
	}})
	out := `[data-testid=advise-out]`
	e.do("advise", chromedp.Navigate(e.srv.URL+"/#advise"), chromedp.WaitVisible(chromedp.CSS(out+` table`)))
	drop.Store(true)
	e.do("advise again", chromedp.Click(chromedp.CSS(`#advise-go`)), chromedp.WaitVisible(chromedp.CSS(out+` [role=alert]`)), e.shot("67-server-gone"))
	if m := e.text(out + ` [role=alert]`); !strings.Contains(m, "The server did not answer") {
		t.Errorf("with the connection dropped the page says %q, want it to say the server did not answer", m)
	}
}
