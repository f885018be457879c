package stem

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/telaah/telaah/analysis/stem/internal/rootgen"
	"github.com/telaah/telaah/internal/dataset"
)

// goldPair is one content word of a UD file with its lemma, both lower-cased,
// exactly as ../shared/tools/udgold.py extracts them.
type goldPair struct {
	form, lemma, upos string
	// proper marks a word capitalised in the text other than the first of its
	// sentence: what a pipeline passes to StemToken as a proper noun.
	proper bool
}

// contentUPOS are the classes udgold.py scores.
var contentUPOS = map[string]bool{"NOUN": true, "VERB": true, "ADJ": true, "ADV": true}

// udGold reads the gold pairs of a UD file as udgold.py does: every syntactic word
// whose UPOS is a content class and whose form is alphabetic or has a hyphen.
func udGold(t testing.TB, rel string) []goldPair {
	t.Helper()
	return udGoldFile(t, dataset.Path(t, rel))
}

// udGoldFile is udGold for a file at path.
func udGoldFile(t testing.TB, path string) []goldPair {
	t.Helper()
	sents, err := dataset.ReadCoNLLU(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldPair
	for _, s := range sents {
		for i, w := range s.Words {
			if !contentUPOS[w.UPOS] || !pyIsAlpha(w.Form) && !strings.Contains(w.Form, "-") {
				continue
			}
			proper := i > 0 && w.Form != strings.ToLower(w.Form)
			out = append(out, goldPair{strings.ToLower(w.Form), strings.ToLower(w.Lemma), w.UPOS, proper})
		}
	}
	return out
}

// pyIsAlpha is Python's str.isalpha: non-empty and every character a letter.
func pyIsAlpha(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// udScore is what stemeval.py prints: accuracy over all pairs, over the pairs
// whose lemma differs from the form, and over those where it does not.
type udScore struct {
	all, ok, aff, okAff, un, okUn int
	misses                        map[string]int
}

func (s udScore) String() string {
	return fmt.Sprintf("all %.4f (%d/%d)  affixed %.4f (%d/%d)  unaffixed-kept %.4f (%d/%d)",
		float64(s.ok)/float64(s.all), s.ok, s.all,
		float64(s.okAff)/float64(max(1, s.aff)), s.okAff, s.aff,
		float64(s.okUn)/float64(max(1, s.un)), s.okUn, s.un)
}

func (s udScore) accuracy() float64 { return float64(s.ok) / float64(s.all) }

func scoreUD(st *Stemmer, gold []goldPair) udScore {
	sc := udScore{misses: map[string]int{}}
	for _, p := range gold {
		got := strings.ToLower(strings.TrimSpace(st.Stem(p.form)))
		sc.all++
		hit := got == p.lemma
		if hit {
			sc.ok++
		} else {
			sc.misses[p.form+"->"+got+" (gold "+p.lemma+")"]++
		}
		if p.form != p.lemma {
			sc.aff++
			if hit {
				sc.okAff++
			}
		} else {
			sc.un++
			if hit {
				sc.okUn++
			}
		}
	}
	return sc
}

// scorePipeline is the accuracy a tokenizing pipeline gets: capitalised words
// that do not start their sentence are passed to StemToken as proper nouns.
func scorePipeline(st *Stemmer, gold []goldPair) float64 {
	ok := 0
	for _, p := range gold {
		if st.StemToken(p.form, p.proper) == p.lemma {
			ok++
		}
	}
	return float64(ok) / float64(len(gold))
}

func TestUDAccuracy(t *testing.T) {
	for _, c := range []struct {
		file string
		bar  float64
	}{
		{"data/ud/id_gsd-ud-dev.conllu", 0.94},
		{"data/ud/id_csui-ud-train.conllu", 0.95},
	} {
		gold := udGold(t, c.file)
		sc := scoreUD(Default(), gold)
		t.Logf("%s: %v; as a pipeline (capitalised words as proper nouns) %.4f", c.file, sc, scorePipeline(Default(), gold))
		if os.Getenv("STEM_MISSES") != "" {
			dumpMisses(t, sc.misses, os.Getenv("STEM_MISSES")+c.file[11:14])
		}
		if sc.accuracy() < c.bar {
			t.Errorf("%s: accuracy %.4f below the bar %.2f", c.file, sc.accuracy(), c.bar)
		}
	}
}

func dumpMisses(t *testing.T, m map[string]int, path string) {
	type kv struct {
		k string
		n int
	}
	var l []kv
	for k, n := range m {
		l = append(l, kv{k, n})
	}
	for i := 1; i < len(l); i++ {
		for j := i; j > 0 && (l[j].n > l[j-1].n || l[j].n == l[j-1].n && l[j].k < l[j-1].k); j-- {
			l[j], l[j-1] = l[j-1], l[j]
		}
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, e := range l {
		fmt.Fprintf(f, "%d\t%s\n", e.n, e.k)
	}
}

// heldOutLexicon builds the default lexicon with the UD lemmas of udPaths only
// (own roots, Snowball-derived roots and those lemmas).
func heldOutLexicon(t *testing.T, udPaths ...string) (*Stemmer, int) {
	t.Helper()
	var lemmas []string
	if len(udPaths) > 0 {
		var err error
		if lemmas, err = rootgen.UDLemmas(udPaths...); err != nil {
			t.Fatal(err)
		}
	}
	lex := buildLexicon(lemmas)
	st, err := New(Config{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return st, lex.Len()
}

// splitCoNLLU writes the sentences of a UD file alternately into two files in
// dir (even-numbered sentences, odd-numbered ones) and returns their paths.
func splitCoNLLU(t *testing.T, path, dir string) (even, odd string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var parts [2]strings.Builder
	for i, sent := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n\n") {
		if strings.TrimSpace(sent) == "" {
			continue
		}
		parts[i%2].WriteString(strings.TrimSpace(sent) + "\n\n")
	}
	base := filepath.Join(dir, filepath.Base(path))
	even, odd = base+".even", base+".odd"
	for i, p := range [...]string{even, odd} {
		if err := os.WriteFile(p, []byte(parts[i].String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return even, odd
}

// TestUDHeldOut estimates how the stemmer generalises, three ways:
//
//   - leave one file out: the lexicon is rebuilt without the lemmas of the file
//     being scored (own roots, Snowball-derived roots and the other treebank's
//     lemmas), so every root the scored file needs must come from elsewhere and
//     the other treebank's conventions decide. This is the harshest estimate, and
//     the one asserted.
//   - no UD lemmas at all: own roots and Snowball-derived roots only.
//   - split half: the lexicon has the other treebank's lemmas and those of the
//     even-numbered sentences of the scored file, which is scored on its
//     odd-numbered sentences: the situation of a held-out test file of the same
//     treebank, scored with the shipped lexicon.
func TestUDHeldOut(t *testing.T) {
	files := []string{"data/ud/id_gsd-ud-dev.conllu", "data/ud/id_csui-ud-train.conllu"}
	bars := []float64{0.95, 0.96}
	dir := t.TempDir()
	for i, file := range files {
		path, other := dataset.Path(t, file), dataset.Path(t, files[1-i])
		gold := udGold(t, file)
		st, n := heldOutLexicon(t, other)
		sc := scoreUD(st, gold)
		t.Logf("%s leave-one-file-out (lexicon %d roots): %v; as a pipeline %.4f", file, n, sc, scorePipeline(st, gold))
		if sc.accuracy() < bars[i] {
			t.Errorf("%s: held-out accuracy %.4f below %.3f", file, sc.accuracy(), bars[i])
		}
		if os.Getenv("STEM_MISSES_HELDOUT") != "" {
			dumpMisses(t, sc.misses, os.Getenv("STEM_MISSES_HELDOUT")+fmt.Sprint(i))
		}
		st, n = heldOutLexicon(t)
		t.Logf("%s with no UD lemmas (lexicon %d roots): %v", file, n, scoreUD(st, gold))
		even, odd := splitCoNLLU(t, path, dir)
		st, n = heldOutLexicon(t, other, even)
		t.Logf("%s split half, odd sentences scored (lexicon %d roots): %v", file, n, scoreUD(st, udGoldFile(t, odd)))
	}
}

// TestDerivedListsReproducible regenerates the derived root lists from the shared
// data and checks that they are the ones shipped (run go generate after changing
// the generator or roots-own.txt).
func TestDerivedListsReproducible(t *testing.T) {
	ud, err := rootgen.UDLemmas(dataset.Path(t, "data/ud/id_gsd-ud-dev.conllu"), dataset.Path(t, "data/ud/id_csui-ud-train.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	voc := readLines(t, dataset.System(t, "/usr/share/snowball/data/indonesian/voc.txt"))
	own := append(listLines(rootsOwn), listLines(lexicalised)...)
	sb := rootgen.SnowballRoots(voc, own)
	un := rootgen.SnowballUnanalysed(voc, append(append([]string(nil), own...), sb...))
	roots := append(append(append([]string(nil), own...), ud...), sb...)
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"nasal-losers.txt", rootgen.NasalLosers(voc, roots), listLines(nasalLosers)},
		{"roots-ud.txt", ud, listLines(rootsUD)},
		{"roots-snowball.txt", sb, listLines(rootsSnowball)},
		{"roots-unanalysed.txt", un, listLines(rootsUnanalysed)},
	} {
		if strings.Join(c.got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("data/%s is stale: generated %d entries, shipped %d; run go generate ./analysis/stem", c.name, len(c.got), len(c.want))
		}
	}
}

// listLines returns the entries of an embedded list, in order.
func listLines(list string) []string { return listEntries(list) }
