package entity

import (
	"maps"
	"math/bits"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// Most sentences of running text hold no name: the model finds no span and no
// word is capitalised but the first. The repair rules of quietRules can change
// nothing in such a quiet sentence — each one edits spans the model or an
// earlier rule made, or starts at a capitalised word after the first, or needs
// two capitalised words side by side — so spanSet.repair skips them there. A rule
// missing from the list (a new one) always runs.
var quietRules = []func(*spanSet){
	// Rules that read or edit spans only.
	(*spanSet).trimLower, (*spanSet).dropTitles, (*spanSet).mergePersons,
	(*spanSet).loneHeads, (*spanSet).commonAcronyms, (*spanSet).notNames,
	(*spanSet).gazetteerPlaces, (*spanSet).bracketedAcronyms, (*spanSet).personBrackets,
	(*spanSet).countedAcronyms, (*spanSet).placesOfNouns, (*spanSet).institutionsWithDan,
	(*spanSet).lowerDirections, (*spanSet).titleCompounds, (*spanSet).placeLists,
	(*spanSet).addressNumbers, (*spanSet).sentenceEnds, (*spanSet).buildings,
	(*spanSet).companyForms, (*spanSet).placeDirections, (*spanSet).compassSides,
	(*spanSet).cutDays, (*spanSet).personAfterTitle, (*spanSet).initialWords,
	(*spanSet).areaPlaces, (*spanSet).personFolkTitles, (*spanSet).tongues,
	(*spanSet).lowerHeadPlaces, (*spanSet).workTitles, (*spanSet).eventNames,
	(*spanSet).streetNumbers, (*spanSet).quotedNicknames, (*spanSet).personParticles,
	// lawTitles only clears spans; replacedLetters only grows them.
	(*spanSet).lawTitles, (*spanSet).replacedLetters,
	// Rules that start at a capitalised word after the first (titlePlaces,
	// regionInTitle, contextOrgs, premisesPlaces, couples, lowerPlaces), need two capitalised words side
	// by side (cityHalls, orgNames, placeNames, coordination's lists), a
	// capitalised acronym or long name inside brackets (acronyms: the
	// expansion of an acronym needs two content words in them) or a run of
	// capitalised words after the city of a dateline.
	(*spanSet).titlePlaces, (*spanSet).regionInTitle, (*spanSet).contextOrgs, (*spanSet).premisesPlaces,
	(*spanSet).couples,
	(*spanSet).lowerPlaces, (*spanSet).cityHalls, (*spanSet).orgNames,
	(*spanSet).placeNames, (*spanSet).coordination, (*spanSet).acronyms,
	(*spanSet).dateline,
}

// pairRules are the repair rules that start only at two capitalised words side
// by side (Balai Kota, Dinas Kesehatan, Kabupaten Enrekang, Stasiun Klaten, di
// Kantor BEI),
// whatever the spans: spanSet.repair skips them in a sentence without such a
// pair.
var pairRules = []func(*spanSet){(*spanSet).cityHalls, (*spanSet).orgNames, (*spanSet).placeNames,
	(*spanSet).premisesOrgs}

// skipQuiet and skipUnpaired mark the rules of repairs that are in quietRules
// and pairRules.
var skipQuiet, skipUnpaired = marks(quietRules), marks(pairRules)

// marks returns the marks of the rules of repairs that are in rules.
func marks(rules []func(*spanSet)) (m [len(repairs)]bool) {
	in := map[uintptr]bool{}
	for _, f := range rules {
		in[reflect.ValueOf(f).Pointer()] = true
	}
	for i, r := range repairs {
		m[i] = in[reflect.ValueOf(r.run).Pointer()]
	}
	return m
}

// capitals reports whether a word of the sentence but the first is
// capitalised (see isCapWord), and whether two capitalised words stand side by
// side, as reset has found in its pass over the tokens.
func (s *spanSet) capitals() (afterFirst, pair bool) { return s.afterFirst, s.pair }

// runRepairs applies the rules of s's style to the spans of one sentence; if
// skip is set, it skips those of quietRules while the sentence is quiet and
// those of pairRules in a sentence without two capitalised words side by side.
// The rules to consider come from repairPlans, which holds them already sifted
// by style, by title case and by the pair of capitalised words, with their
// gates (see ruleGate) as bit sets of their positions: the rules whose gates
// of tables and classes fail are left out with a few operations on words, not
// with a test (or a call) a rule.
func (s *spanSet) runRepairs(skip bool) {
	afterFirst, pair := s.capitals()
	s.summarize(skip)
	quiet := skip && !afterFirst
	unpaired := skip && !pair
	if int(s.style) >= len(repairPlans) {
		// A style that no rule serves: none runs, as repairs' styles say.
		return
	}
	p := &repairPlans[s.style][b2i(s.head)][b2i(unpaired)]
	// The rules whose gates hold a table of the sentence, or that have none;
	// the same for the classes.
	pass := p.tabFree
	for t := uint64(s.tabs & p.tabsAsked); t != 0; t &= t - 1 {
		pass |= p.tabPass[bits.TrailingZeros64(t)]
	}
	gaz := p.gazFree
	for c := uint16(s.gazB & p.gazAsked); c != 0; c &= c - 1 {
		gaz |= p.gazPass[bits.TrailingZeros16(c)]
	}
	pass &= gaz
	// The rules that need a span: by their gate, or in a quiet sentence
	// those of quietRules.
	var spanned uint64
	if skip {
		spanned = p.spans
	}
	if quiet {
		spanned |= p.quiet
	}
	if !skip {
		// No gate holds a rule back: every fact counts as labelled.
		s.gatesOff, s.stale = ^spanFacts(0), true
	}
	for m := pass; m != 0; m &= m - 1 {
		k := bits.TrailingZeros64(m)
		if spanned>>k&1 != 0 && len(s.spans()) == 0 {
			continue
		}
		r := p.rules[k]
		if g := ruleLabelled[r]; g != 0 && !s.hasLabelled(g) {
			continue
		}
		ruleRuns[r](s)
	}
}

// ruleGate is what a rule of repairs needs in a sentence to change anything: a
// word of one of the tables tabs (as spanSet.has reads them), a phrase of the
// lists of one of the classes gaz (spanSet.hasGaz), a span. runRepairs reads it
// before it calls the rule, which tests its own gate too (its tests call it
// directly); TestRuleGates holds each rule to its gate.
type ruleGate struct {
	tabs  tableSet
	gaz   gazClass
	spans bool
	// labelled are the facts and labels of which a labelled token must
	// have had one (spanSet.hasLabelled), read as the rule is called: the
	// rules before it may have labelled more.
	labelled spanFacts
}

// gatedRules are the rules of repairs that start with a gate: the test of
// spanSet.has or hasGaz they return at when it fails, or a loop over the spans
// that is all they do. A rule not listed has no
// gate and is always called.
var gatedRules = []struct {
	run  func(*spanSet)
	gate ruleGate
}{
	{(*spanSet).trimLower, ruleGate{spans: true, labelled: sfLower | sfNone}},
	{(*spanSet).dropTitles, ruleGate{spans: true, labelled: sfNone | sfTitle | sfHeadLower}},
	{(*spanSet).mergePersons, ruleGate{spans: true, labelled: sfPER}},
	{(*spanSet).loneHeads, ruleGate{spans: true, labelled: sfOrgHead}},
	{(*spanSet).commonAcronyms, ruleGate{spans: true, labelled: sfNotName}},
	{(*spanSet).notNames, ruleGate{spans: true, labelled: sfNotNameEntry}},
	{(*spanSet).lawTitles, ruleGate{tabs: tabLawWords}},
	{(*spanSet).gazetteerNames, ruleGate{gaz: gazORG}},
	{(*spanSet).gazetteerPlaces, ruleGate{gaz: gazLOC}},
	{(*spanSet).acronyms, ruleGate{tabs: tabOpenBrackets}},
	{(*spanSet).bracketedAcronyms, ruleGate{spans: true, labelled: sfORG}},
	{(*spanSet).personBrackets, ruleGate{spans: true, labelled: sfPER}},
	{(*spanSet).countedAcronyms, ruleGate{spans: true, labelled: sfUpper}},
	{(*spanSet).placesOfNouns, ruleGate{tabs: tabDemonymNouns}},
	{(*spanSet).institutionsWithDan, ruleGate{tabs: tabListJoiners}},
	{(*spanSet).lowerDirections, ruleGate{tabs: tabDirections}},
	{(*spanSet).premisesPlaces, ruleGate{tabs: tabPremisesHeads}},
	{(*spanSet).titleCompounds, ruleGate{tabs: tabTitleSeconds}},
	{(*spanSet).placeLists, ruleGate{spans: true, labelled: sfLOC}},
	{(*spanSet).addressNumbers, ruleGate{tabs: tabAddressWords}},
	{(*spanSet).sentenceEnds, ruleGate{spans: true, labelled: sfMark}},
	{(*spanSet).couples, ruleGate{tabs: tabCoupleWords}},
	{(*spanSet).cityHalls, ruleGate{tabs: tabHallWords}},
	{(*spanSet).orgNames, ruleGate{tabs: tabOrgHeads}},
	{(*spanSet).placeNames, ruleGate{tabs: tabPlaceHeads | tabStationWords}},
	{(*spanSet).lowerPlaces, ruleGate{tabs: tabLowerPlaceHeads}},
	{(*spanSet).buildings, ruleGate{tabs: tabBuildingHeads}},
	{(*spanSet).companyForms, ruleGate{tabs: tabCompanyForm}},
	{(*spanSet).coordination, ruleGate{tabs: tabListJoiners}},
	{(*spanSet).dateline, ruleGate{tabs: factUpperFirst}},
	{(*spanSet).titlePlaces, ruleGate{gaz: gazLOC}},
	{(*spanSet).regionInTitle, ruleGate{tabs: tabRegionTitles | tabTitleLeads}},
	{(*spanSet).placeBackoff, ruleGate{gaz: gazLOC}},
	{(*spanSet).placeDirections, ruleGate{tabs: tabDirections}},
	{(*spanSet).compassSides, ruleGate{tabs: tabSideWords}},
	{(*spanSet).cutDays, ruleGate{tabs: tabDayNames}},
	{(*spanSet).contextOrgs, ruleGate{tabs: tabOrgAnnouncers}},
	{(*spanSet).personAfterTitle, ruleGate{spans: true, labelled: sfPER}},
	{(*spanSet).initialWords, ruleGate{gaz: gazLOC | gazORG, spans: true}},
	{(*spanSet).areaPlaces, ruleGate{spans: true}},
	{(*spanSet).personFolkTitles, ruleGate{spans: true}},
	{(*spanSet).tongues, ruleGate{tabs: tabTongueNouns}},
	{(*spanSet).lowerHeadPlaces, ruleGate{spans: true}},
	{(*spanSet).workTitles, ruleGate{spans: true}},
	{(*spanSet).eventNames, ruleGate{spans: true}},
	{(*spanSet).streetNumbers, ruleGate{spans: true}},
	{(*spanSet).personParticles, ruleGate{spans: true}},
	{(*spanSet).governments, ruleGate{gaz: gazLOC}},
	{(*spanSet).roleSpans, ruleGate{tabs: tabRoleLeads}},
	{(*spanSet).betweens, ruleGate{tabs: tabBetweenWords}},
	{(*spanSet).premisesOrgs, ruleGate{tabs: tabPremisesHeads}},
	{(*spanSet).lowerVillages, ruleGate{tabs: tabVillageHeads}},
}

// ruleGates are the gates of the rules of repairs, by index.
var ruleGates = func() (gs [len(repairs)]ruleGate) {
	by := map[uintptr]ruleGate{}
	for _, g := range gatedRules {
		by[reflect.ValueOf(g.run).Pointer()] = g.gate
	}
	for i, r := range repairs {
		gs[i] = by[reflect.ValueOf(r.run).Pointer()]
	}
	return gs
}()

// ruleLabelled are the labelled gates of ruleGates side by side, four bytes a
// rule, and ruleRuns the rules of repairs, eight: runRepairs reads them a
// sentence from a few cache lines, not from the twenty-four bytes a rule of
// the gates and of repairs.
var ruleLabelled, ruleRuns = func() (ls [len(repairs)]spanFacts, runs [len(repairs)]func(*spanSet)) {
	for i, g := range ruleGates {
		ls[i], runs[i] = g.labelled, repairs[i].run
	}
	return ls, runs
}()

// repairPlan holds, for one style, the rules to consider by whether the
// sentence is in title case and whether it lacks two capitalised words side by
// side (when pairRules may be skipped).
type repairPlan [2][2]rulePlan

// rulePlan is the list of the rules to consider in some sentences, with their
// gates as sets of their positions in it (bit k for rules[k]).
type rulePlan struct {
	rules []uint8 // indexes in repairs, in the table's order
	// tabFree are the rules without a gate of tables, tabPass[t] those whose
	// gate holds the table of bit t (tabsAsked: any of them); the same for
	// the classes of the lists.
	tabFree, gazFree uint64
	tabPass          [64]uint64
	gazPass          [16]uint64
	tabsAsked        tableSet
	gazAsked         gazClass
	// spans are the rules whose gate is a span, quiet those of quietRules.
	spans, quiet uint64
}

// repairPlans are the plans of the styles, built from repairs (every rule of the
// table is in the plans of the styles it serves, in the table's order).
var repairPlans = planRepairs()

// planRepairs builds the plans of the styles from repairs.
func planRepairs() (ps [StyleIdner + 1]repairPlan) {
	for st := range ps {
		for head := range 2 {
			for unpaired := range 2 {
				p := &ps[st][head][unpaired]
				for i, r := range repairs {
					if !r.styles.has(Style(st)) || r.body && head == 1 || unpaired == 1 && skipUnpaired[i] {
						continue
					}
					k := uint(len(p.rules))
					p.rules = append(p.rules, uint8(i))
					g := ruleGates[i]
					if g.tabs == 0 {
						p.tabFree |= 1 << k
					}
					for t := uint64(g.tabs); t != 0; t &= t - 1 {
						p.tabPass[bits.TrailingZeros64(t)] |= 1 << k
					}
					if g.gaz == 0 {
						p.gazFree |= 1 << k
					}
					for c := uint16(g.gaz); c != 0; c &= c - 1 {
						p.gazPass[bits.TrailingZeros16(c)] |= 1 << k
					}
					p.tabsAsked |= g.tabs
					p.gazAsked |= g.gaz
					if g.spans {
						p.spans |= 1 << k
					}
					if skipQuiet[i] {
						p.quiet |= 1 << k
					}
				}
			}
		}
	}
	return ps
}

// A plan's rules fit in the bits of a uint64.
var _ = [64 - len(repairs)]struct{}{}

// b2i is 1 for true, 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// capitalised reports whether the token starts with a capital letter, as
// spanSet.isCapWord does.
func (ti *tokenInfo) capitalised() bool {
	return ti.cas == cCap || ti.cas == cUpper || ti.cas == cMixed
}

// The gates of the rules. Most rules start only at a word of one of their
// tables (orgNames at an institution head, lawTitles at Undang-Undang or
// Peraturan, coordination needs "dan" or "serta") or at a phrase of the lists,
// and most sentences hold none: such a rule tests first, with spanSet.has or
// spanSet.hasGaz, whether the sentence holds one, and returns at once if not.
// The test is the rule's own (a new rule without one always runs), and it reads
// what reset found in one pass over the sentence (see summarize) instead of
// every rule reading every word. Inside, spanSet.in reads the tables of a
// token from that pass too, and the rules that start only at a word of a
// table or a phrase of a class visit those tokens alone (spanSet.next,
// spanSet.nextStart).

// The bits of the tables that the gates ask about.
var (
	tabBuildingHeads   = tableOf(buildingHeads)
	tabCompanyForm     = tableOf(companyForm)
	tabDayNames        = tableOf(dayNames)
	tabDirections      = tableOf(directions)
	tabLawWords        = tableOf(lawWords)
	tabOrgAnnouncers   = tableOf(orgAnnouncers)
	tabOrgHeads        = tableOf(orgHeads)
	tabPlaceHeads      = tableOf(placeHeads)
	tabRegionTitles    = tableOf(regionTitles)
	tabLowerPlaceHeads = tableOf(lowerPlaceHeads)
	tabListJoiners     = tableOf(listJoiners)
	tabStationWords    = tableOf(stationWords)
	tabHallWords       = tableOf(hallWords)
	tabTitleLeads      = tableOf(titleLeads)
	tabOpenBrackets    = tableOf(openBrackets)
	tabSideWords       = tableOf(sideWords)
	tabDemonymNouns    = tableOf(demonymNouns)
	tabPremisesHeads   = tableOf(premisesHeads)
	tabAddressWords    = tableOf(addressWords)
	tabCoupleWords     = tableOf(coupleWords)
	tabBetweenWords    = tableOf(betweenWords)
)

// The bits of the other tables that the rules ask spanSet.in about.
var (
	tabHeadlineLower  = tableOf(headlineLower)
	tabKeepTitles     = tableOf(keepTitles)
	tabNameConnectors = tableOf(nameConnectors)
	tabOrgTitles      = tableOf(orgTitles)
	tabStationKinds   = tableOf(stationKinds)
	tabAreaNouns      = tableOf(areaNouns)
	tabEventWords     = tableOf(eventWords)
	tabFolkTitles     = tableOf(folkTitles)
	tabLowerHeads     = tableOf(lowerHeads)
	tabNameParticles  = tableOf(nameParticles)
	tabWorkNouns      = tableOf(workNouns)
	tabTitleSeconds   = tableOf(titleSeconds)
	tabRoleLeads      = tableOf(roleLeads)
)

// The facts of a sentence that the gates of some rules test beside its
// tables, as bits of a tableSet above those of repairTables: reset finds them
// in its pass over the tokens, and spanSet.has reads them as it reads the
// tables (a fact beyond the last bit would not compile: the constant would
// overflow). A fact holds for the whole sentence, whatever the rules make of
// its spans: the words and what the featurizer says of them do not change.
//
// Measured and dropped: the facts that ask about every token (a word in
// capitals after the first, for countedAcronyms; the classes and entries of
// the words in the lists, for commonAcronyms, loneHeads and notNames; a mark
// stuck to a word, for sentenceEnds) cost reset's pass more instructions
// than the calls they saved.
const (
	// factUpperFirst: the first word is in capitals (AMBON, of a dateline).
	factUpperFirst tableSet = 1 << (len(repairTables) + iota)
)

// spanFacts is a set of what the tokens labelled in a sentence hold: their
// labels (bit c for the label of code c) and the facts below. The rules that
// edit the spans change nothing in a sentence whose spans hold no token with
// the facts or the labels they need (trimLower a lower-case word or a
// punctuation mark, mergePersons a person, commonAcronyms an acronym of a
// common noun...): such a rule tests first, with spanSet.hasLabelled, whether
// one of the tokens labelled since reset (by setTags or set, which record
// them in spanSet.kinds) had one, and runRepairs does not call it when none
// had. A token labelled once and cleared since still counts: the gate may let
// a rule run for nothing, never hold it back wrongly.
type spanFacts uint32

// The facts of a labelled token (see labelledKinds), above the bits of
// the labels.
const (
	sfLower        spanFacts = 1 << (lQUANTITY + 1 + iota) // in lower case (cLower)
	sfNone                                                 // no letter (cNone)
	sfUpper                                                // in capitals (cUpper)
	sfTitle                                                // a title of the lists, the second word of a title, or in capitals or mixed case (a degree?)
	sfHeadLower                                            // a word of headlineLower
	sfOrgHead                                              // an institution head (orgHeads, or gazOrgHead in the lists)
	sfNotName                                              // an acronym of a common noun (gazNotName)
	sfNotNameEntry                                         // starts a phrase of the common nouns, or a longer phrase (notNames)
	sfMark                                                 // a word with a question or exclamation mark stuck to it
)

// labelFact returns the bit of the label of code c in a spanFacts.
func labelFact(c labCode) spanFacts { return 1 << c }

// The bits of the labels that the gates ask about.
const (
	sfPER = spanFacts(1) << lPER
	sfORG = spanFacts(1) << lORG
	sfLOC = spanFacts(1) << lLOC
)

// labelledKinds is what the tokens labelled in a sentence since reset are,
// as unions: their labels (bit c for the code c; lNone too, when a span is
// cleared, which no gate reads), case classes (bit c for the class c), classes
// and entries in the lists and tables; whether one has a question or
// exclamation mark stuck to it. set and setTags add the tokens as they label
// them, a few operations each; spanSet.hasLabelled reads the spanFacts from
// the unions (facts) when a gate asks after a change.
type labelledKinds struct {
	labels, cases    uint16
	classes, entries gazClass
	tabs             tableSet
	marks            uint64 // not 0: a mark
}

// add adds a token, with its information, word and tables.
func (u *labelledKinds) add(ti *tokenInfo, w string, t tableSet) {
	u.cases |= 1 << (ti.cas & 15)
	u.classes |= ti.class
	u.entries |= ti.entry
	u.tabs |= t
	u.marks |= b2u(len(w) > 1 && (w[len(w)-1] == '?' || w[len(w)-1] == '!'))
}

// facts returns the spanFacts of the tokens that u holds.
func (u *labelledKinds) facts() spanFacts {
	f := spanFacts(u.labels) &^ labelFact(lNone)
	if u.cases&(1<<cLower) != 0 {
		f |= sfLower
	}
	if u.cases&(1<<cNone) != 0 {
		f |= sfNone
	}
	if u.cases&(1<<cUpper) != 0 {
		f |= sfUpper
	}
	// A degree is a title too, and has two capitals or more (S.Sos, S.H.):
	// a word in capitals or of mixed case may be one, not a name (cCap).
	if u.classes&gazTitle != 0 || u.tabs&tabTitleSeconds != 0 || u.cases&(1<<cUpper|1<<cMixed) != 0 {
		f |= sfTitle
	}
	if u.tabs&tabHeadlineLower != 0 {
		f |= sfHeadLower
	}
	if u.tabs&tabOrgHeads != 0 || u.classes&gazOrgHead != 0 {
		f |= sfOrgHead
	}
	if u.classes&gazNotName != 0 {
		f |= sfNotName
	}
	if u.entries&(gazNotName|gazPrefix) != 0 {
		f |= sfNotNameEntry
	}
	if u.marks != 0 {
		f |= sfMark
	}
	return f
}

// hasLabelled reports whether a token labelled since reset had one of the
// facts or labels f (see spanFacts).
func (s *spanSet) hasLabelled(f spanFacts) bool {
	if s.stale {
		s.labelled, s.stale = s.kinds.facts()|s.gatesOff, false
	}
	return s.labelled&f != 0
}

// summarize sets the gates of the rules from what reset found in the sentence:
// the tables of repairTables that hold a word of it (lower-cased, without a
// final full stop, as spanSet.in reads it) and the classes of the phrases of
// the lists that start in it. Without gated, it records every table and class:
// no gate holds a rule back.
func (s *spanSet) summarize(gated bool) {
	if !gated {
		s.tabs, s.gazB = ^tableSet(0), ^gazClass(0)
		return
	}
	s.tabs, s.gazB = s.found, s.foundGaz
}

// wordTables returns the tables of repairTables that hold the word w,
// lower-cased and without a final full stop, given its fnvLower hash and
// whether it is ASCII: none for a full stop alone, which lowered without it
// is no word. It depends on the word alone: the word-info cache computes it
// once a word (wordInfo.tables), and spanSet.reset copies it for each token.
func wordTables(w string, lower uint64, ascii bool) tableSet {
	// Most words are in no table: the Bloom filter of their lower-case hash
	// tells without a look-up.
	dot := len(w) > 0 && w[len(w)-1] == '.'
	if !dot && !repairWords.mayHave(lower) || w == "." {
		return 0
	}
	if dot || !ascii {
		var buf [64]byte
		return tableWords[string(appendLower(buf[:0], strings.TrimSuffix(w, ".")))]
	}
	// An ASCII word without a full stop, most of them: found by its hash,
	// without lowering it.
	return asciiTables(lower, w)
}

// tableCodes holds the distinct sets of tables of the words of repairTables,
// the empty set first: a wordInfo keeps the index of its word's set, in the
// bits of its flags above wTables. More sets than those bits can count would
// be a bug of the package, caught as it starts.
var tableCodes, tableCode = func() ([]tableSet, map[tableSet]wordFlags) {
	codes, code := []tableSet{0}, map[tableSet]wordFlags{0: 0}
	for _, w := range slices.Sorted(maps.Keys(tableWords)) {
		t := tableWords[w]
		if _, ok := code[t]; !ok {
			code[t] = wordFlags(len(codes))
			codes = append(codes, t)
		}
	}
	if len(codes) > 1<<(8-wTablesShift) {
		panic("entity: too many sets of repairTables for wordInfo's table code")
	}
	return codes, code
}()

// has reports whether a word of the sentence is in one of the tables t (see
// summarize).
func (s *spanSet) has(t tableSet) bool { return s.tabs&t != 0 }

// hasGaz reports whether a phrase of the lists of one of the classes c starts in
// the sentence (see summarize).
func (s *spanSet) hasGaz(c gazClass) bool { return s.gazB&c != 0 }

// tableSlot is a slot of tableIndex: a word of repairTables and the tables
// that hold it (none: an empty slot). An ASCII word of at most eight bytes is
// its bytes, read as a little-endian number (packedLower): found without
// reading a string; another one is in tableLong at the slot's index, key 0.
type tableSlot struct {
	key  uint64
	tabs tableSet
}

// tableIndex holds tableWords open-addressed by the words' fnvLower hashes, in
// 16-byte slots (a probe reads one cache line); tableLong holds the words of
// more than eight bytes at their slots.
var tableIndex, tableLong = func() ([]tableSlot, []string) {
	n := 1
	for n < 3*len(tableWords) {
		n <<= 1
	}
	t, long := make([]tableSlot, n), make([]string, n)
	for w, tabs := range tableWords {
		h := fnvLower(fnvOffset, w)
		i := h & uint64(n-1)
		for t[i].tabs != 0 {
			i = (i + 1) & uint64(n-1)
		}
		t[i].tabs = tabs
		if len(w) <= 8 && strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) < 0 {
			t[i].key = packedLower(w)
		} else {
			long[i] = w
		}
	}
	return t, long
}()

