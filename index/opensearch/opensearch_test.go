package opensearch_test

import (
	"bytes"
	"context"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// golden compares got with the file testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write the golden files)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, got)
	}
}

// indented re-indents a JSON body, keys sorted, so golden files read well.
func indented(t *testing.T, b []byte) []byte {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, b)
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

var sampleArticles = []index.Article{
	{ID: "a1", Source: "Kabar Nusantara", URL: "https://contoh.id/a1", Published: time.Date(2024, 2, 10, 8, 30, 0, 0, time.UTC),
		Authors: []string{"Rina Wijaya"}, Tags: []string{"banjir"},
		Title: "Banjir di Bekasi", Body: "Kali Bekasi meluap dan merendam ratusan rumah. Warga mengungsi ke masjid."},
	{ID: "a2", Source: "Contoh", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		Title: "Pasar barang bekas ramai", Body: "Pembeli membawa pulang bukunya yang hilang. Harga naik Rp2 juta."},
}

func newIndex(t *testing.T, url string, cfg opensearch.Config) *opensearch.Index {
	t.Helper()
	cfg.URL = url
	if cfg.Backoff == nil {
		cfg.Backoff = func(int) time.Duration { return 0 }
	}
	x, err := opensearch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// TestFirstUse checks the requests of the first Add, against the emulated
// cluster: the template, the concrete index with its alias, and the bulk body.
func TestFirstUse(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{})
	if err := x.Add(sampleArticles...); err != nil {
		t.Fatal(err)
	}
	reqs := srv.Requests()
	var got []string
	for _, r := range reqs {
		got = append(got, r.Method+" "+r.Path+"?"+r.Query)
	}
	want := []string{"HEAD /telaah?", "PUT /_index_template/telaah?", "PUT /telaah-v1?", "POST /telaah/_bulk?refresh=wait_for"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("requests:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	golden(t, "template.json", indented(t, reqs[1].Body))
	golden(t, "create-index.json", indented(t, reqs[2].Body))
	golden(t, "bulk.ndjson", reqs[3].Body)
	if srv.Alias("telaah") != "telaah-v1" {
		t.Errorf("alias telaah → %q, want telaah-v1", srv.Alias("telaah"))
	}
	// Once ready, no more set-up requests.
	srv.Reset()
	if err := x.Add(sampleArticles[0]); err != nil {
		t.Fatal(err)
	}
	if r := srv.Requests(); len(r) != 1 || r[0].Path != "/telaah/_bulk" {
		t.Errorf("second Add sent %d requests, want one bulk request", len(r))
	}
}

// TestExistingAlias: an index or alias that exists is used as it is.
func TestExistingAlias(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	if err := newIndex(t, srv.URL, opensearch.Config{}).Add(sampleArticles...); err != nil {
		t.Fatal(err)
	}
	srv.Reset()
	x := newIndex(t, srv.URL, opensearch.Config{})
	a, err := x.Get("a2")
	if err != nil || a == nil || a.Title != sampleArticles[1].Title {
		t.Fatalf("Get = %+v, %v", a, err)
	}
	if r := srv.Requests(); len(r) != 2 || r[0].Method != http.MethodHead {
		t.Errorf("requests %v, want HEAD then GET", r)
	}
}

// TestSearchBodies checks the _search bodies of requests against the golden
// files: the query analysed by Telaah (stems, kept names, phrases with their
// gaps), filters, sort, facets and the date histogram.
func TestSearchBodies(t *testing.T) {
	x := newIndex(t, "http://localhost:9200", opensearch.Config{})
	for _, c := range []struct {
		name string
		r    index.Request
	}{
		{"match-all", index.Request{}},
		{"words", index.Request{Query: "pengguna Bekasi", Plain: true, FacetSize: -1}},
		{"phrase", index.Request{Query: `"harga yang naik. Cabai"`, FacetSize: -1}},
		{"boolean", index.Request{Query: `(banjir OR longsor) -jakarta title:warga`, FacetSize: -1}},
		{"fields", index.Request{Query: `persons:"Pavel Durov" orgs:KPK source:Kompas.com url:https://contoh.id/a1 published:>=2024-01 money:>1e9`, FacetSize: -1}},
		{"patterns", index.Request{Query: `presiden* b?njir telegarm~1`, FacetSize: -1}},
		{"filters-sort-facets", index.Request{Query: "banjir", Persons: []string{"Jokowi"}, Places: []string{"kota semarang"},
			Sources: []string{"Kompas.com", "Uji"}, Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC),
			Sort: index.ByNewest, Offset: 20, Size: 20, FacetSize: 5, Facets: []string{index.FieldPersons, index.FieldPublished}}},
	} {
		body, err := x.SearchBody(c.r)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		b, _ := json.Marshal(body)
		golden(t, "search/"+c.name+".json", indented(t, b))
	}
	for _, bad := range []index.Request{{Query: "title:("}, {Size: -1}, {Size: index.MaxSize + 1}, {Facets: []string{"nope"}},
		{Since: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}, {Persons: []string{" "}}} {
		if _, err := x.Search(context.Background(), bad); err == nil {
			t.Errorf("Search(%+v): no error", bad)
		}
	}
}

func TestEncodeTokens(t *testing.T) {
	for _, c := range []struct {
		toks []index.IndexedToken
		want string
	}{
		{nil, ""},
		{[]index.IndexedToken{{Term: "guna", Position: 1}, {Term: "aktif", Position: 2}}, "guna aktif"},
		// A stopword (position 2) and a sentence boundary (position 4) leave gaps.
		{[]index.IndexedToken{{Term: "rumah", Position: 1}, {Term: "besar", Position: 3}, {Term: "harga", Position: 5}}, "rumah _ besar _ harga"},
		{[]index.IndexedToken{{Term: "buku", Position: 2}, {Term: "bukunya", Position: 2}, {Term: "hilang", Position: 3}}, "_ buku|bukunya hilang"},
		{[]index.IndexedToken{{Term: "http://a.id/x|y%z", Position: 1}}, "http://a.id/x%7Cy%25z"},
	} {
		if got := opensearch.EncodeTokens(c.toks); got != c.want {
			t.Errorf("EncodeTokens(%v) = %q, want %q", c.toks, got, c.want)
		}
	}
}

// TestDocument: the terms fields hold exactly the terms bleve indexes, at the
// same positions.
func TestDocument(t *testing.T) {
	x := newIndex(t, "http://localhost:9200", opensearch.Config{})
	a := sampleArticles[1]
	b, err := x.Document(&a)
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	an := index.AnalyzeArticle(nil, &a, false)
	if got, want := d[opensearch.FieldBodyTerms], opensearch.EncodeTokens(an.BodyTokens); got != want {
		t.Errorf("body_terms %q, want %q", got, want)
	}
	// bukunya is indexed as buku; yang is a stopword (a gap); a sentence boundary another.
	if got := d[opensearch.FieldBodyTerms].(string); !strings.Contains(got, "pulang buku _ hilang _ harga naik") {
		t.Errorf("body_terms %q lack the stems and gaps", got)
	}
}

// replay is a server that answers the requests after the set-up ones with the
// given recorded responses, in order, and records what it received.
type replay struct {
	*httptest.Server
	bodies [][]byte
	n      atomic.Int32
}

func newReplay(t *testing.T, answers ...struct {
	status int
	file   string
}) *replay {
	t.Helper()
	r := &replay{}
	r.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		var buf bytes.Buffer
		buf.ReadFrom(req.Body)
		switch {
		case req.Method == http.MethodHead:
			w.WriteHeader(http.StatusOK) // the alias exists
			return
		}
		i := int(r.n.Add(1)) - 1
		r.bodies = append(r.bodies, buf.Bytes())
		if i >= len(answers) {
			t.Errorf("request %d (%s %s) not expected", i, req.Method, req.URL)
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		b, err := os.ReadFile(filepath.Join("testdata", "replay", answers[i].file))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(answers[i].status)
		w.Write(b)
	}))
	t.Cleanup(r.Close)
	return r
}

