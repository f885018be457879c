package tokenize_test

import (
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/newstext"
	"github.com/telaah/telaah/tokenize"
)

// BenchmarkAll is the iterator form on news text (the sample articles repeated to
// at least 1 MB): the speed bar of issue 2 is 100 MB/s with 0 allocations a token.
func BenchmarkAll(b *testing.B) { newstext.BenchAll(b, newstext.Text()) }

// BenchmarkAllReference is the iterator form on the reference article.
func BenchmarkAllReference(b *testing.B) { newstext.BenchAll(b, telaah.ReferenceArticle()) }

// BenchmarkAllSplitClitics is the iterator form with clitics split off.
func BenchmarkAllSplitClitics(b *testing.B) {
	text := newstext.Text()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	z := tokenize.Tokenizer{SplitClitics: true}
	for b.Loop() {
		for range z.All(text) {
		}
	}
}

// BenchmarkTokenize is the slice form.
func BenchmarkTokenize(b *testing.B) {
	text := newstext.Text()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tokenize.Tokenize(text)
	}
}

// BenchmarkSentences groups the tokens into sentences.
func BenchmarkSentences(b *testing.B) {
	text := newstext.Text()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		tokenize.Sentences(text)
	}
}

// BenchmarkScanner streams the news text from an io.Reader.
func BenchmarkScanner(b *testing.B) {
	text := newstext.Text()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		sc := tokenize.NewScanner(strings.NewReader(text))
		for sc.Scan() {
		}
	}
}

// TestAllAllocatesNothing guards the bar behind BenchmarkAll: the iterator form
// makes no allocation at all on news text, in either clitic mode.
func TestAllAllocatesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	text := newstext.Text()
	tokenize.Tokenize("Dr. a") // build the word lists first
	for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
		n := testing.AllocsPerRun(2, func() {
			for range z.All(text) {
			}
		})
		if n != 0 {
			t.Errorf("SplitClitics=%v: %v allocations per pass over %d bytes of news, want 0", z.SplitClitics, n, len(text))
		}
	}
}

// BenchmarkAllDottedRun is the iterator form on 1 MB of "a.a.a.…", a run that
// once made the domain, e-mail and abbreviation scans look hundreds of bytes
// ahead from every token (0.3–0.6 MB/s).
func BenchmarkAllDottedRun(b *testing.B) {
	for _, unit := range []string{"a.", "ab.", "A.B."} {
		text := strings.Repeat(unit, 1<<20/len(unit))
		b.Run(unit, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				for range tokenize.All(text) {
				}
			}
		})
	}
}
