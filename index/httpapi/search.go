package httpapi

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// SearchResult is the body of GET /api/search, the same JSON as "telaah search
// --json" with the page's offset and size.
type SearchResult struct {
	Total  uint64  `json:"total"`
	TookMS float64 `json:"took_ms"`
	Offset int     `json:"offset"`
	Size   int     `json:"size"`
	Hits   []Hit   `json:"hits"`
	Facets Facets  `json:"facets"`
	// Published is the date histogram of the matching articles: months, or
	// years when the index spans more than three years; empty ones left out.
	Published []DateBucket `json:"published"`
	// Warnings are what the reader should know about the query: clauses left
	// out (only stopwords) or that match nothing in the index.
	Warnings []string `json:"warnings,omitempty"`
}

// Hit is one matching article. Fragments maps title and body to highlighted
// fragments: HTML-escaped text with the matches in <mark>…</mark>.
type Hit struct {
	ID            string   `json:"id"`
	Score         float64  `json:"score"`
	Title         string   `json:"title"`
	URL           string   `json:"url,omitempty"`
	Source        string   `json:"source,omitempty"`
	Published     string   `json:"published,omitempty"` // RFC 3339
	Persons       []string `json:"persons,omitempty"`
	Organizations []string `json:"organizations,omitempty"`
	Places        []string `json:"places,omitempty"`
	// Entities are the persons, organisations and places of the article
	// together, most salient first.
	Entities  []HitEntity         `json:"entities,omitempty"`
	Fragments map[string][]string `json:"fragments,omitempty"`
}

// HitEntity is one entity of a hit's article.
type HitEntity struct {
	Label    entity.Label `json:"label"`  // PER, ORG or LOC
	Filter   string       `json:"filter"` // its search parameter: person, org or place
	Name     string       `json:"name"`   // display name, as facets count it
	Mentions int          `json:"mentions"`
	Salience float64      `json:"salience"` // in [0, 1]: how central it is to the article
	InTitle  bool         `json:"in_title,omitempty"`
	InLead   bool         `json:"in_lead,omitempty"`
}

// Facets are the counts of the matching articles by entity and source.
type Facets struct {
	Persons       []FacetValue `json:"persons"`
	Organizations []FacetValue `json:"organizations"`
	Places        []FacetValue `json:"places"`
	Sources       []FacetValue `json:"sources"`
}

// FacetValue is a value of a facet and its number of matching articles.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// DateBucket is a bar of the date histogram: the articles published in
// [Start, End), dates as YYYY-MM-DD, so they can be given as since and until.
type DateBucket struct {
	Name  string `json:"name"` // 2018-03, or 2018 for a year
	Start string `json:"start"`
	End   string `json:"end"`
	Count int    `json:"count"`
}

// searchParams are the query parameters of GET /api/search.
var searchParams = []string{"q", "person", "org", "place", "source", "since", "until", "sort", "half_life", "offset", "size", "facets", "facet_size", "plain", "fragments", "fragment_size"}

// sorts maps the sort parameter to the orders of the index.
var sorts = map[string]index.Sort{
	"relevance": index.ByRelevance,
	"recent":    index.ByRelevanceAndDate,
	"newest":    index.ByNewest,
	"oldest":    index.ByOldest,
}

// facetNames maps the names accepted in the facets parameter to the fields.
var facetNames = map[string]string{
	"persons":       index.FieldPersons,
	"organizations": index.FieldOrganizations,
	"places":        index.FieldPlaces,
	"source":        index.FieldSource,
	"sources":       index.FieldSource,
	"published":     index.FieldPublished,
}

// paramError is a bad query parameter.
type paramError struct{ msg string }

func (e *paramError) Error() string { return e.msg }

func badParam(format string, args ...any) error {
	return &paramError{fmt.Sprintf(format, args...)}
}

