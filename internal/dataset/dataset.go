// Package dataset finds the project's shared, read-only data sets (UD treebanks, NER
// corpora, Debian's snowball-data) for tests and benchmarks.
//
// The data live outside the module, in ../shared beside the module root, or in the
// folder named by the environment variable TELAAH_SHARED. Tests call [Path]: when
// a file is absent the test is skipped with a clear message, except under
// CI=true, where a missing data set fails the test. A skip is also announced in
// plain "go test ./..." output (which shows nothing of a passing package): one
// line a missing data set, written to the go command's standard error.
//
// The data sets: the UD Indonesian GSD and CSUI treebanks (data/ud/, CC BY-SA
// 4.0, github.com/UniversalDependencies), idner-news-2k and NERGrit
// (data/ner/, MIT and Apache-2.0), the seed reference article (seed/) and the
// scoring scripts (tools/); Debian's snowball-data for the Snowball
// conformance vocabulary.
package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// EnvShared is the environment variable that names the shared data folder
// instead of ../shared.
const EnvShared = "TELAAH_SHARED"

// Root returns the module root: the nearest directory at or above the working
// directory that holds a go.mod file. It returns "" when there is none.
func Root() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Shared returns the path of rel (slash-separated) inside the shared data folder:
// $TELAAH_SHARED when it is set, else ../shared beside the module root, whether or
// not the file exists.
func Shared(rel string) string {
	if dir := os.Getenv(EnvShared); dir != "" {
		return filepath.Join(dir, filepath.FromSlash(rel))
	}
	return filepath.Join(Root(), "..", "shared", filepath.FromSlash(rel))
}

// Path returns the path of rel inside ../shared, or ends the test: skipped when the
// file is absent, failed when it is absent and the environment has CI=true.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	return require(tb, Shared(rel))
}

// System returns an absolute path on the machine (such as Debian's
// /usr/share/snowball/data/indonesian/voc.txt) with the same skip-or-fail rule as
// [Path].
func System(tb testing.TB, path string) string {
	tb.Helper()
	return require(tb, path)
}

func require(tb testing.TB, path string) string {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		if os.Getenv("CI") == "true" {
			tb.Fatalf("data set %s is missing under CI=true: %v", path, err)
		}
		announce(path)
		tb.Skipf("data set %s is absent; skipping (put it there or set %s; it is required under CI=true)", path, EnvShared)
	}
	return path
}

// announced holds the missing paths already announced by this test binary.
var announced sync.Map

// announce makes a skip for a missing data set visible in plain "go test ./..."
// output, which hides everything a passing package prints: it writes one line a
// path to the standard error of the parent process (the go command) when it can,
// else to this process's standard output. With -v the skip message shows anyway.
func announce(path string) {
	if testing.Verbose() {
		return
	}
	if _, dup := announced.LoadOrStore(path, true); dup {
		return
	}
	msg := fmt.Sprintf("telaah: SKIP tests of %s: data set %s is absent (see internal/dataset; set %s)\n", filepath.Base(os.Args[0]), path, EnvShared)
	if f, err := os.OpenFile(fmt.Sprintf("/proc/%d/fd/2", os.Getppid()), os.O_WRONLY|os.O_APPEND, 0); err == nil {
		defer f.Close()
		if _, err := f.WriteString(msg); err == nil {
			return
		}
	}
	fmt.Print(msg)
}
