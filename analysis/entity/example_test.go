package entity_test

import (
	"fmt"
	"strings"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
)

func ExampleRecognizer_Extract() {
	r := entity.Default()
	text := "Presiden Joko Widodo tiba di Surabaya pukul 10.30 WIB, Sabtu (24/3/2018). " +
		"Jokowi meresmikan proyek senilai Rp1,5 triliun."
	for _, e := range r.Extract(text) {
		fmt.Printf("%-8s %-20q canonical=%q value=%q number=%g\n", e.Label, e.Text, e.Canonical, e.Value, e.Number)
	}
	// Output:
	// PER      "Joko Widodo"        canonical="Joko Widodo" value="" number=0
	// LOC      "Surabaya"           canonical="Surabaya" value="" number=0
	// TIME     "pukul 10.30 WIB"    canonical="pukul 10.30 WIB" value="10:30+07:00" number=0
	// DATE     "Sabtu (24/3/2018)"  canonical="Sabtu (24/3/2018)" value="2018-03-24" number=0
	// PER      "Jokowi"             canonical="Joko Widodo" value="" number=0
	// MONEY    "Rp1,5 triliun"      canonical="Rp1,5 triliun" value="IDR" number=1.5e+12
}

func ExampleRecognizer_Extract_referenceArticle() {
	seen := map[string]bool{}
	for _, e := range entity.Default().Extract(telaah.ReferenceArticle()) {
		key := fmt.Sprintf("%s %s → %s", e.Label, e.Text, e.Canonical)
		if (e.Label == entity.PER || e.Label == entity.LOC) && !seen[key] {
			seen[key] = true
			fmt.Println(key)
		}
	}
	// Output:
	// PER Pavel Durov → Pavel Durov
	// PER Durov → Pavel Durov
	// PER Trump → Trump
	// PER Pavel → Pavel Durov
	// LOC Rusia → Rusia
}

func ExampleRecognizer_Tag() {
	words := strings.Fields("Menteri Keuangan Sri Mulyani bertemu pimpinan Bank Dunia di Washington .")
	tags := entity.Default().Tag(words)
	for i, w := range words {
		fmt.Printf("%s/%s ", w, tags[i])
	}
	fmt.Println()
	// Output:
	// Menteri/O Keuangan/O Sri/B-PER Mulyani/I-PER bertemu/O pimpinan/O Bank/B-ORG Dunia/I-ORG di/O Washington/B-LOC ./O
}

func ExampleEvaluate() {
	gold := [][]string{{"B-PER", "I-PER", "O", "B-LOC"}}
	pred := [][]string{{"B-PER", "I-PER", "O", "B-ORG"}}
	s, err := entity.Evaluate(gold, pred)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(s)
	// Output:
	// F1 0.5000 P 0.5000 R 0.5000 (LOC=0.000 ORG=0.000 PER=1.000)
}

// Full names of institutions, with their commas, "dan" and acronym, ranks that are
// not names, and a place inside a title (Kapolres Sleman).
func ExampleRecognizer_Extract_institutions() {
	text := "Kepala Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) dan Kapolres " +
		"Sleman AKBP Yuswanto Ardi meninjau Kecamatan Ciawi, Megamendung, dan Cisarua."
	for _, e := range entity.Default().Extract(text) {
		fmt.Printf("%s %q → %s\n", e.Label, e.Text, e.Canonical)
	}
	// Output:
	// ORG "Badan Meteorologi, Klimatologi, dan Geofisika" → Badan Meteorologi, Klimatologi, dan Geofisika
	// ORG "BMKG" → Badan Meteorologi, Klimatologi, dan Geofisika
	// LOC "Sleman" → Sleman
	// PER "Yuswanto Ardi" → Yuswanto Ardi
	// LOC "Kecamatan Ciawi" → Kecamatan Ciawi
	// LOC "Megamendung" → Megamendung
	// LOC "Cisarua" → Cisarua
}

// IsName tells the one-word names of the lists (given names, places), which
// the analysis pipeline and the search do not stem.
func ExampleIsName() {
	for _, w := range []string{"Gunawan", "kerinci", "MERAPI", "penggunaan", "rapi"} {
		fmt.Println(w, entity.IsName(w))
	}
	// Output:
	// Gunawan true
	// kerinci true
	// MERAPI true
	// penggunaan false
	// rapi false
}
