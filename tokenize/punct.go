package tokenize

// Punctuation, symbols, emoji and emoticons, and bytes that are not text.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runEnd returns the end of the run of the byte c that starts at text[i]: an
// ellipsis of periods, a dash of hyphens, an opening quote of two backquotes.
func runEnd(text string, i int, c byte) int {
	e := i + 1
	for e < len(text) && text[e] == c {
		e++
	}
	return e
}

// scanOther scans a token that does not start with a word character: punctuation,
// symbols, emoji and emoticons, @mentions and #hashtags, and bytes that are not
// text at all (invalid UTF-8, control characters).
func scanOther(text string, i int, la *lookahead) raw {
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
		e := runEnd(text, i, '.')
		t := mk(text, i, e, Punct)
		t.role = roleTerm
		return t
	case '?', '!':
		t := mk(text, i, i+1, Punct)
		t.role = roleTerm
		return t
	case '-':
		e := runEnd(text, i, '-')
		if e == i+1 && e < len(text) && isDigit(text[e]) && (prevSpace || text[i-1] == '(' || text[i-1] == '[') {
			// A minus sign before a number that stands on its own: -4,9.
			if t := scanWordLike(text, e, la); t.Kind == Number {
				t.Start, t.Text = i, text[i:t.End]
				return t
			}
		}
		return mk(text, i, e, Punct)
	case '`':
		e := runEnd(text, i, '`')
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
	// Quotes that close a quotation inside a quotation ('" after a space)
	// are followed by nothing that they could open.
	j := e
	for j < len(text) && j < e+3 && (text[j] == '\'' || text[j] == '"') {
		j++
	}
	nextSpace := j >= len(text) || spaceAt(text, j) > 0 || j > e && strings.IndexByte(".,;:!?)]", text[j]) >= 0
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
