// Package origin words where a reader of another tool's file found a
// number, for the reason for assumption it gives every capability and
// stance it reads ("KTAB input SOE-Pol-Comp.csv line 3"). The file is
// named by its base name alone: the directory it was read from is the
// reading machine's, which a scenario written from it must not carry.
package origin

import (
	"fmt"
	"path/filepath"
	"strings"
)

// Line is "FORMAT input BASE line N": the number was read from line n of
// the file name (a path or a base name), a file of the format named.
func Line(format, name string, n int) string {
	return fmt.Sprintf("%s input %s line %d", format, Base(name), n)
}

// Of is "FORMAT input BASE: what", for a number read from more than one
// place of the file (what says which).
func Of(format, name, what string) string {
	return fmt.Sprintf("%s input %s: %s", format, Base(name), what)
}

// Base is name's last element, whether it was written with slashes or
// backslashes (a path from another system read here).
func Base(name string) string {
	name = filepath.Base(name)
	if i := strings.LastIndexByte(name, '\\'); i >= 0 && i < len(name)-1 {
		name = name[i+1:]
	}
	return name
}
