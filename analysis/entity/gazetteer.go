package entity

import (
	"bufio"
	"embed"
	"fmt"
	"strings"
)

//go:embed lists/*.txt lists/*.tsv
var listFS embed.FS

// gazClass is a bit set of the gazetteer lists a word or phrase belongs to.
type gazClass uint16

// The gazetteer lists. Phrase lists (LOC, ORG) match runs of tokens; the others are
// single trigger words.
const (
	gazLOC     gazClass = 1 << iota // provinces, cities, regencies, islands, countries
	gazORG                          // well-known organisations and their acronyms
	gazTitle                        // person titles, honorifics and roles: Presiden, Dr, Bapak
	gazOrgHead                      // words that head organisation names: PT, Partai, Universitas
	gazLocHead                      // words that head place names: Kabupaten, Kota, Jalan
	gazSpeech                       // reporting verbs: kata, ujar, ungkapnya
	gazGiven                        // common given names
	gazPrefix                       // a proper prefix of a longer phrase
	gazNotName                      // acronyms of common nouns: THR, KTP, APBD
	gazOrgCtx                       // words before organisations: klub, saham, aplikasi, melawan
	gazLocCtx                       // words before places: warga, desa, dolar
	gazOrgTail                      // words that end organisation names: Athletic, Airlines, Band
	gazLocTail                      // words that end place names: County, Street, Stadium
	numGazBits = 7                  // the classes that the features of features() use
)

// gazFiles maps each embedded list to its class.
var gazFiles = []struct {
	name  string
	class gazClass
}{
	{"lists/loc.txt", gazLOC},
	{"lists/region.txt", gazLOC},
	{"lists/world.txt", gazLOC},
	{"lists/landmark.txt", gazLOC},
	{"lists/org.txt", gazORG},
	{"lists/club.txt", gazORG},
	{"lists/company.txt", gazORG},
	{"lists/media.txt", gazORG},
	{"lists/band.txt", gazORG},
	{"lists/university.txt", gazORG},
	{"lists/institution.txt", gazORG},
	{"lists/title.txt", gazTitle},
	{"lists/orgtrigger.txt", gazOrgHead},
	{"lists/loctrigger.txt", gazLocHead},
	{"lists/speech.txt", gazSpeech},
	{"lists/given.txt", gazGiven},
	{"lists/notname.txt", gazNotName},
	{"lists/orgcontext.txt", gazOrgCtx},
	{"lists/loccontext.txt", gazLocCtx},
	{"lists/orgtail.txt", gazOrgTail},
	{"lists/loctail.txt", gazLocTail},
}

// gazetteer maps the hash of a lower-cased token sequence to its classes.
type gazetteer struct {
	phrases gazTable
	maxLen  int
}

// gazTable is an open-addressed hash table from the FNV hash of a phrase to its
// classes (never 0), probed linearly: the featurizer looks up every word of a
// sentence, and the hashes need no hashing again. A slot holds the key and its
// classes together, one read from memory; a Bloom filter of the keys, small
// enough to stay in the processor's cache, tells most words of a sentence from
// the table's without reading it.
type gazTable struct {
	slots []gazSlot
	n     int
	keys  wordBloom
}

// gazSlot is a slot of a gazTable; empty when its classes are 0.
type gazSlot struct {
	key uint64
	val gazClass
}

// slot returns the slot of key h: its own, or the empty one where it would go.
func (t *gazTable) slot(h uint64) *gazSlot {
	mask := len(t.slots) - 1
	// FNV's low bits are weak; a multiply spreads the high ones down.
	i := int((h*0x9E3779B97F4A7C15)>>32) & mask
	for {
		s := &t.slots[i]
		if s.key == h || s.val == 0 {
			return s
		}
		i = (i + 1) & mask
	}
}

// get returns the classes of key h, 0 if it has none.
func (t *gazTable) get(h uint64) gazClass {
	if len(t.slots) == 0 || !t.keys.mayHave(h) {
		return 0
	}
	return t.slot(h).val
}

