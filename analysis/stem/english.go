package stem

import "strings"

// IsEnglish reports whether the lower-case word w looks English rather than
// Indonesian by its spelling alone. It is true when w
//
//   - contains a letter pattern that Indonesian spelling does not use: th, ph, sh,
//     ck, wh, ee, ea, ou, q, x, tion, or a doubled consonant other than kk
//     (masukkan) and gg (tinggi, sanggup); or
//   - ends in -ed, -ly, -ment(s) or -ness, or in -s after a consonant other than
//     s (startups, apps).
//
// The default stemmer asks this only of words that are not roots, not protected
// and have no Indonesian analysis, so Indonesian words that happen to match
// (kelas, teks) are caught first by the lexicon.
func IsEnglish(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	for i := 0; i < n; i++ {
		c := w[i]
		if c == 'q' || c == 'x' {
			return true
		}
		if i == 0 {
			continue
		}
		p := w[i-1]
		switch {
		case c == 'h' && (p == 't' || p == 'p' || p == 's' || p == 'w'),
			c == 'k' && p == 'c',
			c == 'e' && p == 'e',
			c == 'a' && p == 'e',
			c == 'u' && p == 'o',
			c == p && c >= 'a' && c <= 'z' && !isVowel(c) && c != 'k' && c != 'g':
			return true
		case c == 'n' && i >= 3 && w[i-3:i+1] == "tion":
			return true
		}
	}
	switch {
	case n > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")),
		strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "ments"),
		strings.HasSuffix(w, "ness"):
		return true
	}
	if w[n-1] == 's' {
		c := w[n-2]
		if c >= 'a' && c <= 'z' && !isVowel(c) && c != 's' && c != 'k' && c != 'r' {
			return true
		}
	}
	return false
}
