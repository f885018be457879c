package index

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/bits"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// Facets are counted exactly, over every matching article, from columns: for
// each facet field, the documents of each value in an index snapshot, read once
// from the field's postings when a search first needs them and kept until the
// index changes. A search only marks its matches in a bitset as they go by (one
// bit per match, whatever the number of facets); a value's count is then the
// size of the intersection of its documents with the matches, and the count of
// an entity of several forms the size of the intersection of their union.

// column holds, for each value of one keyword field, the documents of a
// snapshot that have it, by internal document number. It is made of parts, one
// for each segment of a scorch snapshot: segments never change, so the part of a
// segment is read once and kept while the segment is in the index, and a write
// only reads the postings of its own new segment.
type column struct {
	terms []string // sorted
	sizes []int32  // the documents of each term, deleted ones included
	parts []colPart
}

// colPart is the part of a column in one segment, whose first document has
// number offset in the snapshot.
type colPart struct {
	offset uint64
	seg    *segColumn
	term   []int32 // the column's index of each term of seg
}

// segColumn holds the documents of each value of a field in one segment (or a
// whole snapshot), by their number there.
type segColumn struct {
	terms []string
	docs  []docSet
}

// docSet is a set of document numbers: a sorted list when it is sparse, else a
// bitset (at most twice as large as the list would be, and faster to
// intersect: a word holds 64 documents).
type docSet struct {
	list []uint32
	bits []uint64
}

// denseSet turns the sorted docs of a value into a docSet, a bitset when more
// than one document in 64 of the n has it.
func denseSet(docs []uint32, n uint64) docSet {
	if uint64(len(docs))*64 <= n {
		return docSet{list: slices.Clip(docs)}
	}
	bits := make([]uint64, (n+63)/64)
	for _, d := range docs {
		bits[d>>6] |= 1 << (d & 63)
	}
	return docSet{bits: bits}
}

// size returns the number of documents of s.
func (s *docSet) size() int {
	if s.bits == nil {
		return len(s.list)
	}
	n := 0
	for _, w := range s.bits {
		n += bits.OnesCount64(w)
	}
	return n
}

// wordAt returns the 64 bits of h from bit g on.
func wordAt(h []uint64, g uint64) uint64 {
	i, sh := g>>6, g&63
	if i >= uint64(len(h)) {
		return 0
	}
	w := h[i] >> sh
	if sh != 0 && i+1 < uint64(len(h)) {
		w |= h[i+1] << (64 - sh)
	}
	return w
}

// countIn returns the number of documents of s marked in the bitset hits, the
// documents of s being numbered from off there.
func (s *docSet) countIn(hits []uint64, off uint64) int {
	c := 0
	if s.bits != nil {
		if off&63 == 0 {
			b := s.bits
			h := hits[min(uint64(len(hits)), off>>6):]
			b = b[:min(len(b), len(h))]
			h = h[:len(b)]
			w := 0
			for ; w+4 <= len(b); w += 4 {
				c += bits.OnesCount64(b[w]&h[w]) + bits.OnesCount64(b[w+1]&h[w+1]) +
					bits.OnesCount64(b[w+2]&h[w+2]) + bits.OnesCount64(b[w+3]&h[w+3])
			}
			for ; w < len(b); w++ {
				c += bits.OnesCount64(b[w] & h[w])
			}
			return c
		}
		for w, b := range s.bits {
			if b != 0 {
				c += bits.OnesCount64(b & wordAt(hits, off+uint64(w)*64))
			}
		}
		return c
	}
	n := uint64(len(hits))
	for _, d := range s.list {
		g := off + uint64(d)
		if w := g >> 6; w < n {
			c += int(hits[w] >> (g & 63) & 1) // no branch on a random bit
		}
	}
	return c
}

// orInto adds the documents of s, numbered from off, to the bitset u, which is
// large enough for any document marked in a search (others are left out).
func (s *docSet) orInto(u []uint64, off uint64) {
	n := uint64(len(u))
	if s.bits != nil {
		sh := off & 63
		for w, b := range s.bits {
			if b == 0 {
				continue
			}
			i := off>>6 + uint64(w)
			if i >= n {
				return
			}
			u[i] |= b << sh
			if sh != 0 && i+1 < n {
				u[i+1] |= b >> (64 - sh)
			}
		}
		return
	}
	for _, d := range s.list {
		g := off + uint64(d)
		if w := g >> 6; w < n {
			u[w] |= 1 << (g & 63)
		}
	}
}

// months holds the month of the published date of every document of a
// snapshot (year*12 + month-1), or noMonth.
type months []int32

