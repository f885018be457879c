package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
)

// runStem stems every word of the text in the files named (stdin for none or
// "-") and keeps everything else: the spaces and punctuation between words and
// the lines, so "pembangunan menggunakan pengguna" gives "bangun guna guna" and a
// word a line gives its stem a line. Stems are in lower case; line ends are
// written as LF. With --explain each word gives a line
// "word<TAB>stem<TAB>analysis<TAB>rules" and an empty line stays empty. A line of
// any length is read in pieces of bounded size cut between words.
func runStem(e *env, args []string) error {
	fs := newFlags(e, "stem", "[--mode=default|snowball] [--explain] [--protect=w1,w2] [--lexicon=FILE] [FILE...]")
	mode := fs.String("mode", "default", "algorithm: default (lexicon-backed) or snowball (Tala, as Snowball/Lucene run it)")
	explain := fs.Bool("explain", false, "print a line a word: word, stem, analysis (meng- + kata + -kan) and the rules that fired, tab-separated")
	protect := fs.String("protect", "", "comma-separated words never to stem (added to the built-in names)")
	lexicon := fs.String("lexicon", "", "root lexicon file (one root a line) to use instead of the built-in one")
	if err := parseFlags(fs, args); err != nil {
		return err
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
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	err = eachInput(e, fs.Args(), func(src source) error {
		pr := newPieceReader(src.r, 64<<10)
		for {
			b, _, line, err := pr.next()
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return fmt.Errorf("reading %s at line %d: %w", src.name, line, err)
			}
			stemPiece(w, s, string(b), *explain)
		}
	})
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing stdout: %w", ferr)
	}
	return err
}

// stemPiece writes a piece of text (lines, or a cut of a long line) with its
// words stemmed, or with explain one line of analysis a word.
func stemPiece(w *bufio.Writer, s *stem.Stemmer, text string, explain bool) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	last := 0
	for t := range tokenize.All(text) {
		if explain {
			if t.Kind != tokenize.Word {
				continue
			}
			a := s.Analyze(t.Text)
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", a.Word, a.Root, a, strings.Join(a.Rules, "; "))
			continue
		}
		w.WriteString(text[last:t.Start])
		if t.Kind == tokenize.Word {
			w.WriteString(s.Stem(t.Text))
		} else {
			w.WriteString(t.Text)
		}
		last = t.End
	}
	if explain {
		// An empty line stays an empty line.
		for _, l := range strings.SplitAfter(text, "\n") {
			if l != "" && strings.TrimSpace(l) == "" {
				w.WriteByte('\n')
			}
		}
		return
	}
	w.WriteString(text[last:])
}
