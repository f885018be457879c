package entity

// table holds the integer weights of a packed model: a hash table
// whose 16-byte slot holds a feature's 32-bit key and its numTags weights
// together, in buckets of four slots, one cache line each. A key may be in one of
// two buckets (bucketized cuckoo hashing); nearly every key is in its first, so a
// look-up reads one cache line and compares four keys without a loop, and
// reads the second only for a key the first lacks. A Bloom filter of the keys
// rules out most absent keys before that (see filter). The processor overlaps
// the cache misses of all the features of a token. A slot packs the weights in
// 13 bits each, and the few rows with a larger weight live in over, which the
// slot then points to.
//
// A slot's two words:
//
//	a: bits 0-31 the key (0: empty slot), 32-63 bits 0-31 of the weight field
//	b: bits 0-59 bits 32-91 of the weight field
//
// The weight field has weight t in bits 13t..13t+12, two's complement, and bit 91
// set when the row is in over, whose index is then in b's bits 0-31.
type table struct {
	slots   []slot // buckets × bucketSize
	buckets uint64
	// filter is a blocked Bloom filter of the keys (see mayHave): most of
	// the features of a sentence that depend on two words are not in the
	// model, and the filter tells so from one word of a small array, without
	// reading the two buckets. It has no false negatives: every key of the
	// slots and the stash is in it.
	filter      []uint64
	filterShift uint // 64 - log2(len(filter))
	// moved has a bit for each bucket, set if a key whose first bucket it
	// is may be in its second: a key that the filter lets through but its
	// first bucket lacks is, without it, not in the table (nor in the
	// stash, if that is empty), and its second bucket need not be read (see
	// addAt). A bit may stay set for a key no longer there, never clear
	// for one that is.
	moved []uint64
	stash []slot // the rare features that found no room in their buckets
	over  [][numTags]int32
	scale float32 // a weight is its integer value times scale
	n     int     // features
	rng   uint64  // for the cuckoo walk of insert
}

// tableSeed starts the random walk of insert: a table is the same on every run.
const tableSeed = 0x9E3779B97F4A7C15

type slot struct{ a, b uint64 }

const (
	weightBits = 13
	weightMask = 1<<weightBits - 1
	overFlag   = 1 << 59 // in b
)

// bucketSize is the number of slots of a bucket: 64 bytes, a cache line (large
// slices are page-aligned).
const bucketSize = 4

// newTable returns an empty table for n features.
func newTable(n int, scale float32) *table {
	// A load factor of about 0.86: cuckoo buckets of four fill to well above it
	// without failing, and the table stays under twice the size of the model file.
	buckets := (n+n/6)/bucketSize + 1
	t := &table{
		slots:   make([]slot, buckets*bucketSize),
		buckets: uint64(buckets),
		moved:   make([]uint64, (buckets+63)/64),
		scale:   scale,
		rng:     tableSeed,
	}
	t.makeFilter(n)
	return t
}

// makeFilter gives t an empty filter for n keys: about 8 bits a key, three of
// them set by each key, in one 64-bit word (3 % false positives).
func (t *table) makeFilter(n int) {
	words, shift := 64, uint(64-6)
	for words < n/8 {
		words, shift = words*2, shift-1
	}
	t.filter, t.filterShift = make([]uint64, words), shift
}

// filterBits returns the word of the filter and the bits in it of key k.
func (t *table) filterBits(k uint32) (*uint64, uint64) {
	// A key is a hash: its low bits choose the bits, a product its word
	// (mayHaveBit computes the same).
	m := uint64(1)<<(k&63) | uint64(1)<<(k>>6&63) | uint64(1)<<(k>>12&63)
	return &t.filter[uint64(k)*0x9E3779B97F4A7C15>>t.filterShift], m
}

// addFilter adds key k to the filter.
func (t *table) addFilter(k uint32) {
	w, m := t.filterBits(k)
	*w |= m
}

// mayHave reports whether key k may be in the table: false only if it is not.
func (t *table) mayHave(k uint32) bool {
	w, m := t.filterBits(k)
	return *w&m == m
}

