//go:build !unix

package entity_test

import "time"

// cpuTime is not measured on this system; the benchmarks then report no CPU figures.
func cpuTime() time.Duration { return 0 }
