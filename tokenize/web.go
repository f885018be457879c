package tokenize

// URLs, domain names, e-mail addresses, @mentions and #hashtags.

import (
	"unicode/utf8"
)

func isScheme(s string) bool {
	var buf [8]byte
	switch string(lowerASCII(buf[:0], s)) {
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
	// The brackets of the URL, counted once: trimming a closing bracket takes
	// one off its count.
	var opens, closes [3]int
	for k := i; k < e; k++ {
		if b := bracket(text[k]); b > 0 {
			opens[b-1]++
		} else if b < 0 {
			closes[-b-1]++
		}
	}
	for e > i {
		c := text[e-1]
		switch c {
		case '.', ',', ';', ':', '!', '?', '\'':
			e--
			continue
		case ')', ']', '}':
			b := -bracket(c) - 1
			if opens[b] < closes[b] {
				closes[b]--
				e--
				continue
			}
		}
		break
	}
	return e
}

// bracket returns 1, 2 or 3 for ( [ {, -1, -2 or -3 for ) ] }, and 0 for any
// other byte.
func bracket(c byte) int {
	switch c {
	case '(':
		return 1
	case '[':
		return 2
	case '{':
		return 3
	case ')':
		return -1
	case ']':
		return -2
	case '}':
		return -3
	}
	return 0
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

// lookahead remembers, for one text, what the scans that look far ahead found, so
// that a long run of one pattern (a.a.a.…, ab.ab.…) costs each of them one pass
// instead of one per token: the starts in [noDomainFrom, noDomainTo) begin no
// domain name, and the local part of an e-mail address that starts in
// [localFrom, localTo) ends at localTo. Its zero value knows nothing.
type lookahead struct {
	noDomainFrom, noDomainTo int
	localFrom, localTo       int
	// Starts in [noDottedFrom, noDottedTo) have more than eight short
	// dotted parts after them: no dotted abbreviation begins there.
	noDottedFrom, noDottedTo int
}

// noDomain records that no domain name starts in text[from:to].
func (la *lookahead) noDomain(from, to int) {
	if to > from {
		la.noDomainFrom, la.noDomainTo = from, to
	}
}

// maxDomain is the longest domain name, in bytes.
const maxDomain = 253

// domainEnd returns the end of a domain name (kompas.com, www.bps.go.id/berita) that
// starts at text[start], or 0. The last label must be a known top-level domain.
func domainEnd(text string, start int, la *lookahead) int {
	if la.noDomainFrom <= start && start < la.noDomainTo {
		return 0
	}
	i := start
	labels := 0
	lastStart, lastEnd := 0, 0
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
		if j == i {
			return 0
		}
		if text[j-1] == '-' {
			// A label ends in a hyphen: so do the labels of the starts
			// after this one, up to it.
			la.noDomain(start, j)
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
	// i is the end of the dotted run, the same for every start inside it: what
	// is decided by the run's end (its last label, what follows it) holds for
	// all of them, and a start too far from the end (a domain name has at
	// most 253 bytes) begins no domain either.
	if i-start > maxDomain {
		la.noDomain(start, i-maxDomain)
		return 0
	}
	var buf [16]byte
	if labels < 2 || !tlds[string(lowerASCII(buf[:0], text[lastStart:lastEnd]))] {
		la.noDomain(start, i)
		return 0
	}
	if wordAt(text, i) > 0 {
		la.noDomain(start, i)
		return 0
	}
	// The first label of a domain such as KOMPAS.com may be capitalised, but a TLD
	// that is capitalised as a word (Indonesia.Id...) is not a domain.
	if t := text[lastStart:lastEnd]; asciiClass[t[0]]&cUpper != 0 && asciiClass[t[len(t)-1]]&cLower != 0 {
		la.noDomain(start, i)
		return 0
	}
	if i < len(text) && (text[i] == '/' || text[i] == ':' && i+1 < len(text) && isDigit(text[i+1])) {
		return urlEnd(text, i)
	}
	return i
}

// maxEmail is the longest e-mail address, in bytes: 64 + 1 + 255.
const maxEmail = 320

// emailEnd returns the end of an e-mail address that starts at text[start], or 0.
func emailEnd(text string, start int, la *lookahead) int {
	var i int
	if la.localFrom <= start && start < la.localTo {
		i = la.localTo // the run of local-part characters is the same
	} else {
		i = start
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf && (asciiClass[c]&(cLower|cUpper|cDigit) != 0 || c == '.' || c == '_' || c == '%' || c == '+' || c == '-') {
				i++
				continue
			}
			break
		}
		la.localFrom, la.localTo = start, i
	}
	if i == start || i-start >= maxEmail || i >= len(text) || text[i] != '@' || text[i-1] == '.' {
		return 0
	}
	if len(text)-start > maxEmail {
		text = text[:start+maxEmail]
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
