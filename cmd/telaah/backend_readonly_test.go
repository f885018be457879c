package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// TestSearchOpenSearchMissingIndex: telaah search --opensearch on a cluster
// without the alias creates nothing and exits 1 with an error naming it.
func TestSearchOpenSearchMissingIndex(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	for _, args := range [][]string{
		{"search", "--opensearch", srv.URL, "--opensearch-index", "articles", "banjir"},
		{"search", "--opensearch", srv.URL, "--opensearch-index", "articles", "--json", "--facets", "10", "--person", "durov", "telegram"},
	} {
		stdout, stderr, err := runTelaah(t, "", args...)
		if exitCode(err) != 1 {
			t.Fatalf("%q: exit %d (%v), want 1\n%s", args, exitCode(err), err, stdout)
		}
		want := "no index articles on the cluster at " + srv.URL + ": index articles first"
		if !strings.Contains(err.Error()+stderr, want) {
			t.Errorf("%q: %v\n%s\nwant it to say %q", args, err, stderr, want)
		}
		for _, r := range srv.Requests() {
			if r.Method != http.MethodHead {
				t.Errorf("%q sent %s %s", args, r.Method, r.Path)
			}
		}
		if got := srv.Indices(); len(got) != 0 {
			t.Errorf("%q created %v", args, got)
		}
	}
}
