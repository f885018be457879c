//go:build !amd64 || purego

package entity

// hasWordRows tells that wordRowsEmit runs here: only on amd64.
const hasWordRows = false

// wordRowsEmit is not called here (see hasWordRows).
func wordRowsEmit(emit *float32, acc *[numTags]int32, ents **wordEntry, cas *uint8, n int, scale float32) {
	panic("entity: wordRowsEmit without its assembly")
}
