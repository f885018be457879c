package index_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
)

// The entity registry: one identity per entity across the index. The first
// article writes only the acronym BRIDA; the second teaches the index that
// BRIDA is the Badan Riset dan Inovasi Daerah, so a filter on either name
// finds both articles, and the facet counts the body once. Semarang and Kota
// Semarang are one place too.
func ExampleIndex_Entities() {
	x, err := index.Create("", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	err = x.Add(
		index.Article{ID: "1", Title: "Hujan Lebat Sepekan",
			Body: "Menurut BRIDA, hujan lebat turun di Kota Semarang sepekan ke depan. BRIDA meminta warga waspada."},
		index.Article{ID: "2", Title: "Peringatan Dini Cuaca",
			Body: "Badan Riset dan Inovasi Daerah (BRIDA) mengeluarkan peringatan dini untuk warga di Semarang. " +
				"Kepala BRIDA Dwikorita Karnawati meminta nelayan tidak melaut."},
	)
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	for _, org := range []string{"brida", "Badan Riset dan Inovasi Daerah"} {
		res, _ := x.Search(ctx, index.Request{Organizations: []string{org}})
		fmt.Printf("--org %q: %d articles\n", org, res.Total)
	}
	res, _ := x.Search(ctx, index.Request{Places: []string{"semarang"}, Facets: []string{index.FieldPlaces, index.FieldOrganizations}})
	fmt.Println("--place semarang:", res.Total, "articles; places facet:", res.Facets.Places)
	fmt.Println("organisations facet:", res.Facets.Organizations)

	// Type-ahead: names and aliases starting with a prefix, most mentioned first.
	es, _ := x.Entities(entity.ORG, "bri", 5)
	for _, e := range es {
		fmt.Printf("%s %q aliases=%q articles=%d mentions=%d\n", e.Label, e.Name, e.Aliases, e.Articles, e.Mentions)
	}

	// A name of several entities is an error that lists them.
	_ = x.Add(index.Article{ID: "3", Title: "Rapat Warga",
		Body: "Rapat dipimpin Dwikorita Santoso, bukan Dwikorita Karnawati dari BRIDA."})
	_, err = x.Search(ctx, index.Request{Persons: []string{"dwikorita"}})
	var amb *index.AmbiguousError
	fmt.Println(errors.As(err, &amb), err)
	// Output:
	// --org "brida": 2 articles
	// --org "Badan Riset dan Inovasi Daerah": 2 articles
	// --place semarang: 2 articles; places facet: [{Kota Semarang 2}]
	// organisations facet: [{Badan Riset dan Inovasi Daerah 2}]
	// ORG "Badan Riset dan Inovasi Daerah" aliases=["BRIDA"] articles=2 mentions=4
	// true search: person "dwikorita" is ambiguous: it may be "Dwikorita Karnawati", "Dwikorita Santoso"; give the full name
}
