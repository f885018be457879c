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

// skipQuiet marks the rules of repairs that are in quietRules.
var skipQuiet = func() (skip [len(repairs)]bool) {
	quiet := map[uintptr]bool{}
	for _, f := range quietRules {
		quiet[reflect.ValueOf(f).Pointer()] = true
	}
	for i, r := range repairs {
		skip[i] = quiet[reflect.ValueOf(r.run).Pointer()]
	}
	return skip
}()

// capsAfterFirst reports whether a word of the sentence but the first is
// capitalised (see isCapWord).
func (s *spanSet) capsAfterFirst() bool {
	for k := 1; k < len(s.info); k++ {
		if s.isCapWord(k) {
			return true
		}
	}
	return false
}

// runRepairs applies the rules of s's style to the spans of one sentence,
// skipping those of quietRules while the sentence is quiet if skip is set.
func (s *spanSet) runRepairs(skip bool) {
	quiet := skip && !s.capsAfterFirst()
	for i := range repairs {
		r := &repairs[i]
		if !r.styles.has(s.style) || r.body && s.head {
			continue
		}
		if quiet && skipQuiet[i] && len(s.spans()) == 0 {
			continue
		}
		r.run(s)
	}
}
