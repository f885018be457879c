//go:build !purego

package entity

// forwardSteps is forward in the lanes of Y registers (marginals_amd64.s):
// alpha and pot hold n rows of numTags, tr the transition potentials; the
// steps of tokens lo to hi-1 are written to alpha.
//
//go:noescape
func forwardSteps(alpha, pot, tr *float64, lo, hi int)

// backwardSteps is backward's pass in the lanes of Y registers: beta and
// pot hold n rows of numTags, trCol the transition potentials by column and
// a row of 0; the steps of tokens lo to hi-1 are written to beta.
//
//go:noescape
func backwardSteps(beta, pot, trCol *float64, n, lo, hi int)
