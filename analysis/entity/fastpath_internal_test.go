package entity

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah"
)

// TestSortEntities checks sortEntities against the stable sort it stands for,
// on two sorted runs (what Extract gives it), sorted lists and shuffled ones,
// with ties on Start and on both offsets.
func TestSortEntities(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var scratch []Entity
	random := func(n int) []Entity {
		es := make([]Entity, n)
		for k := range es {
			s := rng.IntN(12)
			es[k] = Entity{Start: s, End: s + 1 + rng.IntN(3), Text: string(rune('a' + k%26))}
		}
		return es
	}
	for trial := range 3000 {
		var es []Entity
		switch trial % 3 {
		case 0: // two sorted runs
			a, b := random(rng.IntN(8)), random(rng.IntN(8))
			slices.SortStableFunc(a, byStart)
			slices.SortStableFunc(b, byStart)
			es = append(a, b...)
		case 1:
			es = random(rng.IntN(10))
			slices.SortStableFunc(es, byStart)
		default:
			es = random(rng.IntN(10))
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, byStart)
		sortEntities(es, &scratch)
		if !slices.Equal(es, want) {
			t.Fatalf("got %v\nwant %v", es, want)
		}
	}
}

// FuzzLexUnits checks that the words lexUnits lexes get the lower case and the
// standing that ruleWord gives them, which lexUnits computes as it reads their
// bytes.
func FuzzLexUnits(f *testing.F) {
	f.Add(telaah.ReferenceArticle())
	f.Add(string(telaah.SampleArticles()))
	f.Add("Sabtu (24/3/2018) pukul 10.30 WIB, US$ 3 JUTA, Rp1,5 Triliun; Ñandú SENIN Ahad ÉTÉ")
	f.Fuzz(func(t *testing.T, text string) {
		for _, u := range lexUnits(nil, text, 0, len(text)) {
			if u.kind != uWord {
				continue
			}
			if lower, known := ruleWord(u.text); lower != u.lower || known != u.known {
				t.Fatalf("%q: lexUnits gives %q %v, ruleWord %q %v", u.text, u.lower, u.known, lower, known)
			}
		}
	})
}

// TestIsCommonMemo checks that the remembered answers of spanSet.isCommon are
// isCommonWord's, asked twice of every word of the sample corpus's titles.
func TestIsCommonMemo(t *testing.T) {
	var s spanSet
	words := strings.Fields(string(telaah.SampleArticles()))
	for range 2 {
		for _, w := range words {
			if got, want := s.isCommon(w), isCommonWord(w); got != want {
				t.Fatalf("isCommon(%q) = %v, isCommonWord %v", w, got, want)
			}
		}
	}
}
