package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"sync"
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
// opened.

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
	b, err := json.Marshal(s)
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
}

// taughtKey is an alias (its key) that articles taught for a stored name.
type taughtKey struct {
	label  entity.Label
	alias  string // the key of the alias: bmkg
	target string // the stored name: Badan Meteorologi, Klimatologi, dan Geofisika
}

// group is one entity: the stored names with the same key.
type group struct {
	label    entity.Label
	key      string
	name     string   // the display name: the fullest, most mentioned stored name
	values   []string // the stored names, the display name first
	aliases  []string // other names that resolve to it: built-in and learned aliases
	articles int      // sum over the stored names (an article with two forms counts twice)
	mentions int
	// units are the organisations named by its acronym and a place (BMKG Ambon,
	// BMKG Yogyakarta for BMKG): its offices and branches, which a filter by
	// the organisation finds too.
	units []*group
}

// registry is the entity registry of an index. It is safe for concurrent use.
type entityRegistry struct {
	mu     sync.RWMutex
	values map[valueKey]*valueStat
	taught map[taughtKey]int // articles teaching each alias
	forms  map[string]string // the key of a taught alias → its first spelling

	view *regView // derived from values and taught; nil when stale
}

// regView is the registry's entities at one time, derived from its counts.
// It is never changed once made, so readers use it without a lock.
type regView struct {
	groups  map[entity.Label]map[string]*group // by key
	byValue map[valueKey]*group
	learned map[entity.Label]map[string]string // alias key → stored name it stands for
	// probes finds the candidates of a name that no key equals: a word of a
	// person's name, the last word of a place's, the initials and the first
	// word of an organisation's.
	probes map[entity.Label]map[string][]*group
}

// addProbes indexes a group under the probes of its label.
func (v *regView) addProbes(g *group) {
	ws := strings.Fields(g.key)
	if len(ws) == 0 {
		return
	}
	var ps []string
	switch g.label {
	case entity.PER:
		ps = ws
	case entity.LOC:
		ps = ws[len(ws)-1:]
	case entity.ORG:
		var all, content strings.Builder
		for _, w := range ws {
			all.WriteByte(w[0])
			if !acronymSkip[w] {
				content.WriteByte(w[0])
			}
		}
		// and its first word: Persija for Persija Jakarta.
		ps = []string{all.String(), content.String(), ws[0]}
	}
	m := v.probes[g.label]
	if m == nil {
		m = map[string][]*group{}
		v.probes[g.label] = m
	}
	for i, p := range ps {
		if i == 0 || !slices.Contains(ps[:i], p) {
			m[p] = append(m[p], g)
		}
	}
}

func newRegistry() *entityRegistry {
	return &entityRegistry{values: map[valueKey]*valueStat{}, taught: map[taughtKey]int{}, forms: map[string]string{}}
}

// apply adds (sign 1) or removes (sign -1) an article's entities.
func (r *entityRegistry) apply(s *docSummary, sign int) {
	if s == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.view = nil
	for _, e := range s.Entities {
		k := valueKey{e.Label, e.Name}
		st := r.values[k]
		if st == nil {
			st = &valueStat{}
			r.values[k] = st
		}
		st.articles += sign
		st.mentions += sign * e.Mentions
		if st.articles <= 0 {
			delete(r.values, k)
		}
		for _, a := range e.Teaches {
			tk := taughtKey{e.Label, strings.Join(plainWords(a), " "), e.Name}
			if _, ok := r.forms[tk.alias]; !ok && sign > 0 {
				r.forms[tk.alias] = a
			}
			if r.taught[tk] += sign; r.taught[tk] <= 0 {
				delete(r.taught, tk)
			}
		}
	}
}

