package index

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"sort"
	"sync"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// The fast path of a search. bleve runs a query through a tree of searchers
// that hand a DocumentMatch from child to parent for every matching document,
// and a collector that keeps the best; when a word matches a third of the
// index, that per-match machinery is most of the cost of a search. For the
// queries the translator builds most (terms, their disjunctions over title
// and body, conjunctions, negations, entity and source filters), the fast path
// reads the postings of each segment of the snapshot directly, a term at a
// time, into dense per-segment arrays: it computes the same BM25 score with the
// same arithmetic in the same order as bleve's searchers (the same query norm,
// coordination factor and order of the clauses, so the scores are equal to the
// last bit), counts every match exactly, marks the matches for the facets in
// the same pass and keeps the best k in a small heap. bleve's collector then
// orders those k and loads their stored fields as it always does, so a hit is
// the same hit. ByRelevanceAndDate decays each score as recencySearcher does,
// from the published dates of the snapshot read once (pubCache). A query of any
// other shape (phrases, patterns, ranges, sorts by date alone, disjunctions of
// more than ten clauses) takes bleve's path unchanged.

// fkind is the kind of a node of a fast-path plan.
type fkind uint8

const (
	fNone fkind = iota // matches nothing (bleve's MatchNoneSearcher)
	fTerm              // one term of one field
	fAll               // every document, constant score
	fDisj              // any of the kids, scores summed times the coordination factor
	fConj              // all of the kids, scores summed
	fBool              // kids[0] and not the not node
)

// fnode is a node of a plan: a bleve query as its searcher would run it.
type fnode struct {
	kind  fkind
	field string
	term  []byte
	boost float64
	kids  []*fnode
	not   *fnode
	// Set for one snapshot by prepare.
	count uint64  // the searcher's Count: documents of a term, sums above
	idf   float64 // BM25 idf of a term
	avg   float64 // the field's average length, as bleve computes it
	qw    float64 // the query weight of a term or match-all (1: none)
	pls   []segment.PostingsList
}

// compile returns the plan of q, false when the fast path does not cover q.
func compile(q bquery.Query) (*fnode, bool) {
	switch q := q.(type) {
	case *bquery.TermQuery:
		if q.FieldVal == "" {
			return nil, false
		}
		return &fnode{kind: fTerm, field: q.FieldVal, term: []byte(q.Term), boost: q.BoostVal.Value(), qw: 1}, true
	case *bquery.MatchAllQuery:
		return &fnode{kind: fAll, boost: q.BoostVal.Value(), qw: 1}, true
	case *bquery.MatchNoneQuery:
		return &fnode{kind: fNone}, true
	case *bquery.DisjunctionQuery:
		// More clauses run on a heap, whose order of summing is its own.
		if q.Min != 0 || len(q.Disjuncts) > searcher.DisjunctionHeapTakeover {
			return nil, false
		}
		kids, ok := compileAll(q.Disjuncts)
		if !ok {
			return nil, false
		}
		if len(kids) == 0 {
			return &fnode{kind: fNone}, true
		}
		return &fnode{kind: fDisj, kids: kids}, true
	case *bquery.ConjunctionQuery:
		kids, ok := compileAll(q.Conjuncts)
		if !ok {
			return nil, false
		}
		if len(kids) == 0 {
			return &fnode{kind: fNone}, true
		}
		return &fnode{kind: fConj, kids: kids}, true
	case *bquery.BooleanQuery:
		if q.Should != nil || q.Filter != nil {
			return nil, false
		}
		var must, not *fnode
		var ok bool
		if q.MustNot != nil {
			if not, ok = compile(q.MustNot); !ok {
				return nil, false
			}
			if not.kind == fNone {
				not = nil
			}
		}
		if q.Must != nil {
			if must, ok = compile(q.Must); !ok {
				return nil, false
			}
			if must.kind == fNone {
				must = nil
			}
		}
		switch {
		case must == nil && not == nil:
			return &fnode{kind: fNone}, true
		case not == nil:
			return must, true
		case must == nil:
			must = &fnode{kind: fAll, boost: 1, qw: 1}
		}
		return &fnode{kind: fBool, kids: []*fnode{must}, not: not}, true
	}
	return nil, false
}

func compileAll(qs []bquery.Query) ([]*fnode, bool) {
	out := make([]*fnode, 0, len(qs))
	for _, q := range qs {
		n, ok := compile(q)
		if !ok {
			return nil, false
		}
		out = append(out, n)
	}
	return out, true
}

