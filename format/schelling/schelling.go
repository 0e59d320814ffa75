// Package schelling reads and writes the JSON game specifications of the
// Schelling forecasting project (hamzagul07/schelling), so a case coded
// there runs in Parley and a Parley scenario can be handed back.
//
// Two shapes are read. A game specification is one question:
//
//	{"question_id": "Q-1994-EMISSIONS", "frozen_at": "1994-01-01",
//	 "continuum": {"label": …, "anchor_0": …, "anchor_100": …, "markers": {"30": …}},
//	 "actors": [{"id": …, "name": …,
//	             "position": {"low": 4, "mode": 4, "high": 4},
//	             "salience": …, "capability": …, "evidence": […]}]}
//
// A case library holds several such questions under "cases" (each with
// "case_id", "title", "source", "continuum", "actors", "outcomes", …).
//
// Mapping (docs/format.md, "Other tools' files"):
//   - each question becomes an issue; its continuum's label names it;
//   - the anchors become labelled options: anchor_0 and anchor_100 at the
//     ends of the scale, each marker at its key's value. A label ending
//     "(position X)" puts its anchor at X instead (the emission-standards
//     fixture's continuum runs from position 4 to position 10), and the
//     scale runs from anchor_0's value to anchor_100's, which must be a
//     scale a scenario holds (scenario.ScaleProblem: ends from −1e12 to
//     1e12, at least 1e-9 and 1e-12 of their size apart), or the
//     continuum is refused at its line;
//   - a value is a number or a triangular distribution {low, mode, high}:
//     the mode becomes the value and [low, high] its range (Parley's
//     sweep draws from the range; the triangle's shape is not kept, which
//     a warning says);
//   - saliences are read on 0–100 when any exceeds 1, else on 0–1;
//   - each actor's evidence is kept: an item is a quote (a string) or an
//     object {source, quote, date, note, source_title, source_url}; a
//     stance with none is marked assumed, naming the file;
//   - the case's outcomes become the scenario's outcomes and its date its
//     as_of: the file's frozen_at, else each case's frozen_at or its
//     data_collected, the latest (outcomes.go); a frozen_at that is no
//     date is warned and dates nothing;
//   - the case's source, template, horizon and published model
//     forecast are kept as the issue's attributes or the scenario's
//     sources; keys Parley does not know are reported as warnings.
//
// A question on which no actor has salience > 0 is an error at its
// continuum: no model can weigh it (scenario.UnweighedIssues, the rule
// Validate applies).
//
// In a case library an actor's capability may differ from case to case
// (Parley has one capability per actor): the first case's is kept and a
// variant "case-ID" per case sets that case's capabilities, so each case
// runs on exactly its own numbers.
package schelling

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"parley/errs"
	"parley/format/jsonpos"
	"parley/nouns"
	"parley/scenario"
)

// Limits of what Read accepts, so a hostile file costs bounded time and
// memory (docs/limits.md).
const (
	MaxBytes  = 16 << 20
	MaxCases  = 1000
	MaxActors = 10000
	MaxQuotes = 1000 // evidence items per actor
)

const bom = "\xef\xbb\xbf"

// Detect reports whether head (the start of a file) looks like a Schelling
// game specification or case library: a JSON object with a
// "question_id", "continuum" or "cases" key and no "metadata" key (a
// Parley scenario has one).
func Detect(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(bom)), " \t\r\n")
	if len(head) == 0 || head[0] != '{' || bytes.Contains(head, []byte(`"metadata"`)) {
		return false
	}
	for _, k := range []string{`"question_id"`, `"continuum"`, `"cases"`} {
		if bytes.Contains(head, []byte(k)) {
			return true
		}
	}
	return false
}

type reader struct {
	name     string
	limits   scenario.Limits
	ds       scenario.Diagnostics
	s        *scenario.Scenario
	aids     *scenario.IDs
	actorIdx map[string]int    // file id → index in s.Actors
	srcIDs   map[string]string // title/url → source id
	sids     *scenario.IDs
	caps     []map[string]float64 // per case: actor id → capability
	capRng   []map[string]*scenario.Range
	triangle bool
	maxSal   float64
	nerr     int        // errors reported so far
	defs     []issueDef // where each issue of s is defined, by index
	// dates are the cases' data_collected; nOutcomes counts the
	// outcomes read, outKeys their fields an outcome cannot hold, and
	// outPath is where the first outcomes were read (outcomes, or a
	// library's cases[i].outcomes), for the warning of what they lose.
	dates     []collectedDate
	nOutcomes int
	outKeys   map[string]bool
	outPath   string
}

