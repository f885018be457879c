package stem

// This file is the fast path of Tala's algorithm for the common case of a word of
// ASCII letters: the same steps as sbState, on the bytes of the word, with the
// word cut down by moving two indexes instead of copying runes. The result is a
// substring of the word, so stemming allocates nothing, except when a
// first-order prefix puts back the root's first letter (menyapu → sapu,
// memukul → pukul): then the stem is one new string.

// sbASCII is the working state of one Snowball stemming of an ASCII word: the
// word, the part of it still in play (w[lo:hi]), and the letter that stands in
// place of w[lo] when a first-order prefix restored one (repl, or 0).
type sbASCII struct {
	w          string
	lo, hi     int
	repl       byte
	prefix     int
	measure    int
	afterVowel bool
}

// snowballASCII stems the lower-case ASCII word w, whose vowel count is
// measure, as SnowballStem does.
func snowballASCII(w string, measure int) string {
	s := sbASCII{w: w, hi: len(w), measure: measure}
	if !s.stem() {
		return w
	}
	if s.repl == 0 {
		return w[s.lo:s.hi]
	}
	b := make([]byte, s.hi-s.lo)
	b[0] = s.repl
	copy(b[1:], w[s.lo+1:s.hi])
	return string(b)
}

// n is the length of the part in play.
func (s *sbASCII) n() int { return s.hi - s.lo }

// at returns the letter at position i of the part in play.
func (s *sbASCII) at(i int) byte {
	if i == 0 && s.repl != 0 {
		return s.repl
	}
	return s.w[s.lo+i]
}

// stem runs Snowball's "stem" routine and reports whether it changed the word.
func (s *sbASCII) stem() bool {
	changed := false
	if s.removeEnding("kah", "lah", "pun") {
		changed = true
	}
	if s.measure > 2 && s.removeEnding("ku", "mu", "nya") {
		changed = true
	}
	if s.measure <= 2 {
		return changed
	}
	if s.removeFirstOrderPrefix() {
		if s.measure > 2 && s.removeSuffix() && s.measure > 2 && !s.afterVowel {
			s.removeSecondOrderPrefix()
		}
		return true
	}
	if s.removeSecondOrderPrefix() {
		changed = true
	}
	if s.measure > 2 && s.removeSuffix() {
		changed = true
	}
	return changed
}

// hasSuffix reports whether the part in play ends in suf.
func (s *sbASCII) hasSuffix(suf string) bool {
	n := s.n()
	if n < len(suf) {
		return false
	}
	for i := 0; i < len(suf); i++ {
		if s.at(n-len(suf)+i) != suf[i] {
			return false
		}
	}
	return true
}

// hasPrefix reports whether the part in play begins with p.
func (s *sbASCII) hasPrefix(p string) bool {
	if s.n() < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if s.at(i) != p[i] {
			return false
		}
	}
	return true
}

// removeEnding removes the first of the three endings the word has.
func (s *sbASCII) removeEnding(a, b, c string) bool {
	for _, suf := range [3]string{a, b, c} {
		if s.hasSuffix(suf) {
			s.cutSuffix(len(suf))
			return true
		}
	}
	return false
}

// cutSuffix removes the last n letters, a suffix of one syllable.
func (s *sbASCII) cutSuffix(n int) {
	s.hi -= n
	s.measure--
}

// removeSuffix is sbState.removeSuffix.
func (s *sbASCII) removeSuffix() bool {
	switch {
	case s.hasSuffix("kan"):
		if s.prefix != sbPrefixKe && s.prefix != sbPrefixPe {
			s.cutSuffix(3)
			return true
		}
		if s.prefix != sbPrefixDi {
			s.cutSuffix(2)
			return true
		}
	case s.hasSuffix("an"):
		if s.prefix != sbPrefixDi {
			s.cutSuffix(2)
			return true
		}
	case s.hasSuffix("i"):
		if n := s.n(); s.prefix <= sbPrefixPe && (n < 2 || s.at(n-2) != 's') {
			s.cutSuffix(1)
			return true
		}
	}
	return false
}

// vowelAt reports whether the letter at i is a vowel.
func (s *sbASCII) vowelAt(i int) bool {
	if i >= s.n() {
		return false
	}
	switch s.at(i) {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// dropPrefix removes the first n letters, putting repl in their place when
// repl is not zero (see sbState.dropPrefix).
func (s *sbASCII) dropPrefix(n int, repl byte) {
	if repl != 0 {
		n--
		s.afterVowel = true
	}
	s.lo += n
	s.repl = repl
}

// removeFirstOrderPrefix is sbState.removeFirstOrderPrefix.
func (s *sbASCII) removeFirstOrderPrefix() bool {
	for _, p := range firstOrderPrefixes {
		n := len(p.prefix)
		if !s.hasPrefix(p.prefix) {
			continue
		}
		vowel := s.vowelAt(n)
		if p.onlyBeforeVowel && !vowel {
			continue
		}
		var repl byte
		if vowel {
			repl = byte(p.beforeVowel)
		}
		s.dropPrefix(n, repl)
		s.prefix = p.class
		s.measure--
		return true
	}
	return false
}

// removeSecondOrderPrefix is sbState.removeSecondOrderPrefix.
func (s *sbASCII) removeSecondOrderPrefix() bool {
	switch {
	case s.hasPrefix("pelajar"):
		s.dropPrefix(3, 0)
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
	case s.hasPrefix("be") && s.n() >= 5 && !s.vowelAt(2) && s.at(3) == 'e' && s.at(4) == 'r':
		s.dropPrefix(2, 0)
		s.prefix = sbPrefixBe
	default:
		return false
	}
	s.measure--
	return true
}
