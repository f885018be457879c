package index

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

// checkTop reports whether got is a correct top n of the entity facet field
// whose exact counts are want: every value with its exact count, as many values
// as there are (at most n), by count, ties by mentions in the index, and no
// value left out that has more articles than the last one shown.
func checkTop(t *testing.T, x *Index, what, field string, got []FacetValue, want map[string]int, n int) {
	t.Helper()
	if len(got) != min(n, len(want)) {
		t.Errorf("%s: %d values of %d, want %d:\n%v", what, len(got), len(want), min(n, len(want)), got)
		return
	}
	l, _ := fieldLabel(field)
	v := x.reg.current()
	mentions := func(name string) int {
		if g := v.lookup(l, name); g != nil {
			return g.mentions
		}
		return 0
	}
	shown := map[string]bool{}
	for i, g := range got {
		shown[g.Value] = true
		if want[g.Value] != g.Count {
			t.Errorf("%s: %s has %d articles, the facet says %d", what, g.Value, want[g.Value], g.Count)
		}
		if i > 0 {
			p := got[i-1]
			if p.Count < g.Count || p.Count == g.Count && mentions(p.Value) < mentions(g.Value) {
				t.Errorf("%s: %v (%d mentions) before %v (%d mentions)", what, p, mentions(p.Value), g, mentions(g.Value))
			}
		}
	}
	if len(got) == 0 {
		return
	}
	last := got[len(got)-1]
	for name, c := range want {
		if !shown[name] && (c > last.Count || c == last.Count && mentions(name) > mentions(last.Value)) {
			t.Errorf("%s: %s (%d articles, %d mentions) left out of the top %d, which ends with %v (%d mentions)",
				what, name, c, mentions(name), n, last, mentions(last.Value))
		}
	}
}

// spreadCorpus is a corpus where two places are each stored under two forms
// (Surabaya and Kota Surabaya; Sulawesi Selatan and Provinsi Sulawesi
// Selatan), two articles a form, beside forty cities of one form with three
// articles each: the entities have the most articles, though none of their
// forms is among the forty most frequent values.
func spreadCorpus() []Article {
	cities := []string{"Bandung", "Malang", "Medan", "Padang", "Palembang", "Pekanbaru", "Pontianak",
		"Manado", "Kupang", "Mataram", "Jayapura", "Ambon", "Kendari", "Palu", "Jambi", "Bengkulu",
		"Serang", "Cirebon", "Tegal", "Kediri", "Madiun", "Blitar", "Probolinggo", "Pasuruan",
		"Banjarmasin", "Samarinda", "Balikpapan", "Tarakan", "Bitung", "Gorontalo", "Ternate", "Sorong",
		"Denpasar", "Bima", "Batam", "Tanjungpinang", "Dumai", "Binjai", "Sibolga", "Lhokseumawe"}
	spread := []string{"Surabaya", "Kota Surabaya", "Sulawesi Selatan", "Provinsi Sulawesi Selatan"}
	var arts []Article
	for j := range 60 {
		a, b := cities[2*j%len(cities)], cities[(2*j+1)%len(cities)]
		body := fmt.Sprintf("Hujan deras mengguyur Kota %s sejak pagi. Warga Kota %s mengungsi ke balai desa.", a, b)
		if j < 2*len(spread) {
			body += " Banjir juga merendam " + spread[j/2] + "."
		}
		arts = append(arts, Article{ID: fmt.Sprintf("spread-%02d", j), Source: "Uji", Title: "Banjir melanda", Body: body,
			Published: date(2024, 1, 1+j%28)})
	}
	return arts
}

