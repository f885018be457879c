package opensearch

import (
	"fmt"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// TitleBoost weighs a match of a word without a field in the title against one
// in the body, as in the bleve backend.
const TitleBoost = 2.0

// analysedQuery is a parsed query translated to the query DSL, with what
// highlighting needs.
type analysedQuery struct {
	node     query.Node
	lim      query.Limits
	dsl      any
	st       *indexStats
	warnings []string
}

func (q *analysedQuery) warn(format string, args ...any) {
	q.warnings = append(q.warnings, fmt.Sprintf(format, args...))
}

// textFields maps the text fields of the query language to their term fields.
var textFields = map[string]string{index.FieldTitle: FieldTitleTerms, index.FieldBody: FieldBodyTerms}

// analyseQuery parses a query in Telaah's query language (package index/query)
// and translates it.
func (x *Index) analyseQuery(s string, lim query.Limits, st *indexStats) (*analysedQuery, error) {
	n, err := query.Parse(s, lim)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	q := &analysedQuery{node: n, lim: lim, st: st}
	if n == nil {
		return q, nil
	}
	dsl, err := q.translate(n)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	if dsl == nil {
		dsl = obj{"match_none": obj{}} // only stopwords: nothing is searched
	}
	q.dsl = dsl
	return q, nil
}

// fieldsOf returns the text fields a clause searches.
func fieldsOf(f string) []string {
	if f == "" {
		return query.DefaultFields
	}
	return []string{f}
}

// translate returns the DSL of a clause, nil when it asks for nothing (only
// stopwords), as the bleve backend translates it.
func (q *analysedQuery) translate(n query.Node) (any, error) {
	switch n := n.(type) {
	case nil:
		return nil, nil
	case *query.And:
		return query.TranslateAnd(n.Clauses, q.translate, any(obj{"match_all": obj{}}), allOf)
	case *query.Or:
		should, err := query.TranslateOr(n.Clauses, q.translate)
		if err != nil {
			return nil, err
		}
		if len(should) == 0 {
			return nil, nil
		}
		return anyOf(should), nil
	case *query.Not:
		d, err := q.translate(n.Clause)
		if err != nil || d == nil {
			return nil, err
		}
		return obj{"bool": obj{"must": []any{obj{"match_all": obj{}}}, "must_not": []any{d}}}, nil
	case *query.Word:
		return q.text(n, n.Field, n.Text)
	case *query.Phrase:
		return q.text(n, n.Field, n.Text)
	case *query.Prefix:
		return q.pattern("prefix", n.Field, strings.ToLower(n.Text), nil)
	case *query.Wildcard:
		return q.pattern("wildcard", n.Field, strings.ToLower(n.Pattern), nil)
	case *query.Fuzzy:
		return q.pattern("fuzzy", n.Field, strings.ToLower(n.Text),
			obj{"fuzziness": n.Distance, "transpositions": true, "prefix_length": 0, "max_expansions": q.lim.MaxExpansions})
	case *query.Range:
		return q.rangeOf(n)
	}
	return nil, fmt.Errorf("clause %T is not supported by the OpenSearch backend", n)
}

// allOf is the bool query of the clauses that must match and those that must not.
func allOf(must, not []any) any {
	b := obj{"must": must}
	if len(not) > 0 {
		b["must_not"] = not
	}
	return obj{"bool": b}
}

// anyOf returns a single clause as is and several as a disjunction.
func anyOf(clauses []any) any {
	if len(clauses) == 1 {
		return clauses[0]
	}
	return obj{"bool": obj{"should": clauses, "minimum_should_match": 1}}
}

// text translates a word or a phrase: in a text field, the terms Telaah's
// analyzer gives it (a term for one position, with the stem and the surface as
// alternatives; a phrase with its gaps for several); in an entity field, the
// entity by its key; in a keyword field, the value in any case (url: exactly).
func (q *analysedQuery) text(n query.Node, field, text string) (any, error) {
	kind, err := kindOf(field)
	if err != nil {
		return nil, err
	}
	switch kind {
	case query.Entity:
		return keysFilter(field, q.st.keys(labelOf(field), text)), nil
	case query.Keyword:
		if field == index.FieldURL {
			return obj{"term": obj{field: text}}, nil
		}
		return obj{"term": obj{field + ".folded": Fold(text)}}, nil
	case query.Text:
	default:
		return nil, fmt.Errorf("field %s holds %ss: give a range (%s:>=…)", field, kind, field)
	}
	toks := index.AnalyzeQueryText(text)
	if len(toks) == 0 {
		q.warn("%s has no words that are searched (stopwords and punctuation are not indexed); it was left out", query.Format(n))
		return nil, nil
	}
	var clauses []any
	for _, f := range fieldsOf(field) {
		tf := textFields[f]
		boost := 1.0
		if field == "" && f == index.FieldTitle {
			boost = TitleBoost
		}
		if toks[0].Position == toks[len(toks)-1].Position {
			// One position: the word (or its stem and surface) in the field.
			var alts []any
			seen := map[string]bool{}
			for _, t := range toks {
				if !seen[t.Term] {
					seen[t.Term] = true
					alts = append(alts, obj{"term": obj{tf: withBoost(obj{"value": EncodeTerm(t.Term)}, boost)}})
				}
			}
			clauses = append(clauses, anyOf(alts))
			continue
		}
		// Several positions: the terms next to each other, the alternatives
		// of a position together, the gaps of stopwords and sentence ends kept,
		// through the same analyzer as the documents.
		clauses = append(clauses, obj{"match_phrase": obj{tf: withBoost(obj{"query": EncodeTokens(toks), "analyzer": AnalyzerTerms}, boost)}})
	}
	return anyOf(clauses), nil
}

func withBoost(o obj, boost float64) obj {
	if boost != 1 {
		o["boost"] = boost
	}
	return o
}

// pattern translates a prefix, wildcard or fuzzy clause.
func (q *analysedQuery) pattern(kind, field, value string, params obj) (any, error) {
	fk, err := kindOf(field)
	if err != nil {
		return nil, err
	}
	var fields []string
	switch fk {
	case query.Text:
		for _, f := range fieldsOf(field) {
			fields = append(fields, textFields[f])
		}
	case query.Keyword, query.Entity:
		fields = []string{field + ".folded"}
	default:
		return nil, fmt.Errorf("field %s holds %ss: give a range (%s:>=…)", field, fk, field)
	}
	var clauses []any
	for _, f := range fields {
		p := obj{"value": value}
		if kind != "fuzzy" {
			p["rewrite"] = "constant_score"
		}
		for k, v := range params {
			p[k] = v
		}
		clauses = append(clauses, obj{kind: obj{f: p}})
	}
	return anyOf(clauses), nil
}

// rangeOf translates a range of dates or numbers.
func (q *analysedQuery) rangeOf(n *query.Range) (any, error) {
	kind, err := kindOf(n.Field)
	if err != nil {
		return nil, err
	}
	p := obj{}
	bound := func(b query.Bound, incl, excl string) {
		if !b.Set {
			return
		}
		op := excl
		if b.Inclusive {
			op = incl
		}
		switch kind {
		case query.Date:
			p[op] = b.Time.UTC().Format(dateFormat)
		default:
			p[op] = b.Number
		}
	}
	if kind != query.Date && kind != query.Number {
		return nil, fmt.Errorf("field %s takes no range", n.Field)
	}
	bound(n.Lo, "gte", "gt")
	bound(n.Hi, "lte", "lt")
	return obj{"range": obj{n.Field: p}}, nil
}

func kindOf(field string) (query.FieldKind, error) {
	if field == "" {
		return query.Text, nil
	}
	f, ok := query.LookupField(field)
	if !ok {
		return 0, fmt.Errorf("no field %q", field)
	}
	return f.Kind, nil
}

func labelOf(field string) entity.Label {
	switch field {
	case index.FieldPersons:
		return entity.PER
	case index.FieldOrganizations:
		return entity.ORG
	}
	return entity.LOC
}
