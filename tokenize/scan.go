package tokenize

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah/internal/swar"
)

// abbreviation classes, which decide whether a period-final abbreviation may end a
// sentence.
const (
	abbrNone    uint8 = iota
	abbrTitle         // Dr. Jl. No.: stands before what it names, never ends a sentence
	abbrPost          // Tbk. Ltd. S.H. B.: ends a sentence only before a sentence starter
	abbrFinal         // dll. dsb.: ends a sentence before a capitalised word
	abbrInitial       // B. (a one-letter initial), treated as abbrPost
)

// roles of punctuation in sentence splitting.
const (
	roleNone  uint8 = iota
	roleTerm        // . ? ! … ...
	roleOpen        // ( [ “ and opening quotes
	roleClose       // ) ] ” and closing quotes
	roleInner       // , ; : which continue a sentence
)

// raw is a token as scanned, before clitics are split off, with what sentence
// splitting needs to know about it.
type raw struct {
	Token
	abbr uint8
	role uint8
}

// IsSpace reports whether r separates tokens: the Unicode white space of
// [unicode.IsSpace] plus the zero-width space U+200B and the byte-order mark U+FEFF.
// Every other rune of the input belongs to some token.
func IsSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&cSpace != 0
	}
	return r == 0x200B || r == 0xFEFF || unicode.IsSpace(r)
}

const (
	cLower uint8 = 1 << iota
	cUpper
	cDigit
	cSpace
)

var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	for _, c := range " \t\n\v\f\r" {
		t[c] = cSpace
	}
	return t
}()

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool { return c < utf8.RuneSelf && asciiClass[c]&(cLower|cUpper|cDigit) != 0 }

// lowerASCII appends s to dst with its ASCII letters in lower case. Callers pass a
// stack buffer and compare string(result), which the compiler does without
// allocating, so looking up a word in any case costs no allocation. When s does not
// fit in dst's spare capacity it returns nil (longer than any word looked up).
func lowerASCII(dst []byte, s string) []byte {
	if len(s) > cap(dst)-len(dst) {
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
func isLowerASCII(c byte) bool { return 'a' <= c && c <= 'z' }
func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }

// isWordRune reports whether r can be part of a word: letters, digits and other
// numbers (², ½), and combining marks.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r]&(cLower|cUpper|cDigit) != 0
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// spaceAt returns the width of the space rune at text[i], or 0.
func spaceAt(text string, i int) int {
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiClass[c]&cSpace != 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r != utf8.RuneError && IsSpace(r) {
		return n
	}
	return 0
}

// wordAt returns the width of the word rune at text[i], or 0.
func wordAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiClass[c]&(cLower|cUpper|cDigit) != 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if isWordRune(r) {
		return n
	}
	return 0
}

// seg is one run of word characters inside a token, such as "anak" in "anak-anak".
type seg struct {
	start, end    int
	letters       int
	digits        int // ASCII digits
	upper, lower  int
	firstUpper    bool // the first letter is upper case
	apostrophe    bool // an apostrophe inside: Jum'at
	otherNumerals int  // numbers other than ASCII digits: ², ½
}

// scanSeg scans the run of word characters at text[i]. An apostrophe between two
// letters (Ka'ban, Lloyd's, Jum’at) stays inside the run. "Rp" directly before a
// digit ends a run of its own (Rp1,5 is Rp + 1,5).
func scanSeg(text string, i int) seg {
	s := seg{start: i}
	lastLetter := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			switch {
			case k&cLower != 0:
				s.letters++
				s.lower++
				lastLetter = true
			case k&cUpper != 0:
				if s.letters == 0 && s.digits == 0 {
					s.firstUpper = true
				}
				s.letters++
				s.upper++
				lastLetter = true
			case k&cDigit != 0:
				if i-s.start == 2 && s.letters == 2 && isRupiah(text[s.start:i]) {
					s.end = i
					return s
				}
				s.digits++
				lastLetter = false
			case (c == '\'') && lastLetter && letterAt(text, i+1) > 0:
				s.apostrophe = true
				lastLetter = false
			default:
				s.end = i
				return s
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '’' && lastLetter && letterAt(text, i+n) > 0:
			s.apostrophe = true
			lastLetter = false
		case (r == 0xAD || r == 0x200C || r == 0x200D) && lastLetter && letterAt(text, i+n) > 0:
			// A soft hyphen (&shy; in web pages) or a zero-width (non-)joiner
			// between two letters is part of the word: peng\u00ADguna.
			lastLetter = false
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) || unicode.IsTitle(r) {
				if s.letters == 0 && s.digits == 0 {
					s.firstUpper = true
				}
				s.upper++
			} else if unicode.IsLower(r) {
				s.lower++
			}
			s.letters++
			lastLetter = true
		case unicode.IsMark(r):
		case unicode.IsNumber(r) && r != utf8.RuneError:
			s.otherNumerals++
			lastLetter = false
		default:
			s.end = i
			return s
		}
		i += n
	}
	s.end = i
	return s
}

