package scenariofile

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"parley/scenario"
)

// notUTF8 says where data first stops being UTF-8, or returns nil: the
// line and column (in characters) of the first byte that starts no UTF-8
// character, and its offset in the file, so that an editor can find it
// (yaml.v3 says only "invalid leading UTF-8 octet", with no line). A file
// that opens with a UTF-16 byte-order mark is named as UTF-16.
func notUTF8(name string, data []byte) *scenario.Diagnostic {
	const valid = "a file saved as UTF-8 text"
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return &scenario.Diagnostic{File: name, Line: 1, Column: 1,
			Message: fmt.Sprintf("the file is UTF-16 (it opens with the byte-order mark 0x%02X 0x%02X)", data[0], data[1]), Valid: valid}
	}
	off := InvalidUTF8(data)
	if off < 0 {
		return nil
	}
	before := data[:off]
	nl := bytes.LastIndexByte(before, '\n')
	line, col := 1+bytes.Count(before, []byte{'\n'}), 1+utf8.RuneCount(before[nl+1:])
	return &scenario.Diagnostic{File: name, Line: line, Column: col,
		Message: fmt.Sprintf("the byte 0x%02X (at byte offset %d) is not UTF-8", data[off], off), Valid: valid}
}

// InvalidUTF8 is the offset of the first byte of data that starts no
// UTF-8 character, or -1 when data is UTF-8: where a scenario file
// (notUTF8) or a document given to ingest stops being text.
func InvalidUTF8(data []byte) int {
	if utf8.Valid(data) {
		return -1
	}
	for off := 0; off < len(data); {
		r, size := utf8.DecodeRune(data[off:])
		if r == utf8.RuneError && size <= 1 {
			return off
		}
		off += size
	}
	return -1
}
