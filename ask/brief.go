package ask

import (
	"bytes"
	"cmp"
	"context"
	_ "embed"
	"fmt"
	"html/template"
	"maps"
	"math"
	"slices"
	"strings"
	ttemplate "text/template"

	"parley/answer"
	"parley/deal"
	"parley/errs"
	"parley/evidence"
	"parley/mcerr"
	"parley/nouns"
	"parley/pdfprint"
	"parley/scenario"
	"parley/sweep"
)

// Brief is the one-page summary of a case an analyst can send: the
// question and its date, per issue the forecasts with their uncertainty
// and the option each lands nearest, what drives them, the proposals on
// the table, how much of the case rests on evidence, and the sources. It
// is made of the answers every door gives (forecast, sweep, sensitivity),
// so each number in it can be traced to one of them, and it shows their
// warnings beside the numbers they qualify: the sweep's and the
// sensitivity analysis's under the table they give the interval and
// "moves it most" of, the deal proposals' under the proposals. The
// sweep's notes are its model's forecast's, word for word (the same run
// at the stated values), which Notes counts.
type Brief struct {
	Scenario    answer.Scenario
	Question    string
	Forecast    *answer.Forecast
	Sweep       *answer.Sweep
	Sensitivity *answer.Sensitivity
	Issues      []BriefIssue
	// Models names the models forecast, in order: the columns of each
	// issue's Grid.
	Models []string
	// Calibrated names the first model of Models that gives a predictive
	// distribution fitted on real outcomes (snap by default), whose 80%
	// interval each issue shows beside the sweep's (CalLo80–CalHi80); ""
	// when none does.
	Calibrated string
	// Notes counts each model's notes on its run (a default it took, a
	// forecast that is the status quo, why it stopped), "nash 5 · bdm 1",
	// in Models' order, leaving out the red lines crossed (RedLines lists
	// them); "" when no model has one. The brief has no room
	// for them; it says they are there, and parley forecast lists them.
	Notes string
	// RedLines are the stated red lines the forecasts cross, each with
	// the models that cross it and where, the lead model first when it
	// does (RedLinesCrossed: parley forecast's words), and what it rests
	// on, as a proposal's is cited: "… compromise 46.8 [S2,
	// 2025-08-15]". The brief shows them under its lead table.
	RedLines []string
	// Proposals are the packages on the table with who blocks each, from
	// Deal (nil when the scenario has none at the case's date).
	Proposals []BriefProposal
	Deal      *answer.DealProposals
	// Zone says whether a deal exists, in deal search's words.
	Zone    *BriefDeal
	Sources []scenario.Source
	// Evidence is what each issue's lead driver rests on, numbered from
	// 1 in the issues' order (an input that leads two issues once): each
	// BriefDriver's Evidence is its number.
	Evidence []BriefEvidence
	// Coverage sums the issues' evidence counts.
	Coverage BriefCoverage
	// Quotes says what the check of the file's quotes against their
	// source files found, as parley validate counts it.
	Quotes BriefQuotes
	// Warnings are the input's, Scenario.Warnings (what is assumed is
	// not among them: each issue's AssumedBy and
	// Coverage.CapabilitiesAssumedBy say it), and the models that failed;
	// but for the QuotesWarnings warnings that Quotes' line says (a
	// source's quotes not checked, and why), which it does not repeat.
	Warnings       []string
	QuotesWarnings int
}

// BriefCoverage counts stances and quotes over every issue, and the
// actors' capabilities with and without quotes.
type BriefCoverage struct {
	// Headline is evidence.Headline at the case, as validate and the
	// page head the coverage with.
	Headline                                        string
	Stances, WithEvidence, Assumed, Neither, Quotes int
	// Capabilities counts the actors; CapabilitiesAssumedBy names those
	// whose capability has no evidence but an assumed reason (one with
	// neither is a warning of the file, and not called assumed). How
	// many are quoted is the Headline's to say. The red lines' and
	// reservations' AssumedBy are alike.
	Capabilities          int
	CapabilitiesAssumedBy []string
	// RedLines counts the actors' red lines; RedLinesAssumedBy names
	// those without evidence but assumed ("actor on issue", by name).
	// Reservations and ReservationsAssumedBy do the same for the
	// reservation utilities.
	RedLines, Reservations                   int
	RedLinesAssumedBy, ReservationsAssumedBy []string
}

// BriefQuotes is the check of a file's quotes (every snapshot's, as
// parley validate counts them) against their source files: Read is
// false when no source file was looked for (Input.SourcesRead); All
// counts the quotes, Checked those checked against their source's text
// (foundAt, validate's rule), Found those found there; Unchecked names
// the sources of the others by their short titles (SourceShortTitle, as
// the evidence answers name them; the id of a source with no title or
// none declared), each with why ("Web note (no file named)", "Web note
// (no file and no url named)", "Minutes (gone.txt not found)").
type BriefQuotes struct {
	Read                bool
	All, Checked, Found int
	Unchecked           []string
}

// Text is the brief's line on the check: "Quotes checked against their
// source files: 2 of 3, all found; not checked: those of Web note (no
// file and no url named).", or that none was checked when no file was at
// hand, or, of an input with no quotes, that there are none to check
// (whether or not a file was looked for: every door says the same). It
// is the brief's one statement of why a source's quotes were not
// checked: the input's warnings that say it are not listed again
// (briefWarnings).
func (q BriefQuotes) Text() string {
	if q.All == 0 {
		return NoQuotesText
	}
	if !q.Read {
		return "Quotes not checked against their source files: no source file was read for this brief (parley validate --sources DIR checks them)."
	}
	s := fmt.Sprintf("Quotes checked against their source files: %d of %d", q.Checked, q.All)
	switch {
	case q.Checked == 0:
	case q.Found == q.Checked:
		s += ", all found"
	default:
		s += fmt.Sprintf(", %d found", q.Found)
	}
	if len(q.Unchecked) > 0 {
		s += "; not checked: those of " + nouns.And(q.Unchecked)
	}
	return s + "."
}

// NoQuotesText is the brief's line on the check of an input that
// quotes nothing.
const NoQuotesText = "No quotes to check against their source files: the input has none."

// Warn is true when the line on the check is a warning: some quote was
// not checked, or not found.
func (q BriefQuotes) Warn() bool {
	return q.All > 0 && (!q.Read || len(q.Unchecked) > 0 || q.Found < q.Checked)
}

