package index

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/internal/newstext"
)

// benchDocs is the number of articles of the benchmarks.
const benchDocs = 5000

// generate makes n articles of about 2 KB from the sample corpus: each takes the
// title of a corpus article and paragraphs drawn (deterministically) from the
// whole corpus until its body reaches 2,000 bytes.
func generate(tb testing.TB, n int) []Article {
	base := append(sample(tb), extra...)
	var paras []string
	for _, a := range base {
		for _, p := range strings.Split(a.Body, "\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				paras = append(paras, p)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]Article, n)
	t0 := time.Date(2020, 1, 1, 6, 0, 0, 0, time.UTC)
	for i := range out {
		a := base[i%len(base)]
		var body strings.Builder
		for body.Len() < 2000 {
			if body.Len() > 0 {
				body.WriteString("\n\n")
			}
			body.WriteString(paras[r.IntN(len(paras))])
		}
		out[i] = Article{
			ID: fmt.Sprintf("gen-%05d", i), Source: a.Source, Title: a.Title,
			Body: body.String(), Published: t0.Add(time.Duration(i) * 7 * time.Hour),
			Authors: a.Authors, Tags: a.Tags,
		}
	}
	return out
}

func articleBytes(arts []Article) int64 {
	var n int64
	for _, a := range arts {
		n += int64(len(a.Title) + len(a.Body))
	}
	return n
}

// BenchmarkIndex indexes 5,000 generated articles of about 2 KB into a new scorch
// index on disk, in batches of 1,000, each batch durable before the next:
//
//   - id: Index.Add, that is the "id" analysis of title and body with entity
//     extraction, and the entity keyword, date and numeric fields;
//   - standard: plain bleve with the "standard" analyzer on title and body and
//     the same stored fields, term vectors and entity fields, with the entities
//     extracted by Telaah's recognizer in the timed loop;
//   - standard-preextracted: the same with the entities extracted beforehand,
//     outside the timer (extraction is not charged to it).
func BenchmarkIndex(b *testing.B) {
	arts := generate(b, benchDocs)
	size := articleBytes(arts)
	b.Run("id", func(b *testing.B) {
		b.SetBytes(size)
		b.ReportAllocs()
		timeIndexing(b, func(dir string) (io.Closer, error) {
			x, err := Create(dir, &Options{BatchSize: 1000})
			if err != nil {
				return nil, err
			}
			return x, x.Add(arts...)
		})
	})
	for _, timed := range []bool{true, false} {
		name := "standard"
		if !timed {
			name = "standard-preextracted"
		}
		b.Run(name, func(b *testing.B) { benchStandard(b, arts, timed) })
	}
}

// benchStandard indexes arts with bleve's "standard" analyzer on title and body,
// plus the entity fields. When timed, the entities are extracted in the timed
// loop, by entity.Default().Extract on title and body with GOMAXPROCS goroutines
// per batch (what a user of plain bleve with Telaah's recognizer would do);
// otherwise beforehand, outside the timer.
func benchStandard(b *testing.B, arts []Article, timed bool) {
	fields := func(a *Article) map[string]any {
		an := &Analysis{}
		rec := entity.Default()
		an.collect(append(rec.Extract(a.Title), rec.Extract(a.Body)...), a.Source, 0, 0)
		return map[string]any{
			FieldTitle: a.Title, FieldBody: a.Body, FieldSource: a.Source,
			FieldPublished: a.Published, FieldAuthors: a.Authors, FieldTags: a.Tags,
			FieldPersons: an.Persons, FieldOrganizations: an.Organizations, FieldPlaces: an.Places,
			FieldDates: an.Dates, FieldMoney: an.Money,
		}
	}
	extract := func(lo, hi int, data []map[string]any) {
		var wg sync.WaitGroup
		next := make(chan int)
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range next {
					data[i] = fields(&arts[i])
				}
			}()
		}
		for i := lo; i < hi; i++ {
			next <- i
		}
		close(next)
		wg.Wait()
	}
	data := make([]map[string]any, len(arts))
	if !timed {
		extract(0, len(arts), data)
	}
	m := NewMapping()
	m.DefaultAnalyzer = standard.Name
	for _, f := range []string{FieldTitle, FieldBody} {
		m.DefaultMapping.Properties[f].Fields[0].Analyzer = standard.Name
	}
	b.SetBytes(articleBytes(arts))
	b.ReportAllocs()
	b.ResetTimer()
	timeIndexing(b, func(dir string) (io.Closer, error) {
		x, err := bleve.NewUsing(dir, m, scorch.Name, scorch.Name, nil)
		if err != nil {
			return nil, err
		}
		for lo := 0; lo < len(arts); lo += 1000 {
			hi := min(lo+1000, len(arts))
			if timed {
				extract(lo, hi, data)
			}
			batch := x.NewBatch()
			for i := lo; i < hi; i++ {
				if err := batch.Index(arts[i].ID, data[i]); err != nil {
					return x, err
				}
			}
			if err := x.Batch(batch); err != nil {
				return x, err
			}
		}
		return x, nil
	})
}

