package errs

import (
	"errors"
	"fmt"
	"testing"
)

// TestFieldOf: the field of a refusal is found through wrapping, a
// deeper refusal's field is kept by InField, and an error of no field
// has "".
func TestFieldOf(t *testing.T) {
	rho := Field("rho", "rho %v: valid: a number > 0", 20.0)
	unknown := New(Argument, "unknown model %q", "nope")
	for _, c := range []struct {
		err  error
		want string
	}{
		{nil, ""},
		{errors.New("plain"), ""},
		{unknown, ""},
		{rho, "rho"},
		{fmt.Errorf("deal: %w", rho), "rho"},
		{Wrap(Argument, rho), "rho"},
		{errors.Join(unknown, rho), "rho"},
		{InField("models", unknown), "models"},
		{fmt.Errorf("x: %w", InField("models", unknown)), "models"},
		{InField("rest", rho), "rho"},
	} {
		if got := FieldOf(c.err); got != c.want {
			t.Errorf("FieldOf(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	in := InField("models", unknown)
	if CodeOf(in) != Argument || in.Error() != `unknown model "nope"` || !errors.Is(in, unknown) {
		t.Errorf("InField: code %s, %q", CodeOf(in), in)
	}
	if InField("x", nil) != nil {
		t.Error("InField of nil is not nil")
	}
	if CodeOf(rho) != Argument || rho.Error() != "rho 20: valid: a number > 0" {
		t.Errorf("Field: code %s, %q", CodeOf(rho), rho)
	}
}
