package index

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/scorer"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segPhraseSearcher finds a phrase in the segments of a scorch snapshot
// straight from their postings. In each segment it first intersects the
// document numbers of the phrase's slots (a slot's variants united) as
// bitmaps, then reads frequencies, norms and positions only for the documents
// in the intersection, with buffers reused from one document to the next.
// It scores, orders and counts exactly as phraseSearcher (bleve's term
// searchers under a disjunction per slot): the same scorers, the same sums in
// the same order.
type segPhraseSearcher struct {
	ctx      context.Context
	field    string
	wantLocs bool // the matches carry the locations of the phrase's terms
	segs     []*scorch.SegmentSnapshot
	cache    *postCache // decoded postings with positions; nil: read zap's
	cached   bool       // the current segment's terms are read from cache
	offsets  []uint64   // the global number of each segment's first document
	slots    []*segSlot // rarest first, as phraseSearcher orders its subs
	seg      int        // the segment being searched; -1 before the first
	cand     roaring.IntPeekable
	c        uint64 // the candidate read last, in the current segment
	tfd      bindex.TermFieldDoc
	starts   []uint64 // scratch: where the phrase starts in the current document
	visited  int      // candidates since the last look at ctx
	done     bool
	// the last match returned, for an Advance to it or before it
	last      uint64
	lastScore float64
	lastLocs  []search.FieldTermLocation
	// the matches found ahead (collect), in document order, and the next
	hits      []segHit
	hitAt     int
	collected bool
	hasLast   bool
}

// segSlot is one position of the phrase: the variants (stem, surface) that may
// stand there.
type segSlot struct {
	off   uint64
	terms []*segTerm
	pos   []uint64 // scratch: the slot's positions in the current document
	bm    *roaring.Bitmap
}

// segTerm is one term of a slot, with its postings in every segment and what
// was read of its current posting.
type segTerm struct {
	term   []byte
	name   string // term as a string, for locations
	scorer *scorer.TermQueryScorer
	pls    []segment.PostingsList
	its    []segment.PostingsIterator
	count  uint64
	// In the current segment: the document of the posting read (ok false
	// when none is left), its frequency, norm and positions.
	doc  uint64
	ok   bool
	end  bool
	freq uint64
	norm float64
	pos  []uint64
	locs []segLoc // with positions, when the search wants locations
	// With a cache, the term's decoded postings in the current segment (nil
	// when it has none there) and the index of the posting read.
	cp *segPostings
	ci int
}

// segLoc is an occurrence of a term in a document.
type segLoc struct {
	pos, start, end uint64
	ap              []uint64
}

