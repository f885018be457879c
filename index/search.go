package index

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/telaah/telaah/index/query"
)

// Sort is the order of the hits of a search.
type Sort uint8

// The orders.
const (
	ByRelevance        Sort = iota // BM25 score (title matches weigh more), best first
	ByNewest                       // published date, newest first
	ByOldest                       // published date, oldest first
	ByRelevanceAndDate             // BM25 score decayed by age, best first (see Request.HalfLife)
)

// DefaultSize is the number of hits of a Request with Size 0.
const DefaultSize = 10

// MaxSize is the largest Size and Offset of a Request.
const MaxSize = 10000

// DefaultFacetSize is the number of values per facet of a Request that asks for
// facets without a FacetSize.
const DefaultFacetSize = 10

// DefaultHalfLife is the age at which ByRelevanceAndDate halves the weight of
// recency in a score.
const DefaultHalfLife = 30 * 24 * time.Hour

// AllFacets names every facet, for Request.Facets.
var AllFacets = []string{FieldPersons, FieldOrganizations, FieldPlaces, FieldSource, FieldPublished}

// Request is a search. Its zero value finds every article, best first, with
// highlights and without facets.
type Request struct {
	// Query is in Telaah's query language (see the package documentation and
	// package index/query): words, "phrases", AND, OR, NOT, -word, parentheses,
	// field:value, ranges. Empty matches all articles.
	Query string
	// Parsed, when not nil, is Query already parsed (by query.Parse with the
	// same limits), which Search then does not parse again.
	Parsed query.Node
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
	// HalfLife is the age (before the newest article of the index) at which
	// ByRelevanceAndDate gives recency half its weight (0: DefaultHalfLife).
	HalfLife time.Duration
	// Facets names the facets to compute, among FieldPersons,
	// FieldOrganizations, FieldPlaces, FieldSource and FieldPublished
	// (AllFacets names them all). Facets are computed only when asked for:
	// through Facets, or through a positive FacetSize, which with nil Facets
	// asks for all of them.
	Facets []string
	// FacetSize is the number of values per facet (0 means DefaultFacetSize);
	// negative asks for no facets.
	FacetSize int
	// Plain leaves out the highlighted fragments.
	Plain bool
	// Highlight configures the fragments.
	Highlight HighlightOptions
	// Limits bound the query; a zero field takes the index's
	// (Options.Limits), then the default (see query.Limits).
	Limits query.Limits
}

