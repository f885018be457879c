package entity

import (
	"math/bits"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Features are hashed, never built as strings: a feature is a template id mixed with
// the 64-bit FNV-1a hashes of its parts (lower-cased words, shapes, classes).

// The FNV-1a 64-bit parameters.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

func fnvBytes(h uint64, s []byte) uint64 {
	for _, b := range s {
		h = (h ^ uint64(b)) * fnvPrime
	}
	return h
}

func fnvString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

// fnvLower hashes s lower-cased, without allocating.
func fnvLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			h = (h ^ uint64(asciiLower[c])) * fnvPrime
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		r = unicode.ToLower(r)
		var buf [utf8.UTFMax]byte
		m := utf8.EncodeRune(buf[:], r)
		h = fnvBytes(h, buf[:m])
		i += n
	}
	return h
}

// asciiLower maps an ASCII byte to its lower case (and every other byte to
// itself): a look-up, not a branch on the letter.
var asciiLower = func() (t [256]byte) {
	for c := range t {
		t[c] = byte(c)
		if 'A' <= c && c <= 'Z' {
			t[c] += 'a' - 'A'
		}
	}
	return t
}()

// asciiClass[c] has what hashWord and wordCase need of an ASCII byte c: c
// lower-cased (bits 0-7), its class in a word's shape (8-15: X, x, d or c
// itself), and whether it is an upper-case (bit 16) or a lower-case (bit 17)
// letter.
var asciiClass = func() (t [utf8.RuneSelf]uint32) {
	for c := range uint32(utf8.RuneSelf) {
		lc, sc := c, c
		switch {
		case 'A' <= c && c <= 'Z':
			lc, sc = c+'a'-'A', 'X'
			t[c] = 1 << 16
		case 'a' <= c && c <= 'z':
			sc = 'x'
			t[c] = 1 << 17
		case '0' <= c && c <= '9':
			sc = 'd'
		}
		t[c] |= lc | sc<<8
	}
	return t
}()

// mix combines a feature hash with one more part.
func mix(h, part uint64) uint64 {
	h ^= part
	h *= 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// feat starts a feature of template t.
func feat(t uint8) uint64 { return mix(0x5bd1e995, uint64(t)) }

// The feature templates. The numbers are part of the model format: append, never
// renumber.
const (
	tBias uint8 = iota + 1
	tWord
	tLower
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShape
	tShapeM1
	tShapeP1
	tPrefix2
	tPrefix3
	tSuffix2
	tSuffix3
	tSuffix4
	tCaseStart // retired: redundant with tShape3, whose left shape is BOS at the start
	tBigramM1
	tBigramP1
	tShape3
	tGazBegin
	tGazInside
	tClassM1
	tClassP1
	tClass0
	tClassM2
	tCapRun // retired: did not help
	tHeadline
	tLowerM1Case
	tLowerP1Case
	tGazEndCap
	tPrefix4
	tTrigramM
	tTrigramP
	tRunFirst
	tRunLast
	tRunNext
	tRunPrev
	tCtxM1      // context class of the word before (klub, warga), with the case
	tCtxM2      // context class two words before, with the case
	tRunCtx     // context class of the word before the capitalised run, with the position in it
	tRunGaz     // the gazetteer classes of the whole capitalised run, with the case of its first word
	tRunHead    // a one-word capitalised run at the start of a sentence, with its gazetteer classes
	tLowerStart // the lower-cased word, with its case, at the start of a sentence
	tBigramM2   // the two words before
)

// Case classes of a token, as features see them.
const (
	cNone  = iota // no letters
	cLower        // pengguna
	cCap          // Telegram
	cUpper        // KPK (two letters or more)
	cMixed        // WhatsApp, iPhone
	cDigit        // starts with a digit
)

// wordCase classifies s.
func wordCase(s string) uint8 {
	// ASCII, most words: bytes, no rune decoding.
	var upper, lower int
	firstUpper := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf:
			return wordCaseRunes(s)
		case 'A' <= c && c <= 'Z':
			if upper == 0 && lower == 0 {
				firstUpper = true
			}
			upper++
		case 'a' <= c && c <= 'z':
			lower++
		case i == 0 && '0' <= c && c <= '9':
			return cDigit
		}
	}
	return caseClass(upper, lower, upper+lower, firstUpper)
}

