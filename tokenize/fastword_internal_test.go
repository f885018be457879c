package tokenize

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/telaah/telaah"
)

// TestFastWordMatchesReference checks fastWord, which reads eight letters at a
// time and classes the byte after them by a table, against the byte-at-a-time
// loop it replaced, at every position of the reference article and of random
// texts made of the bytes that matter to it (letters of both cases, digits,
// connectors, periods, colons, slashes, multi-byte runes): the same answer and,
// when it takes the word, the same token.
func TestFastWordMatchesReference(t *testing.T) {
	texts := []string{telaah.ReferenceArticle(), "bukunya Bukunya BUKUNYA apakah pulanglah kamipun rumahku bajumu a A ab AB aB Ab"}
	pieces := []string{"a", "b", "z", "A", "Z", "nya", "NYA", "lah", "kah", "pun", "ku", "Mu", "panjangsekali", "KOMPAS",
		" ", "  ", "\n", ".", ". ", ".x", ".-", "..", ":", "://", ":/", "-", "'", "/", "_", "&", "@", "+", "%", ",", "(", ")",
		"0", "9", "é", "’", "\u00ad", "\xff", "Dr", "dll", "Jl", "bkn", "x"}
	texts = append(texts, randomTexts(rand.New(rand.NewPCG(1, 2)), pieces, 3000, 24)...)
	for _, text := range texts {
		for i := 0; i < len(text); i++ {
			if c := text[i]; c >= 0x80 || asciiClass[c]&(cLower|cUpper) == 0 {
				continue
			}
			// The token fastWord writes is the scanner's, reused: every
			// field must be written.
			got := raw{Token: Token{Text: "junk", Start: -1, End: -1, Kind: 99, Case: 99, Flags: 0xffff, Pro: 9, Enc: 9}, abbr: 9, role: 9}
			var want raw
			ok, wantOK := fastWord(text, i, &got.Token), fastWordRef(text, i, &want)
			if ok {
				got.abbr, got.role = abbrNone, roleNone // as scanRaw sets them
			} else if got.Text != "junk" {
				t.Fatalf("fastWord(%q, %d) wrote %+v and did not take the word", text, i, got.Token)
			}
			if ok != wantOK || ok && got != want {
				t.Fatalf("fastWord(%q, %d) = %v %+v, want %v %+v", text, i, ok, got, wantOK, want)
			}
		}
	}
}

// fastWordRef is fastWord as it was before it read eight bytes at a time.
func fastWordRef(text string, i int, t *raw) bool {
	first := asciiClass[text[i]]
	// The classes of the letters after the first, or'ed: one branch a byte.
	var rest uint8
	j := i + 1
	for j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf {
			break
		}
		k := asciiClass[c]
		if k&(cLower|cUpper) == 0 {
			break
		}
		rest |= k
		j++
	}
	lower, innerUpper := (first|rest)&cLower != 0, rest&cUpper != 0
	if j < len(text) {
		c := text[j]
		if c >= utf8.RuneSelf || asciiClass[c]&cDigit != 0 {
			return false
		}
		switch c {
		case '.':
			// A period that is not followed by a word character cannot join a
			// domain, a dotted abbreviation or a number: unless the word is a listed
			// abbreviation or an initial, the word ends here (mostly: a sentence does).
			if j+1 < len(text) {
				switch c2 := text[j+1]; c2 {
				case '@', '_', '%', '+', '-':
					return false
				default:
					if wordAt(text, j+1) > 0 {
						return false
					}
				}
			}
			if j-i == 1 && first&cUpper != 0 || lex().abbr[text[i:j]] != abbrNone || isVowelless(text[i:j]) {
				return false
			}
		case '-', '\'', '/', '_', '&', '@', '+', '%':
			return false
		case ':':
			if j+1 < len(text) && text[j+1] == '/' {
				return false
			}
		}
	}
	w := text[i:j]
	*t = raw{Token: Token{Text: w, Start: i, End: j, Kind: Word}}
	switch {
	case first&cLower != 0 && !innerUpper:
		t.Case = Lower
	case first&cLower != 0:
		t.Case = Mixed
	case !innerUpper:
		t.Case = Capitalised
	case !lower:
		t.Case = Upper
	default:
		t.Case = Mixed
	}
	if n := len(w); n >= 5 {
		// Only words that end like a clitic need the full check.
		c1, c2, c3 := w[n-1]|0x20, w[n-2]|0x20, w[n-3]|0x20
		if c1 == 'a' && c2 == 'y' && c3 == 'n' || c1 == 'h' && c2 == 'a' && (c3 == 'l' || c3 == 'k') ||
			c1 == 'n' && c2 == 'u' && c3 == 'p' || c1 == 'u' && (c2 == 'k' || c2 == 'm') {
			t.Enc = encJoined(w, 0, false)
		}
	}
	return true
}

// TestAbbrClass checks lexicon.abbrClass, which tells most words from the
// abbreviations by a Bloom filter before it looks one up, against the look-up
// alone: on every abbreviation, in every case, and on the words of the
// reference article; the filter lets few other words through.
func TestAbbrClass(t *testing.T) {
	l := lex()
	words := []string{"", "a", "A"}
	for w := range l.abbr {
		words = append(words, w, strings.ToLower(w), strings.ToUpper(w), w+"x")
	}
	for _, tk := range Tokenize(telaah.ReferenceArticle()) {
		words = append(words, tk.Text)
	}
	passed := 0
	for _, w := range words {
		if got, want := l.abbrClass(w), l.abbr[w]; got != want {
			t.Fatalf("abbrClass(%q) = %d, want %d", w, got, want)
		}
		if w != "" {
			if k := abbrKey(w); l.abbrBits[k>>6]&(1<<(k&63)) != 0 && l.abbr[w] == abbrNone {
				passed++
			}
		}
	}
	if passed > len(words)/4 {
		t.Errorf("the filter lets %d of %d words through", passed, len(words))
	}
}

// TestFoldBlooms checks that the Bloom filters of the clitic lists pass every
// word of their lists, in any case, and most other words: the look-ups they
// spare answer no for those.
func TestFoldBlooms(t *testing.T) {
	l := lex()
	for _, c := range []struct {
		s set
		b foldBloom
	}{{l.nyaWhole, l.nyaBits}, {l.rootForms, l.rootBits}, {l.kuMuHosts, l.kuMuBits}} {
		for w := range c.s {
			for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
				if !c.b.mayHave(v) {
					t.Fatalf("the filter misses %q", v)
				}
			}
		}
		passed, n := 0, 0
		for _, tk := range Tokenize(telaah.ReferenceArticle()) {
			n++
			if c.b.mayHave(tk.Text) {
				passed++
			}
		}
		if passed > n/5 {
			t.Errorf("the filter of %d words lets %d of %d words through", len(c.s), passed, n)
		}
	}
}

// randomTexts returns n texts, each of 1 to most+1 pieces drawn by rng: the
// inputs of the tests that hold a fast path to the code it replaced.
func randomTexts(rng *rand.Rand, pieces []string, n, most int) []string {
	texts := make([]string, n)
	for i := range texts {
		var b strings.Builder
		for k := rng.IntN(most); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts[i] = b.String()
	}
	return texts
}
