package analysis_test

import (
	"fmt"

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
