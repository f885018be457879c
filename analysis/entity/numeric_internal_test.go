package entity

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// windowedNumeric returns the entities of numericTokens, over the tokens at
// which Extract finds that a rule may start, and those of numericEntities over
// the whole of text, as Extract would find them without the starts; and how
// many units numericTokens lexed and how many numericEntities did.
func windowedNumeric(r *Recognizer, text string) (windowed, all []Entity, lexed, units int) {
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	d := &tg.doc
	defer d.release()
	kept := d.tokenLines(text)
	if len(kept) == 0 {
		return nil, nil, 0, 0
	}
	r.extract(tg, text, kept) // tags every line: d.starts
	windowed, lexed = numericStretches(nil, &tg.units, text, d.valid, d.starts)
	last := kept[len(kept)-1]
	all = numericEntities(nil, new([]unit), text, kept[0][0].Start, last[len(last)-1].End)
	units = len(lexUnits(nil, text, kept[0][0].Start, last[len(last)-1].End))
	return windowed, all, lexed, units
}

// numericTexts are the texts TestNumericTokens reads: the sample corpus, the
// reference article, texts made to try the stretches' edges, the fuzz corpus
// of Extract, and the sentences of both dev sets, twenty to a text, one to a
// line and five to a line.
func numericTexts(t *testing.T) []string {
	var texts []string
	for _, a := range SampleArticles(t) {
		texts = append(texts, a.Text())
	}
	texts = append(texts, telaah.ReferenceArticle(),
		"Pada Senin(12/3) pukul 10.30 WIB, harga naik dua persen.\nRp1,5 juta\nsebelas ribu\n(KPK)",
		"Tanggal 17Agustus, seratusjuta, Jum'at, $5 dan €3, 10.\n30 WIB",
		"Hari ini hujan. Tahun 2018 dan Senin. Kata kata.\nIa pergi. Ia datang pada\n2019. Kali ini tahun. 2020 tiba!Senin pagi",
		"Ia pergi. Ia datang tahun 2019 lalu. Kami pergi. 10.30 WIB. Semua pulang.",
		"sejak \u00a0 2018, pada\u200b2019, pada\u00a02020, hingga\t2021\r\nakhir 2022 dan pilpres\u3000 2019",
		"dua puluh lima ribu rupiah dan seratus dua belas juta dolar Amerika Serikat naik 5 per sen",
		"HARGA CABAI NAIK DUA PERSEN SENIN\nJokowi Resmikan Tol Rp1,5 Triliun pada 2019\nPukul 10 Pagi",
		"Harga Naik Sejak \u212aamis Pada 2019 Dan Mei\nKata dia.", "Gempa Guncang Selasa Jam 10 Malam Dua Kali\nIa pergi.",
		"Jan. 2018, Des. 2019 dan 24 Mar. 2020; sept.2021 (24/3/2018) (24/3 2018-03-24",
		"US$ 5 juta, US $5, S$5, A$ 3, Rp. 200.000,- dan 5 juta dolar AS, 12 km, 3 M, 40 derajat",
		"  pada 2018  \n\n  tahun 2019 \n", "2018", "pada 2018", "Senin", "dua", "x 2018 y")
	files, _ := filepath.Glob("testdata/fuzz/FuzzExtract/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(l, "string("); ok {
				if s, err := strconv.Unquote(strings.TrimSuffix(v, ")")); err == nil {
					texts = append(texts, s)
				}
			}
		}
	}
	return append(texts, sentenceTexts(devSentences(t))...)
}

