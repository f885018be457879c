package rootgen

import "sort"

// Derivation patterns: the affixed forms built from a root. Each names one
// morphological process; a form of Snowball's vocabulary counts as evidence for a
// root when the process applied to the root gives another word of the vocabulary.
// The possessive -nya and the particles are no evidence: any noun takes them.
var patterns = []struct {
	name string
	make func(r string) string
}{
	// Only the patterns up to here count as evidence; the rest only mark
	// derived forms: colloquial N- (nari, nulis), bare per-, ke-, pe-.

	{"meN-", func(r string) string { return nasal("me", r) }},
	{"peN-", func(r string) string { return nasal("pe", r) }},
	{"di-", func(r string) string { return "di" + r }},
	{"ter-", func(r string) string { return ter(r) }},
	{"ber-", func(r string) string { return ber(r) }},
	{"ke-an", func(r string) string { return "ke" + r + "an" }},
	{"peN-an", func(r string) string { return nasal("pe", r) + "an" }},
	{"per-an", func(r string) string { return per(r) + "an" }},
	{"-an", func(r string) string { return r + "an" }},
	{"-kan", func(r string) string { return r + "kan" }},
	{"-i", func(r string) string { return r + "i" }},
	{"meN-kan", func(r string) string { return nasal("me", r) + "kan" }},
	{"meN-i", func(r string) string { return nasal("me", r) + "i" }},
	{"di-kan", func(r string) string { return "di" + r + "kan" }},
	{"di-i", func(r string) string { return "di" + r + "i" }},
	{"memper-", func(r string) string { return "mem" + per(r) }},
	{"ber-an", func(r string) string { return ber(r) + "an" }},
	{"se-", func(r string) string { return "se" + r }},
	{"N-", func(r string) string { return colloquial(r) }},
	{"per-", func(r string) string { return per(r) }},
	{"ke-", func(r string) string { return "ke" + r }},
	{"pe-", func(r string) string { return "pe" + r }},
	{"ter-kan", func(r string) string { return ter(r) + "kan" }},
	{"ke-", func(r string) string { return "ke" + r }},
	{"per-i", func(r string) string { return per(r) + "i" }},
	{"per-kan", func(r string) string { return per(r) + "kan" }},
	{"memper-i", func(r string) string { return "mem" + per(r) + "i" }},
	{"memper-kan", func(r string) string { return "mem" + per(r) + "kan" }},
	{"diper-", func(r string) string { return "di" + per(r) }},
	{"diper-i", func(r string) string { return "di" + per(r) + "i" }},
	{"diper-kan", func(r string) string { return "di" + per(r) + "kan" }},
	{"se-nya", func(r string) string { return "se" + r + "nya" }},
	{"keber-an", func(r string) string { return "ke" + ber(r) + "an" }},
	{"kepeN-an", func(r string) string { return "ke" + nasal("pe", r) + "an" }},
	{"ber-kan", func(r string) string { return ber(r) + "kan" }},
	{"kepeN-", func(r string) string { return "ke" + nasal("pe", r) }},
	{"keber-", func(r string) string { return "ke" + ber(r) }},
	{"keter-", func(r string) string { return "ke" + ter(r) }},
	{"memper-", func(r string) string { return "mem" + per(r) }},
	{"pember-", func(r string) string { return "pem" + ber(r) }},
	{"pember-an", func(r string) string { return "pem" + ber(r) + "an" }},
}

// evidencePatterns is how many of patterns (the first ones) count as evidence.
const evidencePatterns = 18

// colloquial returns the colloquial nasal form of r (tari → nari, tulis → nulis,
// pegang → megang), or "" when it is the plain meN- form without me-.
func colloquial(r string) string {
	f := nasal("me", r)
	if len(f) < 3 || f[2:] == r {
		return ""
	}
	return f[2:]
}

// nasal attaches meN- or peN- (p is "me" or "pe") to root r with Indonesian
// nasal assimilation: menulis, memukul, menyapu, mengirim, membaca, mendengar,
// mengebom, melihat.
func nasal(p, r string) string {
	if len(r) < 2 {
		return ""
	}
	if syllables(r) == 1 {
		return p + "nge" + r
	}
	c := r[0]
	switch {
	case isVowel(c):
		return p + "ng" + r
	case c == 'k':
		if isVowel(r[1]) {
			return p + "ng" + r[1:]
		}
		return p + "ng" + r
	case c == 'g' || c == 'h':
		return p + "ng" + r
	case c == 'p':
		if isVowel(r[1]) {
			return p + "m" + r[1:]
		}
		return p + "m" + r
	case c == 'b' || c == 'f' || c == 'v':
		return p + "m" + r
	case c == 't':
		if isVowel(r[1]) {
			return p + "n" + r[1:]
		}
		return p + "n" + r
	case c == 's':
		if isVowel(r[1]) {
			return p + "ny" + r[1:]
		}
		return p + "n" + r
	case c == 'd' || c == 'c' || c == 'j' || c == 'z':
		return p + "n" + r
	}
	return p + r // l, r, w, y, m, n
}

func ter(r string) string {
	if r[0] == 'r' {
		return "te" + r
	}
	return "ter" + r
}

func ber(r string) string {
	if r[0] == 'r' || len(r) > 3 && !isVowel(r[0]) && r[1:3] == "er" {
		return "be" + r
	}
	return "ber" + r
}

