//go:build unix

package cputime

import (
	"syscall"
	"time"
)

// process reads the user and system time from getrusage(RUSAGE_SELF).
func process() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
