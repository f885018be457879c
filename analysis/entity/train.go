package entity

import (
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// TrainOptions controls [Train].
type TrainOptions struct {
	// Epochs is the number of passes over the training data; 0 means 10.
	Epochs int
	// Seed fixes the order in which sentences are visited, so training is
	// reproducible; 0 means 1.
	Seed uint64
	// Progress, when not nil, receives a line per epoch with the dev scores.
	Progress io.Writer
	// Runs is the number of perceptrons trained with successive seeds whose
	// averaged weights are averaged into the final model; 0 means 1. More runs
	// make the model less sensitive to the order of the training data.
	Runs int
	// Verbose reports dev scores after every epoch, not only the last of each run.
	Verbose bool
	// MinCount drops the features seen fewer times in the training data (0 and 1
	// keep them all): rare features are mostly noise the perceptron memorises.
	MinCount int
	// CRF trains a conditional random field by SGD with L2 (see crf.go)
	// instead of the perceptron; Epochs 0 then means 40, and Runs and
	// MinCount do not apply.
	CRF bool
	// C2 is the CRF's L2 coefficient (λ = 2·C2/N over N sentences); 0 means 0.3.
	C2 float64
	// Eta0 is the CRF's initial learning rate; 0 means 0.03.
	Eta0 float64
	// Ensemble trains the perceptron and the CRF and adds their weights, the
	// perceptron's divided by its default temperature so that both are in the
	// units of log-potentials: a product of the two experts, one linear model.
	Ensemble bool
	// AvgFrom is the first epoch whose final CRF weights are averaged into the
	// model; 0 means the second half of the epochs.
	AvgFrom int
	// Prune drops the features whose weights, folded for each corpus, are all
	// below Prune times the model's largest weight in magnitude: most of a
	// CRF's features carry weights too small to change a tag, and cost memory,
	// load time and cache misses. 0 means DefaultPrune; a negative value keeps
	// every feature with a non-zero weight.
	Prune float64

	// The settings below are for cross-validating the learners (set through
	// export_test.go, TELAAH_NER_CV_SET); their zero values are the embedded
	// model's. None of them beat it: 4-fold cross-validation of the ensemble
	// on the two training corpora (F1 idner-news-2k / NERGrit, pruned at
	// DefaultPrune, the full pipeline), where two seeds differ by about 0.001;
	// the rows marked * ran after a change of the stemmer's roots, when the
	// embedded model's figures became 0.8400 / 0.7361:
	//
	//	embedded model                     0.8386 / 0.7375
	//	  unpruned                         0.8394 / 0.7380
	//	* seed=2                           0.8394 / 0.7364
	//	encoding=bioes (unpruned)          0.8403 / 0.7368
	//	* domaintrans=1 (unpruned; seed=2) 0.8431 / 0.7384  (0.8412 / 0.7362)
	//	*   packed, pruned (not kept)      0.8389 / 0.7372
	//	aux=0.5, aux=2                     0.8403 / 0.7363, 0.8344 / 0.7346
	//	pw=0.5, pw=2                       0.8387 / 0.7386, 0.8387 / 0.7357
	//	c2=0.1                             0.8381 / 0.7380
	//	* eta0=0.1; crfepochs=20           0.8383 / 0.7372; 0.8408 / 0.7371
	//	auxcopiesonly=1                    0.8315 / 0.7367
	//	copyvalue=2, copyvalue=0.5         0.8370 / 0.7300, 0.8331 / 0.7346
	//	* bags=3; bags=3,bootstrap=1       0.8392 / 0.7368; 0.8376 / 0.7305
	//	* O bias -0.25, -0.5, -1, +0.25    0.8385 / 0.7386, 0.8381 / 0.7380,
	//	  (TELAAH_NER_CV_OBIAS)            0.8309 / 0.7388, 0.8397 / 0.7376
	//	*   seed=2: 0, -0.25, -0.5, -0.75  NERGrit 0.7364, 0.7375, 0.7374, 0.7370

	// encoding is the learners' tag set: "" (BIO) or "bioes", whose model is
	// a float model, for cross-validation only (see encoding.go).
	encoding string
	// auxWeight scales the updates of the auxiliary corpus's sentences; 0 means 1.
	auxWeight float64
	// perceptronWeight scales the perceptron's weights in the ensemble; 0 means 1.
	perceptronWeight float64
	// crfEpochs is the number of epochs of the ensemble's CRF; 0 means crfEpochs.
	crfEpochs int
	// auxCopiesOnly gives private copies to the auxiliary corpus's features
	// only: the main corpus and its styles use the shared features alone.
	auxCopiesOnly bool
	// copyValue is the value of the private copies of the features (the
	// features themselves are 1): under the CRF's L2, a copy of value v has
	// a prior v times as wide, a hierarchical prior in the manner of Finkel
	// and Manning (2009); 0 means 1.
	copyValue float64
	// domainTrans gives each corpus transition weights of its own (a float
	// model only, as another encoding).
	domainTrans bool
	// crfBags is the number of CRFs of the ensemble, trained with successive
	// seeds, whose weights are averaged; 0 means 1.
	crfBags int
	// bootstrap trains each CRF but the first of a bag on a bootstrap sample
	// of the training sentences (as many, drawn with replacement).
	bootstrap bool
}

// enc returns the encoding of opt.encoding.
func (opt TrainOptions) enc() *encoding {
	if e := encodingNamed(opt.encoding); e != nil {
		return e
	}
	return encBIO
}

// auxWeightOr1 returns opt.auxWeight, 1 when it is 0.
func (opt TrainOptions) auxWeightOr1() float64 {
	if opt.auxWeight == 0 {
		return 1
	}
	return opt.auxWeight
}

// DefaultPrune is the pruning threshold of [TrainOptions] (relative to the
// largest weight), chosen by cross-validation on the training corpora as the
// largest that costs at most 0.1 F1 point on either (see TestCrossValidation).
const DefaultPrune = 0.05

// pruneThreshold is the threshold of opt.Prune.
func (opt TrainOptions) pruneThreshold() float64 {
	if opt.Prune == 0 {
		return DefaultPrune
	}
	return max(opt.Prune, 0)
}

// auxDomain is mixed into the private copies of the features of auxiliary sentences.
const auxDomain = 0xa0c5d0a1

// mainDomain is mixed into the private copies of the features of the main corpus.
const mainDomain = 0x3a1dc0de

// trainSentence is a training sentence with its features interned.
type trainSentence struct {
	gold  []tag // in BIO, or in the learner's encoding (see encodeAll)
	feats [][]int32
	aux   bool // a sentence of the auxiliary corpus
}

// encodeAll returns data with the gold tags in encoding e (data itself for BIO).
func (e *encoding) encodeAll(data []trainSentence) []trainSentence {
	if e == encBIO {
		return data
	}
	out := make([]trainSentence, len(data))
	for i, s := range data {
		out[i] = trainSentence{gold: e.encode(s.gold), feats: s.feats, aux: s.aux}
	}
	return out
}

// Train trains an averaged structured perceptron over BIO tags on train, reporting
// scores on dev (which may be empty) after each epoch, and returns a Recognizer
// using the new model (with the embedded gazetteers and rules).
func Train(train, dev []TaggedSentence, opt TrainOptions) (*Recognizer, error) {
	if len(train) == 0 {
		return nil, errors.New("entity: train: no training sentences")
	}
	for i, s := range append(slices.Clip(train), dev...) {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("entity: train: sentence %d has %d words but %d tags", i+1, len(s.Words), len(s.Tags))
		}
	}
	if opt.CRF {
		return trainCRF(train, dev, opt)
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	if opt.Runs <= 0 {
		opt.Runs = 1
	}
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	start := time.Now()
	in := internSentences(g, train, opt.auxCopiesOnly)
	in.setCopyValue(opt.copyValue)
	data, keys, symmetric := in.data, in.keys, in.symmetric
	bases, copies := in.bases, in.copies
	if opt.MinCount > 1 {
		keys = dropRare(data, keys, opt.MinCount)
	}
	nf := len(keys)
	if opt.Progress != nil {
		fmt.Fprintf(opt.Progress, "%d training sentences, %d features (%.1fs)\n", len(train), nf, time.Since(start).Seconds())
	}
	enc := opt.enc()
	data = enc.encodeAll(data)
	nt := enc.n
	ntr := (nt + 1) * nt
	pool := newTaggerPool(g)
	auxWeight := float32(opt.auxWeightOr1())
	sum := make([]float32, nf*nt)
	// With domainTrans, each corpus has transitions of its own: the
	// auxiliary's follow the main's in trW.
	domTrans := opt.domainTrans && symmetric
	ntrAll := ntr
	if domTrans {
		ntrAll = 2 * ntr
	}
	sumTr := make([]float32, ntrAll)
	var emit []float32
	var back []uint8
	var pred []tag
	for run := range opt.Runs {
		seed := opt.Seed + uint64(run)
		w := make([]float32, nf*nt) // weights are small integers: exact in float32
		u := make([]float64, nf*nt) // sum of c×update, for averaging
		trW := make([]float32, ntrAll)
		trU := make([]float64, ntrAll)
		order := make([]int, len(data))
		for i := range order {
			order[i] = i
		}
		rng := rand.New(rand.NewPCG(seed, 0x7e1aa4))
		c := 1.0
		var final *model
		for epoch := 1; epoch <= opt.Epochs; epoch++ {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			mistakes := 0
			for _, si := range order {
				s := &data[si]
				n := len(s.gold)
				emit = grow(emit, n*nt)
				clear(emit)
				back = grow(back, n*nt)
				pred = grow(pred, n)
				for i, fs := range s.feats {
					e := emit[i*nt : (i+1)*nt]
					for _, f := range fs {
						row := w[int(f)*nt : int(f)*nt+nt]
						if in.val != nil {
							v := float32(in.val[f])
							for t := range e {
								e[t] += row[t] * v
							}
							continue
						}
						for t := range e {
							e[t] += row[t]
						}
					}
				}
				off := 0
				if domTrans && s.aux {
					off = ntr
				}
				enc.decode(trW[off:off+ntr], emit, n, back, pred)
				// An update of the auxiliary corpus weighs auxWeight.
				up, upC := float32(1), c
				if s.aux {
					up, upC = auxWeight, c*float64(auxWeight)
				}
				for i := range n {
					gp, pp := tag(nt), tag(nt)
					if i > 0 {
						gp, pp = s.gold[i-1], pred[i-1]
					}
					gt, pt := s.gold[i], pred[i]
					if gt != pt {
						mistakes++
						for _, f := range s.feats[i] {
							b := int(f) * nt
							up, upC := up, upC
							if in.val != nil {
								up, upC = up*float32(in.val[f]), upC*in.val[f]
							}
							w[b+int(gt)] += up
							u[b+int(gt)] += upC
							w[b+int(pt)] -= up
							u[b+int(pt)] -= upC
						}
					}
					if gp != pp || gt != pt {
						gi, pi := off+int(gp)*nt+int(gt), off+int(pp)*nt+int(pt)
						trW[gi] += up
						trU[gi] += upC
						trW[pi] -= up
						trU[pi] -= upC
					}
				}
				c++
			}
			// The averaged weights.
			aw := make([]float32, nf*nt)
			for i := range aw {
				aw[i] = float32(float64(w[i]) - u[i]/c)
			}
			if in.val != nil {
				for i := range aw {
					aw[i] *= float32(in.val[i/nt])
				}
			}
			atr := make([]float32, ntrAll)
			for i := range trW {
				atr[i] = float32(float64(trW[i]) - trU[i]/c)
			}
			m := enc.newModel(keys, aw, atr)
			m.domain = symmetric
			final = m
			line := fmt.Sprintf("run %d epoch %2d: %d token errors on train", run+1, epoch, mistakes)
			if len(dev) > 0 && (opt.Verbose || epoch == opt.Epochs) {
				sc, err := (&Recognizer{m: m, gaz: g, pool: pool}).evaluate(dev)
				if err != nil {
					return nil, err
				}
				line += "; dev " + sc.String()
			}
			if opt.Progress != nil && (opt.Verbose || epoch == opt.Epochs) {
				fmt.Fprintf(opt.Progress, "%s (%.1fs)\n", line, time.Since(start).Seconds())
			}
		}
		fw, ftr := final.floatWeights()
		for i, x := range fw {
			sum[i] += x / float32(opt.Runs)
		}
		for i, x := range ftr {
			sumTr[i] += x / float32(opt.Runs)
		}
	}
	m := enc.newModel(keys, sum, sumTr)
	m.domain = symmetric
	m.bases, m.copies = bases, copies
	temperature := float32(defaultTemperature)
	if opt.Ensemble {
		in.keys = keys
		bags := max(opt.crfBags, 1)
		var mc *model
		for b := range bags {
			// CRF b of the bag trains with seed opt.Seed+b, and on a
			// bootstrap sample of the sentences when opt.bootstrap.
			mb, err := fitCRF(in, dev, TrainOptions{Seed: opt.Seed + uint64(b), Epochs: opt.crfEpochs, C2: opt.C2, Eta0: opt.Eta0, AvgFrom: opt.AvgFrom, Progress: opt.Progress, Verbose: opt.Verbose,
				encoding: opt.encoding, auxWeight: opt.auxWeight, domainTrans: opt.domainTrans, bootstrap: opt.bootstrap && b > 0}, g, pool, start)
			if err != nil {
				return nil, err
			}
			if mc == nil {
				mc = mb
			} else {
				mc = sumModels(mc, mb)
			}
		}
		if bags > 1 {
			mc = scaleModel(mc, 1/float32(bags))
		}
		pw := float32(1)
		if opt.perceptronWeight != 0 {
			pw = float32(opt.perceptronWeight)
		}
		m = addModels(m, mc, pw)
		temperature = 1
	}
	if m.wide != nil {
		// A model in another encoding than BIO stays a float model.
		m.temperature = temperature
		return &Recognizer{m: m, gaz: g, pool: pool}, nil
	}
	// The packed model, what WriteModel writes, is calibrated and scored.
	r := &Recognizer{m: prune(m).pack().pruned(opt.pruneThreshold()), gaz: g, pool: pool}
	r.m.temperature = temperature
	if len(dev) > 0 {
		r.m.temperature = r.calibrate(dev)
		if opt.Progress != nil {
			fmt.Fprintf(opt.Progress, "confidence temperature %.2f\n", r.m.temperature)
		}
	}
	if len(dev) > 0 && opt.Progress != nil {
		sc, err := r.evaluate(dev)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(opt.Progress, "average of %d runs: dev %s (%.1fs)\n", opt.Runs, sc, time.Since(start).Seconds())
	}
	return r, nil
}

// dropRare removes from data the features seen fewer than min times and returns
// the keys of the others, renumbered in their first-seen order.
func dropRare(data []trainSentence, keys []uint32, min int) []uint32 {
	count := make([]int, len(keys))
	for _, s := range data {
		for _, fs := range s.feats {
			for _, f := range fs {
				count[f]++
			}
		}
	}
	id := make([]int32, len(keys))
	var kept []uint32
	for i, k := range keys {
		id[i] = -1
		if count[i] >= min {
			id[i] = int32(len(kept))
			kept = append(kept, k)
		}
	}
	for _, s := range data {
		for i, fs := range s.feats {
			out := fs[:0]
			for _, f := range fs {
				if id[f] >= 0 {
					out = append(out, id[f])
				}
			}
			s.feats[i] = out
		}
	}
	return kept
}

// prune drops the features whose weights are all zero.
func prune(m *model) *model {
	var keys []uint32
	var weights []float32
	for s, k := range m.keys {
		if k == 0 {
			continue
		}
		r := int(m.rows[s]) * int(numTags)
		row := m.weights[r : r+int(numTags)]
		if slices.ContainsFunc(row, func(x float32) bool { return x > 1e-4 || x < -1e-4 }) {
			keys = append(keys, k)
			weights = append(weights, row...)
		}
	}
	out := newModel(keys, weights)
	out.trans = m.trans
	out.domain = m.domain
	out.bases, out.copies = m.bases, m.copies
	out.temperature = m.temperature
	return out
}

// calibrate returns the temperature at which the mean confidence of the entities
// that r finds in sents equals their precision.
func (r *Recognizer) calibrate(sents []TaggedSentence) float32 {
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	type found struct {
		sent  int
		spans []chunk
	}
	var all []found
	n, correct := 0, 0
	for k, s := range sents {
		gold := chunks(parseTags(s.Tags))
		f := found{sent: k}
		forSpans(tg.run(r.m, r.style, s.Words), func(i, j int, l Label) {
			f.spans = append(f.spans, chunk{i, j, l})
			n++
			if gold[chunk{i, j, l}] {
				correct++
			}
		})
		if len(f.spans) > 0 {
			all = append(all, f)
		}
	}
	if n == 0 {
		return defaultTemperature
	}
	precision := float64(correct) / float64(n)
	meanConfidence := func() float64 {
		var sum float64
		for _, f := range all {
			tags := tg.run(r.m, r.style, sents[f.sent].Words)
			marg := tg.marginals(r.m, tags)
			for _, c := range f.spans {
				sum += spanConfidence(marg, c.start, c.end)
			}
		}
		return sum / float64(n)
	}
	// Bisection on the logarithm: confidence falls as the temperature rises.
	lo, hi := 0.5, 500.0
	for range 25 {
		mid := math.Sqrt(lo * hi)
		r.m.temperature = float32(mid)
		if meanConfidence() > precision {
			lo = mid
		} else {
			hi = mid
		}
	}
	return float32(math.Sqrt(lo * hi))
}

// evaluate tags the words of each sentence and scores them against its tags.
func (r *Recognizer) evaluate(sents []TaggedSentence) (Scores, error) {
	gold := make([][]string, len(sents))
	pred := make([][]string, len(sents))
	for i, s := range sents {
		gold[i] = s.Tags
		pred[i] = r.Tag(s.Words)
	}
	return Evaluate(gold, pred)
}
