package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/telaah/telaah/analysis/entity"
)

// sampleFinds lists what a reader expects of the entity filters on the sample
// corpus: the articles that must be found, and no other.
var sampleFinds = []struct {
	field, name string
	want        []string
}{
	// KPK is written as Komisi Pemberantasan Korupsi (KPK) and stored under
	// the long name; the built-in alias list knows the acronym, in any case.
	{FieldOrganizations, "KPK", []string{"wt-kpk-tahan-bekas-kadis-banggai"}},
	{FieldOrganizations, "kpk", []string{"wt-kpk-tahan-bekas-kadis-banggai"}},
	{FieldOrganizations, "Komisi Pemberantasan Korupsi", []string{"wt-kpk-tahan-bekas-kadis-banggai"}},
	// Semarang is the city, written Semarang or Kota Semarang. Kabupaten
	// Semarang (around Ungaran) is another place, but the article on used
	// cars mentions both.
	{FieldPlaces, "semarang", []string{"kn-bus-listrik-semarang", "wt-mobil-bekas-semarang",
		"wt-sirnas-bulu-tangkis-balikpapan", "wt-vonis-dana-desa-grobogan"}},
	{FieldPlaces, "Kota Semarang", []string{"kn-bus-listrik-semarang", "wt-mobil-bekas-semarang",
		"wt-sirnas-bulu-tangkis-balikpapan", "wt-vonis-dana-desa-grobogan"}},
	// One sample person is called Durov.
	{FieldPersons, "durov", []string{"kompas-telegram-200-juta"}},
	{FieldPersons, "Durov", []string{"kompas-telegram-200-juta"}},
	{FieldPersons, "pavel durov", []string{"kompas-telegram-200-juta"}},
	// A regency named without its head.
	{FieldPlaces, "grobogan", []string{"wt-vonis-dana-desa-grobogan"}},
	// Polda is Kepolisian Daerah, Sumut is Sumatera Utara.
	{FieldOrganizations, "Kepolisian Daerah Sumatera Utara", []string{"wt-penipuan-investasi-medan"}},
	{FieldOrganizations, "polda sumut", []string{"wt-penipuan-investasi-medan"}},
	// Unknown names find nothing, and are no error.
	{FieldPersons, "Nobody Atall", nil},
}

// TestSampleCorpusEntityFilters is the bar of the sample corpus: each filter
// finds the articles a reader would expect, whatever name or case it uses.
func TestSampleCorpusEntityFilters(t *testing.T) {
	for _, c := range sampleFinds {
		r := Request{Size: 100, FacetSize: -1}
		switch c.field {
		case FieldPersons:
			r.Persons = []string{c.name}
		case FieldOrganizations:
			r.Organizations = []string{c.name}
		case FieldPlaces:
			r.Places = []string{c.name}
		}
		got := ids(find(t, r))
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q: found %v, want %v", fieldNoun(c.field), c.name, got, c.want)
		}
	}
}

// TestBMKGIsOneFacetValue: every article that writes BMKG (beside its long
// name or alone) is counted under one value, once; a filter by BMKG also finds
// the articles about its stations (BMKG Ambon), which are entities of their own.
func TestBMKGIsOneFacetValue(t *testing.T) {
	res := find(t, Request{FacetSize: 100, Size: 100, Organizations: []string{"bmkg"}})
	var bmkg []FacetValue
	units := 0
	for _, f := range res.Facets.Organizations {
		switch {
		case strings.HasPrefix(f.Value, "Badan Meteorologi") || f.Value == "BMKG":
			bmkg = append(bmkg, f)
		case strings.HasPrefix(f.Value, "BMKG "):
			units += f.Count
		}
	}
	if len(bmkg) != 1 || bmkg[0].Value != "Badan Meteorologi, Klimatologi, dan Geofisika" || bmkg[0].Count < int(res.Total)-units {
		t.Errorf("BMKG facet values %v (stations in %d articles, %d articles in all), want one value with the long name", bmkg, units, res.Total)
	}
	if res.Total < 8 {
		t.Errorf("bmkg finds %d articles, the sample corpus has 8 or more: %v", res.Total, ids(res))
	}
}

