package entity

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestTable checks the packed table against a map: every weight of every
// feature, 13-bit and larger ones, replaced keys and absent keys.
func TestTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	want := map[uint32][numTags]int32{}
	const n = 20000
	tab := newTable(n, 0.5)
	for i := range n + 500 {
		k := rng.Uint32() | 1
		if i >= n { // replace an earlier feature
			for k = range want {
				break
			}
		}
		var q [numTags]int32
		for j := range q {
			switch rng.IntN(4) {
			case 0:
			case 1:
				q[j] = int32(rng.IntN(8192) - 4096) // the extremes of 13 bits
			case 2:
				q[j] = int32(rng.IntN(2*maxWeight+1) - maxWeight)
			default:
				q[j] = int32(rng.IntN(200) - 100)
			}
		}
		want[k] = q
		tab.insert(k, &q)
	}
	if tab.n != len(want) {
		t.Errorf("n = %d, want %d", tab.n, len(want))
	}
	for k, q := range want {
		sl := tab.find(k)
		if sl == nil {
			t.Fatalf("key %x not found", k)
		}
		if got := tab.row(sl); got != q {
			t.Fatalf("key %x: weights %v, want %v", k, got, q)
		}
		var sc [numTags]float32
		tab.emissions(&sc, []uint32{k, k ^ 0x5a5a0000})
		for j := range sc {
			w := float32(q[j]) * 0.5
			if _, ok := want[k^0x5a5a0000]; !ok && sc[j] != w {
				t.Fatalf("key %x: emission %v, want %v", k, sc[j], w)
			}
		}
	}
	for range 10000 {
		k := rng.Uint32() | 1
		if _, ok := want[k]; !ok && tab.find(k) != nil {
			t.Fatalf("absent key %x found", k)
		}
	}
	c := tab.clone()
	c.insert(1, &[numTags]int32{1})
	if tab.find(1) != nil && want[1] == ([numTags]int32{}) || c.find(1) == nil {
		t.Error("clone shares its slots")
	}
}

// TestTransPreds checks the BIO structure that viterbi and marginals write out:
// seven tags, any tag before O and a B- tag, before an I- tag its B- and I- tags.
func TestTransPreds(t *testing.T) {
	if numTags != 7 {
		t.Fatalf("%d tags: viterbi and marginals write out the steps for 7", numTags)
	}
	for tg := range numTags {
		want := []tag{0, 1, 2, 3, 4, 5, 6}
		if tg.isInside() {
			want = []tag{tg - 1, tg}
		}
		if !slices.Equal(transPreds[tg], want) {
			t.Errorf("tags before %s: %v, viterbi and marginals assume %v", tg, transPreds[tg], want)
		}
		if first := !tg.isInside(); transAllowed[numTags][tg] != first {
			t.Errorf("%s first in a sentence: %v, viterbi assumes %v", tg, !first, first)
		}
	}
}

// TestViterbi checks viterbi against the plain form of the algorithm, every
// pair of tags in the inner loop, on random scores and lengths.
func TestViterbi(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		n := 1 + rng.IntN(30)
		trans := make([]float32, (numTags+1)*numTags)
		for i := range trans {
			trans[i] = float32(rng.NormFloat64() * 20)
		}
		emit := make([]float32, n*int(numTags))
		for i := range emit {
			emit[i] = float32(rng.IntN(41) - 20) // ties too
		}
		got := make([]tag, n)
		viterbi(trans, emit, n, make([]uint8, n*int(numTags)), got)
		if want := plainViterbi(trans, emit, n); !slices.Equal(got, want) {
			t.Fatalf("n %d: viterbi %v, want %v", n, got, want)
		}
	}
}