// briefQuotes checks in's quotes as parley validate counts them, and
// gives the paths of the input's warnings its Text says (a source file
// not found or unreadable, a source naming neither a file nor a url),
// which the brief does not list a second time (briefWarnings).
func briefQuotes(in *Input) (BriefQuotes, map[string]bool) {
	q := BriefQuotes{Read: in.SourcesRead}
	said := map[string]bool{}
	seen := map[string]bool{}
	for i, it := range evidence.Items(in.Scenario) {
		q.All++
		_, found, checked := foundAt(in, i, it.Source)
		if checked {
			q.Checked++
			if found {
				q.Found++
			}
			continue
		}
		if seen[it.Source] {
			continue
		}
		seen[it.Source] = true
		why, name := "not read", it.Source
		if src := evidence.SourceOf(in.Sources, it.Source); src != nil {
			name = SourceShortTitle(src.Source)
			p := fmt.Sprintf("metadata.sources[%d]", src.Index)
			switch src.Status {
			case evidence.StatusNoFile:
				why = "no file named"
				if src.URL == "" {
					// validate's warning on it: nothing checks its quotes
					why, said[p] = "no file and no url named", true
				}
			case evidence.StatusNotFound:
				why, said[p+".file"] = src.File+" not found", true
			case evidence.StatusUnreadable:
				why, said[p+".file"] = src.File+" unreadable", true
			}
		}
		q.Unchecked = append(q.Unchecked, name+" ("+why+")")
	}
	return q, said
}

// briefWarnings are the case's input's warnings (Scenario.Warnings) but
// those on the paths said, which the brief's line on the quotes says
// (briefQuotes), and how many were left out so.
func briefWarnings(c *Case, said map[string]bool) ([]string, int) {
	drop := map[string]bool{}
	for _, d := range c.Input.Warnings {
		if d.Warning && said[d.Path] {
			drop[d.String()] = true
		}
	}
	var out []string
	for _, w := range c.Header.Warnings {
		if !drop[w] {
			out = append(out, w)
		}
	}
	return out, len(c.Header.Warnings) - len(out)
}

// WarningsHead heads the brief's list of the input's warnings: "2
// warnings on the input", or "1 other warning on the input" when the
// line on the quotes' check has said some (QuotesWarnings).
func (b *Brief) WarningsHead() string {
	if b.QuotesWarnings > 0 {
		return fmt.Sprintf("%d other %s on the input", len(b.Warnings), nouns.For(len(b.Warnings), "warning"))
	}
	return nouns.Count(len(b.Warnings), "warning") + " on the input"
}

// RedLinesAssumedText names the red lines that rest on no quote, for the
// brief's coverage line: as AssumedText, "" when none does.
func (bc BriefCoverage) RedLinesAssumedText() string {
	return BriefIssue{Stances: bc.RedLines, AssumedBy: bc.RedLinesAssumedBy}.AssumedText()
}

// ReservationsAssumedText names the actors whose reservation rests on no
// quote: as AssumedText, "" when none does.
func (bc BriefCoverage) ReservationsAssumedText() string {
	return BriefIssue{Stances: bc.Reservations, AssumedBy: bc.ReservationsAssumedBy}.AssumedText()
}

// CapabilitiesAssumedText names the actors whose capability is assumed,
// for the brief's coverage line: as AssumedText, "" when none is.
func (bc BriefCoverage) CapabilitiesAssumedText() string {
	return assumedBy(bc.CapabilitiesAssumedBy, bc.Capabilities)
}

// BriefIssue is one issue's part of the brief.
type BriefIssue struct {
	ID, Name string
	Min, Max float64
	// Decimals is the issue's (answer.Issue's Decimals): every number on
	// its scale is written with them.
	Decimals int
	Anchors  []answer.Anchor
	Models   []BriefForecast
	// Grid is each of Brief.Models' forecast as text, NoNumber where the
	// model gave none.
	Grid []BriefForecast
	// Headline is the forecast the brief leads with: the sweep model's
	// (the model its interval is of), else the first model's.
	Headline BriefForecast
	// SweepModel's Lo80–Hi80 is the central 80% of its forecasts over the
	// draws of the stated uncertainty ranges: the inputs' doubt alone,
	// not the model's error, so narrower than where the outcome may land.
	SweepModel  string
	Lo80, Hi80  float64
	HasInterval bool
	// CalLo80–CalHi80 is Brief.Calibrated's 80% interval (its
	// Distribution's Interval80, as parley's forecast table shows it): how
	// far real outcomes fell from such forecasts. HasCalibrated is false
	// when that model gives none of this issue.
	CalLo80, CalHi80 float64
	HasCalibrated    bool
	// Favoured is the option the sweep's draws land nearest most often,
	// with their share of the draws, when Headline's nearest options are
	// not all among the most often (its Label "" otherwise), and the
	// draws' share nearest Headline's options (those of them it does not
	// lead with, on a tie at the forecast: its Equally); each with its
	// Wilson interval, written by ProbabilityText as parley sweep's
	// table writes P(nearest).
	Favoured BriefFavoured
	// Low and High are the smallest and largest forecast of any model, an
	// unsettled forecast counted by its whole range.
	Low, High    float64
	Drivers      []BriefDriver
	Stances      int
	WithEvidence int
	// Assumed counts the stances with no quote but an assumed reason,
	// Neither those with neither (a warning of the file, which the brief
	// lists): the answers' Scenario.Assumed counts only the first.
	Assumed, Neither int
	// AssumedBy are the actors (by name) of the stances counted in Assumed.
	AssumedBy []string
	Quotes    int
	// Chart is the issue's scale as a one-line inline SVG: the labelled
	// options as ticks, the sweep's 80% interval as a band and each
	// model's forecast as a dot.
	Chart template.HTML
}

// BriefForecast is one model's forecast of an issue.
type BriefForecast struct {
	Model string
	Text  string // "46.6" or "26.0–35.9" (did not settle)
	Value float64
	// Lo and Hi are the range of a forecast that did not settle, else
	// Value both.
	Lo, Hi float64
	Option string
	// At are the points on the scale of Option's options.
	At      []float64
	Settled bool
}

// briefAssumedNamed is how many actors whose stance on an issue, or
// whose capability, is assumed the brief names; the rest are counted.
const briefAssumedNamed = 4