const noMonth = -1

// columns are the facet columns of one snapshot.
type columns struct {
	reader bindex.IndexReader // the snapshot, for identity only
	cache  *columnCache       // where the parts of segments are kept
	mu     sync.Mutex         // guards the maps while they fill
	fields map[string]*column
	month  months
	ready  map[string]chan struct{}
}

// columnCache keeps the columns of the latest snapshot searched, and the
// column parts of the segments of the latest snapshots.
type columnCache struct {
	mu   sync.Mutex
	cur  *columns
	segs map[segKey]*segColumn
}

// segKey names the column part of a field in a segment.
type segKey struct {
	seg   any // the segment.Segment, compared by identity
	field string
}

// forReader returns the columns of snapshot r, new ones when r is not the
// snapshot of the cached ones.
func (cc *columnCache) forReader(r bindex.IndexReader) *columns {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cur == nil || cc.cur.reader != r {
		cc.cur = &columns{reader: r, cache: cc, fields: map[string]*column{}, ready: map[string]chan struct{}{}}
		if is, ok := r.(*scorch.IndexSnapshot); ok && cc.segs != nil {
			// Forget the parts of the segments gone (merged away).
			live := map[any]bool{}
			for _, ss := range is.Segments() {
				live[ss.Segment()] = true
			}
			for k := range cc.segs {
				if !live[k.seg] {
					delete(cc.segs, k)
				}
			}
		}
	}
	return cc.cur
}

// segPart returns the cached part of field in segment seg, nil if none.
func (cc *columnCache) segPart(seg any, field string) *segColumn {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	return cc.segs[segKey{seg, field}]
}

// keep caches the part of field in segment seg.
func (cc *columnCache) keep(seg any, field string, c *segColumn) {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.segs == nil {
		cc.segs = map[segKey]*segColumn{}
	}
	cc.segs[segKey{seg, field}] = c
}

// get returns the column of field, building it once (other searches wait).
func (cs *columns) get(ctx context.Context, r bindex.IndexReader, field string) (*column, months, error) {
	cs.mu.Lock()
	ch, ok := cs.ready[field]
	if ok {
		cs.mu.Unlock()
		select {
		case <-ch:
		case <-ctx.Done():
			return nil, nil, ctx.Err()
		}
		cs.mu.Lock()
		c, m := cs.fields[field], cs.month
		cs.mu.Unlock()
		if (field == FieldPublished && m == nil) || (field != FieldPublished && c == nil) {
			// The build failed (its context ended); try again.
			return cs.build(ctx, r, field)
		}
		return c, m, nil
	}
	ch = make(chan struct{})
	cs.ready[field] = ch
	cs.mu.Unlock()
	defer close(ch)
	return cs.build(ctx, r, field)
}

func (cs *columns) build(ctx context.Context, r bindex.IndexReader, field string) (*column, months, error) {
	if field == FieldPublished {
		m, err := buildMonths(ctx, r)
		if err != nil {
			return nil, nil, err
		}
		cs.mu.Lock()
		cs.month = m
		cs.mu.Unlock()
		return nil, m, nil
	}
	c, err := cs.buildColumn(ctx, r, field)
	if err != nil {
		return nil, nil, err
	}
	cs.mu.Lock()
	cs.fields[field] = c
	cs.mu.Unlock()
	return c, nil, nil
}

// docNum is the internal number of a document.
func docNum(id bindex.IndexInternalID) uint64 {
	if len(id) != 8 {
		return ^uint64(0)
	}
	return binary.BigEndian.Uint64(id)
}

// postings calls f for every document of every term of field, with the term's
// index in the field's dictionary.
func postings(ctx context.Context, r bindex.IndexReader, field string, term func(string) bool, f func(t int, doc uint64)) ([]string, error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("facets: reading the terms of %s: %w", field, err)
	}
	defer d.Close()
	var terms []string
	var tfd bindex.TermFieldDoc
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("facets: reading the terms of %s: %w", field, err)
		}
		if e == nil {
			return terms, nil
		}
		if term != nil && !term(e.Term) {
			continue
		}
		tr, err := r.TermFieldReader(ctx, []byte(e.Term), field, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("facets: reading %s %q: %w", field, e.Term, err)
		}
		t := len(terms)
		terms = append(terms, e.Term)
		for {
			m, err := tr.Next(&tfd)
			if err != nil {
				tr.Close()
				return nil, fmt.Errorf("facets: reading %s %q: %w", field, e.Term, err)
			}
			if m == nil {
				break
			}
			f(t, docNum(m.ID))
		}
		tr.Close()
	}
}

