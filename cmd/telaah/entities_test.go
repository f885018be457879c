package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/internal/dataset"
)

func TestEntitiesJSON(t *testing.T) {
	out, _, err := runTelaah(t, telaah.ReferenceArticle(), "entities")
	if err != nil {
		t.Fatal(err)
	}
	var got []entity.Entity
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e entity.Entity
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatalf("line %q: %v", line, err)
		}
		got = append(got, e)
	}
	want := entity.Default().Extract(telaah.ReferenceArticle())
	if len(got) != len(want) {
		t.Fatalf("%d entities printed, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i] != want[i] {
			t.Errorf("entity %d: %+v, want %+v", i, got[i], want[i])
		}
	}
}

func TestEntitiesCoNLL(t *testing.T) {
	in := "Presiden PROPN O\r\nJoko PROPN B-PER\r\nWidodo\tB-PERSON\r\n\r\n\r\ndi\r\nJakarta\r\n.\r\n"
	out, _, err := runTelaah(t, in, "entities", "--conll")
	if err != nil {
		t.Fatal(err)
	}
	want := "Presiden\tO\nJoko\tB-PER\nWidodo\tI-PER\n\ndi\tO\nJakarta\tB-LOC\n.\tO\n\n"
	if out != want {
		t.Errorf("got\n%q\nwant\n%q", out, want)
	}
}

func TestEntitiesUsage(t *testing.T) {
	if _, _, err := runTelaah(t, "", "entities", "--bogus"); exitCode(err) != 2 {
		t.Errorf("bad flag: %v (exit %d)", err, exitCode(err))
	}
	if _, _, err := runTelaah(t, "", "entities", "--style", "wiki"); exitCode(err) != 2 {
		t.Errorf("bad style: %v", err)
	}
	if _, _, err := runTelaah(t, "", "entities", "no-such-file"); err == nil || !strings.Contains(err.Error(), "no-such-file") {
		t.Errorf("missing file: %v", err)
	}
	if _, _, err := runTelaah(t, "", "entities", "--model", filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("missing model accepted")
	}
}

// TestEntitiesNereval runs ../shared/tools/nereval.py against the built command
// and checks that it prints the same score as the Go evaluation.
func TestEntitiesNereval(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	gold := dataset.Path(t, "data/ner/idner-news-2k/dev.txt")
	script := dataset.Path(t, "tools/nereval.py")
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not installed")
	}
	bin := filepath.Join(t.TempDir(), "telaah")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out, err := exec.Command(py, script, gold, "--", bin, "entities", "--conll").Output()
	if err != nil {
		t.Fatalf("nereval: %v", err)
	}
	f, err := os.Open(gold)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := entity.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	var g [][]string
	for _, s := range sents {
		g = append(g, s.Tags)
	}
	sc, err := entity.Evaluate(g, entity.Default().TagSentences(sents))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(out)), sc.String(); got != want {
		t.Errorf("nereval.py: %s\nGo:         %s", got, want)
	}
	t.Logf("nereval.py: %s", out)
}
