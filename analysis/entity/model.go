package entity

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"math"
	"slices"
	"sync"

	kgzip "github.com/klauspost/compress/gzip"
)

// model is a linear-chain tagger: per-feature weights for each tag, and tag
// transition weights, decoded with Viterbi.
//
// A model has one of two forms. Training builds the float form with newModel
// (keys, rows and weights), which Train reads and updates; a feature of a
// sentence then costs the look-up of its key and, in a model trained on two
// corpora, of its copy private to the corpus (the key of mix(h, domain)), a key
// that the 32-bit key of the feature does not give. The packed form (pack,
// and every model read from a file) holds quantised weights in a table where
// one slot has the key and the weights of a feature together, with the copies
// already folded into the weights of their feature: a feature costs one random
// memory access, not six.
type model struct {
	// keys is an open-addressing table of 32-bit feature keys (0 = empty), rows the
	// feature index of each slot.
	keys []uint32
	rows []int32
	// weights holds numTags weights for each feature.
	weights []float32
	// bases are the keys of the features as the featurizer makes them (not of
	// their copies): the keys that pack folds the copies into; copies[c][k] is
	// the key of the copy of feature k private to the main (c = 0) or the
	// auxiliary (1) corpus.
	bases  []uint32
	copies [2]map[uint32]uint32
	// tab holds the weights of a packed model folded for the main corpus (the
	// default and idner styles); keys, rows and weights are then nil.
	tab *table
	// aux is the fold for the auxiliary corpus (StyleNERGrit) of a packed model
	// trained on two corpora.
	aux *auxFold
	// trans[prev*numTags+next]; prev == numTags is the sentence start.
	trans [(numTags + 1) * numTags]float32
	// domain adds to each feature its copy private to its corpus.
	domain bool
	// temperature divides the scores into the log-potentials behind Confidence;
	// Train sets it so that mean confidence matches precision on dev.
	temperature float32
	// wide holds the weights of a float model trained in an encoding other
	// than BIO (see encoding.go); weights and trans are then unused.
	wide *wideWeights
}

// auxFold is a packed model's table folded for the auxiliary corpus. The file
// holds it as the rows that differ from the main fold (recs, n of them, see
// appendAuxRecord); the table is built from them and the main table the first
// time a recognizer in StyleNERGrit tags, and kept.
type auxFold struct {
	n    int
	recs []byte
	once sync.Once
	tab  *table
}

// key32 folds a 64-bit feature hash to a non-zero 32-bit key.
func key32(h uint64) uint32 {
	k := uint32(h ^ h>>32)
	if k == 0 {
		k = 1
	}
	return k
}

// newModel builds the lookup table for the given keys and weights.
func newModel(keys []uint32, weights []float32) *model {
	size := 1
	for size < 2*len(keys)+1 {
		size <<= 1
	}
	m := &model{keys: make([]uint32, size), rows: make([]int32, size), weights: weights}
	mask := uint32(size - 1)
	for i, k := range keys {
		s := (k * 0x9E3779B1) & mask
		for m.keys[s] != 0 && m.keys[s] != k {
			s = (s + 1) & mask
		}
		m.keys[s] = k
		m.rows[s] = int32(i)
	}
	return m
}

// row returns the weights of the feature of key k in a float model, or nil when
// the model does not know it.
func (m *model) row(k uint32) []float32 {
	if len(m.keys) == 0 {
		return nil
	}
	mask := uint32(len(m.keys) - 1)
	s := (k * 0x9E3779B1) & mask
	for {
		switch m.keys[s] {
		case k:
			r := int(m.rows[s]) * int(numTags)
			return m.weights[r : r+int(numTags) : r+int(numTags)]
		case 0:
			return nil
		}
		s = (s + 1) & mask
	}
}

// table returns the packed table for style s.
func (m *model) table(s Style) *table {
	if s != StyleNERGrit || m.aux == nil {
		return m.tab
	}
	a := m.aux
	a.once.Do(func() {
		t := m.tab.clone()
		// The records come in the order of the slots of their keys (then the
		// keys the main table lacks): one pass over the slots finds them
		// without a look-up. A record out of that order is inserted.
		i, end := 0, len(t.slots)+len(t.stash)
		for p := a.recs; len(p) > 0; {
			k, q, size, err := parseAuxRecord(p)
			if err != nil {
				// readModel and pack checked the records.
				panic("entity: " + err.Error())
			}
			p = p[size:]
			for i < end && uint32(t.at(i).a) != k {
				i++
			}
			if i == end {
				t.insert(k, &q)
				continue
			}
			t.set(t.at(i), k, &q)
		}
		// The clone's filter was sized for the main fold's keys.
		t.fillFilter(t.n)
		a.tab = t
	})
	return a.tab
}

// emissions adds to scores (numTags values) the weights of the features whose
// keys are keys, in a float model (see table.emissions for a packed one).
func (m *model) emissions(scores []float32, keys []uint32) {
	m.addRows(scores[:numTags], keys, m.weights)
}