// AssumedText says whose stances on the issue are assumed, for the
// brief's coverage line: "nato assumed", "a, b, c, d and 6 more assumed",
// or "all 40 assumed"; "" when none is.
func (bi BriefIssue) AssumedText() string { return assumedBy(bi.AssumedBy, bi.Stances) }

// assumedBy names the actors of by, of all, whose stance or capability is
// assumed, for the brief's coverage line: "nato assumed", "a, b, c, d
// and 6 more assumed", or "all 40 assumed"; "" when by is empty.
func assumedBy(by []string, all int) string {
	n := len(by)
	switch {
	case n == 0:
		return ""
	case n == all && n > briefAssumedNamed:
		return fmt.Sprintf("all %d assumed", n)
	}
	return nouns.AndMore(by, briefAssumedNamed) + " assumed"
}

// BriefDriver is one input that moves an issue's forecast.
type BriefDriver struct {
	Input string
	// Low and High are the forecasts at its range's ends, nil at an end
	// where the model refused the problem (sweep.Swing's).
	Low, High *float64
	Swing     float64
	// Decimals is the issue's, which Low and High are written with.
	Decimals int
	// BaseOutside is sweep.Swing's: the forecast at the stated values
	// lies outside Low → High, so the swing runs from it to the farther
	// end (Brief.BaseOutsideText says so).
	BaseOutside bool
	// Evidence is the number (from 1) of Brief.Evidence's entry that says
	// what the input rests on; 0 for none (only an issue's lead driver,
	// the one the table shows, has one). The HTML and Markdown briefs
	// write it [E1], a link to the entry, which bears the anchor e1.
	Evidence int
}

// BriefEvidence is what an input the brief shows rests on: its actor
// and issue by name (Issue "" for a capability), the number as the file
// states it (What: "position 6.0", "salience 0.9", "capability 60"),
// and its first quote's first words with the quote's source (SourceRef)
// and date (the source's when the quote has none), or, resting on no
// quote, the reason it is assumed (Assumed; "" with no Quote either:
// neither).
type BriefEvidence struct {
	Actor, Issue, What  string
	Quote, Source, Date string
	Assumed             string
}

// Text is the entry as the brief's list writes it: "Union on Wage rise,
// position 6.0: “The union said … whatever …” [S1, 2026-02-27]", "Port,
// capability 40: assumed (its reason)".
func (e BriefEvidence) Text() string {
	s := e.Actor
	if e.Issue != "" {
		s += " on " + e.Issue
	}
	s += ", " + e.What + ": "
	switch {
	case e.Quote != "":
		return s + "“" + e.Quote + "” [" + strings.Join(nonEmpty(e.Source, e.Date), ", ") + "]"
	case e.Assumed != "":
		return s + "assumed (" + e.Assumed + ")"
	}
	return s + "neither a quote nor a reason"
}

// nonEmpty returns the strings of ss that are not "".
func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// briefQuoteWords is how many of a quote's words the brief's evidence
// list gives; the rest are "…" (QuotesWholeCommand gives it whole).
const briefQuoteWords = 10

// QuotesWholeCommand is the command that gives each quote whole, with
// its source and date, which the brief's evidence list shortens (its
// items; with --sources, each checked against its file). cli's
// TestNamedCommandsExist checks it against the command tree.
const QuotesWholeCommand = "parley show --format json"

// shortQuote is q's first briefQuoteWords words, then " …" when there
// are more, its own double quote marks made single (the brief puts it
// in double ones: “‘There are …”).
func shortQuote(q string) string {
	w := strings.Fields(innerQuotes.Replace(q))
	if len(w) <= briefQuoteWords {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:briefQuoteWords], " ") + " …"
}

// innerQuotes makes a quote's double quote marks single.
var innerQuotes = strings.NewReplacer("“", "‘", "”", "’", `"`, "'")

// quoted is the first of ev as the brief cites it: its short quote, and
// its source with the quote's date, or the source's.
func quoted(s *scenario.Scenario, ev []scenario.Evidence) (quote, source, date string) {
	if len(ev) == 0 {
		return "", "", ""
	}
	e := ev[0]
	date = e.Date
	if date == "" {
		for _, src := range s.Metadata.Sources {
			if src.ID == e.Source {
				date = src.Date
			}
		}
	}
	return shortQuote(e.Quote), SourceRef(s.Metadata.Sources, e.Source), date
}

// SourceRef is how the brief cites the source id among sources: "S2",
// its place in the brief's list of sources (which names it by its title),
// short enough for the one page where the id ("report-2025-08") read as
// a code and the title would not fit; the id itself for a source the
// list does not hold.
func SourceRef(sources []scenario.Source, id string) string {
	if i := slices.IndexFunc(sources, func(src scenario.Source) bool { return src.ID == id }); i >= 0 {
		return fmt.Sprintf("S%d", i+1)
	}
	return id
}

// inputEvidence is what the input in rests on in the case.
func inputEvidence(c *Case, in sweep.Input) BriefEvidence {
	s := c.Resolved
	e := BriefEvidence{Actor: c.Header.ActorName(in.ActorID)}
	if in.Kind == sweep.Capability {
		for _, a := range s.Actors {
			if a.ID == in.ActorID {
				e.What = "capability " + InputValue(&c.Header, string(sweep.Capability), "", a.Capability)
				e.Quote, e.Source, e.Date = quoted(s, a.CapabilityEvidence)
				e.Assumed = a.CapabilityAssumed
			}
		}
		return e
	}
	e.Issue = in.IssueID
	if k := c.Header.IssueIndex(in.IssueID); k >= 0 {
		e.Issue = c.Header.Issues[k].Name
	}
	for _, st := range s.Stances {
		if st.Actor != in.ActorID || st.Issue != in.IssueID {
			continue
		}
		x := st.Position
		if in.Kind == sweep.Salience {
			x = st.Salience
		}
		e.What = string(in.Kind) + " " + InputValue(&c.Header, string(in.Kind), st.Issue, x)
		e.Quote, e.Source, e.Date = quoted(s, st.Evidence)
		e.Assumed = st.Assumed
	}
	return e
}

// redLineRests is what actor's red line on issue rests on, as the brief
// cites a proposal's (BriefProposal.Rests): " [S2,
// 2025-08-15]", the first quote's source and date; " (assumed)"; or ""
// for a red line on neither (the evidence paragraph counts those).
func redLineRests(s *scenario.Scenario, actor, issue string) string {
	for _, a := range s.Actors {
		if a.ID == actor {
			return restsText(citedAs(s, a.RedLineEvidence[issue]), a.RedLineAssumed[issue] != "")
		}
	}
	return ""
}

