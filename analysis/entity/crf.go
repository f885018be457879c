package entity

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"time"
)

// The CRF learner: a linear-chain conditional random field over the same
// features, BIO constraints and domain copies as the perceptron, trained by
// stochastic gradient descent on the L2-regularised conditional log-likelihood
// (as CRFsuite's l2sgd): the gradient of a sentence is its gold feature counts
// minus their expectation under the model, from forward-backward. The learning
// rate decays as η₀/(1+λη₀t); the L2 decay of all weights at each step is a
// scale factor shared by all of them, so that a step costs only the features of
// its sentence. Training visits the sentences in an order fixed by the seed, so
// it is reproducible.

// crfDefaults are the settings of the CRF learner when TrainOptions leaves them 0.
const (
	crfEpochs = 40
	crfC2     = 0.3 // the L2 coefficient: λ = 2·C2/N over N training sentences
	crfEta0   = 0.03
)

// interned are training sentences with their features interned.
type interned struct {
	data []trainSentence
	// keys[id] is the model key of feature id.
	keys []uint32
	// symmetric is true with an auxiliary corpus: every feature then also has
	// a copy private to its corpus (feature augmentation), the main corpus's
	// used at run time in its styles, the auxiliary's in StyleNERGrit.
	symmetric bool
	// bases are the keys of the features the featurizer makes (not copies);
	// copies[corpus][k] is the key of the copy of feature k private to the
	// main (0) or auxiliary (1) corpus, for model.pack to fold them in.
	bases  []uint32
	copies [2]map[uint32]uint32
	// val[id], when not nil, is the value of feature id (1 for the features
	// the featurizer makes, TrainOptions.copyValue for copies): a learner's
	// weight w of it is the model's weight w·val[id].
	val []float64
}

// setCopyValue gives the copies the value v (see interned.val); 0 and 1
// leave every feature binary.
func (in *interned) setCopyValue(v float64) {
	if v == 0 || v == 1 {
		return
	}
	isBase := make(map[uint32]bool, len(in.bases))
	for _, k := range in.bases {
		isBase[k] = true
	}
	in.val = make([]float64, len(in.keys))
	for id, k := range in.keys {
		in.val[id] = 1
		if !isBase[k] {
			in.val[id] = v
		}
	}
}

// internSentences computes the features of the training sentences, interned as
// dense ids, for either learner; with an auxiliary corpus, the features of
// the main corpus get their private copies too unless auxCopiesOnly.
func internSentences(g *gazetteer, train []TaggedSentence, auxCopiesOnly bool) interned {
	symmetric := slices.ContainsFunc(train, func(s TaggedSentence) bool { return s.Auxiliary })
	fz := &featurizer{gaz: g}
	ids := map[uint32]int32{}
	var keys []uint32
	var isBase []bool // the feature is one the featurizer makes, not a copy
	copies := [2]map[uint32]uint32{{}, {}}
	data := make([]trainSentence, len(train))
	var buf []uint64
	for si, s := range train {
		corpus := 0
		if s.Auxiliary {
			corpus = 1
		}
		fz.sentence(s.Words)
		head := fz.headline()
		ts := trainSentence{gold: parseTags(s.Tags), feats: make([][]int32, len(s.Words)), aux: s.Auxiliary}
		for i := range s.Words {
			buf = fz.features(buf[:0], s.Words, i, head)
			nb := len(buf)
			if s.Auxiliary {
				for _, h := range buf {
					buf = append(buf, mix(h, auxDomain))
				}
			} else if symmetric && !auxCopiesOnly {
				for _, h := range buf {
					buf = append(buf, mix(h, mainDomain))
				}
			}
			row := make([]int32, 0, len(buf))
			for j, h := range buf {
				k := key32(h)
				id, ok := ids[k]
				if !ok {
					id = int32(len(keys))
					ids[k] = id
					keys = append(keys, k)
					isBase = append(isBase, false)
				}
				row = append(row, id)
				// Which copy belongs to which feature, for pack to fold it in.
				if j < nb {
					isBase[id] = true
				} else if c := &copies[corpus]; (*c)[key32(buf[j-nb])] == 0 {
					(*c)[key32(buf[j-nb])] = k
				}
			}
			ts.feats[i] = row
		}
		data[si] = ts
	}
	var bases []uint32
	for i, k := range keys {
		if isBase[i] {
			bases = append(bases, k)
		}
	}
	return interned{data: data, keys: keys, symmetric: symmetric, bases: bases, copies: copies}
}

