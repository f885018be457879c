package entity

import (
	"bufio"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/telaah/telaah/tokenize"
)

// aliases maps lower-cased nicknames and acronyms (jokowi, sby, kpk) to the
// lower-cased full names they stand for, from lists/alias.tsv.
var aliases = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	data, err := listFS.ReadFile("lists/alias.tsv")
	if err != nil {
		return m
	}
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		short, long, ok := strings.Cut(sc.Text(), "\t")
		if ok {
			m[short] = long
		}
	}
	return m
})

// resolveOverlaps sorts entities by Start and drops those overlapping an earlier
// kept one, preferring the longer span (the earlier on a tie).
func resolveOverlaps(es []Entity) []Entity {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Start != es[j].Start {
			return es[i].Start < es[j].Start
		}
		return es[i].End > es[j].End
	})
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && e.Start < out[n-1].End {
			if e.End-e.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = e
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

// isName reports whether the entity is a person, organisation or place.
func isName(l Label) bool { return l == PER || l == ORG || l == LOC }

// propagate adds the later (or earlier) mentions that the model missed of names it
// found elsewhere in the document: the same capitalised words, or one part of a
// person's name (Pavel, Durov after Pavel Durov). es must be sorted and not overlap;
// the result is too. In the idner style places are not propagated: that corpus
// tags a country or city by its use in each mention (Indonesia the place, but
// produk Indonesia and Duta Besar Indonesia untagged), which the model reads from
// the context of the mention itself.
func propagate(text string, sents [][]tokenize.Token, es []Entity, style Style) []Entity {
	type form struct {
		label Label
		conf  float64
	}
	forms := map[string]form{}
	for _, e := range es {
		if !isName(e.Label) || e.Confidence < 0.5 || style == StyleIdner && e.Label == LOC {
			continue
		}
		forms[e.Text] = form{e.Label, e.Confidence}
	}
	// Parts of person names, unless they are names of another kind too.
	for _, e := range es {
		if e.Label != PER || e.Confidence < 0.5 {
			continue
		}
		for _, w := range strings.Fields(e.Text) {
			if _, ok := forms[w]; !ok && len(w) > 2 && wordCase(w) == cCap {
				forms[w] = form{PER, e.Confidence}
			}
		}
	}
	if len(forms) == 0 {
		return es
	}
	var added []Entity
	k := 0 // next entity not ending before the current token
	for _, toks := range sents {
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if c := wordCase(t.Text); c != cCap && c != cUpper && c != cMixed {
				continue
			}
			for k < len(es) && es[k].End <= t.Start {
				k++
			}
			if k < len(es) && es[k].Start < t.End {
				continue // already inside an entity
			}
			// The longest known form starting here that ends before the next entity.
			limit := len(text)
			if k < len(es) {
				limit = es[k].Start
			}
			best := -1
			for j := i; j < len(toks) && j < i+6 && toks[j].End <= limit; j++ {
				if _, ok := forms[text[t.Start:toks[j].End]]; ok {
					best = j
				}
			}
			if best < 0 {
				continue
			}
			s := text[t.Start:toks[best].End]
			f := forms[s]
			added = append(added, Entity{Text: s, Start: t.Start, End: toks[best].End, Label: f.label, Confidence: f.conf * 0.8})
			i = best
		}
	}
	if len(added) == 0 {
		return es
	}
	return resolveOverlaps(append(es, added...))
}

