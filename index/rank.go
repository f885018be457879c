package index

import (
	"context"
	"math"
	"time"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// recency is a query whose scores are those of inner decayed by the age of the
// article before newest: score × (½ + ½·2^(−age/half)). An article without a
// date counts as very old.
type recency struct {
	inner  bquery.Query
	newest time.Time
	half   time.Duration
}

// Searcher implements bleve's query.Query.
func (q *recency) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	s, err := q.inner.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	dv, err := r.DocValueReader([]string{FieldPublished})
	if err != nil {
		s.Close()
		return nil, err
	}
	return &recencySearcher{Searcher: s, dv: dv, newest: q.newest.UnixNano(), half: float64(q.half)}, nil
}

type recencySearcher struct {
	search.Searcher
	dv     bindex.DocValueReader
	newest int64
	half   float64
}

func (s *recencySearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		s.decay(d)
	}
	return d, err
}

func (s *recencySearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		s.decay(d)
	}
	return d, err
}

func (s *recencySearcher) decay(d *search.DocumentMatch) {
	var t int64
	found := false
	_ = s.dv.VisitDocValues(d.IndexInternalID, func(field string, term []byte) {
		p := numeric.PrefixCoded(term)
		if shift, err := p.Shift(); err == nil && shift == 0 {
			if v, err := p.Int64(); err == nil {
				t, found = v, true
			}
		}
	})
	f := 0.5
	if found {
		age := max(0, float64(s.newest-t))
		f += 0.5 * math.Exp2(-age/s.half)
	}
	d.Score *= f
}