// Result is the answer to a Request.
type Result struct {
	Total  uint64        // articles that match
	Took   time.Duration // time the search took
	Hits   []Hit         // the requested page of hits
	Facets Facets
	// Warnings are what the reader should know about the query: clauses that
	// were left out (only stopwords) or that match nothing in the index (an
	// unknown person).
	Warnings []string
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
	// HTML-escaped, the matches in <mark>…</mark> (see Highlighter).
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

// limits returns the limits of a request: its own, else the index's, else the
// defaults.
func (x *Index) limits(r query.Limits) query.Limits {
	return r.Or(x.opts.Limits).WithDefaults()
}

// FacetsWanted returns the facets a request asks for and their size: none
// unless Facets names some or FacetSize is positive (which with nil Facets asks
// for all of AllFacets), DefaultFacetSize when FacetSize is 0, and an error for
// a name that is not a facet. Every backend reads a request so.
func (r *Request) FacetsWanted() ([]string, int, error) {
	if r.FacetSize < 0 || (r.FacetSize == 0 && r.Facets == nil) {
		return nil, 0, nil
	}
	n := r.FacetSize
	if n == 0 {
		n = DefaultFacetSize
	}
	want := r.Facets
	if want == nil {
		want = AllFacets
	}
	for _, f := range want {
		if !slices.Contains(AllFacets, f) {
			return nil, 0, fmt.Errorf("search: no facet %q (want persons, organizations, places, source or published)", f)
		}
	}
	return want, n, nil
}

// Search runs a request. A query that cannot be parsed, or goes over the
// limits, is an error that wraps a *query.Error. Search honours the deadline
// of ctx in every step: expanding patterns, matching, highlighting.
func (x *Index) Search(ctx context.Context, r Request) (*Result, error) {
	start := time.Now()
	if r.Size < 0 || r.Offset < 0 {
		return nil, fmt.Errorf("search: negative size %d or offset %d", r.Size, r.Offset)
	}
	if r.Size > MaxSize || r.Offset > MaxSize {
		return nil, fmt.Errorf("search: size %d or offset %d is over %d: page through the hits", r.Size, r.Offset, MaxSize)
	}
	facets, facetSize, err := r.FacetsWanted()
	if err != nil {
		return nil, err
	}
	lim := x.limits(r.Limits)
	node := r.Parsed
	if node == nil {
		if node, err = query.Parse(r.Query, lim); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	t := &translator{x: x, ctx: ctx, an: queryAnalyzer(x.opts.Pipeline), lim: lim, q: r.Query}
	var must []bquery.Query
	if node != nil {
		q, err := t.translate(node)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		if q == nil {
			q = bquery.NewMatchNoneQuery()
		}
		must = append(must, q)
	}
	filters, err := x.filterQueries(&r)
	if err != nil {
		return nil, err
	}
	must = append(must, filters...)
	dates, err := r.dateFilter()
	if err != nil {
		return nil, err
	}
	if dates != nil {
		must = append(must, dates)
	}
	var q bquery.Query
	switch len(must) {
	case 0:
		q = bquery.NewMatchAllQuery()
	case 1:
		q = must[0]
	default:
		q = bquery.NewConjunctionQuery(must)
	}
	if r.Sort == ByRelevanceAndDate {
		half := r.HalfLife
		if half <= 0 {
			half = DefaultHalfLife
		}
		_, newest := x.span()
		q = &recency{inner: q, newest: newest, half: half}
	}
	size := r.Size
	if size == 0 {
		size = DefaultSize
	}
	req := bleve.NewSearchRequestOptions(q, size, r.Offset, false)
	req.Fields = []string{FieldTitle, FieldURL, FieldSource, FieldPublished, FieldPersons, FieldOrganizations, FieldPlaces, FieldEntities}
	if !r.Plain {
		req.Fields = append(req.Fields, FieldBody)
	}
	switch r.Sort {
	case ByNewest:
		req.SortBy([]string{"-" + FieldPublished, "-_score"})
	case ByOldest:
		req.SortBy([]string{FieldPublished, "-_score"})
	}
	var fq *faceted
	var months []DateBucket
	if len(facets) > 0 {
		fq = &faceted{inner: req.Query, x: x, view: x.reg.current()}
		for _, f := range facets {
			if f == FieldPublished {
				lo, hi := x.span()
				months = buckets(lo, hi)
				fq.month = len(months) > 0
			} else {
				fq.fields = append(fq.fields, f)
			}
		}
		req.Query = fq
	}
	var fast *fastQuery
	if (r.Sort == ByRelevance || r.Sort == ByRelevanceAndDate) && !x.slowPath {
		inner, decay := q, (*recency)(nil)
		if rq, ok := q.(*recency); ok {
			inner, decay = rq.inner, rq
		}
		if plan, ok := compile(inner); ok {
			fast = &fastQuery{x: x, plan: plan, decay: decay, inner: q, fq: fq, k: size + r.Offset}
			req.Query = fast
		}
	}
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, fmt.Errorf("search %q: %w", r.Query, ctx.Err())
		}
		return nil, fmt.Errorf("search %q: %w", r.Query, err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, 0, len(res.Hits)), Warnings: t.warnings}
	if fast != nil && fast.fast {
		out.Total = fast.total
		x.fastRuns.Add(1)
	}
	var hl *Highlighter
	var locs map[string]search.FieldTermLocationMap
	if !r.Plain {
		ho := r.Highlight
		if ho.Pipeline == nil {
			ho.Pipeline = x.opts.Pipeline
		}
		hl = NewHighlighter(node, ho)
		// A pattern (pemba*) is marked wherever a word of the text matches it,
		// not only where the index holds the word unstemmed: such queries
		// are highlighted from the text.
		if !hl.hasPatterns() {
			if locs, err = x.locations(ctx, q, node, res.Hits); err != nil {
				return nil, fmt.Errorf("search %q: highlighting: %w", r.Query, err)
			}
		}
	}
	view := x.reg.current()
	for _, h := range res.Hits {
		out.Hits = append(out.Hits, hit(h, view, &x.sums))
		if hl == nil {
			continue
		}
		last := &out.Hits[len(out.Hits)-1]
		body, _ := h.Fields[FieldBody].(string)
		last.Fragments = map[string][]string{}
		for _, f := range []struct{ field, text string }{{FieldTitle, last.Title}, {FieldBody, body}} {
			var frags []string
			if locs == nil && hl.hasPatterns() {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("search %q: highlighting: %w", r.Query, err)
				}
				frags = hl.Fragments(ctx, f.field, f.text)
			} else {
				frags = hl.FragmentsAt(f.field, f.text, locTokens(locs[h.ID][f.field]))
			}
			if frags != nil {
				last.Fragments[f.field] = frags
			}
		}
	}
	if fq != nil {
		if err := x.facetResults(ctx, &out.Facets, fq, fq.view, facetSize, months); err != nil {
			return nil, err
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// dateFilter builds the bleve query of the date filter of a request (Since,
// Until), nil when it has none; the entity and source filters are built by
// filterQueries.
func (r *Request) dateFilter() (bquery.Query, error) {
	if r.Since.IsZero() && r.Until.IsZero() {
		return nil, nil
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
		return nil, fmt.Errorf("search: empty date range: since %s is not before until %s",
			r.Since.Format(time.RFC3339), r.Until.Format(time.RFC3339))
	}
	incl, excl := true, false
	q := bleve.NewDateRangeInclusiveQuery(r.Since, r.Until, &incl, &excl)
	q.SetField(FieldPublished)
	return q, nil
}

func hit(h *search.DocumentMatch, v *regView, c *summaryCache) Hit {
	out := Hit{ID: h.ID, Score: h.Score, Fragments: h.Fragments}
	out.Title, _ = h.Fields[FieldTitle].(string)
	out.URL, _ = h.Fields[FieldURL].(string)
	out.Source, _ = h.Fields[FieldSource].(string)
	out.Published, _ = hitTime(h.Fields[FieldPublished])
	hitNames(&out, h, v, c)
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

// locations returns the occurrences of the query's terms in the title and body
// of the hits, from the index's term vectors: q again, restricted to the hits,
// with locations. Only these few articles have their term vectors read.
func (x *Index) locations(ctx context.Context, q bquery.Query, node query.Node, hits search.DocumentMatchCollection) (map[string]search.FieldTermLocationMap, error) {
	if node == nil || len(hits) == 0 {
		return nil, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	lq := bquery.NewConjunctionQuery([]bquery.Query{bquery.NewDocIDQuery(ids), q})
	req := bleve.NewSearchRequestOptions(lq, len(ids), 0, false)
	req.IncludeLocations = true
	res, err := x.b.SearchInContext(ctx, req)
	if err != nil {
		return nil, err
	}
	out := make(map[string]search.FieldTermLocationMap, len(res.Hits))
	for _, h := range res.Hits {
		out[h.ID] = h.Locations
	}
	return out, nil
}

// locTokens turns the term locations of one field into tokens in position
// order, as the highlighter reads them.
func locTokens(tl search.TermLocationMap) analysis.TokenStream {
	n := 0
	for _, ls := range tl {
		n += len(ls)
	}
	if n == 0 {
		return nil
	}
	toks := make([]analysis.Token, 0, n)
	for term, ls := range tl {
		for _, l := range ls {
			toks = append(toks, analysis.Token{Term: []byte(term), Start: int(l.Start), End: int(l.End), Position: int(l.Pos)})
		}
	}
	sort.Slice(toks, func(i, j int) bool {
		if toks[i].Position != toks[j].Position {
			return toks[i].Position < toks[j].Position
		}
		return toks[i].Start < toks[j].Start
	})
	out := make(analysis.TokenStream, len(toks))
	for i := range toks {
		out[i] = &toks[i]
	}
	return out
}
