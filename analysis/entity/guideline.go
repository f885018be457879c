package entity

import (
	"strings"

	"github.com/telaah/telaah/analysis/stem"
)

// The repairs of this file implement points of the package's guideline that the
// corpora the model learns from annotate otherwise or too rarely to learn: places
// inside titles and after nouns, and the things that are not names.

// titlePlaces makes a place of the list LOC when a title or a word that names
// people of a place stands before it: Gubernur [Jawa Tengah] Ahmad Luthfi, Wali
// Kota [Surabaya] Eri Cahyadi, warga [Magelang], Warga [Bekasi] menjual…. A person's
// span that the model ran over the place keeps the rest: Bupati [Demak]
// [Eisti'anah].
func (s *spanSet) titlePlaces() {
	if !s.hasGaz(gazLOC) {
		return // no place of the lists
	}
	n := len(s.words)
	// The loop visits the starts of the lists' places alone.
	for i := s.nextStart(gazLOC, 1); i < n; i = s.nextStart(gazLOC, i+1) {
		if !s.isCapWord(i) {
			continue
		}
		prev := i - 1
		if s.in(tabPlaceHeads, prev) && !s.is(prev, "kota") {
			continue // a place head: placeNames keeps it inside the place
		}
		if !s.isTitleWord(prev) && s.info[prev].class&gazLocCtx == 0 &&
			!(s.is(prev, "kota") && prev > 0 && s.is(prev-1, "wali")) {
			continue
		}
		// The end of the place: the longest list phrase from i, which may
		// hold a place of its own (Daerah Istimewa Yogyakarta).
		_, e := s.gaz.longest(s.words, i, s.info[i].lower, s.info[i].entry)
		if !s.info[e-1].gazEnd {
			continue
		}
		sp, in := s.spanAt(i)
		switch {
		case !in:
			// The model left it out. After a title, capitalised words the model
			// left out too are the person holding it (Bupati Demak Eisti'anah);
			// after another word, they are more of a name the lists do not know.
			if e < n && s.isCapWord(e) && s.lab[e] == lNone {
				if !s.isTitleWord(prev) && !s.is(prev, "kota") {
					continue
				}
				r := s.capRun(e)
				if r-e > 4 || s.info[e].gazB&(gazLOC|gazORG) != 0 {
					continue
				}
				s.set(i, e, LOC, max(0.8, s.conf[i]))
				s.set(e, r, PER, 0.6)
				i = r - 1
				continue
			}
		case sp.l == LOC && sp.i == i && sp.j == e:
			continue
		case sp.l == LOC && sp.i < i:
			continue // the place starts earlier: Kota Padang
		case sp.l == ORG && sp.i < prev+1:
			continue // inside an organisation's name that starts earlier
		case sp.l == ORG:
			continue // an organisation named after the place: Persija Jakarta
		case sp.l == LOC && sp.j > e && !s.info[e].isPersonLike():
			continue // a longer place: Jawa Tengah Selatan
		}
		end := e
		rest, restLabel := 0, Label("")
		if in && sp.j > e {
			rest, restLabel = sp.j, sp.l
			if restLabel == LOC {
				restLabel = PER // the place glued to the name after it
			}
		}
		from := i
		if in && sp.i < i {
			// The span started at the title or the context word: cut it.
			s.set(sp.i, i, "", 0)
		}
		s.set(from, end, LOC, max(0.8, s.conf[i]))
		if rest > end {
			s.set(end, rest, restLabel, s.conf[end])
		}
		i = end - 1
	}
}

// isPersonLike reports whether the token looks like the start of a person's name
// rather than more of a place: a given name of the list.
func (ti tokenInfo) isPersonLike() bool { return ti.class&gazGiven != 0 }

// notNames clears the spans that end in a phrase of lists/notname.txt — products,
// phenomena, standards, holidays, days — with only capitalised words before it
// (Fenomena El Nino, Elpiji, Quick Response Code Indonesian Standard): they are
// not names, however they are written.
//
// The words before the phrase must be common words (Fenomena), so that a name
// that ends in such a word stays (Ahmad Fauzi Ramadhan); the phrase may run on
// after the span (Half Marathon when the model took Half alone).
func (s *spanSet) notNames() {
	if !s.hasLabelled(sfNotNameEntry) {
		return // no phrase of the common nouns starts in a span
	}
	for _, sp := range s.spans() {
	starts:
		for k := sp.i; k < sp.j; k++ {
			// A word that is no such phrase and starts no longer phrase
			// (most words) is told without a call.
			if s.info[k].entry&(gazNotName|gazPrefix) == 0 || !s.phraseFrom(k, sp.j, gazNotName) {
				continue
			}
			for p := sp.i; p < k; p++ {
				if !s.isCommon(s.words[p]) {
					continue starts
				}
			}
			s.set(sp.i, sp.j, "", 0)
			break starts
		}
	}
}

