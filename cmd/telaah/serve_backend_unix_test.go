//go:build unix

package main

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// startServe runs telaah serve with args on a free loopback port until stop
// (or the end of the test), which shuts it down with SIGTERM. It returns the
// server's base URL and its stderr. Run one at a time: the signal stops every
// server of the process, and with none left it ends the test binary.
func startServe(t *testing.T, args ...string) (base string, stderr *syncBuffer, stop func()) {
	t.Helper()
	stderr = &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: stderr},
			append([]string{"serve", "--addr", "127.0.0.1:0", "--quiet"}, args...))
	}()
	re := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)
	for deadline := time.Now().Add(30 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			base = "http://" + m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve %q ended: %v\n%s", args, err, stderr.String())
		default:
		}
	}
	if base == "" {
		t.Fatalf("serve %q did not say where it listens:\n%s", args, stderr.String())
	}
	// The server serves after it listens for the signals: once it answers,
	// SIGTERM is caught.
	if res, err := http.Get(base + "/healthz"); err != nil {
		t.Fatal(err)
	} else {
		res.Body.Close()
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve %q: %v\n%s", args, err, stderr.String())
				}
			case <-time.After(30 * time.Second):
				t.Fatalf("serve %q did not stop on SIGTERM", args)
			}
		})
	}
	t.Cleanup(stop)
	return base, stderr, stop
}

// get returns the status and body of a GET.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// Without a write token serve opens the index read-only: telaah search reads
// it meanwhile, and a writer is told who holds it.
func TestServeReadOnlyLetsSearchIn(t *testing.T) {
	dir := sampleIndex(t)
	base, stderr, stop := startServe(t, "--index", dir)
	if !strings.Contains(stderr.String(), "(43 articles, read-only)") {
		t.Errorf("banner: %s", stderr.String())
	}
	out, errs, err := runTelaah(t, "", "search", "--index", dir, "--lock-timeout", "10s", "durov")
	if err != nil || !strings.Contains(out, "kompas-telegram-200-juta") {
		t.Errorf("search beside serve: %v\n%s%s", err, out, errs)
	}
	if status, body := get(t, base+"/api/search?q=durov"); status != 200 || !strings.Contains(body, "kompas-telegram-200-juta") {
		t.Errorf("serve's search: %d %s", status, body)
	}
	in := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(in, []byte(`{"id":"a","title":"Judul","body":"Isi."}`+"\n"), 0o644)
	if _, _, err := runTelaah(t, "", "index", "--index", dir, "--lock-timeout", "100ms", "--quiet", in); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Errorf("telaah index beside a read-only serve: %v, want an error saying the index is locked", err)
	}
	stop()
	// serve let go of the index: a writer opens it.
	x, err := index.Open(dir, nil)
	if err != nil {
		t.Fatalf("opening for writing after serve stopped: %v", err)
	}
	x.Close()
}

// With a write token serve holds the index for writing, as telaah index does.
func TestServeWritesHoldTheIndex(t *testing.T) {
	dir := sampleIndex(t)
	startServe(t, "--index", dir, "--write-token", strings.Repeat("k", 16))
	if _, _, err := runTelaah(t, "", "search", "--index", dir, "--lock-timeout", "100ms", "durov"); err == nil || !strings.Contains(err.Error(), "locked") {
		t.Errorf("telaah search beside a writing serve: %v, want an error saying the index is locked", err)
	}
}

// telaah serve --max-analyzed: a posted article longer than the limit is
// indexed whole and listed in the answer as analysed in part.
func TestServeMaxAnalyzed(t *testing.T) {
	tok := strings.Repeat("k", 16)
	base, _, _ := startServe(t, "--index", filepath.Join(t.TempDir(), "baru"), "--write-token", tok, "--max-analyzed", "1024")
	long := strings.Repeat("Warga Bekasi mengeluhkan jalan rusak. ", 100)
	req, err := http.NewRequest("POST", base+"/api/articles", strings.NewReader(`{"id":"panjang","title":"Laporan","body":"`+long+`"}`+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(string(raw), `"partial"`) || !strings.Contains(string(raw), `"panjang"`) {
		t.Errorf("POST of a long article: %d %s, want it listed as partial", res.StatusCode, raw)
	}
}

// telaah serve --opensearch serves a cluster (here an emulated one): the same
// hits as serving the index directory, and writes with a token.
func TestServeOpenSearch(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	t.Setenv(opensearch.EnvUser, "")
	t.Setenv(opensearch.EnvAPIKey, "a2V5OnNlY3JldA==")
	in := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(in, telaah.SampleArticles(), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := runTelaah(t, "", "index", "--opensearch", srv.URL, "--opensearch-index", "berita", "--opensearch-replicas", "0", "--quiet", in); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	// One server at a time: SIGTERM stops them all.
	queries := []string{"telegram", "%22harga+cabai%22+OR+banjir", "durov&sort=newest"}
	want := map[string]string{}
	local, _, stop := startServe(t, "--index", sampleIndex(t))
	for _, q := range queries {
		if _, want[q] = get(t, local+"/api/search?q="+q); !strings.Contains(want[q], `"id"`) {
			t.Fatalf("q=%s finds nothing in the index directory: %s", q, want[q])
		}
	}
	stop()
	base, stderr, stop := startServe(t, "--opensearch", srv.URL, "--opensearch-index", "berita")
	if b := stderr.String(); !strings.Contains(b, "(alias berita) (43 articles, read-only)") {
		t.Errorf("banner: %s", b)
	}
	for _, q := range queries {
		status, got := get(t, base+"/api/search?q="+q)
		if status != 200 || hitsOf(t, got) != hitsOf(t, want[q]) {
			t.Errorf("serve --opensearch, q=%s: %d\n%s\nwant (as --index)\n%s", q, status, hitsOf(t, got), hitsOf(t, want[q]))
		}
	}
	stop()

	token := strings.Repeat("t", 20)
	base, _, _ = startServe(t, "--opensearch", srv.URL, "--opensearch-index", "berita", "--write-token", token)
	req, _ := http.NewRequest("POST", base+"/api/articles",
		strings.NewReader(`{"id":"baru","title":"Gempa Guncang Kupang","body":"Gempa bermagnitudo 5 mengguncang Kota Kupang pada Senin pagi."}`+"\n"))
	req.Header.Set("Authorization", "Bearer "+token)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("POST /api/articles: %d %s", res.StatusCode, b)
	}
	if status, body := get(t, base+"/api/search?q=gempa"); status != 200 || !strings.Contains(body, `"baru"`) {
		t.Errorf("the posted article is not found: %d %s", status, body)
	}
}
