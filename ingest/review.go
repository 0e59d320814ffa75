package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"parley/doctext"
	"parley/errs"
	"parley/scenario"
)

// Review is the file a person edits between `parley ingest --format
// yaml` and `parley ingest apply`: draft evidence entries to keep or
// delete, the sources they cite, and the date of the snapshot they go in.
type Review struct {
	// Scenario is the id of the scenario the entries are for.
	Scenario string `yaml:"scenario" json:"scenario"`
	// Date is the new snapshot's date (YYYY-MM-DD).
	Date string `yaml:"date" json:"date"`
	// Sources are sources the scenario does not have yet, to be added.
	Sources []scenario.Source `yaml:"sources,omitempty" json:"sources,omitempty"`
	Entries []Entry           `yaml:"entries" json:"entries"`
	// Warnings are the candidates' (Result.Warnings), for the API's
	// review; the review file leaves them out, so that the file read
	// back is the file written.
	Warnings []string `yaml:"-" json:"warnings,omitempty"`
}

// Entry is one draft piece of evidence for a stance.
type Entry struct {
	Actor    string            `yaml:"actor" json:"actor"`
	Issue    string            `yaml:"issue" json:"issue"`
	Evidence scenario.Evidence `yaml:"evidence" json:"evidence"`
	// Position and Salience, when the reviewer sets them, change the
	// stance; a stance the scenario lacks needs both.
	Position *float64 `yaml:"position,omitempty" json:"position,omitempty"`
	Salience *float64 `yaml:"salience,omitempty" json:"salience,omitempty"`
	// Option, OptionLabel and Words are the suggestion, for the reviewer.
	Option      *float64 `yaml:"option,omitempty" json:"option,omitempty"`
	OptionLabel string   `yaml:"option_label,omitempty" json:"option_label,omitempty"`
	Words       []string `yaml:"words,omitempty" json:"words,omitempty"`
	Score       float64  `yaml:"score" json:"score"`
	Line        int      `yaml:"line" json:"line"`
}

var nonID = regexp.MustCompile(`[^a-z0-9]+`)

// SourceFor returns the source a document is, by file name or hash among
// s's sources, or a new one (id from the file name, title from its first
// line, its SHA-256) and false.
func SourceFor(s *scenario.Scenario, d Document) (scenario.Source, bool) {
	sum := sha256.Sum256(d.Data)
	hash := hex.EncodeToString(sum[:])
	for _, src := range s.Metadata.Sources {
		if (src.File != "" && filepath.Base(src.File) == filepath.Base(d.Name)) || strings.EqualFold(src.SHA256, hash) {
			return src, true
		}
	}
	base := strings.TrimSuffix(filepath.Base(d.Name), filepath.Ext(d.Name))
	id := strings.Trim(nonID.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if id == "" {
		id = "source"
	}
	taken := map[string]bool{}
	for _, src := range s.Metadata.Sources {
		taken[src.ID] = true
	}
	for n := 2; taken[id]; n++ {
		id = fmt.Sprintf("%s-%d", strings.TrimSuffix(id, fmt.Sprintf("-%d", n-1)), n)
	}
	src := scenario.Source{ID: id, File: d.Name, SHA256: hash}
	if ps := doctext.Parse(d.Name, d.Data); len(ps) > 0 {
		t := ps[0].Text
		if r := []rune(t); len(r) > 120 {
			t = string(r[:120]) + "…"
		}
		src.Title = t
	}
	if y := docYear(string(d.Data)); y > 0 {
		for _, p := range doctext.Parse(d.Name, d.Data) {
			if dt := dateOf(p.Text, y); dt != "" {
				src.Date = dt
				break
			}
		}
	}
	return src, false
}

// NewReview turns candidates into a review file for s: each candidate an
// entry citing its document's source (added to Sources when s lacks it),
// dated by the text or the source; the snapshot date is the latest of
// those dates, or the scenario's as_of.
func NewReview(s *scenario.Scenario, docs []Document, cands []Candidate) Review {
	r := Review{Scenario: s.Metadata.ID, Date: s.Metadata.AsOf, Entries: []Entry{}}
	srcOf := map[string]scenario.Source{}
	for _, d := range docs {
		src, known := SourceFor(s, d)
		srcOf[d.Name] = src
		if !known {
			r.Sources = append(r.Sources, src)
		}
	}
	for _, c := range cands {
		src := srcOf[c.Source]
		date := c.Date
		if date == "" || (src.Date != "" && date > src.Date) {
			date = src.Date
		}
		if date > r.Date {
			r.Date = date
		}
		r.Entries = append(r.Entries, Entry{Actor: c.Actor, Issue: c.Issue,
			Evidence: scenario.Evidence{Source: src.ID, Quote: c.Quote, Date: date},
			Option:   c.Option, OptionLabel: c.OptionLabel, Words: c.Words, Score: c.Score, Line: c.Line})
	}
	return r
}

const reviewHead = `# Draft evidence from parley ingest. Delete every entry you do not keep,
# edit what you keep (a quote must stay verbatim; set position: and
# salience: to change the stance), then merge the rest into a new snapshot
# dated "date" with:
#   parley ingest apply THIS_FILE --scenario SCENARIO -o NEW.yaml
# option, option_label and words are the suggested option, score and line
# where the quote is: for the reviewer, ignored by apply.
`

// MarshalReview writes a review file.
func MarshalReview(r Review) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(reviewHead)
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(r); err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	return b.Bytes(), enc.Close()
}

