// Package buildinfo says which build of parley is running, for
// `parley --version` and the machine outputs a paper cites (the ledger's
// engine, bench JSON's engine).
package buildinfo

import (
	"runtime/debug"
	"strings"
)

// Version is set at link time (-ldflags "-X parley/buildinfo.Version=v1.2.3");
// empty, the module's build information names the build.
var Version = ""

// String names the running build.
func String() string {
	bi, ok := debug.ReadBuildInfo()
	return describe(Version, bi, ok)
}

// describe names a build from the linked version and the build
// information: the version (linked, else the module's, else "(devel)"),
// the commit with its time and whether the tree had uncommitted changes
// (the vcs.* settings go build stamps in a git checkout), and the Go
// release; without a commit it says none is recorded, and why.
func describe(linked string, bi *debug.BuildInfo, ok bool) string {
	v := linked
	if v == "" && ok && bi.Main.Version != "" {
		v = bi.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	if !ok {
		return v + ", no build information"
	}
	var rev, at string
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return v + " " + bi.GoVersion + ", " + NoCommit
	}
	v += " commit " + rev
	var when []string
	if at != "" {
		when = append(when, at)
	}
	if modified {
		when = append(when, "with uncommitted changes")
	}
	if len(when) > 0 {
		v += " (" + strings.Join(when, ", ") + ")"
	}
	return v + " " + bi.GoVersion
}

// NoCommit is what a build's name says when it records no commit.
// go build stamps the commit in a git checkout (-buildvcs=auto); go run
// and go test do not, and -buildvcs=false (in GOFLAGS too) stops it.
const NoCommit = "no commit recorded (go build stamps it in a git checkout; go run, go test and -buildvcs=false do not)"
