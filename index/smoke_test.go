package index

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestSmoke(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	err = x.Add(Article{ID: "a", Title: "Banjir di Bekasi", Body: "Warga Bekasi membeli bukunya. Barang bekas dijual.", Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), Source: "X"},
		Article{ID: "b", Title: "Pasar barang bekas", Body: "Pedagang bekas di pasar.", Published: time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC), Source: "Y"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"bekas", "Bekasi", "buku", "bukunya", `"warga bekasi"`, `"Bekasi membeli"`} {
		r, err := x.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println(q, r.Total, r.Took)
		for _, h := range r.Hits {
			fmt.Println(" ", h.ID, h.Score, h.Title, h.Published, h.Fragments)
		}
		fmt.Printf("  %+v\n", r.Facets)
	}
}
