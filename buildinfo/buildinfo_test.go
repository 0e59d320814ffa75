package buildinfo

import (
	"runtime/debug"
	"testing"
)

// A build's name says its commit, the commit's time and whether the tree
// had uncommitted changes, when go build stamped them (vcs.*); without
// them it says no commit is recorded and why that happens. Before, the
// time and the modified flag were dropped, and a build without a commit
// was just "(devel) go1.x".
func TestDescribe(t *testing.T) {
	stamped := []debug.BuildSetting{{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "3f2a9c1d0b7e55aa00112233445566778899aabb"},
		{Key: "vcs.time", Value: "2026-07-21T10:00:00Z"}, {Key: "vcs.modified", Value: "false"}}
	dirty := append(append([]debug.BuildSetting(nil), stamped[:3]...), debug.BuildSetting{Key: "vcs.modified", Value: "true"})
	for _, c := range []struct {
		linked string
		bi     *debug.BuildInfo
		ok     bool
		want   string
	}{
		{"", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: stamped}, true,
			"(devel) commit 3f2a9c1d0b7e55aa00112233445566778899aabb (2026-07-21T10:00:00Z) go1.26.8"},
		{"", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: dirty}, true,
			"(devel) commit 3f2a9c1d0b7e55aa00112233445566778899aabb (2026-07-21T10:00:00Z, with uncommitted changes) go1.26.8"},
		{"", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, true,
			"(devel) go1.26.8, no commit recorded (go build stamps it in a git checkout; go run, go test and -buildvcs=false do not)"},
		{"v1.2.3", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: stamped}, true,
			"v1.2.3 commit 3f2a9c1d0b7e55aa00112233445566778899aabb (2026-07-21T10:00:00Z) go1.26.8"},
		{"", nil, false, "(devel), no build information"},
	} {
		if got := describe(c.linked, c.bi, c.ok); got != c.want {
			t.Errorf("describe(%q, …) = %q; want %q", c.linked, got, c.want)
		}
	}
}