// crfState is the scratch space of forward-backward over one sentence.
type crfState struct {
	emit, pot, alpha, beta, scale []float64
	node                          []float64 // P(y_i = t)
	edge                          []float64 // (n+1)×n, summed over the sentence
	tr                            []float64
}

// crfParams are the weights of a CRF in training, in encoding enc: w = scale·v.
type crfParams struct {
	enc *encoding
	val []float64 // the features' values, nil when all are 1 (see interned.val)
	v   []float64 // enc.n per feature
	trV []float64 // (enc.n+1)×enc.n, twice with domainTrans (main, aux)
	// domainTrans gives each corpus transitions of its own.
	domainTrans bool
	scale       float64
}

// newCRFParams returns the zero weights of nf features in encoding e.
func newCRFParams(e *encoding, nf int) *crfParams {
	return &crfParams{enc: e, v: make([]float64, nf*e.n), trV: make([]float64, (e.n+1)*e.n), scale: 1}
}

// trans returns the transition weights of the corpus of s.
func (p *crfParams) trans(s *trainSentence) []float64 {
	ntr := (p.enc.n + 1) * p.enc.n
	if p.domainTrans && s.aux {
		return p.trV[ntr : 2*ntr]
	}
	return p.trV[:ntr]
}

// rescale folds the scale into the weights when it gets small, before it loses
// precision.
func (p *crfParams) rescale() {
	if p.scale > 1e-6 {
		return
	}
	for i := range p.v {
		p.v[i] *= p.scale
	}
	for i := range p.trV {
		p.trV[i] *= p.scale
	}
	p.scale = 1
}

// forwardBackward computes the node marginals of s (into st.node), and the
// transition marginals summed over the sentence (into st.edge), and returns the
// log-likelihood of the gold tags (s.gold, in p's encoding).
func (st *crfState) forwardBackward(p *crfParams, s *trainSentence) float64 {
	e := p.enc
	nt := e.n
	trV := p.trans(s)
	n := len(s.gold)
	st.emit = grow(st.emit, n*nt)
	st.pot = grow(st.pot, n*nt)
	st.alpha = grow(st.alpha, n*nt)
	st.beta = grow(st.beta, n*nt)
	st.scale = grow(st.scale, n)
	st.node = grow(st.node, n*nt)
	st.edge = grow(st.edge, (nt+1)*nt)
	st.tr = grow(st.tr, (nt+1)*nt)
	clear(st.emit)
	for i, fs := range s.feats {
		e := st.emit[i*nt : (i+1)*nt]
		for _, f := range fs {
			row := p.v[int(f)*nt : int(f)*nt+nt]
			if p.val != nil {
				for t := range e {
					e[t] += row[t] * p.val[f]
				}
				continue
			}
			for t := range e {
				e[t] += row[t]
			}
		}
		for t := range e {
			e[t] *= p.scale
		}
	}
	for k := range st.tr {
		st.tr[k] = 0
		if e.allowed[k] {
			st.tr[k] = math.Exp(p.scale * trV[k])
		}
	}
	// The log-score of the gold path.
	var gold float64
	prev := nt
	for i, t := range s.gold {
		gold += st.emit[i*nt+int(t)] + p.scale*trV[prev*nt+int(t)]
		prev = int(t)
	}
	logZ := 0.0
	for i := range n {
		e := st.emit[i*nt : (i+1)*nt]
		hi := slices.Max(e)
		logZ += hi
		for t := range nt {
			st.pot[i*nt+t] = math.Exp(e[t] - hi)
		}
	}
	if e.notFinal {
		// The tags that may not end a sentence have potential 0 at its end.
		for t := range nt {
			if !e.final[t] {
				st.pot[(n-1)*nt+t] = 0
			}
		}
	}
	a, b, pot, tr := st.alpha, st.beta, st.pot, st.tr
	var z float64
	for t := range nt {
		a[t] = tr[nt*nt+t] * pot[t]
		z += a[t]
	}
	st.scale[0] = z
	for t := range nt {
		a[t] /= z
	}
	for i := 1; i < n; i++ {
		z = 0
		for t := range nt {
			var s float64
			for pr := range nt {
				s += a[(i-1)*nt+pr] * tr[pr*nt+t]
			}
			s *= pot[i*nt+t]
			a[i*nt+t] = s
			z += s
		}
		st.scale[i] = z
		for t := range nt {
			a[i*nt+t] /= z
		}
	}
	for t := range nt {
		b[(n-1)*nt+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for pr := range nt {
			var s float64
			for t := range nt {
				s += tr[pr*nt+t] * pot[(i+1)*nt+t] * b[(i+1)*nt+t]
			}
			b[i*nt+pr] = s / st.scale[i+1]
		}
	}
	for i := range n {
		logZ += math.Log(st.scale[i])
		for t := range nt {
			st.node[i*nt+t] = a[i*nt+t] * b[i*nt+t]
		}
	}
	clear(st.edge)
	for t := range nt {
		st.edge[nt*nt+t] = st.node[t]
	}
	for i := 1; i < n; i++ {
		for pr := range nt {
			ap := a[(i-1)*nt+pr]
			if ap == 0 {
				continue
			}
			for t := range nt {
				st.edge[pr*nt+t] += ap * tr[pr*nt+t] * pot[i*nt+t] * b[i*nt+t] / st.scale[i]
			}
		}
	}
	return gold - logZ
}

// trainCRF is Train with the CRF learner (opt.CRF).
func trainCRF(train, dev []TaggedSentence, opt TrainOptions) (*Recognizer, error) {
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	in := internSentences(g, train, opt.auxCopiesOnly)
	in.setCopyValue(opt.copyValue)
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "%d training sentences, %d features (%.1fs)\n", len(train), len(in.keys), time.Since(start).Seconds())
	}
	pool := newTaggerPool(g)
	m, err := fitCRF(in, dev, opt, g, pool, start)
	if err != nil {
		return nil, err
	}
	// The packed model, what WriteModel writes, is calibrated and scored (a
	// model in another encoding than BIO stays a float model).
	r := &Recognizer{m: m, gaz: g, pool: pool}
	if m.wide == nil {
		r.m = prune(m).pack().pruned(opt.pruneThreshold())
	}
	r.m.temperature = 1
	if len(dev) > 0 {
		r.m.temperature = r.calibrate(dev)
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "confidence temperature %.2f\n", r.m.temperature)
		}
		if opt.Progress != nil {
			sc, err := r.evaluate(dev)
			if err != nil {
				return nil, err
			}
			fmt.Fprintf(opt.Progress, "CRF: dev %s (%.1fs)\n", sc, time.Since(start).Seconds())
		}
	}
	return r, nil
}

