package tokenize

import (
	"embed"
	"fmt"
	"strings"
	"sync"
)

// The word lists are plain text files, one entry a line, sorted; they were written
// by the Telaah authors (see data/NOTICE).
//
//go:embed data
var dataFS embed.FS

// lexicon holds the word lists the tokenizer consults. It is built once, lazily,
// and never changed afterwards.
type lexicon struct {
	// abbr maps an abbreviation without its final period, as written, in
	// capitals, and (for an all-lowercase entry) capitalised, to its class:
	// abbrTitle (Dr, Jl, No), abbrFinal (dll, dsb) or abbrPost (Tbk, S.H).
	abbr map[string]uint8
	// abbrBits is a Bloom filter of the keys of abbr by abbrKey: most words
	// before a full stop are no abbreviation, and are told without a look-up.
	abbrBits  [64]uint64
	starters  set // function words that, capitalised, begin a sentence
	nonfinal  set // function words that cannot end a sentence: dan, yang, di
	nyaWhole  set // words ending in -nya that keep it: hanya, akhirnya
	roots     set // roots ending like a clitic: sekolah, langkah, ampun
	rootForms set // the roots with the derivational prefixes: bersekolah, melangkah
	kuMuHosts set // words that take -ku and -mu: kepada, nama, hati
	// labelNouns are nouns a capital letter follows as a label: kumpulan B.
	labelNouns set
	// Bloom filters of nyaWhole, rootForms and kuMuHosts by foldHash: most
	// words that end like a clitic are none of them, and are told without a
	// look-up.
	nyaBits, rootBits, kuMuBits foldBloom
}

// set is a set of words, matched as described at [set.has].
type set map[string]struct{}

var lex = sync.OnceValue(func() *lexicon {
	l := &lexicon{
		abbr:       map[string]uint8{},
		starters:   mustSet("data/starters.txt"),
		nonfinal:   mustSet("data/nonfinal.txt"),
		nyaWhole:   mustSet("data/clitic/nya-whole.txt"),
		roots:      mustSet("data/clitic/roots.txt"),
		rootForms:  set{},
		kuMuHosts:  mustSet("data/clitic/ku-mu-hosts.txt"),
		labelNouns: mustSet("data/label-nouns.txt"),
	}
	// Earlier lists win: an abbreviation that is a title is never also final.
	for _, list := range []struct {
		name  string
		class uint8
	}{{"data/abbrev/title.txt", abbrTitle}, {"data/abbrev/final.txt", abbrFinal}, {"data/abbrev/postnominal.txt", abbrPost}} {
		for w := range mustSet(list.name) {
			variants := []string{w, strings.ToUpper(w)}
			if w == strings.ToLower(w) {
				variants = append(variants, strings.ToUpper(w[:1])+w[1:])
			}
			for _, v := range variants {
				if _, ok := l.abbr[v]; !ok {
					l.abbr[v] = list.class
				}
			}
		}
	}
	for w := range l.abbr {
		k := abbrKey(w)
		l.abbrBits[k>>6] |= 1 << (k & 63)
	}
	for r := range l.roots {
		for _, p := range rootPrefixes {
			l.rootForms[p+r] = struct{}{}
			// Nasal assimilation: mem+pilah → memilah, men+tulah → menulah.
			if len(p) >= 3 && len(r) >= 3 && nasalDrops(p[len(p)-1], r[0]) {
				l.rootForms[p+r[1:]] = struct{}{}
			}
		}
	}
	l.nyaBits, l.rootBits, l.kuMuBits = bloomOf(l.nyaWhole, 32), bloomOf(l.rootForms, 256), bloomOf(l.kuMuHosts, 32)
	return l
})

// foldBloom is a Bloom filter of words by foldHash, one bit a word; its length
// is a power of two.
type foldBloom []uint64

// bloomOf returns the filter of n words of 64 bits of the words of s.
func bloomOf(s set, n int) foldBloom {
	b := make(foldBloom, n)
	for w := range s {
		h := foldHash(w) & uint64(64*n-1)
		b[h>>6] |= 1 << (h & 63)
	}
	return b
}

// mayHave reports whether w, ASCII-lowercased, may be in the filter's set.
func (b foldBloom) mayHave(w string) bool {
	h := foldHash(w) & uint64(64*len(b)-1)
	return b[h>>6]&(1<<(h&63)) != 0
}

// foldHash is the FNV-1a hash of w with its ASCII capitals lower-cased.
func foldHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		c |= b2u(c-'A' < 26) << 5
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// abbrKey is the bit of a word in lexicon.abbrBits: its length and its first
// and last bytes, mixed (w is not empty).
func abbrKey(w string) uint64 {
	return (uint64(len(w))<<16 | uint64(w[0])<<8 | uint64(w[len(w)-1])) * 0x9E3779B97F4A7C15 >> 52
}

// abbrClass returns abbr[w], the class of the abbreviation w, or abbrNone.
func (l *lexicon) abbrClass(w string) uint8 {
	if w == "" {
		return abbrNone
	}
	if k := abbrKey(w); l.abbrBits[k>>6]&(1<<(k&63)) == 0 {
		return abbrNone
	}
	return l.abbr[w]
}

// nasalDrops reports whether a prefix ending in the nasal n replaces the first
// sound c of a root: m before p, n before t, ng before k, ny before s.
func nasalDrops(n, c byte) bool {
	return n == 'm' && c == 'p' || n == 'n' && c == 't' || n == 'g' && c == 'k' || n == 'y' && c == 's'
}

// mustSet reads an embedded list. The lists are part of the binary and checked by
// the tests, so a failure here is a build defect, not bad input.
func mustSet(name string) set {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic(fmt.Errorf("tokenize: embedded list %s: %w", name, err))
	}
	s := set{}
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			s[line] = struct{}{}
		}
	}
	return s
}

// has reports whether w is in the set: as written, in capitals (DR for Dr), or, for
// an all-lowercase entry, capitalised or in capitals (Dll and DLL for dll).
func (s set) has(w string) bool {
	if len(w) == 0 || len(w) > 24 {
		return false
	}
	if _, ok := s[w]; ok {
		return true
	}
	var buf [24]byte
	// Lowercase form: matches an all-lowercase entry when w is Capitalised or UPPER.
	low := buf[:len(w)]
	allUpper, restLower := true, true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 {
			return false
		}
		if 'a' <= c && c <= 'z' {
			allUpper = false
			if i == 0 {
				restLower = false
			}
		}
		if 'A' <= c && c <= 'Z' {
			if i > 0 {
				restLower = false
			}
			c += 'a' - 'A'
		}
		low[i] = c
	}
	if allUpper || restLower {
		if _, ok := s[string(low)]; ok { // the compiler does not allocate here
			return true
		}
	}
	if allUpper {
		// DR for Dr: the entry capitalised.
		low[0] -= 'a' - 'A'
		if _, ok := s[string(low)]; ok {
			return true
		}
	}
	return false
}

// hasFold reports whether the ASCII-lowercased w is in the set.
func (s set) hasFold(w string) bool {
	if len(w) == 0 || len(w) > 24 {
		return false
	}
	var buf [24]byte
	low := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[i] = c
	}
	_, ok := s[string(low)]
	return ok
}
