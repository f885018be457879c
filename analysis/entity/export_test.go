package entity

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/telaah/telaah"
)

// SampleArticle is an article of the sample corpus, as the tests read it.
type SampleArticle struct{ Title, Body string }

// Text is the article as Extract reads it: the title, a blank line, the body.
func (a SampleArticle) Text() string { return a.Title + "\n\n" + a.Body }

// SampleArticles returns the articles of the sample corpus.
func SampleArticles(tb testing.TB) []SampleArticle {
	tb.Helper()
	var out []SampleArticle
	sc := bufio.NewScanner(bytes.NewReader(telaah.SampleArticles()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a SampleArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

// Pruned returns r with the features of its model pruned as
// TrainOptions.Prune = frac would have (for the cross-validation of the
// threshold without training once for each).
func (r *Recognizer) Pruned(frac float64) *Recognizer {
	c := *r.get()
	c.m = c.m.pruned(frac)
	return &c
}

// SetTrainSettings sets the settings of opt named in s, a comma-separated
// list of name=value (encoding=bioes, aux=0.5, pw=1.5, crfepochs=60, c2=0.1,
// eta0=0.05, runs=3, epochs=12, bags=3,
// bootstrap=1, seed=2), for the cross-validation of the learners.
func SetTrainSettings(opt *TrainOptions, s string) error {
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		name, v, ok := strings.Cut(kv, "=")
		if !ok {
			return fmt.Errorf("%q: want name=value", kv)
		}
		if name == "encoding" {
			if encodingNamed(v) == nil {
				return fmt.Errorf("%q: unknown encoding", kv)
			}
			opt.encoding = v
			continue
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("%q: %w", kv, err)
		}
		switch name {
		case "aux":
			opt.auxWeight = x
		case "pw":
			opt.perceptronWeight = x
		case "crfepochs":
			opt.crfEpochs = int(x)
		case "c2":
			opt.C2 = x
		case "eta0":
			opt.Eta0 = x
		case "seed":
			opt.Seed = uint64(x)
		case "runs":
			opt.Runs = int(x)
		case "epochs":
			opt.Epochs = int(x)
		case "auxcopiesonly":
			opt.auxCopiesOnly = x != 0
		case "copyvalue":
			opt.copyValue = x
		case "domaintrans":
			opt.domainTrans = x != 0
		case "bags":
			opt.crfBags = int(x)
		case "bootstrap":
			opt.bootstrap = x != 0
		case "avgfrom":
			opt.AvgFrom = int(x)
		default:
			return fmt.Errorf("%q: unknown setting", kv)
		}
	}
	return nil
}

// WithOBias returns r with d added to the weight of every transition into O,
// which is d added to the score of O at every token: below 0 the model finds
// more names, above 0 fewer (for the cross-validation of the bias).
func WithOBias(r *Recognizer, d float32) *Recognizer {
	c := *r.get()
	m := *c.m
	for p := range numTags + 1 {
		m.trans[int(p)*int(numTags)+int(tagO)] += d
	}
	c.m = &m
	return &c
}

// Documents joins sents into texts of twenty sentences each, a sentence a
// line, its words joined by spaces: how the stream benchmark and the tests
// that run Extract on the corpora make documents of them.
func Documents(sents []TaggedSentence) []string {
	var texts []string
	for i := 0; i < len(sents); i += 20 {
		var doc strings.Builder
		for _, s := range sents[i:min(i+20, len(sents))] {
			doc.WriteString(strings.Join(s.Words, " "))
			doc.WriteString("\n")
		}
		texts = append(texts, doc.String())
	}
	return texts
}
