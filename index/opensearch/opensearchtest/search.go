package opensearchtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"path"
	"regexp"
	"sort"
	"strings"
	"time"
)

// searcher evaluates queries over a snapshot of the visible documents.
type searcher struct {
	x     *memIndex
	docs  []*doc
	stats map[string]*stats
}

func (s *searcher) statsOf(field string) *stats {
	st, ok := s.stats[field]
	if !ok {
		st = s.x.statsOf(s.docs, field)
		s.stats[field] = st
	}
	return st
}

// query is a compiled query: for a document, whether it matches and its score.
type query func(d *doc) (bool, float64)

func bad(format string, args ...any) *status {
	return errf(http.StatusBadRequest, "parsing_exception", format, args...)
}

// one returns the single key and value of a JSON object.
func one(v any, what string) (string, any, *status) {
	m, ok := v.(map[string]any)
	if !ok || len(m) != 1 {
		return "", nil, bad("[%s] malformed query, expected an object with one key but found %v", what, v)
	}
	for k, v := range m {
		return k, v, nil
	}
	panic("unreachable")
}

// fieldParams splits {"field": value} or {"field": {"value"/"query": …, params}}.
func fieldParams(v any, what string, key string) (string, any, map[string]any, *status) {
	f, p, err := one(v, what)
	if err != nil {
		return "", nil, nil, err
	}
	if m, ok := p.(map[string]any); ok {
		val, ok := m[key]
		if !ok {
			return "", nil, nil, bad("[%s] query does not support [%v]", what, m)
		}
		return f, val, m, nil
	}
	return f, p, map[string]any{}, nil
}

func boostOf(m map[string]any) float64 {
	if b, ok := m["boost"].(json.Number); ok {
		f, _ := b.Float64()
		return f
	}
	return 1
}

func (s *searcher) compile(v any) (query, *status) {
	kind, body, err := one(v, "query")
	if err != nil {
		return nil, err
	}
	switch kind {
	case "match_all":
		b := boostOf(body.(map[string]any))
		return func(*doc) (bool, float64) { return true, b }, nil
	case "match_none":
		return func(*doc) (bool, float64) { return false, 0 }, nil
	case "bool":
		return s.boolQuery(body)
	case "term":
		f, val, params, err := fieldParams(body, kind, "value")
		if err != nil {
			return nil, err
		}
		return s.termQuery(f, fmt.Sprint(val), boostOf(params))
	case "terms":
		m, _ := body.(map[string]any)
		var qs []query
		for f, vals := range m {
			if f == "boost" {
				continue
			}
			arr, ok := vals.([]any)
			if !ok {
				return nil, bad("[terms] query requires an array of values for [%s]", f)
			}
			for _, v := range arr {
				q, err := s.termQuery(f, fmt.Sprint(v), 1)
				if err != nil {
					return nil, err
				}
				qs = append(qs, q)
			}
		}
		return func(d *doc) (bool, float64) {
			for _, q := range qs {
				if ok, _ := q(d); ok {
					return true, 1
				}
			}
			return false, 0
		}, nil
	case "match_phrase":
		f, val, params, err := fieldParams(body, kind, "query")
		if err != nil {
			return nil, err
		}
		return s.phraseQuery(f, fmt.Sprint(val), params)
	case "prefix", "wildcard", "fuzzy":
		f, val, params, err := fieldParams(body, kind, "value")
		if err != nil {
			return nil, err
		}
		return s.patternQuery(kind, f, fmt.Sprint(val), params)
	case "range":
		return s.rangeQuery(body)
	case "function_score":
		return s.functionScore(body)
	case "exists":
		m, _ := body.(map[string]any)
		f, _ := m["field"].(string)
		return func(d *doc) (bool, float64) {
			_, t := d.length[f]
			return t || len(d.values[f]) > 0, 1
		}, nil
	}
	return nil, bad("opensearchtest does not emulate the [%s] query", kind)
}