// packedLower returns the bytes of the ASCII word w, of at most eight bytes,
// lower-cased, as a little-endian number.
func packedLower(w string) uint64 {
	var x uint64
	for i := len(w) - 1; i >= 0; i-- {
		x = x<<8 | uint64(w[i])
	}
	// The high bit of each byte from A to Z (see lowerInPlace), shifted to 0x20.
	const ones, high = 0x0101010101010101, 0x8080808080808080
	upper := (x + (0x80-'A')*ones) &^ (x + (0x80-'Z'-1)*ones) & high
	return x | upper>>2
}

// asciiTables returns tableWords[strings.ToLower(w)] for the ASCII word w whose
// fnvLower hash is h.
func asciiTables(h uint64, w string) tableSet {
	mask := uint64(len(tableIndex) - 1)
	var key uint64 // 0: a word of more than eight bytes
	if len(w) <= 8 {
		key = packedLower(w)
	}
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &tableIndex[i]
		if sl.tabs == 0 {
			return 0
		}
		if sl.key == key && (key != 0 || equalLowerASCII(w, tableLong[i])) {
			return sl.tabs
		}
	}
}

// equalLowerASCII reports whether the ASCII word w lower-cased is low.
func equalLowerASCII(w, low string) bool {
	if len(w) != len(low) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if lowerASCII(w[i]) != low[i] {
			return false
		}
	}
	return true
}
