package index

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/telaah/telaah/analysis/entity"
)

// The registry is kept up to date incrementally: a write touches only the
// entities of the articles it adds or removes, so that a search after a batch
// costs nothing more than one before it, however large the index. Entities
// (groups) are never changed once made: a change makes a new group, so readers
// may keep a group after the lock is released.

// group is one entity: the stored names with the same key. It is not changed
// once made.
type group struct {
	label    entity.Label
	key      string
	name     string   // the display name: the fullest, most mentioned stored name
	values   []string // the stored names, the display name first
	aliases  []string // other names that resolve to it: built-in and learned aliases
	articles int      // sum over the stored names (an article with two forms counts twice)
	mentions int
}

// entityRegistry is the entity registry of an index. It is safe for
// concurrent use.
type entityRegistry struct {
	mu     sync.RWMutex
	values map[valueKey]*valueStat
	// taught counts the articles that teach each alias (by its key) for each
	// stored name; forms keeps the first spelling of each alias.
	taught map[entity.Label]map[string]map[string]int
	forms  map[string]string
	// learned maps the key of an alias to the stored name it stands for: the
	// name most articles teach, when at least twice as many teach it as any
	// other; learnedBy is the reverse.
	learned   map[entity.Label]map[string]string
	learnedBy map[entity.Label]map[string][]string

	keyOf   map[valueKey]string                         // the key of each stored name
	members map[entity.Label]map[string][]string        // key → its stored names
	byPlain map[entity.Label]map[string][]string        // plain key → stored names
	groups  map[entity.Label]map[string]*group          // key → entity
	byValue map[valueKey]*group                         // stored name → entity
	probes  map[entity.Label]map[string]map[string]bool // probe → keys (see probesOf); large sets
	builtin map[entity.Label]map[string][]string        // key → spellings of built-in aliases

	// gen is the generation of the index's last write (see stampGeneration),
	// nil if none since Open; saved is the generation of the cache on disk.
	// Both are guarded by the index's write lock.
	gen, saved []byte
}

func newRegistry() *entityRegistry {
	r := &entityRegistry{
		values:    map[valueKey]*valueStat{},
		taught:    map[entity.Label]map[string]map[string]int{},
		forms:     map[string]string{},
		learned:   map[entity.Label]map[string]string{},
		learnedBy: map[entity.Label]map[string][]string{},
		keyOf:     map[valueKey]string{},
		members:   map[entity.Label]map[string][]string{},
		byPlain:   map[entity.Label]map[string][]string{},
		groups:    map[entity.Label]map[string]*group{},
		byValue:   map[valueKey]*group{},
		probes:    map[entity.Label]map[string]map[string]bool{},
		builtin:   map[entity.Label]map[string][]string{},
	}
	for _, l := range []entity.Label{entity.PER, entity.ORG, entity.LOC} {
		r.builtin[l] = map[string][]string{}
		for _, a := range entity.Aliases() {
			k := strings.Join(nameWords(a.Full, l, nil), " ")
			r.builtin[l][k] = append(r.builtin[l][k], aliasSpelling(a))
		}
	}
	return r
}

// inner returns m[l], making it when it is missing.
func inner[V any](m map[entity.Label]map[string]V, l entity.Label) map[string]V {
	in := m[l]
	if in == nil {
		in = map[string]V{}
		m[l] = in
	}
	return in
}

// setAdd adds s to the set (a short slice) at m[l][k].
func setAdd(m map[entity.Label]map[string][]string, l entity.Label, k, s string) {
	in := inner(m, l)
	for _, x := range in[k] {
		if x == s {
			return
		}
	}
	in[k] = append(in[k], s)
}

// setDel removes s from the set at m[l][k].
func setDel(m map[entity.Label]map[string][]string, l entity.Label, k, s string) {
	in := m[l]
	if in == nil {
		return
	}
	if set := removeString(in[k], s); len(set) == 0 {
		delete(in, k)
	} else {
		in[k] = set
	}
}

// bigAdd adds s to the set at m[l][k], for sets that may be large.
func bigAdd(m map[entity.Label]map[string]map[string]bool, l entity.Label, k, s string) {
	in := inner(m, l)
	if in[k] == nil {
		in[k] = map[string]bool{}
	}
	in[k][s] = true
}

// bigDel removes s from the set at m[l][k].
func bigDel(m map[entity.Label]map[string]map[string]bool, l entity.Label, k, s string) {
	if set := m[l][k]; set != nil {
		delete(set, s)
		if len(set) == 0 {
			delete(m[l], k)
		}
	}
}

// plainKey is the key of a name before aliases: what a learned alias is
// looked up by.
func plainKey(l entity.Label, name string) string {
	ws := plainWords(name)
	if l == entity.ORG {
		ws = stripCompanyForm(ws)
	}
	return strings.Join(ws, " ")
}

