package opensearch_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/indextest"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"

	"github.com/telaah/telaah/index/opensearch"
)

// TestPartialNames: a person by part of the name, a place without its head,
// and an ambiguous part, as the bleve backend resolves them.
func TestPartialNames(t *testing.T) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{})
	arts := append(indextest.Corpus(t),
		index.Article{ID: "x1", Title: "Rapat", Body: "Menteri Budi Santoso bertemu warga di Bekasi pada Senin."},
		index.Article{ID: "x2", Title: "Kunjungan", Body: "Bupati Budi Hartono meninjau pasar di Bekasi pada Selasa."})
	if err := x.Add(arts...); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, c := range []struct {
		r    index.Request
		want string
	}{
		{index.Request{Persons: []string{"durov"}}, "kompas-telegram-200-juta"},
		{index.Request{Persons: []string{"Pavel Durov"}}, "kompas-telegram-200-juta"},
		{index.Request{Places: []string{"Grobogan"}}, "wt-vonis-dana-desa-grobogan"},
		{index.Request{Query: "persons:durov"}, "kompas-telegram-200-juta"},
		{index.Request{Organizations: []string{"kpu"}}, "wt-logistik-pemilu-kediri"},
	} {
		res, err := x.Search(ctx, c.r)
		if err != nil || res.Total != 1 || res.Hits[0].ID != c.want {
			t.Errorf("%+v: %v, %v; want %s", c.r, res, err, c.want)
		}
	}
	// A filter by an organisation finds its offices: a document written as
	// the backend writes one whose only organisation is BMKG Ambon.
	doc := `{"index":{"_id":"x3"}}
{"id":"x3","title":"Cuaca","body":"Prakirawan BMKG Ambon memperkirakan hujan.","title_terms":"cuaca","body_terms":"prakirawan bmkg ambon kira hujan","organizations":["BMKG Ambon"],"organizations_key":["bmkg ambon"],"places":["Ambon"],"places_key":["ambon"],"telaah_version":"telaah/1"}
`
	resp, err := http.Post(srv.URL+"/telaah/_bulk?refresh=true", "application/x-ndjson", strings.NewReader(doc))
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("bulk: %v %v", resp, err)
	}
	resp.Body.Close()
	for _, org := range []string{"BMKG", "Badan Meteorologi, Klimatologi, dan Geofisika"} {
		res, err := x.Search(ctx, index.Request{Organizations: []string{org}, Size: 50})
		found := false
		for _, h := range res.Hits {
			found = found || h.ID == "x3"
		}
		if err != nil || !found {
			t.Errorf("%s: its office's article x3 is not among the %d hits (%v)", org, len(res.Hits), err)
		}
	}
	_, err = x.Search(ctx, index.Request{Persons: []string{"budi"}})
	var ae *index.AmbiguousError
	if !errors.As(err, &ae) || len(ae.Candidates) < 2 {
		t.Errorf("budi: %v, want an *index.AmbiguousError with the candidates", err)
	}
}