// fillFilter builds t's filter for n keys from its slots and stash, and its
// bits moved from its slots.
func (t *table) fillFilter(n int) {
	t.makeFilter(n)
	for _, slots := range [2][]slot{t.slots, t.stash} {
		for i := range slots {
			if k := uint32(slots[i].a); k != 0 {
				t.addFilter(k)
			}
		}
	}
	t.moved = make([]uint64, (t.buckets+63)/64)
	for i := range t.slots {
		if k := uint32(t.slots[i].a); k != 0 {
			t.placed(k, uint64(i))
		}
	}
}

// placed records in moved that key k is in slot i.
func (t *table) placed(k uint32, i uint64) {
	if b1 := bucket1(k, t.buckets); i&^(bucketSize-1) != b1 {
		t.moved[b1/bucketSize/64] |= 1 << (b1 / bucketSize % 64)
	}
}

// mayHaveMoved reports whether a key whose first bucket starts at slot b1
// may be in its second bucket or in the stash.
func (t *table) mayHaveMoved(b1 uint64) bool {
	return t.moved[b1/bucketSize/64]>>(b1/bucketSize%64)&1 != 0 || len(t.stash) != 0
}

// clone returns a copy of t that shares nothing with it.
func (t *table) clone() *table {
	c := *t
	c.slots = append([]slot(nil), t.slots...)
	c.stash = append([]slot(nil), t.stash...)
	c.over = append([][numTags]int32(nil), t.over...)
	c.filter = append([]uint64(nil), t.filter...)
	c.moved = append([]uint64(nil), t.moved...)
	return &c
}

// buckets1 and buckets2 are the first slots of the two buckets of key k.
func bucket1(k uint32, n uint64) uint64 { return uint64(k*0x9E3779B1) * n >> 32 * bucketSize }
func bucket2(k uint32, n uint64) uint64 {
	return uint64((k^0x5bd1e995)*0x85EBCA6B) * n >> 32 * bucketSize
}

// pack returns the slot words of key k with the weights q, or ok false when a
// weight does not fit in 13 bits.
func pack(k uint32, q *[numTags]int32) (a, b uint64, ok bool) {
	const lo, hi = -1 << (weightBits - 1), 1<<(weightBits-1) - 1
	for _, v := range q {
		if v < lo || v > hi {
			return 0, 0, false
		}
	}
	u := func(i int) uint64 { return uint64(q[i]) & weightMask }
	a = uint64(k) | u(0)<<32 | u(1)<<45 | u(2)<<58
	b = u(2)>>6 | u(3)<<7 | u(4)<<20 | u(5)<<33 | u(6)<<46
	return a, b, true
}

// sext13 sign-extends a 13-bit two's complement value.
func sext13(u uint64) float32 { return float32(int32(uint32(u)<<19) >> 19) }

// at returns slot i of the slots followed by the stash.
func (t *table) at(i int) *slot {
	if i < len(t.slots) {
		return &t.slots[i]
	}
	return &t.stash[i-len(t.slots)]
}

// pos returns the i for which at(i) holds key k, or -1.
func (t *table) pos(k uint32) int {
	for _, base := range [2]uint64{bucket1(k, t.buckets), bucket2(k, t.buckets)} {
		for i := base; i < base+bucketSize; i++ {
			if uint32(t.slots[i].a) == k {
				return int(i)
			}
		}
	}
	for i := range t.stash {
		if uint32(t.stash[i].a) == k {
			return len(t.slots) + i
		}
	}
	return -1
}

// set gives the slot sl the feature k with weights q.
func (t *table) set(sl *slot, k uint32, q *[numTags]int32) {
	a, b, ok := pack(k, q)
	if !ok {
		a, b = uint64(k), overFlag|uint64(len(t.over))
		t.over = append(t.over, *q)
	}
	sl.a, sl.b = a, b
}

