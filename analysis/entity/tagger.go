package entity

import (
	"math"
	"sync"
	"unsafe"
)

// tagger holds the scratch space to tag one sentence at a time; the Recognizer
// pools them so that tagging allocates little and is safe for concurrent use.
type tagger struct {
	fz    featurizer
	feats []uint64
	keys  []uint32 // the model's keys of feats (and of their copies, in a float model)
	// touched keeps what the model's lookups return, so that the loads that
	// prefetch its table are not optimised away.
	touched uint64
	emit    []float32
	back    []uint8
	tags    []tag

	// The packed model's sums (see packedEmissions): a token's class
	// features, the integer sums of the scores, and the word caches of the
	// (at most two) packed tables the tagger tagged with last, nextCache the
	// one to replace; the transition potentials tr by column.
	class     []uint64
	acc       [][numTags]int32
	caches    [2]*wordCache
	nextCache int
	trCol     [numTags + 1][numTags]float64 // trCol[t][p] = tr[p*numTags+t]; a row of 0 after (backwardSteps reads into it)

	// for marginals (beta for backwardSteps only)
	alpha, beta, pot, marg []float64
	// tr are the transition potentials of trModel at trTemp, whose
	// transition weights were trTrans.
	tr        [(numTags + 1) * numTags]float64
	trModel   *model
	trTemp    float64
	trTrans   [(numTags + 1) * numTags]float32
	wideTrans []float32 // the transitions of runWide's last sentence
	// lead is oLead of the transitions leadTrans of leadModel, for viterbi,
	// leadSmall their smallTrans.
	lead      float32
	leadSmall bool
	leadModel *model
	leadTrans [(numTags + 1) * numTags]float32
	backed    []bool  // tokens tagged by gazBackoff
	spans     spanSet // the repair rules' view of a sentence
	units     []unit  // the rules' units of a line
	doc       docScratch
}

func newTaggerPool(g *gazetteer) *sync.Pool {
	return &sync.Pool{New: func() any { return &tagger{fz: featurizer{gaz: g}} }}
}

// run tags words with m in the given style; the result is valid until the tagger
// is used again.
func (tg *tagger) run(m *model, style Style, words []string) []tag {
	if m.wide != nil {
		return tg.runWide(m, style, words)
	}
	n := len(words)
	tab := m.table(style)
	// A packed model's emissions set every score: they need no zeroing.
	head, ok := tg.prepare(words, int(numTags), tab == nil)
	if !ok {
		return tg.tags
	}
	if tab != nil {
		// A packed model: one look-up per feature, the copies folded in, and
		// one for all the features of a word the tagger has seen.
		tg.packedEmissions(tab, words, head)
	} else {
		tg.floatEmissions(m, style, words, head)
	}
	// The lead of the transitions depends on them only: computed again
	// only when they are not the tagger's last.
	if tg.leadModel != m || !sameTrans(&tg.leadTrans, &m.trans) {
		tg.lead, tg.leadSmall, tg.leadModel, tg.leadTrans = oLead(&m.trans), smallTrans(&m.trans), m, m.trans
	}
	viterbiLead(m.trans[:], tg.emit, n, tg.back, tg.tags, tg.lead, tab != nil && smallScores(tab), tg.leadSmall)
	return tg.tags
}

// start readies tg to tag words with nt tags: the tags, zeroed emissions and
// back-pointers sized, the featurizer's view of the sentence made. It reports
// whether the sentence is a headline, and ok false for no words.
func (tg *tagger) start(words []string, nt int) (head, ok bool) {
	return tg.prepare(words, nt, true)
}

// prepare is start, the emissions zeroed only if zero.
func (tg *tagger) prepare(words []string, nt int, zero bool) (head, ok bool) {
	n := len(words)
	tg.tags = grow(tg.tags, n)
	if n == 0 {
		return false, false
	}
	tg.fz.sentence(words)
	tg.emit = grow(tg.emit, n*nt)
	if zero {
		clear(tg.emit)
	}
	tg.back = grow(tg.back, n*nt)
	return tg.fz.headline(), true
}

