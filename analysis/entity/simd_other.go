//go:build !amd64 || purego

package entity

// The assembly routines run only on amd64 without the purego tag: here the
// Go code they stand for always runs (see simd_amd64.go).
const (
	hasAVX2 = false
	hasFMA  = false
)
