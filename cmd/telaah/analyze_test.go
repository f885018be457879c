package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/tokenize"
)

func TestAnalyzeTable(t *testing.T) {
	out, _, err := runTelaah(t, telaah.ReferenceArticle(), "analyze")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sentence 1", "Telegram", "proper", "stopword", "entities:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
}

func TestAnalyzeJSON(t *testing.T) {
	text := telaah.ReferenceArticle()
	out, _, err := runTelaah(t, text, "analyze", "--json")
	if err != nil {
		t.Fatal(err)
	}
	sents := decodeSentences(t, out)
	if len(sents) < 5 {
		t.Fatalf("%d sentences", len(sents))
	}
	proper := false
	var ents []entity.Entity
	for _, s := range sents {
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q has offsets %d:%d of %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			if tok.Text == "Durov" && tok.Proper {
				proper = true
			}
		}
		ents = append(ents, s.Entities...)
	}
	if !proper {
		t.Error("Durov is never marked proper")
	}
	if want := entity.Default().Extract(text); !slices.Equal(ents, want) {
		t.Errorf("entities of the sentences:\n%v\nwant\n%v", ents, want)
	}
}

type sentenceLine struct {
	Start, End int
	Tokens     []struct {
		Text       string
		Start, End int
		Stem       string
		Proper     bool
	}
	Entities []entity.Entity
}

// decodeSentences decodes analyze's JSON lines.
func decodeSentences(t *testing.T, out string) []sentenceLine {
	t.Helper()
	var sents []sentenceLine
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var s sentenceLine
		if err := dec.Decode(&s); err != nil {
			t.Fatal(err)
		}
		sents = append(sents, s)
	}
	return sents
}

// TestAnalyzeStreams checks that analyze reads its input a window at a time with
// offsets into the whole input: the reference article repeated past several
// windows, and as one line far longer than a window.
func TestAnalyzeStreams(t *testing.T) {
	ref := telaah.ReferenceArticle()
	for name, text := range map[string]string{
		"paragraphs": strings.Repeat(ref+"\n\n", 3*defaultWindow/len(ref)+1),
		"one line":   strings.Repeat(strings.ReplaceAll(ref, "\n", " ")+" ", maxWindow*5/4/len(ref)+1),
	} {
		flagSets := [][]string{{"--json"}}
		if name == "paragraphs" {
			flagSets = append(flagSets, []string{"--json", "--no-entities"})
		}
		for _, flags := range flagSets {
			out, _, err := runTelaah(t, text, append([]string{"analyze"}, flags...)...)
			if err != nil {
				t.Fatal(err)
			}
			n, ents := 0, 0
			for _, s := range decodeSentences(t, out) {
				for _, tok := range s.Tokens {
					if text[tok.Start:tok.End] != tok.Text {
						t.Fatalf("%s %v: token %q has offsets %d:%d of %q", name, flags, tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
					}
					n++
				}
				for _, e := range s.Entities {
					if text[e.Start:e.End] != e.Text {
						t.Fatalf("%s %v: entity %q has offsets %d:%d of %q", name, flags, e.Text, e.Start, e.End, text[e.Start:e.End])
					}
					ents++
				}
			}
			if want := len(tokenize.Tokenize(text)); n != want {
				t.Errorf("%s %v: %d tokens, want %d", name, flags, n, want)
			}
			if (ents > 0) == slices.Contains(flags, "--no-entities") {
				t.Errorf("%s %v: %d entities", name, flags, ents)
			}
		}
	}
}

func TestAnalyzeFiles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	os.WriteFile(a, []byte("Joko Widodo ke Bekasi."), 0o644)
	out, _, err := runTelaah(t, "Banjir di Jakarta.", "analyze", a, "-")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"==> " + a + " <==", "==> stdin <==", "Widodo", "Jakarta", "entities: "} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out, _, err = runTelaah(t, "", "analyze", "--json", a, a)
	if err != nil || strings.Count(out, `"file":"`+a+`"`) != 2 {
		t.Errorf("--json with two files: %v\n%s", err, out)
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	_, _, err := runTelaah(t, "Baris satu.\n\nBaris \xff\xfe dua.", "analyze")
	if err == nil || !strings.Contains(err.Error(), "stdin:3: invalid UTF-8 at byte 19") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if _, _, err := runTelaah(t, "x", "analyze", "no-such-file"); err == nil || !strings.Contains(err.Error(), "no-such-file") {
		t.Errorf("missing file: %v", err)
	}
	if _, _, err := runTelaah(t, "x", "analyze", t.TempDir()); err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("folder: %v", err)
	}
	if out, _, err := runTelaah(t, "", "analyze", "--json"); err != nil || out != "" {
		t.Errorf("empty input: %v %q", err, out)
	}
}
