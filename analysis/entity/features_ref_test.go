package entity

import (
	"bytes"
	"math/bits"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
	"unicode"
	"unicode/utf8"
)

// The featurizer as it was before its steps were written without
// data-dependent branches: the reference that TestFeaturesMatchReference holds
// the featurizer to, feature for feature and in the same order (a float model
// sums them in that order).

func (fz *featurizer) refSentence(words []string) {
	n := len(words)
	g := fz.gaz
	fz.info = grow(fz.info, n)
	info := fz.info
	run := -1 // the first token of the capitalised run before, or -1
	fz.topics = 0
	for i, w := range words {
		wi, _ := fz.words.lookup(g, w)
		info[i] = tokenInfo{wordInfo: *wi}
		switch wi.cas {
		case cCap, cUpper, cMixed:
			if run < 0 {
				run = i
			}
		case cLower:
			fz.topics |= wi.class & topicClasses
			fallthrough
		default:
			if run >= 0 {
				fz.capitalRun(run, i)
				run = -1
			}
		}
	}
	if run >= 0 {
		fz.capitalRun(run, n)
	}
	// Phrases of the lists, longest first from each token. Those that cover
	// token i+1 start at i or before: after token i, whether a phrase ends
	// there is known.
	for i := range info {
		ti := &info[i]
		if ti.entry != 0 {
			best, end := g.longest(words, i, ti.lower, ti.entry)
			if best != 0 {
				ti.gazB |= best
				for k := i + 1; k < end; k++ {
					info[k].gazI |= best
				}
			}
		}
		if i+1 >= n || info[i+1].gazI == 0 {
			ti.gazEnd = ti.gazB|ti.gazI != 0
		}
	}
	// The standings, from the stemmer for every capitalised word.
	st := stem.Default()
	lex := st.Lexicon()
	for k, w := range words {
		info[k].lex = lexUnknown
		switch info[k].cas {
		case cCap, cUpper, cMixed:
		default:
			continue
		}
		if len(w) < 3 {
			continue
		}
		lw := strings.ToLower(w)
		switch {
		case st.IsProtected(lw):
			info[k].lex = lexProtected
		case lex.Contains(lw):
			info[k].lex = lexRoot
		default:
			if r := st.Stem(lw); r != lw && lex.Contains(r) {
				info[k].lex = lexDerived
			}
		}
	}
}

func (fz *featurizer) refHeadline() bool {
	caps, words := 0, 0
	for _, ti := range fz.info {
		switch ti.cas {
		case cCap, cUpper, cMixed:
			caps++
			words++
		case cLower:
			words++
		}
	}
	return words >= 3 && caps*10 >= words*7
}

func (fz *featurizer) refFeatures(out []uint64, words []string, i int, headline bool) []uint64 {
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
	return fz.refTailFeatures(out, i, nil)
}

func (fz *featurizer) refTailFeatures(out []uint64, i int, pair *[]uint64) []uint64 {
	out = fz.refGazFeatures(out, i)
	out = fz.refContextFeatures(out, i)
	if pair != nil {
		*pair = fz.refPositionFeatures(*pair, i)
	} else {
		out = fz.refPositionFeatures(out, i)
	}
	out = fz.refRunFeatures(out, i)
	return fz.refLexiconFeatures(out, i)
}

func (fz *featurizer) refGazFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	n := len(info)
	ti := &info[i]
	caseAt := func(j int) uint64 {
		if j < 0 || j >= n {
			return 99
		}
		return uint64(info[j].cas)
	}
	classAt := func(j int) gazClass {
		if j < 0 || j >= n {
			return 0
		}
		return info[j].class
	}
	cas := uint64(ti.cas)
	// Gazetteer phrases, conjoined with the case of the token: the loop runs
	// over the classes that any of the templates below sees, most tokens none.
	prev, prev2, next := classAt(i-1), classAt(i-2), classAt(i+1)
	for set := uint(ti.gazB|ti.gazI|ti.class|prev|prev2|next) & (1<<numGazBits - 1); set != 0; set &= set - 1 {
		c := gazClass(1) << bits.TrailingZeros(set)
		if ti.gazB&c != 0 {
			out = append(out, mix(mix(feat(tGazBegin), uint64(c)), cas))
		}
		if ti.gazI&c != 0 {
			out = append(out, mix(mix(feat(tGazInside), uint64(c)), cas))
		}
		if ti.gazEnd && (ti.gazB|ti.gazI)&c != 0 {
			out = append(out, mix(mix(mix(feat(tGazEndCap), uint64(c)), caseAt(i+1)), cas))
		}
		if prev&c != 0 {
			out = append(out, mix(mix(feat(tClassM1), uint64(c)), cas))
		}
		if prev2&c != 0 {
			out = append(out, mix(mix(feat(tClassM2), uint64(c)), cas))
		}
		if next&c != 0 {
			out = append(out, mix(mix(feat(tClassP1), uint64(c)), cas))
		}
		if ti.class&c != 0 {
			out = append(out, mix(mix(mix(feat(tClass0), uint64(c)), cas), caseAt(i+1)))
		}
	}
	return out
}

