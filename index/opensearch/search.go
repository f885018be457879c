package opensearch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// obj is a JSON object of the query DSL.
type obj = map[string]any

// Search runs a request as index.Index.Search does: the query analysed here
// with Telaah's analyzer and translated to the query DSL, the entity, source
// and date filters as filters, the entity and source facets as terms
// aggregations and the published facet as a date_histogram, and the fragments
// highlighted here from the stored title and body, with the same marks as the
// bleve backend. It never creates anything: on a cluster without the index it
// returns a *NoIndexError.
func (x *Index) Search(ctx context.Context, r index.Request) (*index.Result, error) {
	if err := x.check(ctx); err != nil {
		return nil, err
	}
	st, err := x.stats(ctx)
	if err != nil {
		return nil, err
	}
	if st.resolved, err = x.resolveNames(ctx, &r, st); err != nil {
		return nil, err
	}
	body, plan, err := x.searchBody(r, st)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	var res searchResponse
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
		return nil, fmt.Errorf("opensearch: search %q: %w", r.Query, err)
	}
	out := &index.Result{Total: res.Hits.Total.Value, Hits: make([]index.Hit, 0, len(res.Hits.Hits)), Warnings: plan.warnings()}
	var hl *index.Highlighter
	if !r.Plain {
		ho := r.Highlight
		if ho.Pipeline == nil {
			ho.Pipeline = x.cfg.Pipeline
		}
		hl = index.NewHighlighter(plan.node, ho)
	}
	for _, h := range res.Hits.Hits {
		hit, body, err := plan.hit(h)
		if err != nil {
			return nil, fmt.Errorf("opensearch: search %q: hit %q: %w", r.Query, h.ID, err)
		}
		if hl != nil {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("opensearch: search %q: highlighting: %w", r.Query, err)
			}
			// Highlighted here, from the stored text, as the bleve backend does.
			hit.Fragments = map[string][]string{}
			if f := hl.Fragments(ctx, index.FieldTitle, hit.Title); f != nil {
				hit.Fragments[index.FieldTitle] = f
			}
			if f := hl.Fragments(ctx, index.FieldBody, body); f != nil {
				hit.Fragments[index.FieldBody] = f
			}
		}
		out.Hits = append(out.Hits, hit)
	}
	if err := plan.facets(res.Aggregations, &out.Facets); err != nil {
		return nil, fmt.Errorf("opensearch: search %q: %w", r.Query, err)
	}
	if err := x.aliasCounts(ctx, body["query"], plan.merged, st.learned); err != nil {
		return nil, fmt.Errorf("opensearch: search %q: %w", r.Query, err)
	}
	for _, mf := range plan.merged {
		vs, err := x.entityFacet(ctx, body["query"], mf, st.learned, plan.n)
		if err != nil {
			return nil, fmt.Errorf("opensearch: search %q: %w", r.Query, err)
		}
		switch mf.field {
		case index.FieldPersons:
			out.Facets.Persons = vs
		case index.FieldOrganizations:
			out.Facets.Organizations = vs
		case index.FieldPlaces:
			out.Facets.Places = vs
		}
	}
	out.Took = time.Since(start)
	return out, nil
}

// entityFacet returns the n first values of an entity facet, with the counts
// the bleve backend's registry gives: the articles that name the entity by any
// of its stored keys, each once. The terms aggregation of the search gave the
// most frequent keys (all of them when its sum_other_doc_count is 0); when it
// did not give all, the keys that merge through the learned aliases are
// counted with one more aggregation (include: those keys), and the keys it
// left out are paged through with a composite aggregation only when one of
// them could still reach the n first values. A value that merges several keys
// is counted again (a filters aggregation), since an article may hold two of
// its forms; values are recounted until the n first are all exact.
func (x *Index) entityFacet(ctx context.Context, q any, mf *mergedFacet, learned map[entity.Label]map[string]string, n int) ([]index.FacetValue, error) {
	ms := mf.merge(learned)
	top, err := x.settle(ctx, q, ms, n)
	if err != nil {
		return nil, err
	}
	if !mf.complete && (len(top) < n || top[len(top)-1].count <= mf.bound) {
		// A key outside the window could be among the n first (or tie with
		// the last): read them all.
		if err := x.allKeys(ctx, q, mf); err != nil {
			return nil, err
		}
		mf.complete = true
		if top, err = x.settle(ctx, q, mf.merge(learned), n); err != nil {
			return nil, err
		}
	}
	var out []index.FacetValue
	for _, m := range top {
		out = append(out, index.FacetValue{Value: m.value, Count: m.count})
	}
	return out, nil
}

