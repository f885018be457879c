package entity

import (
	"slices"
	"strings"
	"testing"
	"unsafe"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// cacheSentences returns sentences of every kind the tagger meets: the dev
// sets, the sample corpus, the reference article, and odd words.
func cacheSentences(t *testing.T) [][]string {
	var sents [][]string
	for _, ts := range devSentences(t) {
		sents = append(sents, ts.Words)
	}
	text := string(telaah.ReferenceArticle())
	for _, a := range SampleArticles(t) {
		text += "\n\n" + a.Text()
	}
	for _, s := range tokenize.Sentences(text) {
		var words []string
		for _, tk := range s.Tokens {
			words = append(words, tk.Text)
		}
		sents = append(sents, words)
	}
	for _, w := range wordSamples {
		sents = append(sents, []string{w}, []string{w, w}, []string{"Kata", w, "Jakarta", strings.ToUpper(w), "dan"})
	}
	return sents
}

// TestFeatureGroups checks that the groups of features the tagger of a packed
// model sums apart (a token's word features, those its neighbours' words give
// it, and give it if it is lower-case, the headline feature and the rest)
// are the features of the token, each as many times.
func TestFeatureGroups(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	fz := &featurizer{gaz: g}
	for _, words := range cacheSentences(t) {
		fz.sentence(words)
		head := fz.headline()
		n := len(words)
		at := func(j int) (lower, shape uint64) {
			switch {
			case j < 0:
				return hashBOS, hashBOS
			case j >= n:
				return hashEOS, hashEOS
			}
			return fz.info[j].lower, fz.info[j].shape
		}
		for i := range words {
			want := fz.features(nil, words, i, head)
			got := fz.wordFeatures(nil, words, i)
			for _, d := range []int{1, -1, 2, -2} {
				l, s := at(i - d)
				got = neighbourFeatures(got, l, s, d)
			}
			if fz.info[i].cas == cLower {
				l, _ := at(i - 1)
				got = lowerCaseFeatures(got, l, 1)
				l, _ = at(i + 1)
				got = lowerCaseFeatures(got, l, -1)
			}
			got = append(got, biasFeature(), headlineFeature(head, fz.info[i].cas, i == 0))
			got = fz.pairFeatures(got, i)
			if set := fz.gazClasses(i); set != 0 {
				got = fz.gazFeatures(got, i, set)
			}
			var pair []uint64
			got = fz.classFeatures(got, i, &pair)
			got = append(got, pair...)
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Fatalf("%q token %d: the groups have %d features, features %d", words, i, len(got), len(want))
			}
		}
	}
}

// TestWordCacheMatchesTable checks that the emission scores of the word cache
// are those of a look-up of every feature, bit for bit, in the main fold and
// the auxiliary one, of the embedded model and of a model with small weights,
// large ones (in the table's over rows); with the cache cold, warm,
// and shared by two tables in turn.
func TestWordCacheMatchesTable(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	sents := cacheSentences(t)
	models := map[string]*model{"embedded": Default().get().m, "random": randomPacked(t, g, sents)}
	for name, m := range models {
		tabs := []*table{m.table(StyleDefault), m.table(StyleNERGrit)}
		fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
		for pass := range 2 {
			for k, words := range sents {
				tab := tabs[(k+pass)%len(tabs)]
				if !sameEmissions(fast, slow, tab, words) {
					t.Fatalf("%s model, pass %d: %q: scores %v, one look-up a feature %v", name, pass, words, fast.emit, slow.emit)
				}
			}
		}
	}
}

// randomPacked returns a packed model with random weights on the features of
// sents (every second sentence), some large enough for the over rows.
func randomPacked(t *testing.T, g *gazetteer, sents [][]string) *model {
	fz := &featurizer{gaz: g}
	seen := map[uint32]bool{}
	var pk packing
	x := uint64(1)
	rnd := func(n int) int32 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int32(x % uint64(n))
	}
	var buf []uint64
	for i, words := range sents {
		if i%2 == 1 {
			continue
		}
		fz.sentence(words)
		head := fz.headline()
		for j := range words {
			buf = fz.features(buf[:0], words, j, head)
			for _, h := range buf {
				k := key32(h)
				if seen[k] {
					continue
				}
				seen[k] = true
				var qm, qa [numTags]int32
				for tg := range qm {
					qm[tg] = rnd(201) - 100
					if rnd(500) == 0 {
						qm[tg] = rnd(60000) - 30000
					}
					qa[tg] = qm[tg]
					if rnd(3) == 0 {
						qa[tg] += rnd(21) - 10
					}
				}
				pk.add(k, qm, qa)
			}
		}
	}
	m := pk.model(&model{domain: true}, 0.001, true)
	if len(m.tab.over) == 0 || m.aux == nil {
		t.Fatalf("random model: %d over rows, aux %v", len(m.tab.over), m.aux)
	}
	return m
}