// issueDef is where the file defines an issue: its case's continuum.
type issueDef struct {
	continuum *jsonpos.Node
	path      string
	// rejected: an actor of the case had an error, so a stance that might
	// weigh the issue may be missing.
	rejected bool
}

func (r *reader) errorf(n *jsonpos.Node, path, valid, format string, args ...any) {
	d := scenario.Diagnostic{File: r.name, Path: path, Message: fmt.Sprintf(format, args...), Valid: valid}
	if n != nil {
		d.Line, d.Column = n.Line, n.Col
	}
	r.ds = append(r.ds, d)
	r.nerr++
}

// warnv is warnf saying what would be valid.
func (r *reader) warnv(n *jsonpos.Node, path, valid, format string, args ...any) {
	r.warnf(n, path, format, args...)
	r.ds[len(r.ds)-1].Valid = valid
}

func (r *reader) warnf(n *jsonpos.Node, path, format string, args ...any) {
	d := scenario.Diagnostic{File: r.name, Path: path, Message: fmt.Sprintf(format, args...), Warning: true}
	if n != nil {
		d.Line, d.Column = n.Line, n.Col
	}
	r.ds = append(r.ds, d)
}

// text refuses at n the text t, which the scenario's field of that name
// (KindOfText's) may not hold (scenario.Limits.TextProblem), in
// Validate's words, and says whether t was good. A refused text is still
// used, so that what names it is not also refused; Read then fails.
func (r *reader) text(n *jsonpos.Node, path, field, t string) bool {
	d, ok := r.limits.TextProblem(field, t)
	if !ok {
		r.errorf(n, path, d.Valid, "%s", d.Message)
	}
	return ok
}

// str is str(n), held as the text of the scenario's field of that name
// (r.text); an object or a list, which is no text, is warned at path
// (r.scalar) and read as "".
func (r *reader) str(n *jsonpos.Node, path, field string) string {
	t := r.scalar(n, path)
	r.text(n, path, field, t)
	return t
}

// scalar is str(n), warning at path when n is an object or a list: a
// value read as text that has none, which is ignored, not dropped
// without a word. null, like a missing key, is nothing to read.
func (r *reader) scalar(n *jsonpos.Node, path string) string {
	if n != nil && (n.Kind == jsonpos.Object || n.Kind == jsonpos.Array) {
		key := path[strings.LastIndex(path, ".")+1:]
		r.warnv(n, path, "text: a string (a number or true/false is read as its text)", "%s is %s, not text: ignored", key, n.Kind)
		return ""
	}
	return str(n)
}

// firstOf is the first of n's keys, in this order, whose value is text
// (r.str, held as the scenario's field of that name): keys that say one
// thing, what. A later key that says something else is not kept, which a
// warning says at its path.
func (r *reader) firstOf(n *jsonpos.Node, path, field, what string, keys ...string) string {
	var kept, keptKey string
	for _, k := range keys {
		v, p := n.Get(k), join(path, k)
		if v == nil {
			continue
		}
		if keptKey == "" {
			if kept = r.str(v, p, field); kept != "" {
				keptKey = k
			}
			continue
		}
		if t := r.scalar(v, p); t != "" && t != kept {
			r.warnv(v, p, fmt.Sprintf("one of %s, or each the same text (the first is kept)", strings.Join(keys, ", ")),
				"%s %q is not kept: %s %q names %s", k, t, keptKey, kept, what)
		}
	}
	return kept
}

// texts reads a string or a list of strings as lines (empty ones left
// out), each held as the text of the scenario's field
// of that name (r.str) at its own value.
func (r *reader) texts(n *jsonpos.Node, path, field string) []string {
	var out []string
	if n != nil && n.Kind == jsonpos.Array {
		for i, it := range n.Items {
			if t := r.str(it, fmt.Sprintf("%s[%d]", path, i), field); t != "" {
				out = append(out, t)
			}
		}
	} else if t := r.str(n, path, field); t != "" {
		out = append(out, t)
	}
	return out
}

// first returns the first node of ns that is there.
func first(ns ...*jsonpos.Node) *jsonpos.Node {
	for _, n := range ns {
		if n != nil {
			return n
		}
	}
	return nil
}

func (r *reader) errors() scenario.Diagnostics {
	var out scenario.Diagnostics
	for _, d := range r.ds {
		if !d.Warning {
			out = append(out, d)
		}
	}
	return out
}

// Read parses a Schelling file into a scenario. It returns the warnings
// (what was not kept, what was assumed) beside it; errors are
// scenario.Diagnostics naming file, line and column.
func Read(name string, rd io.Reader) (*scenario.Scenario, scenario.Diagnostics, error) {
	return ReadLimits(name, rd, scenario.Limits{})
}

