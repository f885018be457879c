package entity_test

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/internal/dataset"
	"github.com/telaah/telaah/tokenize"
)

func TestReferenceArticle(t *testing.T) {
	text := telaah.ReferenceArticle()
	es := entity.Default().Extract(text)
	checkInvariants(t, text, es)
	has := func(label entity.Label, s string) *entity.Entity {
		for i := range es {
			if es[i].Label == label && es[i].Text == s {
				return &es[i]
			}
		}
		t.Errorf("%s %q not found", label, s)
		return nil
	}
	has(entity.PER, "Pavel Durov")
	for _, org := range []string{"Telegram", "Facebook", "WhatsApp", "KompasTekno"} {
		has(entity.ORG, org)
	}
	has(entity.PER, "Trump")
	has(entity.LOC, "Rusia")
	later := map[string]bool{}
	for _, e := range es {
		if (e.Text == "Durov" || e.Text == "Pavel") && e.Label == entity.PER {
			later[e.Text] = true
			if e.Canonical != "Pavel Durov" {
				t.Errorf("%q at %d: canonical %q, want Pavel Durov", e.Text, e.Start, e.Canonical)
			}
		}
	}
	if !later["Durov"] || !later["Pavel"] {
		t.Errorf("later mentions Durov and Pavel not both found as PER: %v", later)
	}
	if e := has(entity.DATE, "Sabtu (24/3/2018)"); e != nil && e.Value != "2018-03-24" {
		t.Errorf("Sabtu (24/3/2018): value %q", e.Value)
	}
	found := false
	for _, e := range es {
		if e.Text == "200 juta" {
			found = true
			if e.Number != 2e8 {
				t.Errorf("200 juta: number %g", e.Number)
			}
		}
	}
	if !found {
		t.Error("200 juta not found")
	}
	// Nothing wrong of the kinds the model is prone to.
	for _, e := range es {
		if strings.Contains(e.Text, "\n") {
			t.Errorf("entity spans a line break: %+v", e)
		}
	}
}

func checkInvariants(t testing.TB, text string, es []entity.Entity) {
	t.Helper()
	last := 0
	for _, e := range es {
		if e.Start < last || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("bad offsets %d..%d after %d in %d bytes: %+v", e.Start, e.End, last, len(text), e)
		}
		if text[e.Start:e.End] != e.Text {
			t.Fatalf("text %q != input %q", e.Text, text[e.Start:e.End])
		}
		if e.Confidence < 0 || e.Confidence > 1 || math.IsNaN(e.Confidence) {
			t.Fatalf("confidence out of range: %+v", e)
		}
		if e.Canonical == "" || e.Label == "" {
			t.Fatalf("missing canonical or label: %+v", e)
		}
		last = e.End
	}
}

func TestMentionClustering(t *testing.T) {
	text := "Presiden Joko Widodo meresmikan jembatan di Kabupaten Bogor, Senin. " +
		"Menurut Jokowi, jembatan itu penting. Kata Widodo, pembangunan akan dilanjutkan."
	es := entity.Default().Extract(text)
	checkInvariants(t, text, es)
	canon := map[string]string{}
	for _, e := range es {
		canon[e.Text] = e.Canonical
	}
	if canon["Joko Widodo"] != "Joko Widodo" || canon["Jokowi"] != "Joko Widodo" || canon["Widodo"] != "Joko Widodo" {
		t.Errorf("canonical forms: %v (entities %+v)", canon, es)
	}
}

func TestAcronymCanonical(t *testing.T) {
	text := "Komisi Pemberantasan Korupsi menahan seorang bupati. Juru bicara KPK mengatakan penahanan dilakukan hari ini."
	found := false
	for _, e := range entity.Default().Extract(text) {
		if e.Text == "KPK" {
			found = true
			if e.Canonical != "Komisi Pemberantasan Korupsi" {
				t.Errorf("KPK: canonical %q", e.Canonical)
			}
		}
	}
	if !found {
		t.Error("KPK not found")
	}
}

