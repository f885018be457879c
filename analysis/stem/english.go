package stem

import "strings"

// IsEnglish reports whether the lower-case word w is clearly English by its
// spelling: it ends in an English inflection or derivation that Indonesian words
// do not have, or it has both an English ending and a letter pattern that
// Indonesian spelling does not use. Precisely, w is judged English when it
//
//   - ends in -ed, -ly, -ment(s), -ness or -tion(s), or in -s after a consonant
//     other than s, k and r (startups, apps, but not teks, pers, kelas);
//   - ends in -ing after a consonant cluster that Indonesian does not form
//     (streaming, marketing; but not penting, kucing, sering); or
//   - ends in -s (but not -is or -us), -es, -er, -ers or -ing and contains th, ph, sh, ck, wh, ee,
//     oo, ea, ou, q, x, or a doubled consonant other than kk and gg (shares,
//     booking, meeting).
//
// The default stemmer asks this only of words that are not well attested roots,
// not protected and have no Indonesian analysis.
func IsEnglish(w string) bool {
	n := len(w)
	if n < 4 {
		return false
	}
	switch {
	case n > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly")),
		strings.HasSuffix(w, "ment") || strings.HasSuffix(w, "ments"),
		strings.HasSuffix(w, "ness"),
		strings.HasSuffix(w, "tion") || strings.HasSuffix(w, "tions"):
		return true
	}
	if w[n-1] == 's' {
		c := w[n-2]
		if c >= 'a' && c <= 'z' && !isVowel(c) && c != 's' && c != 'k' && c != 'r' {
			return true
		}
	}
	ing := n > 5 && strings.HasSuffix(w, "ing")
	if ing && foreignCluster(w[:n-3]) {
		return true
	}
	// -is and -us are no English plural: Indonesian loans end in them
	// (realistis, teknis, krisis, status), and so do English singulars
	// (analysis, virus) that Porter2 would cut.
	plural := w[n-1] == 's' && w[n-2] != 'i' && w[n-2] != 'u'
	ending := ing || plural || strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ers")
	return ending && englishMarker(w)
}

// englishMarker reports whether w contains a letter pattern that Indonesian
// spelling does not use.
func englishMarker(w string) bool {
	for i := 0; i < len(w); i++ {
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
			c == 'o' && p == 'o',
			c == 'a' && p == 'e',
			c == 'u' && p == 'o',
			c == p && c >= 'a' && c <= 'z' && !isVowel(c) && c != 'k' && c != 'g':
			return true
		}
	}
	return false
}

// foreignCluster reports whether s has two consonants in a row that Indonesian
// words do not put together: anything but a nasal before a consonant of its
// place (mb, mp, nd, nt, nc, nj, ns, ng, ngg, ngk, ny) and the digraphs kh and sy.
func foreignCluster(s string) bool {
	for i := 1; i < len(s); i++ {
		p, c := s[i-1], s[i]
		if isVowel(p) || isVowel(c) || p < 'a' || p > 'z' || c < 'a' || c > 'z' {
			continue
		}
		switch {
		case p == 'm' && (c == 'b' || c == 'p'),
			p == 'n' && (c == 'd' || c == 't' || c == 'c' || c == 'j' || c == 's' || c == 'g' || c == 'y' || c == 'k'),
			p == 'g' && (c == 'g' || c == 'k'),
			p == 'k' && c == 'h', p == 's' && c == 'y':
			continue
		}
		return true
	}
	return false
}