// ReadLimits is Read within the limits l (zero fields: their defaults):
// a text longer than its kind's limit, or holding a character a
// scenario's text may not (scenario.Limits.TextProblem), is refused at its
// JSON value's line and column.
func ReadLimits(name string, rd io.Reader, l scenario.Limits) (*scenario.Scenario, scenario.Diagnostics, error) {
	data, err := io.ReadAll(io.LimitReader(rd, MaxBytes+1))
	if err != nil {
		return nil, nil, errs.Wrap(errs.Internal, fmt.Errorf("%s: %w", name, err))
	}
	if len(data) > MaxBytes {
		return nil, nil, scenario.Diagnostics{{File: name, Path: "file", Message: "the file is larger than 16 MiB", Valid: "a Schelling JSON file of at most 16 MiB"}}
	}
	root, err := jsonpos.Parse(data)
	if err != nil {
		d := scenario.Diagnostic{File: name, Message: err.Error(), Valid: "a JSON object (a Schelling game specification)"}
		if se, ok := err.(*jsonpos.SyntaxError); ok {
			d.Line, d.Column, d.Message = se.Line, se.Col, se.Msg
		}
		return nil, nil, scenario.Diagnostics{d}
	}
	r := &reader{name: name, limits: l, aids: scenario.NewIDs(0), actorIdx: map[string]int{}, srcIDs: map[string]string{}, sids: scenario.NewIDs(0), outKeys: map[string]bool{}}
	s := r.read(root)
	if es := r.errors(); len(es) > 0 {
		return nil, nil, es.Cap(0, scenario.More{})
	}
	var warns scenario.Diagnostics
	for _, d := range r.ds {
		if d.Warning {
			warns = append(warns, d)
		}
	}
	return s, warns.Cap(0, scenario.More{}), nil
}

var gameKeys = []string{"question_id", "frozen_at", "continuum", "template", "horizon", "notes", "actors", "title", "source", "domain", "ex_ante", "data_collected", "published_model_forecast", "outcomes", "case_id"}

func (r *reader) read(root *jsonpos.Node) *scenario.Scenario {
	if root.Kind != jsonpos.Object {
		r.errorf(root, "", "a JSON object with question_id, continuum and actors (or cases)", "the file holds %s", root.Kind)
		return nil
	}
	base := strings.TrimSuffix(filepath.Base(r.name), filepath.Ext(r.name))
	r.s = &scenario.Scenario{Metadata: scenario.Metadata{AsOf: scenario.UnknownDate, SalienceScale: 1,
		CapabilityScale: "as in the Schelling file"}}
	md := &r.s.Metadata
	var cases []*jsonpos.Node
	var paths []string
	if cs := root.Get("cases"); cs != nil {
		if cs.Kind != jsonpos.Array || len(cs.Items) == 0 {
			r.errorf(cs, "cases", "a list of cases, each a game specification", "cases is %s", cs.Kind)
			return nil
		}
		if len(cs.Items) > MaxCases {
			r.errorf(cs, "cases", fmt.Sprintf("at most %d cases", MaxCases), "%d cases", len(cs.Items))
			return nil
		}
		cases = cs.Items
		for i := range cases {
			paths = append(paths, fmt.Sprintf("cases[%d]", i))
		}
		md.ID = scenario.Slug(base, "schelling")
		md.Title = "Schelling case library " + base
		r.unknownKeys(root, "", []string{"cases", "library_version", "transcription", "notes", "frozen_at"})
		var desc []string
		if v := r.str(root.Get("library_version"), "library_version", "description"); v != "" {
			desc = append(desc, "library version "+v)
		}
		if t := root.Get("transcription"); t != nil && t.Kind == jsonpos.Object {
			if st := r.str(t.Get("status"), "transcription.status", "description"); st != "" {
				desc = append(desc, "transcription: "+st)
			}
			var lost []string
			for _, k := range t.Keys {
				if k != "status" {
					lost = append(lost, k)
				}
			}
			if len(lost) > 0 {
				sort.Strings(lost)
				r.warnv(t, "transcription", `{"status": …}: a scenario keeps a transcription's status alone; the rest stays in the Schelling file`,
					"transcription's %s %s not kept (only its status, in the description)", nouns.And(lost), nouns.Verb(len(lost), "is"))
			}
		} else if t != nil && t.Kind != jsonpos.Null {
			r.warnv(t, "transcription", `{"status": …}, whose status the description keeps`, "transcription is %s, not an object with a status: ignored", t.Kind)
		}
		desc = append(desc, r.texts(root.Get("notes"), "notes", "description")...)
		md.Description = strings.Join(desc, "\n")
	} else {
		cases, paths = []*jsonpos.Node{root}, []string{""}
		r.unknownKeys(root, "", gameKeys)
		if q := str(root.Get("question_id")); q != "" {
			md.ID = scenario.Slug(strings.ToLower(q), "schelling")
		} else {
			md.ID = scenario.Slug(base, "schelling")
		}
		md.Description = strings.Join(r.texts(root.Get("notes"), "notes", "description"), "\n")
	}
	if r.nerr == 0 { // each line good: the text they make, at its notes
		r.text(first(root.Get("notes"), root), "notes", "description", md.Description)
	}
	// The file's frozen_at dates the scenario; one that is no date is
	// said, and the cases' dates (readCase) date it instead.
	frozen := false
	if f := root.Get("frozen_at"); f != nil {
		if d, ok := r.frozenAt(f, "frozen_at"); ok {
			md.AsOf, frozen = d, true
		}
	}
	iids := scenario.NewIDs(len(cases))
	for i, c := range cases {
		r.readCase(c, paths[i], iids)
		if len(r.errors()) >= scenario.MaxDiagnostics {
			return nil
		}
	}
	r.asOf(frozen)
	r.outcomesLost()
	if md.Title == "" && len(r.s.Issues) == 1 {
		md.Title = r.s.Issues[0].Name
	}
	if r.maxSal > 1 {
		md.SalienceScale = 100
	}
	if r.triangle {
		r.warnf(nil, "actors", "triangular distributions {low, mode, high} are read as the mode with the range [low, high]: Parley's sweep draws uniformly from the range, not from the triangle")
	}
	r.capabilities(len(cases) > 1, cases)
	// An issue no actor weighs is Validate's error (the rule is
	// scenario's), reported here at its case's continuum.
	for _, k := range r.s.UnweighedIssues() {
		if def := r.defs[k]; !def.rejected {
			d := scenario.UnweighedIssue(k, r.s.Issues[k].ID)
			r.errorf(def.continuum, join(def.path, "continuum"), d.Valid, "%s", d.Message)
		}
	}
	return r.s
}

