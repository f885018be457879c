package entity

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestOLeads checks the shortcut of viterbi: when oLeads says that O's path
// leads by oLead, comparing the sums of every tag before, as viterbi does
// otherwise, finds O's first best for O and each B- tag. The scores are
// random, of every size, and lead by about oLead's value, within a few units
// in the last place of either side; the test fails unless both answers occur.
func TestOLeads(t *testing.T) {
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(11, 12))
	var tr [(numTags + 1) * numTags]float32
	yes, no := 0, 0
	for range 200000 {
		scale := math.Pow(10, float64(rng.IntN(9)-4))
		for k := range tr {
			tr[k] = float32(rng.NormFloat64() * scale)
			if rng.IntN(8) == 0 {
				tr[k] = tr[rng.IntN(len(tr))] // ties
			}
		}
		lead := oLead(&tr)
		var p [numTags]float32
		p[0] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(10)-3)))
		for k := 1; k < nt; k++ {
			// The gain of k's transitions over O's, which O's lead must
			// exceed after rounding.
			gain := math.Inf(-1)
			for _, next := range [...]int{int(tagO), int(tagBPER), int(tagBORG), int(tagBLOC)} {
				gain = max(gain, float64(tr[k*nt+next])-float64(tr[next]))
			}
			gap := float64(lead) + math.Abs(float64(p[0]))*0x1p-16
			switch rng.IntN(4) {
			case 0:
				gap = max(gain, 0)
			case 1:
				gap *= 1 + rng.NormFloat64()*0x1p-20
			case 2:
				gap *= 1 + rng.Float64()
			default:
				gap = rng.Float64() * gap * 2
			}
			p[k] = float32(float64(p[0]) - gap)
			for range rng.IntN(4) {
				p[k] = math.Nextafter32(p[k], float32(math.Inf(1-2*rng.IntN(2))))
			}
		}
		if !oLeads(lead, p[0], p[1], p[2], p[3], p[4], p[5], p[6]) {
			no++
			continue
		}
		yes++
		for _, next := range [...]int{int(tagO), int(tagBPER), int(tagBORG), int(tagBLOC)} {
			best, arg := p[0]+tr[next], 0
			for k := 1; k < nt; k++ {
				if s := p[k] + tr[k*nt+next]; s > best {
					best, arg = s, k
				}
			}
			if arg != 0 {
				t.Fatalf("scores %v, transitions %v: oLeads, but the best before %s is %s", p, tr, tag(next), tag(arg))
			}
		}
	}
	if yes == 0 || no == 0 {
		t.Fatalf("oLeads said yes %d times, no %d: the test misses a case", yes, no)
	}
}

// TestOLeadNotFinite checks that transition weights not finite turn the
// shortcut of viterbi off.
func TestOLeadNotFinite(t *testing.T) {
	for _, x := range []float32{float32(math.NaN()), float32(math.Inf(1)), float32(math.Inf(-1))} {
		var tr [(numTags + 1) * numTags]float32
		tr[int(numTags)+int(tagBORG)] = x
		if lead := oLead(&tr); oLeads(lead, 1e30, -1e30, -1e30, -1e30, -1e30, -1e30, -1e30) {
			t.Errorf("a transition weight of %v: oLeads", x)
		}
	}
}

// plainViterbi is the plain form of viterbi, every pair of tags in the
// inner loop: the reference the tests compare it with.
func plainViterbi(trans, emit []float32, n int) []tag {
	const neg = -math.MaxFloat32
	nt := int(numTags)
	score := make([]float32, n*nt)
	back := make([]tag, n*nt)
	for j := range nt {
		score[j] = neg
		if allowed(numTags, tag(j)) {
			score[j] = emit[j] + trans[nt*nt+j]
		}
	}
	for i := 1; i < n; i++ {
		for j := range nt {
			best, arg := float32(neg), tag(0)
			for p := range nt {
				if score[(i-1)*nt+p] == neg || !allowed(tag(p), tag(j)) {
					continue
				}
				if s := score[(i-1)*nt+p] + trans[p*nt+j]; s > best {
					best, arg = s, tag(p)
				}
			}
			score[i*nt+j] = neg
			if best != neg {
				score[i*nt+j] = best + emit[i*nt+j]
			}
			back[i*nt+j] = arg
		}
	}
	out := make([]tag, n)
	best := float32(neg)
	for j := range nt {
		if s := score[(n-1)*nt+j]; s > best {
			best, out[n-1] = s, tag(j)
		}
	}
	for i := n - 1; i > 0; i-- {
		out[i-1] = back[i*nt+int(out[i])]
	}
	return out
}

