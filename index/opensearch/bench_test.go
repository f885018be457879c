package opensearch_test

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/indextest"
	"github.com/telaah/telaah/index/opensearch"
)

// mockCluster answers every bulk request with success for each item, as fast
// as it can read the body: the cluster's cost is left out, so that what is
// measured is Add's own work (analysis, encoding, the bulk protocol).
func mockCluster() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodHead {
			return // the alias exists
		}
		sc := bufio.NewScanner(r.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<30)
		n := 0
		for sc.Scan() {
			n++
		}
		io.Copy(io.Discard, r.Body)
		var b bytes.Buffer
		b.WriteString(`{"took":1,"errors":false,"items":[`)
		for i := 0; i < n/2; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"index":{"status":201}}`)
		}
		b.WriteString("]}")
		w.Write(b.Bytes())
	}))
}

// benchCorpus is the conformance corpus repeated to n articles with distinct IDs.
func benchCorpus(b *testing.B, n int) ([]index.Article, int64) {
	base := indextest.Corpus(b)
	var out []index.Article
	var size int64
	for i := 0; len(out) < n; i++ {
		a := base[i%len(base)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		out = append(out, a)
		size += int64(len(a.Title) + len(a.Body))
	}
	return out, size
}

// BenchmarkAdd compares in one run, on the same articles, alternating so that
// the machine's noise falls on all three:
//
//   - bleve: index.Index.Add into an index in memory (analysis overlapped with
//     bleve's indexing, the bleve backend's throughput);
//   - analysis: index.AnalyzeArticle on GOMAXPROCS goroutines and nothing else
//     (the ceiling of any backend analysing as Add does);
//   - opensearch: opensearch.Index.Add against a mocked cluster that accepts
//     every item at once (analysis, encoding and bulk protocol), in bulk
//     requests of 50 articles.
//
// It reports the throughput of each in docs/s, the ratios of throughputs
// os/bleve and os/analysis (the bar: os/bleve ≥ 0.9) and the CPU time of the
// process per article, which the load of a shared machine disturbs less (the
// mocked cluster runs in the process: its small cost is in os-cpu).
func BenchmarkAdd(b *testing.B) {
	arts, size := benchCorpus(b, 200)
	srv := mockCluster()
	defer srv.Close()
	// Bulk requests of 50 articles, so that analysis overlaps sending as it
	// does in any Add of more than one request (the default is 500 articles).
	x, err := opensearch.New(opensearch.Config{URL: srv.URL, BulkDocs: 50})
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(arts[:1]...); err != nil { // warm up: connections, template check
		b.Fatal(err)
	}
	var tBleve, tAnalysis, tOS time.Duration // wall
	var cBleve, cAnalysis, cOS time.Duration // CPU of the process
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		start, cpu := time.Now(), cpuTime()
		bx, err := index.Create("", nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := bx.Add(arts...); err != nil {
			b.Fatal(err)
		}
		tBleve += time.Since(start)
		cBleve += cpuTime() - cpu
		bx.Close()

		start, cpu = time.Now(), cpuTime()
		analyseAll(arts)
		tAnalysis += time.Since(start)
		cAnalysis += cpuTime() - cpu

		start, cpu = time.Now(), cpuTime()
		if err := x.Add(arts...); err != nil {
			b.Fatal(err)
		}
		tOS += time.Since(start)
		cOS += cpuTime() - cpu
	}
	docs := float64(b.N * len(arts))
	b.ReportMetric(docs/tBleve.Seconds(), "bleve-docs/s")
	b.ReportMetric(docs/tAnalysis.Seconds(), "analysis-docs/s")
	b.ReportMetric(docs/tOS.Seconds(), "os-docs/s")
	b.ReportMetric(tBleve.Seconds()/tOS.Seconds(), "os/bleve")
	b.ReportMetric(tAnalysis.Seconds()/tOS.Seconds(), "os/analysis")
	us := func(d time.Duration) float64 { return float64(d.Microseconds()) / docs }
	b.ReportMetric(us(cBleve), "bleve-cpu-µs/doc")
	b.ReportMetric(us(cAnalysis), "analysis-cpu-µs/doc")
	b.ReportMetric(us(cOS), "os-cpu-µs/doc")
}

// analyseAll analyses articles as Add does, on GOMAXPROCS goroutines.
func analyseAll(arts []index.Article) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				index.AnalyzeArticle(nil, &arts[i], false)
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
}
