package entity

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah/internal/swar"
	"github.com/telaah/telaah/tokenize"
)

// The rules for DATE, TIME, MONEY, PERCENT and QUANTITY read the raw text of each
// sentence through their own small lexer of units (words, numbers, symbols), so
// they do not depend on how the tokenizer splits "Rp1,5" or "24/3/2018".

// unitKind is what sort of thing a unit is.
type unitKind uint8

// The kinds of unit.
const (
	uWord   unitKind = iota + 1 // a run of letters
	uNumber                     // digits with inner . , / : -
	uSym                        // any other single rune
)

// unit is one lexical unit of the rules, with byte offsets into the text.
type unit struct {
	kind       unitKind
	start, end int
	text       string // as written
	// lower is a word lower-cased when the rules know it (see ruleWords) or
	// it is written in lower case, "" otherwise (no rule reads an unknown word
	// that way); for numbers and symbols, the text.
	lower      string
	known      bool // a word of ruleWords, or a symbol a rule starts at: "(" or a currency
	spaceAfter bool // followed by white space
	// tabs are the tables of the rules that hold lower (none for an unknown
	// unit): the rules test them before they look a word up.
	tabs ruleSet
}

// ruleSet is a set of the word tables of the rules.
type ruleSet uint16

// The tables of a ruleSet.
const (
	rDay       ruleSet = 1 << iota // dayNames
	rYearLead                      // yearLeads
	rZone                          // timeZones
	rCurBefore                     // currencyBefore
	rCurAfter                      // currencyAfter
	rDollarOf                      // dollarOf
	rUnit                          // units
	rScale                         // scales
	rNumber                        // numberWords
	rMonth                         // monthNames
)

// lookup returns t[u.lower] for the table t of the rules, r in a ruleSet,
// without a look-up when the table does not hold the unit.
func lookup[V any](u *unit, r ruleSet, t map[string]V) (V, bool) {
	if u.tabs&r == 0 {
		var zero V
		return zero, false
	}
	v, ok := t[u.lower]
	return v, ok
}

// has reports whether a table of t holds the unit.
func (u *unit) has(t ruleSet) bool { return u.tabs&t != 0 }

// ruleEntry is a word's entry in ruleWords: the word and the tables that hold it.
type ruleEntry struct {
	lower string
	tabs  ruleSet
}

// ruleWords are the words the rules ask about, lower-cased: the words of their
// tables and those they compare with (TestRuleWords checks that each is here).
// No rule starts at another word.
var ruleWords = func() map[string]ruleEntry {
	m := map[string]ruleEntry{}
	add := func(w string, t ruleSet) { m[w] = ruleEntry{w, m[w].tabs | t} }
	for t, r := range map[*map[string]bool]ruleSet{&dayNames: rDay, &yearLeads: rYearLead} {
		for w := range *t {
			add(w, r)
		}
	}
	for t, r := range map[*map[string]string]ruleSet{&timeZones: rZone, &currencyBefore: rCurBefore,
		&currencyAfter: rCurAfter, &dollarOf: rDollarOf, &units: rUnit} {
		for w := range *t {
			add(w, r)
		}
	}
	for t, r := range map[*map[string]float64]ruleSet{&scales: rScale, &numberWords: rNumber} {
		for w := range *t {
			add(w, r)
		}
	}
	for w := range monthNames {
		add(w, rMonth)
	}
	for _, w := range ruleKeywords {
		add(w, 0)
	}
	return m
}()

// ruleKeywords are the words the rules compare with outside their tables.
var ruleKeywords = []string{
	"tahun", "thn", "pukul", "jam", "pkl", "pagi", "subuh", "siang", "sore", "petang",
	"malam", "us", "s", "a", "rp", "dolar", "dollar", "amerika", "serikat", "persen",
	"percent", "per", "sen", "belas", "puluh", "ratus",
}

// ruleWordBits is the Bloom filter of ruleWords by ruleKey, so that most other
// words need no look-up.
var ruleWordBits = func() (b wordBloom) {
	for w := range ruleWords {
		b.add(ruleKey(w))
	}
	return b
}()

// ruleKey is the key of an ASCII word in ruleWordBits: its length and its first,
// second and last bytes lower-cased, mixed. Four bytes read instead of a hash of
// every one keep lexUnits' loop over the letters short; a word that shares them
// with a word of the rules only costs a map look-up.
func ruleKey(w string) uint64 {
	n := len(w)
	if n == 0 {
		return 0
	}
	a, b, z := lowerASCII(w[0]), byte(0), lowerASCII(w[n-1])
	if n > 1 {
		b = lowerASCII(w[1])
	}
	return (uint64(n)<<24 | uint64(a)<<16 | uint64(b)<<8 | uint64(z)) * 0x9E3779B97F4A7C15 >> 48
}

