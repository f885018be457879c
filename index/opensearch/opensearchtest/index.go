package opensearchtest

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
)

// token is one token of an analysed value.
type token struct {
	term string
	pos  int
}

// analyzer is an interpreted custom analyzer (or normalizer, without a tokenizer).
type analyzer struct {
	maxTokenLength int // of the whitespace tokenizer; 0 for a normalizer
	filters        []func([]token) []token
}

func (a *analyzer) analyze(s string) []token {
	if a.maxTokenLength == 0 { // a normalizer: the whole value is one token
		toks := []token{{s, 0}}
		for _, f := range a.filters {
			toks = f(toks)
		}
		return toks
	}
	var toks []token
	pos := -1
	for _, w := range strings.FieldsFunc(s, unicode.IsSpace) {
		r := []rune(w)
		for len(r) > 0 {
			n := min(len(r), a.maxTokenLength)
			pos++
			toks = append(toks, token{string(r[:n]), pos})
			r = r[n:]
		}
	}
	for _, f := range a.filters {
		toks = f(toks)
	}
	return toks
}

// field is a mapped field.
type field struct {
	typ        string // text, keyword, date, double
	index      bool
	analyzer   *analyzer // text
	normalizer *analyzer // keyword, may be nil
	subfields  map[string]*field
}

// memIndex is one emulated index.
type memIndex struct {
	name      string
	fields    map[string]*field // by full name (a.b for sub-fields)
	strict    bool
	excludes  []string
	analyzers map[string]*analyzer
	docs      map[string]*doc
	seq       int
}

// doc is a stored and indexed document.
type doc struct {
	id      string
	seq     int // insertion order: the tie-break of equal scores
	version int
	visible bool
	source  map[string]any
	text    map[string]map[string][]int // field → term → positions
	length  map[string]int              // field → number of tokens
	values  map[string][]any            // field → keyword strings, date ms (int64) or numbers
}

// newIndex builds an index from its settings and mappings.
func newIndex(name string, settings, mappings map[string]any) (*memIndex, *status) {
	x := &memIndex{name: name, fields: map[string]*field{}, docs: map[string]*doc{}}
	an := dig(settings, "analysis")
	if an == nil {
		an = dig(settings, "index", "analysis")
	}
	tokenizers, _ := an["tokenizer"].(map[string]any)
	filters, _ := an["filter"].(map[string]any)
	filterOf := func(name string) (func([]token) []token, *status) {
		switch name {
		case "lowercase":
			return mapTerms(strings.ToLower), nil
		case "asciifolding":
			return mapTerms(fold), nil
		}
		def, ok := filters[name].(map[string]any)
		if !ok {
			return nil, errf(http.StatusBadRequest, "illegal_argument_exception", "failed to find filter under name [%s]", name)
		}
		switch def["type"] {
		case "stop":
			stops := map[string]bool{}
			for _, w := range strs(def["stopwords"]) {
				stops[w] = true
			}
			return func(in []token) []token {
				out := in[:0]
				for _, t := range in {
					if !stops[t.term] {
						out = append(out, t)
					}
				}
				return out
			}, nil
		case "pattern_capture":
			var res []*regexp.Regexp
			for _, p := range strs(def["patterns"]) {
				re, err := regexp.Compile(p)
				if err != nil {
					return nil, errf(http.StatusBadRequest, "illegal_argument_exception", "bad pattern %q: %v", p, err)
				}
				res = append(res, re)
			}
			keep, _ := def["preserve_original"].(bool)
			return func(in []token) []token {
				var out []token
				for _, t := range in {
					seen := map[string]bool{}
					var caps []string
					if keep {
						caps = append(caps, t.term)
						seen[t.term] = true
					}
					for _, re := range res {
						for _, m := range re.FindAllStringSubmatch(t.term, -1) {
							for _, g := range m[1:] {
								if g != "" && !seen[g] {
									seen[g] = true
									caps = append(caps, g)
								}
							}
						}
					}
					if len(caps) == 0 {
						caps = []string{t.term}
					}
					for _, c := range caps {
						out = append(out, token{c, t.pos})
					}
				}
				return out
			}, nil
		}
		return nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest does not emulate filter type [%v]", def["type"])
	}
	build := func(def map[string]any, normalizer bool) (*analyzer, *status) {
		a := &analyzer{}
		if !normalizer {
			if def["type"] != "custom" {
				return nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest emulates only custom analyzers, not [%v]", def["type"])
			}
			tn, _ := def["tokenizer"].(string)
			td, ok := tokenizers[tn].(map[string]any)
			switch {
			case tn == "whitespace":
				a.maxTokenLength = 255
			case ok && td["type"] == "whitespace":
				a.maxTokenLength = 255
				if n, ok := td["max_token_length"].(float64); ok {
					a.maxTokenLength = int(n)
				}
			default:
				return nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest emulates only the whitespace tokenizer, not [%s]", tn)
			}
		}
		for _, fn := range strs(def["filter"]) {
			f, err := filterOf(fn)
			if err != nil {
				return nil, err
			}
			a.filters = append(a.filters, f)
		}
		return a, nil
	}
	analyzers := map[string]*analyzer{"whitespace": {maxTokenLength: 255}}
	if defs, ok := an["analyzer"].(map[string]any); ok {
		for n, d := range defs {
			d, _ := d.(map[string]any)
			a, err := build(d, false)
			if err != nil {
				return nil, err
			}
			analyzers[n] = a
		}
	}
	normalizers := map[string]*analyzer{}
	if defs, ok := an["normalizer"].(map[string]any); ok {
		for n, d := range defs {
			d, _ := d.(map[string]any)
			a, err := build(d, true)
			if err != nil {
				return nil, err
			}
			normalizers[n] = a
		}
	}
	x.analyzers = analyzers
	x.strict = mappings["dynamic"] == "strict"
	if src, ok := mappings["_source"].(map[string]any); ok {
		x.excludes = strs(src["excludes"])
	}
	var mapField func(name string, def map[string]any) (*field, *status)
	mapField = func(name string, def map[string]any) (*field, *status) {
		f := &field{index: true}
		f.typ, _ = def["type"].(string)
		if v, ok := def["index"].(bool); ok {
			f.index = v
		}
		switch f.typ {
		case "text":
			a := "standard"
			if s, ok := def["analyzer"].(string); ok {
				a = s
			}
			if f.analyzer = analyzers[a]; f.analyzer == nil && f.index {
				return nil, errf(http.StatusBadRequest, "mapper_parsing_exception", "analyzer [%s] has not been configured in mappings", a)
			}
		case "keyword":
			if n, ok := def["normalizer"].(string); ok {
				if f.normalizer = normalizers[n]; f.normalizer == nil {
					return nil, errf(http.StatusBadRequest, "mapper_parsing_exception", "normalizer [%s] not found for field [%s]", n, name)
				}
			}
		case "date", "double":
		case "object":
			if def["enabled"] != false {
				return nil, errf(http.StatusBadRequest, "mapper_parsing_exception", "opensearchtest emulates only objects with enabled: false, not [%s]", name)
			}
			f.index = false
		default:
			return nil, errf(http.StatusBadRequest, "mapper_parsing_exception", "opensearchtest does not emulate field type [%s] of [%s]", f.typ, name)
		}
		if subs, ok := def["fields"].(map[string]any); ok {
			f.subfields = map[string]*field{}
			for sn, sd := range subs {
				sd, _ := sd.(map[string]any)
				sf, err := mapField(name+"."+sn, sd)
				if err != nil {
					return nil, err
				}
				f.subfields[sn] = sf
				x.fields[name+"."+sn] = sf
			}
		}
		return f, nil
	}
	props, _ := mappings["properties"].(map[string]any)
	for n, d := range props {
		d, _ := d.(map[string]any)
		f, err := mapField(n, d)
		if err != nil {
			return nil, err
		}
		x.fields[n] = f
	}
	return x, nil
}

