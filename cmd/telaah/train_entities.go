package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
)

// runTrainEntities trains the entity model from CoNLL files and writes it.
func runTrainEntities(e *env, args []string) error {
	fs := newFlags(e, "train-entities", "[flags]")
	train := fs.String("train", "", "comma-separated CoNLL training files (token first, BIO tag last); required")
	aux := fs.String("aux", "",
		"comma-separated CoNLL training files annotated in another style (NERGrit); their features get a private copy")
	dev := fs.String("dev", "",
		"comma-separated CoNLL files to score after each epoch and calibrate confidences on (never trained on)")
	out := fs.String("o", "", "the model file to write; required (the folder must exist)")
	learner := fs.String("learner", "ensemble", "ensemble (the perceptron and the CRF, their weights added: the embedded model), crf (a conditional random field, SGD with L2) or perceptron (averaged structured perceptron)")
	epochs := fs.Int("epochs", 0, "passes over the training data (0: 40 for crf, 10 for perceptron; an ensemble's CRF always makes 40)")
	c2 := fs.Float64("c2", 0, "crf: the L2 coefficient (0: the default, 0.3)")
	seed := fs.Uint64("seed", 1, "seed for the order of training sentences")
	runs := fs.Int("runs", 5, "perceptron: runs trained with successive seeds and averaged")
	verbose := fs.Bool("v", false, "print dev scores after every epoch")
	minCount := fs.Int("min-count", 1, "drop the features seen fewer times than this in the training data")
	prune := fs.Float64("prune", 0, "drop the features whose weights are all below this fraction of the largest weight (0: the default, entity.DefaultPrune, chosen by cross-validation; negative: keep them all)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *learner != "crf" && *learner != "perceptron" && *learner != "ensemble" {
		return usageError{fmt.Sprintf("-learner %q: want crf, perceptron or ensemble", *learner)}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected arguments: %q", fs.Args())}
	}
	// Nothing is read or written where the user did not say: the repository's
	// paths are in the go:generate line of analysis/entity, not defaults here.
	if strings.TrimSpace(*train) == "" {
		return usageError{"no training data: give -train FILE[,FILE…]"}
	}
	if *out == "" {
		return usageError{"no output: give -o FILE (the repository's model is analysis/entity/model/ner.model, written by go generate ./analysis/entity)"}
	}
	if st, err := os.Stat(filepath.Dir(*out)); err != nil || !st.IsDir() {
		return fmt.Errorf("-o %s: folder %s does not exist", *out, filepath.Dir(*out))
	}
	read := func(list string) ([]entity.TaggedSentence, error) {
		var all []entity.TaggedSentence
		for _, p := range strings.Split(list, ",") {
			if p = strings.TrimSpace(p); p == "" {
				continue
			}
			f, err := os.Open(p)
			if err != nil {
				return nil, err
			}
			s, err := entity.ReadCoNLL(f)
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			fmt.Fprintf(e.stderr, "%s: %d sentences\n", p, len(s))
			all = append(all, s...)
		}
		return all, nil
	}
	tr, err := read(*train)
	if err != nil {
		return err
	}
	ax, err := read(*aux)
	if err != nil {
		return err
	}
	for i := range ax {
		ax[i].Auxiliary = true
	}
	tr = append(tr, ax...)
	dv, err := read(*dev)
	if err != nil {
		return err
	}
	r, err := entity.Train(tr, dv, entity.TrainOptions{Epochs: *epochs, Seed: *seed, Progress: e.stderr, Runs: *runs, Verbose: *verbose, MinCount: *minCount, CRF: *learner == "crf", Ensemble: *learner == "ensemble", C2: *c2, Prune: *prune})
	if err != nil {
		return err
	}
	tmp := *out + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	// A model named *.gz is written gzip'd (smaller to ship, slower to load);
	// entity.Load reads both.
	var w io.Writer = f
	var zw *gzip.Writer
	if strings.HasSuffix(*out, ".gz") {
		zw, _ = gzip.NewWriterLevel(f, gzip.BestCompression)
		w = zw
	}
	err = r.WriteModel(w)
	if err == nil && zw != nil {
		err = zw.Close()
	}
	if err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, *out); err != nil {
		return err
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(e.stderr, "wrote %s: %d features, %d bytes\n", *out, r.Features(), st.Size())
	return nil
}