// newSegPhraseSearcher returns the searcher of q over snapshot is, or nil when
// some segment does not give postings it can intersect (the caller then uses
// phraseSearcher).
func newSegPhraseSearcher(ctx context.Context, is *scorch.IndexSnapshot, q *phraseQuery, opts search.SearcherOptions) (*segPhraseSearcher, error) {
	s := &segPhraseSearcher{ctx: ctx, field: q.field, wantLocs: opts.IncludeTermVectors, segs: is.Segments(), seg: -1}
	if q.cache != nil && !s.wantLocs {
		// Locations (offsets, array positions) are not cached: a search
		// that wants them reads zap's postings.
		s.cache = q.cache
		live := make([]segment.Segment, len(s.segs))
		for k, ss := range s.segs {
			live[k] = ss.Segment()
		}
		s.cache.retain(live)
	}
	off := uint64(0)
	for _, ss := range s.segs {
		s.offsets = append(s.offsets, off)
		off += ss.Segment().Count()
	}
	docTotal, avgLen, err := scoreMetrics(ctx, is, q.field)
	if err != nil {
		return nil, err
	}
	dicts := make([]segment.TermDictionary, len(s.segs))
	for k, ss := range s.segs {
		if dicts[k], err = ss.Segment().Dictionary(q.field); err != nil {
			return nil, fmt.Errorf("phrase: reading the terms of %s: %w", q.field, err)
		}
	}
	var slots []*segSlot
	for i, sl := range q.slots {
		if sl == nil {
			continue
		}
		slot := &segSlot{off: uint64(i)}
		for _, term := range sl {
			if err := search.RecordTermSearcher(ctx); err != nil {
				return nil, err
			}
			t := &segTerm{term: []byte(term), name: term}
			for k, ss := range s.segs {
				pl, err := dicts[k].PostingsList(t.term, ss.Deleted(), nil)
				if err != nil {
					return nil, fmt.Errorf("phrase: reading %s %q: %w", q.field, term, err)
				}
				it := pl.Iterator(true, true, true, nil)
				if _, ok := it.(segment.OptimizablePostingsIterator); !ok {
					return nil, nil
				}
				t.pls = append(t.pls, pl)
				t.its = append(t.its, it)
				t.count += pl.Count()
			}
			t.scorer = scorer.NewTermQueryScorer(t.term, q.field, q.boost, docTotal, t.count, avgLen, opts)
			slot.terms = append(slot.terms, t)
		}
		if len(slot.terms) > 1 {
			// The disjunction of the variants sets their norm when built.
			w := 0.0
			for _, t := range slot.terms {
				w += weight(t.scorer)
			}
			for _, t := range slot.terms {
				t.scorer.SetQueryNorm(1 / math.Sqrt(w))
			}
		}
		slots = append(slots, slot)
	}
	slices.SortStableFunc(slots, func(a, b *segSlot) int { return cmp.Compare(a.count(), b.count()) })
	s.slots = slots
	if w := s.Weight(); w > 0 {
		s.SetQueryNorm(1 / math.Sqrt(w))
	}
	return s, nil
}

// scoreMetrics returns the number of documents and the average length of
// field that bleve's term searchers score with: BM25 statistics when the
// search scores with BM25 (from the context when a caller put them there),
// else the document count and 0.
func scoreMetrics(ctx context.Context, r bindex.IndexReader, field string) (uint64, float64, error) {
	model := ""
	if f, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn); ok {
		model = f()
	}
	if model != bindex.BM25Scoring {
		n, err := r.DocCount()
		return n, 0, err
	}
	var count uint64
	var card int
	if st, ok := ctx.Value(search.BM25StatsKey).(*search.BM25Stats); ok {
		count = uint64(st.DocCount)
		if card, ok = st.FieldCardinality[field]; !ok {
			return 0, 0, fmt.Errorf("field stat for bm25 not present %s", field)
		}
	} else {
		var err error
		if count, err = r.DocCount(); err != nil {
			return 0, 0, err
		}
		if br, ok := r.(bindex.BM25Reader); ok {
			if card, err = br.FieldCardinality(field); err != nil {
				return 0, 0, err
			}
		}
	}
	if count == 0 && card == 0 {
		return 0, 0, nil
	}
	return count, math.Ceil(float64(card) / float64(count)), nil
}

// count is the slot's count as bleve's searchers report it: the sum of its
// terms' document counts.
func (sl *segSlot) count() uint64 {
	var n uint64
	for _, t := range sl.terms {
		n += t.count
	}
	return n
}

