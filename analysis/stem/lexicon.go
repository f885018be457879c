package stem

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// The embedded root lists. See data/NOTICE for where each comes from.
var (
	//go:embed data/roots-own.txt
	rootsOwn string
	//go:embed data/roots-ud.txt
	rootsUD string
	//go:embed data/roots-snowball.txt
	rootsSnowball string
	//go:embed data/roots-unanalysed.txt
	rootsUnanalysed string
	//go:embed data/protected.txt
	protectedList string
	//go:embed data/not-roots.txt
	notRoots string
	//go:embed data/lexicalised.txt
	lexicalised string
	//go:embed data/nasal-losers.txt
	nasalLosers string
)

// RootLexicon is an immutable set of Indonesian roots. Editing methods return a new
// lexicon, so a RootLexicon can be shared between goroutines freely.
type RootLexicon struct {
	// roots maps each root to its flags (rootWeak).
	roots map[string]uint8
	// filter is a Bloom filter over the roots: most candidate roots the stemmer
	// tries are not roots, and the filter turns them away before the map.
	filter []uint64
}

// filterBits is the size of the Bloom filter (a power of two): 2^20 bits, 128 KiB,
// keeps false positives under 1 % for 50,000 roots with two probes.
const filterBits = 1 << 20

// fnv64 is the FNV-1a hash of s.
func fnv64(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// newLexicon wraps m, building its filter.
func newLexicon(m map[string]uint8) *RootLexicon {
	l := &RootLexicon{roots: m, filter: make([]uint64, filterBits/64)}
	for w := range m {
		h := fnv64(w)
		a, b := h&(filterBits-1), (h>>32)&(filterBits-1)
		l.filter[a>>6] |= 1 << (a & 63)
		l.filter[b>>6] |= 1 << (b & 63)
	}
	return l
}

// mayHave reports false when s is certainly not a root.
func (l *RootLexicon) mayHave(s string) bool { return l.probe(fnv64(s)) }

// probe checks the filter bits of hash h.
func (l *RootLexicon) probe(h uint64) bool {
	a, b := h&(filterBits-1), (h>>32)&(filterBits-1)
	return l.filter[a>>6]&(1<<(a&63)) != 0 && l.filter[b>>6]&(1<<(b&63)) != 0
}

// lookupBytes is lookup for a word held in bytes.
func (l *RootLexicon) lookupBytes(s []byte) (ok, weak bool) {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	if !l.probe(h) {
		return false, false
	}
	f, ok := l.roots[string(s)]
	return ok, f&rootWeak != 0
}

// lookupBytesFlags is lookupFlags for a word held in bytes.
func (l *RootLexicon) lookupBytesFlags(s []byte) (uint8, bool) {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	if !l.probe(h) {
		return 0, false
	}
	f, ok := l.roots[string(s)]
	return f, ok
}

// rootWeak marks a root known only from Snowball's vocabulary: a root-like word
// form whose analyses lose to those reaching a better attested root.
const rootWeak uint8 = 1

// rootNasalLoser marks a root that loses a meN-/peN- ambiguity to a rival root
// by the evidence of Snowball's vocabulary (data/nasal-losers.txt): meminta is
// me- + minta (diminta, permintaan), not meN- + pinta.
const rootNasalLoser uint8 = 2

// lookupFlags returns the flags of s and whether it is a root.
func (l *RootLexicon) lookupFlags(s string) (uint8, bool) {
	if !l.mayHave(s) {
		return 0, false
	}
	f, ok := l.roots[s]
	return f, ok
}

// NewRootLexicon returns a lexicon of words, lower-cased. It returns an error
// naming the first word that is empty or contains anything but letters and
// hyphens.
func NewRootLexicon(words []string) (*RootLexicon, error) {
	m := make(map[string]uint8, len(words))
	for i, w := range words {
		w, err := cleanRoot(w)
		if err != nil {
			return nil, fmt.Errorf("stem: root %d: %w", i+1, err)
		}
		m[w] = 0
	}
	return newLexicon(m), nil
}

// ReadRootLexicon reads a lexicon of one root a line. Blank lines and lines
// starting with # are skipped; anything else that is not a single word is an
// error that names the line.
func ReadRootLexicon(r io.Reader) (*RootLexicon, error) {
	m := make(map[string]uint8, 1024)
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || s[0] == '#' {
			continue
		}
		w, err := cleanRoot(s)
		if err != nil {
			return nil, fmt.Errorf("stem: read lexicon: line %d: %w", line, err)
		}
		m[w] = 0
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("stem: read lexicon: %w", err)
	}
	return newLexicon(m), nil
}

