package index

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/telaah/telaah"
	ta "github.com/telaah/telaah/analysis"
)

// idAnalyzer returns the registered analyzer "id" as a bleve mapping would.
func idAnalyzer(tb testing.TB) analysis.Analyzer {
	tb.Helper()
	a, err := registry.NewCache().AnalyzerNamed(AnalyzerName)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

func render(ts analysis.TokenStream) string {
	var b strings.Builder
	for _, t := range ts {
		fmt.Fprintf(&b, "%s@%d[%d:%d] ", t.Term, t.Position, t.Start, t.End)
	}
	return b.String()
}

// checkStream checks the invariants of a token stream of text.
func checkStream(t *testing.T, text string, ts analysis.TokenStream) {
	t.Helper()
	prev := 0
	for _, tok := range ts {
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Fatalf("token %q has offsets %d:%d in %d bytes", tok.Term, tok.Start, tok.End, len(text))
		}
		if len(tok.Term) == 0 {
			t.Fatalf("empty term at %d:%d", tok.Start, tok.End)
		}
		if tok.Position < 1 || tok.Position < prev {
			t.Fatalf("position %d after %d", tok.Position, prev)
		}
		prev = tok.Position
	}
}

// The analyzer "id" and the stream Add builds agree on text without entities.
func TestAnalyzerAgreesWithAdd(t *testing.T) {
	a := idAnalyzer(t)
	var p ta.Pipeline
	for _, text := range []string{
		telaah.ReferenceArticle(),
		"Warga Bekasi membeli bukunya. Barang bekas dijual; anak-anak menggunakan aplikasi.",
		"Harga naik 10,5 persen di https://kompas.com, kata @jokowi #pemilu.",
	} {
		got := a.Analyze([]byte(text))
		checkStream(t, text, got)
		want := stream(p.Terms(text), true)
		if render(got) != render(want) {
			t.Errorf("analyzer and Add disagree on %.40q:\nanalyzer %s\nadd      %s", text, render(got), render(want))
		}
	}
}

func TestAnalyzerTerms(t *testing.T) {
	a := idAnalyzer(t)
	terms := func(s string) []string {
		var out []string
		for _, tok := range a.Analyze([]byte(s)) {
			out = append(out, string(tok.Term))
		}
		return out
	}
	has := func(s, term string) bool {
		for _, x := range terms(s) {
			if x == term {
				return true
			}
		}
		return false
	}
	if !has("penggunaan", "guna") || !has("menggunakan", "guna") || !has("pengguna", "guna") {
		t.Errorf("the guna family does not share the stem guna: %v %v %v", terms("penggunaan"), terms("menggunakan"), terms("pengguna"))
	}
	for _, q := range []string{"Bekasi", "bekasi", "BEKASI", "Warga Bekasi"} {
		if has(q, "bekas") {
			t.Errorf("%s: analysed to %v, which has bekas", q, terms(q))
		}
	}
	if has("yang dan di", "yang") {
		t.Error("stopwords are kept")
	}
	// Highlighting needs the offsets of the whole word, clitic included.
	ts := a.Analyze([]byte("Ia membawa bukunya."))
	for _, tok := range ts {
		if string(tok.Term) == "buku" && (tok.Start != 11 || tok.End != 18) {
			t.Errorf("buku from bukunya has offsets %d:%d, want 11:18", tok.Start, tok.End)
		}
	}
}

// A mapping in JSON can name the analyzer "id" after importing this package.
func TestJSONMapping(t *testing.T) {
	const js = `{"default_mapping": {"properties": {"text": {"fields": [
		{"name": "text", "type": "text", "analyzer": "id", "index": true, "store": true, "include_term_vectors": true}]}}},
		"default_analyzer": "id"}`
	m := mapping.NewIndexMapping()
	if err := json.Unmarshal([]byte(js), m); err != nil {
		t.Fatal(err)
	}
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	defer idx.Close()
	if err := idx.Index("1", map[string]any{"text": "Aturan baru penggunaan data pribadi di Bekasi."}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]uint64{"menggunakan": 1, "bekas": 0, "bekasi": 1} {
		mq := bleve.NewMatchQuery(q)
		mq.SetField("text")
		res, err := idx.Search(bleve.NewSearchRequest(mq))
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != want {
			t.Errorf("%s: %d hits, want %d", q, res.Total, want)
		}
	}
}