// fitCRF trains a CRF on the interned sentences and returns it in float form,
// its weights in log-potential units (temperature 1).
func fitCRF(in interned, dev []TaggedSentence, opt TrainOptions, g *gazetteer, pool *sync.Pool, start time.Time) (*model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = crfEpochs
	}
	if opt.C2 <= 0 {
		opt.C2 = crfC2
	}
	if opt.Eta0 <= 0 {
		opt.Eta0 = crfEta0
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	enc := opt.enc()
	data, keys, symmetric := enc.encodeAll(in.data), in.keys, in.symmetric
	nf := len(keys)
	nt := enc.n
	p := newCRFParams(enc, nf)
	p.val = in.val
	if opt.domainTrans && symmetric {
		p.domainTrans = true
		p.trV = make([]float64, 2*len(p.trV))
	}
	var st crfState
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0xc7f5))
	if opt.bootstrap {
		// A bootstrap sample: as many sentences, drawn with replacement.
		for i := range order {
			order[i] = rng.IntN(len(data))
		}
	}
	lambda := 2 * opt.C2 / float64(len(data))
	t := 0.0
	// avg sums the weights at the end of the epochs from avgFrom on (the second
	// half of training): their mean is less noisy than the last iterate.
	avgFrom := opt.Epochs/2 + 1
	if opt.AvgFrom > 0 {
		avgFrom = opt.AvgFrom
	}
	avg := make([]float64, nf*nt)
	avgTr := make([]float64, len(p.trV))
	navg := 0
	export := func() *model {
		w := make([]float32, nf*nt)
		tr := make([]float32, len(p.trV))
		if navg > 0 {
			for i, x := range avg {
				w[i] = float32(x / float64(navg))
			}
			for i, x := range avgTr {
				tr[i] = float32(x / float64(navg))
			}
		} else {
			for i, x := range p.v {
				w[i] = float32(x * p.scale)
			}
			for i, x := range p.trV {
				tr[i] = float32(x * p.scale)
			}
		}
		if in.val != nil {
			for i := range w {
				w[i] *= float32(in.val[i/nt])
			}
		}
		m := enc.newModel(keys, w, tr)
		m.domain = symmetric
		m.bases, m.copies = in.bases, in.copies
		m.temperature = 1
		return m
	}
	auxWeight := opt.auxWeightOr1()
	d := make([]float64, nt)
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var loss float64
		for _, si := range order {
			s := &data[si]
			if len(s.gold) == 0 {
				continue
			}
			eta := opt.Eta0 / (1 + lambda*opt.Eta0*t)
			t++
			p.scale *= 1 - eta*lambda
			p.rescale()
			loss -= st.forwardBackward(p, s)
			step := eta / p.scale
			if s.aux {
				step *= auxWeight
			}
			for i, fs := range s.feats {
				for k := range nt {
					d[k] = -st.node[i*nt+k]
				}
				d[s.gold[i]]++
				for k := range d {
					d[k] *= step
				}
				for _, f := range fs {
					row := p.v[int(f)*nt : int(f)*nt+nt]
					if p.val != nil {
						for k := range row {
							row[k] += d[k] * p.val[f]
						}
						continue
					}
					for k := range row {
						row[k] += d[k]
					}
				}
			}
			trV := p.trans(s)
			prev := nt
			for _, gt := range s.gold {
				trV[prev*nt+int(gt)] += step
				prev = int(gt)
			}
			for k, x := range st.edge {
				trV[k] -= step * x
			}
		}
		if epoch >= avgFrom {
			for i, x := range p.v {
				avg[i] += x * p.scale
			}
			for i, x := range p.trV {
				avgTr[i] += x * p.scale
			}
			navg++
		}
		var norm float64
		for _, x := range p.v {
			norm += x * x
		}
		norm *= p.scale * p.scale
		line := fmt.Sprintf("epoch %2d: loss %.1f, |w|² %.1f", epoch, loss, norm)
		if len(dev) > 0 && (opt.Verbose || epoch == opt.Epochs) {
			sc, err := (&Recognizer{m: export(), gaz: g, pool: pool}).evaluate(dev)
			if err != nil {
				return nil, err
			}
			line += "; dev " + sc.String()
		}
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "%s (%.1fs)\n", line, time.Since(start).Seconds())
		}
	}
	return export(), nil
}

