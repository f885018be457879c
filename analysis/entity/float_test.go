package entity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/internal/dataset"
)

// TestTableMatchesFloatModel checks that the packed table of the embedded model
// tags the dev sets, in both styles, exactly as the float form of the same
// weights (newModel, as training builds it and as the tagger worked before the
// table) does: the speed-up changes no output, whatever model is embedded.
func TestTableMatchesFloatModel(t *testing.T) {
	fast := Default()
	keys, weights := fast.m.export()
	fm := newModel(keys, weights)
	fm.trans, fm.domain, fm.temperature = fast.m.trans, fast.m.domain, fast.m.temperature
	slow := &Recognizer{m: fm, gaz: fast.gaz, pool: newTaggerPool(fast.gaz)}
	for _, rel := range []string{"data/ner/idner-news-2k/dev.txt", "data/ner/nergrit/dev.txt"} {
		f, err := os.Open(dataset.Path(t, rel))
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, style := range []Style{fast.style, StyleNERGrit} {
			a, b := fast.WithStyle(style), slow.WithStyle(style)
			for _, s := range sents {
				if x, y := a.Tag(s.Words), b.Tag(s.Words); !slices.Equal(x, y) {
					t.Fatalf("%s, style %d: table %v, float model %v on %v", rel, style, x, y, s.Words)
				}
			}
		}
	}
}

// BenchmarkTaggerForms runs Extract over the sample corpus with the packed table
// and with the float form of the same weights (the tagger before the table), in
// one run: the ratio of their CPU per op is the table's speed-up.
//
//	go test ./analysis/entity -run XXX -bench TaggerForms -cpu 1 -count 5
func BenchmarkTaggerForms(b *testing.B) {
	fast := Default()
	keys, weights := fast.m.export()
	fm := newModel(keys, weights)
	fm.trans, fm.domain, fm.temperature = fast.m.trans, fast.m.domain, fast.m.temperature
	slow := &Recognizer{m: fm, gaz: fast.gaz, pool: newTaggerPool(fast.gaz)}
	var texts []string
	sc := bufio.NewScanner(bytes.NewReader(telaah.SampleArticles()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct{ Title, Body string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, a.Title+"\n\n"+a.Body)
	}
	for _, c := range []struct {
		name string
		r    *Recognizer
	}{{"table", fast}, {"float", slow}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, t := range texts {
					c.r.Extract(t)
				}
			}
		})
	}
}
