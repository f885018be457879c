package opensearch_test

import (
	"testing"

	"github.com/telaah/telaah/index/indextest"
	"github.com/telaah/telaah/index/opensearch"
)

// TestDocumentSize logs what an article of the sample corpus costs on the wire
// (the numbers behind the sizing note of the package documentation).
func TestDocumentSize(t *testing.T) {
	x, err := opensearch.New(opensearch.Config{URL: "http://localhost:9200"})
	if err != nil {
		t.Fatal(err)
	}
	var text, doc int
	arts := indextest.Corpus(t)
	for i := range arts {
		b, err := x.Document(&arts[i])
		if err != nil {
			t.Fatal(err)
		}
		text += len(arts[i].Title) + len(arts[i].Body)
		doc += len(b)
	}
	t.Logf("%d articles: %d bytes of text and %d bytes of document per article (%.2f×)", len(arts), text/len(arts), doc/len(arts), float64(doc)/float64(text))
}
