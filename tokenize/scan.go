package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
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

func isDigit(c byte) bool      { return '0' <= c && c <= '9' }
func isAlnum(c byte) bool      { return c < utf8.RuneSelf && asciiClass[c]&(cLower|cUpper|cDigit) != 0 }
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
func scanRaw(text string, i int, t *raw) {
	c := text[i]
	if c < utf8.RuneSelf {
		k := asciiClass[c]
		if k&(cLower|cUpper) != 0 {
			if fastWord(text, i, t) {
				return
			}
			*t = scanWordLike(text, i)
			return
		}
		if k&cDigit != 0 {
			*t = scanWordLike(text, i)
			return
		}
		*t = scanOther(text, i)
		return
	}
	if r, _ := utf8.DecodeRuneInString(text[i:]); r != utf8.RuneError && isWordRune(r) {
		*t = scanWordLike(text, i)
		return
	}
	*t = scanOther(text, i)
	return
}

// fastWord scans the common case quickly: an ASCII word of letters followed by a
// space or by punctuation that cannot continue it. It reports false for anything
// else, which scanWordLike then handles.
func fastWord(text string, i int, t *raw) bool {
	first := asciiClass[text[i]]
	lower, innerUpper := first&cLower != 0, false
	j := i + 1
	for j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf || asciiClass[c]&(cLower|cUpper) == 0 {
			break
		}
		k := asciiClass[c]
		if k&cLower != 0 {
			lower = true
		} else {
			innerUpper = true
		}
		j++
	}
	if j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf || asciiClass[c]&cDigit != 0 {
			return false
		}
		switch c {
		case '.':
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
			if j-i == 1 && first&cUpper != 0 || lex().abbr[text[i:j]] != abbrNone || isVowelless(text[i:j]) {
				return false
			}
		case '-', '\'', '/', '_', '&', '@', '+', '%':
			return false
		case ':':
			if j+1 < len(text) && text[j+1] == '/' {
				return false
			}
		}
	}
	w := text[i:j]
	*t = raw{Token: Token{Text: w, Start: i, End: j, Kind: Word}}
	switch {
	case first&cLower != 0 && !innerUpper:
		t.Case = Lower
	case first&cLower != 0:
		t.Case = Mixed
	case !innerUpper:
		t.Case = Capitalised
	case !lower:
		t.Case = Upper
	default:
		t.Case = Mixed
	}
	if n := len(w); n >= 5 {
		// Only words that end like a clitic need the full check.
		c1, c2, c3 := w[n-1]|0x20, w[n-2]|0x20, w[n-3]|0x20
		if c1 == 'a' && c2 == 'y' && c3 == 'n' || c1 == 'h' && c2 == 'a' && (c3 == 'l' || c3 == 'k') ||
			c1 == 'n' && c2 == 'u' && c3 == 'p' || c1 == 'u' && (c2 == 'k' || c2 == 'm') {
			t.Enc = encJoined(w, 0, false)
		}
	}
	return true
}

// mk makes a raw token of text[start:end].
func mk(text string, start, end int, kind Kind) raw {
	return raw{Token: Token{Text: text[start:end], Start: start, End: end, Kind: kind}}
}

// scanWordLike scans a token that starts with a word character: a word, number,
// abbreviation, URL, domain or e-mail address.
func scanWordLike(text string, start int) raw {
	s := scanSeg(text, start)
	end := s.end
	if end < len(text) {
		switch text[end] {
		case ':':
			if s.digits == 0 && isScheme(text[start:end]) && strings.HasPrefix(text[end:], "://") {
				return mk(text, start, urlEnd(text, end+3), URL)
			}
		case '.', '-':
			if e := domainEnd(text, start); e > 0 {
				return mk(text, start, e, URL)
			}
			if text[end] == '.' && s.digits == 0 && s.otherNumerals == 0 && !s.apostrophe {
				if t, ok := scanAbbreviation(text, s); ok {
					return t
				}
			}
		}
		if e := emailEnd(text, start); e > 0 {
			return mk(text, start, e, Email)
		}
	}
	return scanCompound(text, s)
}

