package exchange

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"parley/gen"
	"parley/model"
)

// The heap selection realises exactly the exchanges of the slice
// selection, in the same order with the same numbers, round after round:
// generated problems of up to 60 actors, in float and exact arithmetic
// and in the randomised variant (whose draws follow the order of
// recalculation), coarse ones where many gains tie, and Decide's three
// inputs. The results are compared as JSON, every round's positions and
// every realised exchange included.
func TestHeapSelectionEqualsSlice(t *testing.T) {
	var realised int
	for _, c := range []struct {
		actors, issues int
		seed           uint64
		m              Model
	}{
		{12, 4, 1, Model{}},
		{30, 5, 2, Model{}},
		{60, 4, 3, Model{}},
		{40, 6, 4, Model{Randomize: 0.3}},
		{10, 4, 5, Model{Exact: true}},
	} {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: c.actors, Issues: c.issues, Seed: c.seed}))
		if err != nil {
			t.Fatal(err)
		}
		realised += sameSelections(t, p, c.m, model.Options{Rounds: 6, Seed: 7}, fmt.Sprintf("%d × %d (seed %d)", c.actors, c.issues, c.seed))
	}
	// Coarse inputs (positions on 0, 10, …, 100, saliences in quarters,
	// capabilities 1–3) make many gains equal, so that the order among
	// equal gains — the list position — decides often.
	rng := rand.New(rand.NewPCG(9, 10))
	for s := range 6 {
		p := coarseProblem(rng, 25)
		for _, m := range []Model{{}, {Exact: true}} {
			realised += sameSelections(t, p, m, model.Options{Rounds: 4}, fmt.Sprint("coarse problem ", s))
		}
	}
	// Decide's own inputs (whose goldens ran the slice until the heap
	// served every size)
	for _, f := range []string{"copenhagen.csv", "sample_data.txt", "cop21_paris_2015_decide.tsv"} {
		p := load(t, f)
		for _, m := range []Model{{}, {Exact: true}} {
			realised += sameSelections(t, p, m, model.Options{}, f)
		}
	}
	t.Logf("%d realised exchanges compared", realised)
	if realised < 1000 {
		t.Errorf("only %d realised exchanges: too few to compare", realised)
	}
}

// coarseProblem is n actors on 4 issues with coarse inputs: positions on
// 0, 10, …, 100, saliences in quarters, capabilities 1–3.
func coarseProblem(rng *rand.Rand, n int) *model.Problem {
	p := &model.Problem{}
	for k := range 4 {
		p.Issues = append(p.Issues, model.Issue{ID: fmt.Sprint("i", k), Min: 0, Max: 100})
	}
	for i := range n {
		p.Actors = append(p.Actors, model.Actor{ID: fmt.Sprint("a", i), Capability: float64(1 + rng.IntN(3))})
		row := make([]model.Stance, 4)
		for k := range row {
			row[k] = model.Stance{Present: true, Position: float64(10 * rng.IntN(11)), Salience: float64(1+rng.IntN(4)) / 4}
		}
		p.Stances = append(p.Stances, row)
	}
	return p
}

// sameSelections runs m on p with the heap and with the slice, reports
// any difference in their results, and returns how many exchanges were
// realised.
func sameSelections(t *testing.T, p *model.Problem, m Model, o model.Options, what string) int {
	t.Helper()
	hm, sm := m, m
	hm.selection, sm.selection = byHeap, bySlice
	heap, err := hm.Forecast(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	slice, err := sm.Forecast(context.Background(), p, o)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(heap)
	b, _ := json.Marshal(slice)
	if string(a) != string(b) {
		t.Errorf("%s (%+v): the heap selection's result differs from the slice's", what, m)
	}
	n := 0
	for _, rd := range heap.Detail.(*Detail).Rounds {
		n += len(rd.Exchanges)
	}
	return n
}

// Recalculating a realised exchange's batch on several goroutines
// (recalcShared) changes nothing: with 1, 2 and 3 workers the forecasts,
// every round's positions and NBS values and every realised exchange with
// its moves, gains and NBS probes are the same, bit for bit (compared as
// JSON, whose numbers are the shortest round-trip forms, and by digest),
// in float and exact arithmetic, on generated problems whose batches are
// large enough to take the parallel path (checked: the engine counts the
// batches it recalculated in parallel).
func TestParallelRecalculationEqualsSequential(t *testing.T) {
	for _, c := range []struct {
		actors, issues int
		seed           uint64
		m              Model
		rounds         int
	}{
		{60, 6, 11, Model{}, 6},
		{90, 4, 12, Model{}, 4},
		{60, 6, 13, Model{Exact: true}, 2},
	} {
		what := fmt.Sprintf("%d × %d (seed %d, exact %v)", c.actors, c.issues, c.seed, c.m.Exact)
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: c.actors, Issues: c.issues, Seed: c.seed}))
		if err != nil {
			t.Fatal(err)
		}
		m := c.m
		m.selection, m.perWorker = byHeap, 16
		var want []byte
		var wantDigest string
		for _, w := range []int{1, 2, 3} {
			r, err := m.Forecast(context.Background(), p, model.Options{Rounds: c.rounds, Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(r)
			if w == 1 {
				want, wantDigest = got, digest(t, r)
				continue
			}
			if string(got) != string(want) || digest(t, r) != wantDigest {
				t.Errorf("%s: %d workers' result differs from one worker's", what, w)
			}
		}
		// the parallel path was taken, in the first round already
		var batches int
		if c.m.Exact {
			e := newEngine[dec](&exactArith{}, p)
			e.selection, e.workers, e.perWorker = byHeap, 2, 16
			if _, err := e.round(context.Background()); err != nil {
				t.Fatal(err)
			}
			batches = e.batches
		} else {
			e := newEngine64(floatArith{}, p)
			e.selection, e.workers, e.perWorker = byHeap, 2, 16
			if _, err := e.round(context.Background()); err != nil {
				t.Fatal(err)
			}
			batches = e.batches
		}
		if batches == 0 {
			t.Errorf("%s: no batch was recalculated in parallel: the test compares nothing", what)
		}
		t.Logf("%s: %d batches in parallel in round 1", what, batches)
	}
}

