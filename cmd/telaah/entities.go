package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
)

// runEntities prints the entities of the text on stdin as JSON lines, or with
// --conll tags CoNLL tokens on stdin.
func runEntities(e *env, args []string) error {
	fs := newFlags(e, "entities", "[--conll] [--style news|nergrit] [--model FILE] < input")
	conll := fs.Bool("conll", false, "read CoNLL (token in the first column, blank line between sentences) and print token<TAB>BIO tag")
	modelPath := fs.String("model", "", "use this model file (from train-entities) instead of the embedded one")
	style := fs.String("style", "news", "annotation style of PER/ORG/LOC spans: news (idner-news-2k) or nergrit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected arguments: %q", fs.Args())}
	}
	var r *entity.Recognizer // the zero value means the embedded model
	if *modelPath != "" {
		f, err := os.Open(*modelPath)
		if err != nil {
			return err
		}
		r, err = entity.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *modelPath, err)
		}
	}
	switch *style {
	case "news":
		r = r.WithStyle(entity.StyleNews)
	case "nergrit":
		r = r.WithStyle(entity.StyleNERGrit)
	default:
		return usageError{fmt.Sprintf("unknown style %q (want news or nergrit)", *style)}
	}
	if *conll {
		return tagCoNLL(r, e.stdin, e.stdout)
	}
	data, err := io.ReadAll(e.stdin)
	if err != nil {
		return fmt.Errorf("reading stdin: %w", err)
	}
	w := bufio.NewWriter(e.stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, ent := range r.Extract(string(data)) {
		if err := enc.Encode(ent); err != nil {
			return err
		}
	}
	return w.Flush()
}

// tagCoNLL streams CoNLL sentences from in and writes token<TAB>tag lines to out,
// a blank line after each sentence. Every non-blank input line gets one output line.
func tagCoNLL(r *entity.Recognizer, in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	w := bufio.NewWriter(out)
	var words []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		for i, t := range r.Tag(words) {
			w.WriteString(words[i])
			w.WriteByte('\t')
			w.WriteString(t)
			w.WriteByte('\n')
		}
		w.WriteByte('\n')
		words = words[:0]
	}
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		var tok string
		if i := strings.IndexByte(s, '\t'); i >= 0 {
			tok = s[:i]
		} else if f := strings.Fields(s); len(f) > 0 {
			tok = f[0]
		}
		words = append(words, tok)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading CoNLL line %d: %w", line+1, err)
	}
	flush()
	return w.Flush()
}
