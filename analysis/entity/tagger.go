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
	// for marginals
	alpha, beta, pot, marg []float64
	// tr are the transition potentials of trModel at trTemp, whose
	// transition weights were trTrans.
	tr      [(numTags + 1) * numTags]float64
	trModel *model
	trTemp  float64
	trTrans [(numTags + 1) * numTags]float32
	backed  []bool  // tokens tagged by gazBackoff
	spans   spanSet // the repair rules' view of a sentence
}

func newTaggerPool(g *gazetteer) *sync.Pool {
	return &sync.Pool{New: func() any { return &tagger{fz: featurizer{gaz: g}} }}
}

// run tags words with m in the given style; the result is valid until the tagger
// is used again.
func (tg *tagger) run(m *model, style Style, words []string) []tag {
	n := len(words)
	tg.tags = grow(tg.tags, n)
	if n == 0 {
		return tg.tags
	}
	tg.fz.sentence(words)
	head := tg.fz.headline()
	tg.emit = grow(tg.emit, n*int(numTags))
	clear(tg.emit)
	tg.back = grow(tg.back, n*int(numTags))
	if tab := m.table(style); tab != nil {
		// A packed model: one look-up per feature, the copies folded in.
		for i := range n {
			tg.feats = tg.fz.features(tg.feats[:0], words, i, head)
			keys := tg.keys[:0]
			for _, h := range tg.feats {
				keys = append(keys, key32(h))
			}
			tg.keys = keys
			tg.touched += tab.emissions((*[numTags]float32)(tg.emit[i*int(numTags):]), keys)
		}
	} else {
		// A float model (training): each feature and its copy.
		d := uint64(mainDomain)
		if style == StyleNERGrit {
			d = auxDomain
		}
		for i := range n {
			tg.feats = tg.fz.features(tg.feats[:0], words, i, head)
			keys := tg.keys[:0]
			for _, h := range tg.feats {
				keys = append(keys, key32(h))
			}
			if m.domain {
				for _, h := range tg.feats {
					keys = append(keys, key32(mix(h, d)))
				}
			}
			tg.keys = keys
			m.emissions(tg.emit[i*int(numTags):], keys)
		}
	}
	viterbi(m.trans[:], tg.emit, n, tg.back, tg.tags)
	return tg.tags
}

// defaultTemperature is the temperature of a model that was not calibrated.
const defaultTemperature = 20

// marginals returns, for each token, the probability of its chosen tag under a
// linear-chain model with the perceptron's scores divided by the model's temperature
// (forward-backward, scaled per step). The result is valid until the tagger is used
// again.
func (tg *tagger) marginals(m *model, tags []tag) []float64 {
	n := len(tags)
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
		tg.trModel, tg.trTemp, tg.trTrans = m, temperature, m.trans
	}
	tr := &tg.tr
	for i := range n {
		e := tg.emit[i*nt : (i+1)*nt]
		hi := e[0]
		for _, x := range e[1:] {
			hi = max(hi, x)
		}
		for t := range nt {
			tg.pot[i*nt+t] = math.Exp(float64(e[t]-hi) / temperature)
		}
	}
	a, b, pot := tg.alpha, tg.beta, tg.pot
	norm := func(v []float64) {
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
	for t := range nt {
		a[t] = tr[int(numTags)*nt+t] * pot[t]
	}
	norm(a[:nt])
	for i := 1; i < n; i++ {
		for t := range nt {
			var s float64
			for p := range nt {
				s += a[(i-1)*nt+p] * tr[p*nt+t]
			}
			a[i*nt+t] = s * pot[i*nt+t]
		}
		norm(a[i*nt : (i+1)*nt])
	}
	for t := range nt {
		b[(n-1)*nt+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for p := range nt {
			var s float64
			for t := range nt {
				s += tr[p*nt+t] * pot[(i+1)*nt+t] * b[(i+1)*nt+t]
			}
			b[i*nt+p] = s
		}
		norm(b[i*nt : (i+1)*nt])
	}
	for i := range n {
		var z float64
		for t := range nt {
			z += a[i*nt+t] * b[i*nt+t]
		}
		p := 0.0
		if z > 0 {
			p = a[i*nt+int(tags[i])] * b[i*nt+int(tags[i])] / z
		}
		if math.IsNaN(p) {
			p = 0
		}
		tg.marg[i] = min(max(p, 0), 1)
	}
	return tg.marg
}

// spanConfidence is the smallest marginal over the tokens of a span.
func spanConfidence(marg []float64, i, j int) float64 {
	c := 1.0
	for k := i; k < j; k++ {
		c = min(c, marg[k])
	}
	return c
}
