package exampletest_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/telaah/telaah/internal/exampletest"
)

func main() { fmt.Println("indexed 43 articles") }

func TestStdoutReturnsWhatMainPrinted(t *testing.T) {
	stdout := os.Stdout
	out := exampletest.Stdout(t, main)
	if out != "indexed 43 articles\n" {
		t.Fatalf("Stdout = %q, want main's line", out)
	}
	if os.Stdout != stdout {
		t.Fatal("os.Stdout was not put back")
	}
	exampletest.Contains(t, out, "indexed 43 articles")
}
