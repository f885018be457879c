package entity

import (
	"unicode"
	"unicode/utf8"
)

// NERGrit, taken from Wikipedia, writes every letter outside ASCII as question
// marks between the pieces of its word: Lannerböck is "Lannerb ? ? ck", München
// "M ? ? nchen", São Paulo "S ? ? o Paulo". Its annotators tag the whole word
// (Lars Johan Yngve Lannerb ? ? ck, FC Bayern M ? ? nchen), where a tagger sees
// a name that stops at the first question mark.

// maxReplaced is the most question marks that stand for one letter: one a byte
// of its UTF-8 encoding.
const maxReplaced = utf8.UTFMax

// replacedLetters joins a word whose letter was replaced by question marks to
// the name it belongs to: a piece of the word in a span takes the whole word
// into the span, and a capitalised word next to a span (S ? ? o Paulo, Ana
// Mart ? ? nez Ram ? ? rez) joins it, so that the name keeps its words whole.
// It serves the NERGrit style, whose text is written so.
func (s *spanSet) replacedLetters() {
	n := len(s.words)
	for k := 1; k+1 < n; k++ {
		if s.words[k] != "?" {
			continue
		}
		// The word runs from the piece before the question marks to the
		// piece after them.
		q := k
		r := k
		for r < n && s.words[r] == "?" {
			r++
		}
		k = r
		if r-q > maxReplaced || r >= n || !endsWithLetter(s.words[q-1]) || !startsWithLetter(s.words[r]) {
			continue
		}
		from, to := q-1, r+1
		// A word of pieces: the last piece may be followed by more question
		// marks and pieces (Ram ? ? rez ? ? a).
		for to+1 < n && s.words[to] == "?" {
			e := to
			for e < n && s.words[e] == "?" {
				e++
			}
			if e-to > maxReplaced || e >= n || !startsWithLetter(s.words[e]) || !endsWithLetter(s.words[to-1]) {
				break
			}
			to = e + 1
		}
		k = to - 1
		var l Label
		i, j := from, to
		for m := from; m < to; m++ {
			if sp, ok := s.spanAt(m); ok {
				l = sp.l
				i, j = min(i, sp.i), max(j, sp.j)
				break
			}
		}
		if l == "" && s.isCapWord(from) {
			// A capitalised word next to a name is part of it.
			if sp, ok := s.spanAt(from - 1); ok {
				l, i = sp.l, sp.i
			} else if sp, ok := s.spanAt(to); ok {
				l, j = sp.l, sp.j
			}
		}
		if l == "" {
			continue
		}
		// Spans of the same label that the word's pieces reach join it.
		for m := i; m < j; m++ {
			if sp, ok := s.spanAt(m); ok && sp.l == l {
				i, j = min(i, sp.i), max(j, sp.j)
			}
		}
		s.set(i, j, l, s.conf[i])
	}
}

// startsWithLetter reports whether w begins with a letter.
func startsWithLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

// endsWithLetter reports whether w ends with a letter.
func endsWithLetter(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return unicode.IsLetter(r)
}
