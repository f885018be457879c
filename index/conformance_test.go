package index_test

import (
	"context"
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/indextest"
)

// TestConformance runs the backend conformance list on the bleve backend,
// which defines the behaviour the other backends are compared with.
func TestConformance(t *testing.T) {
	x, err := index.Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := x.Search(context.Background(), index.Request{Query: "published:>=2025-01-01"}); err != nil {
		x.Close()
		t.Skip("Search does not translate package index/query yet (branch search)")
	}
	for _, o := range indextest.Run(t, x) {
		if o.Err != "" {
			t.Errorf("%s: %s", o.Case.Name, o.Err)
		}
	}
}