// wordCaseRunes is wordCase for any UTF-8.
func wordCaseRunes(s string) uint8 {
	var upper, lower, letters int
	first := true
	firstUpper := false
	for _, r := range s {
		if first {
			first = false
			if unicode.IsDigit(r) {
				return cDigit
			}
		}
		switch {
		case unicode.IsUpper(r):
			if letters == 0 {
				firstUpper = true
			}
			upper++
			letters++
		case unicode.IsLower(r):
			lower++
			letters++
		case unicode.IsLetter(r):
			letters++
		}
	}
	return caseClass(upper, lower, letters, firstUpper)
}

// caseClass is the case class of a word with upper upper-case letters, lower
// lower-case ones and letters letters in all, whose first letter is upper-case
// if firstUpper.
func caseClass(upper, lower, letters int, firstUpper bool) uint8 {
	switch {
	case letters == 0 || upper == 0 && lower == 0:
		return cNone
	case upper == 0:
		return cLower
	case lower == 0 && upper >= 2:
		return cUpper
	case lower == 0:
		return cCap
	case firstUpper && upper == 1:
		return cCap
	}
	return cMixed
}

// shapeHash hashes the word's shape: letters to X/x, digits to d, other runes kept,
// runs of the same class collapsed after two (Telegram → Xxx, 24/3/2018 → dd/d/dd).
func shapeHash(s string) uint64 {
	sh := newShaper()
	for _, r := range s {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r) || unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		default:
			c = '*'
		}
		if !sh.add(c) {
			break
		}
	}
	return sh.h
}

// shaper hashes a word's shape one class byte at a time: runs of the same
// class collapse after two, and the hash stops after 13 bytes.
type shaper struct {
	h    uint64
	last byte
	run  int
	n    int
}

func newShaper() shaper { return shaper{h: fnvOffset} }

// add hashes the class byte c, and reports whether the shape takes more.
func (sh *shaper) add(c byte) bool {
	if c == sh.last {
		sh.run++
		if sh.run >= 2 {
			return true
		}
	} else {
		sh.run = 0
	}
	sh.last = c
	sh.h = fnvByte(sh.h, c)
	sh.n++
	return sh.n <= 12
}

// hashWord returns what the features need of the word w: the hashes of w
// lower-cased (fnvLower), as written (fnvString) and of its shape (shapeHash),
// and its case class (wordCase), and whether it is ASCII. An ASCII word, most of
// the text, is read in one pass over its bytes.
func hashWord(w string) (lower, exact, shape uint64, cas uint8, ascii bool) {
	lower, exact = fnvOffset, fnvOffset
	var upper, lowers, firstUpper uint
	sh := newShaper()
	shaped := false // the shape has its 13 bytes
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return fnvLower(fnvOffset, w), fnvString(fnvOffset, w), shapeHash(w), wordCaseRunes(w), false
		}
		// The byte's classes by table, not by branches on the letters.
		k := asciiClass[c]
		exact = (exact ^ uint64(c)) * fnvPrime
		lower = (lower ^ uint64(k&0xff)) * fnvPrime
		up := uint(k >> 16 & 1)
		firstUpper |= up & uint(b2u(upper|lowers == 0))
		upper += up
		lowers += uint(k >> 17 & 1)
		if !shaped {
			shaped = !sh.add(byte(k >> 8))
		}
	}
	shape = sh.h
	if len(w) > 0 && '0' <= w[0] && w[0] <= '9' {
		return lower, exact, shape, cDigit, true
	}
	return lower, exact, shape, caseClass(int(upper), int(lowers), int(upper+lowers), firstUpper != 0), true
}

// Padding words outside the sentence.
var (
	hashBOS = fnvLower(fnvOffset, "\x00<s>")
	hashEOS = fnvLower(fnvOffset, "\x00</s>")
)

// tokenInfo is what the feature templates need of one token: its word's
// wordInfo, copied whole from the featurizer's cache (the word's hashes,
// single-word classes, case class, gazetteer entry, standing in the lexicon
// and whether it is ASCII), and what depends on the words around it.
type tokenInfo struct {
	wordInfo
	runFirst, runLast int32    // indexes of the first and last tokens of the capitalised run
	gazB, gazI        gazClass // phrase classes starting at / covering the token
	capRun, capPos    uint8    // length of the capitalised run holding the token, and position in it
	gazEnd            bool     // a phrase match ends at this token
}