func (fz *featurizer) refContextFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	ti := &info[i]
	cas := uint64(ti.cas)
	ctxAt := func(j int) gazClass {
		if j < 0 || j >= len(info) {
			return 0
		}
		return info[j].class & ctxClasses
	}
	if c := ctxAt(i - 1); c != 0 {
		out = append(out, mix(mix(feat(tCtxM1), uint64(c)), cas))
	}
	if c := ctxAt(i - 2); c != 0 {
		out = append(out, mix(mix(feat(tCtxM2), uint64(c)), cas))
	}
	switch ti.cas {
	case cCap, cUpper, cMixed:
	default:
		return out
	}
	first, last := int(ti.runFirst), int(ti.runLast)
	if c := ctxAt(first - 1); c != 0 {
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

func (fz *featurizer) refPositionFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	ti := &info[i]
	if i == 0 {
		out = append(out, mix(mix(feat(tLowerStart), ti.lower), uint64(ti.cas)))
	}
	if i >= 2 {
		out = append(out, mix(mix(feat(tBigramM2), info[i-2].lower), info[i-1].lower))
	}
	return fz.refPredicateFeatures(out, i)
}

func (fz *featurizer) refRunFeatures(out []uint64, i int) []uint64 {
	info := fz.info
	ti := &info[i]
	switch ti.cas {
	case cCap, cUpper, cMixed:
	default:
		return out
	}
	first, last := int(ti.runFirst), int(ti.runLast)
	if i < last {
		if c := info[last].class & runTailClasses; c != 0 {
			out = append(out, mix(mix(feat(tRunTail), uint64(c)), uint64(min(last-i, 3))))
		}
	}
	if i > first {
		if c := info[first].class & runStartClasses; c != 0 {
			out = append(out, mix(mix(feat(tRunStart), uint64(c)), uint64(min(i-first, 3))))
		}
	}
	return out
}

func (fz *featurizer) refLexiconFeatures(out []uint64, i int) []uint64 {
	ti := &fz.info[i]
	switch ti.cas {
	case cCap, cUpper, cMixed:
	default:
		return out
	}
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

func (fz *featurizer) refPredicateFeatures(out []uint64, i int) []uint64 {
	ti := &fz.info[i]
	switch ti.cas {
	case cCap, cUpper, cMixed:
	default:
		return out
	}
	k := fz.predicate(int(ti.runLast))
	if k < 0 {
		return out
	}
	out = append(out, mix(feat(tPredicate), fz.info[k].lower))
	if c := fz.info[k].class & predicateClasses; c != 0 {
		out = append(out, mix(feat(tPredicateClass), uint64(c)))
	}
	return out
}

// fnvLower hashes s lower-cased, without allocating.
func refFnvLower(h uint64, s string) uint64 {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			h = (h ^ uint64(c)) * fnvPrime
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

// wordCase classifies s.
func refWordCase(s string) uint8 {
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

// hashWord returns what the features need of the word w: the hashes of w
// lower-cased (fnvLower), as written (fnvString) and of its shape (shapeHash),
// and its case class (wordCase), and whether it is ASCII. An ASCII word, most of
// the text, is read in one pass over its bytes.
func refHashWord(w string) (lower, exact, shape uint64, cas uint8, ascii bool) {
	lower, exact = fnvOffset, fnvOffset
	var upper, lowers int
	firstUpper := false
	sh := newShaper()
	shaped := false // the shape has its 13 bytes
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return refFnvLower(fnvOffset, w), fnvString(fnvOffset, w), shapeHash(w), wordCaseRunes(w), false
		}
		exact = (exact ^ uint64(c)) * fnvPrime
		lc, sc := c, c
		switch {
		case 'A' <= c && c <= 'Z':
			lc, sc = c+'a'-'A', 'X'
			if upper == 0 && lowers == 0 {
				firstUpper = true
			}
			upper++
		case 'a' <= c && c <= 'z':
			sc = 'x'
			lowers++
		case '0' <= c && c <= '9':
			sc = 'd'
		}
		lower = (lower ^ uint64(lc)) * fnvPrime
		if !shaped {
			shaped = !sh.add(sc)
		}
	}
	shape = sh.h
	if len(w) > 0 && '0' <= w[0] && w[0] <= '9' {
		return lower, exact, shape, cDigit, true
	}
	return lower, exact, shape, caseClass(upper, lowers, upper+lowers, firstUpper), true
}

// appendLower appends s lower-cased to dst.
func refAppendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst
}

// fnvLowerASCII1 is the FNV hash h read on by the ASCII byte c lower-cased.
func refFnvLowerASCII1(h uint64, c byte) uint64 {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return (h ^ uint64(c)) * fnvPrime
}

