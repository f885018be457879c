package entity

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// wordSamples are words of every case class and script the featurizer meets:
// ASCII names, acronyms, mixed case, digits, punctuation, non-ASCII letters, long
// words (whose shape stops after 13 bytes) and invalid UTF-8.
var wordSamples = []string{
	"", "a", "A", "Telegram", "KPK", "WhatsApp", "iPhone", "pengguna", "24/3/2018",
	"10.30", "2018", "3G", "(", ")", ",", ".", "Dr.", "S.Sos.", "H.", "--", "``",
	"Undang-Undang", "al-Qur'an", "Jum'at", "Ömer", "café", "ÇAĞ", "İstanbul", "ǅemal",
	"Γιάννης", "日本", "élan", "Ahmad123", "123abc", "x1y2z3", "AAAAAAAAAAAAAAAAAAAA",
	"Aaaaaaaaaaaaaaaaaaaaa", "a.b.c.d.e.f.g.h.i.j.k.l.m.n", "\xff\xfe", "abc\xffDEF",
	"Ⅻ", "ª", "ǈ", "Ｔｅｌｅｇｒａｍ", "٣٤", "Rp1,5", "US$", "#", "@user", "e-KTP",
}

// TestHashWord checks that the one-pass hashes of a word are those of the
// functions that define them, on ASCII and on every other kind of word: the
// model's features are these hashes.
func TestHashWord(t *testing.T) {
	words := append([]string(nil), wordSamples...)
	for _, w := range wordSamples {
		words = append(words, strings.ToUpper(w), strings.ToLower(w), w+w, "x"+w, "9"+w)
	}
	for _, w := range words {
		lower, exact, shape, cas, ascii := hashWord(w)
		if ascii != isASCII(w) {
			t.Errorf("hashWord(%q) ascii = %v", w, ascii)
		}
		if ascii {
			fz := featurizer{}
			if got, want := asciiAffixes(nil, w), fz.affixes(nil, w); !slices.Equal(got, want) {
				t.Errorf("asciiAffixes(%q) = %x, want %x", w, got, want)
			}
		}
		if want := fnvLower(fnvOffset, w); lower != want {
			t.Errorf("hashWord(%q) lower = %x, want %x", w, lower, want)
		}
		if want := fnvString(fnvOffset, w); exact != want {
			t.Errorf("hashWord(%q) exact = %x, want %x", w, exact, want)
		}
		if want := shapeHash(w); shape != want {
			t.Errorf("hashWord(%q) shape = %x, want %x", w, shape, want)
		}
		if want := wordCaseRunes(w); cas != want || wordCase(w) != want {
			t.Errorf("hashWord(%q) case = %d, wordCase %d, want %d", w, cas, wordCase(w), want)
		}
	}
}

// FuzzHashWord checks hashWord and wordCase against their definitions on any
// input.
func FuzzHashWord(f *testing.F) {
	for _, w := range wordSamples {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		lower, exact, shape, cas, ascii := hashWord(w)
		fz := featurizer{}
		if ascii && !slices.Equal(asciiAffixes(nil, w), fz.affixes(nil, w)) {
			t.Errorf("asciiAffixes(%q) differs from affixes", w)
		}
		if lower != fnvLower(fnvOffset, w) || exact != fnvString(fnvOffset, w) || shape != shapeHash(w) ||
			cas != wordCaseRunes(w) || wordCase(w) != cas {
			t.Errorf("hashWord(%q) differs from its definition", w)
		}
	})
}
