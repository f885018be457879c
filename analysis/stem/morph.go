package stem

import "strings"

// This file is the morphological engine of the default stemmer: it enumerates the
// ways an Indonesian word can be split into prefixes, a root and suffixes,
// restoring the root's first letter where meN-/peN- assimilated it, and keeps the
// best analysis whose root is in the lexicon.

// Suffix layers, from the root outwards: derivational (-i, -kan, -an), possessive
// (-ku, -mu, -nya) and particle (-kah, -lah, -tah, -pun).
var (
	derivSuffixes      = [...]string{"kan", "wati", "wan", "an", "i"}
	possessiveSuffixes = [...]string{"nya", "ku", "mu"}
	particleSuffixes   = [...]string{"kah", "lah", "tah", "pun"}
)

// prefixKind names a derivational prefix after its underlying form.
type prefixKind uint8

const (
	pNone  prefixKind = iota
	pDi               // di-
	pKe               // ke-
	pSe               // se-
	pTer              // ter-, te-
	pBer              // ber-, be-, bel-
	pPer              // per-, pe- before r, pel-
	pPe               // pe- (pelaku, pemain, pewarna)
	pMeN              // meN-: me-, mem-, men-, meng-, meny-, menge-
	pPeN              // peN-: pe-, pem-, pen-, peng-, peny-, penge-
	pRedup            // Cv-: the first consonant repeated with e (dedaunan)
)

var prefixNames = [...]string{
	pNone: "", pDi: "di-", pKe: "ke-", pSe: "se-", pTer: "ter-", pBer: "ber-",
	pPer: "per-", pPe: "pe-", pMeN: "meN-", pPeN: "peN-", pRedup: "Cv-",
}

// String returns the prefix as linguists write it (meN-, peN-, ber-...).
func (p prefixKind) String() string { return prefixNames[p] }

// firstOrder reports whether p is a first-order prefix, which may stand before a
// second-order one (memper-, diper-, keber-, pember-), never after it.
func (p prefixKind) firstOrder() bool {
	switch p {
	case pDi, pKe, pSe, pTer, pMeN, pPeN:
		return true
	}
	return false
}

// maxPrefixes is the most prefixes stacked on one root (ke-ber-, mem-per-, di-per-).
const maxPrefixes = 3

// affixStep is one prefix removed: its kind, the surface form it had in the word
// and the letter put back at the start of the root (menulis = meN- + tulis).
type affixStep struct {
	kind    prefixKind
	surface string
	restore byte
}

// candidate is one analysis of a word whose root is in the lexicon.
type candidate struct {
	root     string
	prefixes [maxPrefixes]affixStep
	np       int
	deriv    string // derivational suffix
	poss     string // possessive
	part     string // particle
	weak     bool   // the root is a weak one
	cost     int
}

// analyzer holds the state of one analysis. It lives on the stack of its caller.
type analyzer struct {
	lex  *RootLexicon
	best candidate
	have bool
	buf  [64]byte // scratch for roots with a restored first letter
	// wordLen is the length of the word analysed: a candidate as long is the
	// word itself, which the caller has already looked up.
	wordLen int
	// strongOnly ignores weak roots.
	strongOnly bool
	cur        candidate
}

// analyzeWord finds the best analysis of the lower-case ASCII word w. It reports
// false when no analysis reaches a root of the lexicon.
func (a *analyzer) analyzeWord(w string) bool {
	a.have = false
	a.wordLen = len(w)
	// Suffix layers: particle, then possessive, then derivational, each
	// optional. Each layer's suffixes exclude one another (but -kan also ends
	// in -an), so each layer offers "none" and at most two suffixes.
	parts := layerOptions(w, particleSuffixes[:])
	for _, part := range parts.opts[:parts.n] {
		s1 := w[:len(w)-len(part)]
		posses := layerOptions(s1, possessiveSuffixes[:])
		for _, poss := range posses.opts[:posses.n] {
			s2 := s1[:len(s1)-len(poss)]
			derivs := layerOptions(s2, derivSuffixes[:])
			for _, deriv := range derivs.opts[:derivs.n] {
				a.cur = candidate{deriv: deriv, poss: poss, part: part}
				a.prefixes(s2[:len(s2)-len(deriv)], 0)
			}
		}
	}
	return a.have
}

