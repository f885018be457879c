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
// bytes (1 MB), in sets of two, a cache line each. A word keeps its slot
// until it is pushed out: the tagger's word caches keep its sums in the slot
// of the same index (see wordCache). A direct-mapped cache of 8,192 words
// missed 13 % of the sample corpus's tokens, words that shared a slot. On the
// sample corpus read again (TestWordInfoCacheMisses), 16,384 slots miss 2.2 %
// of the tokens, 32,768 0.7 %; a word cache that misses a word computes its
// sums again, some thirty look-ups of the table, so the cache has the larger
// size. (When the word caches had slots of their own, 16,384 slots in sets of
// two, the one used last first, missed 2.6 %; two slots from two hashes would
// miss 0.7 % but read two cache lines for half the words; a second set a
// word, read only when the first lacks it, saved 0.18 % of the instructions
// of BenchmarkExtractNews but cost more misses on BenchmarkExtractStream's
// larger vocabulary; reading the sets of a whole sentence ahead gained
// nothing measurable.)
const wordInfoBits = 15

// wordInfo is a word's slot in a wordInfoCache, 32 bytes.
type wordInfo struct {
	lower, exact, shape uint64
	entry, class        gazClass
	cas                 uint8
	ascii               bool
	lex                 uint8 // the word's standing in the stemmer's lexicon (see standing)
	size                uint8 // the word's length plus one; 0: an empty slot
}

// wordInfoCache maps words to their wordInfo, for one gazetteer. A word
// stays in the slot it was given until another takes it (the one of its set
// used less recently): the tagger's word caches keep a word's sums in the
// slot of the same index (see wordCache), found without a look-up of their
// own.
type wordInfoCache struct {
	gaz   *gazetteer
	slots []wordInfo
	// shift is 64 less the log2 of the number of sets (the tests try small
	// caches, see resize).
	shift uint
	long  wordInfo // a word too long for the slots
	// memo maps the lower-case hashes of the capitalised words whose
	// standing the cache computed to it: a word the slots lost costs a
	// look-up of it, not the stemmer's analysis again.
	memo standingMemo
	// computes counts the words whose information the cache computed (its
	// misses, TestWordInfoCacheMisses).
	computes int
}

// resize empties c and gives it 1<<bits slots (bits 1 or more).
func (c *wordInfoCache) resize(bits uint) {
	c.slots = make([]wordInfo, 1<<bits)
	c.shift = 64 - (bits - 1)
}

// lookup returns the information of the word w under the gazetteer g, valid
// until the next call, and the index of its slot: len(c.slots) for a word
// too long for the slots.
func (c *wordInfoCache) lookup(g *gazetteer, w string) (*wordInfo, int) {
	if len(w) > wordInfoLen {
		c.long = c.compute(g, w)
		return &c.long, len(c.slots)
	}
	if c.gaz != g || c.slots == nil {
		c.gaz = g
		if c.slots == nil {
			c.resize(wordInfoBits)
		} else {
			clear(c.slots)
		}
	}
	exact := fnvString(fnvOffset, w)
	s := exact * 0x9E3779B97F4A7C15 >> c.shift
	set := (*[2]wordInfo)(c.slots[s*2:])
	size := uint8(len(w) + 1)
	// The way that holds the word, chosen without a branch (either may):
	// the word stays where it is, for the word caches.
	d0 := set[0].exact ^ exact | uint64(set[0].size^size)
	d1 := set[1].exact ^ exact | uint64(set[1].size^size)
	way := b2u(d0 != 0)
	if d0 != 0 && d1 != 0 {
		// An empty way takes the word, or else each of the two in turn
		// (the cache's misses alternate them): the words that share a set
		// with two others are few (see wordInfoBits), and the word used
		// less recently would need a bit a set, read and written at every
		// look-up, to know it.
		switch {
		case set[0].size == 0:
			way = 0
		case set[1].size == 0:
			way = 1
		default:
			way = uint64(c.computes) & 1
		}
		e := &set[way]
		*e = c.compute(g, w)
		e.size = size
	}
	return &set[way], int(s*2 + way)
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
	return wordInfo{lower: lower, exact: exact, shape: shape, entry: entry, class: class, cas: cas, ascii: ascii}
}
