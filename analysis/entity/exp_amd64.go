//go:build !purego

package entity

// potRows sets the n rows of potentials at pot to the potentials of the n
// rows of scores at emit (see potentials), EXP8's lanes for math.Exp, until
// a row has an argument below expMin or not a number; it returns the number
// of rows done.
//
//go:noescape
func potRows(pot *float64, emit *float32, n int, temperature float64) int