// settle recounts the values among the n first whose count is not exact,
// until the n first are all exact, all the values of a round in one request
// (a filters aggregation, one filter a value). Since a recount only lowers a
// count (a sum over keys bounds the articles from above), the n first of
// exact counts are then the n first of the facet.
func (x *Index) settle(ctx context.Context, q any, ms []*mergedValue, n int) ([]*mergedValue, error) {
	for {
		top := orderFacet(ms, n)
		filters := obj{}
		var stale []*mergedValue
		for _, m := range top {
			if !m.exact {
				filters[strconv.Itoa(len(stale))] = keysFilter(m.field, m.keys)
				stale = append(stale, m)
			}
		}
		if len(stale) == 0 {
			return top, nil
		}
		body := obj{"size": 0, "track_total_hits": false, "query": q, "aggs": obj{aggRecount: obj{"filters": obj{"filters": filters}}}}
		var res searchResponse
		path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
		if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
			return nil, fmt.Errorf("counting %d %s: %w", len(stale), stale[0].field, err)
		}
		var agg struct {
			Buckets map[string]struct {
				Count *int `json:"doc_count"`
			} `json:"buckets"`
		}
		if err := json.Unmarshal(res.Aggregations[aggRecount], &agg); err != nil {
			return nil, fmt.Errorf("reading the counts of %s: %w", stale[0].field, err)
		}
		for i, m := range stale {
			b, ok := agg.Buckets[strconv.Itoa(i)]
			if !ok || b.Count == nil {
				return nil, fmt.Errorf("counting %s %q: no bucket %d in the answer", m.field, m.value, i)
			}
			m.count, m.exact = *b.Count, true
		}
	}
}

// aliasCounts reads, in one request, the exact counts of the stored keys that
// merge through the learned aliases and that the search's terms aggregations
// left out (include: the keys, size: their number, so every shard returns
// them all).
func (x *Index) aliasCounts(ctx context.Context, q any, mfs []*mergedFacet, learned map[entity.Label]map[string]string) error {
	aggs := obj{}
	order := []any{obj{"_count": "desc"}, obj{"_key": "asc"}}
	for _, mf := range mfs {
		if mf.complete {
			continue
		}
		if keys := mf.aliasKeys(learned); len(keys) > 0 {
			aggs[mf.field] = obj{"terms": obj{"field": mf.field + KeySuffix, "include": keys, "size": len(keys), "order": order},
				"aggs": obj{aggNames: obj{"terms": obj{"field": mf.field, "size": 20, "order": order}}}}
		}
	}
	if len(aggs) == 0 {
		return nil
	}
	body := obj{"size": 0, "track_total_hits": false, "query": q, "aggs": aggs}
	var res searchResponse
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
		return fmt.Errorf("counting the keys of learned aliases: %w", err)
	}
	for _, mf := range mfs {
		raw, ok := res.Aggregations[mf.field]
		if !ok {
			continue
		}
		var t termsAgg
		if err := json.Unmarshal(raw, &t); err != nil {
			return fmt.Errorf("reading the keys of learned aliases in %s: %w", mf.field, err)
		}
		for _, b := range t.Buckets {
			mf.add(b, true)
		}
	}
	return nil
}

