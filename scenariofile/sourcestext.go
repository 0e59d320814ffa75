package scenariofile

import (
	"reflect"

	"parley/scenario"
)

// SourcesOver returns original, a scenario file (name says its format),
// written as want, which is original as ParseLimits reads it under limits
// with only its metadata.sources changed, changing only the text of what
// changed (EditOver): a new source's lines are inserted after the last
// source's (or a sources key after metadata's last value), a field a
// source gains is inserted after its last field (inside the braces of a
// flow map), and a value that changed is replaced where it is written.
// Every other byte (comments, blank lines, folded and literal blocks,
// quoting, a JSON file's indentation) stays as it was. want's sources
// must be the file's own, in order, with fields set or changed (never
// removed) and new ones after them: what sources add does.
//
// ok is false when the edit cannot be made as text (see EditOver; and a
// source or a source's field removed) or when the text made does not
// read back as the original with the new sources: the caller then writes
// the file whole (MarshalOver) and says so.
func SourcesOver(name string, original []byte, want *scenario.Scenario, limits scenario.Limits) (out []byte, ok bool) {
	defer func() {
		// A bug here must not stop sources add: the file is then
		// written whole, as when the edit cannot be made.
		// FuzzSourcesOver calls sourcesText, which does not recover,
		// so that such a bug fails the fuzzer.
		if recover() != nil {
			out, ok = nil, false
		}
	}()
	return sourcesText(name, original, want, limits)
}

// sourcesText is SourcesOver without its guard against a panic.
func sourcesText(name string, original []byte, want *scenario.Scenario, limits scenario.Limits) (out []byte, ok bool) {
	if want == nil {
		return nil, false
	}
	was, _ := ParseLimits(name, original, limits)
	if was == nil || len(want.Metadata.Sources) < len(was.Metadata.Sources) {
		return nil, false
	}
	// Sources are only added to or filled: none, nor any field of one,
	// removed.
	for i, s := range was.Metadata.Sources {
		a, b := reflect.ValueOf(s), reflect.ValueOf(want.Metadata.Sources[i])
		for f := range a.NumField() {
			if !a.Field(f).IsZero() && b.Field(f).IsZero() {
				return nil, false
			}
		}
	}
	return editText(name, original, was, want, limits)
}
