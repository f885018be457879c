package entity_test

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
)

// names returns the PER, ORG and LOC entities of es as "LABEL text".
func names(es []entity.Entity) []string {
	var out []string
	for _, e := range es {
		if e.Label == entity.PER || e.Label == entity.ORG || e.Label == entity.LOC {
			out = append(out, string(e.Label)+" "+e.Text)
		}
	}
	return out
}

// TestGuideline checks the examples of the annotation guideline in the package
// documentation, in the default style: every name of each sentence, and nothing
// else.
func TestGuideline(t *testing.T) {
	cases := []struct {
		point, text string
		want        []string
	}{
		{"titles stay outside persons", "Presiden Joko Widodo tiba di Bandung.", []string{"PER Joko Widodo", "LOC Bandung"}},
		{"nicknames are persons", "Hal itu disampaikan Jokowi kepada SBY.", []string{"PER Jokowi", "PER SBY"}},
		{"titles that are part of a name", "Menteri Keuangan Sri Mulyani hadir.", []string{"PER Sri Mulyani"}},
		{"a place inside a title", "Gubernur Jawa Tengah Ahmad Luthfi meninjau banjir.", []string{"LOC Jawa Tengah", "PER Ahmad Luthfi"}},
		{"a place inside a title that holds a place of its own", "Ia menjabat Gubernur DKI Jakarta dua tahun.", []string{"LOC DKI Jakarta"}},
		{"a place inside a title that holds a place of its own, after a place head", "Gubernur Daerah Istimewa Yogyakarta menyambut mereka.", []string{"LOC Daerah Istimewa Yogyakarta"}},
		{"a place inside a two-word title", "Wali Kota Surabaya Eri Cahyadi hadir.", []string{"LOC Surabaya", "PER Eri Cahyadi"}},
		{"a place inside a title, in a quote", `"Kami siap," kata Wali Kota Semarang Agustina Wilujeng Pramestuti.`, []string{"LOC Semarang", "PER Agustina Wilujeng Pramestuti"}},
		{"a place after a noun", "Warga Magelang mulai mengungsi.", []string{"LOC Magelang"}},
		{"a place after a noun, sentence-initial", "Warga Bekasi menjual bukunya.", []string{"LOC Bekasi"}},
		{"a place after a currency", "Rupiah melemah terhadap dolar AS.", []string{"LOC AS"}},
		{"the administrative head stays inside", "Banjir melanda Kota Semarang dan Desa Sukamaju.", []string{"LOC Kota Semarang", "LOC Desa Sukamaju"}},
		{"a long name keeps its commas and dan; its acronym is its own span", "Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan warga.",
			[]string{"ORG Badan Meteorologi, Klimatologi, dan Geofisika", "ORG BMKG"}},
		{"a name never takes in the next name", "Ketua Komisi III DPR RI Benny Kabur Harman menyatakan dukungannya.", []string{"ORG Komisi III DPR RI", "PER Benny Kabur Harman"}},
		{"local governments", "Pemkot Bekasi menutup jalan itu.", []string{"ORG Pemkot Bekasi"}},
		{"clubs", "Napoli menang melawan Tottenham Hotspur.", []string{"ORG Napoli", "ORG Tottenham Hotspur"}},
		{"brands and apps as companies", "Pengemudi GrabCar memakai WhatsApp dan Telegram.", []string{"ORG GrabCar", "ORG WhatsApp", "ORG Telegram"}},
		{"companies", "Peugeot memamerkan mobil listrik di Jakarta.", []string{"ORG Peugeot", "LOC Jakarta"}},
		{"named buildings are places", "Rapat digelar di Gedung DPR, Jakarta.", []string{"LOC Gedung DPR", "LOC Jakarta"}},
		{"phenomena and products are not names", "Fenomena El Nino membuat harga Elpiji naik.", nil},
		{"standards are not names", "Pembayaran dengan Quick Response Code Indonesian Standard (QRIS) meningkat.", nil},
		{"holidays and days are not names", "Harga naik menjelang Idul Fitri dan Natal, kata pedagang, Senin.", nil},
		{"headlines name what running text names", "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook",
			[]string{"ORG Telegram", "PER Pavel Durov", "ORG Facebook"}},
	}
	for _, c := range cases {
		got := names(entity.Default().Extract(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %q\n got  %q\n want %q", c.point, c.text, got, c.want)
		}
	}
}

// TestNewsSet scores the full pipeline in the default style on our own
// hand-annotated news, written to the guideline (testdata/news.conll: ten
// documents, 66 sentences).
func TestNewsSet(t *testing.T) {
	f, err := os.Open("testdata/news.conll")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := entity.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) < 60 {
		t.Fatalf("%d sentences, want at least 60", len(sents))
	}
	sc := score(t, entity.Default(), sents)
	logScores(t, "news set, default style", sc)
	if f := sc.Micro.F1(); f < 0.92 {
		t.Errorf("news set F1 %.4f < 0.92", f)
	}
}

