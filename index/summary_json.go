package index

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// appendJSON appends the JSON of s, byte for byte what json.Marshal writes
// (the summary is stored with every article; reflection made its encoding a
// tenth of indexing outside entity extraction). ok is false for a number JSON
// cannot hold (NaN, an infinity), which json.Marshal refuses.
func (s *docSummary) appendJSON(b []byte) (_ []byte, ok bool) {
	if s.Entities == nil {
		return append(b, `{"e":null}`...), true
	}
	b = append(b, `{"e":[`...)
	for i := range s.Entities {
		e := &s.Entities[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"l":`...)
		b = appendJSONString(b, string(e.Label))
		b = append(b, `,"n":`...)
		b = appendJSONString(b, e.Name)
		b = append(b, `,"m":`...)
		b = strconv.AppendInt(b, int64(e.Mentions), 10)
		b = append(b, `,"s":`...)
		if b, ok = appendJSONFloat(b, e.Salience); !ok {
			return b, false
		}
		b = append(b, `,"c":`...)
		if b, ok = appendJSONFloat(b, e.Confidence); !ok {
			return b, false
		}
		if e.InTitle {
			b = append(b, `,"t":true`...)
		}
		if e.InLead {
			b = append(b, `,"d":true`...)
		}
		if len(e.Teaches) > 0 {
			b = append(b, `,"a":[`...)
			for k, a := range e.Teaches {
				if k > 0 {
					b = append(b, ',')
				}
				b = appendJSONString(b, a)
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	return append(b, "]}"...), true
}

// appendJSONFloat appends f as encoding/json writes a float64.
func appendJSONFloat(b []byte, f float64) ([]byte, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return b, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// appendJSONString appends s as a JSON string the way encoding/json writes it:
// HTML characters (<, >, &) and U+2028, U+2029 escaped, invalid UTF-8 as
// U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// marshalJSON is json.Marshal of s, the fallback of encode.
func (s *docSummary) marshalJSON() ([]byte, error) { return json.Marshal(s) }