// byCount orders clauses as bleve's OrderedSearcherList does (the same
// sort.Sort over the same counts gives the same order).
type byCount []*fnode

func (l byCount) Len() int           { return len(l) }
func (l byCount) Less(i, j int) bool { return l[i].count < l[j].count }
func (l byCount) Swap(i, j int)      { l[i], l[j] = l[j], l[i] }

// fsnap is a snapshot as the fast path reads it.
type fsnap struct {
	segs    []*scorch.SegmentSnapshot
	offsets []uint64
	size    uint64 // documents, deleted ones included: the end of the last segment
	docs    uint64 // live documents
	card    map[string]float64
	r       bindex.IndexReader
}

// prepare readies plan n for snapshot s, as bleve's searchers would be built:
// counts, idf, clause order; false when a field cannot be scored as bleve
// would with BM25.
func (s *fsnap) prepare(n *fnode) (bool, error) {
	switch n.kind {
	case fTerm:
		avg, ok := s.card[n.field]
		if !ok {
			br, isBM := s.r.(bindex.BM25Reader)
			if !isBM {
				return false, nil
			}
			c, err := br.FieldCardinality(n.field)
			if err != nil {
				return false, err
			}
			if s.docs == 0 && c == 0 {
				return false, nil // bleve scores with tf-idf then
			}
			avg = math.Ceil(float64(c) / float64(s.docs))
			s.card[n.field] = avg
		}
		if avg <= 0 {
			return false, nil
		}
		n.avg = avg
		n.pls = make([]segment.PostingsList, len(s.segs))
		n.count = 0
		for i, ss := range s.segs {
			d, err := ss.Segment().Dictionary(n.field)
			if err != nil {
				return false, err
			}
			pl, err := d.PostingsList(n.term, ss.Deleted(), nil)
			if err != nil {
				return false, err
			}
			n.pls[i] = pl
			n.count += pl.Count()
		}
		n.idf = math.Log(1 + (float64(s.docs)-float64(n.count)+0.5)/
			(float64(n.count)+0.5))
	case fAll:
		n.count = s.docs
	case fNone:
		n.count = 0
	case fDisj, fConj:
		n.count = 0
		for _, k := range n.kids {
			if ok, err := s.prepare(k); !ok || err != nil {
				return ok, err
			}
		}
		sort.Sort(byCount(n.kids))
		for _, k := range n.kids {
			n.count += k.count
		}
	case fBool:
		for _, k := range []*fnode{n.kids[0], n.not} {
			if ok, err := s.prepare(k); !ok || err != nil {
				return ok, err
			}
		}
		n.count = n.kids[0].count
	}
	return true, nil
}

// weight is the searcher's Weight, summed as bleve sums it.
func (n *fnode) weight() float64 {
	switch n.kind {
	case fTerm:
		sum := n.boost * n.idf
		return sum * sum
	case fAll:
		sum := n.boost
		return sum * sum
	case fDisj, fConj:
		var rv float64
		for _, k := range n.kids {
			rv += k.weight()
		}
		return rv
	case fBool:
		var rv float64
		rv += n.kids[0].weight()
		return rv
	}
	return 0
}

// setNorm is the searcher's SetQueryNorm: the norm of the outermost compound
// searcher reaches every scoring term.
func (n *fnode) setNorm(qnorm float64) {
	switch n.kind {
	case fTerm:
		n.qw = n.boost * n.idf * qnorm
	case fAll:
		n.qw = n.boost * qnorm
	case fDisj, fConj:
		for _, k := range n.kids {
			k.setNorm(qnorm)
		}
	case fBool:
		n.kids[0].setNorm(qnorm)
	}
}

// score is the BM25 score of a posting of term n, as bleve's TermQueryScorer
// computes it.
func (n *fnode) score(freq uint64, norm float64) float64 {
	var tf float64
	if freq < uint64(len(sqrtCache)) {
		tf = sqrtCache[freq]
	} else {
		tf = math.Sqrt(float64(freq))
	}
	fieldLength := 1 / (norm * norm)
	score := n.idf * (tf * search.BM25_k1) /
		(tf + search.BM25_k1*(1-search.BM25_b+(search.BM25_b*fieldLength/n.avg)))
	if n.qw != 1.0 {
		score = score * n.qw
	}
	return score
}

// sqrtCache holds the square roots bleve's scorer caches (the same values:
// math.Sqrt is exact).
var sqrtCache = func() [64]float64 {
	var c [64]float64
	for i := range c {
		c[i] = math.Sqrt(float64(i))
	}
	return c
}()

