package entity

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCrossValidationDump writes the held-out predictions of the k-fold
// cross-validation of TestCrossValidation (ensemble learner, models pruned at
// DefaultPrune) to a directory, for error analysis on the training corpora
// rather than on dev:
//
//	TELAAH_NER_CVDUMP=/tmp/cv go test ./analysis/entity -run CrossValidationDump -v
//
// It writes idner.tsv and nergrit.tsv (word, gold tag, predicted tag a line, a
// blank line between sentences) and keeps the fold models as fold<f>.model, so
// that a later run with TELAAH_NER_CVDUMP_REUSE=1 re-tags with the same models
// (to weigh a repair rule, which needs no training). TELAAH_NER_CVDUMP_OFF names
// repair rules (by their position in repairs, comma-separated; 9i or 9n for
// rule 9 in the idner or the NERGrit style only) to switch off in the corpus
// styles while tagging, TELAAH_NER_CVDUMP_ON rules to switch on in them.
func TestCrossValidationDump(t *testing.T) {
	dir := os.Getenv("TELAAH_NER_CVDUMP")
	if dir == "" {
		t.Skip("set TELAAH_NER_CVDUMP=dir to dump the cross-validation's predictions (minutes of CPU)")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	reuse := os.Getenv("TELAAH_NER_CVDUMP_REUSE") != ""
	saved, savedPlans := repairs, repairPlans
	defer func() { repairs, repairPlans = saved, savedPlans }()
	for _, env := range []string{"TELAAH_NER_CVDUMP_OFF", "TELAAH_NER_CVDUMP_ON"} {
		rules := os.Getenv(env)
		if rules == "" {
			continue
		}
		for _, f := range strings.Split(rules, ",") {
			// A rule's number, for both corpus styles, or followed by i
			// (idner) or n (NERGrit) for one.
			styles := of(StyleIdner, StyleNERGrit)
			switch {
			case strings.HasSuffix(f, "i"):
				styles, f = of(StyleIdner), f[:len(f)-1]
			case strings.HasSuffix(f, "n"):
				styles, f = of(StyleNERGrit), f[:len(f)-1]
			}
			var k int
			if _, err := fmt.Sscan(f, &k); err != nil || k < 0 || k >= len(repairs) {
				t.Fatalf("%s: bad rule %q", env, f)
			}
			if env == "TELAAH_NER_CVDUMP_ON" {
				repairs[k].styles |= styles
			} else {
				repairs[k].styles &^= styles
			}
		}
	}
	// The plans sift the rules by style once: sift them again.
	repairPlans = planRepairs()
	const k = 4
	idner := readSets(t, "data/ner/idner-news-2k/train.txt")
	nergrit := readSets(t, "data/ner/nergrit/train.txt")
	var heldI, heldN, predI, predN [][]string
	var wordsI, wordsN [][]string
	for fold := range k {
		var train, hI, hN []TaggedSentence
		for i, s := range idner {
			if i%k == fold {
				hI = append(hI, s)
			} else {
				train = append(train, s)
			}
		}
		for i, s := range nergrit {
			if i%k == fold {
				hN = append(hN, s)
			} else {
				s.Auxiliary = true
				train = append(train, s)
			}
		}
		path := filepath.Join(dir, fmt.Sprintf("fold%d.model", fold))
		var r *Recognizer
		if reuse {
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			r, err = Load(bufio.NewReader(f))
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
		} else {
			full, err := Train(train, nil, TrainOptions{Runs: 5, Prune: -1, Ensemble: true})
			if err != nil {
				t.Fatal(err)
			}
			r = full.Pruned(DefaultPrune)
			f, err := os.Create(path)
			if err != nil {
				t.Fatal(err)
			}
			w := bufio.NewWriter(f)
			if err := r.WriteModel(w); err != nil {
				t.Fatal(err)
			}
			if err := w.Flush(); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
		for _, s := range hI {
			heldI, wordsI = append(heldI, s.Tags), append(wordsI, s.Words)
		}
		for _, s := range hN {
			heldN, wordsN = append(heldN, s.Tags), append(wordsN, s.Words)
		}
		predI = append(predI, r.WithStyle(StyleIdner).TagSentences(hI)...)
		predN = append(predN, r.WithStyle(StyleNERGrit).TagSentences(hN)...)
	}
	for _, c := range []struct {
		name              string
		words, gold, pred [][]string
	}{{"idner", wordsI, heldI, predI}, {"nergrit", wordsN, heldN, predN}} {
		sc, err := Evaluate(c.gold, c.pred)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s", c.name, sc)
		for _, l := range []Label{PER, ORG, LOC} {
			s := sc.PerLabel[l]
			t.Logf("  %s P %.4f R %.4f F1 %.4f (tp %d fp %d fn %d)", l, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
		}
		var b strings.Builder
		for i, ws := range c.words {
			gold := normaliseBIO(append([]string(nil), c.gold[i]...))
			for j, w := range ws {
				fmt.Fprintf(&b, "%s\t%s\t%s\n", w, gold[j], c.pred[i][j])
			}
			b.WriteByte('\n')
		}
		if err := os.WriteFile(filepath.Join(dir, c.name+".tsv"), []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
