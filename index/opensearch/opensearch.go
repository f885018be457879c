package opensearch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// Defaults of a Config.
const (
	DefaultIndex      = "telaah"
	DefaultBulkDocs   = 500
	DefaultBulkBytes  = 5 << 20
	DefaultMaxRetries = 5
	DefaultShards     = 1
	DefaultReplicas   = 1
	DefaultFacetPage  = 1000
)

// The refresh policies of a bulk request (Config.Refresh).
const (
	// RefreshWaitFor makes Add return once its articles are searchable, as
	// index.Index.Add does, without forcing a refresh (the default).
	RefreshWaitFor = "wait_for"
	// RefreshNone returns as soon as the articles are durable; they become
	// searchable at the next refresh (index.refresh_interval, 1 s by default,
	// or an explicit Index.Refresh). Fastest for bulk loads.
	RefreshNone = "false"
)

// Config says where the cluster is and how to index into it. Only URL is
// required.
type Config struct {
	// URL is the cluster's address, such as https://localhost:9200. A
	// user:password@ in it is used when Username and APIKey are empty.
	URL string
	// Index is the name searches and writes go to, an alias of the concrete
	// index (DefaultIndex when empty).
	Index string
	// Version names the concrete index created on first use: Index + "-" +
	// Version ("v1" for SchemaVersion 1 when empty). Give a new one when the
	// lexicon or the model changes, and swap the alias with [Index.Reindex].
	Version string
	// Username and Password are for HTTP basic authentication; APIKey (the
	// base64 form) takes precedence over them.
	Username, Password, APIKey string
	// CACert is a PEM file of extra certificate authorities to trust. TLS
	// certificates are always verified; give your own HTTPClient to do
	// otherwise.
	CACert string
	// HTTPClient, when not nil, sends the requests.
	HTTPClient *http.Client
	// Shards and Replicas of a new concrete index (DefaultShards and
	// DefaultReplicas when 0; a negative Replicas means 0).
	Shards, Replicas int
	// BulkDocs and BulkBytes bound a bulk request (DefaultBulkDocs and
	// DefaultBulkBytes when 0); an article larger than BulkBytes goes alone.
	BulkDocs, BulkBytes int
	// Workers is the number of goroutines analysing articles in Add
	// (GOMAXPROCS when 0).
	Workers int
	// Refresh is the refresh policy of Add and Delete: RefreshWaitFor (the
	// default when empty) or RefreshNone.
	Refresh string
	// MaxRetries is how many times a request, or the items of a bulk request,
	// answered 429 or 5xx are sent again (DefaultMaxRetries when 0, none when
	// negative); Backoff is the wait before retry attempt+1 (exponential from
	// 100 ms, with jitter, when nil).
	MaxRetries int
	Backoff    func(attempt int) time.Duration
	// Pipeline is the analysis pipeline (the default one when nil); queries
	// are analysed with the "id" analyzer, which must agree with it.
	Pipeline *ta.Pipeline
	// KeepSurface indexes the normalised word beside its stem, as
	// index.Options.KeepSurface.
	KeepSurface bool
	// Limits bound the queries (see package index/query).
	Limits query.Limits
	// Analyzed, when not nil, is called after each article Add has analysed,
	// from several goroutines at once.
	Analyzed func()
	// MaxAnalyzed bounds the bytes of an article's body (and of its title)
	// that Add analyses, as index.Options.MaxAnalyzed does: the whole article
	// is sent and stored, the rest is not searchable. 0 is
	// index.DefaultMaxAnalyzed, negative no limit.
	MaxAnalyzed int
	// Partial, when not nil, is called once for each article that Add
	// analysed only in part (see MaxAnalyzed), after the cluster acknowledged
	// it, from the goroutine that called Add.
	Partial func(index.Partial)
	// FacetPage is the number of stored keys of an entity field read a
	// request when an entity facet pages through all of them (see
	// [Index.Search]; DefaultFacetPage when 0). Each key brings up to 20
	// name buckets: keep FacetPage × 21 under the cluster's
	// search.max_buckets (65 535 by default).
	FacetPage int
	// ReadOnly makes the Index a reader: Add, Delete, Refresh, Reindex,
	// DeleteIndex and Drop return ErrReadOnly and nothing is ever created on
	// the cluster. (Reads never create the index anyway: Search, Get and
	// Count on a cluster without it return a *NoIndexError.)
	ReadOnly bool
}

func (c *Config) concrete() string { return c.Index + "-" + c.Version }

