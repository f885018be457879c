package tokenize_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah/tokenize"
)

// TestSentenceEndsAfterAbbreviation: an abbreviation or initial ends a sentence
// before a capitalised word that does not continue a name; unknown
// abbreviations do not end one.
func TestSentenceEndsAfterAbbreviation(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		// A postnominal abbreviation before a quoted sentence.
		{`Saham Itochu Corp. "Jumlah itu besar," katanya.`, []string{`Saham Itochu Corp.`, `"Jumlah itu besar," katanya.`}},
		{`Laba PT Astra Tbk. "naik," katanya.`, []string{`Laba PT Astra Tbk. "naik," katanya.`}},
		// Initials before a function word.
		{"Putusan Mahkamah Agung A.S. Seperti biasa, sidang ditunda.", []string{"Putusan Mahkamah Agung A.S.", "Seperti biasa, sidang ditunda."}},
		{"Dia bertemu B.J. Habibie kemarin.", []string{"Dia bertemu B.J. Habibie kemarin."}},
		// A letter after a noun that labels things is a label, not an initial.
		{"Ia masuk kumpulan B. Rancangan itu disetujui.", []string{"Ia masuk kumpulan B.", "Rancangan itu disetujui."}},
		{"Kata dia kepada B. Sutrisno di Jakarta.", []string{"Kata dia kepada B. Sutrisno di Jakarta."}},
		// A letter after a number is a unit.
		{"Suhu turun di bawah 2 C. Banyak warga kedinginan.", []string{"Suhu turun di bawah 2 C.", "Banyak warga kedinginan."}},
		// Unknown title abbreviations.
		{"Ia bertemu Pres. Joko Widodo dan Lt. Kol. Budi. Fax. 021-555 juga.", []string{"Ia bertemu Pres. Joko Widodo dan Lt. Kol. Budi.", "Fax. 021-555 juga."}},
		{"Kantor di Lt. 3 gedung itu.", []string{"Kantor di Lt. 3 gedung itu."}},
		// A closing quote after ? or ! stays in its sentence.
		{`Ia bertanya, "Mengapa? '" Lalu pergi.`, []string{`Ia bertanya, "Mengapa? '"`, "Lalu pergi."}},
		{`"Siapa dia?'" tanya Budi.`, []string{`"Siapa dia?'" tanya Budi.`}},
	} {
		ss := tokenize.Sentences(c.in)
		if got := sentenceTexts(c.in, ss); !slices.Equal(got, c.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// TestRatingsAndNegativeNumbers: credit ratings and negative numbers are one
// token each.
func TestRatingsAndNegativeNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"peringkat idA- dan BB+ serta idBBB+ (stabil)": "peringkat | idA- | dan | BB+ | serta | idBBB+ | ( | stabil | )",
		"naik ke AA- atau A+, bukan AAA.":              "naik | ke | AA- | atau | A+ | , | bukan | AAA | .",
		"tumbuh -4,9 persen (-0,5) dan -12":            "tumbuh | -4,9 | persen | ( | -0,5 | ) | dan | -12",
		"5 - 10 orang dan 2010-2015 serta BBM-nya":     "5 | - | 10 | orang | dan | 2010 | - | 2015 | serta | BBM-nya",
		"B+C dan A-B": "B | + | C | dan | A-B",
	} {
		if got := strings.Join(texts(tokenize.Tokenize(in)), " | "); got != want {
			t.Errorf("Tokenize(%q)\n got %s\nwant %s", in, got, want)
		}
	}
	for _, tok := range tokenize.Tokenize("-4,9 idA-") {
		if tok.Text == "-4,9" && tok.Kind != tokenize.Number {
			t.Errorf("-4,9 is a %v, want a number", tok.Kind)
		}
	}
}

// TestSplitCliticsMore: -ku and -mu after hosts ending in a consonant, and
// clitics after a reduplication, are split off.
func TestSplitCliticsMore(t *testing.T) {
	split := tokenize.Tokenizer{SplitClitics: true}
	for in, want := range map[string]string{
		"hari-harimu teleponku panahmu rumahku": "hari-hari | mu | telepon | ku | panah | mu | rumah | ku",
		"buku-bukunya anak-anakku":              "buku-buku | nya | anak-anak | ku",
		"buku ilmu tamu waktu pangku tungku":    "buku | ilmu | tamu | waktu | pangku | tungku",
		"kalbu Tengku palu":                     "kalbu | Tengku | palu",
	} {
		if got := strings.Join(texts(split.Tokenize(in)), " | "); got != want {
			t.Errorf("split %q\n got %s\nwant %s", in, got, want)
		}
	}
}
