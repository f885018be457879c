package index

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index/query"
)

// titleBoost weighs a match in the title against one in the body.
const titleBoost = 2.0

// maxPatternBytes and maxFuzzyRunes bound the patterns a query may use: a
// longer pattern is not a word.
const (
	maxPatternBytes = 256
	maxFuzzyRunes   = 32
	maxTermBytes    = 1024 // longer indexed terms are not matched by patterns
)

// queryAnalyzer returns the analyzer "id" as queries and highlighting use it: the
// tokenizer of pipeline p, then normalisation, stopwords and stemming that keeps
// the surface form beside the stem, so that a query matches either. A word that
// the entity lists know as a given name or a place is not stemmed, in any case
// (see nameTokenizer).
func queryAnalyzer(p *ta.Pipeline) analysis.Analyzer {
	return &analysis.DefaultAnalyzer{
		Tokenizer:    nameTokenizer{&Tokenizer{Pipeline: p}},
		TokenFilters: []analysis.TokenFilter{NormalizeFilter{}, StopFilter{}, &StemFilter{KeepSurface: true}},
	}
}

// nameTokenizer is the Tokenizer of queries: a word that entity.IsName knows
// is a keyword, which the stemmer leaves alone, also when it is written in
// lower case. In a search box gunawan and kerinci are the names: their stems
// (guna, rinci) would find penggunaan and terperinci. In text, the pipeline
// keeps such a word whole when it is capitalised.
type nameTokenizer struct{ *Tokenizer }

// Tokenize implements bleve's analysis.Tokenizer.
func (z nameTokenizer) Tokenize(input []byte) analysis.TokenStream {
	ts := z.Tokenizer.Tokenize(input)
	for _, t := range ts {
		if !t.KeyWord && t.Type == analysis.AlphaNumeric && entity.IsName(string(t.Term)) {
			t.KeyWord = true
		}
	}
	return ts
}

// slots analyses text with an and returns its terms by relative position: slot i
// holds the variants (stem and surface) of the word at the i-th position after
// the first; a nil slot is a gap (a stopword or a sentence boundary).
func slots(an analysis.Analyzer, text string) [][]string {
	toks := an.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	first := toks[0].Position
	var out [][]string
	for _, t := range toks {
		i := t.Position - first
		for len(out) <= i {
			out = append(out, nil)
		}
		term := string(t.Term)
		dup := false
		for _, v := range out[i] {
			dup = dup || v == term
		}
		if !dup {
			out[i] = append(out[i], term)
		}
	}
	return out
}

// translator turns a parsed query into a bleve query for one search.
type translator struct {
	x        *Index
	ctx      context.Context
	an       analysis.Analyzer
	lim      query.Limits
	q        string // the query text, for errors
	expanded int    // terms the patterns expanded to so far
	warnings []string
	known    map[string]bool // field and term → in the field's dictionary
}

func (t *translator) warn(format string, args ...any) {
	t.warnings = append(t.warnings, fmt.Sprintf(format, args...))
}

func (t *translator) fail(n query.Node, limit bool, format string, args ...any) error {
	sp := n.Span()
	return &query.Error{Query: t.q, Pos: sp.Start, End: sp.End, Limit: limit, Msg: fmt.Sprintf(format, args...)}
}

// translate returns the bleve query of n; nil when n asks for nothing (only
// stopwords), with a warning.
func (t *translator) translate(n query.Node) (bquery.Query, error) {
	if err := t.ctx.Err(); err != nil {
		return nil, err
	}
	switch n := n.(type) {
	case *query.And:
		return t.and(n.Clauses)
	case *query.Or:
		any, err := query.TranslateOr(n.Clauses, t.translate)
		if err != nil {
			return nil, err
		}
		switch len(any) {
		case 0:
			return nil, nil
		case 1:
			return any[0], nil
		}
		return bquery.NewDisjunctionQuery(any), nil
	case *query.Not:
		q, err := t.translate(n.Clause)
		if err != nil || q == nil {
			return nil, err
		}
		return bquery.NewBooleanQuery([]bquery.Query{bquery.NewMatchAllQuery()}, nil, []bquery.Query{q}), nil
	case *query.Word:
		return t.text(n, n.Field, n.Text, false)
	case *query.Phrase:
		return t.text(n, n.Field, n.Text, true)
	case *query.Prefix, *query.Wildcard, *query.Fuzzy:
		return t.pattern(n)
	case *query.Range:
		return t.rangeQuery(n), nil
	}
	return nil, fmt.Errorf("search: unknown query clause %T", n)
}

// and translates clauses that must all match; the negated ones exclude. A clause
// repeated (telegram pengguna telegram pengguna …) counts once.
func (t *translator) and(clauses []query.Node) (bquery.Query, error) {
	return query.TranslateAnd(clauses, t.translate, bquery.Query(bquery.NewMatchAllQuery()),
		func(must, not []bquery.Query) bquery.Query { return bquery.NewBooleanQuery(must, nil, not) })
}

