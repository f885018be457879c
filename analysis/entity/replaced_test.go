package entity

import (
	"strings"
	"testing"
)

// TestReplacedLetters checks that a word whose letter NERGrit wrote as
// question marks joins the name it belongs to: a piece of it in a span takes
// the whole word in, a capitalised word next to a span joins it, and question
// marks between other tokens (a script the text could not write) join nothing.
func TestReplacedLetters(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text  string
		spans [][3]int // the model's spans: from, to, label (0 PER, 1 ORG, 2 LOC)
		want  string   // the spans after the rule, as text/label
	}{
		{"lahir dengan nama Lars Johan Yngve Lannerb ? ? ck ) adalah", [][3]int{{3, 7, 0}}, "Lars Johan Yngve Lannerb ? ? ck/PER"},
		{"menjadi pelatih FC Bayern M ? ? nchen .", [][3]int{{2, 5, 1}}, "FC Bayern M ? ? nchen/ORG"},
		{"final liga S ? ? o Paulo , Rivelino", [][3]int{{6, 7, 2}}, "S ? ? o Paulo/LOC"},
		{"oleh Ana Mart ? ? nez Ram ? ? rez , kakek", [][3]int{{1, 2, 0}}, "Ana Mart ? ? nez Ram ? ? rez/PER"},
		{"Kara ( Hangul : ? ? ) adalah grup", [][3]int{{0, 1, 1}}, "Kara/ORG"},
		{"ditemui Budi ? ? ? ? ? Andi", [][3]int{{1, 2, 0}, {7, 8, 0}}, "Budi/PER Andi/PER"},
	}
	labels := []Label{PER, ORG, LOC}
	for _, c := range cases {
		words := strings.Fields(c.text)
		fz := &featurizer{gaz: g}
		fz.sentence(words)
		var s spanSet
		s.reset(words, fz.info, false, StyleNERGrit)
		for _, sp := range c.spans {
			s.set(sp[0], sp[1], labels[sp[2]], 0)
		}
		s.replacedLetters()
		var got []string
		for _, sp := range s.spans() {
			got = append(got, strings.Join(words[sp.i:sp.j], " ")+"/"+string(sp.l))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%q: %s, want %s", c.text, g, c.want)
		}
	}
}
