package entity

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

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
// kept one, preferring the longer span (the earlier on a tie). scratch is space
// for the sort, kept for the next call.
func resolveOverlaps(es []Entity, scratch *[]Entity) []Entity {
	sortEntities(es, scratch)
	// In place: an entity moves only when an earlier one was dropped.
	n := 0
	for i := range es {
		e := &es[i]
		if n > 0 && e.Start < es[n-1].End {
			if e.End-e.Start > es[n-1].End-es[n-1].Start {
				es[n-1] = *e
			}
			continue
		}
		if n != i {
			es[n] = *e
		}
		n++
	}
	return es[:n]
}

// byStart orders entities by Start, the longer first.
func byStart(a, b Entity) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return cmp.Compare(b.End, a.End)
}

// nameIndex numbers the labels of names, for which isName holds: PER 0, ORG
// 1, LOC 2.
func nameIndex(l Label) int {
	return b2i(l[0] == 'O') + 2*b2i(l[0] == 'L')
}

// startsAfter reports whether byStart(*a, *b) > 0: b comes before a. It reads
// the offsets through pointers, without copying the entities.
func startsAfter(a, b *Entity) bool {
	return a.Start > b.Start || a.Start == b.Start && a.End < b.End
}

// sortEntities is slices.SortStableFunc(es, byStart) for the lists Extract
// sorts: two sorted runs (the names line by line, then the dates and amounts;
// the names, then the mentions propagation adds), which it merges through
// scratch; any other order is sorted.
func sortEntities(es []Entity, scratch *[]Entity) {
	m := 1
	for m < len(es) && !startsAfter(&es[m-1], &es[m]) {
		m++
	}
	if m >= len(es) {
		return
	}
	for k := m + 1; k < len(es); k++ {
		if startsAfter(&es[k-1], &es[k]) {
			slices.SortStableFunc(es, byStart)
			return
		}
	}
	// The left run moves to scratch and merges back into es; the right run
	// is read before it is overwritten (k < j throughout), and on a tie the
	// left comes first, as a stable sort keeps it.
	left := append((*scratch)[:0], es[:m]...)
	i, j, k := 0, m, 0
	for i < len(left) && j < len(es) {
		if startsAfter(&left[i], &es[j]) {
			es[k] = es[j]
			j++
		} else {
			es[k] = left[i]
			i++
		}
		k++
	}
	copy(es[k:], left[i:])
	clear(left)
	*scratch = left
}

// isName reports whether the entity is a person, organisation or place.
func isName(l Label) bool {
	if len(l) != 3 {
		return false // DATE, TIME, MONEY, PERCENT, QUANTITY, none
	}
	// The three bytes at once, not three string comparisons.
	k := uint32(l[0])<<16 | uint32(l[1])<<8 | uint32(l[2])
	return k == 'P'<<16|'E'<<8|'R' || k == 'O'<<16|'R'<<8|'G' || k == 'L'<<16|'O'<<8|'C'
}

// docScratch is the scratch space of the stages of Extract that read a whole
// document (lines, propagation, clustering, confidence), kept with a tagger from
// one call to the next so that they allocate little; release drops what it holds
// of the last text.
type docScratch struct {
	valid []tokenize.Token
	kept  [][]tokenize.Token
	cuts  []int32 // where tokenLines cuts valid into lines
	// starts are the indexes in valid of the tokens at which a rule of
	// numericEntities may start (numericStarts).
	starts []int32
	// tokCase is set when the tokens are the tokenizer's own (tokenLines):
	// a token whose Case is Lower has no upper-case letter then.
	tokCase  bool
	caps     []int32  // propagate's scratch: the indexes in valid of the tokens that may hold a capital
	keys     formKeys // propagate's forms' keys
	ents     []Entity
	words    []string
	acros    [][2]string
	forms    map[string]form
	parts    []string // propagate's scratch: the words of a person's name
	added    []Entity
	merge    []Entity // resolveOverlaps' scratch
	mentions []mention
	order    []int32
	byText   [3]map[string]int32 // index in mentions, by the label's nameIndex and the text
	lowWords []string            // the lower-cased words of the mentions
	lowBytes []byte              // the mentions lower-cased, one after the other
	accs     []acc
	at       []int32             // per entity: its mention (cluster), its acc (aggregateConfidence)
	byCanon  [3]map[string]int32 // index in accs, by the label's nameIndex and the canonical form
	canon    map[string]string   // canonicalAcronyms' canonical forms by text
	long     map[string]string   // and by acronym
}

