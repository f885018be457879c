package stem

import "strings"

// Analysis explains how a word was stemmed.
type Analysis struct {
	Word string // the word, lower-cased
	Root string // the stem: the root found, or Word when none was

	// Prefixes are the prefixes removed, outermost first, as they appeared in the
	// word, with their underlying form: "meng (meN-)".
	Prefixes []string
	// Suffixes are the suffixes removed, innermost first: -kan, -nya, -lah.
	Suffixes []string
	// Restored is the letter put back at the start of the root where meN- or
	// peN- had replaced it (menulis = meN- + tulis restores "t"), or "".
	Restored string

	Reduplicated bool // the word was reduplicated (anak-anak, berlari-lari)
	Found        bool // Root is in the lexicon (or the word was otherwise reduced)
	Protected    bool // a protected word, not stemmed
	English      bool // judged English and stemmed by Porter2

	// Rules lists the rules that fired, in order, in words.
	Rules []string
}

// String writes the analysis as affixes around the root: "meng- + kata + -kan".
func (a Analysis) String() string {
	var b strings.Builder
	for _, p := range a.Prefixes {
		if i := strings.IndexByte(p, ' '); i >= 0 {
			p = p[:i]
		}
		b.WriteString(p)
		b.WriteString("- + ")
	}
	b.WriteString(a.Root)
	for _, s := range a.Suffixes {
		b.WriteString(" + -")
		b.WriteString(s)
	}
	return b.String()
}

// fill records the affixes and rules of the winning candidate c.
func (a *Analysis) fill(c *candidate) {
	for i := 0; i < c.np; i++ {
		p := c.prefixes[i]
		a.Prefixes = append(a.Prefixes, p.surface+" ("+p.kind.String()+")")
		rule := "prefix " + p.kind.String() + " as " + p.surface + "-"
		if p.restore != 0 {
			a.Restored = string(p.restore)
			rule += ", restoring the root's " + string(p.restore) + "-"
		}
		a.Rules = append(a.Rules, rule)
	}
	for _, s := range [...]string{c.deriv, c.poss, c.part} {
		if s == "" {
			continue
		}
		a.Suffixes = append(a.Suffixes, s)
		a.Rules = append(a.Rules, suffixRule(s))
	}
	a.Rules = append(a.Rules, "root "+c.root+" in lexicon")
}

// suffixRule names the suffix class of s.
func suffixRule(s string) string {
	switch s {
	case "kah", "lah", "tah", "pun":
		return "particle -" + s
	case "ku", "mu", "nya":
		return "possessive -" + s
	}
	return "derivational suffix -" + s
}

// reduplication stems a hyphenated word w: full reduplication (anak-anak),
// reduplication with affixes (berlari-lari, kemerah-merahan, tolong-menolong,
// sebaik-baiknya) and rhyming or vowel-changing reduplication (sayur-mayur,
// bolak-balik). Other hyphenated words are kept.
func (s *Stemmer) reduplication(w string, lex *RootLexicon, a *Analysis, explain bool) {
	left, right, ok := strings.Cut(w, "-")
	if !ok || left == "" || right == "" || strings.IndexByte(right, '-') >= 0 || !isASCIIWord(left) || !isASCIIWord(right) {
		if explain {
			a.Rules = append(a.Rules, "hyphenated word that is not a reduplication: kept")
		}
		return
	}
	var la, ra Analysis
	s.analyze(left, &la, explain)
	s.analyze(right, &ra, explain)
	root := ""
	switch {
	case left == right:
		root = la.Root // anak-anak, rata-rata
	case la.Root == ra.Root:
		root = la.Root // berlari-lari, tolong-menolong, kemerah-merahan
	case strings.HasSuffix(left, ra.Root) && ra.Found:
		root = ra.Root // sebaik-baiknya: se-baik, baik-nya
	case strings.HasSuffix(right, la.Root) && la.Found:
		root = la.Root
	case len(left) == len(right) && left[1:] == right[1:]:
		root = la.Root // sayur-mayur, lauk-pauk
	case sameConsonants(left, right):
		root = la.Root // bolak-balik, gerak-gerik
	}
	if root == "" || len(root) > len(w) {
		if explain {
			a.Rules = append(a.Rules, "hyphenated word that is not a reduplication: kept")
		}
		return
	}
	a.Root, a.Found, a.Reduplicated = root, la.Found || ra.Found || left == right, true
	if explain {
		a.Rules = append(a.Rules, "reduplication "+left+"-"+right+": left "+la.String()+", right "+ra.String())
		a.Prefixes, a.Suffixes, a.Restored = la.Prefixes, ra.Suffixes, la.Restored
	}
}

// sameConsonants reports whether a and b have the same length and the same
// consonants in the same places (bolak-balik, mondar-mandir).
func sameConsonants(a, b string) bool {
	if len(a) != len(b) || len(a) < 3 {
		return false
	}
	for i := 0; i < len(a); i++ {
		if isVowel(a[i]) != isVowel(b[i]) || (!isVowel(a[i]) && a[i] != b[i]) {
			return false
		}
	}
	return true
}
