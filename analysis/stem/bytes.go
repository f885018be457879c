package stem

import "hash/maphash"

// StemBytes is [Stemmer.StemToken] of a word that is not a proper noun, given as
// bytes that the caller may reuse: a cached stem is found without converting the
// word, and the cache keeps a copy of it, never the caller's bytes. Token filters
// call it on a token's term.
func (s *Stemmer) StemBytes(word []byte) string {
	if s.cache == nil {
		return s.stem(string(word))
	}
	if r, ok := s.cache.getBytes(word); ok {
		return r
	}
	w := string(word)
	gen := s.cache.generation()
	r := s.stem(w)
	s.cache.put(w, r, gen)
	return r
}

// getBytes is get for a word given as bytes.
func (c *cache) getBytes(word []byte) (string, bool) {
	e := c.slots[maphash.Bytes(c.seed, word)&c.mask].Load()
	if e != nil && e.word == string(word) && e.gen == c.gen.Load() {
		return e.stem, true
	}
	return "", false
}