// phraseFrom reports whether a phrase of class c starts at word i and ends at
// minEnd or later. It reads the phrases starting at i in one pass, from the word's
// entry in the lists, as long as they are prefixes of longer ones.
func (s *spanSet) phraseFrom(i, minEnd int, c gazClass) bool {
	g := s.gaz
	if g == nil {
		return false
	}
	entry, h := s.info[i].entry, s.info[i].lower
	for e := i + 1; entry != 0; e++ {
		if e >= minEnd && entry&c != 0 {
			return true
		}
		if entry&gazPrefix == 0 || e >= len(s.words) || e-i >= g.maxLen {
			return false
		}
		h = fnvLower(fnvByte(h, ' '), s.words[e])
		entry = g.phrases.get(h)
	}
	return false
}

// holderAfter reports, for an institution's name that runs from its head i to j,
// whether it holds a known name [i, e) of the lists followed by a person: a title
// stands before the head (Kepala, Rektor, Ketua) and the capitalised words after
// the known name are no region, institution or place (Kepala Badan Pusat
// Statistik Amalia Adininggar Widyasanti).
func (s *spanSet) holderAfter(i, j int) (e int, person bool) {
	if i == 0 || !s.isTitleWord(i-1) || s.info[i].gazB&gazORG == 0 {
		return 0, false
	}
	e = i + 1
	for e < j && s.info[e].gazI&gazORG != 0 && s.info[e].gazB&gazORG == 0 {
		e++
	}
	if e >= j || !s.info[e-1].gazEnd || j-e > 4 {
		return 0, false
	}
	for k := e; k < j; k++ {
		if !s.isCapWord(k) || s.in(tabPlaceHeads, k) || s.in(tabOrgHeads, k) ||
			s.info[k].gazB&(gazLOC|gazORG) != 0 && s.info[k].class&gazGiven == 0 || s.info[k].cas == cUpper {
			return 0, false
		}
	}
	return e, true
}

// cityHalls makes a town or village hall a place, with the place it belongs to:
// [Balai Kota Semarang], [Balai Desa Sukamaju].
func (s *spanSet) cityHalls() {
	if !s.has(tabHallWords) {
		return // no Balai
	}
	n := len(s.words)
	for i := 0; i+1 < n; i++ {
		if !s.isCapWord(i) || !s.is(i, "balai") || !s.isCapWord(i+1) || !(s.is(i+1, "kota") || s.is(i+1, "desa")) {
			continue
		}
		j := i + 2
		if j < n && s.isCapWord(j) {
			j = s.capRun(j)
		}
		s.set(i, j, LOC, 0.8)
		i = j - 1
	}
}

// regionTitles are the titles of the heads of a region, after which the
// capitalised words before the holder's name name the region: Camat [Cigombong]
// [Ade Kurnia], Kepala Desa [Sukamaju] [Ujang Suryana].
var regionTitles = map[string]bool{
	"gubernur": true, "wagub": true, "bupati": true, "wabup": true, "walikota": true,
	"wawali": true, "camat": true, "lurah": true, "kades": true, "kapolda": true,
	"kapolres": true, "kapolresta": true, "kapolsek": true, "pangdam": true,
	"danrem": true, "dandim": true, "kajati": true, "kajari": true, "sekda": true,
	"pj": true,
}

