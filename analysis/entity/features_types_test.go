package entity

import (
	"strings"
	"testing"
)

// TestRunFeatures checks which words of a sentence get the features of the
// ends of their capitalised run: the words before an organisation's or a
// place's last word (Wigan before Athletic, Sonoma before County), the words
// after a head or a title (Negara, Bagian and Oregon after Universitas), and
// no lower-case word, no word alone in its run and no run whose ends the
// lists do not know.
func TestRunFeatures(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Ia bermain untuk Wigan Athletic dan kuliah di Universitas Negara Bagian Oregon di Sonoma County bersama Cherry Poppin Daddies .")
	want := map[string]int{
		"Wigan":       1, // Athletic ends it
		"Negara":      1, // Universitas starts it
		"Bagian":      1,
		"Oregon":      1,
		"Sonoma":      1, // County ends it
		"Athletic":    0,
		"Universitas": 0,
		"County":      0,
		"Cherry":      0, // the lists know neither end
		"Poppin":      0,
		"Ia":          0,
		"bermain":     0,
	}
	fz := &featurizer{gaz: g}
	fz.sentence(words)
	for k, w := range words {
		n, ok := want[w]
		if !ok {
			continue
		}
		if got := len(fz.runFeatures(nil, k)); got != n {
			t.Errorf("%s: %d run features, want %d", w, got, n)
		}
	}
	// The word before the last and the word after the first are told apart
	// from those further away.
	if a, b := fz.runFeatures(nil, 9), fz.runFeatures(nil, 11); len(a) != 1 || len(b) != 1 || a[0] == b[0] {
		t.Errorf("Negara and Oregon have the same run feature: %x, %x", a, b)
	}
}
