package answer

import (
	"parley/evidence"
	"parley/ingest"
	"parley/scenario"
)

// Coverage is the share of capability × salience resting on quoted
// stances at one snapshot, overall, per actor and per issue.
type Coverage = evidence.SnapshotCoverage

// CoverageShare is one row of a Coverage.
type CoverageShare = evidence.Share

// CoverageCapabilities counts a Coverage's capabilities quoted and assumed.
type CoverageCapabilities = evidence.Capabilities

// CoverageBacking counts a Coverage's red lines or reservation utilities
// quoted and assumed.
type CoverageBacking = evidence.Backing

// Diagnostic is one problem found in a scenario, with where it is.
type Diagnostic = scenario.Diagnostic

// Validation is what `parley validate` finds: whether the scenario can be
// used, every problem, its sources as checked and its evidence coverage.
type Validation struct {
	// File is the scenario's name as given.
	File   string `json:"file"`
	Format string `json:"format"`
	// Valid is false when any diagnostic is an error (with strict, any at all).
	Valid     bool `json:"valid"`
	Actors    int  `json:"actors"`
	Issues    int  `json:"issues"`
	Stances   int  `json:"stances"`
	Snapshots int  `json:"snapshots"`
	Variants  int  `json:"variants"`
	// Diagnostics are the errors and warnings, in file order.
	Diagnostics []Diagnostic `json:"diagnostics"`
	// SourcesChecked says whether source files were read; when false only
	// evidence dates were checked (the built-in case without --sources).
	SourcesChecked bool             `json:"sources_checked"`
	Sources        []EvidenceSource `json:"sources"`
	// Quotes counts the evidence quotes and those found in their sources.
	Quotes Quotes `json:"quotes"`
	// Coverage is per snapshot: the base, then each snapshot by date.
	Coverage []Coverage `json:"coverage"`
}

// Quotes counts a scenario's evidence quotes by what they speak for (in
// the base, snapshots and variants, and the outcomes') and, when source
// files were read, how many were checked and found.
type Quotes struct {
	Stances      int `json:"stances"`
	Capabilities int `json:"capabilities"`
	RedLines     int `json:"red_lines"`
	Reservations int `json:"reservations"`
	Proposals    int `json:"proposals"`
	Outcomes     int `json:"outcomes"`
	// Checked counts the quotes whose source's text was read; Found those
	// found in it (Checked − Found are errors of the file).
	Checked int `json:"checked"`
	Found   int `json:"found"`
}

// Evidence is every quote of a scenario with the sources it cites (their
// text when asked for) and the evidence coverage: what the web page's
// evidence browser shows and `parley show --format json` prints.
type Evidence struct {
	ID             string           `json:"id"`
	Title          string           `json:"title"`
	SourcesChecked bool             `json:"sources_checked"`
	Sources        []EvidenceSource `json:"sources"`
	Items          []EvidenceItem   `json:"items"`
	Coverage       []Coverage       `json:"coverage"`
	Warnings       []string         `json:"warnings"`
	// UncheckedText says, when no source's text was read, that the
	// quotes were not compared with their sources and how whoever runs
	// Parley gives it the texts (ask.EvidenceUnchecked); empty when they
	// were read. The page prints it under the coverage.
	UncheckedText string `json:"unchecked_text,omitempty"`
}

// EvidenceSource is a source as checked.
type EvidenceSource struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	File      string `json:"file,omitempty"`
	URL       string `json:"url,omitempty"`
	// SHA256 is the file's hash as read (empty when unread).
	SHA256 string `json:"sha256,omitempty"`
	// ShortTitle is the title as a list of quotes names the source
	// (ask.SourceShortTitle: up to a closing parenthetical; the id where
	// there is no title).
	ShortTitle string `json:"short_title,omitempty"`
	// Status is ok, no file, unchecked, not found, unreadable or hash differs.
	Status string `json:"status"`
	// Text is the file's text, when read and asked for.
	Text string `json:"text,omitempty"`
}

