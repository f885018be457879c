package entity

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// plainMarginals is marginals as it was first written, a loop over the tags
// before and after each tag: the reference for the steps marginals writes out.
// Each product is rounded before its sum (float64 forbids fusing them, as
// GOAMD64=v3 otherwise may), as the steps and their lanes do.
func plainMarginals(m *model, emit []float32, tags []tag) []float64 {
	n := len(tags)
	const nt = int(numTags)
	alpha, beta, pot, marg := make([]float64, n*nt), make([]float64, n*nt), make([]float64, n*nt), make([]float64, n)
	temperature := float64(m.temperature)
	if !(temperature > 0) {
		temperature = defaultTemperature
	}
	var tr [(numTags + 1) * numTags]float64
	for p := range numTags + 1 {
		for t := range numTags {
			if allowed(p, t) {
				tr[int(p)*nt+int(t)] = math.Exp(float64(m.trans[int(p)*nt+int(t)]) / temperature)
			}
		}
	}
	for i := range n {
		e := emit[i*nt : (i+1)*nt]
		hi := slices.Max(e)
		for t := range nt {
			if e[t] == hi {
				pot[i*nt+t] = 1
			} else {
				pot[i*nt+t] = math.Exp(float64(e[t]-hi) / temperature)
			}
		}
	}
	for t := range nt {
		alpha[t] = tr[int(numTags)*nt+t] * pot[t]
	}
	normalize((*[nt]float64)(alpha))
	for i := 1; i < n; i++ {
		for t := range nt {
			var s float64
			for _, p := range transPreds[t] {
				s += float64(alpha[(i-1)*nt+int(p)] * tr[int(p)*nt+t])
			}
			alpha[i*nt+t] = s * pot[i*nt+t]
		}
		normalize((*[nt]float64)(alpha[i*nt:]))
	}
	for t := range nt {
		beta[(n-1)*nt+t] = 1
	}
	for i := n - 2; i >= 0; i-- {
		for p := range nt {
			var s float64
			for _, t := range transSuccs[p] {
				s += float64(tr[p*nt+int(t)] * pot[(i+1)*nt+int(t)] * beta[(i+1)*nt+int(t)])
			}
			beta[i*nt+p] = s
		}
		normalize((*[nt]float64)(beta[i*nt:]))
	}
	for i := range n {
		var z float64
		for t := range nt {
			z += float64(alpha[i*nt+t] * beta[i*nt+t])
		}
		p := 0.0
		if z > 0 {
			p = alpha[i*nt+int(tags[i])] * beta[i*nt+int(tags[i])] / z
		}
		if math.IsNaN(p) {
			p = 0
		}
		marg[i] = min(max(p, 0), 1)
	}
	return marg
}

// TestTransSuccs checks the tags after each tag that marginals writes out.
func TestTransSuccs(t *testing.T) {
	for p := range numTags {
		want := []tag{tagO, tagBPER, tagBORG, tagBLOC}
		switch p {
		case tagBPER, tagIPER:
			want = []tag{tagO, tagBPER, tagIPER, tagBORG, tagBLOC}
		case tagBORG, tagIORG:
			want = []tag{tagO, tagBPER, tagBORG, tagIORG, tagBLOC}
		case tagBLOC, tagILOC:
			want = []tag{tagO, tagBPER, tagBORG, tagBLOC, tagILOC}
		}
		if !slices.Equal(transSuccs[p], want) {
			t.Errorf("tags after %s: %v, marginals assumes %v", p, transSuccs[p], want)
		}
	}
}

// TestMarginals checks marginals against its plain form, bit for bit, on the
// sentences of the dev sets with the embedded model, and on random scores.
func TestMarginals(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Default().get().m
	tg := &tagger{fz: featurizer{gaz: g}}
	for _, words := range cacheSentences(t) {
		if len(words) == 0 {
			continue
		}
		for _, style := range []Style{StyleDefault, StyleNERGrit} {
			tags := tg.run(m, style, words)
			got := tg.marginals(m, tags)
			if want := plainMarginals(m, tg.emit, tags); !slices.Equal(got, want) {
				t.Fatalf("%s %q: marginals %v, plain %v", style, words, got, want)
			}
		}
	}
	rng := rand.New(rand.NewPCG(7, 8))
	rm := &model{temperature: 3}
	for range 2000 {
		tags := randomSentence(rng, rm, tg)
		got := tg.marginals(rm, tags)
		if want := plainMarginals(rm, tg.emit, tags); !slices.Equal(got, want) {
			t.Fatalf("random scores %v: marginals %v, plain %v", tg.emit, got, want)
		}
	}
}

// TestMarginalsIn checks that marginalsIn gives the marginals of its stretch of
// tokens bit for bit, for stretches of every length, on random scores and on
// the sentences of the dev sets.
func TestMarginalsIn(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Default().get().m
	tg := &tagger{fz: featurizer{gaz: g}}
	rng := rand.New(rand.NewPCG(9, 10))
	check := func(name string, m *model, tags []tag) {
		n := len(tags)
		want := slices.Clone(tg.marginals(m, tags))
		for range 4 {
			lo := rng.IntN(n)
			hi := lo + 1 + rng.IntN(n-lo)
			// Stale values from a longer sentence must not matter.
			for i := range tg.marg {
				tg.marg[i] = -1
			}
			got := tg.marginalsIn(m, tags, lo, hi)
			if !slices.Equal(got[lo:hi], want[lo:hi]) {
				t.Fatalf("%s: marginalsIn(%d, %d) %v, marginals %v", name, lo, hi, got[lo:hi], want[lo:hi])
			}
		}
	}
	for _, words := range cacheSentences(t) {
		if len(words) == 0 {
			continue
		}
		check("dev", m, tg.run(m, StyleDefault, words))
	}
	rm := &model{temperature: 3}
	for range 2000 {
		tags := randomSentence(rng, rm, tg)
		check("random", rm, tags)
	}
}

