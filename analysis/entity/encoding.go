package entity

import "math"

// The learners' label encodings. The run-time model, its packed table and
// the stages after it speak BIO (tags.go); a learner may train on a finer
// encoding of the same spans, BIOES (also called BILOU: Begin, Inside, End,
// Single), whose tags tell a name's last word and a one-word name from the
// others, which helps linear models (Ratinov and Roth 2009). A model trained
// in BIOES tags in BIOES and gives BIO tags to the stages after it; it is a
// float model only (the packed table holds numTags weights a slot), for
// cross-validating the encoding (see TestCrossValidation).
//
// BIO stays the encoding of the embedded model: 4-fold cross-validation of
// the ensemble on the training corpora, unpruned, gives F1 0.8394 on
// idner-news-2k and 0.7380 on NERGrit in BIO, 0.8403 and 0.7368 in BIOES
// (TELAAH_NER_CV_SET=encoding=bioes), differences below those between two
// seeds; BIOES would double the table's slot and the work of Viterbi.

// An encoding is a tag set for the learners over the labels PER, ORG and LOC.
// Its tags are stored in the type tag, which names the BIO ones.
type encoding struct {
	name string
	// n is the number of tags.
	n int
	// allowed[p*n+t] reports whether t may follow p; p == n is the start of
	// a sentence.
	allowed []bool
	// final[t] reports whether t may end a sentence.
	final []bool
	// notFinal is true when some tag may not end a sentence.
	notFinal bool
	// preds[t] lists, in increasing order, the tags that may precede t.
	preds [][]tag
	// bio[t] is the BIO tag of t.
	bio []tag
	// encode returns the tags of the encoding of a BIO sequence.
	encode func(gold []tag) []tag
}

// newEncoding returns the encoding of n tags with the given constraints.
func newEncoding(name string, n int, allowed func(p, t int) bool, final func(t int) bool, bio func(t int) tag, encode func([]tag) []tag) *encoding {
	e := &encoding{name: name, n: n, allowed: make([]bool, (n+1)*n), final: make([]bool, n),
		preds: make([][]tag, n), bio: make([]tag, n), encode: encode}
	for p := range n + 1 {
		for t := range n {
			e.allowed[p*n+t] = allowed(p, t)
			if p < n && allowed(p, t) {
				e.preds[t] = append(e.preds[t], tag(p))
			}
		}
	}
	for t := range n {
		e.final[t] = final(t)
		e.notFinal = e.notFinal || !e.final[t]
		e.bio[t] = bio(t)
	}
	return e
}

// encBIO is the run-time model's encoding.
var encBIO = newEncoding("bio", int(numTags),
	func(p, t int) bool { return allowed(tag(p), tag(t)) },
	func(int) bool { return true },
	func(t int) tag { return tag(t) },
	func(gold []tag) []tag { return gold })

// The kinds of a BIOES tag of a label: tag 1+4·label+kind, the labels in the
// order PER, ORG, LOC (as in BIO); tag 0 is O.
const (
	kindB = iota
	kindI
	kindE
	kindS
)

// encBIOES is the encoding that tells the last word of a name (E-) and a
// one-word name (S-) from the others.
var encBIOES = newEncoding("bioes", 13,
	func(p, t int) bool {
		if p == 13 || p == 0 || (p-1)%4 >= kindE {
			// After the start, O, E- or S-: O, B- or S-.
			return t == 0 || (t-1)%4 == kindB || (t-1)%4 == kindS
		}
		// After B- or I-: I- or E- of the same label.
		return t != 0 && (t-1)/4 == (p-1)/4 && ((t-1)%4 == kindI || (t-1)%4 == kindE)
	},
	func(t int) bool { return t == 0 || (t-1)%4 >= kindE },
	func(t int) tag {
		if t == 0 {
			return tagO
		}
		l, k := (t-1)/4, (t-1)%4
		if k == kindB || k == kindS {
			return tagBPER + tag(2*l)
		}
		return tagIPER + tag(2*l)
	},
	func(gold []tag) []tag {
		out := make([]tag, len(gold))
		for i, t := range gold {
			if t == tagO {
				continue
			}
			l := int(t-1) / 2
			cont := i+1 < len(gold) && gold[i+1].isInside() && gold[i+1].label() == t.label()
			k := kindE
			switch {
			case t.isBegin() && cont:
				k = kindB
			case t.isBegin():
				k = kindS
			case cont:
				k = kindI
			}
			out[i] = tag(1 + 4*l + k)
		}
		return out
	})

// encodingNamed returns the encoding called name ("" is BIO), or nil.
func encodingNamed(name string) *encoding {
	switch name {
	case "", "bio":
		return encBIO
	case "bioes", "bilou":
		return encBIOES
	}
	return nil
}

// wideWeights are the weights of a float model in an encoding other than BIO
// or with transitions for each corpus:
// enc.n weights per feature (rows as the model's keys say), and the
// transitions, (enc.n+1)×enc.n, or twice that for a model with transitions
// for each corpus (TrainOptions.domainTrans), the main corpus's first.
type wideWeights struct {
	enc     *encoding
	weights []float32
	trans   []float32
}

// transFor returns the transitions of style s: the auxiliary corpus's in
// StyleNERGrit when the model has transitions for each corpus.
func (w *wideWeights) transFor(s Style) []float32 {
	ntr := (w.enc.n + 1) * w.enc.n
	if len(w.trans) == 2*ntr && s == StyleNERGrit {
		return w.trans[ntr:]
	}
	return w.trans[:ntr]
}

