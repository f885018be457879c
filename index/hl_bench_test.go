package index

import (
	"context"
	"testing"

	"github.com/telaah/telaah/index/query"
)

// BenchmarkHighlight highlights the body of the reference article (about 2 KB)
// for a two-word query.
func BenchmarkHighlight(b *testing.B) {
	body := sample(b)[0].Body
	q, _ := query.Parse("telegram pengguna", query.Limits{})
	h := NewHighlighter(q, HighlightOptions{})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		h.Fragments(context.Background(), FieldBody, body)
	}
}

func BenchmarkHighlightAnalyze(b *testing.B) {
	body := sample(b)[0].Body
	an := queryAnalyzer(nil)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		an.Analyze([]byte(body))
	}
}