// insert adds the feature k with weights q, replacing a feature of the same key.
func (t *table) insert(k uint32, q *[numTags]int32) {
	if sl := t.find(k); sl != nil {
		t.set(sl, k, q)
		return
	}
	a, b, ok := pack(k, q)
	if !ok {
		a, b = uint64(k), overFlag|uint64(len(t.over))
		t.over = append(t.over, *q)
	}
	t.n++
	t.addFilter(k)
	// The cuckoo walk: take a free slot in either bucket, or evict a feature to
	// its other bucket, a bounded number of times.
	s := bucket1(k, t.buckets)
	for range 500 {
		for _, base := range [2]uint64{bucket1(k, t.buckets), bucket2(k, t.buckets)} {
			for i := base; i < base+bucketSize; i++ {
				if uint32(t.slots[i].a) == 0 {
					t.slots[i] = slot{a, b}
					t.placed(k, i)
					return
				}
			}
		}
		t.rng ^= t.rng << 13
		t.rng ^= t.rng >> 7
		t.rng ^= t.rng << 17
		if t.rng&bucketSize != 0 {
			s = bucket2(k, t.buckets)
		} else {
			s = bucket1(k, t.buckets)
		}
		v := &t.slots[s+t.rng%bucketSize]
		va, vb := v.a, v.b
		v.a, v.b = a, b
		t.placed(k, s)
		a, b, k = va, vb, uint32(va)
		// k now goes to its bucket other than the one it was in.
		if b1 := bucket1(k, t.buckets); b1 != s {
			s = b1
		} else {
			s = bucket2(k, t.buckets)
		}
		for i := s; i < s+bucketSize; i++ {
			if uint32(t.slots[i].a) == 0 {
				t.slots[i] = slot{a, b}
				t.placed(k, i)
				return
			}
		}
	}
	t.stash = append(t.stash, slot{a, b})
}

// find returns the slot of key k, or nil.
func (t *table) find(k uint32) *slot {
	if i := t.pos(k); i >= 0 {
		return t.at(i)
	}
	return nil
}

// row returns the integer weights of a slot.
func (t *table) row(sl *slot) (q [numTags]int32) {
	a, b := sl.a, sl.b
	if b&overFlag != 0 {
		return t.over[uint32(b)]
	}
	q[0] = int32(sext13(a >> 32 & weightMask))
	q[1] = int32(sext13(a >> 45 & weightMask))
	q[2] = int32(sext13(a>>58 | b&0x7f<<6))
	q[3] = int32(sext13(b >> 7 & weightMask))
	q[4] = int32(sext13(b >> 20 & weightMask))
	q[5] = int32(sext13(b >> 33 & weightMask))
	q[6] = int32(sext13(b >> 46 & weightMask))
	return q
}

// emissions adds to sc the weights of the features keys. The integer weights are
// summed exactly and scaled once: the order of the features does not matter (the
// float form of the model rounds after every feature; the tags on the dev sets
// are the same, see TestPackMatchesFloatModel).
//
// It returns a sum of the words it touched, for the caller to keep, lest the
// compiler drop the first loop.
func (t *table) emissions(sc *[numTags]float32, keys []uint32) (touched uint64) {
	var acc [numTags]int32
	touched = t.sum(&acc, keys)
	for i := range sc {
		sc[i] += float32(acc[i]) * t.scale
	}
	return touched
}

// sum adds to q the integer weights of the features keys, and returns what
// emissions does. The keys that the filter rules out are dropped first, a
// chunk at a time and without a branch on the data.
func (t *table) sum(q *[numTags]int32, keys []uint32) (touched uint64) {
	for len(keys) > maxLive {
		touched += t.sum(q, keys[:maxLive])
		keys = keys[maxLive:]
	}
	var live [maxLive]uint32
	// The shift is below 64 and n not negative: no code for the other cases.
	filter, shift := t.filter, t.filterShift&63
	n := uint(0)
	for _, k := range keys {
		// filterBits, with the filter in registers.
		m := uint64(1)<<(k&63) | uint64(1)<<(k>>6&63) | uint64(1)<<(k>>12&63)
		x := filter[uint64(k)*0x9E3779B97F4A7C15>>shift]&m ^ m // 0 if k may be in the table
		live[n%maxLive] = k
		n += 1 - uint((x|-x)>>63)
	}
	return touched + t.sumLive(q, live[:n])
}

// maxLive is the size of the chunks of keys that sum filters.
const maxLive = 32

// mayHaveBit is mayHave for the filter words filter of shift shift (t's
// filter and filterShift&63), as 1 or 0 and without a branch, for the loops
// that keep the keys it lets through.
func mayHaveBit(filter []uint64, shift uint, k uint32) int {
	// filterBits, with the filter in registers.
	m := uint64(1)<<(k&63) | uint64(1)<<(k>>6&63) | uint64(1)<<(k>>12&63)
	x := filter[uint64(k)*0x9E3779B97F4A7C15>>(shift&63)]&m ^ m // 0 if k may be in the table
	return int(1 - (x|-x)>>63)
}

