//go:build !windows

package cli

import "github.com/google/renameio/v2"

// atomicWrite replaces name's contents with data through a synced
// temporary file renamed over it. An existing file keeps its permission
// bits; a new one gets 0644 less the umask, as os.WriteFile gives.
func atomicWrite(name string, data []byte) error {
	return renameio.WriteFile(name, data, 0o644)
}