// fieldsOf returns the index fields a clause for field f searches.
func fieldsOf(f string) []string {
	if f == "" {
		return query.DefaultFields
	}
	return []string{f}
}

// text translates a word or a phrase.
func (t *translator) text(n query.Node, field, text string, phrase bool) (bquery.Query, error) {
	kind := query.Text
	if field != "" {
		f, _ := query.LookupField(field)
		kind = f.Kind
	}
	switch kind {
	case query.Entity:
		return t.entity(n, field, text)
	case query.Keyword:
		return t.keyword(n, field, text, false)
	}
	sl := slots(t.an, text)
	if len(sl) == 0 {
		t.warn("%s has no words that are searched (stopwords and punctuation are not indexed); it was left out", query.Format(n))
		return nil, nil
	}
	// Only the variants (stem, surface) that are in a field's dictionary: a
	// word is then one disjunction of the few terms that exist.
	var any []bquery.Query
	for _, f := range fieldsOf(field) {
		psl, ok, err := t.prune(f, sl)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		boost := 1.0
		if field == "" && f == FieldTitle {
			boost = titleBoost
		}
		if len(psl) == 1 {
			for _, term := range psl[0] {
				q := bquery.NewTermQuery(term)
				q.SetField(f)
				q.SetBoost(boost)
				any = append(any, q)
			}
			continue
		}
		any = append(any, &phraseQuery{field: f, slots: psl, boost: boost, cache: &t.x.posts})
	}
	switch len(any) {
	case 0:
		return bquery.NewMatchNoneQuery(), nil
	case 1:
		return any[0], nil
	}
	return bquery.NewDisjunctionQuery(any), nil
}

// prune returns the slots of a word or phrase with only the variants that
// field has in the index; ok is false when a slot (not a gap) has none left,
// so that the clause cannot match in field.
func (t *translator) prune(field string, sl [][]string) ([][]string, bool, error) {
	out := make([][]string, len(sl))
	for i, vs := range sl {
		if vs == nil {
			continue
		}
		for _, v := range vs {
			in, err := t.indexed(field, v)
			if err != nil {
				return nil, false, err
			}
			if in {
				out[i] = append(out[i], v)
			}
		}
		if out[i] == nil {
			return nil, false, nil
		}
	}
	return out, true, nil
}

// indexed reports whether term is in the dictionary of field, remembering the
// answers of one translation.
func (t *translator) indexed(field, term string) (bool, error) {
	k := field + "\x00" + term
	if v, ok := t.known[k]; ok {
		return v, nil
	}
	in, err := t.x.indexedAny(field, []string{term})
	if err != nil {
		return false, fmt.Errorf("search: %w", err)
	}
	if t.known == nil {
		t.known = map[string]bool{}
	}
	t.known[k] = in
	return in, nil
}

// termsQuery matches any of terms in field.
func termsQuery(field string, terms []string) bquery.BoostableQuery {
	if len(terms) == 1 {
		q := bquery.NewTermQuery(terms[0])
		q.SetField(field)
		return q
	}
	var any []bquery.Query
	for _, s := range terms {
		q := bquery.NewTermQuery(s)
		q.SetField(field)
		any = append(any, q)
	}
	return bquery.NewDisjunctionQuery(any)
}

// entity translates persons:, organizations: and places: through the entity
// registry: a name the index does not know matches nothing, with a warning.
func (t *translator) entity(n query.Node, field, name string) (bquery.Query, error) {
	name = strings.Join(strings.Fields(name), " ")
	values, err := t.x.resolveEntity(field, name)
	if err != nil {
		return nil, fmt.Errorf("search: %s: %w", query.Format(n), err)
	}
	if known, err := t.x.indexedAny(field, values); err != nil {
		return nil, fmt.Errorf("search: %s: %w", query.Format(n), err)
	} else if !known {
		t.warn("no %s named %q in the index", strings.TrimSuffix(field, "s"), name)
		return bleve.NewMatchNoneQuery(), nil
	}
	return termsQuery(field, values), nil
}

// indexedAny reports whether field has one of values in the index.
func (x *Index) indexedAny(field string, values []string) (bool, error) {
	for _, v := range values {
		d, err := x.b.FieldDictRange(field, []byte(v), []byte(v))
		if err != nil {
			return false, err
		}
		e, err := d.Next()
		d.Close()
		if err != nil {
			return false, err
		}
		if e != nil && e.Term == v {
			return true, nil
		}
	}
	return false, nil
}