// addModels returns the float model whose weights are those of the averaged
// perceptron p over defaultTemperature, times weight, plus those of the CRF
// c, both over the same interned features and in the same encoding: the
// perceptron's scores, divided by the temperature that turns them into
// log-potentials, and the CRF's log-potentials.
func addModels(p, c *model, weight float32) *model {
	pw, ptr := p.floatWeights()
	cw, ctr := c.floatWeights()
	w := make([]float32, len(pw))
	for i := range w {
		w[i] = pw[i]/defaultTemperature*weight + cw[i]
	}
	tr := make([]float32, len(ptr))
	for i := range tr {
		tr[i] = ptr[i]/defaultTemperature*weight + ctr[i]
	}
	out := p.encoding().newModel(nil, w, tr)
	out.keys, out.rows = p.keys, p.rows
	out.domain, out.bases, out.copies = p.domain, p.bases, p.copies
	return out
}

// scaleModel returns the float model m with its weights times f.
func scaleModel(m *model, f float32) *model {
	mw, mtr := m.floatWeights()
	w := make([]float32, len(mw))
	for i, x := range mw {
		w[i] = x * f
	}
	tr := make([]float32, len(mtr))
	for i, x := range mtr {
		tr[i] = x * f
	}
	out := m.encoding().newModel(nil, w, tr)
	out.keys, out.rows = m.keys, m.rows
	out.domain, out.bases, out.copies = m.domain, m.bases, m.copies
	return out
}

// sumModels returns the float model whose weights are the sums of those of a
// and b, over the same interned features and in the same encoding.
func sumModels(a, b *model) *model {
	aw, atr := a.floatWeights()
	bw, btr := b.floatWeights()
	w := make([]float32, len(aw))
	for i := range w {
		w[i] = aw[i] + bw[i]
	}
	tr := make([]float32, len(atr))
	for i := range tr {
		tr[i] = atr[i] + btr[i]
	}
	out := a.encoding().newModel(nil, w, tr)
	out.keys, out.rows = a.keys, a.rows
	out.domain, out.bases, out.copies = a.domain, a.bases, a.copies
	return out
}
