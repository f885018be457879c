package entity

import "github.com/telaah/telaah/analysis/stem"

// Repair rules of the NERGrit style: where NERGrit's annotation convention
// differs from the guideline, not where the model errs.

// areaNouns are the nouns of an area, a hamlet or a part of the land that NERGrit
// leaves outside the place they name (kawasan Bahu Mall, wilayah Mojolaban,
// dukuh Donoyudan, pegunungan Latimojong, Kaki Gunung Soputan): of the
// capitalised names after them in NERGrit train, 3 in 60 take them in.
var areaNouns = map[string]bool{
	"bukit": true, "daerah": true, "dukuh": true, "kaki": true, "kawasan": true,
	"lereng": true, "padukuhan": true, "pedukuhan": true, "pegunungan": true,
	"wilayah": true,
}

// areaNames are the nouns of areaNouns that start a name of their own when they
// are capitalised (Daerah Istimewa Yogyakarta, Bukit Tinggi, Pegunungan
// Jayawijaya): areaPlaces takes them off only in lower case.
var areaNames = map[string]bool{"bukit": true, "daerah": true, "pegunungan": true}

// areaPlaces takes the noun of an area off the start of a place, in the NERGrit
// style (see areaNouns); the guideline keeps administrative heads inside a
// place (Desa Sukamaju) and the model learnt to take these in with them.
func (s *spanSet) areaPlaces() {
	for _, sp := range s.spans() {
		i := sp.i
		if sp.l != LOC || sp.j-i < 2 || !s.isCapWord(i+1) || !s.in(tabAreaNouns, i) {
			continue
		}
		if s.info[i].cas != cLower && areaNames[string(s.lower(i))] {
			continue
		}
		c := s.conf[i]
		s.set(i, sp.j, "", 0)
		s.set(i+1, sp.j, LOC, c)
	}
}

// folkTitles are the words of address of kin and of the street (Mbah Surip,
// Kakek Simah, Bung Dino, Mang Udjo), of religious teachers (Syaikh) and the
// roles of an aircraft's crew (Capt Jarot, Copilot Dwiyanto, Mekanik Herlyo)
// that NERGrit leaves outside a person and that the list of titles lacks. Cak
// and Kang are not among them: both corpora take them in as part of a
// nickname (Cak Imin, Kang Abik).
var folkTitles = map[string]bool{
	"bung":    true,
	"capt":    true,
	"copilot": true,
	"kakek":   true,
	"kapten":  true,
	"kek":     true,
	"kopilot": true,
	"mang":    true,
	"mbah":    true,
	"mekanik": true,
	"nenek":   true,
	"pilot":   true,
	"syaikh":  true,
	"syekh":   true,
	"teknisi": true,
}

// personFolkTitles takes a word of folkTitles off the start of a person, in
// the NERGrit style.
func (s *spanSet) personFolkTitles() {
	for _, sp := range s.spans() {
		i := sp.i
		if sp.l != PER || sp.j-i < 2 || !s.isCapWord(i+1) || !s.in(tabFolkTitles, i) {
			continue
		}
		c := s.conf[i]
		s.set(i, sp.j, "", 0)
		s.set(i+1, sp.j, PER, c)
	}
}

// tongueNouns are the nouns of a language or a people that NERGrit tags the
// name after only when it is a place's (bahasa Inggris, suku Jawa, bahasa
// Aceh), not when it is the name of the tongue or the people alone (bahasa
// Tamil, beretnis Tionghoa, Batak, Sunda): in NERGrit train 17 of the 52
// capitalised words after bahasa are untagged, every one of them a tongue that
// is no place.
var tongueNouns = map[string]bool{
	"bahasa": true, "berbahasa": true, "beretnis": true, "dialek": true, "etnis": true,
	"logat": true, "suku": true,
}

// tabTongueNouns is the bit of tongueNouns, for the gate of tongues.
var tabTongueNouns = tableOf(tongueNouns)

