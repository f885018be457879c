package entity

import (
	"strings"
	"testing"
	"unsafe"
)

// TestWordInfoCache checks that the featurizer's word cache gives what
// computing the information of each word gives, on the sentences of every kind
// the tagger meets, words of every length around wordInfoLen, with the cache
// cold and warm, and after a change of gazetteer.
func TestWordInfoCache(t *testing.T) {
	if s := unsafe.Sizeof(wordInfo{}); s != 32 {
		t.Errorf("a wordInfo is %d bytes, not half a cache line", s)
	}
	if s := unsafe.Sizeof(tokenInfo{}); s != 48 {
		t.Errorf("a tokenInfo is %d bytes, not 48 (its wordInfo and 16)", s)
	}
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	other := &gazetteer{phrases: g.phrases}
	var words []string
	for _, s := range cacheSentences(t) {
		words = append(words, s...)
	}
	for n := wordInfoLen - 3; n <= wordInfoLen+3; n++ {
		w := strings.Repeat("Ab", n)[:n]
		words = append(words, w, w[:n-1]+".", strings.ToUpper(w))
	}
	words = append(words, "", ".", "É", "Dr.", "dr", "DR")
	var c wordInfoCache
	for pass := range 2 {
		for _, gz := range []*gazetteer{g, other, g} {
			for _, w := range words {
				wi, _ := c.lookup(gz, w)
				got := *wi
				want := computeWordInfo(gz, w)
				got.size = 0
				if got != want {
					t.Fatalf("pass %d: %q: cached %+v, computed %+v", pass, w, got, want)
				}
			}
		}
	}
}

// FuzzWordInfoCache checks the featurizer's word cache against computing the
// information of each word, on words of any bytes, in a cache small words
// share and evict from.
func FuzzWordInfoCache(f *testing.F) {
	for _, w := range wordSamples {
		f.Add(w, strings.ToUpper(w)+".")
	}
	f.Add("", strings.Repeat("é", wordInfoLen))
	g, err := defaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	var c wordInfoCache
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, w := range []string{a, b, a, a + b, b, a[:len(a)/2]} {
			wi, _ := c.lookup(g, w)
			got := *wi
			got.size = 0
			if want := computeWordInfo(g, w); got != want {
				t.Fatalf("%q: cached %+v, computed %+v", w, got, want)
			}
		}
	})
}

// TestWordInfoCacheMisses measures the featurizer's word cache on the sample
// corpus (the articles of BenchmarkExtractNews) read twice, as a tagger reads
// them again and again: the words it computes again on the second reading,
// the ones that shared a set with two others, are its misses. (At 16,384
// slots in sets of two: 468 of 18,133 tokens, 2.6 %, against 4,617 on the
// first reading.)
func TestWordInfoCacheMisses(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	sents := sampleSentences(t)
	var c wordInfoCache
	tokens := 0
	for pass := range 2 {
		c.computes, tokens = 0, 0
		for _, s := range sents {
			for _, w := range s {
				c.lookup(g, w)
			}
			tokens += len(s)
		}
		t.Logf("reading %d: %d computed of %d tokens (%.1f %%)", pass+1, c.computes, tokens, 100*float64(c.computes)/float64(tokens))
	}
	if c.computes*20 > tokens {
		t.Errorf("the cache computed %d of %d tokens again: more than 5 %%", c.computes, tokens)
	}
}

// TestWordTables checks the tables a word's information holds (wordTables,
// which spanSet.reset copies for each token) against the plain look-up of the
// word lower-cased and without a final full stop in tableWords, on the words
// of the sentences the tagger meets, every word of the tables in three cases
// and with a full stop, and words beyond ASCII.
func TestWordTables(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, s := range cacheSentences(t) {
		words = append(words, s...)
	}
	for w := range tableWords {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:]+".", w+"..")
	}
	words = append(words, "", ".", "..", "É", "Dr.", "DAN", "Dan.", "İstanbul", "Ärzte.")
	found := 0
	for _, w := range words {
		want := tableWords[strings.ToLower(strings.TrimSuffix(w, "."))]
		if w == "." {
			want = 0
		}
		wi := computeWordInfo(g, w)
		if got := wi.tables(); got != want {
			t.Errorf("%q: tables %b, want %b", w, got, want)
		}
		found += int(b2u(want != 0))
	}
	if found < len(tableWords) {
		t.Errorf("only %d words in tables", found)
	}
}

// FuzzWordTables checks wordTables on words of any bytes against the plain
// look-up in tableWords.
func FuzzWordTables(f *testing.F) {
	for _, w := range wordSamples {
		f.Add(w)
	}
	f.Add("Dan.")
	f.Fuzz(func(t *testing.T, w string) {
		lower, _, _, _, ascii := hashWord(w)
		want := tableWords[string(appendLower(nil, strings.TrimSuffix(w, ".")))]
		if w == "." {
			want = 0
		}
		if got := wordTables(w, lower, ascii); got != want {
			t.Fatalf("%q: tables %b, want %b", w, got, want)
		}
	})
}