// featurizer turns sentences into hashed features. It holds scratch space, so each
// goroutine needs its own.
type featurizer struct {
	gaz    *gazetteer
	info   []tokenInfo
	begin  []gazClass // scratch for sentenceCase's phrase matches
	inside []gazClass
	lower  []byte
	words  wordInfoCache // what sentence needs of the words seen
	// hints holds, for each token, the index of its word's hint in words
	// (wordInfoCache.hint).
	hints []int32
	// topics holds the classes of the sentence's lower-case words that tell
	// what it is about (see topicFeatures).
	topics gazClass
	// caps and cased count the sentence's capitalised words and its words
	// of either case, for headline.
	caps, cased int
	// orgStart tells whether a phrase of the ORG lists alone starts at a
	// token of the sentence: whether gazBackoff may have a name to tag.
	orgStart bool
	// notLower is pairKeys' scratch: the tokens not lower-case.
	notLower []int32
}

// sentence computes the per-token information for words.
func (fz *featurizer) sentence(words []string) {
	n := len(words)
	g := fz.gaz
	fz.info = grow(fz.info, n)
	fz.hints = grow(fz.hints, n)
	info, hints := fz.info, fz.hints[:n]
	run := -1 // the first token of the capitalised run before, or -1
	fz.topics, fz.orgStart = 0, false
	caps, cased := 0, 0
	for i, w := range words {
		wi, hint := fz.words.lookup(g, w)
		ti := &info[i]
		*ti = tokenInfo{}
		ti.wordInfo, hints[i] = *wi, int32(hint)
		// The words of either case, counted by table, not by a branch on the
		// case.
		c := caseCounts[wi.cas&7]
		caps += int(c & 1)
		cased += int(c >> 1)
		if capital(wi.cas) {
			if run < 0 {
				run = i
			}
			continue
		}
		// The topics of the lower-case words, without a branch on the case.
		fz.topics |= wi.class & topicClasses & -gazClass(b2u(wi.cas == cLower))
		if run >= 0 {
			fz.capitalRun(run, i)
			run = -1
		}
	}
	if run >= 0 {
		fz.capitalRun(run, n)
	}
	fz.caps, fz.cased = caps, cased
	// Phrases of the lists, longest first from each token. Those that cover
	// token i+1 start at i or before: after token i, whether a phrase ends
	// there is known. A phrase starts only at a word that is one of LOC or
	// ORG or starts a longer one (most entries are single words of other
	// lists: titles, given names, reporting verbs).
	for i := range info {
		ti := &info[i]
		if ti.entry&(gazLOC|gazORG|gazPrefix) != 0 {
			best, end := g.longest(words, i, ti.lower, ti.entry)
			if best != 0 {
				ti.gazB |= best
				fz.orgStart = fz.orgStart || best == gazORG
				for k := i + 1; k < end; k++ {
					info[k].gazI |= best
				}
			}
		}
		var nextInside gazClass
		if i+1 < n {
			nextInside = info[i+1].gazI
		}
		ti.gazEnd = b2u(ti.gazB|ti.gazI != 0)&b2u(nextInside == 0) != 0
	}
}

// capitalRun records tokens i to j-1 as a capitalised run.
func (fz *featurizer) capitalRun(i, j int) {
	for k := i; k < j; k++ {
		ti := &fz.info[k]
		ti.runFirst, ti.runLast = int32(i), int32(j-1)
		ti.capRun = uint8(min(j-i, 5))
		ti.capPos = uint8(min(k-i, 3))
	}
}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/2)
	}
	return s[:n]
}

// headline reports whether most words of the sentence are capitalised, as in
// titles; sentence counted them.
func (fz *featurizer) headline() bool {
	return fz.cased >= 3 && fz.caps*10 >= fz.cased*7
}

// caseCounts[cas] tells sentence, for headline, whether a word of case class cas is
// capitalised (bit 0) and whether it is a word (bit 1): a lower-case one or a
// capitalised one.
var caseCounts = [8]uint8{cLower: 2, cCap: 3, cUpper: 3, cMixed: 3}

