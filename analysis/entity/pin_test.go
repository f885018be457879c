package entity_test

import (
	"bytes"
	"crypto/sha256"
	"flag"
	"fmt"
	"hash"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
)

var updatePinned = flag.Bool("update-pinned", false, "rewrite testdata/pinned.txt with the current output of Extract")

// pinnedFile holds, for one model, the hashes of what Extract and Tag return on the
// dev sets and the sample corpus: a speed-up of the tagger must leave them alone.
const pinnedFile = "testdata/pinned.txt"

// modelID identifies the recognizer's model and gazetteers, whose change
// legitimately changes the output (a retrained model, a longer list).
func modelID(t *testing.T) string {
	var buf bytes.Buffer
	if err := entity.Default().WriteModel(&buf); err != nil {
		t.Fatal(err)
	}
	h := sha256.New()
	// The written model is gzip'd: hash what the tagger sees, the tags of a fixed
	// text, and the number of features, which catch a retrained model whatever
	// the compressor does.
	fmt.Fprintf(h, "%d\n", entity.Default().Features())
	r, err := entity.Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintln(h, r.Tag(strings.Fields(telaah.ReferenceArticle())))
	return fmt.Sprintf("%x", h.Sum(nil))[:16]
}

// hashEntities adds es to h: the spans, labels, canonical forms and values exactly,
// the confidence to two decimals (the tagger may sum its weights in another order).
func hashEntities(h hash.Hash, es []entity.Entity) {
	for _, e := range es {
		fmt.Fprintf(h, "%d %d %s %q %q %q %v %.2f\n", e.Start, e.End, e.Label, e.Text, e.Canonical, e.Value, e.Number, math.Round(e.Confidence*100)/100)
	}
	fmt.Fprintln(h)
}

// pinnedOutputs computes the hashes that testdata/pinned.txt records.
func pinnedOutputs(t *testing.T) map[string]string {
	out := map[string]string{}
	r := entity.Default()
	for _, c := range []struct {
		name, rel string
	}{
		{"idner-dev", "data/ner/idner-news-2k/dev.txt"},
		{"nergrit-dev", "data/ner/nergrit/dev.txt"},
	} {
		sents := readCoNLL(t, c.rel)
		ex, tags, tagsAux := sha256.New(), sha256.New(), sha256.New()
		aux := r.WithStyle(entity.StyleNERGrit)
		for _, s := range sents {
			hashEntities(ex, r.Extract(strings.Join(s.Words, " ")))
			fmt.Fprintln(tags, r.Tag(s.Words))
			fmt.Fprintln(tagsAux, aux.Tag(s.Words))
		}
		out[c.name+"/extract"] = fmt.Sprintf("%x", ex.Sum(nil))
		out[c.name+"/tag"] = fmt.Sprintf("%x", tags.Sum(nil))
		out[c.name+"/tag-nergrit-style"] = fmt.Sprintf("%x", tagsAux.Sum(nil))
	}
	h := sha256.New()
	for _, a := range entity.SampleArticles(t) {
		hashEntities(h, r.Extract(a.Text()))
	}
	hashEntities(h, r.Extract(telaah.ReferenceArticle()))
	out["sample/extract"] = fmt.Sprintf("%x", h.Sum(nil))
	return out
}

// TestPinnedOutput checks that Extract and Tag give, on idner and NERGrit dev and
// the sample corpus, the output recorded in testdata/pinned.txt for the embedded
// model. After retraining the model or changing the lists or rules on purpose,
// record the new output with
//
//	go test ./analysis/entity -run TestPinnedOutput -update-pinned
func TestPinnedOutput(t *testing.T) {
	id := modelID(t)
	got := pinnedOutputs(t)
	if *updatePinned {
		var b strings.Builder
		fmt.Fprintf(&b, "# model %s: hashes of Extract and Tag (see TestPinnedOutput)\n", id)
		for _, k := range []string{"idner-dev/extract", "idner-dev/tag", "idner-dev/tag-nergrit-style",
			"nergrit-dev/extract", "nergrit-dev/tag", "nergrit-dev/tag-nergrit-style", "sample/extract"} {
			fmt.Fprintf(&b, "%s %s %s\n", id, k, got[k])
		}
		if err := os.WriteFile(pinnedFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(pinnedFile)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || strings.HasPrefix(line, "#") || f[0] != id {
			continue
		}
		seen++
		if got[f[1]] != f[2] {
			t.Errorf("%s: output changed: hash %s, pinned %s", f[1], got[f[1]], f[2])
		}
	}
	if seen == 0 {
		t.Skipf("%s pins no output for model %s (retrained?); record it with -update-pinned", pinnedFile, id)
	}
}