// The selection's batches read and recalculated in parts on the workers
// (recalcShared) and the heap's tables built by calcList's workers
// (buildTables) change nothing: with both forced on small problems
// (parts of 16 list entries, lists of 64 candidates a worker), the
// results with 2 and 3 workers are those of 1, bit for bit (JSON and
// digest), on random generated problems, on coarse ones (where equal
// gains make the list positions decide, and the positions the parts and
// the tables keep must be the sequential ones) and in exact arithmetic;
// on the coarse ones they are also the slice selection's. Each problem
// is checked to take both paths.
func TestSharedPathsEqualSequential(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 17))
	type tc struct {
		what  string
		p     *model.Problem
		exact bool
	}
	var cases []tc
	for range 4 {
		o := gen.Options{Actors: 30 + rng.IntN(40), Issues: 3 + rng.IntN(4), Seed: rng.Uint64()}
		p, err := model.FromScenario(gen.Scenario(o))
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, tc{fmt.Sprintf("generated %d × %d (seed %d)", o.Actors, o.Issues, o.Seed), p, false})
	}
	for n := range 3 {
		cases = append(cases, tc{fmt.Sprintf("coarse %d", n), coarseProblem(rng, 40+10*n), false})
	}
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 40, Issues: 4, Seed: 170}))
	if err != nil {
		t.Fatal(err)
	}
	cases = append(cases, tc{"generated 40 × 4 (seed 170), exact", p, true})
	for _, c := range cases {
		m := Model{Exact: c.exact, perWorker: 16, perList: 64}
		rounds := 3
		if c.exact {
			rounds = 1
		}
		var want []byte
		var wantDigest string
		for _, w := range []int{1, 2, 3} {
			r, err := m.Forecast(context.Background(), c.p, model.Options{Rounds: rounds, Workers: w})
			if err != nil {
				t.Fatal(err)
			}
			got, _ := json.Marshal(r)
			if w == 1 {
				want, wantDigest = got, digest(t, r)
				continue
			}
			if string(got) != string(want) || digest(t, r) != wantDigest {
				t.Errorf("%s: %d workers' result differs from one worker's", c.what, w)
			}
		}
		if !c.exact && c.what[:6] == "coarse" {
			sameSelections(t, c.p, m, model.Options{Rounds: rounds, Workers: 2}, c.what)
		}
		// both paths taken, in the first round already
		var batches, builds int
		if c.exact {
			e := newEngine[dec](&exactArith{}, c.p)
			e.workers, e.perWorker, e.perList = 2, 16, 64
			if _, err := e.round(context.Background()); err != nil {
				t.Fatal(err)
			}
			batches, builds = e.batches, e.builds
		} else {
			e := newEngine64(floatArith{}, c.p)
			e.workers, e.perWorker, e.perList = 2, 16, 64
			if _, err := e.round(context.Background()); err != nil {
				t.Fatal(err)
			}
			batches, builds = e.batches, e.builds
		}
		if batches == 0 || builds == 0 {
			t.Errorf("%s: %d batches shared, %d tables built on the workers: the test compares nothing", c.what, batches, builds)
		}
	}
}

