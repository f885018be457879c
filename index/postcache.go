package index

import (
	"sync"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// segPostings are the postings of one term in one segment, decoded: the
// documents (deleted ones included, since the deleted set of a segment grows
// from snapshot to snapshot), and the frequency and norm of each, as zap
// returns them (its norms are float32 values, kept without loss).
//
// For phrases (a key with positions) they also hold every document's
// positions, flat: those of docs[i] are pos[off[i]:off[i+1]].
type segPostings struct {
	docs []uint32
	freq []uint32
	norm []float32
	off  []uint32
	pos  []uint32
}

func (p *segPostings) bytes() int { return 12*len(p.docs) + 4*len(p.off) + 4*len(p.pos) + 64 }

// postKey names the postings of a term of a field in a segment.
type postKey struct {
	seg   segment.Segment // compared by identity
	field string
	term  string
	pos   bool // with positions (phrases)
}

// postCache keeps decoded postings of segments, so that a word searched again
// is not decoded again: segments never change, and decoding the varints of
// zap's chunks was half the time of a match query. When over its budget it
// forgets the oldest entries; entries of segments merged away are dropped as
// soon as a search sees the segment gone. The zero value is ready; it is safe
// for concurrent use.
type postCache struct {
	mu    sync.Mutex
	m     map[postKey]*segPostings
	order []postKey // insertion order, for eviction
	size  int
	live  map[segment.Segment]bool // the segments of the latest snapshot
	// budget is the bound in bytes; 0 means DefaultPostingsCache, a negative
	// value keeps nothing (see Options.PostingsCache).
	budget int
	// seen are the terms whose positions a phrase asked for once and that
	// are not cached (a doorkeeper): positions are decoded whole and kept
	// the second time, so a phrase searched once is not slowed by a fill.
	seen map[postKey]bool
}

// maxSeen bounds the doorkeeper; it starts again empty when full.
const maxSeen = 1 << 16

// admitPos reports whether the positions of term in field of seg are cached
// or were asked for before; when neither, it notes them and reports false.
func (c *postCache) admitPos(seg segment.Segment, field string, term []byte) bool {
	k := postKey{seg, field, string(term), true}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.budget < 0 {
		return false // nothing is kept
	}
	if c.m[k] != nil || c.seen[k] {
		return true
	}
	if c.seen == nil || len(c.seen) >= maxSeen {
		c.seen = map[postKey]bool{}
	}
	c.seen[k] = true
	return false
}

func (c *postCache) limit() int {
	if c.budget > 0 {
		return c.budget
	}
	return DefaultPostingsCache
}

// reset forgets every entry (for benchmarks of a cold cache).
func (c *postCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m, c.order, c.size, c.live, c.seen = nil, nil, 0, nil, nil
}

// get returns the decoded postings of term in field of seg, decoding them
// when they are not cached.
func (c *postCache) get(seg segment.Segment, field string, term []byte) (*segPostings, error) {
	return c.fetch(seg, field, term, false)
}

// getPos returns the decoded postings of term in field of seg with their
// positions, decoding them when they are not cached.
func (c *postCache) getPos(seg segment.Segment, field string, term []byte) (*segPostings, error) {
	return c.fetch(seg, field, term, true)
}

func (c *postCache) fetch(seg segment.Segment, field string, term []byte, pos bool) (*segPostings, error) {
	k := postKey{seg, field, string(term), pos}
	c.mu.Lock()
	p, off := c.m[k], c.budget < 0
	c.mu.Unlock()
	if off {
		return decodePostings(seg, field, term, pos)
	}
	if p != nil {
		return p, nil
	}
	p, err := decodePostings(seg, field, term, pos)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[postKey]*segPostings{}
	}
	if q := c.m[k]; q != nil {
		return q, nil // decoded meanwhile by another search
	}
	if p.bytes() > c.limit()/4 {
		return p, nil // too large to keep
	}
	for c.size+p.bytes() > c.limit() && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		if q := c.m[old]; q != nil {
			c.size -= q.bytes()
			delete(c.m, old)
		}
	}
	delete(c.seen, k)
	c.m[k] = p
	c.order = append(c.order, k)
	c.size += p.bytes()
	return p, nil
}

// retain drops the postings of segments not in segs, when the set of
// segments has changed since the last call.
func (c *postCache) retain(segs []segment.Segment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	same := len(segs) == len(c.live)
	for _, s := range segs {
		same = same && c.live[s]
	}
	if same {
		return
	}
	c.seen = nil // of segments that may be gone
	c.live = make(map[segment.Segment]bool, len(segs))
	for _, s := range segs {
		c.live[s] = true
	}
	kept := c.order[:0]
	for _, k := range c.order {
		if c.live[k.seg] {
			kept = append(kept, k)
		} else if q := c.m[k]; q != nil {
			c.size -= q.bytes()
			delete(c.m, k)
		}
	}
	clear(c.order[len(kept):])
	c.order = kept
}

// decodePostings reads the postings of term in field of seg, with their
// positions when pos.
func decodePostings(seg segment.Segment, field string, term []byte, pos bool) (*segPostings, error) {
	d, err := seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	pl, err := d.PostingsList(term, nil, nil)
	if err != nil {
		return nil, err
	}
	n := pl.Count()
	p := &segPostings{docs: make([]uint32, 0, n), freq: make([]uint32, 0, n), norm: make([]float32, 0, n)}
	if pos {
		p.off = make([]uint32, 1, n+1)
	}
	it := pl.Iterator(true, true, pos, nil)
	for {
		q, err := it.Next()
		if err != nil {
			return nil, err
		}
		if q == nil {
			return p, nil
		}
		num, f := q.Number(), q.Frequency()
		if num >= 1<<32 || f >= 1<<32 {
			return nil, errPostingRange
		}
		p.docs = append(p.docs, uint32(num))
		p.freq = append(p.freq, uint32(f))
		p.norm = append(p.norm, float32(q.Norm()))
		if pos {
			for _, l := range q.Locations() {
				if l.Pos() >= 1<<32 {
					return nil, errPostingRange
				}
				p.pos = append(p.pos, uint32(l.Pos()))
			}
			if uint64(len(p.pos)) >= 1<<32 {
				return nil, errPostingRange
			}
			p.off = append(p.off, uint32(len(p.pos)))
		}
	}
}
