package entity

import (
	"sort"
	"strings"
	"testing"
)

// TestAliasList: the list is sorted by alias, one alias a line, both columns
// lower-case, every alias once.
func TestAliasList(t *testing.T) {
	data, err := listFS.ReadFile("lists/alias.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var shorts []string
	for i, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			if strings.Contains(line, "\t") {
				t.Errorf("line %d: a tab in a comment makes it an entry for clustering: %q", i+1, line)
			}
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
			t.Errorf("line %d: want alias, tab, full name: %q", i+1, line)
			continue
		}
		if strings.ToLower(line) != line {
			t.Errorf("line %d: not lower-case: %q", i+1, line)
		}
		shorts = append(shorts, parts[0])
	}
	if !sort.StringsAreSorted(shorts) {
		t.Error("the aliases are not sorted")
	}
	for i := 1; i < len(shorts); i++ {
		if shorts[i] == shorts[i-1] {
			t.Errorf("alias %q twice", shorts[i])
		}
	}
	if got := Aliases(); len(got) != len(shorts) {
		t.Errorf("Aliases() has %d entries, the list %d", len(got), len(shorts))
	}
}

func TestLookupAlias(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"KPK", "komisi pemberantasan korupsi"},
		{" Jokowi ", "joko widodo"},
		{"Bung  Karno", "soekarno"},
		{"Sumut", "sumatera utara"},
	} {
		if got, ok := LookupAlias(c.in); !ok || got != c.want {
			t.Errorf("LookupAlias(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	if got, ok := LookupAlias("Pavel Durov"); ok {
		t.Errorf("LookupAlias(Pavel Durov) = %q", got)
	}
}