// regionInTitle types LOC the capitalised words between the title of a region's
// head and the person the model found after them, when no list knows the region
// (Camat Cigombong Ade Kurnia, Kepala Desa Sukamaju Ujang Suryana).
func (s *spanSet) regionInTitle() {
	if !s.has(tabRegionTitles | tabTitleLeads) {
		return // no title of a region's head
	}
	n := len(s.words)
	for i := 1; i+1 < n; i++ {
		if !s.isCapWord(i) {
			continue
		}
		title := s.in(tabRegionTitles, i-1) ||
			i > 1 && (s.is(i-1, "kota") && s.is(i-2, "wali") || s.is(i-1, "desa") && s.is(i-2, "kepala"))
		if !title {
			continue
		}
		// Either the model ran a person's span over the region, or it left the
		// region out before a person.
		if sp, ok := s.spanAt(i); ok {
			if sp.l == LOC && sp.i == i {
				continue
			}
			if sp.l == PER && sp.i == i && sp.j-i >= 3 && s.info[i].class&gazGiven == 0 && s.info[i].gazB&gazLOC == 0 {
				// One region word, then the name: Bupati Sleman Kustini Sri Purnomo.
				if s.info[i+1].class&gazGiven != 0 {
					s.set(i, i+1, LOC, 0.6)
					s.set(i+1, sp.j, PER, s.conf[i+1])
				}
			}
			continue
		}
		k := i
		for k < n && s.isCapWord(k) && s.lab[k] == lNone && k-i < 3 {
			k++
		}
		if k < n && k > i && s.lab[k] == lPER && s.beg[k] {
			s.set(i, k, LOC, 0.6)
		}
		i = k
	}
}

// placeBackoff types LOC the places of the lists that the model left out: a
// name of two words or more (Amerika Serikat, Jawa Tengah), or of one word after
// di, ke or dari (di Demak), capitalised and not glued to other capitalised words.
func (s *spanSet) placeBackoff() {
	if !s.hasGaz(gazLOC) {
		return // no place of the lists
	}
	n := len(s.words)
	// The loop visits the starts of the lists' places alone.
	for i := s.nextStart(gazLOC, 0); i < n; i = s.nextStart(gazLOC, i+1) {
		if s.lab[i] != lNone || s.info[i].gazB&gazORG != 0 || !s.isCapWord(i) {
			continue
		}
		e := i + 1
		for e < n && s.info[e].gazI&gazLOC != 0 && s.info[e].gazB&gazLOC == 0 {
			e++
		}
		if !s.info[e-1].gazEnd {
			continue
		}
		free := true
		for k := i; k < e; k++ {
			free = free && s.lab[k] == lNone
		}
		if !free || e < n && s.isCapWord(e) || i > 0 && s.isCapWord(i-1) && i > 1 {
			continue
		}
		if e-i == 1 && !(i > 0 && (s.is(i-1, "di") || s.is(i-1, "ke") || s.is(i-1, "dari"))) &&
			(i == 0 || len(s.words[i]) < 5 || s.isCommon(s.words[i])) {
			continue // a one-word place alone only when no common word: Denmark, not Batang
		}
		if s.info[i].class&gazGiven != 0 {
			continue
		}
		s.set(i, e, LOC, 0.6)
		i = e - 1
	}
}

// placeDirections extends a place by a capitalised point of the compass after
// it that starts no other name: Bekasi Timur, Jakarta Utara.
func (s *spanSet) placeDirections() {
	if !s.has(tabDirections) {
		return // no point of the compass
	}
	for _, sp := range s.spans() {
		if sp.l != LOC || sp.j >= len(s.words) || s.lab[sp.j] != lNone || !s.isCapWord(sp.j) || !s.in(tabDirections, sp.j) {
			continue
		}
		s.set(sp.i, sp.j+1, LOC, s.conf[sp.i])
	}
}

// compassSides cuts from the start of a span the side of the compass that a
// description of a place begins with (Sebelah Barat adalah Desa Tiyaran, sebelah
// Timur Danau Toba): sebelah and the points after it are never a name, in any
// style; a span of nothing else is cleared.
func (s *spanSet) compassSides() {
	if !s.has(tabSideWords) {
		return // no sebelah
	}
	for _, sp := range s.spans() {
		k := sp.i
		if !s.is(k, "sebelah") && !(k > 0 && s.is(k-1, "sebelah") && s.in(tabDirections, k)) {
			continue
		}
		for k < sp.j && (s.is(k, "sebelah") || s.in(tabDirections, k)) {
			k++
		}
		s.set(sp.i, k, "", 0)
		if k < sp.j {
			s.set(k, sp.j, sp.l, s.conf[k])
		}
	}
}

// cutDays cuts the days of the week from the ends of a span (dimuat the Financial
// Times Senin, Senin Presiden ...): a day is never part of a name, in any style (no
// name of the training corpora ends or starts with one), except the market of
// Pasar Minggu. A span of nothing else is cleared.
func (s *spanSet) cutDays() {
	if !s.has(tabDayNames) {
		return // no day of the week
	}
	for _, sp := range s.spans() {
		i, j := sp.i, sp.j
		for i < j && s.in(tabDayNames, i) {
			i++
		}
		for j > i && s.in(tabDayNames, j-1) && !(s.is(j-1, "minggu") && s.is(j-2, "pasar")) {
			j--
		}
		if i == sp.i && j == sp.j {
			continue
		}
		s.set(sp.i, sp.j, "", 0)
		if i < j {
			s.set(i, j, sp.l, s.conf[i])
		}
	}
}