// features appends the hashed features of token i of words to out.
func (fz *featurizer) features(out []uint64, words []string, i int, headline bool) []uint64 {
	info := fz.info
	n := len(info)
	ti := &info[i]
	lowerAt := func(j int) uint64 {
		switch {
		case j < 0:
			return hashBOS
		case j >= n:
			return hashEOS
		}
		return info[j].lower
	}
	shapeAt := func(j int) uint64 {
		switch {
		case j < 0:
			return hashBOS
		case j >= n:
			return hashEOS
		}
		return info[j].shape
	}
	cas := uint64(ti.cas)
	start := uint64(0)
	if i == 0 {
		start = 1
	}
	out = append(out,
		feat(tBias),
		mix(feat(tWord), ti.exact),
		mix(feat(tLower), ti.lower),
		mix(feat(tLowerM1), lowerAt(i-1)),
		mix(feat(tLowerP1), lowerAt(i+1)),
		mix(feat(tLowerM2), lowerAt(i-2)),
		mix(feat(tLowerP2), lowerAt(i+2)),
		mix(feat(tShape), ti.shape),
		mix(feat(tShapeM1), shapeAt(i-1)),
		mix(feat(tShapeP1), shapeAt(i+1)),
		mix(mix(feat(tBigramM1), lowerAt(i-1)), ti.lower),
		mix(mix(feat(tBigramP1), ti.lower), lowerAt(i+1)),
		mix(mix(mix(feat(tShape3), shapeAt(i-1)), ti.shape), shapeAt(i+1)),
		mix(mix(mix(feat(tHeadline), b2u(headline)), cas), start),
		mix(mix(feat(tLowerM1Case), lowerAt(i-1)), cas),
		mix(mix(feat(tLowerP1Case), lowerAt(i+1)), cas),
	)
	// Affixes of the lower-cased word.
	if ti.isASCII() {
		out = asciiAffixes(out, words[i])
	} else {
		out = fz.affixes(out, words[i])
	}
	return fz.tailFeatures(out, i, nil)
}

// The features of a token fall in three groups, which the tagger of a packed
// model sums apart (see wordCache): those of the token's word alone
// (wordFeatures), those of a word near it alone (neighbourFeatures), and the
// rest, which depend on more than one word or on the sentence (pairFeatures,
// tailFeatures). features gives all of them, in the order training has always
// summed them; TestFeatureGroups checks that the groups are the same features.

// wordFeatures appends the features of token i that depend on its word alone:
// the word, lower-cased and as written, its shape and affixes (and the bias,
// the same for every token, not among them).
func (fz *featurizer) wordFeatures(out []uint64, words []string, i int) []uint64 {
	ti := &fz.info[i]
	out = append(out,
		mix(feat(tWord), ti.exact),
		mix(feat(tLower), ti.lower),
		mix(feat(tShape), ti.shape),
	)
	if ti.isASCII() {
		return asciiAffixes(out, words[i])
	}
	return fz.affixes(out, words[i])
}

// neighbourFeatures appends the features that a word of lower-case hash lower
// and shape hash shape gives the token d places after it (d = 1, 2) or -d
// places before it (d = -1, -2); hashBOS for both stands for the words before
// the sentence, hashEOS for those after it.
func neighbourFeatures(out []uint64, lower, shape uint64, d int) []uint64 {
	switch d {
	case 1:
		return append(out, mix(feat(tLowerM1), lower), mix(feat(tShapeM1), shape))
	case -1:
		return append(out, mix(feat(tLowerP1), lower), mix(feat(tShapeP1), shape))
	case 2:
		return append(out, mix(feat(tLowerM2), lower))
	case -2:
		return append(out, mix(feat(tLowerP2), lower))
	}
	return out
}

// biasFeature is the feature every token has.
func biasFeature() uint64 { return feat(tBias) }

// headlineFeature is the feature of a token of case class cas in a sentence
// that is a headline or not, at its start or not.
func headlineFeature(headline bool, cas uint8, start bool) uint64 {
	return mix(mix(mix(feat(tHeadline), b2u(headline)), uint64(cas)), b2u(start))
}

// pairFeatures appends the features of token i of many values that depend on
// more than one word: the bigrams with the words next to it, unless it is
// lower-case (see lowerCaseFeatures) those words with its case, and the
// bigram of the two words before it.
func (fz *featurizer) pairFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	n := len(info)
	ti := &info[i]
	lm1, lp1 := hashBOS, hashEOS
	if i > 0 {
		lm1 = info[i-1].lower
	}
	if i+1 < n {
		lp1 = info[i+1].lower
	}
	cas := uint64(ti.cas)
	out = append(out,
		mix(mix(feat(tBigramM1), lm1), ti.lower),
		mix(mix(feat(tBigramP1), ti.lower), lp1),
		mix(mix(feat(tLowerM1Case), lm1), cas),
		mix(mix(feat(tLowerP1Case), lp1), cas),
	)
	// A lower-case token has the last two from the words next to it
	// (lowerCaseFeatures): they are dropped without a branch on the case.
	out = out[:len(out)-2*int(b2u(ti.cas == cLower))]
	if i >= 2 {
		out = append(out, mix(mix(feat(tBigramM2), info[i-2].lower), info[i-1].lower))
	}
	return out
}