// allKeys reads every stored key of the matching articles with a composite
// aggregation, x.cfg.FacetPage keys a request.
func (x *Index) allKeys(ctx context.Context, q any, mf *mergedFacet) error {
	order := []any{obj{"_count": "desc"}, obj{"_key": "asc"}}
	var after any
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	for {
		comp := obj{"size": x.cfg.FacetPage, "sources": []any{obj{aggKey: obj{"terms": obj{"field": mf.field + KeySuffix}}}}}
		if after != nil {
			comp["after"] = after
		}
		body := obj{"size": 0, "track_total_hits": false, "query": q, "aggs": obj{aggKeys: obj{"composite": comp,
			"aggs": obj{aggNames: obj{"terms": obj{"field": mf.field, "size": 20, "order": order}}}}}}
		var res searchResponse
		if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
			return fmt.Errorf("paging through the keys of %s: %w", mf.field, err)
		}
		var page struct {
			AfterKey map[string]any `json:"after_key"`
			Buckets  []struct {
				Key map[string]any `json:"key"`
				termBucket
			} `json:"buckets"`
		}
		if raw, ok := res.Aggregations[aggKeys]; ok {
			if err := json.Unmarshal(raw, &page); err != nil {
				return fmt.Errorf("paging through the keys of %s: %w", mf.field, err)
			}
		}
		for _, b := range page.Buckets {
			k, ok := b.Key[aggKey].(string)
			if !ok {
				return fmt.Errorf("paging through the keys of %s: bucket key %v is not a string", mf.field, b.Key)
			}
			b.termBucket.Key = k
			mf.add(b.termBucket, true)
		}
		if len(page.Buckets) < x.cfg.FacetPage || page.AfterKey == nil {
			return nil
		}
		after = page.AfterKey
	}
}

// plan is what Search needs to read the answer to the body it sent.
type plan struct {
	r        index.Request
	node     query.Node     // the parsed query, nil for none
	q        *analysedQuery // nil for no query text
	facets_  []string       // the terms facets asked for
	histo    bool           // the published facet asked for
	mark     bool           // fragments asked for
	sourceOf []string
	learned  map[entity.Label]map[string]string
	n        int            // values per facet
	merged   []*mergedFacet // the entity facets read, before their counts are checked
}

// The names of the aggregations of a search body.
const (
	aggNames     = "names"
	aggKeys      = "keys" // the composite aggregation paging through an entity field's keys
	aggKey       = "key"  // its one source
	aggRecount   = "recount"
	aggPublished = "published"
	aggSpan      = "published_span"
)

// SearchBody returns the body of the _search request for r, as Search sends
// it: to see what the cluster is asked, or to send it yourself.
// The learned aliases are those read from the cluster by the last Search, none
// before it.
func (x *Index) SearchBody(r index.Request) (map[string]any, error) {
	x.aliases.mu.Lock()
	st := x.aliases.stats
	x.aliases.mu.Unlock()
	body, _, err := x.searchBody(r, st)
	return body, err
}

