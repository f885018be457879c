package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// multi is a repeatable string flag.
type multi []string

func (m *multi) String() string     { return strings.Join(*m, ", ") }
func (m *multi) Set(s string) error { *m = append(*m, s); return nil }

// runSearch searches an index and prints hits with highlights and facets.
func runSearch(e *env, args []string) error {
	fs := newFlags(e, "search", "--index DIR|--opensearch URL [flags] QUERY...")
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		fmt.Fprintf(e.stderr, "\nThe query language (all clauses must match):\n\n%s", index.QuerySyntax)
		fmt.Fprintln(e.stderr, "\nA query that cannot be parsed or goes over a limit exits with status 2. Flags may")
		fmt.Fprintln(e.stderr, "come anywhere; after -- everything is the query: telaah search --index DIR -- -jakarta banjir")
	}
	dir := fs.String("index", "", "the index `directory`")
	cluster := addClusterFlags(fs, false)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	size := fs.Int("size", index.DefaultSize, "number of hits")
	offset := fs.Int("offset", 0, "number of hits to skip")
	sortBy := fs.String("sort", "relevance", "order of hits: relevance, recent (relevance and recency), newest or oldest")
	facets := fs.Int("facets", 5, "values per facet (0: none)")
	since := fs.String("since", "", "only articles published on or after this `date` (YYYY-MM-DD or RFC 3339)")
	until := fs.String("until", "", "only articles published before this `date`")
	timeout := fs.Duration("timeout", 10*time.Second, "give up a search that takes longer (0: no limit)")
	maxLen := fs.Int("max-query-bytes", query.DefaultMaxLength, "longest query in bytes")
	maxClauses := fs.Int("max-clauses", query.DefaultMaxClauses, "most clauses (words, phrase words, patterns, ranges) in a query")
	maxExp := fs.Int("max-expansions", query.DefaultMaxExpansions, "most indexed terms the patterns (prefix*, wild?card, fuzzy~) of a query may expand to")
	lockTimeout := fs.Duration("lock-timeout", index.DefaultLockTimeout, "how long to wait for an index that a writer holds")
	var persons, orgs, places, sources multi
	fs.Var(&persons, "person", "only articles mentioning this person (any name or alias, any case; repeatable)")
	fs.Var(&orgs, "org", "only articles mentioning this organisation (name or acronym, any case; repeatable)")
	fs.Var(&places, "place", "only articles mentioning this place (any case; repeatable)")
	fs.Var(&sources, "source", "only articles from this source (repeatable: any of them)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needsTarget(cluster, *dir); err != nil {
		fs.Usage()
		return err
	}
	if *size < 0 || *offset < 0 {
		return usageError{"--size and --offset must not be negative"}
	}
	if *timeout < 0 {
		return usageError{"--timeout must not be negative"}
	}
	r := index.Request{
		Query: strings.Join(fs.Args(), " "), Size: *size, Offset: *offset,
		Persons: persons, Organizations: orgs, Places: places, Sources: sources,
		FacetSize: *facets,
		Limits:    query.Limits{MaxLength: *maxLen, MaxClauses: *maxClauses, MaxExpansions: *maxExp},
	}
	if *size == 0 {
		r.Size = index.DefaultSize
	}
	if *facets <= 0 {
		r.FacetSize = -1
	}
	switch *sortBy {
	case "relevance":
	case "recent":
		r.Sort = index.ByRelevanceAndDate
	case "newest":
		r.Sort = index.ByNewest
	case "oldest":
		r.Sort = index.ByOldest
	default:
		return usageError{fmt.Sprintf("--sort %q: want relevance, recent, newest or oldest", *sortBy)}
	}
	var err error
	if *since != "" {
		if r.Since, err = index.ParseDate(*since); err != nil {
			return usageError{"--since: " + err.Error()}
		}
	}
	if *until != "" {
		if r.Until, err = index.ParseDate(*until); err != nil {
			return usageError{"--until: " + err.Error()}
		}
	}
	// Parse the query (once) before opening the index, so that a bad query is
	// reported as such even when the index is missing.
	if r.Parsed, err = query.Parse(r.Query, r.Limits); err != nil {
		return queryError(err)
	}
	x, err := readBackend(cluster, *dir, &index.Options{ReadOnly: true, LockTimeout: *lockTimeout})
	if err != nil {
		return err
	}
	defer x.Close()
	ctx := context.Background()
	if *timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, *timeout)
		defer cancel()
	}
	res, err := x.Search(ctx, r)
	var amb *index.AmbiguousError
	if errors.As(err, &amb) {
		return usageError{amb.Error()} // exit 2: the user must choose
	}
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("the search took longer than --timeout %s: %w", *timeout, err)
		}
		return queryError(err)
	}
	for _, w := range res.Warnings {
		fmt.Fprintln(e.stderr, "telaah: search: note:", w)
	}
	if *asJSON {
		enc := json.NewEncoder(jsonSafe{e.stdout})
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false) // the fragments' <mark> as it is
		return enc.Encode(jsonResult(res, r.Offset))
	}
	printResult(e.stdout, res, r.Offset, isTerminal(e.stdout))
	return nil
}

// queryError turns an error in the query into a usage error (exit status 2)
// that points at the position; other errors are returned as they are.
func queryError(err error) error {
	var qe *query.Error
	if errors.As(err, &qe) {
		return usageError{qe.Error() + "\n  " + strings.ReplaceAll(qe.Pointer(), "\n", "\n  ")}
	}
	return err
}

