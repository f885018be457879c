package index

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bquery "github.com/blevesearch/bleve/v2/search/query"

	"github.com/telaah/telaah/index/query"
)

// genIndex is an index of 1,500 generated articles (as the scale benchmark
// makes them) written in batches of 200, so that it has several segments, with
// every eleventh article deleted afterwards.
var (
	genOnce sync.Once
	genIdx  *Index
	genErr  error
)

func genIndex(t testing.TB) *Index {
	t.Helper()
	genOnce.Do(func() { genIdx, genErr = buildGen(newScaleCorpus(t)) })
	if genErr != nil {
		t.Fatal(genErr)
	}
	return genIdx
}

func buildGen(c *scaleCorpus) (*Index, error) {
	x, err := Create("", nil)
	if err != nil {
		return nil, err
	}
	m := NewMapping()
	for lo := 0; lo < 1500; lo += 200 {
		batch := x.b.NewBatch()
		for i := lo; i < lo+200; i++ {
			d, _, err := c.scaleDoc(i, m)
			if err != nil {
				return nil, err
			}
			if err := batch.IndexAdvanced(d); err != nil {
				return nil, err
			}
		}
		if err := x.b.Batch(batch); err != nil {
			return nil, err
		}
	}
	batch := x.b.NewBatch()
	for i := 0; i < 1500; i += 11 {
		batch.Delete(fmt.Sprintf("gen-%06d", i))
	}
	return x, x.b.Batch(batch)
}

// termSearchers switches the phrase queries of q to bleve's term searchers.
func termSearchers(q bquery.Query) {
	switch q := q.(type) {
	case *phraseQuery:
		q.termSearchers = true
	case *bquery.DisjunctionQuery:
		for _, d := range q.Disjuncts {
			termSearchers(d)
		}
	case *bquery.ConjunctionQuery:
		for _, d := range q.Conjuncts {
			termSearchers(d)
		}
	case *bquery.BooleanQuery:
		for _, d := range []bquery.Query{q.Must, q.Should, q.MustNot} {
			if d != nil {
				termSearchers(d)
			}
		}
	}
}

// samePhraseResults checks that query text qs finds in x, through the phrase
// searcher over segments and through bleve's term searchers, the same total,
// the same hits in the same order with the same scores, and the same term
// locations; it returns the total.
func samePhraseResults(t *testing.T, x *Index, qs string) uint64 {
	t.Helper()
	ctx := context.Background()
	translate := func() bquery.Query {
		lim := x.limits(query.Limits{})
		node, err := query.Parse(qs, lim)
		if err != nil {
			t.Fatalf("%s: %v", qs, err)
		}
		tr := &translator{x: x, ctx: ctx, an: queryAnalyzer(nil), lim: lim, q: qs}
		q, err := tr.translate(node)
		if err != nil {
			t.Fatalf("%s: %v", qs, err)
		}
		if q == nil {
			q = bquery.NewMatchNoneQuery()
		}
		return q
	}
	var total uint64
	var ids []string // hits to highlight, as Search's locations asks for them
	for pass, locs := range []bool{false, true, true} {
		run := func(q bquery.Query) *bleve.SearchResult {
			req := bleve.NewSearchRequestOptions(q, 2000, 0, false)
			req.IncludeLocations = locs
			res, err := x.b.SearchInContext(ctx, req)
			if err != nil {
				t.Fatalf("%s: %v", qs, err)
			}
			return res
		}
		fast := translate()
		slow := translate()
		termSearchers(slow)
		if ids != nil {
			fast = bquery.NewConjunctionQuery([]bquery.Query{bquery.NewDocIDQuery(ids), fast})
			slow = bquery.NewConjunctionQuery([]bquery.Query{bquery.NewDocIDQuery(ids), slow})
		}
		a, b := run(fast), run(slow)
		if a.Total != b.Total || len(a.Hits) != len(b.Hits) {
			t.Errorf("%s (locations %v): %d hits, bleve's term searchers %d", qs, locs, a.Total, b.Total)
			continue
		}
		if pass == 1 {
			total = a.Total
			for i := 0; i < len(a.Hits); i += 1 + len(a.Hits)/10 {
				ids = append(ids, a.Hits[i].ID)
			}
		}
		for i := range a.Hits {
			ha, hb := a.Hits[i], b.Hits[i]
			if ha.ID != hb.ID || ha.Score != hb.Score {
				t.Errorf("%s (locations %v): hit %d is %s %v, bleve's term searchers %s %v", qs, locs, i, ha.ID, ha.Score, hb.ID, hb.Score)
				break
			}
			if !reflect.DeepEqual(ha.Locations, hb.Locations) {
				t.Errorf("%s: hit %s has locations %v, bleve's term searchers %v", qs, ha.ID, ha.Locations, hb.Locations)
				break
			}
		}
	}
	return total
}

// genPhrases returns phrases of two and three words taken from the corpus
// texts (so with stopwords and punctuation inside some), phrases of the
// scale benchmark, repeated words and phrases that are not there.
func genPhrases(texts []string) []string {
	var out []string
	for i, s := range texts {
		w := strings.Fields(s)
		for j := i % 5; j+3 < len(w) && j < 80; j += 9 {
			out = append(out, strings.Join(w[j:j+2+(i+j)%2], " "))
		}
	}
	for _, p := range scalePhrase {
		out = append(out, strings.Trim(p, `"`))
	}
	return append(out, "tahun tahun", "desa desa desa", "harga harga cabai", "cabai harga",
		"pengguna aktif pengguna", "data pusat", "yang di", "banjir di bekasi", "harga, cabai")
}

// TestSegPhraseAgreesWithTermSearchers compares the two ways of searching a
// phrase on a generated corpus of several segments with deleted articles:
// phrases alone (title and body, the title boosted), in one field, beside a
// word that must or must not be there (which advances the phrase searcher)
// and beside another phrase.
func TestSegPhraseAgreesWithTermSearchers(t *testing.T) {
	x := genIndex(t)
	c := newScaleCorpus(t)
	var texts []string
	for i, p := range c.paras {
		if i%6 == 0 {
			texts = append(texts, p.text)
		}
	}
	phrases := genPhrases(texts)
	found := 0
	for i, p := range phrases {
		q := fmt.Sprintf("%q", p)
		if samePhraseResults(t, x, q) > 0 {
			found++
		}
		switch i % 4 {
		case 0:
			samePhraseResults(t, x, "title:"+q)
		case 1:
			samePhraseResults(t, x, q+" pemerintah")
		case 2:
			samePhraseResults(t, x, q+" -warga")
		case 3:
			samePhraseResults(t, x, fmt.Sprintf("%s OR %q", q, phrases[(i*7)%len(phrases)]))
		}
		if t.Failed() {
			break
		}
	}
	if len(phrases) < 150 || found < len(phrases)/2 {
		t.Errorf("%d phrases, %d found: the test checks too little", len(phrases), found)
	}
}

// TestSegPhraseSampleAgreesWithTermSearchers compares the two ways of
// searching a phrase on the sample corpus.
func TestSegPhraseSampleAgreesWithTermSearchers(t *testing.T) {
	x := testIndex(t)
	var texts []string
	for _, a := range sample(t) {
		texts = append(texts, a.Title, a.Body)
	}
	for _, p := range genPhrases(texts) {
		samePhraseResults(t, x, fmt.Sprintf("%q", p))
		samePhraseResults(t, x, fmt.Sprintf("body:%q", p))
	}
}
