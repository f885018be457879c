//go:build !amd64 || purego

package entity

// wordRowsEmit is not called here (see hasAVX2).
func wordRowsEmit(emit *float32, acc *[numTags]int32, ents **wordEntry, cas *uint8, n int, scale float32) {
	panic("entity: wordRowsEmit without its assembly")
}