// FuzzPackedEmissions checks that the word cache scores any text's sentences
// as a look-up of every feature does, in both folds of the embedded model.
func FuzzPackedEmissions(f *testing.F) {
	f.Add("Pavel Durov, pendiri Telegram, bertemu Presiden Joko Widodo di Jakarta.")
	f.Add("KPK memeriksa iPhone milik Ömer di İstanbul pada 24/3/2018 pukul 10.30 WIB.")
	f.Add("SINDIR FACEBOOK, PAVEL DUROV: TELEGRAM 200 JUTA PENGGUNA")
	g, err := defaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	m := Default().get().m
	tabs := []*table{m.table(StyleDefault), m.table(StyleNERGrit)}
	fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	f.Fuzz(func(t *testing.T, text string) {
		for k, s := range tokenize.Sentences(text) {
			var words []string
			for _, tk := range s.Tokens {
				words = append(words, tk.Text)
			}
			if len(words) == 0 {
				continue
			}
			tab := tabs[k%2]
			if !sameEmissions(fast, slow, tab, words) {
				t.Fatalf("%q: scores %v, one look-up a feature %v", words, fast.emit, slow.emit)
			}
		}
	})
}

// sameEmissions sets the emissions of words in tab by the word cache with
// fast and by a look-up of every feature with slow, and reports whether they
// are the same.
func sameEmissions(fast, slow *tagger, tab *table, words []string) bool {
	for _, tg := range []*tagger{fast, slow} {
		tg.fz.sentence(words)
		tg.emit = grow(tg.emit, len(words)*int(numTags))
		clear(tg.emit)
	}
	head := fast.fz.headline()
	fast.packedEmissions(tab, words, head)
	slow.slowEmissions(tab, words, head)
	return slices.Equal(fast.emit, slow.emit)
}

// TestWordCacheEviction checks the word cache's scores when more words than
// it holds take turns in it: a cache of four slots, and six words in
// sentences of every order, each scored as a look-up of every feature scores
// it; then the words of the sample corpus in a cache of 256 slots.
func TestWordCacheEviction(t *testing.T) {
	if s := unsafe.Sizeof(wordEntry{}); s != 128 {
		t.Errorf("a wordEntry is %d bytes, not two cache lines", s)
	}
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Default().get().m
	tab := m.table(StyleDefault)
	fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	fast.caches[0] = &wordCache{}
	fast.caches[0].resetSize(tab, 2)
	a, b, c, d, e, f := "Kata0", "Kata1", "Kata2", "Kata3", "di", "Jakarta"
	for _, words := range [][]string{
		{a}, {b}, {a}, {c}, {b}, {a}, {a, b, c}, {c, d, a, b}, {d}, {a, b, a, b},
		{a, c, a, c, d, b}, {d, c, b, a}, {e, a, f, b}, {c}, {d}, {a},
		{a, b, c, d, e, f}, {f, e, d, c, b, a}, {e, f, e, f, a, a}, {b},
	} {
		if !sameEmissions(fast, slow, tab, words) {
			t.Fatalf("%q: scores %v, one look-up a feature %v", words, fast.emit, slow.emit)
		}
	}
	fast.caches[0].resetSize(tab, 8)
	for _, words := range sampleSentences(t) {
		if !sameEmissions(fast, slow, tab, words) {
			t.Fatalf("%q: scores %v, one look-up a feature %v", words, fast.emit, slow.emit)
		}
	}
}

// sampleSentences returns the sentences of the sample corpus as words.
func sampleSentences(t *testing.T) [][]string {
	var sents [][]string
	for _, a := range SampleArticles(t) {
		for _, s := range tokenize.Sentences(a.Text()) {
			var words []string
			for _, tk := range s.Tokens {
				words = append(words, tk.Text)
			}
			sents = append(sents, words)
		}
	}
	return sents
}

