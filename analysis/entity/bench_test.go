package entity_test

import (
	"bytes"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

// benchSentences returns the reference article's sentences as words.
func benchSentences() (sents [][]string, tokens, size int) {
	text := telaah.ReferenceArticle()
	for _, s := range tokenize.Sentences(text) {
		var words []string
		for _, t := range s.Tokens {
			words = append(words, t.Text)
		}
		if len(words) > 0 {
			sents = append(sents, words)
			tokens += len(words)
		}
	}
	return sents, tokens, len(text)
}

// BenchmarkTag measures PER/ORG/LOC tagging, feature extraction included, on the
// reference article; tokens/s is the figure the bar names.
func BenchmarkTag(b *testing.B) {
	r := entity.Default()
	sents, tokens, size := benchSentences()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			r.Tag(s)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkExtract measures the whole of Extract on the reference article:
// tokenizing, tagging, confidence, rules, propagation and clustering.
func BenchmarkExtract(b *testing.B) {
	r := entity.Default()
	text := telaah.ReferenceArticle()
	_, tokens, _ := benchSentences()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		r.Extract(text)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures loading the embedded model (the bar is 100 ms).
func BenchmarkLoad(b *testing.B) {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := entity.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