// buildColumn reads the column of a keyword field: from the parts of its
// segments when r is a scorch snapshot (reading only the parts not cached),
// else from the postings of the whole snapshot.
func (cs *columns) buildColumn(ctx context.Context, r bindex.IndexReader, field string) (*column, error) {
	is, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		sc, err := readColumn(ctx, r, field)
		if err != nil {
			return nil, err
		}
		return joinParts([]*segColumn{sc}, []uint64{0}), nil
	}
	var segs []*segColumn
	var offsets []uint64
	off := uint64(0)
	for _, ss := range is.Segments() {
		seg := ss.Segment()
		sc := cs.cache.segPart(seg, field)
		if sc == nil {
			var err error
			if sc, err = readSegment(ctx, ss, field); err != nil {
				return nil, err
			}
			cs.cache.keep(seg, field, sc)
		}
		segs = append(segs, sc)
		offsets = append(offsets, off)
		off += seg.Count()
	}
	return joinParts(segs, offsets), nil
}

// joinParts makes the column of the segment parts, whose first documents have
// the given offsets.
func joinParts(segs []*segColumn, offsets []uint64) *column {
	c := &column{}
	for _, sc := range segs {
		c.terms = append(c.terms, sc.terms...)
	}
	slices.Sort(c.terms)
	c.terms = slices.Compact(c.terms)
	for k, sc := range segs {
		p := colPart{offset: offsets[k], seg: sc, term: make([]int32, len(sc.terms))}
		for t, term := range sc.terms {
			j, _ := slices.BinarySearch(c.terms, term)
			p.term[t] = int32(j)
		}
		c.parts = append(c.parts, p)
	}
	c.sizes = make([]int32, len(c.terms))
	for _, p := range c.parts {
		for t := range p.seg.docs {
			c.sizes[p.term[t]] += int32(p.seg.docs[t].size())
		}
	}
	return c
}

// readSegment reads the documents of each value of field in one segment,
// deleted ones included (no search matches them).
func readSegment(ctx context.Context, ss *scorch.SegmentSnapshot, field string) (*segColumn, error) {
	seg := ss.Segment()
	d, err := seg.Dictionary(field)
	if err != nil {
		return nil, fmt.Errorf("facets: reading the terms of %s: %w", field, err)
	}
	sc := &segColumn{}
	n := seg.Count()
	it := d.AutomatonIterator(nil, nil, nil)
	var docs []uint32
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := it.Next()
		if err != nil {
			return nil, fmt.Errorf("facets: reading the terms of %s: %w", field, err)
		}
		if e == nil {
			return sc, nil
		}
		pl, err := d.PostingsList([]byte(e.Term), nil, nil)
		if err != nil {
			return nil, fmt.Errorf("facets: reading %s %q: %w", field, e.Term, err)
		}
		pi := pl.Iterator(false, false, false, nil)
		docs = docs[:0]
		for {
			p, err := pi.Next()
			if err != nil {
				return nil, fmt.Errorf("facets: reading %s %q: %w", field, e.Term, err)
			}
			if p == nil {
				break
			}
			if num := p.Number(); num < 1<<31 {
				docs = append(docs, uint32(num))
			}
		}
		if len(docs) == 0 {
			continue
		}
		sc.terms = append(sc.terms, e.Term)
		sc.docs = append(sc.docs, denseSet(slices.Clone(docs), n))
	}
}

// readColumn reads the documents of each value of field in a whole snapshot.
func readColumn(ctx context.Context, r bindex.IndexReader, field string) (*segColumn, error) {
	var lists [][]uint32
	maxDoc := uint64(0)
	terms, err := postings(ctx, r, field, nil, func(t int, doc uint64) {
		if doc > 1<<31 {
			return
		}
		if t == len(lists) {
			lists = append(lists, nil)
		}
		lists[t] = append(lists[t], uint32(doc))
		maxDoc = max(maxDoc, doc)
	})
	if err != nil {
		return nil, err
	}
	sc := &segColumn{terms: terms, docs: make([]docSet, len(terms))}
	for t := range sc.docs {
		if t < len(lists) {
			sc.docs[t] = denseSet(lists[t], maxDoc+1)
		}
	}
	return sc, nil
}

// buildMonths reads the published month of every document.
func buildMonths(ctx context.Context, r bindex.IndexReader) (months, error) {
	var m months
	err := eachPublished(ctx, r, func(doc uint64, nanos int64) {
		t := time.Unix(0, nanos).UTC()
		for uint64(len(m)) <= doc {
			m = append(m, noMonth)
		}
		m[doc] = int32(t.Year()*12 + int(t.Month()) - 1)
	})
	if err != nil {
		return nil, fmt.Errorf("facets: %w", err)
	}
	if m == nil {
		m = months{}
	}
	return m, nil
}

