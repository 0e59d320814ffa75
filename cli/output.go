package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"

	"parley/model"
)

// heading describes what was forecast: the scenario, its date, the variant.
func heading(in *Input) string {
	title := in.Resolved.Metadata.Title
	if title == "" {
		title = in.Resolved.Metadata.ID
	}
	h := title
	if in.Format == "scenario" {
		// Peer formats carry no date.
		h += " — as of " + in.Resolved.Metadata.AsOf
	}
	if in.Variant != "" {
		h += ", variant " + in.Variant
	}
	return h + fmt.Sprintf(" (%s; %d actors, %d issues)", in.Name, len(in.Problem.Actors), len(in.Problem.Issues))
}

// nearest returns the anchor of issue k nearest to x.
func nearest(p *model.Problem, k int, x float64) (model.Anchor, bool) {
	as := p.Issues[k].Anchors
	if len(as) == 0 || math.IsNaN(x) {
		return model.Anchor{}, false
	}
	best := as[0]
	for _, a := range as[1:] {
		if math.Abs(a.Value-x) < math.Abs(best.Value-x) {
			best = a
		}
	}
	return best, true
}

func num(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 1, 64)
}

func printTable(trace bool) outputFunc {
	return func(w io.Writer, in *Input, results []*model.Result) error {
		fmt.Fprintln(w, heading(in))
		t := table.NewWriter()
		t.SetOutputMirror(w)
		t.SetStyle(table.StyleLight)
		t.AppendHeader(table.Row{"Issue", "Model", "Forecast", "Nearest option"})
		t.SetColumnConfigs([]table.ColumnConfig{
			{Number: 1, AutoMerge: true, VAlign: text.VAlignTop, WidthMax: 24, WidthMaxEnforcer: text.WrapSoft},
			{Number: 3, Align: text.AlignRight},
			{Number: 4, WidthMax: 56, WidthMaxEnforcer: text.WrapSoft},
		})
		for k, is := range in.Problem.Issues {
			for _, r := range results {
				f := forecastOf(r, is.ID)
				label := ""
				if a, ok := nearest(in.Problem, k, f); ok {
					label = fmt.Sprintf("%s (%s)", a.Label, num(a.Value))
				}
				t.AppendRow(table.Row{is.Name, r.Model, num(f), label})
			}
			t.AppendSeparator()
		}
		t.Render()
		for _, r := range results {
			for _, n := range r.Notes {
				fmt.Fprintf(w, "note (%s): %s\n", r.Model, n)
			}
		}
		if trace {
			for _, r := range results {
				printTrace(w, in, r)
			}
		}
		for _, r := range results {
			for _, dp := range detailPrinters {
				dp(w, r, trace)
			}
		}
		return nil
	}
}

func forecastOf(r *model.Result, issue string) float64 {
	for _, ir := range r.Issues {
		if ir.Issue == issue {
			return ir.Forecast
		}
	}
	return math.NaN()
}

// printTrace prints, per issue, every actor's position after every round.
func printTrace(w io.Writer, in *Input, r *model.Result) {
	for _, ir := range r.Issues {
		if len(ir.Rounds) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s — %s: positions by round\n", r.Model, issueName(in.Problem, ir.Issue))
		t := table.NewWriter()
		t.SetOutputMirror(w)
		t.SetStyle(table.StyleLight)
		hdr := table.Row{"Actor"}
		for _, rd := range ir.Rounds {
			hdr = append(hdr, strconv.Itoa(rd.Round))
		}
		t.AppendHeader(hdr)
		for i, a := range in.Problem.Actors {
			row := table.Row{a.Name}
			any := false
			for _, rd := range ir.Rounds {
				x := math.NaN()
				if i < len(rd.Positions) {
					x = rd.Positions[i]
				}
				if !math.IsNaN(x) {
					any = true
				}
				row = append(row, num(x))
			}
			if any {
				t.AppendRow(row)
			}
		}
		t.AppendSeparator()
		row := table.Row{"forecast"}
		for _, rd := range ir.Rounds {
			row = append(row, num(rd.Forecast))
		}
		t.AppendFooter(row)
		t.Render()
	}
}

func issueName(p *model.Problem, id string) string {
	for _, is := range p.Issues {
		if is.ID == id {
			return is.Name
		}
	}
	return id
}

// JSON output: the stable document described in docs/json.md.
type jsonDoc struct {
	Scenario jsonScenario `json:"scenario"`
	Models   []jsonModel  `json:"models"`
}

