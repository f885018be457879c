package entity

// A packed model's emission score of a token is the integer sum of the weights
// of its features, scaled once; the sum does not depend on the order of the
// features, so it may be summed in parts. About half the features of a token
// depend on one word alone: its own word (wordFeatures) or a word near it
// (neighbourFeatures). A wordCache keeps, for the words a tagger has seen, the
// sums of those features' weights, so a frequent word costs one look-up of the
// cache instead of fifteen of the model's table. The bias and the headline
// feature of a token neither in a headline nor at the start of a sentence
// depend on its word alone too (the headline feature on its case class):
// their weights are among the word's own; what the headline feature changes
// in the other tokens is kept for each of its few values, the features of
// few values that depend on more than one word (classFeatures) in a small
// cache of their own, and the gazetteer features of a token, which depend on
// a few bits of the tokens around it, summed for each context (gazKey) in
// another. The scores are the same, bit for bit, as the look-up of every
// feature gives (TestWordCacheMatchesTable).

// The parts of a word's sums (wordRows): the features of the word itself,
// those it gives the token after it, before it, two after and two before, and
// those it gives the token after it and before it when that token is
// lower-case (lowerCaseFeatures).
const (
	rowSelf = iota
	rowNext
	rowPrev
	rowNext2
	rowPrev2
	rowNextLower
	rowPrevLower
	numRows
)

// wordRows holds the sums of the weights of a word's features, by part.
type wordRows [numRows][numTags]int32

// wordEntry is a word's slot in a wordCache, two cache lines (large slices
// are page-aligned): the sums of the word's own features in 32 bits (two
// words in three of the sample corpus have one beyond 16 bits), those it
// gives its neighbours in 16 (two of its 4,500 words have one beyond: their
// sums are kept in wordCache.big).
type wordEntry struct {
	exact uint64 // the hash of the word as written (fnvString)
	size  uint32 // the word's length plus one; 0: an empty slot
	self  [numTags]int32
	near  [numRows - 1][numTags]int16 // by part, from rowNext
	used  uint16                      // wordCache.clock when the word was used last, in 16 bits
	big   bool                        // the sums are in wordCache.big
}

// bigRows holds the sums of a word that do not fit in its wordEntry.
type bigRows struct {
	exact uint64
	size  uint32
	rows  wordRows
}

// bigBits sets the size of wordCache.big: 256 words, direct-mapped.
const bigBits = 8

// wordCacheBits sets the size of a wordCache: 1<<wordCacheBits words (2 MB).
// Words of news follow Zipf's law: eight thousand words make about four
// tokens in five; with twice as many slots as that, the words of a few
// hundred articles (4,500 in the sample corpus) seldom push one another out
// (8,192 slots missed 7 % of the corpus's tokens, most of them words pushed
// out by two others of their set).
//
// A word may take either of two slots, chosen by two hashes (slots), and
// pushes out the one used less recently. In sets of two slots, the words
// that three others share a set with take turns in it and miss at every
// use (440 tokens of the sample corpus, 2.4 %, each pass: a look-up of
// fifteen features in the table, mostly out of the processor's caches); with
// two slots of their own, three words that share both are rare.
//
// The featurizer's cache of word information keeps a hint with each word:
// the slot that held its sums when the tagger last looked
// (wordInfoCache.hint). packedEmissions reads that slot alone, two cache
// lines a token instead of the four of both slots, and addWord checks it
// before the two (it names the word's slot for 97 % of the sample corpus's
// tokens on a second reading, TestWordCacheHints).
//
// Measured and dropped: keeping a word's sums in the slot of the index of
// its information in the featurizer's wordInfoCache (placed for good there:
// an empty way, else the two in turn), found without a look-up of their own
// and read one slot, two cache lines, a token instead of four. With 32,768
// information slots (1 MB, and 4 MB of sums a table) BenchmarkExtractNews
// ran 0.8 % fewer instructions, 10 % fewer D1 and 29 % fewer LL misses
// (BenchmarkExtractStream 3.8 %, 11 % and 26 %), but its time did not move
// beyond what a control build moves (2.5 %), and with the 2.5 MB more of
// each tagger the peak RSS of "telaah analyze --json" grew by 17 to 20 MB
// from 0.25 to 1.5 MB of input (8 MB before; TestStreamingRSS, in
// cmd/telaah, allows 16). With 16,384 slots (the memory of these caches)
// the featurizer's sets of two lose 2.2 % of the tokens on a second
// reading, and the sums computed again cost 1.9 % more instructions than
// the one slot saves. A one-line entry, the parts from
// rowNext2 on kept elsewhere for the words that have them, would serve only
// 39 % of the sample corpus's tokens: the words of the other 61 % (a quarter
// of its 4,542 words) give one of those parts a sum that is not 0.
const wordCacheBits = 14