func TestTitles(t *testing.T) {
	r := entity.Default()
	text := "Menurut Prof. Dr. Budi Santoso, inflasi akan turun. Hal itu disampaikan Bapak Ahmad Yani di Jakarta. " +
		"Dalam acara itu hadir Hj. Siti Aminah dan Ir. Bambang Susilo serta H. Muhammad Nuh. " +
		"Kapolri Jenderal Tito Karnavian juga hadir."
	var got []string
	for _, e := range r.Extract(text) {
		if e.Label == entity.PER {
			got = append(got, e.Text)
		}
	}
	want := "Budi Santoso|Ahmad Yani|Siti Aminah|Bambang Susilo|Muhammad Nuh|Tito Karnavian"
	if strings.Join(got, "|") != want {
		t.Errorf("persons %q, want %q", strings.Join(got, "|"), want)
	}
}

func TestExtractOddInput(t *testing.T) {
	r := entity.Default()
	for _, text := range []string{"", " ", "\n\n", "A", "Rp", "((((", "\xff\xfe", strings.Repeat("Jakarta ", 3000)} {
		checkInvariants(t, text, r.Extract(text))
	}
	// Tokens that do not point into the text are ignored, not trusted.
	bad := []tokenize.Sentence{{Tokens: []tokenize.Token{{Text: "Jakarta", Start: 5, End: 100}, {Text: "x", Start: -1, End: 0}}}}
	checkInvariants(t, "di Jakarta", r.ExtractSentences("di Jakarta", bad))
	// A sentence with a stray token finds what it finds without the token,
	// and the valid sentences beside it are read as they are.
	ref := telaah.ReferenceArticle()
	clean := tokenize.Sentences(ref)
	stray := slices.Clone(clean)
	stray[1].Tokens = append(slices.Clone(stray[1].Tokens), tokenize.Token{Text: "Rusia", Start: 3, End: 2})
	if got, want := r.ExtractSentences(ref, stray), r.ExtractSentences(ref, clean); !reflect.DeepEqual(got, want) {
		t.Errorf("with a stray token: %v, want %v", got, want)
	}
	// Sentences out of order still give sorted, non-overlapping entities.
	text := telaah.ReferenceArticle()
	sents := tokenize.Sentences(text)
	for i, j := 0, len(sents)-1; i < j; i, j = i+1, j-1 {
		sents[i], sents[j] = sents[j], sents[i]
	}
	checkInvariants(t, text, r.ExtractSentences(text, sents))
}

func TestZeroRecognizer(t *testing.T) {
	var r entity.Recognizer
	if got := r.Tag([]string{"Presiden", "Joko", "Widodo"}); got[1] != "B-PER" || got[2] != "I-PER" {
		t.Errorf("zero Recognizer tags %v", got)
	}
}

func TestConcurrent(t *testing.T) {
	r := entity.Default()
	text := telaah.ReferenceArticle()
	want := r.Extract(text)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 3 {
				if got := r.Extract(text); len(got) != len(want) {
					t.Errorf("concurrent Extract: %d entities, want %d", len(got), len(want))
				}
			}
		}()
	}
	wg.Wait()
}

func TestModelRoundTrip(t *testing.T) {
	r := entity.Default()
	var buf bytes.Buffer
	if err := r.WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := entity.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Menteri Keuangan Sri Mulyani Indrawati bertemu pimpinan Bank Dunia di Washington , Amerika Serikat .")
	if a, b := strings.Join(r.Tag(words), " "), strings.Join(r2.Tag(words), " "); a != b {
		t.Errorf("round trip changed tags:\n%s\n%s", a, b)
	}
	for _, junk := range [][]byte{nil, []byte("not gzip"), {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0}} {
		if _, err := entity.Load(bytes.NewReader(junk)); err == nil {
			t.Errorf("Load(%q) succeeded", junk)
		}
	}
}

