package index

import (
	"sync"

	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// postingsCacheBytes bounds the memory of the decoded postings that the fast
// path keeps (see postCache): at 100,000 articles a common word holds about
// 30,000 postings, 360 KB decoded, so this keeps the words of some hundred
// recent queries.
const postingsCacheBytes = 64 << 20

// segPostings are the postings of one term in one segment, decoded: the
// documents (deleted ones included, since the deleted set of a segment grows
// from snapshot to snapshot), and the frequency and norm of each, as zap
// returns them (its norms are float32 values, kept without loss).
type segPostings struct {
	docs []uint32
	freq []uint32
	norm []float32
}

func (p *segPostings) bytes() int { return 12*len(p.docs) + 64 }

// postKey names the postings of a term of a field in a segment.
type postKey struct {
	seg   segment.Segment // compared by identity
	field string
	term  string
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
}

// get returns the decoded postings of term in field of seg, decoding them
// when they are not cached.
func (c *postCache) get(seg segment.Segment, field string, term []byte) (*segPostings, error) {
	k := postKey{seg, field, string(term)}
	c.mu.Lock()
	p := c.m[k]
	c.mu.Unlock()
	if p != nil {
		return p, nil
	}
	p, err := decodePostings(seg, field, term)
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
	if p.bytes() > postingsCacheBytes/4 {
		return p, nil // too large to keep
	}
	for c.size+p.bytes() > postingsCacheBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		if q := c.m[old]; q != nil {
			c.size -= q.bytes()
			delete(c.m, old)
		}
	}
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

// decodePostings reads the postings of term in field of seg.
func decodePostings(seg segment.Segment, field string, term []byte) (*segPostings, error) {
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
	it := pl.Iterator(true, true, false, nil)
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
	}
}
