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
// snapshot that have it, by internal document number.
type column struct {
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

// countIn returns the number of documents of s marked in the bitset hits.
func (s *docSet) countIn(hits []uint64) int {
	c := 0
	if s.bits != nil {
		b := s.bits[:min(len(s.bits), len(hits))]
		h := hits[:len(b)]
		for w := range b {
			c += bits.OnesCount64(b[w] & h[w])
		}
		return c
	}
	for _, d := range s.list {
		if w := int(d >> 6); w < len(hits) {
			c += int(hits[w] >> (d & 63) & 1) // no branch on a random bit
		}
	}
	return c
}

// orInto adds the documents of s to the bitset u, which is large enough for
// any document marked in a search (others are left out).
func (s *docSet) orInto(u []uint64) {
	if s.bits != nil {
		b := s.bits[:min(len(s.bits), len(u))]
		for w := range b {
			u[w] |= b[w]
		}
		return
	}
	for _, d := range s.list {
		if w := int(d >> 6); w < len(u) {
			u[w] |= 1 << (d & 63)
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
	mu     sync.Mutex         // guards the maps while they fill
	fields map[string]*column
	month  months
	ready  map[string]chan struct{}
}

// columnCache keeps the columns of the latest snapshot searched.
type columnCache struct {
	mu  sync.Mutex
	cur *columns
}

// forReader returns the columns of snapshot r, new ones when r is not the
// snapshot of the cached ones.
func (cc *columnCache) forReader(r bindex.IndexReader) *columns {
	cc.mu.Lock()
	defer cc.mu.Unlock()
	if cc.cur == nil || cc.cur.reader != r {
		cc.cur = &columns{reader: r, fields: map[string]*column{}, ready: map[string]chan struct{}{}}
	}
	return cc.cur
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
	c, err := buildColumn(ctx, r, field)
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

// buildColumn reads the column of a keyword field.
func buildColumn(ctx context.Context, r bindex.IndexReader, field string) (*column, error) {
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
	c := &column{terms: terms, docs: make([]docSet, len(terms))}
	for t := range c.docs {
		if t < len(lists) {
			c.docs[t] = denseSet(lists[t], maxDoc+1)
		}
	}
	return c, nil
}

// buildMonths reads the published month of every document.
func buildMonths(ctx context.Context, r bindex.IndexReader) (months, error) {
	var m months
	d, err := r.FieldDict(FieldPublished)
	if err != nil {
		return nil, fmt.Errorf("facets: reading the published dates: %w", err)
	}
	defer d.Close()
	var tfd bindex.TermFieldDoc
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("facets: reading the published dates: %w", err)
		}
		if e == nil {
			break
		}
		p := numeric.PrefixCoded(e.Term)
		if shift, err := p.Shift(); err != nil || shift != 0 {
			continue
		}
		v, err := p.Int64()
		if err != nil {
			continue
		}
		t := time.Unix(0, v).UTC()
		month := int32(t.Year()*12 + int(t.Month()) - 1)
		tr, err := r.TermFieldReader(ctx, []byte(e.Term), FieldPublished, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("facets: reading the published dates: %w", err)
		}
		for {
			hit, err := tr.Next(&tfd)
			if err != nil {
				tr.Close()
				return nil, fmt.Errorf("facets: reading the published dates: %w", err)
			}
			if hit == nil {
				break
			}
			doc := docNum(hit.ID)
			if doc > 1<<31 {
				continue
			}
			for uint64(len(m)) <= doc {
				m = append(m, noMonth)
			}
			m[doc] = month
		}
		tr.Close()
	}
	if m == nil {
		m = months{}
	}
	return m, nil
}

// facetCounter counts the values of the matching documents, as a searcher
// wrapper sees them go by.
type facetCounter struct {
	fields []string
	cols   []*column
	// hits marks the matching documents; counts holds the count of each
	// value of each facet once count has run.
	hits   []uint64
	counts [][]int32
	month  months
	mcount map[int32]int
	union  []uint64 // scratch for countAny
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

// count computes the count of every value of every facet from the matches.
func (fc *facetCounter) count() {
	fc.counts = make([][]int32, len(fc.cols))
	for i, c := range fc.cols {
		cnt := make([]int32, len(c.terms))
		for t := range c.docs {
			cnt[t] = int32(c.docs[t].countIn(fc.hits))
		}
		fc.counts[i] = cnt
	}
}

// top returns the n values of facet i with the highest counts, ties by value.
func (fc *facetCounter) top(i, n int) []FacetValue {
	var out []FacetValue
	for t, c := range fc.counts[i] {
		if c > 0 {
			out = append(out, FacetValue{Value: fc.cols[i].terms[t], Count: int(c)})
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

// Searcher implements bleve's query.Query.
func (q *faceted) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
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
	c, cnt := fc.cols[i], fc.counts[i]
	present, sum := 0, 0
	var idx [8]int
	found := idx[:0]
	for _, f := range forms {
		if j, ok := slices.BinarySearch(c.terms, f); ok && cnt[j] > 0 {
			present++
			sum += int(cnt[j])
			found = append(found, j)
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
	for _, j := range found {
		c.docs[j].orInto(fc.union)
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
