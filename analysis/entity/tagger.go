package entity

import (
	"math"
	"sync"
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
	trCol     [numTags][numTags]float64 // trCol[t][p] = tr[p*numTags+t]
	// col are the transition weights colTrans by column, for viterbiCols.
	col      transCols
	colTrans [(numTags + 1) * numTags]float32

	// for marginals
	alpha, beta, pot, marg []float64
	// tr are the transition potentials of trModel at trTemp, whose
	// transition weights were trTrans.
	tr        [(numTags + 1) * numTags]float64
	trModel   *model
	trTemp    float64
	trTrans   [(numTags + 1) * numTags]float32
	wideTrans []float32 // the transitions of runWide's last sentence
	backed    []bool    // tokens tagged by gazBackoff
	spans     spanSet   // the repair rules' view of a sentence
	units     []unit    // the rules' units of a line
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
	head, ok := tg.start(words, int(numTags))
	if !ok {
		return tg.tags
	}
	if tab := m.table(style); tab != nil {
		// A packed model: one look-up per feature, the copies folded in, and
		// one for all the features of a word the tagger has seen.
		tg.packedEmissions(tab, words, head)
	} else {
		tg.floatEmissions(m, style, words, head)
	}
	if tg.colTrans != m.trans {
		tg.colTrans, tg.col = m.trans, columns(m.trans[:])
	}
	viterbiCols(m.trans[:], &tg.col, tg.emit, n, tg.back, tg.tags)
	return tg.tags
}

// start readies tg to tag words with nt tags: the tags, zeroed emissions and
// back-pointers sized, the featurizer's view of the sentence made. It reports
// whether the sentence is a headline, and ok false for no words.
func (tg *tagger) start(words []string, nt int) (head, ok bool) {
	n := len(words)
	tg.tags = grow(tg.tags, n)
	if n == 0 {
		return false, false
	}
	tg.fz.sentence(words)
	tg.emit = grow(tg.emit, n*nt)
	clear(tg.emit)
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
	tg.beta = grow(tg.beta, n*nt)
	tg.pot = grow(tg.pot, n*nt)
	tg.marg = grow(tg.marg, n)
	temperature := float64(m.temperature)
	if !(temperature > 0) {
		temperature = defaultTemperature
	}
	// The transition potentials depend on the model and its temperature only
	// (calibration changes the temperature): they are computed again only when
	// one of them is not the tagger's last.
	if tg.trModel != m || tg.trTemp != temperature || tg.trTrans != m.trans {
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
	tr := &tg.tr
	for i := range n {
		e := (*[nt]float32)(tg.emit[i*nt:])
		pot := (*[nt]float64)(tg.pot[i*nt:])
		// The scores are finite: > finds max's largest (a -0 kept for a +0
		// compares and subtracts the same).
		hi := e[0]
		for _, x := range e[1:] {
			if x > hi {
				hi = x
			}
		}
		for t := range nt {
			if e[t] == hi {
				pot[t] = 1 // math.Exp(0)
			} else {
				pot[t] = math.Exp(float64(e[t]-hi) / temperature)
			}
		}
	}
	// Forward and backward, each step normalised; the sums run in the order
	// of the tags, as they always have (the confidences are pinned).
	a0, p0 := (*[nt]float64)(tg.alpha), (*[nt]float64)(tg.pot)
	for t := range nt {
		a0[t] = tr[int(numTags)*nt+t] * p0[t]
	}
	normalize(a0)
	for i := 1; i < hi; i++ {
		prev := (*[nt]float64)(tg.alpha[(i-1)*nt:])
		cur := (*[nt]float64)(tg.alpha[i*nt:])
		pot := (*[nt]float64)(tg.pot[i*nt:])
		// The transitions not allowed have potential 0 and add +0 to the
		// sum (every term is finite and not negative): skipped. The tags
		// before are transPreds', written out (see viterbi).
		for _, t := range [...]int{int(tagO), int(tagBPER), int(tagBORG), int(tagBLOC)} {
			c := &tg.trCol[t]
			var s float64
			s += prev[0] * c[0]
			s += prev[1] * c[1]
			s += prev[2] * c[2]
			s += prev[3] * c[3]
			s += prev[4] * c[4]
			s += prev[5] * c[5]
			s += prev[6] * c[6]
			cur[t] = s * pot[t]
		}
		for _, t := range [...]int{int(tagIPER), int(tagIORG), int(tagILOC)} {
			c := &tg.trCol[t]
			var s float64
			s += prev[t-1] * c[t-1]
			s += prev[t] * c[t]
			cur[t] = s * pot[t]
		}
		normalize(cur)
	}
	last := (*[nt]float64)(tg.beta[(n-1)*nt:])
	for t := range nt {
		last[t] = 1
	}
	for i := n - 2; i >= lo; i-- {
		next := (*[nt]float64)(tg.beta[(i+1)*nt:])
		cur := (*[nt]float64)(tg.beta[i*nt:])
		pot := (*[nt]float64)(tg.pot[(i+1)*nt:])
		// The tags after are transSuccs': O and the B- tags, and the I- tag
		// of the label of a B- or I- tag, in increasing order.
		for p := range nt {
			row := (*[nt]float64)(tr[p*nt:])
			var s float64
			s += row[0] * pot[0] * next[0]
			s += row[1] * pot[1] * next[1]
			if p == int(tagBPER) || p == int(tagIPER) {
				s += row[2] * pot[2] * next[2]
			}
			s += row[3] * pot[3] * next[3]
			if p == int(tagBORG) || p == int(tagIORG) {
				s += row[4] * pot[4] * next[4]
			}
			s += row[5] * pot[5] * next[5]
			if p == int(tagBLOC) || p == int(tagILOC) {
				s += row[6] * pot[6] * next[6]
			}
			cur[p] = s
		}
		normalize(cur)
	}
	for i := lo; i < hi; i++ {
		a := (*[nt]float64)(tg.alpha[i*nt:])
		b := (*[nt]float64)(tg.beta[i*nt:])
		var z float64
		for t := range nt {
			z += a[t] * b[t]
		}
		p := 0.0
		if z > 0 {
			p = a[tags[i]] * b[tags[i]] / z
		}
		if math.IsNaN(p) {
			p = 0
		}
		tg.marg[i] = min(max(p, 0), 1)
	}
	return tg.marg
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

// spanConfidence is the smallest marginal over the tokens of a span.
func spanConfidence(marg []float64, i, j int) float64 {
	c := 1.0
	for k := i; k < j; k++ {
		c = min(c, marg[k])
	}
	return c
}
