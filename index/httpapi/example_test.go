package httpapi_test

import (
	"encoding/json"
	"fmt"
	"log"
	"net/http/httptest"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
)

// A Handler mounted in a program's own server, here called through
// httptest: a search with a filter on a place, in JSON.
func Example() {
	x, err := index.Create("", nil) // in memory; index.Open a directory made by telaah index
	if err != nil {
		log.Fatal(err)
	}
	defer x.Close()
	err = x.Add(
		index.Article{ID: "1", Source: "Contoh", Published: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC),
			Title: "Banjir di Bekasi", Body: "Kali Bekasi meluap dan merendam ratusan rumah warga di Bekasi."},
		index.Article{ID: "2", Source: "Contoh", Published: time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
			Title: "Banjir rob di Semarang", Body: "Air laut pasang merendam kawasan pelabuhan Semarang."},
	)
	if err != nil {
		log.Fatal(err)
	}
	h := httpapi.New(x, nil) // read-only: no write token
	// In a server: http.ListenAndServe("127.0.0.1:8080", h)

	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("GET", "/api/search?q=banjir&sort=newest&facets=sources", nil))
	var res httpapi.SearchResult
	if err := json.Unmarshal(w.Body.Bytes(), &res); err != nil {
		log.Fatal(err)
	}
	fmt.Println(w.Code, res.Total, "articles")
	for _, hit := range res.Hits {
		fmt.Println(hit.ID, hit.Published[:10], hit.Fragments["title"])
	}
	fmt.Println(res.Facets.Sources)

	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest("POST", "/api/articles", nil))
	fmt.Println(w.Code, w.Body.String())
	// Output:
	// 200 2 articles
	// 2 2024-03-05 [<mark>Banjir</mark> rob di Semarang]
	// 1 2024-02-10 [<mark>Banjir</mark> di Bekasi]
	// [{Contoh 2}]
	// 403 {
	//   "status": 403,
	//   "message": "the server is read-only: start it with a write token (--write-token or TELAAH_WRITE_TOKEN) to add or delete articles"
	// }
}
