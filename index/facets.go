package index

import (
	"context"
	"encoding/binary"
	"fmt"
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
// each facet field, the values of each document of an index snapshot, read once
// from the field's postings when a search first needs them and kept until the
// index changes. Counting is then a few array increments per matching article,
// instead of decoding bleve's doc values for each one.

// column holds the values of one keyword field for every document of a
// snapshot, by internal document number: doc d has vals[start[d]:start[d+1]],
// indices into terms.
type column struct {
	terms []string
	start []uint32
	vals  []uint32
}

// values returns the term indices of document d.
func (c *column) values(d uint64) []uint32 {
	if d+1 >= uint64(len(c.start)) {
		return nil
	}
	return c.vals[c.start[d]:c.start[d+1]]
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
	// grouped caches columns.groups, per field, for one registry view.
	grouped map[string]groupMap
}

// groupMap numbers the entities of several forms among the values of a column.
type groupMap struct {
	view    *regView
	groupOf []int32
	n       int
}

// groups returns, for each value of column c of field, the number of its
// entity in view when the entity has several forms (-1 otherwise), and the
// number of such entities. It is computed once per column and view.
func (cs *columns) groups(field string, c *column, v *regView) ([]int32, int) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if g, ok := cs.grouped[field]; ok && g.view == v {
		return g.groupOf, g.n
	}
	l, isEntity := fieldLabel(field)
	groupOf := make([]int32, len(c.terms))
	ids := map[*group]int32{}
	for t := range groupOf {
		groupOf[t] = -1
		if !isEntity || v == nil {
			continue
		}
		if g := v.lookup(l, c.terms[t]); g != nil && len(g.values) > 1 {
			id, ok := ids[g]
			if !ok {
				id = int32(len(ids))
				ids[g] = id
			}
			groupOf[t] = id
		}
	}
	if cs.grouped == nil {
		cs.grouped = map[string]groupMap{}
	}
	cs.grouped[field] = groupMap{v, groupOf, len(ids)}
	return groupOf, len(ids)
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
	type pair struct{ doc, t uint32 }
	var pairs []pair
	maxDoc := uint64(0)
	terms, err := postings(ctx, r, field, nil, func(t int, doc uint64) {
		if doc > 1<<31 {
			return
		}
		pairs = append(pairs, pair{uint32(doc), uint32(t)})
		maxDoc = max(maxDoc, doc)
	})
	if err != nil {
		return nil, err
	}
	c := &column{terms: terms, vals: make([]uint32, len(pairs))}
	n := uint64(0)
	if len(pairs) > 0 {
		n = maxDoc + 1
	}
	c.start = make([]uint32, n+1)
	for _, p := range pairs {
		c.start[p.doc+1]++
	}
	for d := uint64(1); d <= n; d++ {
		c.start[d] += c.start[d-1]
	}
	fill := make([]uint32, n)
	for _, p := range pairs {
		c.vals[c.start[p.doc]+fill[p.doc]] = p.t
		fill[p.doc]++
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
	counts [][]int32
	month  months
	mcount map[int32]int
	// groupOf maps the values of a facet to the entities of several forms
	// (-1: none, see columns.groups); groupCount counts the documents of each
	// such entity, groupLast is the last document counted (its number + 1).
	groupOf    [][]int32
	groupCount [][]int32
	groupLast  [][]int32
}

func (fc *facetCounter) add(d *search.DocumentMatch) {
	n := docNum(d.IndexInternalID)
	mark := int32(n + 1)
	for i, c := range fc.cols {
		cnt, gof, gc, gl := fc.counts[i], fc.groupOf[i], fc.groupCount[i], fc.groupLast[i]
		for _, v := range c.values(n) {
			cnt[v]++
			if g := gof[v]; g >= 0 && gl[g] != mark {
				gl[g] = mark
				gc[g]++
			}
		}
	}
	if fc.month != nil && n < uint64(len(fc.month)) {
		if m := fc.month[n]; m != noMonth {
			fc.mcount[m]++
		}
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
		gof, ng := cs.groups(f, c, q.view)
		fc.cols = append(fc.cols, c)
		fc.counts = append(fc.counts, make([]int32, len(c.terms)))
		fc.groupOf = append(fc.groupOf, gof)
		fc.groupCount = append(fc.groupCount, make([]int32, ng))
		fc.groupLast = append(fc.groupLast, make([]int32, ng))
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
// their counts when at most one of them matched, else the count of the entity.
func (fc *facetCounter) countAny(i int, forms []string) int {
	c, cnt := fc.cols[i], fc.counts[i]
	present, sum, first := 0, 0, -1
	for _, f := range forms {
		if j, ok := slices.BinarySearch(c.terms, f); ok && cnt[j] > 0 {
			present++
			sum += int(cnt[j])
			if first < 0 {
				first = j
			}
		}
	}
	if present <= 1 {
		return sum // no document can count twice
	}
	if g := fc.groupOf[i][first]; g >= 0 {
		return int(fc.groupCount[i][g])
	}
	return sum
}

// facetResults fills out from the counts of a faceted search: the entity
// values merged through the registry view v (see entityTop), the sources, the
// published buckets.
func (x *Index) facetResults(ctx context.Context, out *Facets, fq *faceted, v *regView, n int, buckets []DateBucket) error {
	fc := fq.counter
	if fc == nil {
		return nil
	}
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
