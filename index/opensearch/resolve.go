package opensearch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// resolved maps an entity name of a request (label, NUL, name) to the stored
// keys it stands for, when a cluster request found them by part of the name.
type resolved map[string][]string

func resolvedKey(l entity.Label, name string) string { return string(l) + "\x00" + name }

// maxCandidates bounds the keys a partial name is looked up among.
const maxCandidates = 20

// resolveNames looks up, on the cluster, the person and place names of a
// request (filters and query clauses) whose key no article has, as the bleve
// backend's registry does: a person by part of the name (durov for Pavel
// Durov), a place without its head (Grobogan for Kabupaten Grobogan), an
// organisation by the initials of its name (KPU for Komisi Pemilihan Umum). A
// name that denotes one entity resolves to it; several are an
// *index.AmbiguousError.
func (x *Index) resolveNames(ctx context.Context, r *index.Request, st indexStats) (resolved, error) {
	type want struct {
		field, name string
	}
	var ws []want
	for _, f := range []struct {
		field  string
		values []string
	}{{index.FieldPersons, r.Persons}, {index.FieldOrganizations, r.Organizations}, {index.FieldPlaces, r.Places}} {
		for _, v := range f.values {
			ws = append(ws, want{f.field, v})
		}
	}
	if n, err := query.Parse(r.Query, x.limits(r.Limits)); err == nil && n != nil {
		query.Walk(n, func(c query.Node) bool {
			switch c := c.(type) {
			case *query.Word:
				if labelField(c.Field) {
					ws = append(ws, want{c.Field, c.Text})
				}
			case *query.Phrase:
				if labelField(c.Field) {
					ws = append(ws, want{c.Field, c.Text})
				}
			}
			return true
		})
	}
	out := resolved{}
	for _, w := range ws {
		l := labelOf(w.field)
		name := strings.Join(strings.Fields(w.name), " ")
		if _, done := out[resolvedKey(l, name)]; done || name == "" {
			continue
		}
		keys, err := x.resolveName(ctx, w.field, l, name, st)
		if err != nil {
			return nil, err
		}
		if l == entity.ORG {
			// A filter by an organisation finds its offices too (BMKG Ambon).
			base := keys
			if base == nil {
				base = entityKeys(l, name, st.learned)
			}
			units, err := x.units(ctx, index.EntityKeyWith(l, name, st.learned[l]), st)
			if err != nil {
				return nil, err
			}
			if len(units) > 0 {
				keys = append(append([]string(nil), base...), units...)
			}
		}
		if keys != nil {
			out[resolvedKey(l, name)] = keys
		}
	}
	return out, nil
}

// labelField reports whether a query field is an entity field.
func labelField(f string) bool {
	return f == index.FieldPersons || f == index.FieldOrganizations || f == index.FieldPlaces
}

// resolveName returns the keys of the one entity a partial name denotes, nil
// when the name is an entity's own (or denotes none).
func (x *Index) resolveName(ctx context.Context, field string, l entity.Label, name string, st indexStats) ([]string, error) {
	key := index.EntityKeyWith(l, name, st.learned[l])
	if key == "" {
		return nil, nil
	}
	lit := quoteRegexp(key)
	var re string
	switch l {
	case entity.PER:
		re = "(.+ )?" + lit + "( .+)?"
	case entity.LOC:
		var heads []string
		for _, h := range index.PlaceHeads() {
			heads = append(heads, quoteRegexp(h))
		}
		re = "((" + strings.Join(heads, "|") + ") )*" + lit
	case entity.ORG:
		// An acronym: keys whose words (function words aside) start with its
		// letters, checked below as the registry checks them.
		if strings.Contains(key, " ") || len([]rune(key)) < 2 {
			return nil, nil
		}
		var skip []string
		for _, w := range index.AcronymSkip() {
			skip = append(skip, quoteRegexp(w))
		}
		sk := "(" + strings.Join(skip, "|") + ")"
		var parts []string
		for _, c := range key {
			parts = append(parts, quoteRegexp(string(c))+"[^ ]*")
		}
		re = "(" + sk + " )*" + strings.Join(parts, "( "+sk+")* ") + "( " + sk + ")*"
	default:
		return nil, nil
	}
	body := obj{"size": 0, "track_total_hits": false, "aggs": obj{"keys": obj{"terms": obj{
		"field": field + KeySuffix, "include": re, "size": maxCandidates, "order": []any{obj{"_count": "desc"}, obj{"_key": "asc"}}},
		"aggs": obj{aggNames: obj{"terms": obj{"field": field, "size": 20}}}}}}
	var res searchResponse
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
		return nil, fmt.Errorf("opensearch: looking up %s %q: %w", field, name, err)
	}
	var agg struct {
		Buckets []struct {
			Key   string `json:"key"`
			Names struct {
				Buckets []struct {
					Key string `json:"key"`
				} `json:"buckets"`
			} `json:"names"`
		} `json:"buckets"`
	}
	if raw, ok := res.Aggregations["keys"]; ok {
		if err := jsonUnmarshal(raw, &agg); err != nil {
			return nil, fmt.Errorf("opensearch: looking up %s %q: %w", field, name, err)
		}
	}
	exact := entityKeys(l, name, st.learned)
	var cands []string
	display := map[string]string{}
	for _, b := range agg.Buckets {
		if slices.Contains(exact, b.Key) {
			return nil, nil // the name is an entity's own
		}
		if l == entity.ORG && !index.IsInitials(key, strings.Fields(b.Key)) {
			continue
		}
		cands = append(cands, b.Key)
		display[b.Key] = b.Key
		for _, n := range b.Names.Buckets {
			if index.EntityKey(l, n.Key) == b.Key {
				display[b.Key] = n.Key
				break
			}
		}
	}
	switch len(cands) {
	case 0:
		return nil, nil
	case 1:
		return entityKeys(l, display[cands[0]], st.learned), nil
	}
	e := &index.AmbiguousError{Field: field, Name: name}
	for _, c := range cands {
		e.Candidates = append(e.Candidates, display[c])
	}
	return nil, fmt.Errorf("search: %w", e)
}