// options is "no suffix" and the suffixes of one layer that a word ends in.
type options struct {
	opts [4]string
	n    int
}

// layerOptions returns "" and the suffixes of layer that s ends in, in the
// layer's order, keeping two letters before each.
func layerOptions(s string, layer []string) options {
	o := options{n: 1}
	for _, suf := range layer {
		if hasSuffixMin(s, suf) {
			o.opts[o.n] = suf
			o.n++
			if o.n == len(o.opts) {
				break
			}
		}
	}
	return o
}

// hasSuffixMin reports whether s ends in suf and keeps at least two letters
// before it.
func hasSuffixMin(s, suf string) bool {
	return len(s) >= len(suf)+2 && s[len(s)-len(suf):] == suf
}

// minRoot is the shortest root an analysis may reach: Indonesian roots of one or
// two letters are function words that take no affixes, and allowing them makes
// common words spurious derivations (kedi as ke- + di, hanya as ha + -nya).
const minRoot = 3

// offer checks root against the lexicon and keeps it when it is the best so far.
func (a *analyzer) offer(root string) {
	if len(root) < minRoot || len(root) == a.wordLen {
		return // the word itself was looked up before the analysis
	}
	f, ok := a.lex.lookupFlags(root)
	if weak := f&rootWeak != 0; ok && !(weak && a.strongOnly) {
		a.keep(root, nil, f)
	}
}

// offerRestored is offer for a root with a restored first letter, held in the
// scratch buffer b: it is copied out only when it wins.
func (a *analyzer) offerRestored(b []byte) {
	f, ok := a.lex.lookupBytesFlags(b)
	if weak := f&rootWeak != 0; ok && !(weak && a.strongOnly) {
		a.keep("", b, f)
	}
}

// keep records the current analysis with its root (root, or the bytes b) when
// it costs less than the best so far.
func (a *analyzer) keep(root string, b []byte, flags uint8) {
	c := a.cur
	c.root, c.weak = root, flags&rootWeak != 0
	c.cost = cost(&c) - len(b)
	if c.weak && len(c.root)+len(b) <= 4 && !shortWeakOK(&c) {
		// A short root known only from Snowball's vocabulary makes common
		// words spurious derivations (terong as te- + rong, pepaya as pe- +
		// paya, selokan as selo + -kan): it is reached only by ber-, meN-
		// and the suffixes -an and -nya (bernoda, mengular, tautan).
		return
	}
	if flags&rootNasalLoser != 0 && c.np > 0 {
		if k := c.prefixes[c.np-1].kind; k == pMeN || k == pPeN {
			// The vocabulary attests the rival root of this meN-/peN-
			// reading, not this one: meminta is me- + minta.
			c.cost += 40
		}
	}
	if c.np > 0 && c.deriv == "" && endsInAn(root, b) {
		if k := c.prefixes[c.np-1].kind; k == pPeN || k == pMeN {
			// peN- and meN- make words of verb roots, not of nouns in -an:
			// pengawasan is the confix peN-...-an around awas, not peN- +
			// kawasan; pemasukan is peN-...-an around masuk, not pasukan.
			c.cost += 100
		}
	}
	if c.np == 0 && c.deriv != "" && len(root) > 5 && (root[:3] == "ber" || root[:3] == "ter") {
		// With no other prefix, a derivational suffix attaches to a root, not to a word with ber- or
		// ter- already on it: berdasarkan is the confix ber-...-kan around
		// dasar, not berdasar + -kan, whenever the inner root is well attested.
		if ok, weak := a.lex.lookup(root[3:]); ok && !weak {
			c.cost += 150
		}
	}
	if c.cost >= forbidden/2 || a.have && c.cost >= a.best.cost {
		return
	}
	if b != nil {
		c.root = string(b)
	}
	a.best, a.have = c, true
}

// shortWeakOK reports whether the affixes of c may stand around a short weak
// root: at most one prefix, ber- or meN-, and no derivational suffix but -an
// without a prefix.
func shortWeakOK(c *candidate) bool {
	if c.np > 1 {
		return false
	}
	if c.np == 1 {
		k := c.prefixes[0].kind
		return k == pBer || k == pMeN
	}
	return c.deriv == "" || c.deriv == "an"
}