// citedAs is how the brief cites the first of ev after what rests on it:
// its source (SourceRef) and date, "S2, 2025-08-15"; "" for none.
func citedAs(s *scenario.Scenario, ev []scenario.Evidence) string {
	_, src, date := quoted(s, ev)
	if src == "" {
		return ""
	}
	return strings.Join(nonEmpty(src, date), ", ")
}

// restsText is what a proposal or a red line rests on, as the brief
// writes it after its name: " [S1, 2026-03-01]" for its quote's citation
// (citedAs), " (assumed)", or "" for neither.
func restsText(cited string, assumed bool) string {
	switch {
	case cited != "":
		return " [" + cited + "]"
	case assumed:
		return " (assumed)"
	}
	return ""
}

// Ends writes the forecasts at the input's ends, "12.0 → 30.0", a
// missing end as NoEnd and the swing then marked OneEndedMark, and one
// whose base lies outside its ends marked BaseOutsideMark, as parley
// sensitivity marks them: "none → 30.0 †", "13.9 → 8.2 ‡".
func (bd BriefDriver) Ends() string {
	s := EndText(bd.Low, bd.Decimals) + " → " + EndText(bd.High, bd.Decimals)
	if bd.Low == nil || bd.High == nil {
		s += " " + OneEndedMark
	}
	if bd.BaseOutside {
		s += " " + BaseOutsideMark
	}
	return s
}

// Text is the driver as the brief's "moves it most" cell writes it: the
// forecast's swing (Ends) as the input spans its range, "forecast 45.2 →
// 52.0 as United States' position spans its range", so that the numbers
// are not read as the input's own (the cell read "United States'
// position 45.2 → 52.0", the position being 5.0).
func (bd BriefDriver) Text() string {
	return "forecast " + bd.Ends() + " as " + bd.Input + " spans its range"
}

// BaseOutsideText is the line under the brief's table for the drivers it
// shows (each issue's first) marked BaseOutsideMark, in the words of
// parley sensitivity's line (BaseOutsideText), each named as the table
// names it, with its issue: "United States' position (Ceasefire)"; ""
// when none is marked.
func (b *Brief) BaseOutsideText() string {
	var named []string
	for _, bi := range b.Issues {
		if len(bi.Drivers) > 0 && bi.Drivers[0].BaseOutside {
			named = append(named, bi.Drivers[0].Input+" ("+bi.Name+")")
		}
	}
	return baseOutsideLine(named)
}

// NoEnd stands for the forecast at an end of an input's range where the
// model refused the problem (sweep.Swing's nil Low or High).
const NoEnd = "none"

// EndText writes the forecast at an end of an input's range with d
// decimals, NoEnd when there is none.
func EndText(x *float64, d int) string {
	if x == nil {
		return NoEnd
	}
	return numD(*x, d)
}

// BriefProposal is a package on the table and the actors who would reject
// it.
type BriefProposal struct {
	Name string
	// Proposers are the actors who put it on the table, by name.
	Proposers []string
	// Package is what the proposal picks, issue by issue: the issue's
	// name and the value ("Territory 65").
	Package string
	// Blockers are the actors who reject it, each with the short reason
	// ("red line on territory", "0.021 below its alternative");
	// parley deal proposals gives the whole reason.
	Blockers []string
	// BlockedBy is Blockers in a line: the actors whose red line it
	// crosses (and on which issue), then those it leaves below their
	// alternative; where there are none, those whose red line an issue
	// it leaves open would cross at its value without a deal, which the
	// verdict does not check ("no one on the issues it decides;
	// unchecked, left open: Egypt (Drought release)").
	BlockedBy string
	// Source is its first quote's source and date ("S1, 2026-03-01", as
	// BriefEvidence cites one); Assumed is set when it rests on no quote
	// but an assumed reason.
	Source  string
	Assumed bool
}

// Rests says what the proposal rests on, after its name: " [m,
// 2026-03-01]", " (assumed)", or "" for neither.
func (bp BriefProposal) Rests() string { return restsText(bp.Source, bp.Assumed) }

// BriefDrivers is how many inputs per issue the brief lists.
const BriefDrivers = 3

// briefAsks are the questions a brief answers: the default forecast,
// sweep and sensitivity, deal search (whether a deal exists), and, when
// the case has proposals on the table,
// deal proposals without models (the brief shows who blocks each, not
// its distance from the forecasts, which it has already run).
type briefAsks struct {
	forecast    answer.ForecastRequest
	sweep       answer.SweepRequest
	sensitivity answer.SweepRequest
	proposals   *answer.DealProposalsRequest
	// search is deal search's default question without the frontier and
	// the packages drawn from the zone, which the brief does not show
	// (its zone, Nash package and ways out are the same).
	search answer.DealSearchRequest
}

// briefQuestions returns the questions a brief of the case asks: MakeBrief
// asks them and EstimateBrief prices them, so the two cannot drift apart.
func briefQuestions(c *Case) briefAsks {
	q := briefAsks{forecast: answer.NewForecastRequest(), sweep: answer.NewSweepRequest(), sensitivity: answer.NewSensitivityRequest(), search: answer.NewDealSearchRequest()}
	q.search.Frontier, q.search.Samples = -1, -1
	if len(c.Resolved.Proposals) > 0 {
		req := answer.NewDealProposalsRequest()
		req.Models = []string{"none"}
		q.proposals = &req
	}
	return q
}

// MakeBrief runs the default forecast, sweep and sensitivity on the case
// (briefQuestions) and gathers the brief. EstimateBrief is its cost.
func MakeBrief(ctx context.Context, c *Case) (*Brief, error) {
	q := briefQuestions(c)
	f, err := Forecast(ctx, c, q.forecast, nil)
	if err != nil {
		return nil, err
	}
	sw, err := Sweep(ctx, c, q.sweep, nil)
	if err != nil {
		return nil, err
	}
	se, err := Sensitivity(ctx, c, q.sensitivity, nil)
	if err != nil {
		return nil, err
	}
	return gatherBrief(ctx, c, q, f, sw, se)
}

