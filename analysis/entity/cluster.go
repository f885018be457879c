package entity

import "sort"

// resolveOverlaps sorts entities by Start and drops those overlapping an earlier
// kept one, preferring the longer span (the earlier on a tie).
func resolveOverlaps(es []Entity) []Entity {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Start != es[j].Start {
			return es[i].Start < es[j].Start
		}
		return es[i].End > es[j].End
	})
	out := es[:0]
	for _, e := range es {
		if n := len(out); n > 0 && e.Start < out[n-1].End {
			if e.End-e.Start > out[n-1].End-out[n-1].Start {
				out[n-1] = e
			}
			continue
		}
		out = append(out, e)
	}
	return out
}

func cluster(text string, es []Entity) {
	for i := range es {
		if es[i].Canonical == "" {
			es[i].Canonical = es[i].Text
		}
	}
}
