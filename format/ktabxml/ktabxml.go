// Package ktabxml reads and writes the XML scenario of KTAB's spatial
// model of politics (smpc --xml; KAPSARC's KTAB, examples/smp/doc/
// smpExample.xml and its schema smpSchema.xsd):
//
//	<Scenario>
//	  <name>…</name> <desc>…</desc> <prngSeed>…</prngSeed>
//	  <ModelParameters> <VictoryProbModel>Linear</VictoryProbModel> … </ModelParameters>
//	  <Dimensions> <dName>…</dName> … </Dimensions>
//	  <Actors> <Actor> <name/> <description/> <capability/>
//	           <Position><dCoord/>…</Position> <Salience><dSal/>…</Salience> </Actor> … </Actors>
//	  <IdealAdjustment> <iaPair> <adjustingIdeal/> <referencePos/> <adjust/> </iaPair> … </IdealAdjustment>
//	</Scenario>
//
// The scenario it builds is the one package ktab builds from the same data
// in KTAB's CSV: issues on 0–100, capability = capability, saliences on
// salience_scale 100. The model parameters become the smp model's
// settings (Params: smp-vote, smp-pce, …). Those Parley's smp does not
// implement are reported as warnings and left at Parley's default:
// VictoryProbModel other than Linear, PCEModel MarkovIncentive (the spec
// gives no formula), StateTransitions Stochastic (Parley's smp is
// deterministic; the prngSeed is then unused too), VotingRule ASymProsp,
// and any IdealAdjustment other than each actor's ideal staying at its own
// position (Parley's smp keeps ideals equal to positions, spec §1.10).
//
// Schema limits are checked: at least 3 actors, capability in (0, 1000],
// coordinates and saliences in [0, 100], an actor's saliences summing to
// at most 100 (as KTAB's CSV reader checks), as many coordinates and
// saliences as dimensions. An empty <dCoord/> or <dSal/> (smpExample.xml
// has one) is not a number the schema allows; it is read as 0, as KTAB's
// reader does with an empty text, with a warning.
//
// A dimension on which every salience is 0 is an error at its <dName>: no
// model can weigh it (scenario.UnweighedIssues, the rule Validate applies).
package ktabxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"parley/errs"
	"parley/format/ktab"
	"parley/format/origin"
	"parley/scenario"
)

// Limits of what Read accepts, so a hostile file costs bounded time and
// memory.
const (
	MaxBytes    = 16 << 20
	MaxActors   = 10000
	MaxDims     = 1000
	MaxCap      = 1000
	MaxDepth    = 32
	MaxElements = 1 << 20
	MinActors   = 3
)

// Detect reports whether head (the start of a file) looks like a KTAB XML
// scenario: XML whose root element is <Scenario>.
func Detect(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\xef\xbb\xbf")), " \t\r\n")
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	i := bytes.Index(head, []byte("<Scenario"))
	if i < 0 || i+9 >= len(head) {
		return false
	}
	c := head[i+9]
	return c == '>' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/'
}

// elem is one XML element with where it starts.
type elem struct {
	name      string
	line, col int
	text      string
	kids      []*elem
}

func (e *elem) child(name string) *elem {
	for _, k := range e.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

func (e *elem) all(name string) []*elem {
	var out []*elem
	for _, k := range e.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

func parse(name string, data []byte) (*elem, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	var stack []*elem
	var root *elem
	n := 0
	fail := func(msg string) error {
		l, c := d.InputPos()
		return scenario.Diagnostics{{File: name, Line: l, Column: c, Message: msg, Valid: "a KTAB XML scenario (smpSchema.xsd)"}}
	}
	for {
		l, c := d.InputPos()
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			msg := err.Error()
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				msg = se.Msg
				return nil, scenario.Diagnostics{{File: name, Line: se.Line, Column: 0, Message: "not well-formed XML: " + msg, Valid: "a KTAB XML scenario (smpSchema.xsd)"}}
			}
			return nil, fail("not well-formed XML: " + msg)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			n++
			if n > MaxElements {
				return nil, fail(fmt.Sprintf("more than %d elements", MaxElements))
			}
			if len(stack) >= MaxDepth {
				return nil, fail(fmt.Sprintf("elements nested deeper than %d", MaxDepth))
			}
			e := &elem{name: t.Name.Local, line: l, col: c}
			if len(stack) > 0 {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, e)
			} else if root == nil {
				root = e
			}
			stack = append(stack, e)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) > 0 {
				e := stack[len(stack)-1]
				if len(e.text) < 1<<16 {
					e.text += string(t)
				}
			}
		}
	}
	if root == nil {
		return nil, fail("no XML element")
	}
	return root, nil
}