func per(r string) string {
	if r[0] == 'r' {
		return "pe" + r
	}
	return "per" + r
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// syllables counts the syllables of r: its vowels, with the diphthongs ai, au
// and oi counting once (jual has two, pakai two, bom one).
func syllables(r string) int {
	n := 0
	for i := 0; i < len(r); i++ {
		if !isVowel(r[i]) {
			continue
		}
		if i > 0 && (r[i] == 'i' && (r[i-1] == 'a' || r[i-1] == 'o') || r[i] == 'u' && r[i-1] == 'a') {
			continue
		}
		n++
	}
	return n
}

// MinSupport is the number of distinct derivation patterns whose forms must occur
// in the vocabulary for a form to count as a root (di- and se- count half). One
// pattern gives more roots and scores a little better on held-out UD text than
// two.
const MinSupport = 1

// support is counted in halves: a pattern counts 2, di- and se- count 1.
const fullPattern = 2

// SnowballRoots returns the forms of Snowball's Indonesian vocabulary voc that
// look like roots, sorted. A form w counts when affixed forms built from it occur
// in the vocabulary by at least MinSupport distinct derivation patterns (meN-w,
// di-w, w-kan, peN-w-an, ke-w-an...), and it is not itself a derived form of a
// better-supported root (bagian from bagi, makanan from makan, pemerintah from
// perintah). Seeds (our own roots) count as roots whatever their support, so that
// their derived forms are not taken for roots.
func SnowballRoots(voc, seeds []string) []string {
	vocab := make(map[string]bool, len(voc))
	for _, w := range voc {
		if isWord(w) {
			vocab[w] = true
		}
	}
	support := make(map[string]int, len(vocab))
	for w := range vocab {
		if len(w) < 3 || syllables(w) == 0 || possessed(w) {
			continue
		}
		n := 0
		for _, p := range patterns[:evidencePatterns] {
			if f := p.make(w); f != "" && f != w && vocab[f] {
				// di- and se- are also prepositions and a numeral written
				// together with nouns in careless text (dikecamatan): they
				// count half.
				if p.name == "di-" || p.name == "se-" {
					n++
				} else {
					n += 2
				}
			}
		}
		support[w] = n
	}
	isSeed := make(map[string]bool, len(seeds))
	for _, s := range seeds {
		isSeed[s] = true
	}
	// A form derived from a root with more support is no root itself.
	derived := map[string]bool{}
	for w, n := range support {
		if n < fullPattern && !isSeed[w] {
			continue
		}
		for _, p := range patterns {
			f := p.make(w)
			if f == "" || f == w || !vocab[f] {
				continue
			}
			if support[f] <= n || isSeed[w] {
				derived[f] = true
			}
		}
	}
	var out []string
	for w, n := range support {
		if n >= MinSupport*fullPattern && !derived[w] && !isSeed[w] && len(w) >= 4 {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// SnowballUnanalysed returns the forms of Snowball's Indonesian vocabulary that
// no derivation pattern builds from a root of roots (the derived roots and our
// own): words of four letters or more that are not themselves affixed forms of a
// known root (zaman, perang, selatan, divisi). They serve as weak roots, so that
// the stemmer neither cuts them up nor takes their look-alike affixes off.
func SnowballUnanalysed(voc, roots []string) []string {
	known := make(map[string]bool, len(roots))
	for _, r := range roots {
		known[r] = true
	}
	derived := map[string]bool{}
	vocab := map[string]bool{}
	for _, w := range voc {
		if isWord(w) {
			vocab[w] = true
		}
	}
	for r := range known {
		for _, p := range patterns {
			if f := p.make(r); f != "" && f != r {
				derived[f] = true
			}
		}
	}
	un := map[string]bool{}
	for w := range vocab {
		if len(w) < 4 || known[w] || derived[w] || syllables(w) < 2 || inflected(w, known) || possessed(w) {
			continue
		}
		un[w] = true
	}
	// A form built from another unanalysed form (berkualitas from kualitas) is
	// no root either.
	drop := map[string]bool{}
	for r := range un {
		for _, p := range patterns {
			if f := p.make(r); f != "" && f != r && un[f] {
				drop[f] = true
			}
		}
	}
	var out []string
	for w := range un {
		if !drop[w] && !inflected(w, un) {
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// inflected reports whether w is a known root or a derived form of one with a
// possessive or particle: rumahnya, bukunya, apakah.
func inflected(w string, known map[string]bool) bool {
	for _, s := range [...]string{"nya", "ku", "mu", "kah", "lah", "pun"} {
		if len(w) > len(s)+2 && w[len(w)-len(s):] == s {
			b := w[:len(w)-len(s)]
			if known[b] {
				return true
			}
			for _, d := range [...]string{"kan", "an", "i"} {
				if len(b) > len(d)+2 && b[len(b)-len(d):] == d && known[b[:len(b)-len(d)]] {
					return true
				}
			}
		}
	}
	return false
}

// possessed reports whether w ends in the possessive -nya after at least four
// letters (buatannya, bayarannya): any noun takes it, so such a form is never
// a root, and affixed forms of it (pembayarannya) are no evidence for one.
// Lexicalised words in -nya (akhirnya, sebelumnya) are our own roots.
func possessed(w string) bool {
	return len(w) >= 7 && w[len(w)-3:] == "nya"
}