// Renumbering the heap's positions (exchHeap.renumber, when a round's
// moves would take them past 32 bits) changes nothing: with the bound
// set so low that the heap renumbers after almost every realised
// exchange, the results are the slice selection's, bit for bit, on
// generated problems, on coarse ones (where equal gains make the
// positions decide) and in exact arithmetic.
func TestHeapRenumberingEqualsSlice(t *testing.T) {
	renumbered := 0
	for _, c := range []struct {
		actors, issues int
		seed           uint64
		m              Model
		maxPos         int32
	}{
		{30, 5, 21, Model{}, 300},
		{40, 4, 22, Model{}, 700},
		{12, 4, 23, Model{Exact: true}, 100},
	} {
		p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: c.actors, Issues: c.issues, Seed: c.seed}))
		if err != nil {
			t.Fatal(err)
		}
		m := c.m
		m.maxPos = c.maxPos
		renumbered += sameSelections(t, p, m, model.Options{Rounds: 4}, fmt.Sprintf("%d × %d (seed %d), positions within ±%d", c.actors, c.issues, c.seed, c.maxPos))
		// the bound was reached: the first round renumbered
		e := newEngine64(floatArith{}, p)
		e.heap.maxPos = c.maxPos
		if _, err := e.round(context.Background()); err != nil {
			t.Fatal(err)
		}
		if e.heap.renumbered == 0 {
			t.Errorf("%d × %d: the heap never renumbered: the test compares nothing", c.actors, c.issues)
		}
		if testing.Verbose() {
			t.Logf("%d × %d: %d renumberings in round 1", c.actors, c.issues, e.heap.renumbered)
		}
	}
	// coarse problems, where many gains tie and the positions decide
	rng := rand.New(rand.NewPCG(23, 24))
	for s := range 4 {
		p := coarseProblem(rng, 25)
		for _, m := range []Model{{maxPos: 200}, {Exact: true, maxPos: 200}} {
			renumbered += sameSelections(t, p, m, model.Options{Rounds: 4}, fmt.Sprintf("coarse problem %d, positions within ±200", s))
		}
	}
	if renumbered < 100 {
		t.Errorf("only %d realised exchanges compared", renumbered)
	}
}

// The heap keeps its table of where each exchange is (exchHeap.at) and
// its order through every operation selectByHeap makes: random keys
// (many equal), exchanges leaving from anywhere (their items marked,
// then dropped at the top or by compact), key changes with new
// positions, pops, renumberings. After each, at[o] is the index of the
// item of list position o (−1 once it left), the marked items are
// counted, every parent comes before its children, and the pops come out
// in the order of a sorted reference list.
func TestHeapTablesEqualReference(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 20))
	for round := range 20 {
		n := 1 + r.IntN(600)
		h := exchHeap64{ar: floatArith{}, at: make([]int32, n+1), gone: int32(n), maxPos: math.MaxInt32}
		type ref struct {
			key float64
			pos int32
		}
		live := map[int32]ref{} // the reference: list position → key and position
		for o := range n {
			h.at[o] = -1
			if r.IntN(10) == 0 {
				continue // invalid from the start
			}
			k := float64(r.IntN(20))
			h.at[o] = int32(len(h.items))
			h.items = append(h.items, heapItem64{key: k, pos: int32(o), order: int32(o)})
			live[int32(o)] = ref{k, int32(o)}
		}
		h.init()
		check := func(what string) {
			t.Helper()
			if h.live() != len(live) {
				t.Fatalf("round %d, %s: %d items live, %d in the reference", round, what, h.live(), len(live))
			}
			marked := 0
			for _, it := range h.items {
				if it.order == h.gone {
					marked++
				}
			}
			if marked != h.dead {
				t.Fatalf("round %d, %s: %d items marked, the heap counts %d", round, what, marked, h.dead)
			}
			for o, i := range h.at[:n] {
				want, in := live[int32(o)]
				switch {
				case !in && i != -1:
					t.Fatalf("round %d, %s: list position %d left, at says %d", round, what, o, i)
				case in && (i < 0 || h.items[i].order != int32(o) || h.items[i].key != want.key || h.items[i].pos != want.pos):
					t.Fatalf("round %d, %s: list position %d: at says %d", round, what, o, i)
				}
			}
			for i := 1; i < len(h.items); i++ {
				if h.cmp(&h.items[(i-1)/arity], &h.items[i]) > 0 {
					t.Fatalf("round %d, %s: item %d comes before its parent", round, what, i)
				}
			}
		}
		check("built")
		high, low := int32(n), int32(-1)
		for h.live() > 0 {
			// the first in the reference's order
			first := int32(-1)
			for o, v := range live {
				if f, ok := live[first]; first < 0 || !ok || v.key > f.key || (v.key == f.key && v.pos < f.pos) {
					first = o
				}
			}
			if got := h.pop(); got != first {
				t.Fatalf("round %d: popped list position %d, the reference's first is %d", round, got, first)
			}
			delete(live, first)
			check("pop")
			for range r.IntN(4) {
				if h.live() == 0 {
					break
				}
				i := r.IntN(len(h.items))
				o := h.items[i].order
				if o == h.gone {
					continue
				}
				if r.IntN(2) == 0 {
					h.leave(o)
					delete(live, o)
					check("leave")
					if h.dead > h.live() {
						h.compact()
						check("compact")
					}
					continue
				}
				k := float64(r.IntN(20))
				v := live[o]
				switch {
				case k > v.key:
					v.pos, high = high, high+1
				case k < v.key:
					v.pos, low = low, low-1
				}
				v.key = k
				live[o] = v
				h.items[i].key, h.items[i].pos = k, v.pos
				h.fix(i)
				check("fix")
			}
			if r.IntN(8) == 0 {
				// (renumber numbers the marked items too: dropped first,
				// the live are numbered 0, 1, …)
				if h.dead > 0 {
					h.compact()
					check("compact")
				}
				// positions 0, 1, … in the reference's order
				var orders []int32
				for o := range live {
					orders = append(orders, o)
				}
				slices.SortFunc(orders, func(a, b int32) int {
					if c := cmp.Compare(live[b].key, live[a].key); c != 0 {
						return c
					}
					return cmp.Compare(live[a].pos, live[b].pos)
				})
				for n, o := range orders {
					live[o] = ref{live[o].key, int32(n)}
				}
				low, high = h.renumber()
				if low != -1 || high != int32(len(orders)) {
					t.Fatalf("round %d: renumber's next positions are %d and %d, not −1 and %d", round, low, high, len(orders))
				}
				check("renumber")
			}
		}
	}
}

