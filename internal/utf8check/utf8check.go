// Package utf8check finds where text stops being UTF-8, so that an error about
// bad input can name the byte rather than only say that the input is bad.
package utf8check

import "unicode/utf8"

// FirstInvalid returns the offset of the first byte of b that does not begin a
// valid UTF-8 encoding, and false when b is valid UTF-8 throughout.
func FirstInvalid(b []byte) (int, bool) {
	if utf8.Valid(b) {
		return 0, false
	}
	i := 0
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	return i, true
}
