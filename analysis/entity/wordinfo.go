package entity

// A featurizer keeps what the features need of the words it has seen (their
// hashes, case class, gazetteer entry and standing in the stemmer's lexicon,
// see hashWord and standing) in a wordInfoCache:
// a frequent word then costs a short hash instead of three hashes of its
// bytes and a look-up of the gazetteer. The cache is keyed by the word's
// hash as written and its length, as the tagger's wordCache is: it holds no
// copy of the word, never the caller's text, and gives what computing the
// information gives (TestWordInfoCache).

// wordInfoLen is the longest word the cache holds: longer ones are rare and
// are hashed every time.
const wordInfoLen = 254

// wordInfoBits sets the size of a wordInfoCache: 1<<wordInfoBits words of 32
// bytes (512 KB), in sets of two (the one used last first), a cache line
// each. A direct-mapped cache of 8,192 words missed 13 % of the sample
// corpus's tokens, words that shared a slot. (32,768 slots miss fewer, but
// the gain, 0.2 % of Extract's instructions, is not worth a tagger's
// memory.) On the sample corpus read again, the sets of two miss 2.6 % of
// the tokens (TestWordInfoCacheMisses); two slots from two hashes, the one
// used less recently replaced, would miss 0.7 %, but would read two cache
// lines for half the words, to save some 340 computations of 18,000 tokens
// (0.4 % of Extract's instructions at most). A second set a word, read only
// when the first lacks it and given the word the first set loses, computes
// only 46 again; but it saved only 0.18 % of the instructions and 1 % of the
// cache misses of BenchmarkExtractNews, and cost 1.3 % more D1 misses, 3.9 %
// more LL misses and 1.9 % more mispredicts on BenchmarkExtractStream's larger
// vocabulary, where the table is nearly full. Reading the sets of a whole
// sentence ahead, as packedEmissions reads the tagger's, gained nothing
// measurable (62 paired runs of BenchmarkExtractNews, median ratio 0.99 to
// 1.004; 0.35 % more instructions): the lookups hit, so their branch is
// predicted, and the processor presumably already overlaps a miss with the
// hashing of the next words.
const wordInfoBits = 14

// wordInfo is a word's slot in a wordInfoCache, 32 bytes.
type wordInfo struct {
	lower, exact, shape uint64
	entry, class        gazClass
	cas                 uint8
	flags               wordFlags
	lex                 uint8 // the word's standing in the stemmer's lexicon (see standing)
	size                uint8 // the word's length plus one; 0: an empty slot
}

// wordInfoCache maps words to their wordInfo, for one gazetteer.
type wordInfoCache struct {
	gaz   *gazetteer
	slots []wordInfo
	// hint holds, for each slot and for a word too long for them (the last),
	// one more than the index of the slot that held the word's sums in a
	// word cache of the tagger when it last looked (see wordCache.addWord),
	// 0 if none: its first guess, which it checks. A hint follows its word
	// when the word moves within its set.
	hint []uint16
	long wordInfo // a word too long for the slots
	// memo maps the lower-case hashes of the capitalised words whose
	// standing the cache computed to it: a word the slots lost costs a
	// look-up of it, not the stemmer's analysis again.
	memo standingMemo
	// computes counts the words whose information the cache computed (its
	// misses, TestWordInfoCacheMisses).
	computes int
}

// lookup returns the information of the word w under the gazetteer g, valid
// until the next call, and the index of its hint (see hint).
func (c *wordInfoCache) lookup(g *gazetteer, w string) (*wordInfo, int) {
	if c.gaz != g || c.slots == nil {
		c.gaz = g
		if c.slots == nil {
			c.slots = make([]wordInfo, 1<<wordInfoBits)
			c.hint = make([]uint16, 1<<wordInfoBits+1)
		} else {
			clear(c.slots)
			clear(c.hint)
		}
	}
	if len(w) > wordInfoLen {
		c.long = c.compute(g, w)
		return &c.long, len(c.slots)
	}
	exact := fnvString(fnvOffset, w)
	j := int(exact * 0x9E3779B97F4A7C15 >> (64 - wordInfoBits + 1) * 2)
	set, hint := (*[2]wordInfo)(c.slots[j:]), (*[2]uint16)(c.hint[j:])
	e, size := &set[0], uint8(len(w)+1)
	if e.exact == exact && e.size == size {
		return e, j
	}
	if set[1].exact == exact && set[1].size == size {
		set[0], set[1] = set[1], set[0]
		hint[0], hint[1] = hint[1], hint[0]
		return e, j
	}
	set[1], hint[1] = *e, hint[0]
	*e, hint[0] = c.compute(g, w), 0
	e.size = size
	return e, j
}

// compute is computeWordInfo, the standings from the cache's memo.
func (c *wordInfoCache) compute(g *gazetteer, w string) wordInfo {
	c.computes++
	wi := wordInfoOf(g, w)
	if mayStand(w, wi.cas) {
		v, ok := c.memo.get(wi.lower)
		if !ok {
			v = standing(w)
			c.memo.put(wi.lower, v)
		}
		wi.lex = v
	}
	return wi
}

// computeWordInfo returns the information of the word w under the gazetteer
// g, its size not set.
func computeWordInfo(g *gazetteer, w string) wordInfo {
	wi := wordInfoOf(g, w)
	if mayStand(w, wi.cas) {
		wi.lex = standing(w)
	}
	return wi
}

// wordInfoOf is computeWordInfo but for the standing, lexUnknown.
func wordInfoOf(g *gazetteer, w string) wordInfo {
	lower, exact, shape, cas, ascii := hashWord(w)
	// One look-up of the word alone gives its classes and whether a phrase of
	// the lists starts with it.
	entry := g.phrases.get(lower)
	class := entry &^ gazPrefix
	if len(w) > 1 && w[len(w)-1] == '.' {
		class = g.word(w) // looked up without its full stop
	}
	flags := wordFlags(0)
	if ascii {
		flags |= wASCII
	}
	if numericWord(w) {
		flags |= wNumeric
	}
	flags |= tableCode[wordTables(w, lower, ascii)] << wTablesShift
	return wordInfo{lower: lower, exact: exact, shape: shape, entry: entry, class: class, cas: cas, flags: flags}
}

// wordFlags are the yes-or-no facts of a wordInfo.
type wordFlags uint8

// The facts of wordFlags.
const (
	wASCII   wordFlags = 1 << iota // the word's bytes are all ASCII
	wNumeric                       // a rule of numericEntities may start at a unit of the word (numericWord)
)

// wTablesShift is the first bit of the flags above the facts: they hold the
// index in tableCodes of the word's tables (wordTables), which reset reads
// for each token instead of probing the tables.
const wTablesShift = 2

// tables returns the tables of repairTables that hold the word, lower-cased
// and without a final full stop (wordTables).
func (wi *wordInfo) tables() tableSet { return tableCodes[wi.flags>>wTablesShift] }

// isASCII reports whether the word's bytes are all ASCII.
func (wi *wordInfo) isASCII() bool { return wi.flags&wASCII != 0 }
