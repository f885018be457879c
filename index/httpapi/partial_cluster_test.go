package httpapi_test

import (
	"testing"

	"github.com/telaah/telaah/index/httpapi"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// On the cluster backend too, an article longer than the limit is reported in
// the answer of POST /api/articles, never dropped in silence.
func TestPostReportsPartialArticleOnCluster(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x, err := opensearch.New(opensearch.Config{URL: srv.URL, Replicas: -1, MaxAnalyzed: 1024})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	long, out, raw := postLongArticle(t, httpapi.New(x, &httpapi.Config{WriteToken: token}))
	if out.Indexed != 2 || len(out.Partial) != 1 || out.Partial[0].ID != "panjang" || out.Partial[0].Body != len(long) || out.Partial[0].Analyzed > 1024 {
		t.Fatalf("answer %s: want 2 indexed, panjang partial with ≤ 1024 of %d bytes analysed", raw, len(long))
	}
	if a, err := x.Get("panjang"); err != nil || a == nil || a.Body != long {
		t.Errorf("the stored body is not the whole body (err %v)", err)
	}
}