// Info is what Read found beside the scenario.
type Info struct {
	// Params are the smp model's settings the file asks for, by Parley's
	// name (smp-vote, smp-pce, …), with KTAB's value names.
	Params map[string]string
	// Warnings name what Parley ignores or assumed.
	Warnings scenario.Diagnostics
}

// param maps one ModelParameters element to an smp setting: KTAB's value
// name → Parley's ("" = not implemented: reported, default kept).
type param struct {
	elem, setting string
	values        map[string]string
	why           string
}

var params = []param{
	{"VictoryProbModel", "", map[string]string{"Linear": "Linear", "Square": "", "Quartic": "", "Octic": "", "Binary": ""},
		"Parley's smp uses the Linear victory-probability model only (spec §1.5)"},
	{"PCEModel", "smp-pce", map[string]string{"Conditional": "Conditional", "MarkovUniform": "MarkovUniform", "MarkovIncentive": ""},
		"the spec names MarkovIncentive without a formula; Parley uses Conditional"},
	{"StateTransitions", "", map[string]string{"Deterministic": "Deterministic", "Stochastic": ""},
		"Parley's smp is deterministic (KTAB's stochastic mode is not reproducible even with a seed, spec §0); the most probable state is taken"},
	{"VotingRule", "smp-vote", map[string]string{"Proportional": "Prop", "Prop": "Prop", "Binary": "Binary", "PropBin": "PropBin", "PropCbc": "PropCbc", "Cubic": "Cubic", "ASymProsp": ""},
		"the spec gives no formula for ASymProsp; Parley uses Proportional"},
	{"BigRAdjust", "smp-risk-adjust", map[string]string{"Full": "Full", "TwoThirds": "TwoThirds", "Half": "Half", "OneThird": "OneThird", "No": "None", "None": "None"}, ""},
	{"BigRRange", "smp-risk-range", map[string]string{"Min": "Min", "Mid": "Mid", "Max": "Max"}, ""},
	{"ThirdPartyCommit", "smp-commit", map[string]string{"NoCommit": "NoCommit", "SemiCommit": "SemiCommit", "FullCommit": "FullCommit"}, ""},
	{"InterVecBrgn", "smp-interp", map[string]string{"S1P1": "S1P1", "S2P2": "S2P2", "S2PMax": "S2PMax"}, ""},
	{"BargnModel", "smp-bargain", map[string]string{"InitOnlyInterp": "InitOnlyInterp", "InitRcvrInterp": "InitRcvrInterp", "PWCompInterp": "PWCompInterp"}, ""},
}

type reader struct {
	name   string
	limits scenario.Limits
	ds     scenario.Diagnostics
}

func (r *reader) errorf(e *elem, path, valid, format string, args ...any) {
	d := scenario.Diagnostic{File: r.name, Path: path, Message: fmt.Sprintf(format, args...), Valid: valid}
	if e != nil {
		d.Line, d.Column = e.line, e.col
	}
	r.ds = append(r.ds, d)
}

func (r *reader) warnf(e *elem, path, format string, args ...any) {
	d := scenario.Diagnostic{File: r.name, Path: path, Message: fmt.Sprintf(format, args...), Warning: true}
	if e != nil {
		d.Line, d.Column = e.line, e.col
	}
	r.ds = append(r.ds, d)
}

// text returns e's text, refusing at e what the scenario's field of that
// name may not hold (scenario.Limits.TextProblem), in Validate's words;
// the text is returned either way, and the refusal makes Read fail.
func (r *reader) text(e *elem, path, field string) string {
	t := text(e)
	if d, ok := r.limits.TextProblem(field, t); !ok {
		r.errorf(e, path, d.Valid, "%s", d.Message)
	}
	return t
}

func (r *reader) split() (errs, warns scenario.Diagnostics) {
	for _, d := range r.ds {
		if d.Warning {
			warns = append(warns, d)
		} else {
			errs = append(errs, d)
		}
	}
	return errs, warns
}

// Read parses a KTAB XML scenario. Errors are scenario.Diagnostics naming
// file, line and column.
func Read(name string, rd io.Reader) (*scenario.Scenario, Info, error) {
	return ReadLimits(name, rd, scenario.Limits{})
}

