//go:build race

package index

// raceEnabled is set under -race, where the complexity tests skip: they
// measure CPU, which the race detector multiplies, and test no concurrency.
const raceEnabled = true
