package index

import (
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah/analysis/entity"
)

// The entity registry gives one identity to each person, organisation and place
// across the whole index, whatever name an article gives it: KPK and Komisi
// Pemberantasan Korupsi, BMKG and Badan Meteorologi, Klimatologi, dan Geofisika,
// Semarang and Kota Semarang, Polda Sumut and Kepolisian Daerah Sumatera Utara.
//
// Articles keep the names they were indexed with (the keyword fields persons,
// organizations and places); the registry knows every stored name, how many
// articles and mentions it has, and the aliases the articles taught, and it
// resolves names at query time. So an alias learned after its articles were
// indexed still finds them, and re-indexing or deleting an article takes its
// names and aliases out of the registry again.
//
// Two names are the same entity when their keys are equal. The key of a name
// is its lower-cased words without punctuation, with abbreviations spelled out
// (Kab. → kabupaten, Pemkot → pemerintah kota, Polda → kepolisian daerah), the
// word provinsi left out, a built-in alias replaced by its full name (as a
// whole name, or as its last word: Dinas Kesehatan NTT), an alias learned from
// the articles replaced by the name it stands for, and, for places, a leading
// Kota left out (Kota Semarang is Semarang; Kabupaten Semarang is another
// place).
//
// The registry lives in memory. Its source of truth is a stored field of every
// article (FieldEntities, the article's distinct entities and the aliases it
// teaches), written in the same bleve batch as the article, so the registry is
// exactly as durable as the articles and is rebuilt from them when an index is
// opened (or read from its cache file when that is current; see
// registry_store.go). Writes update it incrementally (registry_state.go).

// FieldEntities is the stored (not searchable) field holding an article's
// distinct entities as JSON, most salient first: the source of the entity
// registry and of [Hit.Entities].
const FieldEntities = "entities"

// docEntity is one distinct entity of an article, as stored in FieldEntities.
type docEntity struct {
	Label      entity.Label `json:"l"`
	Name       string       `json:"n"`           // the name stored in the keyword field
	Mentions   int          `json:"m"`           // mentions in the article
	Salience   float64      `json:"s"`           // see entity.DistinctEntities
	Confidence float64      `json:"c"`           // aggregated over the mentions
	InTitle    bool         `json:"t,omitempty"` // mentioned in the title
	InLead     bool         `json:"d,omitempty"` // mentioned in the lead
	// Teaches are the aliases that the article gives this entity across the
	// corpus: acronyms written beside the long name (BMKG for Badan
	// Meteorologi, Klimatologi, dan Geofisika) and other one-word forms that are
	// not part of the name.
	Teaches []string `json:"a,omitempty"`
}

// docSummary is what the registry knows of one article.
type docSummary struct {
	Entities []docEntity `json:"e"`
}

func (s *docSummary) encode() []byte {
	if b, ok := s.appendJSON(make([]byte, 0, 64+96*len(s.Entities))); ok {
		return b
	}
	b, err := s.marshalJSON()
	if err != nil {
		panic(fmt.Sprintf("index: encoding entities: %v", err)) // plain structs: cannot fail
	}
	return b
}

func decodeSummary(b []byte) (*docSummary, error) {
	var s docSummary
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("reading the stored entities: %w", err)
	}
	return &s, nil
}

// valueKey is a stored name of an entity field.
type valueKey struct {
	label entity.Label
	name  string
}

// valueStat counts the articles and mentions of a stored name.
type valueStat struct {
	articles, mentions int
	// full is the name's own words joined (nameWords without learned
	// aliases, a function of the name alone), computed the first time an
	// entity of the name is rebuilt; fullSet says it is.
	full    string
	fullSet bool
}

// aliasSpelling writes a built-in alias as news does: an acronym in capitals
// (KPK, BMKG, DIY), a nickname capitalised (Jokowi, Gus Dur).
func aliasSpelling(a entity.Alias) string {
	if !strings.Contains(a.Short, " ") && (len(a.Short) <= 3 || initialsIn(a.Short, plainWords(a.Full))) {
		return strings.ToUpper(a.Short)
	}
	ws := strings.Fields(a.Short)
	for i, w := range ws {
		r, n := utf8.DecodeRuneInString(w)
		ws[i] = string(unicode.ToUpper(r)) + w[n:]
	}
	return strings.Join(ws, " ")
}