// current returns the registry's view, deriving it when it is stale.
func (r *entityRegistry) current() *regView {
	r.mu.RLock()
	v := r.view
	r.mu.RUnlock()
	if v != nil {
		return v
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.view == nil {
		r.view = r.derive()
	}
	return r.view
}

// derive makes a view of the registry; r.mu must be held.
func (r *entityRegistry) derive() *regView {
	v := &regView{}
	// Learned aliases: an alias stands for the stored name most articles teach,
	// when at least twice as many teach it as any other name (else it is left
	// ambiguous and stays a name of its own).
	type best struct {
		target      string
		n, runnerUp int
	}
	votes := map[entity.Label]map[string]*best{}
	for tk, n := range r.taught {
		if votes[tk.label] == nil {
			votes[tk.label] = map[string]*best{}
		}
		b := votes[tk.label][tk.alias]
		switch {
		case b == nil:
			votes[tk.label][tk.alias] = &best{target: tk.target, n: n}
		case n > b.n || n == b.n && tk.target < b.target:
			b.runnerUp = max(b.runnerUp, b.n)
			b.target, b.n = tk.target, n
		default:
			b.runnerUp = max(b.runnerUp, n)
		}
	}
	v.learned = map[entity.Label]map[string]string{}
	for l, m := range votes {
		v.learned[l] = map[string]string{}
		for a, b := range m {
			if b.n >= 2*b.runnerUp {
				v.learned[l][a] = b.target
			}
		}
	}
	v.groups = map[entity.Label]map[string]*group{}
	v.byValue = map[valueKey]*group{}
	for vk, st := range r.values {
		key := v.key(vk.label, vk.name)
		gs := v.groups[vk.label]
		if gs == nil {
			gs = map[string]*group{}
			v.groups[vk.label] = gs
		}
		g := gs[key]
		if g == nil {
			g = &group{label: vk.label, key: key}
			gs[key] = g
		}
		g.values = append(g.values, vk.name)
		g.articles += st.articles
		g.mentions += st.mentions
		v.byValue[vk] = g
	}
	v.probes = map[entity.Label]map[string][]*group{}
	for _, gs := range v.groups {
		for _, g := range gs {
			r.name(g)
			v.addProbes(g)
		}
	}
	v.linkUnits()
	// The aliases of each group, for type-ahead.
	for _, a := range entity.Aliases() {
		for l, gs := range v.groups {
			if g := gs[strings.Join(nameWords(a.Full, l, nil), " ")]; g != nil {
				g.aliases = append(g.aliases, aliasSpelling(a))
			}
		}
	}
	for tk := range r.taught {
		if v.learned[tk.label][tk.alias] != tk.target {
			continue
		}
		if g := v.byValue[valueKey{tk.label, tk.target}]; g != nil {
			g.aliases = append(g.aliases, r.forms[tk.alias])
		}
	}
	for _, gs := range v.groups {
		for _, g := range gs {
			sort.Strings(g.aliases)
			g.aliases = compactStrings(g.aliases)
		}
	}
	return v
}

// linkUnits records the offices and branches of organisations: an
// organisation whose name is one word that names another organisation (its
// acronym or alias) followed by a place the index knows (BMKG Ambon) is a unit
// of that organisation.
func (v *regView) linkUnits() {
	orgs, places := v.groups[entity.ORG], v.groups[entity.LOC]
	for key, g := range orgs {
		ws := strings.Fields(key)
		if len(ws) < 2 || places[strings.Join(ws[1:], " ")] == nil {
			continue
		}
		if p := orgs[v.key(entity.ORG, ws[0])]; p != nil && p != g {
			p.units = append(p.units, g)
		}
	}
}

// filterValues returns the stored names a filter by g matches: its own and
// those of its units.
func (g *group) filterValues() []string {
	out := append([]string(nil), g.values...)
	for _, u := range g.units {
		out = append(out, u.values...)
	}
	return out
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

// name picks the display name of a group and puts it first among its values:
// among the names that are no alias (Badan Meteorologi, Klimatologi, dan
// Geofisika rather than BMKG), the most mentioned, then the longest.
func (r *entityRegistry) name(g *group) {
	full := func(v string) bool {
		return strings.Join(nameWords(v, g.label, nil), " ") == g.key
	}
	stat := func(v string) *valueStat { return r.values[valueKey{g.label, v}] }
	sort.Slice(g.values, func(i, j int) bool {
		a, b := g.values[i], g.values[j]
		if fa, fb := full(a), full(b); fa != fb {
			return fa
		}
		if ma, mb := stat(a).mentions, stat(b).mentions; ma != mb {
			return ma > mb
		}
		if len(a) != len(b) {
			return len(a) > len(b)
		}
		return a < b
	})
	g.name = g.values[0]
}

// key returns the identity key of a name of the given label.
func (v *regView) key(l entity.Label, name string) string {
	return strings.Join(nameWords(name, l, v.learned[l]), " ")
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
	Candidates []string // the entities it may denote, most mentioned first
}

// Error says which name is ambiguous and lists the candidates.
func (e *AmbiguousError) Error() string {
	q := make([]string, len(e.Candidates))
	for i, c := range e.Candidates {
		q[i] = fmt.Sprintf("%q", c)
	}
	return fmt.Sprintf("%s %q is ambiguous: it may be %s; give the full name",
		fieldNoun(e.Field), e.Name, strings.Join(q, ", "))
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

// resolve returns the stored names that denote the entity a name stands for:
// those with the same key; else, for a person, those of the one entity whose
// name contains the words (Durov: Pavel Durov); for a place, those of the one
// place that is the name after a place head (Grobogan: Kabupaten Grobogan); for
// an organisation, those of the one entity whose initials the name is (BPKP:
// Badan Pengawasan Keuangan dan Pembangunan) or whose name is the name and a
// place the index knows (Persija: Persija Jakarta). An unknown name resolves to
// itself; several candidates are an *AmbiguousError.
func (r *entityRegistry) resolve(field, name string) ([]string, error) {
	l, ok := fieldLabel(field)
	if !ok {
		return nil, fmt.Errorf("no entity field %q (want %s, %s or %s)", field, FieldPersons, FieldOrganizations, FieldPlaces)
	}
	v := r.current()
	ws := nameWords(name, l, v.learned[l])
	key := strings.Join(ws, " ")
	if key == "" {
		return []string{name}, nil
	}
	if g := v.groups[l][key]; g != nil {
		return g.filterValues(), nil
	}
	probe := ws[0]
	if l == entity.LOC {
		probe = ws[len(ws)-1]
	}
	var cands []*group
	for _, g := range v.probes[l][probe] {
		gw := strings.Fields(g.key)
		var match bool
		switch l {
		case entity.PER:
			match = containsRun(gw, ws)
		case entity.LOC:
			match = len(gw) > len(ws) && equalWords(gw[len(gw)-len(ws):], ws) && allIn(gw[:len(gw)-len(ws)], placeHeads)
		case entity.ORG:
			// Its initials, or its name without the place that follows it
			// (Persija for Persija Jakarta, PSM for PSM Makassar).
			match = len(ws) == 1 && isInitials(ws[0], gw) ||
				len(gw) > len(ws) && equalWords(gw[:len(ws)], ws) && v.groups[entity.LOC][strings.Join(gw[len(ws):], " ")] != nil
		}
		if match {
			cands = append(cands, g)
		}
	}
	switch len(cands) {
	case 0:
		return []string{name}, nil
	case 1:
		return cands[0].filterValues(), nil
	}
	sortGroups(cands)
	e := &AmbiguousError{Field: field, Name: name}
	for _, g := range cands {
		e.Candidates = append(e.Candidates, g.name)
	}
	return nil, e
}

// sortGroups orders entities most mentioned first, then by the number of
// articles, then by name.
func sortGroups(gs []*group) {
	sort.Slice(gs, func(i, j int) bool {
		a, b := gs[i], gs[j]
		switch {
		case a.mentions != b.mentions:
			return a.mentions > b.mentions
		case a.articles != b.articles:
			return a.articles > b.articles
		}
		return a.name < b.name
	})
}

// lookup returns the entity of a stored name, nil if the registry has none.
func (v *regView) lookup(l entity.Label, value string) *group {
	return v.byValue[valueKey{l, value}]
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

// Entities returns the entities of the index with the given label (PER, ORG or
// LOC) whose name or one of whose aliases starts with prefix, in any case, or
// has a word that does (durov finds Pavel Durov); most mentioned first, at most
// limit of them (limit ≤ 0 means 10). An empty prefix lists the most mentioned
// entities. It serves type-ahead in a search form.
func (x *Index) Entities(label entity.Label, prefix string, limit int) ([]EntityInfo, error) {
	if labelField(label) == "" {
		return nil, fmt.Errorf("entities: label %q is not PER, ORG or LOC", label)
	}
	if limit <= 0 {
		limit = 10
	}
	p := strings.Join(strings.Fields(strings.ToLower(prefix)), " ")
	v := x.reg.current()
	var gs []*group
	for _, g := range v.groups[label] {
		if p == "" || g.matchesPrefix(p) {
			gs = append(gs, g)
		}
	}
	sortGroups(gs)
	if len(gs) > limit {
		gs = gs[:limit]
	}
	out := make([]EntityInfo, 0, len(gs))
	for _, g := range gs {
		info := EntityInfo{Label: g.label, Name: g.name, Articles: g.articles, Mentions: g.mentions}
		seen := map[string]bool{strings.ToLower(g.name): true}
		for _, a := range append(g.values[1:len(g.values):len(g.values)], g.aliases...) {
			if !seen[strings.ToLower(a)] {
				seen[strings.ToLower(a)] = true
				info.Aliases = append(info.Aliases, a)
			}
		}
		out = append(out, info)
	}
	return out, nil
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