func isScheme(s string) bool {
	switch strings.ToLower(s) {
	case "http", "https", "ftp", "ftps", "sftp", "mailto", "file", "ws", "wss":
		return true
	}
	return false
}

// urlEnd returns where a URL whose scheme or host starts before i ends: at the next
// space, less trailing punctuation that belongs to the sentence (a closing bracket
// stays when the URL opened one).
func urlEnd(text string, i int) int {
	e := i
	for e < len(text) {
		if sp := spaceAt(text, e); sp > 0 {
			break
		}
		c := text[e]
		if c == '"' || c == '<' || c == '>' {
			break
		}
		if c < utf8.RuneSelf {
			e++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[e:])
		if r == '“' || r == '”' || r == '‘' || r == '’' || r == '«' || r == '»' {
			break
		}
		e += n
	}
	for e > i {
		c := text[e-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'':
			e--
			continue
		case ')', ']', '}':
			open := byte('(')
			if c == ']' {
				open = '['
			} else if c == '}' {
				open = '{'
			}
			if strings.Count(text[i:e], string(open)) < strings.Count(text[i:e], string(c)) {
				e--
				continue
			}
		}
		break
	}
	return e
}

// tlds are the top-level (and Indonesian second-level) domains that make
// "kompas.com" or "KOMPAS.com" a domain rather than a sentence end.
var tlds = map[string]bool{
	"ac": true, "ai": true, "app": true, "asia": true, "au": true, "biz": true, "blog": true,
	"cn": true, "co": true, "com": true, "de": true, "desa": true, "dev": true, "edu": true,
	"eu": true, "fr": true, "go": true, "gov": true, "id": true, "in": true, "info": true,
	"int": true, "io": true, "jp": true, "kr": true, "me": true, "mil": true, "my": true,
	"mil.id": true, "net": true, "news": true, "nl": true, "online": true, "or": true,
	"org": true, "ponpes": true, "ru": true, "sch": true, "sg": true, "site": true,
	"store": true, "tech": true, "tv": true, "uk": true, "us": true, "web": true, "xyz": true,
}

// domainEnd returns the end of a domain name (kompas.com, www.bps.go.id/berita) that
// starts at text[start], or 0. The last label must be a known top-level domain.
func domainEnd(text string, start int) int {
	i := start
	labels := 0
	lastStart, lastEnd := 0, 0
	// A domain name has at most 253 bytes; looking no further keeps the scan of a
	// long hyphenated or dotted run linear.
	if len(text)-start > 253 {
		text = text[:start+253]
	}
	for {
		j := i
		for j < len(text) {
			c := text[j]
			if isAlnum(c) || (c == '-' && j > i) {
				j++
				continue
			}
			break
		}
		if j == i || text[j-1] == '-' {
			return 0
		}
		labels++
		lastStart, lastEnd = i, j
		if j < len(text) && text[j] == '.' && j+1 < len(text) && isAlnum(text[j+1]) {
			i = j + 1
			continue
		}
		i = j
		break
	}
	if labels < 2 || !tlds[strings.ToLower(text[lastStart:lastEnd])] {
		return 0
	}
	if wordAt(text, i) > 0 {
		return 0
	}
	// The first label of a domain such as KOMPAS.com may be capitalised, but a TLD
	// that is capitalised as a word (Indonesia.Id...) is not a domain.
	if t := text[lastStart:lastEnd]; asciiClass[t[0]]&cUpper != 0 && asciiClass[t[len(t)-1]]&cLower != 0 {
		return 0
	}
	if i < len(text) && (text[i] == '/' || text[i] == ':' && i+1 < len(text) && isDigit(text[i+1])) {
		return urlEnd(text, i)
	}
	return i
}

// emailEnd returns the end of an e-mail address that starts at text[start], or 0.
func emailEnd(text string, start int) int {
	if len(text)-start > 320 {
		text = text[:start+320] // the longest address: 64 + 1 + 255
	}
	i := start
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf && (asciiClass[c]&(cLower|cUpper|cDigit) != 0 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
			i++
			continue
		}
		break
	}
	if i == start || i >= len(text) || text[i] != '@' || text[i-1] == '.' {
		return 0
	}
	i++
	dot, lastDot := false, 0
	j := i
	for j < len(text) {
		c := text[j]
		if c < utf8.RuneSelf && asciiClass[c]&(cLower|cUpper|cDigit) != 0 || c == '-' {
			j++
			continue
		}
		if c == '.' && j > i && j+1 < len(text) && isAlnum(text[j+1]) {
			dot, lastDot = true, j
			j++
			continue
		}
		break
	}
	if !dot || j-lastDot < 3 {
		return 0
	}
	return j
}