// prefixes tries s as a root, then every prefix s may begin with.
func (a *analyzer) prefixes(s string, depth int) {
	a.offer(s)
	if depth == maxPrefixes || len(s) < 4 {
		return
	}
	// Every prefix costs at least 100, and a root cannot make up more than its
	// length: give up when that cannot beat the best analysis so far.
	if a.have && a.partialCost()+100-len(s) >= a.best.cost {
		return
	}
	c0, c1, c2 := s[0], s[1], s[2]
	if depth == 0 && c1 == 'e' && c0 == c2 && !isVowel(c0) && a.cur.deriv == "an" && len(s) >= 6 {
		// Cv- reduplication with -an makes collective nouns: dedaunan,
		// bebatuan, rerumputan, pepohonan.
		a.try(s, depth, pRedup, 2, 0)
	}
	switch {
	case c0 == 'd' && c1 == 'i':
		a.try(s, depth, pDi, 2, 0)
	case c0 == 'k' && c1 == 'e':
		a.try(s, depth, pKe, 2, 0)
	case c0 == 's' && c1 == 'e':
		a.try(s, depth, pSe, 2, 0)
	case c0 == 't' && c1 == 'e':
		if c2 == 'r' {
			a.try(s, depth, pTer, 3, 0)
			a.try(s, depth, pTer, 2, 0) // te-rasa
		}
	case c0 == 'b' && c1 == 'e':
		switch {
		case c2 == 'r':
			a.try(s, depth, pBer, 3, 0)
			a.try(s, depth, pBer, 2, 0) // be-rantai
		case c2 == 'l' && strings.HasPrefix(s[3:], "ajar"):
			a.try(s, depth, pBer, 3, 0) // bel-ajar
		case len(s) > 5 && s[3] == 'e' && s[4] == 'r':
			a.try(s, depth, pBer, 2, 0) // be-kerja, be-ternak
		}
	case c0 == 'p' && c1 == 'e':
		switch {
		case c2 == 'r':
			a.try(s, depth, pPer, 3, 0)
			a.try(s, depth, pPer, 2, 0) // pe-rintis
		case c2 == 'l' && strings.HasPrefix(s[3:], "ajar"):
			a.try(s, depth, pPer, 3, 0) // pel-ajar
		}
		a.nasal(s, depth, pPeN)
	case c0 == 'm' && c1 == 'e':
		a.nasal(s, depth, pMeN)
	}
}

// partialCost is the cost of the affixes removed so far, without the root.
func (a *analyzer) partialCost() int {
	c := a.cur
	c.root = ""
	return cost(&c)
}

// try removes the prefix of kind spelled by the first n letters of s, puts back
// restore (if not zero) at the start of the rest, and goes on with the rest.
func (a *analyzer) try(s string, depth int, kind prefixKind, n int, restore byte) {
	if depth > 0 && !prefixAllowed(a.cur.prefixes[depth-1].kind, kind, depth) {
		return
	}
	rest := s[n:]
	if len(rest) < 2 {
		return
	}
	saved := a.cur.prefixes[depth]
	savedN := a.cur.np
	a.cur.prefixes[depth] = affixStep{kind: kind, surface: s[:n], restore: restore}
	a.cur.np = depth + 1
	if restore == 0 {
		a.prefixes(rest, depth+1)
	} else if len(rest) < len(a.buf) {
		a.buf[0] = restore
		m := copy(a.buf[1:], rest)
		a.offerRestored(a.buf[:m+1])
	}
	a.cur.prefixes[depth] = saved
	a.cur.np = savedN
}

