package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// An article longer than --max-analyzed is indexed and stored whole, and the
// command says so on stderr, naming it; a word past the limit is not found.
func TestIndexMaxAnalyzedNotice(t *testing.T) {
	dir := t.TempDir()
	body := "Kata qwertyzxa di awal. " + strings.Repeat("Warga Bekasi mengeluhkan jalan rusak. ", 200) + "Kata zxcvbnmq di akhir."
	line, _ := json.Marshal(map[string]string{"id": "panjang-1", "title": "Laporan panjang", "body": body})
	short := `{"id":"pendek-1","title":"Pendek","body":"Jalan rusak di Kediri."}`
	in := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, []byte(string(line)+"\n"+short+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "idx")
	_, stderr, err := runTelaah(t, "", "index", "--quiet", "--index", idx, "--max-analyzed", "4096", in)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	for _, want := range []string{`notice: article "panjang-1"`, "a.jsonl", "of the " + strconv.Itoa(len(body)) + " bytes", "indexed 2 articles", "1 article was longer than --max-analyzed 4096 bytes"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, `"pendek-1"`) {
		t.Errorf("a short article is reported as analysed in part:\n%s", stderr)
	}
	// Indexing again into the existing index reports the article again.
	_, stderr, err = runTelaah(t, "", "index", "--quiet", "--index", idx, "--max-analyzed", "4096", in)
	if err != nil || !strings.Contains(stderr, `notice: article "panjang-1"`) {
		t.Errorf("re-indexing into an existing index: no notice (%v):\n%s", err, stderr)
	}
	out, _, err := runTelaah(t, "", "search", "--index", idx, "qwertyzxa")
	if err != nil || !strings.Contains(out, "panjang-1") {
		t.Errorf("a word before the limit is not found (%v):\n%s", err, out)
	}
	out, _, _ = runTelaah(t, "", "search", "--index", idx, "zxcvbnmq")
	if strings.Contains(out, "panjang-1") {
		t.Errorf("a word after the limit is found:\n%s", out)
	}

	// --max-analyzed 0: no limit, no notice, the last word found.
	idx0 := filepath.Join(dir, "idx0")
	_, stderr, err = runTelaah(t, "", "index", "--index", idx0, "--max-analyzed", "0", in)
	if err != nil || strings.Contains(stderr, "notice") {
		t.Errorf("--max-analyzed 0: %v\n%s", err, stderr)
	}
	out, _, _ = runTelaah(t, "", "search", "--index", idx0, "zxcvbnmq")
	if !strings.Contains(out, "panjang-1") {
		t.Errorf("--max-analyzed 0: the last word is not found:\n%s", out)
	}
	if _, _, err := runTelaah(t, "", "index", "--index", idx0, "--max-analyzed", "-1", in); exitCode(err) != 2 {
		t.Errorf("--max-analyzed -1: exit %d, want 2", exitCode(err))
	}
}

// TestIndexOpenSearchMaxAnalyzed: the cluster backend analyses the same part
// of a long article as the index directory does, stores it whole and reports
// it with the same notice.
func TestIndexOpenSearchMaxAnalyzed(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	dir := t.TempDir()
	body := "Kata qwertyzxa di awal. " + strings.Repeat("Warga Bekasi mengeluhkan jalan rusak. ", 200) + "Kata zxcvbnmq di akhir."
	line, _ := json.Marshal(map[string]string{"id": "panjang-1", "title": "Laporan panjang", "body": body})
	in := filepath.Join(dir, "a.jsonl")
	if err := os.WriteFile(in, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runTelaah(t, "", "index", "--quiet", "--opensearch", srv.URL, "--opensearch-replicas", "0", "--max-analyzed", "4096", in)
	if err != nil || !strings.Contains(stderr, `notice: article "panjang-1"`) {
		t.Fatalf("index --opensearch: no notice (%v):\n%s", err, stderr)
	}
	x, err := opensearch.New(opensearch.Config{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for q, want := range map[string]uint64{"qwertyzxa": 1, "zxcvbnmq": 0} {
		if res, err := x.Search(ctx, index.Request{Query: q}); err != nil || res.Total != want {
			t.Errorf("search %s: %v, %v; want %d hits", q, res, err, want)
		}
	}
	if a, err := x.Get("panjang-1"); err != nil || a == nil || a.Body != body {
		t.Errorf("the stored body is not whole (%v)", err)
	}
}