// scanAbbreviation recognises an abbreviation with periods at s, which is a run of
// letters followed by a period: the dotted forms S.H., a.n., M.Si., Ph.D., the
// listed abbreviations (dll., Jl., Prof.) and one-letter initials (B.).
func scanAbbreviation(text string, s seg) (raw, bool) {
	// Dotted forms: two or more short letter runs, each followed by a period.
	parts, e, initials := 0, s.start, true
	for {
		p := scanSeg(text, e)
		if p.end == e || p.letters != p.end-p.start || p.letters > 4 || p.end >= len(text) || text[p.end] != '.' {
			break
		}
		parts++
		if parts > 8 {
			parts = 0 // not an abbreviation
			break
		}
		initials = initials && p.letters == 1 && p.upper == 1
		e = p.end + 1
		if e >= len(text) || letterAt(text, e) == 0 {
			break
		}
	}
	if parts >= 2 && wordAt(text, e) == 0 {
		t := mk(text, s.start, e, Abbreviation)
		t.Case = caseOf(t.Text)
		switch class := lex().abbr[text[s.start:e-1]]; {
		case class != abbrNone:
			t.abbr = class // p.m. is final, S.H. and M.Si. postnominal
		case isLowerASCII(text[s.start]):
			t.abbr = abbrTitle // a.n., a.l., u.p., s.d. stand before what they introduce
		case initials:
			t.abbr = abbrInitial // B.J. Habibie
			t.Flags |= Initial
		default:
			t.abbr = abbrPost
		}
		return t, true
	}
	w := text[s.start:s.end]
	class := lex().abbr[w]
	switch {
	case class != abbrNone:
	case s.letters == 1 && s.upper == 1 && wordAt(text, s.end+1) == 0:
		class = abbrInitial
	case isVowelless(w):
		class = abbrFinal // yg. dgn. tsb.: no Indonesian word lacks a vowel
	default:
		return raw{}, false
	}
	t := mk(text, s.start, s.end+1, Abbreviation)
	t.Case = caseOf(w)
	t.abbr = class
	if class == abbrInitial {
		t.Flags |= Initial
	}
	return t, true
}

// clitics that may follow a hyphen: kepada-Nya, hamba-Ku, APBD-nya.
func isHyphenClitic(s string) bool {
	switch strings.ToLower(s) {
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
			letters += next.letters
			digits += next.digits + next.otherNumerals
			last = next
			lastSegStart = next.start
			end = next.end
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
			letters += next.letters
			digits += next.digits + next.otherNumerals
			last = next
			lastSegStart = next.start
			end = next.end
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
			letters += next.letters
			digits += next.digits + next.otherNumerals
			last = next
			lastSegStart = next.start
			end = next.end
		case '_':
			if wordAt(text, end+1) == 0 {
				break loop
			}
			next := scanSeg(text, end+1)
			letters += next.letters
			digits += next.digits + next.otherNumerals
			last = next
			lastSegStart = next.start
			end = next.end
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

// isRoman reports whether s is a Roman numeral in capitals (XXI, IV).
func isRoman(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case 'I', 'V', 'X', 'L', 'C', 'D', 'M':
		default:
			return false
		}
	}
	return len(s) > 0
}

// isVowelless reports whether w is a lowercase ASCII word of two to four letters
// without a vowel, such as the informal abbreviations yg, dgn, utk, tsb, and not a
// unit of measure (km, kg, mhz), which takes no period.
func isVowelless(w string) bool {
	if len(w) < 2 || len(w) > 4 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch c := w[i]; c {
		case 'a', 'e', 'i', 'o', 'u':
			return false
		default:
			if c < 'a' || c > 'z' {
				return false
			}
		}
	}
	switch w {
	case "km", "kg", "cm", "mm", "ml", "mg", "kw", "kwh", "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "px", "mph", "kph", "cc", "dl":
		return false
	}
	return true
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

