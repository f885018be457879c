// Command search is Telaah's search example: it indexes the embedded sample
// articles into a temporary bleve index, runs several searches and prints the
// highlighted hits and the entity facets.
//
//	go run ./examples/search
package main

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"log"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
)

func main() {
	if err := run(); err != nil {
		log.Fatal(err)
	}
}

func run() error {
	dir, err := os.MkdirTemp("", "telaah-example-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	// Read the embedded sample corpus (JSON Lines).
	var articles []index.Article
	err = index.ReadJSONL(bytes.NewReader(telaah.SampleArticles()), "articles.jsonl",
		func(a index.Article) error { articles = append(articles, a); return nil },
		func(e *index.InputError) error { return e })
	if err != nil {
		return err
	}

	// Index them: title and body through the "id" analyzer, entities into facets.
	start := time.Now()
	x, err := index.Create(filepath.Join(dir, "news"), nil)
	if err != nil {
		return err
	}
	defer x.Close()
	if err := x.Add(articles...); err != nil {
		return err
	}
	fmt.Printf("indexed %d articles in %s\n", len(articles), time.Since(start).Round(time.Millisecond))

	ctx := context.Background()
	// FacetSize asks for the facets (5 values each); Search computes them only
	// when asked.
	for _, s := range []struct {
		about string
		req   index.Request
	}{
		{"a name from the reference article", index.Request{Query: "durov", Size: 2, FacetSize: 5}},
		{"pengguna also finds penggunaan and menggunakan", index.Request{Query: "pengguna", Size: 3, FacetSize: 5}},
		{"bekas (second-hand, former) never matches Bekasi", index.Request{Query: "bekas", Size: 3, FacetSize: 5}},
		{"a phrase", index.Request{Query: `"harga cabai"`, Size: 2, FacetSize: 5}},
		{"Bekasi, newest first", index.Request{Query: "bekasi", Sort: index.ByNewest, Size: 3, FacetSize: 5}},
		{"banjir since 2024", index.Request{Query: "banjir", Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Size: 3, FacetSize: 5}},
	} {
		res, err := x.Search(ctx, s.req)
		if err != nil {
			return err
		}
		show(s.about, s.req, res, len(articles))
	}
	return nil
}

// mark shows highlighted matches between « and ».
var mark = strings.NewReplacer("<mark>", "«", "</mark>", "»")

func show(about string, r index.Request, res *index.Result, total int) {
	fmt.Printf("\n== %s\n   query %q: %d of %d articles (%s)\n", about, r.Query, res.Total, total, res.Took.Round(time.Microsecond))
	for i, h := range res.Hits {
		fmt.Printf("%d. %s [%s, %s]\n", i+1, h.Title, h.Source, h.Published.Format(time.DateOnly))
		for _, f := range h.Fragments[index.FieldBody] {
			fmt.Printf("   %s\n", strings.Join(strings.Fields(html.UnescapeString(mark.Replace(f))), " "))
		}
	}
	facet := func(name string, vs []index.FacetValue) {
		var parts []string
		for _, v := range vs {
			if len(parts) == 5 {
				break
			}
			parts = append(parts, fmt.Sprintf("%s (%d)", v.Value, v.Count))
		}
		if len(parts) > 0 {
			fmt.Printf("   %-14s %s\n", name+":", strings.Join(parts, ", "))
		}
	}
	facet("persons", res.Facets.Persons)
	facet("organisations", res.Facets.Organizations)
	facet("places", res.Facets.Places)
	facet("sources", res.Facets.Sources)
}