// cluster sets the Canonical form of each entity: for persons, organisations and
// places, the longest mention of the same label in the document that contains the
// entity's words in order (Pavel Durov for Durov) or that its alias stands for
// (Joko Widodo for Jokowi); for other entities, and when there is none, the text.
func cluster(es []Entity) {
	type mention struct {
		text      string
		label     Label
		words     []string // lower-cased
		canonical string
	}
	byLabel := map[Label][]*mention{}
	seen := map[Label]map[string]*mention{}
	for i, e := range es {
		es[i].Canonical = e.Text
		if !isName(e.Label) {
			continue
		}
		if seen[e.Label] == nil {
			seen[e.Label] = map[string]*mention{}
		}
		if seen[e.Label][e.Text] == nil {
			m := &mention{text: e.Text, label: e.Label, words: strings.Fields(strings.ToLower(e.Text)), canonical: e.Text}
			seen[e.Label][e.Text] = m
			byLabel[e.Label] = append(byLabel[e.Label], m)
		}
	}
	al := aliases()
	for _, ms := range byLabel {
		// Longest first (the earliest on a tie), so that a longer mention's own
		// canonical form is settled before shorter ones point to it.
		sort.SliceStable(ms, func(a, b int) bool { return len(ms[a].text) > len(ms[b].text) })
		for k, m := range ms {
			var full []string
			if a, ok := al[strings.Join(m.words, " ")]; ok {
				full = strings.Fields(a)
			}
			for _, c := range ms[:k] {
				if len(c.text) <= len(m.text) {
					break
				}
				if containsRun(c.words, m.words) && (m.label != LOC || onlyPlaceHeads(c.words, m.words)) &&
					(m.label != ORG || !regionalUnit(c.words, m.words)) ||
					full != nil && containsRun(c.words, full) ||
					len(m.words) == 1 && isAcronymOf(m.text, c.words) {
					m.canonical = c.canonical
					break
				}
			}
		}
	}
	for i, e := range es {
		if m := seen[e.Label][e.Text]; m != nil {
			es[i].Canonical = m.canonical
		}
	}
}

// isAcronymOf reports whether acr, written in capitals, is made of the initials of
// words (lower-cased), with or without their function words: KPK for komisi
// pemberantasan korupsi, BPK for badan pemeriksa keuangan.
func isAcronymOf(acr string, words []string) bool {
	if len(acr) < 2 || len(words) < 2 || wordCase(acr) != cUpper {
		return false
	}
	var all, content []byte
	for _, w := range words {
		c := w[0]
		if c < 'a' || c > 'z' {
			return false
		}
		all = append(all, c-'a'+'A')
		switch w {
		case "dan", "dari", "di", "untuk", "&", "of", "and", "the", "ke":
		default:
			content = append(content, c-'a'+'A')
		}
	}
	return acr == string(all) || acr == string(content)
}

// containsRun reports whether sub occurs in words as a contiguous run.
func containsRun(words, sub []string) bool {
	if len(sub) == 0 {
		return false
	}
outer:
	for i := 0; i+len(sub) <= len(words); i++ {
		for j, w := range sub {
			if words[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}

// onlyPlaceHeads reports whether the words of long around its run of short are all
// place heads (Kota Bekasi for Bekasi, Daerah Istimewa Yogyakarta for Yogyakarta),
// so that the two name the same place: Surabaya Barat is not Surabaya.
func onlyPlaceHeads(long, short []string) bool {
	extra := len(long) - len(short)
	for i := 0; i+len(short) <= len(long); i++ {
		if !slices.Equal(long[i:i+len(short)], short) {
			continue
		}
		ok := true
		for _, w := range slices.Concat(long[:i], long[i+len(short):]) {
			ok = ok && (placeHeads[strings.TrimSuffix(w, ".")] || w == "daerah" || w == "istimewa" || w == "khusus")
		}
		if ok {
			return extra > 0
		}
	}
	return false
}

// regionalUnit reports whether long is short followed by a place of the lists
// (bmkg ambon for bmkg, polda jawa tengah for polda): the office of an
// institution in a region, another organisation than the institution itself,
// unless the lists know long as one organisation's name.
func regionalUnit(long, short []string) bool {
	if len(long) <= len(short) || !slices.Equal(long[:len(short)], short) {
		return false
	}
	g, err := defaultGazetteer()
	if err != nil {
		return false
	}
	// A name of the lists is one organisation, place and all (Persebaya
	// Surabaya is Persebaya).
	return g.phrase(long[len(short):])&gazLOC != 0 && g.phrase(long)&gazORG == 0
}
