package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	bquery "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	ta "github.com/telaah/telaah/analysis"
)

// The scale benchmarks run on 100,000 generated articles of about 2 KB. The
// index takes minutes to build, so it is built once and kept in the user's
// cache directory (or the temp directory), under a name that changes with the
// generator and the mapping: delete it to rebuild.
const (
	scaleDocs    = 100_000
	scaleVersion = "v1"
)

// scalePara is a paragraph of the sample corpus, analysed once: its terms (with
// entity-aware proper nouns) and the entity values it contributes.
type scalePara struct {
	text  string
	terms []ta.Term
	an    Analysis
}

// scaleCorpus is what the generator draws from.
type scaleCorpus struct {
	paras   []scalePara
	sources []string
}

func newScaleCorpus(tb testing.TB) *scaleCorpus {
	c := &scaleCorpus{}
	seen := map[string]bool{}
	for _, a := range append(sample(tb), extra...) {
		if a.Source != "" && !seen[a.Source] {
			seen[a.Source] = true
			c.sources = append(c.sources, a.Source)
		}
		for _, p := range strings.Split(a.Body, "\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				var pl *ta.Pipeline
				doc := pl.Analyze(p)
				sp := scalePara{text: p, terms: doc.Terms}
				sp.an.collect(doc.Entities, a.Source, 0, len(p))
				c.paras = append(c.paras, sp)
			}
		}
	}
	return c
}

// scaleDoc makes generated article i: a title of the first words of one
// paragraph, a body of paragraphs drawn until it reaches 2,000 bytes, a source
// and a date; its entities are those of its paragraphs (computed once per
// paragraph, so the build needs no entity extraction per article).
func (c *scaleCorpus) scaleDoc(i int, m mapping.IndexMapping) (*document.Document, int, error) {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	t := c.paras[r.IntN(len(c.paras))]
	title := t.text
	if w := strings.Fields(title); len(w) > 9 {
		title = strings.Join(w[:9], " ")
	}
	var titleTerms []ta.Term
	for _, term := range t.terms {
		if term.End <= len(title) {
			titleTerms = append(titleTerms, term)
		}
	}
	var body strings.Builder
	var terms []ta.Term
	var persons, orgs, places []string
	var money []float64
	var dates []time.Time
	for body.Len() < 2000 {
		if body.Len() > 0 {
			body.WriteString("\n\n")
		}
		p := c.paras[r.IntN(len(c.paras))]
		off := body.Len()
		body.WriteString(p.text)
		for _, term := range p.terms {
			term.Start += off
			term.End += off
			terms = append(terms, term)
		}
		persons = appendNew(persons, p.an.Persons)
		orgs = appendNew(orgs, p.an.Organizations)
		places = appendNew(places, p.an.Places)
		money = append(money, p.an.Money...)
		dates = append(dates, p.an.Dates...)
	}
	published := time.Date(2016, 1, 1, 6, 0, 0, 0, time.UTC).Add(time.Duration(i) * 53 * time.Minute)
	data := map[string]any{
		FieldURL: fmt.Sprintf("https://contoh.id/%d", i), FieldSource: c.sources[r.IntN(len(c.sources))],
		FieldPublished: published,
	}
	put := func(k string, v any, ok bool) {
		if ok {
			data[k] = v
		}
	}
	put(FieldPersons, persons, len(persons) > 0)
	put(FieldOrganizations, orgs, len(orgs) > 0)
	put(FieldPlaces, places, len(places) > 0)
	put(FieldMoney, money, len(money) > 0)
	put(FieldDates, dates, len(dates) > 0)
	doc := document.NewDocument(fmt.Sprintf("gen-%06d", i))
	return doc, len(title) + body.Len(), mapDoc(m, doc, data, title, body.String(), titleTerms, terms)
}

// mapDoc fills doc as Index.document does, from terms analysed beforehand.
func mapDoc(m mapping.IndexMapping, doc *document.Document, data map[string]any, title, body string, titleTerms, bodyTerms []ta.Term) error {
	if err := m.MapDocument(doc, data); err != nil {
		return err
	}
	var tt, bt fieldTokens
	for i := range titleTerms {
		tt.add(&titleTerms[i], false)
	}
	for i := range bodyTerms {
		bt.add(&bodyTerms[i], false)
	}
	doc.AddField(newTextField(FieldTitle, title, &tt))
	doc.AddField(newTextField(FieldBody, body, &bt))
	return nil
}

func appendNew(to, vs []string) []string {
	for _, v := range vs {
		if !slices.Contains(to, v) {
			to = append(to, v)
		}
	}
	return to
}