// ReadLimits is Read within the limits l (zero fields: their defaults):
// a text longer than its kind's limit, or holding a character a
// scenario's text may not (scenario.Limits.TextProblem), is refused at its
// element's line.
func ReadLimits(name string, rd io.Reader, l scenario.Limits) (*scenario.Scenario, Info, error) {
	data, err := io.ReadAll(io.LimitReader(rd, MaxBytes+1))
	if err != nil {
		return nil, Info{}, errs.Wrap(errs.Internal, fmt.Errorf("%s: %w", name, err))
	}
	if len(data) > MaxBytes {
		return nil, Info{}, scenario.Diagnostics{{File: name, Path: "file", Message: "the file is larger than 16 MiB", Valid: "a KTAB XML scenario of at most 16 MiB"}}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	root, err := parse(name, data)
	if err != nil {
		return nil, Info{}, err
	}
	r := &reader{name: name, limits: l}
	s, info := r.build(root)
	es, ws := r.split()
	if len(es) > 0 {
		return nil, Info{}, es.Cap(0, scenario.More{})
	}
	info.Warnings = ws.Cap(0, scenario.More{})
	return s, info, nil
}

func text(e *elem) string {
	if e == nil {
		return ""
	}
	return strings.TrimSpace(e.text)
}

func (r *reader) number(e *elem, path string, lo, hi float64, emptyOK bool) (float64, bool) {
	valid := fmt.Sprintf("a number from %v to %v", lo, hi)
	if e == nil {
		r.errorf(nil, path, valid, "missing")
		return 0, false
	}
	t := text(e)
	if t == "" && emptyOK {
		r.warnf(e, path, "empty: the schema needs a number from %v to %v; read as 0", lo, hi)
		return 0, true
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || v < lo || v > hi {
		r.errorf(e, path, valid, "%q is not allowed", t)
		return 0, false
	}
	return v, true
}

func (r *reader) build(root *elem) (*scenario.Scenario, Info) {
	info := Info{Params: map[string]string{}}
	if root.name != "Scenario" {
		r.errorf(root, root.name, "a <Scenario> root element", "the root element is <%s>", root.name)
		return nil, info
	}
	title := r.text(root.child("name"), "name", "title")
	s := &scenario.Scenario{Metadata: scenario.Metadata{
		ID: scenario.Slug(title, "ktab"), Title: title, Description: r.text(root.child("desc"), "desc", "description"),
		AsOf: scenario.UnknownDate, SalienceScale: 100, CapabilityScale: "KTAB capability (raw, as in the file)",
	}}
	known := map[string]bool{"name": true, "desc": true, "prngSeed": true, "ModelParameters": true, "Dimensions": true, "Actors": true, "IdealAdjustment": true}
	for _, k := range root.kids {
		if !known[k.name] {
			r.warnf(k, k.name, "<%s> is not part of KTAB's scenario schema: ignored", k.name)
		}
	}
	stochastic := false
	if mp := root.child("ModelParameters"); mp != nil {
		for _, p := range params {
			e := mp.child(p.elem)
			path := "ModelParameters." + p.elem
			if e == nil {
				continue
			}
			v := text(e)
			to, ok := p.values[v]
			if !ok {
				r.errorf(e, path, "one of "+strings.Join(slices.Sorted(maps.Keys(p.values)), ", "), "%s %q is not one of KTAB's values", p.elem, v)
				continue
			}
			if to == "" {
				r.warnf(e, path, "%s %s is ignored: %s", p.elem, v, p.why)
				stochastic = stochastic || v == "Stochastic"
				continue
			}
			if p.setting != "" {
				info.Params[p.setting] = to
			}
		}
	}
	if seed := root.child("prngSeed"); seed != nil && text(seed) != "" && stochastic {
		r.warnf(seed, "prngSeed", "prngSeed %s is unused: Parley's smp draws no random numbers", text(seed))
	}
	dimNames := []string{}
	var dimElems []*elem // each dimension's <dName>, when the file names them
	if dm := root.child("Dimensions"); dm != nil {
		for k, d := range dm.all("dName") {
			dimNames = append(dimNames, r.text(d, fmt.Sprintf("Dimensions.dName[%d]", k+1), "name"))
			dimElems = append(dimElems, d)
		}
	}
	as := root.child("Actors")
	if as == nil {
		r.errorf(root, "Actors", "an <Actors> element with at least 3 <Actor>", "no <Actors>")
		return nil, info
	}
	actors := as.all("Actor")
	if len(actors) < MinActors || len(actors) > MaxActors {
		r.errorf(as, "Actors", fmt.Sprintf("from %d to %d <Actor> elements", MinActors, MaxActors), "%d actors", len(actors))
		return nil, info
	}
	nd := len(dimNames)
	if nd == 0 {
		if p := actors[0].child("Position"); p != nil {
			nd = len(p.all("dCoord"))
		}
		for k := 0; k < nd; k++ {
			dimNames = append(dimNames, fmt.Sprintf("Dimension %d", k+1))
		}
	}
	if nd < 1 || nd > MaxDims {
		r.errorf(as, "Dimensions", fmt.Sprintf("from 1 to %d dimensions", MaxDims), "%d dimensions", nd)
		return nil, info
	}
	ids := scenario.NewIDs(nd)
	for k, dn := range dimNames {
		s.Issues = append(s.Issues, scenario.Issue{ID: ids.Unique(scenario.Slug(strings.ToLower(dn), fmt.Sprintf("dim%d", k+1))), Name: dn})
	}
	aids := scenario.NewIDs(len(actors))
	names := map[string]string{}
	// rejected[k] marks a dimension on which an actor's salience was not
	// read for an error: it might weigh the dimension once fixed.
	rejected := make([]bool, nd)
	rejectAll := func() {
		for k := range rejected {
			rejected[k] = true
		}
	}
	for i, a := range actors {
		p := fmt.Sprintf("Actors.Actor[%d]", i+1)
		nm := r.text(a.child("name"), p+".name", "name")
		if nm == "" {
			r.errorf(a, p+".name", "the actor's name", "missing")
			rejectAll()
			continue
		}
		if _, dup := names[nm]; dup {
			r.errorf(a.child("name"), p+".name", "a name no other actor has", "actor %q twice", nm)
			rejectAll()
			continue
		}
		cp, ok := r.number(a.child("capability"), p+".capability", 0, MaxCap, false)
		if !ok {
			rejectAll()
			continue
		}
		if cp == 0 {
			r.errorf(a.child("capability"), p+".capability", "a number > 0 and ≤ 1000 (KTAB reads 0 but its run fails on it)", "capability 0")
			rejectAll()
			continue
		}
		if cp < scenario.MinCapability {
			// what a scenario holds (Validate's magnitudes)
			r.errorf(a.child("capability"), p+".capability", "a number from 1e-9 to 1000 (rescale the capabilities: the models are invariant to their unit)", "capability %v is outside the allowed range", cp)
			rejectAll()
			continue
		}
		id := aids.Unique(scenario.Slug(nm, fmt.Sprintf("a%d", i+1)))
		names[nm] = id
		s.Actors = append(s.Actors, scenario.Actor{ID: id, Name: nm, Description: r.text(a.child("description"), p+".description", "description"), Capability: cp,
			CapabilityAssumed: origin.Line("KTAB XML", r.name, a.line)})
		pos, sal := a.child("Position"), a.child("Salience")
		if pos == nil || sal == nil {
			r.errorf(a, p, "<Position> and <Salience>, one <dCoord> and <dSal> per dimension", "no <Position> or <Salience>")
			rejectAll()
			continue
		}
		cs, ss := pos.all("dCoord"), sal.all("dSal")
		if len(cs) != nd || len(ss) != nd {
			r.errorf(pos, p, fmt.Sprintf("%d <dCoord> and %d <dSal>, one per dimension", nd, nd), "%d coordinates and %d saliences", len(cs), len(ss))
			rejectAll()
			continue
		}
		sum := 0.0
		for k := 0; k < nd; k++ {
			x, ok1 := r.number(cs[k], fmt.Sprintf("%s.Position.dCoord[%d]", p, k+1), 0, 100, true)
			w, ok2 := r.number(ss[k], fmt.Sprintf("%s.Salience.dSal[%d]", p, k+1), 0, 100, true)
			if !ok1 || !ok2 {
				rejected[k] = true
				continue
			}
			sum += w
			if sum > 100 {
				r.errorf(ss[k], fmt.Sprintf("%s.Salience.dSal[%d]", p, k+1), "saliences of one actor summing to at most 100", "the saliences of %s add up to %v by this one", nm, sum)
				for ; k < nd; k++ {
					rejected[k] = true
				}
				break
			}
			s.Stances = append(s.Stances, scenario.Stance{Actor: id, Issue: s.Issues[k].ID, Position: x, Salience: w,
				Assumed: origin.Line("KTAB XML", r.name, cs[k].line)})
		}
	}
	if ia := root.child("IdealAdjustment"); ia != nil {
		for i, pr := range ia.all("iaPair") {
			adj, ref := text(pr.child("adjustingIdeal")), text(pr.child("referencePos"))
			v, err := strconv.ParseFloat(text(pr.child("adjust")), 64)
			if err != nil {
				r.errorf(pr, fmt.Sprintf("IdealAdjustment.iaPair[%d].adjust", i+1), "a number", "%q is not a number", text(pr.child("adjust")))
				continue
			}
			if names[adj] == "" || names[ref] == "" {
				r.errorf(pr, fmt.Sprintf("IdealAdjustment.iaPair[%d]", i+1), "names of actors in <Actors>", "unknown actor %q or %q", adj, ref)
				continue
			}
			if adj == ref && v == 1 {
				continue // the identity Parley's smp assumes
			}
			r.warnf(pr, fmt.Sprintf("IdealAdjustment.iaPair[%d]", i+1), "ideal adjustment %s ← %s %v is ignored: Parley's smp keeps each actor's ideal at its own position (spec §1.10)", adj, ref, v)
		}
	}
	// A dimension no actor weighs is Validate's error (the rule is
	// scenario's), reported here at its <dName>, or, when the file names
	// no dimensions, at the first actor's <dSal> for it.
	for _, k := range s.UnweighedIssues() {
		if rejected[k] {
			continue
		}
		d := scenario.UnweighedIssue(k, s.Issues[k].ID)
		if k < len(dimElems) {
			r.errorf(dimElems[k], fmt.Sprintf("Dimensions.dName[%d]", k+1), d.Valid, "%s", d.Message)
			continue
		}
		var at *elem
		if sal := actors[0].child("Salience"); sal != nil {
			if ss := sal.all("dSal"); k < len(ss) {
				at = ss[k]
			}
		}
		r.errorf(at, fmt.Sprintf("Actors.Actor[1].Salience.dSal[%d]", k+1), d.Valid, "%s", d.Message)
	}
	return s, info
}

// Write writes s as a KTAB XML scenario with the smp settings params (by
// Parley's names; those not given are written as KTAB's defaults). It
// returns what the file could not hold. Capabilities above the schema's
// 1000 are all scaled to fit (models read them relative to each other).
func Write(w io.Writer, s *scenario.Scenario, settings map[string]string) ([]string, error) {
	t, err := ktab.NewTable(s)
	if err != nil {
		return nil, err
	}
	scale := t.PowerScale(MaxCap, "the schema's 1000")
	var b bytes.Buffer
	esc := func(s string) string {
		var x bytes.Buffer
		_ = xml.EscapeText(&x, []byte(s))
		return x.String()
	}
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Scenario xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"smpSchema.xsd\">\n")
	fmt.Fprintf(&b, "  <name>%s</name>\n  <desc>%s</desc>\n  <prngSeed>0</prngSeed>\n  <ModelParameters>\n", esc(t.Name), esc(t.Desc))
	for _, p := range params {
		v := ""
		switch p.elem {
		case "VictoryProbModel":
			v = "Linear"
		case "StateTransitions":
			v = "Deterministic"
		default:
			want := settings[p.setting]
			for k, to := range p.values {
				if to != "" && to == want && k != "Prop" && k != "None" {
					v = k
				}
			}
			if v == "" {
				v = defaults[p.elem]
			}
		}
		fmt.Fprintf(&b, "    <%s>%s</%s>\n", p.elem, v, p.elem)
	}
	b.WriteString("  </ModelParameters>\n  <Dimensions>\n")
	for _, d := range t.Dims {
		fmt.Fprintf(&b, "    <dName>%s</dName>\n", esc(d))
	}
	b.WriteString("  </Dimensions>\n  <Actors>\n")
	for _, a := range t.Actors {
		fmt.Fprintf(&b, "    <Actor>\n      <name>%s</name>\n      <description>%s</description>\n      <capability>%s</capability>\n      <Position>\n", esc(a.Name), esc(a.Desc), ktab.Num(a.Power*scale))
		for _, x := range a.Pos {
			fmt.Fprintf(&b, "        <dCoord>%s</dCoord>\n", ktab.Num(x))
		}
		b.WriteString("      </Position>\n      <Salience>\n")
		for _, x := range a.Sal {
			fmt.Fprintf(&b, "        <dSal>%s</dSal>\n", ktab.Num(x))
		}
		b.WriteString("      </Salience>\n    </Actor>\n")
	}
	b.WriteString("  </Actors>\n</Scenario>\n")
	_, err = w.Write(b.Bytes())
	return t.Lost, err
}

// defaults are KTAB's default model parameters (spec §1.1), in the
// schema's spelling.
var defaults = map[string]string{
	"PCEModel": "Conditional", "VotingRule": "Proportional", "BigRAdjust": "OneThird", "BigRRange": "Mid",
	"ThirdPartyCommit": "SemiCommit", "InterVecBrgn": "S2P2", "BargnModel": "InitOnlyInterp",
}
