package entity

import (
	"strings"
	"testing"
)

// TestJoinedWords checks that joinedWords is strings.Join of the words of a
// mention, whatever its white space.
func TestJoinedWords(t *testing.T) {
	for _, s := range []string{
		"", "kpk", "joko widodo", "joko  widodo", " joko widodo", "joko widodo ", "joko\twidodo",
		"joko\nwidodo", "joko\u00a0widodo", "joko\u0085widodo", "joko\u2003widodo", "a b c d",
		"komisi pemberantasan korupsi", "   ", "\u00a0", "ömer çelik", "x\vy", "x\fy", "x\ry",
	} {
		words := strings.Fields(s)
		if got, want := joinedWords(s, words), strings.Join(words, " "); got != want {
			t.Errorf("joinedWords(%q) = %q, want %q", s, got, want)
		}
	}
}
