package tokenize

import "strings"

// clitics returns the byte lengths of the proclitic and enclitic of the word w,
// whose last hyphen-separated part starts at w[last:]. It follows the rules of
// Indonesian orthography: the possessive and object clitics -nya, -ku, -mu and the
// particles -lah, -kah, -pun are written joined to their host (bukunya, apakah,
// siapapun) or after a hyphen (kepada-Nya, APBD-nya); ku- and kau- are split off
// only when a hyphen marks them (ku-ambil).
//
// Words that merely end like a clitic are kept whole: roots (sekolah, langkah,
// ampun) and their affixed forms (bersekolah, melangkah), conjunctions and adverbs
// that have become words of their own (walaupun, maupun, adalah, akhirnya,
// sebelumnya, hanya), and -ku/-mu after hosts that are not known to take them
// (buku, suku, ilmu, tamu).
func clitics(w string, last int, redup bool) (pro, enc uint8) {
	if len(w) < 4 || len(w) > 64 {
		return 0, 0
	}
	// Proclitic with a hyphen: ku-ambil, kau-lihat, Ku-sembah.
	if i := strings.IndexByte(w, '-'); i == 2 || i == 3 {
		if p := w[:i]; strings.EqualFold(p, "ku") || strings.EqualFold(p, "kau") {
			if len(w)-i-1 >= 3 {
				pro = uint8(i)
			}
		}
	}
	// Enclitic after a hyphen: kepada-Nya, hamba-Ku, APBD-nya.
	if last > 1 && w[last-1] == '-' {
		if isHyphenClitic(w[last:]) && last-1 > int(pro) {
			return pro, uint8(len(w) - last)
		}
		if redup {
			// buku-bukunya: the clitic joined to the repeated part.
			return pro, encJoined(w, last, true)
		}
		return pro, 0
	}
	if pro > 0 {
		return pro, 0
	}
	return 0, encJoined(w, last, redup)
}

// encJoined returns the length of an enclitic joined without a hyphen to the last
// part w[last:] of w.
func encJoined(w string, last int, redup bool) uint8 {
	part := w[last:]
	n := len(part)
	if n < 4 {
		return 0
	}
	for i := 0; i < n; i++ {
		if part[i] >= 0x80 {
			return 0
		}
	}
	l := lex()
	suffix := func(s string) bool { return strings.EqualFold(part[n-len(s):], s) }
	if redup && last > 1 {
		// hari-harimu, anak-anakku: the repeated part is the first one and a
		// clitic.
		first := w[:strings.IndexByte(w, '-')]
		for _, c := range [...]string{"nya", "ku", "mu", "lah", "kah", "pun"} {
			if n > len(c) && suffix(c) && strings.EqualFold(part[:n-len(c)], first) {
				if c == "nya" && (lexicalisedRedupNya(w, last) || l.nyaBits.mayHave(part) && l.nyaWhole.hasFold(part)) {
					return 0
				}
				return uint8(len(c))
			}
		}
	}
	switch {
	case n >= 6 && suffix("nya"):
		if l.nyaBits.mayHave(part) && l.nyaWhole.hasFold(part) || redup && lexicalisedRedupNya(w, last) {
			return 0
		}
		return 3
	case n >= 5 && (suffix("lah") || suffix("kah") || suffix("pun")):
		if isRootLike(l, part) {
			return 0
		}
		return 3
	case n >= 5 && (suffix("ku") || suffix("mu")):
		base := part[:n-2]
		if l.kuMuBits.mayHave(base) && l.kuMuHosts.hasFold(base) || len(base) >= 5 && strings.EqualFold(base[len(base)-2:], "an") || consonantHost(base) {
			return 2
		}
	}
	return 0
}

// lexicalisedRedupNya reports whether a reduplication with -nya is a word of its
// own: satu-satunya, dua-duanya, sebesar-besarnya, sekurang-kurangnya.
func lexicalisedRedupNya(w string, last int) bool {
	first := w[:strings.IndexByte(w, '-')]
	var buf [16]byte
	switch string(lowerASCII(buf[:0], first)) {
	case "satu", "dua", "tiga", "empat", "lima", "kedua", "ketiga", "keempat", "kelima":
		return true
	}
	return len(first) > 4 && strings.EqualFold(first[:2], "se")
}

// prefixes of Indonesian derivation that may stand before a root that ends like a
// clitic (me+langkah, ber+sekolah, se+jumlah).
var rootPrefixes = []string{"", "be", "ber", "bel", "di", "diper", "ke", "me", "mem", "men", "meng", "meny", "memper", "pe", "pem", "pen", "peng", "peny", "per", "se", "ter"}

// isRootLike reports whether w is a listed root, or an affixed form of one, whose
// end only looks like a clitic.
func isRootLike(l *lexicon, w string) bool {
	n := len(w)
	if n > 5 && 'A' <= w[0] && w[0] <= 'Z' {
		var buf [5]byte
		switch string(lowerASCII(buf[:0], w[n-5:])) {
		case "ullah", "illah", "allah":
			return true // the names Abdullah, Fadlillah, Abdallah (but timbullah is timbul + lah)
		}
	}
	if !l.rootBits.mayHave(w) {
		return false // most words: no root in the filter
	}
	var buf [64]byte
	low := buf[:n]
	for i := 0; i < n; i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	_, ok := l.rootForms[string(low)]
	return ok
}

// consonantHost reports whether base, before -ku or -mu, ends in a way no root
// in -ku or -mu does: four letters or more ending in a consonant other than
// the ng of pangku and tungku (rumahku, teleponku, panahmu). Roots ending in
// -ku or -mu have a vowel or a short syllable before it (buku, ilmu, tamu,
// kalbu).
func consonantHost(base string) bool {
	n := len(base)
	if n < 4 || base[0] < 'a' || base[0] > 'z' {
		return false
	}
	c := base[n-1] | 0x20
	if c < 'a' || c > 'z' || strings.IndexByte("aeiou", c) >= 0 {
		return false
	}
	return !(c == 'g' && base[n-2]|0x20 == 'n')
}
