package entity

// The repairs of this file implement points of the package's guideline that the
// corpora the model learns from annotate otherwise or too rarely to learn: places
// inside titles and after nouns, and the things that are not names.

// titlePlaces makes a place of the list LOC when a title or a word that names
// people of a place stands before it: Gubernur [Jawa Tengah] Ahmad Luthfi, Wali
// Kota [Surabaya] Eri Cahyadi, warga [Magelang], Warga [Bekasi] menjual…. A person's
// span that the model ran over the place keeps the rest: Bupati [Demak]
// [Eisti'anah].
func (s *spanSet) titlePlaces() {
	n := len(s.words)
	for i := 1; i < n; i++ {
		if s.info[i].gazB&gazLOC == 0 || !s.isCapWord(i) {
			continue
		}
		prev := i - 1
		if s.in(placeHeads, prev) && !s.is(prev, "kota") {
			continue // a place head: placeNames keeps it inside the place
		}
		if !s.isTitleWord(prev) && s.info[prev].class&gazLocCtx == 0 &&
			!(s.is(prev, "kota") && prev > 0 && s.is(prev-1, "wali")) {
			continue
		}
		// The end of the place: the longest list phrase from i.
		e := i + 1
		for e < n && s.info[e].gazI&gazLOC != 0 && s.info[e].gazB&gazLOC == 0 {
			e++
		}
		if !s.info[e-1].gazEnd {
			continue
		}
		sp, in := s.spanAt(i)
		switch {
		case !in:
			// The model left it out. After a title, capitalised words the model
			// left out too are the person holding it (Bupati Demak Eisti'anah);
			// after another word, they are more of a name the lists do not know.
			if e < n && s.isCapWord(e) && s.lab[e] == "" {
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
func (s *spanSet) notNames() {
	for _, sp := range s.spans() {
		for k := sp.i; k < sp.j; k++ {
			if s.phraseIs(k, sp.j, gazNotName) {
				s.set(sp.i, sp.j, "", 0)
				break
			}
		}
	}
}

// phraseIs reports whether the words [i, j) form a phrase of class c.
func (s *spanSet) phraseIs(i, j int, c gazClass) bool {
	if s.gaz == nil || j-i > s.gaz.maxLen {
		return false
	}
	return s.gaz.phrase(s.words[i:j])&c != 0
}