func (x *Index) searchBody(r index.Request, st indexStats) (map[string]any, *plan, error) {
	learned := st.learned
	if r.Size < 0 || r.Offset < 0 {
		return nil, nil, fmt.Errorf("search: negative size %d or offset %d", r.Size, r.Offset)
	}
	if r.Size > index.MaxSize || r.Offset > index.MaxSize {
		return nil, nil, fmt.Errorf("search: size %d or offset %d is over %d: page through the hits", r.Size, r.Offset, index.MaxSize)
	}
	facets, n, err := r.FacetsWanted()
	if err != nil {
		return nil, nil, err
	}
	p := &plan{r: r, mark: !r.Plain, learned: learned, n: n}
	var must, filter []any
	q, err := x.analyseQuery(r.Query, x.limits(r.Limits), &st)
	if err != nil {
		return nil, nil, err
	}
	if q.node != nil {
		p.q, p.node = q, q.node
		must = append(must, q.dsl)
	}
	for _, f := range []struct {
		field  string
		values []string
	}{{index.FieldPersons, r.Persons}, {index.FieldOrganizations, r.Organizations}, {index.FieldPlaces, r.Places}} {
		for _, v := range f.values {
			if strings.TrimSpace(v) == "" {
				return nil, nil, fmt.Errorf("search: empty %s filter", f.field)
			}
			filter = append(filter, keysFilter(f.field, st.keys(labelOf(f.field), v)))
		}
	}
	if len(r.Sources) > 0 {
		var folded []string
		for _, v := range r.Sources {
			folded = append(folded, Fold(v))
		}
		filter = append(filter, obj{"terms": obj{index.FieldSource + ".folded": folded}})
	}
	if !r.Since.IsZero() || !r.Until.IsZero() {
		if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
			return nil, nil, fmt.Errorf("search: empty date range: since %s is not before until %s",
				r.Since.Format(time.RFC3339), r.Until.Format(time.RFC3339))
		}
		rng := obj{}
		if !r.Since.IsZero() {
			rng["gte"] = r.Since.UTC().Format(dateFormat)
		}
		if !r.Until.IsZero() {
			rng["lt"] = r.Until.UTC().Format(dateFormat)
		}
		filter = append(filter, obj{"range": obj{index.FieldPublished: rng}})
	}
	var dsl any
	switch {
	case len(must) == 0 && len(filter) == 0:
		dsl = obj{"match_all": obj{}}
	case len(filter) == 0 && len(must) == 1:
		dsl = must[0]
	default:
		b := obj{}
		if len(must) > 0 {
			b["must"] = must
		}
		if len(filter) > 0 {
			b["filter"] = filter
		}
		dsl = obj{"bool": b}
	}
	if r.Sort == index.ByRelevanceAndDate {
		dsl = recency(dsl, st.newest, r.HalfLife)
	}
	size := r.Size
	if size == 0 {
		size = index.DefaultSize
	}
	p.sourceOf = []string{index.FieldTitle, index.FieldURL, index.FieldSource, index.FieldPublished,
		index.FieldPersons, index.FieldOrganizations, index.FieldPlaces, FieldEntities}
	if p.mark {
		p.sourceOf = append(p.sourceOf, index.FieldBody)
	}
	body := obj{
		"query":            dsl,
		"from":             r.Offset,
		"size":             size,
		"track_total_hits": true,
		"_source":          obj{"includes": p.sourceOf},
	}
	switch r.Sort {
	case index.ByNewest:
		body["sort"] = []any{obj{index.FieldPublished: obj{"order": "desc", "missing": "_last"}}, obj{"_score": obj{"order": "desc"}}}
	case index.ByOldest:
		body["sort"] = []any{obj{index.FieldPublished: obj{"order": "asc", "missing": "_last"}}, obj{"_score": obj{"order": "desc"}}}
	}
	if len(facets) > 0 {
		want := func(f string) bool { return slices.Contains(facets, f) }
		aggs := obj{}
		order := []any{obj{"_count": "desc"}, obj{"_key": "asc"}}
		for _, f := range []string{index.FieldPersons, index.FieldOrganizations, index.FieldPlaces} {
			if want(f) {
				// One bucket per entity (its key), with the names the
				// articles give it, to choose the one to show.
				p.facets_ = append(p.facets_, f)
				aggs[f] = obj{"terms": obj{"field": f + KeySuffix, "size": facetWindow(n), "order": order},
					"aggs": obj{aggNames: obj{"terms": obj{"field": f, "size": 20, "order": order}}}}
			}
		}
		if want(index.FieldSource) {
			p.facets_ = append(p.facets_, index.FieldSource)
			aggs[index.FieldSource] = obj{"terms": obj{"field": index.FieldSource, "size": n, "order": order}}
		}
		if want(index.FieldPublished) {
			// Months of the matching articles, and the span of the whole index,
			// which decides (as in the bleve backend) between months and years.
			p.histo = true
			aggs[aggPublished] = obj{"date_histogram": obj{"field": index.FieldPublished, "calendar_interval": "month", "min_doc_count": 1}}
			aggs[aggSpan] = obj{"global": obj{}, "aggs": obj{
				"min": obj{"min": obj{"field": index.FieldPublished}},
				"max": obj{"max": obj{"field": index.FieldPublished}},
			}}
		}
		if len(aggs) > 0 {
			body["aggs"] = aggs
		}
	}
	return body, p, nil
}