func readCoNLL(t testing.TB, rel string) []entity.TaggedSentence {
	t.Helper()
	f, err := os.Open(dataset.Path(t, rel))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := entity.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// score scores the full Extract pipeline (TagSentences) on sents.
func score(t testing.TB, r *entity.Recognizer, sents []entity.TaggedSentence) entity.Scores {
	gold := make([][]string, len(sents))
	for i, s := range sents {
		gold[i] = s.Tags
	}
	sc, err := entity.Evaluate(gold, r.TagSentences(sents))
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func logScores(t *testing.T, name string, sc entity.Scores) {
	t.Logf("%s: %s", name, sc)
	for _, l := range []entity.Label{entity.PER, entity.ORG, entity.LOC} {
		s := sc.PerLabel[l]
		t.Logf("  %s P %.4f R %.4f F1 %.4f (tp %d fp %d fn %d)", l, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
}

// TestIdnerDev scores the full pipeline (Extract, through TagSentences) on
// idner-news-2k dev in idner's own style, as ../shared/tools/nereval.py does with
// "telaah entities --conll --style idner", and logs the default style's scores.
func TestIdnerDev(t *testing.T) {
	dev := readCoNLL(t, "data/ner/idner-news-2k/dev.txt")
	sc := score(t, entity.Default().WithStyle(entity.StyleIdner), dev)
	logScores(t, "idner dev, idner style", sc)
	// Training is reproducible; the seed moves dev F1 by about ±0.004.
	if f := sc.Micro.F1(); f < idnerBar {
		t.Errorf("idner dev F1 %.4f < %.2f", f, idnerBar)
	}
	logScores(t, "idner dev, default style", score(t, entity.Default(), dev))
}

// TestNERGritDev scores the full pipeline on NERGrit dev in NERGrit's style.
func TestNERGritDev(t *testing.T) {
	sc := score(t, entity.Default().WithStyle(entity.StyleNERGrit), readCoNLL(t, "data/ner/nergrit/dev.txt"))
	logScores(t, "nergrit dev, NERGrit style", sc)
	if f := sc.Micro.F1(); f < nergritBar {
		t.Errorf("NERGrit dev F1 in NERGrit style %.4f < %.2f", f, nergritBar)
	}
}

func TestTrainSmall(t *testing.T) {
	mk := func(s string) entity.TaggedSentence {
		var ts entity.TaggedSentence
		for _, f := range strings.Fields(s) {
			w, tg, _ := strings.Cut(f, "/")
			ts.Words = append(ts.Words, w)
			ts.Tags = append(ts.Tags, tg)
		}
		return ts
	}
	train := []entity.TaggedSentence{
		mk("Budi/B-PER pergi/O ke/O Jakarta/B-LOC ./O"),
		mk("Siti/B-PER Aminah/I-PER bekerja/O di/O PT/B-ORG Maju/I-ORG ./O"),
		mk("Ani/B-PER tinggal/O di/O Bandung/B-LOC ./O"),
	}
	var log bytes.Buffer
	r, err := entity.Train(train, train[:1], entity.TrainOptions{Epochs: 5, Progress: &log})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "dev F1") {
		t.Errorf("no dev scores in the progress log:\n%s", log.String())
	}
	if got := r.Tag(train[0].Words); strings.Join(got, " ") != strings.Join(train[0].Tags, " ") {
		t.Errorf("tags %v, want %v", got, train[0].Tags)
	}
	if _, err := entity.Train(nil, nil, entity.TrainOptions{}); err == nil {
		t.Error("Train with no data succeeded")
	}
	if _, err := entity.Train([]entity.TaggedSentence{{Words: []string{"a"}}}, nil, entity.TrainOptions{}); err == nil {
		t.Error("Train with misaligned tags succeeded")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "Joko PROPN B-PER\r\nWidodo PROPN I-PER\r\ndi ADP O\r\n\r\n\r\nBank\tB-ORGANISATION\nDunia\tI-ORGANISATION\nTokyo\tI-PLACE\nsaja\n"
	s, err := entity.ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for _, x := range s {
		got += strings.Join(x.Words, " ") + "|" + strings.Join(x.Tags, " ") + "\n"
	}
	want := "Joko Widodo di|B-PER I-PER O\nBank Dunia Tokyo saja|B-ORG I-ORG B-LOC O\n"
	if got != want {
		t.Errorf("got\n%swant\n%s", got, want)
	}
}

func TestEvaluate(t *testing.T) {
	// conlleval: an I- tag that does not continue its type starts an entity.
	gold := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}, {"I-ORG", "I-ORG", "O"}}
	pred := [][]string{{"B-PER", "I-PER", "O", "B-ORG"}, {"B-ORG", "I-ORG", "B-PERSON"}}
	sc, err := entity.Evaluate(gold, pred)
	if err != nil {
		t.Fatal(err)
	}
	if sc.Micro.TP != 2 || sc.Micro.FP != 2 || sc.Micro.FN != 1 {
		t.Errorf("got %+v", sc.Micro)
	}
	if _, err := entity.Evaluate(gold, pred[:1]); err == nil {
		t.Error("misaligned input accepted")
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(telaah.ReferenceArticle()[:600])
	f.Add("Presiden Joko Widodo tiba di Jakarta pukul 10.30 WIB, Sabtu (24/3/2018), membawa Rp1,5 triliun.")
	f.Add("naik 5,2 persen menjadi US$ 3 juta; 12 km; seratus dua belas ribu orang")
	f.Add("Dr. H. Ir. Prof.\n\nPT. \xff Jl. Sudirman No. 1")
	r := entity.Default()
	f.Fuzz(func(t *testing.T, text string) {
		es := r.Extract(text)
		checkInvariants(t, text, es)
		checkSameAsSentences(t, r, text)
		for _, e := range es {
			if !utf8.ValidString(text) {
				break
			}
			if !utf8.ValidString(e.Text) {
				t.Fatalf("entity splits a rune: %q", e.Text)
			}
		}
	})
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("Joko PROPN B-PER\r\nWidodo PROPN I-PER\r\n\r\nBank\tB-ORGANISATION\n")
	f.Add("-DOCSTART- O\n\nx\n\n\n I-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := entity.ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		r := entity.Default()
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
				t.Fatalf("bad sentence %+v", s)
			}
			if got := r.Tag(s.Words); len(got) != len(s.Words) {
				t.Fatalf("Tag returned %d tags for %d words", len(got), len(s.Words))
			}
		}
		if _, err := entity.Evaluate([][]string{}, [][]string{}); err != nil {
			t.Fatal(err)
		}
	})
}