// addRows adds to scores the rows of weights (of len(scores) values each) of
// the features of keys in the float model m: its BIO weights, or the wide
// weights of another encoding.
func (m *model) addRows(scores []float32, keys []uint32, weights []float32) {
	if len(m.keys) == 0 {
		return
	}
	nt := len(scores)
	mask := uint32(len(m.keys) - 1)
	for _, k := range keys {
		s := (k * 0x9E3779B1) & mask
		for m.keys[s] != k && m.keys[s] != 0 {
			s = (s + 1) & mask
		}
		if m.keys[s] == 0 {
			continue
		}
		r := int(m.rows[s]) * nt
		w := weights[r : r+nt : r+nt]
		for t := range scores {
			scores[t] += w[t]
		}
	}
}

// numFeatures is the number of features with weights (in a packed model, of the
// main fold).
func (m *model) numFeatures() int {
	if m.tab != nil {
		return m.tab.n
	}
	return len(m.weights) / int(numTags)
}

// pack returns the packed form of a float model: its weights quantised to int16
// values times one scale, and each copy private to the main corpus added to the
// weights of its feature, so that tagging looks a feature up once. The fold for
// the auxiliary corpus is kept as the rows that differ. A packed model tags as
// its float form does, up to the rounding of the weights, but for the rare
// feature unseen in training whose key or whose copy's key is that of another
// feature (a collision of 32-bit keys): the float form adds those weights, the
// packed form does not; and for the rarer features that share their key with
// another and not their copy's, whose copy pack takes from the first of them.
func (m *model) pack() *model {
	if m.tab != nil {
		return m
	}
	var maxAbs float32
	for _, x := range m.weights {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	add := func(q *[numTags]int32, k uint32) {
		for t, x := range m.row(k) {
			q[t] += int32(math.Round(float64(x / scale)))
		}
	}
	fold := func(k uint32, corpus int) (q [numTags]int32) {
		add(&q, k)
		if c, ok := m.copies[corpus][k]; ok && m.domain {
			add(&q, c)
		}
		return q
	}
	var pk packing
	for _, k := range m.bases {
		qm := fold(k, 0)
		qa := qm
		if m.domain {
			qa = fold(k, 1)
		}
		pk.add(k, qm, qa)
	}
	return pk.model(m, scale, m.domain)
}

// packing collects the rows of a packed model: the main fold's features and
// the rows of the auxiliary fold that differ from them.
type packing struct {
	feats   []mainRecord
	recs    []auxRecord
	auxOnly int // features of the auxiliary fold only
}

// add adds feature k with its weights qm in the main fold and qa in the
// auxiliary one; an all-zero row is no feature.
func (pk *packing) add(k uint32, qm, qa [numTags]int32) {
	if qm != ([numTags]int32{}) {
		pk.feats = append(pk.feats, mainRecord{k, qm})
	}
	if qa != qm {
		pk.recs = append(pk.recs, auxRecord{k, qa})
		if qm == ([numTags]int32{}) {
			pk.auxOnly++
		}
	}
}

// model returns the packed model of the rows with from's transitions, domain
// and temperature; the auxiliary fold only when aux.
func (pk *packing) model(from *model, scale float32, aux bool) *model {
	// The table has room for the features of the auxiliary fold that the main
	// one lacks, so that its clone takes them without a longer walk.
	p := &model{trans: from.trans, domain: from.domain, temperature: from.temperature}
	p.tab = newTable(len(pk.feats)+pk.auxOnly, scale)
	for i := range pk.feats {
		p.tab.insert(pk.feats[i].k, &pk.feats[i].main)
	}
	if aux {
		p.aux = newAuxFold(p.tab, pk.recs)
	}
	return p
}

// mainRecord is a feature of the main fold and its weights.
type mainRecord struct {
	k    uint32
	main [numTags]int32
}

// auxRecord is a row of the auxiliary fold that differs from the main one.
type auxRecord struct {
	k   uint32
	aux [numTags]int32
}

// newAuxFold returns the auxiliary fold of recs, in the order of the slots of
// their keys in tab (see table), which it sorts.
func newAuxFold(tab *table, recs []auxRecord) *auxFold {
	pos := func(k uint32) int {
		if i := tab.pos(k); i >= 0 {
			return i
		}
		return math.MaxInt
	}
	slices.SortStableFunc(recs, func(x, y auxRecord) int { return cmp.Compare(pos(x.k), pos(y.k)) })
	a := &auxFold{n: len(recs)}
	for i := range recs {
		a.recs = appendAuxRecord(a.recs, recs[i].k, &recs[i].aux)
	}
	return a
}

// appendAuxRecord appends to b the record of key k with weights q: the key
// (uint32), a byte mask of the tags with a non-zero weight, and for each of them
// the weight as a signed varint (zig-zag, as binary.AppendVarint).
func appendAuxRecord(b []byte, k uint32, q *[numTags]int32) []byte {
	b = binary.LittleEndian.AppendUint32(b, k)
	var mask byte
	for t, v := range q {
		if v != 0 {
			mask |= 1 << t
		}
	}
	b = append(b, mask)
	for _, v := range q {
		if v != 0 {
			b = binary.AppendVarint(b, int64(v))
		}
	}
	return b
}

// maxWeight bounds the integer weights of a model file: two int16 weights
// (a feature and its copy) summed.
const maxWeight = 1 << 16

// parseAuxRecord parses the record at the start of p and returns its size.
func parseAuxRecord(p []byte) (k uint32, q [numTags]int32, size int, err error) {
	if len(p) < 5 {
		return 0, q, 0, errors.New("truncated record")
	}
	k, mask := binary.LittleEndian.Uint32(p), p[4]
	if k == 0 {
		return 0, q, 0, errors.New("zero feature key")
	}
	if mask>>numTags != 0 {
		return 0, q, 0, errors.New("bad tag mask")
	}
	size = 5
	for t := range int(numTags) {
		if mask&(1<<t) == 0 {
			continue
		}
		v, n := binary.Varint(p[size:])
		if n <= 0 || v < -maxWeight || v > maxWeight {
			return 0, q, 0, errors.New("bad weight")
		}
		q[t] = int32(v)
		size += n
	}
	return k, q, size, nil
}

// transAllowed[prev][next] is allowed(prev, next).
var transAllowed = func() (a [numTags + 1][numTags]bool) {
	for p := range numTags + 1 {
		for t := range numTags {
			a[p][t] = allowed(p, t)
		}
	}
	return a
}()

// transPreds[next] lists, in increasing order, the tags that may precede next:
// an inside tag has two (its B- and I- tags), the others all of them. The steps
// of viterbi and marginals are written out for these (TestTransPreds).
var transPreds = func() (ps [numTags][]tag) {
	for t := range numTags {
		for p := range numTags {
			if allowed(p, t) {
				ps[t] = append(ps[t], p)
			}
		}
	}
	return ps
}()

// viterbi finds the best tag sequence for the emission scores (n×numTags, row-major)
// under the transition weights and the BIO constraints, writing it to out.
// back is scratch space of n×numTags.
func viterbi(trans []float32, emit []float32, n int, back []uint8, out []tag) {
	viterbiLead(trans, emit, n, back, out, oLead((*[(numTags + 1) * numTags]float32)(trans)), false, false)
}

// viterbiLead is viterbi for the transitions' lead, oLead(trans), computed
// already; small tells that every emission score is finite and smaller than
// 2^103 in magnitude (see smallScores), smallTr that every transition weight
// is (see smallTrans).
func viterbiLead(trans []float32, emit []float32, n int, back []uint8, out []tag, lead float32, small, smallTr bool) {
	if n == 0 {
		return
	}
	const nt = int(numTags)
	const neg = -math.MaxFloat32
	tr := (*[(nt + 1) * nt]float32)(trans)
	// The first token: the inside tags may not start a sentence
	// (transAllowed[numTags], see TestTransPreds), written out.
	st := (*[nt]float32)(tr[nt*nt:])
	prev := [numTags]float32{emit[0] + st[0], emit[1] + st[1], neg, emit[3] + st[3], neg, emit[5] + st[5], neg}
	emit, back = emit[:n*nt], back[:n*nt]
	// With small scores and small transitions vitSteps takes the steps from
	// i == 1 on: a path of score neg (an inside tag first) plus a small
	// weight is neg, below every other path, and skipping it, as the step
	// below does, changes nothing.
	vec1 := small && smallTr && hasAVX2 && n > 1
	if n > 1 && !vec1 {
		// At i == 1 a tag before may be impossible (an inside tag first):
		// the tags before of neg score are skipped. The same steps, written
		// out as below.
		e := (*[numTags]float32)(emit[nt:])
		bk := (*[numTags]uint8)(back[nt:])
		b0, a0 := float32(neg), uint8(0)
		if s := prev[0] + tr[0]; prev[0] != neg && s > b0 {
			b0, a0 = s, 0
		}
		if s := prev[1] + tr[7]; prev[1] != neg && s > b0 {
			b0, a0 = s, 1
		}
		if s := prev[2] + tr[14]; prev[2] != neg && s > b0 {
			b0, a0 = s, 2
		}
		if s := prev[3] + tr[21]; prev[3] != neg && s > b0 {
			b0, a0 = s, 3
		}
		if s := prev[4] + tr[28]; prev[4] != neg && s > b0 {
			b0, a0 = s, 4
		}
		if s := prev[5] + tr[35]; prev[5] != neg && s > b0 {
			b0, a0 = s, 5
		}
		if s := prev[6] + tr[42]; prev[6] != neg && s > b0 {
			b0, a0 = s, 6
		}
		b1, a1 := float32(neg), uint8(0)
		if s := prev[0] + tr[1]; prev[0] != neg && s > b1 {
			b1, a1 = s, 0
		}
		if s := prev[1] + tr[8]; prev[1] != neg && s > b1 {
			b1, a1 = s, 1
		}
		if s := prev[2] + tr[15]; prev[2] != neg && s > b1 {
			b1, a1 = s, 2
		}
		if s := prev[3] + tr[22]; prev[3] != neg && s > b1 {
			b1, a1 = s, 3
		}
		if s := prev[4] + tr[29]; prev[4] != neg && s > b1 {
			b1, a1 = s, 4
		}
		if s := prev[5] + tr[36]; prev[5] != neg && s > b1 {
			b1, a1 = s, 5
		}
		if s := prev[6] + tr[43]; prev[6] != neg && s > b1 {
			b1, a1 = s, 6
		}
		b2, a2 := float32(neg), uint8(0)
		if s := prev[1] + tr[9]; prev[1] != neg && s > b2 {
			b2, a2 = s, 1
		}
		if s := prev[2] + tr[16]; prev[2] != neg && s > b2 {
			b2, a2 = s, 2
		}
		b3, a3 := float32(neg), uint8(0)
		if s := prev[0] + tr[3]; prev[0] != neg && s > b3 {
			b3, a3 = s, 0
		}
		if s := prev[1] + tr[10]; prev[1] != neg && s > b3 {
			b3, a3 = s, 1
		}
		if s := prev[2] + tr[17]; prev[2] != neg && s > b3 {
			b3, a3 = s, 2
		}
		if s := prev[3] + tr[24]; prev[3] != neg && s > b3 {
			b3, a3 = s, 3
		}
		if s := prev[4] + tr[31]; prev[4] != neg && s > b3 {
			b3, a3 = s, 4
		}
		if s := prev[5] + tr[38]; prev[5] != neg && s > b3 {
			b3, a3 = s, 5
		}
		if s := prev[6] + tr[45]; prev[6] != neg && s > b3 {
			b3, a3 = s, 6
		}
		b4, a4 := float32(neg), uint8(0)
		if s := prev[3] + tr[25]; prev[3] != neg && s > b4 {
			b4, a4 = s, 3
		}
		if s := prev[4] + tr[32]; prev[4] != neg && s > b4 {
			b4, a4 = s, 4
		}
		b5, a5 := float32(neg), uint8(0)
		if s := prev[0] + tr[5]; prev[0] != neg && s > b5 {
			b5, a5 = s, 0
		}
		if s := prev[1] + tr[12]; prev[1] != neg && s > b5 {
			b5, a5 = s, 1
		}
		if s := prev[2] + tr[19]; prev[2] != neg && s > b5 {
			b5, a5 = s, 2
		}
		if s := prev[3] + tr[26]; prev[3] != neg && s > b5 {
			b5, a5 = s, 3
		}
		if s := prev[4] + tr[33]; prev[4] != neg && s > b5 {
			b5, a5 = s, 4
		}
		if s := prev[5] + tr[40]; prev[5] != neg && s > b5 {
			b5, a5 = s, 5
		}
		if s := prev[6] + tr[47]; prev[6] != neg && s > b5 {
			b5, a5 = s, 6
		}
		b6, a6 := float32(neg), uint8(0)
		if s := prev[5] + tr[41]; prev[5] != neg && s > b6 {
			b6, a6 = s, 5
		}
		if s := prev[6] + tr[48]; prev[6] != neg && s > b6 {
			b6, a6 = s, 6
		}
		bk[0], bk[1], bk[2], bk[3], bk[4], bk[5], bk[6] = a0, a1, a2, a3, a4, a5, a6
		prev = [numTags]float32{scoreAt(b0, e[0]), scoreAt(b1, e[1]), scoreAt(b2, e[2]), scoreAt(b3, e[3]), scoreAt(b4, e[4]), scoreAt(b5, e[5]), scoreAt(b6, e[6])}
	}
	// From i == 2 on every tag is possible: the same steps, written out for
	// the BIO tags (transPreds: all the tags before O and a B- tag, the B-
	// and I- tags of its label before an I- tag, see TestTransPreds), the
	// tags before in the same increasing order, the first best kept, the
	// scores of the tags before in variables rather than an array, each
	// transition weight read at its constant index.
	//
	// Most tokens follow an O whose path leads every other by far: by more
	// than oLead, which no transition weight can make up, the best path
	// before O and each B- tag is O's, and those four need no comparison.
	p0, p1, p2, p3, p4, p5, p6 := prev[0], prev[1], prev[2], prev[3], prev[4], prev[5], prev[6]
	start := 2
	if vec1 {
		start = 1
	}
	if small && hasAVX2 && n > start {
		// The same steps in vitSteps' lanes, every comparison made (the
		// lead decides nothing that they do not), without a branch.
		pv := [8]float32{p0, p1, p2, p3, p4, p5, p6}
		vitSteps(&emit[start*nt], &back[start*nt], n-start, &tr[0], &pv)
		p0, p1, p2, p3, p4, p5, p6 = pv[0], pv[1], pv[2], pv[3], pv[4], pv[5], pv[6]
		start = n
	}
	for i := start; i < n; i++ {
		e := (*[numTags]float32)(emit[i*nt:])
		bk := (*[numTags]uint8)(back[i*nt:])
		var b0, b1, b3, b5 float32
		var a0, a1, a3, a5 uint8
		if oLeads(lead, p0, p1, p2, p3, p4, p5, p6) {
			b0, b1, b3, b5 = p0+tr[0], p0+tr[1], p0+tr[3], p0+tr[5]
		} else {
			// O: all the tags before; tr[p*nt+0] is the weight of p to it.
			b0, a0 = p0+tr[0], 0
			if s := p1 + tr[7]; s > b0 {
				b0, a0 = s, 1
			}
			if s := p2 + tr[14]; s > b0 {
				b0, a0 = s, 2
			}
			if s := p3 + tr[21]; s > b0 {
				b0, a0 = s, 3
			}
			if s := p4 + tr[28]; s > b0 {
				b0, a0 = s, 4
			}
			if s := p5 + tr[35]; s > b0 {
				b0, a0 = s, 5
			}
			if s := p6 + tr[42]; s > b0 {
				b0, a0 = s, 6
			}
			// B-PER: all the tags before; tr[p*nt+1] is the weight of p to it.
			b1, a1 = p0+tr[1], 0
			if s := p1 + tr[8]; s > b1 {
				b1, a1 = s, 1
			}
			if s := p2 + tr[15]; s > b1 {
				b1, a1 = s, 2
			}
			if s := p3 + tr[22]; s > b1 {
				b1, a1 = s, 3
			}
			if s := p4 + tr[29]; s > b1 {
				b1, a1 = s, 4
			}
			if s := p5 + tr[36]; s > b1 {
				b1, a1 = s, 5
			}
			if s := p6 + tr[43]; s > b1 {
				b1, a1 = s, 6
			}
			// B-ORG: all the tags before; tr[p*nt+3] is the weight of p to it.
			b3, a3 = p0+tr[3], 0
			if s := p1 + tr[10]; s > b3 {
				b3, a3 = s, 1
			}
			if s := p2 + tr[17]; s > b3 {
				b3, a3 = s, 2
			}
			if s := p3 + tr[24]; s > b3 {
				b3, a3 = s, 3
			}
			if s := p4 + tr[31]; s > b3 {
				b3, a3 = s, 4
			}
			if s := p5 + tr[38]; s > b3 {
				b3, a3 = s, 5
			}
			if s := p6 + tr[45]; s > b3 {
				b3, a3 = s, 6
			}
			// B-LOC: all the tags before; tr[p*nt+5] is the weight of p to it.
			b5, a5 = p0+tr[5], 0
			if s := p1 + tr[12]; s > b5 {
				b5, a5 = s, 1
			}
			if s := p2 + tr[19]; s > b5 {
				b5, a5 = s, 2
			}
			if s := p3 + tr[26]; s > b5 {
				b5, a5 = s, 3
			}
			if s := p4 + tr[33]; s > b5 {
				b5, a5 = s, 4
			}
			if s := p5 + tr[40]; s > b5 {
				b5, a5 = s, 5
			}
			if s := p6 + tr[47]; s > b5 {
				b5, a5 = s, 6
			}
		}
		// I-PER: B-PER and I-PER.
		b2, a2 := p1+tr[9], uint8(1)
		if s := p2 + tr[16]; s > b2 {
			b2, a2 = s, 2
		}
		// I-ORG: B-ORG and I-ORG.
		b4, a4 := p3+tr[25], uint8(3)
		if s := p4 + tr[32]; s > b4 {
			b4, a4 = s, 4
		}
		// I-LOC: B-LOC and I-LOC.
		b6, a6 := p5+tr[41], uint8(5)
		if s := p6 + tr[48]; s > b6 {
			b6, a6 = s, 6
		}
		bk[0], bk[1], bk[2], bk[3], bk[4], bk[5], bk[6] = a0, a1, a2, a3, a4, a5, a6
		if small {
			// neg + e is neg: the sums are scoreAt's.
			p0, p1, p2, p3, p4, p5, p6 = b0+e[0], b1+e[1], b2+e[2], b3+e[3], b4+e[4], b5+e[5], b6+e[6]
			continue
		}
		p0, p1, p2, p3, p4, p5, p6 = scoreAt(b0, e[0]), scoreAt(b1, e[1]), scoreAt(b2, e[2]), scoreAt(b3, e[3]), scoreAt(b4, e[4]), scoreAt(b5, e[5]), scoreAt(b6, e[6])
	}
	prev = [numTags]float32{p0, p1, p2, p3, p4, p5, p6}
	best, arg := float32(neg), tag(0)
	for t := range numTags {
		if prev[t] > best {
			best, arg = prev[t], t
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = tag(back[i*nt+int(arg)])
		out[i-1] = arg
	}
}

// oLead is how far the best path before O must lead the others for viterbi
// to know, without comparing them, that it is also the best before O and the B-
// tags, the tags any tag may precede: more than the largest gain of another
// tag's transition to one of them over O's, with a margin (also a relative
// one, which viterbi adds of the scores' size) for the rounding of the sums in
// float32. Comparing the sums would then find O's the first best.
func oLead(tr *[(numTags + 1) * numTags]float32) float32 {
	const nt = int(numTags)
	// Plain comparisons (viterbi calls it for every sentence); the sum
	// tells of a weight that is not finite.
	gain, size, sum := 0.0, 0.0, 0.0
	for _, t := range [...]int{int(tagO), int(tagBPER), int(tagBORG), int(tagBLOC)} {
		o := float64(tr[t])
		sum += o
		if a := math.Abs(o); a > size {
			size = a
		}
		for p := 1; p < nt; p++ {
			x := float64(tr[p*nt+t])
			sum += x
			if d := x - o; d > gain {
				gain = d
			}
			if a := math.Abs(x); a > size {
				size = a
			}
		}
	}
	if sum-sum != 0 {
		// A NaN or infinite weight: no token leads by an infinite lead, and
		// viterbi compares every sum.
		return float32(math.Inf(1))
	}
	return float32(gain*(1+0x1p-16) + size*0x1p-16 + 0x1p-120)
}

// oLeads reports whether the path of score p0 (O's) leads those of scores p1
// to p6 by more than lead (oLead's) and lead's margin of p0's size.
func oLeads(lead, p0, p1, p2, p3, p4, p5, p6 float32) bool {
	thr := p0 - (lead + abs32(p0)*0x1p-16)
	return p1 < thr && p2 < thr && p3 < thr && p4 < thr && p5 < thr && p6 < thr
}

// abs32 is |x|.
func abs32(x float32) float32 { return math.Float32frombits(math.Float32bits(x) &^ (1 << 31)) }

// smallScores reports whether the emission scores of a packed table t are
// all small, as viterbiLead means it: a score is an int32 times t's scale, at
// most 2^31 times it in magnitude, and smaller than 2^103, half a unit in
// the last place of -math.MaxFloat32 (neg), when the scale is below 2^72. A
// score of neg plus a small e rounds to neg then, as scoreAt keeps it.
func smallScores(t *table) bool { return abs32(t.scale) < 0x1p72 }

// smallTrans reports whether the transition weights tr are all finite and
// smaller than 2^103 in magnitude, as smallScores says of the scores: neg
// plus one of them is neg.
func smallTrans(tr *[(numTags + 1) * numTags]float32) bool {
	for _, x := range tr {
		if !(abs32(x) < 0x1p103) {
			return false
		}
	}
	return true
}

// scoreAt is the score of a tag whose best path before scores best and whose
// emission scores e: neg stays neg.
func scoreAt(best, e float32) float32 {
	if best == -math.MaxFloat32 {
		return best
	}
	return best + e
}

// The model file, little-endian throughout, holds a packed model in the layout
// of its table, so that reading it is a bounds-checked copy, not a rebuild:
//
//	"TLNER3"
//	uint32 tag count, flags (1: a fold for the auxiliary corpus follows),
//	float32 temperature, float32 scale of the integer weights,
//	uint32 features, buckets, stash slots, over rows, aux records, aux bytes
//	float32 transition weights, (numTags+1)×numTags
//	the slots (buckets×bucketSize), then the stash, as two uint64 words each
//	the over rows, numTags int32 each
//	the aux records (see appendAuxRecord), in the order of the slots of their keys
//	uint32 CRC-32C of all the bytes before it
//
// Load also reads the file gzip'd.
const modelMagic = "TLNER3"

// The fixed part of a model file.
const modelHeaderSize = len(modelMagic) + 10*4 + 4*int(numTags+1)*int(numTags)

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// writeModel writes the packed model m in the model format.
func writeModel(w io.Writer, m *model) error {
	t := m.tab
	le := binary.LittleEndian
	bw := bufio.NewWriterSize(w, 64<<10)
	crc := uint32(0)
	var buf []byte
	put := func() {
		crc = crc32.Update(crc, castagnoli, buf)
		bw.Write(buf)
		buf = buf[:0]
	}
	buf = append(buf, modelMagic...)
	buf = le.AppendUint32(buf, uint32(numTags))
	var flags uint32
	var aux auxFold
	if m.aux != nil {
		flags |= 1
		aux.n, aux.recs = m.aux.n, m.aux.recs
	}
	buf = le.AppendUint32(buf, flags)
	buf = le.AppendUint32(buf, math.Float32bits(m.temperature))
	buf = le.AppendUint32(buf, math.Float32bits(t.scale))
	for _, v := range []int{t.n, int(t.buckets), len(t.stash), len(t.over), aux.n, len(aux.recs)} {
		buf = le.AppendUint32(buf, uint32(v))
	}
	for _, x := range m.trans {
		buf = le.AppendUint32(buf, math.Float32bits(x))
	}
	put()
	for _, slots := range [2][]slot{t.slots, t.stash} {
		for _, s := range slots {
			buf = le.AppendUint64(buf, s.a)
			buf = le.AppendUint64(buf, s.b)
			if len(buf) >= 32<<10 {
				put()
			}
		}
	}
	for _, q := range t.over {
		for _, v := range q {
			buf = le.AppendUint32(buf, uint32(v))
		}
	}
	put()
	buf = append(buf, aux.recs...)
	put()
	buf = le.AppendUint32(buf, crc)
	bw.Write(buf)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("entity: writing model: %w", err)
	}
	return nil
}

// MaxModelSize is the largest model, in bytes (after decompression, for a gzip'd
// one), that [Load] reads: 32 MiB, about four times the embedded model. A larger or
// longer input (such as a gzip bomb given as a model file) is an error, found
// before it is read whole.
const MaxModelSize = 32 << 20

// modelReader reads the parts of a model file and sums their CRC.
type modelReader struct {
	r   io.Reader
	crc uint32
}

// read fills p.
func (mr *modelReader) read(p []byte) error {
	if _, err := io.ReadFull(mr.r, p); err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return errors.New("entity: reading model: truncated")
		}
		return fmt.Errorf("entity: reading model: %w", err)
	}
	mr.crc = crc32.Update(mr.crc, castagnoli, p)
	return nil
}