// pairKeys appends to out the model's keys (key32) of the pairFeatures of
// every token of the sentence that the filter of the table t may hold (see
// mayHave), each with its token in the upper 32 bits, as addAt takes them:
// most of these features are not in the model, and the filter tells so as
// the key is made, so that only the few it lets through are stored. One pass
// over the sentence makes the bigrams, each word's hash read once for the
// features of the tokens around it; the words with their tokens' case come
// from a second pass over the tokens not lower-case, whose list the first
// makes (a lower-case token has them from its neighbours' sums, see
// lowerCaseFeatures): none is made to be dropped, nor tested by a branch on
// the case. TestPairKeys checks that they are pairFeatures' keys the filter
// lets through.
func (fz *featurizer) pairKeys(out []uint64, t *table) []uint64 {
	info := fz.info
	n := len(info)
	if n == 0 {
		return out
	}
	filter, shift := t.filter, t.filterShift&63
	// At most five keys a token: each is written at o[j], which the next
	// one overwrites unless the filter let it through.
	m := len(out)
	out = slices.Grow(out, 5*n)
	o := out[m : m+5*n]
	fz.notLower = grow(fz.notLower, n)
	notLower := fz.notLower
	j, c := 0, 0
	// The lower-case hashes of the words two before, before, at and after
	// the token.
	l2, l1, l0 := hashBOS, hashBOS, info[0].lower
	for i := range n {
		lp := hashEOS
		if i+1 < n {
			lp = info[i+1].lower
		}
		tok := uint64(i) << 32
		k := key32(mix(mix(feat(tBigramM1), l1), l0))
		o[j] = uint64(k) | tok
		j += mayHaveBit(filter, shift, k)
		k = key32(mix(mix(feat(tBigramP1), l0), lp))
		o[j] = uint64(k) | tok
		j += mayHaveBit(filter, shift, k)
		// The two words before, for i >= 2 (not a branch: it would be
		// mispredicted at the start of every sentence).
		k = key32(mix(mix(feat(tBigramM2), l2), l1))
		o[j] = uint64(k) | tok
		j += mayHaveBit(filter, shift, k) & int(b2u(i >= 2))
		notLower[c] = int32(i)
		c += int(1 - b2u(info[i].cas == cLower))
		l2, l1, l0 = l1, l0, lp
	}
	for _, i := range notLower[:c] {
		lm1, lp1 := hashBOS, hashEOS
		if i > 0 {
			lm1 = info[i-1].lower
		}
		if int(i)+1 < n {
			lp1 = info[i+1].lower
		}
		cas, tok := uint64(info[i].cas), uint64(i)<<32
		k := key32(mix(mix(feat(tLowerM1Case), lm1), cas))
		o[j] = uint64(k) | tok
		j += mayHaveBit(filter, shift, k)
		k = key32(mix(mix(feat(tLowerP1Case), lp1), cas))
		o[j] = uint64(k) | tok
		j += mayHaveBit(filter, shift, k)
	}
	return out[:m+j]
}

// lowerCaseFeatures appends the features that a word of lower-case hash
// lower gives the token after it (d = 1) or before it (d = -1) when that
// token is lower-case, the most frequent case class: the word with the
// token's case, which depends on the word alone then (hashBOS stands for the
// words before the sentence, hashEOS for those after it). pairFeatures gives
// the same features of the tokens of other case classes.
func lowerCaseFeatures(out []uint64, lower uint64, d int) []uint64 {
	switch d {
	case 1:
		return append(out, mix(mix(feat(tLowerM1Case), lower), cLower))
	case -1:
		return append(out, mix(mix(feat(tLowerP1Case), lower), cLower))
	}
	return out
}

