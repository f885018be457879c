//go:build linux

package cputime_test

import (
	"runtime"
	"testing"

	"github.com/telaah/telaah/internal/cputime"
)

func TestThreadGrowsWithWork(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, ok := cputime.Thread()
	if !ok || before <= 0 {
		t.Fatalf("Thread() = %v, %v at start, want the CPU this thread has used", before, ok)
	}
	x := 1.0
	for now, _ := cputime.Thread(); now == before; now, _ = cputime.Thread() {
		x = x*1.0000001 + 1
	}
	if after, _ := cputime.Thread(); after < before {
		t.Fatalf("Thread() went back from %v to %v (x=%v)", before, after, x)
	}
}
