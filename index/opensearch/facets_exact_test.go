package opensearch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
	"github.com/telaah/telaah/index/opensearch/opensearchtest"
)

// facetDoc is a stored document written straight to the emulated cluster, so
// that a test chooses exactly the organisations and the aliases they teach.
type facetDoc struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Body     string   `json:"body"`
	Orgs     []string `json:"organizations,omitempty"`
	OrgsKey  []string `json:"organizations_key,omitempty"`
	Taught   []string `json:"taught,omitempty"`
	Version  string   `json:"telaah_version"`
	TitleTrm string   `json:"title_terms"`
	BodyTrm  string   `json:"body_terms"`
}

// bulkDocs writes documents to the alias telaah of srv, made by x.
func bulkDocs(t *testing.T, srv *opensearchtest.Server, x *opensearch.Index, docs []facetDoc) {
	t.Helper()
	if err := x.Add(index.Article{ID: "seed", Title: "Pembuka", Body: "Pembuka."}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	for _, d := range docs {
		for _, o := range d.Orgs {
			d.OrgsKey = append(d.OrgsKey, index.EntityKey("ORG", o))
		}
		d.Version, d.Title, d.Body = "telaah/1", "Berita "+d.ID, "Isi berita."
		d.TitleTrm, d.BodyTrm = "berita", "isi berita"
		fmt.Fprintf(&buf, "{\"index\":{\"_id\":%q}}\n", d.ID)
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		buf.Write(append(b, '\n'))
	}
	resp, err := http.Post(srv.URL+"/telaah/_bulk?refresh=true", "application/x-ndjson", &buf)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("bulk: %s", resp.Status)
	}
}

// TestEntityFacetExact: an organisation written in the articles under many
// learned aliases, each in fewer articles than 45 other organisations (so each
// alias falls outside the terms aggregation's window of 4n+20 keys), and some
// articles with two of its aliases, is counted exactly, once an article, and
// ranked first, as the bleve backend's registry counts it.
func TestEntityFacetExact(t *testing.T) {
	for _, page := range []int{0, 7} {
		t.Run(fmt.Sprintf("FacetPage=%d", page), func(t *testing.T) { testEntityFacetExact(t, page) })
	}
}

func testEntityFacetExact(t *testing.T, page int) {
	srv := opensearchtest.NewServer()
	defer srv.Close()
	x := newIndex(t, srv.URL, opensearch.Config{FacetPage: page})
	const target = "Badan Uji Coba Nasional"
	var docs []facetDoc
	id := 0
	next := func() string { id++; return fmt.Sprintf("d%03d", id) }
	for i := range 45 {
		for range 3 {
			docs = append(docs, facetDoc{ID: next(), Orgs: []string{fmt.Sprintf("Perusahaan Pengisi %02d", i)}})
		}
	}
	var aliases []string
	for i := range 30 {
		aliases = append(aliases, "Buc"+string(rune('a'+i/26))+string(rune('a'+i%26)))
	}
	teach := func(a string) string { return "ORG|" + index.AliasKey(a) + "|" + target }
	for _, a := range aliases {
		for range 2 {
			docs = append(docs, facetDoc{ID: next(), Orgs: []string{a}, Taught: []string{teach(a)}})
		}
	}
	// Articles with two aliases (and the full name) count once.
	for i := range 5 {
		a, b := aliases[2*i], aliases[2*i+1]
		docs = append(docs, facetDoc{ID: next(), Orgs: []string{a, b, target}, Taught: []string{teach(a), teach(b)}})
	}
	bulkDocs(t, srv, x, docs)

	// What the registry counts: the articles naming the entity by any name.
	want := map[string]int{}
	for _, d := range docs {
		seen := map[string]bool{}
		for _, o := range d.Orgs {
			name := o
			if slices.Contains(aliases, o) {
				name = target
			}
			if !seen[name] {
				seen[name] = true
				want[name]++
			}
		}
	}
	if want[target] != 65 {
		t.Fatalf("test corpus: %s in %d articles, want 65", target, want[target])
	}
	for _, n := range []int{1, 5, 10} {
		srv.Reset()
		res, err := x.Search(context.Background(), index.Request{Facets: []string{index.FieldOrganizations}, FacetSize: n, Plain: true})
		if err != nil {
			t.Fatal(err)
		}
		got := res.Facets.Organizations
		if len(got) != n {
			t.Fatalf("n=%d: %d values: %+v", n, len(got), got)
		}
		if got[0].Value != target || got[0].Count != want[target] {
			t.Errorf("n=%d: first value %q (%d), want %q (%d)", n, got[0].Value, got[0].Count, target, want[target])
		}
		for i, v := range got[1:] {
			w := fmt.Sprintf("Perusahaan Pengisi %02d", i)
			if v.Value != w || v.Count != want[w] {
				t.Errorf("n=%d: value %d = %q (%d), want %q (%d)", n, i+2, v.Value, v.Count, w, want[w])
			}
		}
		var paths []string
		composite := 0
		for _, r := range srv.Requests() {
			paths = append(paths, r.Method+" "+r.Path)
			switch {
			case bytes.Contains(r.Body, []byte(`"composite"`)):
				composite++
				if n == 5 && page == 0 {
					golden(t, "search/facet-composite-page.json", indented(t, r.Body))
				}
			case bytes.Contains(r.Body, []byte(`"filters":{"filters"`)):
				if n == 5 && page == 0 {
					golden(t, "search/facet-recount.json", indented(t, r.Body))
				}
			case bytes.Contains(r.Body, []byte(`"include":[`)):
				if n == 5 && page == 0 {
					golden(t, "search/facet-alias-keys.json", indented(t, r.Body))
				}
			}
		}
		// The window of n=5 (40 keys) ends at a count (3) the fifth value
		// has: only then are all the 76 keys read, in pages.
		if wantPages := map[bool]int{true: 1, false: 11}[page == 0]; n == 5 && composite != wantPages || n != 5 && composite != 0 {
			t.Errorf("n=%d: %d composite requests, want %d", n, composite, map[bool]int{true: wantPages, false: 0}[n == 5])
		}
		t.Logf("n=%d: %d requests: %s", n, len(paths), strings.Join(paths, ", "))
	}
}
