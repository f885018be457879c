//go:build !amd64 || purego

package entity

// hasPotRows tells that potRows runs here: only on amd64.
const hasPotRows = false

// potRows does no row here: potentialsVec calls math.Exp for each.
func potRows(pot *float64, emit *float32, n int, temperature float64) int { return 0 }