// fbuf holds the matches of a node in one segment: a bitset and, where a bit
// is set, the score.
type fbuf struct {
	score []float64
	bits  []uint64
	cnt   []uint8
}

func (b *fbuf) reset(n int) {
	if cap(b.score) < n {
		b.score = make([]float64, n)
		b.bits = make([]uint64, (n+63)/64)
		b.cnt = make([]uint8, n)
	}
	b.score = b.score[:n]
	b.bits = b.bits[:(n+63)/64]
	b.cnt = b.cnt[:n]
	clear(b.bits)
}

var fbufPool = sync.Pool{New: func() any { return &fbuf{} }}

// evaluator evaluates plans on the segments of one snapshot.
type evaluator struct {
	cache *postCache
}

// eval fills dst with the matches of n in segment si of nd documents.
func (e *evaluator) eval(n *fnode, si int, ss *scorch.SegmentSnapshot, nd int, dst *fbuf) error {
	dst.reset(nd)
	switch n.kind {
	case fNone:
	case fTerm:
		p, err := e.postings(n, si, ss)
		if p == nil || err != nil {
			return err
		}
		for i, d := range p.docs {
			dst.score[d] = n.score(uint64(p.freq[i]), float64(p.norm[i]))
			dst.bits[d>>6] |= 1 << (d & 63)
		}
	case fAll:
		s := 1.0
		if n.qw != 1.0 {
			s = s * n.qw
		}
		for d := 0; d < nd; d++ {
			dst.score[d] = s
		}
		for w := range dst.bits {
			dst.bits[w] = ^uint64(0)
		}
		if r := nd & 63; r != 0 {
			dst.bits[len(dst.bits)-1] = 1<<r - 1
		}
		if del := ss.Deleted(); del != nil {
			it := del.Iterator()
			for it.HasNext() {
				d := uint64(it.Next())
				if d < uint64(nd) {
					dst.bits[d>>6] &^= 1 << (d & 63)
				}
			}
		}
	case fDisj:
		acc, cnt := dst.score, dst.cnt
		clear(acc)
		clear(cnt)
		var tmp *fbuf
		for _, k := range n.kids {
			if k.kind == fTerm {
				p, err := e.postings(k, si, ss)
				if err != nil {
					return err
				}
				if p == nil {
					continue
				}
				for i, d := range p.docs {
					acc[d] += k.score(uint64(p.freq[i]), float64(p.norm[i]))
					cnt[d]++
					dst.bits[d>>6] |= 1 << (d & 63)
				}
				continue
			}
			if k.kind == fNone {
				continue
			}
			if tmp == nil {
				tmp = fbufPool.Get().(*fbuf)
				defer fbufPool.Put(tmp)
			}
			if err := e.eval(k, si, ss, nd, tmp); err != nil {
				return err
			}
			for w, b := range tmp.bits {
				dst.bits[w] |= b
				for b != 0 {
					d := w<<6 | bits.TrailingZeros64(b)
					b &= b - 1
					acc[d] += tmp.score[d]
					cnt[d]++
				}
			}
		}
		var coord [searcherMaxKids + 1]float64
		for c := range len(n.kids) + 1 {
			coord[c] = float64(c) / float64(len(n.kids))
		}
		for w, b := range dst.bits {
			for b != 0 {
				d := w<<6 | bits.TrailingZeros64(b)
				b &= b - 1
				acc[d] = acc[d] * coord[cnt[d]]
			}
		}
	case fConj:
		if err := e.eval(n.kids[0], si, ss, nd, dst); err != nil {
			return err
		}
		tmp := fbufPool.Get().(*fbuf)
		defer fbufPool.Put(tmp)
		for _, k := range n.kids[1:] {
			if empty(dst.bits) {
				return nil
			}
			if err := e.eval(k, si, ss, nd, tmp); err != nil {
				return err
			}
			for w, b := range dst.bits {
				b &= tmp.bits[w]
				dst.bits[w] = b
				for b != 0 {
					d := w<<6 | bits.TrailingZeros64(b)
					b &= b - 1
					dst.score[d] += tmp.score[d]
				}
			}
		}
	case fBool:
		if err := e.eval(n.kids[0], si, ss, nd, dst); err != nil {
			return err
		}
		if empty(dst.bits) {
			return nil
		}
		tmp := fbufPool.Get().(*fbuf)
		defer fbufPool.Put(tmp)
		if err := e.eval(n.not, si, ss, nd, tmp); err != nil {
			return err
		}
		for w, b := range tmp.bits {
			dst.bits[w] &^= b
		}
	}
	return nil
}

