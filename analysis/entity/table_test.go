package entity

import (
	"math/rand/v2"
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
