package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// TestIndexOpenSearch indexes the sample corpus into an emulated cluster with
// telaah index --opensearch, credentials from the environment.
func TestIndexOpenSearch(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	t.Setenv(opensearch.EnvUser, "")
	t.Setenv(opensearch.EnvAPIKey, "a2V5OnNlY3JldA==")
	in := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(in, telaah.SampleArticles(), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stderr, err := runTelaah(t, "", "index", "--opensearch", srv.URL, "--opensearch-index", "berita", "--opensearch-replicas", "0", "--batch", "10", "--quiet", in)
	if err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "indexed 43 articles") || !strings.Contains(stderr, "(alias berita)") {
		t.Errorf("summary: %s", stderr)
	}
	if srv.Alias("berita") != "berita-v1" {
		t.Errorf("alias berita → %q", srv.Alias("berita"))
	}
	bulks := 0
	for _, r := range srv.Requests() {
		if strings.HasSuffix(r.Path, "/_bulk") {
			bulks++
		}
	}
	if bulks != 5 {
		t.Errorf("%d bulk requests, want 5 (43 articles, --batch 10)", bulks)
	}
	x, err := opensearch.New(opensearch.Config{URL: srv.URL, Index: "berita"})
	if err != nil {
		t.Fatal(err)
	}
	res, err := x.Search(context.Background(), index.Request{Query: "telegram"})
	if err != nil || res.Total != 1 {
		t.Errorf("search telegram = %v, %v", res, err)
	}

	// telaah search --opensearch finds what telaah search --index finds, with
	// the same fragments (facet values of equal counts may come in another
	// order, and scores differ).
	idx := sampleIndex(t)
	for _, q := range [][]string{{"--json", "telegram"}, {"--json", "--sort", "newest", `"harga cabai" OR banjir`}, {"--json", "--org", "kpk"}} {
		want, _, err := runTelaah(t, "", append([]string{"search", "--index", idx}, q...)...)
		if err != nil {
			t.Fatal(err)
		}
		got, stderr, err := runTelaah(t, "", append([]string{"search", "--opensearch", srv.URL, "--opensearch-index", "berita"}, q...)...)
		if err != nil {
			t.Fatalf("search --opensearch %q: %v\n%s", q, err, stderr)
		}
		if g, w := hitsOf(t, got), hitsOf(t, want); g != w {
			t.Errorf("search --opensearch %q:\n%s\nwant (as --index)\n%s", q, g, w)
		}
	}
	if _, _, err := runTelaah(t, "", "search", "--opensearch", srv.URL, "title:("); exitCode(err) != 2 {
		t.Errorf("a bad query: err %v, want exit status 2", err)
	}
}

// hitsOf returns the total, the hit IDs and the fragments of a JSON result.
func hitsOf(t *testing.T, s string) string {
	t.Helper()
	var r struct {
		Total uint64 `json:"total"`
		Hits  []struct {
			ID        string              `json:"id"`
			Fragments map[string][]string `json:"fragments"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(s), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	b, _ := json.MarshalIndent(r, "", "  ")
	return string(b)
}

func TestClusterFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"index", "--opensearch", "http://localhost:1", "--index", t.TempDir(), "f.jsonl"},
		{"index", "f.jsonl"},
		{"search", "banjir"},
		{"search", "--opensearch", "http://localhost:1", "--index", "x", "banjir"},
	} {
		if _, _, err := runTelaah(t, "", args...); err == nil || exitCode(err) != 2 {
			t.Errorf("%q: err %v, want a usage error", args, err)
		}
	}
	// An unreachable cluster is an error, not a usage error.
	in := filepath.Join(t.TempDir(), "a.jsonl")
	os.WriteFile(in, []byte(`{"id":"a","title":"Judul","body":"Isi."}`+"\n"), 0o644)
	if _, _, err := runTelaah(t, "", "index", "--opensearch", "http://127.0.0.1:1", "--quiet", in); err == nil || exitCode(err) != 1 {
		t.Errorf("unreachable cluster: err %v", err)
	}
}
