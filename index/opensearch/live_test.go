package opensearch_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/indextest"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// TestLive runs the conformance list against a real cluster when
// TELAAH_OPENSEARCH_URL is set (with the credentials of TELAAH_OPENSEARCH_USER
// and TELAAH_OPENSEARCH_PASSWORD, or TELAAH_OPENSEARCH_API_KEY), under an alias
// of its own that it deletes afterwards, and compares every outcome with the
// bleve backend's. For example, with a throw-away OpenSearch:
//
//	docker run -d -p 9200:9200 -e discovery.type=single-node -e DISABLE_SECURITY_PLUGIN=true opensearchproject/opensearch:2
//	TELAAH_OPENSEARCH_URL=http://localhost:9200 go test ./index/opensearch -run TestLive -v
func TestLive(t *testing.T) {
	url := os.Getenv(opensearch.EnvURL)
	if url == "" {
		t.Skip("no cluster: set " + opensearch.EnvURL + " (and " + opensearch.EnvUser + "/" + opensearch.EnvPassword +
			" or " + opensearch.EnvAPIKey + ") to run the conformance list against a real OpenSearch or Elasticsearch")
	}
	live(t, url)
}

// TestLiveCode runs the live test's code against the emulated cluster, so that
// it is known to work before a cluster is given.
func TestLiveCode(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	live(t, srv.URL)
	if n := len(srv.Indices()); n != 0 {
		t.Errorf("%d indices left after the live test", n)
	}
}

func live(t *testing.T, url string) {
	cfg := opensearch.ConfigFromEnv(url)
	cfg.Index = fmt.Sprintf("telaah-live-%d", time.Now().UnixNano())
	cfg.Replicas = -1 // a single-node test cluster stays green
	x, err := opensearch.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := x.Drop(context.Background()); err != nil {
			t.Errorf("cleaning up %s: %v", cfg.Index, err)
		}
	}()
	ref, err := index.Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := indextest.Run(t, ref)
	live, err := opensearch.New(cfg) // Run closes what it is given
	if err != nil {
		t.Fatal(err)
	}
	got := indextest.Run(t, live)
	indextest.Compare(t, want, got)
}
