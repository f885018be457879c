package index

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/telaah/telaah/analysis/entity"
)

// minCPU returns the least CPU time of runs calls of f: the run least disturbed
// by the other work of the machine.
func minCPU(runs int, f func()) time.Duration {
	best := time.Duration(-1)
	for range runs {
		c0, t0 := cpuTime(), time.Now()
		f()
		d := cpuTime() - c0
		if d <= 0 { // no CPU clock here
			d = time.Since(t0)
		}
		if best < 0 || d < best {
			best = d
		}
	}
	return best
}

// TestCollectIsLinear: filling the entity fields of an article with 8 times
// the entities takes about 8 times as long, not 64 (as it did when every
// one-word person was looked up in every full name).
func TestCollectIsLinear(t *testing.T) {
	ents := func(n int) []entity.Entity {
		es := make([]entity.Entity, 0, 2*n)
		for i := range n {
			full := fmt.Sprintf("Nama%d Keluarga%d", i, i)
			short := fmt.Sprintf("Keluarga%d", i)
			es = append(es,
				entity.Entity{Text: full, Canonical: full, Label: entity.PER, Start: 40 * i, End: 40*i + len(full), Confidence: 0.9},
				entity.Entity{Text: short, Canonical: short, Label: entity.PER, Start: 40*i + 20, End: 40*i + 20 + len(short), Confidence: 0.9})
		}
		return es
	}
	const n = 2000
	small, large := ents(n), ents(8*n)
	var an Analysis
	ts := minCPU(3, func() { an = Analysis{}; an.collect(small, "", 0, 0) })
	if len(an.Persons) != n {
		t.Fatalf("%d persons, want %d", len(an.Persons), n)
	}
	tl := minCPU(3, func() { an = Analysis{}; an.collect(large, "", 0, 0) })
	if ratio := float64(tl) / float64(ts); ratio > 20 {
		t.Errorf("collect: %d entities take %v, %d take %v: ratio %.1f, want about 8 (≤ 20)", len(small), ts, len(large), tl, ratio)
	}
}

// TestAnalyzeIsLinear: analysing an article 8 times as long takes about 8
// times as long (issue 14: 1 / 8 MB took 1.8 / 48 s).
func TestAnalyzeIsLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses half a megabyte")
	}
	var sb strings.Builder
	for sb.Len() < 512<<10 {
		for _, a := range sample(t) {
			sb.WriteString(a.Body)
			sb.WriteString("\n\n")
		}
	}
	all := sb.String()
	run := func(n int) func() {
		a := &Article{ID: "big", Title: "Laporan Panjang", Body: all[:n]}
		return func() { analyze(nil, a, false) }
	}
	ts := minCPU(2, run(64<<10))
	tl := minCPU(1, run(512<<10))
	if ratio := float64(tl) / float64(ts); ratio > 16 {
		t.Errorf("analyze: 64 KiB take %v, 512 KiB take %v: ratio %.1f, want about 8 (≤ 16)", ts, tl, ratio)
	}
}
