package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/telaah/telaah"
	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/internal/newstext"
)

// renderFreqs writes token frequencies in the order of their terms.
func renderFreqs(tfs bindex.TokenFrequencies) string {
	var b strings.Builder
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range tfs {
			if !yield(k) {
				return
			}
		}
	}) {
		tf := tfs[k]
		fmt.Fprintf(&b, "%s %s ×%d:", k, tf.Term, tf.Frequency())
		for _, l := range tf.Locations {
			fmt.Fprintf(&b, " %d@%d-%d%q%v", l.Position, l.Start, l.End, l.Field, l.ArrayPositions)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// The title and body fields index what bleve would index of the token stream
// of the same terms: the same terms, frequencies and locations.
func TestTextFieldFrequencies(t *testing.T) {
	texts := []string{
		"", "yang dan di", telaah.ReferenceArticle(), newstext.Text()[:20000],
		"Warga BEKASI membeli bukunya. Telegramnya É dan yang di; penggunaan, menggunakan, pengguna.",
	}
	for _, text := range texts {
		an := analyze(nil, &Article{ID: "x", Title: "Judul", Body: text}, false)
		for _, keep := range []bool{false, true} {
			ts := stream(an.Body.Terms, keep)
			want := analysis.TokenFrequency(ts, nil, textFieldOptions)
			var ft fieldTokens
			for i := range an.Body.Terms {
				ft.add(&an.Body.Terms[i], keep)
			}
			f := newTextField(FieldBody, text, &ft)
			f.Analyze()
			if f.AnalyzedLength() != len(ts) {
				t.Errorf("keep %v, %.40q: length %d, want %d", keep, text, f.AnalyzedLength(), len(ts))
			}
			if got, want := renderFreqs(f.AnalyzedTokenFrequencies()), renderFreqs(want); got != want {
				t.Errorf("keep %v, %.40q:\n%.1500s\nwant\n%.1500s", keep, text, got, want)
			}
			if f.Text() != text || f.Name() != FieldBody || f.Options() != textFieldOptions {
				t.Errorf("field %q %q %v", f.Name(), f.Text(), f.Options())
			}
		}
	}
}

func TestTidySpacesAndHasLower(t *testing.T) {
	for _, s := range []string{"", " ", "Pavel Durov", " Pavel  Durov ", "Pavel\tDurov", "Kota\u00a0Semarang", "A", "a b", "Jl.  Sudirman", "É", "KPK", "kpk", "DKI Jakarta", "ÉLAN", "élan", "123"} {
		if got, want := tidySpaces(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("tidySpaces(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasLower(s), strings.ToUpper(s) != s; got != want {
			t.Errorf("hasLower(%q) = %v, want %v", s, got, want)
		}
	}
}

// Add's documents, analysed in one pass that keeps no terms, index the tokens
// and entity fields of the analysis Index.Analyze returns.
func TestDocumentOnePass(t *testing.T) {
	arts := append(generate(t, 30), Article{ID: "r", Title: "Pavel Durov Sindir Facebook", Body: telaah.ReferenceArticle()},
		Article{ID: "t", Title: "Hanya judul"}, Article{ID: "b", Body: "Hanya isi, tanpa judul. Warga Bekasi."})
	for _, keep := range []bool{false, true} {
		x, err := Create("", &Options{KeepSurface: keep})
		if err != nil {
			t.Fatal(err)
		}
		for i := range arts {
			a := &arts[i]
			an := analyze(nil, a, false)
			d, _, err := x.document(a)
			if err != nil {
				t.Fatal(err)
			}
			fields := map[string]string{}
			for _, f := range d.Fields {
				if tf, ok := f.(*textField); ok {
					fields[f.Name()] = renderFreqs(tf.AnalyzedTokenFrequencies())
				}
			}
			for name, terms := range map[string][]ta.Term{FieldTitle: an.Title.Terms, FieldBody: an.Body.Terms} {
				want := renderFreqs(analysis.TokenFrequency(stream(terms, keep), nil, textFieldOptions))
				if fields[name] != want {
					t.Errorf("%s keep %v, %s:\n%.1000s\nwant\n%.1000s", a.ID, keep, name, fields[name], want)
				}
			}
			sum := string(summarize(an).encode())
			if got := string(summarize(analyzeEach(nil, a, false, func(bool, *ta.Term) {})).encode()); got != sum {
				t.Errorf("%s: entities\n%s\nwant\n%s", a.ID, got, sum)
			}
		}
		x.Close()
	}
}
