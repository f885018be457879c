package index

import (
	"fmt"
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
// names of the registry, most salient first; c caches decoded summaries.
func hitNames(out *Hit, h *search.DocumentMatch, v *regView, c *summaryCache) {
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
	if es := hitEntities(h, c); es != nil {
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