// Index is a collection of articles in an OpenSearch or Elasticsearch index. It
// offers what index.Index offers ([index.Backend]), with Telaah's analysis
// done here and the cluster storing and searching the terms. It is safe for
// concurrent use.
type Index struct {
	cfg Config
	c   *client

	ensureMu sync.Mutex
	ready    bool
	aliases  learnedCache
}

var _ index.Backend = (*Index)(nil)

// New returns the index described by cfg. It sends nothing: the template, the
// concrete index and the alias are created by the first write (Add, Delete,
// Refresh, Reindex) when the alias does not exist. A read (Search, Get, Count)
// never creates anything: on a cluster without the alias it returns a
// *NoIndexError.
func New(cfg Config) (*Index, error) {
	c, err := newClient(&cfg)
	if err != nil {
		return nil, err
	}
	if cfg.Index == "" {
		cfg.Index = DefaultIndex
	}
	if err := checkName(cfg.Index); err != nil {
		return nil, err
	}
	if cfg.Version == "" {
		cfg.Version = "v" + strconv.Itoa(SchemaVersion)
	}
	if err := checkName(cfg.concrete()); err != nil {
		return nil, err
	}
	if cfg.Shards <= 0 {
		cfg.Shards = DefaultShards
	}
	switch {
	case cfg.Replicas == 0:
		cfg.Replicas = DefaultReplicas
	case cfg.Replicas < 0:
		cfg.Replicas = 0
	}
	if cfg.BulkDocs <= 0 {
		cfg.BulkDocs = DefaultBulkDocs
	}
	if cfg.BulkBytes <= 0 {
		cfg.BulkBytes = DefaultBulkBytes
	}
	if cfg.FacetPage <= 0 {
		cfg.FacetPage = DefaultFacetPage
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.GOMAXPROCS(0)
	}
	switch cfg.Refresh {
	case "":
		cfg.Refresh = RefreshWaitFor
	case RefreshWaitFor, RefreshNone:
	default:
		return nil, fmt.Errorf("opensearch: refresh %q: want %q or %q", cfg.Refresh, RefreshWaitFor, RefreshNone)
	}
	return &Index{cfg: cfg, c: c}, nil
}

// checkName refuses what the cluster refuses as an index name, before any request.
func checkName(n string) error {
	if n == "" || n == "." || n == ".." || n != strings.ToLower(n) || strings.ContainsAny(n, `\/*?"<>| ,#:`) ||
		strings.HasPrefix(n, "-") || strings.HasPrefix(n, "_") || strings.HasPrefix(n, "+") || len(n) > 255 {
		return fmt.Errorf("opensearch: bad index name %q: lower case, no spaces or \\/*?\"<>|,#:, not starting with -_+", n)
	}
	return nil
}

// Name returns the alias the index reads and writes.
func (x *Index) Name() string { return x.cfg.Index }

// Close releases the idle connections. It does not touch the cluster.
func (x *Index) Close() error {
	x.c.http.CloseIdleConnections()
	return nil
}

// Refresh makes everything indexed so far searchable (after Add with
// RefreshNone).
func (x *Index) Refresh(ctx context.Context) error {
	if err := x.writable("opensearch: refresh"); err != nil {
		return err
	}
	if err := x.ensure(ctx); err != nil {
		return err
	}
	if _, err := x.c.json(ctx, http.MethodPost, "/"+url.PathEscape(x.cfg.Index)+"/_refresh", nil, nil, nil, false); err != nil {
		return fmt.Errorf("opensearch: refresh: %w", err)
	}
	return nil
}

// Count returns the number of articles in the index; a *NoIndexError when
// the cluster has no index of that name (it is not created).
func (x *Index) Count(ctx context.Context) (uint64, error) {
	if err := x.check(ctx); err != nil {
		return 0, err
	}
	var out struct {
		Count uint64 `json:"count"`
	}
	if _, err := x.c.json(ctx, http.MethodGet, "/"+url.PathEscape(x.cfg.Index)+"/_count", nil, nil, &out, false); err != nil {
		return 0, fmt.Errorf("opensearch: counting articles: %w", err)
	}
	return out.Count, nil
}

