package main

import (
	"testing"

	"github.com/telaah/telaah/internal/exampletest"
)

// TestExampleRuns runs the example as "go run ./examples/analyze" does and checks
// what it prints, so that every example listed in the README stays runnable.
func TestExampleRuns(t *testing.T) {
	exampletest.Contains(t, exampletest.Stdout(t, main), "entities:", "Telegram")
}