// classFeatures appends the features of token i of few values (classes,
// shapes, cases) that depend on more than one word: the shapes around it and
// tailFeatures, but for the position features, of many values, which it
// appends to pair (the bigram of the two words before it is one of
// pairFeatures), and the gazetteer features (gazFeatures), which the tagger
// of a packed model sums by their gazKey. With wordFeatures,
// neighbourFeatures, lowerCaseFeatures, biasFeature, headlineFeature,
// pairFeatures and gazFeatures, they are the features of the token.
func (fz *featurizer) classFeatures(out []uint64, i int, pair *[]uint64) []uint64 {
	return fz.classTail(out, i, pair, true)
}

// tailFeatures appends the last features of token i: those of the gazetteer
// phrases and classes around it, of its capitalised run's context
// (runContextFeatures), of its position (its position features, below), of the
// ends of its run (runFeatures), and of its standing in the lexicon; with
// pair not nil, its position features (of many values) to pair instead. A
// feature added here is one of classFeatures, which the tagger of a packed
// model sums from a cache by the feature: one of many values belongs with
// the position features.
//
// Most of these features are those of a capitalised token only: the ones of
// its run's context, of its run's ends, of the noun its run is said to be
// (predicateFeatures) and of its standing, in that order. The small steps are
// written here rather than called.
func (fz *featurizer) tailFeatures(out []uint64, i int, pair *[]uint64) []uint64 {
	return fz.classTail(out, i, pair, false)
}

// classTail appends the features of tailFeatures, or with class those of
// classFeatures: the shape feature (the shapes of the token and of the words
// next to it) first, and not the gazetteer features nor the bigram of the
// two words before. The two share one call a token.
func (fz *featurizer) classTail(out []uint64, i int, pair *[]uint64, class bool) []uint64 {
	info := fz.info
	ti := &info[i]
	cas := uint64(ti.cas)
	if class {
		sm1, sp1 := hashBOS, hashEOS
		if i > 0 {
			sm1 = info[i-1].shape
		}
		if i+1 < len(info) {
			sp1 = info[i+1].shape
		}
		out = append(out, mix(mix(mix(feat(tShape3), sm1), ti.shape), sp1))
	}
	if !class {
		if set := fz.gazClasses(i); set != 0 {
			out = fz.gazFeatures(out, i, set)
		}
	}
	// The context classes of the words before (klub X, saham X, warga X).
	if c := fz.ctxAt(i - 1); c != 0 {
		out = append(out, mix(mix(feat(tCtxM1), uint64(c)), cas))
	}
	if c := fz.ctxAt(i - 2); c != 0 {
		out = append(out, mix(mix(feat(tCtxM2), uint64(c)), cas))
	}
	capitalised := capital(ti.cas)
	if capitalised {
		out = fz.runContextFeatures(out, i)
	}
	// The position features: the word starting the sentence, with its case,
	// which tells a sentence-initial capital (Warga, Penggunaan) from a
	// name's, the two words before it (kata Ketua X), and the noun the run
	// of a capitalised word is said to be.
	pos := &out
	if pair != nil {
		pos = pair
	}
	if i == 0 {
		*pos = append(*pos, mix(mix(feat(tLowerStart), ti.lower), cas))
	}
	if i >= 2 && !class {
		*pos = append(*pos, mix(mix(feat(tBigramM2), info[i-2].lower), info[i-1].lower))
	}
	if !capitalised {
		return out
	}
	*pos = fz.capitalPredicateFeatures(*pos, i)
	out = fz.capitalRunFeatures(out, i)
	return fz.capitalLexiconFeatures(out, i)
}

// capital reports whether the case class cas is that of a capitalised word:
// cCap, cUpper or cMixed.
func capital(cas uint8) bool { return cas-cCap <= cMixed-cCap }

// gazClasses returns the classes of the gazetteer that the features of token
// i see (gazFeatures): its phrases' and its word's, and the words' around it,
// as a bit set; most tokens have none.
func (fz *featurizer) gazClasses(i int) uint {
	info := fz.info
	ti := &info[i]
	set := ti.gazB | ti.gazI | ti.class
	if i > 0 {
		set |= info[i-1].class
	}
	if i > 1 {
		set |= info[i-2].class
	}
	if i+1 < len(info) {
		set |= info[i+1].class
	}
	return uint(set) & (1<<numGazBits - 1)
}

