package tokenize_test

import (
	"strings"
	"testing"
	"time"

	"github.com/telaah/telaah/tokenize"
)

// TestLinearTime guards against quadratic blow-ups on long runs of one pattern: each
// input is 200 kB, which takes milliseconds when linear and minutes when not.
func TestLinearTime(t *testing.T) {
	for _, unit := range []string{"Ab-", "a.", "a-", "1-", "1.", "a_", "a/", "ab@", "(", ")", "http://a)", "#", "@", "a'", ":)", "\x00", "\xff", "Rp", "A.", "1,", "a&", "AB&", "-", ".", "dll.", "ke-1-"} {
		text := strings.Repeat(unit, 200000/len(unit))
		t0 := time.Now()
		for _, z := range []tokenize.Tokenizer{{}, {SplitClitics: true}} {
			z.Sentences(text)
		}
		if d := time.Since(t0); d > 5*time.Second {
			t.Errorf("%q: %v", unit, d)
		}
	}
}