// tongues clears, in the NERGrit style, a place of one word that a noun of
// tongueNouns leads to, directly or through a list (bahasa Bengali, Punjabi,
// dan Tamil), when the lists of places do not know it: a tongue or a people,
// not a place.
func (s *spanSet) tongues() {
	if !s.has(tabTongueNouns) {
		return
	}
	n := len(s.words)
	for k := 0; k+1 < n; k++ {
		if s.lab[k] != lNone || !s.in(tabTongueNouns, k) {
			continue
		}
		m := k + 1
		for m < n && s.isCapWord(m) {
			e := m + 1
			for e < n && s.isCapWord(e) {
				e++
			}
			if e == m+1 && s.lab[m] == lLOC && s.beg[m] && (m+1 >= n || s.lab[m+1] != lLOC || s.beg[m+1]) &&
				s.info[m].gazB&gazLOC == 0 {
				s.set(m, m+1, "", 0)
			}
			// The next item of a list: Bengali , Punjabi , dan bahasa Tamil.
			if e >= n || !(s.words[e] == "," || s.in(tabListJoiners, e) || s.is(e, "atau")) {
				break
			}
			m = e + 1
			if m < n && (s.in(tabListJoiners, m) || s.is(m, "atau")) {
				m++
			}
			if m < n && s.in(tabTongueNouns, m) {
				m++
			}
		}
		k = m - 1
	}
}

// lowerHeads are the administrative and natural heads that NERGrit takes into
// the place after them even when they are written in lower case (desa Sigong,
// kecamatan Cawas, kota Semarang, jalan Ambengan, sungai Catur): in NERGrit
// train 118 of 131 such places start at the head.
var lowerHeads = map[string]bool{
	"desa": true, "dusun": true, "jalan": true, "kabupaten": true, "kecamatan": true,
	"kelurahan": true, "kota": true, "pantai": true, "sungai": true,
}

// lowerHeadPlaces takes into a place the head of lowerHeads written in lower
// case before it, in the NERGrit style; not the kota of ibu kota (the capital).
func (s *spanSet) lowerHeadPlaces() {
	for _, sp := range s.spans() {
		h := sp.i - 1
		if sp.l != LOC || h < 0 || s.lab[h] != lNone || s.info[h].cas != cLower || !s.in(tabLowerHeads, h) ||
			h > 0 && s.is(h-1, "ibu") {
			continue
		}
		s.set(h, sp.j, LOC, s.conf[sp.i])
	}
}

// workNouns are the nouns that lead to the title of a work or a show (serial
// John Doe, sinetron Eneng, berjudul Baby, acara MTV Studio), which NERGrit
// leaves untagged: in NERGrit train the capitalised words right after them are
// untagged 63 times in 65.
var workNouns = map[string]bool{
	"acara": true, "berjudul": true, "judul": true, "program": true, "serial": true,
	"sinetron": true,
}

// workTitles clears, in the NERGrit style, the span that starts the title of a
// work right after a noun of workNouns written in lower case, or after it and
// an opening quote.
func (s *spanSet) workTitles() {
	for _, sp := range s.spans() {
		k := sp.i - 1
		if k >= 0 && (s.words[k] == "\"" || s.words[k] == "'" || s.words[k] == ":") {
			k--
		}
		if k < 0 || s.lab[k] != lNone || s.info[k].cas != cLower || !s.in(tabWorkNouns, k) {
			continue
		}
		s.set(sp.i, sp.j, "", 0)
	}
}

// eventWords mark the names of competitions, games, cups and awards, which
// NERGrit leaves untagged (Ligue 1, Copa del Rey, SEA Games, AFC Cup, Golden
// Globe Award, Piala Dunia): in NERGrit train every one of their 93 words is
// untagged (Games 5, Cup 6, Ligue 2, Copa 2, Olimpiade 3, Championship 3,
// Award 15, Awards 14, Piala 37, Kejuaraan 1, Terbuka 5). Liga is not among
// them (Liga Italia holds a place, 9 of 41 are in an organisation), nor is La
// Liga, which NERGrit tags now and then.
var eventWords = map[string]bool{
	"award": true, "awards": true, "championship": true, "championships": true,
	"copa": true, "cup": true, "games": true, "kejuaraan": true, "ligue": true,
	"olimpiade": true, "piala": true, "terbuka": true, "trophy": true,
}