// ParseRequest reads the query parameters of GET /api/search into an
// index.Request. Empty values count as absent; unknown parameters and a
// repeated single-valued one are errors, so that a typo is not silently a
// different search. maxSize caps size (0: DefaultMaxPageSize).
func ParseRequest(v url.Values, maxSize int) (index.Request, error) {
	if maxSize <= 0 {
		maxSize = DefaultMaxPageSize
	}
	var r index.Request
	for k := range v {
		if !slices.Contains(searchParams, k) {
			return r, badParam("unknown parameter %q (known: %s)", k, strings.Join(searchParams, ", "))
		}
	}
	one := func(k string) (string, error) {
		var got []string
		for _, s := range v[k] {
			if s = strings.TrimSpace(s); s != "" {
				got = append(got, s)
			}
		}
		if len(got) > 1 {
			return "", badParam("parameter %s given %d times; it takes one value", k, len(got))
		}
		if len(got) == 0 {
			return "", nil
		}
		return got[0], nil
	}
	many := func(k string) ([]string, error) {
		var got []string
		for _, s := range v[k] {
			if s = strings.Join(strings.Fields(s), " "); s != "" && !slices.Contains(got, s) {
				got = append(got, s)
			}
		}
		if len(got) > maxFilterValues {
			return nil, badParam("parameter %s given %d times; at most %d", k, len(got), maxFilterValues)
		}
		return got, nil
	}
	num := func(k string, lo, hi int) (int, error) {
		s, err := one(k)
		if err != nil || s == "" {
			return 0, err
		}
		n, err := parseInt(s, lo, hi)
		if err != nil {
			return 0, badParam("parameter %s=%q: want a whole number from %d to %d", k, s, lo, hi)
		}
		return n, nil
	}
	date := func(k string) (time.Time, error) {
		s, err := one(k)
		if err != nil || s == "" {
			return time.Time{}, err
		}
		t, err := index.ParseDate(s)
		if err != nil {
			return time.Time{}, badParam("parameter %s: %v", k, err)
		}
		return t, nil
	}
	var err error
	if r.Query, err = one("q"); err != nil {
		return r, err
	}
	if r.Persons, err = many("person"); err != nil {
		return r, err
	}
	if r.Organizations, err = many("org"); err != nil {
		return r, err
	}
	if r.Places, err = many("place"); err != nil {
		return r, err
	}
	if r.Sources, err = many("source"); err != nil {
		return r, err
	}
	if r.Since, err = date("since"); err != nil {
		return r, err
	}
	if r.Until, err = date("until"); err != nil {
		return r, err
	}
	if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
		return r, badParam("since %s is not before until %s (until is exclusive)", r.Since.Format(time.DateOnly), r.Until.Format(time.DateOnly))
	}
	s, err := one("sort")
	if err != nil {
		return r, err
	}
	if s != "" {
		o, ok := sorts[s]
		if !ok {
			return r, badParam("parameter sort=%q: want %s", s, sortNames())
		}
		r.Sort = o
	}
	if s, err = one("half_life"); err != nil {
		return r, err
	}
	if s != "" {
		if r.HalfLife, err = parseAge(s); err != nil {
			return r, badParam("parameter half_life=%q: want a duration such as 30d, 12h or 90m", s)
		}
		if r.Sort != index.ByRelevanceAndDate {
			return r, badParam("parameter half_life: only with sort=recent")
		}
	}
	if r.Offset, err = num("offset", 0, index.MaxSize); err != nil {
		return r, err
	}
	if r.Size, err = num("size", 1, maxSize); err != nil {
		return r, err
	}
	if r.Size == 0 {
		r.Size = index.DefaultSize
	}
	if r.FacetSize, err = num("facet_size", 1, maxFacetSize); err != nil {
		return r, err
	}
	fs, err := many("facets")
	if err != nil {
		return r, err
	}
	for _, f := range fs {
		for _, name := range strings.Split(f, ",") {
			name = strings.TrimSpace(name)
			switch field, ok := facetNames[name]; {
			case name == "":
			case name == "none":
				r.FacetSize = -1
			case !ok:
				return r, badParam("parameter facets: no facet %q (want persons, organizations, places, sources, published or none)", name)
			case !slices.Contains(r.Facets, field):
				r.Facets = append(r.Facets, field)
			}
		}
	}
	if r.FacetSize < 0 && len(r.Facets) > 0 {
		return r, badParam("parameter facets: none together with %s", strings.Join(r.Facets, ", "))
	}
	if r.FacetSize >= 0 && len(r.Facets) == 0 {
		// All of them, named, so that the request says so whatever the
		// index's default.
		r.Facets = []string{index.FieldPersons, index.FieldOrganizations, index.FieldPlaces, index.FieldSource, index.FieldPublished}
	}
	if r.Highlight.Fragments, err = num("fragments", 1, maxFragments); err != nil {
		return r, err
	}
	if r.Highlight.FragmentSize, err = num("fragment_size", minFragmentSize, maxFragmentSize); err != nil {
		return r, err
	}
	if s, err = one("plain"); err != nil {
		return r, err
	}
	if s != "" {
		if r.Plain, err = strconv.ParseBool(s); err != nil {
			return r, badParam("parameter plain=%q: want true or false", s)
		}
	}
	return r, nil
}