func isRupiah(s string) bool { return s == "Rp" || s == "RP" || s == "rp" }

// letterAt returns the width of the letter at text[i], or 0.
func letterAt(text string, i int) int {
	if i >= len(text) {
		return 0
	}
	c := text[i]
	if c < utf8.RuneSelf {
		if asciiClass[c]&(cLower|cUpper) != 0 {
			return 1
		}
		return 0
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if unicode.IsLetter(r) {
		return n
	}
	return 0
}

// scanRaw scans the token that starts at text[i], which is not a space.
func scanRaw(text string, i int, t *raw, la *lookahead) {
	c := text[i]
	if c < utf8.RuneSelf {
		k := asciiClass[c]
		if k&(cLower|cUpper) != 0 {
			if fastWord(text, i, &t.Token) {
				t.abbr, t.role = abbrNone, roleNone
				return
			}
			*t = scanWordLike(text, i, la)
			return
		}
		if k&cDigit != 0 {
			*t = scanWordLike(text, i, la)
			return
		}
		*t = scanOther(text, i, la)
		return
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); r != utf8.RuneError && isWordRune(r) {
		*t = scanWordLike(text, i, la)
		return
	}
	*t = scanOther(text, i, la)
	return
}

// fastWord scans the common case quickly: an ASCII word of letters followed by a
// space or by punctuation that cannot continue it, a token of neither role nor
// abbreviation. It reports false for anything else, which scanWordLike then
// handles, and writes t only when it takes the word.
func fastWord(text string, i int, t *Token) bool {
	first := asciiClass[text[i]]
	// The letters after the first, eight bytes at a time: which of them are
	// in upper case (bit 0x20 clear) and which in lower case (set), or'ed.
	var upper, lower uint64
	j := i + 1
	for j+8 <= len(text) {
		x := swar.Load64(text, j)
		if stop := swar.NonLetters(x); stop != 0 {
			k := bits.TrailingZeros64(stop) / 8
			m := uint64(1)<<(8*k) - 1
			upper |= ^x & m
			lower |= x & m
			j += k
			goto end
		}
		upper |= ^x
		lower |= x
		j += 8
	}
	// The last seven bytes, one at a time.
	for j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf || asciiClass[c]&(cLower|cUpper) == 0 {
			break
		}
		upper |= uint64(^c & 0x20)
		lower |= uint64(c & 0x20)
		j++
	}
end:
	innerUpper, restLower := upper&0x2020202020202020 != 0, lower&0x2020202020202020 != 0
	// Most words end at a space or a comma, which needs no more test than
	// this one.
	if j < len(text) && wordEnd[text[j]] != weEnd {
		switch wordEnd[text[j]] {
		case weStop:
			return false
		case wePeriod:
			// A period that is not followed by a word character cannot join a
			// domain, a dotted abbreviation or a number: unless the word is a listed
			// abbreviation or an initial, the word ends here (mostly: a sentence does).
			if j+1 < len(text) {
				switch c2 := text[j+1]; c2 {
				case '@', '_', '%', '+', '-':
					return false
				default:
					if wordAt(text, j+1) > 0 {
						return false
					}
				}
			}
			if j-i == 1 && first&cUpper != 0 || lex().abbrClass(text[i:j]) != abbrNone || isVowelless(text[i:j]) {
				return false
			}
		case weColon:
			if j+1 < len(text) && text[j+1] == '/' {
				return false
			}
		}
	}
	w := text[i:j]
	// Every field of the token written in place, not a literal built on the
	// stack and copied (whose wide loads would wait for the narrow stores).
	t.Text, t.Start, t.End = w, i, j
	t.Kind, t.Case, t.Flags, t.Pro, t.Enc = Word, wordCases[b2u(first&cLower != 0)<<2|b2u(innerUpper)<<1|b2u(restLower)], 0, 0, 0
	if j >= 3 {
		// Only words of five letters or more that end like a clitic need the
		// full check, in any case. The last three bytes before j are read
		// for every word (those of a shorter word may not all be its own:
		// its length rules it out), and the endings and the length tested
		// without a branch each.
		e := uint32(text[j-3]) | uint32(text[j-2])<<8 | uint32(text[j-1])<<16 | 0x202020
		if b2u(len(w) >= 5)&cliticEnd(e) != 0 {
			t.Enc = encJoined(w, 0, false)
		}
	}
	return true
}

