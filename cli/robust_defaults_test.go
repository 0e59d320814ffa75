package cli

import (
	"strings"
	"testing"
)

// TestDefaultsShown: a flag's default is shown as its value, read from
// the one place it lives: deal's -n said "(0: 500)" where every other
// flag says "(default N)" (answer.DefaultRobustDraws is 500), brief's and
// export's --snapshot showed none where every other command's says
// "latest" (answer.DefaultSnapshot).
func TestDefaultsShown(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"deal", "evaluate", "--help"}, `draws of the robust analysis (default 500)`},
		{[]string{"deal", "search", "--help"}, `draws of the robust analysis (default 500)`},
		{[]string{"brief", "--help"}, `"base" (no snapshot) or "latest" (default "latest")`},
		{[]string{"export", "--help"}, `"base" (no snapshot) or "latest" (default "latest")`},
	} {
		out, _, code := run(t, c.args...)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d; lacks %q:\n%s", c.args, code, c.want, out)
		}
	}
}
