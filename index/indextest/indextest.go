// Package indextest is the conformance test of Telaah's search backends: one
// corpus and one list of requests that every [index.Backend] must answer alike.
// The bleve backend's tests run it and so define the behaviour; the tests of
// package index/opensearch run it against the OpenSearch backend and compare
// the outcomes with bleve's.
//
//	func TestConformance(t *testing.T) {
//		want := indextest.Run(t, newBleve(t))
//		got := indextest.Run(t, newOther(t))
//		indextest.Compare(t, want, got)
//	}
//
// Run also checks the contract of each backend on its own: Add then Get gives
// the stored article back, Delete removes it, a filter keeps only what it names,
// sorted hits are in order and facet counts are within the total.
package indextest

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
)

// Case is one request of the conformance list.
type Case struct {
	Name    string
	Request index.Request
}

// Corpus returns the articles every backend indexes: the embedded sample corpus
// and a few short articles written for this test.
func Corpus(t testing.TB) []index.Article {
	t.Helper()
	var out []index.Article
	err := index.ReadJSONL(bytes.NewReader(telaah.SampleArticles()), "articles.jsonl",
		func(a index.Article) error { out = append(out, a); return nil },
		func(e *index.InputError) error { t.Errorf("sample corpus: %v", e); return nil })
	if err != nil {
		t.Fatal(err)
	}
	return append(out, extra...)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 0, 0, 0, time.UTC) }

// extra are articles that exercise one property each.
var extra = []index.Article{
	{ID: "it-bekasi", Source: "Uji", Published: day(2024, 2, 10), Authors: []string{"Rina Wijaya"}, Tags: []string{"banjir", "Bekasi"},
		URL:   "https://contoh.id/banjir-bekasi",
		Title: "Banjir Rendam Permukiman di Bekasi",
		Body: "Hujan deras sejak Jumat malam membuat Kali Bekasi meluap. Ratusan rumah di Bekasi terendam " +
			"setinggi pinggang orang dewasa. Warga mengungsi ke masjid dan balai warga."},
	{ID: "it-bekas", Source: "Uji", Published: day(2024, 3, 5),
		Title: "Pasar Barang Bekas Ramai Menjelang Lebaran",
		Body: "Pedagang pakaian bekas di pasar loak kebanjiran pembeli. Barang bekas yang dijual mulai dari " +
			"sepatu hingga jaket kulit. Seorang pembeli membawa pulang bukunya yang lama hilang."},
	{ID: "it-rumah", Source: "Contoh", Published: day(2023, 11, 2),
		Title: "Harga Rumah di Pinggiran Kota Naik",
		Body: "Anak-anak muda makin sulit membeli rumah. Harga rumah di pinggiran kota naik sepuluh persen " +
			"dalam setahun. Harga cabai juga naik di pasar."},
	{ID: "it-kejagung", Source: "Tambahan", Published: day(2024, 1, 15),
		Title: "Penyidik Periksa Tiga Saksi",
		Body: "Penyidik dari Kejagung memeriksa tiga saksi dalam perkara impor gula. Pemeriksaan " +
			"berlangsung hingga malam hari. Rumah. Harga saksi tidak dibahas."},
}