type jsonScenario struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Source   string `json:"source"`
	AsOf     string `json:"as_of"`
	Snapshot string `json:"snapshot,omitempty"`
	Variant  string `json:"variant,omitempty"`
}

type jsonModel struct {
	Model  string      `json:"model"`
	Issues []jsonIssue `json:"issues"`
	Notes  []string    `json:"notes,omitempty"`
}

type jsonIssue struct {
	Issue    string             `json:"issue"`
	Name     string             `json:"name"`
	Forecast *float64           `json:"forecast"`
	Nearest  *jsonAnchor        `json:"nearest,omitempty"`
	Values   map[string]float64 `json:"values,omitempty"`
	Rounds   []jsonRound        `json:"rounds"`
}

type jsonAnchor struct {
	Value float64 `json:"value"`
	Label string  `json:"label"`
}

type jsonRound struct {
	Round     int                `json:"round"`
	Positions map[string]float64 `json:"positions"`
	Forecast  *float64           `json:"forecast"`
	Values    map[string]float64 `json:"values,omitempty"`
}

func fptr(x float64) *float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return &x
}

func finiteMap(m map[string]float64) map[string]float64 {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]float64, len(m))
	for k, v := range m {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			out[k] = v
		}
	}
	return out
}

func buildJSON(in *Input, results []*model.Result) jsonDoc {
	doc := jsonDoc{Scenario: jsonScenario{
		ID: in.Resolved.Metadata.ID, Title: in.Resolved.Metadata.Title, Source: in.Name,
		AsOf: in.Resolved.Metadata.AsOf, Snapshot: in.Snapshot, Variant: in.Variant,
	}}
	idx := map[string]int{}
	for k, is := range in.Problem.Issues {
		idx[is.ID] = k
	}
	for _, r := range results {
		jm := jsonModel{Model: r.Model, Notes: r.Notes, Issues: []jsonIssue{}}
		for _, ir := range r.Issues {
			k := idx[ir.Issue]
			ji := jsonIssue{Issue: ir.Issue, Name: in.Problem.Issues[k].Name, Forecast: fptr(ir.Forecast), Values: finiteMap(ir.Values), Rounds: []jsonRound{}}
			if a, ok := nearest(in.Problem, k, ir.Forecast); ok {
				ji.Nearest = &jsonAnchor{a.Value, a.Label}
			}
			for _, rd := range ir.Rounds {
				jr := jsonRound{Round: rd.Round, Forecast: fptr(rd.Forecast), Values: finiteMap(rd.Values), Positions: map[string]float64{}}
				for i, x := range rd.Positions {
					if !math.IsNaN(x) && i < len(in.Problem.Actors) {
						jr.Positions[in.Problem.Actors[i].ID] = x
					}
				}
				ji.Rounds = append(ji.Rounds, jr)
			}
			jm.Issues = append(jm.Issues, ji)
		}
		doc.Models = append(doc.Models, jm)
	}
	return doc
}

func printJSON(w io.Writer, in *Input, results []*model.Result) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(buildJSON(in, results))
}

func printCSV(trace bool) outputFunc {
	return func(w io.Writer, in *Input, results []*model.Result) error {
		if len(results) == 1 && modelCSV[results[0].Model] != nil {
			return modelCSV[results[0].Model](w, in, results)
		}
		cw := csv.NewWriter(w)
		f := func(x float64) string {
			if math.IsNaN(x) {
				return ""
			}
			return strconv.FormatFloat(x, 'g', -1, 64)
		}
		if !trace {
			cw.Write([]string{"model", "issue", "forecast", "nearest_value", "nearest_label"})
			for _, r := range results {
				for k, is := range in.Problem.Issues {
					x := forecastOf(r, is.ID)
					row := []string{r.Model, is.ID, f(x), "", ""}
					if a, ok := nearest(in.Problem, k, x); ok {
						row[3], row[4] = f(a.Value), a.Label
					}
					cw.Write(row)
				}
			}
		} else {
			hdr := []string{"model", "issue", "round", "forecast"}
			for _, a := range in.Problem.Actors {
				hdr = append(hdr, a.ID)
			}
			cw.Write(hdr)
			for _, r := range results {
				for _, ir := range r.Issues {
					for _, rd := range ir.Rounds {
						row := []string{r.Model, ir.Issue, strconv.Itoa(rd.Round), f(rd.Forecast)}
						for i := range in.Problem.Actors {
							x := math.NaN()
							if i < len(rd.Positions) {
								x = rd.Positions[i]
							}
							row = append(row, f(x))
						}
						cw.Write(row)
					}
				}
			}
		}
		cw.Flush()
		return cw.Error()
	}
}
