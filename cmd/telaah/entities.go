package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/telaah/telaah/analysis/entity"
)

// runEntities prints the entities of the text in the files named (stdin for none
// or "-") as JSON lines, or with --conll tags CoNLL tokens. Text is read a window
// of whole paragraphs at a time and the entities of each window are written
// before the next is read, so memory stays bounded; offsets are into the whole
// of each input.
func runEntities(e *env, args []string) error {
	fs := newFlags(e, "entities", "[--conll] [--style default|idner|nergrit] [--model FILE] [FILE...]")
	conll := fs.Bool("conll", false, "read CoNLL (token in the first column, blank line between sentences, -DOCSTART- between documents), run Extract on each document and print token<TAB>BIO tag")
	modelPath := fs.String("model", "", "use this model file (from train-entities) instead of the embedded one")
	style := fs.String("style", "default", "annotation style of PER/ORG/LOC spans: default (the package guideline), idner (idner-news-2k) or nergrit")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var r *entity.Recognizer // the zero value means the embedded model
	if *modelPath != "" {
		f, err := openText(*modelPath)
		if err != nil {
			return fmt.Errorf("--model: %w", err)
		}
		r, err = entity.Load(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("--model %s: not a model written by train-entities: %w", *modelPath, err)
		}
	}
	st, err := entity.ParseStyle(*style)
	if err != nil {
		return usageError{fmt.Sprintf("unknown style %q (want default, idner or nergrit)", *style)}
	}
	r = r.WithStyle(st)
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	many := fs.NArg() > 1
	err = eachInput(e, fs.Args(), func(src source) error {
		if *conll {
			if err := r.TagCoNLL(src.r, w); err != nil {
				return fmt.Errorf("%s: %w", src.name, err)
			}
			return nil
		}
		return writeEntities(r, src, many, w)
	})
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing stdout: %w", ferr)
	}
	return err
}

// fileEntity is an entity as "telaah entities" prints it: with the input's name
// when there are several inputs.
type fileEntity struct {
	File string `json:"file,omitempty"`
	entity.Entity
}

// writeEntities writes the entities of one input as JSON lines, a window at a
// time.
func writeEntities(r *entity.Recognizer, src source, named bool, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	wr := newWindowReader(src.r)
	out := fileEntity{}
	if named {
		out.File = src.name
	}
	for {
		win, off, line, err := wr.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading %s: %w", src.name, err)
		}
		if err := checkUTF8(src.name, win, off, line); err != nil {
			return err
		}
		for _, ent := range r.Extract(string(win)) {
			ent.Start += int(off)
			ent.End += int(off)
			out.Entity = ent
			if err := enc.Encode(out); err != nil {
				return err
			}
		}
	}
}