// cleanRoot lower-cases w and checks that it is one word of letters (hyphens
// allowed inside, for roots such as kupu-kupu).
func cleanRoot(w string) (string, error) {
	w = lower(strings.TrimSpace(w))
	if w == "" {
		return "", fmt.Errorf("empty word")
	}
	for i, r := range w {
		if unicode.IsLetter(r) || (r == '-' && i > 0 && i < len(w)-1) {
			continue
		}
		return "", fmt.Errorf("%q is not a single word of letters", w)
	}
	return w, nil
}

// parseList adds the entries of an embedded list (one a line, # comments) to m
// with the given flags, without copying them. An entry already present keeps the
// flags it has.
func parseList(m map[string]uint8, list string, flags uint8) {
	for e := range entries(list) {
		if _, ok := m[e]; !ok {
			m[e] = flags
		}
	}
}

// entries yields the entries of an embedded list (one a line, # comments), in
// order, as substrings of list.
func entries(list string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for line := range strings.Lines(list) {
			if e := listEntry(line); e != "" && !yield(e) {
				return
			}
		}
	}
}

// listEntry returns the entry of one line of an embedded list: the line without
// a comment (from # to its end) and surrounding space; "" for a blank line or a
// comment.
func listEntry(line string) string {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	return strings.TrimSpace(line)
}

// defaultLexicon builds the embedded lexicon once.
var defaultLexicon = sync.OnceValues(func() (*RootLexicon, error) {
	return loadDefaultLexicon(), nil
})

// loadDefaultLexicon parses the embedded root lists.
func loadDefaultLexicon() *RootLexicon {
	return buildLexicon(listEntries(rootsUD))
}

// buildLexicon builds the default lexicon with the UD lemmas ud: our roots and
// lexicalised forms, the lemmas that are not affixed forms of another attested
// root (see dropDerived), the weak roots of Snowball's vocabulary, less the
// entries of data/not-roots.txt.
func buildLexicon(ud []string) *RootLexicon {
	m := make(map[string]uint8, 45000)
	parseList(m, rootsOwn, 0)
	parseList(m, lexicalised, 0)

	var added []string
	for _, w := range ud {
		if _, ok := m[w]; !ok {
			m[w] = 0
			added = append(added, w)
		}
	}
	parseList(m, rootsSnowball, rootWeak)
	parseList(m, rootsUnanalysed, rootWeak)
	dropNotRoots(m)
	dropDerived(m, added)
	for _, w := range listEntries(nasalLosers) {
		if f, ok := m[w]; ok {
			m[w] = f | rootNasalLoser
		}
	}
	return newLexicon(m)
}

// dropDerived deletes from m the words of cands that are affixed forms of
// another well attested root of m: a treebank lemmatises pekerja, terdiri,
// merupakan or pernyataan as themselves, but a search stemmer must put them on
// the root of their family (kerja, diri, rupa, nyata) with bekerja, pekerjaan,
// menyatakan. Affixed forms kept as roots because conflating them would join
// unrelated meanings (penduduk and duduk, perdana and dana) are listed, each
// with the reason, in data/lexicalised.txt; our own roots (data/roots-own.txt)
// are never candidates.
func dropDerived(m map[string]uint8, cands []string) {
	lex := newLexicon(m)
	var derived []string
	for _, w := range cands {
		if f, ok := m[w]; !ok || f&rootWeak != 0 || !isASCIIWord(w) {
			continue
		}
		az := analyzer{lex: lex, strongOnly: true}
		if az.analyzeWord(w) {
			derived = append(derived, w)
		}
	}
	for _, w := range derived {
		delete(m, w)
	}
}

