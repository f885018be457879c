package tokenize_test

import (
	"strings"
	"testing"

	"github.com/telaah/telaah/internal/dataset"
	"github.com/telaah/telaah/tokenize"
)

// span is a half-open byte range.
type span struct{ a, b int }

// udScore computes what ../shared/tools/tokeval.py computes: the raw text is the
// treebank's "# text" lines joined by single spaces; gold tokens are the surface
// tokens (or, with clitics, the syntactic words) located left to right in their
// sentence; gold sentence ends are the ends of the "# text" lines; predicted
// sentence ends are the ends of the last token of each predicted sentence, plus
// the end of the text.
func udScore(t testing.TB, path string, clitics bool) (tokF1, sentF1 float64, gold, pred int) {
	t.Helper()
	sents, err := dataset.ReadCoNLLU(path)
	if err != nil {
		t.Fatal(err)
	}
	goldTok, goldSent := map[span]bool{}, map[int]bool{}
	var raw strings.Builder
	for _, s := range sents {
		if s.Text == "" {
			continue
		}
		if raw.Len() > 0 {
			raw.WriteByte(' ')
		}
		off := raw.Len()
		var forms []string
		if clitics {
			for _, w := range s.Words {
				forms = append(forms, w.Form)
			}
		} else {
			for _, sf := range s.Surface {
				forms = append(forms, sf.Form)
			}
		}
		pos := 0
		for _, f := range forms {
			i := strings.Index(s.Text[pos:], f)
			if i < 0 {
				break // tokeval.py keeps the spans found so far
			}
			goldTok[span{off + pos + i, off + pos + i + len(f)}] = true
			pos += i + len(f)
		}
		raw.WriteString(s.Text)
		goldSent[raw.Len()] = true
	}
	text := raw.String()
	predTok, predSent := map[span]bool{}, map[int]bool{len(text): true}
	for _, s := range (tokenize.Tokenizer{SplitClitics: clitics}).Sentences(text) {
		for _, tok := range s.Tokens {
			predTok[span{tok.Start, tok.End}] = true
		}
		if n := len(s.Tokens); n > 0 {
			predSent[s.Tokens[n-1].End] = true
		}
	}
	return f1(goldTok, predTok), f1(goldSent, predSent), len(goldSent), len(predSent)
}

func f1[K comparable](gold, pred map[K]bool) float64 {
	tp := 0
	for k := range pred {
		if gold[k] {
			tp++
		}
	}
	p := float64(tp) / float64(max(1, len(pred)))
	r := float64(tp) / float64(max(1, len(gold)))
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// TestUD scores the tokenizer against the UD Indonesian treebanks as tokeval.py
// does. The floors below are the bars of issue 2 where the gold allows them; where
// a treebank's own conventions contradict the required behaviour the floor is the
// measured figure less a small margin, and the comment says why.
func TestUD(t *testing.T) {
	cases := []struct {
		file            string
		tokens, clitics float64
		sentences       float64
	}{
		// GSD splits the period off every abbreviation and initial (Dr . Soetomo,
		// R . Tjetje), which the issue (and CSUI) keep whole: ~35 abbreviations cost
		// 0.0045 token F1 (0.9983 with GSD's convention). At least 40 of the 47
		// boundaries we add are true sentence ends inside one "# text" unit
		// (... 900 MHz. Standar ini ...), which caps sentence F1 near 0.96.
		{"data/ud/id_gsd-ud-dev.conllu", 0.993, 0.99, 0.95},
		// CSUI: 20 units end without punctuation (headlines such as "Calon
		// selebriti", cut quotes) and run into the next one, and 8 of the 9
		// boundaries we add are true sentence ends inside a unit: sentence F1 ≈ 0.98.
		{"data/ud/id_csui-ud-train.conllu", 0.995, 0.99, 0.97},
	}
	for _, c := range cases {
		path := dataset.Path(t, c.file)
		tok, sent, gold, pred := udScore(t, path, false)
		ctok, _, _, _ := udScore(t, path, true)
		t.Logf("%s: tokens F1 %.4f, sentences F1 %.4f (gold %d, pred %d), split-clitics tokens F1 %.4f", c.file, tok, sent, gold, pred, ctok)
		if tok < c.tokens {
			t.Errorf("%s: tokens F1 %.4f < %.3f", c.file, tok, c.tokens)
		}
		if sent < c.sentences {
			t.Errorf("%s: sentences F1 %.4f < %.3f", c.file, sent, c.sentences)
		}
		if ctok < c.clitics {
			t.Errorf("%s: split-clitics tokens F1 %.4f < %.3f", c.file, ctok, c.clitics)
		}
	}
}
