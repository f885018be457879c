package entity

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestProvinces checks that the place gazetteer holds the 38 provinces of
// Indonesia.
func TestProvinces(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	provinces := []string{
		"Aceh", "Sumatera Utara", "Sumatera Barat", "Riau", "Kepulauan Riau", "Jambi",
		"Sumatera Selatan", "Kepulauan Bangka Belitung", "Bengkulu", "Lampung", "Banten",
		"DKI Jakarta", "Jawa Barat", "Jawa Tengah", "Daerah Istimewa Yogyakarta",
		"Jawa Timur", "Bali", "Nusa Tenggara Barat", "Nusa Tenggara Timur",
		"Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan", "Kalimantan Timur",
		"Kalimantan Utara", "Sulawesi Utara", "Gorontalo", "Sulawesi Tengah",
		"Sulawesi Barat", "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku",
		"Maluku Utara", "Papua", "Papua Barat", "Papua Barat Daya", "Papua Selatan",
		"Papua Tengah", "Papua Pegunungan",
	}
	if len(provinces) != 38 {
		t.Fatalf("%d provinces listed", len(provinces))
	}
	for _, p := range provinces {
		if g.phrase(strings.Fields(p))&gazLOC == 0 {
			t.Errorf("province %q not in the place gazetteer", p)
		}
	}
	for _, org := range []string{"Napoli", "Peugeot", "Tottenham Hotspur", "GrabCar", "KompasTekno"} {
		if g.phrase(strings.Fields(org))&gazORG == 0 {
			t.Errorf("%q not in the organisation gazetteer", org)
		}
	}
}

// TestGazTable checks the gazetteer's hash table against a map: keys that
// collide in their slots, growth, classes added to a key more than once, and
// absent keys.
func TestGazTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var tab gazTable
	want := map[uint64]gazClass{}
	for i := range 5000 {
		h := rng.Uint64()
		if i%3 == 0 {
			h = uint64(i) << 40 // the same high bits: neighbouring slots
		}
		c := gazClass(1) << rng.IntN(11)
		tab.or(h, c)
		want[h] |= c
		if i%7 == 0 { // a key seen again
			tab.or(h, gazPrefix)
			want[h] |= gazPrefix
		}
	}
	if tab.n != len(want) {
		t.Errorf("%d keys, want %d", tab.n, len(want))
	}
	for h, c := range want {
		if got := tab.get(h); got != c {
			t.Fatalf("get(%x) = %b, want %b", h, got, c)
		}
	}
	for range 5000 {
		if h := rng.Uint64(); want[h] == 0 && tab.get(h) != 0 {
			t.Fatalf("get(%x) = %b for an absent key", h, tab.get(h))
		}
	}
	var empty gazTable
	if empty.get(42) != 0 {
		t.Error("the empty table has a key")
	}
}