// eachPublished calls f with the document number and the published date (Unix
// nanoseconds) of every dated document of snapshot r, one date term at a time.
func eachPublished(ctx context.Context, r bindex.IndexReader, f func(doc uint64, nanos int64)) error {
	d, err := r.FieldDict(FieldPublished)
	if err != nil {
		return fmt.Errorf("reading the published dates: %w", err)
	}
	defer d.Close()
	var tfd bindex.TermFieldDoc
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		e, err := d.Next()
		if err != nil {
			return fmt.Errorf("reading the published dates: %w", err)
		}
		if e == nil {
			return nil
		}
		p := numeric.PrefixCoded(e.Term)
		if shift, err := p.Shift(); err != nil || shift != 0 {
			continue // a coarser term of the same dates
		}
		v, err := p.Int64()
		if err != nil {
			continue
		}
		tr, err := r.TermFieldReader(ctx, []byte(e.Term), FieldPublished, false, false, false)
		if err != nil {
			return fmt.Errorf("reading the published dates: %w", err)
		}
		for {
			hit, err := tr.Next(&tfd)
			if err != nil {
				tr.Close()
				return fmt.Errorf("reading the published dates: %w", err)
			}
			if hit == nil {
				break
			}
			if doc := docNum(hit.ID); doc <= 1<<31 {
				f(doc, v)
			}
		}
		tr.Close()
	}
}

// facetCounter counts the values of the matching documents, as a searcher
// wrapper sees them go by.
type facetCounter struct {
	fields []string
	cols   []*column
	// hits marks the matching documents; counts holds the count of each
	// value of each facet once countOf has computed it (-1 before), and
	// total the number of matches, once count has run.
	hits   []uint64
	counts [][]int32
	total  int
	// segHits, when set (by the fast path), marks the matches of each part
	// of the columns (each segment) by their number there: counting on
	// bitsets that start on the same document, a word at a time.
	segHits [][]uint64
	month   months
	mcount  map[int32]int
	union   []uint64 // scratch for countAny
}

func (fc *facetCounter) add(d *search.DocumentMatch) {
	n := docNum(d.IndexInternalID)
	if n > 1<<31 {
		return
	}
	w := int(n >> 6)
	if w >= len(fc.hits) {
		fc.hits = append(fc.hits, make([]uint64, w+1-len(fc.hits))...)
	}
	fc.hits[w] |= 1 << (n & 63)
	if fc.month != nil && n < uint64(len(fc.month)) {
		if m := fc.month[n]; m != noMonth {
			fc.mcount[m]++
		}
	}
}

// count readies the counts of the values, each computed when first asked for
// (countOf): a top n of values needs the exact counts of the few whose number
// of documents (their bound) can reach it, not of every value of the facet.
func (fc *facetCounter) count() {
	fc.total = 0
	for _, w := range fc.hits {
		fc.total += bits.OnesCount64(w)
	}
	fc.counts = make([][]int32, len(fc.cols))
	for i, c := range fc.cols {
		cnt := make([]int32, len(c.terms))
		for t := range cnt {
			cnt[t] = -1
		}
		fc.counts[i] = cnt
	}
}

// bound returns an upper bound of the count of value t of facet i: the
// smaller of its documents and the matches.
func (fc *facetCounter) bound(i, t int) int {
	return min(int(fc.cols[i].sizes[t]), fc.total)
}

// countOf returns the number of matches with value t of facet i, exactly.
func (fc *facetCounter) countOf(i, t int) int {
	if c := fc.counts[i][t]; c >= 0 {
		return int(c)
	}
	c := 0
	if fc.total > 0 {
		col := fc.cols[i]
		seg := fc.segHits != nil && len(fc.segHits) == len(col.parts)
		for k, p := range col.parts {
			if j, ok := slices.BinarySearch(p.term, int32(t)); ok {
				if seg {
					c += p.seg.docs[j].countIn(fc.segHits[k], 0)
				} else {
					c += p.seg.docs[j].countIn(fc.hits, p.offset)
				}
			}
		}
	}
	fc.counts[i][t] = int32(c)
	return c
}

