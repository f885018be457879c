package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/telaah/telaah/tokenize"
)

// runTokenize implements "telaah tokenize": raw UTF-8 text in the files named
// (stdin for none or "-"), one token a line on stdout with an empty line after
// each sentence, or with --json one JSON object a token (text, start, end, kind,
// case, flags, and the clitic split; with several files, the file's name). The
// input is streamed in bounded memory; offsets are into the whole of each input.
func runTokenize(e *env, args []string) error {
	fs := newFlags(e, "tokenize", "[--split-clitics] [--json] [FILE...]")
	split := fs.Bool("split-clitics", false, "split clitics off their words as UD Indonesian does (buku + nya)")
	asJSON := fs.Bool("json", false, "print one JSON object a token, with byte offsets, kind, case and flags")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	many := fs.NArg() > 1
	err := eachInput(e, fs.Args(), func(src source) error {
		sc := tokenize.Tokenizer{SplitClitics: *split}.NewScanner(src.r)
		first := true
		for sc.Scan() {
			t := sc.Token()
			if *asJSON {
				j := jsonToken(t)
				if many {
					j.File = src.name
				}
				if err := enc.Encode(j); err != nil {
					return fmt.Errorf("write token: %w", err)
				}
				continue
			}
			if first && many {
				fmt.Fprintf(w, "==> %s <==\n", src.name)
			}
			if t.Is(tokenize.SentenceStart) && !first {
				w.WriteByte('\n')
			}
			first = false
			w.WriteString(t.Text)
			w.WriteByte('\n')
		}
		if err := sc.Err(); err != nil {
			return fmt.Errorf("reading %s: %w", src.name, err)
		}
		if !*asJSON && !first {
			w.WriteByte('\n')
		}
		return nil
	})
	if ferr := w.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("write stdout: %w", ferr)
	}
	return err
}

// tokenJSON is the --json form of a token.
type tokenJSON struct {
	File      string         `json:"file,omitempty"`
	Text      string         `json:"text"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
	Kind      tokenize.Kind  `json:"kind"`
	Case      tokenize.Case  `json:"case,omitempty"`
	Flags     tokenize.Flags `json:"flags,omitempty"`
	Proclitic string         `json:"proclitic,omitempty"`
	Base      string         `json:"base,omitempty"`
	Enclitic  string         `json:"enclitic,omitempty"`
}

func jsonToken(t tokenize.Token) tokenJSON {
	j := tokenJSON{Text: t.Text, Start: t.Start, End: t.End, Kind: t.Kind, Case: t.Case, Flags: t.Flags}
	if t.Pro > 0 || t.Enc > 0 {
		j.Proclitic, j.Base, j.Enclitic = t.Split()
	}
	return j
}
