package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
)

// runEntities prints the entities of the text in the files named (stdin for none
// or "-") as JSON lines, or with --conll tags CoNLL tokens. Text is read a window
// of whole paragraphs at a time and the entities of each window are written
// before the next is read, so memory stays bounded; offsets are into the whole
// of each input.
func runEntities(e *env, args []string) error {
	fs := newFlags(e, "entities", "[--conll] [--style news|nergrit] [--model FILE] [FILE...]")
	conll := fs.Bool("conll", false, "read CoNLL (token in the first column, blank line between sentences) and print token<TAB>BIO tag")
	modelPath := fs.String("model", "", "use this model file (from train-entities) instead of the embedded one")
	style := fs.String("style", "news", "annotation style of PER/ORG/LOC spans: news (idner-news-2k) or nergrit")
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
	switch *style {
	case "news":
		r = r.WithStyle(entity.StyleNews)
	case "nergrit":
		r = r.WithStyle(entity.StyleNERGrit)
	default:
		return usageError{fmt.Sprintf("unknown style %q (want news or nergrit)", *style)}
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	many := fs.NArg() > 1
	err := eachInput(e, fs.Args(), func(src source) error {
		if *conll {
			if err := tagCoNLL(r, src.r, w); err != nil {
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