// enter prepares segment k: the candidates are the documents that have a
// variant of every slot, and each term's iterator visits only those of them
// that have the term. With a cache, the terms read their decoded postings
// instead (decoded and cached here the first time).
func (s *segPhraseSearcher) enter(k int) error {
	s.seg = k
	var all []*roaring.Bitmap
	for _, sl := range s.slots {
		var bms []*roaring.Bitmap
		for _, t := range sl.terms {
			t.ok, t.end = false, false
			if bm := termBitmap(t.its[k]); bm != nil && !bm.IsEmpty() {
				bms = append(bms, bm)
			}
		}
		switch len(bms) {
		case 0:
			s.cand = nil
			return nil
		case 1:
			sl.bm = bms[0]
		default:
			sl.bm = roaring.FastOr(bms...)
		}
		all = append(all, sl.bm)
	}
	c := all[0]
	if len(all) > 1 {
		c = roaring.FastAnd(all...)
	}
	s.cand = c.Iterator()
	s.cached = false
	if s.cache != nil && s.admitted(k) {
		s.cached = true
		if c.IsEmpty() {
			s.cand = nil
			return nil
		}
		seg := s.segs[k].Segment()
		for _, sl := range s.slots {
			for _, t := range sl.terms {
				t.cp, t.ci = nil, 0
				if t.pls[k].Count() == 0 {
					continue
				}
				p, err := s.cache.getPos(seg, s.field, t.term)
				if err != nil {
					return fmt.Errorf("phrase: reading the postings of %q: %w", t.term, err)
				}
				if len(p.docs) > 0 {
					t.cp = p
				}
			}
		}
		return nil
	}
	for _, sl := range s.slots {
		for _, t := range sl.terms {
			it := t.its[k].(segment.OptimizablePostingsIterator)
			if _, one := it.DocNum1Hit(); one {
				continue
			}
			if bm := it.ActualBitmap(); bm != nil {
				it.ReplaceActual(roaring.And(bm, c))
			}
		}
	}
	return nil
}

// admitted reports whether the terms of segment k are read from the cache:
// when each of them is cached or was asked for before (see postCache.admitPos).
// A phrase searched for the first time reads zap's postings of its candidates
// only, as without a cache, and costs no more than that.
func (s *segPhraseSearcher) admitted(k int) bool {
	seg := s.segs[k].Segment()
	all := true
	for _, sl := range s.slots {
		for _, t := range sl.terms {
			if t.pls[k].Count() > 0 && !s.cache.admitPos(seg, s.field, t.term) {
				all = false
			}
		}
	}
	return all
}

// termBitmap returns the documents of an iterator of a segment's postings.
func termBitmap(it segment.PostingsIterator) *roaring.Bitmap {
	o := it.(segment.OptimizablePostingsIterator)
	if d, ok := o.DocNum1Hit(); ok {
		return roaring.BitmapOf(uint32(d))
	}
	return o.ActualBitmap()
}

// Next implements search.Searcher.
func (s *segPhraseSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if !s.wantLocs && !s.collected && s.seg < 0 && len(s.segs) > 1 && len(s.slots) > 0 {
		// The first call: find the matches of all segments on the cores.
		if err := s.collect(); err != nil {
			return nil, err
		}
	}
	if s.collected {
		return s.nextHit(ctx, 0), nil
	}
	return s.next(ctx, 0)
}

// Advance implements search.Searcher.
func (s *segPhraseSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	num := id.Value()
	if s.hasLast && num <= s.last {
		// Still on the last match, as bleve's searchers stay.
		d := ctx.DocumentMatchPool.Get()
		d.IndexInternalID = bindex.NewIndexInternalID(d.IndexInternalID, s.last)
		d.Score = s.lastScore
		d.FieldTermLocations = append(d.FieldTermLocations, s.lastLocs...)
		return d, nil
	}
	if s.collected {
		return s.nextHit(ctx, num), nil
	}
	return s.next(ctx, num)
}

