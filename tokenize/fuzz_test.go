package tokenize_test

import (
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// FuzzTokenize checks the invariants on any input: tokens ordered and not
// overlapping, text[Start:End] == Text, every non-space byte inside a token,
// sentences tiling the input; the same for split clitics, and the Scanner agreeing
// with All.
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
		}
	})
}