// wordCache holds the sums of the word features of one packed table; a tagger
// keeps one for each of the (at most two) tables it tags with.
type wordCache struct {
	tab   *table
	slots []wordEntry
	// shift is 64 less the log2 of the number of slots; clock counts the
	// sentences, for wordEntry.used.
	shift    uint
	clock    uint32
	big      []bigRows
	tmp      wordRows // the sums of the word computed last
	bos, eos wordRows // the padding words around a sentence
	// head holds what the headline feature adds to the sums of a word, by
	// headline, case class and start of the sentence (its weights less
	// those of the feature of the word's case class alone, among the word's
	// own); headSet the ones computed.
	head    [2][cDigit + 1][2][numTags]int32
	headSet [2][cDigit + 1][2]bool
	// class caches the weights of the features of few values (classFeatures)
	// by their key.
	class []classEntry
	// gaz caches the sums of the gazetteer features by their context
	// (gazWeights); gazFeats is its scratch.
	gaz      []gazEntry
	gazFeats []uint64
	pos      []uint64 // packedEmissions' scratch: a token's position features
	feats    []uint64
	keys     []uint32
	rowOf    []uint8
	touched  uint64
	// ents holds the slots of a sentence's words, for wordRowsEmit; evicted
	// tells that a slot of ents may have been given another word since
	// (see entry); zero is an entry whose sums are 0.
	ents    []*wordEntry
	evicted bool
	zero    wordEntry
}

// classEntry is a feature's slot in wordCache.class, 32 bytes: the model's
// key of the feature (key32 of its hash; 0: an empty slot) and its weights.
// Features of the same key have the same weights in the table.
type classEntry struct {
	k uint32
	q [numTags]int32
}

// gazEntry is the slot of a token's gazetteer context (gazKey) in
// wordCache.gaz, 40 bytes: the key (0: an empty slot, whose sums are 0, as
// those of key 0 are), the sums of the weights of the context's gazFeatures
// and the wordCache.clock when the context was used last.
type gazEntry struct {
	k    uint64
	q    [numTags]int32
	used uint32
}

// gazCacheBits sets the size of wordCache.gaz: 4,096 contexts (160 KB; the
// sample corpus has 1,300, a stream of 86,000 tokens of news 2,800). A
// context may take either of two slots, chosen by two hashes, and pushes out
// the one used less recently (one slot a context missed 10 % of the sample
// corpus's look-ups, contexts that shared a slot).
const gazCacheBits = 12

// gazWeights returns the sums of the weights of the gazetteer features of
// token i of the sentence the featurizer fz holds, whose gazKey is k (not
// 0).
func (c *wordCache) gazWeights(fz *featurizer, i int, k uint64) *[numTags]int32 {
	e := &c.gaz[k*0x9E3779B97F4A7C15>>(64-gazCacheBits)]
	if e.k != k {
		e2 := &c.gaz[k*0xC2B2AE3D27D4EB4F>>(64-gazCacheBits)]
		switch {
		case e2.k == k:
			e = e2
		case e2.used < e.used:
			e = e2
			fallthrough
		default:
			e.k, e.q = k, [numTags]int32{}
			c.gazFeats = fz.gazFeatures(c.gazFeats[:0], i, fz.gazClasses(i))
			for _, h := range c.gazFeats {
				c.classWeights(&e.q, h)
			}
		}
	}
	e.used = c.clock
	return &e.q
}

// classCacheBits sets the size of wordCache.class: 4,096 features (128 KB;
// the sample corpus missed 4 % of its look-ups in 2,048, a whole look-up of
// the table each).
const classCacheBits = 12

// classWeights adds to q the weights of the feature of hash h.
func (c *wordCache) classWeights(q *[numTags]int32, h uint64) {
	k := key32(h)
	e := &c.class[uint64(k)*0x9E3779B97F4A7C15>>(64-classCacheBits)]
	if e.k != k {
		c.fillClass(e, k)
	}
	addRow(q, &e.q)
}

