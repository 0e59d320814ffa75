package smp

import (
	"context"

	"parley/errs"
	"parley/model"
)

// Bargain is one bargain struck in a turn (spec §1.8–1.9): Init's best
// challenge was Rcvr, it expected to win with probability Phi (P_I) and to
// gain Gain (Δ of E(i,i,i,j), eq. 1.7) by it, and the bargain offers Init
// the position BI and Rcvr the position BR, one value per issue, on each
// issue's own scale.
type Bargain struct {
	Init, Rcvr int // indices into Problem.Actors
	Phi, Gain  float64
	BI, BR     []float64
}

// Option is one entry of an actor's list of options in a turn (spec §1.10,
// L_k): its status quo or a bargain it is party to, with the probability
// the probabilistic Condorcet election over the list gives it.
type Option struct {
	// Bargain indexes Turn.Bargains; −1 is the status quo.
	Bargain int
	Prob    float64
	// Chosen marks the option the actor took (the first of the most
	// probable).
	Chosen bool
}

// Choice is one actor's options in a turn; actors party to no bargain
// keep their status quo and have none.
type Choice struct {
	Actor   int // index into Problem.Actors
	Options []Option
}

// Turn is one step of the model, from state Turn−1 to state Turn.
type Turn struct {
	Turn     int
	Bargains []Bargain
	Choices  []Choice
}

// Turns replays the run res (m.Forecast on p; its Detail holds every
// state's positions, with or without NoTrace) turn by turn from the
// recorded positions and returns the bargains of each turn and every
// actor's options with their probabilities. The run's own loop is
// untouched; a turn depends on its positions alone, so the replay is the
// run (the test checks that the chosen options give the next state's
// positions exactly).
func (m Model) Turns(ctx context.Context, p *model.Problem, res *model.Result) ([]Turn, error) {
	det, ok := res.Detail.(*Detail)
	if !ok {
		return nil, errs.New(errs.Internal, "smp: Turns needs an smp result")
	}
	if err := m.check(); err != nil {
		return nil, err
	}
	in := mapProblem(p)
	n, d := len(in.active), len(p.Issues)
	if n == 0 || len(det.Positions) < 2 {
		return nil, nil
	}
	if len(det.Active) != n {
		return nil, errs.New(errs.Internal, "smp: Turns needs the result of the same problem")
	}
	back := func(k int, v float64) float64 { is := p.Issues[k]; return float64(v*(is.Max-is.Min)) + is.Min }
	var out []Turn
	for t := 0; t+1 < len(det.Positions); t++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e := newEngine(m, in.c, in.s, det.Positions[t], n, d)
		e.setup()
		target, phi := make([]int, n), make([]float64, n)
		e.challenges(ctx, target, phi)
		bs := e.bargains(target, phi)
		tu := Turn{Turn: t + 1}
		for _, b := range bs {
			_, gain := e.evalE(b.init, b.init, b.init, b.rcvr)
			bg := Bargain{Init: in.active[b.init], Rcvr: in.active[b.rcvr], Phi: phi[b.init], Gain: gain,
				BI: make([]float64, d), BR: make([]float64, d)}
			for k := 0; k < d; k++ {
				bg.BI[k], bg.BR[k] = back(k, b.bI[k]), back(k, b.bR[k])
			}
			tu.Bargains = append(tu.Bargains, bg)
		}
		for k, opts := range e.options(bs) {
			if len(opts) > 1 {
				tu.Choices = append(tu.Choices, Choice{Actor: in.active[k], Options: opts})
			}
		}
		out = append(out, tu)
	}
	return out, nil
}

// options is resolve (spec §1.10) keeping what resolve throws away: for
// each actor k its list L_k (status quo, its own bargains, then those it
// receives by initiator) with each option's PCE probability and the
// option it takes.
func (e *engine) options(bs []bargain) [][]Option {
	n, d := e.n, e.d
	out := make([][]Option, n)
	fn := float64(n)
	sq := e.statusQuoValues()
	ub := make([]float64, len(bs)*n)
	for bi, b := range bs {
		for a := 0; a < n; a++ {
			xa, sa := e.x[a*d:a*d+d], e.s[a*d:a*d+d]
			sum := util(dist(xa, b.bI, sa, e.ss2[a]), e.R[a])
			sum += util(dist(xa, b.bR, sa, e.ss2[a]), e.R[a])
			for l, v := range e.uDiag[a*n : a*n+n] {
				if l != b.init && l != b.rcvr {
					sum += v
				}
			}
			ub[bi*n+a] = sum / fn
		}
	}
	lists, at := optionLists(nil, nil, bs, n)
	for k := 0; k < n; k++ {
		opts := lists[at[k]:at[k+1]]
		m := len(opts)
		if m == 1 {
			out[k] = []Option{{Bargain: -1, Prob: 1, Chosen: true}}
			continue
		}
		uo := make([]float64, m*n)
		for o, bi := range opts {
			if bi < 0 {
				copy(uo[o*n:o*n+n], sq)
			} else {
				copy(uo[o*n:o*n+n], ub[bi*n:bi*n+n])
			}
		}
		prob := make([]float64, m)
		pce(e.o.Vote, e.o.PCE, e.c, uo, n, m, prob, make([]float64, m*m), e.workers)
		best := 0
		for o := 1; o < m; o++ {
			if prob[best] < prob[o] {
				best = o
			}
		}
		for o, bi := range opts {
			out[k] = append(out[k], Option{Bargain: bi, Prob: prob[o], Chosen: o == best})
		}
	}
	return out
}
