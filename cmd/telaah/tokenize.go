package main

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/telaah/telaah/tokenize"
)

// runTokenize implements "telaah tokenize": raw UTF-8 text on stdin, one token a
// line on stdout with an empty line after each sentence, or with --json one JSON
// object a token (text, start, end, kind, case, flags, and the clitic split).
func runTokenize(e *env, args []string) error {
	fs := newFlags(e, "tokenize", "[--split-clitics] [--json] < text")
	split := fs.Bool("split-clitics", false, "split clitics off their words as UD Indonesian does (buku + nya)")
	asJSON := fs.Bool("json", false, "print one JSON object a token, with byte offsets, kind, case and flags")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("tokenize reads stdin and takes no arguments, got %q", fs.Args())}
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	sc := tokenize.Tokenizer{SplitClitics: *split}.NewScanner(e.stdin)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	first := true
	for sc.Scan() {
		t := sc.Token()
		if *asJSON {
			if err := enc.Encode(jsonToken(t)); err != nil {
				return fmt.Errorf("write token: %w", err)
			}
			continue
		}
		if t.Is(tokenize.SentenceStart) && !first {
			w.WriteByte('\n')
		}
		first = false
		w.WriteString(t.Text)
		w.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read stdin: %w", err)
	}
	if !*asJSON && !first {
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write stdout: %w", err)
	}
	return nil
}

// tokenJSON is the --json form of a token.
type tokenJSON struct {
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