func (s *searcher) boolQuery(body any) (query, *status) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, bad("[bool] malformed query")
	}
	list := func(k string) ([]query, *status) {
		var vs []any
		switch v := m[k].(type) {
		case nil:
		case []any:
			vs = v
		default:
			vs = []any{v}
		}
		var out []query
		for _, v := range vs {
			q, err := s.compile(v)
			if err != nil {
				return nil, err
			}
			out = append(out, q)
		}
		return out, nil
	}
	must, err := list("must")
	if err != nil {
		return nil, err
	}
	should, err := list("should")
	if err != nil {
		return nil, err
	}
	filter, err := list("filter")
	if err != nil {
		return nil, err
	}
	not, err := list("must_not")
	if err != nil {
		return nil, err
	}
	for k := range m {
		switch k {
		case "must", "should", "filter", "must_not", "minimum_should_match", "boost":
		default:
			return nil, bad("[bool] query does not support [%s]", k)
		}
	}
	minShould := 0
	if len(must) == 0 && len(filter) == 0 && len(should) > 0 {
		minShould = 1
	}
	if v, ok := m["minimum_should_match"].(json.Number); ok {
		n, _ := v.Int64()
		minShould = int(n)
	}
	boost := boostOf(m)
	return func(d *doc) (bool, float64) {
		score := 0.0
		for _, q := range must {
			ok, sc := q(d)
			if !ok {
				return false, 0
			}
			score += sc
		}
		for _, q := range filter {
			if ok, _ := q(d); !ok {
				return false, 0
			}
		}
		for _, q := range not {
			if ok, _ := q(d); ok {
				return false, 0
			}
		}
		n := 0
		for _, q := range should {
			if ok, sc := q(d); ok {
				n++
				score += sc
			}
		}
		if n < minShould {
			return false, 0
		}
		return true, score * boost
	}, nil
}

func (s *searcher) fieldOf(name string) (*field, *status) {
	f, ok := s.x.fields[name]
	if !ok {
		return nil, nil // an unmapped field matches nothing, as on a cluster
	}
	if !f.index {
		return nil, errf(http.StatusBadRequest, "query_shard_exception", "failed to create query: Cannot search on field [%s] since it is not indexed.", name)
	}
	return f, nil
}

func (s *searcher) termQuery(name, value string, boost float64) (query, *status) {
	f, err := s.fieldOf(name)
	if err != nil || f == nil {
		return func(*doc) (bool, float64) { return false, 0 }, err
	}
	switch f.typ {
	case "text":
		st := s.statsOf(name)
		return func(d *doc) (bool, float64) {
			pos := d.text[name][value]
			if len(pos) == 0 {
				return false, 0
			}
			return true, boost * st.bm25(float64(len(pos)), st.df[value], d.length[name])
		}, nil
	case "keyword":
		if f.normalizer != nil {
			value = f.normalizer.analyze(value)[0].term
		}
		return func(d *doc) (bool, float64) {
			for _, v := range d.values[name] {
				if v == value {
					return true, boost
				}
			}
			return false, 0
		}, nil
	}
	return nil, bad("opensearchtest does not emulate a term query on a [%s] field", f.typ)
}

func (s *searcher) phraseQuery(name, text string, params map[string]any) (query, *status) {
	f, err := s.fieldOf(name)
	if err != nil || f == nil {
		return func(*doc) (bool, float64) { return false, 0 }, err
	}
	if f.typ != "text" {
		return s.termQuery(name, text, boostOf(params))
	}
	a := f.analyzer
	if n, ok := params["analyzer"].(string); ok {
		if a = s.x.analyzers[n]; a == nil {
			return nil, bad("[match_phrase] analyzer [%s] not found", n)
		}
	}
	slop := 0
	if v, ok := params["slop"].(json.Number); ok {
		n, _ := v.Int64()
		slop = int(n)
	}
	toks := a.analyze(text)
	if len(toks) == 0 {
		return func(*doc) (bool, float64) { return false, 0 }, nil
	}
	// Alternatives by relative position.
	first := toks[0].pos
	var slots [][]string
	var offs []int
	for _, t := range toks {
		rel := t.pos - first
		if len(offs) == 0 || offs[len(offs)-1] != rel {
			offs = append(offs, rel)
			slots = append(slots, nil)
		}
		slots[len(slots)-1] = append(slots[len(slots)-1], t.term)
	}
	st := s.statsOf(name)
	boost := boostOf(params)
	return func(d *doc) (bool, float64) {
		terms := d.text[name]
		at := func(slot int, p int) bool {
			for _, t := range slots[slot] {
				for _, q := range terms[t] {
					if q == p {
						return true
					}
				}
			}
			return false
		}
		freq := 0
		for _, t := range slots[0] {
			for _, p := range terms[t] {
				ok := true
				for k := 1; k < len(slots) && ok; k++ {
					found := false
					for dp := -slop; dp <= slop && !found; dp++ {
						found = at(k, p+offs[k]+dp)
					}
					ok = found
				}
				if ok {
					freq++
				}
			}
		}
		if freq == 0 {
			return false, 0
		}
		idf := 0.0
		for _, sl := range slots {
			df := 0
			for _, t := range sl {
				df = max(df, st.df[t])
			}
			idf += st.bm25(float64(freq), df, d.length[name])
		}
		return true, boost * idf
	}, nil
}