// notNames are days, holidays, products, phenomena and standards that no facet
// may list as a person, organisation or place.
var notNames = []string{
	"senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "idul fitri",
	"idul adha", "lebaran", "natal", "tahun baru", "imlek", "nyepi", "waisak", "ramadan",
	"ramadhan", "el nino", "la nina", "elpiji", "pertalite", "pertamax", "solar", "qris",
	"quick response code indonesian standard", "qr standar indonesia", "half marathon",
	"fenomena el nino",
}

// TestSampleCorpusNames checks that no name found in the sample corpus is a day,
// holiday, product, phenomenon or standard, and that the reference article's
// entities each come with one canonical name.
func TestSampleCorpusNames(t *testing.T) {
	f, err := os.Open("../../testdata/articles.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for sc.Scan() {
		var a struct{ Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		n++
		for _, e := range entity.Default().Extract(a.Title + "\n\n" + a.Body) {
			if e.Label != entity.PER && e.Label != entity.ORG && e.Label != entity.LOC {
				continue
			}
			for _, s := range []string{e.Text, e.Canonical} {
				if slices.Contains(notNames, strings.ToLower(s)) {
					t.Errorf("%q: %s %q is not a name", a.Title, e.Label, s)
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 40 {
		t.Errorf("%d articles in the sample corpus", n)
	}
}

// TestReferenceCanonical checks that every entity of the reference article is
// found under one canonical name, with a confidence that the repetition makes
// sure.
func TestReferenceCanonical(t *testing.T) {
	es := entity.Default().Extract(telaah.ReferenceArticle())
	for _, want := range []struct {
		label      entity.Label
		name, word string
	}{
		{entity.PER, "Pavel Durov", "Durov"}, {entity.ORG, "Telegram", "Telegram"},
		{entity.ORG, "Facebook", "Facebook"}, {entity.PER, "Trump", "Trump"},
		{entity.ORG, "WhatsApp", "WhatsApp"}, {entity.ORG, "KompasTekno", "KompasTekno"},
		{entity.LOC, "Rusia", "Rusia"},
	} {
		canon := map[string]bool{}
		for _, e := range es {
			if strings.Contains(e.Text, want.word) {
				canon[string(e.Label)+" "+e.Canonical] = true
			}
		}
		if len(canon) != 1 || !canon[string(want.label)+" "+want.name] {
			t.Errorf("%s: canonical names %v, want only %s %s", want.name, canon, want.label, want.name)
		}
	}
	for _, e := range es {
		if e.Text == "Telegram" && e.Confidence < 0.9 {
			t.Errorf("Telegram, repeated through the article, has confidence %.3f", e.Confidence)
		}
		if r := math.Round(e.Confidence*1000) / 1000; r != e.Confidence {
			t.Errorf("%q: confidence %v not rounded to 3 digits", e.Text, e.Confidence)
		}
	}
}