// cliticEnd is 1 when e, the last three bytes of an ASCII word as a
// little-endian number, or'ed with 0x202020 (folded to lower case), ends
// like an enclitic: -nya, -lah, -kah, -pun, -ku, -mu; 0 otherwise. It finds
// e among the endings of three bytes and e>>8 among those of two without a
// branch.
func cliticEnd(e uint32) uint8 {
	e2 := e >> 8
	return b2u(cliticEnds[0][cliticSlot(e)] == e) | b2u(cliticEnds[1][cliticSlot(e2)] == e2)
}

// cliticEnds holds the enclitics' endings that cliticEnd looks for, as
// little-endian numbers of their bytes in lower case: those of three bytes
// (nya, lah, kah, pun) and of two (ku, mu), each at its cliticSlot. An empty
// slot, 0, is no ending (cliticEnd's have a bit 0x20 in every byte).
var cliticEnds = func() (t [2][8]uint32) {
	for _, c := range []string{"nya", "lah", "kah", "pun", "ku", "mu"} {
		var e uint32
		for k := len(c) - 1; k >= 0; k-- {
			e = e<<8 | uint32(c[k])
		}
		n := 3 - len(c)
		if t[n][cliticSlot(e)] != 0 {
			panic("tokenize: two enclitic endings share a slot of cliticEnds")
		}
		t[n][cliticSlot(e)] = e
	}
	return t
}()

// cliticSlot is the slot of the ending e in cliticEnds.
func cliticSlot(e uint32) uint32 { return e * 0x9E3779B1 >> 29 }

// b2u is 1 for true, 0 for false.
func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

// wordCases is the Case of a word of ASCII letters by whether its first letter
// is in lower case (4), whether a later one is in upper case (2) and whether
// one is in lower case (1).
var wordCases = [8]Case{
	0b000: Capitalised, 0b001: Capitalised, 0b010: Upper, 0b011: Mixed,
	0b100: Lower, 0b101: Lower, 0b110: Mixed, 0b111: Mixed,
}

// What the byte after a run of ASCII letters means to fastWord.
const (
	weEnd    uint8 = iota // the word ends before it
	weStop                // it may continue the word: scanWordLike decides
	wePeriod              // a period
	weColon               // a colon: a URL's scheme before "/"
)

// wordEnd classes the byte after a run of ASCII letters for fastWord: digits,
// the connectors of compounds, URLs and e-mail addresses, and every byte of a
// multi-byte rune stop it.
var wordEnd = func() (t [256]uint8) {
	for c := '0'; c <= '9'; c++ {
		t[c] = weStop
	}
	for _, c := range "-'/_&@+%" {
		t[c] = weStop
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = weStop
	}
	t['.'], t[':'] = wePeriod, weColon
	return t
}()

// mk makes a raw token of text[start:end].
func mk(text string, start, end int, kind Kind) raw {
	return raw{Token: Token{Text: text[start:end], Start: start, End: end, Kind: kind}}
}

// scanWordLike scans a token that starts with a word character: a word, number,
// abbreviation, URL, domain or e-mail address.
func scanWordLike(text string, start int, la *lookahead) raw {
	s := scanSeg(text, start)
	end := s.end
	if end < len(text) {
		switch text[end] {
		case ':':
			if s.digits == 0 && isScheme(text[start:end]) && strings.HasPrefix(text[end:], "://") {
				return mk(text, start, urlEnd(text, end+3), URL)
			}
		case '.', '-':
			if e := domainEnd(text, start, la); e > 0 {
				return mk(text, start, e, URL)
			}
			if text[end] == '.' && s.digits == 0 && s.otherNumerals == 0 && !s.apostrophe {
				if t, ok := scanAbbreviation(text, s, la); ok {
					return t
				}
			}
		}
		if e := emailEnd(text, start, la); e > 0 {
			return mk(text, start, e, Email)
		}
	}
	return scanCompound(text, s)
}