// keyFor returns the key of a name with the aliases learned so far; r.mu held.
func (r *entityRegistry) keyFor(l entity.Label, name string) string {
	return strings.Join(nameWords(name, l, r.learned[l]), " ")
}

// groupKey is an entity to rebuild.
type groupKey struct {
	label entity.Label
	key   string
}

// apply adds (sign 1) or removes (sign -1) an article's entities.
func (r *entityRegistry) apply(s *docSummary, sign int) {
	if s == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	dirty := map[groupKey]bool{}
	type aliasRef struct {
		l     entity.Label
		alias string
	}
	votes := map[aliasRef]bool{}
	for _, e := range s.Entities {
		vk := valueKey{e.Label, e.Name}
		st := r.values[vk]
		if st == nil {
			if sign < 0 {
				continue
			}
			st = &valueStat{}
			r.values[vk] = st
			k := r.keyFor(e.Label, e.Name)
			r.keyOf[vk] = k
			setAdd(r.members, e.Label, k, e.Name)
			setAdd(r.byPlain, e.Label, plainKey(e.Label, e.Name), e.Name)
		}
		st.articles += sign
		st.mentions += sign * e.Mentions
		k := r.keyOf[vk]
		dirty[groupKey{e.Label, k}] = true
		if st.articles <= 0 {
			delete(r.values, vk)
			delete(r.keyOf, vk)
			setDel(r.members, e.Label, k, e.Name)
			setDel(r.byPlain, e.Label, plainKey(e.Label, e.Name), e.Name)
		}
		for _, a := range e.Teaches {
			ak := strings.Join(plainWords(a), " ")
			if ak == "" {
				continue
			}
			if _, ok := r.forms[ak]; !ok && sign > 0 {
				r.forms[ak] = a
			}
			by := inner(r.taught, e.Label)
			if by[ak] == nil {
				by[ak] = map[string]int{}
			}
			if by[ak][e.Name] += sign; by[ak][e.Name] <= 0 {
				delete(by[ak], e.Name)
				if len(by[ak]) == 0 {
					delete(by, ak)
				}
			}
			votes[aliasRef{e.Label, ak}] = true
		}
	}
	for a := range votes {
		r.revote(a.l, a.alias, dirty)
	}
	for gk := range dirty {
		r.rebuild(gk.label, gk.key)
	}
}

// count adds an article's entities and teachings to the counts of r, as
// apply does, but makes no entity: rebuildAll makes them all once counting
// is done; r.mu held.
func (r *entityRegistry) count(s *docSummary) {
	for _, e := range s.Entities {
		vk := valueKey{e.Label, e.Name}
		st := r.values[vk]
		if st == nil {
			st = &valueStat{}
			r.values[vk] = st
		}
		st.articles++
		st.mentions += e.Mentions
		for _, a := range e.Teaches {
			ak := strings.Join(plainWords(a), " ")
			if ak == "" {
				continue
			}
			if _, ok := r.forms[ak]; !ok {
				r.forms[ak] = a
			}
			by := inner(r.taught, e.Label)
			if by[ak] == nil {
				by[ak] = map[string]int{}
			}
			by[ak][e.Name]++
		}
	}
}

// revote settles what a learned alias stands for after its teachings
// changed, and moves the names it affects; r.mu held.
func (r *entityRegistry) revote(l entity.Label, alias string, dirty map[groupKey]bool) {
	target, n, runnerUp := "", 0, 0
	for t, c := range r.taught[l][alias] {
		switch {
		case c > n || c == n && t < target:
			runnerUp = max(runnerUp, n)
			target, n = t, c
		default:
			runnerUp = max(runnerUp, c)
		}
	}
	if n == 0 || n < 2*runnerUp {
		target = ""
	}
	old := r.learned[l][alias]
	if old == target {
		return
	}
	if old != "" {
		delete(r.learned[l], alias)
		by := r.learnedBy[l]
		by[old] = removeString(by[old], alias)
		if len(by[old]) == 0 {
			delete(by, old)
		}
		if k, ok := r.keyOf[valueKey{l, old}]; ok {
			dirty[groupKey{l, k}] = true
		}
	}
	if target != "" {
		inner(r.learned, l)[alias] = target
		by := inner(r.learnedBy, l)
		by[target] = append(by[target], alias)
		if k, ok := r.keyOf[valueKey{l, target}]; ok {
			dirty[groupKey{l, k}] = true
		}
	}
	// The stored names written as the alias (BMKG) change entity.
	for _, name := range append([]string(nil), r.byPlain[l][alias]...) {
		vk := valueKey{l, name}
		old, k := r.keyOf[vk], r.keyFor(l, name)
		if old == k {
			continue
		}
		setDel(r.members, l, old, name)
		setAdd(r.members, l, k, name)
		r.keyOf[vk] = k
		dirty[groupKey{l, old}] = true
		dirty[groupKey{l, k}] = true
	}
}