// slowEmissions sets tg.emit as packedEmissions does, a look-up for every
// feature: the reference the tests compare packedEmissions with.
func (tg *tagger) slowEmissions(tab *table, words []string, head bool) {
	for i := range words {
		keys := tg.tokenKeys(words, i, head, 0)
		tg.touched += tab.emissions((*[numTags]float32)(tg.emit[i*int(numTags):]), keys)
	}
}

// tokenKeys returns the model's keys of the features of token i of words
// (the featurizer has seen the sentence), followed by the keys of their
// copies in domain d when d is not 0 (a float model with domain copies). The
// result is valid until the tagger is used again.
func (tg *tagger) tokenKeys(words []string, i int, head bool, d uint64) []uint32 {
	tg.feats = tg.fz.features(tg.feats[:0], words, i, head)
	keys := tg.keys[:0]
	for _, h := range tg.feats {
		keys = append(keys, key32(h))
	}
	if d != 0 {
		for _, h := range tg.feats {
			keys = append(keys, key32(mix(h, d)))
		}
	}
	tg.keys = keys
	return keys
}

// sameTrans reports whether a and b hold the same transition weights, bit for
// bit: one comparison of their bytes, where comparing them as numbers is a
// loop with a branch for each (the tagger asks once a sentence).
func sameTrans(a, b *[(numTags + 1) * numTags]float32) bool {
	const size = unsafe.Sizeof(*a)
	return *(*[size]byte)(unsafe.Pointer(a)) == *(*[size]byte)(unsafe.Pointer(b))
}

// copyDomain is the domain of the feature copies of a float model m for a
// style, 0 when m has none.
func copyDomain(m *model, style Style) uint64 {
	switch {
	case !m.domain:
		return 0
	case style == StyleNERGrit:
		return auxDomain
	}
	return mainDomain
}

// floatEmissions sets tg.emit to the emission scores of words in a float
// model (training): each feature and its copy.
func (tg *tagger) floatEmissions(m *model, style Style, words []string, head bool) {
	d := copyDomain(m, style)
	for i := range words {
		m.emissions(tg.emit[i*int(numTags):], tg.tokenKeys(words, i, head, d))
	}
}

// defaultTemperature is the temperature of a model that was not calibrated.
const defaultTemperature = 20

// marginals returns, for each token, the probability of its chosen tag under a
// linear-chain model with the perceptron's scores divided by the model's temperature
// (forward-backward, scaled per step). The result is valid until the tagger is used
// again.
func (tg *tagger) marginals(m *model, tags []tag) []float64 {
	return tg.marginalsIn(m, tags, 0, len(tags))
}

// marginalsIn is marginals for the tokens lo to hi-1 only, the same values:
// the forward pass stops at hi-1 and the backward one at lo (each step
// depends on the steps before it only). The other entries of the result are
// not set.
func (tg *tagger) marginalsIn(m *model, tags []tag, lo, hi int) []float64 {
	if m.wide != nil {
		return tg.marginalsWide(m, tags)
	}
	n := len(tags)
	lo, hi = max(lo, 0), min(hi, n)
	if lo >= hi {
		tg.marg = grow(tg.marg, n)
		return tg.marg
	}
	const nt = int(numTags)
	tg.alpha = grow(tg.alpha, n*nt)
	tg.pot = grow(tg.pot, n*nt)
	tg.marg = grow(tg.marg, n)
	temperature := float64(m.temperature)
	if !(temperature > 0) {
		temperature = defaultTemperature
	}
	// The transition potentials depend on the model and its temperature only
	// (calibration changes the temperature): they are computed again only when
	// one of them is not the tagger's last.
	if tg.trModel != m || tg.trTemp != temperature || !sameTrans(&tg.trTrans, &m.trans) {
		clear(tg.tr[:])
		for p := range numTags + 1 {
			for t := range numTags {
				if allowed(p, t) {
					tg.tr[int(p)*nt+int(t)] = math.Exp(float64(m.trans[int(p)*nt+int(t)]) / temperature)
				}
			}
		}
		for p := range nt {
			for t := range nt {
				tg.trCol[t][p] = tg.tr[p*nt+t]
			}
		}
		tg.trModel, tg.trTemp, tg.trTrans = m, temperature, m.trans
	}
	alpha, pot, marg := tg.alpha[:n*nt], tg.pot[:n*nt], tg.marg[:n]
	potentials(pot, tg.emit[:n*nt], temperature)
	tg.passes(alpha, pot, marg, tags, lo, hi, hasAVX2)
	return tg.marg
}