// TestViterbiLeads checks viterbi against plainViterbi on the scores of news
// text, where O mostly leads, on random transitions and lengths: the
// shortcut of O's lead (oLeads) taken at most steps, but not all.
func TestViterbiLeads(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	for range 3000 {
		n := 1 + rng.IntN(40)
		trans := make([]float32, (numTags+1)*numTags)
		for i := range trans {
			trans[i] = float32(rng.NormFloat64() * 3)
		}
		emit := make([]float32, n*int(numTags))
		for i := range emit {
			emit[i] = float32(rng.NormFloat64() * 4)
			if i%int(numTags) == 0 && rng.IntN(5) != 0 {
				emit[i] += float32(rng.IntN(30)) // O leads
			}
		}
		got := make([]tag, n)
		viterbi(trans, emit, n, make([]uint8, n*int(numTags)), got)
		if want := plainViterbi(trans, emit, n); !slices.Equal(got, want) {
			t.Fatalf("n %d: viterbi %v, want %v", n, got, want)
		}
	}
}

// TestRunTransChange checks that a tagger tags with the transition weights its
// model has now: one that tagged with other weights of the same model (whose
// lead and potentials it keeps) tags and scores as a new tagger does.
func TestRunTransChange(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := *Default().get().m // a copy whose weights change
	used := &tagger{fz: featurizer{gaz: g}}
	rng := rand.New(rand.NewPCG(15, 16))
	words := strings.Fields("Pavel Durov mendirikan Telegram di Rusia , kata juru bicara KPK di Jakarta .")
	for k := range 200 {
		for i := range m.trans {
			m.trans[i] = float32(rng.NormFloat64() * float64(1+k%7*10))
		}
		if k%5 == 0 {
			m.trans[rng.IntN(len(m.trans))] = float32(math.Copysign(0, -1))
		}
		fresh := &tagger{fz: featurizer{gaz: g}}
		got, want := slices.Clone(used.run(&m, StyleDefault, words)), fresh.run(&m, StyleDefault, words)
		if !slices.Equal(got, want) {
			t.Fatalf("weights %d: tags %v, a new tagger's %v", k, got, want)
		}
		if gm, wm := used.marginals(&m, got), fresh.marginals(&m, want); !slices.Equal(gm, wm) {
			t.Fatalf("weights %d: marginals %v, a new tagger's %v", k, gm, wm)
		}
	}
}

