package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// runTelaah runs telaah in process with the given stdin and returns stdout, stderr
// and the error.
func runTelaah(t *testing.T, stdin string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(&env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return out.String(), errb.String(), err
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, _, err := runTelaah(t, "", args...)
		if err != nil || !strings.HasPrefix(out, "telaah ") || !strings.Contains(out, "go1.") {
			t.Errorf("%q: %v %q", args, err, out)
		}
	}
}

// "telaah help search" prints the help of search, on stdout.
func TestHelpCommand(t *testing.T) {
	out, _, err := runTelaah(t, "", "help", "search")
	if err != nil || !strings.Contains(out, "usage: telaah search") || !strings.Contains(out, "-index") {
		t.Errorf("help search: %v\n%s", err, out)
	}
	if _, _, err := runTelaah(t, "", "help", "nosuch"); exitCode(err) != 2 {
		t.Errorf("help of an unknown command: %v", err)
	}
	out, _, err = runTelaah(t, "", "help")
	if err != nil || !strings.Contains(out, "commands:") {
		t.Errorf("help: %v\n%s", err, out)
	}
}

// Flags may follow the arguments, and "--" ends the flags.
func TestFlagsAnywhere(t *testing.T) {
	out, _, err := runTelaah(t, "Joko Widodo", "tokenize", "-", "--json")
	if err != nil || !strings.Contains(out, `"text":"Joko"`) {
		t.Errorf("flag after the argument: %v\n%s", err, out)
	}
	dir := t.TempDir()
	dash := filepath.Join(dir, "-x.txt")
	os.WriteFile(dash, []byte("menggunakan\n"), 0o644)
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chdir(wd) })
	out, _, err = runTelaah(t, "", "stem", "--", "-x.txt")
	if err != nil || out != "guna\n" {
		t.Errorf(`"--" then a file named -x.txt: %v %q`, err, out)
	}
	if _, _, err := runTelaah(t, "", "stem", "-x.txt"); exitCode(err) != 2 {
		t.Errorf("-x.txt without --: %v", err)
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	name := fs.String("index", "", "")
	asJSON := fs.Bool("json", false, "")
	if err := parseFlags(fs, []string{"banjir", "--json", "--index", "--", "bekasi", "--", "--size"}); err != nil {
		t.Fatal(err)
	}
	if *name != "--" || !*asJSON || !slices.Equal(fs.Args(), []string{"banjir", "bekasi", "--size"}) {
		t.Errorf("index %q json %v args %q", *name, *asJSON, fs.Args())
	}
}

// An error carries the command's name once.
func TestErrorPrefix(t *testing.T) {
	_, _, err := runTelaah(t, "", "stem", "--mode=porter")
	if err == nil || strings.Count(err.Error(), "stem:") != 1 {
		t.Errorf("error %q", err)
	}
}

var wd, _ = os.Getwd()
