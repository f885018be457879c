package entity

import (
	"strings"
	"testing"
)

// TestPredicateFeatures checks which words get the features of the noun that
// a copula or an apposition after their capitalised run names: every word of
// Megang Sakti IV (adalah sebuah desa), Shaggydog (merupakan salah satu
// band), Suwug (, sebuah desa); not the words of a run followed by no such
// words, nor a run whose copula is followed by a name (Jakarta adalah
// Indonesia), nor a lower-case word.
func TestPredicateFeatures(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want map[string]int // the features of the words
	}{
		{"Megang Sakti IV adalah sebuah desa di Musi Rawas .", map[string]int{"Megang": 2, "Sakti": 2, "IV": 2, "desa": 0, "Musi": 0, "Rawas": 0}},
		{"Shaggydog merupakan salah satu band asal Yogyakarta", map[string]int{"Shaggydog": 2, "band": 0, "Yogyakarta": 0}},
		{"Ia lahir di Suwug , sebuah desa di Sumatra", map[string]int{"Suwug": 2, "Ia": 0, "Sumatra": 0}},
		{"Ibu kota Jakarta adalah Indonesia", map[string]int{"Jakarta": 0, "Ibu": 0}},
	} {
		words := strings.Fields(c.text)
		fz := &featurizer{gaz: g}
		fz.sentence(words)
		for k, w := range words {
			n, ok := c.want[w]
			if !ok {
				continue
			}
			if got := len(fz.predicateFeatures(nil, k)); got != n {
				t.Errorf("%q: %s: %d predicate features, want %d", c.text, w, got, n)
			}
		}
	}
}

// TestTopicFeatures checks that a capitalised word gets one feature for each
// topic the lower-case words of its sentence talk about.
func TestTopicFeatures(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		word int
		want int
	}{
		{"Talaitad adalah desa di kecamatan Tompasobaru", 0, 1},  // places
		{"Shaggydog merilis album band itu", 0, 1},               // organisations
		{"Talaitad dikunjungi band dan warga , kata Budi", 0, 3}, // all three
		{"Talaitad terkenal karena cengkehnya", 0, 0},            // none
	} {
		words := strings.Fields(c.text)
		fz := &featurizer{gaz: g}
		fz.sentence(words)
		if got := len(fz.topicFeatures(nil, &fz.info[c.word])); got != c.want {
			t.Errorf("%q: %s: %d topic features, want %d", c.text, words[c.word], got, c.want)
		}
	}
}
