package index

import (
	"bytes"
	"context"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/telaah/telaah"
)

// extra are short articles written for these tests, beside the embedded sample
// corpus: each exercises one property of the analyzer.
var extra = []Article{
	{ID: "t-bekasi", Source: "Uji", Published: date(2024, 2, 10),
		Title: "Banjir Rendam Permukiman di Bekasi",
		Body: "Hujan deras sejak Jumat malam membuat Kali Bekasi meluap. Ratusan rumah di Bekasi terendam " +
			"setinggi pinggang orang dewasa. Warga mengungsi ke masjid dan balai warga."},
	{ID: "t-bekas", Source: "Uji", Published: date(2024, 3, 5),
		Title: "Pasar Barang Bekas Ramai Menjelang Lebaran",
		Body: "Pedagang pakaian bekas di pasar loak kebanjiran pembeli. Barang bekas yang dijual mulai dari " +
			"sepatu hingga jaket kulit. Seorang pembeli membawa pulang bukunya yang lama hilang."},
	{ID: "t-guna", Source: "Contoh", Published: date(2024, 4, 20),
		Title: "Aturan Baru Penggunaan Data Pribadi",
		Body: "Pemerintah menyiapkan aturan penggunaan data pribadi oleh platform digital. Perusahaan yang " +
			"menggunakan data tanpa izin akan didenda. Kementerian meminta perusahaan teknologi " +
			"memperbarui kebijakan privasi mereka sebelum akhir tahun."},
	{ID: "t-kejagung", Source: "Tambahan", Published: date(2024, 1, 15),
		Title: "Penyidik Periksa Tiga Saksi",
		Body: "Penyidik dari Kejagung memeriksa tiga saksi dalam perkara impor gula. Pemeriksaan " +
			"berlangsung hingga malam hari."},
	{ID: "t-rumah", Source: "Contoh", Published: date(2023, 11, 2),
		Title: "Harga Rumah di Pinggiran Kota Naik",
		Body: "Anak-anak muda makin sulit membeli rumah. Harga rumah di pinggiran kota naik sepuluh persen " +
			"dalam setahun, sementara gaji mereka hampir tidak bergerak."},
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 8, 0, 0, 0, time.UTC) }