// readModel reads a model written by writeModel, gzip'd or not.
func readModel(r io.Reader) (*model, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if p, _ := br.Peek(2); len(p) == 2 && p[0] == 0x1f && p[1] == 0x8b {
		zr, err := kgzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("entity: reading model: %w", err)
		}
		defer zr.Close()
		return parseModel(zr)
	}
	return parseModel(br)
}

// parseModel reads the model format from r, checking every slot.
func parseModel(r io.Reader) (*model, error) {
	bad := func(what string) error { return fmt.Errorf("entity: reading model: %s", what) }
	mr := &modelReader{r: r}
	var hdr [modelHeaderSize]byte
	n, err := io.ReadFull(r, hdr[:])
	if n < len(modelMagic) || string(hdr[:len(modelMagic)-1]) != modelMagic[:len(modelMagic)-1] {
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return nil, fmt.Errorf("entity: reading model: %w", err)
		}
		return nil, bad("not a telaah entity model")
	}
	if v := string(hdr[:len(modelMagic)]); v != modelMagic {
		return nil, bad(fmt.Sprintf("format %s is not this version's %s: train the model again with telaah train-entities", v, modelMagic))
	}
	if err != nil {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, bad("truncated")
		}
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	mr.crc = crc32.Update(0, castagnoli, hdr[:])
	le := binary.LittleEndian
	p := hdr[len(modelMagic):]
	u32 := func() uint32 {
		v := le.Uint32(p)
		p = p[4:]
		return v
	}
	if u32() != uint32(numTags) {
		return nil, bad("wrong number of tags")
	}
	flags := u32()
	if flags&^1 != 0 {
		return nil, bad("unknown flags")
	}
	temperature := math.Float32frombits(u32())
	if !(temperature >= 0) || math.IsInf(float64(temperature), 0) {
		return nil, bad("bad temperature")
	}
	scale := math.Float32frombits(u32())
	if !(scale > 0) || math.IsInf(float64(scale), 0) {
		return nil, bad("bad scale")
	}
	nf, buckets, nstash, nover, naux, auxBytes := int64(u32()), int64(u32()), int64(u32()), int64(u32()), int64(u32()), int64(u32())
	m := &model{domain: flags&1 != 0, temperature: temperature}
	for i := range m.trans {
		m.trans[i] = math.Float32frombits(u32())
		if x := float64(m.trans[i]); math.IsNaN(x) || math.IsInf(x, 0) {
			return nil, bad("bad transition weight")
		}
	}
	size := int64(modelHeaderSize) + 16*(buckets*bucketSize+nstash) + 4*int64(numTags)*nover + auxBytes + 4
	if size > MaxModelSize {
		return nil, fmt.Errorf("entity: reading model: %d bytes: larger than the limit of %d bytes (MaxModelSize)", size, MaxModelSize)
	}
	if buckets == 0 || nf > buckets*bucketSize+nstash || nover > nf || (!m.domain && (naux != 0 || auxBytes != 0)) {
		return nil, bad("inconsistent header")
	}
	t := &table{
		slots:   make([]slot, buckets*bucketSize),
		buckets: uint64(buckets),
		stash:   make([]slot, nstash),
		over:    make([][numTags]int32, nover),
		scale:   scale,
		n:       int(nf),
		rng:     tableSeed,
	}
	// The slots, a chunk at a time; each key must be in one of its buckets, an
	// empty slot all zero, a row in over must exist.
	buf := make([]byte, 64<<10)
	keys := 0
	for part, slots := range [2][]slot{t.slots, t.stash} {
		for i := 0; i < len(slots); {
			c := min(len(slots)-i, len(buf)/16)
			if err := mr.read(buf[:16*c]); err != nil {
				return nil, err
			}
			for j := range c {
				a, b := le.Uint64(buf[16*j:]), le.Uint64(buf[16*j+8:])
				k := uint32(a)
				switch {
				case k == 0:
					if a|b != 0 {
						return nil, bad("bad empty slot")
					}
				case b>>60 != 0, b&overFlag != 0 && (a>>32 != 0 || b&^overFlag >= uint64(nover)):
					return nil, bad("bad slot")
				default:
					keys++
					if s := uint64(i+j) &^ (bucketSize - 1); part == 0 && s != bucket1(k, t.buckets) && s != bucket2(k, t.buckets) {
						return nil, bad("feature key in the wrong bucket")
					}
				}
				slots[i+j] = slot{a, b}
			}
			i += c
		}
	}
	if keys != t.n {
		return nil, bad("wrong feature count")
	}
	t.fillFilter(t.n)
	for i := range t.over {
		q := &t.over[i]
		if err := mr.read(buf[:4*numTags]); err != nil {
			return nil, err
		}
		for j := range q {
			q[j] = int32(le.Uint32(buf[4*j:]))
			if q[j] < -maxWeight || q[j] > maxWeight {
				return nil, bad("bad weight")
			}
		}
	}
	m.tab = t
	if m.domain {
		a := &auxFold{n: int(naux), recs: make([]byte, auxBytes)}
		if err := mr.read(a.recs); err != nil {
			return nil, err
		}
		recs := 0
		for p := a.recs; len(p) > 0; recs++ {
			_, _, size, err := parseAuxRecord(p)
			if err != nil {
				return nil, bad(err.Error())
			}
			p = p[size:]
		}
		if recs != a.n {
			return nil, bad("wrong aux record count")
		}
		m.aux = a
	}
	sum := mr.crc
	if err := mr.read(buf[:4]); err != nil {
		return nil, err
	}
	if le.Uint32(buf) != sum {
		return nil, bad("checksum mismatch (a corrupt file)")
	}
	// Reading to the end checks a gzip checksum too.
	switch n, err := io.ReadFull(r, buf[:1]); {
	case n > 0:
		return nil, bad("trailing data")
	case err != io.EOF:
		return nil, fmt.Errorf("entity: reading model: %w", err)
	}
	return m, nil
}

