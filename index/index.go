// Package index is Telaah's bleve search of Indonesian news. It is the only package
// of Telaah that imports bleve.
//
// On import it registers with bleve the analyzer "id" and its components (the
// tokenizer "telaah_tokenizer" and the token filters "telaah_normalize",
// "telaah_stop" and "telaah_stem"), so that any bleve mapping, in Go or JSON, can
// say "analyzer": "id" after a blank import, as with bleve's analysis/lang/en.
// The analyzer stems (penggunaan, menggunakan and pengguna all find each other)
// but leaves proper nouns alone (Bekasi never matches bekas), and keeps the byte
// offsets of the original words, so that highlighting marks "bukunya" when the
// query is "buku".
//
// [Index] stores [Article]s in an on-disk scorch index (or in memory), extracts
// their named entities into keyword, date and numeric fields, and answers
// [Request]s with highlighted hits and facets of persons, organisations, places,
// sources and publication dates.
//
// An entity registry gives each person, organisation and place one identity
// across the index (see registry.go): KPK and Komisi Pemberantasan Korupsi,
// BMKG and its long name, Semarang and Kota Semarang are one entity, under one
// facet value; filters accept any of its names in any case; aliases that one
// article teaches (Long Name (ACRO)) hold for every article, also those indexed
// before; [Index.Entities] lists entities for type-ahead. Each article's entities
// are ranked by salience (mentions, title, lead): its main entities come first.
//
// # Query language
//
// [Request].Query is a list of clauses separated by spaces, all of which an
// article must match (package index/query parses it; [QuerySyntax] is this table):
//
//	banjir bekasi                both words, in the title or the body (stemmed:
//	                             pengguna finds penggunaan; names are not:
//	                             Bekasi never bekas, Gunawan never guna)
//	"harga cabai"                the words in this order, next to each other
//	banjir OR longsor            either word
//	banjir AND tol               both words (AND is optional)
//	banjir -jakarta              banjir but not jakarta; NOT jakarta is the same
//	(banjir OR longsor) bekasi   parentheses group clauses; OR binds tighter than
//	                             AND: banjir OR longsor bekasi is the same query
//	title:banjir                 a field: title, body, persons, orgs, places,
//	                             source, authors, tags, url, published, dates, money
//	persons:"Pavel Durov"        an entity, by any alias and in any case
//	orgs:Telegram                organisations (also organizations:)
//	source:"Kompas.com"          a source (any case)
//	title:(banjir OR longsor)    a field for every clause of a group
//	published:>=2024-01-01       published on or after; also >, <, <=
//	published:2024-03            a month (or a day, or a year such as 2024)
//	published:2024-01..2024-03   from January to March 2024, both included
//	money:>1e9                   an amount over a billion; also ranges a..b
//	presiden*                    a prefix; * and ? inside a word are wildcards
//	telegarm~                    a word within one or two edits (~1, ~2)
//
// Every word and phrase is analysed with "id" exactly as the articles were. A
// query that cannot be parsed is an error wrapping a *query.Error that gives the
// position; an unknown field (nosuchfield:kata) is such an error. Clauses that
// match nothing for a reason the reader should know (only stopwords, an entity
// the index does not have) are reported in [Result].Warnings.
//
// # Limits
//
// Queries are bounded by query.Limits (length, clauses, nesting, patterns and
// their expansion to indexed terms), set per index in Options.Limits or per
// request in Request.Limits; a query over a limit is refused with an error that
// wraps query.ErrLimit. Highlighting reads at most HighlightOptions.MaxBytes of a
// field per hit and marks each distinct clause once. Every step of Search honours
// the deadline of its context.
//
// Articles are bounded by Options.MaxArticle (refused above it) and
// Options.MaxAnalyzed: Add analyses at most that many bytes (2 MiB by default,
// ten times the longest news article) of a body and of a title, stores the
// rest unanalysed, and reports each such article ([Partial], [Index.AddReport]),
// so that one huge article costs a bounded time and memory to index.
//
// # Ranking, highlighting and facets
//
// Hits are ranked by BM25 over title and body, a title match weighing twice a
// body match; [ByRelevanceAndDate] decays the score with the article's age
// before the newest article of the index. Fragments come from the index's term
// vectors of the hits and start and end at word boundaries, at sentence
// boundaries when one is close; a matched phrase is one <mark>. [Highlight] and
// [Highlighter] give the same fragments from stored text, for backends without
// term vectors. Facets are computed only when a Request asks for them, exactly,
// over every matching article: from per-snapshot columns of the entity and
// source values, read from the postings by the first faceted search after the
// index changes (about 0.2 s of CPU for 100,000 articles).
package index

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/numeric"
	bindex "github.com/blevesearch/bleve_index_api"
	bolterrors "go.etcd.io/bbolt/errors"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index/query"
	"github.com/telaah/telaah/tokenize"
)

