package entity

// The feature templates of predicateFeatures, appended after the others (the
// numbers are part of the model format).
const (
	tPredicate      uint8 = tRunStart + 1 + iota // the noun a copula or an apposition says the capitalised run is
	tPredicateClass                              // that noun's classes in the lists
	tTopic                                       // what the lower-case words of the sentence talk about, for a capitalised word
)

// The topics of a sentence: the classes of its lower-case words that hint at
// the type of the names in it (desa, kabupaten, warga: places; band, klub,
// partai: organisations; penyanyi, kata: persons).
const (
	topicPlace  = gazLocCtx | gazLocHead
	topicOrg    = gazOrgCtx | gazOrgHead
	topicPerson = gazTitle | gazSpeech

	topicClasses = topicPlace | topicOrg | topicPerson
)

// topicFeatures appends the features of the capitalised token ti that tell
// what its sentence talks about (see featurizer.topics): a name the lists do
// not know in a sentence about a village is a place more often than a person
// (Talaitad adalah desa di kecamatan ...; penduduk Mopait), in one about a
// band an organisation. One feature a topic, with the token's case.
func (fz *featurizer) topicFeatures(out []uint64, ti *tokenInfo) []uint64 {
	for k, c := range [...]gazClass{topicPlace, topicOrg, topicPerson} {
		if fz.topics&c != 0 {
			out = append(out, mix(mix(feat(tTopic), uint64(k)), uint64(ti.cas)))
		}
	}
	return out
}

// Words that say what the name before them is: the copulas (Rotorua adalah
// sebuah kota, Geisha merupakan grup musik) and, after a comma, the articles
// of an apposition (Suwug, sebuah desa di ...; Leeteuk, seorang penyanyi).
var (
	hashCopulas      = [...]uint64{fnvLower(fnvOffset, "adalah"), fnvLower(fnvOffset, "merupakan"), fnvLower(fnvOffset, "ialah")}
	hashArticles     = [...]uint64{fnvLower(fnvOffset, "sebuah"), fnvLower(fnvOffset, "seorang"), fnvLower(fnvOffset, "suatu")}
	hashDeterminers  = [...]uint64{fnvLower(fnvOffset, "sebuah"), fnvLower(fnvOffset, "seorang"), fnvLower(fnvOffset, "suatu"), fnvLower(fnvOffset, "salah"), fnvLower(fnvOffset, "satu"), fnvLower(fnvOffset, "sebagai")}
	hashComma        = fnvLower(fnvOffset, ",")
	predicateClasses = gazLocHead | gazOrgHead | gazTitle | gazOrgCtx | gazLocCtx
)

func hashIn(h uint64, set []uint64) bool {
	for _, x := range set {
		if h == x {
			return true
		}
	}
	return false
}

// predicate returns the index of the lower-case noun that the words after the
// capitalised run ending at last say the run is (the kota of Rotorua adalah
// sebuah kota), or -1. Encyclopaedic text opens most articles so, and news
// writes the apposition: the noun types the name where its words are unknown.
func (fz *featurizer) predicate(last int) int {
	info := fz.info
	n := len(info)
	k := last + 1
	switch {
	case k < n && hashIn(info[k].lower, hashCopulas[:]):
		k++
	case k+1 < n && info[k].lower == hashComma && hashIn(info[k+1].lower, hashArticles[:]):
		k++
	default:
		return -1
	}
	for m := 0; m < 3 && k < n && hashIn(info[k].lower, hashDeterminers[:]); m++ {
		k++
	}
	if k >= n || info[k].cas != cLower {
		return -1
	}
	return k
}

// predicateFeatures appends the features of a capitalised token i whose run
// the words after it define (see predicate): the noun, and its classes in the
// lists (desa, kota: heads of places; grup, band: of organisations; penyanyi:
// a title), for every word of the run.
func (fz *featurizer) predicateFeatures(out []uint64, i int) []uint64 {
	if !capital(fz.info[i].cas) {
		return out
	}
	return fz.capitalPredicateFeatures(out, i)
}

// capitalPredicateFeatures is predicateFeatures for a capitalised token i.
func (fz *featurizer) capitalPredicateFeatures(out []uint64, i int) []uint64 {
	ti := &fz.info[i]
	k := fz.predicate(int(ti.runLast))
	if k < 0 {
		return out
	}
	out = append(out, mix(feat(tPredicate), fz.info[k].lower))
	if c := fz.info[k].class & predicateClasses; c != 0 {
		out = append(out, mix(feat(tPredicateClass), uint64(c)))
	}
	return out
}
