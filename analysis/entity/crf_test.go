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
// enumerating every tag sequence of short sentences.
func TestForwardBackward(t *testing.T) {
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(7, 7))
	nf := 5
	p := &crfParams{v: make([]float64, nf*nt), scale: 0.7}
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
		s.gold[0] = tagBORG
		for i := 1; i < n; i++ {
			s.gold[i] = tagIORG
		}
		score := func(y []tag) float64 {
			var sc float64
			prev := numTags
			for i, t := range y {
				if !allowed(prev, t) {
					return math.Inf(-1)
				}
				for _, f := range s.feats[i] {
					sc += p.scale * p.v[int(f)*nt+int(t)]
				}
				sc += p.scale * p.trV[int(prev)*nt+int(t)]
				prev = t
			}
			return sc
		}
		// Enumerate.
		var z float64
		node := make([]float64, n*nt)
		var edge [(numTags + 1) * numTags]float64
		y := make([]tag, n)
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				w := math.Exp(score(y))
				z += w
				prev := numTags
				for k, t := range y {
					node[k*nt+int(t)] += w
					edge[int(prev)*nt+int(t)] += w
					prev = t
				}
				return
			}
			for t := range numTags {
				y[i] = t
				rec(i + 1)
			}
		}
		rec(0)
		var st crfState
		ll := st.forwardBackward(p, &s)
		if want := score(s.gold) - math.Log(z); math.Abs(ll-want) > 1e-9 {
			t.Errorf("n=%d: log-likelihood %g, want %g", n, ll, want)
		}
		for k := range node {
			if d := math.Abs(st.node[k] - node[k]/z); d > 1e-9 {
				t.Errorf("n=%d: node marginal %d: %g, want %g", n, k, st.node[k], node[k]/z)
			}
		}
		for k := range edge {
			if d := math.Abs(st.edge[k] - edge[k]/z); d > 1e-9 {
				t.Errorf("n=%d: edge marginal %d: %g, want %g", n, k, st.edge[k], edge[k]/z)
			}
		}
	}
}

// TestTrainCRFSmall trains the CRF learner on three sentences: it learns them,
// reports dev scores, and two runs give the same model.
func TestTrainCRFSmall(t *testing.T) {
	mk := func(words, tags string) TaggedSentence {
		return TaggedSentence{Words: strings.Fields(words), Tags: strings.Fields(tags)}
	}
	train := []TaggedSentence{
		mk("Budi pergi ke Jakarta .", "B-PER O O B-LOC O"),
		mk("Siti Aminah bekerja di PT Maju .", "B-PER I-PER O O B-ORG I-ORG O"),
		mk("Ani tinggal di Bandung .", "B-PER O O B-LOC O"),
	}
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