// The field names of an indexed article.
const (
	FieldTitle         = "title"
	FieldBody          = "body"
	FieldURL           = "url"
	FieldSource        = "source"
	FieldPublished     = "published"
	FieldAuthors       = "authors"
	FieldTags          = "tags"
	FieldPersons       = "persons"       // canonical names of PER entities
	FieldOrganizations = "organizations" // canonical names of ORG entities
	FieldPlaces        = "places"        // canonical names of LOC entities
	FieldDates         = "dates"         // DATE entities with a normalised value
	FieldMoney         = "money"         // MONEY entities: normalised amounts
)

// DefaultBatchSize is the number of articles Add sends to bleve in one batch.
const DefaultBatchSize = 1000

// NewMapping returns the bleve mapping of an article index: title and body are
// text analysed with "id", stored with term vectors (for phrases) and ranked
// with BM25; url, source, authors, tags and the entity fields are keywords;
// published and dates are date-times; money is numeric.
//
// The mapping has no _all field: a query without a field searches title and
// body as a disjunction (the title boosted), which scores as well and saves
// indexing every word twice. Keyword fields have no doc values: Search counts
// facets from columns read from the postings (see Request.Facets); published
// keeps its doc values, which sorting by date reads.
func NewMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false

	kw := func(store bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = false
		f.DocValues = false
		f.IncludeTermVectors = false
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dates := bleve.NewDateTimeFieldMapping()
	dates.IncludeInAll = false
	dates.Store = false
	dates.DocValues = false
	num := bleve.NewNumericFieldMapping()
	num.IncludeInAll = false
	num.Store = false
	num.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldBody, text)
	doc.AddFieldMappingsAt(FieldURL, kw(true))
	doc.AddFieldMappingsAt(FieldSource, kw(true))
	doc.AddFieldMappingsAt(FieldPublished, date)
	doc.AddFieldMappingsAt(FieldAuthors, kw(true))
	doc.AddFieldMappingsAt(FieldTags, kw(true))
	doc.AddFieldMappingsAt(FieldPersons, kw(true))
	doc.AddFieldMappingsAt(FieldOrganizations, kw(true))
	doc.AddFieldMappingsAt(FieldPlaces, kw(true))
	doc.AddFieldMappingsAt(FieldDates, dates)
	doc.AddFieldMappingsAt(FieldMoney, num)
	noAll := bleve.NewDocumentDisabledMapping()
	doc.AddSubDocumentMapping("_all", noAll)

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = bindex.BM25Scoring
	return m
}

// Options configure an Index. The zero value is the default.
type Options struct {
	// BatchSize is the number of articles per bleve batch; 0 means
	// DefaultBatchSize. Each batch is durable on disk when Add acknowledges it.
	BatchSize int
	// Workers is the number of goroutines analysing articles in Add; 0 means
	// GOMAXPROCS.
	Workers int
	// Pipeline is the analysis pipeline; nil means the default one. It must
	// agree with the analyzer "id" used for queries.
	Pipeline *ta.Pipeline
	// Analyzed, when not nil, is called after each article Add has analysed,
	// before its batch is written; it is called from several goroutines at once.
	// Command-line tools use it to show progress.
	Analyzed func()
	// KeepSurface indexes the normalised form of an inflected word beside its
	// stem (see StemFilterName): exact forms score higher, at the cost of about
	// a third more postings and 5–10% more indexing time. Queries match either
	// way. It applies to the articles Add indexes while it is set.
	KeepSurface bool
	// Limits bound the queries of Search; a Request's own limits take
	// precedence, and a zero field takes the default (see query.Limits).
	Limits query.Limits
	// MaxArticle bounds the bytes of an article's title and body together that
	// Add accepts; 0 means DefaultMaxArticle, a negative value no limit. Analysis
	// holds tens of times an article's size in memory, so this bounds the memory
	// of indexing. The readers have the same bound in Limits.
	MaxArticle int
	// ReadOnly opens the index for reading only (Open; Create ignores it):
	// several processes may search it at once, but not while one writes it.
	ReadOnly bool
	// MaxAnalyzed bounds the bytes of an article's body that Add analyses, as
	// Lucene's maxFieldLength did: 0 means DefaultMaxAnalyzed (2 MiB, ten
	// times the longest news article), a negative value no limit. The whole
	// body is stored and returned, but only its first MaxAnalyzed bytes (cut at
	// a space) are searchable, highlighted and searched for entities; the
	// title is always analysed. Add reports each such article through Partial,
	// AddReport returns them. Analysis is linear in the body's length, so this
	// bounds the time and memory one article costs: with the default an 8 MB
	// article indexes in about twice the time of a 1 MB one.
	MaxAnalyzed int
	// Partial, when not nil, is called for each article whose body is longer
	// than MaxAnalyzed, once its batch is indexed (see Partial).
	Partial func(Partial)
	// LockTimeout is how long Open waits for an index that another process
	// holds: one writer excludes everyone else, readers exclude a writer. 0
	// means DefaultLockTimeout; a negative value waits forever. When it runs
	// out, Open fails with an error that wraps ErrLocked.
	LockTimeout time.Duration
	// PostingsCache bounds the bytes of decoded postings that searches keep,
	// so that a word or phrase searched again is not decoded again: 0 means
	// DefaultPostingsCache, a negative value keeps none. One term's postings
	// are kept only when they take at most a quarter of the bound.
	PostingsCache int
}