// next returns the next match at or after the global document number from.
func (s *segPhraseSearcher) next(ctx *search.SearchContext, from uint64) (*search.DocumentMatch, error) {
	if s.done || len(s.slots) == 0 {
		return nil, nil
	}
	for {
		if s.seg < 0 || s.cand == nil || !s.cand.HasNext() || (s.seg+1 < len(s.segs) && from >= s.offsets[s.seg+1]) {
			k := s.seg + 1
			for k+1 < len(s.segs) && s.offsets[k+1] <= from {
				k++
			}
			if k >= len(s.segs) {
				s.done = true
				return nil, nil
			}
			if err := s.enter(k); err != nil {
				return nil, err
			}
			continue
		}
		base := s.offsets[s.seg]
		if from > base {
			s.cand.AdvanceIfNeeded(uint32(min(from-base, math.MaxUint32)))
		}
		c, ok, err := s.segMatch()
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		d := ctx.DocumentMatchPool.Get()
		d.IndexInternalID = bindex.NewIndexInternalID(d.IndexInternalID, base+c)
		d.Score = s.score(ctx)
		s.last, s.lastScore, s.hasLast = base+c, d.Score, true
		if s.wantLocs {
			d.FieldTermLocations = s.locations(d.FieldTermLocations)
			s.lastLocs = append(s.lastLocs[:0], d.FieldTermLocations...)
		}
		return d, nil
	}
}

// segMatch moves to the next candidate of the current segment that has the
// phrase and returns its number in the segment; ok is false when no candidate
// is left.
func (s *segPhraseSearcher) segMatch() (c uint64, ok bool, err error) {
	for s.cand != nil && s.cand.HasNext() {
		c = uint64(s.cand.Next())
		s.c = c
		if s.visited++; s.visited >= 1024 {
			s.visited = 0
			if err := s.ctx.Err(); err != nil {
				return 0, false, err
			}
		}
		ok, err := s.read(c)
		if err != nil {
			return 0, false, err
		}
		if ok && s.matches() {
			return c, true, nil
		}
	}
	return 0, false, nil
}

// segHit is a match found ahead: its global document number and score.
type segHit struct {
	doc   uint64
	score float64
}

// collect finds the matches of every segment ahead, the segments shared
// among up to GOMAXPROCS goroutines (the largest first), each with its own
// copy of the terms' state, and keeps them in document order.
func (s *segPhraseSearcher) collect() error {
	s.collected = true
	order := make([]int, len(s.segs))
	for k := range order {
		order[k] = k
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Compare(s.segs[b].Segment().Count(), s.segs[a].Segment().Count())
	})
	parts := make([][]segHit, len(s.segs))
	workers := min(runtime.GOMAXPROCS(0), len(s.segs), maxPhraseWorkers)
	var taken atomic.Int64
	errs := make([]error, workers)
	work := func(w *segPhraseSearcher, e *error) {
		sctx := &search.SearchContext{DocumentMatchPool: search.NewDocumentMatchPool(2, 0)}
		for {
			i := int(taken.Add(1) - 1)
			if i >= len(order) {
				return
			}
			k := order[i]
			if err := w.enter(k); err != nil {
				*e = err
				taken.Store(int64(len(order)))
				return
			}
			for {
				c, ok, err := w.segMatch()
				if err != nil {
					*e = err
					taken.Store(int64(len(order)))
					return
				}
				if !ok {
					break
				}
				parts[k] = append(parts[k], segHit{doc: s.offsets[k] + c, score: w.score(sctx)})
			}
		}
	}
	var wg sync.WaitGroup
	for i := 1; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work(s.clone(), &errs[i])
		}()
	}
	work(s, &errs[0])
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	s.hits = make([]segHit, 0, n)
	for _, p := range parts {
		s.hits = append(s.hits, p...)
	}
	return nil
}

// maxPhraseWorkers bounds the goroutines of one phrase search.
const maxPhraseWorkers = 4

// clone returns a searcher over the same postings and scorers with its own
// state of the terms, for another goroutine.
func (s *segPhraseSearcher) clone() *segPhraseSearcher {
	w := &segPhraseSearcher{ctx: s.ctx, field: s.field, segs: s.segs, cache: s.cache, offsets: s.offsets, seg: -1}
	for _, sl := range s.slots {
		c := &segSlot{off: sl.off}
		for _, t := range sl.terms {
			c.terms = append(c.terms, &segTerm{term: t.term, name: t.name, scorer: t.scorer, pls: t.pls, its: t.its, count: t.count})
		}
		w.slots = append(w.slots, c)
	}
	return w
}

