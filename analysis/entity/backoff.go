package entity

// gazBackoff tags as organisations the gazetteer names that the model left out:
// runs of O tokens that exactly match one ORG list entry, start with a capital (and,
// at the start of a sentence, are written in capitals or mixed case: KPK, WhatsApp),
// and are not glued to a neighbouring capitalised word. It uses the featurizer's
// per-token information for words, so it must run right after tagging them.
// It returns whether it tagged anything; backed reports which tokens.
func (fz *featurizer) gazBackoff(words []string, tags []tag, backed []bool) bool {
	if !fz.orgStart {
		return false // no phrase of the ORG lists alone starts at a token
	}
	tagged := false
	n := len(words)
	for i := 0; i < n; i++ {
		ti := &fz.info[i]
		c := ti.gazB
		if tags[i] != tagO || c != gazORG {
			continue
		}
		switch ti.cas {
		case cUpper, cMixed:
		case cCap:
			if i == 0 {
				continue
			}
		default:
			continue
		}
		// The end of the match: the tokens covered by c after i.
		j := i + 1
		for j < n && fz.info[j].gazI&c != 0 && fz.info[j].gazB&c == 0 {
			j++
		}
		ok := j-1 == i || fz.info[j-1].gazEnd
		for k := i; k < j && ok; k++ {
			ok = tags[k] == tagO
		}
		if j < n {
			if x := fz.info[j].cas; x == cCap || x == cUpper || x == cMixed {
				ok = false
			}
		}
		if i > 0 {
			if x := fz.info[i-1].cas; (x == cCap || x == cUpper || x == cMixed) && i-1 > 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		b := tagBORG
		tags[i] = b
		backed[i] = true
		for k := i + 1; k < j; k++ {
			tags[k] = b + 1
			backed[k] = true
		}
		tagged = true
		i = j - 1
	}
	return tagged
}
