package ask

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"parley/answer"
	"parley/model"
	"parley/nouns"
)

// stretch is a labelled option's stretch of the scale: the outcomes
// nearer it than any other option, (Lo, Hi), infinite at the outer
// options' far sides. An outcome exactly at Lo or Hi is as near the
// neighbour: its point mass is split between the two.
type stretch struct {
	Anchor model.Anchor
	Lo, Hi float64
}

// stretches are the issue's labelled options in the scale's order, each
// with its stretch: the one rule by which the answer gives an option's
// chance (distribution) and says why the likeliest is not the nearest
// (likeliestNote).
func stretches(anchors []model.Anchor) []stretch {
	as := slices.Clone(anchors)
	sort.SliceStable(as, func(i, j int) bool { return as[i].Value < as[j].Value })
	out := make([]stretch, len(as))
	for j, a := range as {
		out[j] = stretch{Anchor: a, Lo: math.Inf(-1), Hi: math.Inf(1)}
		if j > 0 {
			out[j].Lo = (as[j-1].Value + a.Value) / 2
		}
		if j+1 < len(as) {
			out[j].Hi = (a.Value + as[j+1].Value) / 2
		}
	}
	return out
}

// atomsIn is the chance d puts on single values (its atoms) within the
// stretch s, an atom at either end counted half, and those atoms.
func atomsIn(d *model.Predictive, s stretch) (float64, []model.Atom) {
	p := 0.0
	var in []model.Atom
	for _, a := range d.Atoms {
		switch {
		case a.Value > s.Lo && a.Value < s.Hi:
			p += a.Prob
		case a.Value == s.Lo || a.Value == s.Hi:
			p += a.Prob / 2
		default:
			continue
		}
		in = append(in, a)
	}
	return p, in
}

// likeliestNote says why the likeliest option of a distribution is not
// the option nearest the forecast x, when no likeliest option is among
// the nearest: the forecast is one point (for snap and compromise-band
// the one the distribution is centred on), while an option's chance is
// that of its whole stretch of the scale (the outcomes nearer it than
// any other option), which may be wider or hold more of the chance the
// model puts on single values (snap's stated positions, scale ends,
// reference point and options). It compares the likeliest (the first of
// a tie) with the nearest option of most chance (the first of a tie),
// and names only what favours the likeliest: "wider" where its stretch
// holds more of the continuous part, which a stretch no wider than the
// nearest's, which holds the centre, cannot (the density falls away
// from the centre on both sides alike); the single values where they
// hold more. "" when there is nothing to explain. Numbers on the scale
// have the issue's d decimals, chances whole percent (more where two
// compared read alike).
func likeliestNote(is model.Issue, x float64, nearest []answer.Anchor, pd *model.Predictive, dist *answer.Distribution, d int) string {
	if pd == nil || dist == nil || len(nearest) == 0 || len(dist.Options) == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	var top []answer.Likely
	for _, l := range dist.Likeliest {
		if l.Label == "" && len(l.Actors) > 0 {
			return "" // a stated position: the issue has no options
		}
		for _, n := range nearest {
			if n.Value == l.Value {
				return ""
			}
		}
		top = append(top, l)
	}
	if len(top) == 0 {
		return ""
	}
	ss := stretches(is.Anchors)
	at := func(v float64) (stretch, float64, bool) {
		for j, s := range ss {
			if s.Anchor.Value == v {
				return s, float64(dist.Options[j].P), true
			}
		}
		return stretch{}, 0, false
	}
	sl, pl, ok := at(top[0].Value)
	if !ok {
		return ""
	}
	var sn stretch
	pn := math.Inf(-1)
	for _, a := range nearest {
		if s, p, ok := at(a.Value); ok && p > pn {
			sn, pn = s, p
		}
	}
	if math.IsInf(pn, -1) || math.IsNaN(pl) || math.IsNaN(pn) || !(pl > pn) {
		return ""
	}
	al, in := atomsIn(pd, sl)
	an, _ := atomsIn(pd, sn)
	clip := func(s stretch) (float64, float64) { return math.Max(s.Lo, is.Min), math.Min(s.Hi, is.Max) }
	ll, lh := clip(sl)
	nl, nh := clip(sn)
	tol := 1e-12
	wider := pl-al > pn-an+tol && lh-ll > nh-nl
	more := al > an+tol

	pointL, pointN := PointsText([]answer.Anchor{{Value: sl.Anchor.Value}}), PointsText([]answer.Anchor{{Value: sn.Anchor.Value}})
	centred := ""
	if r := is.Max - is.Min; math.Abs(pd.Center-x) <= tol*math.Max(r, 1) {
		centred = " (where the distribution is centred)"
	}
	cl, cn := chancesApart(pl, pn)
	var b strings.Builder
	if len(top) > 1 {
		as := make([]answer.Anchor, len(top))
		for i, l := range top {
			as[i] = answer.Anchor{Value: l.Value}
		}
		fmt.Fprintf(&b, "the likeliest options are %s (%s each)", PointsText(as), cl)
	} else {
		fmt.Fprintf(&b, "the likeliest option is %s (%s)", pointL, cl)
	}
	fmt.Fprintf(&b, ", not %s (%s), ", pointN, cn)
	if len(nearest) > 1 {
		fmt.Fprintf(&b, "of %s, equally near the forecast %s%s", PointsText(nearest), fixed(x, d), centred)
	} else {
		fmt.Fprintf(&b, "the option nearest the forecast %s%s", fixed(x, d), centred)
	}
	fmt.Fprintf(&b, ": an option's chance counts every outcome nearer it than any other option, and %s's stretch, %s, ", pointL, RangeJoin(fixed(ll, d), fixed(lh, d)))
	var why []string
	if wider {
		why = append(why, fmt.Sprintf("is wider than %s's, %s", pointN, RangeJoin(fixed(nl, d), fixed(nh, d))))
	}
	if more {
		ml, mn := chancesApart(al, an)
		s := fmt.Sprintf("holds more of the chance the model puts on single values, %s against %s", ml, mn)
		if w := atomWords(in, sl.Anchor.Value, d); w != "" {
			s += " (" + w + ")"
		}
		why = append(why, s)
	}
	if len(why) == 0 {
		why = append(why, "holds more of the chance in all (its continuous part and its single values each round alike)") // rounding: neither part alone is apart
	}
	b.WriteString(strings.Join(why, ", and "))
	return b.String()
}

