//go:build unix

package opensearch_test

import (
	"syscall"
	"time"
)

// cpuTime returns the user and system CPU time of the process so far, so that
// the indexing benchmarks can report CPU per article, which the load of a shared
// machine disturbs less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