func (s *searcher) patternQuery(kind, name, value string, params map[string]any) (query, *status) {
	f, err := s.fieldOf(name)
	if err != nil || f == nil {
		return func(*doc) (bool, float64) { return false, 0 }, err
	}
	var match func(string) bool
	switch kind {
	case "prefix":
		match = func(t string) bool { return strings.HasPrefix(t, value) }
	case "wildcard":
		// path.Match's * and ? are Lucene's, and a backslash escapes in both;
		// [ has no special meaning in Lucene.
		pat := strings.ReplaceAll(value, "[", `\[`)
		if _, err := path.Match(pat, ""); err != nil {
			return nil, bad("[wildcard] bad pattern [%s]", value)
		}
		match = func(t string) bool { ok, _ := path.Match(pat, strings.ReplaceAll(t, "/", "\x00")); return ok }
	case "fuzzy":
		dist := 2
		if v, ok := params["fuzziness"]; ok {
			switch v := v.(type) {
			case json.Number:
				n, _ := v.Int64()
				dist = int(n)
			case string:
				fmt.Sscan(v, &dist)
			}
		}
		trans := true
		if v, ok := params["transpositions"].(bool); ok {
			trans = v
		}
		match = func(t string) bool { return editDistance(t, value, trans) <= dist }
	}
	terms := func(d *doc) []string {
		var out []string
		if f.typ == "text" {
			for t := range d.text[name] {
				if match(t) {
					out = append(out, t)
				}
			}
			return out
		}
		for _, v := range d.values[name] {
			if s, ok := v.(string); ok && match(s) {
				out = append(out, s)
			}
		}
		return out
	}
	boost := boostOf(params)
	return func(d *doc) (bool, float64) {
		if len(terms(d)) > 0 {
			return true, boost // constant score, as the default rewrite
		}
		return false, 0
	}, nil
}

// editDistance is the Levenshtein distance of two strings in runes, with
// transpositions counted as one edit when trans is set.
func editDistance(a, b string, trans bool) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
			if trans && i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

func (s *searcher) rangeQuery(body any) (query, *status) {
	name, p, err := one(body, "range")
	if err != nil {
		return nil, err
	}
	params, _ := p.(map[string]any)
	f, serr := s.fieldOf(name)
	if serr != nil || f == nil {
		return func(*doc) (bool, float64) { return false, 0 }, serr
	}
	num := func(v any) (float64, *status) {
		switch f.typ {
		case "date":
			sv, _ := v.(string)
			ms, ok := parseDate(sv)
			if !ok {
				return 0, errf(http.StatusBadRequest, "parse_exception", "failed to parse date field [%v] with format [strict_date_optional_time]", v)
			}
			return float64(ms), nil
		case "double":
			n, ok := v.(json.Number)
			if !ok {
				return 0, bad("[range] bad number [%v]", v)
			}
			fv, _ := n.Float64()
			return fv, nil
		}
		return 0, bad("opensearchtest does not emulate a range on a [%s] field", f.typ)
	}
	type cond struct {
		op string
		v  float64
	}
	var conds []cond
	for op, v := range params {
		switch op {
		case "gt", "gte", "lt", "lte":
			n, err := num(v)
			if err != nil {
				return nil, err
			}
			conds = append(conds, cond{op, n})
		case "boost", "format":
		default:
			return nil, bad("[range] query does not support [%s]", op)
		}
	}
	return func(d *doc) (bool, float64) {
		for _, v := range d.values[name] {
			var x float64
			switch v := v.(type) {
			case int64:
				x = float64(v)
			case float64:
				x = v
			default:
				continue
			}
			ok := true
			for _, c := range conds {
				switch c.op {
				case "gt":
					ok = ok && x > c.v
				case "gte":
					ok = ok && x >= c.v
				case "lt":
					ok = ok && x < c.v
				case "lte":
					ok = ok && x <= c.v
				}
			}
			if ok {
				return true, 1
			}
		}
		return false, 0
	}, nil
}

