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
	for pass := range 3 { // the second pass reads the word cache, the third its memo
		if pass == 2 {
			clear(fz.words.slots)
		}
		fz.sentence(words)
		for k, w := range words {
			if got := fz.info[k].lex; got != want[k] {
				t.Errorf("pass %d: %s: standing %d, want %d", pass+1, w, got, want[k])
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

// TestStandingMemo checks the featurizer's memo of standings against a map
// emptied as the memo is, when it holds maxLexMemo words, over hashes that
// share their slots' bits and more words than it holds.
func TestStandingMemo(t *testing.T) {
	var m standingMemo
	want := map[uint64]uint8{}
	x := uint64(7)
	for i := range 3*maxLexMemo + 100 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		h := x
		if i%3 == 0 {
			h = x & 0xffff // many in the same few slots
		}
		v, ok := m.get(h)
		w, wok := want[h]
		if ok != wok || v != w {
			t.Fatalf("word %d: get(%x) = %d, %v; want %d, %v", i, h, v, ok, w, wok)
		}
		if !ok {
			if len(want) >= maxLexMemo {
				want = map[uint64]uint8{}
			}
			want[h] = uint8(h % 4)
			m.put(h, uint8(h%4))
		}
	}
	if m.n != len(want) || len(m.slots) != 2*maxLexMemo {
		t.Errorf("memo of %d words in %d slots, want %d in %d", m.n, len(m.slots), len(want), 2*maxLexMemo)
	}
}