// newModel returns the float model of the given keys, weights (e.n a
// feature) and transitions ((e.n+1)×e.n) in encoding e.
func (e *encoding) newModel(keys []uint32, w, tr []float32) *model {
	if e == encBIO && len(tr) == (e.n+1)*e.n {
		m := newModel(keys, w)
		copy(m.trans[:], tr)
		return m
	}
	m := newModel(keys, nil)
	m.wide = &wideWeights{enc: e, weights: w, trans: tr}
	return m
}

// floatWeights returns the weights and the transitions of a float model, in
// its encoding.
func (m *model) floatWeights() (w, tr []float32) {
	if m.wide != nil {
		return m.wide.weights, m.wide.trans
	}
	return m.weights, m.trans[:]
}

// encoding returns the encoding of m.
func (m *model) encoding() *encoding {
	if m.wide != nil {
		return m.wide.enc
	}
	return encBIO
}

// decode finds the best sequence of e's tags for the emission scores (n×e.n,
// row-major) under the transition weights and e's constraints, writing it to
// out; back is scratch space of n×e.n.
func (e *encoding) decode(trans, emit []float32, n int, back []uint8, out []tag) {
	if e == encBIO {
		viterbi(trans, emit, n, back, out)
		return
	}
	if n == 0 {
		return
	}
	nt := e.n
	const neg = -math.MaxFloat32
	var prevA, curA [16]float32
	prev, cur := prevA[:nt], curA[:nt]
	for t := range nt {
		if e.allowed[nt*nt+t] {
			prev[t] = emit[t] + trans[nt*nt+t]
		} else {
			prev[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		for t := range nt {
			best, arg := float32(neg), uint8(0)
			for _, p := range e.preds[t] {
				if prev[p] == neg {
					continue
				}
				if s := prev[p] + trans[int(p)*nt+t]; s > best {
					best, arg = s, uint8(p)
				}
			}
			if best == neg {
				cur[t] = neg
			} else {
				cur[t] = best + emit[i*nt+t]
			}
			back[i*nt+t] = arg
		}
		copy(prev, cur)
	}
	best, arg := float32(neg), tag(0)
	for t := range nt {
		if e.final[t] && prev[t] > best {
			best, arg = prev[t], tag(t)
		}
	}
	out[n-1] = arg
	for i := n - 1; i > 0; i-- {
		arg = tag(back[i*nt+int(arg)])
		out[i-1] = arg
	}
}

// runWide is tagger.run for a wide float model: it tags in the model's
// encoding (into tg.wide) and returns the BIO tags, leaving the emissions (n×e.n)
// in tg.emit for marginalsWide.
func (tg *tagger) runWide(m *model, style Style, words []string) []tag {
	e := m.wide.enc
	nt := e.n
	n := len(words)
	tg.tags = grow(tg.tags, n)
	if n == 0 {
		return tg.tags
	}
	tg.fz.sentence(words)
	head := tg.fz.headline()
	tg.emit = grow(tg.emit, n*nt)
	clear(tg.emit)
	tg.back = grow(tg.back, n*nt)
	d := copyDomain(m, style)
	for i := range n {
		m.addRows(tg.emit[i*nt:(i+1)*nt], tg.tokenKeys(words, i, head, d), m.wide.weights)
	}
	tg.wideTrans = m.wide.transFor(style)
	e.decode(tg.wideTrans, tg.emit, n, tg.back, tg.tags)
	for i, t := range tg.tags {
		tg.tags[i] = e.bio[t]
	}
	return tg.tags
}

// marginalsWide is tagger.marginals for a wide float model, after runWide:
// the probability of a token's BIO tag is the sum of those of the tags of the
// encoding that are that BIO tag.
func (tg *tagger) marginalsWide(m *model, tags []tag) []float64 {
	e := m.wide.enc
	nt := e.n
	n := len(tags)
	alpha, beta, pot := make([]float64, n*nt), make([]float64, n*nt), make([]float64, n*nt)
	tg.marg = grow(tg.marg, n)
	temperature := float64(m.temperature)
	if !(temperature > 0) {
		temperature = defaultTemperature
	}
	tr := make([]float64, (nt+1)*nt)
	for k := range tr {
		if e.allowed[k] {
			tr[k] = math.Exp(float64(tg.wideTrans[k]) / temperature)
		}
	}
	for i := range n {
		em := tg.emit[i*nt : (i+1)*nt]
		hi := em[0]
		for _, x := range em[1:] {
			hi = max(hi, x)
		}
		for t := range nt {
			pot[i*nt+t] = math.Exp(float64(em[t]-hi) / temperature)
			if i == n-1 && !e.final[t] {
				pot[i*nt+t] = 0
			}
		}
	}
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
		alpha[t] = tr[nt*nt+t] * pot[t]
	}
	norm(alpha[:nt])
	for i := 1; i < n; i++ {
		for t := range nt {
			var s float64
			for _, p := range e.preds[t] {
				s += alpha[(i-1)*nt+int(p)] * tr[int(p)*nt+t]
			}
			alpha[i*nt+t] = s * pot[i*nt+t]
		}
		norm(alpha[i*nt : (i+1)*nt])
	}
	for t := range nt {
		beta[(n-1)*nt+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for p := range nt {
			var s float64
			for t := range nt {
				s += tr[p*nt+t] * pot[(i+1)*nt+t] * beta[(i+1)*nt+t]
			}
			beta[i*nt+p] = s
		}
		norm(beta[i*nt : (i+1)*nt])
	}
	for i := range n {
		var z, p float64
		for t := range nt {
			x := alpha[i*nt+t] * beta[i*nt+t]
			z += x
			if e.bio[t] == tags[i] {
				p += x
			}
		}
		if z > 0 {
			p /= z
		} else {
			p = 0
		}
		if math.IsNaN(p) {
			p = 0
		}
		tg.marg[i] = min(max(p, 0), 1)
	}
	return tg.marg
}
