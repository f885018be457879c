// Command analyze is Telaah's analysis example: it runs the pipeline on the
// embedded reference article (a Kompas article about Telegram) and prints its
// tokens with their stems, then the named entities.
//
//	go run ./examples/analyze
package main

import (
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis"
)

func main() {
	var p analysis.Pipeline // the zero value: default tokenizer, stemmer and recognizer
	doc := p.Analyze(telaah.ReferenceArticle())

	fmt.Printf("%d sentences, %d tokens, %d entities\n\n", len(doc.Sentences), len(doc.Terms), len(doc.Entities))
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "token\tstem\tnotes")
	for _, t := range doc.Terms[:min(40, len(doc.Terms))] {
		var notes []string
		if t.Stopword {
			notes = append(notes, "stopword")
		}
		if t.Proper {
			notes = append(notes, "proper noun")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", t.Text, t.Stem, strings.Join(notes, ", "))
	}
	tw.Flush()
	fmt.Printf("… (%d more tokens)\n\nentities:\n", max(0, len(doc.Terms)-40))
	tw = tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "label\ttext\tcanonical\tvalue")
	for _, e := range doc.Entities {
		value := e.Value
		if e.Number != 0 {
			value = strings.TrimSpace(fmt.Sprintf("%g %s", e.Number, e.Value))
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", e.Label, e.Text, e.Canonical, value)
	}
	tw.Flush()
}
