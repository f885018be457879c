package entity

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// wordRowsRef is what wordRowsEmit computes, in the scalar code of
// packedEmissions without it: addEntry for each token, then the scaling.
func wordRowsRef(emit []float32, acc [][numTags]int32, ents []*wordEntry, info []tokenInfo, scale float32) {
	n := len(acc)
	acc = slices.Clone(acc)
	for i := range n {
		addEntry(acc, info, i, ents[i])
	}
	for i := range n {
		q := &acc[i]
		for t := range numTags {
			emit[i*int(numTags)+int(t)] = float32(q[t]) * scale
		}
	}
}

// checkWordRows compares wordRowsEmit with wordRowsRef on the sentence of
// the sums ents, the scores acc and the tokens info, and that it writes no float beyond the sentence's rows and changes
// no score of acc.
func checkWordRows(t *testing.T, acc [][numTags]int32, ents []*wordEntry, info []tokenInfo, scale float32) {
	t.Helper()
	n := len(acc)
	want := make([]float32, n*int(numTags))
	wordRowsRef(want, acc, ents, info, scale)
	got := make([]float32, n*int(numTags)+8)
	for k := range got {
		got[k] = -12345
	}
	before := slices.Clone(acc)
	wordRowsEmit(&got[0], &acc[0], &ents[0], &info[0].cas, n, scale)
	for k, w := range want {
		if math.Float32bits(got[k]) != math.Float32bits(w) {
			t.Fatalf("%d tokens: score %d (token %d, tag %d) is %v, the scalar code's %v", n, k, k/int(numTags), k%int(numTags), got[k], w)
		}
	}
	for _, x := range got[len(want):] {
		if x != -12345 {
			t.Fatalf("%d tokens: wordRowsEmit wrote beyond the last row: %v", n, got[len(want):])
		}
	}
	if !slices.Equal(before, acc) {
		t.Fatalf("%d tokens: wordRowsEmit changed acc", n)
	}
}

// randomEntries returns n random word entries, their values anywhere in
// their ranges (the sums of the int32 lanes wrap, as int32 adds do), and
// tokens of random case classes.
func randomEntries(rng *rand.Rand, n int, wide bool) ([][numTags]int32, []*wordEntry, []tokenInfo) {
	acc := make([][numTags]int32, n)
	ents := make([]*wordEntry, n)
	info := make([]tokenInfo, n)
	v32 := func() int32 {
		if wide {
			return int32(rng.Uint32())
		}
		return rng.Int32N(200001) - 100000
	}
	for i := range n {
		e := &wordEntry{exact: rng.Uint64(), size: rng.Uint32(), used: uint16(rng.Uint32()), big: rng.IntN(2) == 0}
		for t := range numTags {
			acc[i][t] = v32()
			e.self[t] = v32()
			for p := range e.near {
				e.near[p][t] = int16(rng.Uint32())
			}
		}
		ents[i] = e
		info[i].cas = uint8(rng.IntN(int(cDigit) + 1))
	}
	// The same entry for several tokens, as a sentence's repeated words.
	for i := range n / 4 {
		ents[rng.IntN(n)] = ents[i]
	}
	return acc, ents, info
}

// TestWordRowsEmit holds wordRowsEmit to the scalar code bit for bit:
// random sentences of 1 to 70 tokens, with sums of every range, and every
// sentence of the sample corpus as packedEmissions gathers it (its scores
// with the word cache compared with a look-up of every feature elsewhere:
// TestWordCacheMatchesTable and the like).
func TestWordRowsEmit(t *testing.T) {
	if !hasAVX2 {
		t.Skip("wordRowsEmit does not run here")
	}
	rng := rand.New(rand.NewPCG(10, 11))
	for k := range 3000 {
		n := 1 + k%70
		acc, ents, info := randomEntries(rng, n, k%3 == 0)
		scale := []float32{1, 0.001, 1e-7, 3.7e-4, -0.25}[k%5]
		checkWordRows(t, acc, ents, info, scale)
	}
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tab := Default().get().m.table(StyleDefault)
	tg := &tagger{fz: featurizer{gaz: g}}
	gathered := 0
	for _, words := range sampleSentences(t) {
		if len(words) == 0 {
			continue
		}
		tg.fz.sentence(words)
		tg.emit = grow(tg.emit, len(words)*int(numTags))
		tg.packedEmissions(tab, words, tg.fz.headline())
		c := tg.wordCache(tab)
		if c.evicted {
			continue
		}
		gathered++
		acc := make([][numTags]int32, len(words))
		for i := range acc {
			for t := range numTags {
				acc[i][t] = int32(rng.Uint32() >> 8)
			}
		}
		checkWordRows(t, acc, c.ents[:len(words)], tg.fz.info[:len(words)], tab.scale)
	}
	if gathered == 0 {
		t.Fatal("no sentence of the sample corpus went through wordRowsEmit")
	}
}

// TestWordRowsEvicted checks that packedEmissions sees a word of a sentence
// take the slot of an earlier one (wordCache.evicted, after which it adds the
// sentence's sums the scalar way), in a cache of four slots.
func TestWordRowsEvicted(t *testing.T) {
	if !hasAVX2 {
		t.Skip("wordRowsEmit does not run here")
	}
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	tab := Default().get().m.table(StyleDefault)
	fast, slow := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	fast.caches[0] = &wordCache{}
	fast.caches[0].resetSize(tab, 2)
	words := []string{"Kata0", "Kata1", "Kata2", "Kata3", "di", "Jakarta"}
	if !sameEmissions(fast, slow, tab, words) {
		t.Fatalf("%q: scores %v, one look-up a feature %v", words, fast.emit, slow.emit)
	}
	if !fast.caches[0].evicted {
		t.Fatal("six words in four slots: no word lost its slot")
	}
}

// FuzzWordRowsEmit holds wordRowsEmit to the scalar code on sentences of
// random sums.
func FuzzWordRowsEmit(f *testing.F) {
	if !hasAVX2 {
		f.Skip("wordRowsEmit does not run here")
	}
	f.Add(uint64(1), uint8(1), false)
	f.Add(uint64(2), uint8(2), true)
	f.Add(uint64(3), uint8(33), true)
	f.Fuzz(func(t *testing.T, seed uint64, n uint8, wide bool) {
		if n == 0 {
			return
		}
		rng := rand.New(rand.NewPCG(seed, uint64(n)))
		acc, ents, info := randomEntries(rng, int(n), wide)
		checkWordRows(t, acc, ents, info, math.Float32frombits(rng.Uint32()))
	})
}
