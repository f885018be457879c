//go:build !unix

package stem

import "time"

// cpuTime is unknown here: the benchmarks report 0 words per CPU-second.
func cpuTime() time.Duration { return 0 }
