package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/telaah/telaah"
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
	var doc struct {
		Sentences []struct {
			Start, End int
			Tokens     []struct {
				Text       string
				Start, End int
				Stem       string
				Proper     bool
			}
		}
		Entities []struct{ Text, Label string }
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Sentences) < 5 {
		t.Fatalf("%d sentences", len(doc.Sentences))
	}
	proper := false
	for _, s := range doc.Sentences {
		for _, tok := range s.Tokens {
			if text[tok.Start:tok.End] != tok.Text {
				t.Fatalf("token %q has offsets %d:%d of %q", tok.Text, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			if tok.Text == "Durov" && tok.Proper {
				proper = true
			}
		}
	}
	if !proper {
		t.Error("Durov is never marked proper")
	}
}

func TestAnalyzeBadInput(t *testing.T) {
	if _, _, err := runTelaah(t, "\xff\xfe", "analyze"); err == nil {
		t.Error("invalid UTF-8: no error")
	}
	if _, _, err := runTelaah(t, "x", "analyze", "extra"); exitCode(err) != 2 {
		t.Errorf("extra argument: %v", err)
	}
	if out, _, err := runTelaah(t, "", "analyze", "--json"); err != nil || !strings.Contains(out, `"sentences"`) {
		t.Errorf("empty input: %v %q", err, out)
	}
}
