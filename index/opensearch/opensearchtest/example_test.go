package opensearchtest_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

func ExampleServer() {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x, err := opensearch.New(opensearch.Config{URL: srv.URL})
	if err != nil {
		log.Fatal(err)
	}
	if err := x.Add(index.Article{ID: "1", Title: "Banjir di Bekasi"}); err != nil {
		log.Fatal(err)
	}
	for _, r := range srv.Requests() {
		fmt.Println(strings.TrimSpace(r.Method + " " + r.Path + " " + r.Query))
	}
	fmt.Println(srv.Indices(), srv.Alias("telaah"))
	// Output:
	// HEAD /telaah
	// PUT /_index_template/telaah
	// PUT /telaah-v1
	// POST /telaah/_bulk refresh=wait_for
	// [telaah-v1] telaah-v1
}
