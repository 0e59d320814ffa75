package scenariofile

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// plainDecimal reads every number it takes as yaml's Decode does, bit for
// bit, and leaves the other spellings to Decode: a table of edge cases
// and 20,000 random decimals, each parsed as a YAML document.
func TestPlainDecimalIsDecode(t *testing.T) {
	cases := []string{
		"0", "-0", "0.0", "-0.0", "50", "-12", "0.8", ".5", "-.5", "5.", "-5.",
		"017", "-017", "08", "0.017", "00.5", "1_000", "0x1F", "0o17", "1e3",
		"+5", "9007199254740993", "18446744073709551617", "123456789012345678901234567890",
		"1.7976931348623157", "2.2250738585072014e-308", ".inf", "-.Inf", ".nan",
		"1.2.3", ".", "1-2", "'5'", `"5"`, "!!str 5", "!!float 5", "!!int 7",
		"0.1000000000000000055511151231257827", "4.9406564584124654e-324",
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		digits := 1 + r.IntN(20)
		var b strings.Builder
		if r.IntN(3) == 0 {
			b.WriteByte('-')
		}
		dot := r.IntN(digits + 2)
		for i := range digits {
			if i == dot {
				b.WriteByte('.')
			}
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		cases = append(cases, b.String())
	}
	taken := 0
	for _, c := range cases {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+c), &doc); err != nil {
			t.Fatalf("%q: %v", c, err)
		}
		n := doc.Content[0].Content[1]
		got, ok := plainDecimal(n)
		var want float64
		err := n.Decode(&want)
		if !ok {
			continue
		}
		taken++
		if err != nil || math.Float64bits(got) != math.Float64bits(want) {
			t.Errorf("%q: plainDecimal %v (%x), Decode %v (%x, %v)", c, got, math.Float64bits(got), want, math.Float64bits(want), err)
		}
	}
	for _, c := range []string{"017", "-017", "1_000", "0x1F", "'5'", "!!float 5", ".inf", "1e3"} {
		var doc yaml.Node
		yaml.Unmarshal([]byte("v: "+c), &doc)
		if _, ok := plainDecimal(doc.Content[0].Content[1]); ok {
			t.Errorf("%q taken; it is Decode's to read", c)
		}
	}
	if taken < 15000 {
		t.Errorf("only %d of %d spellings read directly", taken, len(cases))
	}
	t.Log(fmt.Sprint(taken, " of ", len(cases), " read directly, each as Decode reads it"))
}