// Cases returns the conformance requests. Relevance-ordered requests ask for
// every hit, so that backends whose scores differ still return the same set.
func Cases() []Case {
	all := 100
	return []Case{
		{"all", index.Request{Size: all, FacetSize: 500}},
		{"word", index.Request{Query: "telegram", Size: all, FacetSize: 50}},
		{"stem", index.Request{Query: "menggunakan", Size: all, FacetSize: 50}},
		{"proper noun", index.Request{Query: "bekasi", Size: all, FacetSize: 50}},
		{"common noun", index.Request{Query: "bekas", Size: all, FacetSize: 50}},
		{"clitic", index.Request{Query: "buku", Size: all, FacetSize: 50}},
		{"two words", index.Request{Query: "harga naik", Size: all, FacetSize: 50}},
		{"phrase", index.Request{Query: `"harga cabai"`, Size: all, FacetSize: 50}},
		{"phrase over a stopword", index.Request{Query: `"pulang bukunya yang lama"`, Size: all}},
		{"phrase across sentences", index.Request{Query: `"rumah harga"`, Size: all}},
		{"or", index.Request{Query: "banjir OR longsor", Size: all, FacetSize: 50}},
		{"not", index.Request{Query: "banjir -bekasi", Size: all, FacetSize: 50}},
		{"group", index.Request{Query: "(banjir OR gempa) warga", Size: all, FacetSize: 50}},
		{"title field", index.Request{Query: "title:banjir", Size: all, FacetSize: 50}},
		{"body field", index.Request{Query: "body:kejagung", Size: all}},
		{"person field", index.Request{Query: `persons:"Pavel Durov"`, Size: all}},
		{"organisation alias", index.Request{Query: "orgs:kpk", Size: all}},
		{"source field", index.Request{Query: `source:"kabar nusantara"`, Size: all}},
		{"tag field", index.Request{Query: "tags:BEKASI", Size: all}},
		{"published range", index.Request{Query: "published:>=2025-01-01", Size: all, FacetSize: 50}},
		{"published month", index.Request{Query: "published:2024-02", Size: all}},
		{"prefix", index.Request{Query: "pemba*", Size: all, FacetSize: 50}},
		{"wildcard", index.Request{Query: "b?njir", Size: all}},
		{"fuzzy", index.Request{Query: "telegarm~1", Size: all}},
		{"stopwords only", index.Request{Query: "yang dan", Size: 5}},
		{"person filter", index.Request{Persons: []string{"Pavel Durov"}, Size: all, FacetSize: 50}},
		{"place filter any case", index.Request{Places: []string{"bekasi"}, Size: all, FacetSize: 50}},
		{"organisation filter alias", index.Request{Organizations: []string{"KPK"}, Size: all}},
		{"person filter part of the name", index.Request{Persons: []string{"durov"}, Size: all}},
		{"place filter without its head", index.Request{Places: []string{"grobogan"}, Size: all}},
		{"person field part of the name", index.Request{Query: "persons:durov telegram", Size: all}},
		{"organisation filter with its offices", index.Request{Organizations: []string{"BMKG"}, Size: all, FacetSize: 50}},
		{"organisation filter by initials", index.Request{Organizations: []string{"BPBD"}, Size: all}},
		{"organisation field by initials", index.Request{Query: "orgs:KPU", Size: all}},
		{"source filter", index.Request{Sources: []string{"harian contoh", "Uji"}, Size: all, FacetSize: 50}},
		{"date filter", index.Request{Since: day(2024, 1, 1), Until: day(2025, 1, 1), Size: all, FacetSize: 50}},
		{"query and filters", index.Request{Query: "warga", Sources: []string{"Warta Telaah"}, Since: day(2023, 1, 1), Size: all, FacetSize: 50}},
		{"newest", index.Request{Size: 7, Sort: index.ByNewest, FacetSize: -1}},
		{"oldest page", index.Request{Size: 5, Offset: 3, Sort: index.ByOldest, FacetSize: -1}},
		{"newest query", index.Request{Query: "warga", Size: 10, Sort: index.ByNewest, FacetSize: -1}},
		{"relevance and date", index.Request{Query: "banjir OR warga", Size: all, Sort: index.ByRelevanceAndDate}},
		{"some facets", index.Request{Query: "pasar", Size: all, FacetSize: 3, Facets: []string{index.FieldSource, index.FieldPublished}}},
		{"highlights", index.Request{Query: `bekasi OR "harga rumah" OR buku`, Size: all}},
		{"plain", index.Request{Query: "bekasi", Size: all, Plain: true}},
		// Facets smaller than the corpus's entities: a backend that counts the
		// most frequent stored keys only must still count each entity exactly.
		{"one facet value", index.Request{Size: all, FacetSize: 1}},
		{"two facet values", index.Request{Size: all, FacetSize: 2}},
		{"three facet values of a query", index.Request{Query: "warga OR harga OR pemerintah", Size: all, FacetSize: 3}},
	}
}

// Outcome is what a backend answered to a case, in a form comparable across
// backends: hits as a set when ranked by relevance (scores differ between
// engines) and in order when sorted by date; entity facet values by their
// identity key (index.EntityKey), so that two backends showing an entity under
// different names of it agree.
type Outcome struct {
	Case      Case
	Err       string
	Total     uint64
	IDs       []string            // sorted, for relevance; in order, for a date sort
	Fragments map[string][]string // id + "/" + field → fragments
	Facets    map[string][]string // facet → "value (count)", sorted
	Entities  map[string][]string // id → its entity keys, sorted
	Warnings  []string
}