// mergeInOrder by hand: the lists [1 8], [3], [], [1 8 9] name the
// exchanges at list positions 1, 3, 8, 9, found in the round's chunks.
func TestMergeInOrderByHand(t *testing.T) {
	chunks := [][]exch64{make([]exch64, chunkSize)}
	dst := mergeInOrder64(nil, chunks, []int32{1, 8}, []int32{3}, nil, []int32{1, 8, 9})
	want := []int{1, 3, 8, 9}
	if len(dst) != len(want) {
		t.Fatalf("merged %d exchanges, want %d (positions %v)", len(dst), len(want), want)
	}
	for k, o := range want {
		if dst[k] != &chunks[0][o] {
			t.Errorf("merged exchange %d is not the one at position %d", k, o)
		}
	}
}

// mergeInOrder against the plain way (the four lists' union, sorted,
// each once), on random lists over several chunks, some long, some
// empty, overlapping; the exchanges are the chunks' at those positions,
// appended after what dst held.
func TestMergeInOrderEqualsSortedUnion(t *testing.T) {
	r := rand.New(rand.NewPCG(16, 1))
	const n = 3*chunkSize + 17
	chunks := make([][]exch64, (n+chunkSize-1)/chunkSize)
	for c := range chunks {
		chunks[c] = make([]exch64, chunkSize)
	}
	for trial := range 300 {
		var ls [4][]int32
		var union []int32
		for k := range ls {
			for i := range int32(n) {
				if r.IntN(4+8*k) == 0 {
					ls[k] = append(ls[k], i)
					union = append(union, i)
				}
			}
		}
		slices.Sort(union)
		union = slices.Compact(union)
		dst := mergeInOrder64([]*exch64{&chunks[0][0]}, chunks, ls[0], ls[1], ls[2], ls[3])
		if len(dst) != 1+len(union) || dst[0] != &chunks[0][0] {
			t.Fatalf("trial %d: %d exchanges, want %d after the one already there", trial, len(dst), 1+len(union))
		}
		for i, o := range union {
			if dst[1+i] != &chunks[o/chunkSize][o%chunkSize] {
				t.Fatalf("trial %d: exchange %d of the merge is not list position %d's", trial, i, o)
			}
		}
	}
}

// selectByHeap takes the round's own list, whose position r holds the
// exchange exchAt finds: handed a list out of that order, it reports an
// internal error naming the position, and realises nothing.
func TestHeapRefusesForeignList(t *testing.T) {
	p, err := model.FromScenario(gen.Scenario(gen.Options{Actors: 12, Issues: 4, Seed: 1}))
	if err != nil {
		t.Fatal(err)
	}
	e := newEngine64(floatArith{}, p)
	e.selection = byHeap
	if _, err := e.round(context.Background()); err != nil {
		t.Fatal(err)
	}
	list := slices.Clone(e.list)
	list[2], list[3] = list[3], list[2]
	if got := e.selectByHeap(context.Background(), list); got != nil || e.failed == nil {
		t.Fatalf("realised %d exchanges, failure %v; want none and a failure", len(got), e.failed)
	}
	if want := "exchange model: list position 2 does not hold the exchange at that place in the round's chunks (selectByHeap takes the round's own list)"; e.failed.Error() != want {
		t.Errorf("failure %q, want %q", e.failed.Error(), want)
	}
}
