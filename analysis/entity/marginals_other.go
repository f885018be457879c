//go:build !amd64 || purego

package entity

// hasMargSteps tells that forwardSteps and backwardSteps run here: only on
// amd64.
const hasMargSteps = false

// forwardSteps is not called here (see hasMargSteps).
func forwardSteps(alpha, pot, tr *float64, lo, hi int) {
	panic("entity: forwardSteps without its assembly")
}

// backwardSteps is not called here (see hasMargSteps).
func backwardSteps(beta, pot, trCol *float64, n, lo, hi int) {
	panic("entity: backwardSteps without its assembly")
}