// Run indexes the corpus into b, checks the contract of Add, Get and Delete,
// and runs the cases, returning their outcomes. It closes b.
func Run(t *testing.T, b index.Backend) []Outcome {
	t.Helper()
	defer func() {
		if err := b.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	}()
	arts := Corpus(t)
	if err := b.Add(arts...); err != nil {
		t.Fatalf("Add: %v", err)
	}
	checkGetDelete(t, b, arts)
	var out []Outcome
	for _, c := range Cases() {
		out = append(out, runCase(t, b, c))
	}
	return out
}

func checkGetDelete(t *testing.T, b index.Backend, arts []index.Article) {
	t.Helper()
	want := arts[len(arts)-4] // it-bekasi: every field set
	got, err := b.Get(want.ID)
	switch {
	case err != nil:
		t.Fatalf("Get(%q): %v", want.ID, err)
	case got == nil:
		t.Fatalf("Get(%q): nil after Add", want.ID)
	case got.Title != want.Title || got.Body != want.Body || got.URL != want.URL || got.Source != want.Source ||
		!got.Published.Equal(want.Published) || !slices.Equal(got.Authors, want.Authors) || !slices.Equal(got.Tags, want.Tags):
		t.Errorf("Get(%q) = %+v, want %+v", want.ID, *got, want)
	}
	if a, err := b.Get("no-such-article"); err != nil || a != nil {
		t.Errorf("Get of an unknown ID = %v, %v; want nil, nil", a, err)
	}
	ctx := context.Background()
	count := func() uint64 {
		res, err := b.Search(ctx, index.Request{Query: "bekasi", Size: 1, FacetSize: -1})
		if err != nil {
			t.Fatalf("Search: %v", err)
		}
		return res.Total
	}
	before := count()
	if err := b.Delete(want.ID, "no-such-article"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if a, err := b.Get(want.ID); err != nil || a != nil {
		t.Errorf("Get after Delete = %v, %v; want nil, nil", a, err)
	}
	if n := count(); n != before-1 {
		t.Errorf("after Delete, bekasi matches %d articles, want %d", n, before-1)
	}
	if err := b.Add(want); err != nil {
		t.Fatalf("Add again: %v", err)
	}
	if n := count(); n != before {
		t.Errorf("after Add again, bekasi matches %d articles, want %d", n, before)
	}
	if err := b.Add(index.Article{ID: "bad"}); err == nil {
		t.Errorf("Add of an article without title and body: no error")
	}
}

func runCase(t *testing.T, b index.Backend, c Case) Outcome {
	t.Helper()
	o := Outcome{Case: c, Fragments: map[string][]string{}, Facets: map[string][]string{}, Entities: map[string][]string{}}
	res, err := b.Search(context.Background(), c.Request)
	if err != nil {
		o.Err = err.Error()
		return o
	}
	r := c.Request
	o.Total = res.Total
	o.Warnings = res.Warnings
	size := r.Size
	if size == 0 {
		size = index.DefaultSize
	}
	if want := min(uint64(size), res.Total-min(res.Total, uint64(r.Offset))); uint64(len(res.Hits)) != want {
		t.Errorf("%s: %d hits of %d total (offset %d, size %d), want %d", c.Name, len(res.Hits), res.Total, r.Offset, size, want)
	}
	for i, h := range res.Hits {
		o.IDs = append(o.IDs, h.ID)
		for f, fr := range h.Fragments {
			o.Fragments[h.ID+"/"+f] = fr
		}
		var keys []string
		for _, f := range []struct {
			l     entity.Label
			names []string
		}{{entity.PER, h.Persons}, {entity.ORG, h.Organizations}, {entity.LOC, h.Places}} {
			for _, n := range f.names {
				keys = append(keys, string(f.l)+":"+index.EntityKey(f.l, n))
			}
		}
		sort.Strings(keys)
		o.Entities[h.ID] = slices.Compact(keys)
		if i > 0 && (r.Sort == index.ByNewest || r.Sort == index.ByOldest) {
			prev := res.Hits[i-1].Published
			if r.Sort == index.ByNewest && h.Published.After(prev) || r.Sort == index.ByOldest && h.Published.Before(prev) {
				t.Errorf("%s: hit %d (%s) out of order after %s", c.Name, i, h.Published, prev)
			}
		}
		if r.Plain && len(h.Fragments) > 0 {
			t.Errorf("%s: fragments of a plain request: %v", c.Name, h.Fragments)
		}
		if len(r.Sources) > 0 && !slices.ContainsFunc(r.Sources, func(s string) bool { return strings.EqualFold(s, h.Source) }) {
			t.Errorf("%s: hit %s from %q, not one of %q", c.Name, h.ID, h.Source, r.Sources)
		}
		if !r.Since.IsZero() && h.Published.Before(r.Since) || !r.Until.IsZero() && !h.Published.Before(r.Until) {
			t.Errorf("%s: hit %s published %s, outside [%s, %s)", c.Name, h.ID, h.Published, r.Since, r.Until)
		}
	}
	if r.Sort != index.ByNewest && r.Sort != index.ByOldest {
		sort.Strings(o.IDs) // ranked by scores, which differ between engines
	}
	limit := r.FacetSize
	if limit == 0 {
		limit = index.DefaultFacetSize
	}
	facet := func(name string, vs []index.FacetValue, l entity.Label) {
		var out []string
		// A full facet may have been cut among values of equal counts, which
		// engines order each their own way: those are compared by number only.
		cut, tied := 0, 0
		if len(vs) == limit && name != index.FieldPublished {
			cut = vs[len(vs)-1].Count
		}
		for _, v := range vs {
			if v.Count == cut {
				tied++
				continue
			}
			if v.Count > int(res.Total) || v.Count <= 0 {
				t.Errorf("%s: facet %s: %q counts %d of %d", c.Name, name, v.Value, v.Count, res.Total)
			}
			val := v.Value
			if l != "" {
				val = index.EntityKey(l, val)
			}
			out = append(out, fmt.Sprintf("%s (%d)", val, v.Count))
		}
		sort.Strings(out)
		if tied > 0 {
			out = append(out, fmt.Sprintf("and %d values of count %d", tied, cut))
		}
		if len(out) > 0 {
			o.Facets[name] = out
		}
	}
	facet(index.FieldPersons, res.Facets.Persons, entity.PER)
	facet(index.FieldOrganizations, res.Facets.Organizations, entity.ORG)
	facet(index.FieldPlaces, res.Facets.Places, entity.LOC)
	facet(index.FieldSource, res.Facets.Sources, "")
	var dates []index.FacetValue
	for _, d := range res.Facets.Published {
		dates = append(dates, index.FacetValue{Value: d.Name + " " + d.Start.Format(time.DateOnly) + ".." + d.End.Format(time.DateOnly), Count: d.Count})
	}
	facet(index.FieldPublished, dates, "")
	return o
}

// Compare reports every difference between the outcomes of a backend (got)
// and those of the reference backend (want).
func Compare(t *testing.T, want, got []Outcome) {
	t.Helper()
	if len(want) != len(got) {
		t.Fatalf("%d outcomes, want %d", len(got), len(want))
	}
	for i := range want {
		w, g := want[i], got[i]
		name := w.Case.Name
		if (w.Err == "") != (g.Err == "") {
			t.Errorf("%s (%+v): error %q, want %q", name, w.Case.Request, g.Err, w.Err)
			continue
		}
		if !slices.Equal(g.Warnings, w.Warnings) {
			t.Errorf("%s: warnings %q, want %q", name, g.Warnings, w.Warnings)
		}
		if g.Total != w.Total {
			t.Errorf("%s: total %d, want %d", name, g.Total, w.Total)
		}
		if !slices.Equal(g.IDs, w.IDs) {
			t.Errorf("%s: hits\n%v\nwant\n%v", name, g.IDs, w.IDs)
		}
		for k, fw := range w.Fragments {
			if fg := g.Fragments[k]; !slices.Equal(fg, fw) {
				t.Errorf("%s: fragments of %s\n%q\nwant\n%q", name, k, fg, fw)
			}
		}
		for k, fg := range g.Fragments {
			if _, ok := w.Fragments[k]; !ok {
				t.Errorf("%s: fragments of %s %q, want none", name, k, fg)
			}
		}
		for _, f := range []string{index.FieldPersons, index.FieldOrganizations, index.FieldPlaces, index.FieldSource, index.FieldPublished} {
			if !slices.Equal(g.Facets[f], w.Facets[f]) {
				t.Errorf("%s: facet %s\n%q\nwant\n%q", name, f, g.Facets[f], w.Facets[f])
			}
		}
		for id, ew := range w.Entities {
			if eg, ok := g.Entities[id]; ok && !slices.Equal(eg, ew) {
				t.Errorf("%s: entities of %s %q, want %q", name, id, eg, ew)
			}
		}
	}
}
