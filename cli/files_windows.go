package cli

import "os"

// atomicWrite writes data over name in place: Windows cannot rename a file
// over another atomically, so a failure part way can leave it short.
func atomicWrite(name string, data []byte) error {
	return os.WriteFile(name, data, 0o644)
}