// gatherBrief makes the brief of the case from its forecast, sweep and
// sensitivity answers, and asks the deal proposals question (q's) for its
// table of proposals and deal search (q's) for whether a deal exists.
func gatherBrief(ctx context.Context, c *Case, q briefAsks, f *answer.Forecast, sw *answer.Sweep, se *answer.Sensitivity) (*Brief, error) {
	var err error
	s := c.Resolved
	b := &Brief{Scenario: c.Header, Question: strings.TrimSpace(s.Metadata.Description), Forecast: f, Sweep: sw, Sensitivity: se,
		Sources: s.Metadata.Sources}
	var said map[string]bool
	b.Quotes, said = briefQuotes(c.Input)
	b.Warnings, b.QuotesWarnings = briefWarnings(c, said)
	var notes []string
	for _, m := range f.Models {
		b.Models = append(b.Models, m.Model)
		if m.Error != "" {
			b.Warnings = append(b.Warnings, fmt.Sprintf("model %s: %s", m.Model, m.Error))
		}
		// a red line crossed is a note too, which the brief lists
		// (RedLines), so not among the notes it counts
		if n := len(m.Notes) - len(m.RedLines); n > 0 {
			notes = append(notes, fmt.Sprintf("%s %d", m.Model, n))
		}
	}
	b.Notes = strings.Join(notes, " · ")
	calibrated := calibratedIndex(f.Models)
	if calibrated >= 0 {
		b.Calibrated = f.Models[calibrated].Model
	}
	numbered := map[string]int{}
	for k, is := range c.Header.Issues {
		d := c.Header.IssueDecimals(is.ID)
		bi := BriefIssue{ID: is.ID, Name: is.Name, Min: is.Min, Max: is.Max, Decimals: d, Anchors: is.Anchors}
		for _, m := range f.Models {
			if m.Error != "" || k >= len(m.Issues) {
				continue
			}
			fi := m.Issues[k]
			v := float64(fi.Forecast)
			bf := BriefForecast{Model: m.Model, Value: v, Lo: v, Hi: v, Settled: fi.Settled, Text: cmp.Or(fi.ForecastText, numD(v, d))}
			if !fi.Settled && fi.Range != nil {
				bf.Text = RangeText(fi.Range.Lo, fi.Range.Hi, d, numD)
			}
			bf.Lo, bf.Hi = forecastSpan(fi)
			for _, a := range fi.Nearest {
				bf.At = append(bf.At, a.Value)
			}
			bf.Option = optionLabel(fi.Nearest)
			if !fi.Settled {
				bf.Option = ReachedText(fi.Nearest, optionLabel)
			}
			if math.IsNaN(bf.Value) {
				continue
			}
			bi.Models = append(bi.Models, bf)
		}
		if len(sw.Models) > 0 && k < len(sw.Models[0].Issues) {
			si := sw.Models[0].Issues[k]
			bi.SweepModel, bi.Lo80, bi.Hi80, bi.HasInterval = sw.Models[0].Model, si.Lo80, si.Hi80, true
		}
		if calibrated >= 0 && k < len(f.Models[calibrated].Issues) {
			if d := f.Models[calibrated].Issues[k].Distribution; d != nil {
				bi.CalLo80, bi.CalHi80, bi.HasCalibrated = d.Interval80.Lo, d.Interval80.Hi, true
			}
		}
		for _, name := range b.Models {
			cell := BriefForecast{Model: name, Text: NoNumber, Value: math.NaN(), Settled: true}
			for _, m := range bi.Models {
				if m.Model == name {
					cell = m
				}
			}
			bi.Grid = append(bi.Grid, cell)
		}
		bi.Low, bi.High = math.Inf(1), math.Inf(-1)
		names := make([]string, len(bi.Models))
		for i, m := range bi.Models {
			names[i] = m.Model
			bi.Low, bi.High = min(bi.Low, m.Lo), max(bi.High, m.Hi)
		}
		// the lead forecast, as the forecast's bottom line leads with it
		if li := leadIndex(names, bi.SweepModel); li >= 0 {
			bi.Headline = bi.Models[li]
		}
		if len(bi.Models) == 0 {
			bi.Low, bi.High = math.NaN(), math.NaN()
		}
		if bi.HasInterval && len(bi.Models) > 0 && bi.Headline.Model == bi.SweepModel {
			bi.Favoured = favoured(sw.Models[0].Issues[k].Bands, bi.Headline.At, sw.Models[0].Draws)
		}
		if len(se.Models) > 0 && k < len(se.Models[0].Issues) {
			for _, sg := range se.Models[0].Issues[k].Swings {
				if len(bi.Drivers) == BriefDrivers || sg.Swing == 0 {
					break
				}
				bd := BriefDriver{Input: InputName(&c.Header, sg.Input, is.ID), Low: sg.Low, High: sg.High, Swing: sg.Swing, Decimals: d, BaseOutside: sg.BaseOutside}
				if len(bi.Drivers) == 0 {
					// the one the table shows: numbered, once per input
					if n, ok := numbered[sg.Input.Label()]; ok {
						bd.Evidence = n
					} else {
						b.Evidence = append(b.Evidence, inputEvidence(c, sg.Input))
						bd.Evidence = len(b.Evidence)
						numbered[sg.Input.Label()] = bd.Evidence
					}
				}
				bi.Drivers = append(bi.Drivers, bd)
			}
		}
		for _, st := range s.Stances {
			if st.Issue != is.ID {
				continue
			}
			bi.Stances++
			switch {
			case len(st.Evidence) > 0:
				bi.WithEvidence++
			case st.Assumed != "":
				bi.Assumed++
				bi.AssumedBy = append(bi.AssumedBy, c.Header.ActorName(st.Actor))
			default:
				bi.Neither++
			}
			bi.Quotes += len(st.Evidence)
		}
		b.Coverage.Stances += bi.Stances
		b.Coverage.WithEvidence += bi.WithEvidence
		b.Coverage.Assumed += bi.Assumed
		b.Coverage.Neither += bi.Neither
		b.Coverage.Quotes += bi.Quotes
		bi.Chart = issueChart(bi, b.Calibrated)
		b.Issues = append(b.Issues, bi)
	}
	// The red lines the forecasts cross, each with what it rests on as
	// a proposal's is cited: its quote's source and date, or "assumed".
	for _, l := range crossedLines(&f.Scenario, ForecastCrossings(f.Models)) {
		b.RedLines = append(b.RedLines, l.redLine+redLineRests(c.Resolved, l.actor, l.issue)+": "+l.where)
	}
	for _, a := range s.Actors {
		for _, issue := range slices.Sorted(maps.Keys(a.RedLines)) {
			b.Coverage.RedLines++
			if len(a.RedLineEvidence[issue]) == 0 && a.RedLineAssumed[issue] != "" {
				b.Coverage.RedLinesAssumedBy = append(b.Coverage.RedLinesAssumedBy, c.Header.ActorName(a.ID)+" on "+c.Header.IssueName(issue))
			}
		}
		if a.Reservation != nil {
			b.Coverage.Reservations++
			if len(a.ReservationEvidence) == 0 && a.ReservationAssumed != "" {
				b.Coverage.ReservationsAssumedBy = append(b.Coverage.ReservationsAssumedBy, c.Header.ActorName(a.ID))
			}
		}
	}
	b.Coverage.Headline = evidence.CoverageAt(s, "").Headline
	for _, a := range s.Actors {
		b.Coverage.Capabilities++
		if len(a.CapabilityEvidence) == 0 && a.CapabilityAssumed != "" {
			b.Coverage.CapabilitiesAssumedBy = append(b.Coverage.CapabilitiesAssumedBy, c.Header.ActorName(a.ID))
		}
	}
	if b.Proposals, b.Deal, err = briefProposals(ctx, c, q.proposals); err != nil {
		return nil, err
	}
	if b.Zone, err = briefSearch(ctx, c, q.search, b.Deal); err != nil {
		return nil, err
	}
	return b, nil
}