// timeIndexing runs build b.N times, each into a new directory, and reports the
// benchDocs articles it indexes as docs/s (wall clock) and cpu-µs/doc (user and
// system time of the process). Closing the index is not timed.
func timeIndexing(b *testing.B, build func(dir string) (io.Closer, error)) {
	var el, cpu time.Duration
	for range b.N {
		dir := b.TempDir() + "/idx"
		start, cpu0 := time.Now(), cpuTime()
		x, err := build(dir)
		if err != nil {
			b.Fatal(err)
		}
		el += time.Since(start)
		cpu += cpuTime() - cpu0
		b.StopTimer()
		x.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(benchDocs*b.N)/el.Seconds(), "docs/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(benchDocs*b.N), "cpu-µs/doc")
}

// benchIndex builds the on-disk index of the generated articles that the search
// benchmarks query.
func benchIndex(b *testing.B) *Index {
	x, err := Create(b.TempDir()+"/idx", &Options{BatchSize: 1000})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { x.Close() })
	if err := x.Add(generate(b, benchDocs)...); err != nil {
		b.Fatal(err)
	}
	return x
}

// benchQueries are the match queries of BenchmarkSearch: common and rare words,
// inflected forms, names and two-word queries.
var benchQueries = []string{
	"pengguna", "penggunaan", "banjir", "bekasi", "harga", "pemerintah", "warga",
	"durov", "telegram", "jalan rusak", "korupsi", "pasar", "sekolah", "kereta",
	"menggunakan", "gempa", "pemilu", "kopi", "anggaran daerah", "polisi",
}

// BenchmarkSearch queries the 5,000-article index: "match" is a query with the
// top 10 hits highlighted and no facets, "3facets" the same with the persons,
// organisations and places facets (10 values each), "allfacets" with those, the
// sources and the published-date histogram. It reports the median latency as
// p50-ms.
func BenchmarkSearch(b *testing.B) {
	x := benchIndex(b)
	for _, c := range []struct {
		name string
		req  func(q string) Request
	}{
		{"match", func(q string) Request { return Request{Query: q, FacetSize: -1} }},
		{"3facets", func(q string) Request {
			return Request{Query: q, Facets: []string{FieldPersons, FieldOrganizations, FieldPlaces}}
		}},
		{"allfacets", func(q string) Request { return Request{Query: q} }},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			lat := make([]time.Duration, 0, b.N)
			ctx := context.Background()
			for i := range b.N {
				start := time.Now()
				res, err := x.Search(ctx, c.req(benchQueries[i%len(benchQueries)]))
				if err != nil {
					b.Fatal(err)
				}
				lat = append(lat, time.Since(start))
				_ = res
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		})
	}
}