// shown describes the page of hits: "hits 1–10 of 28".
func shown(res *index.Result, offset int) string {
	switch {
	case len(res.Hits) == 0 && res.Total > 0:
		return fmt.Sprintf("no hits shown: --offset %d is past the %d", offset, res.Total)
	case len(res.Hits) == 0:
		return "no hits"
	case uint64(len(res.Hits)) == res.Total:
		return fmt.Sprintf("all %d shown", res.Total)
	}
	return fmt.Sprintf("hits %d–%d of %d shown", offset+1, offset+len(res.Hits), res.Total)
}

// jsonResult is the JSON form of a search result.
func jsonResult(res *index.Result, offset int) any {
	type hit struct {
		ID        string              `json:"id"`
		Score     float64             `json:"score"`
		Title     string              `json:"title"`
		URL       string              `json:"url,omitempty"`
		Source    string              `json:"source,omitempty"`
		Published string              `json:"published,omitempty"`
		Persons   []string            `json:"persons,omitempty"`
		Orgs      []string            `json:"organizations,omitempty"`
		Places    []string            `json:"places,omitempty"`
		Fragments map[string][]string `json:"fragments,omitempty"`
	}
	type value struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	}
	type bucket struct {
		Name  string `json:"name"`
		Start string `json:"start"`
		End   string `json:"end"`
		Count int    `json:"count"`
	}
	values := func(fs []index.FacetValue) []value {
		out := []value{}
		for _, f := range fs {
			out = append(out, value(f))
		}
		return out
	}
	out := struct {
		Total    uint64             `json:"total"`
		Offset   int                `json:"offset"`
		Shown    int                `json:"shown"`
		TookMS   float64            `json:"took_ms"`
		Warnings []string           `json:"warnings,omitempty"`
		Hits     []hit              `json:"hits"`
		Facets   map[string][]value `json:"facets"`
		Dates    []bucket           `json:"published"`
	}{Total: res.Total, Offset: offset, Shown: len(res.Hits), TookMS: float64(res.Took.Microseconds()) / 1000,
		Warnings: res.Warnings, Hits: []hit{}, Dates: []bucket{}}
	for _, h := range res.Hits {
		j := hit{ID: h.ID, Score: h.Score, Title: h.Title, URL: h.URL, Source: h.Source,
			Persons: h.Persons, Orgs: h.Organizations, Places: h.Places, Fragments: h.Fragments}
		if !h.Published.IsZero() {
			j.Published = h.Published.Format(time.RFC3339)
		}
		out.Hits = append(out.Hits, j)
	}
	out.Facets = map[string][]value{
		"persons":       values(res.Facets.Persons),
		"organizations": values(res.Facets.Organizations),
		"places":        values(res.Facets.Places),
		"sources":       values(res.Facets.Sources),
	}
	for _, b := range res.Facets.Published {
		out.Dates = append(out.Dates, bucket{b.Name, b.Start.Format(time.DateOnly), b.End.Format(time.DateOnly), b.Count})
	}
	return out
}

// printResult prints a result for people: hits with their fragments, the matches
// in bold on a terminal and between « and » elsewhere, then the facets.
func printResult(w io.Writer, res *index.Result, offset int, tty bool) {
	open, close := "«", "»"
	if tty {
		open, close = "\x1b[1m", "\x1b[0m"
	}
	// Control characters go before the marks come in: a fragment's text could
	// hold escape sequences, the marks are ours.
	const mo, mc = "\ue000", "\ue001"
	toPUA := strings.NewReplacer("<mark>", mo, "</mark>", mc, mo, "", mc, "")
	mark := strings.NewReplacer(mo, open, mc, close)
	plain := func(s string) string { return mark.Replace(printable(html.UnescapeString(toPUA.Replace(s)))) }
	if res.Total == 1 {
		fmt.Fprintf(w, "1 article matches, %s (%s)\n", shown(res, offset), res.Took.Round(time.Microsecond))
	} else {
		fmt.Fprintf(w, "%d articles match, %s (%s)\n", res.Total, shown(res, offset), res.Took.Round(time.Microsecond))
	}
	for i, h := range res.Hits {
		title := printable(h.Title)
		if f := h.Fragments[index.FieldTitle]; len(f) > 0 {
			title = plain(f[0])
		}
		var meta []string
		if h.Source != "" {
			meta = append(meta, printable(h.Source))
		}
		if !h.Published.IsZero() {
			meta = append(meta, h.Published.Format(time.DateOnly))
		}
		meta = append(meta, fmt.Sprintf("score %.3f", h.Score))
		fmt.Fprintf(w, "\n%d. %s\n   %s · %s\n", offset+i+1, oneLine(title), oneLine(printable(h.ID)), strings.Join(meta, " · "))
		for _, f := range h.Fragments[index.FieldBody] {
			fmt.Fprintf(w, "   %s\n", strings.Join(strings.Fields(plain(f)), " "))
		}
	}
	facet := func(name string, fs []index.FacetValue) {
		if len(fs) == 0 {
			return
		}
		var parts []string
		for _, f := range fs {
			parts = append(parts, fmt.Sprintf("%s (%d)", oneLine(printable(f.Value)), f.Count))
		}
		fmt.Fprintf(w, "  %-14s %s\n", name+":", strings.Join(parts, ", "))
	}
	f := res.Facets
	if len(f.Persons)+len(f.Organizations)+len(f.Places)+len(f.Sources)+len(f.Published) == 0 {
		return
	}
	fmt.Fprintln(w, "\nfacets:")
	facet("persons", f.Persons)
	facet("organisations", f.Organizations)
	facet("places", f.Places)
	facet("sources", f.Sources)
	var dates []index.FacetValue
	for _, b := range f.Published {
		dates = append(dates, index.FacetValue{Value: b.Name, Count: b.Count})
	}
	facet("published", dates)
}

// oneLine joins the lines of s with spaces, for a title or a name printed on one
// line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