// eventNames clears, in the NERGrit style, the spans that hold a capitalised
// word of eventWords. Terbuka (open) marks a tournament only after
// a place of the lists (Tiongkok Terbuka), not in Universitas Terbuka.
func (s *spanSet) eventNames() {
	for _, sp := range s.spans() {
		event := false
		for k := sp.i; k < sp.j && !event; k++ {
			if !s.isCapWord(k) {
				continue
			}
			if s.is(k, "terbuka") {
				event = k == sp.i+1 && s.info[sp.i].gazB&gazLOC != 0
			} else {
				event = s.in(tabEventWords, k)
			}
		}
		if event {
			s.set(sp.i, sp.j, "", 0)
		}
	}
}

// streetNumbers takes into a street, in the NERGrit style, the number of the
// house written after it, with No or Nomor before it (Jalan Salemba 10,
// Jalan Diponegoro 86, jalan Belitung no 8), as NERGrit tags an address (in
// NERGrit train 10 of the 11 numbers after a street are inside it); a number of
// four digits, mostly a year, stays out. The guideline keeps the number out.
func (s *spanSet) streetNumbers() {
	n := len(s.words)
	for _, sp := range s.spans() {
		if sp.l != LOC || !(s.is(sp.i, "jalan") || s.is(sp.i, "jl") || s.is(sp.i, "jln")) {
			continue
		}
		e := sp.j
		if e < n && (s.is(e, "no") || s.is(e, "nomor")) {
			e++
			if e < n && s.words[e] == "." {
				e++
			}
		}
		if e < n && s.lab[e] == lNone && isHouseNumber(s.words[e]) {
			s.set(sp.i, e+1, LOC, s.conf[sp.i])
		}
	}
}

