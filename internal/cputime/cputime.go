// Package cputime measures the CPU time the process has used, for benchmarks
// that report CPU per item: on a shared, loaded machine that figure is
// disturbed less than wall time.
package cputime

import "time"

// Process returns the user plus system CPU time the process has used so far,
// or 0 where the system does not say (then the benchmarks report no CPU
// figures). Take the difference of two calls to time a stretch of work.
func Process() time.Duration { return process() }