// scanOther scans a token that does not start with a word character: punctuation,
// symbols, emoji and emoticons, @mentions and #hashtags, and bytes that are not
// text at all (invalid UTF-8, control characters).
func scanOther(text string, i int) raw {
	c := text[i]
	prevSpace := i == 0 || isSpaceBefore(text, i)
	if prevSpace {
		if e := emoticonEnd(text, i); e > 0 {
			return mk(text, i, e, Emoji)
		}
	}
	switch c {
	case '@':
		if e := nameEnd(text, i+1, true); e > i+1 {
			return mk(text, i, e, Mention)
		}
		return mk(text, i, i+1, Symbol)
	case '#':
		if e := nameEnd(text, i+1, false); e > i+1 {
			return mk(text, i, e, Hashtag)
		}
		return mk(text, i, i+1, Symbol)
	case '.':
		e := i + 1
		for e < len(text) && text[e] == '.' {
			e++
		}
		t := mk(text, i, e, Punct)
		t.role = roleTerm
		return t
	case '?', '!':
		t := mk(text, i, i+1, Punct)
		t.role = roleTerm
		return t
	case '-':
		e := i + 1
		for e < len(text) && text[e] == '-' {
			e++
		}
		return mk(text, i, e, Punct)
	case '`':
		e := i + 1
		for e < len(text) && text[e] == '`' {
			e++
		}
		t := mk(text, i, e, Punct)
		t.role = roleOpen
		return t
	case '\'', '"':
		e := i + 1
		if c == '\'' && e < len(text) && text[e] == '\'' {
			e++ // '' closes ``
		}
		t := mk(text, i, e, Punct)
		t.role = quoteRole(text, i, e)
		return t
	case ',', ';', ':':
		t := mk(text, i, i+1, Punct)
		t.role = roleInner
		return t
	case '(', '[', '{':
		t := mk(text, i, i+1, Punct)
		t.role = roleOpen
		return t
	case ')', ']', '}':
		t := mk(text, i, i+1, Punct)
		t.role = roleClose
		return t
	case '%', '$', '+', '=', '<', '>', '^', '|', '~', '&', '*':
		return mk(text, i, i+1, Symbol)
	}
	if c < utf8.RuneSelf {
		if c < 0x20 || c == 0x7f {
			return controlRun(text, i)
		}
		return mk(text, i, i+1, Punct) // / \ _ and the rest of ASCII punctuation
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	if r == utf8.RuneError && n <= 1 {
		return controlRun(text, i)
	}
	if e := emojiEnd(text, i); e > i {
		return mk(text, i, e, Emoji)
	}
	t := mk(text, i, i+n, Punct)
	switch {
	case r == '…' || r == '‼' || r == '⁇' || r == '⁈' || r == '⁉' || r == '。':
		t.role = roleTerm
	case r == '“' || r == '‘' || r == '«' || r == '„' || r == '‹' || r == '「' || r == '『' || r == '（':
		t.role = roleOpen
	case r == '”' || r == '’' || r == '»' || r == '›' || r == '」' || r == '』' || r == '）':
		t.role = roleClose
	case r == '°' || r == '§' || r == '‰' || r == '′' || r == '″' || unicode.IsSymbol(r):
		t.Kind = Symbol
	case unicode.IsPunct(r):
	case unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Co, unicode.Cs) || !unicode.IsPrint(r):
		return controlRun(text, i)
	default:
		t.Kind = Symbol
	}
	return t
}

// isSpaceBefore reports whether the rune before text[i] is a space or an opening
// bracket.
func isSpaceBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return IsSpace(r) || r == '(' || r == '[' || r == '{'
}

// quoteRole tells an opening straight quote from a closing one by what touches it:
// "Kami at the start of a word opens, berkata." at the end of one closes.
func quoteRole(text string, i, e int) uint8 {
	prevSpace := i == 0 || isSpaceBefore(text, i)
	nextSpace := e >= len(text) || spaceAt(text, e) > 0
	if prevSpace && !nextSpace {
		return roleOpen
	}
	return roleClose
}