// parseAge parses a positive duration of time.ParseDuration or a number of
// days (30d), up to 100 years.
func parseAge(s string) (time.Duration, error) {
	var d time.Duration
	var err error
	if n, ok := strings.CutSuffix(s, "d"); ok {
		var days int
		if days, err = parseInt(n, 1, 36500); err == nil {
			d = time.Duration(days) * 24 * time.Hour
		}
	} else if d, err = time.ParseDuration(s); err == nil && (d <= 0 || d > 36500*24*time.Hour) {
		err = fmt.Errorf("duration %s out of range", d)
	}
	return d, err
}

// parseInt parses a whole number in [lo, hi].
func parseInt(s string, lo, hi int) (int, error) {
	n, err := strconv.Atoi(s)
	if err == nil && (n < lo || n > hi) {
		err = fmt.Errorf("%d is not in [%d, %d]", n, lo, hi)
	}
	return n, err
}

func sortNames() string {
	names := make([]string, 0, len(sorts))
	for k := range sorts {
		names = append(names, k)
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

func (h *Handler) search(w http.ResponseWriter, r *http.Request) {
	req, err := ParseRequest(r.URL.Query(), h.cfg.MaxPageSize)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	res, err := h.x.Search(r.Context(), req)
	var amb *index.AmbiguousError
	var qe *query.Error
	if errors.As(err, &qe) {
		h.failWith(w, r, &Error{Status: http.StatusBadRequest, Message: err.Error(), Query: queryError(qe)})
		return
	}
	if errors.As(err, &amb) {
		param := map[string]string{index.FieldPersons: "person", index.FieldOrganizations: "org", index.FieldPlaces: "place"}[amb.Field]
		h.failWith(w, r, &Error{Status: http.StatusBadRequest, Message: err.Error(),
			Ambiguous: &Ambiguity{Filter: param, Name: amb.Name, Candidates: amb.Candidates}})
		return
	}
	if err != nil {
		h.fail(w, r, statusOf(err), err.Error())
		return
	}
	h.reply(w, r, http.StatusOK, result(res, req))
}

// queryError is the JSON form of a query error.
func queryError(e *query.Error) *QueryError {
	col := func(p int) int { return utf8.RuneCountInString(e.Query[:max(0, min(p, len(e.Query)))]) + 1 }
	return &QueryError{Start: e.Pos, End: e.End, Column: col(e.Pos), EndColumn: col(e.End), Limit: e.Limit}
}

// result turns a result of the index into its JSON form.
func result(res *index.Result, req index.Request) *SearchResult {
	out := &SearchResult{
		Total: res.Total, TookMS: float64(res.Took.Microseconds()) / 1000,
		Offset: req.Offset, Size: req.Size,
		Hits: make([]Hit, 0, len(res.Hits)), Published: []DateBucket{}, Warnings: res.Warnings,
	}
	for _, h := range res.Hits {
		j := Hit{ID: h.ID, Score: h.Score, Title: h.Title, URL: h.URL, Source: h.Source,
			Persons: h.Persons, Organizations: h.Organizations, Places: h.Places, Fragments: h.Fragments}
		for _, e := range h.Entities {
			j.Entities = append(j.Entities, HitEntity{Label: e.Label, Filter: filterOf[e.Label], Name: e.Name,
				Mentions: e.Mentions, Salience: e.Salience, InTitle: e.InTitle, InLead: e.InLead})
		}
		if !h.Published.IsZero() {
			j.Published = h.Published.Format(time.RFC3339)
		}
		out.Hits = append(out.Hits, j)
	}
	values := func(fs []index.FacetValue) []FacetValue {
		out := make([]FacetValue, 0, len(fs))
		for _, f := range fs {
			out = append(out, FacetValue(f))
		}
		return out
	}
	out.Facets = Facets{
		Persons:       values(res.Facets.Persons),
		Organizations: values(res.Facets.Organizations),
		Places:        values(res.Facets.Places),
		Sources:       values(res.Facets.Sources),
	}
	for _, b := range res.Facets.Published {
		out.Published = append(out.Published, DateBucket{b.Name, b.Start.Format(time.DateOnly), b.End.Format(time.DateOnly), b.Count})
	}
	return out
}