// sample returns the embedded sample articles.
func sample(t testing.TB) []Article {
	t.Helper()
	var out []Article
	err := ReadJSONL(bytes.NewReader(telaah.SampleArticles()), "articles.jsonl",
		func(a Article) error { out = append(out, a); return nil },
		func(e *InputError) error { t.Errorf("sample corpus: %v", e); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 || out[0].ID != "kompas-telegram-200-juta" {
		t.Fatalf("sample corpus does not start with the reference article")
	}
	return out
}

var (
	sharedOnce sync.Once
	sharedIdx  *Index
	sharedErr  error
)

// testIndex returns an in-memory index of the sample corpus and the extra articles,
// built once and shared by the tests (which only read it).
func testIndex(t testing.TB) *Index {
	t.Helper()
	arts := sample(t)
	sharedOnce.Do(func() {
		sharedIdx, sharedErr = Create("", &Options{BatchSize: 16})
		if sharedErr == nil {
			sharedErr = sharedIdx.Add(append(arts, extra...)...)
		}
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedIdx
}

func find(t *testing.T, r Request) *Result {
	t.Helper()
	res, err := testIndex(t).Search(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func hitByID(r *Result, id string) *Hit {
	for i := range r.Hits {
		if r.Hits[i].ID == id {
			return &r.Hits[i]
		}
	}
	return nil
}

func TestDurovFindsReferenceWithPersonFacet(t *testing.T) {
	res := find(t, Request{Query: "durov", Facets: AllFacets})
	if hitByID(res, "kompas-telegram-200-juta") == nil {
		t.Fatalf("durov: hits %v lack the reference article", ids(res))
	}
	found := false
	for _, f := range res.Facets.Persons {
		if f.Value == "Pavel Durov" {
			found = true
		}
	}
	if !found {
		t.Errorf("durov: persons facet %v lacks Pavel Durov", res.Facets.Persons)
	}
	h := hitByID(res, "kompas-telegram-200-juta")
	if !strings.Contains(strings.Join(h.Fragments[FieldBody], " "), "<mark>Durov</mark>") {
		t.Errorf("durov: body fragments %q do not mark Durov", h.Fragments[FieldBody])
	}
}

func TestStemmingRecall(t *testing.T) {
	// The reference article says pengguna; t-guna says penggunaan and menggunakan.
	for _, q := range []string{"pengguna", "penggunaan", "menggunakan", "guna"} {
		res := find(t, Request{Query: q, Size: 100})
		for _, want := range []string{"kompas-telegram-200-juta", "t-guna"} {
			if hitByID(res, want) == nil {
				t.Errorf("%s: hits %v lack %s", q, ids(res), want)
			}
		}
	}
	// An exact form scores above a mere stem match.
	res := find(t, Request{Query: "penggunaan", Size: 100})
	if len(res.Hits) == 0 || res.Hits[0].ID != "t-guna" {
		t.Errorf("penggunaan: best hit is not t-guna: %v", ids(res))
	}
}

func TestBekasNeverMatchesBekasi(t *testing.T) {
	for _, q := range []string{"bekas", "Bekas", "barang bekas", `"barang bekas"`} {
		res := find(t, Request{Query: q, Size: 100})
		if hitByID(res, "t-bekasi") != nil {
			t.Errorf("%s: matches the Bekasi article: %v", q, ids(res))
		}
		if hitByID(res, "t-bekas") == nil {
			t.Errorf("%s: misses the article about second-hand goods: %v", q, ids(res))
		}
	}
	for _, q := range []string{"Bekasi", "bekasi", "BEKASI"} {
		res := find(t, Request{Query: q, Size: 100})
		if hitByID(res, "t-bekasi") == nil {
			t.Errorf("%s: misses the Bekasi article: %v", q, ids(res))
		}
		if hitByID(res, "t-bekas") != nil {
			t.Errorf("%s: matches the article about second-hand goods: %v", q, ids(res))
		}
	}
}

// A query of a given name or a place that the stemmer would take for an
// affixed word (Gunawan → guna, Setiawan → setia) finds the articles that
// name it, in either case, and not those of its false stem (penggunaan,
// menggunakan); the word's own family still finds them.
func TestNamesAreNotStemmed(t *testing.T) {
	x := testIndex(t)
	arts := sample(t)
	for _, q := range []string{"Gunawan", "gunawan", "Setiawan", "setiawan"} {
		want := 0
		for _, a := range arts {
			if strings.Contains(strings.ToLower(a.Title+" "+a.Body), strings.ToLower(q)) {
				want++
			}
		}
		res, err := x.Search(context.Background(), Request{Query: q, Size: 100})
		if err != nil {
			t.Fatal(err)
		}
		if want == 0 || int(res.Total) != want {
			t.Errorf("%s: %d hits, want the %d articles that name it: %v", q, res.Total, want, res.Hits)
		}
	}
	// The cluster backend sends the same terms.
	if toks := AnalyzeQueryText("gunawan kerinci"); len(toks) != 2 || toks[0].Term != "gunawan" || toks[1].Term != "kerinci" {
		t.Errorf("AnalyzeQueryText(gunawan kerinci) = %v, want the two words alone", toks)
	}
	res, err := x.Search(context.Background(), Request{Query: "guna", Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total < 10 {
		t.Errorf("guna: %d hits, want its family (penggunaan, menggunakan, pengguna)", res.Total)
	}
}

// A lower-case query finds a name even where the stemmer mistakes it for an
// affixed word (kejagung → jagung).
func TestLowerCaseNames(t *testing.T) {
	for _, q := range []string{"kejagung", "Kejagung", `"dari kejagung"`} {
		res := find(t, Request{Query: q})
		if hitByID(res, "t-kejagung") == nil {
			t.Errorf("%s: hits %v lack t-kejagung", q, ids(res))
		}
	}
}

func TestHighlightThroughCliticsAndReduplication(t *testing.T) {
	res := find(t, Request{Query: "buku"})
	h := hitByID(res, "t-bekas")
	if h == nil {
		t.Fatalf("buku: hits %v lack t-bekas", ids(res))
	}
	if got := strings.Join(h.Fragments[FieldBody], " "); !strings.Contains(got, "<mark>bukunya</mark>") {
		t.Errorf("buku: fragment %q does not mark bukunya", got)
	}
	res = find(t, Request{Query: "anak"})
	h = hitByID(res, "t-rumah")
	if h == nil {
		t.Fatalf("anak: hits %v lack t-rumah", ids(res))
	}
	if got := strings.Join(h.Fragments[FieldBody], " "); !strings.Contains(got, "<mark>Anak-anak</mark>") {
		t.Errorf("anak: fragment %q does not mark Anak-anak", got)
	}
}

func TestPhrase(t *testing.T) {
	for _, c := range []struct {
		q    string
		id   string
		want bool
	}{
		{`"pengguna aktif"`, "kompas-telegram-200-juta", true},
		{`"aktif pengguna"`, "kompas-telegram-200-juta", false},
		{`"pendiri telegram pavel durov"`, "kompas-telegram-200-juta", true},
		{`"harga rumah"`, "t-rumah", true},
		{`"naik kota"`, "t-rumah", false},
		{`"rumah harga"`, "t-rumah", false},               // across a sentence boundary
		{`"anak muda"`, "t-rumah", true},                  // through the reduplication anak-anak
		{`"membawa pulang buku"`, "t-bekas", true},        // through the clitic of bukunya
		{`"aturan penggunaan data"`, "t-guna", true},      // stems inside a phrase
		{`"perusahaan yang menggunakan"`, "t-guna", true}, // across a stopword
	} {
		res := find(t, Request{Query: c.q, Size: 100})
		if got := hitByID(res, c.id) != nil; got != c.want {
			t.Errorf("%s: finds %s = %v, want %v (hits %v)", c.q, c.id, got, c.want, ids(res))
		}
	}
}

func TestFiltersAndSort(t *testing.T) {
	res := find(t, Request{Sources: []string{"Uji"}, Sort: ByNewest, Size: 100})
	if got := ids(res); !slices.Equal(got, []string{"t-bekas", "t-bekasi"}) {
		t.Errorf("source Uji by newest: %v", got)
	}
	res = find(t, Request{Sources: []string{"Uji", "Contoh"}, Sort: ByOldest, Size: 100})
	if got := ids(res); !slices.Equal(got, []string{"t-rumah", "t-bekasi", "t-bekas", "t-guna"}) {
		t.Errorf("sources Uji, Contoh by oldest: %v", got)
	}
	res = find(t, Request{Since: date(2024, 3, 1), Until: date(2024, 4, 1), Size: 100})
	if got := ids(res); !slices.Equal(got, []string{"t-bekas"}) {
		t.Errorf("published in March 2024: %v", got)
	}
	res = find(t, Request{Query: "rumah", Until: date(2024, 1, 1), Size: 100})
	if hitByID(res, "t-rumah") == nil {
		t.Errorf("rumah before 2024: %v lack t-rumah", ids(res))
	}
	for _, h := range res.Hits {
		if !h.Published.Before(date(2024, 1, 1)) {
			t.Errorf("rumah before 2024: %s was published %v", h.ID, h.Published)
		}
	}
	// Paging: two pages of one hit each are the first two hits.
	all := ids(find(t, Request{Sources: []string{"Uji", "Contoh"}, Sort: ByOldest}))
	p2 := ids(find(t, Request{Sources: []string{"Uji", "Contoh"}, Sort: ByOldest, Offset: 1, Size: 1}))
	if len(p2) != 1 || p2[0] != all[1] {
		t.Errorf("second page %v, want [%s]", p2, all[1])
	}
	// The date facet counts the matching articles by month.
	res = find(t, Request{Sources: []string{"Uji"}, Facets: AllFacets})
	// (By month when the corpus spans three years or less, else by year.)
	n := 0
	for _, b := range res.Facets.Published {
		n += b.Count
		if b.Start.Year() != 2024 || b.Count == 0 {
			t.Errorf("published facet of source Uji: bucket %+v", b)
		}
	}
	if n != 2 {
		t.Errorf("published facet of source Uji counts %d articles, want 2: %+v", n, res.Facets.Published)
	}
	if len(res.Facets.Sources) != 1 || res.Facets.Sources[0] != (FacetValue{"Uji", 2}) {
		t.Errorf("sources facet: %v", res.Facets.Sources)
	}
}

func TestPersonFilter(t *testing.T) {
	res := find(t, Request{Persons: []string{"Pavel Durov"}})
	if hitByID(res, "kompas-telegram-200-juta") == nil {
		t.Errorf("person Pavel Durov: hits %v lack the reference article", ids(res))
	}
	res = find(t, Request{Persons: []string{"Nobody Atall"}})
	if res.Total != 0 {
		t.Errorf("an unknown person matches %v", ids(res))
	}
}

func TestBadRequests(t *testing.T) {
	x := testIndex(t)
	for _, r := range []Request{
		{Query: `"unclosed`},
		{Query: "title:"},
		{Query: "nosuchfield:kata"},
		{Query: "title:("},
		{Query: "banjir AND"},
		{Size: -1},
		{Size: MaxSize + 1},
		{Offset: math.MaxInt},
		{Since: date(2024, 1, 1), Until: date(2023, 1, 1)},
	} {
		if _, err := x.Search(context.Background(), r); err == nil {
			t.Errorf("%+v: no error", r)
		}
	}
}

func TestAddValidatesFirst(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	err = x.Add(Article{ID: "ok", Title: "Judul"}, Article{ID: "", Title: "Tanpa ID"})
	if err == nil || !strings.Contains(err.Error(), "article 1") {
		t.Fatalf("Add with an article without ID: %v", err)
	}
	if n, _ := x.Count(); n != 0 {
		t.Errorf("Add indexed %d articles despite the invalid one", n)
	}
}

func TestOnDiskReopenDeleteCount(t *testing.T) {
	dir := t.TempDir() + "/idx"
	x, err := Create(dir, &Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(extra...); err != nil {
		t.Fatal(err)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := Create(dir, nil); err == nil {
		t.Error("Create over an existing index: no error")
	}
	x, err = Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if n, err := x.Count(); err != nil || n != uint64(len(extra)) {
		t.Fatalf("Count after reopening = %d, %v; want %d", n, err, len(extra))
	}
	lo, hi := x.span()
	if !lo.Equal(date(2023, 11, 2)) || !hi.Equal(date(2024, 4, 20)) {
		t.Errorf("published span after reopening: %v – %v", lo, hi)
	}
	if err := x.Delete("t-bekas", "no-such-id"); err != nil {
		t.Fatal(err)
	}
	if n, _ := x.Count(); n != uint64(len(extra))-1 {
		t.Errorf("Count after Delete = %d", n)
	}
	res, err := x.Search(context.Background(), Request{Query: "bekas"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 0 {
		t.Errorf("bekas after deleting t-bekas: %v", ids(res))
	}
	if _, err := Open(t.TempDir()+"/none", nil); err == nil {
		t.Error("Open of a missing index: no error")
	}
}

func TestConcurrentSearchAndAdd(t *testing.T) {
	x, err := Create("", &Options{BatchSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if i%2 == 0 {
				if err := x.Add(extra...); err != nil {
					t.Error(err)
				}
				return
			}
			for range 5 {
				if _, err := x.Search(context.Background(), Request{Query: "rumah"}); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if n, _ := x.Count(); n != uint64(len(extra)) {
		t.Errorf("Count = %d, want %d", n, len(extra))
	}
}

// wordsIn returns the lower-case words of an article that match re.
func wordsIn(a Article, re *regexp.Regexp) []string {
	var out []string
	for _, w := range re.FindAllString(a.Title+"\n"+a.Body, -1) {
		out = append(out, strings.ToLower(w))
	}
	return out
}

func TestCorpusBekasAndBekasi(t *testing.T) {
	arts := append(sample(t), extra...)
	re := regexp.MustCompile(`(?i)\bbekas\w*`)
	res := find(t, Request{Query: "bekas", Size: 1000})
	for _, a := range arts {
		words := wordsIn(a, re)
		onlyBekasi := len(words) > 0 && !slices.ContainsFunc(words, func(w string) bool { return w != "bekasi" })
		h := hitByID(res, a.ID)
		if onlyBekasi && h != nil {
			t.Errorf("bekas finds %s, which only mentions Bekasi", a.ID)
		}
		if slices.Contains(words, "bekas") && h == nil {
			t.Errorf("bekas misses %s, which says bekas", a.ID)
		}
		if h != nil {
			for _, f := range append(h.Fragments[FieldTitle], h.Fragments[FieldBody]...) {
				if strings.Contains(strings.ToLower(f), "<mark>bekasi") {
					t.Errorf("bekas marks Bekasi in %s: %q", a.ID, f)
				}
			}
		}
	}
}

func TestCorpusGunaFamily(t *testing.T) {
	arts := append(sample(t), extra...)
	re := regexp.MustCompile(`(?i)\b(pengguna|penggunaan|menggunakan|digunakan)\b`)
	for _, q := range []string{"pengguna", "penggunaan", "menggunakan"} {
		res := find(t, Request{Query: q, Size: 1000})
		for _, a := range arts {
			if len(wordsIn(a, re)) > 0 && hitByID(res, a.ID) == nil {
				t.Errorf("%s misses %s, which says %v", q, a.ID, wordsIn(a, re))
			}
		}
	}
}

func TestChosenFacets(t *testing.T) {
	res := find(t, Request{Query: "bekasi", Facets: []string{FieldPlaces}})
	f := res.Facets
	if len(f.Places) == 0 || len(f.Persons)+len(f.Organizations)+len(f.Sources)+len(f.Published) != 0 {
		t.Errorf("places only: %+v", f)
	}
	if _, err := testIndex(t).Search(context.Background(), Request{Facets: []string{"nope"}}); err == nil {
		t.Error("unknown facet: no error")
	}
}

func TestKeepSurface(t *testing.T) {
	x, err := Create("", &Options{KeepSurface: true})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(extra...); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"penggunaan", "guna", `"aturan penggunaan data"`, "bekas"} {
		res, err := x.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 || (q != "bekas" && res.Hits[0].ID != "t-guna") || (q == "bekas" && hitByID(res, "t-bekasi") != nil) {
			t.Errorf("%s with surface forms: %v", q, ids(res))
		}
	}
}

func TestEntityFields(t *testing.T) {
	x := testIndex(t)
	ref := sample(t)[0]
	an := x.Analyze(&ref)
	if !slices.Contains(an.Persons, "Pavel Durov") || !slices.Contains(an.Organizations, "Telegram") {
		t.Errorf("reference article: persons %v, organisations %v", an.Persons, an.Organizations)
	}
	if !slices.ContainsFunc(an.Dates, func(d time.Time) bool { return d.Equal(time.Date(2018, 3, 24, 0, 0, 0, 0, time.UTC)) }) {
		t.Errorf("reference article: dates %v lack 2018-03-24", an.Dates)
	}
	// The dates and money fields are searchable with the query syntax.
	res := find(t, Request{Query: `dates:2018-03-24`, Size: 100})
	if hitByID(res, ref.ID) == nil {
		t.Errorf("dates 2018-03-24: %v lack the reference article", ids(res))
	}
	res = find(t, Request{Query: `money:>=1000000000`, Size: 100})
	if res.Total == 0 {
		t.Error("no article mentions a billion rupiah or more")
	}
	for _, h := range res.Hits {
		if h.ID == ref.ID {
			t.Error("the reference article mentions no money")
		}
	}
}

func TestTitleMatchesRankFirst(t *testing.T) {
	for _, q := range []string{"banjir", "bekas", "harga rumah"} {
		res := find(t, Request{Query: q})
		if len(res.Hits) == 0 {
			t.Fatalf("%s: no hits", q)
		}
		if f := res.Hits[0].Fragments[FieldTitle]; len(f) == 0 || !strings.Contains(f[0], "<mark>") {
			t.Errorf("%s: the best hit %s (%q) does not match in its title", q, res.Hits[0].ID, res.Hits[0].Title)
		}
	}
}

func TestReadPathJSONArray(t *testing.T) {
	dir := t.TempDir()
	file := dir + "/a.json"
	content := "[\n  {\"id\": \"a\", \"title\": \"Satu\", \"body\": \"Isi.\"},\n  {\"id\": \"b\", \"title\": \"\", \"body\": \"\"},\n  {\"id\": \"c\", \"title\": \"Tiga\", \"body\": \"Isi.\", \"published\": \"2024-05-01\"}\n]\n"
	if err := os.WriteFile(file, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	var bad []string
	err := ReadPath(file, func(a Article) error { got = append(got, a.ID); return nil },
		func(e *InputError) error { bad = append(bad, e.Error()); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"a", "c"}) || len(bad) != 1 || !strings.HasPrefix(bad[0], file+":3:") {
		t.Errorf("got %v, bad %v", got, bad)
	}
	// A truncated array: what precedes is kept, the rest reported.
	os.WriteFile(file, []byte(content[:len(content)-60]), 0o644)
	got, bad = nil, nil
	ReadPath(file, func(a Article) error { got = append(got, a.ID); return nil },
		func(e *InputError) error { bad = append(bad, e.Error()); return nil })
	if !slices.Equal(got, []string{"a"}) || len(bad) != 2 {
		t.Errorf("truncated: got %v, bad %v", got, bad)
	}
}

func TestCreateInEmptyDirectory(t *testing.T) {
	dir := t.TempDir()
	x, err := Create(dir, nil)
	if err != nil {
		t.Fatalf("Create in an empty directory: %v", err)
	}
	x.Close()
	if _, err := Create(dir, nil); err == nil {
		t.Error("Create in a directory holding an index: no error")
	}
}

func TestGet(t *testing.T) {
	x, err := Create(t.TempDir()+"/idx", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	want := Article{ID: "g1", URL: "https://contoh.id/g1", Source: "Contoh", Title: "Judul", Body: "Isi berita.",
		Published: date(2024, 1, 2), Authors: []string{"Ani", "Budi"}, Tags: []string{"banjir"}}
	if err := x.Add(want); err != nil {
		t.Fatal(err)
	}
	got, err := x.Get("g1")
	if err != nil {
		t.Fatal(err)
	}
	if got == nil || got.Title != want.Title || got.Body != want.Body || got.URL != want.URL || got.Source != want.Source ||
		!got.Published.Equal(want.Published) || !slices.Equal(got.Authors, want.Authors) || !slices.Equal(got.Tags, want.Tags) {
		t.Errorf("Get = %+v, want %+v", got, want)
	}
	if got, err := x.Get("none"); got != nil || err != nil {
		t.Errorf("Get of a missing article = %v, %v", got, err)
	}
}

func TestHitEntities(t *testing.T) {
	res := find(t, Request{Query: "durov"})
	h := hitByID(res, "kompas-telegram-200-juta")
	if h == nil {
		t.Fatal("no reference article")
	}
	if !slices.Contains(h.Persons, "Pavel Durov") || !slices.Contains(h.Organizations, "Telegram") || !slices.Contains(h.Places, "Rusia") {
		t.Errorf("hit entities: %v %v %v", h.Persons, h.Organizations, h.Places)
	}
}

// TestSpanAfterDeletes: the published span of a reopened index is that of its
// live articles, although the deleted ones' dates may stay in the segments'
// dictionaries; dates outside 1700–2260 are left out, as the date filters do.
func TestSpanAfterDeletes(t *testing.T) {
	at := func(y, m, d int) time.Time {
		return time.Date(y, time.Month(m), d, 6, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	}
	arts := []Article{
		{ID: "awal", Title: "Banjir awal", Body: "banjir", Published: at(2010, 1, 5)},
		{ID: "kuno", Title: "Naskah kuno", Body: "naskah", Published: time.Date(1690, 1, 1, 0, 0, 0, 0, time.UTC)},
		{ID: "a", Title: "Banjir a", Body: "banjir", Published: at(2015, 6, 1)},
		{ID: "b", Title: "Banjir b", Body: "banjir", Published: at(2020, 2, 29)},
		{ID: "akhir", Title: "Banjir akhir", Body: "banjir", Published: at(2025, 12, 31)},
	}
	dir, x := diskIndex(t, arts)
	if err := x.Delete("awal", "akhir"); err != nil {
		t.Fatal(err)
	}
	x.Close()
	x, err := Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	lo, hi := x.span()
	if !lo.Equal(arts[2].Published) || !hi.Equal(arts[3].Published) {
		t.Errorf("span %v – %v, want %v – %v", lo, hi, arts[2].Published, arts[3].Published)
	}
}