func TestComponentConfig(t *testing.T) {
	c := registry.NewCache()
	if _, err := c.DefineTokenFilter("bad", map[string]any{"type": StemFilterName, "keep_surface": "yes"}); err == nil {
		t.Error("keep_surface as a string: no error")
	}
	f, err := c.DefineTokenFilter("drop", map[string]any{"type": StemFilterName, "keep_surface": false})
	if err != nil {
		t.Fatal(err)
	}
	tok := &Tokenizer{}
	text := "Mereka menggunakan aplikasi"
	ts := f.Filter(StopFilter{}.Filter(NormalizeFilter{}.Filter(tok.Tokenize([]byte(text)))))
	if got := render(ts); strings.Contains(got, "menggunakan") || !strings.Contains(got, "guna@2") || strings.Contains(got, "mereka") {
		t.Errorf("keep_surface false and stopwords: %s", got)
	}
	var p ta.Pipeline
	if want := stream(p.Terms(text), false); render(ts) != render(want) {
		t.Errorf("keep_surface false: filter %s, Add %s", render(ts), render(want))
	}
}

func FuzzAnalyzer(f *testing.F) {
	f.Add("Warga Bekasi membeli bukunya. Barang bekas dijual.")
	f.Add(telaah.ReferenceArticle()[:300])
	f.Add("“Kami” — KPK, Jl. Sudirman; anak-anak @jokowi #pemilu https://kompas.com 😀 10,5%")
	a := idAnalyzer(f)
	var p ta.Pipeline
	f.Fuzz(func(t *testing.T, text string) {
		got := a.Analyze([]byte(text))
		checkStream(t, text, got)
		if want := stream(p.Terms(text), true); render(got) != render(want) {
			t.Fatalf("analyzer and Add disagree:\n%s\n%s", render(got), render(want))
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"T","body":"B","published":"2024-01-02"}` + "\n" + `{"id":1}` + "\n"))
	f.Add([]byte("\n\n{\"title\":\"x\"}\r\n{"))
	f.Add([]byte(`{"id":"a","title":"T","body":"B"} {"x":1}`))
	f.Add([]byte("[\n{\"id\":\"a\",\"title\":\"T\"},\n{\"id\":2},\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lines := bytes.Count(b, []byte("\n")) + 1
		article := func(a Article) error {
			if err := a.Validate(); err != nil {
				t.Fatalf("invalid article passed on: %v", err)
			}
			return nil
		}
		skipped := func(e *InputError) error {
			if e.Line < 1 || e.Line > lines {
				t.Fatalf("line %d of %d", e.Line, lines)
			}
			return nil
		}
		err := ReadJSONL(bytes.NewReader(b), "in", article, skipped)
		if err != nil {
			t.Fatal(err)
		}
		// The same bytes as a .json file: an array or JSON Lines.
		err = (&Reader{Add: article, Bad: skipped}).readJSON(bytes.NewReader(b), "in.json")
		if err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzSearch(f *testing.F) {
	for _, q := range []string{"durov", `"pengguna aktif"`, "+bekas -bekasi", "title:telegram", "a:", `"x`, "pub*", "~2", "published:>2020"} {
		f.Add(q)
	}
	x, err := Create("", nil)
	if err != nil {
		f.Fatal(err)
	}
	defer x.Close()
	if err := x.Add(extra...); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := x.Search(context.Background(), Request{Query: q, Size: 3})
		if err == nil && res == nil {
			t.Fatal("nil result without error")
		}
	})
}

func TestTokenizerWithEntities(t *testing.T) {
	text := "Durov mengatakan Telegram tidak menjual data."
	plain := (&Tokenizer{}).Tokenize([]byte(text))
	ents := (&Tokenizer{Entities: true}).Tokenize([]byte(text))
	if len(plain) != len(ents) {
		t.Fatalf("%d tokens without entities, %d with", len(plain), len(ents))
	}
	var e ta.Pipeline
	names := map[string]bool{}
	for _, en := range e.Analyze(text).Entities {
		names[en.Text] = true
	}
	for i, tok := range ents {
		if names[string(text[tok.Start:tok.End])] && !tok.KeyWord {
			t.Errorf("%s is an entity but not a keyword", text[tok.Start:tok.End])
		}
		if plain[i].Start != tok.Start || plain[i].Position != tok.Position {
			t.Errorf("token %d differs: %v vs %v", i, plain[i], tok)
		}
	}
}
