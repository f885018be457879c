package index

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// fastQueries are queries of the shapes the fast path runs (words, OR, AND,
// NOT, -word, field words) and of shapes it leaves to bleve (phrases,
// patterns, ranges), which must answer the same either way.
var fastQueries = []string{
	"pengguna", "penggunaan", "banjir", "bekasi", "harga", "pemerintah", "warga",
	"durov", "telegram", "korupsi", "pasar", "sekolah", "menggunakan", "polisi",
	"jalan rusak", "anggaran daerah", "banjir AND tol", "pengguna OR harga",
	"warga -banjir", "NOT warga", "-warga", "(banjir OR gempa) warga", "title:banjir",
	"body:harga cabai", "banjir OR gempa OR kopi OR pasar OR polisi OR sekolah",
	"zzzkatayangtidakada", "warga zzzkatayangtidakada", "warga OR zzzkatayangtidakada",
	"yang", "source:Kompas.com", "persons:durov", `"harga cabai"`, "pengg*",
	"published:>=2024-01-01", "",
}

// compareFast runs r through the fast path and through bleve's searchers and
// collector on x, and fails unless the results are identical (scores to the
// last bit, ties in the same order, totals, facets, fragments). scorch merges
// segments in the background, which changes bleve's BM25 statistics (it counts
// the distinct terms of a field), so a difference is checked again on the
// next snapshot before it counts.
func compareFast(t *testing.T, x *Index, r Request) {
	t.Helper()
	var diff string
	for range 3 {
		if diff = diffFast(t, x, r); diff == "" {
			return
		}
	}
	t.Errorf("%q (size %d, offset %d, sort %d, facets %v): %s", r.Query, r.Size, r.Offset, r.Sort, r.Facets, diff)
}

func diffFast(t *testing.T, x *Index, r Request) string {
	t.Helper()
	ctx := context.Background()
	x.slowPath = true
	want, werr := x.Search(ctx, r)
	x.slowPath = false
	got, gerr := x.Search(ctx, r)
	if (werr == nil) != (gerr == nil) {
		return fmt.Sprintf("error %v, bleve's path %v", gerr, werr)
	}
	if werr != nil {
		return ""
	}
	got.Took, want.Took = 0, 0
	if got.Total != want.Total {
		return fmt.Sprintf("total %d, bleve's path %d", got.Total, want.Total)
	}
	if len(got.Hits) != len(want.Hits) {
		return fmt.Sprintf("%d hits, bleve's path %d", len(got.Hits), len(want.Hits))
	}
	for i := range got.Hits {
		g, w := got.Hits[i], want.Hits[i]
		if g.ID != w.ID || g.Score != w.Score {
			return fmt.Sprintf("hit %d is %s %v, bleve's path %s %v", i, g.ID, g.Score, w.ID, w.Score)
		}
	}
	if !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("results differ\n got %+v\nwant %+v", got, want)
	}
	return ""
}

// requests are the variations of each query: pages, sizes large enough to
// compare every tie, facets, filters, recency.
func fastRequests(q string) []Request {
	return []Request{
		{Query: q},
		{Query: q, Size: 3, Offset: 4, Plain: true},
		{Query: q, Size: 2000, Plain: true},
		{Query: q, Facets: []string{FieldPersons, FieldOrganizations, FieldPlaces}, Plain: true},
		{Query: q, Facets: AllFacets, FacetSize: 50, Size: 5},
		{Query: q, Places: []string{"Bekasi"}, Size: 50, Plain: true},
		{Query: q, Sources: []string{"kompas.com", "detik.com"}, Size: 50, Plain: true},
		{Query: q, Sort: ByRelevanceAndDate, Size: 50, Plain: true},
		{Query: q, Sort: ByRelevanceAndDate, HalfLife: 24 * time.Hour, Facets: AllFacets, Size: 10, Offset: 2},
		{Query: q, Sort: ByNewest, Size: 5, Plain: true},
	}
}