// TestSemarangIsOneFacetValue: Semarang and Kota Semarang are one value
// (under whichever name the articles write most), counted once per article,
// beside Kabupaten Semarang.
func TestSemarangIsOneFacetValue(t *testing.T) {
	res := find(t, Request{FacetSize: 1000, Size: 0})
	var values []string
	for _, f := range res.Facets.Places {
		if strings.HasSuffix(f.Value, "Semarang") {
			values = append(values, f.Value)
			if (f.Value == "Semarang" || f.Value == "Kota Semarang") && f.Count != 4 {
				t.Errorf("%s counts %d articles, want 4", f.Value, f.Count)
			}
		}
	}
	slices.Sort(values)
	if len(values) != 2 || values[0] != "Kabupaten Semarang" || values[1] != "Kota Semarang" && values[1] != "Semarang" {
		t.Errorf("places ending in Semarang: %v, want Kabupaten Semarang and one value for the city", values)
	}
}

// TestAmbiguousName: a name shared by several entities is an error that
// lists them, so that the user can choose.
func TestAmbiguousName(t *testing.T) {
	_, err := testIndex(t).Search(context.Background(), Request{Persons: []string{"dimas"}})
	var amb *AmbiguousError
	if !errors.As(err, &amb) {
		t.Fatalf("person dimas: error %v, want an *AmbiguousError", err)
	}
	slices.Sort(amb.Candidates)
	if want := []string{"Dimas Arya Pratama", "Dimas Wiratmaja"}; !slices.Equal(amb.Candidates, want) {
		t.Errorf("candidates %v, want %v", amb.Candidates, want)
	}
	if msg := err.Error(); !strings.Contains(msg, `"dimas" is ambiguous`) || !strings.Contains(msg, "Dimas Wiratmaja") {
		t.Errorf("message %q does not say what is ambiguous and what it may be", msg)
	}
	// Either full name is fine.
	if res := find(t, Request{Persons: []string{"dimas wiratmaja"}}); res.Total != 1 {
		t.Errorf("dimas wiratmaja finds %d articles, want 1", res.Total)
	}
}

func TestResolveEntity(t *testing.T) {
	x := testIndex(t)
	for _, c := range []struct {
		field, name string
		want        []string
	}{
		// BMKG, and its offices (the Ambon article writes "BMKG Ambon", which
		// the entity model reads once as the office BMKG Ambon and elsewhere as
		// BMKG and the place Ambon, as it reads the Gunungkidul article's
		// station BMKG Yogyakarta): a filter by an organisation finds its
		// offices too.
		{FieldOrganizations, "bmkg", []string{"BMKG", "BMKG Ambon", "Badan Meteorologi, Klimatologi, dan Geofisika"}},
		{FieldPlaces, "semarang", []string{"Kota Semarang", "Semarang"}},
		{FieldPersons, "DUROV", []string{"Pavel Durov"}},
		{FieldPersons, "Orang Tak Dikenal", []string{"Orang Tak Dikenal"}},
	} {
		got, err := x.resolveEntity(c.field, c.name)
		slices.Sort(got)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("resolveEntity(%s, %q) = %q, %v; want %q", c.field, c.name, got, err, c.want)
		}
	}
	if _, err := x.resolveEntity(FieldSource, "Kompas"); err == nil {
		t.Error("resolveEntity on the source field: no error")
	}
}

