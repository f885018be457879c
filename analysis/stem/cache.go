package stem

import (
	"hash/maphash"
	"sync/atomic"
)

// cache is a lock-free, direct-mapped cache of stems: each word hashes to one
// slot, and a new word simply replaces the one there. Lookups cost one hash and
// one atomic load; the cache never grows beyond its slots.
type cache struct {
	seed  maphash.Seed
	gen   atomic.Uint64 // bumped to invalidate every entry at once
	mask  uint64
	slots []atomic.Pointer[cacheEntry]
}

// cacheEntry is one cached word and its stem.
type cacheEntry struct {
	word, stem string
	gen        uint64
}

// newCache returns a cache of at least size slots (rounded up to a power of two).
func newCache(size int) *cache {
	n := 1
	for n < size {
		n <<= 1
	}
	return &cache{seed: maphash.MakeSeed(), mask: uint64(n - 1), slots: make([]atomic.Pointer[cacheEntry], n)}
}

// get returns the cached stem of word.
func (c *cache) get(word string) (string, bool) {
	e := c.slots[maphash.String(c.seed, word)&c.mask].Load()
	if e != nil && e.word == word && e.gen == c.gen.Load() {
		return e.stem, true
	}
	return "", false
}

// generation returns the current generation, to pass to put.
func (c *cache) generation() uint64 { return c.gen.Load() }

// put caches the stem of word, computed during generation gen: a result computed
// before a lexicon edit is never served after it.
func (c *cache) put(word, stem string, gen uint64) {
	c.slots[maphash.String(c.seed, word)&c.mask].Store(&cacheEntry{word, stem, gen})
}

// clear invalidates every entry; a nil cache is fine.
func (c *cache) clear() {
	if c == nil {
		return
	}
	c.gen.Add(1)
}