// letterKey is ruleKey for a word of ASCII letters only.
func letterKey(w string) uint64 {
	n := len(w)
	b := byte(0)
	if n > 1 {
		b = w[1] | 0x20
	}
	return (uint64(n)<<24 | uint64(w[0]|0x20)<<16 | uint64(b)<<8 | uint64(w[n-1]|0x20)) * 0x9E3779B97F4A7C15 >> 48
}

// lowerASCII lower-cases an ASCII capital letter and leaves any other byte.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// ruleWord returns the lower case of the word w for unit.lower, and whether the
// rules know it, without allocating.
func ruleWord(w string) (lower string, known bool) {
	lower, _, known = ruleWordTabs(w)
	return lower, known
}

// ruleWordTabs is ruleWord with the tables that hold the word (unit.tabs).
func ruleWordTabs(w string) (lower string, tabs ruleSet, known bool) {
	ascii, upper := true, false
	for i := 0; i < len(w) && ascii; i++ {
		c := w[i]
		ascii = c < utf8.RuneSelf
		upper = upper || 'A' <= c && c <= 'Z'
	}
	var h uint64
	if ascii {
		h = ruleKey(w)
	}
	return ruleWordOf(w, ascii, upper, h)
}

// ruleWordOf is ruleWord for a word whose bytes have been read already: ascii
// and upper tell whether they are all ASCII and whether one is an upper-case
// letter, and h, for an ASCII word, is ruleKey(w).
func ruleWordOf(w string, ascii, upper bool, h uint64) (lower string, tabs ruleSet, known bool) {
	if ascii {
		switch {
		case !ruleWordBits.mayHave(h) && upper:
			return "", 0, false // most capitalised words
		case !ruleWordBits.mayHave(h):
			return w, 0, false // most words
		case !upper:
			if k, ok := ruleWords[w]; ok {
				return k.lower, k.tabs, true
			}
			return w, 0, false
		}
	}
	var buf [32]byte
	lw := appendLower(buf[:0], w)
	if k, ok := ruleWords[string(lw)]; ok {
		return k.lower, k.tabs, true
	}
	if string(lw) == w {
		return w, 0, false
	}
	return "", 0, false
}

// lexUnits splits text[start:end] into units.
func lexUnits(dst []unit, text string, start, end int) []unit {
	dst, _ = lexUnitsUntil(dst, text, start, end, math.MaxInt)
	return dst
}

// lexUnitsUntil is lexUnits, but it stops after the first word the rules do
// not know (an inert unit, see numericTokens) that starts at stop or after,
// and returns where it stopped: the end of that word, or end.
func lexUnitsUntil(dst []unit, text string, start, end, stop int) ([]unit, int) {
	// Cut at end, text's own length bounds the loops, and the compiler
	// drops the bounds checks of text[i].
	text = text[:end]
	i := start
	for i < len(text) {
		// ASCII, most of the text, is classed by a table, without decoding
		// a rune or calling unicode.
		c := text[i]
		var r rune
		n, class := 1, uint8(0)
		if c < utf8.RuneSelf {
			r, class = rune(c), asciiUnit[c]
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			switch {
			case unicode.IsSpace(r):
				class = auSpace
			case unicode.IsLetter(r):
				class = auLetter
			}
		}
		if class == auSpace {
			if k := len(dst); k > 0 {
				dst[k-1].spaceAfter = true
			}
			i += n
			continue
		}
		if class&auLetter != 0 {
			for {
				// The bytes ruleWord reads are read here: whether the word is
				// ASCII and has a capital.
				from := i
				ascii, upper := true, uint64(0) // upper: non-zero once a capital is read
				for {
					// ASCII letters, most of the text, eight bytes at a time.
					for i+8 <= len(text) {
						x := swar.Load64(text, i)
						if stop := swar.NonLetters(x); stop != 0 {
							// The letters before the first other byte.
							k := bits.TrailingZeros64(stop) / 8
							upper |= ^x & 0x2020202020202020 & (1<<(8*k) - 1)
							i += k
							break
						}
						upper |= ^x & 0x2020202020202020
						i += 8
					}
					// And the last seven, a byte at a time.
					for i < len(text) {
						k := asciiLetterCase[text[i]]
						if k == 0 {
							break
						}
						upper |= uint64(k & lcUpper)
						i++
					}
					if i == len(text) || text[i] < utf8.RuneSelf {
						break
					}
					r, n := utf8.DecodeRuneInString(text[i:])
					if !unicode.IsLetter(r) {
						break
					}
					ascii = false
					i += n
				}
				w := text[from:i]
				var lower string
				var tabs ruleSet
				known := false
				switch {
				case !ascii:
					lower, tabs, known = ruleWordTabs(w)
				case !ruleWordBits.mayHave(letterKey(w)):
					// Most words: ruleWordOf's answer without the call.
					if upper == 0 {
						lower = w
					}
				default:
					lower, tabs, known = ruleWordOf(w, true, upper != 0, letterKey(w))
				}
				// Every field written in place, not a literal built on the
				// stack and copied (whose wide loads would wait for the
				// narrow stores).
				if len(dst) == cap(dst) {
					dst = slices.Grow(dst, 1)
				}
				dst = dst[:len(dst)+1]
				u := &dst[len(dst)-1]
				u.kind, u.start, u.end, u.text, u.lower = uWord, from, i, w, lower
				u.known, u.spaceAfter, u.tabs = known, false, tabs
				if from >= stop && !known {
					return dst, i
				}
				// One space and an ASCII letter, most gaps: the next word,
				// without a round of the outer loop.
				if i+1 >= len(text) || text[i] != ' ' || asciiLetterCase[text[i+1]] == 0 {
					break
				}
				dst[len(dst)-1].spaceAfter = true
				i++
			}
			continue
		}
		u := unit{start: i}
		switch {
		case r >= '0' && r <= '9':
			u.kind = uNumber
			for i < len(text) {
				c := text[i]
				if c >= '0' && c <= '9' {
					i++
					continue
				}
				if (c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
					i++
					continue
				}
				break
			}
		default:
			u.kind = uSym
			i += n
		}
		u.end = i
		u.text = text[u.start:u.end]
		u.lower = u.text
		if u.kind == uSym {
			u.known = u.text == "(" || isCurrencySymbol(u.text)
			if u.known {
				u.tabs = ruleWords[u.text].tabs // a currency
			}
		}
		dst = append(dst, u)
	}
	return dst, len(text)
}

