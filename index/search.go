package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Sort is the order of the hits of a search.
type Sort uint8

// The orders.
const (
	ByRelevance Sort = iota // BM25 score, best first
	ByNewest                // published date, newest first
	ByOldest                // published date, oldest first
)

// DefaultSize is the number of hits of a Request with Size 0.
const DefaultSize = 10

// titleBoost weighs a match of the query's words in the title against one in
// the body (through _all) when ranking by relevance.
const titleBoost = 0.5

// MaxSize is the largest Size and Offset of a Request.
const MaxSize = 10000

// DefaultFacetSize is the number of values per facet of a Request with FacetSize 0.
const DefaultFacetSize = 10

// Request is a search. Its zero value finds every article, best first, with
// highlights and facets.
type Request struct {
	// Query is in bleve's query-string syntax (words, "phrases", +must, -not,
	// field:value, title:word); its words are analysed with "id". Words without a
	// field are searched in the title and body. Empty matches all articles.
	Query string
	// Persons, Organizations and Places keep only the articles that mention
	// every one of the given entities. A name may be any name of the entity
	// in any case: its canonical name, another stored form (Semarang for Kota
	// Semarang), a built-in alias (kpk), an alias that an article taught
	// (BMKG), or, when it denotes one entity only, part of a person's name
	// (durov), an acronym of an organisation, a place without its head
	// (Grobogan for Kabupaten Grobogan). A name that denotes several entities
	// is an *AmbiguousError listing them; an unknown name matches nothing.
	Persons, Organizations, Places []string
	// Sources keeps the articles from any of the given sources, in any case.
	Sources []string
	// Since and Until keep the articles published in [Since, Until); a zero
	// bound is open.
	Since, Until time.Time
	// Offset is the number of hits to skip; Size the number to return (0 means
	// DefaultSize).
	Offset, Size int
	// Sort is the order of the hits.
	Sort Sort
	// FacetSize is the number of values per facet (0 means DefaultFacetSize);
	// negative asks for no facets.
	FacetSize int
	// Facets names the facets to compute, among FieldPersons,
	// FieldOrganizations, FieldPlaces, FieldSource and FieldPublished; nil
	// means all of them.
	Facets []string
	// Plain leaves out the highlighted fragments.
	Plain bool
}

// Result is the answer to a Request.
type Result struct {
	Total  uint64        // articles that match
	Took   time.Duration // time bleve took
	Hits   []Hit         // the requested page of hits
	Facets Facets
}

// Hit is one matching article.
type Hit struct {
	ID        string
	Score     float64
	Title     string
	URL       string
	Source    string
	Published time.Time
	// Persons, Organizations and Places are the entities of the article under
	// their display names in the index (as facets count them), most salient
	// first.
	Persons, Organizations, Places []string
	// Entities are the article's persons, organisations and places together,
	// most salient first, with their mentions in the article.
	Entities []HitEntity
	// Fragments maps a field (title, body) to its highlighted fragments: the text
	// HTML-escaped, the matches in <mark>…</mark>.
	Fragments map[string][]string
}

// Facets are the counts of the matching articles by entity, source and date.
type Facets struct {
	Persons, Organizations, Places, Sources []FacetValue
	// Published counts by month, or by year when the index spans more than
	// three years; empty buckets are left out.
	Published []DateBucket
}

// FacetValue is one value of a facet and the number of matching articles with
// it. An entity facet counts each entity once, under its display name, however
// many of its forms the articles wrote; values with equal counts come in order
// of the entity's mentions in the index, most first.
type FacetValue struct {
	Value string
	Count int
}

// DateBucket is a range of publication dates [Start, End) and its count.
type DateBucket struct {
	Name       string // 2024-03, or 2024 for yearly buckets
	Start, End time.Time
	Count      int
}

