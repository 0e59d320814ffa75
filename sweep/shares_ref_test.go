package sweep

import (
	"context"
	"math"
	"math/rand/v2"
	"reflect"
	"sort"
	"sync/atomic"
	"testing"

	"parley/parallel"
)

// bootSharesPlain is bootShares as first written (mc17): each resample
// goes through every draw, taken or not, once for the bins' sizes and
// once more for each issue. bootShares must give the same bits.
func bootSharesPlain(ctx context.Context, binOf [][]uint8, ys [][]float64, seed uint64, R, workers int) ([][][]float64, error) {
	if len(ys) == 0 || len(ys[0]) < MinSensitivityDraws {
		return nil, nil
	}
	n := len(ys[0])
	N := float64(n)
	reps := make([][][]float64, R)
	var next atomic.Int64
	parallel.Run(max(1, min(workers, R)), func(int) {
		cnt := make([]float64, n)
		cy := make([][]float64, len(ys)) // by issue, cnt[i]·y[i]
		for k := range cy {
			cy[k] = make([]float64, n)
		}
		var sum, size, sq [256]float64
		for {
			r := int(next.Add(1) - 1)
			if r >= R || ctx.Err() != nil {
				return
			}
			clear(cnt)
			rng := rand.New(rand.NewPCG(seed, shareStream+uint64(r)))
			for range n {
				cnt[rng.IntN(n)]++
			}
			var c2 float64
			for _, c := range cnt {
				c2 += c * c
			}
			out := make([][]float64, len(ys))
			mv := make([][2]float64, len(ys)) // by issue, the resample's mean and variance
			for k, y := range ys {
				out[k] = make([]float64, len(binOf))
				mv[k] = countedMomentsPlain(cnt, y)
				for i, v := range y {
					cy[k][i] = cnt[i] * v
				}
			}
			for j, bj := range binOf {
				clear(size[:])
				clear(sq[:])
				for i, b := range bj {
					size[b] += cnt[i]
					sq[b] += cnt[i] * cnt[i]
				}
				var noise float64
				for b := range size {
					if size[b] > 0 {
						noise += sq[b] / size[b]
					}
				}
				noise = noise/N - c2/(N*N)
				for k := range ys {
					my, vy := mv[k][0], mv[k][1]
					if vy < 1e-24*(1+my*my) {
						continue // 0, as firstOrderRaw gives it
					}
					clear(sum[:])
					for i, b := range bj {
						sum[b] += cy[k][i]
					}
					var between float64
					for b := range size {
						if size[b] > 0 {
							m := sum[b] / size[b]
							between += size[b] * (m - my) * (m - my)
						}
					}
					out[k][j] = (between/N/vy - noise) / (1 - noise)
				}
			}
			reps[r] = out
		}
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return reps, nil
}

// binsOfPlain is binsOf as first written: a stable sort of the draws'
// indices on x. binsOf must give the same bins, in the same order.
func binsOfPlain(x []float64) [][]int {
	n := len(x)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return x[idx[a]] < x[idx[b]] })
	b := max(2, min(50, int(math.Sqrt(float64(n)))))
	var out [][]int
	for i := 0; i < b; i++ {
		if lo, hi := i*n/b, (i+1)*n/b; hi > lo {
			out = append(out, idx[lo:hi])
		}
	}
	return out
}

// randomDraws makes n draws of nx inputs and ny issues from seed: inputs
// rounded to a tenth, so that many draws tie and the order of equal
// values matters; issue 0 constant (no variance: its shares are 0),
// the others of mixed sign and size, an input's effect plus noise.
func randomDraws(seed uint64, n, nx, ny int) (xs, ys [][]float64) {
	rng := rand.New(rand.NewPCG(seed, 7))
	xs = make([][]float64, nx)
	for j := range xs {
		xs[j] = make([]float64, n)
		for i := range xs[j] {
			xs[j][i] = math.Round(rng.Float64()*10) / 10
		}
	}
	ys = make([][]float64, ny)
	for k := range ys {
		ys[k] = make([]float64, n)
		for i := range ys[k] {
			if k > 0 {
				ys[k][i] = float64(k)*xs[k%nx][i]*37.5 - 20 + rng.NormFloat64()*math.Pow(10, float64(k%4-1))
			} else {
				ys[k][i] = 42.5
			}
		}
	}
	return xs, ys
}

