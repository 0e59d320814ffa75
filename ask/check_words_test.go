package ask

import (
	"context"
	"math"
	"strings"
	"testing"

	"parley/answer"
	"parley/errs"
)

// The checks of a request's fields say the field, the value and what is
// valid, in one style ("FIELD VALUE: valid: …"): batna's list has its
// own default (auto), rest's does not; rounds and max_rounds are named
// one at a time; ρ has an upper bound (answer.MaxRho); advise's step
// reads as the others.
func TestCheckWords(t *testing.T) {
	models := strings.Join(ModelNames(), ", ")
	deal := func(f func(*answer.DealEvaluateRequest)) answer.DealEvaluateRequest {
		r := answer.NewDealEvaluateRequest()
		f(&r)
		return r
	}
	fc := func(f func(*answer.Run)) answer.ForecastRequest {
		r := answer.NewForecastRequest()
		f(&r.Run)
		return r
	}
	adv := answer.NewAdviseRequest()
	adv.Actor, adv.Step = "a", 0
	for _, c := range []struct {
		req  any
		want string
	}{
		{deal(func(r *answer.DealEvaluateRequest) { r.Batna = "xyz" }), `batna "xyz": valid: auto, reference, none, model:NAME (models: ` + models + ")"},
		{deal(func(r *answer.DealEvaluateRequest) { r.Rest = "auto" }), `rest "auto": valid: reference, none, model:NAME (models: ` + models + ")"},
		{deal(func(r *answer.DealEvaluateRequest) { r.Rho = 1e308 }), "rho 1e+308: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{deal(func(r *answer.DealEvaluateRequest) { r.Rho = 0 }), "rho 0: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{deal(func(r *answer.DealEvaluateRequest) { r.Rho = math.Inf(1) }), "rho +Inf: valid: a number > 0 and ≤ 10 (1 is linear loss)"},
		{fc(func(r *answer.Run) { r.Rounds = 99999999999 }), "rounds 99999999999: valid: a whole number from 0 to 10000"},
		{fc(func(r *answer.Run) { r.Rounds, r.MaxRounds = 5, -1 }), "max_rounds -1: valid: a whole number from 0 to 10000"},
		{adv, "step 0: valid: a number > 0 and ≤ 1 (a share of the scale; a salience change)"},
	} {
		err := Check(c.req)
		if err == nil || err.Error() != c.want || errs.CodeOf(err) != errs.Argument {
			t.Errorf("%T: %v (%s), want %q", c.req, err, errs.CodeOf(err), c.want)
		}
	}
	// Every word batna's error lists is accepted; ρ at the limit is too.
	for _, b := range []string{"auto", "reference", "none", "model:compromise"} {
		if err := Check(deal(func(r *answer.DealEvaluateRequest) { r.Batna = b })); err != nil {
			t.Errorf("batna %s: %v", b, err)
		}
	}
	if err := Check(deal(func(r *answer.DealEvaluateRequest) { r.Rho = answer.MaxRho })); err != nil {
		t.Errorf("rho %v: %v", answer.MaxRho, err)
	}
	if d := answer.NewDefaults(); d.Limits.MaxRho != answer.MaxRho || answer.MaxRho != 10 {
		t.Errorf("GET /api/defaults' max_rho %v, answer.MaxRho %v; want both 10", d.Limits.MaxRho, answer.MaxRho)
	}
}

// TestPackageSpecWordsBeyondCheck: a no-deal or rest package that reaches
// the deal's setup unchecked is refused with the same valid words as
// Check gives, from the same lists; its fallback listed "reference,
// model:NAME" alone, without auto (batna's default) and none.
func TestPackageSpecWordsBeyondCheck(t *testing.T) {
	c := builtinCase(t)
	models := strings.Join(ModelNames(), ", ")
	for _, x := range []struct{ field, want string }{
		{"batna", `batna "xyz": valid: auto, reference, none, model:NAME (models: ` + models + ")"},
		{"rest", `rest "xyz": valid: reference, none, model:NAME (models: ` + models + ")"},
	} {
		_, _, _, err := c.packageFrom(context.Background(), "xyz", x.field, settings{})
		if err == nil || err.Error() != x.want {
			t.Errorf("%s: %v, want %q", x.field, err, x.want)
		}
	}
}
