package analysis

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
)

func TestStopwordListSortedAndOurs(t *testing.T) {
	lines := strings.Split(strings.TrimSpace(stopwordFile), "\n")
	if !slices.IsSorted(lines) {
		t.Error("stopwords.txt is not sorted")
	}
	if got := Stopwords(); !slices.Equal(got, lines) {
		t.Errorf("Stopwords() differs from the file: %d vs %d entries", len(got), len(lines))
	}
	for _, w := range []string{"yang", "dan", "di", "tersebut", "adalah"} {
		if !IsStopword(w) {
			t.Errorf("%s is not a stopword", w)
		}
	}
	for _, w := range []string{"tidak", "bukan", "tengah", "pengguna", "Yang", ""} {
		if IsStopword(w) {
			t.Errorf("%q is a stopword", w)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"pengguna":          "pengguna",
		"Telegram":          "telegram",
		"KPK":               "kpk",
		"Ma’ruf":            "ma'ruf",
		"café":              "cafe",
		"ÉLITE":             "elite",
		"pem\u00adbangunan": "pembangunan",
		"zero\u200bwidth":   "zerowidth",
		"İstanbul":          "istanbul",
		"":                  "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { Normalize("pengguna") }); n != 0 {
		t.Errorf("Normalize of lower-case ASCII allocates %v times", n)
	}
}

func termsOf(terms []Term) map[string]Term {
	m := map[string]Term{}
	for _, t := range terms {
		if _, ok := m[t.Text]; !ok {
			m[t.Text] = t
		}
	}
	return m
}

func TestProperNouns(t *testing.T) {
	var p Pipeline
	m := termsOf(p.Terms("Warga Bekasi membeli barang bekas. Bekasi banjir lagi. Presiden berkunjung ke Kediri."))
	for w, proper := range map[string]bool{
		"Warga": false, "Bekasi": true, "membeli": false, "bekas": false,
		"Presiden": false, "Kediri": true,
	} {
		if m[w].Proper != proper {
			t.Errorf("%s: Proper = %v, want %v", w, m[w].Proper, proper)
		}
	}
	if m["yang"].Stopword {
		t.Error("absent word marked")
	}
	// A headline in title case: capitals say nothing, words are stemmed.
	h := termsOf(p.Terms("Penggunaan Aplikasi Meningkat Tajam di Kota"))
	if h["Aplikasi"].Proper || h["Meningkat"].Proper {
		t.Errorf("title-case headline: words marked proper: %+v", h)
	}
	// A given name or a place of the entity lists is a name at a sentence
	// start and in a headline too: Gunawan is not stemmed to guna, Kerinci
	// not to rinci; the other words there still are.
	n := termsOf(p.Terms("Gunawan mengatakan penggunaan naik. Kerinci Diguncang Gempa Magnitudo 5,2"))
	for w, proper := range map[string]bool{"Gunawan": true, "Kerinci": true, "mengatakan": false, "Diguncang": false} {
		if n[w].Proper != proper {
			t.Errorf("%s: Proper = %v, want %v", w, n[w].Proper, proper)
		}
	}
	// After an opening quote a capital starts the clause.
	q := termsOf(p.Terms(`Ia berkata, "Kami menggunakan data itu."`))
	if q["Kami"].Proper {
		t.Error("Kami after an opening quote is marked proper")
	}
}

func TestEntitiesProtectSentenceInitialNames(t *testing.T) {
	var p Pipeline
	text := "Durov mengatakan pencapaian tersebut dilakukan tanpa promosi."
	doc := p.Analyze(text)
	ents := doc.Entities
	m := termsOf(doc.Terms)
	if slices.ContainsFunc(ents, func(e entity.Entity) bool { return e.Text == "Durov" && isName(e.Label) }) && !m["Durov"].Proper {
		t.Error("Durov is an entity but not protected")
	}
}

func TestAnalyzeReferenceArticle(t *testing.T) {
	var p Pipeline
	text := telaah.ReferenceArticle()
	doc := p.Analyze(text)
	if len(doc.Terms) < 300 || len(doc.Sentences) < 10 {
		t.Fatalf("%d terms, %d sentences", len(doc.Terms), len(doc.Sentences))
	}
	prev := 0
	for _, term := range doc.Terms {
		if term.Start < prev || text[term.Start:term.End] != term.Text {
			t.Fatalf("term %q at %d:%d is not in order or not the text", term.Text, term.Start, term.End)
		}
		prev = term.Start
	}
	m := termsOf(doc.Terms)
	if !m["Durov"].Proper || m["Durov"].Stem != "durov" {
		t.Errorf("Durov: %+v", m["Durov"])
	}
	if m["pengguna"].Proper || m["pengguna"].Stem == "" {
		t.Errorf("pengguna: %+v", m["pengguna"])
	}
	found := false
	for _, e := range doc.Entities {
		if e.Label == entity.PER && strings.Contains(e.Canonical+e.Text, "Durov") {
			found = true
		}
	}
	if !found {
		t.Errorf("no person Durov among %d entities", len(doc.Entities))
	}
}

func TestTermKey(t *testing.T) {
	var p Pipeline
	for _, term := range p.Terms("Harga naik 10,5 persen, kata Budi.") {
		k := term.Key()
		if term.Text == "," || term.Text == "." {
			if k != "" {
				t.Errorf("punctuation %q has key %q", term.Text, k)
			}
			continue
		}
		if k == "" || !utf8.ValidString(k) {
			t.Errorf("%q has key %q", term.Text, k)
		}
	}
}

func FuzzTerms(f *testing.F) {
	f.Add("Warga Bekasi membeli bukunya.")
	f.Add(telaah.ReferenceArticle()[:400])
	f.Add("“Kami” — KPK, Jl. Sudirman No. 1; anak-anak @jokowi #pemilu https://kompas.com 😀")
	f.Add("\xff\xfe\x00 é\u0301 İ")
	var p Pipeline
	f.Fuzz(func(t *testing.T, text string) {
		prev := -1
		for _, term := range p.Terms(text) {
			if term.Start < 0 || term.End > len(text) || term.Start > term.End || text[term.Start:term.End] != term.Text {
				t.Fatalf("bad offsets %d:%d for %q", term.Start, term.End, term.Text)
			}
			if term.Start < prev {
				t.Fatalf("terms out of order at %d", term.Start)
			}
			prev = term.Start
			if term.Proper && term.Stopword {
				t.Fatalf("%q is both proper and a stopword", term.Text)
			}
		}
		doc := p.Analyze(text)
		for _, e := range doc.Entities {
			if e.Start < 0 || e.End > len(text) || e.Start > e.End {
				t.Fatalf("entity %+v out of range", e)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"Telegram", "Ma’ruf", "café", "\xff", "ǅ", "ΣΑΣ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := Normalize(s)
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("Normalize(%q) = %q is not valid UTF-8", s, n)
		}
		if Normalize(n) != n {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", s, n, Normalize(n))
		}
	})
}
