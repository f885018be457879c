package entity

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/telaah/telaah"
)

// stageTexts are the texts the fast paths of the stages are held to: the sample
// articles, the reference article and a few lines of names, headings and
// numbers across line breaks.
func stageTexts(t *testing.T) []string {
	texts := []string{telaah.ReferenceArticle(),
		"Pavel Durov\nDurov berkata. DUROV, Pavel dan durov.\r\nTelegram Telegram; \"Telegram\" (Telegram)\n\nKPK 31 KPK tiga BUMN BUMN",
		"Joko Widodo bertemu Jokowi di Jakarta. Widodo dan Joko. 3M dan Kompas.com, KOMPAS.com serta Élodie Élodie.",
	}
	for _, a := range SampleArticles(t) {
		texts = append(texts, a.Text())
	}
	return texts
}

// TestPropagateCaps checks propagate's walk over the tokens that are not in
// lower case (docScratch.caps, which tokenLines fills) against its walk over
// every token of every line, which it takes for tokens that are not the
// tokenizer's: Extract gives the same entities both ways, in every style.
func TestPropagateCaps(t *testing.T) {
	texts := stageTexts(t)
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		r := Default().WithStyle(style)
		for _, text := range texts {
			tg := r.pool.Get().(*tagger)
			d := &tg.doc
			want := r.extract(tg, text, d.tokenLines(text))
			d.release()
			kept := d.tokenLines(text)
			d.tokCase = false // the walk over every token
			got := r.extract(tg, text, kept)
			d.release()
			r.pool.Put(tg)
			if !slices.Equal(got, want) {
				t.Fatalf("%v %.60q: over every token\n%v\nover the capitalised ones\n%v", style, text, got, want)
			}
		}
	}
}

// TestLowerInPlace checks lowerInPlace, eight bytes at a time, against the
// byte loop it stands for, on every length up to 40 of random bytes, of
// ASCII and of the letters' neighbours (@ [ ` {).
func TestLowerInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := []string{"", "AZaz@[`{09 -.", "Ab\xc3\x89\xff\x80\x7f"}
	for round := range 3000 {
		n := round % 41
		b := make([]byte, n)
		for i := range b {
			if a := alphabets[round%3]; a != "" {
				b[i] = a[rng.IntN(len(a))]
			} else {
				b[i] = byte(rng.IntN(256))
			}
		}
		want := slices.Clone(b)
		wantASCII := true
		for i, c := range want {
			if c >= 0x80 {
				wantASCII = false
			} else if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		in := slices.Clone(b)
		if ascii := lowerInPlace(b); ascii != wantASCII || !slices.Equal(b, want) {
			t.Fatalf("lowerInPlace(%q) = %q %v, want %q %v", in, b, ascii, want, wantASCII)
		}
	}
}