func TestNewsParagraph(t *testing.T) {
	text := "JAKARTA, KOMPAS.com - Presiden Joko Widodo meminta Menteri Keuangan Sri Mulyani Indrawati menyiapkan anggaran Rp 1,5 triliun.\n\n" +
		"Hal itu disampaikan Jokowi di Istana Kepresidenan, Jakarta, Senin (12/8/2019) pukul 14.00 WIB.\n\n" +
		"Sementara itu, Ketua Umum PDI Perjuangan Megawati Soekarnoputri bertemu dengan Prabowo Subianto. Prabowo mengatakan Partai Gerindra siap."
	es := entity.Default().Extract(text)
	checkInvariants(t, text, es)
	type want struct {
		label            entity.Label
		canonical, value string
	}
	wants := map[string]want{
		"Joko Widodo":            {entity.PER, "Joko Widodo", ""},
		"Sri Mulyani Indrawati":  {entity.PER, "Sri Mulyani Indrawati", ""},
		"Jokowi":                 {entity.PER, "Joko Widodo", ""},
		"Jakarta":                {entity.LOC, "Jakarta", ""},
		"PDI Perjuangan":         {entity.ORG, "PDI Perjuangan", ""},
		"Megawati Soekarnoputri": {entity.PER, "Megawati Soekarnoputri", ""},
		"Prabowo":                {entity.PER, "Prabowo Subianto", ""},
		"Partai Gerindra":        {entity.ORG, "Partai Gerindra", ""},
		"Senin (12/8/2019)":      {entity.DATE, "Senin (12/8/2019)", "2019-08-12"},
		"pukul 14.00 WIB":        {entity.TIME, "pukul 14.00 WIB", "14:00+07:00"},
		"Rp 1,5 triliun":         {entity.MONEY, "Rp 1,5 triliun", "IDR"},
	}
	for _, e := range es {
		if w, ok := wants[e.Text]; ok {
			if e.Label != w.label || e.Canonical != w.canonical || e.Value != w.value {
				t.Errorf("%q: got %s %q %q, want %s %q %q", e.Text, e.Label, e.Canonical, e.Value, w.label, w.canonical, w.value)
			}
			delete(wants, e.Text)
		}
	}
	for s := range wants {
		t.Errorf("%q not found", s)
	}
}
