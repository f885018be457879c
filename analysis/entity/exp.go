package entity

import (
	"math"
	"sync"
)

// The emission potentials of marginals are math.Exp's values, bit for bit
// (the confidences are pinned): six calls a token, more than a third of
// marginals' instructions, around each of which every value in a register
// is saved. On amd64 math.Exp is an assembly routine that takes a fused path
// when the processor has FMA; the macro EXP8 of exp_amd64.s is that path,
// the same operations in the same order, four lanes at a time (twice,
// interleaved), and potRows computes a sentence's potentials with it, a
// token in one step.
// potentials uses it where expKind says that math.Exp gives its values, and
// calls math.Exp elsewhere.

// expMin is the least argument of EXP8: from about -708.4 on math.Exp's
// result is subnormal, reached by another path of the routine.
const expMin = -700

// The kinds of math.Exp that expKind tells apart.
const (
	expCall = iota // potentials calls math.Exp
	expVec         // math.Exp(x) is EXP8's lanes for x in [expMin, 0]
)

// expKind returns the kind of math.Exp on this machine, found by probing
// at its first call (0.4 ms; a program that tags nothing does not pay it).
var expKind = sync.OnceValue(probeExp)

// probeExp tells whether EXP8 may stand for math.Exp: potRows runs here, and
// potentialsVec gives potentialsCall's values, bit for bit, on every row of
// expProbes (TestExpProbes checks that the routine's other path, which
// math.Exp takes without FMA, differs on some, so that a machine whose
// math.Exp takes it fails the probe).
func probeExp() int {
	if !(hasAVX2 && hasFMA) {
		return expCall
	}
	emit := expProbes()
	want := make([]float64, len(emit))
	got := make([]float64, len(emit))
	potentialsCall(want, emit, defaultTemperature)
	potentialsVec(got, emit, defaultTemperature)
	for k := range want {
		if math.Float64bits(got[k]) != math.Float64bits(want[k]) {
			return expCall
		}
	}
	return expVec
}

// expProbes are the emission scores probeExp tries: rows whose best tag
// scores 0, the others spread over the scores whose potentials at the
// default temperature take EXP8 (and a few beyond), as the scores of a
// packed model are: integers times a scale.
func expProbes() []float32 {
	const rows = 1024
	emit := make([]float32, 0, rows*int(numTags))
	for r := range rows {
		emit = append(emit, 0)
		for k := 1; k < int(numTags); k++ {
			q := (r*int(numTags) + k) * 2
			emit = append(emit, -float32(q)*0.0977)
		}
	}
	return append(emit, 0, -14000, -14001, -0.5, -1e-30, -20*math.Ln2, float32(math.Inf(-1)))
}

// potentialsVec is potentials with potRows (EXP8's lanes) for the tokens
// whose arguments are all in [expMin, 0], potentialsCall (math.Exp) for the
// others.
func potentialsVec(pot []float64, emit []float32, temperature float64) {
	const nt = int(numTags)
	for {
		rows := min(len(emit), len(pot)) / nt
		if rows == 0 {
			return
		}
		done := potRows(&pot[0], &emit[0], rows, temperature)
		pot, emit = pot[done*nt:], emit[done*nt:]
		if done < rows {
			// Far below the best, or not a number.
			potentialsCall(pot[:nt], emit[:nt], temperature)
			pot, emit = pot[nt:], emit[nt:]
		}
	}
}