// clitics that may follow a hyphen: kepada-Nya, hamba-Ku, APBD-nya.
func isHyphenClitic(s string) bool {
	var buf [8]byte
	switch string(lowerASCII(buf[:0], s)) {
	case "nya", "ku", "mu", "lah", "kah", "pun":
		return true
	}
	return false
}

// scanCompound scans a word or number made of runs of word characters joined by
// connectors: hyphens (anak-anak, Covid-19, ke-2), periods, commas and colons
// between digits (1.000.000, 1,5, 10.30), slashes in dates and codes (24/3/2018,
// 34/PMK.011/2007), underscores, and the rupiah suffix ",-" (200.000,-).
func scanCompound(text string, first seg) raw {
	t := raw{}
	t.Start = first.start
	end := first.end
	last := first
	letters, digits := first.letters, first.digits+first.otherNumerals
	hyphens := 0
	redup := false
	ordinal := false
	digitRange := false // a digit-digit hyphen was joined as part of a date or code
	lastSegStart := first.start
	// join takes the segment after a connector into the token.
	join := func(next seg) {
		letters += next.letters
		digits += next.digits + next.otherNumerals
		last = next
		lastSegStart = next.start
		end = next.end
	}
loop:
	for end+1 < len(text) {
		c := text[end]
		switch c {
		case '-':
			n := wordAt(text, end+1)
			if n == 0 {
				break loop
			}
			next := scanSeg(text, end+1)
			if next.end == end+1 {
				break loop
			}
			switch {
			case last.letters == 0 && next.letters == 0 && last.digits > 0 && next.digits > 0:
				// 5-10 is a range of two numbers; 2018-03-24 and 0812-3456-7890 are one.
				if !digitRange {
					if next.end+1 < len(text) && text[next.end] == '-' && isDigit(text[next.end+1]) {
						digitRange = true
					} else {
						break loop
					}
				}
			case next.letters > 0 && next.digits == 0 && isHyphenClitic(text[next.start:next.end]) && letters > 0:
				// kepada-Nya: the clitic stays in the word.
			case last.letters > 0 && next.letters > 0 && last.digits == 0 && next.digits == 0:
				a, b := text[last.start:last.end], text[next.start:next.end]
				r := isReduplication(a, b, last.lower > 0 && next.lower > 0 && last.upper == 0 && next.upper == 0)
				if !r && last.firstUpper && next.firstUpper && last.letters >= 2 && next.letters >= 2 && !isArabicArticle(a) {
					break loop // Bapepam-LK, Januari-September, Jakarta-Bandung
				}
				if r {
					redup = true
				}
			default:
				if last.start == first.start && hyphens == 0 && next.letters == 0 && strings.EqualFold(text[first.start:first.end], "ke") {
					ordinal = true // ke-2
				}
			}
			if last.start == first.start && hyphens == 0 && strings.EqualFold(text[first.start:first.end], "ke") && isRoman(text[next.start:next.end]) {
				ordinal = true // abad ke-XXI
			}
			hyphens++
			join(next)
		case '.', ',', ':':
			if c == ',' && text[end+1] == '-' && last.digits > 0 && last.letters == 0 && wordAt(text, end+2) == 0 && (end+2 >= len(text) || text[end+2] != '-') {
				end += 2 // Rp 200.000,-
				break loop
			}
			if last.digits == 0 || !isDigit(text[end+1]) || last.end > last.start && !isDigit(text[last.end-1]) {
				if !(c == '.' && strings.ContainsRune(text[t.Start:end], '/') && wordAt(text, end+1) > 0) {
					break loop
				}
			}
			next := scanSeg(text, end+1)
			join(next)
		case '/':
			if wordAt(text, end+1) == 0 {
				break loop
			}
			next := scanSeg(text, end+1)
			if next.end == end+1 {
				break loop
			}
			if !(digits > 0 || next.digits > 0 || last.letters == 1 && next.letters == 1 && last.digits == 0 && next.digits == 0 && next.end-next.start == 1) {
				break loop // dan/atau, km/jam
			}
			if letters == 0 && strings.ContainsAny(text[t.Start:end], ".,") {
				break loop // amounts: Rp9.100/9.105 is two of them; dates have no separators
			}
			join(next)
		case '_':
			if wordAt(text, end+1) == 0 {
				break loop
			}
			next := scanSeg(text, end+1)
			join(next)
		case '&':
			// AT&T, P&G, R&D
			if !(last.upper == last.end-last.start && last.upper <= 3 && isUpperASCII(text[end+1])) {
				break loop
			}
			next := scanSeg(text, end+1)
			if next.upper != next.end-next.start || next.upper > 3 {
				break loop
			}
			letters += next.letters
			last = next
			lastSegStart = next.start
			end = next.end
		default:
			break loop
		}
	}
	if hyphens == 0 && end < len(text) && (text[end] == '+' || text[end] == '-') && isRating(text[t.Start:end]) &&
		(end+1 == len(text) || wordAt(text, end+1) == 0 && text[end+1] != '+' && text[end+1] != '-') {
		end++ // a credit rating: BB+, idA-
	}
	t.End = end
	t.Text = text[t.Start:end]
	if letters == 0 {
		t.Kind = Number
	} else {
		t.Kind = Word
		t.Case = caseOf(t.Text)
	}
	if hyphens > 0 && letters > 0 {
		t.Flags |= Hyphenated
	}
	if redup {
		t.Flags |= Reduplicated
	}
	if ordinal {
		t.Flags |= Ordinal
	}
	if t.Kind == Word {
		t.Pro, t.Enc = clitics(t.Text, lastSegStart-t.Start, redup)
	}
	return t
}

