package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

// runAnalyze prints the sentences, tokens, stems and entities of the text in the
// files named (stdin for none or "-"). It reads a window of whole paragraphs at a
// time and writes as it goes, so memory stays bounded on input of any size;
// offsets are into the whole of each input.
func runAnalyze(e *env, args []string) error {
	fs := newFlags(e, "analyze", "[--json] [--no-entities] [--split-clitics] [FILE...]")
	asJSON := fs.Bool("json", false, "print JSON lines, one object a sentence (tokens and entities), instead of a table")
	noEnt := fs.Bool("no-entities", false, "skip entity recognition (proper nouns by capitalisation only)")
	split := fs.Bool("split-clitics", false, "split clitics into tokens of their own")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	p := &analysis.Pipeline{Tokenizer: tokenize.Tokenizer{SplitClitics: *split}}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	many := fs.NArg() > 1
	err := eachInput(e, fs.Args(), func(src source) error {
		out := &docWriter{w: w, json: *asJSON}
		if many {
			out.file = src.name
			if !*asJSON {
				fmt.Fprintf(w, "==> %s <==\n", src.name)
			}
		}
		wr := newWindowReader(src.r)
		for {
			win, off, line, err := wr.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("reading %s: %w", src.name, err)
			}
			if err := checkUTF8(src.name, win, off, line); err != nil {
				return err
			}
			text := string(win)
			var doc *analysis.Document
			if *noEnt {
				sents := p.Tokenizer.Sentences(text)
				doc = &analysis.Document{Text: text, Terms: p.SentenceTerms(sents), Sentences: sents}
			} else {
				doc = p.Analyze(text)
			}
			if err := out.write(doc, int(off)); err != nil {
				return err
			}
		}
		if !*asJSON {
			fmt.Fprintf(w, "entities: %d\n", out.entities)
		}
		return nil
	})
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing stdout: %w", ferr)
	}
	return err
}

// kindNames names the token kinds.
var kindNames = map[tokenize.Kind]string{
	tokenize.Word: "word", tokenize.Number: "number", tokenize.Punct: "punct",
	tokenize.Symbol: "symbol", tokenize.URL: "url", tokenize.Email: "email",
	tokenize.Mention: "mention", tokenize.Hashtag: "hashtag",
	tokenize.Abbreviation: "abbreviation", tokenize.Emoji: "emoji",
}

func kindName(k tokenize.Kind) string {
	if n, ok := kindNames[k]; ok {
		return n
	}
	return fmt.Sprintf("kind%d", k)
}

type jsonTerm struct {
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Kind     string `json:"kind"`
	Norm     string `json:"norm"`
	Stem     string `json:"stem,omitempty"`
	Stopword bool   `json:"stopword,omitempty"`
	Proper   bool   `json:"proper,omitempty"`
}

type jsonSentence struct {
	File     string          `json:"file,omitempty"`
	Start    int             `json:"start"`
	End      int             `json:"end"`
	Text     string          `json:"text"`
	Tokens   []jsonTerm      `json:"tokens"`
	Entities []entity.Entity `json:"entities"`
}

// docWriter prints the analyses of the windows of one input, a sentence at a
// time: as a table, each sentence's tokens followed by the entities that start in
// it, or as JSON lines, one object a sentence.
type docWriter struct {
	w        *bufio.Writer
	json     bool
	file     string // the input's name when there are several, else ""
	n        int    // sentences printed
	entities int    // entities printed
}

// write prints the analysis of a window that starts at offset base of the input.
func (o *docWriter) write(d *analysis.Document, base int) error {
	enc := json.NewEncoder(o.w)
	enc.SetEscapeHTML(false)
	tw := tabwriter.NewWriter(o.w, 0, 4, 2, ' ', 0)
	k, en := 0, 0
	for _, s := range d.Sentences {
		var terms []analysis.Term
		for k < len(d.Terms) && d.Terms[k].Start < s.End {
			terms = append(terms, d.Terms[k])
			k++
		}
		start := en
		for en < len(d.Entities) && d.Entities[en].Start < s.End {
			en++
		}
		ents := d.Entities[start:en]
		if len(s.Tokens) == 0 && len(ents) == 0 {
			continue
		}
		o.n++
		o.entities += len(ents)
		if o.json {
			js := jsonSentence{File: o.file, Start: base + s.Start, End: base + s.End,
				Text: strings.TrimSpace(d.Text[s.Start:s.End]), Tokens: make([]jsonTerm, 0, len(terms)), Entities: make([]entity.Entity, 0, len(ents))}
			for _, t := range terms {
				js.Tokens = append(js.Tokens, jsonTerm{t.Text, base + t.Start, base + t.End, kindName(t.Kind), t.Norm, t.Stem, t.Stopword, t.Proper})
			}
			for _, e := range ents {
				e.Start += base
				e.End += base
				js.Entities = append(js.Entities, e)
			}
			if err := enc.Encode(js); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(tw, "sentence %d [%d:%d]\n", o.n, base+s.Start, base+s.End)
		fmt.Fprintln(tw, "  token\tkind\tstem\tnotes\toffsets")
		for _, t := range terms {
			var notes []string
			if t.Stopword {
				notes = append(notes, "stopword")
			}
			if t.Proper {
				notes = append(notes, "proper")
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d:%d\n", t.Text, kindName(t.Kind), t.Stem, strings.Join(notes, ","), base+t.Start, base+t.End)
		}
		if len(ents) > 0 {
			fmt.Fprintln(tw, "  entity\ttext\tcanonical\tvalue\toffsets\tconfidence")
		}
		for _, e := range ents {
			norm := e.Value
			if e.Number != 0 {
				norm = strings.TrimSpace(fmt.Sprintf("%g %s", e.Number, e.Value))
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d:%d\t%.3f\n", e.Label, e.Text, e.Canonical, norm, base+e.Start, base+e.End, e.Confidence)
		}
		fmt.Fprintln(tw)
	}
	return tw.Flush()
}
