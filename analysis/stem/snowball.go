package stem

import (
	"unicode/utf8"

	"github.com/kljensen/snowball/snowballword"
)

// This file is Tala's stemming algorithm for Indonesian exactly as the Snowball
// project runs it (and with it Lucene, Elasticsearch and OpenSearch), written on
// kljensen/snowball's SnowballWord in the style of that module's language packages.
//
// The algorithm counts the vowels of the word (its "measure") and only removes an
// affix while the measure is above two. It removes, in order:
//
//  1. a particle: -kah, -lah, -pun;
//  2. a possessive pronoun: -ku, -mu, -nya;
//  3. a first-order prefix (di-, meng-, men-, me-, ter-, ke-, peng-, pen-, and the
//     assimilating meny-/peny-/mem-/pem-, which put back s- or p- before a vowel),
//     then a derivational suffix (-kan, -an, -i, each allowed only with certain
//     prefixes) and then a second-order prefix (per-, pe-, ber-, be-);
//  4. or, when there is no first-order prefix, a second-order prefix and then a
//     derivational suffix.

// Prefix classes remembered between the prefix and suffix steps (Snowball's
// "$prefix" integer).
const (
	sbNoPrefix = 0
	sbPrefixDi = 1 // di-, meng-, men-, me-, ter- (and meny-, mem-)
	sbPrefixPe = 2 // per-, pe-
	sbPrefixKe = 3 // ke-, peng-, pen- (and peny-, pem-)
	sbPrefixBe = 4 // ber-, be-
)

// sbState is the working state of one Snowball stemming: the word and the two
// integers of the Snowball program.
type sbState struct {
	w       snowballword.SnowballWord
	prefix  int
	measure int
	// afterVowel is set when a first-order prefix consumed the vowel after it
	// (meny-/peny-/mem-/pem-): Snowball's cursor then stands inside the root, and
	// no second-order prefix is removed.
	afterVowel bool
}