// appendLive appends to live the key k with its token i in the upper 32
// bits, as addAt takes them, if the filter may hold k (without a branch on
// it).
func (t *table) appendLive(live []uint64, k uint32, i int) []uint64 {
	live = append(live, uint64(k)|uint64(i)<<32)
	return live[:len(live)-1+mayHaveBit(t.filter, t.filterShift, k)]
}

// addAt is sum for the features of a whole sentence at once: live[j] holds
// the key of a feature that the filter lets through (pairKeys,
// appendLive) in its lower 32 bits and its token in the upper ones, and
// addAt adds the integer weights of the feature to acc[token], and returns
// what sum does. The filter has run over the whole sentence before, so that
// the loops' exits depend on the sentence, not on each token's few features. It is addKey written out in its loop, pick's
// masks and all (neither can be inlined): two calls a key cost more than the
// rest of the look-up.
func (t *table) addAt(acc [][numTags]int32, live []uint64) (touched uint64) {
	slots, nb := t.slots, t.buckets
	// The first buckets of the keys, read in a loop that waits for none, for
	// their misses to overlap (see packedEmissions).
	for _, v := range live {
		touched += slots[bucket1(uint32(v), nb)].a
	}
	for _, v := range live {
		k := uint32(v)
		// pick: the slot of k in its first bucket, chosen with masks.
		b1 := bucket1(k, nb)
		s := (*[bucketSize]slot)(slots[b1:][:bucketSize])
		d0 := uint64(uint32(s[0].a) ^ k)
		d1 := uint64(uint32(s[1].a) ^ k)
		d2 := uint64(uint32(s[2].a) ^ k)
		d3 := uint64(uint32(s[3].a) ^ k)
		m0 := (d0|-d0)>>63 - 1
		m1 := (d1|-d1)>>63 - 1
		m2 := (d2|-d2)>>63 - 1
		m3 := (d3|-d3)>>63 - 1
		a := s[0].a&m0 | s[1].a&m1 | s[2].a&m2 | s[3].a&m3
		b := s[0].b&m0 | s[1].b&m1 | s[2].b&m2 | s[3].b&m3
		touched += a
		if a == 0 {
			// In its second bucket or the stash, or a false positive of
			// the filter, which reads no more if no key of its first
			// bucket moved.
			if !t.mayHaveMoved(b1) {
				continue
			}
			sl := t.slot2(k)
			if sl == nil {
				continue
			}
			a, b = sl.a, sl.b
		}
		q := &acc[v>>32]
		if b&overFlag != 0 {
			addRow(q, &t.over[uint32(b)])
			continue
		}
		q[0] += int32(uint32(a>>32&weightMask)<<19) >> 19
		q[1] += int32(uint32(a>>45&weightMask)<<19) >> 19
		q[2] += int32(uint32(a>>58|b&0x7f<<6)<<19) >> 19
		q[3] += int32(uint32(b>>7&weightMask)<<19) >> 19
		q[4] += int32(uint32(b>>20&weightMask)<<19) >> 19
		q[5] += int32(uint32(b>>33&weightMask)<<19) >> 19
		q[6] += int32(uint32(b>>46&weightMask)<<19) >> 19
	}
	return touched
}

// sumLive adds to q the integer weights of the features keys, which the filter
// has let through.
func (t *table) sumLive(q *[numTags]int32, keys []uint32) (touched uint64) {
	slots := t.slots
	nb := t.buckets
	// Nearly every key in the table is in its first bucket, and the filter
	// lets through about one key per token: one loop, whose body has no
	// branch on which slot holds the key (a loop touching the buckets first
	// only adds a mispredicted loop exit).
	var touch uint64
	for _, k := range keys {
		touch += t.addKey(q, slots, nb, k)
	}
	return touch
}