type answer = struct {
	status int
	file   string
}

// TestBulkReplay replays a partial bulk failure: a1 indexed, a2 refused (a
// number field given a word), a3 rejected by a full write queue and indexed
// when sent again; Add reports a2 alone.
func TestBulkReplay(t *testing.T) {
	r := newReplay(t, answer{429, "bulk-429.json"}, answer{200, "bulk-partial.json"}, answer{200, "bulk-retry-ok.json"})
	x := newIndex(t, r.URL, opensearch.Config{})
	arts := []index.Article{
		{ID: "a1", Title: "Satu", Body: "Isi satu."},
		{ID: "a2", Title: "Dua", Body: "Isi dua."},
		{ID: "a3", Title: "Tiga", Body: "Isi tiga."},
	}
	err := x.Add(arts...)
	var be *opensearch.BulkError
	if !errors.As(err, &be) {
		t.Fatalf("Add = %v, want a *BulkError", err)
	}
	if len(be.Items) != 1 || be.Items[0].ID != "a2" || be.Items[0].Status != 400 || be.Items[0].Type != "mapper_parsing_exception" ||
		!strings.Contains(be.Items[0].Reason, "number_format_exception") {
		t.Errorf("failed items %+v, want a2 refused with its cause", be.Items)
	}
	if be.Total != 3 || !strings.Contains(err.Error(), "1 of 3 articles were not indexed") {
		t.Errorf("error %q", err)
	}
	var ie opensearch.ItemError
	if !errors.As(err, &ie) || ie.ID != "a2" {
		t.Errorf("errors.As(ItemError) = %+v", ie)
	}
	if len(r.bodies) != 3 {
		t.Fatalf("%d bulk requests, want 3 (429, partial, retry)", len(r.bodies))
	}
	if !bytes.Equal(r.bodies[0], r.bodies[1]) {
		t.Errorf("the request answered 429 was not sent again whole")
	}
	if lines := strings.Count(string(r.bodies[2]), "\n"); lines != 2 || !strings.Contains(string(r.bodies[2]), `{"index":{"_id":"a3"}}`) {
		t.Errorf("retry body %q, want a3 alone", r.bodies[2])
	}
}