// EvidenceItem is one quote (a stance's, a capability's, a red line's, a
// reservation's or a proposal's) with where it is found in its source.
type EvidenceItem struct {
	// Path locates it in the scenario, e.g. "stances[3].evidence[0]".
	Path string `json:"path"`
	// Snapshot is "" for the base, a date, or "variant:ID".
	Snapshot string `json:"snapshot"`
	// Kind is what the quote speaks for: "stance" (actor on issue),
	// "capability" (the actor's; issue empty), "red_line" (the actor's on
	// the issue), "reservation" (the actor's; issue empty), "proposal"
	// (the proposal named by Proposal; actor and issue empty) or
	// "outcome" (where the issue landed, the outcomes section's; actor
	// empty).
	Kind     string `json:"kind"`
	Actor    string `json:"actor"`
	Issue    string `json:"issue"`
	Proposal string `json:"proposal,omitempty"`
	Source   string `json:"source"`
	Quote    string `json:"quote"`
	Date     string `json:"date,omitempty"`
	Note     string `json:"note,omitempty"`
	// Found says whether the quote was found in its source's text; null
	// when the text was not read.
	Found *bool `json:"found"`
	// Start and End are where it was found in the source's text, counted
	// in Unicode code points (-1 when not found).
	Start int `json:"start"`
	End   int `json:"end"`
	// WhoText says what the quote speaks for by names ("Ukraine on
	// Ceasefire", "Russia's capability", "Russia's red line on
	// Territory", "proposal Jeddah 30-day ceasefire", "outcome on
	// Ceasefire"); SnapshotText where it is recorded ("base", a
	// snapshot's label and date "Jeddah (2025-03-11)", "variant …" by
	// name); SourceText its source by its short title
	// (ask.SourceShortTitle). The page's evidence cards print them.
	WhoText      string `json:"who_text,omitempty"`
	SnapshotText string `json:"snapshot_text,omitempty"`
	SourceText   string `json:"source_text,omitempty"`
	// DateText is the quote's date labelled as the drawer labels it
	// ("quote dated 2025-02-28"), empty when it has none; FoundText what
	// the check of it found when it was not found or not checked ("not
	// found in its source", "not compared with its source"), empty when
	// found or when no source was read at all (Evidence.UncheckedText
	// says it once); SharedText, for a stance's quote other actors'
	// stances cite too, with whom ("shared with United Kingdom,
	// France"). The page's evidence cards print them.
	DateText   string `json:"date_text,omitempty"`
	FoundText  string `json:"found_text,omitempty"`
	SharedText string `json:"shared_text,omitempty"`
}

// Ingest is what `parley ingest` proposes: candidate evidence drafted
// from documents, best first.
type Ingest = ingest.Result

// IngestCandidate is one proposed piece of evidence.
type IngestCandidate = ingest.Candidate

// IngestRequest is what the API's ingest endpoint reads: documents by
// name and text.
type IngestRequest struct {
	Documents []IngestDocument `json:"documents"`
	// Limit keeps the best candidates only; 0 keeps all.
	Limit int `json:"limit,omitempty"`
}

// IngestDocument is one document to ingest: a file name (its extension
// says plain text, Markdown or HTML) and its text.
type IngestDocument struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

// NewIngestRequest returns an ingest request with its defaults.
func NewIngestRequest() IngestRequest { return IngestRequest{} }

// IngestReview is draft evidence for a person to keep or delete: the
// review file of `parley ingest --format yaml`, as JSON on the API.
type IngestReview = ingest.Review

// IngestEntry is one entry of an IngestReview.
type IngestEntry = ingest.Entry

// ScenarioEvidence is a stance's evidence item as the scenario file has it.
type ScenarioEvidence = scenario.Evidence

// ScenarioSource is a source as the scenario file has it.
type ScenarioSource = scenario.Source
