package stem

import "strings"

// englishMarkers are letter sequences that native Indonesian spelling does not
// use but English does.
var englishMarkers = [...]string{"th", "ph", "sh", "ck", "wh", "ee", "oo", "ea", "ou", "q", "x", "tion"}

// IsEnglish reports whether the lower-case word w looks English rather than
// Indonesian by its spelling alone. It is true when w
//
//   - contains a letter pattern that Indonesian spelling does not use: th, ph, sh,
//     ck, wh, ee, oo, ea, ou, q, x, tion, or a doubled consonant other than kk
//     (masukkan) and gg (tinggi, sanggup); or
//   - ends in -ed, -ly, -ment(s) or -ness, or in -s after a consonant other than
//     s (startups, apps).
//
// The default stemmer asks this only of words that are not roots, not protected
// and have no Indonesian analysis, so Indonesian words that happen to match
// (kelas, teks) are caught first by the lexicon.
func IsEnglish(w string) bool {
	if len(w) < 3 {
		return false
	}
	for _, m := range englishMarkers {
		if strings.Contains(w, m) {
			return true
		}
	}
	for i := 1; i < len(w); i++ {
		c := w[i]
		if c == w[i-1] && c >= 'a' && c <= 'z' && !isVowel(c) && c != 'k' && c != 'g' {
			return true
		}
	}
	n := len(w)
	switch {
	case strings.HasSuffix(w, "ed") && n > 4,
		strings.HasSuffix(w, "ly") && n > 4,
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
