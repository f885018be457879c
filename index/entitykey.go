package index

import (
	"slices"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
)

// EntityKey returns the identity key of an entity name as the entity registry
// computes it without the aliases learned from the articles: the lower-cased
// words without punctuation, abbreviations spelled out, the word provinsi left
// out, a built-in alias replaced by its full name and, for places, a leading
// Kota left out. Names with equal keys are the same entity (KPK and Komisi
// Pemberantasan Korupsi, Semarang and Kota Semarang). Backends that keep no
// registry of their own (package index/opensearch) index and filter by it.
func EntityKey(l entity.Label, name string) string {
	return strings.Join(nameWords(name, l, nil), " ")
}

// EntityIsFull reports whether name is a full form of the entity with the
// given key, as the registry decides its display name: its key without learned
// aliases is the entity's key (Komisi Pemberantasan Korupsi, or KPK through the
// built-in list, but not an alias an article taught).
func EntityIsFull(l entity.Label, name, key string) bool { return EntityKey(l, name) == key }

// EntityKeyWith is EntityKey with the aliases learned from the articles: learned
// maps the key of an alias (AliasKey) to the stored name it stands for, as
// LearnAliases derives it.
func EntityKeyWith(l entity.Label, name string, learned map[string]string) string {
	return strings.Join(nameWords(name, l, learned), " ")
}

// AliasKey is the key under which an alias is learned: its lower-cased words
// without punctuation.
func AliasKey(alias string) string { return strings.Join(plainWords(alias), " ") }

// Teaches returns the aliases an article's entity teaches the whole index, as
// the registry learns them: one-word forms the article writes beside the name
// that are not a word of it (BMKG for Badan Meteorologi, Klimatologi, dan
// Geofisika) and not on the built-in list.
func Teaches(d entity.Distinct) []string { return teaches(d) }

// Taught is one alias that articles teach: the key of the alias, the stored
// name it stands for and the number of articles that teach it.
type Taught struct {
	Label    entity.Label
	Alias    string // AliasKey of the alias
	Target   string // the stored name
	Articles int
}

// LearnAliases derives the learned aliases from what the articles teach, as the
// registry does: an alias stands for the name most articles teach, when at
// least twice as many teach it as any other name. The result maps a label to
// the keys of its aliases and their names.
func LearnAliases(taught []Taught) map[entity.Label]map[string]string {
	r := newRegistry()
	for _, t := range taught {
		by := inner(r.taught, t.Label)
		if by[t.Alias] == nil {
			by[t.Alias] = map[string]int{}
		}
		by[t.Alias][t.Target] += t.Articles
	}
	ignore := map[groupKey]bool{}
	for l, by := range r.taught {
		for a := range by {
			r.revote(l, a, ignore)
		}
	}
	return r.learned
}

// PlaceHeads returns the words before a place's name that make it another
// place than the bare name (kabupaten, kecamatan, desa …), which the registry
// tries when a place filter matches no name exactly (Grobogan finds Kabupaten
// Grobogan), sorted.
func PlaceHeads() []string {
	out := make([]string, 0, len(placeHeads))
	for h := range placeHeads {
		out = append(out, h)
	}
	slices.Sort(out)
	return out
}

// IsInitials reports whether acr (lower-cased) is made of the initials of the
// words of an organisation's key, with or without its function words (kpu for
// komisi pemilihan umum), as the registry matches an acronym no alias lists.
func IsInitials(acr string, words []string) bool { return isInitials(acr, words) }

// AcronymSkip returns the function words an acronym may leave out (dan, di,
// untuk …), sorted.
func AcronymSkip() []string {
	out := make([]string, 0, len(acronymSkip))
	for w := range acronymSkip {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}