// maxScratchTokens bounds the tokens whose scratch space a tagger keeps after a
// call: the space of a longer document goes back to the garbage collector.
const maxScratchTokens = 1 << 16

// release clears the references that d keeps to the text of the last call.
func (d *docScratch) release() {
	if cap(d.valid) > maxScratchTokens {
		*d = docScratch{}
		return
	}
	// The tokens and lines are only appended to, from the start, in a call:
	// beyond their lengths, what an earlier call held is cleared already, and
	// a short text after a long one clears its own tokens, not the long one's.
	clear(d.valid)
	clear(d.kept)
	clear(d.ents[:cap(d.ents)])
	clear(d.words[:cap(d.words)])
	clear(d.acros[:cap(d.acros)])
	clear(d.forms)
	clear(d.added[:cap(d.added)])
	clear(d.merge[:cap(d.merge)])
	clear(d.mentions[:cap(d.mentions)])
	for _, m := range d.byText {
		clear(m)
	}
	clear(d.lowWords[:cap(d.lowWords)])
	for _, m := range d.byCanon {
		clear(m)
	}
	clear(d.canon)
	clear(d.long)
}

// form is a name that propagation looks for, with its label and confidence.
type form struct {
	label Label
	conf  float64
}

// propagate adds the later (or earlier) mentions that the model missed of names it
// found elsewhere in the document: the same capitalised words, or one part of a
// person's name (Pavel, Durov after Pavel Durov). es must be sorted and not overlap;
// the result is too. In the idner style places are not propagated: that corpus
// tags a country or city by its use in each mention (Indonesia the place, but
// produk Indonesia and Duta Besar Indonesia untagged), which the model reads from
// the context of the mention itself.
func propagate(d *docScratch, text string, sents [][]tokenize.Token, es []Entity, style Style) []Entity {
	if d.forms == nil {
		d.forms = map[string]form{}
	}
	forms := d.forms
	clear(forms)
	// The keys of the forms (formKey): a stretch of text of another key is
	// none of them, and needs no look-up.
	keys := &d.keys
	*keys = formKeys{}
	longest := 0 // the length of the longest form
	for i := range es {
		e := &es[i]
		if !isName(e.Label) || e.Confidence < 0.5 || style == StyleIdner && e.Label == LOC {
			continue
		}
		forms[e.Text] = form{e.Label, e.Confidence}
		longest = max(longest, len(e.Text))
		keys.add(e.Text)
	}
	// Parts of person names, unless they are names of another kind too.
	parts := d.parts
	for i := range es {
		e := &es[i]
		if e.Label != PER || e.Confidence < 0.5 {
			continue
		}
		parts, _ = appendFields(parts[:0], e.Text)
		for _, w := range parts {
			if _, ok := forms[w]; !ok && len(w) > 2 && wordCase(w) == cCap {
				forms[w] = form{PER, e.Confidence}
				keys.add(w)
			}
		}
	}
	clear(parts)
	d.parts = parts
	if len(forms) == 0 {
		return es
	}
	pr := propagation{text: text, es: es, forms: forms, keys: keys, longest: longest, added: d.added[:0]}
	if d.tokCase {
		// The tokenizer's tokens: only those with a capital can start a
		// mention, and a token in lower case or of punctuation has none.
		// The others are listed first, in one pass without a branch on the
		// case, and only they are read, line by line (the lines are valid
		// cut at d.cuts).
		valid, cuts := d.valid, d.cuts
		caps := mayHaveCapital(d.caps, valid)
		d.caps = caps
		li, from, next := 0, 0, 0 // next: the first token after the last mention added
		for _, c := range caps {
			x := int(c)
			if x < next {
				continue
			}
			for li < len(cuts) && int(cuts[li]) <= x {
				from = int(cuts[li])
				li++
			}
			end := len(valid)
			if li < len(cuts) {
				end = int(cuts[li])
			}
			next = from + pr.at(valid[from:end], x-from) + 1
		}
	} else {
		for _, toks := range sents {
			for i := 0; i < len(toks); i++ {
				i = pr.at(toks, i)
			}
		}
	}
	added := pr.added
	d.added = added
	if len(added) == 0 {
		return es
	}
	return resolveOverlaps(append(es, added...), &d.merge)
}