// The entity facets are a correct top n however the forms of an entity are
// spread: exact counts, compared with a count over every hit.
func TestEntityFacetsOfSpreadForms(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(spreadCorpus()...); err != nil {
		t.Fatal(err)
	}
	v := x.reg.current()
	for _, name := range []string{"Surabaya", "Sulawesi Selatan"} {
		if g := v.lookup(entity.LOC, name); g == nil || len(g.values) < 2 {
			t.Fatalf("%s is not one entity of several forms in the registry: %+v", name, g)
		}
	}
	for _, q := range []string{"", "banjir", "hujan -merendam", "Padang"} {
		want := bruteFacets(t, x, Request{Query: q})[FieldPlaces]
		for _, n := range []int{1, 2, 3, 5, 10, 41, 100} {
			res, err := x.Search(context.Background(), Request{Query: q, Facets: []string{FieldPlaces}, FacetSize: n, Plain: true})
			if err != nil {
				t.Fatal(err)
			}
			checkTop(t, x, fmt.Sprintf("%q top %d", q, n), FieldPlaces, res.Facets.Places, want, n)
		}
	}
	res, err := x.Search(context.Background(), Request{Facets: []string{FieldPlaces}, FacetSize: 2, Plain: true})
	if err != nil {
		t.Fatal(err)
	}
	var top []string
	for _, f := range res.Facets.Places {
		top = append(top, fmt.Sprintf("%s %d", f.Value, f.Count))
	}
	if got := strings.Join(top, ", "); !strings.Contains(got, "Surabaya 4") || !strings.Contains(got, "Sulawesi Selatan 4") {
		t.Errorf("top 2 places: %s, want Surabaya and Sulawesi Selatan with 4 articles each", got)
	}
}

// On the sample corpus, places with several stored forms (Surabaya and Kota
// Surabaya, Nusa Tenggara Timur and Provinsi Nusa Tenggara Timur, Sulawesi
// Selatan and Provinsi Sulawesi Selatan) are counted exactly in every top n.
func TestSampleEntityFacetsTopN(t *testing.T) {
	x := testIndex(t)
	for _, q := range []string{"", "warga", "banjir OR harga"} {
		want := bruteFacets(t, x, Request{Query: q})
		for _, f := range []string{FieldPersons, FieldOrganizations, FieldPlaces} {
			for _, n := range []int{1, 3, 10, 25} {
				res, err := x.Search(context.Background(), Request{Query: q, Facets: []string{f}, FacetSize: n, Plain: true})
				if err != nil {
					t.Fatal(err)
				}
				got := map[string][]FacetValue{FieldPersons: res.Facets.Persons, FieldOrganizations: res.Facets.Organizations, FieldPlaces: res.Facets.Places}[f]
				checkTop(t, x, fmt.Sprintf("%q %s top %d", q, f, n), f, got, want[f], n)
			}
		}
	}
	res, err := x.Search(context.Background(), Request{Facets: []string{FieldPlaces}, FacetSize: 10, Plain: true})
	if err != nil {
		t.Fatal(err)
	}
	got := facetMap(res.Facets.Places)
	want := bruteFacets(t, x, Request{})[FieldPlaces]
	for _, name := range []string{"Surabaya", "Nusa Tenggara Timur", "Provinsi Sulawesi Selatan"} {
		if want[name] < 4 || got[name] != want[name] {
			t.Errorf("top 10 places: %s has %d articles, the facet says %d: %v", name, want[name], got[name], res.Facets.Places)
		}
	}
}

// The columns are read per scorch segment (a write reads only its own): with
// the corpus added in batches of uneven sizes (segments whose first documents
// are not on a 64-document boundary), some articles added again (deleted from
// their first segment), the facets stay exact.
func TestEntityFacetsAcrossSegments(t *testing.T) {
	x, err := Create(t.TempDir()+"/idx", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	arts := spreadCorpus()
	for lo, size := 0, 30; lo < len(arts); lo, size = lo+size, 7 {
		if err := x.Add(arts[lo:min(lo+size, len(arts))]...); err != nil {
			t.Fatal(err)
		}
		// A search between the writes caches the parts of the segments so far.
		if _, err := x.Search(context.Background(), Request{Facets: []string{FieldPlaces}, Plain: true}); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.Add(arts[3], arts[31], arts[50]); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"", "banjir", "hujan -merendam", "Padang"} {
		want := bruteFacets(t, x, Request{Query: q})
		for _, n := range []int{1, 2, 3, 10, 100} {
			res, err := x.Search(context.Background(), Request{Query: q, Facets: AllFacets, FacetSize: n, Plain: true})
			if err != nil {
				t.Fatal(err)
			}
			checkTop(t, x, fmt.Sprintf("%q top %d", q, n), FieldPlaces, res.Facets.Places, want[FieldPlaces], n)
			if n == 100 && fmt.Sprint(facetMap(res.Facets.Sources)) != fmt.Sprint(want[FieldSource]) {
				t.Errorf("%q: sources %v, want %v", q, res.Facets.Sources, want[FieldSource])
			}
		}
	}
	x.cols.mu.Lock()
	parts := len(x.cols.segs)
	x.cols.mu.Unlock()
	if parts == 0 {
		t.Error("no column part of a segment was kept")
	}
}