// The cases of asciiLetterCase.
const (
	lcLower = 1 << iota
	lcUpper
)

// asciiLetterCase maps an ASCII letter to its case, lcLower or lcUpper, and
// every other byte to 0.
var asciiLetterCase = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = lcLower, lcUpper
	}
	return t
}()

// The classes of asciiUnit.
const (
	auSpace  = 1 << iota // unicode.IsSpace
	auLetter             // unicode.IsLetter
)

// asciiUnit classes the ASCII bytes as lexUnits reads them.
var asciiUnit = func() (t [utf8.RuneSelf]uint8) {
	for c := range utf8.RuneSelf {
		switch {
		case unicode.IsSpace(rune(c)):
			t[c] = auSpace
		case unicode.IsLetter(rune(c)):
			t[c] = auLetter
		}
	}
	return t
}()

// isCurrencySymbol reports whether the symbol s may be written before an
// amount: $, €, £, ¥.
func isCurrencySymbol(s string) bool { return s == "$" || s == "€" || s == "£" || s == "¥" }

// numericEntities appends to out the rule-based entities in text[start:end], line
// by line (no match spans a line break; sentence breaks are not trusted, since a
// tokenizer may end a sentence at the dot of 10.30). us is scratch space for the
// units of a line, kept for the next call.
func numericEntities(out []Entity, us *[]unit, text string, start, end int) []Entity {
	for start < end {
		eol := strings.IndexByte(text[start:end], '\n')
		if eol < 0 {
			eol = end
		} else {
			eol += start
		}
		*us = lexUnits((*us)[:0], text, start, eol)
		out = matchUnits(out, text, *us)
		start = eol + 1
	}
	return out
}

// numericTokens is numericEntities over the text from the first of the
// tokenizer's tokens valid (docScratch.tokenLines) to the last, but it lexes
// only the stretches around the tokens of starts (numericStarts: the indexes
// of the tokens at which a rule may start, in order), and finds the same
// entities (TestNumericTokens compares them on the corpora, FuzzNumericTokens
// on any text):
//
//   - A rule starts only at a unit for which startsRule holds, and such a unit
//     overlaps a token of starts. The tokenizer leaves nothing but its white
//     space between two tokens (tokenize.IsSpace: no letter, digit, bracket or
//     currency), so a token's units in the text are those of its text alone
//     (numericWord), except where two tokens touch letter to letter, whose
//     second numericStarts lists too.
//   - A match reads one unit before the one it starts at (a year's lead: pada
//     2018) and, after it, no further than the first inert unit, a word the
//     rules do not know: no rule takes one in, nor reads past one (each reads
//     a unit only after one of its own). lexUnitsUntil stops there.
//   - The lexer keeps nothing from one unit to the next: lexed from where a
//     unit of the whole line ends, or from a token after white space, it gives
//     the line's units from there on. A stretch starts at the first token of
//     the run of touching tokens before the token of starts (that holds the
//     unit before it), or where the last one stopped, after its inert unit,
//     which a year's lead never is; the units between two stretches start no
//     rule.
func numericTokens(out []Entity, us *[]unit, text string, valid []tokenize.Token, starts []int32) []Entity {
	out, _ = numericStretches(out, us, text, valid, starts)
	return out
}

