//go:build !linux

package tokenize_test

import "time"

// threadTimer falls back to wall time where no thread CPU clock is known.
type threadTimer struct{}

func (threadTimer) start() {}
func (threadTimer) stop()  {}

var epoch = time.Now()

func (threadTimer) now() (time.Duration, bool) { return time.Since(epoch), true }
