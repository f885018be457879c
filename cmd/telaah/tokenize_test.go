package main

import (
	"encoding/json"
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestTokenizeCommand(t *testing.T) {
	out, _, err := runTelaah(t, "Bukunya di Jl. Sudirman. \"Apa?\" tanyanya.\n", "tokenize")
	if err != nil {
		t.Fatal(err)
	}
	want := "Bukunya\ndi\nJl.\nSudirman\n.\n\n\"\nApa\n?\n\"\ntanyanya\n.\n\n"
	if out != want {
		t.Errorf("tokenize:\n%q\nwant\n%q", out, want)
	}
	out, _, err = runTelaah(t, "Bukunya kepada-Nya.", "tokenize", "--split-clitics")
	if err != nil {
		t.Fatal(err)
	}
	if want := "Buku\nnya\nkepada\n-\nNya\n.\n\n"; out != want {
		t.Errorf("tokenize --split-clitics:\n%q\nwant\n%q", out, want)
	}
	out, _, err = runTelaah(t, "", "tokenize")
	if err != nil || out != "" {
		t.Errorf("empty input: %q, %v", out, err)
	}
}

func TestTokenizeCommandJSON(t *testing.T) {
	out, _, err := runTelaah(t, "Bukunya 1,5%", "tokenize", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d lines: %q", len(lines), out)
	}
	var tok struct {
		Text, Kind, Case, Flags, Base, Enclitic string
		Start, End                              int
	}
	if err := json.Unmarshal([]byte(lines[0]), &tok); err != nil {
		t.Fatal(err)
	}
	if tok.Text != "Bukunya" || tok.Start != 0 || tok.End != 7 || tok.Kind != "word" || tok.Case != "capitalised" ||
		tok.Flags != "sentence-start" || tok.Base != "Buku" || tok.Enclitic != "nya" {
		t.Errorf("first token: %+v", tok)
	}
	if !strings.Contains(lines[1], `"kind":"number"`) || !strings.Contains(lines[2], `"kind":"symbol"`) {
		t.Errorf("kinds: %q", lines[1:])
	}
}

func TestTokenizeCommandUsage(t *testing.T) {
	_, stderr, err := runTelaah(t, "", "tokenize", "--help")
	if !errors.Is(err, flag.ErrHelp) || !strings.Contains(stderr, "--split-clitics") && !strings.Contains(stderr, "-split-clitics") {
		t.Errorf("--help: %v, %q", err, stderr)
	}
	_, _, err = runTelaah(t, "", "tokenize", "--nope")
	var u usageError
	if !errors.As(err, &u) {
		t.Errorf("bad flag: %v", err)
	}
	_, _, err = runTelaah(t, "", "tokenize", "no-such-file.txt")
	if err == nil || !strings.Contains(err.Error(), "no-such-file.txt") {
		t.Errorf("missing file: %v", err)
	}
}