// TestAliasLearnedLater: an article that writes the long name and its acronym
// teaches the acronym to the whole index, also for the articles indexed before
// it, and re-indexing or deleting it takes the lesson back.
func TestAliasLearnedLater(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	early := Article{ID: "early", Title: "Kajian Baru",
		Body: "Badan Riset Kelautan Nusantara menerbitkan kajian terumbu karang. Badan Riset Kelautan Nusantara bekerja sama dengan nelayan."}
	if err := x.Add(early); err != nil {
		t.Fatal(err)
	}
	orgs := func(name string) []string {
		res, err := x.Search(context.Background(), Request{Organizations: []string{name}, FacetSize: -1})
		if err != nil {
			t.Fatal(err)
		}
		return ids(res)
	}
	if got := orgs("BRKN"); len(got) != 1 {
		// The initials find the one organisation they fit.
		t.Errorf("BRKN before it was taught: %v", got)
	}
	teacher := Article{ID: "teacher", Title: "Ekspedisi",
		Body: "Badan Riset Kelautan Nusantara (BARKAN) memulai ekspedisi. Kepala BARKAN mengatakan kapal berangkat Senin."}
	if err := x.Add(teacher); err != nil {
		t.Fatal(err)
	}
	if got := orgs("barkan"); !slices.Equal(sorted(got), []string{"early", "teacher"}) {
		t.Errorf("barkan after it was taught: %v, want both articles", got)
	}
	// The teacher is re-indexed without the acronym: the lesson is gone.
	teacher.Body = "Badan Riset Kelautan Nusantara memulai ekspedisi."
	if err := x.Add(teacher); err != nil {
		t.Fatal(err)
	}
	if got := orgs("barkan"); len(got) != 0 {
		t.Errorf("barkan after the teacher forgot it: %v", got)
	}
	if err := x.Delete("early", "teacher"); err != nil {
		t.Fatal(err)
	}
	if es, _ := x.Entities(entity.ORG, "", 10); len(es) != 0 {
		t.Errorf("entities after deleting every article: %v", es)
	}
}

func sorted(s []string) []string { slices.Sort(s); return s }

// TestRegistryReopened: the registry of an index on disk is rebuilt from the
// stored entities of the articles when the index is opened again without its
// cache, and is the registry that indexing built: the same entities, counts
// and aliases, deleted and replaced articles left out.
func TestRegistryReopened(t *testing.T) {
	arts := sample(t)
	dir, x := diskIndex(t, arts)
	var err error
	// Deleted and replaced articles, so that segments hold dead documents.
	if err := x.Delete(arts[0].ID, arts[3].ID); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(arts[5]); err != nil {
		t.Fatal(err)
	}
	before := allEntities(t, x)
	x.Close()
	// Without its cache (see TestRegistryCache) the registry is rebuilt from
	// the articles.
	if err := os.Remove(dir + "/" + registryFile); err != nil {
		t.Fatal(err)
	}
	if x, err = Open(dir, nil); err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if after := allEntities(t, x); len(before) < 20 || !slices.Equal(before, after) {
		t.Errorf("entities before closing %v\nafter opening %v", before, after)
	}
	res, err := x.Search(context.Background(), Request{Organizations: []string{"kpk"}})
	if err != nil || res.Total != 1 {
		t.Errorf("kpk in the reopened index: %v, %v", res, err)
	}
	// The scan of the segments reads what bleve's searches read.
	var direct, searched []string
	summaries := func(dst *[]string) func(*docSummary) {
		return func(s *docSummary) { *dst = append(*dst, fmt.Sprint(*s)) }
	}
	if err := x.eachStoredSummary(summaries(&direct)); err != nil {
		t.Fatal(err)
	}
	if err := x.searchStoredSummaries(summaries(&searched)); err != nil {
		t.Fatal(err)
	}
	if slices.Sort(direct); len(direct) != len(arts)-2 || !slices.Equal(direct, sorted(searched)) {
		t.Errorf("the segments give %d summaries, bleve's searches %d", len(direct), len(searched))
	}
}

