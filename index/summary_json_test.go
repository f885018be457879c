package index

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

func checkSummaryJSON(t *testing.T, s *docSummary) {
	t.Helper()
	want, err := json.Marshal(s)
	got, ok := s.appendJSON(nil)
	if (err == nil) != ok {
		t.Fatalf("%+v: appendJSON ok %v, json.Marshal error %v", s, ok, err)
	}
	if ok && string(got) != string(want) {
		t.Fatalf("%+v:\n%s\nwant\n%s", s, got, want)
	}
}

// The stored entities are written byte for byte as json.Marshal writes them.
func TestSummaryJSON(t *testing.T) {
	checkSummaryJSON(t, &docSummary{})
	checkSummaryJSON(t, &docSummary{Entities: []docEntity{}})
	for _, n := range []string{"Pavel Durov", "", "A&B <x> \"q\" \\ /", "tab\tnl\ncr\r\b\f\x00\x1f\x7f", "é ü 😀 \u2028\u2029", "\xff\xfe bad", "Jl. Sudirman"} {
		for _, f := range []float64{0, 1, 0.125, 0.001, 1e-7, 2.5e-9, 1e21, 123456789, -0.5, math.Copysign(0, -1)} {
			checkSummaryJSON(t, &docSummary{Entities: []docEntity{
				{Label: entity.PER, Name: n, Mentions: 3, Salience: f, Confidence: 1 - f, InTitle: true, Teaches: []string{n, "BMKG"}},
				{Label: entity.LOC, Name: "Bekasi", Mentions: -1, Salience: f, InLead: true, Teaches: []string{}},
			}})
		}
	}
	checkSummaryJSON(t, &docSummary{Entities: []docEntity{{Salience: math.NaN()}}})
	checkSummaryJSON(t, &docSummary{Entities: []docEntity{{Confidence: math.Inf(1)}}})
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for _, a := range generate(t, 20) {
		checkSummaryJSON(t, summarize(x.Analyze(&a)))
	}
}

func FuzzSummaryJSON(f *testing.F) {
	f.Add("Pavel Durov", "BMKG", 0.125, 2)
	f.Add("A&B <x>\u2028\xff", "\t\"", 1e-9, -1)
	f.Fuzz(func(t *testing.T, name, alias string, x float64, m int) {
		checkSummaryJSON(t, &docSummary{Entities: []docEntity{{Label: entity.ORG, Name: name, Mentions: m, Salience: x, Confidence: x / 3, Teaches: []string{alias}}}})
	})
}
