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
	title       set // abbreviations that stand before a name or number: Dr, Jl, No
	postnominal set // abbreviations that follow a name: Tbk, Ltd, Jr
	final       set // abbreviations that may end a sentence: dll, dsb, dst
	starters    set // function words that, capitalised, begin a sentence
	nyaWhole    set // words ending in -nya that keep it: hanya, akhirnya
	roots       set // roots ending like a clitic: sekolah, langkah, ampun
	kuMuHosts   set // words that take -ku and -mu: kepada, nama, hati
}

// set is a set of words, matched as described at [set.has].
type set map[string]struct{}

var lex = sync.OnceValue(func() *lexicon {
	return &lexicon{
		title:       mustSet("data/abbrev/title.txt"),
		postnominal: mustSet("data/abbrev/postnominal.txt"),
		final:       mustSet("data/abbrev/final.txt"),
		starters:    mustSet("data/starters.txt"),
		nyaWhole:    mustSet("data/clitic/nya-whole.txt"),
		roots:       mustSet("data/clitic/roots.txt"),
		kuMuHosts:   mustSet("data/clitic/ku-mu-hosts.txt"),
	}
})

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
