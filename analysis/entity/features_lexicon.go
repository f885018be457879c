package entity

import (
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

// lexicon sets fz.lex[k] to the standing of each capitalised word of a
// sentence in the stemmer's lexicon (the root lexicon of analysis/stem, derived
// from UD lemmas and the Snowball vocabulary, and its protected names). The
// stemmer is the shared default, whose lexicon cannot change, so the features
// are the same in training and at run time. The featurizer remembers the
// standings of the words it has seen (by the hash of their lower-cased form),
// up to maxLexMemo of them.
func (fz *featurizer) lexicon(words []string) {
	fz.lex = grow(fz.lex, len(words))
	st := stem.Default()
	lex := st.Lexicon()
	for k, w := range words {
		fz.lex[k] = lexUnknown
		switch fz.info[k].cas {
		case cCap, cUpper, cMixed:
		default:
			continue
		}
		if len(w) < 3 {
			continue
		}
		h := fz.info[k].lower
		if v, ok := fz.lexMemo[h]; ok {
			fz.lex[k] = v
			continue
		}
		lw := strings.ToLower(w)
		v := uint8(lexUnknown)
		switch {
		case st.IsProtected(lw):
			v = lexProtected
		case lex.Contains(lw):
			v = lexRoot
		default:
			if r := st.Stem(lw); r != lw && lex.Contains(r) {
				v = lexDerived
			}
		}
		if fz.lexMemo == nil || len(fz.lexMemo) >= maxLexMemo {
			fz.lexMemo = make(map[uint64]uint8)
		}
		fz.lexMemo[h] = v
		fz.lex[k] = v
	}
}

// maxLexMemo bounds the words whose standing a featurizer remembers.
const maxLexMemo = 1 << 14

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
	return append(out, mix(mix(mix(mix(feat(tLexicon), uint64(fz.lex[i])), uint64(ti.cas)), b2u(i == 0)), pos))
}