// top returns the n values of facet i with the highest counts, ties by value.
func (fc *facetCounter) top(i, n int) []FacetValue {
	var out []FacetValue
	for t := range fc.counts[i] {
		if fc.bound(i, t) == 0 {
			continue
		}
		if c := fc.countOf(i, t); c > 0 {
			out = append(out, FacetValue{Value: fc.cols[i].terms[t], Count: c})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].Count != out[b].Count {
			return out[a].Count > out[b].Count
		}
		return out[a].Value < out[b].Value
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// faceted is a query that matches what inner matches and counts the facets of
// every match.
type faceted struct {
	inner  bquery.Query
	x      *Index
	fields []string // keyword facet fields
	month  bool     // count the published months too
	view   *regView // the entity registry, whose entities of several forms are counted too
	// counter is set by Searcher, for the one search that runs this query.
	counter *facetCounter
}

// counterFor returns a counter of the facets of q over snapshot r, with the
// columns it needs and no matches yet.
func (q *faceted) counterFor(ctx context.Context, r bindex.IndexReader) (*facetCounter, error) {
	cs := q.x.cols.forReader(r)
	fc := &facetCounter{fields: q.fields}
	for _, f := range q.fields {
		c, _, err := cs.get(ctx, r, f)
		if err != nil {
			return nil, err
		}
		fc.cols = append(fc.cols, c)
	}
	if n, err := r.DocCount(); err == nil {
		fc.hits = make([]uint64, 0, n/64+1)
	}
	if q.month {
		_, mo, err := cs.get(ctx, r, FieldPublished)
		if err != nil {
			return nil, err
		}
		fc.month, fc.mcount = mo, map[int32]int{}
	}
	return fc, nil
}

// Searcher implements bleve's query.Query.
func (q *faceted) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	fc, err := q.counterFor(ctx, r)
	if err != nil {
		return nil, err
	}
	s, err := q.inner.Searcher(ctx, r, m, opts)
	if err != nil {
		return nil, err
	}
	q.counter = fc
	return &countingSearcher{Searcher: s, fc: fc}, nil
}

type countingSearcher struct {
	search.Searcher
	fc *facetCounter
}

func (s *countingSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Next(ctx)
	if d != nil {
		s.fc.add(d)
	}
	return d, err
}

func (s *countingSearcher) Advance(ctx *search.SearchContext, id bindex.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := s.Searcher.Advance(ctx, id)
	if d != nil {
		s.fc.add(d)
	}
	return d, err
}

// countAny returns the number of matching documents with any of the values
// forms in facet i, all forms of one entity of the registry view: the sum of
// their counts when at most one of them matched, else the size of the
// intersection of the matches with the union of their documents.
func (fc *facetCounter) countAny(i int, forms []string) int {
	c := fc.cols[i]
	present, sum := 0, 0
	var idx [8]string
	found := idx[:0]
	for _, f := range forms {
		if j, ok := slices.BinarySearch(c.terms, f); ok {
			if n := fc.countOf(i, j); n > 0 {
				present++
				sum += n
				found = append(found, f)
			}
		}
	}
	if present <= 1 {
		return sum // no document can count twice
	}
	if len(fc.union) != len(fc.hits) {
		fc.union = make([]uint64, len(fc.hits))
	} else {
		clear(fc.union)
	}
	for _, p := range c.parts {
		for _, f := range found {
			if t, ok := slices.BinarySearch(p.seg.terms, f); ok {
				p.seg.docs[t].orInto(fc.union, p.offset)
			}
		}
	}
	n := 0
	for w, u := range fc.union {
		n += bits.OnesCount64(u & fc.hits[w])
	}
	return n
}

// facetResults fills out from the counts of a faceted search: the entity
// values merged through the registry view v (see entityTop), the sources, the
// published buckets.
func (x *Index) facetResults(ctx context.Context, out *Facets, fq *faceted, v *regView, n int, buckets []DateBucket) error {
	fc := fq.counter
	if fc == nil {
		return nil
	}
	fc.count()
	for i, f := range fc.fields {
		var dst *[]FacetValue
		switch f {
		case FieldPersons:
			dst = &out.Persons
		case FieldOrganizations:
			dst = &out.Organizations
		case FieldPlaces:
			dst = &out.Places
		case FieldSource:
			out.Sources = fc.top(i, n)
			continue
		}
		l, _ := fieldLabel(f)
		*dst = fc.entityTop(i, v, l, n)
	}
	if fc.mcount == nil {
		return nil
	}
	for _, b := range buckets {
		lo := int32(b.Start.Year()*12 + int(b.Start.Month()) - 1)
		hi := int32(b.End.Year()*12 + int(b.End.Month()) - 1)
		c := 0
		for m, k := range fc.mcount {
			if m >= lo && m < hi {
				c += k
			}
		}
		if c > 0 {
			b.Count = c
			out.Published = append(out.Published, b)
		}
	}
	return nil
}