// listEntries returns the entries of an embedded list, in order.
func listEntries(list string) []string { return slices.Collect(entries(list)) }

// dropNotRoots deletes the entries of data/not-roots.txt from m.
func dropNotRoots(m map[string]uint8) {
	not := map[string]uint8{}
	parseList(not, notRoots, 0)
	for w := range not {
		delete(m, w)
	}
}

// DefaultRootLexicon returns the embedded root lexicon: roots written for this
// project, roots derived from the lemmas of the UD Indonesian treebanks, and roots
// found in Snowball's Indonesian vocabulary (see the package's data/NOTICE).
func DefaultRootLexicon() *RootLexicon {
	l, _ := defaultLexicon()
	return l
}

// defaultProtected returns the embedded protected names, lower-cased.
var defaultProtected = sync.OnceValue(func() []string {
	m := map[string]uint8{}
	parseList(m, protectedList, 0)
	out := make([]string, 0, len(m))
	for w := range m {
		out = append(out, lower(w))
	}
	sort.Strings(out)
	return out
})

// DefaultProtected returns the embedded list of protected names (lower case,
// sorted): Indonesian places, regions, people and brands that look affixed.
func DefaultProtected() []string {
	return append([]string(nil), defaultProtected()...)
}

// has reports whether s is a root; s must be lower case.
func (l *RootLexicon) has(s string) bool {
	_, ok := l.roots[s]
	return ok
}

// lookup reports whether s is a root and whether it is a weak one.
func (l *RootLexicon) lookup(s string) (ok, weak bool) {
	if !l.mayHave(s) {
		return false, false
	}
	f, ok := l.roots[s]
	return ok, f&rootWeak != 0
}

// Contains reports whether word (in any case) is a root of the lexicon.
func (l *RootLexicon) Contains(word string) bool { return l.has(lower(word)) }

// Len returns the number of roots.
func (l *RootLexicon) Len() int { return len(l.roots) }

// Words returns the roots, sorted.
func (l *RootLexicon) Words() []string {
	out := make([]string, 0, len(l.roots))
	for w := range l.roots {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// With returns a copy of the lexicon with words added. It returns an error, and
// no lexicon, when a word is not a single word of letters.
func (l *RootLexicon) With(words ...string) (*RootLexicon, error) {
	add := make([]string, len(words))
	for i, w := range words {
		c, err := cleanRoot(w)
		if err != nil {
			return nil, fmt.Errorf("root %d: %w", i+1, err)
		}
		add[i] = c
	}
	m := make(map[string]uint8, len(l.roots)+len(add))
	for w, f := range l.roots {
		m[w] = f
	}
	for _, w := range add {
		m[w] = 0
	}
	return newLexicon(m), nil
}

// Without returns a copy of the lexicon without words (in any case).
func (l *RootLexicon) Without(words ...string) *RootLexicon {
	m := make(map[string]uint8, len(l.roots))
	for w, f := range l.roots {
		m[w] = f
	}
	for _, w := range words {
		delete(m, lower(strings.TrimSpace(w)))
	}
	return newLexicon(m)
}

// WriteTo writes the roots, sorted, one a line. It implements io.WriterTo.
func (l *RootLexicon) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	var n int64
	for _, r := range l.Words() {
		k, err := bw.WriteString(r + "\n")
		n += int64(k)
		if err != nil {
			return n, fmt.Errorf("stem: write lexicon: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return n, fmt.Errorf("stem: write lexicon: %w", err)
	}
	return n, nil
}
