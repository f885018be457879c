//go:build !purego

package entity

import "golang.org/x/sys/cpu"

// hasExp8 tells that exp8 runs here: it needs AVX2 and FMA.
var hasExp8 = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// exp8 sets each x[k], which must be in [expMin, 0], to math.Exp(x[k]) as
// the fused path of math.Exp's amd64 routine computes it (exp_amd64.s), four
// lanes at a time.
//
//go:noescape
func exp8(x *[8]float64)