// numericStretches is numericTokens, and returns too how many units it lexed
// (TestNumericTokens compares that with numericEntities' units).
func numericStretches(out []Entity, us *[]unit, text string, valid []tokenize.Token, starts []int32) ([]Entity, int) {
	lexed := 0
	lim, end := valid[0].Start, valid[len(valid)-1].End // lim: where the last stretch stopped
	eol := -1                                           // the end of the line of the current stretch
	for _, x := range starts {
		t := &valid[x]
		if t.End <= lim {
			continue // lexed with the last stretch
		}
		from := t.Start
		if x > 0 && strings.IndexByte(text[valid[x-1].End:t.Start], '\n') < 0 {
			k := int(x) - 1
			for k > 0 && valid[k-1].End == valid[k].Start {
				k--
			}
			from = valid[k].Start
		}
		from = max(from, lim)
		if eol < from {
			eol = strings.IndexByte(text[from:end], '\n')
			if eol < 0 {
				eol = end
			} else {
				eol += from
			}
		}
		*us, lim = lexUnitsUntil((*us)[:0], text, from, eol, t.End)
		lexed += len(*us)
		out = matchUnits(out, text, *us)
	}
	return out, lexed
}

// numericStarts appends to dst the indexes in valid of the tokens of one line,
// valid[off:off+len(info)], at which a rule may start (see numericTokens): a
// token whose word (of words) is wNumeric, as info has it, or, in a headline
// (whose words sentenceCase may have lower-cased), whose text is numericWord;
// and a token that touches the one before letter to letter. A word of info without the final
// full stop of its token has the same units but for it, none of which starts a
// rule.
func numericStarts(dst []int32, text string, valid []tokenize.Token, off int, words []string, info []tokenInfo, head bool) []int32 {
	toks := valid[off : off+len(info)]
	// The end of the token before, and whether its last byte may be (one of)
	// a letter's.
	prev, letter := -1, uint8(0)
	if off > 0 {
		prev = valid[off-1].End
		letter = letterish[text[prev-1]]
	}
	if head {
		for k := range toks {
			t := &toks[k]
			// An ASCII word of its token's length is its token's text, or
			// that text lower-cased (a rune beyond ASCII lower-cased to
			// ASCII is shorter), which the rules read alike.
			num := info[k].flags&wNumeric != 0
			if !info[k].isASCII() || len(words[k]) != len(t.Text) {
				num = numericWord(t.Text)
			}
			if num || prev == t.Start && letter&letterish[text[t.Start]] != 0 {
				dst = append(dst, int32(off+k))
			}
			prev, letter = t.End, letterish[text[t.End-1]]
		}
		return dst
	}
	n := len(dst)
	dst = slices.Grow(dst, len(toks))[:n+len(toks)]
	return dst[:n+lineStarts(dst[n:], text, toks, int32(off), info, prev, letter)]
}

// lineStarts is numericStarts for a line that is no headline, given the end
// of the token before and whether its last byte may be a letter's: it writes
// the indexes to out, which has room for all the tokens, and returns how many
// it wrote, in a loop without a call or a branch on the tokens.
func lineStarts(out []int32, text string, toks []tokenize.Token, off int32, info []tokenInfo, prev int, letter uint8) int {
	info, out = info[:len(toks)], out[:len(toks)]
	n := 0
	for k := range toks {
		t := &toks[k]
		// Whether the two touch, without a branch on it.
		touch := b2u8(prev == t.Start) & letter & letterish[text[t.Start]]
		prev, letter = t.End, letterish[text[t.End-1]]
		// Written always, counted or not.
		out[n] = off + int32(k)
		n += int(b2u8(info[k].flags&wNumeric != 0) | touch)
	}
	return n
}

// b2u8 is 1 for true, 0 for false.
func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// letterish is 1 for the bytes that may be (a byte of) a letter, the ASCII
// letters and the bytes of multi-byte runes, and 0 for the others.
var letterish = func() (t [256]uint8) {
	for c := range t {
		if c >= utf8.RuneSelf || asciiLetterCase[c] != 0 {
			t[c] = 1
		}
	}
	return t
}()

// startsRule reports whether matchUnits tries the rules at the unit: a number,
// or a word or symbol the rules know at which one may start (mayStart).
func startsRule(u *unit) bool { return (u.kind == uNumber || u.known) && mayStart(u) }

