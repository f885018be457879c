package rootgen

import "sort"

// The assimilating prefixes meN- and peN- make some words ambiguous between two
// roots: meminta is meN- + pinta or me- + minta, menanti meN- + tanti or
// me- + nanti, mengalami meN- + kalami or meN- + alami, menyanyi meN- + sanyi or
// me- + nyanyi. The vocabulary decides, by the forms of each root made with
// affixes that do not assimilate: diminta and permintaan attest minta, nothing
// attests pinta.

// plainPatterns are the derivations that show a root as it is (no nasal
// assimilation).
var plainPatterns = []string{"di-", "ter-", "ber-", "ke-an", "per-an", "-an", "-kan", "-i", "di-kan", "di-i", "ter-kan", "ber-an", "se-"}

// plainSupport counts the plain derivations of r found in vocab.
func plainSupport(r string, vocab map[string]bool) int {
	n := 0
	for _, p := range patterns {
		for _, name := range plainPatterns {
			if p.name == name {
				if f := p.make(r); f != "" && f != r && vocab[f] {
					n++
				}
				break
			}
		}
	}
	return n
}

// nasalRival returns the root that competes with r for the same meN- form: for
// a root whose first consonant meN- replaces (pinta, tanti, kalami, sanyi) the
// root spelled with the nasal (minta, nanti, alami, nyanyi), or "".
func nasalRival(r string) string {
	if len(r) < 3 || !isVowel(r[1]) {
		return ""
	}
	switch r[0] {
	case 'p':
		return "m" + r[1:]
	case 't':
		return "n" + r[1:]
	case 'k':
		return r[1:]
	case 's':
		return "ny" + r[1:]
	}
	return ""
}

// NasalLosers returns, sorted, the roots of roots that lose a meN-/peN-
// ambiguity to a rival root of roots: the rival has more plain derivations in the
// vocabulary voc (at least one), the loser fewer. The stemmer does not read a
// meN- or peN- form as a loser's.
func NasalLosers(voc, roots []string) []string {
	vocab := make(map[string]bool, len(voc))
	for _, w := range voc {
		if isWord(w) {
			vocab[w] = true
		}
	}
	known := make(map[string]bool, len(roots))
	for _, r := range roots {
		known[r] = true
	}
	losers := map[string]bool{}
	for r := range known {
		rival := nasalRival(r)
		if rival == "" || !known[rival] || len(rival) < 3 {
			continue
		}
		a, b := plainSupport(r, vocab), plainSupport(rival, vocab)
		switch {
		case a > b:
			losers[rival] = true
		case b > a:
			losers[r] = true
		}
	}
	out := make([]string, 0, len(losers))
	for w := range losers {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}
