package index

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/telaah/telaah/analysis/entity"
)

// filterQueries returns the queries of a request's entity and source filters:
// one per person, organisation and place (every one must match), each the
// disjunction of the stored names of that entity (any alias, any case; see
// resolveEntity), and one for the sources (any of them, in any case).
func (x *Index) filterQueries(r *Request) ([]query.Query, error) {
	var must []query.Query
	for _, f := range []struct {
		field  string
		values []string
	}{{FieldPersons, r.Persons}, {FieldOrganizations, r.Organizations}, {FieldPlaces, r.Places}} {
		for _, v := range f.values {
			if strings.TrimSpace(v) == "" {
				return nil, fmt.Errorf("search: empty %s filter", fieldNoun(f.field))
			}
			values, err := x.resolveEntity(f.field, v)
			if err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
			must = append(must, anyTerm(f.field, values))
		}
	}
	if len(r.Sources) > 0 {
		values, err := x.resolveSources(r.Sources)
		if err != nil {
			return nil, err
		}
		must = append(must, anyTerm(FieldSource, values))
	}
	return must, nil
}

// anyTerm matches the articles whose keyword field has one of the values.
func anyTerm(field string, values []string) query.Query {
	qs := make([]query.Query, len(values))
	for i, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs[i] = t
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// resolveSources returns the indexed sources equal to the given ones in any
// case (kompas.com finds Kompas.com), and each given source that matches none
// as it is.
func (x *Index) resolveSources(given []string) ([]string, error) {
	d, err := x.b.FieldDict(FieldSource)
	if err != nil {
		return nil, fmt.Errorf("search: reading the sources: %w", err)
	}
	defer d.Close()
	var indexed []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("search: reading the sources: %w", err)
		}
		if e == nil {
			break
		}
		indexed = append(indexed, e.Term)
	}
	var out []string
	for _, g := range given {
		found := false
		for _, s := range indexed {
			if strings.EqualFold(strings.TrimSpace(g), s) {
				out = append(out, s)
				found = true
			}
		}
		if !found {
			out = append(out, g)
		}
	}
	return out, nil
}

// facetWindow is the number of values asked of bleve for a facet of n values:
// more than n, so that the forms of one entity merged into one value leave
// enough values.
func facetWindow(n int) int { return 4*n + 20 }

// mergeFacet turns bleve's counts of the stored names of an entity field into
// counts of entities: the forms of one entity (BMKG and Badan Meteorologi,
// Klimatologi, dan Geofisika) become one value under its display name, counted
// once per article (by a count query when several forms matched). Values with
// equal counts are ordered by their mentions in the index, most first. At most
// n values are returned.
//
// count returns the number of matching articles with any of the given forms.
func (x *Index) mergeFacet(ctx context.Context, v *regView, field string, f *search.FacetResult, count func(forms []string) (int, error), n int) ([]FacetValue, error) {
	if f == nil || f.Terms == nil {
		return nil, nil
	}
	l, _ := fieldLabel(field)
	type merged struct {
		value    string
		count    int
		mentions int
		forms    []string // every stored form of the entity
		seen     int      // the forms among bleve's values
	}
	byName := map[string]*merged{}
	var out []*merged
	for _, t := range f.Terms.Terms() {
		name, mentions, forms := t.Term, 0, []string{t.Term}
		if g := v.lookup(l, t.Term); g != nil {
			// All the forms, also those beyond bleve's window.
			name, mentions, forms = g.name, g.mentions, g.values
		}
		m := byName[name]
		if m == nil {
			m = &merged{value: name, mentions: mentions, forms: forms}
			byName[name] = m
			out = append(out, m)
		}
		m.count += t.Count
		m.seen++
	}
	complete := f.Other == 0 // bleve returned every value
	order := func() {
		sort.SliceStable(out, func(i, j int) bool {
			a, b := out[i], out[j]
			switch {
			case a.count != b.count:
				return a.count > b.count
			case a.mentions != b.mentions:
				return a.mentions > b.mentions
			}
			return a.value < b.value
		})
	}
	order()
	// An article may hold two forms of one entity: count the articles of the
	// merged values that are shown.
	recount := false
	for i, m := range out {
		if i >= n {
			break
		}
		// The sum is exact when bleve counted one form and no other can
		// hide beyond its window.
		if m.seen > 1 || !complete && len(m.forms) > m.seen {
			c, err := count(m.forms)
			if err != nil {
				return nil, fmt.Errorf("search: counting %s %q: %w", fieldNoun(field), m.value, err)
			}
			m.count = c
			recount = true
		}
	}
	if recount {
		order()
	}
	values := make([]FacetValue, 0, min(n, len(out)))
	for _, m := range out[:min(n, len(out))] {
		values = append(values, FacetValue{Value: m.value, Count: m.count})
	}
	return values, nil
}

// HitEntity is one distinct entity of a hit's article.
type HitEntity struct {
	Label entity.Label
	Name  string // its display name in the index (as facets count it)
	// Mentions is the number of its mentions in the article.
	Mentions int
	// Salience in [0, 1] says how central it is to the article (see
	// entity.DistinctEntities).
	Salience float64
	// InTitle and InLead say whether the title and the lead mention it.
	InTitle, InLead bool
}

// hitNames fills a hit's entities from its stored fields, under the display
// names of the registry, most salient first.
func hitNames(out *Hit, h *search.DocumentMatch, v *regView) {
	display := func(l entity.Label, name string) string {
		if g := v.lookup(l, name); g != nil {
			return g.name
		}
		return name
	}
	seen := map[valueKey]bool{}
	add := func(l entity.Label, name string) bool {
		k := valueKey{l, display(l, name)}
		if seen[k] {
			return false
		}
		seen[k] = true
		switch l {
		case entity.PER:
			out.Persons = append(out.Persons, k.name)
		case entity.ORG:
			out.Organizations = append(out.Organizations, k.name)
		case entity.LOC:
			out.Places = append(out.Places, k.name)
		}
		return true
	}
	if es := hitEntities(h); es != nil {
		for _, e := range es {
			if add(e.Label, e.Name) {
				out.Entities = append(out.Entities, HitEntity{Label: e.Label, Name: display(e.Label, e.Name),
					Mentions: e.Mentions, Salience: e.Salience, InTitle: e.InTitle, InLead: e.InLead})
			}
		}
		return
	}
	for _, f := range []string{FieldPersons, FieldOrganizations, FieldPlaces} {
		l, _ := fieldLabel(f)
		for _, n := range strs(h.Fields[f]) {
			add(l, n)
		}
	}
}