// buildScale indexes n generated articles into a new index at dir with mapping
// m, in batches of 1,000, and returns the bytes of text indexed.
func buildScale(tb testing.TB, dir string, m mapping.IndexMapping, n int) int64 {
	c := newScaleCorpus(tb)
	b, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var size int64
	for lo := 0; lo < n; lo += 1000 {
		batch := b.NewBatch()
		for i := lo; i < min(lo+1000, n); i++ {
			d, sz, err := c.scaleDoc(i, m)
			if err != nil {
				tb.Fatal(err)
			}
			size += int64(sz)
			if err := batch.IndexAdvanced(d); err != nil {
				tb.Fatal(err)
			}
		}
		if err := b.Batch(batch); err != nil {
			tb.Fatal(err)
		}
	}
	if err := b.Close(); err != nil {
		tb.Fatal(err)
	}
	return size
}

// scaleIndex opens the cached index of scaleDocs articles, building it first
// when it is not there.
func scaleIndex(b *testing.B) *Index {
	base, err := os.UserCacheDir()
	if err != nil {
		base = os.TempDir()
	}
	dir := filepath.Join(base, "telaah", "scale-"+scaleVersion)
	if _, err := os.Stat(filepath.Join(dir, "complete")); err != nil {
		b.Logf("building the index of %d articles in %s (once)", scaleDocs, dir)
		start := time.Now()
		os.RemoveAll(dir)
		if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
			b.Fatal(err)
		}
		tmp := dir + ".building"
		os.RemoveAll(tmp)
		buildScale(b, tmp, NewMapping(), scaleDocs)
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "complete"), nil, 0o644); err != nil {
			b.Fatal(err)
		}
		b.Logf("built in %s", time.Since(start).Round(time.Second))
	}
	x, err := Open(dir, nil)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { x.Close() })
	return x
}

// scaleMatch are match queries: common and rare words, inflected forms, names.
var scaleMatch = []string{
	"pengguna", "penggunaan", "banjir", "bekasi", "harga", "pemerintah", "warga",
	"durov", "telegram", "korupsi", "pasar", "sekolah", "kereta", "menggunakan",
	"gempa", "pemilu", "kopi", "polisi", "jalan rusak", "anggaran daerah",
}

// scalePhrase are phrase queries of two or three words found in the corpus.
var scalePhrase = []string{
	`"pengguna aktif"`, `"harga cabai"`, `"dana desa"`, `"jalan desa"`, `"pasar tradisional"`,
	`"kepala dinas"`, `"bus listrik"`, `"pusat data"`, `"awan panas"`, `"kali bekasi"`,
	`"air bersih"`, `"mobil bekas"`, `"penipuan investasi"`, `"pemusatan latihan"`, `"lahan sengketa"`,
	`"pavel durov"`, `"tahun baru"`, `"dinas kesehatan"`, `"bank indonesia"`, `"pembebasan lahan"`,
}