// passes runs the forward and backward passes of marginalsIn over the
// potentials pot and sets the marginals of tokens lo to hi-1: in the lanes
// of forwardSteps and backwardSteps when vec (the steps of each token kept
// in alpha and beta), else in forward and backward (TestPasses compares
// them).
func (tg *tagger) passes(alpha, pot, marg []float64, tags []tag, lo, hi int, vec bool) {
	const nt = int(numTags)
	if !vec {
		forward(alpha, pot, &tg.tr, (*[numTags][numTags]float64)(tg.trCol[:numTags]), lo, hi)
		backward(marg, alpha, pot, &tg.tr, tags, lo, hi)
		return
	}
	n := len(marg)
	tg.beta = grow(tg.beta, n*nt)
	beta := tg.beta
	_, _, _ = alpha[n*nt-1], beta[n*nt-1], pot[n*nt-1] // n rows each
	forwardSteps(&alpha[0], &pot[0], &tg.tr[0], lo, hi)
	backwardSteps(&beta[0], &pot[0], &tg.trCol[0][0], n, lo, hi)
	for i := lo; i < hi; i++ {
		marg[i] = marginal((*[nt]float64)(alpha[i*nt:]), (*[nt]float64)(beta[i*nt:]), tags[i])
	}
}

// potentials sets pot (n×numTags, row-major) to the emission potentials of
// the scores emit, token by token: e^((e-hi)/temperature) for a tag of score
// e where the token's best tag scores hi (see potential), by EXP8 where it
// gives math.Exp's values (see expKind).
func potentials(pot []float64, emit []float32, temperature float64) {
	if expKind() == expVec {
		potentialsVec(pot, emit, temperature)
		return
	}
	potentialsCall(pot, emit, temperature)
}

// potentialsCall is potentials calling potential (math.Exp) for each tag.
func potentialsCall(pot []float64, emit []float32, temperature float64) {
	const nt = int(numTags)
	for len(emit) >= nt && len(pot) >= nt {
		e := (*[nt]float32)(emit)
		p := (*[nt]float64)(pot)
		hi := rowMax(e)
		p[0] = potential(e[0], hi, temperature)
		p[1] = potential(e[1], hi, temperature)
		p[2] = potential(e[2], hi, temperature)
		p[3] = potential(e[3], hi, temperature)
		p[4] = potential(e[4], hi, temperature)
		p[5] = potential(e[5], hi, temperature)
		p[6] = potential(e[6], hi, temperature)
		emit, pot = emit[nt:], pot[nt:]
	}
}

// rowMax is the best score of a token's scores e, which are finite: >
// finds max's largest (a -0 kept for a +0 compares and subtracts the same).
func rowMax(e *[numTags]float32) float32 {
	hi := e[0]
	if e[1] > hi {
		hi = e[1]
	}
	if e[2] > hi {
		hi = e[2]
	}
	if e[3] > hi {
		hi = e[3]
	}
	if e[4] > hi {
		hi = e[4]
	}
	if e[5] > hi {
		hi = e[5]
	}
	if e[6] > hi {
		hi = e[6]
	}
	return hi
}

