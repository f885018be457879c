package analysis_test

import (
	"fmt"
	"strings"

	"github.com/telaah/telaah/analysis"
)

func ExampleNormalize() {
	fmt.Println(analysis.Normalize("Ma’ruf"), analysis.Normalize("KAFÉ"))
	// Output: ma'ruf kafe
}

func ExampleIsStopword() {
	fmt.Println(analysis.IsStopword("yang"), analysis.IsStopword("tidak"))
	// Output: true false
}

func ExamplePipeline_Terms() {
	var p analysis.Pipeline // the zero value uses the default components
	for _, t := range p.Terms("Warga Bekasi menjual barang bekas.") {
		if t.Key() != "" {
			fmt.Println(t.Text, t.Key(), t.Proper)
		}
	}
	// Output:
	// Warga warga false
	// Bekasi bekasi true
	// menjual jual false
	// barang barang false
	// bekas bekas false
}

func ExamplePipeline_Analyze() {
	var p analysis.Pipeline
	doc := p.Analyze("Pendiri Telegram Pavel Durov menyindir Facebook.")
	for _, e := range doc.Entities {
		if e.Label == "PER" {
			fmt.Println(e.Label, e.Text)
		}
	}
	// Output:
	// PER Pavel Durov
}

// AnalyzeEach hands over the terms one at a time, for an indexer that keeps
// only what it makes of them; the entities come back at the end.
func ExamplePipeline_AnalyzeEach() {
	var p analysis.Pipeline
	var keys []string
	_, ents := p.AnalyzeEach("Pendiri Telegram Pavel Durov menyindir penggunaan WhatsApp.", func(t *analysis.Term) bool {
		if !t.Stopword && t.Key() != "" {
			keys = append(keys, t.Key()) // Key's strings stay valid
		}
		return true
	})
	fmt.Println(strings.Join(keys, " "))
	for _, e := range ents {
		if e.Label == "PER" {
			fmt.Println(e.Label, e.Text)
		}
	}
	// Output:
	// diri telegram pavel durov sindir guna whatsapp
	// PER Pavel Durov
}
