package tokenize_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// FuzzTokenize checks the invariants on any input: tokens ordered and not
// overlapping, text[Start:End] == Text, every non-space byte inside a token,
// sentences tiling the input; the same for split clitics, and Tokenize and All
// agreeing with the Scanner, which scans every token through scanner.next
// (their fast lane for words one space apart, appendWords and yieldWords, is
// held to it).
func FuzzTokenize(f *testing.F) {
	f.Add(telaah.ReferenceArticle()[:600])
	f.Add("JAKARTA, KOMPAS.com - Rp 200.000,- dll. B. J. Habibie kepada-Nya bukunya.")
	f.Add("\x00\xff a-b.c@d.e #x @y 😀👍🏽 :) 1.000,5-2 ...…\n\n\"Ya?\" ")
	f.Fuzz(func(t *testing.T, text string) {
		for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
			toks := z.Tokenize(text)
			checkInvariants(t, text, toks, z.Sentences(text))
			sc := z.NewScanner(strings.NewReader(text))
			sc.Buffer(nil, 1<<20)
			i := 0
			for sc.Scan() {
				if i >= len(toks) || sc.Token() != toks[i] {
					t.Fatalf("Scanner token %d %+v differs from Tokenize", i, sc.Token())
				}
				i++
			}
			if i != len(toks) {
				t.Fatalf("Scanner gave %d tokens, Tokenize %d", i, len(toks))
			}
			if all := slices.Collect(z.All(text)); !slices.Equal(all, toks) {
				t.Fatalf("All gave %d tokens, Tokenize %d, not the same", len(all), len(toks))
			}
		}
	})
}
