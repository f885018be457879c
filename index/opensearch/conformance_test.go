package opensearch_test

import (
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/indextest"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// TestConformance runs the backend conformance list on the OpenSearch backend
// against the emulated cluster and compares every outcome with the bleve
// backend's.
func TestConformance(t *testing.T) {
	x, err := index.Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := indextest.Run(t, x)

	srv := opensearchtest.NewServer()
	defer srv.Close()
	os, err := opensearch.New(opensearch.Config{URL: srv.URL, BulkDocs: 10})
	if err != nil {
		t.Fatal(err)
	}
	got := indextest.Run(t, os)
	indextest.Compare(t, want, got)
}