// fillClass gives the slot e the feature of key k and its weights.
func (c *wordCache) fillClass(e *classEntry, k uint32) {
	e.k, e.q = k, [numTags]int32{}
	if sl := c.tab.slot(k); sl != nil {
		e.q = c.tab.row(sl)
	}
}

// reset empties c for the table tab.
func (c *wordCache) reset(tab *table) { c.resetSize(tab, wordCacheBits) }

// resetSize is reset with 1<<bits slots for words (the tests try small
// caches).
func (c *wordCache) resetSize(tab *table, bits uint) {
	c.tab = tab
	if len(c.slots) != 1<<bits {
		c.slots = make([]wordEntry, 1<<bits)
		c.shift = 64 - bits
	} else {
		clear(c.slots)
	}
	c.clock = 0
	if c.big == nil {
		c.big = make([]bigRows, 1<<bigBits)
		c.class = make([]classEntry, 1<<classCacheBits)
		c.gaz = make([]gazEntry, 1<<gazCacheBits)
	} else {
		clear(c.big)
		clear(c.class)
		clear(c.gaz)
	}
	c.headSet = [2][cDigit + 1][2]bool{}
	c.bos, c.eos = wordRows{}, wordRows{}
	c.sum(&c.bos[rowNext], neighbourFeatures(c.feats[:0], hashBOS, hashBOS, 1))
	c.sum(&c.bos[rowNext2], neighbourFeatures(c.feats[:0], hashBOS, hashBOS, 2))
	c.sum(&c.eos[rowPrev], neighbourFeatures(c.feats[:0], hashEOS, hashEOS, -1))
	c.sum(&c.eos[rowPrev2], neighbourFeatures(c.feats[:0], hashEOS, hashEOS, -2))
	c.sum(&c.bos[rowNextLower], lowerCaseFeatures(c.feats[:0], hashBOS, 1))
	c.sum(&c.eos[rowPrevLower], lowerCaseFeatures(c.feats[:0], hashEOS, -1))
}

// sum adds to q the weights of the features hs.
func (c *wordCache) sum(q *[numTags]int32, hs []uint64) {
	c.feats = hs
	keys := c.keys[:0]
	for _, h := range hs {
		keys = append(keys, key32(h))
	}
	c.keys = keys
	c.touched += c.tab.sum(q, keys)
}

// addWord adds the sums of the word features of token i of the sentence the
// featurizer fz holds to the scores acc of the tokens they belong to.
func (c *wordCache) addWord(fz *featurizer, words []string, i int, acc [][numTags]int32) {
	addEntry(acc, fz.info, i, c.entry(fz, words, i, acc))
}

// entry returns the slot that holds the sums of the word features of token i
// of the sentence the featurizer fz holds, for addEntry, or, for a word whose
// sums do not fit in a slot, adds them to the scores acc of the tokens they
// belong to and returns c.zero, whose sums are 0. The slot holds the word
// until the next call (a later word of the sentence may take it, see
// evicted).
func (c *wordCache) entry(fz *featurizer, words []string, i int, acc [][numTags]int32) *wordEntry {
	exact := fz.info[i].exact
	size := uint32(len(words[i])) + 1
	// The slot the featurizer's hint names, if it holds the word (most
	// words); else the word's own two slots, and the hint then names the
	// one that holds it.
	hint := &fz.words.hint[fz.hints[i]]
	var e *wordEntry
	if k := int(*hint) - 1; uint(k) < uint(len(c.slots)) && c.slots[k].exact == exact && c.slots[k].size == size {
		e = &c.slots[k]
	} else {
		k := c.slot(fz, words, i)
		e, *hint = &c.slots[k], uint16(k+1)
	}
	e.used = uint16(c.clock)
	if e.big {
		b := &c.big[exact*0x9E3779B97F4A7C15>>(64-bigBits)]
		if b.exact != exact || b.size != size {
			b.exact, b.size, b.rows = exact, size, *c.word(fz, words, i)
		}
		addRows(fz, acc, i, &b.rows)
		return &c.zero
	}
	return e
}

