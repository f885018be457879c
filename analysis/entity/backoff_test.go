package entity

import (
	"slices"
	"testing"
)

// TestGazBackoffOrgStart checks the shortcut of gazBackoff, which returns at
// once for a sentence where no phrase of the ORG lists alone starts: on the
// sentences of the dev sets and the sample corpus, with every tag O (the most
// names to tag) and with the model's tags, it tags what it tags when it reads
// every token, and some sentences take each path.
func TestGazBackoffOrgStart(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	m := Default().get().m
	tg := &tagger{fz: featurizer{gaz: g}}
	var with, without int
	for _, words := range cacheSentences(t) {
		if len(words) == 0 {
			continue
		}
		model := slices.Clone(tg.run(m, StyleDefault, words))
		for _, tags := range [][]tag{make([]tag, len(words)), model} {
			got, want := slices.Clone(tags), slices.Clone(tags)
			gotBacked, wantBacked := make([]bool, len(words)), make([]bool, len(words))
			short := tg.fz.orgStart
			gotAny := tg.fz.gazBackoff(words, got, gotBacked)
			tg.fz.orgStart = true
			wantAny := tg.fz.gazBackoff(words, want, wantBacked)
			tg.fz.orgStart = short
			if gotAny != wantAny || !slices.Equal(got, want) || !slices.Equal(gotBacked, wantBacked) {
				t.Fatalf("%q: gazBackoff %v %v %v, reading every token %v %v %v", words, gotAny, got, gotBacked, wantAny, want, wantBacked)
			}
		}
		if tg.fz.orgStart {
			with++
		} else {
			without++
		}
	}
	if with == 0 || without == 0 {
		t.Fatalf("%d sentences with a phrase of the ORG lists, %d without: the test misses a case", with, without)
	}
}
