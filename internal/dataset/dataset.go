// Package dataset finds the project's shared, read-only data sets (UD treebanks, NER
// corpora, Debian's snowball-data) for tests and benchmarks.
//
// The data live outside the module, in ../shared beside the module root. Tests call
// [Path]: when a file is absent the test is skipped with a clear message, except
// under CI=true, where a missing data set fails the test.
package dataset

import (
	"os"
	"path/filepath"
	"testing"
)

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

// Shared returns the path of rel (slash-separated) inside ../shared beside the module
// root, whether or not it exists.
func Shared(rel string) string {
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
		tb.Skipf("data set %s is absent; skipping (it is required under CI=true)", path)
	}
	return path
}