// nextHit returns the first match collected ahead at or after the global
// document number from.
func (s *segPhraseSearcher) nextHit(ctx *search.SearchContext, from uint64) *search.DocumentMatch {
	for s.hitAt < len(s.hits) && s.hits[s.hitAt].doc < from {
		s.hitAt++
	}
	if s.hitAt >= len(s.hits) {
		return nil
	}
	h := s.hits[s.hitAt]
	s.hitAt++
	d := ctx.DocumentMatchPool.Get()
	d.IndexInternalID = bindex.NewIndexInternalID(d.IndexInternalID, h.doc)
	d.Score = h.score
	s.last, s.lastScore, s.hasLast = h.doc, h.score, true
	return d
}

// read moves every term of the current segment to candidate c, reading the
// postings of those that have it, and gathers each slot's positions there; ok
// is false when a slot has no variant in c.
func (s *segPhraseSearcher) read(c uint64) (bool, error) {
	for _, sl := range s.slots {
		sl.pos = sl.pos[:0]
		for _, t := range sl.terms {
			if s.cached {
				t.readCached(c)
			} else if !t.end && (!t.ok || t.doc < c) {
				p, err := t.its[s.seg].Advance(c)
				if err != nil {
					return false, fmt.Errorf("phrase: reading the postings of %q: %w", t.term, err)
				}
				if p == nil {
					t.ok, t.end = false, true
				} else {
					t.ok, t.doc, t.freq, t.norm = true, p.Number(), p.Frequency(), p.Norm()
					t.pos = t.pos[:0]
					for _, l := range p.Locations() {
						t.pos = append(t.pos, l.Pos())
					}
					if s.wantLocs {
						t.readLocs(p)
					}
				}
			}
			if t.ok && t.doc == c {
				sl.pos = append(sl.pos, t.pos...)
			}
		}
		if len(sl.pos) == 0 {
			return false, nil
		}
		if len(sl.terms) > 1 {
			slices.Sort(sl.pos)
		}
	}
	return true, nil
}

// readCached moves the term to candidate c in its decoded postings of the
// current segment, a search forward from the posting read last.
func (t *segTerm) readCached(c uint64) {
	p := t.cp
	if p == nil || t.end {
		t.ok = false
		return
	}
	if t.ok && t.doc >= c {
		return
	}
	i := t.ci
	if i < len(p.docs) && uint64(p.docs[i]) < c {
		j, _ := slices.BinarySearch(p.docs[i:], uint32(c))
		i += j
	}
	t.ci = i
	if i >= len(p.docs) {
		t.ok, t.end = false, true
		return
	}
	t.ok, t.doc, t.freq, t.norm = true, uint64(p.docs[i]), uint64(p.freq[i]), float64(p.norm[i])
	t.pos = t.pos[:0]
	for _, q := range p.pos[p.off[i]:p.off[i+1]] {
		t.pos = append(t.pos, uint64(q))
	}
}

// readLocs keeps the occurrences of posting p.
func (t *segTerm) readLocs(p segment.Posting) {
	t.locs = t.locs[:0]
	for _, l := range p.Locations() {
		sl := segLoc{pos: l.Pos(), start: l.Start(), end: l.End()}
		if ap := l.ArrayPositions(); len(ap) > 0 {
			sl.ap = slices.Clone(ap)
		}
		t.locs = append(t.locs, sl)
	}
}

// matches reports whether the positions read make the phrase: a position of
// the rarest slot from which every other slot is at its offset. When the
// search wants locations, it gathers every such start in s.starts.
func (s *segPhraseSearcher) matches() bool {
	s.starts = s.starts[:0]
	first := s.slots[0]
	for _, p0 := range first.pos {
		if p0 < first.off {
			continue
		}
		base := p0 - first.off
		ok := true
		for _, sl := range s.slots[1:] {
			if _, ok = slices.BinarySearch(sl.pos, base+sl.off); !ok {
				break
			}
		}
		if ok {
			if !s.wantLocs {
				return true
			}
			s.starts = append(s.starts, base)
		}
	}
	return len(s.starts) > 0
}

