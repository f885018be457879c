package entity

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"
)

// expPlain is math.Exp(x) for x in [expMin, 0] on amd64 without FMA: the
// other path of math.Exp's routine, each product rounded before its sum.
func expPlain(x float64) float64 {
	const (
		log2e = 1.4426950408889634073599246810018920
		ln2U  = 0.69314718055966295651160180568695068359375
		ln2L  = 0.28235290563031577122588448175013436025525412068e-12
	)
	k := math.RoundToEven(float64(x * log2e))
	r := x - float64(k*ln2U)
	r -= float64(k * ln2L)
	r = float64(r * 0.0625)
	q := float64(2.4801587301587301587e-5*r) + 1.9841269841269841270e-4
	for _, c := range []float64{1.3888888888888888889e-3, 8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1} {
		q = float64(q*r) + c
	}
	y := float64(r * q)
	for range 4 {
		y = float64(y * (y + 2))
	}
	y++
	return y * math.Float64frombits(uint64(int64(k)+1023)<<52)
}

// TestExpProbes checks that the probes of probeExp tell EXP8 from the other
// path of math.Exp's routine (they differ on some row), so that a machine
// whose math.Exp takes that path fails the probe; and that on a machine with
// AVX2 and FMA EXP8 passes it.
func TestExpProbes(t *testing.T) {
	if !(hasAVX2 && hasFMA) {
		t.Skip("EXP8 does not run here")
	}
	emit := expProbes()
	vec := make([]float64, len(emit))
	potentialsVec(vec, emit, defaultTemperature)
	differ := 0
	for k, e := range emit {
		if x := float64(e-emit[k/int(numTags)*int(numTags)]) / defaultTemperature; x >= expMin && math.Float64bits(expPlain(x)) != math.Float64bits(vec[k]) {
			differ++
		}
	}
	if differ == 0 {
		t.Fatal("EXP8 and math.Exp's path without FMA agree on every probe: probeExp cannot tell them apart")
	}
	t.Logf("the paths differ on %d of %d probes; expKind %d", differ, len(emit), expKind())
	if expKind() != expVec && !strings.Contains(os.Getenv("GODEBUG"), "cpu.") {
		// (GODEBUG=cpu.fma=off turns math.Exp's fused path off, not EXP8.)
		t.Fatal("math.Exp on this machine is not EXP8")
	}
}

// TestPotRows checks potRows against math.Exp bit for bit on 200,000 rows
// of scores whose arguments are spread over [expMin, 0] (and a few beyond,
// where it must stop), at several temperatures, and at the ends of the
// range: every potential it sets is math.Exp's, and it stops only at a row
// with an argument below expMin.
func TestPotRows(t *testing.T) {
	if expKind() != expVec {
		t.Skip("potentials does not use potRows here")
	}
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(23, 24))
	for _, temperature := range []float64{defaultTemperature, 1, 0.37, 3, 1e-3} {
		emit := make([]float32, 40000*nt)
		for k := range emit {
			switch {
			case k%nt == 3:
				emit[k] = 0 // the best
			case k < 8*nt:
				emit[k] = float32([]float64{0, expMin, -1e-30, -math.Ln2 / 2, -math.Ln2, -5e-40, -699.99, expMin - 0.01}[k/nt] * temperature)
			case k%2 == 0:
				emit[k] = float32(-rng.Float64() * -expMin * temperature)
			default:
				emit[k] = float32(-rng.ExpFloat64() * 4 * temperature)
			}
		}
		emit[5] = float32(math.Copysign(0, -1))
		pot := make([]float64, len(emit))
		for r := 0; r < len(emit)/nt; {
			done := potRows(&pot[r*nt], &emit[r*nt], len(emit)/nt-r, temperature)
			for k := r * nt; k < (r+done)*nt; k++ {
				x := float64(emit[k]-0) / temperature
				if want := math.Exp(x); math.Float64bits(pot[k]) != math.Float64bits(want) {
					t.Fatalf("temperature %v, score %v: potRows %v (%#x), math.Exp %v (%#x)", temperature, emit[k], pot[k], math.Float64bits(pot[k]), want, math.Float64bits(want))
				}
			}
			r += done
			if r < len(emit)/nt {
				row := emit[r*nt : (r+1)*nt]
				if slices.Min(row)/float32(temperature) >= expMin {
					t.Fatalf("temperature %v: potRows stopped at row %v", temperature, row)
				}
				r++
			}
		}
	}
}

// TestPotentialsExp checks potentials against potentialsCall (math.Exp for
// each tag) bit for bit, on random scores of every kind: integers times a
// scale, as a packed model's, at random temperatures, ties, scores far
// apart (beyond expMin), zeros of both signs, and infinite ones.
func TestPotentialsExp(t *testing.T) {
	const nt = int(numTags)
	rng := rand.New(rand.NewPCG(21, 22))
	const rows = 20000
	emit := make([]float32, rows*nt)
	for trial := range 10 {
		scale := float32(math.Pow(10, float64(rng.IntN(7)-4)))
		temperature := []float64{defaultTemperature, 1, 3, 0.37, 17.25, 1e-3, 1e4}[trial%7]
		for k := range emit {
			switch rng.IntN(50) {
			case 0:
				emit[k] = float32(math.Copysign(0, -1))
			case 1:
				emit[k] = 0
			case 2:
				emit[k] = float32(rng.NormFloat64() * 1e6)
			case 3:
				if k > 0 {
					emit[k] = emit[k-1] // ties
				}
			case 4:
				emit[k] = float32(math.Inf(1 - 2*rng.IntN(2)))
			default:
				emit[k] = float32(rng.IntN(1<<20)-1<<19) * scale
			}
		}
		want, got := make([]float64, len(emit)), make([]float64, len(emit))
		potentialsCall(want, emit, temperature)
		potentials(got, emit, temperature)
		for k := range want {
			if math.Float64bits(got[k]) != math.Float64bits(want[k]) && !(math.IsNaN(got[k]) && math.IsNaN(want[k])) {
				r := k / nt * nt
				t.Fatalf("scores %v at temperature %v: potential %d is %v (%#x), math.Exp's %v (%#x)", emit[r:r+nt], temperature, k-r, got[k], math.Float64bits(got[k]), want[k], math.Float64bits(want[k]))
			}
		}
	}
}
