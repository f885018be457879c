package entity

import (
	"bytes"
	"math"
	"testing"
)

// TestPruned checks that pruning the embedded model drops exactly the rows of
// each fold whose weights are all below the threshold, keeps the others as
// they were, and gives a model that survives a round trip through its file.
func TestPruned(t *testing.T) {
	m := Default().m
	if p := m.pruned(0); p != m {
		t.Fatal("pruned(0) is not the model itself")
	}
	// Above the threshold the embedded model was trained with.
	frac := max(0.01, 2*DefaultPrune)
	p := m.pruned(frac)
	thr := int32(math.Round(frac * 32767))
	want := func(q [numTags]int32) [numTags]int32 {
		for _, v := range q {
			if v >= thr || v <= -thr {
				return q
			}
		}
		return [numTags]int32{}
	}
	row := func(tb *table, k uint32) [numTags]int32 {
		if sl := tb.find(k); sl != nil {
			return tb.row(sl)
		}
		return [numTags]int32{}
	}
	check := func(p *model) {
		t.Helper()
		mm, ma := m.table(StyleDefault), m.table(StyleNERGrit)
		pm, pa := p.table(StyleDefault), p.table(StyleNERGrit)
		keys := map[uint32]bool{}
		for _, tb := range []*table{mm, ma} {
			for i, end := 0, len(tb.slots)+len(tb.stash); i < end; i++ {
				if k := uint32(tb.at(i).a); k != 0 {
					keys[k] = true
				}
			}
		}
		for k := range keys {
			if got, w := row(pm, k), want(row(mm, k)); got != w {
				t.Fatalf("main fold, key %#x: %v, want %v", k, got, w)
			}
			if got, w := row(pa, k), want(row(ma, k)); got != w {
				t.Fatalf("auxiliary fold, key %#x: %v, want %v", k, got, w)
			}
		}
	}
	check(p)
	if p.numFeatures() >= m.numFeatures() {
		t.Errorf("pruning at %g kept %d of %d features", frac, p.numFeatures(), m.numFeatures())
	}
	var buf bytes.Buffer
	if err := writeModel(&buf, p); err != nil {
		t.Fatal(err)
	}
	q, err := readModel(&buf)
	if err != nil {
		t.Fatal(err)
	}
	check(q)
	t.Logf("pruning at %g keeps %d of %d features", frac, p.numFeatures(), m.numFeatures())
}