func (r *reader) unknownKeys(n *jsonpos.Node, path string, known []string) {
	for i, k := range n.Keys {
		ok := false
		for _, x := range known {
			ok = ok || x == k
		}
		if !ok {
			r.warnf(n.Vals[i], join(path, k), "key %q is not part of a Schelling game specification Parley knows: ignored", k)
		}
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

var positionRE = regexp.MustCompile(`\(position (-?[0-9]+(?:\.[0-9]+)?)\)\s*$`)

// describe says what n, a value that should have been text, is: blank
// text, or its kind.
func describe(n *jsonpos.Node) string {
	if n.Kind == jsonpos.String {
		return "blank"
	}
	return n.Kind.String()
}

func str(n *jsonpos.Node) string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case jsonpos.String, jsonpos.Number:
		return n.Str
	case jsonpos.Bool:
		return strconv.FormatBool(n.Bool)
	}
	return ""
}

// flat renders a small JSON value as one line of text (for attributes).
func flat(n *jsonpos.Node) string {
	switch n.Kind {
	case jsonpos.Array:
		var parts []string
		for _, it := range n.Items {
			parts = append(parts, flat(it))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case jsonpos.Object:
		var parts []string
		for i, k := range n.Keys {
			parts = append(parts, k+": "+flat(n.Vals[i]))
		}
		return strings.Join(parts, "; ")
	case jsonpos.Null:
		return "null"
	}
	return str(n)
}

func (r *reader) readCase(c *jsonpos.Node, path string, iids *scenario.IDs) {
	if c.Kind != jsonpos.Object {
		r.errorf(c, path, "an object with a continuum and actors", "%s is %s", path, c.Kind)
		return
	}
	if path != "" {
		r.unknownKeys(c, path, gameKeys)
	}
	id := r.firstOf(c, path, "text", "the case", "case_id", "question_id")
	is := scenario.Issue{ID: iids.Unique(scenario.Slug(strings.ToLower(id), fmt.Sprintf("q%d", len(r.s.Issues)+1))), Attrs: map[string]string{}}
	if id != "" {
		is.Attrs["question_id"] = id
	}
	var desc []string
	n0 := r.nerr
	if t := r.str(c.Get("title"), join(path, "title"), "description"); t != "" {
		desc = append(desc, t)
	}
	if path != "" {
		desc = append(desc, r.texts(c.Get("notes"), join(path, "notes"), "description")...)
	}
	is.Description = strings.Join(desc, "\n")
	if r.nerr == n0 { // each line good: the text they make, at its title
		r.text(first(c.Get("title"), c.Get("notes"), c), join(path, "title"), "description", is.Description)
	}
	for _, k := range []string{"template", "horizon", "domain", "data_collected", "ex_ante"} {
		if v := r.str(c.Get(k), join(path, k), "text"); v != "" {
			is.Attrs[k] = v
		}
	}
	if pf := c.Get("published_model_forecast"); pf != nil {
		is.Attrs["published_model_forecast"] = flat(pf)
		r.text(pf, join(path, "published_model_forecast"), "text", is.Attrs["published_model_forecast"])
	}
	// A library case's own frozen_at dates it, before its
	// data_collected (a game's is the file's, read by read).
	caseFrozen := false
	if f := c.Get("frozen_at"); f != nil && path != "" {
		if d, ok := r.frozenAt(f, join(path, "frozen_at")); ok {
			r.dates = append(r.dates, collectedDate{date: d, written: str(f), path: join(path, "frozen_at"), node: f, frozen: true})
			caseFrozen = true
		}
	}
	if dc := c.Get("data_collected"); dc != nil && dc.Kind != jsonpos.Null && dc.Kind != jsonpos.Object && dc.Kind != jsonpos.Array && !caseFrozen {
		r.collected(dc, join(path, "data_collected"))
	}
	caseSource := ""
	if src := r.str(c.Get("source"), join(path, "source"), "title"); src != "" {
		caseSource = r.source(src, "")
		is.Attrs["source"] = caseSource
	}
	// The continuum: label, anchors, scale.
	cn := c.Get("continuum")
	if cn == nil || cn.Kind != jsonpos.Object {
		r.errorf(c, join(path, "continuum"), `{"label": …, "anchor_0": …, "anchor_100": …}`, "no continuum")
		return
	}
	r.unknownKeys(cn, join(path, "continuum"), []string{"label", "anchor_0", "anchor_100", "markers"})
	is.Name = r.str(cn.Get("label"), join(path, "continuum.label"), "name")
	if is.Name == "" {
		is.Name = is.ID
	}
	lo, hi := 0.0, 100.0
	// written: each end as its label writes it, "(position X)"'s X or
	// the default 0 or 100.
	written := map[string]string{"anchor_0": "0", "anchor_100": "100"}
	endsOK := true
	anchor := func(key string, at float64) {
		n := cn.Get(key)
		if n == nil {
			return
		}
		label := str(n)
		if strings.TrimSpace(label) != "" && !r.text(n, join(path, "continuum."+key), "label", label) {
			endsOK = false
			return
		}
		if strings.TrimSpace(label) == "" {
			r.errorf(n, join(path, "continuum."+key), `text naming the option at this end of the continuum (e.g. "No deal (position 0)")`, "%s is %s", key, describe(n))
			return
		}
		if m := positionRE.FindStringSubmatch(label); m != nil {
			// The end of the issue's scale: what a scenario's scale
			// holds (scenario.ScaleProblem), at the label that says it.
			v, err := strconv.ParseFloat(m[1], 64)
			if err != nil || math.Abs(v) > scenario.MaxScale {
				r.errorf(n, join(path, "continuum."+key), `a label ending "(position X)" with X from -1e12 to 1e12, the end of the issue's scale`, "position %s is outside the allowed range", m[1])
				endsOK = false
				return
			}
			at, written[key] = v, m[1]
		}
		if key == "anchor_0" {
			lo = at
		} else {
			hi = at
		}
		is.Anchors = append(is.Anchors, scenario.Anchor{Value: at, Label: label})
	}
	n0Markers := r.nerr // the errors before the labels
	anchor("anchor_0", 0)
	anchor("anchor_100", 100)
	if !endsOK {
		return
	}
	if !(lo < hi) {
		same := ""
		if lo == hi && written["anchor_0"] != written["anchor_100"] {
			// "(position 0.1)" and "(position 0.10000000000000000001)"
			same = fmt.Sprintf(" (%s and %s are one number in a float64, which carries about 15 significant digits)", written["anchor_0"], written["anchor_100"])
		}
		r.errorf(cn, join(path, "continuum"), "anchor_0 below anchor_100", "the continuum runs from %v to %v%s", lo, hi, same)
		return
	}
	if msg, valid, ok := scenario.ScaleProblem(lo, hi); !ok {
		r.errorf(cn, join(path, "continuum"), valid+` (the issue's scale runs from anchor_0's "(position X)" to anchor_100's)`,
			"the continuum runs from %v to %v, the issue's scale: %s", lo, hi, msg)
		return
	}
	if mk := cn.Get("markers"); mk != nil {
		if mk.Kind != jsonpos.Object {
			r.errorf(mk, join(path, "continuum.markers"), `an object {"30": "what position 30 means", …}`, "markers is %s", mk.Kind)
		} else {
			for i, k := range mk.Keys {
				v, err := strconv.ParseFloat(strings.TrimSpace(k), 64)
				if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v < lo || v > hi {
					r.errorf(mk.Vals[i], join(path, "continuum.markers."+k), fmt.Sprintf("a key that is a position from %v to %v", lo, hi), "marker %q is not a position on the continuum", k)
					continue
				}
				label := str(mk.Vals[i])
				if strings.TrimSpace(label) == "" {
					r.errorf(mk.Vals[i], join(path, "continuum.markers."+k), "text saying what this position means", "marker %q is %s", k, describe(mk.Vals[i]))
					continue
				}
				r.text(mk.Vals[i], join(path, "continuum.markers."+k), "label", label)
				is.Anchors = append(is.Anchors, scenario.Anchor{Value: v, Label: label})
			}
		}
	}
	markersBad := r.nerr > n0Markers
	sort.SliceStable(is.Anchors, func(i, j int) bool { return is.Anchors[i].Value < is.Anchors[j].Value })
	// Equal values: keep the first label.
	var anchors []scenario.Anchor
	for _, a := range is.Anchors {
		if n := len(anchors); n > 0 && anchors[n-1].Value == a.Value {
			anchors[n-1].Label += "; " + a.Label
			continue
		}
		anchors = append(anchors, a)
	}
	is.Anchors = anchors
	for _, a := range anchors {
		// labels at one value are joined: the label they make, at the
		// continuum
		// (only when each label was good: a bad one is said once, at
		// its marker)
		if markersBad || strings.Contains(a.Label, "; ") && !r.text(cn, join(path, "continuum"), "label", a.Label) {
			break
		}
	}
	if lo != 0 || hi != 100 {
		is.Scale = &scenario.Scale{Min: lo, Max: hi}
	}
	if oc := c.Get("outcomes"); oc != nil && oc.Kind == jsonpos.Object {
		if r.outPath == "" {
			r.outPath = join(path, "outcomes")
		}
		r.outcomes(oc, join(path, "outcomes"), &is, lo, hi)
	} else if oc != nil && oc.Kind != jsonpos.Null {
		r.warnv(oc, join(path, "outcomes"), `{"near_term_by_2017": {"proposed_value": …, "basis": …}, …}`, "outcomes is %s, not an object of outcomes: ignored", oc.Kind)
	}
	if len(is.Attrs) == 0 {
		is.Attrs = nil
	}
	r.s.Issues = append(r.s.Issues, is)
	r.defs = append(r.defs, issueDef{continuum: cn, path: path})
	defer func(k, n int) { r.defs[k].rejected = r.nerr > n }(len(r.defs)-1, r.nerr)

	as := c.Get("actors")
	ap := join(path, "actors")
	if as == nil || as.Kind != jsonpos.Array || len(as.Items) == 0 {
		r.errorf(c, ap, "a list of actors, each with id, position, salience and capability", "no actors")
		return
	}
	if len(as.Items) > MaxActors {
		r.errorf(as, ap, fmt.Sprintf("at most %d actors", MaxActors), "%d actors", len(as.Items))
		return
	}
	caps := map[string]float64{}
	rng := map[string]*scenario.Range{}
	r.caps, r.capRng = append(r.caps, caps), append(r.capRng, rng)
	seen := map[string]bool{}
	for i, a := range as.Items {
		p := fmt.Sprintf("%s[%d]", ap, i)
		if a.Kind != jsonpos.Object {
			r.errorf(a, p, "an object with id, position, salience and capability", "%s is %s", p, a.Kind)
			continue
		}
		r.unknownKeys(a, p, []string{"id", "name", "position", "salience", "capability", "evidence"})
		fid := str(a.Get("id"))
		if fid == "" {
			fid = str(a.Get("name"))
		}
		if fid == "" {
			r.errorf(a, p+".id", "the actor's id", "missing")
			continue
		}
		if seen[fid] {
			r.errorf(a.Get("id"), p+".id", "an id not used by another actor of this question", "actor %q twice", fid)
			continue
		}
		seen[fid] = true
		pos, prng, ok1 := r.value(a.Get("position"), p+".position", lo, hi)
		sal, srng, ok2 := r.value(a.Get("salience"), p+".salience", 0, 100)
		cp, crng, ok3 := r.value(a.Get("capability"), p+".capability", 0, scenario.MaxCapability)
		if !ok1 || !ok2 || !ok3 {
			continue
		}
		if msg, valid, good := scenario.CapabilityProblem("capability", cp); !good {
			r.errorf(a.Get("capability"), p+".capability", valid, "%s", msg)
			continue
		}
		if crng != nil {
			if msg, valid, good := scenario.CapabilityProblem("low", crng[0]); !good {
				r.errorf(a.Get("capability").Get("low"), p+".capability.low", valid, "%s", msg)
				continue
			}
		}
		k, known := r.actorIdx[fid]
		if !known {
			k = len(r.s.Actors)
			r.actorIdx[fid] = k
			r.s.Actors = append(r.s.Actors, scenario.Actor{ID: r.aids.Unique(scenario.Slug(fid, fmt.Sprintf("a%d", k+1))), Name: r.str(a.Get("name"), p+".name", "name")})
		}
		caps[fid], rng[fid] = cp, crng
		r.maxSal = max(r.maxSal, sal)
		if srng != nil {
			r.maxSal = max(r.maxSal, srng[1])
		}
		st := scenario.Stance{Actor: r.s.Actors[k].ID, Issue: is.ID, Position: pos, Salience: sal}
		if prng != nil || srng != nil {
			st.Range = &scenario.StanceRange{Position: prng, Salience: srng}
		}
		st.Evidence = r.evidence(a.Get("evidence"), p+".evidence", caseSource)
		if len(st.Evidence) == 0 {
			st.Assumed = fmt.Sprintf("Schelling file %s lists no evidence for this stance", filepath.Base(r.name))
		}
		r.s.Stances = append(r.s.Stances, st)
	}
}

// value reads a number or a triangle {low, mode, high} within [lo, hi].
func (r *reader) value(n *jsonpos.Node, path string, lo, hi float64) (float64, *scenario.Range, bool) {
	valid := fmt.Sprintf("a number from %v to %v, or {\"low\": …, \"mode\": …, \"high\": …} with low ≤ mode ≤ high", lo, hi)
	if hi == math.MaxFloat64 {
		valid = `a number > 0, or {"low": …, "mode": …, "high": …} with 0 < low ≤ mode ≤ high`
	}
	num := func(n *jsonpos.Node, p string) (float64, bool) {
		if n == nil || n.Kind != jsonpos.Number {
			r.errorf(n, p, valid, "missing or not a number")
			return 0, false
		}
		v, err := strconv.ParseFloat(n.Str, 64)
		if err != nil || math.IsInf(v, 0) || v < lo || v > hi {
			r.errorf(n, p, valid, "%s is out of range", n.Str)
			return 0, false
		}
		return v, true
	}
	if n == nil {
		r.errorf(nil, path, valid, "missing")
		return 0, nil, false
	}
	if n.Kind != jsonpos.Object {
		v, ok := num(n, path)
		return v, nil, ok
	}
	l, ok1 := num(n.Get("low"), path+".low")
	m, ok2 := num(n.Get("mode"), path+".mode")
	h, ok3 := num(n.Get("high"), path+".high")
	if !ok1 || !ok2 || !ok3 {
		return 0, nil, false
	}
	if !(l <= m && m <= h) {
		r.errorf(n, path, valid, "low %v, mode %v, high %v are not in order", l, m, h)
		return 0, nil, false
	}
	if l == h {
		return m, nil, true
	}
	r.triangle = true
	return m, &scenario.Range{l, h}, true
}

// source returns the id of the scenario source with this title (or URL),
// adding it when new.
func (r *reader) source(title, url string) string {
	key := title + "\x00" + url
	if id, ok := r.srcIDs[key]; ok {
		return id
	}
	id := r.sids.Unique("src-" + strconv.Itoa(len(r.srcIDs)+1))
	r.srcIDs[key] = id
	r.s.Metadata.Sources = append(r.s.Metadata.Sources, scenario.Source{ID: id, Title: title, URL: url})
	return id
}

func (r *reader) evidence(n *jsonpos.Node, path, caseSource string) []scenario.Evidence {
	if n == nil || n.Kind == jsonpos.Null {
		return nil
	}
	if n.Kind != jsonpos.Array {
		r.errorf(n, path, "a list of quotes or {source, quote, date} objects", "evidence is %s", n.Kind)
		return nil
	}
	if len(n.Items) > MaxQuotes {
		r.errorf(n, path, fmt.Sprintf("at most %d evidence items", MaxQuotes), "%d items", len(n.Items))
		return nil
	}
	var out []scenario.Evidence
	for i, it := range n.Items {
		p := fmt.Sprintf("%s[%d]", path, i)
		ev := scenario.Evidence{}
		n0 := r.nerr // the errors before this item's
		switch it.Kind {
		case jsonpos.String:
			ev.Quote = r.str(it, p, "quote")
		case jsonpos.Object:
			r.unknownKeys(it, p, []string{"source", "quote", "date", "note", "source_title", "source_url", "url", "title"})
			if q := it.Get("quote"); q != nil && (q.Kind == jsonpos.Object || q.Kind == jsonpos.Array) {
				r.errorf(q, p+".quote", "a short verbatim quote from the source", "quote is %s", q.Kind)
				continue
			}
			ev.Quote, ev.Date, ev.Note = r.str(it.Get("quote"), p+".quote", "quote"), r.scalar(it.Get("date"), p+".date"), r.str(it.Get("note"), p+".note", "note")
			title := r.firstOf(it, p, "title", "the item's source", "source_title", "title", "source")
			url := r.firstOf(it, p, "url", "the item's source", "source_url", "url")
			if title != "" || url != "" {
				ev.Source = r.source(title, url)
			}
		default:
			r.errorf(it, p, "a quote (a string) or {source, quote, date}", "evidence item is %s", it.Kind)
			continue
		}
		if ev.Quote == "" {
			r.errorf(it, p+".quote", "a short verbatim quote from the source", "missing")
			continue
		}
		if ev.Source == "" {
			if caseSource == "" {
				caseSource = r.source("Schelling file "+filepath.Base(r.name), "")
			}
			ev.Source = caseSource
		}
		if ev.Date != "" && !scenario.IsDate(ev.Date) {
			r.warnf(it, p+".date", "date %q is not YYYY-MM-DD: kept in the note", ev.Date)
			// the date as a note's text, then the note it makes, when
			// the note alone was good (else it is said once, at .note)
			if r.text(it.Get("date"), p+".date", "note", ev.Date) && r.nerr == n0 {
				r.text(it.Get("date"), p+".date", "note", strings.TrimSpace(ev.Note+" (date: "+ev.Date+")"))
			}
			ev.Note = strings.TrimSpace(ev.Note + " (date: " + ev.Date + ")")
			ev.Date = ""
		}
		out = append(out, ev)
	}
	return out
}

// capabilities sets each actor's capability: the first case's; when a
// later case differs, one variant per case sets that case's values.
func (r *reader) capabilities(library bool, cases []*jsonpos.Node) {
	differ := false
	for fid, k := range r.actorIdx {
		a := &r.s.Actors[k]
		first := true
		for c := range r.caps {
			v, ok := r.caps[c][fid]
			if !ok {
				continue
			}
			if first {
				a.Capability, a.CapabilityRange = v, r.capRng[c][fid]
				a.CapabilityAssumed = fmt.Sprintf("Schelling file %s gives no evidence for capabilities", filepath.Base(r.name))
				first = false
			} else if v != a.Capability || !sameRange(r.capRng[c][fid], a.CapabilityRange) {
				differ = true
			}
		}
	}
	if !library || !differ {
		return
	}
	ids := make([]string, 0, len(r.actorIdx))
	for fid := range r.actorIdx {
		ids = append(ids, fid)
	}
	sort.Slice(ids, func(i, j int) bool { return r.actorIdx[ids[i]] < r.actorIdx[ids[j]] })
	var names []string
	for c, is := range r.s.Issues {
		v := scenario.Variant{ID: "case-" + is.ID, Name: is.Name,
			Description: fmt.Sprintf("the capabilities of case %s, as its file gives them", is.ID)}
		for _, fid := range ids {
			cp, ok := r.caps[c][fid]
			if !ok {
				continue
			}
			cp2 := cp
			v.Changes.Actors = append(v.Changes.Actors, scenario.ActorChange{ID: r.s.Actors[r.actorIdx[fid]].ID, Capability: &cp2, CapabilityRange: r.capRng[c][fid]})
		}
		r.s.Variants = append(r.s.Variants, v)
		names = append(names, v.ID)
	}
	r.warnf(cases[1], "cases", "an actor's capability differs between cases, and Parley holds one per actor: the base uses the first case's; run each case on its own numbers with --variant (%s)", strings.Join(names, ", "))
}

func sameRange(a, b *scenario.Range) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