// forward is the forward pass of marginalsIn over the potentials pot of a
// sentence, each step normalised, from its first token to token hi-1; it
// keeps in alpha the steps of tokens lo to hi-1 only, the ones the
// marginals read. tr are the transition potentials, trCol the same by
// column. Each product is rounded before its sum: the float64 conversions
// forbid fusing them (GOAMD64=v3 may otherwise), as forwardSteps' lanes do
// not fuse.
func forward(alpha, pot []float64, tr *[(numTags + 1) * numTags]float64, trCol *[numTags][numTags]float64, lo, hi int) {
	const nt = int(numTags)
	// The sums run in the order of the tags, as they always have (the
	// confidences are pinned), the values of the step before in variables.
	p := (*[nt]float64)(pot)
	a0 := float64(tr[int(numTags)*nt+0] * p[0])
	a1 := float64(tr[int(numTags)*nt+1] * p[1])
	a2 := float64(tr[int(numTags)*nt+2] * p[2])
	a3 := float64(tr[int(numTags)*nt+3] * p[3])
	a4 := float64(tr[int(numTags)*nt+4] * p[4])
	a5 := float64(tr[int(numTags)*nt+5] * p[5])
	a6 := float64(tr[int(numTags)*nt+6] * p[6])
	a0, a1, a2, a3, a4, a5, a6 = normalized(a0, a1, a2, a3, a4, a5, a6)
	if lo == 0 {
		*(*[nt]float64)(alpha) = [nt]float64{a0, a1, a2, a3, a4, a5, a6}
	}
	for i := 1; i < hi; i++ {
		p = (*[nt]float64)(pot[i*nt:])
		// The transitions not allowed have potential 0 and add +0 to the
		// sum (every term is finite and not negative): skipped. The tags
		// before are transPreds', written out (see viterbi).
		c := &trCol[tagO]
		s := float64(a0 * c[0])
		s += float64(a1 * c[1])
		s += float64(a2 * c[2])
		s += float64(a3 * c[3])
		s += float64(a4 * c[4])
		s += float64(a5 * c[5])
		s += float64(a6 * c[6])
		c0 := float64(s * p[0])
		c = &trCol[tagBPER]
		s = float64(a0 * c[0])
		s += float64(a1 * c[1])
		s += float64(a2 * c[2])
		s += float64(a3 * c[3])
		s += float64(a4 * c[4])
		s += float64(a5 * c[5])
		s += float64(a6 * c[6])
		c1 := float64(s * p[1])
		c = &trCol[tagBORG]
		s = float64(a0 * c[0])
		s += float64(a1 * c[1])
		s += float64(a2 * c[2])
		s += float64(a3 * c[3])
		s += float64(a4 * c[4])
		s += float64(a5 * c[5])
		s += float64(a6 * c[6])
		c3 := float64(s * p[3])
		c = &trCol[tagBLOC]
		s = float64(a0 * c[0])
		s += float64(a1 * c[1])
		s += float64(a2 * c[2])
		s += float64(a3 * c[3])
		s += float64(a4 * c[4])
		s += float64(a5 * c[5])
		s += float64(a6 * c[6])
		c5 := float64(s * p[5])
		c = &trCol[tagIPER]
		s = float64(a1 * c[1])
		s += float64(a2 * c[2])
		c2 := float64(s * p[2])
		c = &trCol[tagIORG]
		s = float64(a3 * c[3])
		s += float64(a4 * c[4])
		c4 := float64(s * p[4])
		c = &trCol[tagILOC]
		s = float64(a5 * c[5])
		s += float64(a6 * c[6])
		c6 := float64(s * p[6])
		a0, a1, a2, a3, a4, a5, a6 = normalized(c0, c1, c2, c3, c4, c5, c6)
		if i >= lo {
			*(*[nt]float64)(alpha[i*nt:]) = [nt]float64{a0, a1, a2, a3, a4, a5, a6}
		}
	}
}