// isSnowballVowel reports whether r is in Snowball's Indonesian vowel grouping.
func isSnowballVowel(r rune) bool {
	switch r {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// SnowballStem stems a lower-case word with the Snowball Indonesian algorithm. It
// does not lower-case its input: Snowball's vocabulary is lower case.
func SnowballStem(word string) string {
	// Count vowels first: most short words are returned at once.
	measure, ascii := 0, true
	for i := 0; i < len(word); i++ {
		switch c := word[i]; c {
		case 'a', 'e', 'i', 'o', 'u':
			measure++
		default:
			if c >= utf8.RuneSelf {
				ascii = false
			}
		}
	}
	if measure > 2 && ascii {
		return snowballASCII(word, measure)
	}
	if measure <= 2 || !utf8.ValidString(word) {
		// Short words have nothing to remove; invalid UTF-8 is returned as it
		// is rather than with replacement characters.
		return word
	}
	return snowballRunes(word, measure)
}

// snowballRunes stems the valid UTF-8 word w, whose vowel count is measure, on
// its runes: the general path, for words with letters beyond ASCII.
func snowballRunes(word string, measure int) string {
	// The state lives on the stack: stemming allocates nothing but the
	// returned string (and a rune buffer for words over 48 letters).
	var arr [48]rune
	var s sbState
	s.w.RS = arr[:0]
	for _, r := range word {
		s.w.RS = append(s.w.RS, r)
	}
	n := len(s.w.RS)
	s.w.R1start, s.w.R2start, s.w.RVstart = n, n, n
	s.measure, s.prefix, s.afterVowel = measure, sbNoPrefix, false
	changed := s.stem()
	out := word
	if changed {
		out = string(s.w.RS)
	}
	return out
}

// stem runs Snowball's "stem" routine on s.w and reports whether it changed it.
func (s *sbState) stem() bool {
	before := len(s.w.RS)
	changed := false
	// backwards ( do remove_particle  $measure > 2  do remove_possessive_pronoun )
	if s.removeParticle() {
		changed = true
	}
	if s.measure > 2 && s.removePossessivePronoun() {
		changed = true
	}
	if s.measure <= 2 {
		return changed || len(s.w.RS) != before
	}
	if s.removeFirstOrderPrefix() {
		// do ( test ($measure > 2 backwards remove_suffix)
		//      $measure > 2 remove_second_order_prefix )
		if s.measure > 2 && s.removeSuffix() && s.measure > 2 && !s.afterVowel {
			s.removeSecondOrderPrefix()
		}
		return true
	}
	// do remove_second_order_prefix  do ($measure > 2 backwards remove_suffix)
	if s.removeSecondOrderPrefix() {
		changed = true
	}
	if s.measure > 2 && s.removeSuffix() {
		changed = true
	}
	return changed
}

var (
	sbKah = []rune("kah")
	sbLah = []rune("lah")
	sbPun = []rune("pun")
	sbKu  = []rune("ku")
	sbMu  = []rune("mu")
	sbNya = []rune("nya")
	sbKan = []rune("kan")
	sbAn  = []rune("an")
	sbI   = []rune("i")
)

// removeParticle removes -kah, -lah or -pun.
func (s *sbState) removeParticle() bool { return s.removeEnding([...][]rune{sbKah, sbLah, sbPun}) }

// removePossessivePronoun removes -ku, -mu or -nya.
func (s *sbState) removePossessivePronoun() bool {
	return s.removeEnding([...][]rune{sbKu, sbMu, sbNya})
}

// removeEnding removes the first of the endings that the word has, with no
// condition on the prefix (the particles and the possessive pronouns).
func (s *sbState) removeEnding(endings [3][]rune) bool {
	for _, suf := range endings {
		if s.w.HasSuffixRunes(suf) {
			s.cutSuffix(len(suf))
			return true
		}
	}
	return false
}

// cutSuffix removes the last n runes, a suffix that counted as one syllable of
// the measure.
func (s *sbState) cutSuffix(n int) {
	s.w.RemoveLastNRunes(n)
	s.measure--
}

// removeSuffix removes the derivational suffix -kan, -an or -i, each only where
// the prefix removed before allows it (Snowball's SUFFIX_KAN_OK, SUFFIX_AN_OK and
// SUFFIX_I_OK). Like Snowball's among, the longest suffix present is the one
// considered: when -kan is present but not allowed, -an is not tried instead.
func (s *sbState) removeSuffix() bool {
	rs := s.w.RS
	switch {
	case s.w.HasSuffixRunes(sbKan):
		// SUFFIX_KAN_OK: prefix not ke-/peng- and not per-.
		if s.prefix != sbPrefixKe && s.prefix != sbPrefixPe {
			s.cutSuffix(3)
			return true
		}
		// Snowball's among falls back to the shorter "an" when the condition
		// of "kan" fails.
		if s.prefix != sbPrefixDi {
			s.cutSuffix(2)
			return true
		}
	case s.w.HasSuffixRunes(sbAn):
		// SUFFIX_AN_OK: prefix not di-/meng-/ter-.
		if s.prefix != sbPrefixDi {
			s.cutSuffix(2)
			return true
		}
	case s.w.HasSuffixRunes(sbI):
		// SUFFIX_I_OK: prefix in {none, di-, per-} and not after s.
		if s.prefix <= sbPrefixPe && (len(rs) < 2 || rs[len(rs)-2] != 's') {
			s.cutSuffix(1)
			return true
		}
	}
	return false
}

// hasPrefix reports whether the word begins with p.
func (s *sbState) hasPrefix(p string) bool {
	rs := s.w.RS
	if len(rs) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if rs[i] != rune(p[i]) {
			return false
		}
	}
	return true
}

// vowelAt reports whether the rune at i is a vowel.
func (s *sbState) vowelAt(i int) bool {
	return i < len(s.w.RS) && isSnowballVowel(s.w.RS[i])
}

// dropPrefix removes the first n runes, putting repl in their place when repl is
// not zero. A replacement is only made before a vowel that Snowball's program
// consumed, which stops the search for a second-order prefix.
func (s *sbState) dropPrefix(n int, repl rune) {
	if repl != 0 {
		n--
		s.w.RS[n] = repl
		s.afterVowel = true
	}
	// Shift the runes down rather than reslice the front away: the buffer
	// then stays on the caller's stack (escape analysis lets a slice be cut
	// short in place, not moved).
	truncate(&s.w, copy(s.w.RS, s.w.RS[n:]))
	s.w.R1start, s.w.R2start, s.w.RVstart = len(s.w.RS), len(s.w.RS), len(s.w.RS)
}

// truncate cuts w down to its first m runes. It is a function of w alone so that
// the compiler sees the self-assignment and keeps w's buffer on the stack.
func truncate(w *snowballword.SnowballWord, m int) { w.RS = w.RS[:m] }

// firstOrderPrefixes is Snowball's among of first-order prefixes, in the order
// they are tried: the prefix, the letter it stands for before a vowel (meny- +
// vowel is a root in s-, mem- + vowel a root in p-), whether it is a prefix only
// before a vowel, and the prefix class it leaves.
var firstOrderPrefixes = [...]struct {
	prefix          string
	beforeVowel     rune
	onlyBeforeVowel bool
	class           int
}{
	{"meny", 's', true, sbPrefixDi},
	{"peny", 's', true, sbPrefixKe},
	{"meng", 0, false, sbPrefixDi},
	{"peng", 0, false, sbPrefixKe},
	{"mem", 'p', false, sbPrefixDi},
	{"pem", 'p', false, sbPrefixKe},
	{"men", 0, false, sbPrefixDi},
	{"ter", 0, false, sbPrefixDi},
	{"pen", 0, false, sbPrefixKe},
	{"di", 0, false, sbPrefixDi},
	{"me", 0, false, sbPrefixDi},
	{"ke", 0, false, sbPrefixKe},
}

// removeFirstOrderPrefix is Snowball's remove_first_order_prefix.
func (s *sbState) removeFirstOrderPrefix() bool {
	for _, p := range firstOrderPrefixes {
		n := len(p.prefix)
		if !s.hasPrefix(p.prefix) {
			continue
		}
		vowel := s.vowelAt(n)
		if p.onlyBeforeVowel && !vowel {
			continue
		}
		var repl rune
		if vowel {
			repl = p.beforeVowel
		}
		s.dropPrefix(n, repl)
		s.prefix = p.class
		s.measure--
		return true
	}
	return false
}

// removeSecondOrderPrefix is Snowball's remove_second_order_prefix.
func (s *sbState) removeSecondOrderPrefix() bool {
	switch {
	case s.hasPrefix("pelajar"):
		s.dropPrefix(3, 0)
		// prefix unchanged, as in Snowball
	case s.hasPrefix("belajar"):
		s.dropPrefix(3, 0)
		s.prefix = sbPrefixBe
	case s.hasPrefix("per"):
		s.dropPrefix(3, 0)
		s.prefix = sbPrefixPe
	case s.hasPrefix("pe"):
		s.dropPrefix(2, 0)
		s.prefix = sbPrefixPe
	case s.hasPrefix("ber"):
		s.dropPrefix(3, 0)
		s.prefix = sbPrefixBe
	case s.hasPrefix("be") && s.ker():
		s.dropPrefix(2, 0)
		s.prefix = sbPrefixBe
	default:
		return false
	}
	s.measure--
	return true
}

// ker is Snowball's KER after be-: a non-vowel and then "er" (be-kerja, be-ternak).
func (s *sbState) ker() bool {
	rs := s.w.RS
	return len(rs) >= 5 && !isSnowballVowel(rs[2]) && rs[3] == 'e' && rs[4] == 'r'
}