// searchResponse is the part of a _search answer Search reads.
type searchResponse struct {
	Took int64 `json:"took"`
	Hits struct {
		Total struct {
			Value uint64 `json:"value"`
		} `json:"total"`
		Hits []searchHit `json:"hits"`
	} `json:"hits"`
	Aggregations map[string]json.RawMessage `json:"aggregations"`
}

type searchHit struct {
	ID     string          `json:"_id"`
	Score  *float64        `json:"_score"`
	Source json.RawMessage `json:"_source"`
}

// hit reads one hit, with its fragments.
func (p *plan) hit(h searchHit) (index.Hit, string, error) {
	var s source
	if err := json.Unmarshal(h.Source, &s); err != nil {
		return index.Hit{}, "", fmt.Errorf("reading _source: %w", err)
	}
	out := index.Hit{ID: h.ID, Title: s.Title, URL: s.URL, Source: s.Source}
	for _, f := range []struct {
		l     entity.Label
		names []string
		dst   *[]string
	}{{entity.PER, s.Persons, &out.Persons}, {entity.ORG, s.Organizations, &out.Organizations}, {entity.LOC, s.Places, &out.Places}} {
		for _, n := range f.names {
			if d := displayName(f.l, n, p.learned); !slices.Contains(*f.dst, d) {
				*f.dst = append(*f.dst, d)
			}
		}
	}
	if h.Score != nil {
		out.Score = *h.Score
	}
	if s.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, s.Published)
		if err != nil {
			return index.Hit{}, "", fmt.Errorf("published: %w", err)
		}
		out.Published = t.UTC()
	}
	for _, e := range s.Entities {
		out.Entities = append(out.Entities, index.HitEntity{Label: e.Label, Name: displayName(e.Label, e.Name, p.learned), Mentions: e.Mentions,
			Salience: e.Salience, InTitle: e.InTitle, InLead: e.InLead})
	}
	return out, s.Body, nil
}

