package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
)

// loadQueries are the searches of the load test: words, a phrase, filters,
// sorts and pages, as people on the search page make them.
var loadQueries = []string{
	"q=jakarta",
	"q=pasar&sort=newest",
	"q=banjir",
	"q=" + url.QueryEscape(`"pavel durov"`),
	"q=warga&offset=10",
	"place=Jakarta",
	"q=harga&place=" + url.QueryEscape("Jawa Tengah"),
	"q=sekolah&facets=persons,places",
	"sort=oldest&size=20",
	"q=bekasi&since=2024-01-01&until=2026-01-01",
	"org=TNI",
	"q=" + url.QueryEscape("penipuan -investasi"),
}

// loadResult is what a load run measured.
type loadResult struct {
	latencies []time.Duration // of the searches, sorted
	errors    atomic.Int64    // failed requests, searches and posts
	posts     atomic.Int64    // batches indexed
	cpu       time.Duration   // of the process during the load
}

func (r *loadResult) quantile(q float64) time.Duration {
	if len(r.latencies) == 0 {
		return 0
	}
	return r.latencies[min(len(r.latencies)-1, int(q*float64(len(r.latencies))))]
}

// runLoad serves the sample corpus on a loopback port and sends it searches
// requests from clients goroutines while one more posts batches of batchSize
// articles (new versions of articles of the corpus under their own IDs, so the
// index keeps its size) until the searches are done. Every request is
// bounded: the searches by count, the posts by the searches.
func runLoad(tb testing.TB, clients, searches, batchSize int) *loadResult {
	x, err := loadIndex(telaah.SampleArticles())
	if err != nil {
		tb.Fatal(err)
	}
	defer x.Close()
	var arts []index.Article
	index.ReadJSONL(bytes.NewReader(telaah.SampleArticles()), "articles.jsonl",
		func(a index.Article) error { arts = append(arts, a); return nil }, func(*index.InputError) error { return nil })

	srv := httptest.NewServer(httpapi.New(x, &httpapi.Config{WriteToken: token}))
	defer srv.Close()
	client := &http.Client{
		Transport: &http.Transport{MaxIdleConnsPerHost: clients + 1},
		Timeout:   30 * time.Second,
	}
	defer client.CloseIdleConnections()

	res := &loadResult{}
	var mu sync.Mutex
	fail := func(format string, args ...any) {
		if res.errors.Add(1) <= 5 {
			tb.Errorf(format, args...)
		}
	}
	if b, ok := tb.(*testing.B); ok {
		b.ResetTimer()
	}
	cpu := cpuTime()
	var next atomic.Int64
	done := make(chan struct{})
	var writer sync.WaitGroup
	writer.Add(1)
	go func() {
		defer writer.Done()
		for batch := 0; batchSize > 0; batch++ {
			select {
			case <-done:
				return
			default:
			}
			var body bytes.Buffer
			enc := json.NewEncoder(&body)
			for i := range batchSize {
				a := arts[(batch*batchSize+i)%len(arts)]
				a.ID = fmt.Sprintf("load-%d", i)
				a.Title += fmt.Sprintf(" (versi %d)", batch)
				enc.Encode(a)
			}
			req, _ := http.NewRequest("POST", srv.URL+"/api/articles", &body)
			req.Header.Set("Authorization", "Bearer "+token)
			req.Header.Set("Content-Type", "application/x-ndjson")
			resp, err := client.Do(req)
			if err != nil {
				fail("post: %v", err)
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				fail("post: %d %s", resp.StatusCode, b)
				return
			}
			res.posts.Add(1)
		}
	}()
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for {
				n := next.Add(1) - 1
				if n >= int64(searches) {
					break
				}
				q := loadQueries[n%int64(len(loadQueries))]
				start := time.Now()
				req, _ := http.NewRequest("GET", srv.URL+"/api/search?"+q, nil)
				req.Header.Set("Accept", "application/json") // as the page asks
				resp, err := client.Do(req)
				if err != nil {
					fail("search %s: %v", q, err)
					continue
				}
				// Reading the answer without decoding it leaves the two cores
				// to the server; the other tests check what it says.
				b, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				el := time.Since(start)
				if resp.StatusCode != http.StatusOK || err != nil || !bytes.HasPrefix(b, []byte(`{"total":`)) {
					fail("search %s: %d %v %.80q", q, resp.StatusCode, err, b)
					continue
				}
				mine = append(mine, el)
			}
			mu.Lock()
			res.latencies = append(res.latencies, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	close(done)
	writer.Wait()
	res.cpu = cpuTime() - cpu
	slices.Sort(res.latencies)
	return res
}

// BenchmarkLoad is the load test: 8 clients search the sample corpus over
// HTTP while one posts batches of 5 articles; an iteration is one search. It
// reports the searches' p50 and p95 latency in ms, the failed requests (which
// must be 0), the batches posted and the CPU time of the process (clients,
// server and writer) per search. The sub-benchmark searches-only posts
// nothing, for comparison. Run it with a fixed count:
//
//	go test -run '^$' -bench Load -benchtime 2000x -count 3 ./index/httpapi/
func BenchmarkLoad(b *testing.B) {
	for _, c := range []struct {
		name  string
		batch int
	}{{"writes", 5}, {"searches-only", 0}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			r := runLoad(b, 8, b.N, c.batch)
			b.ReportMetric(float64(r.quantile(0.50).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(r.quantile(0.95).Microseconds())/1000, "p95-ms")
			b.ReportMetric(float64(r.errors.Load()), "errors")
			b.ReportMetric(float64(r.posts.Load()), "posts")
			b.ReportMetric(float64(r.cpu.Microseconds())/float64(b.N), "cpu-µs/search")
			if n := r.errors.Load(); n > 0 {
				b.Fatalf("%d failed requests", n)
			}
		})
	}
}

