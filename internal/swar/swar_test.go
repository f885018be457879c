package swar_test

import (
	"fmt"
	"math/bits"
	"testing"

	"github.com/telaah/telaah/internal/swar"
)

func ExampleNonLetters() {
	// The first byte of "Jakarta, 2024" that is not a letter is the eighth.
	x := swar.NonLetters(swar.Load64("Jakarta, 2024", 0))
	fmt.Println(bits.TrailingZeros64(x) / 8)
	// Output: 7
}

// TestNonLetters checks NonLetters against a byte-by-byte test, for every byte
// value in every position.
func TestNonLetters(t *testing.T) {
	for c := range 256 {
		for pos := range 8 {
			b := []byte("abcdefgh")
			b[pos] = byte(c)
			var want uint64
			for i, d := range b {
				if !('a' <= d && d <= 'z' || 'A' <= d && d <= 'Z') {
					want |= 0x80 << (8 * i)
				}
			}
			if got := swar.NonLetters(swar.Load64(string(b), 0)); got != want {
				t.Fatalf("NonLetters(%q) = %#x, want %#x", b, got, want)
			}
		}
	}
}

func TestLoad64(t *testing.T) {
	if got := swar.Load64("xx\x01\x02\x03\x04\x05\x06\x07\x08", 2); got != 0x0807060504030201 {
		t.Fatalf("Load64 = %#x", got)
	}
}
