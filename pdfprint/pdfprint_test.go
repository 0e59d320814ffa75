package pdfprint

import (
	"context"
	"errors"
	"strings"
	"testing"

	"parley/errs"
)

// Pages counts page objects, not the page tree (/Pages), whatever the
// white space after /Type.
func TestPages(t *testing.T) {
	for _, tc := range []struct {
		pdf  string
		want int
	}{
		{"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>>\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>>\n3 0 obj <</Type /Page /Parent 2 0 R>>", 1},
		{"<</Type/Page>> <</Type\n/Page /X>> <</Type /Pages>> <</Type /Page", 3},
		{"%PDF-1.4 no pages", 0},
	} {
		if got := Pages([]byte(tc.pdf)); got != tc.want {
			t.Errorf("Pages(%q) = %d, want %d", tc.pdf, got, tc.want)
		}
	}
}

// Without a browser, Print refuses with an argument error that says how
// to get one and which formats need none.
func TestNoBrowser(t *testing.T) {
	t.Setenv(EnvBrowser, "")
	t.Setenv("PATH", t.TempDir())
	_, err := Print(context.Background(), []byte("<p>x</p>"))
	if !errors.Is(err, ErrNoBrowser) || errs.CodeOf(err) != errs.Argument {
		t.Fatalf("Print: %v (code %s), want ErrNoBrowser as an argument error", err, errs.CodeOf(err))
	}
	for _, want := range []string{"install Chromium", EnvBrowser, "HTML or Markdown"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q lacks %q", err, want)
		}
	}
}

// A browser that fails is an error naming it, never a PDF.
func TestBrowserFails(t *testing.T) {
	t.Setenv(EnvBrowser, "/bin/false")
	if _, err := Print(context.Background(), []byte("<p>x</p>")); err == nil || !strings.Contains(err.Error(), "false failed") {
		t.Fatalf("Print with /bin/false: %v", err)
	}
}

// With a browser, a page prints to a one-page PDF.
func TestPrint(t *testing.T) {
	if Browser() == "" {
		t.Skip("no Chromium found (apt-get install chromium, or set PARLEY_CHROMIUM); .ci/run installs it")
	}
	pdf, err := Print(context.Background(), []byte("<!DOCTYPE html><title>t</title><p>One page.</p>"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") || Pages(pdf) != 1 {
		t.Errorf("PDF of %d bytes, %d pages, want one page", len(pdf), Pages(pdf))
	}
}