// pruned returns the packed model m without the features whose weights are all
// below frac times the largest weight in magnitude (the scale of the float
// form, 32767 integer units): in the main fold and, separately, in the
// auxiliary one, so a feature may stay in one fold only. frac ≤ 0 returns m.
func (m *model) pruned(frac float64) *model {
	if frac <= 0 || m.tab == nil {
		return m
	}
	thr := int32(math.Round(frac * 32767))
	small := func(q *[numTags]int32) bool {
		for _, v := range q {
			if v >= thr || v <= -thr {
				return false
			}
		}
		return true
	}
	t := m.tab
	// The auxiliary fold's rows that differ from the main one, by key.
	aux := map[uint32][numTags]int32{}
	var auxKeys []uint32
	if m.aux != nil {
		for p := m.aux.recs; len(p) > 0; {
			k, q, size, err := parseAuxRecord(p)
			if err != nil {
				// readModel and pack checked the records.
				panic("entity: " + err.Error())
			}
			p = p[size:]
			aux[k] = q
			auxKeys = append(auxKeys, k)
		}
	}
	var pk packing
	seen := map[uint32]bool{}
	keep := func(k uint32, qm [numTags]int32) {
		qa, ok := aux[k]
		if !ok {
			qa = qm
		}
		if small(&qm) {
			qm = [numTags]int32{}
		}
		if small(&qa) {
			qa = [numTags]int32{}
		}
		if m.aux == nil {
			qa = qm
		}
		pk.add(k, qm, qa)
	}
	for i, end := 0, len(t.slots)+len(t.stash); i < end; i++ {
		sl := t.at(i)
		k := uint32(sl.a)
		if k == 0 {
			continue
		}
		seen[k] = true
		keep(k, t.row(sl))
	}
	for _, k := range auxKeys {
		if !seen[k] {
			keep(k, [numTags]int32{})
		}
	}
	return pk.model(m, t.scale, m.aux != nil)
}