// gazFeatures appends the features of the gazetteer phrases and classes of
// token i and the words around it, whose classes are set (gazClasses, not
// empty).
func (fz *featurizer) gazFeatures(out []uint64, i int, set uint) []uint64 {
	info := fz.info
	n := len(info)
	ti := &info[i]
	var prev, prev2, next gazClass
	casNext := uint8(99) // the case of the token after, 99 after the sentence
	if i > 0 {
		prev = info[i-1].class
	}
	if i > 1 {
		prev2 = info[i-2].class
	}
	if i+1 < n {
		next, casNext = info[i+1].class, info[i+1].cas
	}
	end := (ti.gazB | ti.gazI) & -gazClass(b2u(ti.gazEnd)) // the phrases ending here
	// Gazetteer phrases, conjoined with the case of the token: the loop runs
	// over the classes that any of the templates below sees. Each class's
	// seven features are written, and each kept (the slice advanced over it)
	// when the token or its neighbour has the class: no branch on the
	// classes, which a processor cannot foretell.
	k := len(out)
	out = slices.Grow(out, 7*bits.OnesCount(set)+1)
	o := out[:cap(out)]
	cas, nc := uint64(ti.cas), uint64(casNext)
	for ; set != 0; set &= set - 1 {
		b := uint(bits.TrailingZeros(set))
		r := &gazTemplates[b&7]
		o = o[k:]
		_ = o[7]
		j := uint(0)
		o[j] = mix(r[0], cas)
		j += uint(ti.gazB) >> b & 1
		o[j] = mix(r[1], cas)
		j += uint(ti.gazI) >> b & 1
		o[j&7] = mix(mix(r[2], nc), cas)
		j += uint(end) >> b & 1
		o[j&7] = mix(r[3], cas)
		j += uint(prev) >> b & 1
		o[j&7] = mix(r[4], cas)
		j += uint(prev2) >> b & 1
		o[j&7] = mix(r[5], cas)
		j += uint(next) >> b & 1
		o[j&7] = mix(mix(r[6], cas), nc)
		j += uint(ti.class) >> b & 1
		o, k = o[j:], 0
	}
	return out[:cap(out)-len(o)]
}

// gazKey returns what gazFeatures reads of token i, which its features are a
// function of, packed in 64 bits: the gazetteer classes (those of
// gazClasses) of its phrases starting, covering and ending there, of the
// words before it, two before and after it and of its own word, 7 bits each,
// its case class and that of the word after it (99 after the sentence). It
// is 0 for a token with none of the classes, which has no gazetteer
// features. Most tokens of news are in a few thousand such contexts: the
// tagger of a packed model sums their features once for each (see
// wordCache.gazWeights), TestGazKey checks that a key has one set of features.
func (fz *featurizer) gazKey(i int) uint64 {
	info := fz.info
	n := len(info)
	ti := &info[i]
	var prev, prev2, next gazClass
	casNext := uint64(99)
	if i > 0 {
		prev = info[i-1].class
	}
	if i > 1 {
		prev2 = info[i-2].class
	}
	if i+1 < n {
		next, casNext = info[i+1].class, uint64(info[i+1].cas)
	}
	const m = 1<<numGazBits - 1
	if (ti.gazB|ti.gazI|ti.class|prev|prev2|next)&m == 0 {
		return 0
	}
	end := (ti.gazB | ti.gazI) & -gazClass(b2u(ti.gazEnd)) // the phrases ending here
	return uint64(ti.gazB&m) | uint64(ti.gazI&m)<<numGazBits | uint64(end&m)<<(2*numGazBits) |
		uint64(prev&m)<<(3*numGazBits) | uint64(prev2&m)<<(4*numGazBits) | uint64(next&m)<<(5*numGazBits) |
		uint64(ti.class&m)<<(6*numGazBits) | uint64(ti.cas)<<(7*numGazBits) | casNext<<(7*numGazBits+3)
}

// gazTemplates[b] holds the features of gazFeatures for the class 1<<b
// before their case parts: tGazBegin, tGazInside, tGazEndCap, tClassM1,
// tClassM2, tClassP1 and tClass0.
var gazTemplates = func() (t [8][8]uint64) {
	for b := range numGazBits {
		c := uint64(1) << b
		for k, tp := range [...]uint8{tGazBegin, tGazInside, tGazEndCap, tClassM1, tClassM2, tClassP1, tClass0} {
			t[b][k] = mix(feat(tp), c)
		}
	}
	return t
}()