// keyword translates source:, authors:, tags: and url: clauses: the values equal
// to text in any case (url: exactly), or those starting with it for a prefix.
func (t *translator) keyword(n query.Node, field, text string, prefix bool) (bquery.Query, error) {
	if field == FieldURL && !prefix {
		return termsQuery(field, []string{text}), nil
	}
	values, err := t.dictScan(n, field, func(term string) bool {
		if prefix {
			return len(term) >= len(text) && strings.EqualFold(term[:len(text)], text)
		}
		return strings.EqualFold(term, text)
	})
	if err != nil {
		return nil, err
	}
	if len(values) == 0 {
		t.warn("no %s %s in the index", field, query.Format(n))
		return bleve.NewMatchNoneQuery(), nil
	}
	return termsQuery(field, values), nil
}

// dictScan returns the terms of field for which keep is true, honouring the
// context and the expansion limit.
func (t *translator) dictScan(n query.Node, field string, keep func(string) bool) ([]string, error) {
	d, err := t.x.b.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("search: reading the terms of %s: %w", field, err)
	}
	defer d.Close()
	return t.collect(n, d, keep)
}

// collect reads a dictionary, keeping the terms keep accepts (nil: all).
func (t *translator) collect(n query.Node, d bindex.FieldDict, keep func(string) bool) ([]string, error) {
	var out []string
	for i := 0; ; i++ {
		if i%256 == 0 {
			if err := t.ctx.Err(); err != nil {
				return nil, err
			}
		}
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("search: reading terms: %w", err)
		}
		if e == nil {
			return out, nil
		}
		if len(e.Term) > maxTermBytes || (keep != nil && !keep(e.Term)) {
			continue
		}
		t.expanded++
		if t.expanded > t.lim.MaxExpansions {
			return nil, t.fail(n, true, "the patterns of the query match more than %d terms (the limit); make them longer", t.lim.MaxExpansions)
		}
		out = append(out, e.Term)
	}
}

// pattern translates a prefix, wildcard or fuzzy clause by expanding it to the
// indexed terms it matches, within the limits and the context's deadline.
func (t *translator) pattern(n query.Node) (bquery.Query, error) {
	var field string
	switch n := n.(type) {
	case *query.Prefix:
		field = n.Field
		if len(n.Text) > maxPatternBytes {
			return nil, t.fail(n, true, "pattern longer than %d bytes", maxPatternBytes)
		}
		if f, _ := query.LookupField(field); field != "" && f.Kind == query.Keyword {
			return t.keyword(n, field, n.Text, true)
		}
	case *query.Wildcard:
		field = n.Field
		if len(n.Pattern) > maxPatternBytes {
			return nil, t.fail(n, true, "pattern longer than %d bytes", maxPatternBytes)
		}
	case *query.Fuzzy:
		field = n.Field
		if utf8.RuneCountInString(n.Text) > maxFuzzyRunes {
			return nil, t.fail(n, true, "fuzzy word longer than %d characters", maxFuzzyRunes)
		}
	}
	var any []bquery.Query
	for _, f := range fieldsOf(field) {
		terms, err := t.expand(n, f)
		if err != nil {
			return nil, err
		}
		if len(terms) == 0 {
			continue
		}
		q := &termSet{field: f, terms: terms, boost: 1}
		if field == "" && f == FieldTitle {
			q.boost = titleBoost
		}
		any = append(any, q)
	}
	switch len(any) {
	case 0:
		t.warn("%s matches no indexed word", query.Format(n))
		return bleve.NewMatchNoneQuery(), nil
	case 1:
		return any[0], nil
	}
	return bquery.NewDisjunctionQuery(any), nil
}

// expand returns the terms of field a pattern clause matches.
func (t *translator) expand(n query.Node, field string) ([]string, error) {
	switch n := n.(type) {
	case *query.Prefix:
		d, err := t.x.b.FieldDictPrefix(field, []byte(n.Text))
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		defer d.Close()
		return t.collect(n, d, nil)
	case *query.Wildcard:
		lit := literalPrefix(n.Pattern)
		var d bindex.FieldDict
		var err error
		if lit != "" {
			d, err = t.x.b.FieldDictPrefix(field, []byte(lit))
		} else {
			d, err = t.x.b.FieldDict(field)
		}
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		defer d.Close()
		return t.collect(n, d, func(term string) bool { return globMatch(n.Pattern, term) })
	case *query.Fuzzy:
		r, err := t.x.b.Advanced()
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		ir, err := r.Reader()
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		defer ir.Close()
		fz, ok := ir.(bindex.IndexReaderFuzzy)
		if !ok {
			return nil, t.fail(n, false, "this index does not support fuzzy words")
		}
		d, err := fz.FieldDictFuzzy(field, n.Text, n.Distance, "")
		if err != nil {
			return nil, t.fail(n, false, "fuzzy word: %v", err)
		}
		defer d.Close()
		return t.collect(n, d, nil)
	}
	return nil, nil
}

