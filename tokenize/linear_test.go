package tokenize_test

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/telaah/telaah/internal/cputime"
	"github.com/telaah/telaah/tokenize"
)

// hostileUnits are patterns whose long runs once made a scan look far ahead from
// every token (domains, e-mail addresses, dotted abbreviations, URL brackets) or
// could make one quadratic.
var hostileUnits = []string{
	"Ab-", "a.", "a-", "1-", "1.", "a_", "a/", "ab@", "(", ")", "http://a)", "#", "@",
	"a'", ":)", "\x00", "\xff", "Rp", "A.", "1,", "a&", "AB&", "-", ".", "dll.", "ke-1-",
	"a.b", "A.B.", "a.a ", "ab.", "a1.", "1.a", "a,", "a-b-", "ab.ab.", "x@a.a.", "a.co.",
	"Jl. ", "B. ", "nya-", "kah-", "-4,9", "?'\"", "idA- ", "BB+", "aku-mu-", "'", "\"", " '", "kumpulan B. ", "2 C. ", "Corp. \"",
}

// tokenizeCost returns the least CPU time of its thread (wall time where that
// clock is missing) of runs passes of both tokenizers'
// iterators over text (which allocate nothing, so that neither the garbage
// collector nor a token slice outgrowing the processor's caches is measured)
// and the bytes that splitting text into sentences allocates.
func tokenizeCost(text string, runs int) (time.Duration, uint64) {
	zs := []tokenize.Tokenizer{{}, {SplitClitics: true}}
	best := time.Duration(1 << 62)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for r := 0; r < runs; r++ {
		t0, ok := cputime.Thread()
		t0w := time.Now()
		for _, z := range zs {
			for range z.All(text) {
			}
		}
		d := time.Since(t0w)
		if t1, ok1 := cputime.Thread(); ok && ok1 {
			d = t1 - t0
		}
		best = min(best, d)
	}
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	for _, z := range zs {
		z.Sentences(text)
	}
	runtime.ReadMemStats(&m1)
	return best, m1.TotalAlloc - m0.TotalAlloc
}

// TestLinearComplexity guards against quadratic blow-ups on long runs of one
// pattern. It is not a timed test: it compares, inside one test, the cost of an
// input of n bytes with that of 8n bytes of the same pattern. Linear work gives a
// ratio of about 8 and quadratic work 64. The time is the CPU time of the
// test's thread, which a loaded machine does not inflate by making it wait;
// the least of a few runs (tried again before failing) and the bound of 20
// leave room for cache effects. Bytes allocated, which no load disturbs,
// must grow linearly as well. Slices that grow by doubling round the ratio up
// from 8: it is 8 to 12 on 64-bit platforms and up to 13 on 32-bit ones, whose
// smaller tokens fall into other size classes. The bound of 16 keeps room for
// that rounding; quadratic growth gives 64.
func TestLinearComplexity(t *testing.T) {
	const n, timeBound, allocBound = 6000, 20.0, 16.0
	for _, unit := range hostileUnits {
		small := strings.Repeat(unit, n/len(unit))
		large := strings.Repeat(unit, 8*n/len(unit))
		var ratio float64
		for try := 0; try < 3; try++ {
			ts, as := tokenizeCost(small, 3)
			tl, al := tokenizeCost(large, 3)
			ratio = float64(tl) / float64(max(ts, time.Microsecond))
			if a := float64(al) / float64(max(as, 1)); a > allocBound {
				t.Errorf("%q: %d bytes allocated for %d bytes of input, %d for %d: ratio %.1f, want at most %.0f",
					unit, as, len(small), al, len(large), a, allocBound)
			}
			if ratio <= timeBound {
				break
			}
		}
		if ratio > timeBound {
			t.Errorf("%q: 8 times the input took %.1f times as long, want at most %.0f", unit, ratio, timeBound)
		}
	}
}
