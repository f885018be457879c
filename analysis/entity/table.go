package entity

import "math/bits"

// table holds the quantised weights of a model read from a file: an open-addressed
// hash table (linear probing, Robin Hood order) whose 16-byte slot holds a
// feature's 32-bit key and its numTags weights together, so that looking a feature
// up costs one random memory access. A key's home is a bucket of four slots, one
// cache line: the probe for it mostly reads that line alone. The weights are the file's int16 values; a
// slot packs them in 13 bits each, and the few rows with a larger weight live in
// over, which the slot then points to.
//
// A slot's two words:
//
//	a: bits 0-31 the key (0: empty slot), 32-63 bits 0-31 of the weight field
//	b: bits 0-59 bits 32-91 of the weight field, 60-63 the distance in buckets of
//	   the slot from the feature's home bucket (15: 15 or more)
//
// The weight field has weight t in bits 13t..13t+12, two's complement, and bit 91
// set when the row is in over, whose index is then in b's bits 0-31.
type table struct {
	slots []slot
	size  uint64 // the number of home buckets; slots has a tail past them, ending empty
	bits  uint   // home uses the low bits of the key's hash
	over  [][numTags]int16
	scale float32 // a weight is its int16 value times scale
	n     int     // features
	// touched keeps the words that readModel loads to prefetch them.
	touched uint64
}

type slot struct{ a, b uint64 }

const (
	weightBits = 13
	weightMask = 1<<weightBits - 1
	overFlag   = 1 << 59 // in b
	distShift  = 60      // in b
	maxDist    = 15
)

// newTable returns an empty table for n features.
func newTable(n int, scale float32) *table {
	// A load factor of about 0.83 keeps the probes short; the table stays under
	// twice the size of the model file.
	buckets := (n+n/5)/bucketSize + 1
	return &table{
		slots: make([]slot, (buckets+8)*bucketSize),
		size:  uint64(buckets),
		bits:  uint(max(homeBits, bits.Len(uint(buckets)))),
		scale: scale,
	}
}

// homeBits is the number of low bits of a key's hash that choose its home bucket,
// unless the table has more buckets. The float form of the model (newModel) orders
// its slots by the same bits for models of 130,000 to 260,000 features, and the
// table exports in its own order, so that a model file lists its features by home
// and loading writes the table from start to end instead of all over it.
const homeBits = 19

// bucketSize is the number of slots of a bucket: 64 bytes, a cache line (large
// slices are page-aligned).
const bucketSize = 4

// home is the home bucket of key k.
func (t *table) home(k uint32) uint64 {
	return uint64(k*0x9E3779B1&(1<<t.bits-1)) * t.size >> t.bits
}

