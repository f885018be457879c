package entity

// Repair rules of the idner style (idner-news-2k's convention), weighed on
// the 4-fold cross-validation of its training set with the fold models kept
// (see TestCrossValidationDump).

// governments makes one organisation of "pemerintah" and the country of the
// lists right after it (pemerintah Irak, Pemerintah Jerman), as idner-news-2k
// most often tags a foreign government (idner train: 5 such organisations, 1
// country alone); the country's own name stays a place elsewhere. Not when
// more capitalised words follow (Pemerintah Kota Bekasi is the head of a name
// that other rules read).
func (s *spanSet) governments() {
	if !s.hasGaz(gazLOC) {
		return // no place of the lists
	}
	n := len(s.words)
	for k := 0; k+1 < n; k++ {
		c := k + 1
		if s.info[c].gazB&gazLOC == 0 || !s.info[c].gazEnd || s.info[c].cas != cCap ||
			c+1 < n && s.isCapWord(c+1) || !s.is(k, "pemerintah") {
			continue
		}
		if l := s.lab[c]; l != "" && l != LOC && l != ORG {
			continue
		}
		if sp, ok := s.spanAt(c); ok && (sp.j > c+1 || sp.i < k) {
			continue
		}
		if sp, ok := s.spanAt(k); ok && sp.i < k {
			continue
		}
		s.set(k, c+1, ORG, 0.7)
	}
}