// diskIndex creates an index in a new folder with the articles arts; the
// test closes it.
func diskIndex(t *testing.T, arts []Article) (string, *Index) {
	t.Helper()
	dir := t.TempDir() + "/idx"
	x, err := Create(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(arts...); err != nil {
		t.Fatal(err)
	}
	return dir, x
}

// allEntities lists every entity of x's registry, with its counts and
// aliases, sorted.
func allEntities(t *testing.T, x *Index) []string {
	t.Helper()
	var out []string
	for _, l := range []entity.Label{entity.PER, entity.ORG, entity.LOC} {
		es, err := x.Entities(l, "", 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			out = append(out, fmt.Sprintf("%s %s %d %d %q", l, e.Name, e.Articles, e.Mentions, sorted(e.Aliases)))
		}
	}
	return sorted(out)
}

func TestEntitiesTypeAhead(t *testing.T) {
	x := testIndex(t)
	es, err := x.Entities(entity.ORG, "bmk", 5)
	if err != nil {
		t.Fatal(err)
	}
	// BMKG first, under its full name.
	if len(es) == 0 || es[0].Name != "Badan Meteorologi, Klimatologi, dan Geofisika" || !slices.Contains(es[0].Aliases, "BMKG") || es[0].Articles < 7 {
		t.Errorf("ORG bmk: %+v", es)
	}
	// A word inside the name, in any case.
	es, _ = x.Entities(entity.PER, "DUR", 5)
	if len(es) != 1 || es[0].Name != "Pavel Durov" || es[0].Mentions < 4 {
		t.Errorf("PER DUR: %+v", es)
	}
	// Most mentioned first.
	es, _ = x.Entities(entity.LOC, "", 10)
	for i := 1; i < len(es); i++ {
		if es[i].Mentions > es[i-1].Mentions {
			t.Errorf("LOC not by mentions: %+v", es)
		}
	}
	if _, err := x.Entities(entity.DATE, "", 1); err == nil {
		t.Error("Entities(DATE): no error")
	}
}

// TestHitEntitiesBySalience: the reference article is about Telegram and
// Pavel Durov, named in its headline and lead and mentioned most.
func TestHitEntitiesBySalience(t *testing.T) {
	res := find(t, Request{Query: "durov"})
	h := hitByID(res, "kompas-telegram-200-juta")
	if h == nil || len(h.Entities) < 4 {
		t.Fatalf("reference article entities: %+v", h)
	}
	if h.Entities[0].Name != "Telegram" || h.Entities[1].Name != "Pavel Durov" || !h.Entities[1].InTitle {
		t.Errorf("main entities %+v, want Telegram then Pavel Durov", h.Entities[:2])
	}
	for i := 1; i < len(h.Entities); i++ {
		if h.Entities[i].Salience > h.Entities[i-1].Salience {
			t.Errorf("entities not by salience: %+v", h.Entities)
		}
	}
	if h.Persons[0] != "Pavel Durov" || h.Organizations[0] != "Telegram" {
		t.Errorf("persons %v, organisations %v: not most salient first", h.Persons, h.Organizations)
	}
}

// TestFacetTiesByMentions: values with the same count come most mentioned
// first, not in alphabetical order.
func TestFacetTiesByMentions(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	day := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	if err := x.Add(
		Article{ID: "a", Published: day, Title: "Rapat", Body: "Andi Wijaya bertemu Zainal Abidin. Zainal Abidin mengatakan rapat lancar. Zainal Abidin pulang."},
		Article{ID: "b", Published: day, Title: "Kunjungan", Body: "Zainal Abidin dan Andi Wijaya berkunjung ke pasar."},
	); err != nil {
		t.Fatal(err)
	}
	res, err := x.Search(context.Background(), Request{Facets: AllFacets})
	if err != nil {
		t.Fatal(err)
	}
	want := []FacetValue{{"Zainal Abidin", 2}, {"Andi Wijaya", 2}}
	if !slices.Equal(res.Facets.Persons, want) {
		t.Errorf("persons facet %v, want %v (Zainal Abidin is mentioned more)", res.Facets.Persons, want)
	}
}

func TestSourcesAnyCase(t *testing.T) {
	res := find(t, Request{Sources: []string{"kompas.com"}, FacetSize: -1})
	if hitByID(res, "kompas-telegram-200-juta") == nil {
		t.Errorf("source kompas.com: %v", ids(res))
	}
}

func TestEmptyFilterName(t *testing.T) {
	if _, err := testIndex(t).Search(context.Background(), Request{Places: []string{" "}}); err == nil {
		t.Error("an empty place filter: no error")
	}
}

// TestRegistryCache: an index on disk keeps its registry in a cache file,
// used when it holds the index's current generation and ignored otherwise (a
// crash, or a writer that did not close the index).
func TestRegistryCache(t *testing.T) {
	dir, x := diskIndex(t, sample(t)[:5])
	x.Close()
	file := dir + "/" + registryFile
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("no registry cache after Close: %v", err)
	}
	var c registryCache
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		x, err := Open(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		es, _ := x.Entities(entity.PER, "", 100)
		var out []string
		for _, e := range es {
			out = append(out, e.Name)
		}
		slices.Sort(out)
		return out
	}
	want := names()
	// A current cache is used as it is…
	c.Values = append(c.Values, cachedValue{entity.PER, "Nama Dari Cache", 1, 1})
	write := func(c registryCache) {
		b, _ := json.Marshal(c)
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(c)
	if got := names(); !slices.Contains(got, "Nama Dari Cache") {
		t.Errorf("a current cache was not used: %v", got)
	}
	// …a stale one is not: the registry comes from the articles.
	c.Generation = []byte("stale")
	write(c)
	if got := names(); !slices.Equal(got, want) {
		t.Errorf("with a stale cache: %v, want %v", got, want)
	}
	os.WriteFile(file, []byte("{broken"), 0o644)
	if got := names(); !slices.Equal(got, want) {
		t.Errorf("with a broken cache: %v, want %v", got, want)
	}
}

// TestRegistryCacheWithoutGeneration: an index with no registry generation
// (written before they were stamped) gets one when opened for writing, so
// that the cache is written on Close and used by the next Open.
func TestRegistryCacheWithoutGeneration(t *testing.T) {
	dir, x := diskIndex(t, sample(t)[:5])
	var err error
	want := allEntities(t, x)
	if err := x.b.DeleteInternal([]byte(generationKey)); err != nil {
		t.Fatal(err)
	}
	x.reg.gen = nil
	x.Close()
	file := dir + "/" + registryFile
	os.Remove(file)
	if x, err = Open(dir, &Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	x.Close()
	if _, err := os.Stat(file); err == nil {
		t.Fatal("a read-only Open wrote the registry cache")
	}
	for range 2 {
		if x, err = Open(dir, nil); err != nil {
			t.Fatal(err)
		}
		if got := allEntities(t, x); !slices.Equal(got, want) {
			t.Errorf("reopened: %v, want %v", got, want)
		}
		x.Close()
		if _, err := os.Stat(file); err != nil {
			t.Fatalf("no registry cache after Close: %v", err)
		}
	}
}

// FuzzResolveEntity: any name, in any field, resolves to stored names (or
// itself), or is ambiguous; it never panics.
func FuzzResolveEntity(f *testing.F) {
	for _, s := range []string{"kpk", "Durov", "semarang", "Kab. Grobogan", "PT", "dimas", "", " , ", "polda  sumut", "Ñ'-&"} {
		f.Add(s)
	}
	x := testIndex(f)
	f.Fuzz(func(t *testing.T, name string) {
		if len(name) > 1000 {
			return
		}
		for _, field := range []string{FieldPersons, FieldOrganizations, FieldPlaces} {
			vs, err := x.resolveEntity(field, name)
			var amb *AmbiguousError
			switch {
			case errors.As(err, &amb):
				if len(amb.Candidates) < 2 {
					t.Errorf("%s %q: ambiguous with %v", field, name, amb.Candidates)
				}
			case err != nil:
				t.Errorf("%s %q: %v", field, name, err)
			case len(vs) == 0:
				t.Errorf("%s %q: no values", field, name)
			}
		}
	})
}