// slot returns the index of the slot that holds the sums of the word
// features of token i of the sentence the featurizer fz holds: one of the
// word's two slots, neither moved, or, for a word found in neither, the one
// used less recently, given them. Which holds the word is chosen without a
// branch: a processor could not foretell it.
func (c *wordCache) slot(fz *featurizer, words []string, i int) int {
	exact := fz.info[i].exact
	size := uint32(len(words[i])) + 1
	k1, k2 := c.slotsOf(exact)
	e1, e2 := &c.slots[k1], &c.slots[k2]
	d1 := e1.exact ^ exact | uint64(e1.size^size)
	d2 := e2.exact ^ exact | uint64(e2.size^size)
	e, k := e1, k1
	if d1 != 0 {
		e, k = e2, k2
	}
	if d1 != 0 && d2 != 0 {
		if clock := uint16(c.clock); e1.size == 0 || e2.size != 0 && clock-e1.used >= clock-e2.used {
			e, k = e1, k1
		}
		// A word of this sentence may lose its slot here (or one of
		// an earlier sentence of the same 16-bit clock).
		c.evicted = c.evicted || e.size != 0 && e.used == uint16(c.clock)
		r := c.word(fz, words, i)
		e.exact, e.size, e.big, e.self = exact, size, false, r[rowSelf]
		for p := rowNext; p < numRows; p++ {
			for t, v := range r[p] {
				e.near[p-1][t] = int16(v)
				if v != int32(int16(v)) {
					e.big = true
				}
			}
		}
		if e.big {
			b := &c.big[exact*0x9E3779B97F4A7C15>>(64-bigBits)]
			b.exact, b.size, b.rows = exact, size, *r
		}
	}
	return k
}

// addEntry adds the sums e of the word of token i, of the tokens info, to
// the scores acc of the tokens they belong to (a function of its own: with
// the look-up of the slot, the compiler kept fewer of its values in
// registers).
func addEntry(acc [][numTags]int32, info []tokenInfo, i int, e *wordEntry) {
	n := len(acc)
	addRow(&acc[i], &e.self)
	// The features the word gives a token next to it, and those it gives
	// it if it is lower-case, masked without a branch otherwise (written
	// out: a function of these lines would be too long to be inlined).
	if i+1 < n {
		q, r, s, m := &acc[i+1], &e.near[rowNext-1], &e.near[rowNextLower-1], lowerMask(info[i+1].cas)
		q[0] += int32(r[0]) + int32(s[0])&m
		q[1] += int32(r[1]) + int32(s[1])&m
		q[2] += int32(r[2]) + int32(s[2])&m
		q[3] += int32(r[3]) + int32(s[3])&m
		q[4] += int32(r[4]) + int32(s[4])&m
		q[5] += int32(r[5]) + int32(s[5])&m
		q[6] += int32(r[6]) + int32(s[6])&m
	}
	if i+2 < n {
		addRow16(&acc[i+2], &e.near[rowNext2-1])
	}
	if i > 0 {
		q, r, s, m := &acc[i-1], &e.near[rowPrev-1], &e.near[rowPrevLower-1], lowerMask(info[i-1].cas)
		q[0] += int32(r[0]) + int32(s[0])&m
		q[1] += int32(r[1]) + int32(s[1])&m
		q[2] += int32(r[2]) + int32(s[2])&m
		q[3] += int32(r[3]) + int32(s[3])&m
		q[4] += int32(r[4]) + int32(s[4])&m
		q[5] += int32(r[5]) + int32(s[5])&m
		q[6] += int32(r[6]) + int32(s[6])&m
	}
	if i > 1 {
		addRow16(&acc[i-2], &e.near[rowPrev2-1])
	}
}

// slotsOf returns the indexes of the two slots of the word of hash exact
// (the same one for a few words).
func (c *wordCache) slotsOf(exact uint64) (int, int) {
	return int(exact * 0x9E3779B97F4A7C15 >> c.shift), int(exact * 0xC2B2AE3D27D4EB4F >> c.shift)
}

// addRows adds the parts of the sums r of token i's word of the sentence the
// featurizer fz holds to the scores acc of the tokens they belong to.
func addRows(fz *featurizer, acc [][numTags]int32, i int, r *wordRows) {
	n := len(acc)
	addRow(&acc[i], &r[rowSelf])
	if i+1 < n {
		addRow(&acc[i+1], &r[rowNext])
		if fz.info[i+1].cas == cLower {
			addRow(&acc[i+1], &r[rowNextLower])
		}
	}
	if i+2 < n {
		addRow(&acc[i+2], &r[rowNext2])
	}
	if i > 0 {
		addRow(&acc[i-1], &r[rowPrev])
		if fz.info[i-1].cas == cLower {
			addRow(&acc[i-1], &r[rowPrevLower])
		}
	}
	if i > 1 {
		addRow(&acc[i-2], &r[rowPrev2])
	}
}

