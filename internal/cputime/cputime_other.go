//go:build !unix

package cputime

import "time"

// process is not measured on this system.
func process() time.Duration { return 0 }