// BenchmarkAnalyzerCompare runs bleve's "standard" analyzer and Telaah's "id"
// analyzer (as bleve's registry builds them: tokenizer, normalise, stop and stem
// filters) on the same 1 MB of news, alternately in each iteration, and reports
// the MB per CPU-second of each and their ratio (the bar: id ≥ 1.5× standard):
//
//	go test ./index -run XXX -bench AnalyzerCompare -cpu 1 -count 5
func BenchmarkAnalyzerCompare(b *testing.B) {
	input := []byte(newstext.Text())
	cache := registry.NewCache()
	std, err := cache.AnalyzerNamed(standard.Name)
	if err != nil {
		b.Fatal(err)
	}
	id, err := cache.AnalyzerNamed(AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	id.Analyze([]byte("Warga Bekasi menggunakan Telegram.")) // build the lists before timing
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	var cpuStd, cpuID time.Duration
	n := 0
	for b.Loop() {
		c0 := cpuTime()
		n += len(std.Analyze(input))
		c1 := cpuTime()
		n += len(id.Analyze(input))
		cpuStd += c1 - c0
		cpuID += cpuTime() - c1
	}
	if n == 0 || cpuStd <= 0 || cpuID <= 0 {
		return
	}
	mb := float64(len(input)) * float64(b.N) / 1e6
	b.ReportMetric(mb/cpuStd.Seconds(), "standard-MB/cpu-s")
	b.ReportMetric(mb/cpuID.Seconds(), "id-MB/cpu-s")
	b.ReportMetric(cpuStd.Seconds()/cpuID.Seconds(), "id/standard-speed")
}

var compareDocs = flag.Int("compare-docs", 2000, "articles that BenchmarkIndexCompare indexes (the issue's bar: 10000)")

// BenchmarkIndexCompare indexes the same generated articles of about 2 KB, in
// each iteration and in batches of 1,000, into two new scorch indexes on disk:
// with Telaah (Index.Add: the "id" analysis of title and body, entities
// included) and with plain bleve (its default mapping, whose "standard" analyzer
// indexes every field of the article, no entities). It reports the CPU time per
// article of each (user and system time of the process, which the load of a
// shared machine disturbs less than wall time) and their ratio (the bar: id ≤
// 1.2× standard on 10,000 articles):
//
//	go test ./index -run XXX -bench IndexCompare -cpu 1 -count 3 -compare-docs 10000
func BenchmarkIndexCompare(b *testing.B) {
	arts := generate(b, *compareDocs)
	docs := make([]map[string]any, len(arts))
	for i, a := range arts {
		docs[i] = map[string]any{
			"title": a.Title, "body": a.Body, "source": a.Source,
			"published": a.Published, "authors": a.Authors, "tags": a.Tags,
		}
	}
	entity.Default().Extract("Warga Bekasi.") // load the model before timing
	b.SetBytes(articleBytes(arts))
	b.ReportAllocs()
	var cpuID, cpuStd time.Duration
	for range b.N {
		dir := b.TempDir()
		c0 := cpuTime()
		x, err := Create(dir+"/id", &Options{BatchSize: 1000})
		if err != nil {
			b.Fatal(err)
		}
		if err := x.Add(arts...); err != nil {
			b.Fatal(err)
		}
		c1 := cpuTime()
		b.StopTimer()
		x.Close()
		b.StartTimer()
		c2 := cpuTime()
		y, err := bleve.NewUsing(dir+"/std", bleve.NewIndexMapping(), scorch.Name, scorch.Name, nil)
		if err != nil {
			b.Fatal(err)
		}
		for lo := 0; lo < len(docs); lo += 1000 {
			batch := y.NewBatch()
			for i := lo; i < min(lo+1000, len(docs)); i++ {
				if err := batch.Index(arts[i].ID, docs[i]); err != nil {
					b.Fatal(err)
				}
			}
			if err := y.Batch(batch); err != nil {
				b.Fatal(err)
			}
		}
		c3 := cpuTime()
		b.StopTimer()
		y.Close()
		b.StartTimer()
		cpuID += c1 - c0
		cpuStd += c3 - c2
	}
	if cpuID <= 0 || cpuStd <= 0 {
		return
	}
	n := float64(len(arts) * b.N)
	b.ReportMetric(float64(cpuID.Microseconds())/n, "id-cpu-µs/doc")
	b.ReportMetric(float64(cpuStd.Microseconds())/n, "standard-cpu-µs/doc")
	b.ReportMetric(cpuID.Seconds()/cpuStd.Seconds(), "id/standard-cpu")
}

// BenchmarkModelLoad measures entity.Load of the embedded model, as a program
// that indexes pays it once (the bar: 25 ms).
func BenchmarkModelLoad(b *testing.B) {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	c := cpuTime()
	for b.Loop() {
		if _, err := entity.Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((cpuTime()-c).Microseconds())/1000/float64(b.N), "cpu-ms/op")
}
