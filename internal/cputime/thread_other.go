//go:build !linux

package cputime

import "time"

// thread is not measured on this system.
func thread() (time.Duration, bool) { return 0, false }
