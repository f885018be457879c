package main

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// printable returns s without the characters that could drive a terminal:
// escape sequences (CSI "ESC [ … final", OSC "ESC ] … BEL or ST", DCS, APC, PM
// and SOS strings, and two-byte ESC sequences) are removed whole, and so are the
// other C0 controls except tab and line feed, DEL and the C1 controls
// (U+0080–U+009F, including the one-character CSI U+009B). Invalid UTF-8 bytes
// become U+FFFD. Everything the command line prints from indexed data goes
// through it, so an article cannot retitle a terminal or hide text in it.
func printable(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == 0xc2 {
			clean = false
			break
		}
	}
	if clean && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b || r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			i = skipEscape(s, i)
			continue
		case r == utf8.RuneError && n == 1:
			b.WriteRune(utf8.RuneError)
		case r < 0x20 && r != '\t' && r != '\n', r == 0x7f, r >= 0x80 && r <= 0x9f:
			// dropped
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// skipEscape returns the index after the escape sequence or control string that
// starts at s[i] (ESC or a C1 introducer).
func skipEscape(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	kind := r
	if r == 0x1b {
		if j >= len(s) {
			return j
		}
		switch s[j] {
		case '[':
			kind = 0x9b
		case ']':
			kind = 0x9d
		case 'P', 'X', '^', '_':
			kind = 0x90
		default:
			// A two-byte sequence (ESC 7, ESC c, …): drop the next rune too
			// unless it is a line feed or tab.
			if s[j] == '\n' || s[j] == '\t' {
				return j
			}
			_, m := utf8.DecodeRuneInString(s[j:])
			return j + m
		}
		j++
	}
	if kind == 0x9b {
		// CSI: parameter and intermediate bytes, then a final byte 0x40–0x7E.
		for j < len(s) && s[j] >= 0x20 && s[j] <= 0x3f {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			j++
		}
		return j
	}
	// A control string: up to BEL, ST (ESC \ or U+009C) or the end of the line.
	for j < len(s) {
		switch {
		case s[j] == 0x07:
			return j + 1
		case s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\':
			return j + 2
		case strings.HasPrefix(s[j:], "\u009c"):
			return j + len("\u009c")
		case s[j] == '\n':
			return j
		}
		j++
	}
	return j
}

// jsonSafe is a writer for JSON output that escapes what encoding/json leaves
// raw and a terminal might obey: DEL and the C1 controls become \u007f and
// \u0080–\u009f (they can only occur inside strings, where the escape means the
// same character). encoding/json already escapes C0 controls such as ESC as
// \u001b.
type jsonSafe struct{ w io.Writer }

func (j jsonSafe) Write(p []byte) (int, error) {
	if bytes.IndexByte(p, 0x7f) < 0 && bytes.IndexByte(p, 0xc2) < 0 {
		return j.w.Write(p)
	}
	var b bytes.Buffer
	for i := 0; i < len(p); i++ {
		switch {
		case p[i] == 0x7f:
			b.WriteString(`\u007f`)
		case p[i] == 0xc2 && i+1 < len(p) && p[i+1] >= 0x80 && p[i+1] <= 0x9f:
			const hex = "0123456789abcdef"
			b.WriteString(`\u00`)
			b.WriteByte(hex[p[i+1]>>4])
			b.WriteByte(hex[p[i+1]&0xf])
			i++
		default:
			b.WriteByte(p[i])
		}
	}
	if _, err := j.w.Write(b.Bytes()); err != nil {
		return 0, err
	}
	return len(p), nil
}
