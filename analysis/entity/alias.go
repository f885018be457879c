package entity

import (
	"sort"
	"strings"
)

// Alias is one entry of the built-in alias list (lists/alias.tsv): a nickname or
// acronym of a well-known Indonesian person, institution or region and the full
// name it stands for, both lower-cased: jokowi → joko widodo, kpk → komisi
// pemberantasan korupsi, jateng → jawa tengah. The list carries no label: an
// alias is read in the field it is used for.
type Alias struct {
	Short string // the alias: kpk
	Full  string // the full name: komisi pemberantasan korupsi
}

// Aliases returns a copy of the built-in alias list, sorted by Short. Clustering
// uses the same list to give an alias its full name within one document; the
// index uses it to give one identity to an entity across a corpus.
func Aliases() []Alias {
	m := aliases()
	out := make([]Alias, 0, len(m))
	for s, f := range m {
		out = append(out, Alias{Short: s, Full: f})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Short < out[j].Short })
	return out
}

// LookupAlias returns the full name (lower-cased) that a nickname or acronym of
// the built-in list stands for, in any case and spacing: LookupAlias("KPK") is
// "komisi pemberantasan korupsi", true.
func LookupAlias(name string) (string, bool) {
	full, ok := aliases()[strings.Join(strings.Fields(strings.ToLower(name)), " ")]
	return full, ok
}