// The load of BenchmarkLoad, small, so that go test -race checks the handler
// with concurrent searches and writes. It measures no time.
func TestLoad(t *testing.T) {
	const searches = 96 // each query of the load 8 times
	r := runLoad(t, 8, searches, 3)
	if n := r.errors.Load(); n > 0 || len(r.latencies) != searches {
		t.Fatalf("%d errors, %d searches answered of %d", n, len(r.latencies), searches)
	}
	t.Logf("%d searches, %d batches posted", len(r.latencies), r.posts.Load())
}

// BenchmarkSearch compares, on the queries of the load test, a search through
// the handler (parameters parsed, JSON written, no network) with the baseline
// of index.Search called directly with the same request: the difference is
// what the HTTP API adds. One goroutine; an iteration is one search.
//
//	go test -run '^$' -bench 'Search$' -count 5 ./index/httpapi/
func BenchmarkSearch(b *testing.B) {
	x := sampleIndex(b)
	h := httpapi.New(x, nil)
	reqs := make([]index.Request, len(loadQueries))
	for i, q := range loadQueries {
		v, _ := url.ParseQuery(q)
		r, err := httpapi.ParseRequest(v, 0)
		if err != nil {
			b.Fatal(err)
		}
		reqs[i] = r
	}
	b.Run("index.Search", func(b *testing.B) {
		b.ReportAllocs()
		ctx := context.Background()
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			if _, err := x.Search(ctx, reqs[i%len(reqs)]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/search")
	})
	b.Run("handler", func(b *testing.B) {
		b.ReportAllocs()
		cpu := cpuTime()
		for i := 0; b.Loop(); i++ {
			req := httptest.NewRequest("GET", "/api/search?"+loadQueries[i%len(loadQueries)], nil)
			req.Header.Set("Accept", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, req)
			if w.Code != http.StatusOK {
				b.Fatalf("%d %s", w.Code, w.Body)
			}
		}
		b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/float64(b.N), "cpu-µs/search")
	})
}