// TestReplayErrors: a mapping conflict on the template is reported with the
// cluster's reason and not retried; a strict-mapping refusal of every item is
// a *BulkError; a cluster that stays unavailable fails after the retries; a
// 401 is not retried.
func TestReplayErrors(t *testing.T) {
	t.Run("mapping conflict", func(t *testing.T) {
		var n atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			n.Add(1)
			if req.Method == http.MethodHead {
				w.WriteHeader(http.StatusNotFound)
				return
			}
			b, _ := os.ReadFile("testdata/replay/mapping-conflict.json")
			w.WriteHeader(http.StatusBadRequest)
			w.Write(b)
		}))
		defer srv.Close()
		err := newIndex(t, srv.URL, opensearch.Config{}).Add(sampleArticles...)
		var e *opensearch.Error
		if !errors.As(err, &e) || e.Status != 400 || e.Type != "illegal_argument_exception" ||
			!strings.Contains(err.Error(), "mapper [published] cannot be changed from type [date] to [keyword]") {
			t.Errorf("Add = %v", err)
		}
		if n.Load() != 2 {
			t.Errorf("%d requests, want 2 (HEAD, PUT template; no retry of a 400)", n.Load())
		}
	})
	t.Run("strict mapping", func(t *testing.T) {
		r := newReplay(t, answer{200, "strict-mapping.json"})
		err := newIndex(t, r.URL, opensearch.Config{}).Add(index.Article{ID: "a1", Title: "Satu"})
		var be *opensearch.BulkError
		if !errors.As(err, &be) || be.Items[0].Type != "strict_dynamic_mapping_exception" {
			t.Errorf("Add = %v", err)
		}
	})
	t.Run("unavailable", func(t *testing.T) {
		r := newReplay(t, answer{503, "unavailable-503.json"}, answer{503, "unavailable-503.json"}, answer{503, "unavailable-503.json"})
		err := newIndex(t, r.URL, opensearch.Config{MaxRetries: 2}).Add(sampleArticles...)
		var e *opensearch.Error
		if !errors.As(err, &e) || e.Status != 503 || !strings.Contains(err.Error(), "the 0 before are indexed") {
			t.Errorf("Add = %v", err)
		}
		if r.n.Load() != 3 {
			t.Errorf("%d bulk requests, want 3 (1 + 2 retries)", r.n.Load())
		}
	})
	t.Run("unauthorized", func(t *testing.T) {
		r := newReplay(t, answer{401, "unauthorized-401.json"})
		_, err := newIndex(t, r.URL, opensearch.Config{}).Search(context.Background(), index.Request{})
		if !strings.Contains(fmtErr(err), "401 Unauthorized: security_exception: missing authentication credentials") {
			t.Errorf("Search = %v", err)
		}
	})
}

