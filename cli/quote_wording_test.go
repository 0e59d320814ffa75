package cli

import (
	"strings"
	"testing"
)

// misquoteMessage is what every door says of testdata/misquote/case.yaml's
// first quote ("patrol ships", where minutes.txt says "patrol boats" on its
// second line): what it speaks for, the source with the file and line of
// the nearest passage, and that passage.
const misquoteMessage = "north on quota: quote not found in source minutes (minutes.txt:2): nearest passage “keep its patrol boats out of the bay”" +
	" (valid: the source's words exactly, white space, quote marks, dashes and soft hyphens aside (docs/format.md))"

// Validate (which refuses the quote) and the answers (which warn of it)
// word a quote not found the same, with the source file's line. Validate,
// the command meant for fixing the file, used to leave the line out and
// say "did you mean …" where the answers said "nearest passage …".
func TestMisquoteSameAtValidateAndAnswers(t *testing.T) {
	const at = "testdata/misquote/case.yaml:19:97: "
	const path = "stances[0].evidence[0].quote: "
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"validate", "testdata/misquote/case.yaml"}, 3, at + path + misquoteMessage},
		{[]string{"forecast", "testdata/misquote/case.yaml"}, 0, at + "warning: " + path + misquoteMessage},
		{[]string{"sweep", "testdata/misquote/case.yaml"}, 0, at + "warning: " + path + misquoteMessage},
	} {
		_, stderr, code := run(t, c.args...)
		if code != c.code || !strings.Contains(stderr, c.want+"\n") {
			t.Errorf("%v: exit %d (want %d), stderr\n%s\nwant the line\n%s", c.args, code, c.code, stderr, c.want)
		}
	}
}
