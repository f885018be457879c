package index_test

import (
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
	for _, o := range indextest.Run(t, x) {
		if o.Err != "" {
			t.Errorf("%s: %s", o.Case.Name, o.Err)
		}
	}
}
