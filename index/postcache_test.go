package index

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// setBudget bounds x's postings cache to n bytes (0: the default), emptied,
// and restores the default when the test ends.
func setBudget(t *testing.T, x *Index, n int) {
	t.Helper()
	set := func(n int) {
		x.posts.reset()
		x.posts.mu.Lock()
		x.posts.budget = n
		x.posts.mu.Unlock()
	}
	set(n)
	t.Cleanup(func() { set(0) })
}

// checkCacheBound fails when the cache holds more bytes than its budget, or
// when its count of bytes is not the sum of its entries'.
func checkCacheBound(t *testing.T, c *postCache) {
	t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	sum := 0
	for _, p := range c.m {
		sum += p.bytes()
	}
	if c.size != sum || len(c.order) != len(c.m) {
		t.Fatalf("the cache counts %d bytes in %d keys, its %d entries hold %d", c.size, len(c.order), len(c.m), sum)
	}
	if c.size > c.limit() {
		t.Fatalf("the cache holds %d bytes, over its budget of %d", c.size, c.limit())
	}
}

// cachePhrases are phrases of the generated corpus, and words, which share
// the cache.
func cachePhrases(t *testing.T) []string {
	c := newScaleCorpus(t)
	var texts []string
	for i, p := range c.paras {
		if i%6 == 0 {
			texts = append(texts, p.text)
		}
	}
	var qs []string
	for i, p := range genPhrases(texts) {
		if i >= 80 {
			break
		}
		qs = append(qs, fmt.Sprintf("%q", p))
		if i%5 == 0 {
			qs = append(qs, p)
		}
	}
	return qs
}

type cacheResult struct {
	total uint64
	hits  string
}

func searchAll(t *testing.T, x *Index, qs []string) []cacheResult {
	t.Helper()
	out := make([]cacheResult, len(qs))
	for i, q := range qs {
		out[i] = searchOne(t, x, q)
	}
	return out
}

func searchOne(t *testing.T, x *Index, q string) cacheResult {
	res, err := x.Search(context.Background(), Request{Query: q, Size: 20})
	if err != nil {
		t.Errorf("%s: %v", q, err)
		return cacheResult{}
	}
	r := cacheResult{total: res.Total}
	for _, h := range res.Hits {
		r.hits += fmt.Sprintf("%s %.6g;", h.ID, h.Score)
	}
	return r
}

// TestPhraseCacheBudget searches phrases and words with a cache too small for
// them: it never holds more than its budget, and the results are those found
// with the cache empty before each search (which the exactness tests compare
// with bleve's term searchers).
func TestPhraseCacheBudget(t *testing.T) {
	x := genIndex(t)
	qs := cachePhrases(t)
	want := make([]cacheResult, len(qs))
	for i, q := range qs {
		x.posts.reset()
		want[i] = searchOne(t, x, q)
	}
	for _, budget := range []int{16 << 10, 256 << 10} {
		setBudget(t, x, budget)
		evicted := false
		for pass := range 2 {
			for i, q := range qs {
				got := searchOne(t, x, q)
				if got != want[i] {
					t.Fatalf("budget %d, pass %d, %s: %+v, want %+v", budget, pass, q, got, want[i])
				}
				checkCacheBound(t, &x.posts)
				x.posts.mu.Lock()
				evicted = evicted || x.posts.size+4<<10 > budget
				x.posts.mu.Unlock()
			}
		}
		if !evicted {
			t.Errorf("budget %d: the cache never came near its budget; the test checks too little", budget)
		}
	}
}

// TestPostingsCacheOff searches with Options.PostingsCache negative: the
// results are those of a cached search, and nothing is kept.
func TestPostingsCacheOff(t *testing.T) {
	x := genIndex(t)
	qs := cachePhrases(t)
	want := searchAll(t, x, qs) // cached, searched twice below
	setBudget(t, x, -1)
	for pass := range 2 {
		for i, got := range searchAll(t, x, qs) {
			if got != want[i] {
				t.Fatalf("pass %d, %s: %+v, want %+v", pass, qs[i], got, want[i])
			}
		}
	}
	if x.posts.size != 0 || len(x.posts.m) != 0 || len(x.posts.seen) != 0 {
		t.Errorf("with the cache off it holds %d bytes in %d entries, %d terms seen", x.posts.size, len(x.posts.m), len(x.posts.seen))
	}
	if y := newIndex(x.b, "", &Options{PostingsCache: -1}); y.posts.budget != -1 {
		t.Errorf("Options.PostingsCache -1 gives a budget of %d", y.posts.budget)
	}
}

// TestPhraseCacheConcurrent searches phrases from several goroutines sharing
// a small cache (run it with -race): each finds what a search alone finds.
func TestPhraseCacheConcurrent(t *testing.T) {
	x := genIndex(t)
	qs := cachePhrases(t)
	if len(qs) > 120 {
		qs = qs[:120]
	}
	setBudget(t, x, 0)
	want := searchAll(t, x, qs)
	setBudget(t, x, 64<<10)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range qs {
				j := (i + g*31) % len(qs)
				if got := searchOne(t, x, qs[j]); got != want[j] {
					t.Errorf("%s: %+v, want %+v", qs[j], got, want[j])
					return
				}
			}
		}()
	}
	wg.Wait()
	checkCacheBound(t, &x.posts)
}