// BriefFavoured is the option (options, on a tie, joined by TieJoin)
// the sweep's draws land nearest most often, when it is not every one of
// the lead forecast's nearest: P is the share of the draws nearest it
// (each's, on a tie: Tie), NearestP the share nearest the lead
// forecast's nearest options together, each with its Wilson interval
// over the draws (mcerr.Wilson, as sweep.Band's PInterval). Where the
// forecast is as near two options or more and the draws favour some of
// them over the rest, Equally is the rest (their labels, joined by
// TieJoin), which the brief writes after the favourite with their share
// together, NearestP (Text).
type BriefFavoured struct {
	Label                     string
	Tie                       bool
	Equally                   string
	P, NearestP               float64
	Interval, NearestInterval [2]float64
}

// Text is what the brief's option cell says after the lead forecast's
// nearest option (BriefIssue.Headline's Option, the option the
// forecast's bottom line names): that option's share of the draws, and
// the option the draws land nearest more often with its share: ", in
// 0.260 (0.234–0.288) of the draws; the draws land nearest B more often,
// in 0.740 (0.712–0.766)"; on a tie at the forecast, ", equally near
// the forecast; the draws land nearest B more often, in 0.651
// (0.621–0.680), A in 0.349 (0.320–0.379)". "" when the draws favour the
// forecast's nearest (Label ""). The cell leads with the forecast's
// nearest, as the bottom line does, so that the brief and the forecast
// name one option first (docs/DECISIONS.md, brief25).
func (f BriefFavoured) Text() string {
	if f.Label == "" {
		return ""
	}
	of := "draws"
	if f.Tie {
		of = "draws each"
	}
	more := fmt.Sprintf("the draws land nearest %s more often, in %s", f.Label, DrawsShareText(f.P, f.Interval, of))
	if f.Equally != "" {
		return fmt.Sprintf(", equally near the forecast; %s, %s in %s", more, f.Equally, DrawsShareText(f.NearestP, f.NearestInterval, "draws"))
	}
	return fmt.Sprintf(", in %s; %s", DrawsShareText(f.NearestP, f.NearestInterval, "draws"), more)
}

// favoured is the option the draws land nearest most often (every option
// as often, to 1e-12, on a tie: likeliest's rule, which the sweep's
// likeliest option follows) and its share of the draws, with the draws'
// share nearest the options at (the lead forecast's nearest) together,
// when at is not all among the most often; the zero BriefFavoured when it
// is (the one nearest, or the forecast's tie, is the draws' favourite
// too), or when no band has a share. On a tie at the forecast whose
// favourites are all among at, the favourites lead and the rest of at
// follow, equally near the forecast, with their share together (a
// brief once led with the tie in the scale's order, whichever the draws
// favoured). Each share is k of the draws (sweep.Band's P), its interval
// Wilson's of that k: the favoured band's PInterval, and for options
// together the sum of their counts (mcerr.Count).
func favoured(bands []sweep.Band, at []float64, draws int) BriefFavoured {
	opts := make([]answer.OptionProb, len(bands))
	for i, bd := range bands {
		opts[i] = answer.OptionProb{Label: bd.Label, Value: bd.Value, P: answer.Num(bd.P)}
	}
	top := likeliest(opts, nil)
	if len(top) == 0 || !(top[0].P > 0) {
		return BriefFavoured{}
	}
	inTop := func(v float64) bool {
		return slices.ContainsFunc(top, func(l answer.Likely) bool { return l.Value == v })
	}
	if !slices.ContainsFunc(at, func(v float64) bool { return !inTop(v) }) {
		return BriefFavoured{}
	}
	labels := make([]string, len(top))
	amongAt := true
	for i, l := range top {
		labels[i] = l.Label
		amongAt = amongAt && slices.Contains(at, l.Value)
	}
	var equally []string
	near, nearK := 0.0, 0
	for _, bd := range bands {
		if !slices.Contains(at, bd.Value) || (amongAt && inTop(bd.Value)) {
			continue
		}
		near += bd.P
		nearK += mcerr.Count(bd.P, draws)
		if amongAt {
			equally = append(equally, bd.Label)
		}
	}
	p := float64(top[0].P)
	return BriefFavoured{Label: strings.Join(labels, TieJoin), Tie: len(top) > 1, Equally: strings.Join(equally, TieJoin), P: p, NearestP: near,
		Interval: mcerr.Wilson(mcerr.Count(p, draws), draws), NearestInterval: mcerr.Wilson(nearK, draws)}
}