// affixes appends the features of the prefixes and suffixes of the word w
// lower-cased.
func (fz *featurizer) affixes(out []uint64, w string) []uint64 {
	fz.lower = appendLower(fz.lower[:0], w)
	lw := fz.lower
	if len(lw) >= 3 {
		out = append(out,
			mix(feat(tPrefix2), fnvBytes(fnvOffset, lw[:2])),
			mix(feat(tSuffix2), fnvBytes(fnvOffset, lw[len(lw)-2:])),
			mix(feat(tPrefix3), fnvBytes(fnvOffset, lw[:min(3, len(lw))])),
			mix(feat(tSuffix3), fnvBytes(fnvOffset, lw[len(lw)-min(3, len(lw)):])),
		)
	}
	if len(lw) >= 5 {
		out = append(out,
			mix(feat(tPrefix4), fnvBytes(fnvOffset, lw[:4])),
			mix(feat(tSuffix4), fnvBytes(fnvOffset, lw[len(lw)-4:])),
		)
	}
	return out
}

// asciiAffixes is affixes for an ASCII word, whose lower case has the length
// of the word: the affixes are hashed from the word's bytes.
func asciiAffixes(out []uint64, w string) []uint64 {
	n := len(w)
	if n < 3 {
		return out
	}
	// FNV reads forward: the prefixes are one hash, read on.
	p2 := fnvLowerASCII(w[:2])
	p3 := fnvLowerASCII1(p2, w[2])
	out = append(out,
		mix(feat(tPrefix2), p2),
		mix(feat(tSuffix2), fnvLowerASCII(w[n-2:])),
		mix(feat(tPrefix3), p3),
		mix(feat(tSuffix3), fnvLowerASCII(w[n-3:])),
	)
	if n >= 5 {
		out = append(out,
			mix(feat(tPrefix4), fnvLowerASCII1(p3, w[3])),
			mix(feat(tSuffix4), fnvLowerASCII(w[n-4:])),
		)
	}
	return out
}

// fnvLowerASCII1 is the FNV hash h read on by the ASCII byte c lower-cased.
func fnvLowerASCII1(h uint64, c byte) uint64 {
	return (h ^ uint64(asciiLower[c])) * fnvPrime
}

// fnvLowerASCII is fnvLower(fnvOffset, s) for ASCII s.
func fnvLowerASCII(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(asciiLower[s[i]])) * fnvPrime
	}
	return h
}

// The context classes: words before a name that hint at its type.
const ctxClasses = gazOrgCtx | gazLocCtx

// ctxAt returns the context classes of token j, none outside the sentence.
func (fz *featurizer) ctxAt(j int) gazClass {
	if uint(j) >= uint(len(fz.info)) {
		return 0
	}
	return fz.info[j].class & ctxClasses
}

// runContextFeatures appends the features of the words around token i's
// capitalised run that hint at its type (klub X, saham X, warga X, melawan
// Tottenham Hotspur), of the gazetteer classes of the run as a whole, and of
// one-word runs that start a sentence (Napoli menang…, Warga Bekasi…): with
// those of the context classes of the words before the token, the context
// features of a capitalised token (see tailFeatures).
func (fz *featurizer) runContextFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	ti := &info[i]
	first, last := int(ti.runFirst), int(ti.runLast)
	if c := fz.ctxAt(first - 1); c != 0 {
		out = append(out, mix(mix(feat(tRunCtx), uint64(c)), uint64(ti.capPos)))
	}
	if g := info[first].gazB & (gazLOC | gazORG); g != 0 && info[last].gazEnd {
		out = append(out, mix(mix(feat(tRunGaz), uint64(g)), uint64(info[first].cas)))
	}
	if first == 0 && last == 0 {
		out = append(out, mix(feat(tRunHead), uint64(ti.class&(gazLOC|gazORG|gazGiven|gazTitle))))
	}
	return fz.topicFeatures(out, ti)
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// lowerIn reports whether w, lower-cased, is in the table m, one of
// repairTables; it lower-cases a short word on the stack, and most words not at
// all (see spanSet.in).
func lowerIn(m map[string]bool, w string) bool {
	if !repairWords.mayHave(fnvLower(fnvOffset, w)) {
		return false
	}
	var buf [32]byte
	return m[string(appendLower(buf[:0], w))]
}

// appendLower appends s lower-cased to dst.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, asciiLower[c])
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}
