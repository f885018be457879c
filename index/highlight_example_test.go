package index_test

import (
	"fmt"
	"log"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/query"
)

// Highlighting stored text as Index.Search does, for a backend that stores the
// articles elsewhere: the fragment starts at the sentence of the match, the
// phrase is one mark, the negated word is not marked.
func ExampleHighlight() {
	q, err := query.Parse(`"harga cabai" -bawang`, query.Limits{})
	if err != nil {
		log.Fatal(err)
	}
	body := "Inflasi melandai. Penurunan itu dipicu turunnya harga cabai rawit dan bawang merah setelah panen raya."
	fmt.Println(index.Highlight(index.FieldBody, body, q, 1))
	// Output:
	// [Penurunan itu dipicu turunnya <mark>harga cabai</mark> rawit dan bawang merah setelah panen raya.]
}