// numericWord reports whether a rule may start at one of the units of the
// word w alone (startsRule): whether it holds a digit, a bracket "(", a
// currency symbol or a run of letters such as Senin, Mei, dua, Rp or pukul.
// It reads w as lexUnits does, without keeping its units (TestNumericWord
// compares them); the word cache keeps it (wNumeric).
func numericWord(w string) bool {
	for i := 0; i < len(w); {
		if c := w[i]; c < utf8.RuneSelf && asciiLetterCase[c] == 0 {
			if '0' <= c && c <= '9' || c == '(' || c == '$' {
				return true // a number, or a symbol a rule starts at
			}
			i++
			continue
		}
		if r, n := utf8.DecodeRuneInString(w[i:]); r >= utf8.RuneSelf && !unicode.IsLetter(r) {
			if isCurrencySymbol(w[i : i+n]) {
				return true
			}
			i += n
			continue
		}
		// A run of letters: a word unit, its bytes read once, as lexUnits
		// reads them (whether they are all ASCII and one is a capital).
		from, ascii, upper := i, true, uint8(0)
		for i < len(w) {
			if c := w[i]; c < utf8.RuneSelf {
				k := asciiLetterCase[c]
				if k == 0 {
					break
				}
				upper |= k & lcUpper
				i++
				continue
			}
			r, n := utf8.DecodeRuneInString(w[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			i += n
		}
		u := unit{kind: uWord}
		switch run := w[from:i]; {
		case !ascii:
			u.lower, u.tabs, u.known = ruleWordTabs(run)
		case !ruleWordBits.mayHave(letterKey(run)):
			continue // most words: unknown to the rules
		default:
			u.lower, u.tabs, u.known = ruleWordOf(run, true, upper != 0, letterKey(run))
		}
		if u.known && mayStart(&u) {
			return true
		}
	}
	return false
}

// matchUnits appends the rule-based entities found in us.
func matchUnits(out []Entity, text string, us []unit) []Entity {
	for i := 0; i < len(us); {
		if !startsRule(&us[i]) {
			i++ // no rule starts at a word or symbol it does not know
			continue
		}
		e, n := matchAt(us, i)
		if n == 0 {
			i++
			continue
		}
		e.Start, e.End = us[i].start, us[i+n-1].end
		e.Text = text[e.Start:e.End]
		e.Canonical = e.Text
		e.Confidence = 1
		out = append(out, e)
		i += n
	}
	return out
}

// mayStart reports whether a rule may start at the unit, a number or a unit
// the rules know: at a word, only a day or month name, a currency written
// before an amount, a number word or a word that leads a date or a time
// (tahun, pukul); most words the rules know (juta, persen, per, rupiah, pagi)
// only follow a number.
func mayStart(u *unit) bool {
	if u.kind != uWord || u.tabs&(rDay|rMonth|rCurBefore|rNumber) != 0 {
		return true
	}
	switch u.lower {
	case "tahun", "thn", "pukul", "jam", "pkl":
		return true
	}
	return false
}

// matchAt tries the rules at unit i and returns the longest match and its length in
// units (0 for none).
func matchAt(us []unit, i int) (Entity, int) {
	var best Entity
	bestN := 0
	try := func(e Entity, n int) {
		if n > bestN {
			best, bestN = e, n
		}
	}
	try(matchDate(us, i))
	try(matchTime(us, i))
	try(matchAmount(us, i))
	return best, bestN
}

var dayNames = map[string]bool{
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "jum'at": true,
	"sabtu": true, "minggu": true, "ahad": true,
}

var monthNames = map[string]int{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "pebruari": 2, "feb": 2, "febr": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nopember": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// yearLeads are words after which a lone four-digit number is a year.
var yearLeads = map[string]bool{
	"tahun": true, "pada": true, "sejak": true, "hingga": true, "sampai": true,
	"awal": true, "akhir": true, "pertengahan": true, "periode": true, "musim": true,
	"pilpres": true, "pemilu": true, "pilkada": true, "pileg": true, "thn": true,
}

func isSym(us []unit, i int, s string) bool {
	return i >= 0 && i < len(us) && us[i].kind == uSym && us[i].text == s
}

func isNum(us []unit, i int) bool { return i >= 0 && i < len(us) && us[i].kind == uNumber }

func isWord(us []unit, i int) bool { return i >= 0 && i < len(us) && us[i].kind == uWord }

// smallInt parses a number of at most maxDigits plain digits.
func smallInt(s string, maxDigits int) (int, bool) {
	if s == "" || len(s) > maxDigits {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	if d > days[m] {
		return false
	}
	if m == 2 && d == 29 && y != 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return false
	}
	return true
}

// numericDate parses 24/3/2018, 24-3-2018, 2018-03-24 and 24/3 (no year: y == 0).
func numericDate(s string) (y, m, d int, ok bool) {
	sep := "/"
	if !strings.Contains(s, "/") {
		sep = "-"
	}
	// The parts between the separators: two or three (strings.Split, without
	// allocating).
	var parts []string
	var buf [3]string
	if k := strings.Count(s, sep); k == 1 || k == 2 {
		parts = buf[:k+1]
		rest := s
		for p := range parts {
			parts[p], rest, _ = strings.Cut(rest, sep)
		}
	}
	switch len(parts) {
	case 2:
		if sep != "/" {
			return 0, 0, 0, false
		}
		d, ok1 := smallInt(parts[0], 2)
		m, ok2 := smallInt(parts[1], 2)
		if ok1 && ok2 && validDate(0, m, d) {
			return 0, m, d, true
		}
	case 3:
		if len(parts[0]) == 4 {
			y, ok0 := smallInt(parts[0], 4)
			m, ok1 := smallInt(parts[1], 2)
			d, ok2 := smallInt(parts[2], 2)
			if ok0 && ok1 && ok2 && validDate(y, m, d) {
				return y, m, d, true
			}
			return 0, 0, 0, false
		}
		d, ok1 := smallInt(parts[0], 2)
		m, ok2 := smallInt(parts[1], 2)
		y, ok3 := smallInt(parts[2], 4)
		if ok3 && len(parts[2]) == 2 {
			y += 2000
		} else if len(parts[2]) != 4 {
			ok3 = false
		}
		if ok1 && ok2 && ok3 && validDate(y, m, d) {
			return y, m, d, true
		}
	}
	return 0, 0, 0, false
}

func dateValue(y, m, d int) string {
	var b []byte
	switch {
	case y != 0 && m != 0 && d != 0:
		b = appendDigits(append(appendDigits(append(appendDigits(make([]byte, 0, 10), y, 4), '-'), m, 2), '-'), d, 2)
	case y != 0 && m != 0:
		b = appendDigits(append(appendDigits(make([]byte, 0, 7), y, 4), '-'), m, 2)
	case y != 0:
		b = appendDigits(make([]byte, 0, 4), y, 4)
	case m != 0 && d != 0:
		b = appendDigits(append(appendDigits(append(make([]byte, 0, 7), "--"...), m, 2), '-'), d, 2)
	default:
		return ""
	}
	return string(b)
}

// appendDigits appends n, not negative, in decimal with zeros before it to width
// digits (fmt's %0*d).
func appendDigits(b []byte, n, width int) []byte {
	var d [20]byte
	i := len(d)
	for n > 0 || i == len(d) {
		i--
		d[i] = byte('0' + n%10)
		n /= 10
	}
	for k := len(d) - i; k < width; k++ {
		b = append(b, '0')
	}
	return append(b, d[i:]...)
}

func year(s string) (int, bool) {
	y, ok := smallInt(s, 4)
	return y, ok && len(s) == 4 && y >= 1800 && y <= 2200
}

// matchDate matches, with an optional leading day name (and comma), 24/3/2018,
// (24/3/2018), 24 Maret 2018, 24 Maret, Maret 2018; a day name alone; and a year
// after "tahun", "pada", "sejak"… Values are ISO 8601: 2018-03-24, 2018-03, 2018,
// --03-24 for a date without a year; none for a day name alone.
func matchDate(us []unit, i int) (Entity, int) {
	e := Entity{Label: DATE}
	j := i
	day := isWord(us, j) && us[j].has(rDay)
	if day {
		j++
		if isSym(us, j, ",") {
			j++
		}
	}
	// (24/3/2018) or 24/3/2018
	k := j
	paren := isSym(us, k, "(")
	if paren {
		k++
	}
	if isNum(us, k) {
		if y, m, d, ok := numericDate(us[k].text); ok {
			k++
			if paren {
				if !isSym(us, k, ")") {
					goto words
				}
				k++
			}
			e.Value = dateValue(y, m, d)
			return e, k - i
		}
	}
words:
	// 24 Maret 2018, 24 Maret, Maret 2018
	k = j
	d := 0
	if isNum(us, k) {
		if n, ok := smallInt(us[k].text, 2); ok && n >= 1 && n <= 31 && isWord(us, k+1) && us[k+1].has(rMonth) {
			d = n
			k++
		}
	}
	if isWord(us, k) && us[k].has(rMonth) && (d != 0 || day || isNum(us, k+1)) {
		m := monthNames[us[k].lower]
		k++
		if isSym(us, k, ".") && len(us[k-1].lower) <= 4 && !us[k-1].spaceAfter {
			k++ // Jan. 2018
		}
		y := 0
		if isNum(us, k) {
			if n, ok := year(us[k].text); ok {
				y = n
				k++
			}
		}
		if (d != 0 || y != 0) && validDate(y, m, max(d, 1)) {
			e.Value = dateValue(y, m, d)
			if d == 0 {
				e.Value = dateValue(y, m, 0)
			}
			return e, k - i
		}
	}
	if day {
		return e, 1
	}
	// tahun 2016; after pada, sejak… the year alone (matched at the number).
	if isWord(us, i) && (us[i].lower == "tahun" || us[i].lower == "thn") && isNum(us, i+1) {
		if y, ok := year(us[i+1].text); ok {
			e.Value = dateValue(y, 0, 0)
			return e, 2
		}
	}
	if isNum(us, i) && isWord(us, i-1) && us[i-1].has(rYearLead) {
		if y, ok := year(us[i].text); ok {
			e.Value = dateValue(y, 0, 0)
			return e, 1
		}
	}
	return Entity{}, 0
}

// timeZones maps Indonesian time zones to UTC offsets.
var timeZones = map[string]string{
	"wib": "+07:00", "wita": "+08:00", "wit": "+09:00",
	"gmt": "+00:00", "utc": "+00:00",
}

// matchTime matches pukul 10.30 WIB, jam 10:30, 10.30 WIB, pukul 10 pagi. The Value
// is hh:mm with the zone's UTC offset when one is written.
func matchTime(us []unit, i int) (Entity, int) {
	j := i
	lead := isWord(us, j) && (us[j].lower == "pukul" || us[j].lower == "jam" || us[j].lower == "pkl")
	if lead {
		j++
	}
	if !isNum(us, j) {
		return Entity{}, 0
	}
	s := us[j].text
	h, m := 0, 0
	var ok bool
	if k := strings.IndexAny(s, ".:"); k >= 0 {
		var ok2 bool
		h, ok = smallInt(s[:k], 2)
		m, ok2 = smallInt(s[k+1:], 2)
		ok = ok && ok2 && len(s[k+1:]) == 2
	} else {
		h, ok = smallInt(s, 2)
		ok = ok && lead
	}
	if !ok || h > 24 || m > 59 {
		return Entity{}, 0
	}
	j++
	zone := ""
	if isWord(us, j) {
		if z, found := lookup(&us[j], rZone, timeZones); found {
			zone = z
			j++
		} else {
			switch us[j].lower {
			case "pagi", "subuh":
				j++
			case "siang":
				if h < 11 {
					h += 12
				}
				j++
			case "sore", "petang":
				if h < 12 {
					h += 12
				}
				j++
			case "malam":
				if h >= 6 && h < 12 {
					h += 12
				}
				j++
			}
			if isWord(us, j) {
				if z, found := lookup(&us[j], rZone, timeZones); found {
					zone = z
					j++
				}
			}
		}
	}
	if !lead && zone == "" {
		return Entity{}, 0
	}
	v := appendDigits(append(appendDigits(make([]byte, 0, 5+len(zone)), h%24, 2), ':'), m, 2)
	return Entity{Label: TIME, Value: string(append(v, zone...))}, j - i
}

// scales are the Indonesian words for powers of ten.
var scales = map[string]float64{
	"ribu": 1e3, "rb": 1e3, "juta": 1e6, "jt": 1e6, "miliar": 1e9, "milyar": 1e9,
	"triliun": 1e12, "trilyun": 1e12, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// currencyBefore are written before an amount, currencyAfter after it.
var (
	currencyBefore = map[string]string{
		"rp": "IDR", "idr": "IDR", "usd": "USD", "us": "USD", "$": "USD", "€": "EUR",
		"eur": "EUR", "£": "GBP", "¥": "JPY", "sgd": "SGD", "s": "SGD", "rm": "MYR",
		"myr": "MYR", "aud": "AUD", "a": "AUD", "jpy": "JPY", "cny": "CNY", "rmb": "CNY",
	}
	currencyAfter = map[string]string{
		"rupiah": "IDR", "dolar": "USD", "dollar": "USD", "usd": "USD", "euro": "EUR",
		"yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "ringgit": "MYR", "won": "KRW",
		"pound": "GBP", "poundsterling": "GBP", "riyal": "SAR", "real": "BRL", "rupee": "INR",
		"rupe": "INR", "idr": "IDR", "baht": "THB", "peso": "PHP", "dirham": "AED",
	}
	dollarOf = map[string]string{
		"as": "USD", "amerika": "USD", "singapura": "SGD", "australia": "AUD",
		"hongkong": "HKD", "kanada": "CAD", "taiwan": "TWD", "selandia": "NZD",
	}
	units = map[string]string{
		"km": "km", "kilometer": "km", "m": "m", "meter": "m", "cm": "cm", "sentimeter": "cm",
		"mm": "mm", "milimeter": "mm", "kg": "kg", "kilogram": "kg", "gram": "g", "gr": "g",
		"ton": "t", "liter": "l", "hektare": "ha", "hektar": "ha", "ha": "ha", "mw": "MW",
		"kw": "kW", "kwh": "kWh", "gw": "GW", "gb": "GB", "mb": "MB", "tb": "TB",
		"derajat": "°", "mil": "mi", "barel": "bbl", "knot": "kn", "megawatt": "MW",
		"sr": "SR", "mph": "mph",
	}
)

// numberWords are the Indonesian number words and their values.
var numberWords = map[string]float64{
	"nol": 0, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6,
	"tujuh": 7, "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11,
	"seratus": 100, "seribu": 1000, "sejuta": 1e6, "semiliar": 1e9, "setengah": 0.5,
	"sepertiga": 1.0 / 3, "seperempat": 0.25,
}

// parseNumber reads a written number: 1.500.000 (dots group thousands), 1,5 (comma
// marks decimals), 1.5 and 2,000,000 (English style, when unambiguous).
func parseNumber(s string) (float64, bool) {
	// s is a number unit: digits with inner . , / : - (the last three are no
	// amount).
	if s == "" || strings.ContainsAny(s, "/:-") {
		return 0, false
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	whole, _, _ := strings.Cut(s, ",")
	var buf [32]byte
	num := s
	switch {
	case dots == 0 && commas == 0:
	case dots > 0 && commas <= 1 && dotGroups(whole) && (dots > 1 || commas == 1 || dotGroups(s)):
		// 1.500.000 or 1.500.000,5 or 1.500
		num = string(rewriteNumber(buf[:0], s, true, false))
	case commas > 1 && dots <= 1:
		num = string(rewriteNumber(buf[:0], s, false, true)) // 2,000,000
	case commas == 1 && dots == 0:
		num = string(rewriteNumber(buf[:0], s, false, false)) // 1,5
	case dots == 1 && commas == 0:
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// dotGroups reports whether the dots in x group digits by three.
func dotGroups(x string) bool {
	_, rest, found := strings.Cut(x, ".")
	for found {
		var p string
		p, rest, found = strings.Cut(rest, ".")
		if len(p) != 3 {
			return false
		}
	}
	return true
}

// rewriteNumber appends s to dst without its dots if dropDots, without its
// commas if dropCommas, else with its commas written as decimal points.
func rewriteNumber(dst []byte, s string, dropDots, dropCommas bool) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '.' && dropDots, c == ',' && dropCommas:
		case c == ',':
			dst = append(dst, '.')
		default:
			dst = append(dst, c)
		}
	}
	return dst
}

// wordNumber parses a run of number words at us[i:] (dua puluh lima, seratus dua
// belas) and returns its value and length in units.
func wordNumber(us []unit, i int) (float64, int) {
	var total, group, digit float64
	j := i
	for ; isWord(us, j); j++ {
		w := us[j].lower
		if v, ok := lookup(&us[j], rNumber, numberWords); ok {
			switch {
			case v >= 1000: // seribu, sejuta
				total += max(group+digit, 1) * v
				group, digit = 0, 0
			case v >= 10: // sepuluh, sebelas, seratus
				group += v
			default:
				digit += v
			}
			continue
		}
		if j == i || digit == 0 {
			break
		}
		switch w {
		case "belas":
			group += digit + 10
		case "puluh":
			group += digit * 10
		case "ratus":
			group += digit * 100
		default:
			return total + group + digit, j - i
		}
		digit = 0
	}
	return total + group + digit, j - i
}

// matchAmount matches MONEY (Rp1,5 triliun, US$ 5 juta, 5 juta dolar AS), PERCENT
// (5,2 persen, 5,2%) and QUANTITY (200 juta, satu miliar, 12 km).
func matchAmount(us []unit, i int) (Entity, int) {
	j := i
	currency := ""
	// A currency before the amount: Rp, Rp., US$, $, S$, €.
	if isWord(us, j) || j < len(us) && us[j].kind == uSym && isCurrencySymbol(us[j].text) {
		if c, ok := lookup(&us[j], rCurBefore, currencyBefore); ok {
			k := j + 1
			switch us[j].lower {
			case "us", "s", "a":
				if !isSym(us, k, "$") || us[j].spaceAfter {
					c = ""
				}
				k++
			}
			if c != "" {
				if isSym(us, k, ".") && us[j].lower == "rp" {
					k++
				}
				if isNum(us, k) || (isWord(us, k) && us[k].has(rNumber) && numberWords[us[k].lower] != 0) {
					currency, j = c, k
				}
			}
		}
	}
	var amount float64
	switch {
	case isNum(us, j):
		v, ok := parseNumber(us[j].text)
		if !ok {
			return Entity{}, 0
		}
		amount = v
		j++
	case isWord(us, j):
		v, n := wordNumber(us, j)
		if n == 0 {
			return Entity{}, 0
		}
		amount = v
		j += n
	default:
		return Entity{}, 0
	}
	scaled := false
	for isWord(us, j) {
		s, ok := lookup(&us[j], rScale, scales)
		if !ok {
			break
		}
		amount *= s
		scaled = true
		j++
	}
	if currency == "" && isWord(us, j) {
		w := us[j].lower
		if c, ok := lookup(&us[j], rCurAfter, currencyAfter); ok {
			currency = c
			j++
			if (w == "dolar" || w == "dollar") && isWord(us, j) {
				if c, ok := lookup(&us[j], rDollarOf, dollarOf); ok {
					currency = c
					j++
					if us[j-1].lower == "amerika" && isWord(us, j) && us[j].lower == "serikat" {
						j++
					}
				}
			}
		}
	}
	if currency != "" {
		return Entity{Label: MONEY, Value: currency, Number: amount}, j - i
	}
	if isSym(us, j, "%") {
		return Entity{Label: PERCENT, Number: amount}, j + 1 - i
	}
	if isWord(us, j) && (us[j].lower == "persen" || us[j].lower == "percent") {
		return Entity{Label: PERCENT, Number: amount}, j + 1 - i
	}
	if isWord(us, j) && us[j].lower == "per" && isWord(us, j+1) && us[j+1].lower == "sen" {
		return Entity{Label: PERCENT, Number: amount}, j + 2 - i
	}
	if isWord(us, j) {
		if u, ok := lookup(&us[j], rUnit, units); ok && us[j].text != "M" {
			return Entity{Label: QUANTITY, Value: u, Number: amount}, j + 1 - i
		}
	}
	if scaled {
		return Entity{Label: QUANTITY, Number: amount}, j - i
	}
	return Entity{}, 0
}