// fnvLowerASCII is fnvLower(fnvOffset, s) for ASCII s.
func refFnvLowerASCII(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// TestFeaturesMatchReference checks that the featurizer gives every token of
// the dev sets, the sample corpus, the reference article and odd words the
// information and the features, in order, of the reference featurizer, and the
// same groups to the tagger of a packed model.
func TestFeaturesMatchReference(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	fast, ref := &featurizer{gaz: g}, &featurizer{gaz: g}
	sents := cacheSentences(t)
	for _, words := range sents {
		checkFeaturesMatchReference(t, fast, ref, words)
	}
	t.Logf("%d sentences", len(sents))
}

// checkFeaturesMatchReference checks one sentence as TestFeaturesMatchReference
// does.
func checkFeaturesMatchReference(t *testing.T, fast, ref *featurizer, words []string) {
	t.Helper()
	fast.sentence(words)
	ref.refSentence(words)
	if !slices.Equal(fast.info, ref.info) || fast.topics != ref.topics {
		t.Fatalf("%q: the token information differs from the reference", words)
	}
	head := fast.headline()
	if head != ref.refHeadline() {
		t.Fatalf("%q: headline %v, the reference %v", words, head, !head)
	}
	var got, want, gotPair, wantPair []uint64
	for i := range words {
		got, want = fast.features(got[:0], words, i, head), ref.refFeatures(want[:0], words, i, head)
		if !slices.Equal(got, want) {
			t.Fatalf("%q token %d: features %x, the reference %x", words, i, got, want)
		}
		gotPair, wantPair = gotPair[:0], wantPair[:0]
		got = fast.tailFeatures(got[:0], i, &gotPair)
		want = ref.refTailFeatures(want[:0], i, &wantPair)
		if !slices.Equal(got, want) || !slices.Equal(gotPair, wantPair) {
			t.Fatalf("%q token %d: tail features %x and %x, the reference %x and %x", words, i, got, gotPair, want, wantPair)
		}
	}
}

// TestWordHashesMatchReference checks hashWord, wordCase, fnvLower,
// appendLower and the ASCII affixes' hashes against the reference
// featurizer's on every word of the sentences of TestFeaturesMatchReference
// and the odd words, in their cases.
func TestWordHashesMatchReference(t *testing.T) {
	var words []string
	for _, s := range cacheSentences(t) {
		words = append(words, s...)
	}
	for _, w := range wordSamples {
		words = append(words, strings.ToUpper(w), strings.ToLower(w), w+w, "x"+w, "9"+w, "\x00"+w)
	}
	for _, w := range words {
		checkWordHashes(t, w)
	}
}

// FuzzWordHashesMatchReference is TestWordHashesMatchReference on any word.
func FuzzWordHashesMatchReference(f *testing.F) {
	for _, w := range wordSamples {
		f.Add(w)
	}
	f.Fuzz(checkWordHashes)
}

func checkWordHashes(t *testing.T, w string) {
	lower, exact, shape, cas, ascii := hashWord(w)
	rl, re, rs, rc, ra := refHashWord(w)
	if lower != rl || exact != re || shape != rs || cas != rc || ascii != ra {
		t.Fatalf("hashWord(%q) = %x %x %x %d %v, the reference %x %x %x %d %v", w, lower, exact, shape, cas, ascii, rl, re, rs, rc, ra)
	}
	if got, want := wordCase(w), refWordCase(w); got != want {
		t.Fatalf("wordCase(%q) = %d, the reference %d", w, got, want)
	}
	if got, want := fnvLower(12345, w), refFnvLower(12345, w); got != want {
		t.Fatalf("fnvLower(%q) = %x, the reference %x", w, got, want)
	}
	if got, want := appendLower([]byte("x"), w), refAppendLower([]byte("x"), w); !bytes.Equal(got, want) {
		t.Fatalf("appendLower(%q) = %q, the reference %q", w, got, want)
	}
	if ascii {
		if got, want := fnvLowerASCII(w), refFnvLowerASCII(w); got != want {
			t.Fatalf("fnvLowerASCII(%q) = %x, the reference %x", w, got, want)
		}
		for i := 0; i < len(w); i++ {
			if got, want := fnvLowerASCII1(99, w[i]), refFnvLowerASCII1(99, w[i]); got != want {
				t.Fatalf("fnvLowerASCII1(%q) = %x, the reference %x", w[i], got, want)
			}
		}
	}
}

// FuzzFeaturesMatchReference is TestFeaturesMatchReference on the sentences
// of any text.
func FuzzFeaturesMatchReference(f *testing.F) {
	f.Add("Pavel Durov, pendiri Telegram, bertemu Presiden Joko Widodo di Jakarta.")
	f.Add("KPK memeriksa iPhone milik Ömer di İstanbul pada 24/3/2018 pukul 10.30 WIB.")
	f.Add("Rotorua adalah sebuah kota di Selandia Baru. Warga Desa Suwug, sebuah desa di Bali.")
	g, err := defaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	fast, ref := &featurizer{gaz: g}, &featurizer{gaz: g}
	f.Fuzz(func(t *testing.T, text string) {
		for _, s := range tokenize.Sentences(text) {
			var words []string
			for _, tk := range s.Tokens {
				words = append(words, tk.Text)
			}
			if len(words) > 0 {
				checkFeaturesMatchReference(t, fast, ref, words)
			}
		}
	})
}
