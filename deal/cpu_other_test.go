//go:build !unix

package deal

import "time"

// cpuTime is not measured off Unix; benchmarks then report 0.
func cpuTime() time.Duration { return 0 }
