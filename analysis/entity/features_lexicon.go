package entity

import (
	"math/bits"
	"strings"

	"github.com/telaah/telaah/analysis/stem"
)

// The feature templates of lexiconFeatures, appended after the others (the
// numbers are part of the model format).
const (
	tLexicon uint8 = tBigramM2 + 1 + iota // a capitalised word's standing in the stemmer's lexicon
)

// Standings of a capitalised word in the stemmer's lexicon (see lexicon).
const (
	lexUnknown   = iota // not a root, nor derived from one: Khajimbaa
	lexRoot             // an Indonesian root: Warga, Bagus, Kota
	lexDerived          // derived from a root by its affixes: Pengguna, Kementerian
	lexProtected        // a name the stemmer protects: Jakarta, Durov, Telegram
)

// standing returns the standing of a capitalised word w (see mayStand) in the
// stemmer's lexicon (the root lexicon of analysis/stem, derived from UD lemmas
// and the Snowball vocabulary, and its protected names). The stemmer is the
// shared default, whose lexicon cannot change, so the features are the same in
// training and at run time; the standing is a word's own, and the featurizer
// keeps it with the word's other information (wordInfo, computed once a word
// its cache holds).
func standing(w string) uint8 {
	st := stem.Default()
	lw := strings.ToLower(w)
	switch {
	case st.IsProtected(lw):
		return lexProtected
	case st.Lexicon().Contains(lw):
		return lexRoot
	}
	if r := st.Stem(lw); r != lw && st.Lexicon().Contains(r) {
		return lexDerived
	}
	return lexUnknown
}

// mayStand reports whether the word w of case class cas has a standing other
// than lexUnknown: whether it is capitalised and three bytes long or more.
func mayStand(w string, cas uint8) bool { return capital(cas) && len(w) >= 3 }

// maxLexMemo bounds the words whose standing a featurizer's word cache
// remembers.
const maxLexMemo = 1 << 14

// standingMemo remembers the standings of the capitalised words a featurizer
// has seen (its word cache's), by the hash of their lower-cased form: an open-addressed table
// (linear probing) at most half full, grown as it fills, emptied when it
// holds maxLexMemo words. A look-up is a few instructions and one random
// read, where a map's was some fifty instructions.
type standingMemo struct {
	slots []standingSlot
	shift uint // 64 - log2(len(slots))
	n     int
}

// standingSlot is a word's slot in a standingMemo.
type standingSlot struct {
	h uint64
	v uint8 // the standing plus one; 0: an empty slot
}

// minStandingSlots is the size of a standingMemo's first table.
const minStandingSlots = 1 << 10

// get returns the standing remembered for the hash h, and whether there is one.
func (m *standingMemo) get(h uint64) (uint8, bool) {
	if m.n == 0 {
		return 0, false
	}
	mask := uint64(len(m.slots) - 1)
	for s := h * 0x9E3779B97F4A7C15 >> m.shift; ; s = (s + 1) & mask {
		sl := &m.slots[s]
		if sl.v == 0 {
			return 0, false
		}
		if sl.h == h {
			return sl.v - 1, true
		}
	}
}

// put remembers the standing v for the hash h, which get does not know.
func (m *standingMemo) put(h uint64, v uint8) {
	switch {
	case m.n >= maxLexMemo:
		clear(m.slots)
		m.n = 0
	case 2*(m.n+1) > len(m.slots):
		old := m.slots
		size := max(2*len(old), minStandingSlots)
		m.slots, m.shift, m.n = make([]standingSlot, size), uint(64-bits.TrailingZeros(uint(size))), 0
		for _, sl := range old {
			if sl.v != 0 {
				m.insert(sl.h, sl.v)
			}
		}
	}
	m.insert(h, v+1)
}

// insert puts the slot value v for h in the first empty slot of its run.
func (m *standingMemo) insert(h uint64, v uint8) {
	mask := uint64(len(m.slots) - 1)
	s := h * 0x9E3779B97F4A7C15 >> m.shift
	for m.slots[s].v != 0 {
		s = (s + 1) & mask
	}
	m.slots[s] = standingSlot{h, v}
	m.n++
}

// lexiconFeatures appends the feature of a capitalised token i that tells a
// common word in a capital (Pengguna at the start of a sentence, Warga, the words
// of a headline) from a name, by its standing in the stemmer's lexicon, with the
// token's case, whether it starts the sentence, and its place in its capitalised
// run (first, inside, last, alone): the model learns how much a capital counts
// for each, where a repair rule would decide.
func (fz *featurizer) lexiconFeatures(out []uint64, i int) []uint64 {
	if !capital(fz.info[i].cas) {
		return out
	}
	return fz.capitalLexiconFeatures(out, i)
}

// capitalLexiconFeatures is lexiconFeatures for a capitalised token i.
func (fz *featurizer) capitalLexiconFeatures(out []uint64, i int) []uint64 {
	ti := &fz.info[i]
	pos := uint64(4) // alone
	if ti.runFirst != ti.runLast {
		switch int32(i) {
		case ti.runFirst:
			pos = 0
		case ti.runLast:
			pos = 2
		default:
			pos = 1
		}
	}
	return append(out, mix(mix(mix(mix(feat(tLexicon), uint64(ti.lex)), uint64(ti.cas)), b2u(i == 0)), pos))
}
