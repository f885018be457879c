package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
)

// bruteFacets counts the entity and source values of all the hits of r, from
// their stored fields.
func bruteFacets(t *testing.T, x *Index, r Request) map[string]map[string]int {
	t.Helper()
	r.Size, r.Facets, r.FacetSize, r.Plain = MaxSize, nil, -1, true
	res, err := x.Search(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]int{FieldPersons: {}, FieldOrganizations: {}, FieldPlaces: {}, FieldSource: {}, FieldPublished: {}}
	for _, h := range res.Hits {
		for _, v := range h.Persons {
			out[FieldPersons][v]++
		}
		for _, v := range h.Organizations {
			out[FieldOrganizations][v]++
		}
		for _, v := range h.Places {
			out[FieldPlaces][v]++
		}
		if h.Source != "" {
			out[FieldSource][h.Source]++
		}
		if !h.Published.IsZero() {
			out[FieldPublished][h.Published.Format("2006")]++
		}
	}
	return out
}

func facetMap(vs []FacetValue) map[string]int {
	m := map[string]int{}
	for _, v := range vs {
		m[v.Value] = v.Count
	}
	return m
}

// The facets are exact: the counts over every matching article.
func TestFacetsAreExact(t *testing.T) {
	x := testIndex(t)
	for _, q := range []string{"", "warga", "bekasi", "pengguna OR harga", "-warga", `"pengguna aktif"`} {
		r := Request{Query: q, Facets: AllFacets, FacetSize: 1000, Plain: true}
		res, err := x.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		want := bruteFacets(t, x, r)
		got := map[string]map[string]int{
			FieldPersons: facetMap(res.Facets.Persons), FieldOrganizations: facetMap(res.Facets.Organizations),
			FieldPlaces: facetMap(res.Facets.Places), FieldSource: facetMap(res.Facets.Sources), FieldPublished: {},
		}
		for _, b := range res.Facets.Published {
			got[FieldPublished][b.Name] = b.Count
		}
		for f, w := range want {
			if fmt.Sprint(got[f]) != fmt.Sprint(w) {
				t.Errorf("%q: facet %s\n got %v\nwant %v", q, f, got[f], w)
			}
		}
		// The values are by count (ties by mentions, see mergeFacet), at most FacetSize.
		small, _ := x.Search(context.Background(), Request{Query: q, Facets: []string{FieldPlaces}, FacetSize: 3, Plain: true})
		if len(small.Facets.Places) > 3 || !slices.IsSortedFunc(small.Facets.Places, func(a, b FacetValue) int { return b.Count - a.Count }) {
			t.Errorf("%q: places facet of size 3: %v", q, small.Facets.Places)
		}
		if small.Facets.Persons != nil {
			t.Errorf("%q: persons facet computed without being asked for", q)
		}
	}
}

// The columns follow the index: an added or deleted article changes the counts.
func TestFacetsFollowChanges(t *testing.T) {
	x, err := Create(t.TempDir()+"/idx", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(extra...); err != nil {
		t.Fatal(err)
	}
	count := func() int {
		res, err := x.Search(context.Background(), Request{Facets: []string{FieldSource}})
		if err != nil {
			t.Fatal(err)
		}
		return facetMap(res.Facets.Sources)["Uji"]
	}
	if n := count(); n != 2 {
		t.Fatalf("source Uji: %d", n)
	}
	if err := x.Delete("t-bekas"); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 1 {
		t.Errorf("source Uji after a delete: %d", n)
	}
	a := extra[0]
	a.ID = "t-bekasi-2"
	if err := x.Add(a); err != nil {
		t.Fatal(err)
	}
	if n := count(); n != 2 {
		t.Errorf("source Uji after an add: %d", n)
	}
}

// Faceted searches run concurrently with each other and with Add: the columns
// of a snapshot are built once and shared, new snapshots get new ones.
func TestFacetsConcurrent(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(extra...); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	for g := range 4 {
		go func() {
			for i := range 20 {
				res, err := x.Search(context.Background(), Request{Query: "warga OR rumah", Facets: AllFacets})
				if err == nil && res.Total == 0 {
					err = fmt.Errorf("goroutine %d, search %d: no hits", g, i)
				}
				if err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
	}
	for i := range 5 {
		a := extra[4]
		a.ID = fmt.Sprintf("t-rumah-%d", i)
		if err := x.Add(a); err != nil {
			t.Fatal(err)
		}
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
	res, err := x.Search(context.Background(), Request{Query: "rumah", Facets: []string{FieldSource}})
	if err != nil {
		t.Fatal(err)
	}
	if got := facetMap(res.Facets.Sources)["Contoh"]; got != 6 {
		t.Errorf("source Contoh after the adds: %d, want 6 (%v)", got, res.Facets.Sources)
	}
}
