package entity

import (
	"fmt"
	"strings"
	"testing"

	"github.com/telaah/telaah"
)

// TestDistinctReferenceArticle: the reference article is about Telegram and
// Pavel Durov, named in the headline and the lead and mentioned most.
func TestDistinctReferenceArticle(t *testing.T) {
	text := telaah.ReferenceArticle()
	const headline = "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook"
	titleEnd := strings.Index(text, headline) + len(headline)
	leadStart := strings.Index(text, "- Aplikasi chatting")
	leadEnd := leadStart + strings.Index(text[leadStart:], "\n")
	ds := DistinctEntities(Default().Extract(text), titleEnd, leadEnd)
	if len(ds) < 5 {
		t.Fatalf("%d distinct entities: %+v", len(ds), ds)
	}
	var tg, pd *Distinct
	for i := range ds {
		switch ds[i].Name {
		case "Telegram":
			tg = &ds[i]
		case "Pavel Durov":
			pd = &ds[i]
		}
		if i > 0 && ds[i].Salience > ds[i-1].Salience {
			t.Errorf("not most salient first: %+v", ds)
		}
	}
	if tg == nil || pd == nil {
		t.Fatalf("no Telegram or Pavel Durov in %+v", ds)
	}
	if tg.Mentions < 10 || tg.Confidence < 0.99 {
		t.Errorf("Telegram: %d mentions, confidence %.3f: many mentions make it all but certain", tg.Mentions, tg.Confidence)
	}
	if !pd.InLead || len(pd.Forms) < 2 {
		t.Errorf("Pavel Durov: %+v", *pd)
	}
	if ds[0].Name != "Telegram" {
		t.Errorf("most salient %q, want Telegram", ds[0].Name)
	}
}

func TestDistinctLeavesOutNumbers(t *testing.T) {
	es := []Entity{
		{Text: "Senin", Label: DATE, Confidence: 1},
		{Text: "Rp5 juta", Label: MONEY, Confidence: 1, Number: 5e6},
		{Text: "Bekasi", Canonical: "Bekasi", Label: LOC, Start: 10, Confidence: 0.6},
	}
	ds := DistinctEntities(es, 0, 0)
	if len(ds) != 1 || ds[0].Name != "Bekasi" || ds[0].Confidence != 0.6 || ds[0].Salience != 0.5 {
		t.Errorf("%+v", ds)
	}
	if DistinctEntities(nil, 0, 0) != nil {
		t.Error("no entities: not nil")
	}
}

// The distinct entities of a short article: the headline's subject first. The
// mentions are written out here; they usually come from Extract.
func ExampleDistinctEntities() {
	title := "Banjir Rendam Bekasi"
	text := title + "\n" +
		"Kali Bekasi meluap sejak Jumat. Wali Kota Bekasi Tri Adhianto meninjau lokasi.\n" +
		"Menurut BMKG, hujan masih turun sepekan. Tri meminta warga waspada."
	mention := func(s string, l Label, canonical string, conf float64, from int) Entity {
		i := from + strings.Index(text[from:], s)
		return Entity{Text: s, Start: i, End: i + len(s), Label: l, Canonical: canonical, Confidence: conf}
	}
	es := []Entity{
		mention("Bekasi", LOC, "Bekasi", 0.7, 0),
		mention("Kali Bekasi", LOC, "Kali Bekasi", 0.9, 0),
		mention("Bekasi", LOC, "Bekasi", 0.8, strings.Index(text, "Kota")),
		mention("Tri Adhianto", PER, "Tri Adhianto", 0.95, 0),
		mention("BMKG", ORG, "BMKG", 0.9, 0),
		mention("Tri", PER, "Tri Adhianto", 0.6, strings.Index(text, "BMKG")),
	}
	lead := strings.Index(text, "\nMenurut")
	for _, d := range DistinctEntities(es, len(title), lead) {
		fmt.Printf("%s %-12s mentions=%d title=%-5v lead=%-5v salience=%.3f confidence=%.3f forms=%q\n",
			d.Label, d.Name, d.Mentions, d.InTitle, d.InLead, d.Salience, d.Confidence, d.Forms)
	}
	// Output:
	// LOC Bekasi       mentions=2 title=true  lead=true  salience=1.000 confidence=0.940 forms=["Bekasi"]
	// PER Tri Adhianto mentions=2 title=false lead=true  salience=0.700 confidence=0.980 forms=["Tri Adhianto" "Tri"]
	// LOC Kali Bekasi  mentions=1 title=false lead=true  salience=0.554 confidence=0.900 forms=["Kali Bekasi"]
	// ORG BMKG         mentions=1 title=false lead=false salience=0.354 confidence=0.900 forms=["BMKG"]
}
