//go:build !race

package index

// raceEnabled is set under -race (see race_on_test.go).
const raceEnabled = false