// isHouseNumber reports whether w is the number of a house: one to three
// digits, and a letter after them (12A).
func isHouseNumber(w string) bool {
	d := 0
	for d < len(w) && d < 4 && '0' <= w[d] && w[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	rest := w[d:]
	return rest == "" || len(rest) == 1 && ('A' <= rest[0] && rest[0] <= 'Z' || 'a' <= rest[0] && rest[0] <= 'z')
}

// quotedNicknames makes, in the NERGrit style, one person of a name with a
// nickname in quotes inside it (Michael " Flea " Balzary, Robert " Robbie "
// Mark Gaspar), when the model found a person on one side of the nickname and
// nothing else around it, as NERGrit writes such names (8 of the 11 in NERGrit
// train are one person).
func (s *spanSet) quotedNicknames() {
	n := len(s.words)
	for k := 1; k+2 < n; k++ {
		if s.words[k] != "\"" || !s.isCapWord(k-1) || !s.isCapWord(k+1) {
			continue
		}
		m := k + 1
		for m < n && m-k <= 3 && s.isCapWord(m) && s.lab[m] == lNone {
			m++
		}
		if m+1 >= n || s.words[m] != "\"" || !s.isCapWord(m+1) {
			continue
		}
		l, r := s.lab[k-1].label(), s.lab[m+1].label()
		if l != PER && r != PER || l != PER && l != "" || r != PER && r != "" {
			continue
		}
		i := k - 1
		if sp, ok := s.spanAt(i); ok {
			i = sp.i
		} else {
			for i > 0 && s.isCapWord(i-1) && s.lab[i-1] == lNone {
				i--
			}
		}
		j := m + 2
		if sp, ok := s.spanAt(m + 1); ok {
			j = sp.j
		} else {
			for j < n && s.isCapWord(j) && s.lab[j] == lNone {
				j++
			}
		}
		s.set(i, j, PER, s.conf[k-1])
		k = j
	}
}

// nameParticles are the lower-case words inside a person's name: of descent
// (bin, binti, br, boru: Abdurrachman bin Ali, Ermawati br Karo) and the
// articles and prepositions of European and Arabic names (Thiago Emiliano da
// Silva, van Basten, al).
var nameParticles = map[string]bool{
	"al": true, "bin": true, "binti": true, "boru": true, "br": true, "da": true,
	"de": true, "del": true, "der": true, "dos": true, "el": true, "ibn": true,
	"van": true, "von": true,
}

// personParticles makes, in the NERGrit style, a person, a particle of
// nameParticles and the capitalised words after it one person, when the
// model found no name there or a person (Abdurrachman | bin | Ali).
func (s *spanSet) personParticles() {
	n := len(s.words)
	for _, sp := range s.spans() {
		p := sp.j
		if sp.l != PER || p+1 >= n || s.lab[p] != lNone || s.info[p].cas != cLower || !s.in(tabNameParticles, p) || !s.isCapWord(p+1) {
			continue
		}
		j := p + 1
		if nx, ok := s.spanAt(j); ok {
			if nx.l != PER {
				continue
			}
			j = nx.j
		} else {
			for j < n && s.isCapWord(j) && s.lab[j] == lNone {
				j++
			}
		}
		s.set(sp.i, j, PER, s.conf[sp.i])
	}
}

// villageHeads are the heads of a village, a district or an island that
// NERGrit tags together with a name written all in lower case after them
// (desa kertobanyon, kampung masigi, kecamatan terawas, pulau salue).
var villageHeads = map[string]bool{
	"desa": true, "dusun": true, "kabupaten": true, "kampung": true, "kecamatan": true,
	"kelurahan": true, "kota": true,
}

// tabVillageHeads is the bit of villageHeads, for the gate of lowerVillages.
var tabVillageHeads = tableOf(villageHeads)

// lowerVillages makes, in the NERGrit style, a place of a head of villageHeads
// written in lower case and the lower-case words after it that are no words of
// the language (the stemmer's lexicon knows them neither as roots nor as
// derived from one): a village's name that its writer did not capitalise (desa
// puhgogor, kampung kampal), not the desa of desa ini, desa tertinggal or
// desa wisata; not the kota of ibu kota. A second part after a hyphen
// (desa mbuang - mbuang) or a number (kampung masigi 1) joins it. In NERGrit
// train 11 of the 16 lower-case words after such a head that the lexicon does
// not know are a place's name with it; four of the other five are village
// names too that the annotators left out (desa mbuang - mbuang, tagged in the
// three other sentences that name it, dusun ndendek), the fifth a misspelling
// (desa terbarsih). Islands are not among the heads: pulau and such a word
// are a place in 1 of 4.
func (s *spanSet) lowerVillages() {
	if !s.has(tabVillageHeads) {
		return
	}
	n := len(s.words)
	for h := 0; h+1 < n; h++ {
		if s.lab[h] != lNone || s.info[h].cas != cLower || !s.in(tabVillageHeads, h) || h > 0 && s.is(h-1, "ibu") {
			continue
		}
		j := h + 1
		for j < n && j-h <= 3 && s.lab[j] == lNone && s.info[j].cas == cLower && isForeignWord(s.words[j]) {
			j++
		}
		if j == h+1 {
			continue
		}
		// A second part after a hyphen (mbuang - mbuang) or a number (kampung
		// masigi 1).
		switch {
		case j+1 < n && s.words[j] == "-" && s.lab[j] == lNone && (s.isCapWord(j+1) || isForeignWord(s.words[j+1])):
			if sp, ok := s.spanAt(j + 1); ok && (sp.l != LOC || sp.j > j+2) {
				break
			}
			j += 2
		case j < n && s.lab[j] == lNone && isHouseNumber(s.words[j]):
			j++
		}
		{
			s.set(h, j, LOC, 0.6)
			h = j - 1
		}
	}
}

// isForeignWord reports whether the lower-case word w, of letters only and at
// least three of them, is unknown to the stemmer's lexicon: neither a root nor
// derived from one (puhgogor, but not tertinggal, wisata or ini).
func isForeignWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	st := stem.Default()
	if st.IsProtected(w) {
		return true
	}
	lex := st.Lexicon()
	if lex.Contains(w) {
		return false
	}
	r := st.Stem(w)
	return r == w || !lex.Contains(r)
}
