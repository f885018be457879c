//go:build !amd64 || purego

package entity

// hasVitSteps tells that vitSteps runs here: only on amd64.
const hasVitSteps = false

// vitSteps is not called here (see hasVitSteps).
func vitSteps(emit *float32, back *uint8, steps int, trans *float32, p *[8]float32) {
	panic("entity: vitSteps without its assembly")
}
