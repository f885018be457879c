package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/telaah/telaah/analysis/stem"
)

// runStem reads one word a line on stdin and writes its stem (lower case) a line
// on stdout, in the same order; a blank line gives a blank line. With --explain
// each line is "word<TAB>stem<TAB>analysis<TAB>rules".
func runStem(e *env, args []string) error {
	fs := newFlags(e, "stem", "[--mode=default|snowball] [--explain] [--protect=w1,w2] [--lexicon=FILE] < words")
	mode := fs.String("mode", "default", "algorithm: default (lexicon-backed) or snowball (Tala, as Snowball/Lucene run it)")
	explain := fs.Bool("explain", false, "print word, stem, analysis (meng- + kata + -kan) and the rules that fired, tab-separated")
	protect := fs.String("protect", "", "comma-separated words never to stem (added to the built-in names)")
	lexicon := fs.String("lexicon", "", "root lexicon file (one root a line) to use instead of the built-in one")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("stem: unexpected argument %q (words are read from stdin)", fs.Arg(0))}
	}
	m, err := stem.ParseMode(*mode)
	if err != nil {
		return usageError{err.Error()}
	}
	cfg := stem.Config{Mode: m}
	if *protect != "" {
		for _, w := range strings.Split(*protect, ",") {
			if w = strings.TrimSpace(w); w != "" {
				cfg.Protected = append(cfg.Protected, w)
			}
		}
	}
	if *lexicon != "" {
		f, err := os.Open(*lexicon)
		if err != nil {
			return fmt.Errorf("lexicon: %w", err)
		}
		lex, err := stem.ReadRootLexicon(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("lexicon %s: %w", *lexicon, err)
		}
		cfg.Lexicon = lex
	}
	s, err := stem.New(cfg)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(e.stdin)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	w := bufio.NewWriter(e.stdout)
	line := 0
	for sc.Scan() {
		line++
		word := strings.TrimSpace(strings.TrimSuffix(sc.Text(), "\r"))
		if !*explain {
			if word != "" {
				w.WriteString(s.Stem(word))
			}
			w.WriteByte('\n')
			continue
		}
		if word == "" {
			w.WriteByte('\n')
			continue
		}
		a := s.Analyze(word)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", a.Word, a.Root, a, strings.Join(a.Rules, "; "))
	}
	if err := sc.Err(); err != nil {
		w.Flush()
		return fmt.Errorf("reading stdin after line %d: %w", line, err)
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing stdout: %w", err)
	}
	return nil
}
