package entity

import "testing"

// TestLexiconStanding checks what the lexicon feature says of capitalised words:
// common words in a capital are roots or derived words, names are unknown or
// protected, and lower-case words are left out.
func TestLexiconStanding(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Pengguna", "Warga", "Khajimbaa", "Jakarta", "menyindir", "Durov", "Pengguna"}
	want := []uint8{lexDerived, lexRoot, lexUnknown, lexProtected, lexUnknown, lexProtected, lexDerived}
	fz := &featurizer{gaz: g}
	for pass := range 2 { // the second pass reads the featurizer's memo
		fz.sentence(words)
		for k, w := range words {
			if fz.lex[k] != want[k] {
				t.Errorf("pass %d: %s: standing %d, want %d", pass+1, w, fz.lex[k], want[k])
			}
		}
	}
	// Every capitalised token has the feature, no lower-case one.
	for k := range words {
		got := len(fz.lexiconFeatures(nil, k))
		if want := 1; words[k] == "menyindir" && got != 0 || words[k] != "menyindir" && got != want {
			t.Errorf("%s: %d lexicon features", words[k], got)
		}
	}
}