// briefProposals lists the proposals on the table at the case's date and
// who blocks each: the default deal proposals answer (DealProposals), each
// rejecting actor with the reason it gives.
func briefProposals(ctx context.Context, c *Case, req *answer.DealProposalsRequest) ([]BriefProposal, *answer.DealProposals, error) {
	if req == nil {
		return nil, nil, nil
	}
	dp, err := DealProposals(ctx, c, *req)
	if err != nil {
		return nil, nil, err
	}
	var out []BriefProposal
	for _, p := range dp.Proposals {
		bp := BriefProposal{Name: p.Name, Proposers: NamesOf(p.Proposers, c.Header.ActorName)}
		if bp.Name == "" {
			bp.Name = p.ID
		}
		for _, sp := range c.Resolved.Proposals {
			if sp.ID != p.ID {
				continue
			}
			if bp.Source = citedAs(c.Resolved, sp.Evidence); bp.Source == "" {
				bp.Assumed = sp.Assumed != ""
			}
		}
		bp.Package = packageText(&c.Header, p.Package)
		var lines, below, open []string
		for _, a := range p.Actors {
			if len(a.OpenCrossed) > 0 {
				open = append(open, c.Header.ActorName(a.Actor)+" ("+crossedOn(&c.Header, a.OpenCrossed)+")")
			}
			if !slices.Contains(p.Rejects, a.Actor) {
				continue
			}
			name := c.Header.ActorName(a.Actor)
			bp.Blockers = append(bp.Blockers, name+" ("+shortWhy(&c.Header, a)+")")
			if len(a.Crossed) > 0 {
				lines = append(lines, name+" ("+crossedOn(&c.Header, a.Crossed)+")")
			} else {
				below = append(below, name)
			}
		}
		var parts []string
		if len(lines) > 0 {
			parts = append(parts, "red line: "+strings.Join(lines, ", "))
		}
		if len(below) > 0 {
			parts = append(parts, "below their alternative: "+strings.Join(below, ", "))
		}
		if len(parts) == 0 && len(open) > 0 {
			// "no one" alone would read as every red line met: name those
			// its open issues would cross at their value without a deal,
			// which the verdict does not check (the answer's
			// open_red_lines_text says it in full). Where someone blocks
			// anyway the verdict stands whatever they are, and the
			// one-page brief has no line to spare for them.
			parts = append(parts, "no one on the issues it decides; unchecked, left open: "+strings.Join(open, ", "))
		}
		bp.BlockedBy = strings.Join(parts, "; ")
		if p.Error != "" {
			// No one was asked; the answer's warning, which the brief
			// shows under the table, says why.
			bp.BlockedBy = "not judged (the warning below says why)"
		}
		out = append(out, bp)
	}
	return out, dp, nil
}

// sourceTitle is how the brief's list names a source: its title (its ID
// when it has none) without a closing full stop, which the comma after
// it would double ("…20 November 2026., 2026-11-20": a title taken from
// a file's first line keeps its own); an ellipsis is kept.
func sourceTitle(src scenario.Source) string {
	t := strings.TrimSpace(src.Title)
	if t == "" {
		return src.ID
	}
	if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") {
		t = strings.TrimSuffix(t, ".")
	}
	return t
}

// numD writes x with d decimals (Decimals), NoNumber for none.
func numD(x float64, d int) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return NoNumber
	}
	return Decimals(x, d)
}

// spanD writes the range lo–hi with d decimals at each end (numD),
// joined as every door joins a range (RangeJoin).
func spanD(lo, hi float64, d int) string { return RangeJoin(numD(lo, d), numD(hi, d)) }

// OneDecimal writes a finite number with one decimal, as every door shows
// a number on a scale 10 or more wide (ScaleDecimals): Go's correctly rounded formatting, and "0.0" for a value
// that rounds to zero, never "-0.0" (a sign the shown number does not
// have). The web page's fmt follows the same rule.
func OneDecimal(x float64) string { return fixed(x, 1) }

// shortWhy is an actor's reason for rejecting a proposal in a few words:
// the red lines it crosses (their issues by name, on sc), else how far it
// falls below the alternative.
func shortWhy(sc *answer.Scenario, v answer.ProposalVerdict) string {
	if len(v.Crossed) > 0 {
		return "red line on " + crossedOn(sc, v.Crossed)
	}
	return fmt.Sprintf("%.3f below its alternative", -v.Gain)
}

// crossedOn is the issues of crossings, by name on sc, as the brief's
// proposals name them: "Drought release, Filling".
func crossedOn(sc *answer.Scenario, xs []deal.Crossing) string {
	on := make([]string, len(xs))
	for i, x := range xs {
		on[i] = sc.IssueName(x.Issue)
	}
	return strings.Join(on, ", ")
}