// nasal tries the allomorphs of meN- or peN- (kind) at the start of s, with the
// root's first letter restored where the nasal replaced it.
func (a *analyzer) nasal(s string, depth int, kind prefixKind) {
	// s starts with "me" or "pe" and has at least four letters.
	switch c2 := s[2]; c2 {
	case 'n':
		switch c3 := s[3]; {
		case c3 == 'g':
			// meng-: before vowels, g, h, kh; k- roots lose their k.
			if len(s) > 4 {
				a.try(s, depth, kind, 4, 0)
				if isVowel(s[4]) {
					a.try(s, depth, kind, 4, 'k')
				}
				if s[4] == 'e' && len(s) > 7 {
					a.try(s, depth, kind, 5, 0) // menge-: mengebom, pengecat
				}
			}
			a.try(s, depth, kind, 2, 0) // me-nganga
		case c3 == 'y':
			// meny-: s- roots lose their s; me-nyanyi keeps ny.
			if len(s) > 4 && isVowel(s[4]) {
				a.try(s, depth, kind, 4, 's')
			}
			a.try(s, depth, kind, 2, 0)
		case isVowel(c3):
			// men- + vowel: t- roots lose their t (menulis); me-nanti keeps n.
			a.try(s, depth, kind, 3, 't')
			a.try(s, depth, kind, 2, 0)
		default:
			// men- before d, c, j, sy, z (and t in loans: mentransfer).
			a.try(s, depth, kind, 3, 0)
		}
	case 'm':
		if isVowel(s[3]) {
			// mem- + vowel: p- roots lose their p (memukul); me-makan keeps m.
			a.try(s, depth, kind, 3, 'p')
			a.try(s, depth, kind, 2, 0)
		} else {
			// mem- before b, f, v, p (memper-, membaca).
			a.try(s, depth, kind, 3, 0)
		}
	case 'l', 'r', 'w', 'y':
		if kind == pMeN || c2 != 'r' { // pe- before r is per-, tried by the caller
			a.try(s, depth, kind, 2, 0)
		}
	default:
		if kind == pPeN {
			// pe- before other consonants: pekerja, petani, pedagang.
			a.try(s, depth, pPe, 2, 0)
		}
	}
}

// syllables counts the vowels of s, the diphthongs ai, au and oi once.
func syllables(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isVowel(s[i]) {
			continue
		}
		if i > 0 && (s[i] == 'i' && (s[i-1] == 'a' || s[i-1] == 'o') || s[i] == 'u' && s[i-1] == 'a') {
			continue
		}
		n++
	}
	return n
}

// isVowel reports whether c is an Indonesian vowel letter.
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// cost ranks the analyses of one word: the lowest wins. Each affix removed
// costs about the same, so the analysis with the fewest affixes wins
// (bermasalah is ber- + masalah, not ber- + masa + -lah); a suffix costs a
// little less than a prefix (berikan = beri + -kan, not ber- + ikan); rare
// allomorphs and restorations cost extra (mengusir = meng- + usir, not kusir;
// berubah = ber- + ubah, not be- + rubah); a weak root (known only from
// Snowball's vocabulary) costs more than one more affix on a well attested
// root (perbankan = per- + bank + -an, not perban + -kan); and a confix that
// Indonesian does not form (di-...-an, ke-...-i, se-...-kan) costs a lot. Some
// analyses are ruled out: -i with no prefix (politisi, ekonomi, miliki stay
// whole) and a weak colloquial ng-/ny- root after me-/pe- (mengerti). The
// analyzer adds two checks that need the lexicon: a bare derivational suffix on
// a ber-/ter- word whose inner root is attested (berdasarkan = ber-...-kan +
// dasar) and peN-/meN- before a noun in -an (pengawasan = peN-...-an + awas)
// cost an extra affix. A longer root breaks ties.
func cost(c *candidate) int {
	n := 0
	for i := 0; i < c.np; i++ {
		n += 100 + allomorphCost(c.prefixes[i])
	}
	if c.np > 0 && len(c.prefixes[c.np-1].surface) == 5 && c.root != "" && syllables(c.root) > 1 {
		n += 40 // menge-/penge- is for roots of one syllable (mengebom, pengecat)
	}
	if c.deriv != "" {
		n += 80
	}
	if c.poss != "" {
		n += 80
	}
	if c.part != "" {
		n += 90
	}
	if c.weak {
		n += 150
	}
	if c.np > 0 && c.deriv != "" && badConfix(c.prefixes[0].kind, c.deriv) {
		n += 60
	}
	if c.weak && c.np > 0 && len(c.prefixes[c.np-1].surface) == 2 && len(c.root) > 2 &&
		c.root[0] == 'n' && (c.root[1] == 'g' || c.root[1] == 'y') {
		if k := c.prefixes[c.np-1].kind; k == pMeN || k == pPeN {
			// A weak root in ng-/ny- after me-/pe- is a colloquial nasal form
			// (ngerti, nyoba), not a root: mengerti is meN- + erti, which the
			// lexicon may lack, so the word is better kept whole.
			n += forbidden
		}
	}
	if c.np == 0 && c.deriv == "i" && c.root != "" {
		// -i makes verbs with a prefix (mewarnai, diakui, terpenuhi); a word
		// with no prefix that ends in i is a root or a loan noun (politisi,
		// ekonomi, misteri, suami) or a bare imperative (miliki, waspadai),
		// which dictionaries and the treebanks keep whole.
		n += forbidden
	}
	return n - len(c.root)
}

