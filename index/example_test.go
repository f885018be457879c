package index_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/telaah/telaah/index"
)

func ExampleIndex_Search() {
	x, err := index.Create("", nil) // in memory; give a directory for an index on disk
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	err = x.Add(
		index.Article{ID: "1", Source: "Contoh", Published: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC),
			Title: "Banjir di Bekasi", Body: "Kali Bekasi meluap dan merendam ratusan rumah."},
		index.Article{ID: "2", Source: "Contoh", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
			Title: "Pasar barang bekas ramai", Body: "Pembeli membawa pulang bukunya yang hilang."},
	)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range []string{"bekas", "bekasi", "buku"} {
		res, err := x.Search(context.Background(), index.Request{Query: q})
		if err != nil {
			log.Fatal(err)
		}
		for _, h := range res.Hits {
			fmt.Println(q, "→", h.ID, h.Fragments[index.FieldTitle], h.Fragments[index.FieldBody])
		}
	}
	// Output:
	// bekas → 2 [Pasar barang <mark>bekas</mark> ramai] [Pembeli membawa pulang bukunya yang hilang.]
	// bekasi → 1 [Banjir di <mark>Bekasi</mark>] [Kali <mark>Bekasi</mark> meluap dan merendam ratusan rumah.]
	// buku → 2 [Pasar barang bekas ramai] [Pembeli membawa pulang <mark>bukunya</mark> yang hilang.]
}

// The analyzer "id" in a mapping of your own.
func Example_mapping() {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = index.AnalyzerName // registered on import of package index
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		log.Fatal(err)
	}
	defer idx.Close()
	_ = idx.Index("a", map[string]string{"text": "Penggunaan aplikasi meningkat."})
	res, _ := idx.Search(bleve.NewSearchRequest(bleve.NewMatchQuery("menggunakan")))
	fmt.Println(res.Total)
	// Output: 1
}
