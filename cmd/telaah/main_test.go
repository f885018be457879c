package main

import (
	"bytes"
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