// dig returns the object at a path of keys.
func dig(m map[string]any, keys ...string) map[string]any {
	for _, k := range keys {
		m, _ = m[k].(map[string]any)
	}
	return m
}

func strs(v any) []string {
	var out []string
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
	case string:
		out = append(out, v)
	}
	return out
}

func mapTerms(f func(string) string) func([]token) []token {
	return func(in []token) []token {
		for i := range in {
			in[i].term = f(in[i].term)
		}
		return in
	}
}

// folding maps the accented Latin letters of news text to ASCII, as
// asciifolding does (which covers far more).
var folding = strings.NewReplacer(
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "é", "e", "è", "e", "ê", "e", "ë", "e",
	"í", "i", "ì", "i", "î", "i", "ï", "i", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o",
	"ú", "u", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n", "ý", "y", "ÿ", "y",
	"Á", "A", "À", "A", "Â", "A", "Ä", "A", "É", "E", "È", "E", "Ê", "E", "Í", "I", "Ó", "O", "Ö", "O",
	"Ú", "U", "Ü", "U", "Ç", "C", "Ñ", "N")

// fold removes accents, as asciifolding does for Latin letters.
func fold(s string) string { return folding.Replace(s) }

// parseDate reads a date as strict_date_optional_time does, into ms since the epoch.
func parseDate(s string) (int64, bool) {
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(l, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

// put indexes a document and returns the bulk item answer.
func (x *memIndex) put(id string, raw []byte) map[string]any {
	fail := func(code int, typ, reason string) map[string]any {
		return map[string]any{"_index": x.name, "_id": id, "status": code,
			"error": map[string]any{"type": typ, "reason": reason, "index": x.name}}
	}
	var src map[string]any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&src); err != nil {
		return fail(http.StatusBadRequest, "mapper_parsing_exception", "failed to parse: "+err.Error())
	}
	d := &doc{id: id, source: map[string]any{}, text: map[string]map[string][]int{}, length: map[string]int{}, values: map[string][]any{}}
	for k, v := range src {
		f, ok := x.fields[k]
		if !ok {
			if x.strict {
				return fail(http.StatusBadRequest, "strict_dynamic_mapping_exception",
					fmt.Sprintf("mapping set to strict, dynamic introduction of [%s] within [_doc] is not allowed", k))
			}
			continue
		}
		var vals []any
		if a, ok := v.([]any); ok {
			vals = a
		} else if v != nil {
			vals = []any{v}
		}
		if err := x.indexField(d, k, f, vals); err != "" {
			return fail(http.StatusBadRequest, "mapper_parsing_exception", fmt.Sprintf("failed to parse field [%s] of type [%s] in document with id '%s'. Preview of field's value: '%v'. %s", k, f.typ, id, v, err))
		}
		excluded := false
		for _, e := range x.excludes {
			if e == k {
				excluded = true
			}
		}
		if !excluded {
			d.source[k] = v
		}
	}
	result, code := "created", http.StatusCreated
	if old, ok := x.docs[id]; ok {
		d.version = old.version + 1
		result, code = "updated", http.StatusOK
	} else {
		d.version = 1
	}
	x.seq++
	d.seq = x.seq
	x.docs[id] = d
	return map[string]any{"_index": x.name, "_id": id, "_version": d.version, "result": result, "status": code,
		"_shards": map[string]any{"total": 2, "successful": 1, "failed": 0}}
}

// indexField indexes the values of one field; it returns an error text for a
// value of the wrong type.
func (x *memIndex) indexField(d *doc, name string, f *field, vals []any) string {
	for _, v := range vals {
		switch f.typ {
		case "object":
			continue // kept in _source only
		case "text":
			s, ok := v.(string)
			if !ok {
				return "not a string"
			}
			if !f.index {
				continue
			}
			if d.text[name] == nil {
				d.text[name] = map[string][]int{}
			}
			base := 0
			if n := d.length[name]; n > 0 {
				base = n + 100 // position_increment_gap
			}
			toks := f.analyzer.analyze(s)
			for _, t := range toks {
				d.text[name][t.term] = append(d.text[name][t.term], base+t.pos)
			}
			// Lucene counts the tokens, without those that share a position.
			last := -1
			for _, t := range toks {
				if t.pos != last {
					d.length[name]++
					last = t.pos
				}
			}
		case "keyword":
			s, ok := v.(string)
			if !ok {
				if n, isNum := v.(json.Number); isNum {
					s = n.String()
				} else {
					return "not a string"
				}
			}
			if f.normalizer != nil {
				s = f.normalizer.analyze(s)[0].term
			}
			d.values[name] = append(d.values[name], s)
		case "date":
			s, ok := v.(string)
			ms, okd := parseDate(s)
			if !ok || !okd {
				return "failed to parse date field [" + fmt.Sprint(v) + "] with format [strict_date_optional_time]"
			}
			d.values[name] = append(d.values[name], ms)
		case "double":
			n, ok := v.(json.Number)
			if !ok {
				return "For input string: \"" + fmt.Sprint(v) + "\""
			}
			fv, err := n.Float64()
			if err != nil {
				return err.Error()
			}
			d.values[name] = append(d.values[name], fv)
		}
		for sn, sf := range f.subfields {
			if err := x.indexField(d, name+"."+sn, sf, []any{v}); err != "" {
				return err
			}
		}
	}
	return ""
}

func (x *memIndex) delete(id string) map[string]any {
	if _, ok := x.docs[id]; !ok {
		return map[string]any{"_index": x.name, "_id": id, "result": "not_found", "status": http.StatusNotFound}
	}
	delete(x.docs, id)
	return map[string]any{"_index": x.name, "_id": id, "result": "deleted", "status": http.StatusOK}
}

func (x *memIndex) refresh() {
	for _, d := range x.docs {
		d.visible = true
	}
}

// visible returns the searchable documents in insertion order.
func (x *memIndex) visible() []*doc {
	var out []*doc
	for _, d := range x.docs {
		if d.visible {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].seq < out[j].seq })
	return out
}

// stats are the collection statistics of one text field, for BM25.
type stats struct {
	docs   int     // documents with the field
	avgLen float64 // their mean length
	df     map[string]int
}

func (x *memIndex) statsOf(docs []*doc, field string) *stats {
	st := &stats{df: map[string]int{}}
	total := 0
	for _, d := range docs {
		if n, ok := d.length[field]; ok {
			st.docs++
			total += n
			for t := range d.text[field] {
				st.df[t]++
			}
		}
	}
	if st.docs > 0 {
		st.avgLen = float64(total) / float64(st.docs)
	}
	return st
}

// bm25 scores a frequency freq of a term (or phrase) with document frequency
// df in a field of length n.
func (st *stats) bm25(freq float64, df, n int) float64 {
	const k1, b = 1.2, 0.75
	idf := math.Log(1 + (float64(st.docs)-float64(df)+0.5)/(float64(df)+0.5))
	norm := k1 * (1 - b + b*float64(n)/math.Max(st.avgLen, 1))
	return idf * freq / (freq + norm)
}