// ParseReview reads a review file; unknown fields are errors.
func ParseReview(name string, data []byte) (Review, error) {
	var r Review
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&r); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if errors.Is(err, io.EOF) {
			msg = "the file is empty"
		}
		return r, errs.New(errs.Invalid, "%s: %s; valid: a review file written by parley ingest --format yaml", name, msg)
	}
	return r, nil
}

// Apply merges a review's entries into s as a new snapshot dated date
// ("" the review's): its sources are added, and each stance named gets
// the kept quotes added to the evidence it has at that date (with the
// position and salience the reviewer set). s is changed in place. An
// entry for a stance s does not have and that sets no position and
// salience is an error naming the entry. What it returns says where
// each entry's quote went, so that a problem found in the new snapshot
// can be told by the entry the reviewer wrote.
func Apply(s *scenario.Scenario, r Review, date string) (Applied, error) {
	if date == "" {
		date = r.Date
	}
	if !scenario.IsDate(date) {
		return Applied{}, errs.Field("date", "date %q: not a date; valid: YYYY-MM-DD, the new snapshot's date", date)
	}
	if date < s.Metadata.AsOf {
		return Applied{}, errs.Field("date", "date %s: before the scenario's as_of %s; valid: a later date for the new snapshot", date, s.Metadata.AsOf)
	}
	for _, sn := range s.Snapshots {
		if sn.Date == date {
			return Applied{}, errs.Field("date", "date %s: the scenario already has a snapshot of that date; valid: another date, so the kept evidence goes in a new snapshot", date)
		}
	}
	if len(r.Entries) == 0 {
		return Applied{}, errs.New(errs.Argument, "the review keeps no entry; nothing to apply")
	}
	have := map[string]bool{}
	for _, src := range s.Metadata.Sources {
		have[src.ID] = true
	}
	for _, src := range r.Sources {
		if !have[src.ID] {
			s.Metadata.Sources = append(s.Metadata.Sources, src)
			have[src.ID] = true
		}
	}
	at, err := s.Resolve(date, "")
	if err != nil {
		return Applied{}, err
	}
	type key struct{ actor, issue string }
	type quote struct {
		k             key
		source, quote string
	}
	changes := map[key]*scenario.StanceChange{}
	from := map[key][]int{} // the entry of each piece of a change's evidence, -1 for the stance's own
	// The quotes each change holds: a review of thousands of entries on
	// one stance compared each with all before it (40,000 took 3 s).
	held := map[quote]bool{}
	var order []key
	for i, e := range r.Entries {
		a := s.Actor(e.Actor)
		if a == nil || s.Issue(e.Issue) == nil {
			return Applied{}, errs.New(errs.Invalid, "entries[%d] (line %d of the document): unknown actor %q or issue %q", i, e.Line, e.Actor, e.Issue)
		}
		k := key{a.ID, e.Issue}
		c := changes[k]
		if c == nil {
			c = &scenario.StanceChange{Actor: a.ID, Issue: e.Issue}
			if st := at.Stance(a.ID, e.Issue); st != nil {
				c.Evidence = append(c.Evidence, st.Evidence...)
				from[k] = slices.Repeat([]int{-1}, len(st.Evidence))
				for _, ev := range st.Evidence {
					held[quote{k, ev.Source, ev.Quote}] = true
				}
			} else if e.Position == nil || e.Salience == nil {
				return Applied{}, errs.New(errs.Invalid, "entries[%d]: %s has no stance on %s yet; valid: set position: and salience: in the entry", i, a.ID, e.Issue)
			}
			changes[k] = c
			order = append(order, k)
		}
		if q := (quote{k, e.Evidence.Source, e.Evidence.Quote}); !held[q] {
			held[q] = true
			c.Evidence = append(c.Evidence, e.Evidence)
			from[k] = append(from[k], i)
		}
		if e.Position != nil {
			c.Position = e.Position
		}
		if e.Salience != nil {
			c.Salience = e.Salience
		}
	}
	sn := scenario.Snapshot{Date: date, Label: "ingested evidence", Description: quotesKept(len(r.Entries))}
	a := Applied{Snapshot: len(s.Snapshots), Entries: make([][]int, len(order))}
	for i, k := range order {
		sn.Stances = append(sn.Stances, *changes[k])
		a.Entries[i] = from[k]
	}
	s.Snapshots = append(s.Snapshots, sn)
	return a, nil
}