// directions are the points of the compass and the parts of a region that
// follow a place's name.
var directions = map[string]bool{
	"utara": true, "selatan": true, "barat": true, "timur": true, "tengah": true,
	"raya": true, "tenggara": true, "daya": true,
}

// contextOrgs types ORG a run of capitalised words that the model left out after
// a word that announces a company, an app or a club (aplikasi Truth Social, klub
// Como, saham Unilever), unless a list knows it as a place.
func (s *spanSet) contextOrgs() {
	if !s.has(tabOrgAnnouncers) {
		return // no word that announces a company
	}
	n := len(s.words)
	for i := 1; i < n; i++ {
		if s.lab[i] != lNone || !s.isCapWord(i) || s.info[i].gazB&gazLOC != 0 || !s.in(tabOrgAnnouncers, i-1) ||
			s.isCommon(s.words[i]) {
			continue // not Perusahaan Teknologi
		}
		j := i
		for j < n && s.isCapWord(j) && s.lab[j] == lNone && j-i < 4 {
			j++
		}
		if j < n && s.lab[j] != lNone {
			continue
		}
		s.set(i, j, ORG, 0.6)
		i = j - 1
	}
}

// orgAnnouncers are the words after which capitalised words name a company, an
// app or a club.
var orgAnnouncers = map[string]bool{
	"aplikasi": true, "klub": true, "saham": true, "emiten": true, "maskapai": true,
	"platform": true, "startup": true, "perusahaan": true,
}

// isDerivedWord reports whether w is an affixed form of a common word (Keuangan
// from uang), which is never part of a personal name the way a root can be (Bagus).
func isDerivedWord(w string) bool {
	a := stem.Default().Analyze(w)
	return a.Found && !a.Protected && a.Root != strings.ToLower(w)
}

// personAfterTitle extends a person's span back over the capitalised words
// between it and a title, which the model left out: Jaksa [Bagus Aditya
// Nugroho], AKBP [Yopy Anggi Nugroho] (at most two words).
func (s *spanSet) personAfterTitle() {
	if !s.hasLabelled(sfPER) {
		return // no person
	}
	for _, sp := range s.spans() {
		if sp.l != PER {
			continue
		}
		k := sp.i
		for k > 0 && sp.i-k < 2 && s.lab[k-1] == lNone && s.isCapWord(k-1) && !s.isTitleWord(k-1) &&
			s.info[k-1].gazB&(gazLOC|gazORG) == 0 && s.info[k-1].class&(gazOrgHead|gazLocHead) == 0 &&
			!s.isDerived(s.words[k-1]) {
			k--
		}
		if k < sp.i && k > 0 && s.isTitleWord(k-1) {
			s.set(k, sp.j, PER, s.conf[sp.i])
		}
	}
}

// initialWords cuts from a span that starts a sentence (or a quote) an affixed
// common word glued before a name of the lists: "Penggunaan [WhatsApp] sudah
// luas…". Heads of names stay (Pemerintah Kota Bekasi, Kementerian Keuangan).
func (s *spanSet) initialWords() {
	if !s.hasGaz(gazLOC | gazORG) {
		return // no name of the lists to glue a word to
	}
	for _, sp := range s.spans() {
		i := sp.i
		if sp.j-i < 2 || i > 0 && !isQuote(s.words[i-1]) {
			continue
		}
		if s.info[i].gazB&(gazLOC|gazORG) != 0 || s.info[i].class&(gazOrgHead|gazLocHead|gazTitle) != 0 ||
			s.in(tabOrgHeads, i) || s.in(tabPlaceHeads, i) {
			continue
		}
		if s.info[i+1].gazB&(gazLOC|gazORG) == 0 || !s.isDerived(s.words[i]) {
			continue
		}
		c := s.conf[i]
		s.set(i, sp.j, "", 0)
		s.set(i+1, sp.j, sp.l, c)
	}
}

// isQuote reports whether w is a quotation mark.
func isQuote(w string) bool {
	switch w {
	case `"`, "'", "“", "‘", "«", "``":
		return true
	}
	return false
}