// mayHaveCapital returns in dst the indexes of the tokenizer's tokens that may
// hold a capital letter: not those whose Case is Lower, nor punctuation (the
// tokenizer makes a Punct token of no letter).
func mayHaveCapital(dst []int32, toks []tokenize.Token) []int32 {
	dst = slices.Grow(dst[:0], len(toks))[:len(toks)]
	n := 0
	for x := range toks {
		// Written always, counted or not: no branch on the case.
		dst[n] = int32(x)
		n += b2i(toks[x].Case != tokenize.Lower) & b2i(toks[x].Kind != tokenize.Punct)
	}
	return dst[:n]
}

// formKeys is the set of the keys of propagate's forms, a Bloom filter of
// 1,024 bits: a form's key mixes its length and its first and last bytes,
// which tell most stretches of text from the forms without hashing them all.
type formKeys [16]uint64

// formKey is the key of a form of n bytes that starts with the byte a and
// ends with z.
func formKey(n int, a, z byte) uint32 {
	return (uint32(n)<<16 | uint32(a)<<8 | uint32(z)) * 0x9E3779B1 >> 22
}

// add adds the form f, not empty, to the set.
func (k *formKeys) add(f string) {
	h := formKey(len(f), f[0], f[len(f)-1])
	k[h>>6] |= 1 << (h & 63)
}

// mayHave reports whether a form of n bytes from a to z may be in the set.
func (k *formKeys) mayHave(n int, a, z byte) bool {
	h := formKey(n, a, z)
	return k[h>>6]&(1<<(h&63)) != 0
}

// propagation is the state of propagate's walk over the tokens.
type propagation struct {
	text    string
	es      []Entity
	forms   map[string]form
	keys    *formKeys // of the forms
	longest int       // the length of the longest form
	k       int       // next entity not ending before the current token
	added   []Entity
}

// at adds the mention of a known form that starts at token i of the line
// toks, if any, and returns the index of its last token, or i.
func (p *propagation) at(toks []tokenize.Token, i int) int {
	t := &toks[i]
	// Whether the token is inside an entity first: most capitalised tokens
	// are, and the entities are at hand, the token's text further away.
	es := p.es
	k := p.k
	for k < len(es) && es[k].End <= t.Start {
		k++
	}
	p.k = k
	if k < len(es) && es[k].Start < t.End {
		return i // already inside an entity
	}
	if !hasCapital(t.Text) {
		return i
	}
	// The longest known form starting here that ends before the next entity
	// and is no longer than the longest form.
	limit := len(p.text)
	if k < len(es) {
		limit = es[k].Start
	}
	limit = min(limit, t.Start+p.longest)
	best := -1
	var f form
	for j := i; j < len(toks) && j < i+6 && toks[j].End <= limit; j++ {
		if end := toks[j].End; !p.keys.mayHave(end-t.Start, p.text[t.Start], p.text[end-1]) {
			continue
		}
		if g, ok := p.forms[p.text[t.Start:toks[j].End]]; ok {
			best, f = j, g
		}
	}
	if best < 0 || best == i && counted(toks, i) {
		return i
	}
	s := p.text[t.Start:toks[best].End]
	p.added = append(p.added, Entity{Text: s, Start: t.Start, End: toks[best].End, Label: f.label, Confidence: f.conf * 0.8})
	return best
}

// counted reports whether token i of toks is an acronym that the number before
// it counts (31 DPD, tiga BUMN): a common noun, as countedAcronyms has it, not a
// mention of the name.
func counted(toks []tokenize.Token, i int) bool {
	return i > 0 && wordCase(toks[i].Text) == cUpper && counts(toks[i-1].Text) &&
		(i < 2 || !capitalised(toks[i-2].Text))
}

// capitalised reports whether the word w starts with a capital letter, as
// spanSet.isCapWord has it.
func capitalised(w string) bool {
	c := wordCase(w)
	return c == cCap || c == cUpper || c == cMixed
}

// mention is one distinct name of a document, as clustering sees it.
type mention struct {
	text      string
	label     Label
	rank      uint32   // the label's three bytes as one number, in the labels' order (see isName)
	lower     string   // the text lower-cased
	words     []string // of lower
	joined    bool     // lower is its words joined by one space each
	canonical string
}

