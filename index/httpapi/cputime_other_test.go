//go:build !unix

package httpapi_test

import "time"

// cpuTime is unknown here: the load benchmark reports 0 CPU per search.
func cpuTime() time.Duration { return 0 }
