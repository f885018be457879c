package index

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/telaah/telaah/index/query"
)

var (
	bigOnce sync.Once
	bigIdx  *Index
	bigErr  error
)

// bigIndex is the sample corpus plus one article of 1 MB made of its bodies,
// the index of issue 14's query cases.
func bigIndex(t *testing.T) *Index {
	t.Helper()
	arts := sample(t)
	bigOnce.Do(func() {
		var b strings.Builder
		for b.Len() < 1<<20 {
			for _, a := range arts {
				b.WriteString(a.Body)
				b.WriteString("\n\n")
			}
		}
		big := Article{ID: "big-1mb", Title: "Artikel besar", Body: b.String()[:1<<20], Published: date(2024, 1, 1)}
		for !strings.HasSuffix(big.Body, " ") && len(big.Body) > 0 { // cut at a space, valid UTF-8
			big.Body = big.Body[:len(big.Body)-1]
		}
		if bigIdx, bigErr = Create("", nil); bigErr == nil {
			bigErr = bigIdx.Add(append(arts, big)...)
		}
	})
	if bigErr != nil {
		t.Fatal(bigErr)
	}
	return bigIdx
}

// Issue 14: the 9 KB query of `telegram pengguna` × 500 on the corpus plus a
// 1 MB article is two clauses to search and to highlight, and the highlighter
// reads no more than its budget of the big article.
func TestRepeatedTermQueryOnBigArticle(t *testing.T) {
	x := bigIndex(t)
	q := strings.TrimSpace(strings.Repeat("telegram pengguna ", 500))
	if len(q) < 8900 {
		t.Fatalf("query of %d bytes", len(q))
	}
	res, err := x.Search(context.Background(), Request{Query: q, Facets: AllFacets})
	if err != nil {
		t.Fatal(err)
	}
	if hitByID(res, "big-1mb") == nil || hitByID(res, "kompas-telegram-200-juta") == nil {
		t.Fatalf("hits %v", ids(res))
	}
	n, _ := query.Parse(q, query.Limits{})
	if h := NewHighlighter(n, HighlightOptions{}); len(h.clauses) != 2 {
		t.Errorf("the highlighter has %d clauses", len(h.clauses))
	}
	for _, f := range hitByID(res, "big-1mb").Fragments[FieldBody] {
		if len(f) > 4*DefaultFragmentSize {
			t.Errorf("fragment of %d bytes", len(f))
		}
	}
	// Over the clause limit, a clear refusal.
	_, err = x.Search(context.Background(), Request{Query: q, Limits: query.Limits{MaxClauses: 100}})
	if !errors.Is(err, query.ErrLimit) {
		t.Errorf("over MaxClauses: %v", err)
	}
}

// Issue 14: `*a*` with a big article indexed answers or refuses; with no
// expansion limit, it answers or fails with the deadline, never runs on.
func TestLeadingWildcardOnBigArticle(t *testing.T) {
	x := bigIndex(t)
	if _, err := x.Search(context.Background(), Request{Query: "*a*"}); err != nil && !errors.Is(err, query.ErrLimit) {
		t.Errorf("*a*: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, err := x.Search(ctx, Request{Query: "*a* *e* *i*", Limits: query.Limits{MaxExpansions: -1}})
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("*a* *e* *i* without an expansion limit: %v", err)
	}
	// A query nested 100,000 deep, a 240 KB word, 500 fuzzy words: refused
	// by the parser's limits before any work.
	for _, q := range []string{strings.Repeat("(", 100000), strings.Repeat("a", 240<<10), strings.Repeat("kata~2 ", 500)} {
		if _, err := x.Search(context.Background(), Request{Query: q}); !errors.Is(err, query.ErrLimit) {
			t.Errorf("%.20q…: %v", q, err)
		}
	}
	if _, err := x.Search(context.Background(), Request{Query: "nosuchfield:kata"}); err == nil {
		t.Error("an unknown field is not an error")
	}
}
