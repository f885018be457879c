package entity

import (
	"slices"
	"strings"
)

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
		if l := s.lab[c].label(); l != "" && l != LOC && l != ORG {
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

// roleLeads are the words of a role that a capitalised phrase may start with
// but the lists of titles do not hold: Staf Khusus Presiden, Komisioner Komnas
// HAM (both corpora leave them untagged: idner train 5 of 5, NERGrit 3 of 3).
var roleLeads = map[string]bool{"komisioner": true, "staf": true}

// roleSpans cuts a role word of roleLeads from the start of a span (Komisioner
// | Komnas HAM) and drops a span of that word alone (Staf), in every style.
func (s *spanSet) roleSpans() {
	if !s.has(tabRoleLeads) {
		return // no role word
	}
	for _, sp := range s.spans() {
		if !s.in(tabRoleLeads, sp.i) {
			continue
		}
		c := s.conf[sp.i]
		s.set(sp.i, sp.j, "", 0)
		if sp.j > sp.i+1 && s.isCapWord(sp.i+1) {
			s.set(sp.i+1, sp.j, sp.l, c)
		}
	}
}

// betweens drops the span that the model made of "Antara" starting a sentence
// before "lain" or a capitalised word: antara lain (among others), Antara Surya
// Paloh dan ... (between), not the news agency, in every style.
func (s *spanSet) betweens() {
	if !s.has(tabBetweenWords) {
		return // no antara
	}
	if len(s.words) < 2 || s.lab[0] != lORG || s.lab[1] == lORG && !s.beg[1] || !s.is(0, "antara") ||
		!s.is(1, "lain") && !s.isCapWord(1) {
		return
	}
	s.set(0, 1, "", 0)
}

// stuckBrackets tags the word of the lists that a corpus's tokens write with
// the brackets and the comma stuck to it and that the model left out: the
// parties and countries after the persons of a list (Teten Masduki (PDIP),
// Lex Laksamana (Demokrat dan PAN), Belo (Ghana)), a place or an organisation
// as the lists know it, in the corpus styles (a text that the package
// tokenizes has its brackets apart).
func (s *spanSet) stuckBrackets() {
	for k, w := range s.words {
		if s.lab[k] != lNone || len(w) < 3 || w[0] != '(' && !strings.Contains(w, ")") {
			continue
		}
		core := strings.TrimRight(strings.TrimLeft(w, "("), ").,;:")
		if len(core) < 2 || core[0] < 'A' || core[0] > 'Z' || len(core) == len(w) ||
			len(w) == len(core)+2 && w[0] == '(' && isUpperWord(core) {
			// An acronym alone in its brackets abbreviates the name
			// before it (Kementerian Energi dan Sumber Daya Mineral
			// (ESDM)), which the acronyms rules read.
			continue
		}
		switch c := s.gaz.word(core); {
		case c&gazLOC != 0:
			s.set(k, k+1, LOC, 0.7)
		case c&gazORG != 0:
			s.set(k, k+1, ORG, 0.7)
		}
	}
}

// isUpperWord reports whether w holds no lower-case ASCII letter.
func isUpperWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if 'a' <= w[i] && w[i] <= 'z' {
			return false
		}
	}
	return true
}

// nameHonorifics are the honorifics that idner-news-2k keeps inside a
// person's name (Gus Dur, KH Abdurrahman Wahid, Sultan Hamengku Buwono X: idner
// train 7 of 7), unlike the titles of office and of degrees (Prof, 6 of 6
// outside).
var nameHonorifics = []string{"gus", "kh", "sultan"}

// honorificPersons takes into a person the honorific of nameHonorifics right
// before it, in the idner style.
func (s *spanSet) honorificPersons() {
	n := len(s.words)
	for k := 0; k+1 < n; k++ {
		if s.lab[k] != lNone || s.lab[k+1] != lPER || !s.beg[k+1] || !s.isCapWord(k) ||
			!slices.ContainsFunc(nameHonorifics, func(w string) bool { return s.is(k, w) }) {
			continue
		}
		sp, _ := s.spanAt(k + 1)
		s.set(k, sp.j, PER, s.conf[k+1])
		k = sp.j - 1
	}
}

// premisesOrgs makes a place, in the idner style, of a capitalised head of
// premisesHeads that di, ke or menuju lead to, with the name after it, where
// the model read an organisation: di Kantor Lingkaran Survei Indonesia, di
// Kantor | Komisi Pemilihan Umum (KPU). idner-news-2k tags these premises as
// places (idner train: all 14 capitalised Gedung, Kantor and Kompleks after
// di, ke or menuju), while Kantor Berita IRNA as a subject stays an
// organisation. premisesPlaces reads the lower-case heads.
func (s *spanSet) premisesOrgs() {
	if !s.has(tabPremisesHeads) {
		return // no premises
	}
	n := len(s.words)
	for k := 1; k+1 < n; k++ {
		if s.info[k].cas != cCap || !s.isCapWord(k+1) || !s.in(tabPremisesHeads, k) ||
			!s.is(k-1, "di") && !s.is(k-1, "ke") && !s.is(k-1, "menuju") {
			continue
		}
		sp, ok := s.spanAt(k)
		switch {
		case ok && sp.i == k && sp.l == ORG:
			s.set(k, sp.j, LOC, s.conf[k])
		case !ok || sp.i == k && sp.j == k+1 && sp.l == LOC:
			// The head alone, or untagged, before the organisation.
			if nx, ok := s.spanAt(k + 1); ok && nx.i == k+1 && nx.l == ORG {
				s.set(k, nx.j, LOC, s.conf[k+1])
				sp = nx
			} else {
				continue
			}
		default:
			continue
		}
		k = sp.j - 1
	}
}
