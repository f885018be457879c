package entity

import (
	"fmt"
	"sort"
	"strings"
)

// Score is precision, recall and F1 with the counts behind them.
type Score struct {
	TP int // entities found with the right span and label
	FP int // entities found that are not in the gold data
	FN int // gold entities not found
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores is the result of [Evaluate]: micro-averaged over all labels, and per label.
type Scores struct {
	Micro    Score
	PerLabel map[Label]Score
}

// String formats the scores as ../shared/tools/nereval.py prints them.
func (s Scores) String() string {
	labels := make([]string, 0, len(s.PerLabel))
	for l := range s.PerLabel {
		labels = append(labels, string(l))
	}
	sort.Strings(labels)
	var b strings.Builder
	fmt.Fprintf(&b, "F1 %.4f P %.4f R %.4f (", s.Micro.F1(), s.Micro.Precision(), s.Micro.Recall())
	for i, l := range labels {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%.3f", l, s.PerLabel[Label(l)].F1())
	}
	b.WriteByte(')')
	return b.String()
}

// Evaluate scores predicted BIO tags against gold ones, sentence by sentence, by
// exact span and type (conlleval style: an I- tag that does not continue an entity
// of its type starts one). Only PER, ORG and LOC are scored; NERGrit's labels are
// mapped. It returns an error when the sentences do not align.
func Evaluate(gold, pred [][]string) (Scores, error) {
	s := Scores{PerLabel: map[Label]Score{PER: {}, ORG: {}, LOC: {}}}
	if len(gold) != len(pred) {
		return s, fmt.Errorf("entity: evaluate: %d gold sentences, %d predicted", len(gold), len(pred))
	}
	for i := range gold {
		if len(gold[i]) != len(pred[i]) {
			return s, fmt.Errorf("entity: evaluate: sentence %d has %d gold tags, %d predicted", i+1, len(gold[i]), len(pred[i]))
		}
		g, p := chunks(parseTags(gold[i])), chunks(parseTags(pred[i]))
		for c := range g {
			ls := s.PerLabel[c.label]
			if p[c] {
				s.Micro.TP++
				ls.TP++
			} else {
				s.Micro.FN++
				ls.FN++
			}
			s.PerLabel[c.label] = ls
		}
		for c := range p {
			if !g[c] {
				s.Micro.FP++
				ls := s.PerLabel[c.label]
				ls.FP++
				s.PerLabel[c.label] = ls
			}
		}
	}
	return s, nil
}

type chunk struct {
	start, end int
	label      Label
}

// chunks returns the entity spans of well-formed tags (see parseTags).
func chunks(tags []tag) map[chunk]bool {
	out := map[chunk]bool{}
	forSpans(tags, func(i, j int, l Label) { out[chunk{i, j, l}] = true })
	return out
}

// forSpans calls f for each entity span [i, j) in tags.
func forSpans(tags []tag, f func(i, j int, l Label)) {
	for i := 0; i < len(tags); {
		t := tags[i]
		if t == tagO {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j].isInside() && tags[j].label() == t.label() {
			j++
		}
		f(i, j, t.label())
		i = j
	}
}
