//go:build !amd64 || purego

package entity

import "math"

// hasExp8 tells that exp8 runs here: only on amd64.
const hasExp8 = false

// exp8 sets each x[k] to math.Exp(x[k]); potentials does not call it here.
func exp8(x *[8]float64) {
	for k := range x {
		x[k] = math.Exp(x[k])
	}
}