// cluster sets the Canonical form of each entity: for persons, organisations and
// places, the longest mention of the same label in the document that contains the
// entity's words in order (Pavel Durov for Durov) or that its alias stands for
// (Joko Widodo for Jokowi); for other entities, and when there is none, the text.
func cluster(d *docScratch, es []Entity) {
	var byText [3]map[string]int32
	for i := range d.byText {
		if d.byText[i] == nil {
			d.byText[i] = map[string]int32{}
		}
		clear(d.byText[i])
		byText[i] = d.byText[i]
	}
	ms := d.mentions[:0]
	of := d.at[:0] // the index in ms of each entity's mention (-1: none)
	size := 0
	for i := range es {
		e := &es[i]
		e.Canonical = e.Text
		if !isName(e.Label) {
			of = append(of, -1)
			continue
		}
		// One map of texts a label: a string key, hashed by the runtime's
		// fast path for strings.
		bt := byText[nameIndex(e.Label)]
		m, ok := bt[e.Text]
		if !ok {
			m = int32(len(ms))
			bt[e.Text] = m
			l := e.Label // a name's: three bytes
			ms = append(ms, mention{text: e.Text, label: l, rank: uint32(l[0])<<16 | uint32(l[1])<<8 | uint32(l[2]), canonical: e.Text})
			size += len(e.Text)
		}
		of = append(of, m)
	}
	d.mentions, d.at = ms, of
	if len(ms) == 0 {
		return
	}
	// ASCII mentions, lower-cased, share one string (each byte lower-cased
	// alone); the others are lower-cased one by one.
	low := slices.Grow(d.lowBytes[:0], size)[:size]
	at := 0
	for k := range ms {
		at += copy(low[at:], ms[k].text)
	}
	ascii := lowerInPlace(low)
	d.lowBytes = low
	all := string(low)
	words := d.lowWords[:0]
	at = 0
	for k := range ms {
		m := &ms[k]
		if ascii {
			m.lower = all[at : at+len(m.text)]
		} else {
			m.lower = strings.ToLower(m.text)
		}
		at += len(m.text)
		from := len(words)
		words, m.joined = appendFields(words, m.lower)
		m.words = words[from:len(words):len(words)]
	}
	d.lowWords = words
	// By label, longest first (the earliest on a tie), so that a longer
	// mention's own canonical form is settled before shorter ones point to it.
	order := d.order[:0]
	for k := range ms {
		order = append(order, int32(k))
	}
	d.order = order
	slices.SortStableFunc(order, func(a, b int32) int {
		if c := cmp.Compare(ms[a].rank, ms[b].rank); c != 0 {
			return c // strings.Compare of the labels, of three bytes each
		}
		return cmp.Compare(len(ms[b].text), len(ms[a].text))
	})
	al := aliases()
	group := 0 // the first mention in order of the current label
	for k, mi := range order {
		m := &ms[mi]
		if ms[order[group]].rank != m.rank {
			group = k
		}
		var full []string
		key := m.lower // its words joined by spaces
		if !m.joined {
			key = strings.Join(m.words, " ")
		}
		if a, ok := al[key]; ok {
			full = strings.Fields(a)
		}
		// An acronym (one word in capitals) may stand for a longer mention.
		acronym := len(m.words) == 1 && len(m.text) >= 2 && wordCase(m.text) == cUpper
		for _, ci := range order[group:k] {
			c := &ms[ci]
			if len(c.text) <= len(m.text) {
				break
			}
			if containsRun(c.words, m.words) && sameName(m.label, c.words, m.words) ||
				full != nil && containsRun(c.words, full) && sameName(m.label, c.words, full) ||
				acronym && initialsOf(m.text, c.words) {
				m.canonical = c.canonical
				break
			}
		}
	}
	for i, k := range of {
		if k >= 0 {
			es[i].Canonical = ms[k].canonical
		}
	}
}

// lowerInPlace lower-cases the ASCII letters of b in place, eight bytes at a
// time, and reports whether b is all ASCII; it leaves the other bytes as they
// are.
func lowerInPlace(b []byte) (ascii bool) {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	var hi uint64
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		hi |= x
		// The high bit of each byte from A to Z, without the high bit of
		// its own: the sums of the low seven bits carry into it, not into
		// the next byte.
		t := x &^ high
		upper := (t + (0x80-'A')*ones) &^ (t + (0x80-'Z'-1)*ones) &^ x & high
		binary.LittleEndian.PutUint64(b[i:], x|upper>>2)
	}
	for ; i < len(b); i++ {
		c := b[i]
		hi |= uint64(c)
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return hi&high == 0
}