// TestViterbiSmall checks viterbiLead's sums for small scores (smallScores)
// against scoreAt's, on random scores of every size below 2^103, paths of
// score neg and near it (and sums that overflow, where plainViterbi, which
// skips the paths of score neg, may choose otherwise), and the scores of the
// largest integer weights of a table of the largest small scale.
func TestViterbiSmall(t *testing.T) {
	const neg = -math.MaxFloat32
	big := float32(math.Nextafter32(0x1p72, 0)) // the largest small scale
	if !smallScores(&table{scale: big}) || smallScores(&table{scale: 0x1p72}) || smallScores(&table{scale: float32(math.NaN())}) {
		t.Fatal("smallScores does not draw its line at 2^72")
	}
	for _, q := range []int32{math.MinInt32, math.MaxInt32} {
		if e := float32(q) * big; neg+e != neg || scoreAt(neg, e) != neg {
			t.Fatalf("neg + %g = %g, not neg", e, neg+e)
		}
	}
	rng := rand.New(rand.NewPCG(17, 18))
	sizes := []float32{1, 1e6, 1e30, 0x1p102, float32(math.MaxInt32) * big}
	for range 3000 {
		n := 1 + rng.IntN(30)
		trans := make([]float32, (numTags+1)*numTags)
		for i := range trans {
			trans[i] = float32(rng.NormFloat64()) * sizes[rng.IntN(3)]
			if rng.IntN(10) == 0 {
				trans[i] = []float32{neg, -3e38, 3e38}[rng.IntN(3)]
			}
		}
		emit := make([]float32, n*int(numTags))
		for i := range emit {
			emit[i] = float32(rng.NormFloat64()) * sizes[rng.IntN(len(sizes))]
			if emit[i] > sizes[len(sizes)-1] || emit[i] < -sizes[len(sizes)-1] {
				emit[i] = sizes[len(sizes)-1]
			}
		}
		lead := oLead((*[(numTags + 1) * numTags]float32)(trans))
		got, want := make([]tag, n), make([]tag, n)
		smallTr := smallTrans((*[(numTags + 1) * numTags]float32)(trans))
		viterbiLead(trans, emit, n, make([]uint8, n*int(numTags)), got, lead, true, smallTr)
		viterbiLead(trans, emit, n, make([]uint8, n*int(numTags)), want, lead, false, false)
		if !slices.Equal(got, want) {
			t.Fatalf("n %d, scores %v, transitions %v: small %v, scoreAt's %v", n, emit, trans, got, want)
		}
	}
}

// TestVitSteps checks viterbiLead's steps in vitSteps' lanes from token 1 on
// (small scores and transitions, on a machine with AVX2) against its steps
// in Go and plainViterbi, tags for tags and every tag before, on 10,000
// random sentences: half with many ties (small integers, where the first
// best decides), half with scores of every size, O leading or not.
// (TestViterbiSmall has the large transitions, where vitSteps starts at
// token 2.)
func TestVitSteps(t *testing.T) {
	if !hasAVX2 {
		t.Skip("vitSteps does not run here")
	}
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(25, 26))
	for k := range 10000 {
		n := 2 + rng.IntN(40)
		trans := make([]float32, (numTags+1)*numTags)
		emit := make([]float32, n*nt)
		ties := k%2 == 0
		for i := range trans {
			if ties {
				trans[i] = float32(rng.IntN(5) - 2)
			} else {
				trans[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(6)-2)))
			}
		}
		for i := range emit {
			if ties {
				emit[i] = float32(rng.IntN(7) - 3)
			} else {
				emit[i] = float32(rng.NormFloat64() * math.Pow(10, float64(rng.IntN(6)-2)))
			}
			if i%nt == 0 && k%3 == 0 {
				emit[i] += float32(rng.IntN(30)) // O leads
			}
		}
		lead := oLead((*[(numTags + 1) * numTags]float32)(trans))
		got, want := make([]tag, n), make([]tag, n)
		back, wantBack := make([]uint8, n*nt), make([]uint8, n*nt)
		viterbiLead(trans, emit, n, back, got, lead, true, true)
		viterbiLead(trans, emit, n, wantBack, want, lead, false, false)
		if !slices.Equal(got, want) {
			t.Fatalf("n %d, scores %v, transitions %v: vitSteps' tags %v, Go's %v", n, emit, trans, got, want)
		}
		// The tags before of the lanes the lead decides are written
		// as the comparisons find them, every one of them the same.
		viterbiLead(trans, emit, n, wantBack, want, float32(math.Inf(1)), false, false)
		if !slices.Equal(back, wantBack) {
			t.Fatalf("n %d, scores %v, transitions %v: vitSteps' tags before %v, Go's %v", n, emit, trans, back, wantBack)
		}
		if plain := plainViterbi(trans, emit, n); !slices.Equal(got, plain) {
			t.Fatalf("n %d, scores %v, transitions %v: vitSteps' tags %v, plainViterbi's %v", n, emit, trans, got, plain)
		}
	}
}
