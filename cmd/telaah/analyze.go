package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

// maxAnalyze is the most text analyze reads from stdin (64 MiB).
const maxAnalyze = 64 << 20

// runAnalyze reads text on stdin and prints its sentences, tokens, stems and
// entities.
func runAnalyze(e *env, args []string) error {
	fs := newFlags(e, "analyze", "[--json] [--no-entities] < text")
	asJSON := fs.Bool("json", false, "print JSON instead of a table")
	noEnt := fs.Bool("no-entities", false, "skip entity recognition (proper nouns by capitalisation only)")
	split := fs.Bool("split-clitics", false, "split clitics into tokens of their own")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("analyze reads stdin and takes no arguments, got %q", fs.Args())}
	}
	b, err := io.ReadAll(io.LimitReader(e.stdin, maxAnalyze+1))
	if err != nil {
		return fmt.Errorf("reading stdin: %w", err)
	}
	if len(b) > maxAnalyze {
		return fmt.Errorf("input longer than %d bytes: split it", maxAnalyze)
	}
	if !utf8.Valid(b) {
		return fmt.Errorf("input is not valid UTF-8")
	}
	p := &analysis.Pipeline{Tokenizer: tokenize.Tokenizer{SplitClitics: *split}}
	var doc *analysis.Document
	text := string(b)
	if *noEnt {
		doc = &analysis.Document{Text: text, Terms: p.Terms(text), Sentences: p.Tokenizer.Sentences(text)}
	} else {
		doc = p.Analyze(text)
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(jsonDoc(doc))
	}
	return printDoc(e.stdout, doc)
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
	Start  int        `json:"start"`
	End    int        `json:"end"`
	Text   string     `json:"text"`
	Tokens []jsonTerm `json:"tokens"`
}

// jsonDoc is the JSON form of an analysis: sentences with their tokens, and the
// entities.
func jsonDoc(d *analysis.Document) any {
	out := struct {
		Sentences []jsonSentence  `json:"sentences"`
		Entities  []entity.Entity `json:"entities"`
	}{Sentences: []jsonSentence{}, Entities: d.Entities}
	if out.Entities == nil {
		out.Entities = []entity.Entity{}
	}
	k := 0
	for _, s := range d.Sentences {
		js := jsonSentence{Start: s.Start, End: s.End, Text: strings.TrimSpace(d.Text[s.Start:s.End]), Tokens: []jsonTerm{}}
		for ; k < len(d.Terms) && d.Terms[k].Start < s.End; k++ {
			t := d.Terms[k]
			js.Tokens = append(js.Tokens, jsonTerm{t.Text, t.Start, t.End, kindName(t.Kind), t.Norm, t.Stem, t.Stopword, t.Proper})
		}
		out.Sentences = append(out.Sentences, js)
	}
	return out
}

// printDoc prints an analysis as a table a sentence at a time, then the entities.
func printDoc(w io.Writer, d *analysis.Document) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	k := 0
	i := 0
	for _, s := range d.Sentences {
		if len(s.Tokens) == 0 {
			continue
		}
		i++
		fmt.Fprintf(tw, "sentence %d [%d:%d]\n", i, s.Start, s.End)
		fmt.Fprintln(tw, "  token\tkind\tstem\tnotes\toffsets")
		for ; k < len(d.Terms) && d.Terms[k].Start < s.End; k++ {
			t := d.Terms[k]
			var notes []string
			if t.Stopword {
				notes = append(notes, "stopword")
			}
			if t.Proper {
				notes = append(notes, "proper")
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d:%d\n", t.Text, kindName(t.Kind), t.Stem, strings.Join(notes, ","), t.Start, t.End)
		}
		fmt.Fprintln(tw)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "entities: %d\n", len(d.Entities))
	tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	for _, en := range d.Entities {
		norm := en.Value
		if en.Number != 0 {
			norm = strings.TrimSpace(fmt.Sprintf("%g %s", en.Number, en.Value))
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%d:%d\t%.2f\n", en.Label, en.Text, en.Canonical, norm, en.Start, en.End, en.Confidence)
	}
	return tw.Flush()
}
