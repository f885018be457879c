package dataset_test

import (
	"testing"

	"github.com/telaah/telaah/internal/dataset"
)

func TestReadCoNLLU(t *testing.T) {
	path := dataset.Path(t, "data/ud/id_csui-ud-train.conllu")
	sents, err := dataset.ReadCoNLLU(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) < 100 {
		t.Fatalf("%d sentences", len(sents))
	}
	s := sents[0]
	if s.Text == "" || s.ID != "csui-train-1" {
		t.Fatalf("first sentence: id %q text %q", s.ID, s.Text)
	}
	// "menyetujuinya" (6-7) is one surface token over two words.
	found := false
	for _, sf := range s.Surface {
		if sf.Form == "menyetujuinya" && sf.First == 6 && sf.Last == 7 {
			found = true
		}
	}
	if !found {
		t.Errorf("multiword token menyetujuinya not read: %+v", s.Surface[:8])
	}
	covered := 0
	for _, sf := range s.Surface {
		covered += sf.Last - sf.First + 1
	}
	if covered != len(s.Words) {
		t.Errorf("surface tokens cover %d words of %d", covered, len(s.Words))
	}
}
