package entity

import (
	"math/rand/v2"
	"os"
	"testing"

	"github.com/telaah/telaah/internal/dataset"
)

// TestPackMatchesFloatModel checks that the packed form of a model, with each
// feature's copy folded into its weights, scores the tokens of the dev sets as
// the float form (each feature and its copy looked up apart, as training does)
// does, in every style: the same emission scores, bit for bit. The float model
// has random integer weights on the real features of half the sentences, with a
// largest weight that makes the quantisation exact. A token may only differ
// where two features share a 32-bit key, or a feature's key or its copy's is
// one that training gave another feature: a collision of keys (see pack).
func TestPackMatchesFloatModel(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	sents := devSentences(t)
	rng := rand.New(rand.NewPCG(3, 4))
	fz := &featurizer{gaz: g}
	seen, base := map[uint32]bool{}, map[uint32]bool{}
	var keys, bases []uint32
	add := func(k uint32) {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
		}
	}
	copies := [2]map[uint32]uint32{{}, {}}
	var buf []uint64
	for i, s := range sents {
		if i%2 == 1 {
			continue
		}
		fz.sentence(s.Words)
		head := fz.headline()
		for j := range s.Words {
			buf = fz.features(buf[:0], s.Words, j, head)
			for _, h := range buf {
				k := key32(h)
				if !base[k] {
					base[k] = true
					bases = append(bases, k)
				}
				add(k)
				// Some features have no copy, some one, some both.
				for c, d := range []uint64{mainDomain, auxDomain} {
					if rng.IntN(3) != 0 {
						ck := key32(mix(h, d))
						add(ck)
						if copies[c][k] == 0 {
							copies[c][k] = ck
						}
					}
				}
			}
		}
	}
	weights := make([]float32, len(keys)*int(numTags))
	for i := range weights {
		if rng.IntN(3) != 0 {
			weights[i] = float32(rng.IntN(101) - 50)
		}
		if i%997 == 0 {
			weights[i] = float32(rng.IntN(40000) - 20000) // rows in over
		}
	}
	weights[5] = 32767 // scale 1
	fm := newModel(keys, weights)
	fm.domain, fm.bases, fm.copies = true, bases, copies
	for i := range fm.trans {
		fm.trans[i] = float32(rng.IntN(21) - 10)
	}
	pm := fm.pack()
	if len(pm.tab.over) == 0 || pm.aux == nil || pm.aux.n == 0 {
		t.Fatalf("packed model: %d over rows, aux %v", len(pm.tab.over), pm.aux)
	}
	a, b := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	tokens, differ := 0, 0
	for _, style := range []Style{StyleDefault, StyleNERGrit, StyleIdner} {
		c, d := 0, uint64(mainDomain)
		if style == StyleNERGrit {
			c, d = 1, auxDomain
		}
		for _, s := range sents {
			a.run(fm, style, s.Words)
			b.run(pm, style, s.Words)
			fz.sentence(s.Words)
			head := fz.headline()
			for i := range s.Words {
				// The featurizer is called for every token in order, as the
				// tagger does.
				feats := fz.features(nil, s.Words, i, head)
				tokens++
				x, y := a.emit[i*int(numTags):][:numTags], b.emit[i*int(numTags):][:numTags]
				if [numTags]float32(x) == [numTags]float32(y) {
					continue
				}
				// The float form adds what it finds under a key that training
				// never gave this feature or its copy, and the packed form the
				// copy of another feature of the same key.
				explained := false
				for _, h := range feats {
					k, ck := key32(h), key32(mix(h, d))
					explained = explained || !base[k] && seen[k] || copies[c][k] != ck && (seen[ck] || copies[c][k] != 0)
				}
				if !explained {
					t.Fatalf("style %s: %q token %d: float scores %v, packed %v", style, s.Words, i, x, y)
				}
				differ++
			}
		}
	}
	t.Logf("%d of %d tokens differ, all by a collision of keys", differ, tokens)
	if differ*200 > tokens {
		t.Errorf("%d of %d tokens differ", differ, tokens)
	}
}

// devSentences returns the sentences of the idner-news-2k and NERGrit dev sets.
func devSentences(t *testing.T) []TaggedSentence {
	t.Helper()
	return readSets(t, "data/ner/idner-news-2k/dev.txt", "data/ner/nergrit/dev.txt")
}

// readSets returns the sentences of the CoNLL files rels of the shared data,
// one after the other; a file that cannot be read fails the test.
func readSets(t *testing.T, rels ...string) []TaggedSentence {
	t.Helper()
	var sents []TaggedSentence
	for _, rel := range rels {
		f, err := os.Open(dataset.Path(t, rel))
		if err != nil {
			t.Fatal(err)
		}
		s, err := ReadCoNLL(f)
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		sents = append(sents, s...)
	}
	return sents
}