// searchRequest is the body of _search, all of it: unknown keys are refused.
type searchRequest struct {
	Query          any              `json:"query"`
	From           int              `json:"from"`
	Size           *int             `json:"size"`
	TrackTotalHits any              `json:"track_total_hits"`
	Source         *json.RawMessage `json:"_source"`
	Sort           []any            `json:"sort"`
	SearchAfter    []any            `json:"search_after"`
	Aggs           map[string]any   `json:"aggs"`
}

type scored struct {
	d     *doc
	score float64
}

func (x *memIndex) search(body []byte) (int, any, *status) {
	var req searchRequest
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	dec.UseNumber()
	if len(bytes.TrimSpace(body)) > 0 {
		if err := dec.Decode(&req); err != nil {
			return 0, nil, bad("%v", err)
		}
	}
	s := &searcher{x: x, docs: x.visible(), stats: map[string]*stats{}}
	q := query(func(*doc) (bool, float64) { return true, 1 })
	if req.Query != nil {
		var err *status
		if q, err = s.compile(req.Query); err != nil {
			return 0, nil, err
		}
	}
	var hits []scored
	for _, d := range s.docs {
		if ok, sc := q(d); ok {
			hits = append(hits, scored{d, sc})
		}
	}
	less, keys, serr := sorter(req.Sort)
	if serr != nil {
		return 0, nil, serr
	}
	sort.SliceStable(hits, func(i, j int) bool { return less(hits[i], hits[j]) })
	total := len(hits)
	if req.SearchAfter != nil {
		if len(req.SearchAfter) != len(keys) || req.Sort == nil {
			return 0, nil, bad("search_after has %d values for %d sort keys", len(req.SearchAfter), len(keys))
		}
		after := scored{d: &doc{values: map[string][]any{}}, score: 0}
		for i, k := range keys {
			switch v := req.SearchAfter[i].(type) {
			case json.Number:
				f, _ := v.Float64()
				if k.field == "_score" {
					after.score = f
				} else {
					after.d.values[k.field] = []any{f}
				}
			case string:
				after.d.values[k.field] = []any{v}
			}
		}
		after.d.seq = math.MaxInt
		i := sort.Search(len(hits), func(i int) bool { return less(after, hits[i]) })
		hits = hits[i:]
	}
	size := 10
	if req.Size != nil {
		size = *req.Size
	}
	var includes []string
	if req.Source != nil {
		var src struct {
			Includes []string `json:"includes"`
		}
		if err := json.Unmarshal(*req.Source, &src); err != nil {
			return 0, nil, bad("[_source] %v", err)
		}
		includes = src.Includes
	}
	out := []any{}
	maxScore := 0.0
	for i, h := range hits {
		maxScore = max(maxScore, h.score)
		if i < req.From || i >= req.From+size {
			continue
		}
		src := map[string]any{}
		for k, v := range h.d.source {
			if includes == nil || contains(includes, k) {
				src[k] = v
			}
		}
		hit := map[string]any{"_index": x.name, "_id": h.d.id, "_score": h.score, "_source": src}
		if req.Sort != nil {
			hit["_score"] = nil // as without track_scores
			var sv []any
			for _, k := range keys {
				if k.field == "_score" {
					sv = append(sv, h.score)
				} else if v, ok := sortValue(h.d, k.field, k.desc); ok {
					sv = append(sv, v)
				} else {
					sv = append(sv, nil)
				}
			}
			hit["sort"] = sv
		}
		out = append(out, hit)
	}
	res := map[string]any{
		"took": 1, "timed_out": false,
		"_shards": map[string]any{"total": 1, "successful": 1, "skipped": 0, "failed": 0},
		"hits":    map[string]any{"total": map[string]any{"value": total, "relation": "eq"}, "max_score": maxScore, "hits": out},
	}
	if len(req.Aggs) > 0 {
		matched := make([]*doc, len(hits))
		for i, h := range hits {
			matched[i] = h.d
		}
		aggs, err := s.aggregate(req.Aggs, matched)
		if err != nil {
			return 0, nil, err
		}
		res["aggregations"] = aggs
	}
	return http.StatusOK, res, nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// sortKey is one key of a sort.
type sortKey struct {
	field   string
	desc    bool
	missing string
}

// sorter compiles a sort: by score (best first) and insertion order when empty.
func sorter(spec []any) (func(a, b scored) bool, []sortKey, *status) {
	type key = sortKey
	var keys []key
	for _, s := range spec {
		name, p, err := one(s, "sort")
		if err != nil {
			return nil, nil, err
		}
		params, _ := p.(map[string]any)
		k := key{field: name, missing: "_last", desc: name == "_score"}
		if o, ok := params["order"].(string); ok {
			k.desc = o == "desc"
		}
		if m, ok := params["missing"].(string); ok {
			k.missing = m
		}
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		keys = []key{{field: "_score", desc: true}}
	}
	return func(a, b scored) bool {
		for _, k := range keys {
			if k.field == "_score" {
				if a.score != b.score {
					return a.score > b.score == k.desc
				}
				continue
			}
			va, oka := sortValue(a.d, k.field, k.desc)
			vb, okb := sortValue(b.d, k.field, k.desc)
			switch {
			case !oka && !okb:
				continue
			case !oka || !okb:
				return oka == (k.missing == "_last")
			case compare(va, vb) != 0:
				return compare(va, vb) > 0 == k.desc
			}
		}
		return a.d.seq < b.d.seq
	}, keys, nil
}

// compare orders two sort values: numbers, or strings.
func compare(a, b any) int {
	switch a := a.(type) {
	case float64:
		if b, ok := b.(float64); ok {
			switch {
			case a < b:
				return -1
			case a > b:
				return 1
			}
			return 0
		}
	case string:
		if b, ok := b.(string); ok {
			return strings.Compare(a, b)
		}
	}
	return 0
}

// sortValue is the value a document sorts on: its smallest value ascending,
// its largest descending; a number (dates in ms) or a keyword.
func sortValue(d *doc, field string, desc bool) (any, bool) {
	var out any
	for _, v := range d.values[field] {
		var x any
		switch v := v.(type) {
		case int64:
			x = float64(v)
		case float64, string:
			x = v
		default:
			continue
		}
		if out == nil || desc && compare(x, out) > 0 || !desc && compare(x, out) < 0 {
			out = x
		}
	}
	return out, out != nil
}

func (s *searcher) aggregate(aggs map[string]any, docs []*doc) (map[string]any, *status) {
	out := map[string]any{}
	for name, def := range aggs {
		m, ok := def.(map[string]any)
		if !ok {
			return nil, bad("[%s] aggregation is not an object", name)
		}
		var kind string
		var body map[string]any
		var sub map[string]any
		for k, v := range m {
			switch k {
			case "aggs", "aggregations":
				sub, _ = v.(map[string]any)
			default:
				if kind != "" {
					return nil, bad("[%s] aggregation has two types [%s] and [%s]", name, kind, k)
				}
				kind = k
				body, _ = v.(map[string]any)
			}
		}
		var res map[string]any
		var err *status
		switch kind {
		case "terms":
			res, err = s.termsAgg(body, sub, docs)
			sub = nil
		case "composite":
			res, err = s.compositeAgg(body, sub, docs)
			sub = nil
		case "filters":
			res, err = s.filtersAgg(body, docs)
		case "date_histogram":
			res, err = histogram(body, docs)
		case "global":
			res = map[string]any{"doc_count": len(s.docs)}
			if sub != nil {
				subs, err := s.aggregate(sub, s.docs)
				if err != nil {
					return nil, err
				}
				for k, v := range subs {
					res[k] = v
				}
			}
			sub = nil
		case "min", "max":
			res = minMax(kind, body, docs)
		default:
			return nil, bad("opensearchtest does not emulate the [%s] aggregation", kind)
		}
		if err != nil {
			return nil, err
		}
		if sub != nil {
			return nil, bad("opensearchtest emulates sub-aggregations only under global, terms and composite")
		}
		out[name] = res
	}
	return out, nil
}

func intParam(m map[string]any, k string, def int) int {
	if v, ok := m[k].(json.Number); ok {
		n, _ := v.Int64()
		return int(n)
	}
	return def
}

func (s *searcher) termsAgg(body, sub map[string]any, docs []*doc) (map[string]any, *status) {
	field, _ := body["field"].(string)
	size := intParam(body, "size", 10)
	var include *regexp.Regexp
	var exact map[string]bool // include as an array: exact values
	switch inc := body["include"].(type) {
	case string:
		// Lucene's syntax, for the part of it Go's shares: anchored.
		re, err := regexp.Compile("^(?:" + inc + ")$")
		if err != nil {
			return nil, bad("[terms] include [%s]: %v", inc, err)
		}
		include = re
	case []any:
		exact = map[string]bool{}
		for _, v := range inc {
			s, ok := v.(string)
			if !ok {
				return nil, bad("[terms] include values must be strings, got [%v]", v)
			}
			exact[s] = true
		}
	case nil:
	default:
		return nil, bad("[terms] include must be a string or an array, got [%v]", inc)
	}
	counts := map[string]int{}
	members := map[string][]*doc{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, v := range d.values[field] {
			if s, ok := v.(string); ok && !seen[s] && (include == nil || include.MatchString(s)) && (exact == nil || exact[s]) {
				seen[s] = true
				counts[s]++
				members[s] = append(members[s], d)
			}
		}
	}
	type bucket struct {
		key string
		n   int
	}
	var bs []bucket
	for k, n := range counts {
		bs = append(bs, bucket{k, n})
	}
	// The order the backend asks for, which is also the default: count, then key.
	sort.Slice(bs, func(i, j int) bool {
		if bs[i].n != bs[j].n {
			return bs[i].n > bs[j].n
		}
		return bs[i].key < bs[j].key
	})
	other := 0
	if len(bs) > size {
		for _, b := range bs[size:] {
			other += b.n
		}
		bs = bs[:size]
	}
	out := []any{}
	for _, b := range bs {
		bucket := map[string]any{"key": b.key, "doc_count": b.n}
		if sub != nil {
			subs, err := s.aggregate(sub, members[b.key])
			if err != nil {
				return nil, err
			}
			for k, v := range subs {
				bucket[k] = v
			}
		}
		out = append(out, bucket)
	}
	return map[string]any{"doc_count_error_upper_bound": 0, "sum_other_doc_count": other, "buckets": out}, nil
}

// filtersAgg emulates a filters aggregation of named filters: buckets is an
// object of the names, each with the number of documents its filter matches.
func (s *searcher) filtersAgg(body map[string]any, docs []*doc) (map[string]any, *status) {
	named, ok := body["filters"].(map[string]any)
	if !ok || len(body) != 1 {
		return nil, bad("opensearchtest emulates filters aggregations of named filters only")
	}
	buckets := map[string]any{}
	for name, f := range named {
		q, err := s.compile(f)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, d := range docs {
			if ok, _ := q(d); ok {
				n++
			}
		}
		buckets[name] = map[string]any{"doc_count": n}
	}
	return map[string]any{"buckets": buckets}, nil
}

// compositeAgg emulates a composite aggregation of one terms source: the
// values of the field in ascending (byte) order, size of them after the
// "after" key, each bucket's key an object {source: value}, and after_key the
// key of the last bucket when there are buckets, as the cluster answers.
func (s *searcher) compositeAgg(body, sub map[string]any, docs []*doc) (map[string]any, *status) {
	size := intParam(body, "size", 10)
	if size <= 0 {
		return nil, bad("[composite] [size] must be greater than 0. Found [%d]", size)
	}
	sources, _ := body["sources"].([]any)
	if len(sources) != 1 {
		return nil, bad("opensearchtest emulates composite aggregations of one source, got %d", len(sources))
	}
	src, _ := sources[0].(map[string]any)
	if len(src) != 1 {
		return nil, bad("[composite] a source must be an object of one named source")
	}
	var name string
	var def map[string]any
	for k, v := range src {
		name = k
		def, _ = v.(map[string]any)
	}
	terms, ok := def["terms"].(map[string]any)
	if !ok || len(def) != 1 {
		return nil, bad("opensearchtest emulates only terms sources of composite aggregations")
	}
	field, _ := terms["field"].(string)
	after := ""
	hasAfter := false
	if a, ok := body["after"].(map[string]any); ok {
		v, ok := a[name].(string)
		if !ok || len(a) != 1 {
			return nil, bad("[composite] [after] has no string value for source [%s]", name)
		}
		after, hasAfter = v, true
	}
	members := map[string][]*doc{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, v := range d.values[field] {
			if s, ok := v.(string); ok && !seen[s] && (!hasAfter || s > after) {
				seen[s] = true
				members[s] = append(members[s], d)
			}
		}
	}
	keys := make([]string, 0, len(members))
	for k := range members {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	keys = keys[:min(size, len(keys))]
	out := []any{}
	for _, k := range keys {
		bucket := map[string]any{"key": map[string]any{name: k}, "doc_count": len(members[k])}
		if sub != nil {
			subs, err := s.aggregate(sub, members[k])
			if err != nil {
				return nil, err
			}
			for n, v := range subs {
				bucket[n] = v
			}
		}
		out = append(out, bucket)
	}
	res := map[string]any{"buckets": out}
	if len(keys) > 0 {
		res["after_key"] = map[string]any{name: keys[len(keys)-1]}
	}
	return res, nil
}

func histogram(body map[string]any, docs []*doc) (map[string]any, *status) {
	field, _ := body["field"].(string)
	interval, _ := body["calendar_interval"].(string)
	minCount := intParam(body, "min_doc_count", 0)
	if minCount < 1 {
		return nil, bad("opensearchtest emulates date_histogram only with min_doc_count >= 1")
	}
	start := func(ms int64) time.Time {
		t := time.UnixMilli(ms).UTC()
		switch interval {
		case "month", "1M":
			return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
		case "year", "1y":
			return time.Date(t.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
		}
		return time.Time{}
	}
	if start(0).IsZero() {
		return nil, bad("opensearchtest does not emulate calendar_interval [%s]", interval)
	}
	counts := map[int64]int{}
	for _, d := range docs {
		seen := map[int64]bool{}
		for _, v := range d.values[field] {
			if ms, ok := v.(int64); ok {
				k := start(ms).UnixMilli()
				if !seen[k] {
					seen[k] = true
					counts[k]++
				}
			}
		}
	}
	var keys []int64
	for k, n := range counts {
		if n >= minCount {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := []any{}
	for _, k := range keys {
		out = append(out, map[string]any{"key_as_string": time.UnixMilli(k).UTC().Format("2006-01-02T15:04:05.000Z"), "key": k, "doc_count": counts[k]})
	}
	return map[string]any{"buckets": out}, nil
}

func minMax(kind string, body map[string]any, docs []*doc) map[string]any {
	field, _ := body["field"].(string)
	var out *float64
	for _, d := range docs {
		for _, v := range d.values[field] {
			var x float64
			switch v := v.(type) {
			case int64:
				x = float64(v)
			case float64:
				x = v
			default:
				continue
			}
			if out == nil || kind == "min" && x < *out || kind == "max" && x > *out {
				out = &x
			}
		}
	}
	if out == nil {
		return map[string]any{"value": nil}
	}
	return map[string]any{"value": *out, "value_as_string": time.UnixMilli(int64(*out)).UTC().Format("2006-01-02T15:04:05.000Z")}
}

// count answers _count: the visible documents that match the body's query.
func (x *memIndex) count(body []byte) (int, any, *status) {
	var req struct {
		Query any `json:"query"`
	}
	if len(bytes.TrimSpace(body)) > 0 {
		dec := json.NewDecoder(bytes.NewReader(body))
		dec.DisallowUnknownFields()
		dec.UseNumber()
		if err := dec.Decode(&req); err != nil {
			return 0, nil, bad("%v", err)
		}
	}
	s := &searcher{x: x, docs: x.visible(), stats: map[string]*stats{}}
	n := len(s.docs)
	if req.Query != nil {
		q, err := s.compile(req.Query)
		if err != nil {
			return 0, nil, err
		}
		n = 0
		for _, d := range s.docs {
			if ok, _ := q(d); ok {
				n++
			}
		}
	}
	return http.StatusOK, map[string]any{"count": n, "_shards": map[string]any{"total": 1, "successful": 1, "skipped": 0, "failed": 0}}, nil
}

// functionScore emulates function_score with weight functions and exp decay on
// a date field, each with an optional filter, score_mode sum or multiply and
// boost_mode multiply or replace.
func (s *searcher) functionScore(body any) (query, *status) {
	m, ok := body.(map[string]any)
	if !ok {
		return nil, bad("[function_score] malformed query")
	}
	inner := query(func(*doc) (bool, float64) { return true, 1 })
	if q, ok := m["query"]; ok {
		var err *status
		if inner, err = s.compile(q); err != nil {
			return nil, err
		}
	}
	type fn struct {
		filter query
		weight float64
		decay  func(d *doc) float64 // nil: 1
	}
	var fns []fn
	list, _ := m["functions"].([]any)
	for _, f := range list {
		fm, _ := f.(map[string]any)
		one := fn{weight: 1}
		for k, v := range fm {
			switch k {
			case "weight":
				n, _ := v.(json.Number)
				one.weight, _ = n.Float64()
			case "filter":
				q, err := s.compile(v)
				if err != nil {
					return nil, err
				}
				one.filter = q
			case "exp":
				field, p, err := one_(v)
				if err != nil {
					return nil, err
				}
				origin, _ := p["origin"].(string)
				o, ok1 := parseDate(origin)
				scale, ok2 := parseMillis(p["scale"])
				decay := 0.5
				if n, ok := p["decay"].(json.Number); ok {
					decay, _ = n.Float64()
				}
				if !ok1 || !ok2 || scale <= 0 {
					return nil, bad("[exp] needs a date origin and a scale in ms, got %v", p)
				}
				lambda := math.Log(decay) / float64(scale)
				one.decay = func(d *doc) float64 {
					for _, v := range d.values[field] {
						if ms, ok := v.(int64); ok {
							return math.Exp(lambda * math.Abs(float64(ms-o)))
						}
					}
					return 1 // a document without the field: no decay, as on a cluster
				}
			default:
				return nil, bad("opensearchtest does not emulate function [%s]", k)
			}
		}
		fns = append(fns, one)
	}
	scoreMode, _ := m["score_mode"].(string)
	boostMode, _ := m["boost_mode"].(string)
	return func(d *doc) (bool, float64) {
		ok, score := inner(d)
		if !ok {
			return false, 0
		}
		f := 0.0
		if scoreMode == "multiply" {
			f = 1
		}
		any := false
		for _, fn := range fns {
			if fn.filter != nil {
				if ok, _ := fn.filter(d); !ok {
					continue
				}
			}
			v := fn.weight
			if fn.decay != nil {
				v *= fn.decay(d)
			}
			any = true
			if scoreMode == "multiply" {
				f *= v
			} else {
				f += v
			}
		}
		if !any {
			f = 1
		}
		if boostMode == "replace" {
			return true, f
		}
		return true, score * f
	}, nil
}

// one_ is one for a decay function's {field: params}.
func one_(v any) (string, map[string]any, *status) {
	k, p, err := one(v, "exp")
	if err != nil {
		return "", nil, err
	}
	m, _ := p.(map[string]any)
	return k, m, nil
}

// parseMillis reads a time value given in milliseconds ("2592000000ms").
func parseMillis(v any) (int64, bool) {
	s, ok := v.(string)
	if !ok {
		return 0, false
	}
	var n int64
	if _, err := fmt.Sscanf(s, "%dms", &n); err != nil {
		return 0, false
	}
	return n, true
}