// addKey adds to q the integer weights of the feature of key k, which the
// filter has let through, and returns the first word of k's slot in its
// first bucket (0 if it is not there). slots and nb are t's.
func (t *table) addKey(q *[numTags]int32, slots []slot, nb uint64, k uint32) (touched uint64) {
	// The slot of k in its first bucket, chosen with masks: which of the
	// four holds a key is random, a branch on it would be mispredicted
	// about every other key.
	a, b := pick(slots, bucket1(k, nb), k)
	touched = a
	if a == 0 {
		sl := t.slot2(k)
		if sl == nil {
			return 0
		}
		a, b = sl.a, sl.b
	}
	if b&overFlag != 0 {
		addRow(q, &t.over[uint32(b)])
		return touched
	}
	q[0] += int32(uint32(a>>32&weightMask)<<19) >> 19
	q[1] += int32(uint32(a>>45&weightMask)<<19) >> 19
	q[2] += int32(uint32(a>>58|b&0x7f<<6)<<19) >> 19
	q[3] += int32(uint32(b>>7&weightMask)<<19) >> 19
	q[4] += int32(uint32(b>>20&weightMask)<<19) >> 19
	q[5] += int32(uint32(b>>33&weightMask)<<19) >> 19
	q[6] += int32(uint32(b>>46&weightMask)<<19) >> 19
	return touched
}

// pick returns the words of the slot of key k in the bucket whose first slot
// is b1, or zeros if the bucket lacks k, without a branch.
func pick(slots []slot, b1 uint64, k uint32) (a, b uint64) {
	s := (*[bucketSize]slot)(slots[b1 : b1+bucketSize])
	// m is all ones if slot j holds k (d is 0), else 0.
	d0 := uint64(uint32(s[0].a) ^ k)
	d1 := uint64(uint32(s[1].a) ^ k)
	d2 := uint64(uint32(s[2].a) ^ k)
	d3 := uint64(uint32(s[3].a) ^ k)
	m0 := (d0|-d0)>>63 - 1
	m1 := (d1|-d1)>>63 - 1
	m2 := (d2|-d2)>>63 - 1
	m3 := (d3|-d3)>>63 - 1
	a = s[0].a&m0 | s[1].a&m1 | s[2].a&m2 | s[3].a&m3
	b = s[0].b&m0 | s[1].b&m1 | s[2].b&m2 | s[3].b&m3
	return a, b
}

// slot2 returns the slot of key k in its second bucket or the stash, or nil.
func (t *table) slot2(k uint32) *slot {
	slots := t.slots
	b2 := bucket2(k, t.buckets)
	switch k {
	case uint32(slots[b2].a):
		return &slots[b2]
	case uint32(slots[b2+1].a):
		return &slots[b2+1]
	case uint32(slots[b2+2].a):
		return &slots[b2+2]
	case uint32(slots[b2+3].a):
		return &slots[b2+3]
	}
	if len(t.stash) == 0 {
		return nil
	}
	return t.find(k)
}

// sumRows adds to rows[rowOf[i]] the integer weights of the feature keys[i],
// as sum does, and returns what sum does: the keys the filter rules out are
// dropped first, a chunk at a time and without a branch on the data, and the
// others' slots picked without a branch on which holds them.
func (t *table) sumRows(rows *wordRows, keys []uint32, rowOf []uint8) (touched uint64) {
	rowOf = rowOf[:len(keys)]
	for len(keys) > maxLive {
		touched += t.sumRows(rows, keys[:maxLive], rowOf[:maxLive])
		keys, rowOf = keys[maxLive:], rowOf[maxLive:]
	}
	var live [maxLive]uint32
	var liveRow [maxLive]uint8
	filter, shift := t.filter, t.filterShift&63
	n := uint(0)
	for j, k := range keys {
		m := uint64(1)<<(k&63) | uint64(1)<<(k>>6&63) | uint64(1)<<(k>>12&63)
		x := filter[uint64(k)*0x9E3779B97F4A7C15>>shift]&m ^ m
		live[n%maxLive], liveRow[n%maxLive] = k, rowOf[j]%numRows
		n += 1 - uint((x|-x)>>63)
	}
	slots, nb := t.slots, t.buckets
	for j, k := range live[:n] {
		touched += t.addKey(&rows[liveRow[j]], slots, nb, k)
	}
	return touched
}

// slot returns the slot of key k, or nil, as sum finds it.
func (t *table) slot(k uint32) *slot {
	if !t.mayHave(k) {
		return nil
	}
	slots := t.slots
	b1 := bucket1(k, t.buckets)
	switch k {
	case uint32(slots[b1].a):
		return &slots[b1]
	case uint32(slots[b1+1].a):
		return &slots[b1+1]
	case uint32(slots[b1+2].a):
		return &slots[b1+2]
	case uint32(slots[b1+3].a):
		return &slots[b1+3]
	}
	return t.slot2(k)
}