// lowerMask is all ones for the case class of a lower-case word, else 0.
func lowerMask(cas uint8) int32 { return -int32(b2u(cas == cLower)) }

// addRow16 adds r to q.
func addRow16(q *[numTags]int32, r *[numTags]int16) {
	q[0] += int32(r[0])
	q[1] += int32(r[1])
	q[2] += int32(r[2])
	q[3] += int32(r[3])
	q[4] += int32(r[4])
	q[5] += int32(r[5])
	q[6] += int32(r[6])
}

// word returns the sums of the word features of token i of the sentence the
// featurizer fz holds, computed, valid until the next call.
func (c *wordCache) word(fz *featurizer, words []string, i int) *wordRows {
	ti := &fz.info[i]
	r := &c.tmp
	*r = wordRows{}
	// All the word's features in one call, for the processor to overlap their
	// look-ups: its own, the bias and its headline feature in a sentence
	// that is no headline, not at its start (see headline), and those it
	// gives its neighbours.
	hs := fz.wordFeatures(c.feats[:0], words, i)
	hs = append(hs, biasFeature(), headlineFeature(false, ti.cas, false))
	rowOf := c.rowOf[:0]
	for range hs {
		rowOf = append(rowOf, rowSelf)
	}
	for _, d := range [...]int{1, -1, 2, -2} {
		r := uint8(rowNext)
		switch d {
		case -1:
			r = rowPrev
		case 2:
			r = rowNext2
		case -2:
			r = rowPrev2
		}
		n := len(hs)
		hs = neighbourFeatures(hs, ti.lower, ti.shape, d)
		for range len(hs) - n {
			rowOf = append(rowOf, r)
		}
	}
	hs = lowerCaseFeatures(hs, ti.lower, 1)
	hs = lowerCaseFeatures(hs, ti.lower, -1)
	rowOf = append(rowOf, rowNextLower, rowPrevLower)
	c.feats, c.rowOf = hs, rowOf
	keys := c.keys[:0]
	for _, h := range hs {
		keys = append(keys, key32(h))
	}
	c.keys = keys
	c.touched += c.tab.sumRows(r, keys, rowOf)
	return r
}

// headline returns what the headline feature adds to the sums of a word of
// case class cas, in a headline or not, at the start of the sentence or not:
// its weights less those of the feature the word's own sums hold (not in a
// headline, not at the start).
func (c *wordCache) headline(headline bool, cas uint8, start bool) *[numTags]int32 {
	h, s := b2u(headline), b2u(start)
	q := &c.head[h][cas][s]
	if !c.headSet[h][cas][s] {
		var own [numTags]int32
		c.sum(&own, append(c.feats[:0], headlineFeature(false, cas, false)))
		*q = [numTags]int32{}
		c.sum(q, append(c.feats[:0], headlineFeature(headline, cas, start)))
		for t := range q {
			q[t] -= own[t]
		}
		c.headSet[h][cas][s] = true
	}
	return q
}

// addRow adds r to q.
func addRow(q, r *[numTags]int32) {
	q[0] += r[0]
	q[1] += r[1]
	q[2] += r[2]
	q[3] += r[3]
	q[4] += r[4]
	q[5] += r[5]
	q[6] += r[6]
}