// better reports whether name a (in na articles) is a better display name than
// b (in nb) for the entity with the given key.
func better(l entity.Label, key, a string, na int, b string, nb int) bool {
	if fa, fb := index.EntityIsFull(l, a, key), index.EntityIsFull(l, b, key); fa != fb {
		return fa
	}
	if na != nb {
		return na > nb
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// facets reads the aggregations into the facets of a result; the entity
// facets are kept in p.merged, to be made exact by Search.
func (p *plan) facets(aggs map[string]json.RawMessage, out *index.Facets) error {
	for _, f := range p.facets_ {
		var t termsAgg
		if raw, ok := aggs[f]; ok {
			if err := json.Unmarshal(raw, &t); err != nil {
				return fmt.Errorf("reading facet %s: %w", f, err)
			}
		}
		if f == index.FieldSource {
			var vs []index.FacetValue
			for _, b := range t.Buckets {
				vs = append(vs, index.FacetValue{Value: b.Key, Count: b.Count})
			}
			out.Sources = vs
			continue
		}
		mf := &mergedFacet{field: f, complete: t.SumOther == 0 && t.ErrorBound == 0, errorBound: t.ErrorBound}
		if n := len(t.Buckets); n > 0 {
			mf.bound = t.Buckets[n-1].Count + t.ErrorBound
		}
		for _, b := range t.Buckets {
			mf.add(b, t.ErrorBound == 0)
		}
		p.merged = append(p.merged, mf)
	}
	return p.histogram(aggs, out)
}

// termsAgg is the answer of a terms aggregation on an entity key field.
type termsAgg struct {
	ErrorBound int          `json:"doc_count_error_upper_bound"`
	SumOther   int          `json:"sum_other_doc_count"`
	Buckets    []termBucket `json:"buckets"`
}

// termBucket is one stored key of an entity field, with the names its
// articles give.
type termBucket struct {
	Key   string `json:"key"`
	Count int    `json:"doc_count"`
	Names struct {
		Buckets []struct {
			Key   string `json:"key"`
			Count int    `json:"doc_count"`
		} `json:"buckets"`
	} `json:"names"`
}

// mergedFacet is an entity facet: the stored keys read so far, and whether
// they are all the keys of the matching articles.
type mergedFacet struct {
	field      string
	keys       map[string]keyCount // the stored keys read
	order      []string            // in the order read
	complete   bool                // keys holds every key of the matching articles
	bound      int                 // when not complete: no key missing from keys is in more articles
	errorBound int                 // the terms aggregation's doc_count_error_upper_bound
}

// keyCount is what is known of one stored key.
type keyCount struct {
	count int
	exact bool // count is the key's exact number of articles
	names map[string]int
}

// add records a bucket; a key read twice keeps its exact count.
func (mf *mergedFacet) add(b termBucket, exact bool) {
	if mf.keys == nil {
		mf.keys = map[string]keyCount{}
	}
	old, seen := mf.keys[b.Key]
	if seen && old.exact && !exact {
		return
	}
	k := keyCount{count: b.Count, exact: exact, names: map[string]int{}}
	for _, n := range b.Names.Buckets {
		k.names[n.Key] = n.Count
	}
	if !seen {
		mf.order = append(mf.order, b.Key)
	}
	mf.keys[b.Key] = k
}

// merge returns the values of the facet: the stored keys of one entity merged
// through the learned aliases (DPRD and Dewan Perwakilan Rakyat Daerah), each
// with the sum of its keys' counts, exact for a value of one exact key.
func (mf *mergedFacet) merge(learned map[entity.Label]map[string]string) []*mergedValue {
	l := labelOf(mf.field)
	byKey := map[string]*mergedValue{}
	var ms []*mergedValue
	for _, sk := range mf.order {
		b := mf.keys[sk]
		// The names sub-aggregation counts every name of the bucket's
		// articles: keep those of this key.
		name, best := sk, -1
		names := map[string]int{}
		for n, c := range b.names {
			if index.EntityKey(l, n) != sk {
				continue
			}
			names[n] = c
			if c > best || c == best && n < name {
				name, best = n, c
			}
		}
		key := index.EntityKeyWith(l, name, learned[l])
		m := byKey[key]
		if m == nil {
			m = &mergedValue{field: mf.field, key: key, names: map[string]int{}, exact: true}
			byKey[key] = m
			ms = append(ms, m)
		}
		m.count += b.count
		m.keys = append(m.keys, sk)
		m.exact = m.exact && b.exact && len(m.keys) == 1
		for n, c := range names {
			m.names[n] += c
		}
	}
	for _, m := range ms {
		// A learned alias brings the name it stands for, which the
		// registry shows (DPRD → Dewan Perwakilan Rakyat Daerah).
		for n := range m.names {
			if t, ok := learned[l][index.AliasKey(n)]; ok {
				if _, seen := m.names[t]; !seen {
					m.names[t] = 0
				}
			}
		}
		// The display name, as the registry chooses it: a full name (not
		// an alias) first, then the one most articles use, then the
		// longest.
		for n, c := range m.names {
			if m.value == "" || better(l, m.key, n, c, m.value, m.names[m.value]) {
				m.value = n
			}
		}
		if m.value == "" {
			m.value = m.key
		}
	}
	return ms
}

// aliasKeys returns the stored keys of the facet's label that merge with
// another through the learned aliases (the alias's and its target's), those
// not read yet: the only keys whose counts add up.
func (mf *mergedFacet) aliasKeys(learned map[entity.Label]map[string]string) []string {
	l := labelOf(mf.field)
	var out []string
	for alias, target := range learned[l] {
		for _, k := range []string{index.EntityKey(l, alias), index.EntityKey(l, target)} {
			if _, seen := mf.keys[k]; k != "" && !seen {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// mergedValue is one value of an entity facet: the stored keys of one entity.
type mergedValue struct {
	field string
	key   string
	value string         // its display name
	count int            // articles; a sum over the keys until recounted
	exact bool           // count is exact
	keys  []string       // the stored keys merged
	names map[string]int // the stored names and their articles
}

// orderFacet sorts the values of a facet by count, then name, and keeps n.
func orderFacet(ms []*mergedValue, n int) []*mergedValue {
	slices.SortStableFunc(ms, func(a, b *mergedValue) int {
		if a.count != b.count {
			return b.count - a.count
		}
		return strings.Compare(a.value, b.value)
	})
	return ms[:min(n, len(ms))]
}

// histogram reads the published facet.
func (p *plan) histogram(aggs map[string]json.RawMessage, out *index.Facets) error {
	if !p.histo {
		return nil
	}
	var h struct {
		Buckets []struct {
			Key   int64 `json:"key"` // ms since the epoch
			Count int   `json:"doc_count"`
		} `json:"buckets"`
	}
	var span struct {
		Min struct {
			Value *float64 `json:"value"`
		} `json:"min"`
		Max struct {
			Value *float64 `json:"value"`
		} `json:"max"`
	}
	if raw, ok := aggs[aggPublished]; ok {
		if err := json.Unmarshal(raw, &h); err != nil {
			return fmt.Errorf("reading the published facet: %w", err)
		}
	}
	if raw, ok := aggs[aggSpan]; ok {
		if err := json.Unmarshal(raw, &span); err != nil {
			return fmt.Errorf("reading the published span: %w", err)
		}
	}
	if span.Min.Value == nil || span.Max.Value == nil {
		return nil
	}
	ms := func(v float64) time.Time { return time.UnixMilli(int64(v)).UTC() }
	buckets := index.DateBuckets(ms(*span.Min.Value), ms(*span.Max.Value))
	counts := map[string]int{}
	yearly := len(buckets) > 0 && len(buckets[0].Name) == 4
	for _, b := range h.Buckets {
		t := time.UnixMilli(b.Key).UTC()
		name := t.Format("2006-01")
		if yearly {
			name = t.Format("2006")
		}
		counts[name] += b.Count
	}
	for _, b := range buckets {
		if c := counts[b.Name]; c > 0 {
			b.Count = c
			out.Published = append(out.Published, b)
		}
	}
	return nil
}

// facetWindow is the number of stored keys asked for an entity facet of n
// values: more, since the keys of one entity merge (as in the bleve backend).
func facetWindow(n int) int { return 4*n + 20 }

// limits are the query limits of a request: its own, then the index's, then
// the defaults.
func (x *Index) limits(r query.Limits) query.Limits {
	return r.Or(x.cfg.Limits).WithDefaults()
}

// recency decays the scores of q by the age of the article before the newest
// of the index, as the bleve backend's ByRelevanceAndDate: score × (½ +
// ½·2^(−age/half)), an article without a date counting as very old (½).
func recency(q any, newest time.Time, half time.Duration) any {
	if half <= 0 {
		half = index.DefaultHalfLife
	}
	if newest.IsZero() {
		return q
	}
	decay := obj{"filter": obj{"exists": obj{"field": index.FieldPublished}}, "weight": 0.5,
		"exp": obj{index.FieldPublished: obj{"origin": newest.UTC().Format(dateFormat), "scale": fmt.Sprintf("%dms", half.Milliseconds()), "decay": 0.5}}}
	return obj{"function_score": obj{"query": q, "functions": []any{decay, obj{"weight": 0.5}},
		"score_mode": "sum", "boost_mode": "multiply"}}
}

// warnings are the notes on the query for the reader.
func (p *plan) warnings() []string {
	if p.q == nil {
		return nil
	}
	return p.q.warnings
}