// backward is the backward pass of marginalsIn, each step normalised, from
// the last token of the sentence down to token lo, fused with the marginals
// of tokens lo to hi-1: each is computed, into marg, at its step, from the
// step's values and alpha's (forward's). Its products are rounded before
// their sums, as forward's.
func backward(marg, alpha, pot []float64, tr *[(numTags + 1) * numTags]float64, tags []tag, lo, hi int) {
	const nt = int(numTags)
	n := len(marg)
	b0, b1, b2, b3, b4, b5, b6 := 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0
	if n-1 < hi {
		marg[n-1] = marginal((*[nt]float64)(alpha[(n-1)*nt:]), &[nt]float64{b0, b1, b2, b3, b4, b5, b6}, tags[n-1])
	}
	for i := n - 2; i >= lo; i-- {
		p := (*[nt]float64)(pot[(i+1)*nt:])
		// The tags after are transSuccs': O and the B- tags, and the I- tag
		// of the label of a B- or I- tag, in increasing order.
		r := (*[nt]float64)(tr[0*nt:])
		s := float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[5] * p[5] * b5)
		d0 := s
		r = (*[nt]float64)(tr[1*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[2] * p[2] * b2)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[5] * p[5] * b5)
		d1 := s
		r = (*[nt]float64)(tr[2*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[2] * p[2] * b2)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[5] * p[5] * b5)
		d2 := s
		r = (*[nt]float64)(tr[3*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[4] * p[4] * b4)
		s += float64(r[5] * p[5] * b5)
		d3 := s
		r = (*[nt]float64)(tr[4*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[4] * p[4] * b4)
		s += float64(r[5] * p[5] * b5)
		d4 := s
		r = (*[nt]float64)(tr[5*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[5] * p[5] * b5)
		s += float64(r[6] * p[6] * b6)
		d5 := s
		r = (*[nt]float64)(tr[6*nt:])
		s = float64(r[0] * p[0] * b0)
		s += float64(r[1] * p[1] * b1)
		s += float64(r[3] * p[3] * b3)
		s += float64(r[5] * p[5] * b5)
		s += float64(r[6] * p[6] * b6)
		d6 := s
		b0, b1, b2, b3, b4, b5, b6 = normalized(d0, d1, d2, d3, d4, d5, d6)
		if i < hi {
			marg[i] = marginal((*[nt]float64)(alpha[i*nt:]), &[nt]float64{b0, b1, b2, b3, b4, b5, b6}, tags[i])
		}
	}
}

// marginal is the probability of tag t at a token whose forward and
// backward steps are a and b: a[t]b[t] over the sum of a[k]b[k] in the order
// of the tags, 0 when the sum is not positive or the quotient not a number,
// within [0, 1].
func marginal(a, b *[numTags]float64, t tag) float64 {
	// The terms are not negative: the sum from 0 is the sum from the first
	// (0 + -0 would differ, and then the sum is not positive either way).
	z := float64(a[0] * b[0])
	z += float64(a[1] * b[1])
	z += float64(a[2] * b[2])
	z += float64(a[3] * b[3])
	z += float64(a[4] * b[4])
	z += float64(a[5] * b[5])
	z += float64(a[6] * b[6])
	if !(z > 0) {
		return 0
	}
	p := a[t] * b[t] / z
	switch {
	case !(p > 0): // 0, -0 (as max(p, 0)) or not a number
		return 0
	case p > 1:
		return 1
	}
	return p
}

// potential is the emission potential of a tag of score e in a token whose
// best tag scores hi: e^((e-hi)/temperature), 1 for the best.
func potential(e, hi float32, temperature float64) float64 {
	if e == hi {
		return 1 // math.Exp(0)
	}
	return math.Exp(float64(e-hi) / temperature)
}

// transSuccs[prev] lists, in increasing order, the tags that may follow prev
// (transPreds' converse), for the backward pass of marginals.
var transSuccs = func() (ss [numTags][]tag) {
	for p := range numTags {
		for t := range numTags {
			if allowed(p, t) {
				ss[p] = append(ss[p], t)
			}
		}
	}
	return ss
}()

// normalize divides v by its sum, when the sum is positive and finite.
func normalize(v *[numTags]float64) { normalizeSlice(v[:]) }

// normalizeSlice is normalize for any number of values.
func normalizeSlice(v []float64) {
	var s float64
	for _, x := range v {
		s += x
	}
	if s > 0 && !math.IsInf(s, 0) {
		for k := range v {
			v[k] /= s
		}
	}
}

// normalized returns the seven values divided by their sum, as normalize
// does.
func normalized(v0, v1, v2, v3, v4, v5, v6 float64) (float64, float64, float64, float64, float64, float64, float64) {
	var s float64
	s += v0
	s += v1
	s += v2
	s += v3
	s += v4
	s += v5
	s += v6
	if s > 0 && !math.IsInf(s, 0) {
		return v0 / s, v1 / s, v2 / s, v3 / s, v4 / s, v5 / s, v6 / s
	}
	return v0, v1, v2, v3, v4, v5, v6
}

// spanConfidence is the smallest marginal over the tokens of a span.
func spanConfidence(marg []float64, i, j int) float64 {
	c := 1.0
	for k := i; k < j; k++ {
		c = min(c, marg[k])
	}
	return c
}
