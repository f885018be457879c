//go:build unix

package main

import (
	"strings"
	"testing"

	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// telaah serve --opensearch on a cluster without the alias: read-only, it
// refuses to start, naming the index, and creates nothing; with a write token
// it makes the index empty, as serve makes a missing directory.
func TestServeOpenSearchMissingIndex(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	_, _, err := runTelaah(t, "", "serve", "--addr", "127.0.0.1:0", "--opensearch", srv.URL, "--opensearch-index", "articles")
	want := "no index articles on the cluster at " + srv.URL + ": index articles first"
	if exitCode(err) != 1 || !strings.Contains(err.Error(), want) {
		t.Fatalf("read-only serve of a missing index: exit %d, %v; want exit 1 saying %q", exitCode(err), err, want)
	}
	if got := srv.Indices(); len(got) != 0 {
		t.Fatalf("read-only serve created %v", got)
	}
	base, stderr, stop := startServe(t, "--opensearch", srv.URL, "--opensearch-index", "articles", "--write-token", strings.Repeat("t", 20))
	defer stop()
	if b := stderr.String(); !strings.Contains(b, "(alias articles) (0 articles") {
		t.Errorf("banner: %s", b)
	}
	if srv.Alias("articles") != "articles-v1" {
		t.Errorf("a writing serve made no index: alias articles → %q", srv.Alias("articles"))
	}
	if status, body := get(t, base+"/api/search?q=gempa"); status != 200 || !strings.Contains(body, `"total": 0,`) {
		t.Errorf("search of the new empty index: %d %s", status, body)
	}
}
