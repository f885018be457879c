package index_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/telaah/telaah/index"
)

// A body longer than Options.MaxAnalyzed is stored whole but searchable only
// in its first part, and AddReport says so.
func ExampleIndex_AddReport() {
	x, err := index.Create("", &index.Options{MaxAnalyzed: 1000})
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	body := "Kali Bekasi meluap. " + strings.Repeat("Warga mengungsi ke masjid. ", 50) + "Banjir surut di Karawang."
	parts, err := x.AddReport(index.Article{ID: "panjang", Title: "Banjir", Body: body})
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range parts {
		fmt.Println(p)
	}
	stored, _ := x.Get("panjang")
	fmt.Println("stored whole:", stored.Body == body)
	for _, q := range []string{"bekasi", "karawang"} {
		res, _ := x.Search(context.Background(), index.Request{Query: q})
		fmt.Println(q, res.Total)
	}
	// Output:
	// article "panjang": analysed the first 997 of the 1395 bytes of its body (Options.MaxAnalyzed); the rest is stored but not searchable
	// stored whole: true
	// bekasi 1
	// karawang 0
}
