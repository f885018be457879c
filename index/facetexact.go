package index

import (
	"slices"
	"sort"

	"github.com/telaah/telaah/analysis/entity"
)

// entityTop returns the n entities of facet i, an entity field of label l, with
// the most matching articles, exactly: every value of the facet's column is
// grouped under its entity of the registry view v (BMKG and Badan Meteorologi,
// Klimatologi, dan Geofisika become one value under the display name), however
// few articles each form has. The bound of an entity is the number of
// documents of its forms (at most the number of matches); the exact count
// (countOf for one form, countAny for several, since an article may hold two
// forms of one entity) is computed for the entities in the order of their
// bounds, until the n-th exact value comes before the next bound, when no
// entity left can enter the top n: only the few entities that can reach the top
// are counted. Values with equal counts are ordered by their mentions in the
// index, most first, then by name.
func (fc *facetCounter) entityTop(i int, v *regView, l entity.Label, n int) []FacetValue {
	if n <= 0 || fc.total == 0 {
		return nil
	}
	type candidate struct {
		value    string
		count    int // the bound, then the exact count
		mentions int
		forms    []string // every stored form of the entity
		term     int      // the column's index of its form, when it has one there
		terms    int      // its forms in the column
	}
	terms := fc.cols[i].terms
	byName := make(map[string]*candidate, len(terms))
	cands := make([]*candidate, 0, len(terms))
	slab := make([]candidate, 0, len(terms)) // never grows: its pointers stay
	for t := range terms {
		b := fc.bound(i, t)
		if b == 0 {
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
			slab = append(slab, candidate{value: name, mentions: mentions, forms: forms, term: t})
			k = &slab[len(slab)-1]
			byName[name] = k
			cands = append(cands, k)
		}
		k.count = min(k.count+b, fc.total)
		k.terms++
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
	// A candidate's exact count is at most its bound, and the candidates left
	// have bounds that do not come before its own: once the n-th of top comes
	// before the bound, the top n is final.
	for _, k := range cands {
		if len(top) == n && before(top[n-1], k) {
			break
		}
		if k.terms == 1 {
			k.count = fc.countOf(i, k.term)
		} else {
			k.count = fc.countAny(i, k.forms)
		}
		if k.count > 0 {
			insert(k)
		}
	}
	out := make([]FacetValue, len(top))
	for j, k := range top {
		out[j] = FacetValue{Value: k.value, Count: k.count}
	}
	return out
}
