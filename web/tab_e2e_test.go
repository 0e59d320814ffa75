package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestTabGivenBackBlank: a tab a test gives back (giveBack) keeps
// nothing of it for the next test that takes it (takeTab): on the same
// origin (a port the system hands out again), its session and local
// storage and cookies are empty, its history holds the blank page and
// the next one alone, and the viewport and touch a phone emulation set
// are the window's again.
func TestTabGivenBackBlank(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium binary found (apt-get install -y chromium, or set PARLEY_CHROMIUM)")
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<!doctype html><meta name=viewport content=\"width=device-width\"><title>blank</title>"))
	}))
	defer srv.Close()
	shared, err := sharedBrowser(bin)
	if err != nil {
		t.Fatal(err)
	}
	first, err := takeTab(shared)
	if err != nil {
		t.Fatal(err)
	}
	type state struct {
		Session, Local, Cookie string
		History, Width         int
		Touch                  bool
	}
	read := func(tb tab) state {
		t.Helper()
		return get(t, tb.ctx, "state", chromedp.Evaluate[state](`({Session: sessionStorage.getItem("k") ?? "", Local: localStorage.getItem("k") ?? "", Cookie: document.cookie,
			History: history.length, Width: innerWidth, Touch: matchMedia("(pointer: coarse)").matches})`))
	}
	if err := chromedp.Do(first.ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	fresh := read(first)
	if fresh.Width < 1000 || fresh.Touch || fresh.History != 2 {
		t.Fatalf("a new tab reads %+v", fresh)
	}
	if err := chromedp.Do(first.ctx, void(chromedp.Evaluate[bool](`(sessionStorage.setItem("k", "s"), localStorage.setItem("k", "l"), document.cookie = "k=c", true)`)),
		chromedp.Navigate(srv.URL+"/again"), chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateTouch)); err != nil {
		t.Fatal(err)
	}
	if used := read(first); used.Session != "s" || used.Local != "l" || used.Cookie != "k=c" || used.History != 3 || used.Width != 390 || !used.Touch {
		t.Fatalf("the tab used reads %+v: the test sets nothing to clear", used)
	}

	giveBack(t, first, srv.URL)
	again, err := takeTab(shared)
	if err != nil {
		t.Fatal(err)
	}
	defer again.cancel()
	if again.ctx != first.ctx {
		t.Fatal("the tab given back was not taken again")
	}
	if err := chromedp.Do(again.ctx, chromedp.Navigate(srv.URL)); err != nil {
		t.Fatal(err)
	}
	if got := read(again); got != fresh {
		t.Errorf("the tab taken again reads %+v, want it as new: %+v", got, fresh)
	}
}
