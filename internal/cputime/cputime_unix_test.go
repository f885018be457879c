//go:build unix

package cputime_test

import (
	"testing"

	"github.com/telaah/telaah/internal/cputime"
)

func TestProcessGrowsWithWork(t *testing.T) {
	before := cputime.Process()
	if before <= 0 {
		t.Fatalf("Process() = %v at start, want the CPU the test binary has used", before)
	}
	x := 1.0
	for cputime.Process() == before {
		x = x*1.0000001 + 1
	}
	if after := cputime.Process(); after < before {
		t.Fatalf("Process() went back from %v to %v (x=%v)", before, after, x)
	}
}
