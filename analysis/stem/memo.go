package stem

// memoBits sets the slots of a Memo: 16,384 of 40 bytes (640 KB), in sets of
// memoWays, enough for the words that make up nearly all of the running text of
// news.
const (
	memoBits = 14
	memoWays = 4
)

// memoWord is the longest word a Memo holds; a longer one goes to the Stemmer.
const memoWord = 23

// Memo is a small cache of stems in front of a Stemmer, for one goroutine: the
// word is kept inside its slot, so that a hit costs a short hash of the word's
// bytes, a read of the tags of its set (64 KB of tags in all, which stay in the
// processor's cache), a read of one slot and a comparison, and allocates
// nothing. A miss asks the Stemmer ([Stemmer.StemBytes]) and keeps the result,
// in place of the oldest word of the set. A Memo never holds more than its
// 16,384 words, and never serves a stem computed before an edit of the
// Stemmer's lexicon.
//
// A Memo is not safe for concurrent use: take one from [Stemmer.Memo] for the
// duration of one text and give it back with [Memo.Release]. A token filter or
// an analyzer does so once per call.
type Memo struct {
	s     *Stemmer
	edits uint64 // the Stemmer's edits the slots were filled under
	// tags are the hashes of the words in the slots (0: empty), apart from
	// them so that the tags of a set share a line of the processor's cache
	// and a look-up reads the one slot whose tag matches.
	tags  [1 << memoBits]uint32
	slots [1 << memoBits]memoSlot
}

// memoSlot is one word of at most memoWord bytes and its stem.
type memoSlot struct {
	word [memoWord]byte
	n    uint8 // len of the word; 0: empty
	stem string
}

// Memo returns a Memo of s, from those s keeps: the words it learnt in an
// earlier use are still there. Release gives it back.
func (s *Stemmer) Memo() *Memo {
	if m := s.spare.Swap(nil); m != nil {
		return m
	}
	if m, ok := s.memos.Get().(*Memo); ok {
		return m
	}
	return &Memo{s: s, edits: s.edits.Load()}
}

// Release gives m back to its Stemmer. m must not be used afterwards. The
// Stemmer keeps one Memo aside, which garbage collection does not take (a
// pool's are dropped after two collections without use, and a program that
// analyses now and then would build and fill a new one every time); the
// others of goroutines that stem at once go to a pool.
func (m *Memo) Release() {
	if m == nil {
		return
	}
	if !m.s.spare.CompareAndSwap(nil, m) {
		m.s.memos.Put(m)
	}
}

// StemBytes returns s.StemBytes(word) for the Stemmer s of m.
func (m *Memo) StemBytes(word []byte) string {
	n := len(word)
	if n == 0 || n > memoWord {
		return m.s.StemBytes(word)
	}
	if e := m.s.edits.Load(); e != m.edits {
		m.tags = [1 << memoBits]uint32{}
		m.slots = [1 << memoBits]memoSlot{}
		m.edits = e
	}
	h := uint32(2166136261)
	for _, c := range word {
		h = (h ^ uint32(c)) * 16777619
	}
	h *= 0x9E3779B1
	tag := h | 1
	set := int(h>>(32-memoBits)) &^ (memoWays - 1)
	tags := m.tags[set : set+memoWays : set+memoWays]
	for i, t := range tags {
		if t == tag {
			if sl := &m.slots[set+i]; int(sl.n) == n && string(sl.word[:n]) == string(word) {
				return sl.stem
			}
		}
	}
	r := m.s.StemBytes(word)
	if m.s.edits.Load() == m.edits {
		// The new word goes first, the others one down, the oldest out.
		slots := m.slots[set : set+memoWays : set+memoWays]
		copy(tags[1:], tags[:memoWays-1])
		copy(slots[1:], slots[:memoWays-1])
		tags[0] = tag
		sl := &slots[0]
		copy(sl.word[:], word)
		sl.n = uint8(n)
		sl.stem = r
	}
	return r
}