// TestWordCacheBigSums checks the words whose sums for their neighbours do
// not fit in 16 bits (a few of the sample corpus's, with the embedded model):
// scored from wordCache.big cold, warm, and after it lost them.
func TestWordCacheBigSums(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	sents := sampleSentences(t)
	tab := Default().get().m.table(StyleDefault)
	fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	for pass := range 3 {
		if pass == 2 {
			clear(fast.wordCache(tab).big)
		}
		for _, words := range sents {
			if !sameEmissions(fast, slow, tab, words) {
				t.Fatalf("pass %d: %q: scores %v, one look-up a feature %v", pass, words, fast.emit, slow.emit)
			}
		}
	}
	big := 0
	for _, e := range fast.wordCache(tab).slots {
		if e.big {
			big++
		}
	}
	if big == 0 {
		t.Error("no word of the sample corpus has sums beyond 16 bits: the test misses that path")
	}
}

// TestGazKey checks that a token's gazKey tells its gazetteer features:
// two tokens of one key have the same features, and a token of key 0 has
// none, on the sentences of every kind the tagger meets.
func TestGazKey(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	fz := &featurizer{gaz: g}
	byKey := map[uint64][]uint64{}
	for _, words := range cacheSentences(t) {
		fz.sentence(words)
		for i := range words {
			var got []uint64
			if set := fz.gazClasses(i); set != 0 {
				got = fz.gazFeatures(nil, i, set)
			}
			slices.Sort(got)
			k := fz.gazKey(i)
			if k == 0 {
				if len(got) != 0 {
					t.Fatalf("%q token %d: key 0, %d gazetteer features", words, i, len(got))
				}
				continue
			}
			if want, ok := byKey[k]; ok && !slices.Equal(got, want) {
				t.Fatalf("%q token %d: key %#x, features %x, another token of the key %x", words, i, k, got, want)
			}
			byKey[k] = got
		}
	}
	if len(byKey) < 500 {
		t.Errorf("%d keys: the sentences miss the contexts the test is for", len(byKey))
	}
	t.Logf("%d keys", len(byKey))
}

// TestPairKeys checks that pairKeys gives, for each token, the keys of its
// pairFeatures that the table's filter may hold, each as many times, on the
// sentences of every kind the tagger meets: with the embedded table's
// filter, and with a filter that lets every key through.
func TestPairKeys(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	all := *Default().get().m.table(StyleDefault)
	all.filter = slices.Repeat([]uint64{^uint64(0)}, len(all.filter))
	fz := &featurizer{gaz: g}
	for name, tab := range map[string]*table{"embedded": Default().get().m.table(StyleDefault), "every key": &all} {
		kept, made := 0, 0
		for _, words := range cacheSentences(t) {
			fz.sentence(words)
			var want []uint64
			for i := range words {
				for _, h := range fz.pairFeatures(nil, i) {
					made++
					if tab.mayHave(key32(h)) {
						want = append(want, uint64(key32(h))|uint64(i)<<32)
					}
				}
			}
			got := fz.pairKeys([]uint64{7}, tab)
			if got[0] != 7 {
				t.Fatalf("%s: %q: pairKeys overwrote what out held", name, words)
			}
			got = got[1:]
			kept += len(got)
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: %q: pairKeys %x, the keys of pairFeatures the filter may hold %x", name, words, got, want)
			}
		}
		t.Logf("%s: %d of %d keys kept", name, kept, made)
		if name == "every key" && kept != made {
			t.Errorf("every key: %d of %d kept", kept, made)
		}
	}
}

// TestWordCacheHints checks the featurizer's hints (wordInfoCache.hint) on
// the sample corpus read twice: the scores are those of a look-up of every
// feature, and on the second reading the hint of nearly every token names
// the slot of the word cache that holds its word, found without a look-up
// of its two slots.
func TestWordCacheHints(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tab := Default().get().m.table(StyleDefault)
	fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	sents := sampleSentences(t)
	for pass := range 2 {
		hit, tokens := 0, 0
		for _, words := range sents {
			fast.fz.sentence(words)
			c := fast.wordCache(tab)
			for i, w := range words {
				k := int(fast.fz.words.hint[fast.fz.hints[i]]) - 1
				if k >= 0 && k < len(c.slots) && c.slots[k].exact == fast.fz.info[i].exact && c.slots[k].size == uint32(len(w))+1 {
					hit++
				}
			}
			tokens += len(words)
			if !sameEmissions(fast, slow, tab, words) {
				t.Fatalf("pass %d: %q: scores %v, one look-up a feature %v", pass+1, words, fast.emit, slow.emit)
			}
		}
		t.Logf("reading %d: %d of %d tokens found by their hint", pass+1, hit, tokens)
		if pass == 1 && hit*100 < tokens*95 {
			t.Errorf("second reading: %d of %d tokens found by their hint", hit, tokens)
		}
	}
}
