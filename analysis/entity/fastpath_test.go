package entity_test

import (
	"reflect"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

// The stages of Extract take fast paths (tokens straight from the tokenizer,
// stages skipped when they cannot fire); these tests hold them to the output of
// the plain path.

// pathTexts are the reference article, the sample corpus's articles (whole, and
// their bodies and titles alone) and a few odd inputs.
func pathTexts(tb testing.TB) []string {
	texts := []string{
		telaah.ReferenceArticle(),
		"",
		"   \n\n  ",
		"Dr. H. Ir. Prof.\n\nPT. \xff Jl. Sudirman No. 1",
		"Presiden Joko Widodo tiba di Jakarta pukul 10.30 WIB, Sabtu (24/3/2018), membawa Rp1,5 triliun.",
		"naik 5,2 persen menjadi US$ 3 juta; 12 km; seratus dua belas ribu orang",
		"Hamengku Buwono X.\r\nKota Bekasi\r\n\r\nSenin",
	}
	for _, a := range entity.SampleArticles(tb) {
		texts = append(texts, a.Text(), a.Title, a.Body)
	}
	return texts
}

// TestExtractSameAsSentences checks that Extract, which reads the tokenizer's
// tokens as they come, finds what ExtractSentences finds in the sentences of
// tokenize.Sentences, in every style.
func TestExtractSameAsSentences(t *testing.T) {
	for _, st := range []entity.Style{entity.StyleDefault, entity.StyleIdner, entity.StyleNERGrit} {
		r := entity.Default().WithStyle(st)
		for _, text := range pathTexts(t) {
			checkSameAsSentences(t, r, text)
		}
	}
}

// checkSameAsSentences fails t if Extract and ExtractSentences differ on text.
func checkSameAsSentences(t *testing.T, r *entity.Recognizer, text string) {
	t.Helper()
	got := r.Extract(text)
	want := r.ExtractSentences(text, tokenize.Sentences(text))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Extract(%.60q):\n got %+v\nwant %+v", text, got, want)
	}
}
