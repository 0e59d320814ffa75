package cli

import (
	"bytes"
	"strings"
	"testing"

	"parley/answer"
)

// An advice stored before it carried HeadText is headed by ask's
// AdviseHead, the words every door prints, not by a twin composed here
// ("model compromise (grid)" and "%.3f" where AdviseHead writes "method
// grid" and the utility as every door does).
func TestAdviseHeadOfStoredAnswer(t *testing.T) {
	a := &answer.Advice{Actor: "a", Name: "Alpha", Model: "nash", Method: "grid", Utility: 0.5}
	var b bytes.Buffer
	adviseTable(&b, a, 0, 200)
	if want := "Advice for Alpha (a), model nash, method grid; its utility at the forecast 0.500"; !strings.Contains(b.String(), want) {
		t.Errorf("head of a stored advice:\n%s\nwant %q", b.String(), want)
	}
}