func fmtErr(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestCredentials: an API key wins over a user and password; credentials in
// the URL are used when no other is given and never sent in the URL.
func TestCredentials(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		got = append(got, req.Header.Get("Authorization")+" "+req.URL.String())
		w.WriteHeader(http.StatusOK)
		w.Write([]byte(`{"count": 3}`))
	}))
	defer srv.Close()
	for _, c := range []opensearch.Config{
		{URL: srv.URL, APIKey: "a2V5OnNlY3JldA==", Username: "u", Password: "p"},
		{URL: srv.URL, Username: "elastic", Password: "rahasia"},
		{URL: strings.Replace(srv.URL, "http://", "http://admin:sandi@", 1)},
	} {
		x, err := opensearch.New(c)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := x.Count(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{
		"ApiKey a2V5OnNlY3JldA== /telaah", "ApiKey a2V5OnNlY3JldA== /telaah/_count",
		"Basic ZWxhc3RpYzpyYWhhc2lh /telaah", "Basic ZWxhc3RpYzpyYWhhc2lh /telaah/_count",
		"Basic YWRtaW46c2FuZGk= /telaah", "Basic YWRtaW46c2FuZGk= /telaah/_count",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sent\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTLS: a certificate the system does not trust is refused, and trusted
// when its authority is given with CACert.
func TestTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		w.Write([]byte(`{"count": 1}`))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake
	srv.StartTLS()
	defer srv.Close()
	x, err := opensearch.New(opensearch.Config{URL: srv.URL, MaxRetries: -1})
	if err != nil {
		t.Fatal(err)
	}
	var uerr x509.UnknownAuthorityError
	if _, err := x.Count(context.Background()); !errors.As(err, &uerr) {
		t.Errorf("Count against an untrusted certificate = %v, want an unknown-authority error", err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	pemBytes := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(ca, pemBytes, 0o600); err != nil {
		t.Fatal(err)
	}
	x, err = opensearch.New(opensearch.Config{URL: srv.URL, CACert: ca})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := x.Count(context.Background()); err != nil || n != 1 {
		t.Errorf("Count with the CA given = %d, %v", n, err)
	}
}

// TestRefresh: with RefreshNone the articles are durable (Get sees them) but
// searchable only after a refresh; with the default they are searchable when
// Add returns.
func TestRefresh(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{Refresh: opensearch.RefreshNone})
	if err := x.Add(sampleArticles...); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	total := func() uint64 {
		res, err := x.Search(ctx, index.Request{Query: "bekasi"})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if a, _ := x.Get("a1"); a == nil {
		t.Errorf("Get after Add: nil")
	}
	if n := total(); n != 0 {
		t.Errorf("before refresh %d hits, want 0", n)
	}
	if err := x.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if n := total(); n != 1 {
		t.Errorf("after refresh %d hits, want 1", n)
	}
}

func TestConfigErrors(t *testing.T) {
	for _, c := range []opensearch.Config{
		{}, {URL: "localhost:9200"}, {URL: "ftp://x"}, {URL: "http://x", Index: "Telaah"},
		{URL: "http://x", Index: "a b"}, {URL: "http://x", Refresh: "sometimes"}, {URL: "http://x", CACert: "/no/such/file"},
	} {
		if _, err := opensearch.New(c); err == nil {
			t.Errorf("New(%+v): no error", c)
		}
	}
}

// TestBulkBounds: requests hold at most BulkDocs articles and BulkBytes bytes,
// an article over BulkBytes goes alone, and every article is sent once.
func TestBulkBounds(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{BulkDocs: 3, BulkBytes: 1500})
	var arts []index.Article
	for i := range 10 {
		body := "Warga Bekasi mengungsi."
		if i == 4 {
			body = strings.Repeat("Hujan deras turun lagi. ", 100)
		}
		arts = append(arts, index.Article{ID: string(rune('a' + i)), Title: "Judul", Body: body})
	}
	if err := x.Add(arts...); err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, r := range srv.Requests() {
		if !strings.HasSuffix(r.Path, "/_bulk") {
			continue
		}
		n := strings.Count(string(r.Body), "\n") / 2
		if n > 3 || n > 1 && len(r.Body) > 1500 {
			t.Errorf("bulk request of %d articles, %d bytes", n, len(r.Body))
		}
		for _, line := range strings.Split(strings.TrimSpace(string(r.Body)), "\n") {
			var act map[string]map[string]string
			if json.Unmarshal([]byte(line), &act) == nil && act["index"] != nil {
				seen[act["index"]["_id"]]++
			}
		}
	}
	for _, a := range arts {
		if seen[a.ID] != 1 {
			t.Errorf("article %s sent %d times", a.ID, seen[a.ID])
		}
	}
	if c, _ := x.Count(context.Background()); c != 10 {
		t.Errorf("Count = %d, want 10", c)
	}
}

// TestReindex moves the articles to a new versioned index and swaps the alias.
func TestReindex(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{})
	var arts []index.Article
	for i := range 1203 { // more than two pages
		arts = append(arts, index.Article{ID: fmt.Sprintf("a%04d", i), Title: "Banjir di Bekasi", Body: fmt.Sprintf("Warga ke-%d mengungsi.", i)})
	}
	if err := x.Add(arts...); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var last int
	old, err := x.Reindex(ctx, "v2", func(n int) { last = n })
	if err != nil {
		t.Fatal(err)
	}
	if old != "telaah-v1" || srv.Alias("telaah") != "telaah-v2" || last != len(arts) {
		t.Errorf("old %q, alias → %q, %d copied", old, srv.Alias("telaah"), last)
	}
	if n, err := x.Count(ctx); err != nil || n != uint64(len(arts)) {
		t.Errorf("Count after Reindex = %d, %v", n, err)
	}
	if res, err := x.Search(ctx, index.Request{Query: "bekasi", Size: 1}); err != nil || res.Total != uint64(len(arts)) {
		t.Errorf("Search after Reindex = %v, %v", res, err)
	}
	if err := x.DeleteIndex(ctx, "telaah-v2"); err == nil {
		t.Errorf("DeleteIndex of the index behind the alias: no error")
	}
	if err := x.DeleteIndex(ctx, old); err != nil {
		t.Errorf("DeleteIndex(%s): %v", old, err)
	}
	if got := srv.Indices(); len(got) != 1 || got[0] != "telaah-v2" {
		t.Errorf("indices %v, want [telaah-v2]", got)
	}
	if _, err := x.Reindex(ctx, "v2", nil); err == nil {
		t.Errorf("Reindex to the current version: no error")
	}
}