// controlRun scans a run of bytes that are not text: invalid UTF-8, NUL and other
// control or unassigned characters. They form one Symbol token, so no byte is lost.
func controlRun(text string, i int) raw {
	e := i
	for e < len(text) {
		c := text[e]
		if c < utf8.RuneSelf {
			if (c < 0x20 || c == 0x7f) && asciiClass[c]&cSpace == 0 {
				e++
				continue
			}
			break
		}
		r, n := utf8.DecodeRuneInString(text[e:])
		if r == utf8.RuneError && n <= 1 || !IsSpace(r) && (unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Co, unicode.Cs) || !unicode.IsPrint(r) && !unicode.IsMark(r)) && emojiEnd(text, e) == e {
			e += n
			continue
		}
		break
	}
	if e == i {
		_, n := utf8.DecodeRuneInString(text[i:])
		e = i + n
	}
	return mk(text, i, e, Symbol)
}

// nameEnd returns the end of the name of an @mention or #hashtag starting at i:
// letters, digits and underscores (and, in mentions, inner periods).
func nameEnd(text string, i int, mention bool) int {
	e := i
	hasLetter := false
	for e < len(text) {
		if text[e] == '_' {
			e++
			continue
		}
		if mention && text[e] == '.' && wordAt(text, e+1) > 0 && e > i {
			e++
			continue
		}
		n := wordAt(text, e)
		if n == 0 {
			break
		}
		if letterAt(text, e) > 0 {
			hasLetter = true
		}
		e += n
	}
	if !hasLetter && !mention {
		return i
	}
	return e
}

// emoticons, longest first among those sharing a prefix.
var emoticons = []string{
	":-)", ":-(", ":-D", ":-P", ":-p", ":'(", ":')", ";-)", ":-*", ":-/", ":-O", ":-o",
	":)", ":(", ":D", ":P", ":p", ";)", ":v", ":V", ":3", ":/", ":O", ":o", ":*", "<3",
	"^_^", "^^", "-_-", "=)", ";(", ":|",
}

// emoticonEnd returns the end of an emoticon at text[i] that stands on its own.
func emoticonEnd(text string, i int) int {
	c := text[i]
	if c != ':' && c != ';' && c != '<' && c != '^' && c != '-' && c != '=' {
		return 0
	}
	for _, e := range emoticons {
		if strings.HasPrefix(text[i:], e) {
			j := i + len(e)
			if j < len(text) && wordAt(text, j) > 0 {
				return 0
			}
			if j < len(text) && spaceAt(text, j) == 0 && !strings.ContainsRune(".,!?)", rune(text[j])) {
				continue
			}
			return j
		}
	}
	return 0
}

// isEmojiBase reports whether r starts an emoji.
func isEmojiBase(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF, 0x2600 <= r && r <= 0x27BF, 0x2B00 <= r && r <= 0x2BFF,
		0x2300 <= r && r <= 0x23FF, r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299,
		r == 0x203C, r == 0x2049:
		return true
	}
	return false
}

// emojiEnd returns the end of the emoji sequence at text[i] (with skin tones,
// variation selectors, zero-width joiners, keycaps and flag pairs), or i.
func emojiEnd(text string, i int) int {
	r, n := utf8.DecodeRuneInString(text[i:])
	if !isEmojiBase(r) {
		return i
	}
	e := i + n
	flag := 0x1F1E6 <= r && r <= 0x1F1FF
	for e < len(text) {
		r, n = utf8.DecodeRuneInString(text[e:])
		switch {
		case r == 0xFE0F || r == 0xFE0E || r == 0x20E3 || 0x1F3FB <= r && r <= 0x1F3FF || 0xE0020 <= r && r <= 0xE007F:
			e += n
			continue
		case flag && 0x1F1E6 <= r && r <= 0x1F1FF:
			e += n
			flag = false
			continue
		case r == 0x200D:
			r2, n2 := utf8.DecodeRuneInString(text[e+n:])
			if isEmojiBase(r2) {
				e += n + n2
				continue
			}
		}
		break
	}
	return e
}
