package ask

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"parley/errs"
	"parley/evidence"
	"parley/format/bdmcsv"
	"parley/format/decide"
	"parley/format/ktab"
	"parley/format/ktabxml"
	"parley/format/schelling"
	"parley/scenario"
	"parley/scenariofile"
	"parley/scenarios"
)

// Format is a file format Parley reads: its own scenario format or a peer
// tool's input file.
type Format struct {
	// Name is what users type (parley import NAME, ?format=NAME).
	Name string
	// Summary is one line: what the file is.
	Summary string
	detect  func(head []byte) bool
	// read reads a file within the limits (its texts refused at their
	// lines, scenario.Limits.TextProblem).
	read func(name string, data []byte, l scenario.Limits) (*scenario.Scenario, error)
	// readMore is read for formats that also report warnings and model
	// settings the file asks for.
	readMore func(name string, data []byte, l scenario.Limits) (*scenario.Scenario, scenario.Diagnostics, map[string]string, error)
}

// Scenario is the name of Parley's own format.
const Scenario = "scenario"

// peers are the peer tools' formats, in the order detection tries them.
var peers = []Format{
	{Name: "bdmcsv", Summary: "the one-issue CSV of Bueno de Mesquita expected-utility studies (Actor,Capability,Position,Salience)",
		detect: bdmcsv.Detect, read: func(n string, d []byte, l scenario.Limits) (*scenario.Scenario, error) {
			return bdmcsv.ReadLimits(n, bytes.NewReader(d), l)
		}},
	{Name: "ktab", Summary: "a KTAB spatial-model-of-politics CSV (smpc --csv)",
		detect: ktab.Detect, read: func(n string, d []byte, l scenario.Limits) (*scenario.Scenario, error) {
			return ktab.ReadLimits(n, bytes.NewReader(d), l)
		}},
	{Name: "decide", Summary: "a Decide input file (#A/#P/#M/#D rows; Stokman's exchange model)",
		detect: decide.Detect, read: func(n string, d []byte, l scenario.Limits) (*scenario.Scenario, error) {
			return decide.ReadLimits(n, bytes.NewReader(d), l)
		}},
	{Name: "ktab-xml", Summary: "a KTAB XML scenario (smpc --xml; smpSchema.xsd), its model parameters as smp settings",
		detect: ktabxml.Detect, readMore: func(n string, d []byte, l scenario.Limits) (*scenario.Scenario, scenario.Diagnostics, map[string]string, error) {
			s, info, err := ktabxml.ReadLimits(n, bytes.NewReader(d), l)
			return s, info.Warnings, info.Params, err
		}},
	{Name: "schelling", Summary: "a Schelling JSON game specification or case library (continuum, anchors, triangular ranges, evidence)",
		detect: schelling.Detect, readMore: func(n string, d []byte, l scenario.Limits) (*scenario.Scenario, scenario.Diagnostics, map[string]string, error) {
			s, w, err := schelling.ReadLimits(n, bytes.NewReader(d), l)
			return s, w, nil, err
		}},
}

// Formats lists every format Parley reads: its own first, then the peers.
func Formats() []Format {
	return append([]Format{{Name: Scenario, Summary: "a Parley scenario in YAML or JSON (docs/format.md)"}}, peers...)
}

// ParamFlags writes the model settings the input asks for (Params) as the
// command line's flags, by name: "--smp-vote Binary --smp-pcem Cond".
func (in *Input) ParamFlags() string {
	var ps []string
	for _, k := range slices.Sorted(maps.Keys(in.Params)) {
		ps = append(ps, "--"+k+" "+in.Params[k])
	}
	return strings.Join(ps, " ")
}

// FormatNames returns the names of Formats, in order.
func FormatNames() []string {
	var out []string
	for _, f := range Formats() {
		out = append(out, f.Name)
	}
	return out
}

