package index

import (
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"

	ta "github.com/telaah/telaah/analysis"
)

// IndexedToken is one term as the "id" analyzer, or Index.Add, puts it in a text
// field: the term (a stem, a kept proper noun, a number…), its position (1 for
// the first word; stopwords leave a gap of one and each sentence boundary
// another, so that phrases neither skip words nor cross sentences) and the byte
// offsets of the original word in the text.
type IndexedToken struct {
	Term       string
	Position   int
	Start, End int
}

// Analyzed is an article analysed exactly as [Index.Add] indexes it: the entity
// fields and the tokens of the title and the body. Other backends (package
// index/opensearch) index these, so that they store the same terms at the same
// positions as bleve.
type Analyzed struct {
	*Analysis
	TitleTokens, BodyTokens []IndexedToken
}

// AnalyzeArticle analyses an article as Add does with pipeline p (nil: the
// default one) and Options.KeepSurface set to keepSurface. The analyses of the
// title and the body have no sentences, which indexing does not need. It is safe
// for concurrent use.
func AnalyzeArticle(p *ta.Pipeline, a *Article, keepSurface bool) *Analyzed {
	an := analyze(p, a, false)
	return &Analyzed{
		Analysis:    an,
		TitleTokens: tokensOf(stream(an.Title.Terms, keepSurface)),
		BodyTokens:  tokensOf(stream(an.Body.Terms, keepSurface)),
	}
}

// AnalyzeQueryText analyses text with the "id" analyzer as a query does (the
// normalised word kept beside its stem, at the same position), for backends that
// send Telaah's terms to a search engine that does not know them.
func AnalyzeQueryText(text string) []IndexedToken {
	return tokensOf(queryAnalyzer(nil).Analyze([]byte(text)))
}

// tokensOf copies a bleve token stream, in the order of positions.
func tokensOf(ts analysis.TokenStream) []IndexedToken {
	out := make([]IndexedToken, len(ts))
	for i, t := range ts {
		out[i] = IndexedToken{Term: string(t.Term), Position: t.Position, Start: t.Start, End: t.End}
	}
	slices.SortStableFunc(out, func(a, b IndexedToken) int { return a.Position - b.Position })
	return out
}

// DateBuckets returns the buckets of the published facet for an index whose
// articles were published from lo to hi: months, or years when that is more than
// 36 months, as Index.Search counts them. Other backends use it to count the
// same buckets.
func DateBuckets(lo, hi time.Time) []DateBucket { return buckets(lo, hi) }
