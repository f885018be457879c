package opensearch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
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
	for _, mf := range plan.merged {
		vs, err := x.entityFacet(ctx, body["query"], mf.values, plan.n)
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

// entityFacet returns the n first values of an entity facet. A value that
// merged several stored keys is counted again, with a count request, since an
// article may hold two forms of one entity.
func (x *Index) entityFacet(ctx context.Context, q any, ms []*mergedValue, n int) ([]index.FacetValue, error) {
	top := orderFacet(ms, n)
	recount := false
	for _, m := range top {
		if len(m.keys) < 2 {
			continue
		}
		body := obj{"query": obj{"bool": obj{"must": []any{q}, "filter": []any{keysFilter(m.field, m.keys)}}}}
		var res struct {
			Count int `json:"count"`
		}
		path := "/" + url.PathEscape(x.cfg.Index) + "/_count"
		if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
			return nil, fmt.Errorf("counting %s %q: %w", m.field, m.value, err)
		}
		m.count, recount = res.Count, true
	}
	if recount {
		top = orderFacet(ms, n)
	}
	var out []index.FacetValue
	for _, m := range top {
		out = append(out, index.FacetValue{Value: m.value, Count: m.count})
	}
	return out, nil
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
	n        int           // values per facet
	merged   []mergedFacet // the entity facets read, before their counts are checked
}

// The names of the aggregations of a search body.
const (
	aggNames     = "names"
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

// facets reads the aggregations into the facets of a result.
func (p *plan) facets(aggs map[string]json.RawMessage, out *index.Facets) error {
	for _, f := range p.facets_ {
		type bucket struct {
			Key   string `json:"key"`
			Count int    `json:"doc_count"`
		}
		var t struct {
			Buckets []struct {
				bucket
				Names struct {
					Buckets []bucket `json:"buckets"`
				} `json:"names"`
			} `json:"buckets"`
		}
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
		// The buckets of one entity's stored keys merge through the learned
		// aliases (DPRD and Dewan Perwakilan Rakyat Daerah).
		l := labelOf(f)
		byKey := map[string]*mergedValue{}
		var ms []*mergedValue
		for _, b := range t.Buckets {
			// The names sub-aggregation counts every name of the bucket's
			// articles: keep those of this key.
			names := b.Names.Buckets[:0]
			for _, n := range b.Names.Buckets {
				if index.EntityKey(l, n.Key) == b.Key {
					names = append(names, n)
				}
			}
			name := b.Key
			if len(names) > 0 {
				name = names[0].Key
			}
			key := index.EntityKeyWith(l, name, p.learned[l])
			m := byKey[key]
			if m == nil {
				m = &mergedValue{field: f, key: key, names: map[string]int{}}
				byKey[key] = m
				ms = append(ms, m)
			}
			m.count += b.Count
			m.keys = append(m.keys, b.Key)
			for _, n := range names {
				m.names[n.Key] += n.Count
			}
		}
		for _, m := range ms {
			// A learned alias brings the name it stands for, which the
			// registry shows (DPRD → Dewan Perwakilan Rakyat Daerah).
			for n := range m.names {
				if t, ok := p.learned[l][index.AliasKey(n)]; ok {
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
		p.merged = append(p.merged, mergedFacet{f, ms})
	}
	return p.histogram(aggs, out)
}

// mergedFacet is an entity facet before its counts are checked.
type mergedFacet struct {
	field  string
	values []*mergedValue
}

// mergedValue is one value of an entity facet: the stored keys of one entity.
type mergedValue struct {
	field string
	key   string
	value string         // its display name
	count int            // articles; a sum over the keys until recounted
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