// locations appends to ls the occurrences of the phrase's terms where the
// phrase is, in the order of phraseSearcher: slot by slot, variant by
// variant, occurrence by occurrence.
func (s *segPhraseSearcher) locations(ls []search.FieldTermLocation) []search.FieldTermLocation {
	for _, sl := range s.slots {
		for _, t := range sl.terms {
			if !t.ok || t.doc != s.c {
				continue
			}
			for _, l := range t.locs {
				for _, b := range s.starts {
					if l.pos == b+sl.off {
						ls = append(ls, search.FieldTermLocation{Field: s.field, Term: t.name,
							Location: search.Location{Pos: l.pos, Start: l.start, End: l.end, ArrayPositions: l.ap}})
						break
					}
				}
			}
		}
	}
	return ls
}

// score sums the slots' scores in the current document as phraseSearcher does
// (a slot of several variants as bleve's disjunction: the sum of the variants
// there times the fraction of them there).
func (s *segPhraseSearcher) score(ctx *search.SearchContext) float64 {
	total := 0.0
	for _, sl := range s.slots {
		sum, n := 0.0, 0
		for _, t := range sl.terms {
			if !t.ok || t.doc != s.c {
				continue
			}
			s.tfd.Freq, s.tfd.Norm = t.freq, t.norm
			d := t.scorer.Score(ctx, &s.tfd)
			sum += d.Score
			ctx.DocumentMatchPool.Put(d)
			n++
		}
		if len(sl.terms) > 1 {
			// bleve's disjunction stores this product in its match before
			// the sum: the conversion rounds it there too, so that no
			// fused multiply-add (GOAMD64=v3, arm64) joins it to the sum.
			sum = float64(sum * (float64(n) / float64(len(sl.terms))))
		}
		total += sum
	}
	return total
}

// Close implements search.Searcher.
func (s *segPhraseSearcher) Close() error { return nil }

// weight is s.Weight() rounded as bleve's searchers see it: they call it
// through an interface, so its product (the query weight squared) is rounded
// before they add it, while here it is inlined, and a fused multiply-add
// (GOAMD64=v3, arm64) would join the two.
func weight(s *scorer.TermQueryScorer) float64 { return float64(s.Weight()) }

// Weight implements search.Searcher.
func (s *segPhraseSearcher) Weight() float64 {
	w := 0.0
	for _, sl := range s.slots {
		sw := 0.0
		for _, t := range sl.terms {
			sw += weight(t.scorer)
		}
		w += sw
	}
	return w
}

// SetQueryNorm implements search.Searcher.
func (s *segPhraseSearcher) SetQueryNorm(n float64) {
	for _, sl := range s.slots {
		for _, t := range sl.terms {
			t.scorer.SetQueryNorm(n)
		}
	}
}

// Count implements search.Searcher: at most the count of the rarest slot.
func (s *segPhraseSearcher) Count() uint64 {
	if len(s.slots) == 0 {
		return 0
	}
	return s.slots[0].count()
}

// Min implements search.Searcher.
func (s *segPhraseSearcher) Min() int { return 0 }

// Size implements search.Searcher.
func (s *segPhraseSearcher) Size() int {
	n := 128
	for _, sl := range s.slots {
		for _, t := range sl.terms {
			n += 64 + len(t.term) + 8*cap(t.pos)
			for _, it := range t.its {
				n += it.Size()
			}
		}
	}
	return n
}

// DocumentMatchPoolSize implements search.Searcher: the match returned and one
// for scoring.
func (s *segPhraseSearcher) DocumentMatchPoolSize() int { return 2 }
