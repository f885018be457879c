// Package rootgen derives root lists for the stemmer's lexicon from the shared
// data: the lemmas of the UD Indonesian treebanks and the word forms of Snowball's
// Indonesian vocabulary. The generator command (cmd/genroots) and the stemmer's
// tests use it, so the shipped lists can be rebuilt and checked.
package rootgen

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/telaah/telaah/internal/dataset"
)

// skipUPOS are the UD classes whose lemmas are not roots of the lexicon: names,
// numbers, symbols, punctuation and foreign or unknown words.
var skipUPOS = map[string]bool{"PROPN": true, "NUM": true, "SYM": true, "PUNCT": true, "X": true}

// UDLemmas returns the sorted, lower-cased lemmas of the UD files at paths that can
// serve as roots.
//
// A lemma counts when its token is lower case in the text, or when the lemma
// differs from the form (CSUI leaves many capitalised words unlemmatised, so a
// capitalised Perusahaan with lemma Perusahaan says nothing). A lemma that the
// treebanks more often lemmatise further as a form (menjadi → jadi) is left out:
// the majority decides.
func UDLemmas(paths ...string) ([]string, error) {
	asLemma := map[string]int{}           // lemma seen as the lemma of a reliable token
	kept := map[string]int{}              // form seen with lemma == form
	reduced := map[string]int{}           // form seen with a different lemma
	byForm := map[string]map[string]int{} // form → lemma → count
	for _, p := range paths {
		sents, err := dataset.ReadCoNLLU(p)
		if err != nil {
			return nil, fmt.Errorf("ud lemmas: %w", err)
		}
		for _, s := range sents {
			for _, w := range s.Words {
				if skipUPOS[w.UPOS] {
					continue
				}
				lemma := strings.ToLower(w.Lemma)
				form := strings.ToLower(w.Form)
				if !isWord(lemma) {
					continue
				}
				capital := w.Form != "" && unicode.IsUpper([]rune(w.Form)[0])
				if form == lemma {
					if capital {
						continue
					}
					kept[form]++
				} else {
					reduced[form]++
				}
				asLemma[lemma]++
				if byForm[form] == nil {
					byForm[form] = map[string]int{}
				}
				byForm[form][lemma]++
			}
		}
	}
	// formsOf lists the forms lemmatised as each lemma.
	formsOf := map[string][]string{}
	for f, ls := range byForm {
		for l := range ls {
			formsOf[l] = append(formsOf[l], f)
		}
	}
	// A lemma that is an affixed form of a more frequent lemma (lakukan of laku,
	// miliki of milik) is an imperative or an inconsistent annotation, unless
	// the treebanks keep it as itself at least three times (bekerja).
	derivedLemma := map[string]bool{}
	for r, n := range asLemma {
		for _, p := range patterns {
			if p.name[0] != '-' {
				continue // prefixed lemmas (ketua, peserta, termasuk) are lexicalised
			}
			f := p.make(r)
			if f != "" && f != r && asLemma[f] > 0 && asLemma[f] < n && kept[f] < 3 {
				derivedLemma[f] = true
			}
		}
	}
	var out []string
	for l, n := range asLemma {
		if derivedLemma[l] {
			continue
		}
		if reduced[l] > kept[l] {
			continue
		}
		// The same forms more often lemmatised to a shorter lemma inside this
		// one (dilakukan: laku, rarely lakukan) make this one an inconsistent
		// annotation, not a root.
		alt := 0
		for _, f := range formsOf[l] {
			for l2, k := range byForm[f] {
				if l2 != l && len(l2) < len(l) && strings.Contains(l, l2) {
					alt += k
				}
			}
		}
		if alt > n {
			continue
		}
		out = append(out, l)
	}
	sort.Strings(out)
	return out, nil
}

// isWord reports whether s is a plausible root: two or more lower-case ASCII
// letters.
func isWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}