// The bins and every resample's share are the same bits as the plain
// code's, on random draws of several shapes (few draws, many, more
// issues than inputs, ties), at one worker and at three.
func TestBootSharesSameAsPlain(t *testing.T) {
	shapes := []struct{ n, nx, ny, R int }{{4, 1, 1, 30}, {5, 2, 3, 20}, {37, 3, 2, 25}, {500, 5, 4, 20}, {2000, 4, 7, 12}, {2601, 2, 2, 5}, {300, 3, 8, 6}, {300, 3, 9, 6}, {700, 2, 17, 4}}
	for s, sh := range shapes {
		for _, seed := range []uint64{1, 99} {
			xs, ys := randomDraws(seed+uint64(s), sh.n, sh.nx, sh.ny)
			binned, plainBinned := make([][]uint8, sh.nx), make([][]uint8, sh.nx)
			for j, x := range xs {
				bins, plain := binsOf(x), binsOfPlain(x)
				if !reflect.DeepEqual(bins, plain) {
					t.Fatalf("shape %v seed %d input %d: bins differ from the plain sort's", sh, seed, j)
				}
				binned[j], plainBinned[j] = binOf(bins, sh.n), binOf(plain, sh.n)
			}
			want, err := bootSharesPlain(context.Background(), plainBinned, ys, seed, sh.R, 2)
			if err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{1, 3} {
				got, err := bootShares(context.Background(), binned, ys, seed, sh.R, workers)
				if err != nil {
					t.Fatal(err)
				}
				if len(got) != len(want) {
					t.Fatalf("shape %v: %d resamples, want %d", sh, len(got), len(want))
				}
				for r := range want {
					for k := range want[r] {
						for j := range want[r][k] {
							if g, w := got[r][k][j], want[r][k][j]; math.Float64bits(g) != math.Float64bits(w) {
								t.Fatalf("shape %v seed %d workers %d: resample %d issue %d input %d: %v, plain %v", sh, seed, workers, r, k, j, g, w)
							}
						}
					}
				}
			}
		}
	}
}

// countedMomentsPlain is countedMoments as first written, through every
// draw.
func countedMomentsPlain(cnt, y []float64) [2]float64 {
	N := float64(len(y))
	var my, vy float64
	for i, v := range y {
		my += cnt[i] * v
	}
	my /= N
	for i, v := range y {
		vy += cnt[i] * (v - my) * (v - my)
	}
	return [2]float64{my, vy / N}
}

// binsOf's bins are the plain stable sort's, draws of equal values (and
// −0 beside +0) in the order of the draws, at any sign and size.
func TestBinsOfSameAsPlain(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{4, 5, 9, 100, 2000, 2601} {
		for _, scale := range []float64{1, 1e-300, 1e300} {
			x := make([]float64, n)
			for i := range x {
				switch rng.IntN(6) {
				case 0:
					x[i] = 0
				case 1:
					x[i] = math.Copysign(0, -1)
				case 2:
					x[i] = math.Round(rng.NormFloat64()*3) * scale // many ties
				default:
					x[i] = rng.NormFloat64() * scale
				}
			}
			if got, want := binsOf(x), binsOfPlain(x); !reflect.DeepEqual(got, want) {
				t.Errorf("%d draws at scale %g: bins %v, plain %v", n, scale, got, want)
			}
		}
	}
	if got, want := binsOf([]float64{2, 2, 2, 2, 2}), [][]int{{0, 1}, {2, 3, 4}}; !reflect.DeepEqual(got, want) {
		t.Errorf("equal draws: bins %v, want %v", got, want)
	}
}