// Input is a loaded scenario, in any format, before a snapshot and variant
// are chosen. It is read-only once loaded and may be shared.
type Input struct {
	// Name is the file the scenario came from, "built-in: NAME" or
	// `stored scenario "NAME" (ID)`.
	Name string
	// Format is "scenario" or the peer format it was read in.
	Format   string
	Scenario *scenario.Scenario
	// Warnings are non-fatal diagnostics.
	Warnings scenario.Diagnostics
	// Params are model settings the file asks for (a KTAB XML scenario's
	// model parameters, as smp settings). A request's own settings
	// override them.
	Params map[string]string
	// Sources are the scenario's sources as read when it was loaded
	// (package evidence), Spans where each evidence item's quote was found.
	Sources []*evidence.Source
	Spans   [][2]int
	// SourcesRead says whether source files were looked for at all.
	SourcesRead bool

	// lookAhead are the scenario's look-ahead notes (scenario.LookAhead:
	// quotes dated after the date from which the number they support
	// takes effect), worked out once as the file was loaded, each naming
	// the file and, for a scenario file, the quote's line and column
	// (the file's places are gone after): Checked gives them, so every
	// door that shows them shows these.
	lookAhead scenario.Diagnostics
}

// BuiltIn loads the built-in case.
func BuiltIn() (*Input, error) { return BuiltInWith(context.Background(), LoadOptions{}) }

// BuiltInWith loads the built-in case with options: its source files are
// not built in, so they are read only from o.SourceDirs (docs/DECISIONS.md),
// until ctx is done (LoadContext).
func BuiltInWith(ctx context.Context, o LoadOptions) (*Input, error) {
	n, d := scenarios.Default()
	o.Format = Scenario
	return LoadContext(ctx, "built-in: "+n, d, o)
}

// LoadOptions say how to read an input.
type LoadOptions struct {
	// Format forces a format by name; "" detects it.
	Format string
	// Strict makes warnings errors.
	Strict bool
	// Limits bound the input (zero fields: their defaults; see
	// scenario.Limits and docs/limits.md).
	Limits scenario.Limits
	// SourceDirs are the folders a source's file is looked for in, in
	// order (the --sources folder, then the scenario file's). None: files
	// are not read and only evidence dates are checked.
	SourceDirs []string
	// ConfinedSources, when set, is the one folder source files are read
	// from, refusing names that climb out of it (the server's --sources).
	ConfinedSources string
	// MissingUnchecked makes a source file not found a warning that its
	// quotes are not checked, not an error; every other finding of the
	// check is as validate's (parley brief: docs/DECISIONS.md).
	MissingUnchecked bool
	// ForAnswer checks the quotes for an answer rather than for
	// validate: a quote not found in its source, or a source file whose
	// hash differs, is a warning that every answer's scenario header
	// gives (Scenario.Warnings), and one warning counts the quotes whose
	// source names no file (evidence.CheckForAnswerContext; parley
	// forecast and every answer read from a scenario file at the command
	// line: docs/DECISIONS.md).
	ForAnswer bool
}

// opener returns where the options say source files are read from.
func (o LoadOptions) opener() evidence.Opener {
	switch {
	case o.ConfinedSources != "":
		return evidence.Confined(o.ConfinedSources)
	case len(o.SourceDirs) > 0:
		return evidence.Dirs(o.SourceDirs...)
	}
	return nil
}

// maxForeign is how many errors to list for a file that does not look
// like a scenario.
const maxForeign = 8

// Load reads a scenario file or a peer tool's file from its bytes. name
// is what diagnostics cite.
func Load(name string, data []byte, o LoadOptions) (*Input, error) {
	return LoadContext(context.Background(), name, data, o)
}

