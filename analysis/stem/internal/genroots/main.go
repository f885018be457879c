// Command genroots rebuilds the derived root lists of the stemmer's lexicon from
// the shared data:
//
//	data/roots-ud.txt        the usable lemmas of the UD Indonesian treebanks
//	data/roots-snowball.txt  the root-like forms of Snowball's Indonesian vocabulary
//	data/roots-unanalysed.txt  the other forms of that vocabulary no rule reduces
//	data/nasal-losers.txt    roots that lose a meN-/peN- ambiguity by the vocabulary's evidence
//
// Run it from analysis/stem with "go generate" (see gen.go there), or:
//
//	go run ./internal/genroots -shared ../../../shared -voc /usr/share/snowball/data/indonesian/voc.txt
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/telaah/telaah/analysis/stem/internal/rootgen"
)

func main() {
	shared := flag.String("shared", "../../../shared", "the shared data folder")
	voc := flag.String("voc", "/usr/share/snowball/data/indonesian/voc.txt", "Snowball's Indonesian vocabulary")
	out := flag.String("out", "data", "where to write the lists")
	flag.Parse()
	if err := run(*shared, *voc, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genroots:", err)
		os.Exit(1)
	}
}

func run(shared, voc, out string) error {
	ud, err := rootgen.UDLemmas(
		filepath.Join(shared, "data/ud/id_gsd-ud-dev.conllu"),
		filepath.Join(shared, "data/ud/id_csui-ud-train.conllu"))
	if err != nil {
		return err
	}
	if err := write(filepath.Join(out, "roots-ud.txt"), ud); err != nil {
		return err
	}
	words, err := readLines(voc)
	if err != nil {
		return err
	}
	// Our roots and the affixed forms we keep as roots (lexicalised.txt).
	own, err := readLines(filepath.Join(out, "roots-own.txt"))
	if err != nil {
		return err
	}
	lexicalised, err := readLines(filepath.Join(out, "lexicalised.txt"))
	if err != nil {
		return err
	}
	own = append(own, lexicalised...)
	sb := rootgen.SnowballRoots(words, own)
	if err := write(filepath.Join(out, "roots-snowball.txt"), sb); err != nil {
		return err
	}
	// The UD lemmas stay out of this step, so the list depends on the
	// vocabulary and our own roots only.
	known := append(append([]string(nil), own...), sb...)
	un := rootgen.SnowballUnanalysed(words, known)
	if err := write(filepath.Join(out, "roots-unanalysed.txt"), un); err != nil {
		return err
	}
	roots := append(append(append([]string(nil), own...), ud...), sb...)
	return write(filepath.Join(out, "nasal-losers.txt"), rootgen.NasalLosers(words, roots))
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		s := sc.Text()
		if i := strings.IndexByte(s, '#'); i >= 0 {
			s = s[:i] // a comment
		}
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

func write(path string, words []string) error {
	sort.Strings(words)
	var b strings.Builder
	for _, w := range words {
		b.WriteString(w)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d roots\n", path, len(words))
	return nil
}
