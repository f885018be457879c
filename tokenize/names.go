package tokenize

import (
	"fmt"
	"strings"
)

var kindNames = [...]string{"", "word", "number", "punct", "symbol", "url", "email", "mention", "hashtag", "abbreviation", "emoji"}

// String returns the lowercase name of the kind: "word", "number", "punct", ...
func (k Kind) String() string {
	if int(k) < len(kindNames) && k != 0 {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", uint8(k))
}

// MarshalText returns the name of the kind, so that JSON shows "word" rather than 1.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

var caseNames = [...]string{"none", "lower", "capitalised", "upper", "mixed"}

// String returns the lowercase name of the capitalisation: "lower", "upper", ...
func (c Case) String() string {
	if int(c) < len(caseNames) {
		return caseNames[c]
	}
	return fmt.Sprintf("Case(%d)", uint8(c))
}

// MarshalText returns the name of the capitalisation.
func (c Case) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

var flagNames = [...]string{"reduplicated", "hyphenated", "ordinal", "sentence-start", "paragraph-start", "initial", "proclitic", "enclitic"}

// String returns the names of the flags joined by "|", such as
// "reduplicated|hyphenated"; "" when none is set.
func (f Flags) String() string {
	var b strings.Builder
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			if b.Len() > 0 {
				b.WriteByte('|')
			}
			b.WriteString(n)
		}
	}
	if rest := f &^ (1<<len(flagNames) - 1); rest != 0 {
		if b.Len() > 0 {
			b.WriteByte('|')
		}
		fmt.Fprintf(&b, "0x%x", uint16(rest))
	}
	return b.String()
}

// MarshalText returns the names of the flags as [Flags.String] does.
func (f Flags) MarshalText() ([]byte, error) { return []byte(f.String()), nil }