// or adds the classes c (not 0) to those of key h.
func (t *gazTable) or(h uint64, c gazClass) {
	if (t.n+1)*2 > len(t.slots) {
		old := t.slots
		*t = gazTable{slots: make([]gazSlot, max(1024, 2*len(old))), keys: t.keys}
		for _, s := range old {
			if s.val != 0 {
				t.or(s.key, s.val)
			}
		}
	}
	s := t.slot(h)
	if s.val == 0 {
		s.key = h
		t.n++
		t.keys.add(h)
	}
	s.val |= c
}

// loadGazetteer reads the embedded lists.
func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{}
	for _, f := range gazFiles {
		data, err := listFS.ReadFile(f.name)
		if err != nil {
			return nil, fmt.Errorf("entity: reading gazetteer %s: %w", f.name, err)
		}
		sc := bufio.NewScanner(strings.NewReader(string(data)))
		for sc.Scan() {
			line, _, _ := strings.Cut(sc.Text(), "#") // a comment
			// A comma is a token of its own: Badan Meteorologi, Klimatologi, dan
			// Geofisika.
			words := strings.Fields(strings.ReplaceAll(line, ",", " , "))
			if len(words) == 0 {
				continue
			}
			g.add(words, f.class)
		}
	}
	return g, nil
}

func (g *gazetteer) add(words []string, c gazClass) {
	h := uint64(fnvOffset)
	for i, w := range words {
		if i > 0 {
			h = fnvByte(h, ' ')
		}
		h = fnvLower(h, w)
		if i < len(words)-1 {
			g.phrases.or(h, gazPrefix)
		}
	}
	g.phrases.or(h, c)
	g.maxLen = max(g.maxLen, len(words))
}

// word returns the classes of a single word, ignoring case and a trailing full stop
// (Dr. reads as dr).
func (g *gazetteer) word(w string) gazClass {
	if len(w) > 1 && w[len(w)-1] == '.' {
		w = w[:len(w)-1]
	}
	return g.wordHash(fnvLower(fnvOffset, w))
}

// wordHash is word for the word whose fnvLower hash is h, when it does not end
// in a full stop.
func (g *gazetteer) wordHash(h uint64) gazClass {
	return g.phrases.get(h) &^ gazPrefix
}

// phrase returns the classes of the phrase words, ignoring case.
func (g *gazetteer) phrase(words []string) gazClass {
	h := uint64(fnvOffset)
	for i, w := range words {
		if i > 0 {
			h = fnvByte(h, ' ')
		}
		h = fnvLower(h, w)
	}
	return g.phrases.get(h) &^ gazPrefix
}

// match marks, for each token, which phrase classes cover it: begin[i] has the
// classes of phrases starting at i, inside[i] of phrases covering i after their start.
// Matching is longest-first per start position and case-insensitive.
func (g *gazetteer) match(words []string, begin, inside []gazClass) {
	for i, w := range words {
		h := fnvLower(fnvOffset, w)
		c := g.phrases.get(h)
		if c == 0 {
			continue
		}
		best, end := g.longest(words, i, h, c)
		if best != 0 {
			begin[i] |= best
			for k := i + 1; k < end; k++ {
				inside[k] |= best
			}
		}
	}
}

// longest returns the phrase classes (LOC, ORG) of the longest phrase of the
// lists that starts at words[i], and its end; h is the hash of words[i] alone
// and c its entry (not 0).
func (g *gazetteer) longest(words []string, i int, h uint64, c gazClass) (best gazClass, end int) {
	end = i
	for j := i; g.maxLen > 0; {
		if p := c & (gazLOC | gazORG); p != 0 {
			best, end = p, j+1
		}
		if c&gazPrefix == 0 {
			break
		}
		if j++; j >= len(words) || j-i >= g.maxLen {
			break
		}
		h = fnvLower(fnvByte(h, ' '), words[j])
		if c = g.phrases.get(h); c == 0 {
			break
		}
	}
	return best, end
}