// joinedWords returns strings.Join(words, " ") for the words of s
// (strings.Fields(s)): s itself when they are one space apart in it.
func joinedWords(s string, words []string) string {
	if isJoined(s, words) {
		return s
	}
	return strings.Join(words, " ")
}

// isJoined reports whether s, whose words (strings.Fields(s)) are words, is
// strings.Join(words, " ").
func isJoined(s string, words []string) bool {
	if len(words) == 0 {
		return s == ""
	}
	n := len(words) - 1
	for _, w := range words {
		n += len(w)
	}
	// Every gap of one byte, and none an other white space than a space.
	return n == len(s) && !strings.ContainsFunc(s, isOtherSpace)
}

// appendFields appends the words of s, strings.Fields(s), to dst, and
// reports whether s is isJoined. An ASCII s, most mentions, is split in one
// loop over its bytes, which tells both.
func appendFields(dst []string, s string) ([]string, bool) {
	joined, k := true, len(dst)
	from := -1 // the start of the current word, -1 between words
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			// White space beyond ASCII (U+00A0, U+2003): strings.Fields'
			// own loop, from the first word again.
			dst = dst[:k]
			for w := range strings.FieldsSeq(s) {
				dst = append(dst, w)
			}
			return dst, isJoined(s, dst[k:])
		}
		if asciiSpace[c] {
			// A word ends, and any gap but one space between two words
			// makes s other than its words joined.
			joined = joined && c == ' ' && from >= 0
			if from >= 0 {
				dst = append(dst, s[from:i])
			}
			from = -1
			continue
		}
		if from < 0 {
			from = i
		}
	}
	if from >= 0 {
		dst = append(dst, s[from:])
	}
	// A space at the end leaves a gap after the last word.
	return dst, joined && (len(s) == 0 || from >= 0)
}

// asciiSpace marks the ASCII bytes that strings.Fields splits at.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// isOtherSpace reports whether r is white space other than a space.
func isOtherSpace(r rune) bool {
	switch r {
	case ' ':
		return false
	case '\t', '\n', '\v', '\f', '\r':
		return true
	}
	return r >= utf8.RuneSelf && unicode.IsSpace(r)
}

// initialsOf reports whether acr, written in capitals (cluster has checked
// it), is made of the initials of words (lower-cased), with or without their
// function words: KPK for komisi pemberantasan korupsi, BPK for badan
// pemeriksa keuangan.
func initialsOf(acr string, words []string) bool {
	if len(words) < 2 {
		return false
	}
	var allBuf, contentBuf [16]byte
	all, content := allBuf[:0], contentBuf[:0]
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

// sameName reports whether the longer mention long, which holds the words of
// short, names the same entity as short for a mention of label l: a place
// only with place heads around it (Kota Bekasi for Bekasi, not Surabaya Barat
// for Surabaya, nor Sumatera Selatan for Sumatra, by its alias Sumatera), an
// organisation unless long is its office in a region (bmkg ambon for bmkg).
func sameName(l Label, long, short []string) bool {
	switch l {
	case LOC:
		return onlyPlaceHeads(long, short)
	case ORG:
		return !regionalUnit(long, short)
	}
	return true
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
		if placeHeadWords(long[:i]) && placeHeadWords(long[i+len(short):]) {
			return extra > 0
		}
	}
	return false
}

// placeHeadWords reports whether every word of ws is a place head or a word of
// a region's title (daerah, istimewa, khusus).
func placeHeadWords(ws []string) bool {
	for _, w := range ws {
		if !placeHeads[strings.TrimSuffix(w, ".")] && w != "daerah" && w != "istimewa" && w != "khusus" {
			return false
		}
	}
	return true
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

// hasCapital reports whether wordCase(w) is cCap, cUpper or cMixed: w holds an
// upper-case letter and does not start with a digit. A capitalised word, the
// one propagate asks about, is told by its first byte.
func hasCapital(w string) bool {
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			c := wordCaseRunes(w)
			return c == cCap || c == cUpper || c == cMixed
		case 'A' <= c && c <= 'Z':
			return true
		case i == 0 && '0' <= c && c <= '9':
			return false
		}
	}
	return false
}
