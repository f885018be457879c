package analysis

import (
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/newstext"
)

// prepareEach collects what PrepareEach yields, copying the strings it lends.
func prepareEach(p *Pipeline, text string) []Term {
	var out []Term
	p.PrepareEach(text, func(t *Term) bool {
		c := *t
		c.Norm = strings.Clone(t.Norm)
		out = append(out, c)
		return true
	})
	return out
}

func checkPrepareEach(t *testing.T, text string) {
	t.Helper()
	var p Pipeline
	want, got := p.Prepare(text), prepareEach(&p, text)
	if len(got) != len(want) {
		t.Fatalf("PrepareEach gave %d terms, Prepare %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("term %d: PrepareEach %+v, Prepare %+v", i, got[i], want[i])
		}
	}
}

// PrepareEach gives the terms of Prepare, one at a time.
func TestPrepareEach(t *testing.T) {
	checkPrepareEach(t, newstext.Text())
	for _, s := range []string{"", " ", "Warga BEKASI membeli bukunya. Telegramnya É", "“Kami” — KPK, Jl. Sudirman No. 1; anak-anak @jokowi #pemilu https://kompas.com 😀", "\xff\xfe\x00 é\u0301 İ"} {
		checkPrepareEach(t, s)
	}
	n := 0
	var p Pipeline
	p.PrepareEach(telaah.ReferenceArticle(), func(*Term) bool { n++; return n < 3 })
	if n != 3 {
		t.Errorf("PrepareEach went on after yield returned false: %d calls", n)
	}
}

func FuzzPrepareEach(f *testing.F) {
	f.Add("Warga Bekasi membeli bukunya.")
	f.Add("“Kami” — KPK, Jl. Sudirman No. 1; anak-anak @jokowi #pemilu https://kompas.com 😀")
	f.Add("\xff\xfe\x00 É\u0301 İ. ĲSSEL Telegramnya")
	f.Fuzz(func(t *testing.T, text string) { checkPrepareEach(t, text) })
}

// IsNormalized agrees with Normalize.
func TestIsNormalized(t *testing.T) {
	for _, s := range []string{"", "telegram", "Telegram", "café", "cafe", "ma'ruf", "ma’ruf", "\xff", "é\u0301", "ΣΑΣ", "σας"} {
		if got, want := IsNormalized([]byte(s)), Normalize(s) == s; got != want {
			t.Errorf("IsNormalized(%q) = %v, want %v", s, got, want)
		}
	}
}

// IsStopword's table agrees with the list on the list and on every word of the
// news text.
func TestIsStopwordTable(t *testing.T) {
	set := stopwordSet()
	for w := range set {
		if !IsStopword(w) {
			t.Errorf("IsStopword(%q) = false", w)
		}
	}
	var p Pipeline
	p.PrepareEach(newstext.Text()[:100000]+" a ab é", func(term *Term) bool {
		_, want := set[term.Norm]
		if IsStopword(term.Norm) != want {
			t.Fatalf("IsStopword(%q) = %v", term.Norm, !want)
		}
		return true
	})
}