// LoadContext is Load whose reading of source files and check of quotes
// (o.SourceDirs, o.ConfinedSources) stop once ctx is done, with ctx's
// error: a large source takes seconds to check.
func LoadContext(ctx context.Context, name string, data []byte, o LoadOptions) (*Input, error) {
	o.Limits = o.Limits.WithDefaults()
	if int64(len(data)) > o.Limits.Bytes {
		d := scenario.LimitError("bytes", o.Limits.Bytes, fmt.Sprintf("%d bytes", len(data)))
		d.File = name
		return nil, scenario.Diagnostics{d}
	}
	if o.Format != "" && o.Format != Scenario {
		f, err := formatByName(o.Format)
		if err != nil {
			return nil, err
		}
		return readPeer(f, name, data, o.Limits)
	}
	op := o.opener()
	var srcs []*evidence.Source
	var spans [][2]int
	var stopped error
	var lookAhead scenario.Diagnostics
	s, ds, detected := scenariofile.ParseDetectPlaced(name, data, o.Limits, func(s *scenario.Scenario, place scenariofile.Place) scenario.Diagnostics {
		// The look-ahead notes, placed at their quotes while the file's
		// places are known (Input.lookAhead).
		lookAhead = lookAheadOf(name, s, place)
		if srcs, stopped = evidence.LoadContext(ctx, s, op); stopped != nil {
			return nil
		}
		for _, src := range srcs {
			src.MissingUnchecked = o.MissingUnchecked
		}
		var eds scenario.Diagnostics
		check := evidence.CheckLoadedContext
		if o.ForAnswer {
			check = evidence.CheckForAnswerContext
		}
		eds, spans, stopped = check(ctx, s, srcs, op)
		return eds
	})
	if stopped != nil {
		return nil, stopped
	}
	if o.Format == "" && !detected {
		head := data[:min(len(data), 4096)]
		for _, f := range peers {
			if f.detect(head) {
				return readPeer(f, name, data, o.Limits)
			}
		}
		ext := strings.ToLower(filepath.Ext(name))
		if ext != ".yaml" && ext != ".yml" && ext != ".json" {
			return nil, errs.New(errs.Invalid, "%s: not a file Parley can read; valid: a scenario in YAML or JSON (see docs/format.md)%s", name, peerList())
		}
	}
	if es := ds.Errors(o.Strict); !detected && len(es) > maxForeign {
		// Probably not a scenario at all: a wall of errors helps nobody.
		more := fmt.Sprintf("… and %d more: is %s a Parley scenario? A scenario file has metadata, issues, actors and stances (docs/format.md)%s",
			len(es)-maxForeign, name, peerList())
		return nil, append(es[:maxForeign:maxForeign], scenario.Diagnostic{Message: more})
	}
	if err := ds.Err(o.Strict); err != nil || s == nil {
		if err == nil {
			err = errs.New(errs.Invalid, "%s: not a scenario", name)
		}
		return nil, err
	}
	w := ds.Warnings()
	if w == nil {
		w = scenario.Diagnostics{}
	}
	return &Input{Name: name, Format: Scenario, Scenario: s, Warnings: w, Sources: srcs, Spans: spans, SourcesRead: op != nil, lookAhead: lookAhead}, nil
}

// lookAheadOf is s's look-ahead notes (scenario.LookAhead) as read from
// the file name, each at its quote's line and column where place (nil
// for a peer format's file) finds it.
func lookAheadOf(name string, s *scenario.Scenario, place scenariofile.Place) scenario.Diagnostics {
	ds := s.LookAhead()
	for i := range ds {
		ds[i].File = name
		if place == nil {
			continue
		}
		if l, c := place(ds[i].Path); l > 0 {
			ds[i].Line, ds[i].Column = l, c
		}
	}
	return ds
}

// readPeer reads a peer format's file, then holds the scenario to the
// limits and to Validate's rules (magnitudes included) as a scenario file
// is held: a peer reader checks its own format's rules, not every number
// a model needs finite. The reader's own warnings (what it ignored or
// assumed) come first.
func readPeer(f Format, name string, data []byte, limits scenario.Limits) (*Input, error) {
	var s *scenario.Scenario
	var fw scenario.Diagnostics
	var params map[string]string
	var err error
	if f.readMore != nil {
		s, fw, params, err = f.readMore(name, data, limits)
	} else {
		s, err = f.read(name, data, limits)
	}
	if err != nil {
		return nil, errs.Wrap(errs.Invalid, err)
	}
	// A file with no date says so, in one sentence whatever its format.
	if !s.Metadata.NoteUnknownDate(limits) {
		fw = append(fw, scenario.Diagnostic{File: name, Path: "metadata.as_of", Message: scenario.UnknownDateNote, Warning: true})
	}
	if ds := s.CheckLimits(limits); len(ds) > 0 {
		for i := range ds {
			ds[i].File = name
		}
		return nil, ds
	}
	vds := s.Validate()
	if es := vds.Errors(false); len(es) > 0 {
		for i := range es {
			es[i].File = name
			es[i].Message += " (in the scenario read from this " + f.Name + " file)"
		}
		return nil, es
	}
	w := append(scenario.Diagnostics{}, fw...)
	w = append(w, vds.Warnings()...)
	if len(params) == 0 {
		params = nil
	}
	return &Input{Name: name, Format: f.Name, Scenario: s, Warnings: w, Params: params, lookAhead: lookAheadOf(name, s, nil)}, nil
}