// LikeliestNoteHead heads the notes of why a likeliest option is not
// the forecast's nearest (likeliestNote) where a door lists them apart
// from the forecast (the command line, under its table of where the
// outcome may land).
const LikeliestNoteHead = "Why the likeliest option is not the forecast's nearest"

// chancesApart writes two chances as Chance does (whole percent, more
// decimals where one would read "0%" or "100%"), or, where those read
// alike, with as many more decimals (up to three past Chance's) as tell
// them apart.
func chancesApart(a, b float64) (string, string) {
	sa, sb := Chance(a), Chance(b)
	if sa != sb || strings.ContainsAny(sa, "<>") || sa == NoNumber {
		return sa, sb
	}
	d := 0
	if i := strings.IndexByte(sa, '.'); i >= 0 {
		d = len(sa) - i - 2 // the decimals before "%"
	}
	for e := d + 1; e <= d+3; e++ {
		sa, sb = PercentText(a, e), PercentText(b, e)
		if sa != sb {
			break
		}
	}
	return sa, sb
}

// atomWords names single values of a distribution by what they are: the
// reference point, stated positions, the scale's ends and, an option
// that is nothing else, the option v itself.
func atomWords(atoms []model.Atom, v float64, d int) string {
	var ref, stated, ends []string
	self := false
	for _, a := range atoms {
		switch {
		case a.Reference:
			ref = append(ref, fixed(a.Value, d))
		case a.Stated:
			stated = append(stated, fixed(a.Value, d))
		case a.End:
			ends = append(ends, fixed(a.Value, d))
		case a.Option && a.Value == v:
			self = true
		}
	}
	var out []string
	if len(ref) > 0 {
		out = append(out, "the reference point "+nouns.And(ref))
	}
	if len(stated) > 0 {
		out = append(out, "the "+nouns.For(len(stated), "stated position")+" "+nouns.And(stated))
	}
	if len(ends) > 0 {
		out = append(out, "the scale's "+nouns.For(len(ends), "end")+" "+nouns.And(ends))
	}
	if self {
		out = append(out, "the option itself")
	}
	return strings.Join(out, "; ")
}
