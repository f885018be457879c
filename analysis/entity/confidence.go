package entity

import "math"

// aggregateConfidence gives all the mentions of one entity (same label, same
// Canonical form) one confidence: each mention is evidence for the entity, so
// the best mention's confidence is raised by the others as a noisy-or that
// counts each other mention at half its weight (a name repeated by the writer is
// not as many independent observations). An unambiguous Telegram written 17
// times at 0.5 each is 0.995, a doubtful name written twice at 0.36 stays under
// 0.5. Confidences are rounded to three digits; rule-based entities keep 1.
func aggregateConfidence(d *docScratch, es []Entity) {
	// One map of canonical forms a label, as cluster keeps its texts: a
	// string key, hashed by the runtime's fast path for strings.
	var byCanon [3]map[string]int32
	for i := range d.byCanon {
		if d.byCanon[i] == nil {
			d.byCanon[i] = map[string]int32{}
		}
		clear(d.byCanon[i])
		byCanon[i] = d.byCanon[i]
	}
	accs := d.accs[:0]
	at := d.at[:0] // the index in accs of each entity's entity (-1: none)
	for i := range es {
		e := &es[i]
		if !isName(e.Label) {
			at = append(at, -1)
			continue
		}
		bc := byCanon[nameIndex(e.Label)]
		i, ok := bc[e.Canonical]
		if !ok {
			at = append(at, int32(len(accs)))
			bc[e.Canonical] = int32(len(accs))
			accs = append(accs, acc{best: e.Confidence, rest: 1})
			continue
		}
		at = append(at, i)
		a := &accs[i]
		lo := min(a.best, e.Confidence)
		a.best = max(a.best, e.Confidence)
		a.rest *= 1 - lo/2
	}
	d.accs, d.at = accs, at
	for i := range es {
		c := es[i].Confidence
		if k := at[i]; k >= 0 {
			a := accs[k]
			c = 1 - (1-a.best)*a.rest
		}
		es[i].Confidence = math.Round(min(max(c, 0), 1)*1000) / 1000
	}
}

// acc accumulates the confidences of the mentions of one entity: the best one,
// and the product of (1 - c/2) of the others.
type acc struct{ best, rest float64 }
