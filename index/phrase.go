package index

import (
	"bytes"
	"cmp"
	"context"
	"math"
	"slices"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// phraseQuery matches the articles whose field has the terms of slots at
// consecutive positions (a nil slot is a gap: a stopword or a sentence break).
// It scores like bleve's phrase query (the sum of the terms' scores) but checks
// the positions straight from the term searchers' locations, without building
// a location map for every candidate, which is most of the cost of bleve's.
type phraseQuery struct {
	field string
	slots [][]string
	boost float64
	// termSearchers makes the query search with bleve's term searchers even
	// on a scorch snapshot (for tests that compare the two ways).
	termSearchers bool
	// cache keeps the decoded postings of the segments, positions included,
	// from one search to the next; nil reads zap's postings every time.
	cache *postCache
}

// Searcher implements bleve's query.Query. On a scorch snapshot, unless the
// search wants explanations, it reads the segments' postings
// directly (segPhraseSearcher); else it drives bleve's term searchers
// (phraseSearcher). Both find and score the same.
func (q *phraseQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if is, ok := r.(*scorch.IndexSnapshot); ok && !q.termSearchers && !opts.Explain && !hasSynonyms(ctx, q.field) {
		s, err := newSegPhraseSearcher(ctx, is, q, opts)
		if err != nil || s != nil {
			return s, err
		}
	}
	wantLocs := opts.IncludeTermVectors
	opts.IncludeTermVectors = true
	s := &phraseSearcher{field: q.field, wantLocs: wantLocs}
	for i, sl := range q.slots {
		if sl == nil {
			continue
		}
		var sub search.Searcher
		var err error
		if len(sl) == 1 {
			sub, err = searcher.NewTermSearcher(ctx, r, sl[0], q.field, q.boost, opts)
		} else {
			sub, err = searcher.NewMultiTermSearcher(ctx, r, sl, q.field, q.boost, opts, false)
		}
		if err != nil {
			s.Close()
			return nil, err
		}
		s.subs = append(s.subs, sub)
		s.offs = append(s.offs, uint64(i))
	}
	// The rarest term leads: the others only advance to its documents, and
	// their locations are read for those only.
	order := make([]int, len(s.subs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(s.subs[a].Count(), s.subs[b].Count()) })
	subs, offs := make([]search.Searcher, len(order)), make([]uint64, len(order))
	for i, o := range order {
		subs[i], offs[i] = s.subs[o], s.offs[o]
	}
	s.subs, s.offs = subs, offs
	// The query norm of bleve's phrase searcher, so that the scores are its.
	if w := s.Weight(); w > 0 {
		s.SetQueryNorm(1 / math.Sqrt(w))
	}
	s.cur = make([]*search.DocumentMatch, len(s.subs))
	s.pos = make([][]uint64, len(s.subs))
	return s, nil
}

// hasSynonyms reports whether the search has synonyms for field, which
// bleve's term searchers expand (segPhraseSearcher does not).
func hasSynonyms(ctx context.Context, field string) bool {
	fts, ok := ctx.Value(search.FieldTermSynonymMapKey).(search.FieldTermSynonymMap)
	if !ok {
		return false
	}
	_, ok = fts[field]
	return ok
}

type phraseSearcher struct {
	field    string
	subs     []search.Searcher
	offs     []uint64 // the relative position of each sub's slot
	cur      []*search.DocumentMatch
	pos      [][]uint64 // scratch: the positions of each sub in the current doc
	started  bool
	done     bool
	wantLocs bool
}

func (s *phraseSearcher) put(ctx *search.SearchContext, d *search.DocumentMatch) {
	if d != nil {
		ctx.DocumentMatchPool.Put(d)
	}
}

// Next implements search.Searcher.
func (s *phraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.done || len(s.subs) == 0 {
		return nil, nil
	}
	var err error
	if !s.started {
		s.started = true
		for i, sub := range s.subs {
			if s.cur[i], err = sub.Next(ctx); err != nil || s.cur[i] == nil {
				s.done = true
				return nil, err
			}
		}
	} else {
		s.put(ctx, s.cur[0])
		if s.cur[0], err = s.subs[0].Next(ctx); err != nil || s.cur[0] == nil {
			s.done = true
			return nil, err
		}
	}
	return s.find(ctx)
}

// Advance implements search.Searcher.
func (s *phraseSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	if s.done || len(s.subs) == 0 {
		return nil, nil
	}
	s.started = true
	for i, sub := range s.subs {
		if s.cur[i] != nil && bytes.Compare(s.cur[i].IndexInternalID, id) >= 0 {
			continue
		}
		s.put(ctx, s.cur[i])
		var err error
		if s.cur[i], err = sub.Advance(ctx, id); err != nil || s.cur[i] == nil {
			s.done = true
			return nil, err
		}
	}
	return s.find(ctx)
}

// find moves the subs to the next document they all match whose positions
// make the phrase.
func (s *phraseSearcher) find(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	for {
		top := s.cur[0].IndexInternalID
		for _, c := range s.cur[1:] {
			if bytes.Compare(c.IndexInternalID, top) > 0 {
				top = c.IndexInternalID
			}
		}
		top = slices.Clone(top)
		aligned := true
		for i, c := range s.cur {
			if bytes.Equal(c.IndexInternalID, top) {
				continue
			}
			aligned = false
			s.put(ctx, c)
			var err error
			if s.cur[i], err = s.subs[i].Advance(ctx, top); err != nil || s.cur[i] == nil {
				s.done = true
				return nil, err
			}
		}
		if !aligned {
			continue
		}
		if d := s.match(ctx); d != nil {
			return d, nil
		}
		s.put(ctx, s.cur[0])
		var err error
		if s.cur[0], err = s.subs[0].Next(ctx); err != nil || s.cur[0] == nil {
			s.done = true
			return nil, err
		}
	}
}

// match returns the match of the current document when the phrase is in it.
func (s *phraseSearcher) match(ctx *search.SearchContext) *search.DocumentMatch {
	for i, c := range s.cur {
		p := s.pos[i][:0]
		for _, l := range c.FieldTermLocations {
			if l.Field == s.field {
				p = append(p, l.Location.Pos)
			}
		}
		slices.Sort(p)
		s.pos[i] = p
	}
	var starts []uint64
	for _, p0 := range s.pos[0] {
		if p0 < s.offs[0] {
			continue
		}
		base := p0 - s.offs[0]
		ok := true
		for k := 1; k < len(s.subs) && ok; k++ {
			_, ok = slices.BinarySearch(s.pos[k], base+s.offs[k])
		}
		if ok {
			starts = append(starts, base)
			if !s.wantLocs {
				break
			}
		}
	}
	if len(starts) == 0 {
		return nil
	}
	d := ctx.DocumentMatchPool.Get()
	d.IndexInternalID = append(d.IndexInternalID[:0], s.cur[0].IndexInternalID...)
	for _, c := range s.cur {
		d.Score += c.Score
	}
	if s.wantLocs {
		// The locations of the terms at the phrase's positions.
		for i, c := range s.cur {
			for _, l := range c.FieldTermLocations {
				if l.Field != s.field {
					continue
				}
				for _, b := range starts {
					if l.Location.Pos == b+s.offs[i] {
						d.FieldTermLocations = append(d.FieldTermLocations, l)
						break
					}
				}
			}
		}
	}
	return d
}

// Close implements search.Searcher.
func (s *phraseSearcher) Close() error {
	var err error
	for _, sub := range s.subs {
		if e := sub.Close(); e != nil && err == nil {
			err = e
		}
	}
	return err
}

// Weight implements search.Searcher.
func (s *phraseSearcher) Weight() float64 {
	w := 0.0
	for _, sub := range s.subs {
		w += sub.Weight()
	}
	return w
}

// SetQueryNorm implements search.Searcher.
func (s *phraseSearcher) SetQueryNorm(n float64) {
	for _, sub := range s.subs {
		sub.SetQueryNorm(n)
	}
}

// Count implements search.Searcher: at most the count of the rarest term.
func (s *phraseSearcher) Count() uint64 {
	var n uint64
	for i, sub := range s.subs {
		if c := sub.Count(); i == 0 || c < n {
			n = c
		}
	}
	return n
}

// Min implements search.Searcher.
func (s *phraseSearcher) Min() int { return 0 }

// Size implements search.Searcher.
func (s *phraseSearcher) Size() int {
	n := 64
	for _, sub := range s.subs {
		n += sub.Size()
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher.
func (s *phraseSearcher) DocumentMatchPoolSize() int {
	n := 1
	for _, sub := range s.subs {
		n += sub.DocumentMatchPoolSize()
	}
	return n
}