// TestTableFilter checks that the filter of a table lets every key of its
// slots and stash through, in a table filled past its size (so that keys
// move and some go to the stash), its clone, a model read from a file and its
// auxiliary fold; that sum and slot find what find finds; and that the filter
// rules out most absent keys.
func TestTableFilter(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	const n = 5000
	tab := newTable(n, 1)
	want := map[uint32][numTags]int32{}
	for range 2 * n {
		k := rng.Uint32() | 1
		q := [numTags]int32{int32(rng.IntN(100)), 1, 2, 3, 4, 5, int32(rng.IntN(20000))}
		want[k] = q
		tab.insert(k, &q)
	}
	if len(tab.stash) == 0 {
		t.Fatal("no key in the stash: the test misses that path")
	}
	m := Default().get().m
	tabs := map[string]*table{"overfull": tab, "clone": tab.clone(), "embedded": m.table(StyleDefault), "embedded aux": m.table(StyleNERGrit)}
	for name, tb := range tabs {
		for _, slots := range [2][]slot{tb.slots, tb.stash} {
			for i := range slots {
				k := uint32(slots[i].a)
				if k == 0 {
					continue
				}
				if !tb.mayHave(k) {
					t.Fatalf("%s: key %x not in the filter", name, k)
				}
				if tb.slot(k) != tb.find(k) {
					t.Fatalf("%s: key %x: slot and find differ", name, k)
				}
				var q [numTags]int32
				tb.sum(&q, []uint32{k})
				if q != tb.row(tb.find(k)) {
					t.Fatalf("%s: key %x: sum %v, row %v", name, k, q, tb.row(tb.find(k)))
				}
			}
		}
		passed, absent := 0, 0
		for range 20000 {
			k := rng.Uint32() | 1
			if tb.find(k) != nil {
				continue
			}
			absent++
			if tb.mayHave(k) {
				passed++
			}
			if tb.slot(k) != nil {
				t.Fatalf("%s: absent key %x found", name, k)
			}
		}
		t.Logf("%s: %d keys, %d stash, filter %d KB, %.1f%% of absent keys pass", name, tb.n, len(tb.stash), 8*len(tb.filter)>>10, 100*float64(passed)/float64(absent))
		if passed*10 > absent {
			t.Errorf("%s: %d of %d absent keys pass the filter", name, passed, absent)
		}
	}
	// Sums over many keys, present and absent, in chunks.
	var keys []uint32
	var wantSum [numTags]int32
	for k, q := range want {
		keys = append(keys, k, k^0x77770000)
		addRow(&wantSum, &q)
		if _, ok := want[k^0x77770000]; ok {
			qq := want[k^0x77770000]
			addRow(&wantSum, &qq)
		}
	}
	var got [numTags]int32
	tab.sum(&got, keys)
	if got != wantSum {
		t.Errorf("sum of %d keys: %v, want %v", len(keys), got, wantSum)
	}
}

// TestPick checks that pick finds every key of the embedded tables' buckets
// in its bucket, whichever of the four slots holds it, and nothing in a
// bucket that lacks the key.
func TestPick(t *testing.T) {
	m := Default().get().m
	for _, tab := range []*table{m.table(StyleDefault), m.table(StyleNERGrit)} {
		for i := range tab.slots {
			b1 := uint64(i) / bucketSize * bucketSize
			k := uint32(tab.slots[i].a)
			if k == 0 {
				continue
			}
			if a, b := pick(tab.slots, b1, k); a != tab.slots[i].a || b != tab.slots[i].b {
				t.Fatalf("key %x in slot %d: picked %x %x, slot %x %x", k, i, a, b, tab.slots[i].a, tab.slots[i].b)
			}
			// A key is in one slot only.
			other := (b1 + bucketSize) % uint64(len(tab.slots))
			if a, b := pick(tab.slots, other, k); a != 0 || b != 0 {
				t.Fatalf("key %x picked from bucket %d: %x %x", k, other, a, b)
			}
		}
	}
}

