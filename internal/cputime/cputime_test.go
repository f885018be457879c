package cputime_test

import (
	"fmt"
	"runtime"

	"github.com/telaah/telaah/internal/cputime"
)

// Time a stretch of work by the CPU it takes rather than by the clock.
func ExampleProcess() {
	before := cputime.Process()
	var sum int64
	for i := range 1_000_000 {
		sum += int64(i)
	}
	used := cputime.Process() - before
	fmt.Println(sum, used >= 0)
	// Output: 499999500000 true
}

func ExampleThread() {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	before, ok := cputime.Thread()
	var sum int64
	for i := range 1_000_000 {
		sum += int64(i)
	}
	after, _ := cputime.Thread()
	fmt.Println(sum, !ok || after >= before)
	// Output: 499999500000 true
}
