package ask

import (
	"context"
	"strings"
	"testing"

	"parley/errs"
	"parley/ingest"
)

// Ingest reads text: a PDF, a file with a NUL byte or one that is not
// UTF-8 is refused, naming the file and the first byte that is not text;
// a valid document (accents and curly quotes included) is read.
func TestIngestRefusesWhatIsNotText(t *testing.T) {
	in, err := BuiltIn()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		data, want string
	}{
		{"%PDF-1.7\n...", "a.txt: a PDF file, which ingest does not read"},
		{"Ukraine said\x00", "a.txt: not text (a NUL byte at byte 13)"},
		{"Kyiv \xe9tait", "a.txt: not UTF-8 text at byte 6"},
	} {
		_, err := Ingest(context.Background(), in, []ingest.Document{{Name: "a.txt", Data: []byte(c.data)}}, 0)
		if err == nil || errs.CodeOf(err) != errs.Invalid || !strings.HasPrefix(err.Error(), c.want) || !strings.Contains(err.Error(), "valid: plain text, Markdown or HTML in UTF-8") {
			t.Errorf("%q: %v, want %q", c.data, err, c.want)
		}
	}
	if _, err := Ingest(context.Background(), in, []ingest.Document{{Name: "a.txt", Data: []byte("Kyiv était « d’accord » on the ceasefire.")}}, 0); err != nil {
		t.Errorf("a UTF-8 document: %v", err)
	}
}