// forbidden is the cost of an analysis that Indonesian morphology rules out: it
// is never kept, however the word would be left otherwise.
const forbidden = 1 << 20

// endsInAn reports whether the root (root, or the bytes b) has six letters or
// more and ends in -an.
func endsInAn(root string, b []byte) bool {
	if b != nil {
		n := len(b)
		return n >= 6 && b[n-2] == 'a' && b[n-1] == 'n'
	}
	return len(root) >= 6 && strings.HasSuffix(root, "an")
}

// isOrdinal reports whether w is ke- + a numeral (keempat, kesebelas): an
// ordinal, a word of its own in dictionaries and the treebanks.
func isOrdinal(w string) bool {
	return len(w) > 4 && w[0] == 'k' && w[1] == 'e' && isNumeral(w[2:])
}

// numerals are the cardinal numbers that ke- makes ordinals of.
var numerals = [...]string{"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
	"delapan", "sembilan", "sepuluh", "sebelas", "seratus", "seribu", "sejuta",
	"puluh", "ratus", "ribu", "juta", "miliar", "triliun", "berapa"}

// isNumeral reports whether s is a cardinal number word.
func isNumeral(s string) bool {
	for _, n := range numerals {
		if s == n {
			return true
		}
	}
	return false
}

// allomorphCost is the extra cost of a prefix allomorph or restoration that is
// rarer than its competitors.
func allomorphCost(p affixStep) int {
	switch p.kind {
	case pMeN, pPeN:
		switch {
		case p.restore == 'k':
			return 20 // meng- + vowel: a vowel root (mengalami) before a k- root
		case p.restore != 0:
			return 0 // menulis, memukul, menyapu: the usual reading
		case len(p.surface) == 2:
			if len(p.surface) == 2 {
				return 15 // me-nari, me-milih: only for l, r, w, y, m, n roots
			}
		case p.surface == "men" || p.surface == "pen":
			return 5 // men- before t is for loans (mentransfer)
		}
	case pBer, pPer, pTer:
		if len(p.surface) == 2 {
			return 20 // be-/pe-/te- before r: ber- + vowel root first
		}
	case pPe:
		return 10
	}
	return 0
}

// badConfix reports whether Indonesian does not combine prefix p with the
// derivational suffix s (Nazief and Adriani's disallowed confixes).
func badConfix(p prefixKind, s string) bool {
	switch p {
	case pBer:
		return s == "i"
	case pDi:
		return s == "an"
	case pKe:
		return s == "i" || s == "kan"
	case pMeN:
		return s == "an"
	case pSe:
		return s == "i" || s == "kan"
	case pTer:
		return s == "an"
	}
	return false
}

// prefixAllowed reports whether kind may follow last (the prefix removed before
// it, outer) at the given depth.
func prefixAllowed(last, kind prefixKind, depth int) bool {
	if depth == 0 {
		return true
	}
	if last == kind {
		return false
	}
	switch last {
	case pMeN, pDi, pTer:
		// memper-, memberdayakan, diper-, diber-, terper-, diketahui, terke-.
		return kind == pPer || kind == pBer || kind == pKe || kind == pPe
	case pPeN:
		return kind == pPer || kind == pBer || kind == pKe
	case pKe:
		// keber-, keter-, kepe(N)-, kese-, keper-.
		return kind == pBer || kind == pTer || kind == pPeN || kind == pPe || kind == pSe || kind == pPer || kind == pMeN
	case pSe:
		return kind == pKe || kind == pPer || kind == pBer || kind == pPeN
	case pPer, pBer:
		return kind == pKe || kind == pSe
	}
	return false
}
