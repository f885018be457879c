package opensearch_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/opensearch"
)

// FuzzSearchBody: any query text gives a body that encodes to JSON, or an
// error; never a panic.
func FuzzSearchBody(f *testing.F) {
	for _, s := range []string{"", "banjir", `"harga cabai"`, "title:(banjir OR longsor) -jakarta", `persons:"Pavel Durov"`,
		"presiden* b?njir telegarm~1", "published:2024-01..2024-03 money:>1e9", "a|b % _", "http://a.id/x|y", "yang dan"} {
		f.Add(s)
	}
	x, err := opensearch.New(opensearch.Config{URL: "http://localhost:9200"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		body, err := x.SearchBody(index.Request{Query: q, FacetSize: 5})
		if err != nil {
			return
		}
		if _, err := json.Marshal(body); err != nil {
			t.Fatalf("%q: body does not encode: %v", q, err)
		}
	})
}

// FuzzEncodeTokens: the cluster's analysis of the encoded text (split at
// white space, alternatives split at "|", gap marks dropped) gives back every
// term, encoded, at its position.
func FuzzEncodeTokens(f *testing.F) {
	f.Add("rumah", "besar", "a|b", uint8(1), uint8(2))
	f.Add("http://x.id/a%7C", "_", "x y", uint8(0), uint8(5))
	f.Fuzz(func(t *testing.T, a, b, c string, gap1, gap2 uint8) {
		if a == "" || b == "" || c == "" {
			return
		}
		toks := []index.IndexedToken{
			{Term: a, Position: 1},
			{Term: b, Position: 2 + int(gap1%4)},
			{Term: c, Position: 2 + int(gap1%4)}, // an alternative of b
		}
		toks = append(toks, index.IndexedToken{Term: a + c, Position: toks[2].Position + 1 + int(gap2%4)})
		enc := opensearch.EncodeTokens(toks)
		got := map[int][]string{}
		for pos, w := range strings.FieldsFunc(enc, unicode.IsSpace) {
			for _, alt := range strings.Split(w, "|") {
				if alt != "_" && alt != "" {
					got[pos+1] = append(got[pos+1], alt)
				}
			}
		}
		for _, tk := range toks {
			found := false
			for _, g := range got[tk.Position] {
				found = found || g == opensearch.EncodeTerm(tk.Term)
			}
			if !found {
				t.Fatalf("%q: term %q not at position %d in %v", enc, tk.Term, tk.Position, got)
			}
		}
	})
}