// packedEmissions sets tg.emit to the emission scores of the sentence words,
// whose featurizer has run, with the packed table tab: a word's sums (the
// bias and its usual headline feature among them) from the word cache, what
// the headline feature changes in a headline and at the start from its small
// table, the class features' from the class cache, the gazetteer features'
// from the cache of their contexts, the others (bigrams and the like, most
// not in the model) looked up.
func (tg *tagger) packedEmissions(tab *table, words []string, head bool) {
	c := tg.wordCache(tab)
	n := len(words)
	tg.acc = grow(tg.acc, n)
	acc := tg.acc
	clear(acc)
	fz := &tg.fz
	// The word features, each word's parts added to the tokens they belong
	// to. The words' slots (those their hints name) are read first, all of
	// them, in a loop that waits for none: a slot not in the processor's
	// caches costs a read of memory, and those of the sentence's words then
	// overlap, rather than wait one by one behind addWord's branches.
	c.clock++
	for i := range n {
		// The slot the hint names (see addWord), or else both.
		if k := int(fz.words.hint[fz.hints[i]]) - 1; uint(k) < uint(len(c.slots)) {
			e := &c.slots[k]
			c.touched += uint64(e.size) + uint64(e.near[rowPrev2-1][numTags-1])
			continue
		}
		k1, k2 := c.slotsOf(fz.info[i].exact)
		e1, e2 := &c.slots[k1], &c.slots[k2]
		c.touched += uint64(e1.size) + uint64(e1.near[rowPrev2-1][numTags-1]) + uint64(e2.size) + uint64(e2.near[rowPrev2-1][numTags-1])
	}
	// With wordRowsEmit, the words' slots are gathered here and their sums
	// added at the end, with the scaling, in one call; unless a word of
	// the sentence took the slot of another, which then adds its sums at
	// once, as all do without it.
	simd := hasAVX2
	if simd {
		c.ents = grow(c.ents, n)
		c.evicted = false
		for i := range n {
			c.ents[i] = c.entry(fz, words, i, acc)
		}
		if c.evicted {
			simd = false
			clear(acc)
		}
	}
	if !simd {
		for i := range n {
			c.addWord(fz, words, i, acc)
		}
	}
	// The padding words.
	addRow(&acc[0], &c.bos[rowNext])
	addRow(&acc[0], &c.bos[rowNext2])
	if n > 1 {
		addRow(&acc[1], &c.bos[rowNext2])
		addRow(&acc[n-2], &c.eos[rowPrev2])
	}
	addRow(&acc[n-1], &c.eos[rowPrev])
	addRow(&acc[n-1], &c.eos[rowPrev2])
	if fz.info[0].cas == cLower {
		addRow(&acc[0], &c.bos[rowNextLower])
	}
	if fz.info[n-1].cas == cLower {
		addRow(&acc[n-1], &c.eos[rowPrevLower])
	}
	// The headline feature, where it is not the one the words' sums hold.
	addRow(&acc[0], c.headline(head, fz.info[0].cas, true))
	if head {
		for i := 1; i < n; i++ {
			addRow(&acc[i], c.headline(true, fz.info[i].cas, false))
		}
	}
	// The pairs' features, then, token by token, the class and gazetteer
	// features' from their caches and the position features (of many
	// values) with the pairs', which are looked up for the whole sentence
	// in one call.
	keyed := fz.pairKeys(tg.feats[:0], tab)
	for i := range n {
		q := &acc[i]
		c.pos = c.pos[:0]
		tg.class = fz.classFeatures(tg.class[:0], i, &c.pos)
		// classWeights, written out (it is not inlined, cost 110 of 80:
		// a call a feature).
		for _, h := range tg.class {
			k := key32(h)
			e := &c.class[uint64(k)*0x9E3779B97F4A7C15>>(64-classCacheBits)]
			if e.k != k {
				c.fillClass(e, k)
			}
			addRow(q, &e.q)
		}
		if k := fz.gazKey(i); k != 0 {
			addRow(q, c.gazWeights(fz, i, k))
		}
		for _, h := range c.pos {
			keyed = tab.appendLive(keyed, key32(h), i)
		}
	}
	tg.feats = keyed
	tg.touched += tab.addAt(acc, keyed)
	// emissions adds the scaled sum to a cleared score, 0 + x: x, the same
	// bits.
	scale := tab.scale
	if simd {
		wordRowsEmit(&tg.emit[0], &acc[0], &c.ents[0], &fz.info[0].cas, n, scale)
		return
	}
	for i := range n {
		q := &acc[i]
		sc := (*[numTags]float32)(tg.emit[i*int(numTags):])
		sc[0] = float32(q[0]) * scale
		sc[1] = float32(q[1]) * scale
		sc[2] = float32(q[2]) * scale
		sc[3] = float32(q[3]) * scale
		sc[4] = float32(q[4]) * scale
		sc[5] = float32(q[5]) * scale
		sc[6] = float32(q[6]) * scale
	}
}

// wordCache returns the tagger's word cache for the table tab.
func (tg *tagger) wordCache(tab *table) *wordCache {
	for _, c := range tg.caches {
		if c != nil && c.tab == tab {
			return c
		}
	}
	i := tg.nextCache
	tg.nextCache = (i + 1) % len(tg.caches)
	if tg.caches[i] == nil {
		tg.caches[i] = &wordCache{}
	}
	tg.caches[i].reset(tab)
	return tg.caches[i]
}
