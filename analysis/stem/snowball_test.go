package stem

import (
	"bufio"
	"os"
	"testing"

	"github.com/telaah/telaah/internal/dataset"
)

func readLines(t testing.TB, path string) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSnowballConformance(t *testing.T) {
	voc := readLines(t, dataset.System(t, "/usr/share/snowball/data/indonesian/voc.txt"))
	out := readLines(t, dataset.System(t, "/usr/share/snowball/data/indonesian/output.txt"))
	if len(voc) != len(out) {
		t.Fatalf("voc.txt has %d lines, output.txt %d", len(voc), len(out))
	}
	bad := 0
	for i, w := range voc {
		if got := SnowballStem(w); got != out[i] {
			if bad < 30 {
				t.Errorf("SnowballStem(%q) = %q, want %q", w, got, out[i])
			}
			bad++
		}
	}
	t.Logf("%d/%d identical", len(voc)-bad, len(voc))
	if bad > 0 {
		t.Errorf("%d mismatches", bad)
	}
}
