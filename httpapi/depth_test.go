package httpapi_test

import (
	"strings"
	"testing"

	"parley/httpapi"
)

// A request body nested deeper than encoding/json takes (10,000 arrays
// and objects) is refused with a message that names the limit and what
// is valid, not encoding/json's bare "exceeded max depth".
func TestBodyNestedTooDeep(t *testing.T) {
	e := newEnv(t, httpapi.Options{})
	v := e.create(small(t))
	for _, c := range []struct {
		name  string
		depth int
		code  int
	}{
		{"at the limit", 10000, 400}, // decoded, then refused as not a list of model names
		{"a level past it", 10001, 400},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := `{"models":` + strings.Repeat("[", c.depth-1) + strings.Repeat("]", c.depth-1) + `}`
			var b errBody
			e.want(e.do("POST", "/api/scenarios/"+v.ID+"/forecast", body), c.code).json(t, &b)
			deep := strings.Contains(b.Error, "nested")
			if want := c.depth > 10000; deep != want || strings.Contains(b.Error, "exceeded max depth") {
				t.Errorf("%d levels: %q; want a refusal for nesting %v, naming the limit and what is valid", c.depth, b.Error, want)
			}
			if deep {
				for _, w := range []string{"10000", "valid:"} {
					if !strings.Contains(b.Error, w) {
						t.Errorf("%d levels: %q does not name %q", c.depth, b.Error, w)
					}
				}
			}
		})
	}
}
