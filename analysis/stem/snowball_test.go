package stem

import (
	"bufio"
	"os"
	"strings"
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

// TestSnowballASCIIPath checks the byte path for ASCII words against the general
// rune path on the vocabulary and on words built from Indonesian affixes and
// syllables, which reach every branch of the algorithm.
func TestSnowballASCIIPath(t *testing.T) {
	var words []string
	if _, err := os.Stat("/usr/share/snowball/data/indonesian/voc.txt"); err == nil {
		words = readLines(t, "/usr/share/snowball/data/indonesian/voc.txt")
	}
	pre := []string{"", "di", "ke", "me", "men", "meng", "meny", "mem", "pe", "pen", "peng", "peny", "pem", "ter", "ber", "be", "per", "pel", "bel"}
	mid := []string{"a", "i", "ajar", "kerja", "sapu", "pukul", "ambil", "rasa", "ternak", "s", "tulis", "ikan", "bu", "ko"}
	suf := []string{"", "i", "si", "an", "kan", "nya", "ku", "mu", "kah", "lah", "pun", "kannya", "anlah", "inya"}
	for _, p := range pre {
		for _, m := range mid {
			for _, s := range suf {
				words = append(words, p+m+s, p+p+m+s, p+m+s+s)
			}
		}
	}
	for _, w := range words {
		m := 0
		for i := 0; i < len(w); i++ {
			if strings.IndexByte("aeiou", w[i]) >= 0 {
				m++
			}
		}
		if m <= 2 {
			continue
		}
		if a, r := snowballASCII(w, m), snowballRunes(w, m); a != r {
			t.Errorf("%q: ASCII path %q, rune path %q", w, a, r)
		}
	}
}
