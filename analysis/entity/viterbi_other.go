//go:build !amd64 || purego

package entity

// vitSteps is not called here (see hasAVX2).
func vitSteps(emit *float32, back *uint8, steps int, trans *float32, p *[8]float32) {
	panic("entity: vitSteps without its assembly")
}