// isRating reports whether w is a credit rating without its sign: AAA to D,
// with Pefindo's national prefix id (idAA).
func isRating(w string) bool {
	if len(w) > 2 && w[0] == 'i' && w[1] == 'd' {
		w = w[2:]
	}
	switch w {
	case "AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C":
		return true
	}
	return false
}

// isArabicArticle reports whether a is the Arabic article of names such as Al-Azhar.
func isArabicArticle(a string) bool {
	return a == "Al" || a == "El" || a == "AL" || a == "EL" || a == "Ad" || a == "Ar" || a == "As" || a == "At" || a == "An" || a == "Az"
}

// isReduplication reports whether a-b is a reduplication: full (anak-anak,
// kupu-kupu), with an affix (sehari-hari, berlari-lari, anak-anakan, tolong-menolong,
// sebesar-besarnya) or, for lowercase words, imitative with a changed sound
// (sayur-mayur, bolak-balik, gerak-gerik).
func isReduplication(a, b string, lower bool) bool {
	if len(a) < 1 || len(b) < 1 {
		return false
	}
	if strings.EqualFold(a, b) {
		return true
	}
	la, lb := len(a), len(b)
	// sehari-hari, berlari-lari, kebarat-baratan: the second repeats the end of the first.
	if lb >= 3 && la > lb && strings.EqualFold(a[la-lb:], b) {
		return true
	}
	// anak-anakan, buku-bukunya, sebesar-besarnya: the second starts with the
	// first, less a prefix of up to four letters.
	for k := 0; k <= 4 && k < la; k++ {
		if la-k >= 3 && lb >= la-k && strings.EqualFold(b[:la-k], a[k:]) {
			return true
		}
	}
	// tolong-menolong, pukul-memukul: the second ends with the first less its first
	// sound (the nasal prefix replaced it).
	if la >= 4 && lb > la && strings.EqualFold(b[lb-(la-1):], a[1:]) {
		return true
	}
	if lower && la == lb && la >= 3 {
		diff := 0
		for i := 0; i < la; i++ {
			if a[i] != b[i] {
				diff++
			}
		}
		return diff <= 2
	}
	return false
}

// caseOf returns the capitalisation of a word.
func caseOf(w string) Case {
	upper, lower := 0, 0
	first := true    // at the first letter of the word
	segFirst := true // at the first letter of a hyphen-separated part
	capitalised := true
	for i := 0; i < len(w); {
		c := w[i]
		var isU, isL bool
		n := 1
		if c < utf8.RuneSelf {
			k := asciiClass[c]
			isU, isL = k&cUpper != 0, k&cLower != 0
			if c == '-' || c == '/' || c == '.' {
				segFirst = true
				i++
				continue
			}
		} else {
			var r rune
			r, n = utf8.DecodeRuneInString(w[i:])
			isU = unicode.IsUpper(r) || unicode.IsTitle(r)
			isL = unicode.IsLower(r)
		}
		i += n
		if !isU && !isL {
			continue
		}
		if isU {
			upper++
			if !first && !segFirst {
				capitalised = false
			}
		} else {
			lower++
			if first {
				capitalised = false
			}
		}
		first, segFirst = false, false
	}
	switch {
	case upper == 0 && lower == 0:
		return NoCase
	case upper == 0:
		return Lower
	case lower == 0 && upper == 1:
		return Capitalised
	case lower == 0:
		return Upper
	case capitalised:
		return Capitalised
	}
	return Mixed
}
