package tokenize

// URLs, domain names, e-mail addresses, @mentions and #hashtags.

import (
	"strings"
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
	var buf [16]byte
	if labels < 2 || !tlds[string(lowerASCII(buf[:0], text[lastStart:lastEnd]))] {
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
