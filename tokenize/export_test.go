package tokenize

import (
	"io/fs"
	"strings"
)

// ListNames returns the embedded word lists, for the tests.
func ListNames() []string {
	var names []string
	fs.WalkDir(dataFS, "data", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			names = append(names, p)
		}
		return nil
	})
	return names
}

// List returns the lines of an embedded list.
func List(name string) []string {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
}
