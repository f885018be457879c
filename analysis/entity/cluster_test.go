package entity

import (
	"slices"
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
		checkAppendFields(t, s)
	}
}

// FuzzAppendFields checks appendFields against strings.Fields and isJoined
// on any text.
func FuzzAppendFields(f *testing.F) {
	for _, s := range []string{"joko widodo", " a  b ", "x\u00a0y z", "ömer çelik", ""} {
		f.Add(s)
	}
	f.Fuzz(checkAppendFields)
}

// checkAppendFields fails t if appendFields, after two words already in its
// slice, appends other words than strings.Fields(s) or tells isJoined wrong.
func checkAppendFields(t *testing.T, s string) {
	head := []string{"a", "b"}
	got, joined := appendFields(head[:2:2], s)
	want := strings.Fields(s)
	if !slices.Equal(got[:2], head) || !slices.Equal(got[2:], want) {
		t.Fatalf("appendFields(%q) = %q, want %q after %q", s, got, want, head)
	}
	if j := strings.Join(want, " ") == s; joined != j || isJoined(s, want) != j {
		t.Fatalf("appendFields(%q): joined %v, isJoined %v, want %v", s, joined, isJoined(s, want), j)
	}
}
