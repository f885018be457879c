package entity

import "reflect"

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
	(*spanSet).gazetteerPlaces, (*spanSet).bracketedAcronyms, (*spanSet).buildings,
	(*spanSet).companyForms, (*spanSet).placeDirections, (*spanSet).compassSides,
	(*spanSet).cutDays, (*spanSet).personAfterTitle, (*spanSet).initialWords,
	(*spanSet).areaPlaces, (*spanSet).personFolkTitles, (*spanSet).tongues,
	(*spanSet).lowerHeadPlaces, (*spanSet).workTitles, (*spanSet).eventNames,
	// lawTitles only clears spans.
	(*spanSet).lawTitles,
	// Rules that start at a capitalised word after the first (titlePlaces,
	// regionInTitle, contextOrgs, lowerPlaces), need two capitalised words side
	// by side (cityHalls, orgNames, placeNames, coordination's lists), a
	// capitalised acronym or long name inside brackets (acronyms: the
	// expansion of an acronym needs two content words in them) or a run of
	// capitalised words after the city of a dateline.
	(*spanSet).titlePlaces, (*spanSet).regionInTitle, (*spanSet).contextOrgs,
	(*spanSet).lowerPlaces, (*spanSet).cityHalls, (*spanSet).orgNames,
	(*spanSet).placeNames, (*spanSet).coordination, (*spanSet).acronyms,
	(*spanSet).dateline,
}

// pairRules are the repair rules that start only at two capitalised words side
// by side (Balai Kota, Dinas Kesehatan, Kabupaten Enrekang, Stasiun Klaten),
// whatever the spans: spanSet.repair skips them in a sentence without such a
// pair.
var pairRules = []func(*spanSet){(*spanSet).cityHalls, (*spanSet).orgNames, (*spanSet).placeNames}

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
// side.
func (s *spanSet) capitals() (afterFirst, pair bool) {
	info := s.info
	prev := len(info) > 0 && info[0].capitalised()
	for k := 1; k < len(info); k++ {
		c := info[k].capitalised()
		if c && prev {
			return true, true // a pair has one after the first
		}
		afterFirst = afterFirst || c
		prev = c
	}
	return afterFirst, false
}

// runRepairs applies the rules of s's style to the spans of one sentence; if
// skip is set, it skips those of quietRules while the sentence is quiet and
// those of pairRules in a sentence without two capitalised words side by side.
// The rules to consider come from repairPlans, which holds them already sifted
// by style, by title case and by the pair of capitalised words.
func (s *spanSet) runRepairs(skip bool) {
	afterFirst, pair := s.capitals()
	quiet := skip && !afterFirst
	unpaired := skip && !pair
	if int(s.style) >= len(repairPlans) {
		// A style that no rule serves: none runs, as repairs' styles say.
		return
	}
	plan := &repairPlans[s.style]
	rules := plan[b2i(s.head)][b2i(unpaired)]
	for _, i := range rules {
		if quiet && skipQuiet[i] && len(s.spans()) == 0 {
			continue
		}
		repairs[i].run(s)
	}
}

// repairPlan holds, for one style, the indexes in repairs of the rules to
// consider, by whether the sentence is in title case and whether it lacks two
// capitalised words side by side (when pairRules may be skipped).
type repairPlan [2][2][]uint8

// repairPlans are the plans of the styles, built from repairs (every rule of the
// table is in the plans of the styles it serves, in the table's order).
var repairPlans = planRepairs()

// planRepairs builds the plans of the styles from repairs.
func planRepairs() (ps [StyleIdner + 1]repairPlan) {
	for st := range ps {
		for head := range 2 {
			for unpaired := range 2 {
				var rules []uint8
				for i, r := range repairs {
					if !r.styles.has(Style(st)) || r.body && head == 1 || unpaired == 1 && skipUnpaired[i] {
						continue
					}
					rules = append(rules, uint8(i))
				}
				ps[st][head][unpaired] = rules
			}
		}
	}
	return ps
}

// Rule indexes fit in a uint8.
var _ = [256 - len(repairs)]struct{}{}

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
