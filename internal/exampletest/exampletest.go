// Package exampletest runs an example program's main in its test and hands
// back what it printed, so that every example the README lists stays runnable.
package exampletest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Stdout calls run with os.Stdout sent to a temporary file and returns what it
// wrote there; os.Stdout is put back even when run fails the test.
func Stdout(t testing.TB, run func()) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "stdout")
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	stdout := os.Stdout
	os.Stdout = f
	defer func() { os.Stdout = stdout }()
	run()
	os.Stdout = stdout
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Contains fails t for each of wants that out lacks, showing out once.
func Contains(t testing.TB, out string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