// DefaultPostingsCache is the bound of Options.PostingsCache: at 100,000
// articles a common word holds about 30,000 postings, 360 KB decoded, so it
// keeps the words of some hundred recent queries.
const DefaultPostingsCache = 64 << 20

// errReadOnly is the error of a write to an index opened with Options.ReadOnly
// (bleve would block forever).
var errReadOnly = errors.New("index opened read-only (Options.ReadOnly)")

// DefaultLockTimeout is how long Open waits for an index another process holds.
const DefaultLockTimeout = 2 * time.Second

// ErrLocked is wrapped by the error of Open when another process holds the
// index past Options.LockTimeout.
var ErrLocked = errors.New("index is locked by another process")

// Index is a searchable collection of articles backed by bleve's scorch. It is
// safe for concurrent use.
type Index struct {
	b    bleve.Index
	opts Options
	path string

	mu       sync.RWMutex // guards the published-date span
	min, max time.Time

	// wmu serialises the writes (Add's commits, Delete) so that each one reads
	// the entities of the articles it replaces before it changes them.
	wmu sync.Mutex
	reg *entityRegistry

	// fields builds the keyword, date and numeric fields of a document; nil
	// for a mapping it does not know, whose fields MapDocument makes.
	fields *fieldMaker

	cols  columnCache  // the facet columns of the latest snapshot searched
	sums  summaryCache // the decoded entities of recent hits
	posts postCache    // decoded postings of recent searches (fast path)
	pubs  pubCache     // published dates of the latest snapshot (fast path)

	// slowPath makes every search take bleve's searchers and collector (see
	// fastQuery): tests compare the fast path with it.
	slowPath bool
	fastRuns atomic.Uint64 // searches the fast path answered
}

// Create makes a new index at path, which must not exist yet or be an empty
// directory; an empty path makes an index in memory, which is lost on Close.
// opts may be nil.
func Create(path string, opts *Options) (*Index, error) {
	m := NewMapping()
	if path != "" {
		if entries, err := os.ReadDir(path); err == nil && len(entries) > 0 {
			return nil, fmt.Errorf("creating index: %s already exists and is not empty", path)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("creating index: %w", err)
		}
	}
	// No lock timeout: the folder is new. (bleve would also store the
	// setting in the index's metadata.)
	b, err := bleve.NewUsing(path, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("creating index %q: %w", path, err)
	}
	return newIndex(b, path, opts), nil
}

