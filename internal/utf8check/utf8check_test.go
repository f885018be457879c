package utf8check_test

import (
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/telaah/telaah/internal/utf8check"
)

func ExampleFirstInvalid() {
	fmt.Println(utf8check.FirstInvalid([]byte("Pavel Durov")))
	fmt.Println(utf8check.FirstInvalid([]byte("Rusia \xff\xfe")))
	// Output:
	// 0 false
	// 6 true
}

func TestFirstInvalid(t *testing.T) {
	for _, c := range []struct {
		in   string
		at   int
		want bool
	}{
		{"", 0, false},
		{"é€😀", 0, false},
		{"\x80", 0, true},
		{"ab\xc3", 2, true},           // a cut two-byte sequence
		{"é\xed\xa0\x80", 2, true},    // a surrogate
		{"telegram\xf4\x90", 8, true}, // above U+10FFFF
	} {
		at, bad := utf8check.FirstInvalid([]byte(c.in))
		if at != c.at || bad != c.want {
			t.Errorf("FirstInvalid(%q) = %d, %v; want %d, %v", c.in, at, bad, c.at, c.want)
		}
	}
}

func FuzzFirstInvalid(f *testing.F) {
	f.Add([]byte("Telegram \xff 200 juta"))
	f.Fuzz(func(t *testing.T, b []byte) {
		at, bad := utf8check.FirstInvalid(b)
		if !bad {
			return
		}
		if at < 0 || at >= len(b) {
			t.Fatalf("offset %d outside %d bytes", at, len(b))
		}
		if !utf8.Valid(b[:at]) {
			t.Fatalf("bytes before %d are not valid", at)
		}
	})
}