// literalPrefix returns the characters of a wildcard pattern before its first
// wildcard, without escapes.
func literalPrefix(p string) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		switch p[i] {
		case '*', '?':
			return b.String()
		case '\\':
			if i+1 < len(p) {
				i++
			}
		}
		b.WriteByte(p[i])
	}
	return b.String()
}

// globMatch reports whether s matches the wildcard pattern p (* any run, ? one
// character, \x the character x). It backtracks only to the last *, so its time
// is at most len(p)·len(s).
func globMatch(p, s string) bool {
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(s) {
		if pi < len(p) {
			switch c := p[pi]; {
			case c == '*':
				star, mark = pi, si
				pi++
				continue
			case c == '?':
				_, w := utf8.DecodeRuneInString(s[si:])
				pi++
				si += w
				continue
			default:
				lit := c
				pw := 1
				if c == '\\' && pi+1 < len(p) {
					lit = p[pi+1]
					pw = 2
				}
				if s[si] == lit {
					pi += pw
					si++
					continue
				}
			}
		}
		if star < 0 {
			return false
		}
		// Let the last * take one more character.
		_, w := utf8.DecodeRuneInString(s[mark:])
		mark += w
		pi, si = star+1, mark
	}
	for pi < len(p) && p[pi] == '*' {
		pi++
	}
	return pi == len(p)
}

// rangeQuery translates a date or number range.
func (t *translator) rangeQuery(r *query.Range) bquery.Query {
	f, _ := query.LookupField(r.Field)
	loIncl, hiIncl := r.Lo.Inclusive, r.Hi.Inclusive
	if f.Kind == query.Date {
		// bleve stores dates as nanoseconds since 1970 in an int64 and takes
		// bounds in [1677-12-01, 2262-04-11]: a bound outside is open, a range
		// wholly outside matches nothing.
		first, last := bquery.MinRFC3339CompatibleTime, bquery.MaxRFC3339CompatibleTime
		lo, hi := r.Lo.Time, r.Hi.Time
		if (r.Hi.Set && !hi.After(first)) || (r.Lo.Set && !lo.Before(last)) {
			return bleve.NewMatchNoneQuery()
		}
		if r.Lo.Set && lo.Before(first) {
			lo = time.Time{}
		}
		if r.Hi.Set && hi.After(last) {
			hi = time.Time{}
		}
		if lo.IsZero() && hi.IsZero() {
			q := bquery.NewDateRangeInclusiveQuery(first, last, &loIncl, &hiIncl)
			q.SetField(r.Field)
			return q
		}
		q := bquery.NewDateRangeInclusiveQuery(lo, hi, &loIncl, &hiIncl)
		q.SetField(r.Field)
		return q
	}
	var lo, hi *float64
	if r.Lo.Set {
		lo = &r.Lo.Number
	}
	if r.Hi.Set {
		hi = &r.Hi.Number
	}
	q := bquery.NewNumericRangeInclusiveQuery(lo, hi, &loIncl, &hiIncl)
	q.SetField(r.Field)
	return q
}

// termSet is a bleve query for any of a set of terms of one field, which the
// translator found beforehand (the expansion of a pattern).
type termSet struct {
	field string
	terms []string
	boost float64
}

// termChunk is the number of terms of a termSet opened at once, between two
// looks at the context's deadline.
const termChunk = 256

// Searcher implements bleve's query.Query. It opens the terms' postings a chunk
// at a time and gives up when ctx is done.
func (q *termSet) Searcher(ctx context.Context, r bindex.IndexReader, m mapping.IndexMapping, opts search.SearcherOptions) (search.Searcher, error) {
	if len(q.terms) <= termChunk {
		return searcher.NewMultiTermSearcher(ctx, r, q.terms, q.field, q.boost, opts, true)
	}
	var parts []search.Searcher
	closeAll := func() {
		for _, p := range parts {
			p.Close()
		}
	}
	for lo := 0; lo < len(q.terms); lo += termChunk {
		if err := ctx.Err(); err != nil {
			closeAll()
			return nil, err
		}
		s, err := searcher.NewMultiTermSearcher(ctx, r, q.terms[lo:min(lo+termChunk, len(q.terms))], q.field, q.boost, opts, true)
		if err != nil {
			closeAll()
			return nil, err
		}
		parts = append(parts, s)
	}
	s, err := searcher.NewDisjunctionSearcher(ctx, r, parts, 0, opts)
	if err != nil {
		closeAll()
		return nil, err
	}
	return s, nil
}

// errQuery reports whether err is an error in the query (or a refusal), which
// the command line reports as a usage error.
func errQuery(err error) bool {
	var qe *query.Error
	return errors.As(err, &qe)
}
