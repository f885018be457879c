package entity

import (
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