// initialsIn reports whether the letters of acr are initials of words, in
// order, skipping some words: PSSI in Persatuan Sepak Bola Seluruh Indonesia.
func initialsIn(acr string, words []string) bool {
	i := 0
	for _, w := range words {
		if i < len(acr) && w[0] == acr[i] {
			i++
		}
	}
	return i == len(acr)
}

// nameWords returns the words of the key of a name (see the registry's
// documentation); learned maps the keys of learned aliases to their stored
// names, and may be nil.
func nameWords(name string, l entity.Label, learned map[string]string) []string {
	ws := plainWords(name)
	if l == entity.ORG {
		ws = stripCompanyForm(ws)
	}
	if len(ws) == 0 {
		return ws
	}
	joined := strings.Join(ws, " ")
	if full, ok := entity.LookupAlias(joined); ok {
		ws = plainWords(full)
	} else if target, ok := learned[joined]; ok {
		ws = plainWords(target)
		if full, ok := entity.LookupAlias(strings.Join(ws, " ")); ok {
			ws = plainWords(full)
		}
	} else if n := len(ws); n > 1 {
		if full, ok := entity.LookupAlias(ws[n-1]); ok && len(ws[n-1]) > 1 {
			ws = append(ws[:n-1], plainWords(full)...)
		}
	}
	if l == entity.LOC && len(ws) > 1 && ws[0] == "kota" {
		ws = ws[1:]
	}
	return ws
}

// companyForms are the legal forms around a company's name (PT Kereta Api
// Indonesia (Persero), PT Telkom Indonesia Tbk.), which are not part of its
// identity.
var companyForms = map[string]bool{"pt": true, "cv": true, "persero": true, "tbk": true, "ud": true}

// stripCompanyForm leaves out a leading and trailing legal forms of a company
// name, unless nothing else remains.
func stripCompanyForm(ws []string) []string {
	i, j := 0, len(ws)
	for i < j && companyForms[ws[i]] {
		i++
	}
	for j > i && companyForms[ws[j-1]] {
		j--
	}
	if i == j {
		return ws
	}
	return ws[i:j]
}

// plainWords returns the lower-cased words of a name without punctuation, the
// abbreviations of nameAbbrevs spelled out and the word provinsi left out.
func plainWords(name string) []string {
	f := func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c) && c != '-' && c != '\'' && c != '&'
	}
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(name), f) {
		w = strings.Trim(w, "-'")
		if w == "" || w == "provinsi" {
			continue
		}
		if full, ok := nameAbbrevs[w]; ok {
			out = append(out, full...)
			continue
		}
		out = append(out, w)
	}
	return out
}

// nameAbbrevs are the abbreviations and contractions in names of places and
// institutions that stand for the same words in every name.
var nameAbbrevs = map[string][]string{
	"jl":      {"jalan"},
	"jln":     {"jalan"},
	"kab":     {"kabupaten"},
	"kec":     {"kecamatan"},
	"kel":     {"kelurahan"},
	"pemkab":  {"pemerintah", "kabupaten"},
	"pemkot":  {"pemerintah", "kota"},
	"pemprov": {"pemerintah"}, // provinsi is left out of keys
	"pemilu":  {"pemilihan", "umum"},
	"polda":   {"kepolisian", "daerah"},
	"polres":  {"kepolisian", "resor"},
	"polsek":  {"kepolisian", "sektor"},
	"prov":    {}, // provinsi
}

// placeHeads are the words before a place's name that make it another place
// than the bare name (Kabupaten Semarang is not Semarang, the city), tried when
// a place filter matches no name exactly.
var placeHeads = map[string]bool{
	"kabupaten": true, "kecamatan": true, "kelurahan": true, "desa": true, "dusun": true,
	"kampung": true, "pulau": true, "kepulauan": true, "gunung": true, "daerah": true,
	"istimewa": true, "khusus": true,
}