// sentenceTexts makes texts of sents: twenty to a text, one to a line
// (Documents), and a hundred to a text, five to a line.
func sentenceTexts(sents []TaggedSentence) []string {
	texts := Documents(sents)
	for i := 0; i < len(sents); i += 100 {
		var b strings.Builder
		for k, s := range sents[i:min(i+100, len(sents))] {
			b.WriteString(strings.Join(s.Words, " "))
			b.WriteString([]string{" ", " ", " ", " ", "\n"}[k%5])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// trainTexts are the sentences of both training sets, as sentenceTexts makes
// texts of them.
func trainTexts(t *testing.T) []string {
	return sentenceTexts(readSets(t, "data/ner/idner-news-2k/train.txt", "data/ner/nergrit/train.txt"))
}

// TestNumericTokens checks that numericTokens, which lexes only around the
// tokens that numericStarts lists, finds the entities numericEntities finds
// over the whole text, in every style (and on the training sets too in the
// default one), and that it lexes fewer units.
func TestNumericTokens(t *testing.T) {
	texts := numericTexts(t)
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		r := Default().WithStyle(style)
		texts := texts
		if style == StyleDefault && !testing.Short() {
			texts = append(trainTexts(t), texts...)
		}
		lexed, units, found := 0, 0, 0
		for _, text := range texts {
			windowed, all, l, u := windowedNumeric(r, text)
			if !slices.Equal(windowed, all) {
				t.Errorf("%v %.80q: numericTokens %v, numericEntities %v", style, text, windowed, all)
			}
			lexed, units, found = lexed+l, units+u, found+len(all)
		}
		t.Logf("%v: %d texts, %d entities; %d units lexed of %d", style, len(texts), found, lexed, units)
		if lexed*2 > units {
			t.Errorf("%v: %d units lexed of %d", style, lexed, units)
		}
	}
}

// FuzzNumericTokens is TestNumericTokens on any text.
func FuzzNumericTokens(f *testing.F) {
	f.Add("Pada Senin(12/3) pukul 10.30 WIB, harga naik dua persen.\nKPK (dan) menolak.\n\nRp1,5 juta")
	f.Add("Tanggal 17Agustus, seratusjuta.\nJum'at $5 dan €3, 10.\n30 WIB")
	f.Add("sejak \u00a0 2018, pada\u200b2019 HARGA NAIK DUA PERSEN")
	f.Fuzz(func(t *testing.T, text string) {
		windowed, all, _, _ := windowedNumeric(Default(), text)
		if !slices.Equal(windowed, all) {
			t.Errorf("%q: numericTokens %v, numericEntities %v", text, windowed, all)
		}
	})
}

// TestNumericTokensJoined checks that numericTokens lexes the tokens that
// touch letter to letter, although none of them is numericWord: the text's
// word there (dua, seribu) is neither token's.
func TestNumericTokensJoined(t *testing.T) {
	for _, text := range []string{"dua juta rupiah", "harga seribu rupiah", "pada 2018"} {
		var valid []tokenize.Token
		// Each word cut in two tokens after its second byte.
		for from := 0; from < len(text); {
			end := strings.IndexByte(text[from:], ' ')
			if end < 0 {
				end = len(text)
			} else {
				end += from
			}
			cut := min(from+2, end)
			valid = append(valid, tokenize.Token{Text: text[from:cut], Start: from, End: cut})
			if cut < end {
				valid = append(valid, tokenize.Token{Text: text[cut:end], Start: cut, End: end})
			}
			from = end + 1
		}
		info := make([]tokenInfo, len(valid))
		for k, tok := range valid {
			info[k].wordInfo = computeWordInfo(mustGazetteer(t), tok.Text)
		}
		words := make([]string, len(valid))
		for k, tok := range valid {
			words[k] = tok.Text
		}
		all := numericEntities(nil, new([]unit), text, 0, len(text))
		if len(all) == 0 {
			t.Fatalf("%q: no entity in the example", text)
		}
		for _, head := range []bool{false, true} {
			starts := numericStarts(nil, text, valid, 0, words, info, head)
			if got := numericTokens(nil, new([]unit), text, valid, starts); !slices.Equal(got, all) {
				t.Errorf("%q (headline %v): numericTokens %v, want %v", text, head, got, all)
			}
		}
	}
}

// mustGazetteer returns the default gazetteer.
func mustGazetteer(t *testing.T) *gazetteer {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// TestNumericWord checks numericWord against the units of lexUnits, on words
// of each kind and on every token of the texts of TestNumericTokens.
func TestNumericWord(t *testing.T) {
	ref := func(w string) bool {
		for _, u := range lexUnits(nil, w, 0, len(w)) {
			if startsRule(&u) {
				return true
			}
		}
		return false
	}
	for w, want := range map[string]bool{
		"Senin": true, "MEI": true, "dua": true, "pukul": true, "2018": true, "Rp1,5": true,
		"(KPK)": true, "$": true, "€": true, "¥5": true, "juta": false, "persen": false, "Jakarta": false,
		"ratus": false, ".": false, "kata-kata": false, "": false, "Jum'at": false, "\u212aamis": true,
		"ke-2": true, "é2": true, "x\xffdua": true, "\u00a0": false,
	} {
		if got := numericWord(w); got != want || ref(w) != want {
			t.Errorf("numericWord(%q) = %v, lexUnits' %v, want %v", w, got, ref(w), want)
		}
	}
	n := 0
	for _, text := range numericTexts(t) {
		for tok := range tokenize.All(text) {
			if got, want := numericWord(tok.Text), ref(tok.Text); got != want {
				t.Errorf("numericWord(%q) = %v, lexUnits' %v", tok.Text, got, want)
			}
			n += b2i(numericWord(tok.Text))
		}
	}
	t.Logf("%d tokens numericWord", n)
}

// FuzzNumericWord is TestNumericWord on any word.
func FuzzNumericWord(f *testing.F) {
	f.Add("Rp1,5")
	f.Add("Senin(12/3)")
	f.Fuzz(func(t *testing.T, w string) {
		want := false
		for _, u := range lexUnits(nil, w, 0, len(w)) {
			want = want || startsRule(&u)
		}
		if got := numericWord(w); got != want {
			t.Errorf("numericWord(%q) = %v, want %v", w, got, want)
		}
	})
}