// pack returns the slot words of key k with the weights q, or ok false when a
// weight does not fit in 13 bits.
func pack(k uint32, q *[numTags]int16) (a, b uint64, ok bool) {
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

// insert adds the feature k with weights q, replacing a feature of the same key.
func (t *table) insert(k uint32, q *[numTags]int16) {
	a, b, ok := pack(k, q)
	if !ok {
		a, b = uint64(k), overFlag|uint64(len(t.over))
		t.over = append(t.over, *q)
	}
	hb := t.home(k)
	s := hb * bucketSize
	for {
		d := s/bucketSize - hb
		if s == uint64(len(t.slots))-1 {
			// Keep the last slot empty, so that every probe ends inside the table.
			t.slots = append(t.slots, make([]slot, 32)...)
		}
		cur := &t.slots[s]
		ck := uint32(cur.a)
		if ck == 0 {
			cur.a, cur.b = a, b&^(maxDist<<distShift)|min(d, maxDist)<<distShift
			t.n++
			return
		}
		if ck == k {
			cur.a, cur.b = a, b&^(maxDist<<distShift)|cur.b&(maxDist<<distShift)
			return
		}
		// Robin Hood: the feature farther from its home takes the slot.
		if chb := t.home(ck); chb > hb {
			na, nb := cur.a, cur.b
			cur.a, cur.b = a, b&^(maxDist<<distShift)|min(d, maxDist)<<distShift
			a, b, k, hb = na, nb, ck, chb
		}
		s++
	}
}

// find returns the slot of key k, or nil.
func (t *table) find(k uint32) *slot {
	slots := t.slots
	hb := t.home(k)
	for s := hb * bucketSize; s < uint64(len(slots)); s++ {
		sl := &slots[s]
		ck := uint32(sl.a)
		if ck == k {
			return sl
		}
		if cd := sl.b >> distShift; ck == 0 || cd < s/bucketSize-hb && cd != maxDist {
			return nil
		}
	}
	return nil
}

// row returns the int16 weights of a slot.
func (t *table) row(sl *slot) (q [numTags]int16) {
	a, b := sl.a, sl.b
	if b&overFlag != 0 {
		return t.over[uint32(b)]
	}
	q[0] = int16(sext13(a >> 32 & weightMask))
	q[1] = int16(sext13(a >> 45 & weightMask))
	q[2] = int16(sext13(a>>58 | b&0x7f<<6))
	q[3] = int16(sext13(b >> 7 & weightMask))
	q[4] = int16(sext13(b >> 20 & weightMask))
	q[5] = int16(sext13(b >> 33 & weightMask))
	q[6] = int16(sext13(b >> 46 & weightMask))
	return q
}

// emissions adds to sc the weights of the features keys. The int16 weights are
// summed exactly, in integers, and scaled once: the order of the features does not
// matter (the float form of the model rounds after every feature; the tags and
// confidences on the dev sets are the same, see TestPinnedOutput).
//
// It returns a sum of the words it touched, for the caller to keep, lest the
// compiler drop the first loop.
func (t *table) emissions(sc *[numTags]float32, keys []uint32) (touched uint64) {
	slots := t.slots
	scale := t.scale
	size, hbits := t.size, t.bits
	hmask := uint32(1)<<hbits - 1
	// Touch the home slots of all the keys first: the loop has no branch on the
	// data, so the processor overlaps the cache misses instead of taking them one
	// after another in the probing loop below.
	var touch uint64
	for _, k := range keys {
		s := (uint64(k*0x9E3779B1&hmask) * size >> hbits) * bucketSize
		touch += slots[s].a
	}
	var acc [numTags]int32
	for _, k := range keys {
		hb := uint64(k*0x9E3779B1&hmask) * size >> hbits
		var sl *slot
		for s := hb * bucketSize; s < uint64(len(slots)); s++ {
			p := &slots[s]
			ck := uint32(p.a)
			if ck == k {
				sl = p
				break
			}
			if cd := p.b >> distShift; ck == 0 || cd < s/bucketSize-hb && cd != maxDist {
				break
			}
		}
		if sl == nil {
			continue
		}
		a, b := sl.a, sl.b
		if b&overFlag != 0 {
			q := &t.over[uint32(b)]
			for i := range acc {
				acc[i] += int32(q[i])
			}
			continue
		}
		acc[0] += int32(uint32(a>>32&weightMask)<<19) >> 19
		acc[1] += int32(uint32(a>>45&weightMask)<<19) >> 19
		acc[2] += int32(uint32(a>>58|b&0x7f<<6)<<19) >> 19
		acc[3] += int32(uint32(b>>7&weightMask)<<19) >> 19
		acc[4] += int32(uint32(b>>20&weightMask)<<19) >> 19
		acc[5] += int32(uint32(b>>33&weightMask)<<19) >> 19
		acc[6] += int32(uint32(b>>46&weightMask)<<19) >> 19
	}
	for i := range sc {
		sc[i] += float32(acc[i]) * scale
	}
	return touch
}

// export returns the keys and the weights (numTags a key) of the table's features.
func (t *table) export() (keys []uint32, weights []float32) {
	keys = make([]uint32, 0, t.n)
	weights = make([]float32, 0, t.n*int(numTags))
	for i := range t.slots {
		sl := &t.slots[i]
		if k := uint32(sl.a); k != 0 {
			keys = append(keys, k)
			for _, v := range t.row(sl) {
				weights = append(weights, float32(v)*t.scale)
			}
		}
	}
	return keys, weights
}