// TestMoved checks the bits of moved that addAt trusts: every key in its
// second bucket has its first bucket's bit set, on the embedded tables (read
// from the model file, and the auxiliary fold built from it) and on tables
// built by insert, full enough for many keys to move.
func TestMoved(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := Default().get().m
	tables := map[string]*table{"embedded": m.table(StyleDefault), "embedded aux": m.table(StyleNERGrit)}
	for _, n := range []int{10, 1000, 3000} {
		tab := newTable(n, 1)
		for range n {
			q := [numTags]int32{1}
			tab.insert(key32(rng.Uint64()), &q)
		}
		tables[fmt.Sprintf("%d inserted", n)] = tab
	}
	for name, tab := range tables {
		moved := 0
		for i := range tab.slots {
			k := uint32(tab.slots[i].a)
			if k == 0 || uint64(i)&^(bucketSize-1) == bucket1(k, tab.buckets) {
				continue
			}
			moved++
			if tab.moved[bucket1(k, tab.buckets)/bucketSize/64]>>(bucket1(k, tab.buckets)/bucketSize%64)&1 == 0 {
				t.Fatalf("%s: key %x in slot %d, its second bucket: its first bucket's bit is clear", name, k, i)
			}
		}
		t.Logf("%s: %d keys in their second bucket", name, moved)
		if moved == 0 && name != "10 inserted" {
			t.Errorf("%s: no key in its second bucket: the test misses the case", name)
		}
	}
}

// TestAddAt checks that addAt, the look-up of a sentence's features at once,
// given the keys appendLive keeps, adds to each token what sumHashes adds
// for that token's features alone, on
// the embedded tables and one with rows in over and keys in the stash, for
// features in the table and not.
func TestAddAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	over := newTable(3000, 1)
	var present []uint64
	for range 6000 {
		h := rng.Uint64()
		q := [numTags]int32{int32(rng.IntN(100)), -1, 2, 3, 4, 5, int32(rng.IntN(20000)) - 10000}
		over.insert(key32(h), &q)
		present = append(present, h)
	}
	if len(over.stash) == 0 || len(over.over) == 0 {
		t.Fatal("no key in the stash or no row in over: the test misses a path")
	}
	m := Default().get().m
	for name, tab := range map[string]*table{"overfull": over, "embedded": m.table(StyleDefault), "embedded aux": m.table(StyleNERGrit)} {
		if name != "overfull" {
			present = present[:0]
			for i := range tab.slots {
				if k := uint64(uint32(tab.slots[i].a)); k != 0 {
					present = append(present, k) // key32(k) is k
				}
			}
		}
		for _, tokens := range []int{0, 1, 2, 7, 40, 300} {
			acc, want := make([][numTags]int32, tokens), make([][numTags]int32, tokens)
			var hs []uint64
			var at []int32
			for i := range tokens {
				m := len(hs)
				for range rng.IntN(9) {
					h := rng.Uint64()
					if rng.IntN(3) == 0 {
						h = present[rng.IntN(len(present))]
					}
					hs = append(hs, h)
					at = append(at, int32(i))
				}
				tab.sumHashes(&want[i], hs[m:])
			}
			var keyed []uint64
			for j, h := range hs {
				keyed = tab.appendLive(keyed, key32(h), int(at[j]))
			}
			tab.addAt(acc, keyed)
			for i := range acc {
				if acc[i] != want[i] {
					t.Fatalf("%s, %d tokens: token %d: addAt %v, sumHashes %v", name, tokens, i, acc[i], want[i])
				}
			}
		}
	}
}

// sumHashes is sum for the features of hashes hs, whose keys it takes on the
// way (key32): the reference, token by token, that TestAddAt holds addAt to.
func (t *table) sumHashes(q *[numTags]int32, hs []uint64) (touched uint64) {
	for len(hs) > maxLive {
		touched += t.sumHashes(q, hs[:maxLive])
		hs = hs[maxLive:]
	}
	var live [maxLive]uint32
	filter, shift := t.filter, t.filterShift&63
	n := uint(0)
	for _, h := range hs {
		k := key32(h)
		m := uint64(1)<<(k&63) | uint64(1)<<(k>>6&63) | uint64(1)<<(k>>12&63)
		x := filter[uint64(k)*0x9E3779B97F4A7C15>>shift]&m ^ m
		live[n%maxLive] = k
		n += 1 - uint((x|-x)>>63)
	}
	return touched + t.sumLive(q, live[:n])
}
