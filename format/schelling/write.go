package schelling

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"

	"parley/scenario"
)

// Write writes s as a Schelling game specification (one issue) or case
// library (several), the shapes Read reads back to the same numbers.
// Saliences are written on 0–100. It returns what the format cannot hold
// (snapshots, variants, red lines, …), one line each, for the user.
func Write(w io.Writer, s *scenario.Scenario) ([]string, error) {
	var lost []string
	if len(s.Snapshots) > 0 {
		lost = append(lost, fmt.Sprintf("snapshots (%d; only the base stances are written)", len(s.Snapshots)))
	}
	if len(s.Variants) > 0 {
		lost = append(lost, fmt.Sprintf("variants (%d)", len(s.Variants)))
	}
	mul := 100 / s.SalienceDivisor()
	num := func(x float64) json.Number { return json.Number(strconv.FormatFloat(x, 'g', -1, 64)) }
	// pos writes a scale end or a marker as a plain decimal: Read finds
	// "(position X)" only so written (1e+06 would read as no position).
	pos := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	tri := func(v float64, r *scenario.Range, k float64) any {
		lo, hi := v, v
		if r != nil {
			lo, hi = r[0], r[1]
		}
		return map[string]json.Number{"low": num(lo * k), "mode": num(v * k), "high": num(hi * k)}
	}
	src := map[string]scenario.Source{}
	for _, so := range s.Metadata.Sources {
		src[so.ID] = so
	}
	var redLines, reserv, aliases, notes, attrs, capQuotes, limitQuotes int
	for _, a := range s.Actors {
		capQuotes += len(a.CapabilityEvidence)
		limitQuotes += len(a.ReservationEvidence)
		for _, ev := range a.RedLineEvidence {
			limitQuotes += len(ev)
		}
		if len(a.RedLines) > 0 {
			redLines++
		}
		if a.Reservation != nil {
			reserv++
		}
		if len(a.Aliases) > 0 {
			aliases++
		}
	}
	type actor = map[string]any
	var cases []map[string]any
	for _, is := range s.Issues {
		lo, hi := is.Bounds()
		cn := map[string]any{"label": is.Name}
		markers := map[string]string{}
		end := func(v float64, key string) {
			label := fmt.Sprintf("scale end (position %s)", pos(v))
			for _, a := range is.Anchors {
				if a.Value == v {
					label = a.Label
				}
			}
			if (key == "anchor_0" && v != 0) || (key == "anchor_100" && v != 100) {
				if m := positionRE.FindStringSubmatch(label); m == nil || m[1] != pos(v) {
					label += fmt.Sprintf(" (position %s)", pos(v))
				}
			}
			cn[key] = label
		}
		end(lo, "anchor_0")
		end(hi, "anchor_100")
		for _, a := range is.Anchors {
			if a.Value != lo && a.Value != hi {
				markers[pos(a.Value)] = a.Label
			}
		}
		if len(markers) > 0 {
			cn["markers"] = markers
		}
		if len(is.Attrs) > 0 {
			attrs++
		}
		var actors []actor
		for _, st := range s.Stances {
			if st.Issue != is.ID {
				continue
			}
			a := s.Actor(st.Actor)
			if a == nil {
				return nil, fmt.Errorf("schelling: stance names unknown actor %q", st.Actor)
			}
			var pr, sr *scenario.Range
			if st.Range != nil {
				pr, sr = st.Range.Position, st.Range.Salience
			}
			if st.Note != "" || st.Assumed != "" {
				notes++
			}
			ev := []map[string]string{}
			for _, e := range st.Evidence {
				m := map[string]string{"quote": e.Quote}
				if so, ok := src[e.Source]; ok {
					m["source"] = so.ID
					if so.Title != "" {
						m["source_title"] = so.Title
					}
					if so.URL != "" {
						m["source_url"] = so.URL
					}
				} else {
					m["source"] = e.Source
				}
				if e.Date != "" {
					m["date"] = e.Date
				}
				if e.Note != "" {
					m["note"] = e.Note
				}
				ev = append(ev, m)
			}
			actors = append(actors, actor{"id": a.ID, "name": a.Name,
				"position": tri(st.Position, pr, 1), "salience": tri(st.Salience, sr, mul),
				"capability": tri(a.Capability, a.CapabilityRange, 1), "evidence": ev})
		}
		cases = append(cases, map[string]any{"case_id": is.ID, "title": is.Description, "continuum": cn, "actors": actors})
	}
	for _, x := range []struct {
		n    int
		what string
	}{{redLines, "actors' red lines"}, {reserv, "actors' reservation utilities"}, {aliases, "actors' aliases"},
		{notes, "stances' notes and reasons for assumption"}, {attrs, "issues' attributes"}, {capQuotes, "capabilities' evidence quotes"},
		{limitQuotes, "red lines' and reservation utilities' evidence quotes"}} {
		if x.n > 0 {
			lost = append(lost, fmt.Sprintf("%s (%d)", x.what, x.n))
		}
	}
	// A game or a library has no title of its own: read back, a game is
	// titled by its one question's label, a library by its file's name.
	if t := s.Metadata.Title; t != "" && (len(s.Issues) != 1 || t != s.Issues[0].Name) {
		lost = append(lost, "the scenario's title")
	}
	sort.Strings(lost[min(len(lost), 2):])
	var doc any
	if len(cases) == 1 {
		c := cases[0]
		// The question is the issue: its id is the issue's, as a case's
		// case_id is in a library, and Read makes the issue's id of it.
		// The scenario's id has no place of its own (Read makes it of
		// the question's too; package ask's export lists it).
		g := map[string]any{"question_id": s.Issues[0].ID, "continuum": c["continuum"], "actors": c["actors"]}
		if t := s.Issues[0].Description; t != "" {
			g["title"] = t
		}
		if s.Metadata.AsOf != scenario.UnknownDate && s.Metadata.AsOf != "" {
			g["frozen_at"] = s.Metadata.AsOf
		}
		if s.Metadata.Description != "" {
			g["notes"] = s.Metadata.Description
		}
		doc = g
	} else {
		lib := map[string]any{"cases": cases}
		if s.Metadata.AsOf != scenario.UnknownDate && s.Metadata.AsOf != "" {
			lib["frozen_at"] = s.Metadata.AsOf
		}
		if s.Metadata.Description != "" {
			lib["notes"] = []string{s.Metadata.Description}
		}
		// One capability per actor is written in every case; Read keeps it.
		doc = lib
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return lost, enc.Encode(doc)
}
