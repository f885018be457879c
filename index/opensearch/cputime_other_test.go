//go:build !unix

package opensearch_test

import "time"

// cpuTime is unknown here: the benchmarks report 0 CPU per article.
func cpuTime() time.Duration { return 0 }
