package index

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/document"
)

// renderFields describes the fields of a document, analysed, in a fixed order.
func renderFields(d *document.Document) []string {
	var out []string
	for _, f := range d.Fields {
		f.Analyze()
		out = append(out, fmt.Sprintf("%s %v %v %c %q %d\n%s", f.Name(), f.ArrayPositions(), f.Options(),
			f.EncodedFieldType(), f.Value(), f.AnalyzedLength(), renderFreqs(f.AnalyzedTokenFrequencies())))
	}
	slices.Sort(out)
	return out
}

// The fields Add builds without the mapping are those MapDocument makes of the
// same values.
func TestFieldMakerAsMapDocument(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if x.fields == nil {
		t.Fatal("no fieldMaker for NewMapping")
	}
	if newFieldMaker(legacyMapping(), articleKinds) != nil {
		t.Error("a fieldMaker for a mapping with _all")
	}
	arts := append(generate(t, 40), Article{ID: "full", Title: "Judul", Body: "Isi.", URL: "https://contoh.id/a", Source: "Kompas",
		Published: time.Date(2024, 3, 1, 8, 30, 0, 0, time.UTC), Authors: []string{"A", "B"}, Tags: []string{"banjir"}})
	for i := range arts {
		a := &arts[i]
		an := analyze(nil, a, false)
		an.Money = append(an.Money, 1.5e9, 0.25)
		an.Dates = append(an.Dates, time.Date(2018, 3, 24, 0, 0, 0, 0, time.UTC))
		want := document.NewDocument(a.ID)
		if err := x.mapFields(want, a, an); err != nil {
			t.Fatal(err)
		}
		got := document.NewDocument(a.ID)
		x.fields.article(got, a, an)
		g, w := renderFields(got), renderFields(want)
		if !slices.Equal(g, w) {
			t.Errorf("%s:\n%q\nwant\n%q", a.ID, g, w)
		}
		if got.Indexed() != want.Indexed() {
			t.Errorf("%s: indexed %v, want %v", a.ID, got.Indexed(), want.Indexed())
		}
	}
}