func compactStrings(ss []string) []string {
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// AmbiguousError is the error of a filter on a name that denotes several
// entities of the index (two people called Dimas): the filter needs one of the
// Candidates.
type AmbiguousError struct {
	Field      string   // FieldPersons, FieldOrganizations or FieldPlaces
	Name       string   // the name as given
	Candidates []string // the entities it may denote, most mentioned first (at most 10)
	More       int      // the number of other candidates, not listed
}

// Error says which name is ambiguous and lists the candidates.
func (e *AmbiguousError) Error() string {
	q := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		q[i] = fmt.Sprintf("%q", c)
	}
	more := ""
	if e.More > 0 {
		more = fmt.Sprintf(" or %d more", e.More)
	}
	return fmt.Sprintf("%s %q is ambiguous: it may be %s%s; give the full name",
		fieldNoun(e.Field), e.Name, strings.Join(q, ", "), more)
}

// fieldNoun names the kind of entity of an entity field.
func fieldNoun(field string) string {
	switch field {
	case FieldPersons:
		return "person"
	case FieldOrganizations:
		return "organisation"
	case FieldPlaces:
		return "place"
	}
	return field
}

// fieldLabel returns the label of an entity field.
func fieldLabel(field string) (entity.Label, bool) {
	switch field {
	case FieldPersons:
		return entity.PER, true
	case FieldOrganizations:
		return entity.ORG, true
	case FieldPlaces:
		return entity.LOC, true
	}
	return "", false
}

// labelField returns the entity field of a label.
func labelField(l entity.Label) string {
	switch l {
	case entity.PER:
		return FieldPersons
	case entity.ORG:
		return FieldOrganizations
	case entity.LOC:
		return FieldPlaces
	}
	return ""
}

// containsRun reports whether sub occurs in words as a contiguous run.
func containsRun(words, sub []string) bool {
	for i := 0; i+len(sub) <= len(words) && len(sub) > 0; i++ {
		if equalWords(words[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

func equalWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func allIn(ws []string, set map[string]bool) bool {
	for _, w := range ws {
		if !set[w] {
			return false
		}
	}
	return true
}

// acronymSkip are the function words an acronym may leave out (BPKP: Badan
// Pengawasan Keuangan dan Pembangunan).
var acronymSkip = map[string]bool{
	"dan": true, "dari": true, "di": true, "untuk": true, "ke": true, "&": true,
	"of": true, "and": true, "the": true, "for": true,
}

// isInitials reports whether acr (lower-cased, at least two letters) is made
// of the initials of words, with or without their function words.
func isInitials(acr string, words []string) bool {
	if len(acr) < 2 || len(words) < 2 || len(acr) > len(words) {
		return false
	}
	var all, content strings.Builder
	for _, w := range words {
		all.WriteByte(w[0])
		if !acronymSkip[w] {
			content.WriteByte(w[0])
		}
	}
	return acr == all.String() || acr == content.String()
}

// EntityInfo describes one entity of the index's registry.
type EntityInfo struct {
	Label entity.Label
	// Name is the entity's display name: the name under which facets count it.
	Name string
	// Aliases are the other names that denote it: other stored forms (Kota
	// Semarang beside Semarang), built-in aliases (KPK) and aliases the articles
	// taught (BMKG).
	Aliases []string
	// Articles is the number of articles that mention it (an article that
	// wrote two of its forms, which Extract normally merges, counts twice).
	// A filter by it may find more: its offices' (BMKG Ambon) too.
	Articles int
	// Mentions is the number of its mentions in all the articles.
	Mentions int
}

// matchesPrefix reports whether one of the group's names, or a word of one,
// starts with the lower-cased prefix p.
func (g *group) matchesPrefix(p string) bool {
	for _, names := range [][]string{g.values, g.aliases} {
		for _, n := range names {
			n = strings.ToLower(n)
			if strings.HasPrefix(n, p) {
				return true
			}
			for i := 0; i < len(n); i++ {
				if n[i] == ' ' && strings.HasPrefix(n[i+1:], p) {
					return true
				}
			}
		}
	}
	return false
}

// resolveEntity returns the indexed values of an entity field (FieldPersons,
// FieldOrganizations or FieldPlaces) that denote the entity a name stands for:
// its canonical name and every other stored form, found through the entity
// registry (any alias, any case). An unknown name returns the name itself, so
// that a query on it finds nothing; a name of several entities returns an
// *AmbiguousError. The query language uses it for persons:"…" and the like.
func (x *Index) resolveEntity(field, name string) ([]string, error) {
	return x.reg.resolve(field, name)
}
