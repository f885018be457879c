package entity_test

import (
	"os"
	"strconv"
	"strings"
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
// (or crf, perceptron; TELAAH_NER_CV_K sets k, 4 by default). The models are
// trained unpruned and scored pruned at each threshold of TELAAH_NER_CV_PRUNE, a
// comma-separated list of TrainOptions.Prune values (by default DefaultPrune
// only; -1 for none), so one training per fold compares the thresholds.
// TELAAH_NER_CV_OBIAS lists biases added to the score of O (see WithOBias)
// to score each model with. TELAAH_NER_CV_SET changes the learner's settings, such as
// encoding=bioes,aux=0.5,pw=1.5,c2=0.1 (see SetTrainSettings in export_test.go).
func TestCrossValidation(t *testing.T) {
	learner := os.Getenv("TELAAH_NER_CV")
	if learner == "" {
		t.Skip("set TELAAH_NER_CV=ensemble|crf|perceptron to run the cross-validation (minutes of CPU)")
	}
	opt := entity.TrainOptions{Runs: 5, Prune: -1}
	prunes := []float64{entity.DefaultPrune}
	if s := os.Getenv("TELAAH_NER_CV_PRUNE"); s != "" {
		prunes = nil
		for _, f := range strings.Split(s, ",") {
			x, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil {
				t.Fatalf("TELAAH_NER_CV_PRUNE=%q: want comma-separated numbers", s)
			}
			prunes = append(prunes, x)
		}
	}
	biases := []float32{0}
	if s := os.Getenv("TELAAH_NER_CV_OBIAS"); s != "" {
		biases = nil
		for _, f := range strings.Split(s, ",") {
			x, err := strconv.ParseFloat(strings.TrimSpace(f), 32)
			if err != nil {
				t.Fatalf("TELAAH_NER_CV_OBIAS=%q: want comma-separated numbers", s)
			}
			biases = append(biases, float32(x))
		}
	}
	switch learner {
	case "ensemble":
		opt.Ensemble = true
	case "crf":
		opt.CRF = true
	case "perceptron":
	default:
		t.Fatalf("TELAAH_NER_CV=%q: want ensemble, crf or perceptron", learner)
	}
	if s := os.Getenv("TELAAH_NER_CV_SET"); s != "" {
		if err := entity.SetTrainSettings(&opt, s); err != nil {
			t.Fatalf("TELAAH_NER_CV_SET: %v", err)
		}
		t.Logf("settings %s", s)
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
	var goldI, goldN [][]string
	nv := len(prunes) * len(biases)
	predI := make([][][]string, nv)
	predN := make([][][]string, nv)
	features := make([]int, nv)
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
		for _, s := range heldN {
			goldN = append(goldN, s.Tags)
		}
		for i, p := range prunes {
			for j, d := range biases {
				rp := r.Pruned(max(p, 0))
				if d != 0 {
					rp = entity.WithOBias(rp, d)
				}
				v := i*len(biases) + j
				features[v] += rp.Features()
				predI[v] = append(predI[v], rp.WithStyle(entity.StyleIdner).TagSentences(heldI)...)
				predN[v] = append(predN[v], rp.WithStyle(entity.StyleNERGrit).TagSentences(heldN)...)
			}
		}
	}
	for v := range nv {
		p, d := prunes[v/len(biases)], biases[v%len(biases)]
		name := "prune " + strconv.FormatFloat(p, 'g', -1, 64)
		if d != 0 {
			name += ", O bias " + strconv.FormatFloat(float64(d), 'g', -1, 32)
		}
		t.Logf("%s: %d features per fold on average", name, features[v]/k)
		for _, c := range []struct {
			name       string
			gold, pred [][]string
		}{{"idner train, idner style", goldI, predI[v]}, {"NERGrit train, NERGrit style", goldN, predN[v]}} {
			sc, err := entity.Evaluate(c.gold, c.pred)
			if err != nil {
				t.Fatal(err)
			}
			logScores(t, strconv.Itoa(k)+"-fold "+learner+", "+name+", "+c.name, sc)
		}
	}
}