// issueChart draws the issue's scale in one line (180×16 units, shown
// 240 px wide on a screen, 130 in print): the labelled options as ticks,
// the calibrated model's (calibrated's) 80% interval as a light band, the
// sweep's as a darker one within its height, and each model's forecast
// as a dot (orange where it did not settle), each with its value as a
// tooltip; the scale's ends written beside it at chartFontSize. The
// table's head has their key (chartKey). (It was drawn 240 units wide
// with its ends under it in 7 units, numbers that read at 7 px on a
// screen and under 4 in print; brief25.)
func issueChart(bi BriefIssue, calibratedName string) template.HTML {
	const w, h, pad, y = 180.0, 16.0, 28.0, 8.0
	x := func(v float64) float64 {
		if bi.Max == bi.Min {
			return pad
		}
		return pad + (w-2*pad)*(v-bi.Min)/(bi.Max-bi.Min)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s: forecasts on the scale %s to %s">`,
		w, h, w, h, template.HTMLEscapeString(bi.Name), numD(bi.Min, bi.Decimals), numD(bi.Max, bi.Decimals))
	if bi.HasCalibrated {
		fmt.Fprintf(&b, `<rect x="%.1f" y="1" width="%.1f" height="14" fill="#e6edf4"><title>80%% interval (%s, how far real outcomes fell from such forecasts): %s</title></rect>`,
			x(bi.CalLo80), max(x(bi.CalHi80)-x(bi.CalLo80), 1), calibratedName, spanD(bi.CalLo80, bi.CalHi80, bi.Decimals))
	}
	if bi.HasInterval {
		fmt.Fprintf(&b, `<rect x="%.1f" y="3" width="%.1f" height="10" fill="#a9c6e0"><title>80%% interval (%s sweep, the inputs' ranges only): %s</title></rect>`,
			x(bi.Lo80), max(x(bi.Hi80)-x(bi.Lo80), 1), bi.SweepModel, spanD(bi.Lo80, bi.Hi80, bi.Decimals))
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.0f" x2="%.1f" y2="%.0f" stroke="#888"/>`, x(bi.Min), y, x(bi.Max), y)
	for _, a := range bi.Anchors {
		fmt.Fprintf(&b, `<line x1="%.1f" y1="4" x2="%.1f" y2="12" stroke="#888"><title>%s: %s</title></line>`, x(a.Value), x(a.Value), numD(a.Value, bi.Decimals), template.HTMLEscapeString(a.Label))
	}
	fmt.Fprintf(&b, `<text x="%.1f" y="11" font-size="%d" text-anchor="end">%s</text><text x="%.1f" y="11" font-size="%d" text-anchor="start">%s</text>`, x(bi.Min)-2, chartFontSize, numD(bi.Min, bi.Decimals), x(bi.Max)+2, chartFontSize, numD(bi.Max, bi.Decimals))
	for _, m := range bi.Models {
		fill := "#135"
		if !m.Settled {
			fill = "#b60"
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.0f" r="3" fill="%s" fill-opacity=".75"><title>%s: %s</title></circle>`, x(m.Value), y, fill, m.Model, m.Text)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) //nolint:gosec // every text in it is escaped above
}

// chartFontSize is the size, in the chart's units, of the numbers at
// the ends of an issue's chart (issueChart).
const chartFontSize = 9

// chartKey is the key to the issues' charts, under the head of their
// column: the dots, the bands and the options' ticks drawn as the charts
// draw them (calibrated names the calibrated model, "" when none ran).
func chartKey(calibrated string) template.HTML {
	sw := func(svg, what string) string {
		return `<span class="key"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 10" width="12" height="10" aria-hidden="true">` + svg + `</svg> ` + what + `</span>`
	}
	parts := []string{
		sw(`<circle cx="6" cy="5" r="3" fill="#135" fill-opacity=".75"/>`, "a model"),
		sw(`<circle cx="6" cy="5" r="3" fill="#b60" fill-opacity=".75"/>`, "did not settle"),
		sw(`<line x1="6" y1="1" x2="6" y2="9" stroke="#888"/>`, "an option"),
	}
	if calibrated != "" {
		parts = append(parts, sw(`<rect x="0" y="1" width="12" height="8" fill="#e6edf4"/>`, "80% "+template.HTMLEscapeString(calibrated)))
	}
	parts = append(parts, sw(`<rect x="0" y="2" width="12" height="6" fill="#a9c6e0"/>`, "80% inputs"))
	return template.HTML(`<br><span class="small chartkey">` + strings.Join(parts, " ") + `</span>`) //nolint:gosec // the one text in it is escaped above
}

// dotKey names an issue's chart's dots (issueChart), left to right as
// the chart draws them, each model with its forecast: "ks 6.7 · nash
// 7.6 · … · median 75.0", one that did not settle in the dots' orange
// with its range. The dots had only their tooltips, which paper and a
// phone do not show (webreview26).
func dotKey(models []BriefForecast) template.HTML {
	ms := slices.Clone(models)
	slices.SortStableFunc(ms, func(a, b BriefForecast) int { return cmp.Compare(a.Value, b.Value) })
	parts := make([]string, len(ms))
	for i, m := range ms {
		t := template.HTMLEscapeString(m.Model + " " + m.Text)
		if !m.Settled {
			t = `<span class="unsettled">` + t + `</span>`
		}
		parts[i] = `<span class="key">` + t + `</span>`
	}
	return template.HTML(`<span class="small dotkey" data-key="dots">` + strings.Join(parts, " · ") + `</span>`) //nolint:gosec // its texts are escaped above
}

//go:embed brief.html.tmpl
var briefHTML string

//go:embed brief.md.tmpl
var briefMD string

var funcs = map[string]any{"num": numD, "chartKey": chartKey, "dotKey": dotKey, "span": spanD, "join": strings.Join, "add": func(a, b int) int { return a + b },
	// of is "1 of 6 stances": the noun agrees with the whole.
	"of": func(n, all int, noun string) string { return fmt.Sprintf("%d of %s", n, nouns.Count(all, noun)) },
	// verb agrees with a count: "1 rests", "2 rest"; "1 is", "2 are".
	"verb": nouns.Verb, "plural": nouns.Count,
	// probability writes a share of the draws with its interval, as
	// parley sweep's table writes an option's P(nearest)
	// (ProbabilityText); intervalLegend says once what the parentheses
	// hold (IntervalLegend).
	"probability": ProbabilityText, "grouped": Grouped, "intervalLegend": IntervalLegend,
	// redLinesHead heads the red lines the forecasts cross, as parley
	// forecast heads them (RedLinesCrossedHead).
	"redLinesHead": func() string { return RedLinesCrossedHead },
	"sourceTitle":  sourceTitle,
	// quotesWhole names the command that gives each quote whole
	// (QuotesWholeCommand).
	"quotesWhole": func() string { return QuotesWholeCommand },
	// cell makes text safe in a Markdown table cell.
	"cell": func(s string) string { return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s) }}

var (
	htmlTmpl = template.Must(template.New("brief").Funcs(funcs).Parse(briefHTML))
	mdTmpl   = ttemplate.Must(ttemplate.New("brief").Funcs(funcs).Parse(briefMD))
)

// BriefFormats are the formats RenderBrief writes.
var BriefFormats = []string{"html", "md", "pdf"}

// BriefPDF is a brief's PDF from its HTML (RenderBrief's "html"): the
// page printed by a headless Chromium (package pdfprint), which ctx
// bounds. A server that keeps a brief's HTML prints its PDF from that.
func BriefPDF(ctx context.Context, html []byte) ([]byte, error) {
	return pdfprint.Print(ctx, html)
}

// RenderBrief writes the brief as one self-contained HTML page (no script,
// font or image from elsewhere; charts inline SVG), as Markdown, or as PDF:
// the HTML page printed by a headless Chromium (package pdfprint), which
// ctx bounds.
func RenderBrief(ctx context.Context, b *Brief, format string) ([]byte, error) {
	var buf bytes.Buffer
	var err error
	switch format {
	case "pdf":
		if err := htmlTmpl.Execute(&buf, b); err != nil {
			return nil, errs.Wrap(errs.Internal, err)
		}
		return BriefPDF(ctx, buf.Bytes())
	case "html":
		err = htmlTmpl.Execute(&buf, b)
	case "md", "markdown":
		err = mdTmpl.Execute(&buf, b)
	default:
		return nil, errs.New(errs.Argument, "brief: unknown format %q; valid: %s", format, strings.Join(BriefFormats, ", "))
	}
	if err != nil {
		return nil, errs.Wrap(errs.Internal, err)
	}
	return buf.Bytes(), nil
}
