package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/telaah/telaah/analysis/entity"
)

// runEntities prints the entities of the text on stdin as JSON lines, or with
// --conll tags CoNLL tokens on stdin.
func runEntities(e *env, args []string) error {
	fs := newFlags(e, "entities", "[--conll] [--style default|idner|nergrit] [--model FILE] < input")
	conll := fs.Bool("conll", false, "read CoNLL (token in the first column, blank line between sentences, -DOCSTART- between documents), run Extract on each document and print token<TAB>BIO tag")
	modelPath := fs.String("model", "", "use this model file (from train-entities) instead of the embedded one")
	style := fs.String("style", "default", "annotation style of PER/ORG/LOC spans: default (the package guideline), idner (idner-news-2k) or nergrit")
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
	st, err := entity.ParseStyle(*style)
	if err != nil {
		return usageError{fmt.Sprintf("unknown style %q (want default, idner or nergrit)", *style)}
	}
	r = r.WithStyle(st)
	if *conll {
		return r.TagCoNLL(e.stdin, e.stdout)
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