// searcherMaxKids is the most clauses of a disjunction the fast path runs.
const searcherMaxKids = 16

func empty(b []uint64) bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}

// postings returns the decoded postings of term n in segment si, nil when
// it has no live document there.
func (e *evaluator) postings(n *fnode, si int, ss *scorch.SegmentSnapshot) (*segPostings, error) {
	if pl := n.pls[si]; pl == nil || pl.Count() == 0 {
		return nil, nil
	}
	return e.cache.get(ss.Segment(), n.field, n.term)
}

// errPostingRange is the error of a segment too large for the fast path.
var errPostingRange = errors.New("search: a posting's document number or frequency is over 2³²")

// scored is a match: its score and internal number.
type scored struct {
	score float64
	doc   uint64
}

// worse reports whether a comes after b in bleve's order of hits: lower
// score, or the same score and a later document.
func worse(a, b scored) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	return a.doc > b.doc
}

// topHeap keeps the best k matches, the worst on top.
type topHeap []scored

func (h topHeap) Len() int           { return len(h) }
func (h topHeap) Less(i, j int) bool { return worse(h[i], h[j]) }
func (h topHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *topHeap) Push(x any)        { *h = append(*h, x.(scored)) }
func (h *topHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// offer adds m when it is among the best k.
func (h *topHeap) offer(m scored, k int) {
	if len(*h) < k {
		heap.Push(h, m)
		return
	}
	if worse((*h)[0], m) {
		(*h)[0] = m
		heap.Fix(h, 0)
	}
}

// fastQuery is the query bleve runs for a search the fast path covers: its
// searcher computes the whole result at once and hands the collector only the
// best k matches, in document order. When the snapshot turns out not to suit
// the fast path, it runs inner (through fq when facets are asked) instead.
type fastQuery struct {
	x     *Index
	plan  *fnode
	decay *recency     // the recency of ByRelevanceAndDate, nil for none
	inner bquery.Query // the query as bleve runs it
	fq    *faceted     // facets to count, nil for none
	k     int
	// Set by Searcher.
	fast  bool
	total uint64
}

// Searcher implements bleve's query.Query.
func (q *fastQuery) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	slow := func() (search.Searcher, error) {
		q.fast = false
		if q.fq != nil {
			return q.fq.Searcher(ctx, r, m, opts)
		}
		return q.inner.Searcher(ctx, r, m, opts)
	}
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok || opts.Explain || opts.Score == "none" || opts.IncludeTermVectors || !bm25(ctx) {
		return slow()
	}
	if ctx.Value(search.BM25StatsKey) != nil || ctx.Value(search.FieldTermSynonymMapKey) != nil {
		return slow()
	}
	docs, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	s := &fsnap{segs: is.Segments(), docs: docs, card: map[string]float64{}, r: r}
	for _, ss := range s.segs {
		s.offsets = append(s.offsets, s.size)
		s.size += ss.Segment().Count()
	}
	ok, err = s.prepare(q.plan)
	if err != nil {
		return nil, err
	}
	if !ok {
		return slow()
	}
	switch q.plan.kind {
	case fDisj, fConj, fBool:
		q.plan.setNorm(1.0 / math.Sqrt(q.plan.weight()))
	}
	var fc *facetCounter
	if q.fq != nil {
		if fc, err = q.fq.counterFor(ctx, r); err != nil {
			return nil, err
		}
		fc.hits = make([]uint64, (s.size+63)/64)
	}
	var nanos []int64
	var dated []uint64
	var half float64
	if q.decay != nil {
		if nanos, dated, err = q.x.pubs.get(ctx, r); err != nil {
			return nil, err
		}
		half = float64(q.decay.half)
	}
	h := make(topHeap, 0, min(q.k, 1024))
	e := evaluator{cache: &q.x.posts}
	live := make([]segment.Segment, len(s.segs))
	for i, ss := range s.segs {
		live[i] = ss.Segment()
	}
	e.cache.retain(live)
	buf := fbufPool.Get().(*fbuf)
	defer fbufPool.Put(buf)
	for si, ss := range s.segs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		nd := int(ss.Segment().Count())
		if err := e.eval(q.plan, si, ss, nd, buf); err != nil {
			return nil, err
		}
		// The postings hold deleted documents too; a document matches or
		// not on its own postings, so they are left out here, once.
		if del := ss.Deleted(); del != nil && !del.IsEmpty() {
			it := del.Iterator()
			for it.HasNext() {
				if d := uint64(it.Next()); d < uint64(nd) {
					buf.bits[d>>6] &^= 1 << (d & 63)
				}
			}
		}
		off := s.offsets[si]
		for w, b := range buf.bits {
			q.total += uint64(bits.OnesCount64(b))
			for b != 0 {
				d := w<<6 | bits.TrailingZeros64(b)
				b &= b - 1
				g := off + uint64(d)
				score := buf.score[d]
				if q.decay != nil {
					// As recencySearcher.decay computes it.
					f := 0.5
					if g>>6 < uint64(len(dated)) && dated[g>>6]&(1<<(g&63)) != 0 {
						age := max(0, float64(q.decay.newest.UnixNano()-nanos[g]))
						f += 0.5 * math.Exp2(-age/half)
					}
					score *= f
				}
				h.offer(scored{score, g}, q.k)
			}
		}
		if fc != nil {
			(&docSet{bits: buf.bits}).orInto(fc.hits, off)
			fc.segHits = append(fc.segHits, slices.Clone(buf.bits))
			if fc.month != nil {
				for w, b := range buf.bits {
					for b != 0 {
						g := off + uint64(w<<6|bits.TrailingZeros64(b))
						b &= b - 1
						if g < uint64(len(fc.month)) {
							if mo := fc.month[g]; mo != noMonth {
								fc.mcount[mo]++
							}
						}
					}
				}
			}
		}
	}
	if q.fq != nil {
		// The columns' parts are the segments of the snapshot, in order.
		for _, c := range fc.cols {
			ok := len(c.parts) == len(s.segs)
			for k := 0; ok && k < len(c.parts); k++ {
				ok = c.parts[k].offset == s.offsets[k]
			}
			if !ok {
				fc.segHits = nil
			}
		}
		q.fq.counter = fc
	}
	q.fast = true
	sort.Slice(h, func(i, j int) bool { return h[i].doc < h[j].doc })
	return &listSearcher{hits: h}, nil
}