// Search runs a request.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	if r.Size < 0 || r.Offset < 0 {
		return nil, fmt.Errorf("search: negative size %d or offset %d", r.Size, r.Offset)
	}
	if r.Size > MaxSize || r.Offset > MaxSize {
		return nil, fmt.Errorf("search: size %d or offset %d is over %d: page through the hits", r.Size, r.Offset, MaxSize)
	}
	q, err := r.query()
	if err != nil {
		return nil, err
	}
	filters, err := x.filterQueries(&r)
	if err != nil {
		return nil, err
	}
	if len(filters) > 0 {
		q = bleve.NewConjunctionQuery(append([]query.Query{q}, filters...)...)
	}
	size := r.Size
	if size == 0 {
		size = DefaultSize
	}
	req := bleve.NewSearchRequestOptions(q, size, r.Offset, false)
	req.Fields = []string{FieldTitle, FieldURL, FieldSource, FieldPublished, FieldPersons, FieldOrganizations, FieldPlaces, FieldEntities}
	switch r.Sort {
	case ByNewest:
		req.SortBy([]string{"-" + FieldPublished, "-_score"})
	case ByOldest:
		req.SortBy([]string{FieldPublished, "-_score"})
	}
	if !r.Plain {
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.Fields = []string{FieldTitle, FieldBody}
	}
	var months []DateBucket
	if r.FacetSize >= 0 {
		n := r.FacetSize
		if n == 0 {
			n = DefaultFacetSize
		}
		want := func(f string) bool { return r.Facets == nil || slices.Contains(r.Facets, f) }
		for _, f := range r.Facets {
			switch f {
			case FieldPersons, FieldOrganizations, FieldPlaces, FieldSource, FieldPublished:
			default:
				return nil, fmt.Errorf("search: no facet %q (want persons, organizations, places, source or published)", f)
			}
		}
		for _, f := range []string{FieldPersons, FieldOrganizations, FieldPlaces} {
			if want(f) {
				req.AddFacet(f, bleve.NewFacetRequest(f, facetWindow(n)))
			}
		}
		if want(FieldSource) {
			req.AddFacet(FieldSource, bleve.NewFacetRequest(FieldSource, n))
		}
		if want(FieldPublished) {
			lo, hi := x.span()
			months = buckets(lo, hi)
		}
		if len(months) > 0 {
			fr := bleve.NewFacetRequest(FieldPublished, len(months))
			for _, b := range months {
				start, end := b.Start, b.End
				fr.AddDateTimeRange(b.Name, start, end)
			}
			req.AddFacet(FieldPublished, fr)
		}
	}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := &Result{Total: res.Total, Took: res.Took, Hits: make([]Hit, 0, len(res.Hits))}
	view := x.reg.current()
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hit(h, view))
	}
	if res.Facets != nil {
		n := r.FacetSize
		if n == 0 {
			n = DefaultFacetSize
		}
		for _, f := range []struct {
			field string
			dst   *[]FacetValue
		}{{FieldPersons, &out.Facets.Persons}, {FieldOrganizations, &out.Facets.Organizations}, {FieldPlaces, &out.Facets.Places}} {
			if *f.dst, err = x.mergeFacet(ctx, view, f.field, res.Facets[f.field], q, n); err != nil {
				return nil, err
			}
		}
		out.Facets.Sources = terms(res.Facets[FieldSource])
		if fr := res.Facets[FieldPublished]; fr != nil {
			counts := map[string]int{}
			for _, d := range fr.DateRanges {
				counts[d.Name] = d.Count
			}
			for _, b := range months {
				if c := counts[b.Name]; c > 0 {
					b.Count = c
					out.Facets.Published = append(out.Facets.Published, b)
				}
			}
		}
	}
	return out, nil
}

// query builds the bleve query of a request, without its entity and source
// filters.
func (r *Request) query() (query.Query, error) {
	var must, should []query.Query
	if s := strings.TrimSpace(r.Query); s != "" {
		qs := bleve.NewQueryStringQuery(s)
		if _, err := qs.Parse(); err != nil {
			return nil, fmt.Errorf("search: bad query %q: %w", s, err)
		}
		must = append(must, qs)
		if r.Sort == ByRelevance && !strings.Contains(s, ":") {
			// Words of the query in the title count more than in the body
			// (unless the query names its fields itself).
			t := bleve.NewMatchQuery(s)
			t.SetField(FieldTitle)
			t.SetBoost(titleBoost)
			should = append(should, t)
		}
	}
	// The entity and source filters are added by Search (see filterQueries).
	if !r.Since.IsZero() || !r.Until.IsZero() {
		if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
			return nil, fmt.Errorf("search: empty date range: since %s is not before until %s",
				r.Since.Format(time.RFC3339), r.Until.Format(time.RFC3339))
		}
		incl, excl := true, false
		q := bleve.NewDateRangeInclusiveQuery(r.Since, r.Until, &incl, &excl)
		q.SetField(FieldPublished)
		must = append(must, q)
	}
	switch {
	case len(must) == 0:
		return bleve.NewMatchAllQuery(), nil
	case len(should) > 0:
		return query.NewBooleanQuery(must, should, nil), nil
	case len(must) == 1:
		return must[0], nil
	}
	return bleve.NewConjunctionQuery(must...), nil
}

func hit(h *search.DocumentMatch, v *regView) Hit {
	out := Hit{ID: h.ID, Score: h.Score, Fragments: h.Fragments}
	out.Title, _ = h.Fields[FieldTitle].(string)
	out.URL, _ = h.Fields[FieldURL].(string)
	out.Source, _ = h.Fields[FieldSource].(string)
	out.Published, _ = hitTime(h.Fields[FieldPublished])
	hitNames(&out, h, v)
	return out
}

// strs turns a stored field, a string or an array of them, into a slice.
func strs(v interface{}) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []interface{}:
		out := make([]string, 0, len(v))
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func hitTime(v interface{}) (time.Time, bool) {
	s, ok := v.(string)
	if !ok {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

func terms(f *search.FacetResult) []FacetValue {
	if f == nil || f.Terms == nil {
		return nil
	}
	var out []FacetValue
	for _, t := range f.Terms.Terms() {
		out = append(out, FacetValue{Value: t.Term, Count: t.Count})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	return out
}

// buckets returns the month buckets from lo to hi, or year buckets when that is
// more than 36 months.
func buckets(lo, hi time.Time) []DateBucket {
	if lo.IsZero() || hi.IsZero() {
		return nil
	}
	lo, hi = lo.UTC(), hi.UTC()
	months := (hi.Year()-lo.Year())*12 + int(hi.Month()-lo.Month()) + 1
	var out []DateBucket
	if months <= 36 {
		for t := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC); !t.After(hi); t = t.AddDate(0, 1, 0) {
			out = append(out, DateBucket{Name: t.Format("2006-01"), Start: t, End: t.AddDate(0, 1, 0)})
		}
		return out
	}
	for y := lo.Year(); y <= hi.Year(); y++ {
		t := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, DateBucket{Name: t.Format("2006"), Start: t, End: t.AddDate(1, 0, 0)})
	}
	return out
}