func formatByName(name string) (Format, error) {
	for _, f := range peers {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, errs.Field("format", "unknown format %q; valid: %s", name, strings.Join(FormatNames(), ", "))
}

func peerList() string {
	var names []string
	for _, f := range peers {
		names = append(names, f.Name)
	}
	return ", or one of the peer formats: " + strings.Join(names, ", ")
}

// Import converts a file in the named peer format ("" detects it; a
// scenario file is returned as it is) into a scenario file in YAML, within
// the limits (zero: the defaults).
//
// The file it writes is at most maxBytes long (0: the bytes limit, which
// reading it back would hold it to): a peer format is far terser than a
// scenario file (an 880 kB KTAB CSV of 250 actors × 500 dimensions is
// 13.9 MB of YAML, 6 s and 540 MB to write, 9 s and 640 MB each time it
// is read), so a small upload could store a scenario far larger than any
// that may be sent. Over it, the error is an *ImportTooLarge: before the
// file is written when its stances alone need more (importLeastBytes
// each), else once it is.
func Import(format, name string, data []byte, limits scenario.Limits, maxBytes int64) ([]byte, *Input, error) {
	in, err := Load(name, data, LoadOptions{Format: format, Limits: limits})
	if err != nil {
		return nil, nil, err
	}
	if in.Format == Scenario {
		return data, in, nil
	}
	if maxBytes <= 0 {
		maxBytes = limits.WithDefaults().Bytes
	}
	tooLarge := &ImportTooLarge{Name: name, Format: in.Format, Stances: len(in.Scenario.Stances), Max: maxBytes}
	if least := int64(len(in.Scenario.Stances)) * importLeastBytes; least > maxBytes {
		tooLarge.Bytes, tooLarge.AtLeast = least, true
		return nil, nil, tooLarge
	}
	out, err := scenariofile.Marshal(in.Scenario, "yaml")
	if err != nil {
		return nil, nil, err
	}
	if int64(len(out)) > maxBytes {
		tooLarge.Bytes = int64(len(out))
		return nil, nil, tooLarge
	}
	return out, in, nil
}

// importLeastBytes is the fewest bytes a stance takes in the YAML Import
// writes: "  - actor: a\n    issue: b\n    position: 0\n    salience: 0\n"
// (58 bytes) with one-letter ids and one-digit numbers; a peer file's
// stance also says where it was read from (`assumed: KTAB input f.csv
// line 3`), some 110 bytes in all.
const importLeastBytes = 58

// ImportTooLarge is Import's refusal of a conversion whose scenario file
// would be longer than Max bytes: Bytes long, or, when AtLeast, at least
// Bytes (its Stances alone), counted before it was written.
type ImportTooLarge struct {
	// Name is the file converted, Format its peer format.
	Name, Format string
	Bytes        int64
	AtLeast      bool
	Stances      int
	Max          int64
}

// ErrCode says the input is what is wrong (errs.CodeOf): exit 3.
func (e *ImportTooLarge) ErrCode() errs.Code { return errs.Invalid }

// Size says how large the scenario file would be: "13922484 bytes", or
// "at least 7250000 bytes (125000 stances)".
func (e *ImportTooLarge) Size() string {
	if e.AtLeast {
		return fmt.Sprintf("at least %d bytes (%d stances)", e.Bytes, e.Stances)
	}
	return fmt.Sprintf("%d bytes", e.Bytes)
}

func (e *ImportTooLarge) Error() string {
	return fmt.Sprintf("%s: the %s file converts to a scenario file of %s, over the limit bytes=%d, which reading it back would hold it to (valid: fewer actors or issues, or %s)",
		e.Name, e.Format, e.Size(), e.Max, scenario.Raise("bytes", e.Max))
}

// PeerFormats returns the peer formats alone (parley import's subcommands).
func PeerFormats() []Format { return append([]Format(nil), peers...) }