// Applied is where Apply put a review's entries: the new snapshot is
// s.Snapshots[Snapshot], and Entries[i][j] is the review's entry whose
// quote is evidence j of that snapshot's stance change i (-1 where the
// evidence is the stance's own, carried over).
type Applied struct {
	Snapshot int
	Entries  [][]int
}

// Entry is the review's entry whose quote a path of the scenario names
// (a path under "snapshots[N].stances[I].evidence[J]" of the new
// snapshot), or -1.
//
// The path is read, not matched against every piece of evidence: a
// review of 40,000 entries made 40,000 strings for each of the up to 101
// problems of its merged file.
func (a Applied) Entry(path string) int {
	rest, ok := strings.CutPrefix(path, "snapshots[")
	var sn, i, j int
	if ok {
		sn, rest, ok = index(rest, "].stances[")
	}
	if ok {
		i, rest, ok = index(rest, "].evidence[")
	}
	if ok {
		j, rest, ok = index(rest, "]")
	}
	if !ok || sn != a.Snapshot || (rest != "" && rest[0] != '.') || i >= len(a.Entries) || j >= len(a.Entries[i]) {
		return -1
	}
	return a.Entries[i][j]
}

// index reads a path's index: the digits s starts with (no sign, no
// leading zero), up to next, which must follow them; rest is what comes
// after next.
func index(s, next string) (n int, rest string, ok bool) {
	end := strings.Index(s, next)
	if end < 1 || (s[0] == '0' && end > 1) || strings.TrimLeft(s[:end], "0123456789") != "" {
		return 0, "", false
	}
	n, err := strconv.Atoi(s[:end])
	if err != nil {
		return 0, "", false
	}
	return n, s[end+len(next):], true
}

// quotesKept describes an ingested snapshot: "1 quote drafted by parley
// ingest and kept on review", "3 quotes …".
func quotesKept(n int) string {
	noun := "quotes"
	if n == 1 {
		noun = "quote"
	}
	return fmt.Sprintf("%d %s drafted by parley ingest and kept on review", n, noun)
}
