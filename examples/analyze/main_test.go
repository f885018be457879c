package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestExampleRuns runs the example as "go run ./examples/analyze" does and checks
// what it prints, so that every example listed in the README stays runnable.
func TestExampleRuns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "stdout")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	defer func() { os.Stdout = stdout }()
	main()
	os.Stdout = stdout
	f.Close()
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"entities:", "Telegram"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("output lacks %q:\n%s", want, b)
		}
	}
}
