package model

import "strings"

// Note is one thing the reader of a Result should know about its run (a
// detected scale, a degenerate case handled, why it stopped). It keeps
// the issues and actors it names as ids, apart from its words: the code
// that sorts notes by issue (an explanation of one issue keeps that
// issue's notes) reads the ids, and the doors show names, which only the
// scenario knows. Package ask writes each note once, with the scenario's
// names (Write), and every door prints that sentence; String writes it
// with the ids, for tests and logs. docs/DECISIONS.md, "notes25".
type Note struct {
	// Issues are the ids of the issues the note is about, in the
	// problem's order; nil for a note about the run as a whole. Write
	// puts them, by name, at the note's head: "Fare, Wage: its words".
	Issues []string
	// Parts are the note's words in order: each words as they are, or
	// an actor or an issue named by its id.
	Parts []NotePart
}

// NotePart is a piece of a Note's words: Text as it is, or, when Actor
// or Issue is set (the one of the three that is), that actor or issue,
// which Write names.
type NotePart struct {
	Text  string
	Actor string // an actor's id
	Issue string // an issue's id
}

// Words is a piece of a note's words, written as it is.
func Words(s string) NotePart { return NotePart{Text: s} }

// ActorRef is an actor in a note's words, by id.
func ActorRef(id string) NotePart { return NotePart{Actor: id} }

// IssueRef is an issue in a note's words, by id.
func IssueRef(id string) NotePart { return NotePart{Issue: id} }

// ActorList is the actors of ids in a note's words, separated by ", ".
func ActorList(ids []string) []NotePart {
	var out []NotePart
	for i, id := range ids {
		if i > 0 {
			out = append(out, Words(", "))
		}
		out = append(out, ActorRef(id))
	}
	return out
}

// RunNote is a note about the run as a whole, of the parts given.
func RunNote(parts ...NotePart) Note { return Note{Parts: parts} }

// TextNote is a note about the run as a whole, in words alone.
func TextNote(s string) Note { return RunNote(Words(s)) }

// IssueNote is a note about one issue (by id), of the parts given.
func IssueNote(issue string, parts ...NotePart) Note {
	return Note{Issues: []string{issue}, Parts: parts}
}

// On reports whether n concerns issue: it is about the run as a whole or
// about issue among others.
func (n Note) On(issue string) bool {
	if len(n.Issues) == 0 {
		return true
	}
	for _, id := range n.Issues {
		if id == issue {
			return true
		}
	}
	return false
}

// Narrowed is n about issue alone, where it was about issue among others
// (an explanation of that issue names it alone); n as it is when it is
// about the run as a whole.
func (n Note) Narrowed(issue string) Note {
	if len(n.Issues) == 0 {
		return n
	}
	return Note{Issues: []string{issue}, Parts: n.Parts}
}

// Write is the note as a sentence, each actor and issue written by
// actor(id) and issue(id): the issues it is about at its head, joined by
// ", " and followed by ": ", then its words.
func (n Note) Write(actor, issue func(id string) string) string {
	var b strings.Builder
	for i, id := range n.Issues {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(issue(id))
	}
	if len(n.Issues) > 0 {
		b.WriteString(": ")
	}
	for _, p := range n.Parts {
		switch {
		case p.Actor != "":
			b.WriteString(actor(p.Actor))
		case p.Issue != "":
			b.WriteString(issue(p.Issue))
		default:
			b.WriteString(p.Text)
		}
	}
	return b.String()
}

// String is the note written with ids (Write's names given as the ids).
func (n Note) String() string {
	id := func(s string) string { return s }
	return n.Write(id, id)
}
