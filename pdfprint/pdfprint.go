// Package pdfprint prints a self-contained HTML page to PDF with a headless
// Chromium (or Chrome), the browser the project's end-to-end tests already
// use. It runs the browser as a separate process with its own throw-away
// profile, with every network request refused (the pages it prints carry
// no reference to anything outside themselves), and bounded by the
// caller's context. Parley has no PDF writer of its own: the browser's
// print engine lays the brief out with the page's print styles, as a user
// printing from a browser would get.
package pdfprint

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"parley/errs"
)

// EnvBrowser names the environment variable that gives the browser's path
// when it is not on PATH under one of Names.
const EnvBrowser = "PARLEY_CHROMIUM"

// Names are the browser binaries looked for on PATH, in order.
var Names = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"}

// MaxBytes bounds the PDF read back from the browser (a one-page brief is
// tens of kilobytes).
const MaxBytes = 32 << 20

// Browser returns the path of the browser to print with: $PARLEY_CHROMIUM,
// else the first of Names on PATH, else "".
func Browser() string {
	if p := os.Getenv(EnvBrowser); p != "" {
		return p
	}
	for _, name := range Names {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// ErrNoBrowser is returned (wrapped, with the advice a person needs) when
// no browser is found.
var ErrNoBrowser = errors.New("no Chromium or Chrome found")

// Print returns the PDF of the HTML page. It needs a browser (Browser);
// without one the error says how to install one or which other format to
// choose. The page is laid out on A4 unless its CSS sets @page size.
func Print(ctx context.Context, page []byte) ([]byte, error) {
	bin := Browser()
	if bin == "" {
		return nil, &errs.Error{Code: errs.Argument, Err: ErrNoBrowser, Message: fmt.Sprintf(
			"PDF: %v on PATH (looked for %s) and %s is not set; valid: install Chromium (e.g. apt-get install chromium) or set %s to a Chrome binary, or choose HTML or Markdown and print from a browser",
			ErrNoBrowser, strings.Join(Names, ", "), EnvBrowser, EnvBrowser)}
	}
	dir, err := os.MkdirTemp("", "parley-pdf-")
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.pdf")
	if err := os.WriteFile(in, page, 0o600); err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	args := []string{
		"--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--disable-background-networking", "--disable-sync",
		"--disable-component-update", "--disable-quic",
		"--user-data-dir=" + filepath.Join(dir, "profile"),
		// No request leaves the machine: every host name fails to resolve
		// and every proxied connection goes to a closed port.
		"--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
		"--no-pdf-header-footer", "--print-to-pdf-no-header",
		"--print-to-pdf=" + out,
	}
	if os.Geteuid() == 0 {
		// Chromium refuses to start as root with its sandbox on (CI
		// containers run as root).
		args = append(args, "--no-sandbox")
	}
	args = append(args, "file://"+in)
	cmd := exec.CommandContext(ctx, bin, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, errs.New(errs.Internal, "PDF: the browser did not finish printing (%v); valid: try again, or choose HTML and print from a browser", ctx.Err())
		}
		return nil, errs.New(errs.Internal, "PDF: %s failed: %v: %s", filepath.Base(bin), err, lastLines(stderr.String(), 3))
	}
	st, err := os.Stat(out)
	if err != nil {
		return nil, errs.New(errs.Internal, "PDF: %s wrote no PDF: %s", filepath.Base(bin), lastLines(stderr.String(), 3))
	}
	if st.Size() > MaxBytes {
		return nil, errs.New(errs.Internal, "PDF: the browser wrote %d bytes, over the %d-byte limit", st.Size(), MaxBytes)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		return nil, errs.New(errs.Internal, "PDF: %s wrote a file that is not a PDF", filepath.Base(bin))
	}
	return pdf, nil
}

// Pages counts the pages of a PDF by its page objects (/Type /Page, not
// /Pages): enough for the PDFs Chromium writes, whose page objects are not
// compressed into object streams.
func Pages(pdf []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.Index(pdf[i:], []byte("/Type"))
		if j < 0 {
			return n
		}
		i += j + len("/Type")
		rest := bytes.TrimLeft(pdf[i:], " \r\n\t")
		if bytes.HasPrefix(rest, []byte("/Page")) && !bytes.HasPrefix(rest, []byte("/Pages")) {
			n++
		}
	}
}

// lastLines returns the last n non-empty lines of s, joined by " | ".
func lastLines(s string, n int) string {
	var ls []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			ls = append(ls, l)
		}
	}
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	if len(ls) == 0 {
		return "(no message)"
	}
	return strings.Join(ls, " | ")
}
