// Package swar holds the word-at-a-time byte tests ("SIMD within a register")
// that the tokenizer and the entity rules share: eight bytes of a string read
// as one number and tested together, without a branch per byte. It depends on
// nothing.
package swar

// Load64 reads the eight bytes of s from i on as a little-endian number. It
// panics, as an index does, if s holds fewer than i+8 bytes.
func Load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// NonLetters returns the bytes of x that are not ASCII letters, each as its
// high bit (0x80), and the others 0.
func NonLetters(x uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	// Folded to lower case and without the high bit, a letter is in a..z
	// (0x61..0x7a); the sums set a byte's high bit from 0x61 and from 0x7b on,
	// without a carry from one byte to the next.
	t := (x | 0x20*ones) & (0x7f * ones)
	ge61 := t + (0x80-0x61)*ones
	ge7b := t + (0x80-0x7b)*ones
	return (^(ge61 &^ ge7b) | x) & high
}
