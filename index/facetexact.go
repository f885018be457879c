package index

import (
	"slices"
	"sort"

	"github.com/telaah/telaah/analysis/entity"
)

// entityTop returns the n entities of facet i, an entity field of label l, with
// the most matching articles, exactly: every nonzero value of the facet's column
// is grouped under its entity of the registry view v (BMKG and Badan
// Meteorologi, Klimatologi, dan Geofisika become one value under the display
// name), however few articles each form has. An article may hold two forms of
// one entity, so the sum of the counts of its forms is only an upper bound: the
// exact count (countAny) is computed for the entities in the order of their
// bounds, until the n-th exact value comes before the next bound, when no
// entity left can enter the top n. Values with equal counts are ordered by
// their mentions in the index, most first, then by name.
func (fc *facetCounter) entityTop(i int, v *regView, l entity.Label, n int) []FacetValue {
	if n <= 0 {
		return nil
	}
	type candidate struct {
		value    string
		count    int // the bound, then the exact count
		mentions int
		forms    []string // every stored form of the entity
		present  int      // the forms among the matching articles
	}
	nonzero := 0
	for _, c := range fc.counts[i] {
		if c > 0 {
			nonzero++
		}
	}
	byName := make(map[string]*candidate, nonzero)
	cands := make([]*candidate, 0, nonzero)
	slab := make([]candidate, 0, nonzero) // never grows: its pointers stay
	terms := fc.cols[i].terms
	for t, c := range fc.counts[i] {
		if c == 0 {
			continue
		}
		name, mentions, forms := terms[t], 0, []string(nil)
		if v != nil {
			if g := v.lookup(l, name); g != nil {
				name, mentions, forms = g.name, g.mentions, g.values
			}
		}
		k := byName[name]
		if k == nil {
			if forms == nil {
				forms = []string{name}
			}
			slab = append(slab, candidate{value: name, mentions: mentions, forms: forms})
			k = &slab[len(slab)-1]
			byName[name] = k
			cands = append(cands, k)
		}
		k.count += int(c)
		k.present++
	}
	// before reports whether a comes before b in the facet's order.
	before := func(a, b *candidate) bool {
		switch {
		case a.count != b.count:
			return a.count > b.count
		case a.mentions != b.mentions:
			return a.mentions > b.mentions
		}
		return a.value < b.value
	}
	sort.Slice(cands, func(a, b int) bool { return before(cands[a], cands[b]) })
	// top holds the exact counts so far, in order, at most n.
	top := make([]*candidate, 0, min(n, len(cands)))
	insert := func(k *candidate) {
		at, _ := slices.BinarySearchFunc(top, k, func(a, b *candidate) int {
			if before(a, b) {
				return -1
			}
			return 1
		})
		if at < n {
			if len(top) == n {
				top = top[:n-1]
			}
			top = slices.Insert(top, at, k)
		}
	}
	// The entities of one form among the matches have their exact count
	// already: they go first, raising the bar the others must pass.
	for _, k := range cands {
		if k.present == 1 {
			if len(top) == n && before(top[n-1], k) {
				break
			}
			insert(k)
		}
	}
	// A candidate's exact count is at most its bound, and the candidates left
	// have bounds that do not come before its own: once the n-th of top comes
	// before the bound, the top n is final.
	for _, k := range cands {
		if k.present == 1 {
			continue
		}
		if len(top) == n && before(top[n-1], k) {
			break
		}
		k.count = fc.countAny(i, k.forms)
		insert(k)
	}
	out := make([]FacetValue, len(top))
	for j, k := range top {
		out[j] = FacetValue{Value: k.value, Count: k.count}
	}
	return out
}