// quoteRegexp escapes a literal for Lucene's regular expressions, whose
// reserved characters are . ? + * | { } [ ] ( ) " \ # @ & < > ~.
func quoteRegexp(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`.?+*|{}[]()"\#@&<>~`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// units returns the keys of the offices and branches of the organisation with
// the given key, as the registry links them: an organisation whose name is one
// word that names this one (its acronym or alias) followed by a place the index
// knows (BMKG Ambon for Badan Meteorologi, Klimatologi, dan Geofisika).
func (x *Index) units(ctx context.Context, key string, st indexStats) ([]string, error) {
	if key == "" {
		return nil, nil
	}
	var words []string
	add := func(w string) {
		if w != "" && !strings.Contains(w, " ") && !slices.Contains(words, w) {
			words = append(words, w)
		}
	}
	add(key)
	for _, a := range entity.Aliases() {
		if index.EntityKey(entity.ORG, a.Full) == key {
			add(index.AliasKey(a.Short))
		}
	}
	for alias, target := range st.learned[entity.ORG] {
		if index.EntityKeyWith(entity.ORG, target, st.learned[entity.ORG]) == key {
			add(alias)
		}
	}
	if len(words) == 0 {
		return nil, nil
	}
	slices.Sort(words)
	var alts []string
	for _, w := range words {
		alts = append(alts, quoteRegexp(w))
	}
	cands, err := x.keysLike(ctx, index.FieldOrganizations, "("+strings.Join(alts, "|")+") .+")
	if err != nil || len(cands) == 0 {
		return nil, err
	}
	var rests []string
	for _, c := range cands {
		_, rest, _ := strings.Cut(c, " ")
		rests = append(rests, quoteRegexp(rest))
	}
	places, err := x.keysLike(ctx, index.FieldPlaces, strings.Join(rests, "|"))
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range cands {
		_, rest, _ := strings.Cut(c, " ")
		if slices.Contains(places, rest) {
			out = append(out, c)
		}
	}
	return out, nil
}

// keysLike returns the stored keys of an entity field that match a regular
// expression (Lucene's syntax), at most maxUnits.
func (x *Index) keysLike(ctx context.Context, field, re string) ([]string, error) {
	body := obj{"size": 0, "track_total_hits": false, "aggs": obj{"keys": obj{"terms": obj{
		"field": field + KeySuffix, "include": re, "size": maxUnits}}}}
	var res searchResponse
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
		return nil, fmt.Errorf("opensearch: looking up %s: %w", field, err)
	}
	var agg struct {
		Buckets []struct {
			Key string `json:"key"`
		} `json:"buckets"`
	}
	if raw, ok := res.Aggregations["keys"]; ok {
		if err := jsonUnmarshal(raw, &agg); err != nil {
			return nil, fmt.Errorf("opensearch: looking up %s: %w", field, err)
		}
	}
	var out []string
	for _, b := range agg.Buckets {
		out = append(out, b.Key)
	}
	return out, nil
}

// maxUnits bounds the offices of an organisation a filter includes.
const maxUnits = 200
