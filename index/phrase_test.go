package index

import (
	"math"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"
)

// phraseQuery finds the same articles as bleve's multi-phrase query, with the
// same scores, for phrases of every sample article's sentences (two to four
// words, stopwords and gaps included) and phrases that are not there.
func TestPhraseQueryAgreesWithBleve(t *testing.T) {
	x := testIndex(t)
	an := queryAnalyzer(nil)
	var phrases []string
	for i, a := range sample(t) {
		w := strings.Fields(a.Body)
		for j := 0; j+4 < len(w) && j < 60; j += 7 {
			phrases = append(phrases, strings.Join(w[j:j+2+i%3], " "))
		}
	}
	phrases = append(phrases, "rumah harga", "aktif pengguna", "harga rumah", "anak muda", "pengguna aktif telegram")
	for _, p := range phrases {
		sl := slots(an, p)
		if len(sl) < 2 {
			continue
		}
		for _, f := range []string{FieldTitle, FieldBody} {
			run := func(q bquery.Query) map[string]float64 {
				req := bleve.NewSearchRequestOptions(q, 1000, 0, false)
				res, err := x.b.Search(req)
				if err != nil {
					t.Fatal(err)
				}
				out := map[string]float64{}
				for _, h := range res.Hits {
					out[h.ID] = h.Score
				}
				return out
			}
			ours := run(&phraseQuery{field: f, slots: sl, boost: 1})
			theirs := run(bquery.NewMultiPhraseQuery(sl, f))
			if len(ours) != len(theirs) {
				t.Errorf("%q in %s: %d hits, bleve %d", p, f, len(ours), len(theirs))
				continue
			}
			for id, s := range theirs {
				if o, ok := ours[id]; !ok || math.Abs(o-s) > 1e-9*math.Max(1, s) {
					t.Errorf("%q in %s: %s scores %v, bleve %v", p, f, id, o, s)
				}
			}
		}
	}
	if len(phrases) < 100 {
		t.Errorf("only %d phrases", len(phrases))
	}
}