// Open opens an existing index made by Create. opts may be nil. An index is
// held by one process that writes it, or by any number that only read it
// (Options.ReadOnly); Open waits Options.LockTimeout for the others to let go,
// then fails with an error wrapping ErrLocked that says who holds it.
func Open(path string, opts *Options) (*Index, error) {
	if path == "" {
		return nil, errors.New("opening index: empty path")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("opening index: %w", err)
	}
	readOnly := opts != nil && opts.ReadOnly
	cfg := map[string]interface{}{"bolt_timeout": lockTimeout(opts).String()}
	if readOnly {
		cfg["read_only"] = true
	}
	b, err := bleve.OpenUsing(path, cfg)
	if errors.Is(err, bolterrors.ErrTimeout) {
		who := "being written by another process"
		if !readOnly {
			who = "in use by another process (one that writes it, or searches)"
		}
		return nil, fmt.Errorf("opening index %s: index is %s; gave up after %s: %w", path, who, lockTimeout(opts), ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	x := newIndex(b, path, opts)
	if err := x.loadSpan(); err != nil {
		b.Close()
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	if err := x.loadRegistry(); err != nil {
		b.Close()
		return nil, fmt.Errorf("opening index %s: %w", path, err)
	}
	return x, nil
}

// lockTimeout is the bolt_timeout for opts: bbolt waits forever for 0.
func lockTimeout(opts *Options) time.Duration {
	switch {
	case opts == nil || opts.LockTimeout == 0:
		return DefaultLockTimeout
	case opts.LockTimeout < 0:
		return 0
	}
	return opts.LockTimeout
}

func newIndex(b bleve.Index, path string, opts *Options) *Index {
	x := &Index{b: b, path: path, reg: newRegistry(), fields: newFieldMaker(b.Mapping(), articleKinds)}
	if opts != nil {
		x.opts = *opts
	}
	if x.opts.BatchSize <= 0 {
		x.opts.BatchSize = DefaultBatchSize
	}
	if x.opts.Workers <= 0 {
		x.opts.Workers = runtime.GOMAXPROCS(0)
	}
	x.posts.budget = x.opts.PostingsCache
	return x
}

// Bleve returns the underlying bleve index, for what this package does not offer.
func (x *Index) Bleve() bleve.Index { return x.b }

// Path returns the directory of the index, "" for an index in memory.
func (x *Index) Path() string { return x.path }

// Close closes the index.
func (x *Index) Close() error {
	x.wmu.Lock()
	x.saveRegistry() // a cache only: the articles hold the registry
	x.wmu.Unlock()
	if err := x.b.Close(); err != nil {
		return fmt.Errorf("closing index %s: %w", x.path, err)
	}
	return nil
}

// Count returns the number of articles in the index.
func (x *Index) Count() (uint64, error) {
	n, err := x.b.DocCount()
	if err != nil {
		return 0, fmt.Errorf("counting articles: %w", err)
	}
	return n, nil
}

// Delete removes the articles with the given IDs, in one durable batch. IDs not
// in the index are ignored.
func (x *Index) Delete(ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	if x.opts.ReadOnly {
		return errReadOnly
	}
	x.wmu.Lock()
	defer x.wmu.Unlock()
	old, err := x.summaries(ids)
	if err != nil {
		return fmt.Errorf("deleting %d articles: %w", len(ids), err)
	}
	batch := x.b.NewBatch()
	for _, id := range ids {
		batch.Delete(id)
	}
	gen := x.stampGeneration(batch)
	if err := x.b.Batch(batch); err != nil {
		return fmt.Errorf("deleting %d articles: %w", len(ids), err)
	}
	x.reg.gen = gen
	for _, s := range old {
		x.reg.apply(s, -1)
	}
	return nil
}

// Add analyses and indexes articles, replacing any with the same ID, in batches of
// Options.BatchSize. A body longer than Options.MaxAnalyzed is stored whole but
// analysed only up to that limit; Add reports each such article through
// Options.Partial (AddReport returns them). When Add returns nil every article is searchable and, for an
// index on disk, durable: it survives a crash of the process. Add first validates
// all the articles and indexes none if one is invalid. When a batch fails, the
// error says how many articles before it were indexed.
func (x *Index) Add(articles ...Article) error {
	if x.opts.ReadOnly {
		return errReadOnly
	}
	maxArticle := limit(x.opts.MaxArticle, DefaultMaxArticle)
	for i := range articles {
		if err := articles[i].Validate(); err != nil {
			return fmt.Errorf("adding article %d: %w", i, err)
		}
		if n := len(articles[i].Title) + len(articles[i].Body); n > maxArticle {
			return fmt.Errorf("adding article %d (%q, %d bytes): %w", i, articles[i].ID, n, &LimitError{"MaxArticle", int64(maxArticle)})
		}
	}
	// Analysis of the next batch overlaps with bleve writing the current one.
	bs := x.opts.BatchSize
	prepare := func(start int) <-chan prepared {
		ch := make(chan prepared, 1)
		go func() { ch <- x.prepare(articles[start:min(start+bs, len(articles))]) }()
		return ch
	}
	var next <-chan prepared
	if len(articles) > 0 {
		next = prepare(0)
	}
	for start := 0; start < len(articles); start += bs {
		p := <-next
		if start+bs < len(articles) {
			next = prepare(start + bs)
		}
		err := p.err
		if err == nil {
			err = x.commit(p)
		}
		if err != nil {
			end := min(start+bs, len(articles))
			return fmt.Errorf("adding articles %d–%d (the %d before are indexed): %w", start, end-1, start, err)
		}
		x.reportPartial(articles[start:min(start+bs, len(articles))])
	}
	return nil
}

// prepared is a batch of analysed articles ready for bleve.
type prepared struct {
	batch  *bleve.Batch
	ids    []string      // the articles, in order
	sums   []*docSummary // their entities for the registry
	lo, hi time.Time     // the span of their published dates
	err    error
}

// prepare analyses articles into a bleve batch, with Options.Workers goroutines.
func (x *Index) prepare(arts []Article) prepared {
	docs := make([]*document.Document, len(arts))
	sums := make([]*docSummary, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(x.opts.Workers, len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				docs[i], sums[i], errs[i] = x.document(&arts[i])
				if x.opts.Analyzed != nil {
					x.opts.Analyzed()
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()

	p := prepared{batch: x.b.NewBatch(), sums: sums}
	for i, d := range docs {
		p.ids = append(p.ids, arts[i].ID)
		if errs[i] != nil {
			return prepared{err: fmt.Errorf("article %q: %w", arts[i].ID, errs[i])}
		}
		if err := p.batch.IndexAdvanced(d); err != nil {
			return prepared{err: fmt.Errorf("article %q: %w", arts[i].ID, err)}
		}
		if t := arts[i].Published; !t.IsZero() {
			if p.lo.IsZero() || t.Before(p.lo) {
				p.lo = t
			}
			if t.After(p.hi) {
				p.hi = t
			}
		}
	}
	return p
}

// commit sends a prepared batch to bleve, which returns once it is durable, and
// updates the entity registry: the entities of the articles replaced go, those
// of the new ones come.
func (x *Index) commit(p prepared) error {
	lo, hi := p.lo, p.hi
	x.wmu.Lock()
	defer x.wmu.Unlock()
	// An ID given twice in a batch: bleve keeps the last article.
	last := make(map[string]int, len(p.ids))
	for i, id := range p.ids {
		last[id] = i
	}
	ids := make([]string, 0, len(last))
	for id := range last {
		ids = append(ids, id)
	}
	old, err := x.summaries(ids)
	if err != nil {
		return err
	}
	gen := x.stampGeneration(p.batch)
	if err := x.b.Batch(p.batch); err != nil {
		return err
	}
	x.reg.gen = gen
	for _, s := range old {
		x.reg.apply(s, -1)
	}
	for i, id := range p.ids {
		if last[id] == i {
			x.reg.apply(p.sums[i], 1)
		}
	}
	if !lo.IsZero() {
		x.mu.Lock()
		if x.min.IsZero() || lo.Before(x.min) {
			x.min = lo
		}
		if hi.After(x.max) {
			x.max = hi
		}
		x.mu.Unlock()
	}
	return nil
}

// Analysis is what Add extracts from an article: the analysed title and body and
// the entity values that become fields.
type Analysis struct {
	// Title and Body are the analyses of the title and the body; their offsets
	// are into Article.Title and Article.Body. The entities are found in the two
	// together, so that a name in the title and in the body is one entity; each
	// Document holds the mentions inside its own text.
	Title, Body *ta.Document
	// Entities are the distinct persons, organisations and places of the
	// article under the names the fields store, most salient first: the
	// article's main entities come first (see entity.DistinctEntities; the
	// lead is the body's first paragraph).
	Entities      []entity.Distinct
	Persons       []string // the names of the PER entities, most salient first
	Organizations []string
	Places        []string
	Dates         []time.Time // DATE entities with a normalised value
	Money         []float64   // MONEY entities: normalised amounts
}

// Analyze runs the pipeline of the index on an article as Add does: on its
// body's first Options.MaxAnalyzed bytes (see AnalyzedPart).
func (x *Index) Analyze(a *Article) *Analysis {
	return analyze(x.opts.Pipeline, x.analyzedPart(a), true)
}

// titleSep joins title and body for the analysis: a full stop ends the title's
// sentence even when the title has no final punctuation.
const titleSep = ".\n\n"

// analyze analyses an article; the sentences, which indexing does not need, only
// when sentences is set.
func analyze(p *ta.Pipeline, a *Article, sentences bool) *Analysis {
	return analyzeEach(p, a, sentences, nil)
}

// analyzeEach is analyze that, when each is not nil, hands each term of the
// title and of the body to each (body false, then true; offsets into the
// title or the body) instead of keeping them in Title.Terms and Body.Terms,
// and leaves out the mentions of Title.Entities and Body.Entities.
func analyzeEach(p *ta.Pipeline, a *Article, sentences bool, each func(body bool, t *ta.Term)) *Analysis {
	text := a.Title + titleSep + a.Body
	cut := len(a.Title) + len(titleSep)
	r := &Analysis{
		Title: &ta.Document{Text: a.Title},
		Body:  &ta.Document{Text: a.Body},
	}
	var doc ta.Document
	if each == nil {
		doc = *p.Analyze(text)
		// The terms are in order: the title's, the separator's, the body's.
		i := 0
		for i < len(doc.Terms) && doc.Terms[i].End <= len(a.Title) {
			i++
		}
		r.Title.Terms = doc.Terms[:i:i]
		for i < len(doc.Terms) && doc.Terms[i].Start < cut {
			i++
		}
		r.Body.Terms = doc.Terms[i:]
		for k := range r.Body.Terms {
			r.Body.Terms[k].Start -= cut
			r.Body.Terms[k].End -= cut
		}
	} else {
		doc.Sentences, doc.Entities = p.AnalyzeEach(text, func(t *ta.Term) bool {
			switch {
			case t.End <= len(a.Title):
				each(false, t)
			case t.Start >= cut:
				t.Start -= cut
				t.End -= cut
				each(true, t)
			}
			return true
		})
	}
	for _, s := range doc.Sentences {
		if !sentences {
			break
		}
		switch {
		case s.Start < len(a.Title):
			s.End = min(s.End, len(a.Title))
			s.Tokens = clipTokens(s.Tokens, 0, len(a.Title), 0)
			r.Title.Sentences = append(r.Title.Sentences, s)
		case s.End > cut:
			s.Start, s.End = max(s.Start, cut)-cut, s.End-cut
			s.Tokens = clipTokens(s.Tokens, cut, len(text), cut)
			r.Body.Sentences = append(r.Body.Sentences, s)
		}
	}
	for _, e := range doc.Entities {
		if each != nil {
			break // indexing needs no mentions, only the entity fields
		}
		switch {
		case e.End <= len(a.Title):
			r.Title.Entities = append(r.Title.Entities, e)
		case e.Start >= cut:
			e.Start -= cut
			e.End -= cut
			r.Body.Entities = append(r.Body.Entities, e)
		}
	}
	// Headlines are in title case, which misleads the recognizer ("Pavel Durov
	// Sindir Facebook"): a name found in the title counts for the fields only
	// when the body mentions it too (or there is no body).
	ents := doc.Entities[:0] // in place: nothing else holds them
	lowerBody, lowered := "", false
	for _, e := range doc.Entities {
		if e.End <= len(a.Title) && isName(e.Label) && a.Body != "" {
			if !lowered { // once, and only for an article with a name in its title
				lowerBody, lowered = strings.ToLower(a.Body), true
			}
			if !strings.Contains(lowerBody, strings.ToLower(e.Text)) {
				continue
			}
		}
		ents = append(ents, e)
	}
	r.collect(ents, a.Source, len(a.Title), cut+leadEnd(a.Body))
	return r
}

// maxLead is the longest lead, in bytes: a body without paragraphs has its
// first maxLead bytes as lead.
const maxLead = 600

// leadEnd returns the end of the lead of a body: its first paragraph that is
// not blank, at most maxLead bytes.
func leadEnd(body string) int {
	start := len(body) - len(strings.TrimLeft(body, " \t\r\n"))
	end := len(body)
	if i := strings.IndexByte(body[start:], '\n'); i >= 0 {
		end = start + i
	}
	return min(end, start+maxLead)
}

// clipTokens returns the tokens inside [lo, hi), shifted back by shift.
func clipTokens(toks []tokenize.Token, lo, hi, shift int) []tokenize.Token {
	var out []tokenize.Token
	for _, t := range toks {
		if t.Start >= lo && t.End <= hi {
			t.Start -= shift
			t.End -= shift
			out = append(out, t)
		}
	}
	return out
}

// collect fills the entity fields from the entities of an article; titleEnd and
// leadEnd are the offsets where its title and its lead end. The names are tidied
// for facets: a name equal to the article's source (the dateline "BEKASI, Kabar
// Nusantara —") is left out, a name in capitals takes the spelling of the same
// name in mixed case in the article (JAKARTA → Jakarta), a one-word person name
// takes the longer name that contains it (Durov → Pavel Durov), and a place
// keeps its own name when the document's longest mention only adds a place head
// (Semarang stays Semarang beside Kabupaten Semarang, which is another place).
// It runs in time linear in the number of entities.
func (r *Analysis) collect(ents []entity.Entity, source string, titleEnd, leadEnd int) {
	spelling := map[string]string{} // upper-case name → its mixed-case spelling
	fullName := map[string]string{} // a word of a person's name → the first such name
	for _, e := range ents {
		n := entityName(e)
		if hasLower(n) {
			spelling[strings.ToUpper(n)] = n
		}
		if e.Label == entity.PER && strings.Contains(n, " ") {
			for _, w := range strings.Fields(n) {
				if _, ok := fullName[w]; !ok {
					fullName[w] = n
				}
			}
		}
	}
	named := make([]entity.Entity, 0, len(ents))
	seen := map[string]bool{}
	for _, e := range ents {
		switch e.Label {
		case entity.PER, entity.ORG, entity.LOC:
			name := entityName(e)
			if e.Label == entity.LOC {
				name = placeName(e, name)
			}
			if name == "" || strings.EqualFold(name, source) {
				continue
			}
			if s, ok := spelling[name]; ok {
				name = s
			} else if e.Label != entity.ORG && !strings.Contains(name, " ") && len(name) > 4 && !hasLower(name) {
				// A place or person in capitals, not an acronym: BEKASI → Bekasi.
				_, n := utf8.DecodeRuneInString(name)
				name = name[:n] + strings.ToLower(name[n:])
			}
			if e.Label == entity.PER && !strings.Contains(name, " ") {
				if full, ok := fullName[name]; ok {
					name = full
				}
			}
			e.Canonical = name
			named = append(named, e)
		case entity.DATE:
			key := "D\x00" + e.Value
			// A date bleve cannot store (31/12/9999) stays an entity of the
			// article but stays out of the dates field.
			if t, ok := entityDate(e.Value); ok && storableDate(t) && !seen[key] {
				seen[key] = true
				r.Dates = append(r.Dates, t)
			}
		case entity.MONEY:
			if e.Number != 0 {
				r.Money = append(r.Money, e.Number)
			}
		}
	}
	r.Entities = entity.DistinctEntities(named, titleEnd, leadEnd)
	for _, d := range r.Entities {
		switch d.Label {
		case entity.PER:
			r.Persons = append(r.Persons, d.Name)
		case entity.ORG:
			r.Organizations = append(r.Organizations, d.Name)
		default:
			r.Places = append(r.Places, d.Name)
		}
	}
}

// placeName returns the name a place is stored under: its own text rather than
// the canonical name when the canonical name only puts place heads other than
// Kota before it (Kabupaten Semarang for Semarang); else the canonical name.
func placeName(e entity.Entity, canonical string) string {
	text := strings.Join(strings.Fields(e.Text), " ")
	if text == canonical || text == "" {
		return canonical
	}
	tw, cw := plainWords(text), plainWords(canonical)
	if len(cw) <= len(tw) || !equalWords(cw[len(cw)-len(tw):], tw) {
		return canonical
	}
	heads := cw[:len(cw)-len(tw)]
	if len(heads) == 1 && heads[0] == "kota" || !allIn(heads, placeHeads) {
		return canonical
	}
	return text
}

// entityDate parses the normalised value of a DATE entity: a date, a month
// (2018-03) or a year (2016), which stand for their first day.
func entityDate(v string) (time.Time, bool) {
	if t, err := ParseDate(v); err == nil {
		return t, true
	}
	for _, l := range []string{"2006-01", "2006"} {
		if t, err := time.Parse(l, strings.TrimSpace(v)); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// isName reports whether entities of label l are names (persons, organisations,
// places).
func isName(l entity.Label) bool {
	return l == entity.PER || l == entity.ORG || l == entity.LOC
}

// entityName is the canonical name of an entity, with spaces normalised.
func entityName(e entity.Entity) string {
	n := e.Canonical
	if strings.TrimSpace(n) == "" {
		n = e.Text
	}
	return tidySpaces(n)
}

// tidySpaces is strings.Join(strings.Fields(s), " "), without allocating when s
// is tidy already, as names nearly always are.
func tidySpaces(s string) string {
	tidy := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; tidy && i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			tidy = false // a space beyond ASCII is possible: the slow way
		case c == ' ':
			tidy = s[i-1] != ' '
		case c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			tidy = false
		}
	}
	if tidy {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// hasLower reports whether strings.ToUpper(s) != s, that is whether s has a
// letter that has an upper case, without allocating for ASCII.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToUpper(s) != s
		}
		if 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// document builds the bleve document of an article: the keyword, date and numeric
// fields through the mapping, the text fields from the pipeline's own analysis.
func (x *Index) document(a *Article) (*document.Document, *docSummary, error) {
	in := x.analyzedPart(a) // the part of title and body that is analysed; the whole article is stored
	var title, body fieldTokens
	body.toks = make([]fieldToken, 0, len(in.Body)/6+8) // a token every 7 bytes of news
	an := analyzeEach(x.opts.Pipeline, in, false, func(inBody bool, t *ta.Term) {
		if inBody {
			body.add(t, x.opts.KeepSurface)
		} else {
			title.add(t, x.opts.KeepSurface)
		}
	})
	doc := document.NewDocument(a.ID)
	if x.fields != nil {
		x.fields.article(doc, a, an)
	} else if err := x.mapFields(doc, a, an); err != nil {
		return nil, nil, err
	}
	sum := summarize(an)
	doc.AddField(document.NewTextFieldWithIndexingOptions(FieldEntities, nil, sum.encode(), bindex.StoreField))
	doc.AddField(newTextField(FieldTitle, a.Title, &title))
	doc.AddField(newTextField(FieldBody, a.Body, &body))
	return doc, sum, nil
}

// mapFields adds the keyword, date and numeric fields of an article through the
// index's mapping.
func (x *Index) mapFields(doc *document.Document, a *Article, an *Analysis) error {
	data := map[string]interface{}{}
	put := func(k string, v interface{}, ok bool) {
		if ok {
			data[k] = v
		}
	}
	put(FieldURL, a.URL, a.URL != "")
	put(FieldSource, a.Source, a.Source != "")
	put(FieldPublished, a.Published, !a.Published.IsZero())
	put(FieldAuthors, a.Authors, len(a.Authors) > 0)
	put(FieldTags, a.Tags, len(a.Tags) > 0)
	put(FieldPersons, an.Persons, len(an.Persons) > 0)
	put(FieldOrganizations, an.Organizations, len(an.Organizations) > 0)
	put(FieldPlaces, an.Places, len(an.Places) > 0)
	put(FieldDates, an.Dates, len(an.Dates) > 0)
	put(FieldMoney, an.Money, len(an.Money) > 0)
	if err := x.b.Mapping().MapDocument(doc, data); err != nil {
		return fmt.Errorf("mapping fields: %w", err)
	}
	return nil
}

// span returns the earliest and latest published dates in the index.
func (x *Index) span() (time.Time, time.Time) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	return x.min, x.max
}

// loadSpan finds the earliest and latest published dates of an opened index,
// from 1700 to 2260 as the date facets and filters see them. It reads the
// field's dictionary, whose full-precision terms are in the order of their
// dates, and takes the first and the last that a live article holds; two
// sorted searches took 0.3 s at 100,000 articles.
func (x *Index) loadSpan() error {
	adv, err := x.b.Advanced()
	if err != nil {
		return fmt.Errorf("reading the published dates: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("reading the published dates: %w", err)
	}
	defer r.Close()
	lo, hi := spanBound(1700), spanBound(2260)
	// Only the full-precision terms, from lo to hi.
	d, err := r.FieldDictRange(FieldPublished, numeric.MustNewPrefixCodedInt64(lo, 0), numeric.MustNewPrefixCodedInt64(hi, 0))
	if err != nil {
		return fmt.Errorf("reading the published dates: %w", err)
	}
	var dates []int64
	for {
		e, err := d.Next()
		if err != nil {
			d.Close()
			return fmt.Errorf("reading the published dates: %w", err)
		}
		if e == nil {
			break
		}
		p := numeric.PrefixCoded(e.Term)
		if shift, err := p.Shift(); err != nil || shift != 0 {
			continue // a coarser term of the same dates
		}
		if v, err := p.Int64(); err == nil && v >= lo && v < hi {
			dates = append(dates, v)
		}
	}
	d.Close()
	// The dictionary may still hold the dates of deleted articles.
	live := func(v int64) (bool, error) {
		tr, err := r.TermFieldReader(context.Background(), numeric.MustNewPrefixCodedInt64(v, 0), FieldPublished, false, false, false)
		if err != nil {
			return false, fmt.Errorf("reading the published dates: %w", err)
		}
		defer tr.Close()
		hit, err := tr.Next(nil)
		if err != nil {
			return false, fmt.Errorf("reading the published dates: %w", err)
		}
		return hit != nil, nil
	}
	for i := range dates {
		if ok, err := live(dates[i]); err != nil {
			return err
		} else if ok {
			x.min = time.Unix(0, dates[i]).UTC()
			break
		}
	}
	for i := len(dates) - 1; i >= 0; i-- {
		if ok, err := live(dates[i]); err != nil {
			return err
		} else if ok {
			x.max = time.Unix(0, dates[i]).UTC()
			break
		}
	}
	return nil
}

// spanBound is the start of a year in nanoseconds, a bound of loadSpan.
func spanBound(year int) int64 {
	return time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC).UnixNano()
}

// Get returns the stored article with the given ID, or nil and no error when the
// index has none.
func (x *Index) Get(id string) (*Article, error) {
	d, err := x.b.Document(id)
	if err != nil {
		return nil, fmt.Errorf("getting article %q: %w", id, err)
	}
	if d == nil {
		return nil, nil
	}
	a := &Article{ID: id}
	var ferr error
	d.VisitFields(func(f bindex.Field) {
		switch f := f.(type) {
		case *document.TextField:
			v := f.Text()
			switch f.Name() {
			case FieldTitle:
				a.Title = v
			case FieldBody:
				a.Body = v
			case FieldURL:
				a.URL = v
			case FieldSource:
				a.Source = v
			case FieldAuthors:
				a.Authors = append(a.Authors, v)
			case FieldTags:
				a.Tags = append(a.Tags, v)
			}
		case *document.DateTimeField:
			if f.Name() == FieldPublished {
				t, _, err := f.DateTime()
				if err != nil {
					ferr = fmt.Errorf("getting article %q: published: %w", id, err)
				}
				a.Published = t.UTC()
			}
		}
	})
	if ferr != nil {
		return nil, ferr
	}
	return a, nil
}