func removeString(ss []string, s string) []string {
	for i, x := range ss {
		if x == s {
			return append(ss[:i:i], ss[i+1:]...)
		}
	}
	return ss
}

// rebuild makes the entity of a key anew from its stored names; r.mu held.
func (r *entityRegistry) rebuild(l entity.Label, key string) {
	names := r.members[l][key]
	if old := r.groups[l][key]; old != nil {
		for _, v := range old.values {
			if r.byValue[valueKey{l, v}] == old {
				delete(r.byValue, valueKey{l, v})
			}
		}
	}
	if len(names) == 0 {
		if _, ok := r.groups[l][key]; ok {
			delete(r.groups[l], key)
			for _, p := range probesOf(l, key) {
				bigDel(r.probes, l, p, key)
			}
		}
		return
	}
	g := &group{label: l, key: key}
	for _, n := range names {
		st := r.values[valueKey{l, n}]
		g.values = append(g.values, n)
		g.articles += st.articles
		g.mentions += st.mentions
	}
	r.name(g)
	g.aliases = append(g.aliases, r.builtin[l][key]...)
	for _, n := range g.values {
		for _, a := range r.learnedBy[l][n] {
			f := r.forms[a]
			if f == "" {
				f = strings.ToUpper(a)
			}
			g.aliases = append(g.aliases, f)
		}
	}
	sort.Strings(g.aliases)
	g.aliases = compactStrings(g.aliases)
	gs := inner(r.groups, l)
	if gs[key] == nil {
		for _, p := range probesOf(l, key) {
			bigAdd(r.probes, l, p, key)
		}
	}
	gs[key] = g
	for _, n := range g.values {
		r.byValue[valueKey{l, n}] = g
	}
}

// probesOf returns the probes under which the resolution of a name that no key
// equals finds an entity: the words of a person's name, the last word of a
// place's, the initials of an organisation's (all words, and without function
// words).
func probesOf(l entity.Label, key string) []string {
	ws := strings.Fields(key)
	if len(ws) == 0 {
		return nil
	}
	switch l {
	case entity.PER:
		return compactStrings(sortedCopy(ws))
	case entity.LOC:
		return ws[len(ws)-1:]
	}
	var all, content strings.Builder
	for _, w := range ws {
		all.WriteByte(w[0])
		if !acronymSkip[w] {
			content.WriteByte(w[0])
		}
	}
	// and its first word: Persija for Persija Jakarta, BMKG for BMKG Ambon.
	return compactStrings(sortedCopy([]string{all.String(), content.String(), ws[0]}))
}

func sortedCopy(ss []string) []string {
	out := append([]string(nil), ss...)
	sort.Strings(out)
	return out
}

