package tokenize

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/telaah/telaah"
)

// TestLaneMatchesNext checks the lane of AppendTokens and All (appendWords,
// lanePunct), which scans words and the punctuation around them without next,
// against next alone, token by token with every field, on the reference
// article and on random texts made of what the lane tells apart: words of
// both cases, one space or none, commas, full stops, ellipses, ? and !,
// brackets and straight quotes of both roles, abbreviations, initials,
// numbers and what may continue one, line breaks, emoticon starts and a rune that is not ASCII.
func TestLaneMatchesNext(t *testing.T) {
	texts := []string{telaah.ReferenceArticle(), "Kata dia. (Lihat) \"Ya,\" ujarnya. \"Kami?\" ia bertanya... Lalu? pergi! Tbk. Dr. B. J. Habibie."}
	pieces := []string{"kata", "Dia", "KPK", "a", "B", "bukunya", " ", " ", "  ", ",", ".", "...", "?", "!", ";", ":", ":)", "(:",
		"(", ")", "[", "]", "{", "}", "\"", "'", "''", "``", "-", "dll", "Tbk", "Dr", "J", "4", "1.000", "\n", "\n\n", "é", "“", "”", "(4",
		"2019", "25", "0", "7", "%", "/", "@", "x.com", ".id", "+", "'", "\t", "\r", "Rp", "AA", "id"}
	texts = append(texts, randomTexts(rand.New(rand.NewPCG(3, 4)), pieces, 4000, 30)...)
	for _, text := range texts {
		var want []Token
		s := scanner{text: text}
		for p := s.next(); p != nil; p = s.next() {
			want = append(want, *p)
		}
		if got := (Tokenizer{}).AppendTokens(nil, text); !slices.Equal(got, want) {
			t.Fatalf("AppendTokens(%q) =\n%+v, want\n%+v", text, got, want)
		}
		if got := slices.Collect(All(text)); !slices.Equal(got, want) {
			t.Fatalf("All(%q) =\n%+v, want\n%+v", text, got, want)
		}
	}
}
