package index

import (
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/newstext"
)

// chain is the "id" analyzer as the chain of its four registered components.
func chain(keepSurface bool) analysis.Analyzer {
	return &analysis.DefaultAnalyzer{
		Tokenizer:    &Tokenizer{},
		TokenFilters: []analysis.TokenFilter{NormalizeFilter{}, StopFilter{}, &StemFilter{KeepSurface: keepSurface}},
	}
}

func checkOnePass(t *testing.T, text string) {
	t.Helper()
	for _, keep := range []bool{true, false} {
		want := render(chain(keep).Analyze([]byte(text)))
		got := render((&Analyzer{KeepSurface: keep}).Analyze([]byte(text)))
		if got != want {
			t.Fatalf("keep surface %v: one pass\n%.2000s\nchain\n%.2000s", keep, got, want)
		}
	}
}

// The "id" analyzer, one pass, gives the tokens of the chain of its components.
func TestAnalyzerOnePass(t *testing.T) {
	if _, ok := idAnalyzer(t).(*Analyzer); !ok {
		t.Errorf("the registered analyzer is a %T", idAnalyzer(t))
	}
	checkOnePass(t, newstext.Text()[:200000])
	checkOnePass(t, telaah.ReferenceArticle())
	for _, s := range []string{"", " ", "Warga BEKASI membeli bukunya. Telegramnya É dan yang di", "“Kami” — KPK, Jl. Sudirman No. 1; anak-anak @jokowi #pemilu https://kompas.com 😀", "\xff\xfe\x00 é\u0301 İ"} {
		checkOnePass(t, s)
	}
}

func FuzzAnalyzerOnePass(f *testing.F) {
	f.Add("Warga Bekasi membeli bukunya. Penggunaan aplikasi")
	f.Add("“Kami” — KPK, Jl. Sudirman No. 1; anak-anak @jokowi #pemilu https://kompas.com 😀")
	f.Fuzz(func(t *testing.T, text string) {
		checkOnePass(t, text)
		// The analyzer keeps nothing of its input.
		in := []byte(text)
		ts := (&Analyzer{KeepSurface: true}).Analyze(in)
		before := render(ts)
		for i := range in {
			in[i] = 'x'
		}
		if render(ts) != before {
			t.Fatal("the tokens changed with the input bytes")
		}
	})
}
