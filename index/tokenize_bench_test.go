package index_test

import (
	"testing"

	bleveunicode "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/internal/newstext"
)

// BenchmarkTokenizeCompare/bleve-unicode and /telaah-all tokenize the same news
// text in one run, so their MB/s give the speed ratio of issue 2 (telaah ≥ 3×
// bleve's own unicode tokenizer):
//
//	go test ./index -run XXX -bench TokenizeCompare -cpu 1 -count 5
func BenchmarkTokenizeCompare(b *testing.B) {
	text := newstext.Text()
	input := []byte(text)
	b.Run("bleve-unicode", func(b *testing.B) {
		tz := bleveunicode.NewUnicodeTokenizer()
		b.SetBytes(int64(len(input)))
		b.ReportAllocs()
		n := 0
		for b.Loop() {
			n += len(tz.Tokenize(input))
		}
		if n == 0 {
			b.Fatal("no tokens")
		}
	})
	b.Run("telaah-all", func(b *testing.B) { newstext.BenchAll(b, text) })
}

// BenchmarkAnalyzerTokenizer runs the "id" analyzer's tokenizer (Tokenizer.Tokenize,
// without entities) on the reference article, as bleve does for a query or a field
// mapped to the "id" analyzer:
//
//	go test ./index -run XXX -bench AnalyzerTokenizer -cpu 1 -count 3
func BenchmarkAnalyzerTokenizer(b *testing.B) {
	input := []byte(telaah.ReferenceArticle())
	z := &index.Tokenizer{}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(z.Tokenize(input))
	}
	if n == 0 {
		b.Fatal("no tokens")
	}
}

// BenchmarkAnalyzer runs the whole "id" analyzer (tokenizer, normalise, stop and
// stem filters, the surface kept beside the stem as configured by default) on the
// reference article:
//
//	go test ./index -run XXX -bench 'Analyzer$' -cpu 1 -count 3
func BenchmarkAnalyzer(b *testing.B) {
	input := []byte(telaah.ReferenceArticle())
	z := &index.Tokenizer{}
	stem := &index.StemFilter{KeepSurface: true}
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n += len(stem.Filter(index.StopFilter{}.Filter(index.NormalizeFilter{}.Filter(z.Tokenize(input)))))
	}
	if n == 0 {
		b.Fatal("no tokens")
	}
}
