package entity

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestForwardBackward checks the CRF's log-likelihood and marginals against
// enumerating every tag sequence of short sentences, in each encoding.
func TestForwardBackward(t *testing.T) {
	for _, enc := range []*encoding{encBIO, encBIOES} {
		testForwardBackward(t, enc)
	}
}

func testForwardBackward(t *testing.T, enc *encoding) {
	nt := enc.n
	rng := rand.New(rand.NewPCG(7, 7))
	nf := 5
	p := newCRFParams(enc, nf)
	p.scale = 0.7
	for i := range p.v {
		p.v[i] = rng.NormFloat64()
	}
	for i := range p.trV {
		p.trV[i] = rng.NormFloat64()
	}
	for n := 1; n <= 4; n++ {
		s := trainSentence{gold: make([]tag, n), feats: make([][]int32, n)}
		for i := range n {
			s.feats[i] = []int32{int32(rng.IntN(nf)), int32(rng.IntN(nf))}
		}
		// A valid gold sequence.
		bio := make([]tag, n)
		bio[0] = tagBORG
		for i := 1; i < n; i++ {
			bio[i] = tagIORG
		}
		s.gold = enc.encode(bio)
		score := func(y []tag) float64 {
			var sc float64
			prev := nt
			for i, t := range y {
				if !enc.allowed[prev*nt+int(t)] || i == len(y)-1 && !enc.final[t] {
					return math.Inf(-1)
				}
				for _, f := range s.feats[i] {
					sc += p.scale * p.v[int(f)*nt+int(t)]
				}
				sc += p.scale * p.trV[prev*nt+int(t)]
				prev = int(t)
			}
			return sc
		}
		// Enumerate.
		var z float64
		node := make([]float64, n*nt)
		edge := make([]float64, (nt+1)*nt)
		y := make([]tag, n)
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				w := math.Exp(score(y))
				z += w
				prev := nt
				for k, t := range y {
					node[k*nt+int(t)] += w
					edge[prev*nt+int(t)] += w
					prev = int(t)
				}
				return
			}
			for t := range nt {
				y[i] = tag(t)
				rec(i + 1)
			}
		}
		rec(0)
		var st crfState
		ll := st.forwardBackward(p, &s)
		if want := score(s.gold) - math.Log(z); math.Abs(ll-want) > 1e-9 {
			t.Errorf("%s, n=%d: log-likelihood %g, want %g", enc.name, n, ll, want)
		}
		for k := range node {
			if d := math.Abs(st.node[k] - node[k]/z); d > 1e-9 {
				t.Errorf("%s, n=%d: node marginal %d: %g, want %g", enc.name, n, k, st.node[k], node[k]/z)
			}
		}
		for k := range edge {
			if d := math.Abs(st.edge[k] - edge[k]/z); d > 1e-9 {
				t.Errorf("%s, n=%d: edge marginal %d: %g, want %g", enc.name, n, k, st.edge[k], edge[k]/z)
			}
		}
	}
}

// TestTrainCRFSmall trains the CRF learner on three sentences: it learns them,
// reports dev scores, and two runs give the same model.
func TestTrainCRFSmall(t *testing.T) {
	train := tinyCorpus()
	var log bytes.Buffer
	opt := TrainOptions{CRF: true, Epochs: 30, Progress: &log}
	r, err := Train(train, train[:1], opt)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "dev F1") {
		t.Errorf("no dev scores in the progress log:\n%s", log.String())
	}
	for _, s := range train {
		if got := r.Tag(s.Words); !slices.Equal(got, s.Tags) {
			t.Errorf("%v: tags %v, want %v", s.Words, got, s.Tags)
		}
	}
	opt.Progress = nil
	r2, err := Train(train, train[:1], opt)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if err := r.WriteModel(&a); err != nil {
		t.Fatal(err)
	}
	if err := r2.WriteModel(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two CRF trainings on the same data gave different models")
	}
}

// TestEncodingBIOES checks the BIOES encoding of BIO tags and back, and that
// a model trained in BIOES, or with transitions for each corpus, learns its
// training sentences and gives BIO tags.
func TestEncodingBIOES(t *testing.T) {
	bio := parseTags(strings.Fields("B-PER I-PER I-PER O B-LOC B-ORG I-ORG O B-PER"))
	got := encBIOES.encode(bio)
	// O=0; PER B=1 I=2 E=3 S=4; ORG 5-8; LOC 9-12.
	want := []tag{1, 2, 3, 0, 12, 5, 7, 0, 4}
	if !slices.Equal(got, want) {
		t.Errorf("encode %v = %v, want %v", bio, got, want)
	}
	prev := encBIOES.n
	for i, e := range got {
		if encBIOES.bio[e] != bio[i] {
			t.Errorf("tag %d: BIO of %d is %v, want %v", i, e, encBIOES.bio[e], bio[i])
		}
		if !encBIOES.allowed[prev*encBIOES.n+int(e)] {
			t.Errorf("tag %d: %d may not follow %d", i, e, prev)
		}
		prev = int(e)
	}
	if !encBIOES.final[prev] {
		t.Errorf("%d may not end a sentence", prev)
	}
	train := tinyCorpus()
	aux := tagged("Pak Budi ke Jakarta .", "B-PER I-PER O B-LOC O")
	aux.Auxiliary = true
	train = append(train, aux)
	for _, opt := range []TrainOptions{{CRF: true, Epochs: 30}, {Ensemble: true, Epochs: 5}, {Ensemble: true, Epochs: 5, domainTrans: true}} {
		if !opt.domainTrans {
			opt.encoding = "bioes"
		}
		r, err := Train(train, train[:1], opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range train {
			rs := r
			if s.Auxiliary {
				rs = r.WithStyle(StyleNERGrit)
			}
			if got := rs.Tag(s.Words); !slices.Equal(got, s.Tags) {
				t.Errorf("%+v: %v: tags %v, want %v", opt, s.Words, got, s.Tags)
			}
		}
		ents := r.Extract("Siti Aminah bekerja di PT Maju.")
		if len(ents) == 0 || ents[0].Confidence <= 0 || ents[0].Confidence > 1 {
			t.Errorf("%+v: Extract gives %+v", opt, ents)
		}
	}
}

// tagged makes a sentence of space-separated words and tags.
func tagged(words, tags string) TaggedSentence {
	return TaggedSentence{Words: strings.Fields(words), Tags: strings.Fields(tags)}
}

// tinyCorpus is three sentences a learner must learn.
func tinyCorpus() []TaggedSentence {
	return []TaggedSentence{
		tagged("Budi pergi ke Jakarta .", "B-PER O O B-LOC O"),
		tagged("Siti Aminah bekerja di PT Maju .", "B-PER I-PER O O B-ORG I-ORG O"),
		tagged("Ani tinggal di Bandung .", "B-PER O O B-LOC O"),
	}
}
