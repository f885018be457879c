package entity_test

import (
	"time"

	"github.com/telaah/telaah/internal/cputime"
)

// cpuTime is the CPU time the process has used so far (0 where the system does
// not say): the benchmarks report CPU per item, which the load of a shared
// machine disturbs less than wall time.
func cpuTime() time.Duration { return cputime.Process() }