// bm25 reports whether the search of ctx scores with BM25, as bleve's term
// searchers ask.
func bm25(ctx context.Context) bool {
	f, ok := ctx.Value(search.GetScoringModelCallbackKey).(search.GetScoringModelCallbackFn)
	return ok && f() == bindex.BM25Scoring
}

// listSearcher hands bleve's collector matches computed beforehand, in
// document order.
type listSearcher struct {
	hits []scored
	i    int
}

func (s *listSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.i >= len(s.hits) {
		return nil, nil
	}
	h := s.hits[s.i]
	s.i++
	d := ctx.DocumentMatchPool.Get()
	d.IndexInternalID = bindex.NewIndexInternalID(d.IndexInternalID, h.doc)
	d.Score = h.score
	return d, nil
}

func (s *listSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	n := docNum(id)
	for s.i < len(s.hits) && s.hits[s.i].doc < n {
		s.i++
	}
	return s.Next(ctx)
}

func (s *listSearcher) Close() error               { return nil }
func (s *listSearcher) Weight() float64            { return 1 }
func (s *listSearcher) SetQueryNorm(float64)       {}
func (s *listSearcher) Count() uint64              { return uint64(len(s.hits)) }
func (s *listSearcher) Min() int                   { return 0 }
func (s *listSearcher) Size() int                  { return 64 + 16*len(s.hits) }
func (s *listSearcher) DocumentMatchPoolSize() int { return 1 }

// pubCache holds the published date of every document of the latest snapshot
// searched by relevance and date, read from the postings of its exact
// (shift 0) terms: the value recencySearcher reads from a document's doc
// values. It is safe for concurrent use.
type pubCache struct {
	mu     sync.Mutex
	reader bindex.IndexReader // the snapshot, for identity only
	nanos  []int64
	dated  []uint64 // the documents with a date
}

// get returns the dates of snapshot r, reading them when r is new.
func (c *pubCache) get(ctx context.Context, r bindex.IndexReader) ([]int64, []uint64, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.reader == r {
		return c.nanos, c.dated, nil
	}
	var nanos []int64
	var dated []uint64
	err := eachPublished(ctx, r, func(g uint64, v int64) {
		for uint64(len(nanos)) <= g {
			nanos = append(nanos, 0)
		}
		for uint64(len(dated)) <= g>>6 {
			dated = append(dated, 0)
		}
		nanos[g] = v
		dated[g>>6] |= 1 << (g & 63)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	c.reader, c.nanos, c.dated = r, nanos, dated
	return nanos, dated, nil
}
