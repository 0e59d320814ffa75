package deal

import (
	"math"
	"testing"

	"parley/scenario"
)

// meet puts a value that crosses a closed red line by less than the
// scale shows (0.05 on 0–100) onto the line, unless a required actor
// needs the crossing. One issue on 0–100; a at 30 (salience 1) with the
// red line "<= 40", b at 70 (salience 1). U_a = 1 − |x − 30|/100,
// U_b = 1 − |70 − x|/100.
func TestMeet(t *testing.T) {
	p := problem([]float64{1, 1}, [][]float64{{30}, {70}}, [][]float64{{1}, {1}})
	for _, c := range []struct {
		name      string
		x         float64 // the package's value
		resB      float64 // b's reservation (NaN: none)
		want      float64
		wantBends int
	}{
		// 40.03 crosses by 0.03 < 0.05: put on 40; b's utility falls
		// from 0.7003 to 0.7, above its reservation 0.5.
		{"a crossing finer than the scale shows is met", 40.03, 0.5, 40, 0},
		// b needs U_b ≥ 0.7003 (x ≥ 40.03): the crossing is needed
		// and stays a bend of 0.03.
		{"a crossing a required actor needs stays", 40.03, 0.7003, 40.03, 1},
		// 40.06 crosses by more than the scale shows: a bend.
		{"a crossing the scale shows stays", 40.06, 0.5, 40.06, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &Input{Problem: p, RedLines: []map[int]scenario.RedLine{{0: redLine(t, "<= 40")}, nil}, Reservation: []float64{math.NaN(), c.resB}}
			sp, err := newSpace(in, 1)
			if err != nil {
				t.Fatal(err)
			}
			s := &searcher{in: in, sp: sp, req: []int{0, 1}, fixed: map[int]float64{}, res: &Result{}}
			fr := newFrame(sp, s.req, s.fixed, []float64{0}, []float64{1}, nil, nil)
			bs := s.bounds()
			y := s.meet(fr, []float64{sp.norm(0, c.x)}, bs)
			if got := sp.denorm(0, y[0]); math.Abs(got-c.want) > 1e-9 {
				t.Errorf("value %v, want %v", got, c.want)
			}
			if got := len(s.bendsAt(bs, fr.full(y))); got != c.wantBends {
				t.Errorf("%d bends, want %d", got, c.wantBends)
			}
		})
	}
}