// The fast path answers exactly as bleve's searchers do on the sample corpus.
func TestFastPathSample(t *testing.T) {
	x, err := Create("", &Options{BatchSize: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(append(sample(t), extra...)...); err != nil {
		t.Fatal(err)
	}
	before := x.fastRuns.Load()
	for _, q := range fastQueries {
		for _, r := range fastRequests(q) {
			compareFast(t, x, r)
		}
	}
	t.Logf("%d searches took the fast path", x.fastRuns.Load()-before)
	if x.fastRuns.Load() == before {
		t.Errorf("no search took the fast path")
	}
}

// The fast path answers exactly as bleve's searchers do on generated articles
// spread over several segments, some deleted and added again (deleted
// documents in the segments), where many scores tie.
func TestFastPathGenerated(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1,500 generated articles")
	}
	dir := filepath.Join(t.TempDir(), "idx")
	buildScale(t, dir, NewMapping(), 1500)
	x, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var gone []string
	for i := 0; i < 1500; i += 7 {
		gone = append(gone, fmt.Sprintf("gen-%06d", i))
	}
	if err := x.Delete(gone...); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(sample(t)[:5]...); err != nil {
		t.Fatal(err)
	}
	before := x.fastRuns.Load()
	for _, q := range append(fastQueries, scaleMatch...) {
		for _, r := range fastRequests(q) {
			compareFast(t, x, r)
		}
		checkFacetPrefix(t, x, q, 5)
	}
	t.Logf("%d searches took the fast path", x.fastRuns.Load()-before)
	if x.fastRuns.Load() == before {
		t.Errorf("no search took the fast path")
	}
}

// checkFacetPrefix checks that the top n of each facet is the beginning of
// the whole facet (every value counted exactly, nothing pruned).
func checkFacetPrefix(t *testing.T, x *Index, q string, n int) {
	t.Helper()
	ctx := context.Background()
	small, err := x.Search(ctx, Request{Query: q, Facets: AllFacets, FacetSize: n, Plain: true})
	if err != nil {
		t.Fatal(err)
	}
	all, err := x.Search(ctx, Request{Query: q, Facets: AllFacets, FacetSize: 1 << 20, Plain: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		name       string
		small, all []FacetValue
	}{
		{"persons", small.Facets.Persons, all.Facets.Persons},
		{"organizations", small.Facets.Organizations, all.Facets.Organizations},
		{"places", small.Facets.Places, all.Facets.Places},
		{"sources", small.Facets.Sources, all.Facets.Sources},
	} {
		want := f.all[:min(n, len(f.all))]
		if !reflect.DeepEqual(f.small, want) && !(len(f.small) == 0 && len(want) == 0) {
			t.Errorf("%q: top %d %s\n got %v\nwant %v", q, n, f.name, f.small, want)
		}
	}
}

// The top n of a facet, which counts only the values that can reach it, is
// the beginning of the facet counted in full.
func TestFacetTopIsPrefix(t *testing.T) {
	x := testIndex(t)
	for _, q := range append(fastQueries, scaleMatch...) {
		for _, n := range []int{1, 3, 10} {
			checkFacetPrefix(t, x, q, n)
		}
	}
}

// Searches at once share the decoded postings and answer as one alone.
func TestFastPathConcurrent(t *testing.T) {
	x, err := Create("", &Options{BatchSize: 16})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(append(sample(t), extra...)...); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	want := map[string]*Result{}
	for _, q := range fastQueries[:12] {
		r, err := x.Search(ctx, Request{Query: q, Facets: AllFacets, Plain: true})
		if err != nil {
			t.Fatal(err)
		}
		r.Took = 0
		want[q] = r
	}
	x.posts = postCache{} // decoded again, by several searches at once
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			for i := range 24 {
				q := fastQueries[(g+i)%12]
				r, err := x.Search(ctx, Request{Query: q, Facets: AllFacets, Plain: true})
				if err == nil {
					r.Took = 0
					if !reflect.DeepEqual(r, want[q]) {
						err = fmt.Errorf("%q: concurrent result differs", q)
					}
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
