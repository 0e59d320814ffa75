// Package buildinfo says which build of parley is running, for
// `parley --version` and the machine outputs a paper cites (the ledger's
// engine, bench JSON's engine).
package buildinfo

import "runtime/debug"

// Version is set at link time (-ldflags "-X parley/buildinfo.Version=v1.2.3");
// empty, the module's build information names the build.
var Version = ""

// String names the running build.
func String() string {
	bi, ok := debug.ReadBuildInfo()
	return describe(Version, bi, ok)
}

// describe names a build from the linked version and the build
// information.
func describe(linked string, bi *debug.BuildInfo, ok bool) string {
	if linked != "" {
		return linked
	}
	v := "(devel)"
	if ok {
		if bi.Main.Version != "" {
			v = bi.Main.Version
		}
		for _, s := range bi.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				v += " " + s.Value[:12]
			}
		}
		v += " " + bi.GoVersion
	}
	return v
}
