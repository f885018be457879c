package entity_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

// TestCrossValidation scores a learner by k-fold cross-validation on the two
// training corpora, the way the embedded model's learner and features were
// chosen (never on dev): fold f of idner-news-2k train and fold f of NERGrit
// train are held out, the rest of both trained on (NERGrit as the auxiliary
// corpus), and the held-out folds tagged by the full pipeline, each in its own
// style. It trains k models, minutes of CPU, so it runs only when asked:
//
//	TELAAH_NER_CV=ensemble go test ./analysis/entity -run CrossValidation -v
//
// (or crf, perceptron; TELAAH_NER_CV_K sets k, 4 by default).
func TestCrossValidation(t *testing.T) {
	learner := os.Getenv("TELAAH_NER_CV")
	if learner == "" {
		t.Skip("set TELAAH_NER_CV=ensemble|crf|perceptron to run the cross-validation (minutes of CPU)")
	}
	opt := entity.TrainOptions{Runs: 5}
	switch learner {
	case "ensemble":
		opt.Ensemble = true
	case "crf":
		opt.CRF = true
	case "perceptron":
	default:
		t.Fatalf("TELAAH_NER_CV=%q: want ensemble, crf or perceptron", learner)
	}
	k := 4
	if s := os.Getenv("TELAAH_NER_CV_K"); s != "" {
		var err error
		if k, err = strconv.Atoi(s); err != nil || k < 2 {
			t.Fatalf("TELAAH_NER_CV_K=%q: want a number of folds ≥ 2", s)
		}
	}
	idner := readCoNLL(t, "data/ner/idner-news-2k/train.txt")
	nergrit := readCoNLL(t, "data/ner/nergrit/train.txt")
	var goldI, predI, goldN, predN [][]string
	for fold := range k {
		var train, heldI, heldN []entity.TaggedSentence
		for i, s := range idner {
			if i%k == fold {
				heldI = append(heldI, s)
			} else {
				train = append(train, s)
			}
		}
		for i, s := range nergrit {
			if i%k == fold {
				heldN = append(heldN, s)
			} else {
				s.Auxiliary = true
				train = append(train, s)
			}
		}
		r, err := entity.Train(train, nil, opt)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range heldI {
			goldI = append(goldI, s.Tags)
		}
		predI = append(predI, r.WithStyle(entity.StyleIdner).TagSentences(heldI)...)
		for _, s := range heldN {
			goldN = append(goldN, s.Tags)
		}
		predN = append(predN, r.WithStyle(entity.StyleNERGrit).TagSentences(heldN)...)
	}
	for _, c := range []struct {
		name       string
		gold, pred [][]string
	}{{"idner train, idner style", goldI, predI}, {"NERGrit train, NERGrit style", goldN, predN}} {
		sc, err := entity.Evaluate(c.gold, c.pred)
		if err != nil {
			t.Fatal(err)
		}
		logScores(t, strconv.Itoa(k)+"-fold "+learner+", "+c.name, sc)
	}
}