// source is the document of an article in the cluster. Field order is that of
// the golden files.
type source struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Body          string      `json:"body"`
	TitleTerms    string      `json:"title_terms"`
	BodyTerms     string      `json:"body_terms"`
	URL           string      `json:"url,omitempty"`
	Source        string      `json:"source,omitempty"`
	Published     string      `json:"published,omitempty"`
	Authors       []string    `json:"authors,omitempty"`
	Tags          []string    `json:"tags,omitempty"`
	Persons       []string    `json:"persons,omitempty"`
	Organizations []string    `json:"organizations,omitempty"`
	Places        []string    `json:"places,omitempty"`
	PersonsKey    []string    `json:"persons_key,omitempty"`
	OrgsKey       []string    `json:"organizations_key,omitempty"`
	PlacesKey     []string    `json:"places_key,omitempty"`
	Dates         []string    `json:"dates,omitempty"`
	Money         []float64   `json:"money,omitempty"`
	Entities      []docEntity `json:"entities,omitempty"`
	Taught        []string    `json:"taught,omitempty"`
	Version       string      `json:"telaah_version"`
}

// dateFormat is how dates are sent: RFC 3339 in UTC with the nanoseconds that
// are there (the date type keeps milliseconds).
const dateFormat = time.RFC3339Nano

