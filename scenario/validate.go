package scenario

import (
	"cmp"
	"fmt"
	"maps"
	"math"
	"parley/errs"
	"parley/nouns"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// IDExample is the example of a scenario's id: what validation tells a
// file without one, and the hint a client (the web page's builder, from
// GET /api/defaults) gives beside the id's field, so that both name one.
const IDExample = "trade-talks-2026"

// DateLayout is the format of every date in a scenario.
const DateLayout = "2006-01-02"

// Magnitude limits: numbers a scenario may hold so that every model's
// arithmetic stays finite (finding 10 of issue 14: capabilities 1e308 and
// 5e-324 gave +Inf). Validate reports a value outside them as an error
// naming the field and the range. See docs/limits.md.
const (
	// MinCapability and MaxCapability bound a capability (and a
	// capability range): ratios up to 1e21, sums and products far from
	// float64 overflow.
	MinCapability = 1e-9
	MaxCapability = 1e12
	// MaxScale bounds the ends of an issue's scale: -MaxScale ≤ min < max ≤
	// MaxScale.
	MaxScale = 1e12
	// MinScaleWidth is the narrowest scale, max − min.
	MinScaleWidth = 1e-9
	// MinRelativeScaleWidth is the narrowest scale for the size of its
	// ends: max − min at least this share of max(|min|, |max|). A float64
	// carries about 15 significant digits, and every door writes a number
	// on a scale with three significant figures of its width
	// (ask.ScaleDecimals): a scale from 1e6 to 1e6 + 1e-9 would need 18
	// digits, so its points could not be told apart as written (nor in
	// the models' arithmetic, whose steps near 1e6 are 1.16e-10).
	MinRelativeScaleWidth = 1e-12
	// MaxWeight bounds a voter's weight in a decision rule (0 ≤ w ≤
	// MaxWeight), and in an ad-hoc voting game (ask.Power), so that both
	// read the same numbers: a voter's weight is of the order of a
	// capability.
	MaxWeight = MaxCapability
)

// IsWeight reports whether w is a voter's weight a decision rule or an
// ad-hoc game may hold: a finite number from 0 to MaxWeight (WeightValid).
func IsWeight(w float64) bool { return w >= 0 && w <= MaxWeight }

// WeightValid says which weights are valid (0 to MaxWeight), for an error
// message.
var WeightValid = "a number from 0 to " + strings.Replace(strconv.FormatFloat(MaxWeight, 'g', -1, 64), "e+", "e", 1)

const (
	capabilityValid = "a number from 1e-9 to 1e12"
	scaleValid      = "min < max, both from -1e12 to 1e12, at least 1e-9 apart"
	scaleWidthValid = "max − min at least 1e-12 of the larger end's size (a float64 carries about 15 significant digits), or a scale moved nearer zero"
)

// Validate returns every problem in the scenario at once: unknown or
// duplicate ids, values outside their scales, ranges that do not contain
// their value, evidence citing a source metadata.sources does not declare,
// snapshots and variants that name what does not exist, and a base, a
// snapshot or a variant that leaves no actors or an issue no actor weighs
// (no model can forecast it; see unweighed). Missing evidence is a
// warning.
//
// It lists at most MaxDiagnostics errors and as many warnings, then one
// diagnostic "… and M more errors" (or warnings). It takes time linear in
// the size of the scenario.
func (s *Scenario) Validate() Diagnostics {
	ds, more := s.ValidateLimit(MaxDiagnostics, nil)
	return append(ds, more.Diagnostics("", MaxDiagnostics)...)
}

// ValidateLimit is Validate keeping at most max errors and max warnings
// (max ≤ 0: MaxDiagnostics) and counting the rest into More, without the
// final "… and M more" diagnostics. A diagnostic whose path skip reports
// (a caller that already reported a problem there) is neither kept nor
// counted; skip may be nil.
func (s *Scenario) ValidateLimit(max int, skip func(path string) bool) (Diagnostics, More) {
	if max <= 0 {
		max = MaxDiagnostics
	}
	v := &validator{s: s, max: max, skip: skip, x: s.newIndex(), issueByID: map[string]*Issue{}, named: map[string]bool{}, broken: map[string]bool{}}
	for i := range s.Issues {
		if _, ok := v.issueByID[s.Issues[i].ID]; !ok {
			v.issueByID[s.Issues[i].ID] = &s.Issues[i]
		}
	}
	v.issueNames = &nameSet{m: v.issueIDs()}
	v.sources = &nameSet{m: map[string]bool{}}
	for _, src := range s.Metadata.Sources {
		v.sources.m[src.ID] = true
		if src.File != "" {
			v.sources.m[src.File] = true
		}
	}
	v.metadata()
	v.issues()
	v.actors()
	v.stances("stances", s.Stances, actorSet(s.Actors))
	v.baseBreaches()
	v.salienceScale()
	v.weighable("", "", nil, s)
	v.proposals("proposals", s.Proposals, s)
	v.snapshots()
	v.variants()
	v.idleActors()

	v.outcomes()
	return v.ds, v.more
}

type validator struct {
	s           *Scenario
	ds          Diagnostics
	max         int
	skip        func(string) bool
	nerr, nwarn int
	more        More
	x           *index // of s
	issueByID   map[string]*Issue
	// broken holds the issues (by id, issueByID's) whose scale is
	// refused: a scale that holds no number (60 to -10) is one error, and
	// no value on the issue (a position, a range, a red line, a
	// proposal's or an outcome's value) is checked against it, as each
	// would be a second error naming an impossible range.
	broken     map[string]bool
	issueNames *nameSet
	sources    *nameSet
	// named holds the entries (actors[i], snapshots[i].add_actors[j],
	// variants[i].add_actors[j]) whose actor some stance names, for
	// idleActors.
	named map[string]bool
	// latest is the seats after every snapshot, as snapshots walked them
	// (nil: no snapshots), and latestState the state they walked to (a
	// snapshot that cannot be applied left out, as its error says), for
	// variants.
	latest      seats
	latestState *Scenario
	// baseAt and latestAt say where the base and the state after every
	// snapshot set each position and red line, for breach.
	baseAt, latestAt origins
	// meant holds, for each base stance refused for an unknown actor or
	// issue, the actor and issue it most likely meant (errs.Nearest, the
	// error's "did you mean"): a change to that stance is no second error
	// for lacking the stance the first error is about.
	meant map[[2]string]bool
	// ever is every actor the scenario declares anywhere (everActor),
	// made when first asked for.
	ever *nameSet
}

// seats maps the id of each actor at the table to the path of the entry
// that put it there: actors[i], or a snapshot's or variant's add_actors[j].
type seats map[string]string

// full reports whether a diagnostic of the kind would only be counted;
// callers check it before building an expensive message.
func (v *validator) full(warning bool) bool {
	if warning {
		return v.nwarn >= v.max
	}
	return v.nerr >= v.max
}

// add reports whether a diagnostic at path is to be kept, counting it.
func (v *validator) add(path string, warning bool) bool {
	if v.skip != nil && v.skip(path) {
		return false
	}
	switch {
	case warning && v.nwarn >= v.max:
		v.more.Warnings++
		return false
	case warning:
		v.nwarn++
	case v.nerr >= v.max:
		v.more.Errors++
		return false
	default:
		v.nerr++
	}
	return true
}

func (v *validator) errorf(path, valid, format string, args ...any) {
	if v.add(path, false) {
		v.ds = append(v.ds, Diagnostic{Path: path, Message: fmt.Sprintf(format, args...), Valid: valid})
	}
}

func (v *validator) warnf(path, valid, format string, args ...any) {
	if v.add(path, true) {
		v.ds = append(v.ds, Diagnostic{Path: path, Message: fmt.Sprintf(format, args...), Valid: valid, Warning: true})
	}
}

// nameSet is a set of names whose "one of [...]" text is built once, when
// first needed.
type nameSet struct {
	m     map[string]bool
	oneOf string
}

func (n *nameSet) valid() string {
	if n.oneOf == "" {
		n.oneOf = "one of " + keys(n.m)
	}
	return n.oneOf
}

// unknown is the message for got, a name not in the set: `unknown actor
// "tao"`, with ` (did you mean "toa"?)` when got most likely misspells
// one (errs.Nearest, as for a field name or a flag). The suggestion is
// looked for only while diagnostics are kept (v.full).
func (v *validator) unknown(n *nameSet, kind, got string) string {
	s := fmt.Sprintf("unknown %s %q", kind, got)
	if v.full(false) {
		return s
	}
	if kind == "actor" && v.everActor(got) {
		// not a misspelling: an actor of the scenario no longer at the
		// table here, whom a lookalike would only misname
		return s + " (removed before this point)"
	}
	return s + errs.DidYouMean(got, n.nearest(got))
}

// everActor reports whether id is an id or alias of some actor the
// scenario declares anywhere: in its actors or in a snapshot's or a
// variant's add_actors.
func (v *validator) everActor(id string) bool {
	if v.ever == nil {
		as := slices.Clone(v.s.Actors)
		for _, sn := range v.s.Snapshots {
			as = append(as, sn.AddActors...)
		}
		for _, vr := range v.s.Variants {
			as = append(as, vr.AddActors...)
		}
		v.ever = actorSet(as)
	}
	return v.ever.m[id]
}

// nearest is the name of the set got most likely misspells (errs.Nearest),
// or "".
func (n *nameSet) nearest(got string) string {
	names := make([]string, 0, len(n.m))
	for k := range n.m {
		if k != "" {
			names = append(names, k)
		}
	}
	return errs.Nearest(got, names)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// notFinite is what every number field says of .inf, -.inf or .nan
// ("capability +Inf is not a finite number"): not "not positive" or
// "outside the scale", which would name a comparison that number has no
// part in. finiteInterval is what a range with such an end is told.
const (
	notFinite      = "is not a finite number"
	finiteInterval = "[low, high], two finite numbers with low ≤ high"
)

// finiteValid is what a field given a number that is not finite is told
// would be valid, from what any wrong number there is told: "a number
// from 0 to 100" becomes "a finite number from 0 to 100".
func finiteValid(valid string) string { return "a finite " + strings.TrimPrefix(valid, "a ") }

// IsDate reports whether d is a date as a scenario holds one: YYYY-MM-DD,
// a real day of a real month (2025-02-30 is not). Readers of other tools'
// files use it, so that what they accept validates.
func IsDate(d string) bool {
	_, err := time.Parse(DateLayout, d)
	return err == nil
}

func (v *validator) metadata() {
	m := v.s.Metadata
	if m.ID == "" {
		v.errorf("metadata.id", "a short identifier such as "+IDExample, "missing")
	}
	if m.Title == "" {
		v.warnf("metadata.title", "a human-readable title", "missing")
	}
	if m.AsOf == "" {
		v.errorf("metadata.as_of", "a date YYYY-MM-DD", "missing")
	} else if !IsDate(m.AsOf) {
		v.errorf("metadata.as_of", "a date YYYY-MM-DD", "%q is not a date", m.AsOf)
	}
	if m.SalienceScale != 0 && m.SalienceScale != 1 && m.SalienceScale != 100 {
		v.errorf("metadata.salience_scale", "1 (saliences 0–1) or 100 (saliences 0–100)", "%v is not a salience scale", m.SalienceScale)
	}
	seen := map[string]int{}
	for i, src := range m.Sources {
		p := fmt.Sprintf("metadata.sources[%d]", i)
		if src.ID == "" {
			v.errorf(p+".id", "a unique identifier", "missing")
		} else if j, dup := seen[src.ID]; dup {
			v.errorf(p+".id", "a unique identifier", "duplicate source id %q (also metadata.sources[%d])", src.ID, j)
		} else {
			seen[src.ID] = i
		}
		if src.Date != "" && !IsDate(src.Date) {
			v.errorf(p+".date", "a date YYYY-MM-DD", "%q is not a date", src.Date)
		}
	}
}

func (v *validator) issues() {
	seen := map[string]int{}
	if len(v.s.Issues) == 0 {
		v.errorf("issues", "at least one issue", "the scenario has no issues")
	}
	for i, is := range v.s.Issues {
		p := fmt.Sprintf("issues[%d]", i)
		if is.ID == "" {
			v.errorf(p+".id", "a unique identifier", "missing")
		} else if j, dup := seen[is.ID]; dup {
			v.errorf(p+".id", "a unique identifier", "duplicate issue id %q (also issues[%d])", is.ID, j)
		} else {
			seen[is.ID] = i
		}
		lo, hi := is.Bounds()
		if msg, valid, ok := ScaleProblem(lo, hi); !ok {
			v.errorf(p+".scale", valid, "%s", msg)
			if v.issueByID[is.ID] == &v.s.Issues[i] {
				v.broken[is.ID] = true
			}
			continue
		}
		scale := fmt.Sprintf("a number from %v to %v", lo, hi)
		for k, a := range is.Anchors {
			if !finite(a.Value) {
				v.errorf(fmt.Sprintf("%s.anchors[%d].value", p, k), finiteValid(scale), "anchor %v %s", a.Value, notFinite)
			} else if a.Value < lo || a.Value > hi {
				v.errorf(fmt.Sprintf("%s.anchors[%d].value", p, k), scale, "anchor %v is outside the scale", a.Value)
			}
			if k > 0 && a.Value <= is.Anchors[k-1].Value {
				v.errorf(fmt.Sprintf("%s.anchors[%d].value", p, k), "anchors in increasing order of value", "anchor %v does not follow %v", a.Value, is.Anchors[k-1].Value)
			}
			if a.Label == "" {
				v.errorf(fmt.Sprintf("%s.anchors[%d].label", p, k), "the option this point stands for", "missing")
			}
		}
		if is.Discrete && len(is.Anchors) < 2 {
			v.errorf(p+".discrete", "at least two anchors (the issue's options) on a discrete issue, or discrete: false (any value on the scale)", "a discrete issue takes only its options, and issue %s has %s", is.ID, nouns.Count(len(is.Anchors), "option"))
		}
		if is.Reference != nil && !finite(*is.Reference) {
			v.errorf(p+".reference", finiteValid(scale), "reference point %v %s", *is.Reference, notFinite)
		} else if is.Reference != nil && (*is.Reference < lo || *is.Reference > hi) {
			v.errorf(p+".reference", scale, "reference point %v is outside the scale", *is.Reference)
		}
		v.decision(p+".decision", is.Decision)
	}
}

// ScaleProblem says what is wrong with lo–hi as an issue's scale, and
// what would be valid, or ok: finite ends with lo < hi, both within
// ±MaxScale, at least MinScaleWidth apart and at least
// MinRelativeScaleWidth of the larger end's size apart. Validate and the
// readers of other tools' files, which take a scale from their own
// fields (BDM's positions, Decide's #M rows, a Schelling anchor's
// "(position X)") and report it at their own lines, share it, so that
// what a reader accepts validates.
func ScaleProblem(lo, hi float64) (msg, valid string, ok bool) {
	switch {
	case !finite(lo) || !finite(hi):
		return fmt.Sprintf("scale %s is not finite", scaleText(lo, hi)), "min < max, both finite", false
	case lo >= hi:
		return fmt.Sprintf("scale %s is empty", scaleText(lo, hi)), "min < max, both finite", false
	case lo < -MaxScale || hi > MaxScale || hi-lo < MinScaleWidth:
		return fmt.Sprintf("scale %s is outside the allowed magnitudes", scaleText(lo, hi)), scaleValid, false
	}
	if m := math.Max(math.Abs(lo), math.Abs(hi)); hi-lo < MinRelativeScaleWidth*m {
		return fmt.Sprintf("scale %s is %.3g wide, under 1e-12 of its ends' size (%.3g here): a float64 near them carries about 15 significant digits, too few to tell its points apart", scaleText(lo, hi), hi-lo, MinRelativeScaleWidth*m), scaleWidthValid, false
	}
	return "", "", true
}

func (v *validator) actor(p string, a Actor) {
	if a.ID == "" {
		v.errorf(p+".id", "a unique identifier", "missing")
	}
	capOK := v.capability(p+".capability", a.Capability) && v.read(p+".capability")
	if a.CapabilityRange != nil {
		v.capRange(p+".capability_range", a.CapabilityRange, a.Capability, capOK)
	}
	v.capabilityEvidence(p, a.CapabilityEvidence, a.CapabilityAssumed, true)
	v.redLines(p, a.RedLines, false)
	v.redLineEvidence(p, a.RedLines, a.RedLineEvidence, a.RedLineAssumed, a.RedLines)
	v.reservation(p, a.Reservation)
	v.reservationEvidence(p, a.Reservation != nil, a.ReservationEvidence, a.ReservationAssumed, a.Reservation != nil)
}

// redLineEvidence checks what backs an actor's (or an actor change's) red
// lines: the evidence and assumed reasons given, each for an issue the
// actor has a red line on once the change is made (after: an error
// otherwise), and, as for a capability, a warning for each red line in
// bare (those set by the actor, or by the change without any backing to
// keep) that has neither.
func (v *validator) redLineEvidence(p string, after map[string]string, ev map[string][]Evidence, assumed map[string]string, bare map[string]string) {
	// A red line on an unknown issue is an error of its own (redLines),
	// with the issue it most likely meant: evidence for that issue only
	// echoes it, and the valid list offers the red lines on issues that
	// exist, never the unknown id.
	var known []string
	meant := map[string]bool{}
	for _, id := range slices.Sorted(maps.Keys(after)) {
		if v.issueByID[id] != nil {
			known = append(known, id)
		} else if n := v.issueNames.nearest(id); n != "" {
			meant[n] = true
		}
	}
	lacks := func(q, id string) bool {
		if _, ok := after[id]; ok {
			return false
		}
		if meant[id] {
			return false // its quotes are checked: they back the red line once the id is fixed
		}
		valid := "an issue the actor has a red line on (red_lines), and none does"
		switch {
		case len(known) > 0:
			valid = "an issue the actor has a red line on: one of " + errs.OneOf(known)
		case len(after) > 0:
			valid = "an issue the actor has a red line on (red_lines), and none on an issue of the scenario does"
		}
		v.errorf(q, valid, "no red line on issue %q for this to rest on", id)
		return true
	}
	// An empty entry ({territory: []}, {territory: ""}) backs nothing and
	// claims nothing: it is no orphan.
	for _, id := range slices.Sorted(maps.Keys(ev)) {
		q := p + ".red_line_evidence." + id
		if len(ev[id]) > 0 && !lacks(q, id) {
			v.quotes(q, ev[id])
		}
	}
	for _, id := range slices.Sorted(maps.Keys(assumed)) {
		if assumed[id] != "" {
			lacks(p+".red_line_assumed."+id, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(bare)) {
		if _, ok := after[id]; !ok || v.issueByID[id] == nil || len(ev[id]) > 0 || assumed[id] != "" {
			continue
		}
		v.warnf(p+".red_lines."+id, fmt.Sprintf("red_line_evidence: {%s: [{source, quote, date}]} or red_line_assumed: {%s: <reason>}", id, id),
			"no evidence and no assumed reason")
	}
}

// reservationEvidence checks what backs an actor's (or an actor change's)
// reservation utility: evidence or an assumed reason without a
// reservation (has) is an error; with warn, a reservation with neither
// is a warning, as a capability with neither is.
func (v *validator) reservationEvidence(p string, has bool, ev []Evidence, assumed string, warn bool) {
	if !has {
		for _, f := range []struct {
			name string
			set  bool
		}{{"reservation_evidence", len(ev) > 0}, {"reservation_assumed", assumed != ""}} {
			if f.set {
				v.errorf(p+"."+f.name, "reservation: <a utility from 0 to 1> beside it", "no reservation for this to rest on")
			}
		}
		return
	}
	v.quotes(p+".reservation_evidence", ev)
	if warn && len(ev) == 0 && assumed == "" {
		v.warnf(p+".reservation", "reservation_evidence: [{source, quote, date}] or reservation_assumed: <reason>", "no evidence and no assumed reason")
	}
}

// redLines checks an actor's (or an actor change's) red lines: a known
// issue, a parsable expression, values on the issue's scale.
func (v *validator) redLines(p string, rl map[string]string, change bool) {
	ids := slices.Sorted(maps.Keys(rl))
	for _, id := range ids {
		q := p + ".red_lines." + id
		is := v.issueByID[id]
		if is == nil {
			v.errorf(q, v.issueNames.valid(), "red line on %s", v.unknown(v.issueNames, "issue", id))
			continue
		}
		r, ok, err := ParseRedLine(rl[id])
		if err != nil {
			msg, _, _ := strings.Cut(err.Error(), "; valid:")
			v.errorf(q, RedLineSyntax, "%s", msg)
			continue
		}
		if !ok {
			if !change {
				v.errorf(q, RedLineSyntax+"; \"none\" only in a snapshot or variant", "\"none\" in a base actor: leave the issue out instead")
			}
			continue
		}
		if v.broken[id] {
			continue // no scale to hold it to: the scale's error is the one
		}
		lo, hi := is.Bounds()
		for _, x := range []float64{r.Lo, r.Hi} {
			if !math.IsInf(x, 0) && (x < lo || x > hi) {
				v.errorf(q, fmt.Sprintf("values from %v to %v (the scale of issue %s)", lo, hi, id), "red line %q: %v is outside the scale", rl[id], x)
			}
		}
		if r.Lo > hi || r.Hi < lo || (r.Lo == hi && r.LoOpen) || (r.Hi == lo && r.HiOpen) {
			v.errorf(q, fmt.Sprintf("a red line that some value from %v to %v satisfies", lo, hi), "red line %q excludes the whole scale", rl[id])
		}
	}
}

func (v *validator) reservation(p string, r *float64) {
	const valid = "a utility from 0 to 1"
	if r != nil && !finite(*r) {
		v.errorf(p+".reservation", finiteValid(valid), "reservation %v %s", *r, notFinite)
	} else if r != nil && (*r < 0 || *r > 1) {
		v.errorf(p+".reservation", valid, "reservation %v is outside [0, 1]", *r)
	}
}

// capability checks a capability: positive and within the magnitudes.
// It reports whether c is valid.
func (v *validator) capability(p string, c float64) bool {
	msg, valid, ok := CapabilityProblem("capability", c)
	if !ok {
		v.errorf(p, valid, "%s", msg)
	}
	return ok
}

// CapabilityProblem says what is wrong with c as a capability (what names
// it: "capability", a peer format's "power") and what would be valid, or
// ok: positive and within MinCapability–MaxCapability. Validate and the
// readers of other tools' files, which report at their own lines, share
// it, so that what a reader accepts validates.
func CapabilityProblem(what string, c float64) (msg, valid string, ok bool) {
	switch {
	case !finite(c):
		return fmt.Sprintf("%s %v %s", what, c, notFinite), "a positive finite number, from 1e-9 to 1e12", false
	case c <= 0:
		return fmt.Sprintf("%s %v is not positive", what, c), "a number > 0", false
	case c < MinCapability || c > MaxCapability:
		return fmt.Sprintf("%s %v is outside the allowed range", what, c), capabilityValid, false
	}
	return "", "", true
}

// read reports whether the value at path was read from the file: one
// the file lacks, misspells or gives as something else than a number is
// reported where it stands, and Validate sees only its zero, which no other
// check should name as though the file held it.
func (v *validator) read(path string) bool {
	return v.skip == nil || !v.skip(path)
}

// capRange checks a capability range; whether it contains the capability
// only where the capability is known (read and valid), so that a wrong
// capability is one error, not two.
func (v *validator) capRange(p string, r *Range, c float64, known bool) {
	if !finite(r[0]) || !finite(r[1]) {
		v.errorf(p, "[low, high], two finite numbers with 0 < low ≤ high", "range %s is not a finite interval", rangeText(*r))
	} else if r[0] <= 0 || r[0] > r[1] {
		v.errorf(p, "[low, high] with 0 < low ≤ high", "range %s is not a positive interval", rangeText(*r))
	} else if r[0] < MinCapability || r[1] > MaxCapability {
		v.errorf(p, "[low, high] with both from 1e-9 to 1e12", "range %s is outside the allowed capabilities", rangeText(*r))
	} else if known && !r.Contains(c) {
		v.errorf(p, fmt.Sprintf("a range containing the capability %v", c), "range %s does not contain the capability", rangeText(*r))
	}
}

func (v *validator) actors() {
	seen := map[string]string{}
	if len(v.s.Actors) == 0 {
		v.errorf("actors", "at least one actor", "the scenario has no actors")
	}
	for i, a := range v.s.Actors {
		p := fmt.Sprintf("actors[%d]", i)
		v.actor(p, a)
		for k, name := range append([]string{a.ID}, a.Aliases...) {
			if name == "" {
				continue
			}
			q := p + ".id"
			if k > 0 {
				q = fmt.Sprintf("%s.aliases[%d]", p, k-1)
			}
			if other, dup := seen[name]; dup {
				v.errorf(q, "a unique identifier", "duplicate actor id or alias %q (also %s)", name, other)
			} else {
				seen[name] = p
			}
		}
	}
}

// baseSeats is the base's seats: each id's first actor (Actor's answer).
func (v *validator) baseSeats() seats {
	m := make(seats, len(v.s.Actors))
	for i, a := range v.s.Actors {
		if _, ok := m[a.ID]; !ok {
			m[a.ID] = fmt.Sprintf("actors[%d]", i)
		}
	}
	return m
}

// idleActors warns at each actor that no stance names (by its id or an
// alias) while it is at the table: it takes part in no issue, so every
// model leaves it out and no answer names it. A base actor's stances may
// be the base's, a snapshot's or a variant's; those of an actor a
// snapshot adds, that snapshot's, a later one's or a variant's (a variant
// applies on top of the snapshots); those of an actor a variant adds,
// that variant's alone. changes marks the entries the stances of
// snapshots and variants name, each resolved against the state it
// applies to, so idleActors runs after snapshots and variants.
func (v *validator) idleActors() {
	base := v.baseSeats()
	for _, st := range v.s.Stances {
		if a := v.x.actor(st.Actor); a != nil {
			v.named[base[a.ID]] = true
		}
	}
	// An actor a refused stance meant (misspelt) is named by it: its
	// error says so, and "takes part in no issue" would be a second.
	for k := range v.meant {
		v.named[base[k[0]]] = true
	}
	idle := func(p, id, valid string) {
		if id != "" && !v.named[p] {
			v.warnf(p, "a stance of "+id+" under "+valid,
				"actor %s takes part in no issue; add a stance or remove it", id)
		}
	}
	for i, a := range v.s.Actors {
		if p := fmt.Sprintf("actors[%d]", i); base[a.ID] == p {
			idle(p, a.ID, "stances:, or under a snapshot's or a variant's")
		}
	}
	for _, ch := range v.s.changeLists() {
		valid := "this variant's stances:"
		if strings.HasPrefix(ch.path, "snapshots[") {
			valid = "this snapshot's stances:, or under a later snapshot's or a variant's"
		}
		for j, a := range ch.AddActors {
			idle(fmt.Sprintf("%s.add_actors[%d]", ch.path, j), a.ID, valid)
		}
	}
}

// salienceScale warns when every salience of a file on the 0–100 salience
// scale is 1 or less and some lies strictly between 0 and 1: written on
// 0–1, each would be read as at most 1% of the most an issue can matter.
// Saliences of 0 say nothing of the scale and are not counted; saliences
// of exactly 0 and 1 alone are whole numbers on 0–100 and get no
// warning. The diagnostic is at the scale and names the first fraction
// (See, whose line the file loader adds). The opposite mix, a salience
// above 1 on the 0–1 scale, is an error already.
func (v *validator) salienceScale() {
	if v.s.SalienceDivisor() != 100 {
		return
	}
	var first string
	var x float64
	n := 0
	see := func(p string, sal float64) bool {
		if !finite(sal) || sal > 1 {
			return false
		}
		if sal > 0 {
			n++
		}
		if first == "" && sal > 0 && sal < 1 {
			first, x = p, sal
		}
		return true
	}
	for i, st := range v.s.Stances {
		if !see(fmt.Sprintf("stances[%d].salience", i), st.Salience) {
			return
		}
	}
	for _, ch := range v.s.changeLists() {
		for i, sc := range ch.Stances {
			if sc.Salience != nil && !see(fmt.Sprintf("%s.stances[%d].salience", ch.path, i), *sc.Salience) {
				return
			}
		}
	}
	if first == "" || !v.add("metadata.salience_scale", true) {
		return
	}
	v.ds = append(v.ds, Diagnostic{Path: "metadata.salience_scale", See: first, Warning: true,
		Message: fmt.Sprintf("every salience is 1 or less on this 0–100 scale (%d above 0; the first fraction, %s, is %v): they look written on 0–1, and on 0–100 each counts at most 1%% of the most an issue can matter", n, first, x),
		Valid:   fmt.Sprintf("salience_scale: 1 for saliences written on 0–1, or the saliences written on 0–100: %s for %v", strconv.FormatFloat(x*100, 'g', 6, 64), x)})
}

// changeList is one snapshot's or variant's changes with the path that
// names them in diagnostics (snapshots[i], variants[i]).
type changeList struct {
	path string
	*Changes
}

// changeLists is every snapshot's and every variant's changes, each with
// its path, in the file's order: snapshots, then variants.
func (s *Scenario) changeLists() []changeList {
	out := make([]changeList, 0, len(s.Snapshots)+len(s.Variants))
	for i := range s.Snapshots {
		out = append(out, changeList{fmt.Sprintf("snapshots[%d]", i), &s.Snapshots[i].Changes})
	}
	for i := range s.Variants {
		out = append(out, changeList{fmt.Sprintf("variants[%d]", i), &s.Variants[i].Changes})
	}
	return out
}

func actorSet(as []Actor) *nameSet {
	m := make(map[string]bool, len(as))
	for _, a := range as {
		m[a.ID] = true
		for _, al := range a.Aliases {
			m[al] = true
		}
	}
	return &nameSet{m: m}
}

// keys returns the 12 smallest keys in order, with "…" after them when
// there are more, as text; in time linear in the keys. An empty key (an
// item whose id is missing, an error of its own) is not one to offer.
func keys(m map[string]bool) string {
	const show = errs.OneOfShown
	ks := make([]string, 0, show+1)
	n := len(m)
	if m[""] {
		n--
	}
	for k := range m {
		if k == "" || len(ks) == show && k >= ks[show-1] {
			continue
		}
		i := sort.SearchStrings(ks, k)
		ks = slices.Insert(ks, i, k)
		if len(ks) > show {
			ks = ks[:show]
		}
	}
	return errs.OneOfFirst(ks, n)
}

func (v *validator) issueIDs() map[string]bool {
	m := map[string]bool{}
	for _, is := range v.s.Issues {
		m[is.ID] = true
	}
	return m
}

// refs checks the actor and issue of a stance or stance change and
// returns the issue when it is known, and whether the actor is: a
// stance of an unknown actor on a known issue still has its numbers
// checked against the issue's scale, so that one validation reports
// every problem (a misspelt actor and a position off the scale) at once.
func (v *validator) refs(p, actor, issue string, actors *nameSet) (*Issue, bool) {
	ok := actors.m[actor]
	if !ok {
		v.errorf(p+".actor", actors.valid(), "%s", v.unknown(actors, "actor", actor))
	}
	is := v.issueByID[issue]
	if is == nil {
		v.errorf(p+".issue", v.issueNames.valid(), "%s", v.unknown(v.issueNames, "issue", issue))
	}
	return is, ok
}

// position checks a position at p against its issue's scale and reports
// whether it is known: read from the file and on the scale.
func (v *validator) position(p string, is *Issue, x float64) bool {
	return v.onScale(p, "position", is, x)
}

// onScale checks a number at p (what: "position", "the proposal's
// value") against its issue's scale and reports whether it is known:
// read from the file and on the scale.
func (v *validator) onScale(p, what string, is *Issue, x float64) bool {
	if v.broken[is.ID] {
		return false // no scale to hold it to: the scale's error is the one
	}
	lo, hi := is.Bounds()
	valid := fmt.Sprintf("a number from %v to %v (the scale of issue %s)", lo, hi, is.ID)
	switch {
	case !finite(x):
		v.errorf(p, finiteValid(valid), "%s %v %s", what, x, notFinite)
		return false
	case x < lo || x > hi:
		v.errorf(p, valid, "%s %v is outside the scale", what, x)
		return false
	}
	return v.read(p)
}

// salience checks a salience at p against the salience scale and reports
// whether it is known: read from the file and within the scale.
func (v *validator) salience(p string, x float64) bool {
	max := v.s.SalienceDivisor()
	valid := fmt.Sprintf("a number from 0 to %v (metadata.salience_scale)", max)
	if !finite(x) {
		v.errorf(p, finiteValid(valid), "salience %v %s", x, notFinite)
		return false
	}
	if x < 0 || x > max {
		v.errorf(p, valid, "salience %v is outside its range", x)
		return false
	}
	return v.read(p)
}

// stanceRange checks a stance's ranges: each an interval on its scale and,
// where the stance's value is known (posOK, salOK: read and valid) and on
// its scale, one that contains it: a change's range around a base value
// off the scale (a salience of 1.5 on 0–1) is not told to contain it, a
// range no scale allows; the value's own error says its bounds. A value missing or refused is reported at its own
// field; a second error naming the zero Validate sees in its place would
// name a number the file does not hold.
func (v *validator) stanceRange(p string, is *Issue, r *StanceRange, pos, sal float64, posOK, salOK bool) {
	if r == nil {
		return
	}
	if r.Position != nil && !v.broken[is.ID] {
		lo, hi := is.Bounds()
		q := p + ".range.position"
		switch {
		case !finite(r.Position[0]) || !finite(r.Position[1]):
			v.errorf(q, finiteInterval, "range %s is not a finite interval", rangeText(*r.Position))
		case r.Position[0] > r.Position[1]:
			v.errorf(q, "[low, high] with low ≤ high", "range %s is not an interval", rangeText(*r.Position))
		case r.Position[0] < lo || r.Position[1] > hi:
			v.errorf(q, "a range within the scale "+scaleText(lo, hi), "range %s leaves the scale", rangeText(*r.Position))
		case posOK && pos >= lo && pos <= hi && !r.Position.Contains(pos):
			v.errorf(q, fmt.Sprintf("a range containing the position %v", pos), "range %s does not contain the position", rangeText(*r.Position))
		}
	}
	if r.Salience != nil {
		max := v.s.SalienceDivisor()
		q := p + ".range.salience"
		switch {
		case !finite(r.Salience[0]) || !finite(r.Salience[1]):
			v.errorf(q, finiteInterval, "range %s is not a finite interval", rangeText(*r.Salience))
		case r.Salience[0] > r.Salience[1]:
			v.errorf(q, "[low, high] with low ≤ high", "range %s is not an interval", rangeText(*r.Salience))
		case r.Salience[0] < 0 || r.Salience[1] > max:
			v.errorf(q, fmt.Sprintf("a range within 0–%v", max), "range %s leaves the salience scale", rangeText(*r.Salience))
		case salOK && sal >= 0 && sal <= max && !r.Salience.Contains(sal):
			v.errorf(q, fmt.Sprintf("a range containing the salience %v", sal), "range %s does not contain the salience", rangeText(*r.Salience))
		}
	}
}

func (v *validator) evidence(p string, ev []Evidence, assumed string) {
	v.evidenceFor(p, ev, assumed, nil)
}

// stanceSupports are the values a stance's quote's supports may name.
var stanceSupports = []string{SupportsPosition, SupportsSalience}

// evidenceFor is evidence with the values a quote's supports may name
// (none: the field is not allowed).
func (v *validator) evidenceFor(p string, ev []Evidence, assumed string, supports []string) {
	v.quotesFor(p+".evidence", ev, supports)
	if len(ev) == 0 && assumed == "" {
		v.warnf(p, "evidence: [{source, quote, date}] or assumed: <reason>", "no evidence and no assumed reason")
	}
}

// capabilityEvidence checks an actor's (or an actor change's) capability
// evidence; with warn, a capability with neither evidence nor an assumed
// reason is a warning, as a stance with neither is.
func (v *validator) capabilityEvidence(p string, ev []Evidence, assumed string, warn bool) {
	v.quotes(p+".capability_evidence", ev)
	if warn && len(ev) == 0 && assumed == "" {
		v.warnf(p+".capability", "capability_evidence: [{source, quote, date}] or capability_assumed: <reason>", "no evidence and no assumed reason")
	}
}

// quotes checks a list of evidence items at path (….evidence).
func (v *validator) quotes(path string, ev []Evidence) { v.quotesFor(path, ev, nil) }

// quotesFor is quotes with the values a quote's supports may name: a
// stance's quote says which of its numbers it supports; other quotes
// support the one number they are given for, and name none.
func (v *validator) quotesFor(path string, ev []Evidence, supports []string) {
	sources := v.sources
	for k, e := range ev {
		q := fmt.Sprintf("%s[%d]", path, k)
		if len(e.Supports) > 0 && supports == nil {
			v.errorf(q+".supports", "supports only on a stance's evidence", "only a stance's quote names the numbers it supports")
		}
		for i, n := range e.Supports {
			switch {
			case supports != nil && !slices.Contains(supports, n):
				v.errorf(fmt.Sprintf("%s.supports[%d]", q, i), "one of "+strings.Join(supports, ", "), "unknown number %q", n)
			case slices.Index(e.Supports, n) < i:
				v.errorf(fmt.Sprintf("%s.supports[%d]", q, i), "each number once", "%q named twice", n)
			}
		}
		if e.Source == "" {
			v.errorf(q+".source", "the id or file of a source in metadata.sources", "missing")
		} else if !sources.m[e.Source] {
			// Checked whether or not sources are declared: a quote from
			// nowhere a reader can find is no evidence (and coverage does
			// not count it as quoted).
			valid := fmt.Sprintf("declare it under metadata.sources, as sources: [{id: %s, file: …}] (no source is declared)", e.Source)
			if len(sources.m) > 0 {
				valid = sources.valid()
			}
			valid += fmt.Sprintf("; or add its document: parley sources add %s.txt --scenario S (a file named %s.txt becomes source %s, with its hash)", e.Source, e.Source, e.Source)
			v.errorf(q+".source", valid, "unknown source %q", e.Source)
		}
		if e.Quote == "" {
			v.errorf(q+".quote", "a short verbatim quote from the source", "missing")
		}
		if e.Date != "" && !IsDate(e.Date) {
			v.errorf(q+".date", "a date YYYY-MM-DD", "%q is not a date", e.Date)
		}
	}
}

func (v *validator) stances(path string, ss []Stance, actors *nameSet) {
	type key struct{ a, i string }
	seen := map[key]int{}
	for i, st := range ss {
		p := fmt.Sprintf("%s[%d]", path, i)
		is, known := v.refs(p, st.Actor, st.Issue, actors)
		if (is == nil || !known) && path == "stances" {
			v.meantStance(st.Actor, st.Issue, actors)
		}
		k := key{st.Actor, st.Issue}
		if a := v.x.actor(st.Actor); a != nil {
			k.a = a.ID // an alias names the same actor
		}
		if j, dup := seen[k]; dup {
			v.errorf(p, "one stance per actor and issue", "duplicate stance of %s on %s (also %s[%d])", st.Actor, st.Issue, path, j)
		} else {
			seen[k] = i
		}
		salOK := v.salience(p+".salience", st.Salience)
		v.evidenceFor(p, st.Evidence, st.Assumed, stanceSupports)
		if is == nil {
			continue
		}
		posOK := v.position(p+".position", is, st.Position)
		v.stanceRange(p, is, st.Range, st.Position, st.Salience, posOK, salOK)
	}
}

// meantStance records the stance a base stance refused for its actor or
// issue most likely meant: each id as given where it is known, else the
// one it most likely misspells; nothing when one has no such guess.
func (v *validator) meantStance(actor, issue string, actors *nameSet) {
	if !actors.m[actor] {
		actor = actors.nearest(actor)
	}
	if v.issueByID[issue] == nil {
		issue = v.issueNames.nearest(issue)
	}
	a := v.x.actor(actor)
	if a == nil || issue == "" {
		return
	}
	if v.meant == nil {
		v.meant = map[[2]string]bool{}
	}
	v.meant[[2]string{a.ID, issue}] = true
}

// origins says, for each actor id and issue, where the position and the
// red line in force were set: the path of the value (stances[i].position,
// actors[i].red_lines.quota, or a snapshot's or a variant's).
type origins struct{ pos, red map[[2]string]string }

func (o origins) clone() origins {
	return origins{pos: maps.Clone(o.pos), red: maps.Clone(o.red)}
}

// breachWhy is why a position outside its actor's own red line is
// warned of, not refused.
const breachWhy = ": an actor's stated position can lie outside its own red line only if the red line or the position is miscoded"

// baseBreaches records where the base sets each position and red line
// (v.baseAt: each actor's and stance's first, as Actor and Stance find
// them) and warns at each stated position that breaks its actor's own
// red line on the issue.
func (v *validator) baseBreaches() {
	at := origins{pos: map[[2]string]string{}, red: map[[2]string]string{}}
	seated := v.baseSeats()
	for i, a := range v.s.Actors {
		p := fmt.Sprintf("actors[%d]", i)
		if seated[a.ID] != p {
			continue
		}
		for issue := range a.RedLines {
			at.red[[2]string{a.ID, issue}] = p + ".red_lines." + issue
		}
	}
	var keys [][2]string
	for i, st := range v.s.Stances {
		a := v.x.actor(st.Actor)
		if a == nil {
			continue
		}
		k := [2]string{a.ID, st.Issue}
		if _, ok := at.pos[k]; !ok {
			at.pos[k] = fmt.Sprintf("stances[%d].position", i)
			keys = append(keys, k)
		}
	}
	v.baseAt = at
	for _, k := range keys {
		v.breach(v.x, k, at, true)
	}
}

// changeBreaches records where a snapshot's or a variant's changes (at
// p, applied to state, whose actors after additions and removals cx
// indexes, giving next) set positions and red lines, on top of at, and
// warns at each it sets where an actor's position then breaks its own
// red line. It returns the origins after the changes.
func (v *validator) changeBreaches(p string, c *Changes, state *Scenario, cx *index, next *Scenario, at origins) origins {
	at = at.clone()
	var keys [][2]string
	byPos := map[[2]string]bool{}
	touch := func(k [2]string, pos bool) {
		if _, seen := byPos[k]; !seen {
			keys = append(keys, k)
		}
		byPos[k] = byPos[k] || pos
	}
	had := actorSet(state.Actors)
	for j, a := range c.AddActors {
		if had.m[a.ID] {
			continue // refused: the actor is the one already there
		}
		for _, issue := range slices.Sorted(maps.Keys(a.RedLines)) {
			k := [2]string{a.ID, issue}
			at.red[k] = fmt.Sprintf("%s.add_actors[%d].red_lines.%s", p, j, issue)
			touch(k, false)
		}
	}
	for j, ac := range c.Actors {
		a := cx.actor(ac.ID)
		if a == nil {
			continue
		}
		for _, issue := range slices.Sorted(maps.Keys(ac.RedLines)) {
			k := [2]string{a.ID, issue}
			if _, ok, err := ParseRedLine(ac.RedLines[issue]); err == nil && !ok {
				delete(at.red, k)
				continue
			}
			at.red[k] = fmt.Sprintf("%s.actors[%d].red_lines.%s", p, j, issue)
			touch(k, false)
		}
	}
	for j, sc := range c.Stances {
		a := cx.actor(sc.Actor)
		if a == nil || sc.Position == nil {
			continue
		}
		k := [2]string{a.ID, sc.Issue}
		at.pos[k] = fmt.Sprintf("%s.stances[%d].position", p, j)
		touch(k, true)
	}
	if len(keys) > 0 {
		nx := next.newIndex()
		for _, k := range keys {
			v.breach(nx, k, at, byPos[k])
		}
	}
	return at
}

// breach warns when the position of actor k[0] on issue k[1] in the
// state x indexes lies outside the actor's own red line there: at the
// position (atPos) or at the red line, naming the other by its path
// (See, whose line and column the file loader adds), and saying what
// would be consistent. A position or red line refused, or not read from
// the file, has its error of its own and is no warning here.
func (v *validator) breach(x *index, k [2]string, at origins, atPos bool) {
	posP, redP := at.pos[k], at.red[k]
	is := v.issueByID[k[1]]
	if posP == "" || redP == "" || is == nil || !v.read(posP) || !v.read(redP) {
		return
	}
	a, st := x.actor(k[0]), x.stanceOf(k[0], k[1])
	if a == nil || st == nil {
		return
	}
	text, ok := a.RedLines[k[1]]
	if !ok {
		return
	}
	r, ok, err := ParseRedLine(text)
	lo, hi := is.Bounds()
	pos := st.Position
	if err != nil || !ok || !redLineOnScale(r, lo, hi) || !finite(pos) || pos < lo || pos > hi || r.Allows(pos) {
		return
	}
	who, on := a.Name, is.Name
	if who == "" {
		who = a.ID
	}
	if on == "" {
		on = is.ID
	}
	d := Diagnostic{Path: posP, See: redP, Warning: true,
		Message: fmt.Sprintf("position %s of %s on issue %s breaks %s own red line %q at %s", num(pos), a.ID, is.ID, nouns.Possessive(a.ID), text, redP) + breachWhy,
		Text:    fmt.Sprintf("position %s of %s on %s breaks %s own red line %q, set at %s", num(pos), who, on, nouns.Possessive(who), text, redP) + breachWhy,
		Valid:   fmt.Sprintf("a position the red line allows (%s), or a red line that allows %s", r, num(pos))}
	if !atPos {
		d = Diagnostic{Path: redP, See: posP, Warning: true,
			Message: fmt.Sprintf("red line %q of %s on issue %s rules out %s's own position %s at %s", text, a.ID, is.ID, a.ID, num(pos), posP) + breachWhy,
			Text:    fmt.Sprintf("red line %q of %s on %s rules out %s own position %s, set at %s", text, who, on, nouns.Possessive(who), num(pos), posP) + breachWhy,
			Valid:   fmt.Sprintf("a red line that allows %s, or a position the red line allows (%s)", num(pos), r)}
	}
	if v.add(d.Path, true) {
		v.ds = append(v.ds, d)
	}
}

// redLineOnScale reports whether r is a red line redLines accepts on the
// scale [lo, hi]: its ends on the scale, and some value of it allowed.
func redLineOnScale(r RedLine, lo, hi float64) bool {
	for _, x := range []float64{r.Lo, r.Hi} {
		if !math.IsInf(x, 0) && (x < lo || x > hi) {
			return false
		}
	}
	return !(r.Lo > hi || r.Hi < lo || (r.Lo == hi && r.LoOpen) || (r.Hi == lo && r.HiOpen))
}

// changedWithout warns when a snapshot's stance change (at p) sets field
// to a new value (to, nil when the change leaves it) with neither
// evidence nor an assumed reason of its own: what the stance rested on
// spoke for the old value (old), so from the snapshot on it rests on
// neither (restsOn), and every answer counts it so.
func (v *validator) changedWithout(p, field string, old float64, to *float64) {
	if to == nil || *to == old {
		return
	}
	v.warnf(p+"."+field, "evidence: [{source, quote, date}] or assumed: <reason> beside the new "+field,
		"changes the %s from %v to %v with no evidence and no assumed reason of its own, so the stance rests on neither from this snapshot on (what it rested on was about %v)", field, old, *to, old)
}

// rangeDropped warns (at p) that a snapshot's or a variant's change
// moves what from one number to another outside its range r and gives
// no range of its own: resolve keeps a range only while it holds the
// value, so the range is dropped and sweep varies the number no more,
// which the file does not show. A range of the change's own keeps one;
// form writes it (with %s for suggest), and dropped names the field that
// says the drop is intended instead, as the warning's valid text. A range
// of one point varied nothing: dropping it is no warning.
func (v *validator) rangeDropped(p, what, form, dropped string, r Range, from, to float64, suggest Range) {
	if r.Contains(to) || r[0] == r[1] {
		return
	}
	v.warnf(p, "a "+strings.SplitN(form, ":", 2)[0]+" of its own in the change to keep one, e.g. "+fmt.Sprintf(form, rangeText(suggest))+", or "+dropped+": <reason> to drop it",
		"moves %s from %s to %s, outside its range %s, which is dropped: sweep will not vary it", what, num(from), num(to), rangeText(r))
}

// rangeEnd warns (at p) that a snapshot's change moves
// what from one number, from, onto another, to, at an end of its range
// r, which the change keeps: it gives no range of its own and r still
// holds to (resolve keeps a range while it holds the value). Sweep then
// draws the number on one side of its stated value only, and its
// intervals can leave the forecast at the stated values outside them,
// from a range written about the old number. That holds wherever the
// old number stood in r, its other end included: [3, 4] written beside
// 3 said "3, perhaps up to 4"; kept beside a new 4 it says "4, perhaps
// down to 3", which nobody wrote. A range the change gives (form writes
// it, with %s for the suggestion, the old range moved with the number,
// or r restated) says the end is meant, as a stated value at an end of
// the range written beside it is. A move within r, a move to the
// scale's end [lo, hi] (there no range holds the number inside) and a
// range of one point (it varies nothing) are no warning.
func (v *validator) rangeEnd(p, what, form string, r Range, from, to, lo, hi float64, suggest Range) {
	if r[0] == r[1] || from == to || to == lo || to == hi || (to != r[0] && to != r[1]) {
		return
	}
	end, side := "low", "above"
	if to == r[1] {
		end, side = "high", "below"
	}
	field := strings.SplitN(form, ":", 2)[0]
	v.warnf(p, fmt.Sprintf("a %s of its own in the change, e.g. %s, or %s restated to keep %s at its end", field, fmt.Sprintf(form, rangeText(suggest)), fmt.Sprintf(form, rangeText(r)), num(to)),
		"moves %s from %s to %s, the %s end of its range %s, which is kept: sweep will draw it only %s %s, on one side of its stated value", what, num(from), num(to), end, rangeText(r), side, num(to))
}

// heldRange reports whether r is a range the base accepts: an interval
// on [lo, hi] that holds its value x. Only such a range can be dropped;
// a refused one has its error at its own field.
func heldRange(r Range, lo, hi, x float64) bool {
	return finite(r[0]) && finite(r[1]) && lo <= r[0] && r[0] <= r[1] && r[1] <= hi && r.Contains(x)
}

// nothingDropped warns at a change's range_dropped (or
// capability_range_dropped, at p) that says a drop is intended where the
// change drops no range: the reason would claim what resolution does not
// do.
func (v *validator) nothingDropped(p, field, moves, held string) {
	v.warnf(p, field+" only where the change moves "+moves+" out of its range and gives none; remove it", "no range is dropped: %s", held)
}

// rangeText writes a range as a file does: [low, high].
func rangeText(r Range) string { return "[" + num(r[0]) + ", " + num(r[1]) + "]" }

// The range a dropped-range warning suggests is the old one moved with
// the number, of the old one's width, on the scale: a suggestion a
// writer can paste, which validates (it holds the new number and stays on
// the scale) and still varies the number.

// shiftedRange is r moved by by and kept on the scale [lo, hi] with its
// width: where it would leave the scale it slides back inside, to end at
// the scale's end it passed (clipped, it was [100, 100] when a position
// moved to 100 from its range's low end); wider than the scale, it is the
// scale. It holds to, the moved number, which is on the scale.
func shiftedRange(r Range, by, lo, hi, to float64) Range {
	a, b := r[0]+by, r[1]+by
	switch {
	case b-a >= hi-lo:
		a, b = lo, hi
	case b > hi:
		a, b = hi-(b-a), hi
	case a < lo:
		a, b = lo, lo+(b-a)
	}
	return shownRange(Range{a, b}, lo, hi, to)
}

// scaledRange is a capability range r scaled by k (the new capability
// over the old), kept within [lo, hi] (MinCapability, MaxCapability) with
// its ratio: where it would leave them it is scaled back inside. It
// holds to, the new capability.
func scaledRange(r Range, k, lo, hi, to float64) Range {
	a, b := r[0]*k, r[1]*k
	switch {
	case b/a >= hi/lo:
		a, b = lo, hi
	case b > hi:
		a, b = a*(hi/b), hi
	case a < lo:
		a, b = lo, b*(lo/a)
	}
	return shownRange(Range{a, b}, lo, hi, to)
}

// shownRange rounds a suggested range for the message (roundShown),
// unless the rounded one would leave [lo, hi] or not hold to.
func shownRange(r Range, lo, hi, to float64) Range {
	s := Range{roundShown(r[0]), roundShown(r[1])}
	if s[0] < lo || s[1] > hi || !s.Contains(to) {
		return r
	}
	return s
}

// keptRanges says why a stance change drops no range, for
// nothingDropped: each number's range the stance has is held by the
// number the change leaves it, or restated by the change; who names the
// actor and on the issue, as the warning does.
func keptRanges(sc StanceChange, who, on string, posRange, salRange *Range) string {
	if posRange == nil && salRange == nil {
		return fmt.Sprintf("%s's stance on %s has no range", who, on)
	}
	var parts []string
	for _, f := range []struct {
		name  string
		r     *Range
		to    *float64
		given bool
	}{
		{"position", posRange, sc.Position, sc.Range != nil && sc.Range.Position != nil},
		{"salience", salRange, sc.Salience, sc.Range != nil && sc.Range.Salience != nil},
	} {
		switch {
		case f.given:
			parts = append(parts, "the change gives a "+f.name+" range of its own")
		case f.to == nil:
			parts = append(parts, "the change moves no "+f.name)
		case f.r != nil:
			parts = append(parts, fmt.Sprintf("%s's %s range %s holds %s", who, f.name, rangeText(*f.r), num(*f.to)))
		default:
			parts = append(parts, fmt.Sprintf("%s's %s has no range", who, f.name))
		}
	}
	return strings.Join(parts, ", and ")
}

// roundShown rounds x to 12 significant digits, so that a suggested
// range reads 0.8, not 0.7999999999999999.
func roundShown(x float64) float64 {
	y, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	if err != nil {
		return x
	}
	return y
}

// changes validates a snapshot's or variant's changes against the scenario
// as it stands before them (state, whose actors were seated by the entries
// in = seats), and returns the state after them with its seats. It marks
// in v.named the entries whose actors its stance changes name. whatIf is
// what a stance the changes move with neither evidence nor a reason rests
// on, as Resolve applies them ("" for a snapshot's).
func (v *validator) changes(p string, c *Changes, state *Scenario, in seats, at origins, whatIf string) (*Scenario, seats, origins) {
	// dated: a snapshot's changes, which say what happened, not a
	// variant's what-if (its description is its reason).
	dated := strings.HasPrefix(p, "snapshots[")
	actors := actorSet(state.Actors)
	for i, a := range c.AddActors {
		q := fmt.Sprintf("%s.add_actors[%d]", p, i)
		v.actor(q, a)
		if actors.m[a.ID] {
			v.errorf(q+".id", "an id no actor has yet", "actor %q already exists", a.ID)
			v.named[q] = true // no seat of its own: the error is its one diagnostic
		}
		actors.m[a.ID] = true
	}
	// The actors as apply sees them: added, then removed.
	cur := &Scenario{Actors: append(slices.Clone(state.Actors), c.AddActors...)}
	cur.Actors, _ = removeActors(cur.Actors, nil, c.RemoveActors, func(i int, id string, left func() []Actor) {
		q := fmt.Sprintf("%s.remove_actors[%d]", p, i)
		if v.skip != nil && v.skip(q) {
			return
		}
		valid, msg := "", fmt.Sprintf("unknown actor %q", id)
		if !v.full(false) {
			left := actorSet(left())
			valid, msg = left.valid(), v.unknown(left, "actor", id)
		}
		v.errorf(q, valid, "%s", msg)
	})
	actors = actorSet(cur.Actors)
	cx := cur.newIndex()
	out := maps.Clone(in)
	for i, a := range c.AddActors {
		if _, ok := out[a.ID]; !ok {
			out[a.ID] = fmt.Sprintf("%s.add_actors[%d]", p, i)
		}
	}
	for id := range out {
		if _, ok := cx.ids[id]; !ok {
			delete(out, id)
		}
	}
	for i, ac := range c.Actors {
		q := fmt.Sprintf("%s.actors[%d]", p, i)
		a := cx.actor(ac.ID)
		if a == nil {
			v.errorf(q+".id", actors.valid(), "%s", v.unknown(actors, "actor", ac.ID))
			continue
		}
		cp, cpValid, cpKnown := a.Capability, false, true
		if ac.Capability != nil {
			cp = *ac.Capability
			cpValid = v.capability(q+".capability", cp)
			cpKnown = cpValid && v.read(q+".capability")
		}
		if ac.CapabilityRange != nil {
			v.capRange(q+".capability_range", ac.CapabilityRange, cp, cpKnown)
		}
		// A change's evidence is checked; without any, the actor's is kept
		// (as a stance change keeps a stance's). A snapshot's new number
		// with neither is a warning: the quotes kept were about the old one.
		v.capabilityEvidence(q, ac.CapabilityEvidence, ac.CapabilityAssumed, false)
		if cpValid && dated && cp != a.Capability && len(ac.CapabilityEvidence) == 0 && ac.CapabilityAssumed == "" {
			v.warnf(q+".capability", "capability_evidence: [{source, quote, date}] or capability_assumed: <reason> beside the new capability",
				"changes the capability from %v to %v with no evidence and no assumed reason of its own (the actor's are about %v)", a.Capability, cp, a.Capability)
		}
		who := cmp.Or(a.Name, a.ID) // the actor, as the warnings name it
		// A change (a snapshot's or a variant's what-if: sweep under
		// either varies one input fewer) that moves the capability out of
		// its range with no range of its own drops the range.
		if cpValid && ac.CapabilityRange == nil && a.CapabilityRange != nil && a.Capability > 0 && !a.CapabilityRange.Contains(cp) &&
			heldRange(*a.CapabilityRange, MinCapability, MaxCapability, a.Capability) {
			if ac.CapabilityRangeDropped == "" {
				r := *a.CapabilityRange
				v.rangeDropped(q+".capability", who+"'s capability", "capability_range: %s", "capability_range_dropped", r, a.Capability, cp,
					scaledRange(r, cp/a.Capability, MinCapability, MaxCapability, cp))
			}
		} else if dated && cpValid && ac.CapabilityRange == nil && a.CapabilityRange != nil && a.Capability > 0 &&
			heldRange(*a.CapabilityRange, MinCapability, MaxCapability, a.Capability) && ac.CapabilityRangeDropped == "" {
			r := *a.CapabilityRange
			v.rangeEnd(q+".capability", who+"'s capability", "capability_range: %s", r, a.Capability, cp, MinCapability, MaxCapability,
				scaledRange(r, cp/a.Capability, MinCapability, MaxCapability, cp))
		} else if ac.CapabilityRangeDropped != "" && (ac.Capability == nil || cpValid) {
			held := "the change gives a capability_range of its own"
			switch {
			case a.CapabilityRange == nil:
				held = who + " has no capability range"
			case ac.Capability == nil:
				held = "the change moves no capability"
			case ac.CapabilityRange == nil:
				held = fmt.Sprintf("%s's capability range %s holds %s", who, rangeText(*a.CapabilityRange), num(cp))
			}
			v.nothingDropped(q+".capability_range_dropped", "capability_range_dropped", "the capability", held)
		}
		v.redLines(q, ac.RedLines, true)
		// A red line or a reservation the change sets keeps the actor's
		// evidence and reason, as a capability does; one with nothing to
		// keep needs its own, as an actor's does.
		after := changeRedLines(a.RedLines, ac.RedLines)
		bare := map[string]string{}
		for id, rl := range ac.RedLines {
			if _, ok := after[id]; ok && len(a.RedLineEvidence[id]) == 0 && a.RedLineAssumed[id] == "" {
				bare[id] = rl
			}
		}
		v.redLineEvidence(q, after, ac.RedLineEvidence, ac.RedLineAssumed, bare)
		v.reservation(q, ac.Reservation)
		v.reservationEvidence(q, ac.Reservation != nil || a.Reservation != nil, ac.ReservationEvidence, ac.ReservationAssumed,
			ac.Reservation != nil && len(a.ReservationEvidence) == 0 && a.ReservationAssumed == "")
	}
	var sx *index
	if len(c.Stances) > 0 {
		sx = state.newIndex()
	}
	for i, sc := range c.Stances {
		q := fmt.Sprintf("%s.stances[%d]", p, i)
		if a := cx.actor(sc.Actor); a != nil {
			v.named[out[a.ID]] = true
		}
		is, known := v.refs(q, sc.Actor, sc.Issue, actors)
		salOK := true
		if sc.Salience != nil {
			salOK = v.salience(q+".salience", *sc.Salience)
		}
		if len(sc.Evidence) > 0 {
			v.evidenceFor(q, sc.Evidence, sc.Assumed, stanceSupports)
		}
		if is == nil {
			continue
		}
		if !known {
			// the change's own numbers, checked against the issue's scale
			// (refs); what it changes is not known, so nothing is compared
			posOK := sc.Position == nil || v.position(q+".position", is, *sc.Position)
			if sc.Range != nil && sc.Position != nil && sc.Salience != nil {
				v.stanceRange(q, is, sc.Range, *sc.Position, *sc.Salience, posOK, salOK)
			} else if sc.Range != nil {
				v.stanceRange(q, is, sc.Range, 0, 0, false, false)
			}
			continue
		}
		base := sx.stanceOf(sc.Actor, sc.Issue)
		if base == nil && (sc.Position == nil || sc.Salience == nil) {
			if a := cx.actor(sc.Actor); a != nil && v.meant[[2]string{a.ID, sc.Issue}] {
				continue // the base's stance was refused: its error is the one
			}
			v.errorf(q, "position and salience for a stance the scenario does not have yet", "new stance of %s on %s lacks position or salience", sc.Actor, sc.Issue)
			continue
		}
		posOK := true
		if sc.Position != nil {
			posOK = v.position(q+".position", is, *sc.Position)
		}
		if dated && base != nil && len(sc.Evidence) == 0 && sc.Assumed == "" {
			v.changedWithout(q, "position", base.Position, sc.Position)
			v.changedWithout(q, "salience", base.Salience, sc.Salience)
		}
		// A change (a snapshot's, or a variant's what-if) that moves a
		// number out of its range with no range of its own for it drops
		// the range; range_dropped says that is intended.
		var posRange, salRange *Range
		if base != nil && base.Range != nil {
			posRange, salRange = base.Range.Position, base.Range.Salience
		}
		// A range the base refused (or one around a refused value) is
		// one error at its own field: dropping it is no second message.
		lo, hi := is.Bounds()
		dropsPos := sc.Position != nil && posOK && posRange != nil && (sc.Range == nil || sc.Range.Position == nil) && !posRange.Contains(*sc.Position) &&
			heldRange(*posRange, lo, hi, base.Position)
		dropsSal := sc.Salience != nil && salOK && salRange != nil && (sc.Range == nil || sc.Range.Salience == nil) && !salRange.Contains(*sc.Salience) &&
			heldRange(*salRange, 0, v.s.SalienceDivisor(), base.Salience)
		// the warnings name the actor and the issue as every answer does,
		// by name (the id where there is none)
		who, on := sc.Actor, "issue "+is.ID
		if a := cx.actor(sc.Actor); a != nil {
			who = cmp.Or(a.Name, a.ID)
		}
		if is.Name != "" {
			on = is.Name
		}
		what := who + "'s %s on " + on
		switch {
		case sc.RangeDropped == "":
			if dropsPos {
				v.rangeDropped(q+".position", fmt.Sprintf(what, "position"), "range: {position: %s}", "range_dropped", *posRange,
					base.Position, *sc.Position, shiftedRange(*posRange, *sc.Position-base.Position, lo, hi, *sc.Position))
			}
			if dropsSal {
				v.rangeDropped(q+".salience", fmt.Sprintf(what, "salience"), "range: {salience: %s}", "range_dropped", *salRange,
					base.Salience, *sc.Salience, shiftedRange(*salRange, *sc.Salience-base.Salience, 0, v.s.SalienceDivisor(), *sc.Salience))
			}
		case !dropsPos && !dropsSal && posOK && salOK:
			v.nothingDropped(q+".range_dropped", "range_dropped", "a position or a salience", keptRanges(sc, who, on, posRange, salRange))
		}
		// A snapshot that moves a number onto an end of the range it
		// keeps leaves sweep drawing it on one side of its stated value
		// only (a variant's what-if is not warned of: DECISIONS, range24).
		if dated && sc.Position != nil && posOK && posRange != nil && (sc.Range == nil || sc.Range.Position == nil) && heldRange(*posRange, lo, hi, base.Position) {
			v.rangeEnd(q+".position", fmt.Sprintf(what, "position"), "range: {position: %s}", *posRange, base.Position, *sc.Position, lo, hi,
				shiftedRange(*posRange, *sc.Position-base.Position, lo, hi, *sc.Position))
		}
		if dated && sc.Salience != nil && salOK && salRange != nil && (sc.Range == nil || sc.Range.Salience == nil) && heldRange(*salRange, 0, v.s.SalienceDivisor(), base.Salience) {
			v.rangeEnd(q+".salience", fmt.Sprintf(what, "salience"), "range: {salience: %s}", *salRange, base.Salience, *sc.Salience, 0, v.s.SalienceDivisor(),
				shiftedRange(*salRange, *sc.Salience-base.Salience, 0, v.s.SalienceDivisor(), *sc.Salience))
		}
		if sc.Range != nil {
			pos, sal := 0.0, 0.0
			if base != nil {
				pos, sal = base.Position, base.Salience
			}
			if sc.Position != nil {
				pos = *sc.Position
			}
			if sc.Salience != nil {
				sal = *sc.Salience
			}
			v.stanceRange(q, is, sc.Range, pos, sal, posOK, salOK)
		}
	}
	v.changeProposals(p, c, &Scenario{Actors: cur.Actors, Proposals: state.Proposals})
	next, err := state.apply(c, whatIf)
	if err != nil {
		return state, in, at
	}
	return next, out, v.changeBreaches(p, c, state, cx, next, at)
}

func (v *validator) snapshots() {
	if len(v.s.Snapshots) == 0 {
		return
	}
	state, seated, at := v.s.base(), v.baseSeats(), v.baseAt
	order := v.s.snapshotOrder()
	seen := map[string]int{}
	for i, sn := range v.s.Snapshots {
		p := fmt.Sprintf("snapshots[%d].date", i)
		switch {
		case !IsDate(sn.Date):
			v.errorf(p, "a date YYYY-MM-DD", "%q is not a date", sn.Date)
		case IsDate(v.s.Metadata.AsOf) && sn.Date < v.s.Metadata.AsOf:
			v.errorf(p, "a date on or after metadata.as_of "+v.s.Metadata.AsOf, "snapshot date %s is before the scenario's as_of", sn.Date)
		}
		if j, dup := seen[sn.Date]; dup {
			v.errorf(p, "one snapshot per date", "duplicate snapshot date %s (also snapshots[%d])", sn.Date, j)
		}
		seen[sn.Date] = i
	}
	date := v.s.Metadata.AsOf
	for _, i := range order {
		p := fmt.Sprintf("snapshots[%d]", i)
		next, after, nextAt := v.changes(p, &v.s.Snapshots[i].Changes, state, seated, at, "")
		v.weighable(p, "after snapshot "+v.s.Snapshots[i].Date, state, next)
		if next != state {
			date = v.s.Snapshots[i].Date
		}
		state, seated, at = next, after, nextAt
	}
	v.latest, v.latestState, v.latestAt = seated, state.settled(date), at
}

func (v *validator) variants() {
	if len(v.s.Variants) == 0 {
		return
	}
	// The state after every snapshot, as Resolve(Latest, "") returns it
	// when each applies; where one does not (its error is reported), the
	// others' state and seats, not the base's: an actor an earlier
	// snapshot adds is still at the table for the variants (a variant's
	// stance of it was "unknown actor", and it "took part in no issue").
	latest, seated, at := v.latestState, v.latest, v.latestAt
	if latest == nil {
		latest, seated, at = v.s.base().settled(v.s.Metadata.AsOf), v.baseSeats(), v.baseAt
	}
	seen := map[string]int{}
	for i := range v.s.Variants {
		vr := &v.s.Variants[i]
		p := fmt.Sprintf("variants[%d]", i)
		if vr.ID == "" {
			v.errorf(p+".id", "a unique identifier", "missing")
		} else if j, dup := seen[vr.ID]; dup {
			v.errorf(p+".id", "a unique identifier", "duplicate variant id %q (also variants[%d])", vr.ID, j)
		} else {
			seen[vr.ID] = i
		}
		what := "under this variant"
		if vr.ID != "" {
			what = "under variant " + vr.ID
		}
		next, _, _ := v.changes(p, &vr.Changes, latest, seated, at, vr.whatIf())
		v.weighable(p, what, latest, next)
	}
}