// FuzzMarginalsIn checks marginalsIn against marginals on the words of any
// text, for any stretch of it.
func FuzzMarginalsIn(f *testing.F) {
	f.Add("Pavel Durov mendirikan Telegram di Rusia .", uint8(1), uint8(3))
	f.Add("KPK memeriksa Bupati Bekasi", uint8(0), uint8(9))
	g, err := defaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	m := Default().get().m
	tg := &tagger{fz: featurizer{gaz: g}}
	f.Fuzz(func(t *testing.T, text string, a, b uint8) {
		words := strings.Fields(text)
		n := len(words)
		if n == 0 {
			return
		}
		lo := int(a) % n
		hi := lo + 1 + int(b)%(n-lo)
		for _, style := range []Style{StyleDefault, StyleNERGrit} {
			tags := tg.run(m, style, words)
			want := slices.Clone(tg.marginals(m, tags))
			if got := tg.marginalsIn(m, tags, lo, hi); !slices.Equal(got[lo:hi], want[lo:hi]) {
				t.Fatalf("%s %q [%d, %d): marginalsIn %v, marginals %v", style, words, lo, hi, got[lo:hi], want[lo:hi])
			}
		}
	})
}

// randomSentence gives rm random transitions and tg random emissions for a
// sentence of 1 to 30 tokens, and returns its Viterbi tags.
func randomSentence(rng *rand.Rand, rm *model, tg *tagger) []tag {
	n := 1 + rng.IntN(30)
	for i := range rm.trans {
		rm.trans[i] = float32(rng.NormFloat64() * 5)
	}
	tg.emit = make([]float32, n*int(numTags))
	for i := range tg.emit {
		tg.emit[i] = float32(rng.IntN(41) - 20)
	}
	tags := make([]tag, n)
	viterbi(rm.trans[:], tg.emit, n, make([]uint8, n*int(numTags)), tags)
	return tags
}

// TestRunSetsEveryScore checks that tagging with a packed model, which does
// not zero the emissions first, sets every score: a tagger whose scores are
// left NaN from before tags and scores as one whose scores start zeroed.
func TestRunSetsEveryScore(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Default().get().m
	dirty, clean := &tagger{fz: featurizer{gaz: g}}, &tagger{fz: featurizer{gaz: g}}
	nan := float32(math.NaN())
	for k, words := range cacheSentences(t) {
		style := []Style{StyleDefault, StyleNERGrit}[k%2]
		dirty.emit = dirty.emit[:cap(dirty.emit)]
		for i := range dirty.emit {
			dirty.emit[i] = nan
		}
		clean.emit = nil
		got := slices.Clone(dirty.run(m, style, words))
		want := clean.run(m, style, words)
		if !slices.Equal(got, want) || !slices.Equal(dirty.emit, clean.emit) {
			t.Fatalf("%q: tags %v, scores %v; from zeroed scores %v, %v", words, got, dirty.emit, want, clean.emit)
		}
	}
}

// TestPasses checks the forward and backward passes in the lanes of
// forwardSteps and backwardSteps against forward and backward, marginal for
// marginal, bit for bit, on random potentials (ties at 1, exact zeros, tiny
// ones), random transitions (some 0, some large enough that sums overflow)
// and random stretches.
func TestPasses(t *testing.T) {
	if !hasAVX2 {
		t.Skip("forwardSteps and backwardSteps do not run here")
	}
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(27, 28))
	vec, plain := &tagger{}, &tagger{}
	for k := range 20000 {
		n := 1 + rng.IntN(40)
		for p := range numTags + 1 {
			for q := range numTags {
				x := 0.0
				if allowed(p, q) {
					x = math.Exp(rng.NormFloat64() * []float64{1, 3, 30, 300}[k%4])
					if rng.IntN(20) == 0 {
						x = 0
					}
				}
				vec.tr[int(p)*nt+int(q)], plain.tr[int(p)*nt+int(q)] = x, x
			}
		}
		for p := range nt {
			for q := range nt {
				vec.trCol[q][p] = vec.tr[p*nt+q]
				plain.trCol[q][p] = plain.tr[p*nt+q]
			}
		}
		pot := make([]float64, n*nt)
		tags := make([]tag, n)
		for i := range pot {
			switch rng.IntN(6) {
			case 0:
				pot[i] = 1
			case 1:
				pot[i] = 0
			case 2:
				pot[i] = math.Exp(-rng.Float64() * 700)
			default:
				pot[i] = rng.Float64()
			}
		}
		for i := range tags {
			tags[i] = tag(rng.IntN(nt))
		}
		lo := rng.IntN(n)
		hi := lo + 1 + rng.IntN(n-lo)
		got, want := make([]float64, n), make([]float64, n)
		vec.passes(make([]float64, n*nt), pot, got, tags, lo, hi, true)
		plain.passes(make([]float64, n*nt), pot, want, tags, lo, hi, false)
		for i := lo; i < hi; i++ {
			if math.Float64bits(got[i]) != math.Float64bits(want[i]) {
				t.Fatalf("n %d [%d, %d), potentials %v, transitions %v: marginal %d %v, forward and backward's %v", n, lo, hi, pot, vec.tr, i, got[i], want[i])
			}
		}
	}
}