// Document returns the JSON document Add sends for an article: the original
// title and body (for display and highlighting), Telaah's terms of both (see
// [EncodeTokens]), the keyword, date and numeric fields, and the entity
// fields with their aliases.
func (x *Index) Document(a *index.Article) ([]byte, error) {
	var buf bytes.Buffer
	if err := x.encode(&buf, a); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// encode appends the document of an article, and a newline, to buf.
func (x *Index) encode(buf *bytes.Buffer, a *index.Article) error {
	an := index.AnalyzeArticle(x.cfg.Pipeline, index.AnalyzedArticle(a, x.cfg.MaxAnalyzed), x.cfg.KeepSurface)
	s := source{
		ID: a.ID, Title: a.Title, Body: a.Body,
		TitleTerms: EncodeTokens(an.TitleTokens), BodyTerms: EncodeTokens(an.BodyTokens),
		URL: a.URL, Source: a.Source, Authors: a.Authors, Tags: a.Tags,
		Persons: an.Persons, Organizations: an.Organizations, Places: an.Places,
		PersonsKey: keys(entity.PER, an.Persons), OrgsKey: keys(entity.ORG, an.Organizations),
		PlacesKey: keys(entity.LOC, an.Places),
		Money:     an.Money, Version: x.version(),
	}
	s.Taught = taughtValues(an.Entities)
	for _, d := range an.Entities {
		s.Entities = append(s.Entities, docEntity{Label: d.Label, Name: d.Name, Mentions: d.Mentions,
			Salience: math.Round(d.Salience*1000) / 1000, InTitle: d.InTitle, InLead: d.InLead})
	}
	if !a.Published.IsZero() {
		s.Published = a.Published.UTC().Format(dateFormat)
	}
	for _, d := range an.Dates {
		s.Dates = append(s.Dates, d.UTC().Format(dateFormat))
	}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(&s); err != nil {
		return fmt.Errorf("article %q: encoding: %w", a.ID, err)
	}
	return nil
}

// version describes the analysis of a document.
func (x *Index) version() string {
	v := "telaah/" + strconv.Itoa(SchemaVersion)
	if x.cfg.KeepSurface {
		v += "+surface"
	}
	return v
}

// keys returns the identity keys of entity names, each once.
func keys(l entity.Label, names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		if k := index.EntityKey(l, n); k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

// docEntity is one distinct entity of an article in FieldEntities.
type docEntity struct {
	Label    entity.Label `json:"l"`
	Name     string       `json:"n"`
	Mentions int          `json:"m"`
	Salience float64      `json:"s"`
	InTitle  bool         `json:"t,omitempty"`
	InLead   bool         `json:"d,omitempty"`
}

// Fold is what the normalizer of the .folded sub-fields does to a value a user
// gives, done here so that the request bodies show it: lower case, spaces
// collapsed. (The cluster's normalizer also removes accents.)
func Fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// gapMark stands for a position without a term: a stopword or a sentence
// boundary. The template's stop filter drops it and keeps the gap.
const gapMark = "_"

// EncodeTokens writes Telaah's tokens of a text as the cluster indexes them
// with [AnalyzerTerms]: the terms in position order separated by spaces, the
// terms that share a position joined by "|", and "_" for each position without
// a term, so that the cluster's positions are bleve's (phrases neither skip a
// stopword nor cross a sentence). A "|", "%" or white space inside a term, and
// a term "_", are percent-encoded, as queries encode them.
func EncodeTokens(toks []index.IndexedToken) string {
	var b strings.Builder
	pos := 0
	for i, t := range toks {
		if i > 0 && t.Position == toks[i-1].Position {
			b.WriteByte('|')
			writeTerm(&b, t.Term)
			continue
		}
		for pos+1 < t.Position {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(gapMark)
			pos++
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		writeTerm(&b, t.Term)
		pos = t.Position
	}
	return b.String()
}

// writeTerm writes a term, percent-encoding what the analyzer would split on.
func writeTerm(b *strings.Builder, term string) {
	if term == gapMark {
		b.WriteString("%5F") // a term that is the gap mark (Telaah makes none)
		return
	}
	if !strings.ContainsAny(term, "|% \t\n\r\v\f\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000") {
		b.WriteString(term)
		return
	}
	for _, r := range term {
		switch {
		case r == '|' || r == '%' || r < 0x80 && (r == ' ' || r >= '\t' && r <= '\r') || r >= 0x80 && isSpace(r):
			fmt.Fprintf(b, "%%%X", string(r))
		default:
			b.WriteRune(r)
		}
	}
}

// EncodeTerm returns a term as EncodeTokens writes it: with "|", "%" and white
// space percent-encoded, and "_" as %5F.
func EncodeTerm(term string) string {
	var b strings.Builder
	writeTerm(&b, term)
	return b.String()
}

func isSpace(r rune) bool {
	return strings.ContainsRune("\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000", r)
}

// Get returns the stored article with the given ID, or nil and no error when
// there is none; a *NoIndexError when the cluster has no index of that name
// (it is not created).
func (x *Index) Get(id string) (*index.Article, error) {
	ctx := context.Background()
	if err := x.check(ctx); err != nil {
		return nil, err
	}
	var out struct {
		Found  bool            `json:"found"`
		Source json.RawMessage `json:"_source"`
	}
	st, err := x.c.json(ctx, http.MethodGet, "/"+url.PathEscape(x.cfg.Index)+"/_doc/"+url.PathEscape(id), nil, nil, &out, true)
	if err != nil {
		return nil, fmt.Errorf("opensearch: getting article %q: %w", id, err)
	}
	if st == http.StatusNotFound || !out.Found {
		return nil, nil
	}
	a, err := articleOf(id, out.Source)
	if err != nil {
		return nil, fmt.Errorf("opensearch: getting article %q: %w", id, err)
	}
	return a, nil
}

// articleOf reads an article from its _source.
func articleOf(id string, raw json.RawMessage) (*index.Article, error) {
	var s source
	if err := json.Unmarshal(raw, &s); err != nil {
		return nil, fmt.Errorf("reading the stored document: %w", err)
	}
	a := &index.Article{ID: id, URL: s.URL, Source: s.Source, Title: s.Title, Body: s.Body, Authors: s.Authors, Tags: s.Tags}
	if s.Published != "" {
		t, err := time.Parse(time.RFC3339Nano, s.Published)
		if err != nil {
			return nil, fmt.Errorf("published: %w", err)
		}
		a.Published = t.UTC()
	}
	return a, nil
}

// Delete removes the articles with the given IDs in bulk requests; IDs not in
// the index are ignored. It returns under the same contract as Add.
func (x *Index) Delete(ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	if err := x.writable(fmt.Sprintf("opensearch: deleting %d articles", len(ids))); err != nil {
		return err
	}
	ctx := context.Background()
	if err := x.ensure(ctx); err != nil {
		return err
	}
	var items []item
	for _, id := range ids {
		var buf bytes.Buffer
		writeAction(&buf, "delete", id)
		items = append(items, item{id: id, data: buf.Bytes()})
	}
	var failed []ItemError
	for len(items) > 0 {
		n := min(len(items), x.cfg.BulkDocs)
		f, err := x.send(ctx, items[:n])
		if err != nil {
			return fmt.Errorf("opensearch: deleting %d articles: %w", len(ids), err)
		}
		failed = append(failed, f...)
		items = items[n:]
	}
	x.aliases.invalidate()
	if len(failed) > 0 {
		return &BulkError{Op: "delete", Total: len(ids), Items: failed}
	}
	return nil
}

// writeAction writes the action line of a bulk item.
func writeAction(buf *bytes.Buffer, op, id string) {
	id, _ = strings.CutSuffix(string(mustJSON(id)), "\n")
	buf.WriteString(`{"` + op + `":{"_id":` + id + "}}\n")
}

func mustJSON(v any) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err) // strings always encode
	}
	return b.Bytes()
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
