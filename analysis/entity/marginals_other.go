//go:build !amd64 || purego

package entity

// forwardSteps is not called here (see hasAVX2).
func forwardSteps(alpha, pot, tr *float64, lo, hi int) {
	panic("entity: forwardSteps without its assembly")
}

// backwardSteps is not called here (see hasAVX2).
func backwardSteps(beta, pot, trCol *float64, n, lo, hi int) {
	panic("entity: backwardSteps without its assembly")
}
