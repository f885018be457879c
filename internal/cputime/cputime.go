// Package cputime measures the CPU time the process has used, for benchmarks
// that report CPU per item: on a shared, loaded machine that figure is
// disturbed less than wall time.
package cputime

import "time"

// Process returns the user plus system CPU time the process has used so far,
// or 0 where the system does not say (then the benchmarks report no CPU
// figures). Take the difference of two calls to time a stretch of work.
func Process() time.Duration { return process() }

// Thread returns the CPU time the calling thread has used so far, and false
// where the system has no such clock (Linux has). Lock the goroutine to its
// thread (runtime.LockOSThread) around the stretch of work to time: then
// neither the time spent waiting for a processor nor the work of the other
// threads (the garbage collector's background workers among them) counts,
// which makes the complexity tests' ratios steadier than Process's.
func Thread() (time.Duration, bool) { return thread() }
