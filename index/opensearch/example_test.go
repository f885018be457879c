package opensearch_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

func Example() {
	// An emulated cluster; for a real one:
	// x, err := opensearch.New(opensearch.ConfigFromEnv("https://localhost:9200"))
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x, err := opensearch.New(opensearch.Config{URL: srv.URL})
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	err = x.Add( // creates the template, telaah-v1 and the alias telaah on first use
		index.Article{ID: "1", Source: "Contoh", Published: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC),
			Title: "Banjir di Bekasi", Body: "Kali Bekasi meluap dan merendam ratusan rumah."},
		index.Article{ID: "2", Source: "Contoh", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
			Title: "Pasar barang bekas ramai", Body: "Pembeli membawa pulang bukunya yang hilang."},
	)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range []string{"bekas", "bekasi", "buku", `"membawa pulang bukunya"`, "bekas OR bekasi"} {
		res, err := x.Search(context.Background(), index.Request{Query: q})
		if err != nil {
			log.Fatal(err)
		}
		var ids []string
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		fmt.Println(q, "→", ids)
	}
	// Output:
	// bekas → [2]
	// bekasi → [1]
	// buku → [2]
	// "membawa pulang bukunya" → [2]
	// bekas OR bekasi → [1 2]
}

// Telaah's terms of a text as the cluster indexes them: stems, names kept, a
// gap for the stopword yang and one for the sentence boundary.
func ExampleEncodeTokens() {
	a := index.Article{ID: "1", Title: "Judul", Body: "Pembeli membawa pulang bukunya yang hilang. Warga Bekasi senang."}
	an := index.AnalyzeArticle(nil, &a, false)
	fmt.Println(opensearch.EncodeTokens(an.BodyTokens))
	// Output: beli bawa pulang buku _ hilang _ warga bekasi senang
}

func ExampleIndex_SearchBody() {
	x, err := opensearch.New(opensearch.Config{URL: "http://localhost:9200"})
	if err != nil {
		log.Fatal(err)
	}
	body, err := x.SearchBody(index.Request{Query: "menggunakan", FacetSize: -1, Plain: true})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(body["query"])
	// Output: map[bool:map[minimum_should_match:1 should:[map[bool:map[minimum_should_match:1 should:[map[term:map[title_terms:map[boost:2 value:guna]]] map[term:map[title_terms:map[boost:2 value:menggunakan]]]]]] map[bool:map[minimum_should_match:1 should:[map[term:map[body_terms:map[value:guna]]] map[term:map[body_terms:map[value:menggunakan]]]]]]]]]
}

// A reader opens the index with Config.ReadOnly: it never writes, and a
// search on a cluster without the index fails, naming it, and creates nothing.
func ExampleConfig_readOnly() {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x, err := opensearch.New(opensearch.Config{URL: srv.URL, Index: "articles", ReadOnly: true})
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	_, err = x.Search(context.Background(), index.Request{Query: "banjir"})
	var missing *opensearch.NoIndexError
	if errors.As(err, &missing) {
		fmt.Printf("no index %s; indices on the cluster: %d\n", missing.Index, len(srv.Indices()))
	}
	err = x.Add(index.Article{ID: "1", Title: "Banjir", Body: "Banjir di Bekasi."})
	fmt.Println(errors.Is(err, opensearch.ErrReadOnly))
	// Output:
	// no index articles; indices on the cluster: 0
	// true
}
