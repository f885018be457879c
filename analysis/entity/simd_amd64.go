//go:build !purego

package entity

import "golang.org/x/sys/cpu"

// The processor's features that the assembly routines need, read once: all
// of them (forwardSteps, backwardSteps, vitSteps, wordRowsEmit, potRows) use
// AVX2, and potRows, the exponentials, FMA too. Where a feature is missing,
// the Go code they stand for runs.
var (
	hasAVX2 = cpu.X86.HasAVX2
	hasFMA  = cpu.X86.HasFMA
)
