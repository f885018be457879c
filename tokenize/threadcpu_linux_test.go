//go:build linux

package tokenize_test

import (
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

// clockThreadCPUTime is Linux's CLOCK_THREAD_CPUTIME_ID.
const clockThreadCPUTime = 3

// threadTimer measures the CPU time of the calling goroutine's thread, which it
// locks to the thread: time spent waiting for a processor on a loaded machine is
// not counted.
type threadTimer struct{}

func (threadTimer) start() { runtime.LockOSThread() }
func (threadTimer) stop()  { runtime.UnlockOSThread() }

// now returns the thread's CPU time, or false when the clock is not available.
func (threadTimer) now() (time.Duration, bool) {
	var ts syscall.Timespec
	if _, _, e := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
		return 0, false
	}
	return time.Duration(ts.Nano()), true
}