// BenchmarkScale queries the index of 100,000 generated articles (see
// scaleIndex) and reports the p50 and p95 latency of: match (a query, the top
// 10 hits highlighted, no facets), phrase (the same with phrase queries) and
// match+3facets (match with exact persons, organisations and places facets of
// 10 values each, counted over every matching article). Each sub-benchmark runs
// its queries round-robin after one warm-up pass (which builds the facet
// columns of the snapshot). cpu-ms/query is the process's CPU time (user and
// system, garbage collection included) per query: the latency to expect on an
// idle machine, since a search runs on one goroutine.
func BenchmarkScale(b *testing.B) {
	x := scaleIndex(b)
	if n, _ := x.Count(); n != scaleDocs {
		b.Fatalf("the cached index has %d articles, want %d", n, scaleDocs)
	}
	ctx := context.Background()
	for _, c := range []struct {
		name    string
		queries []string
		req     func(q string) Request
		cold    bool // the postings cache emptied before each query
	}{
		{"match", scaleMatch, func(q string) Request { return Request{Query: q} }, false},
		{"phrase", scalePhrase, func(q string) Request { return Request{Query: q} }, false},
		{"phrase-cold", scalePhrase, func(q string) Request { return Request{Query: q} }, true},
		{"match+3facets", scaleMatch, func(q string) Request {
			return Request{Query: q, Facets: []string{FieldPersons, FieldOrganizations, FieldPlaces}}
		}, false},
		{"match-plain", scaleMatch, func(q string) Request { return Request{Query: q, Plain: true} }, false},
	} {
		b.Run(c.name, func(b *testing.B) {
			for _, q := range c.queries {
				if _, err := x.Search(ctx, c.req(q)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportAllocs()
			b.ResetTimer()
			lat := make([]time.Duration, 0, b.N)
			var hits uint64
			cpu0 := cpuTime()
			for i := range b.N {
				if c.cold {
					x.posts.reset()
				}
				start := time.Now()
				res, err := x.Search(ctx, c.req(c.queries[i%len(c.queries)]))
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				hits += res.Total
			}
			cpu := cpuTime() - cpu0
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/query")
			b.ReportMetric(float64(hits)/float64(b.N), "hits/query")
			x.posts.mu.Lock()
			b.ReportMetric(float64(x.posts.size)/(1<<20), "cache-MB")
			x.posts.mu.Unlock()
		})
	}
}

// BenchmarkScaleIndexSize indexes the same 10,000 generated articles with
// today's mapping and with the mapping of the first release (an _all field,
// doc values on the keyword fields) and reports the bytes on disk per article of
// each and their ratio.
func BenchmarkScaleIndexSize(b *testing.B) {
	const n = 10_000
	sizes := map[string]float64{}
	for range b.N {
		for _, m := range []struct {
			name string
			m    mapping.IndexMapping
		}{{"new", NewMapping()}, {"old", legacyMapping()}} {
			dir := b.TempDir() + "/idx"
			buildScale(b, dir, m.m, n)
			sizes[m.name] = float64(dirSize(b, dir)) / n
		}
	}
	b.ReportMetric(sizes["new"], "new-B/article")
	b.ReportMetric(sizes["old"], "old-B/article")
	b.ReportMetric(sizes["new"]/sizes["old"], "new/old")
}

func dirSize(tb testing.TB, dir string) int64 {
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// legacyMapping is NewMapping as it was before this release: _all on (title and
// body indexed a second time, with term vectors) and doc values on the keyword
// fields.
func legacyMapping() *mapping.IndexMappingImpl {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = AnalyzerName
	text.Store = true
	text.IncludeTermVectors = true
	kw := func(store, all, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Analyzer = keyword.Name
		f.Store = store
		f.IncludeInAll = all
		f.DocValues = docValues
		f.IncludeTermVectors = false
		return f
	}
	date := bleve.NewDateTimeFieldMapping()
	date.IncludeInAll = false
	dates := bleve.NewDateTimeFieldMapping()
	dates.IncludeInAll = false
	dates.Store = false
	num := bleve.NewNumericFieldMapping()
	num.IncludeInAll = false
	num.Store = false
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text)
	doc.AddFieldMappingsAt(FieldBody, text)
	doc.AddFieldMappingsAt(FieldURL, kw(true, false, false))
	doc.AddFieldMappingsAt(FieldSource, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldPublished, date)
	doc.AddFieldMappingsAt(FieldAuthors, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldTags, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldPersons, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldOrganizations, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldPlaces, kw(true, false, true))
	doc.AddFieldMappingsAt(FieldDates, dates)
	doc.AddFieldMappingsAt(FieldMoney, num)
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerName
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = bindex.BM25Scoring
	return m
}

// BenchmarkScaleCompare compares, on 10,000 generated articles indexed both
// ways (built once per run, in the test's temp dir), today's Search with what
// the first release did on its mapping: bleve's query-string query over _all
// plus a title match, bleve's facets (doc values) and bleve's HTML highlighter.
// Each sub-benchmark reports CPU ms per query; compare old/… with new/… of the
// same name.
func BenchmarkScaleCompare(b *testing.B) {
	const n = 10_000
	dirNew, dirOld := b.TempDir()+"/new", b.TempDir()+"/old"
	buildScale(b, dirNew, NewMapping(), n)
	buildScale(b, dirOld, legacyMapping(), n)
	x, err := Open(dirNew, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	old, err := bleve.Open(dirOld)
	if err != nil {
		b.Fatal(err)
	}
	defer old.Close()
	ctx := context.Background()
	facets3 := []string{FieldPersons, FieldOrganizations, FieldPlaces}
	oldReq := func(q string, facets bool) *bleve.SearchRequest {
		qs := bleve.NewQueryStringQuery(q)
		t := bleve.NewMatchQuery(strings.Trim(q, `"`))
		t.SetField(FieldTitle)
		t.SetBoost(0.5)
		req := bleve.NewSearchRequestOptions(bquery.NewBooleanQuery([]bquery.Query{qs}, []bquery.Query{t}, nil), 10, 0, false)
		req.Fields = []string{FieldTitle, FieldURL, FieldSource, FieldPublished, FieldPersons, FieldOrganizations, FieldPlaces}
		req.Highlight = bleve.NewHighlightWithStyle("html")
		req.Highlight.Fields = []string{FieldTitle, FieldBody}
		if facets {
			for _, f := range facets3 {
				req.AddFacet(f, bleve.NewFacetRequest(f, 10))
			}
		}
		return req
	}
	for _, c := range []struct {
		name    string
		queries []string
		facets  bool
	}{{"match", scaleMatch, false}, {"phrase", scalePhrase, false}, {"match+3facets", scaleMatch, true}} {
		run := func(b *testing.B, search func(q string) error) {
			for _, q := range c.queries {
				if err := search(q); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			cpu0 := cpuTime()
			for i := range b.N {
				if err := search(c.queries[i%len(c.queries)]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/query")
		}
		b.Run("new/"+c.name, func(b *testing.B) {
			run(b, func(q string) error {
				r := Request{Query: q}
				if c.facets {
					r.Facets = facets3
				}
				_, err := x.Search(ctx, r)
				return err
			})
		})
		b.Run("old/"+c.name, func(b *testing.B) {
			run(b, func(q string) error {
				_, err := old.SearchInContext(ctx, oldReq(q, c.facets))
				return err
			})
		})
	}
}
