package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrainEntities(t *testing.T) {
	dir := t.TempDir()
	train := filepath.Join(dir, "train.txt")
	data := "Budi B-PER\npergi O\nke O\nJakarta B-LOC\n. O\n\nSiti B-PER\nbekerja O\ndi O\nPT B-ORG\nMaju I-ORG\n. O\n"
	if err := os.WriteFile(train, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(dir, "m.gz")
	_, stderr, err := runTelaah(t, "", "train-entities", "-train", train, "-aux", "", "-dev", train, "-epochs", "10", "-runs", "1", "-o", model)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "dev F1") || !strings.Contains(stderr, "wrote "+model) {
		t.Errorf("progress:\n%s", stderr)
	}
	out, _, err := runTelaah(t, "Budi\npergi\nke\nJakarta\n", "entities", "--conll", "--model", model)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Budi\tB-PER\npergi\tO\nke\tO\nJakarta\tB-LOC\n\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	if _, _, err := runTelaah(t, "", "train-entities", "-train", filepath.Join(dir, "missing"), "-aux", "", "-o", model); err == nil {
		t.Error("missing training file accepted")
	}
	// Run outside the repository with no -o, or into a folder that does not
	// exist, it writes nothing.
	cwd := t.TempDir()
	t.Chdir(cwd)
	if _, _, err := runTelaah(t, "", "train-entities", "-train", train); exitCode(err) != 2 {
		t.Errorf("train-entities without -o: %v", err)
	}
	if _, _, err := runTelaah(t, "", "train-entities", "-train", train, "-learner", "svm", "-o", model); exitCode(err) != 2 {
		t.Errorf("train-entities -learner svm: %v", err)
	}
	if _, stderr, err := runTelaah(t, "", "train-entities", "-train", train, "-learner", "perceptron", "-runs", "1", "-o", model); err != nil {
		t.Errorf("train-entities -learner perceptron: %v\n%s", err, stderr)
	}
	if _, _, err := runTelaah(t, "", "train-entities", "-o", model); exitCode(err) != 2 {
		t.Errorf("train-entities without -train: %v", err)
	}
	if _, _, err := runTelaah(t, "", "train-entities", "-train", train, "-o", filepath.Join("analysis", "entity", "model", "ner.model.gz")); err == nil {
		t.Error("train-entities wrote into a folder that does not exist")
	}
	if entries, _ := os.ReadDir(cwd); len(entries) > 0 {
		t.Errorf("train-entities wrote under the current folder: %v", entries)
	}
}
