package opensearch_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// TestReadsCreateNothing: Search, Get and Count on a cluster without the index
// fail with an error naming the index and the cluster, and send nothing but a
// HEAD: no template, no index, no alias appears.
func TestReadsCreateNothing(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	for _, ro := range []bool{false, true} {
		x := newIndex(t, srv.URL, opensearch.Config{Index: "articles", ReadOnly: ro})
		ctx := context.Background()
		_, errSearch := x.Search(ctx, index.Request{Query: "banjir", Facets: []string{index.FieldPersons}})
		_, errGet := x.Get("a1")
		_, errCount := x.Count(ctx)
		for name, err := range map[string]error{"Search": errSearch, "Get": errGet, "Count": errCount} {
			var ne *opensearch.NoIndexError
			if !errors.Is(err, opensearch.ErrNoIndex) || !errors.As(err, &ne) || ne.Index != "articles" {
				t.Fatalf("ReadOnly %v: %s on a missing index: %v, want a *NoIndexError", ro, name, err)
			}
			want := "no index articles on the cluster at " + srv.URL + ": index articles first"
			if !strings.Contains(err.Error(), want) {
				t.Errorf("ReadOnly %v: %s: %q, want it to say %q", ro, name, err, want)
			}
		}
		for _, r := range srv.Requests() {
			if r.Method != http.MethodHead {
				t.Errorf("ReadOnly %v: a read sent %s %s", ro, r.Method, r.Path)
			}
		}
		if got := srv.Indices(); len(got) != 0 {
			t.Errorf("ReadOnly %v: reads created %v", ro, got)
		}
		srv.Reset()
	}
}

// TestReadOnly: an Index opened with Config.ReadOnly refuses every write
// before sending it, and reads what another Index wrote.
func TestReadOnly(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	ro := newIndex(t, srv.URL, opensearch.Config{ReadOnly: true})
	ctx := context.Background()
	writes := map[string]error{
		"Add":         ro.Add(sampleArticles...),
		"Delete":      ro.Delete("a1"),
		"Refresh":     ro.Refresh(ctx),
		"DeleteIndex": ro.DeleteIndex(ctx, "telaah-v0"),
		"Drop":        ro.Drop(ctx),
	}
	_, err := ro.Reindex(ctx, "v2", nil)
	writes["Reindex"] = err
	for name, err := range writes {
		if !errors.Is(err, opensearch.ErrReadOnly) {
			t.Errorf("read-only %s: %v, want ErrReadOnly", name, err)
		}
	}
	if r := srv.Requests(); len(r) != 0 {
		t.Errorf("read-only writes sent %d requests: %v", len(r), r)
	}
	if err := newIndex(t, srv.URL, opensearch.Config{}).Add(sampleArticles...); err != nil {
		t.Fatal(err)
	}
	res, err := ro.Search(ctx, index.Request{Query: "banjir"})
	if err != nil || res.Total != 1 {
		t.Fatalf("read-only search after the index was made: %+v, %v", res, err)
	}
	if n, err := ro.Count(ctx); err != nil || n != 2 {
		t.Errorf("read-only Count = %d, %v, want 2", n, err)
	}
}