// name picks the display name of a group and puts it first among its values:
// among the names that are no alias (Badan Meteorologi, Klimatologi, dan
// Geofisika rather than BMKG), the most mentioned, then the longest; r.mu held.
func (r *entityRegistry) name(g *group) {
	full := make(map[string]bool, len(g.values))
	for _, v := range g.values {
		st := r.values[valueKey{g.label, v}]
		if !st.fullSet {
			st.full, st.fullSet = strings.Join(nameWords(v, g.label, nil), " "), true
		}
		full[v] = st.full == g.key
	}
	stat := func(v string) *valueStat { return r.values[valueKey{g.label, v}] }
	sort.Slice(g.values, func(i, j int) bool {
		a, b := g.values[i], g.values[j]
		if fa, fb := full[a], full[b]; fa != fb {
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

// regView reads the registry for one search. Its groups are never changed, so
// a search may keep them.
type regView struct{ r *entityRegistry }

// current returns a view of the registry.
func (r *entityRegistry) current() *regView { return &regView{r} }

// lookup returns the entity of a stored name, nil if the registry has none.
func (v *regView) lookup(l entity.Label, value string) *group {
	v.r.mu.RLock()
	g := v.r.byValue[valueKey{l, value}]
	v.r.mu.RUnlock()
	return g
}

// maxCandidates is the number of candidates an AmbiguousError lists.
const maxCandidates = 10

// resolve returns the stored names that denote the entity a name stands for:
// those with the same key; else, for a person, those of the one entity whose
// name contains the words (Durov: Pavel Durov); for a place, those of the one
// place that is the name after a place head (Grobogan: Kabupaten Grobogan); for
// an organisation, those of the one entity whose initials the name is (BPKP:
// Badan Pengawasan Keuangan dan Pembangunan). An unknown name resolves to
// itself; several candidates are an *AmbiguousError. A filter by an
// organisation finds its offices too (see filterValues).
func (r *entityRegistry) resolve(field, name string) ([]string, error) {
	l, ok := fieldLabel(field)
	if !ok {
		return nil, fmt.Errorf("no entity field %q (want %s, %s or %s)", field, FieldPersons, FieldOrganizations, FieldPlaces)
	}
	r.mu.RLock()
	defer r.mu.RUnlock()
	ws := nameWords(name, l, r.learned[l])
	key := strings.Join(ws, " ")
	if key == "" {
		return []string{name}, nil
	}
	if g := r.groups[l][key]; g != nil {
		return r.filterValues(g), nil
	}
	probe := ws[0]
	if l == entity.LOC {
		probe = ws[len(ws)-1]
	}
	var cands []*group
	for k := range r.probes[l][probe] {
		g := r.groups[l][k]
		gw := strings.Fields(k)
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
				len(gw) > len(ws) && equalWords(gw[:len(ws)], ws) && r.groups[entity.LOC][strings.Join(gw[len(ws):], " ")] != nil
		}
		if match && g != nil {
			cands = append(cands, g)
		}
	}
	switch len(cands) {
	case 0:
		return []string{name}, nil
	case 1:
		return r.filterValues(cands[0]), nil
	}
	sortGroups(cands)
	e := &AmbiguousError{Field: field, Name: name}
	for i, g := range cands {
		if i == maxCandidates {
			e.More = len(cands) - i
			break
		}
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

// Entities returns the entities of the index with the given label (PER, ORG or
// LOC) whose name or one of whose aliases starts with prefix, in any case, or
// has a word that does (durov finds Pavel Durov); most mentioned first, at most
// limit of them (limit ≤ 0 means 10). An empty prefix lists the most mentioned
// entities. It serves type-ahead in a search form; it reads every entity of
// the label (about 50 ns each).
func (x *Index) Entities(label entity.Label, prefix string, limit int) ([]EntityInfo, error) {
	if labelField(label) == "" {
		return nil, fmt.Errorf("entities: label %q is not PER, ORG or LOC", label)
	}
	if limit <= 0 {
		limit = 10
	}
	p := strings.Join(strings.Fields(strings.ToLower(prefix)), " ")
	r := x.reg
	r.mu.RLock()
	var gs []*group
	for _, g := range r.groups[label] {
		if p == "" || g.matchesPrefix(p) {
			gs = append(gs, g)
		}
	}
	r.mu.RUnlock()
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

// rebuildAll makes every entity anew from the counts (after loading them);
// r.mu held.
func (r *entityRegistry) rebuildAll() {
	r.learned = map[entity.Label]map[string]string{}
	r.learnedBy = map[entity.Label]map[string][]string{}
	r.keyOf = map[valueKey]string{}
	r.members = map[entity.Label]map[string][]string{}
	r.byPlain = map[entity.Label]map[string][]string{}
	r.groups = map[entity.Label]map[string]*group{}
	r.byValue = map[valueKey]*group{}
	r.probes = map[entity.Label]map[string]map[string]bool{}
	ignore := map[groupKey]bool{}
	for l, by := range r.taught {
		for a := range by {
			r.revote(l, a, ignore)
		}
	}
	for vk := range r.values {
		k := r.keyFor(vk.label, vk.name)
		r.keyOf[vk] = k
		setAdd(r.members, vk.label, k, vk.name)
		setAdd(r.byPlain, vk.label, plainKey(vk.label, vk.name), vk.name)
	}
	for l, m := range r.members {
		for k := range m {
			r.rebuild(l, k)
		}
	}
}

// filterValues returns the stored names a filter by g matches: its own, and
// for an organisation those of its offices and branches, the organisations
// named by one of its one-word names (its acronym or alias) and a place the
// index knows (BMKG Ambon, BMKG Yogyakarta for BMKG); r.mu held.
func (r *entityRegistry) filterValues(g *group) []string {
	out := append([]string(nil), g.values...)
	if g.label != entity.ORG {
		return out
	}
	var words []string
	for _, names := range [][]string{g.values, g.aliases} {
		for _, n := range names {
			if ws := plainWords(n); len(ws) == 1 {
				words = append(words, ws[0])
			}
		}
	}
	seen := map[string]bool{g.key: true}
	for _, w := range compactStrings(sortedCopy(words)) {
		for k := range r.probes[entity.ORG][w] {
			gw := strings.Fields(k)
			if seen[k] || len(gw) < 2 || gw[0] != w || r.groups[entity.LOC][strings.Join(gw[1:], " ")] == nil {
				continue
			}
			seen[k] = true
			if u := r.groups[entity.ORG][k]; u != nil {
				out = append(out, u.values...)
			}
		}
	}
	return out
}
