package entity

import (
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"
)

// The repair pass runs in Extract after the model has tagged a sentence. It applies
// what a reader of Indonesian news knows about the shape of names and that a
// first-order tagger trained on two thousand sentences often misses: full names of
// institutions (with their commas and "dan"), "Long Name (ACRO)", ranks and titles
// that are never names themselves, names after place heads (Kabupaten, Kecamatan,
// Desa), organisation names headed by Dinas or Badan and the lists inside them
// (Dinas Pariwisata, Kebudayaan, Pemuda, dan Olahraga), and datelines.
// The rules are tables of words, not the strings of any text.

// spanSet is the per-token view of one sentence's named entities that the repair
// rules edit: each token has a label ("" outside names), whether it begins a span,
// and the confidence a rule gave it (0 keeps the model's).
type spanSet struct {
	words []string
	info  []tokenInfo
	lab   []labCode // each token's label, as a code (lNone: outside every span)
	beg   []bool
	conf  []float64
	acros []acronym // "(ACRO)" found after a long name
	head  bool      // the sentence is written in title case, as headlines are
	style Style     // the convention to follow
	gaz   *gazetteer
	// low holds the lower-cased words that lower made, at lowAt[k] for word
	// k (as start, end+1; 0, 0: not yet): the rules ask for a word's lower
	// case many times.
	low   []byte
	lowAt [][2]int32
	spbuf []span // the spans, as spans found them last
	fresh bool   // spbuf holds the current spans: no label changed since
	// common and derived remember isCommonWord's and isDerivedWord's answers,
	// from one sentence and call to the next (see isCommon).
	common, derived map[string]bool
	// tabs and gazB are what the gates of the rules read: the tables that
	// hold a word of the sentence and the classes of the phrases of the
	// lists that start in it (see summarize).
	tabs tableSet
	gazB gazClass
	// tt holds the tables of repairTables that hold each token (see
	// wordTables), which spanSet.in reads; found and foundGaz are the
	// tables and the classes of the whole sentence, for summarize.
	tt       []tableSet
	found    tableSet
	foundGaz gazClass
	// afterFirst and pair are what capitals reports, found by reset.
	afterFirst, pair bool
	// starts holds the classes of the phrases of the lists that start at
	// each token (its gazB), side by side for nextStart.
	starts []gazClass
	// labelled holds the facts of the tokens labelled since reset, and
	// their labels (see spanFacts): what the gates of the rules that edit
	// spans read. kinds holds what it is made from, and stale tells that
	// labelled is to be made again from it; gatesOff is all ones when no
	// gate is to hold a rule back (runRepairs(false)).
	labelled, gatesOff spanFacts
	kinds              labelledKinds
	stale              bool
}

// labCode is a Label as spanSet keeps it for each token: one byte, so that
// reset clears a byte a token and a rule's write is a plain store, where a
// Label (a string) is sixteen bytes and a store behind a write barrier. The
// Label itself is read (labelOf) only where a span is made.
type labCode uint8

// The codes of the labels, lNone for none.
const (
	lNone labCode = iota
	lPER
	lORG
	lLOC
	lDATE
	lTIME
	lMONEY
	lPERCENT
	lQUANTITY
)

// labelOf holds the Label of each code.
var labelOf = [...]Label{lNone: "", lPER: PER, lORG: ORG, lLOC: LOC, lDATE: DATE,
	lTIME: TIME, lMONEY: MONEY, lPERCENT: PERCENT, lQUANTITY: QUANTITY}

// label returns the Label of code c.
func (c labCode) label() Label { return labelOf[c] }

// codeOf returns the code of label l (lNone for "").
func codeOf(l Label) labCode {
	switch l {
	case PER:
		return lPER
	case ORG:
		return lORG
	case LOC:
		return lLOC
	case DATE:
		return lDATE
	case TIME:
		return lTIME
	case MONEY:
		return lMONEY
	case PERCENT:
		return lPERCENT
	case QUANTITY:
		return lQUANTITY
	}
	return lNone
}

// acronym records that words[at] (an acronym in brackets) abbreviates the span
// [from, to).
type acronym struct{ at, atEnd, from, to int }

// reset prepares s for a sentence of words with the featurizer's info.
func (s *spanSet) reset(words []string, info []tokenInfo, head bool, style Style) {
	n := len(words)
	s.head, s.style = head, style
	s.words, s.info = words, info
	s.lab = grow(s.lab, n)
	s.beg = grow(s.beg, n)
	s.conf = grow(s.conf, n)
	clear(s.lab)
	clear(s.beg)
	// No label is set: the spans are none, and spans need not look.
	s.spbuf, s.fresh = s.spbuf[:0], true
	s.labelled, s.gatesOff, s.kinds, s.stale = 0, 0, labelledKinds{}, false
	// Until summarize has read the sentence, no gate holds a rule back.
	s.tabs, s.gazB = ^tableSet(0), ^gazClass(0)
	clear(s.conf)
	s.acros = s.acros[:0]
	s.low = s.low[:0]
	s.lowAt = grow(s.lowAt, n)
	clear(s.lowAt)
	// One pass over the tokens finds what the rules and their gates ask
	// about many times: the tables of every token, the tables and the
	// classes of the sentence (for summarize), and the capitalised words
	// after the first (for capitals).
	s.tt = grow(s.tt, n)
	var found tableSet
	var gaz gazClass
	// The capitalised words without branches: caps counts them, pairs is
	// not 0 once a run of them (as the featurizer has measured it, capRun)
	// holds two or more.
	var caps, pairs uint64
	s.starts = grow(s.starts, n)
	tt, info, starts := s.tt[:n], info[:n], s.starts[:n]
	for k := range words {
		ti := &info[k]
		gaz |= ti.gazB
		starts[k] = ti.gazB
		caps += b2u(ti.capitalised())
		pairs |= uint64(ti.capRun) >> 1
		// The word's tables, which its word info holds (wordTables).
		t := ti.tables()
		tt[k] = t
		found |= t
	}
	if n > 0 && info[0].cas == cUpper {
		found |= factUpperFirst
	}
	s.found, s.foundGaz = found, gaz
	s.afterFirst, s.pair = n > 0 && caps > b2u(info[0].capitalised()), pairs != 0
}

// span is a run of tokens [i, j) with one label.
type span struct {
	i, j int
	l    Label
}

// spans returns the current spans, in order. The result is valid until the
// spans change; a rule that changes them while reading the result reads the
// spans as they were.
func (s *spanSet) spans() []span {
	if s.fresh {
		return s.spbuf // no label changed since the last call: inlined, no call
	}
	return s.findSpans()
}

// findSpans reads the spans from the labels into spbuf.
func (s *spanSet) findSpans() []span {
	out := s.spbuf[:0]
	for i := 0; i < len(s.lab); {
		if s.lab[i] == lNone {
			i++
			continue
		}
		j := i + 1
		for j < len(s.lab) && s.lab[j] == s.lab[i] && !s.beg[j] {
			j++
		}
		out = append(out, span{i, j, s.lab[i].label()})
		i = j
	}
	s.spbuf, s.fresh = out, true
	return out
}

// setTags sets the spans of the model's tags (one a tag for each word) on a
// spanSet that reset has just cleared, as set would one by one, and records
// them as findSpans would read them: the first rule to ask for the spans
// has them without reading the labels again.
func (s *spanSet) setTags(tags []tag) {
	out := s.spbuf[:0]
	for i := 0; i < len(tags); {
		// Most tags are O: a loop of their own, without a call.
		for i < len(tags) && tags[i] == tagO {
			i++
		}
		if i == len(tags) {
			break
		}
		l := tags[i].label()
		c := codeOf(l)
		j := i + 1
		for j < len(tags) && tags[j].isInside() && tags[j].label() == l {
			j++
		}
		// reset has cleared the confidences, and the label after j, set
		// next, is none yet: set would change nothing more.
		s.kinds.labels |= 1 << c
		for k := i; k < j; k++ {
			s.lab[k], s.beg[k] = c, k == i
			s.kinds.add(&s.info[k], s.words[k], s.tt[k])
		}
		out = append(out, span{i, j, l})
		i = j
	}
	s.spbuf, s.fresh = out, true
	s.stale = len(out) > 0
}

// spanAt returns the span holding token k, if any.
func (s *spanSet) spanAt(k int) (span, bool) {
	if k < 0 || k >= len(s.lab) || s.lab[k] == lNone {
		return span{}, false
	}
	i := k
	for i > 0 && !s.beg[i] && s.lab[i-1] == s.lab[k] {
		i--
	}
	j := k + 1
	for j < len(s.lab) && s.lab[j] == s.lab[k] && !s.beg[j] {
		j++
	}
	return span{i, j, s.lab[k].label()}, true
}

// set makes [i, j) one span of label l (clear it for l == ""), splitting the spans
// it cuts; conf > 0 is the confidence the rule gives it.
func (s *spanSet) set(i, j int, l Label, conf float64) {
	s.fresh, s.stale = false, true
	c := codeOf(l)
	s.kinds.labels |= 1 << c
	for k := i; k < j; k++ {
		s.lab[k] = c
		s.beg[k] = k == i
		s.conf[k] = conf
		s.kinds.add(&s.info[k], s.words[k], s.tt[k])
	}
	if j < len(s.lab) && s.lab[j] != lNone {
		s.beg[j] = true
	}
}

// isCapWord reports whether token k starts with a capital letter (Telegram, KPK,
// WhatsApp).
func (s *spanSet) isCapWord(k int) bool {
	if k < 0 || k >= len(s.info) {
		return false
	}
	c := s.info[k].cas
	return c == cCap || c == cUpper || c == cMixed
}

// lower returns token k lower-cased, without a final full stop, lowering it
// once a sentence; the result is valid until the next reset and is not to be
// changed.
func (s *spanSet) lower(k int) []byte {
	if at := s.lowAt[k]; at[1] > 0 {
		return s.low[at[0] : at[1]-1 : at[1]-1]
	}
	// Earlier results keep their bytes when low grows: append copies them.
	from := len(s.low)
	s.low = appendLower(s.low, strings.TrimSuffix(s.words[k], "."))
	to := len(s.low)
	s.lowAt[k] = [2]int32{int32(from), int32(to) + 1}
	return s.low[from:to:to]
}

// in reports whether token k, lower-cased (without a final full stop), is in
// one of the tables t of repairTables: a test of the bits that reset found for
// it.
func (s *spanSet) in(t tableSet, k int) bool { return s.tt[k]&t != 0 }

// nextStart returns the first token from k on where a phrase of the lists of
// one of the classes c starts, or the number of tokens: the rules that start
// only at such a phrase visit those tokens alone.
func (s *spanSet) nextStart(c gazClass, k int) int {
	for k < len(s.starts) && s.starts[k]&c == 0 {
		k++
	}
	return k
}

// next returns the first token from k on that is in one of the tables t (see
// in), or the number of tokens: the rules that start only at a word of their
// tables visit those words alone.
func (s *spanSet) next(t tableSet, k int) int {
	for k < len(s.tt) && s.tt[k]&t == 0 {
		k++
	}
	return k
}

// repairTables are the word tables that the repair rules ask a token about with
// spanSet.in or lowerIn (TestRepairTables checks that none is missing).
var repairTables = [...]map[string]bool{
	addressWords, buildingHeads, companyForm, countWords, dayNames, demonymNouns, directions,
	headlineLower, keepTitles, lawWords, premisesHeads,
	nameAbbrevs, nameConnectors, orgAnnouncers, orgHeads, orgTitles, placeHeads, regionTitles,
	stationKinds,
	// The tables of the rules of the NERGrit style (repair_nergrit.go).
	areaNouns, eventWords, folkTitles, lowerHeads, nameParticles, tongueNouns, villageHeads, workNouns,
	// The tables that spanSet.in reads where a rule needs one of a few words.
	titleSeconds, roleLeads,
	// The tables that only the gates of the rules read (see spanSet.has).
	lowerPlaceHeads, listJoiners, stationWords, hallWords, titleLeads, openBrackets, sideWords, coupleWords,
	betweenWords,
}

// The words whose presence in a sentence the gates of the rules test, beside
// the tables that the rules ask spanSet.in about.
var (
	listJoiners  = map[string]bool{"dan": true, "serta": true}   // coordination
	stationWords = map[string]bool{"stasiun": true}              // placeNames
	hallWords    = map[string]bool{"balai": true}                // cityHalls
	titleLeads   = map[string]bool{"wali": true, "kepala": true} // regionInTitle: Wali Kota, Kepala Desa
	openBrackets = map[string]bool{"(": true}                    // acronyms
	sideWords    = map[string]bool{"sebelah": true}              // compassSides
	coupleWords  = map[string]bool{"pasangan": true}             // couples
	betweenWords = map[string]bool{"antara": true}               // betweens
)

// tableSet is a set of the tables of repairTables, bit i for repairTables[i].
type tableSet uint64

// Tables fit in a tableSet.
var _ = [64 - len(repairTables)]struct{}{}

// tableWords maps every word of repairTables to the tables that hold it.
var tableWords = func() map[string]tableSet {
	m := map[string]tableSet{}
	for i, t := range repairTables {
		for w := range t {
			m[w] |= 1 << i
		}
	}
	return m
}()

// tableOf returns the bit of the table t of repairTables; a table that is not
// there is a bug of the package, caught as it starts.
func tableOf(t map[string]bool) tableSet {
	p := reflect.ValueOf(t).Pointer()
	for i, r := range repairTables {
		if reflect.ValueOf(r).Pointer() == p {
			return 1 << i
		}
	}
	panic("entity: a gate asks about a table that is not in repairTables")
}

// repairWords is the Bloom filter of the words of repairTables.
var repairWords = func() (b wordBloom) {
	for _, t := range repairTables {
		for w := range t {
			b.add(fnvLower(fnvOffset, w))
		}
	}
	return b
}()

// wordBloom is a Bloom filter of words by their fnvLower hash, with one bit of
// 65,536 a word: for a few hundred words, a word outside them passes less than
// one time in a hundred.
type wordBloom [1 << 10]uint64

func (b *wordBloom) add(h uint64) {
	h &= 1<<16 - 1
	b[h>>6] |= 1 << (h & 63)
}

// mayHave reports whether the word whose fnvLower hash is h may be in b.
func (b *wordBloom) mayHave(h uint64) bool {
	h &= 1<<16 - 1
	return b[h>>6]&(1<<(h&63)) != 0
}

// is reports whether token k, lower-cased (without a final full stop), is w.
// An ASCII word is compared byte by byte, without lowering it.
func (s *spanSet) is(k int, w string) bool {
	if !s.info[k].isASCII() {
		return string(s.lower(k)) == w
	}
	x := strings.TrimSuffix(s.words[k], ".")
	if len(x) != len(w) {
		return false
	}
	for i := 0; i < len(x); i++ {
		c := x[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// nameConnectors are the lower-case words that may stand inside a name: Bank
// Pembangunan Daerah dan ..., Ikatan Alumni untuk ..., Abdullah bin Umar.
var nameConnectors = map[string]bool{
	"dan": true, "untuk": true, "di": true, "dari": true, "&": true, "of": true,
	"the": true, "and": true, "for": true, "bin": true, "binti": true, "van": true,
	"von": true, "der": true, "de": true, "da": true, "al": true, "el": true, "la": true,
	"le": true, "du": true, "y": true, "ke": true, "pada": true, "atas": true,
}

// orgHeads are the words that start the names of institutions and whose names run
// on over the capitalised words, lists and "dan" after them (Dinas Pekerjaan Umum
// dan Penataan Ruang, Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi).
var orgHeads = map[string]bool{
	"badan": true, "dinas": true, "kementerian": true, "kantor": true, "komisi": true,
	"direktorat": true, "fakultas": true, "lembaga": true, "pusat": true, "biro": true,
	"dewan": true, "majelis": true, "inspektorat": true, "sekretariat": true,
	"balai": true, "otoritas": true, "pengadilan": true, "kejaksaan": true,
	"kepolisian": true, "perhimpunan": true, "persatuan": true, "asosiasi": true,
	"ikatan": true, "koperasi": true, "yayasan": true, "universitas": true,
	"institut": true, "pemerintah": true, "kemenko": true, "ditjen": true,
	"satuan": true, "komite": true, "himpunan": true, "gabungan": true,
	"konfederasi": true, "federasi": true, "serikat": true, "politeknik": true,
	"akademi": true, "mahkamah": true, "perum": true, "timnas": true,
	"kelompok": true, "sekolah": true, "departemen": true, "pemprov": true,
	"pemkab": true, "pemkot": true, "polda": true, "polres": true, "polresta": true,
	"polrestabes": true, "polsek": true, "kodam": true, "korem": true, "kodim": true,
	"lapas": true, "rutan": true, "unit": true, "subdirektorat": true,
}

// placeHeads are the words that start the names of places: the capitalised words
// after them name a place (Kabupaten Enrekang, Desa Adat Sumerta, Kali Bekasi).
var placeHeads = map[string]bool{
	"kabupaten": true, "kab": true, "kota": true, "kecamatan": true, "kec": true,
	"desa": true, "kelurahan": true, "kel": true, "provinsi": true, "prov": true,
	"pulau": true, "gunung": true, "kali": true, "sungai": true, "danau": true,
	"selat": true, "teluk": true, "laut": true, "dusun": true, "kampung": true,
	"benteng": true, "pegunungan": true, "kepulauan": true, "jalan": true, "jl": true,
	"jln": true, "gang": true, "gg": true, "bandara": true, "pelabuhan": true,
	"kotamadya": true, "distrik": true, "nagari": true, "banjar": true, "pantai": true,
	"bukit": true, "lembah": true, "tanjung": true, "samudra": true, "samudera": true,
	"stadion": true, "terminal": true, "adat": true,
}

// lowerPlaceHeads are the place heads that, written in lower case, still make the
// capitalised words after them a place (kota Bekasi, pegunungan Dieng, dataran
// tinggi Dieng, lereng Merapi).
var lowerPlaceHeads = map[string]bool{
	"kota": true, "kabupaten": true, "kecamatan": true, "desa": true, "kelurahan": true,
	"provinsi": true, "pulau": true, "gunung": true, "pegunungan": true, "sungai": true,
	"danau": true, "selat": true, "teluk": true, "pantai": true, "tinggi": true,
	"lereng": true, "kepulauan": true, "dusun": true, "kampung": true,
}

// buildingHeads start the names of buildings and premises that are usually
// named after the institution inside them (Gedung Merah Putih KPK, Markas Polda).
// stationKinds are the words after Stasiun that make it a weather or broadcasting
// station, an institution, rather than a railway station.
var stationKinds = map[string]bool{
	"klimatologi": true, "meteorologi": true, "geofisika": true, "televisi": true,
	"tv": true, "radio": true, "pemantau": true, "pengamatan": true,
}

var buildingHeads = map[string]bool{
	"gedung": true, "markas": true, "kantor": true, "rumah": true, "kompleks": true,
	"wisma": true, "mako": true,
}

// nameAbbrevs are abbreviated parts of personal names written with a full stop, at
// which a sentence splitter may wrongly break a name (Moch. Rizal, Rosmawati Br.
// Tarigan).
var nameAbbrevs = map[string]bool{
	"moch": true, "moh": true, "mochd": true, "muh": true, "muhd": true, "mhd": true,
	"mh": true, "abd": true, "br": true, "st": true, "ny": true, "m": true, "a": true,
	"tb": true, "r": true, "rr": true, "raden": true,
}

// isTitleWord reports whether token k is a title, rank, role or academic degree:
// never a name itself (AKBP, Kompol, Kapolda, Kepala, S.Sos.).
func (s *spanSet) isTitleWord(k int) bool {
	w := s.words[k]
	if s.info[k].class&gazTitle != 0 && s.info[k].class&gazGiven == 0 && !s.in(tabKeepTitles, k) {
		return true
	}
	return isDegree(w) || s.titleSecond(k)
}

// titleSecond reports whether token k is the second word of a title of two
// words (the Agung of Jaksa Agung; see titlePairs).
func (s *spanSet) titleSecond(k int) bool {
	// Most words are no second word of a title: told by the tables of the
	// token, without lowering the word before and looking it up.
	if k == 0 || !s.in(tabTitleSeconds, k) || !s.isCapWord(k) || !s.isCapWord(k-1) && s.info[k-1].cas != cLower {
		return false
	}
	second, ok := titlePairs[string(s.lower(k-1))]
	return ok && s.is(k, second)
}

// isDegree reports whether w is an academic degree: capitalised segments of at
// most four letters joined by full stops (S.Sos, S.H., M.Si, Ph.D).
//
// It reads the segments in one pass, without splitting w; most words it is
// asked about are names, which fail at their first byte or have no full stop.
func isDegree(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if len(w) == 0 || len(w) > 12 || w[0] < 'A' || w[0] > 'Z' || strings.IndexByte(w, '.') < 0 {
		return false
	}
	stops, seg := 0, 0 // seg: the bytes of the segment read so far
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c == '.':
			if seg == 0 {
				return false // an empty segment
			}
			stops, seg = stops+1, 0
			continue
		case seg == 0 && (c < 'A' || c > 'Z'):
			return false // a segment starts with a capital
		case !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'):
			return false
		}
		if seg++; seg > 4 {
			return false
		}
	}
	return stops > 0 && seg > 0
}

// styleSet is a set of styles.
type styleSet uint8

// of returns the set holding the styles ss.
func of(ss ...Style) styleSet {
	var b styleSet
	for _, s := range ss {
		b |= 1 << s
	}
	return b
}

// has reports whether the set holds s.
func (b styleSet) has(s Style) bool { return b&(1<<s) != 0 }

// allStyles holds every style.
var allStyles = of(StyleDefault, StyleIdner, StyleNERGrit)

// repairs are the repair rules in the order they run, with the styles they serve.
// The rules that implement the package's guideline where a corpus follows another
// convention (institution names running on over their region and lists, the
// lists' multi-word organisations, buildings, places in titles, acronyms of common
// nouns) serve the default style only: in a corpus's style the model, trained on
// that corpus, already follows it. NERGrit agrees with the guideline on places
// (after their heads, in titles, of the lists) and on bracketed acronyms, and those
// rules serve its style too. The styles of each rule were chosen by
// cross-validation on the training corpora, rule by rule and style by style.
var repairs = [...]struct {
	run    func(*spanSet)
	styles styleSet
	body   bool // not on sentences in title case, which capitalise the words after a head too
}{
	{(*spanSet).trimLower, of(StyleDefault), false},
	{(*spanSet).dropTitles, of(StyleDefault, StyleIdner), false},
	{(*spanSet).mergePersons, of(StyleDefault), false},
	{(*spanSet).loneHeads, of(StyleDefault), false},
	{(*spanSet).commonAcronyms, of(StyleDefault), false},
	{(*spanSet).notNames, of(StyleDefault), false},
	{(*spanSet).lawTitles, allStyles, false},
	{(*spanSet).gazetteerNames, of(StyleDefault), false},
	{(*spanSet).gazetteerPlaces, allStyles, false},
	{(*spanSet).acronyms, allStyles, false},
	{(*spanSet).bracketedAcronyms, of(StyleIdner), false},
	{(*spanSet).personBrackets, of(StyleIdner), false},
	{(*spanSet).countedAcronyms, allStyles, false},
	{(*spanSet).placesOfNouns, of(StyleIdner), false},
	{(*spanSet).institutionsWithDan, of(StyleIdner, StyleNERGrit), false},
	{(*spanSet).lowerDirections, of(StyleIdner), false},
	{(*spanSet).premisesPlaces, of(StyleIdner), false},
	{(*spanSet).titleCompounds, allStyles, false},
	{(*spanSet).placeLists, allStyles, false},
	{(*spanSet).addressNumbers, allStyles, false},
	{(*spanSet).sentenceEnds, allStyles, false},
	{(*spanSet).couples, allStyles, false},
	{(*spanSet).cityHalls, of(StyleDefault), true},
	{(*spanSet).orgNames, of(StyleDefault), true},
	{(*spanSet).placeNames, of(StyleDefault, StyleNERGrit), true},
	{(*spanSet).lowerPlaces, allStyles, true},
	{(*spanSet).buildings, of(StyleDefault), false},
	{(*spanSet).companyForms, of(StyleDefault, StyleIdner), false},
	{(*spanSet).dateline, allStyles, false},
	{(*spanSet).coordination, allStyles, false},
	{(*spanSet).titlePlaces, of(StyleDefault, StyleNERGrit), false},
	{(*spanSet).regionInTitle, of(StyleDefault), false},
	{(*spanSet).placeBackoff, of(StyleDefault, StyleNERGrit), false},
	{(*spanSet).placeDirections, of(StyleDefault), false},
	{(*spanSet).compassSides, allStyles, false},
	{(*spanSet).cutDays, allStyles, false},
	{(*spanSet).contextOrgs, allStyles, false},
	{(*spanSet).personAfterTitle, of(StyleDefault), false},
	{(*spanSet).initialWords, of(StyleDefault), false},
	{(*spanSet).replacedLetters, of(StyleNERGrit), false},
	{(*spanSet).areaPlaces, of(StyleNERGrit), false},
	{(*spanSet).personFolkTitles, of(StyleNERGrit), false},
	{(*spanSet).tongues, of(StyleNERGrit), false},
	{(*spanSet).lowerHeadPlaces, of(StyleNERGrit), false},
	{(*spanSet).workTitles, of(StyleNERGrit), false},
	{(*spanSet).eventNames, of(StyleNERGrit), false},
	{(*spanSet).streetNumbers, of(StyleNERGrit), false},
	{(*spanSet).quotedNicknames, of(StyleNERGrit), false},
	{(*spanSet).personParticles, of(StyleNERGrit), false},
	{(*spanSet).governments, of(StyleIdner), false},
	{(*spanSet).roleSpans, allStyles, false},
	{(*spanSet).betweens, allStyles, false},
	{(*spanSet).stuckBrackets, of(StyleIdner, StyleNERGrit), false},
	{(*spanSet).honorificPersons, of(StyleIdner), false},
	{(*spanSet).premisesOrgs, of(StyleIdner), false},
	{(*spanSet).lowerVillages, of(StyleNERGrit), false},
}

// repair applies the rules of s's style to the spans of one sentence (but not
// those that cannot fire in it: see quietRules).
func (s *spanSet) repair() { s.runRepairs(true) }

// trimLower cuts each span after the last lower-case word that cannot stand inside
// a name (lingkungan Pemerintah Kabupaten Banggai, Majelis hakim Pengadilan Negeri),
// and drops spans left without a capitalised word.
func (s *spanSet) trimLower() {
	if !s.hasLabelled(sfLower | sfNone) {
		return // no lower-case word nor punctuation in a span
	}
	for _, sp := range s.spans() {
		cut := sp.i
		for k := sp.i; k < sp.j; k++ {
			if s.info[k].cas == cLower && !s.in(tabNameConnectors, k) {
				cut = k + 1
			}
		}
		if cut > sp.i {
			s.set(sp.i, cut, "", 0)
			if cut < sp.j {
				s.set(cut, sp.j, sp.l, s.conf[cut])
			}
		}
	}
	// Connectors and punctuation at either end are not part of a name.
	for _, sp := range s.spans() {
		i, j := sp.i, sp.j
		for i < j && (s.info[i].cas == cLower || s.info[i].cas == cNone) {
			i++
		}
		for j > i && (s.info[j-1].cas == cLower || s.info[j-1].cas == cNone && s.words[j-1] != ".") {
			j--
		}
		if i != sp.i || j != sp.j {
			c := s.conf[sp.i]
			s.set(sp.i, sp.j, "", 0)
			if i < j {
				s.set(i, j, sp.l, c)
			}
		}
	}
}

// dropTitles removes the spans made only of titles, ranks and degrees (AKBP,
// Kapolda, S.Sos.), and trailing degrees from persons (Budi Santoso, S.H.).
func (s *spanSet) dropTitles() {
	if !s.hasLabelled(sfNone | sfTitle | sfHeadLower) {
		return // no title, punctuation or function word in a span
	}
	for _, sp := range s.spans() {
		all := true
		for k := sp.i; k < sp.j && all; k++ {
			all = s.isTitleWord(k) || s.info[k].cas == cNone
		}
		if all {
			s.set(sp.i, sp.j, "", 0)
			continue
		}
		i, j := sp.i, sp.j
		for j > i+1 && (isDegree(s.words[j-1]) || s.words[j-1] == ",") {
			j--
		}
		// Leading titles, roles and capitalised function words (Di, Ke) are not part
		// of an organisation or a place: Manajer PLN, Wali Kota Bekasi, Di Jakarta.
		// (Persons keep theirs for stripTitles, which knows the honorifics.) The
		// article of an English name is part of it: The Times, The Jakarta Post.
		for sp.l != PER && i < j-1 && (s.isTitleWord(i) || s.in(tabHeadlineLower, i) && !(sp.l == ORG && strings.EqualFold(s.words[i], "the"))) && s.isCapWord(i+1) {
			i++
		}
		if sp.l == PER && i < j-1 && s.in(tabHeadlineLower, i) && s.isCapWord(i+1) {
			i++
		}
		if i > sp.i || j < sp.j {
			c := s.conf[sp.i]
			s.set(sp.i, sp.j, "", 0)
			s.set(i, j, sp.l, c)
		}
	}
}

// gazetteerNames marks the longest multi-word matches of the organisation list that
// start with a capital as organisations, taking in the parts the model tagged
// otherwise (Badan Meteorologi, Klimatologi, dan Geofisika).
func (s *spanSet) gazetteerNames() {
	if !s.hasGaz(gazORG) {
		return // no organisation of the lists
	}
	n := len(s.words)
	// The loop visits the starts of the lists' organisations alone.
	for i := s.nextStart(gazORG, 0); i < n; i = s.nextStart(gazORG, i+1) {
		if !s.isCapWord(i) {
			continue
		}
		j := i + 1
		for j < n && s.info[j].gazI&gazORG != 0 {
			j++
		}
		if j-i < 2 || !s.info[j-1].gazEnd || !s.capitalised(i, j) {
			continue
		}
		// Take in the organisation spans of the model that overlap the match
		// (PT | KAI Daop 1 with "PT KAI" listed).
		from, to := i, j
		if sp, ok := s.spanAt(i); ok && sp.l == ORG {
			from = sp.i
		}
		if sp, ok := s.spanAt(j - 1); ok && sp.l == ORG {
			to = sp.j
		}
		s.set(from, to, ORG, 0.9)
		i = to - 1
	}
}

// gazetteerPlaces extends a place that stops inside a multi-word place of the list
// (Jawa | Tengah) to the end of the list's name.
func (s *spanSet) gazetteerPlaces() {
	if !s.hasGaz(gazLOC) {
		return // no place of the lists
	}
	n := len(s.words)
	// The loop visits the starts of the lists' places alone.
	for i := s.nextStart(gazLOC, 0); i < n; i = s.nextStart(gazLOC, i+1) {
		if s.lab[i] != lLOC || !s.beg[i] {
			continue
		}
		j := i + 1
		for j < n && s.info[j].gazI&gazLOC != 0 {
			j++
		}
		sp, _ := s.spanAt(i)
		if j <= sp.j || !s.info[j-1].gazEnd || !s.capitalised(sp.j, j) {
			continue
		}
		free := true
		for k := sp.j; k < j && free; k++ {
			free = s.lab[k] == lNone
		}
		if free {
			s.set(i, j, LOC, s.conf[i])
		}
		i = j - 1
	}
}

// capitalised reports whether every word of [i, j) is capitalised or a connector
// or punctuation.
func (s *spanSet) capitalised(i, j int) bool {
	for k := i; k < j; k++ {
		if !s.isCapWord(k) && !s.in(tabNameConnectors, k) && s.info[k].cas != cNone {
			return false
		}
	}
	return true
}

// acronyms finds "Long Name (ACRO)" where the letters of ACRO fit the long name:
// the long name becomes one span (an organisation unless the model or the lists say
// it is a place) and the acronym a span of the same label.
func (s *spanSet) acronyms() {
	if !s.has(tabOpenBrackets) {
		return // no bracket
	}
	n := len(s.words)
	for p := 1; p+2 < n; p++ {
		if s.words[p] != "(" {
			continue
		}
		// The acronym: one to three capitalised tokens before ")".
		q := p + 1
		var acr strings.Builder
		for q < n && q-p <= 3 && s.isCapWord(q) {
			acr.WriteString(s.words[q])
			q++
		}
		if q >= n || q == p+1 || s.words[q] != ")" || !isAcronymWord(acr.String()) {
			s.expansion(p)
			continue
		}
		from, ok := s.longName(acr.String(), p)
		if !ok {
			continue
		}
		// An institution head right before (Dinas Pekerjaan Umum ... (PUPR), PT).
		for from > 0 && s.isCapWord(from-1) && !s.isTitleWord(from-1) &&
			(s.in(tabOrgHeads, from-1) || s.info[from-1].class&gazOrgHead != 0) {
			from--
		}
		if s.isTitleWord(from) {
			continue // a role: Jaksa Penuntut Umum (JPU)
		}
		// A name only if the model, the lists or an institution head say so: not a
		// programme or an event (Kredit Usaha Rakyat (KUR)).
		named := s.in(tabOrgHeads, from) || s.info[from].class&gazOrgHead != 0 ||
			s.info[p+1].gazB&(gazORG|gazLOC) != 0 && q == p+2
		for k := from; k < q && !named; k++ {
			named = s.lab[k] != lNone
		}
		if !named {
			continue
		}
		l := ORG
		if sp, ok := s.spanAt(p - 1); ok && sp.l == LOC && sp.i <= from && !s.in(tabOrgHeads, from) ||
			s.in(tabPlaceHeads, from) {
			l = LOC
		}
		s.set(from, p, l, 0.9)
		s.set(p+1, q, l, 0.9)
		s.acros = append(s.acros, acronym{at: p + 1, atEnd: q, from: from, to: p})
		p = q
	}
}

// isAcronymWord reports whether w looks like an acronym: two to twelve letters or
// digits, starting with a capital, with at least two capitals (BMKG, Bawaslu is
// not; KemenPUPR, BP2MI are).
// bracketedAcronyms takes into an organisation the acronym in brackets right after
// it, as idner-news-2k writes it (Mahkamah Konstitusi (MK) is one span there; the
// package's guideline makes the acronym a span of its own). The brackets may be
// tokens of their own or stuck to the acronym, as in that corpus's tokens.
func (s *spanSet) bracketedAcronyms() {
	if !s.hasLabelled(sfORG) {
		return // no organisation
	}
	n := len(s.words)
	for _, sp := range s.spans() {
		j := sp.j
		if sp.l != ORG || j >= n || j-sp.i < 2 {
			continue
		}
		end := 0
		if w := s.words[j]; len(w) > 2 && w[0] == '(' && w[len(w)-1] == ')' && isAcronymWord(w[1:len(w)-1]) {
			end = j + 1
		} else if w == "(" && j+2 < n && s.words[j+2] == ")" && isAcronymWord(s.words[j+1]) {
			end = j + 3
		}
		if end == 0 || slices.ContainsFunc(s.lab[j:end], func(l labCode) bool { return l != lNone && l != lORG }) {
			continue
		}
		s.set(sp.i, end, ORG, s.conf[sp.i])
	}
}

// personBrackets cuts from a person's name what is written in brackets after
// it, as idner-news-2k writes it: a nickname (Joko Widodo (Jokowi), Abdurrahman
// Wahid (Gus Dur)) is a person of its own, a country or a party (Zainal Abidin
// (Indonesia), Tatang Farhanul Hakim (Golkar)) a place or an organisation of its
// own, whichever of the lists knows the word in the brackets; the brackets are
// stuck to the words, as in that corpus's tokens.
func (s *spanSet) personBrackets() {
	if !s.hasLabelled(sfPER) {
		return // no person
	}
	for _, sp := range s.spans() {
		if sp.l != PER || sp.j-sp.i < 2 {
			continue
		}
		for k := sp.i + 1; k < sp.j; k++ {
			w := s.words[k]
			if len(w) < 2 || w[0] != '(' || !s.isCapWord(k) {
				continue
			}
			l := PER
			switch c := s.gaz.word(strings.TrimRight(w[1:], ").,;:")); {
			case c&gazLOC != 0:
				l = LOC
			case c&gazORG != 0:
				l = ORG
			}
			s.set(k, sp.j, l, s.conf[k])
			break
		}
	}
}

// countedAcronyms drops the acronyms that a number counts: 31 DPD, tiga BUMN,
// 10 RT are boards, companies and neighbourhoods of a kind, common nouns, not
// the name of one (both corpora leave them untagged). A number after a
// capitalised word is part of a name (Liputan 6 SCTV) and counts nothing.
func (s *spanSet) countedAcronyms() {
	if !s.hasLabelled(sfUpper) {
		return // no word in capitals in a span
	}
	for _, sp := range s.spans() {
		if k := sp.i; sp.j == k+1 && k > 0 && s.info[k].cas == cUpper && (k < 2 || !s.isCapWord(k-2)) && counts(s.words[k-1]) {
			s.set(k, k+1, "", 0)
		}
	}
}

// counts reports whether the word w is a number that counts the noun after it:
// at most three digits (31, not the year 2015), or one of countWords.
func counts(w string) bool {
	return len(w) <= 3 && isDigits(w) || lowerIn(countWords, w)
}

// countWords are the number words that count the noun after them.
var countWords = map[string]bool{
	"satu": true, "dua": true, "tiga": true, "empat": true, "lima": true, "enam": true,
	"tujuh": true, "delapan": true, "sembilan": true, "sepuluh": true, "sebelas": true,
	"belasan": true, "puluh": true, "puluhan": true, "ratus": true, "ratusan": true,
	"seratus": true, "ribuan": true,
}

// isDigits reports whether w is made of ASCII digits only (and not empty).
func isDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// placesOfNouns leaves untagged, as idner-news-2k does, a place that says
// whose or of where a noun of people, troops or things is (warga Gaza, turis
// Australia, militer Israel, bahasa Turki, produk Indonesia): that corpus tags
// a place by its use in each mention, and this use is no mention of the place.
// (The package's guideline, and NERGrit, tag the place wherever it is written.)
func (s *spanSet) placesOfNouns() {
	if !s.has(tabDemonymNouns) {
		return // no noun of people or things
	}
	for _, sp := range s.spans() {
		if sp.l == LOC && sp.i > 0 && s.lab[sp.i-1] == lNone && s.in(tabDemonymNouns, sp.i-1) {
			s.set(sp.i, sp.j, "", 0)
		}
	}
}

// demonymNouns are the nouns after which idner-news-2k leaves a place
// untagged: people, troops, languages and things of a place.
var demonymNouns = map[string]bool{
	"warga": true, "penduduk": true, "masyarakat": true, "rakyat": true, "turis": true,
	"pengungsi": true, "pria": true, "wanita": true, "perempuan": true, "remaja": true,
	"bocah": true, "etnis": true, "suku": true, "bahasa": true, "berbahasa": true,
	"militer": true, "tentara": true, "pasukan": true, "polisi": true, "produk": true,
	"buatan": true, "kemerdekaan": true, "keistimewaan": true,
}

// institutionsWithDan runs the name of an institution that its head starts
// (Kementerian, Pusat, Departemen) on over "dan" and the capitalised words after
// it, which the model often leaves out: Kementerian Hukum dan HAM, Pusat
// Pelaporan dan Analisis Transaksi Keuangan, as both corpora write them. The
// words after "dan" stop at another head (Mahkamah Konstitusi dan Dewan
// Kehormatan Penyelenggara Pemilu are two), at a name the model found, and
// after a word that ends its sentence (HAM?). In the default style orgNames
// does this and more.
func (s *spanSet) institutionsWithDan() {
	if !s.has(tabListJoiners) {
		return // no dan
	}
	n := len(s.words)
	for _, sp := range s.spans() {
		d := sp.j
		if sp.l != ORG || d+1 >= n || !s.in(tabOrgHeads, sp.i) || !s.is(d, "dan") || s.lab[d] != lNone {
			continue
		}
		e := d + 1
		for e < n && s.isCapWord(e) && s.lab[e] == lNone && !s.in(tabOrgHeads, e) {
			e++
			if w := s.words[e-1]; w[len(w)-1] == '?' || w[len(w)-1] == '!' {
				break
			}
		}
		if e > d+1 {
			s.set(sp.i, e, ORG, s.conf[sp.i])
		}
	}
}

// lowerDirections takes into a place the point of the compass written after it
// in lower case (Gaza selatan, Afrika barat, Israel utara), as idner-news-2k
// tags it; a point of two words (Afrika barat laut, the north-west of Africa)
// stays out, as there, and so does tengah, which after a name is mostly the
// aspect (Israel tengah menyiapkan) or a time (tengah malam). (NERGrit leaves
// such points out, and placeDirections takes in the capitalised ones of the
// guideline: Jakarta Utara.)
func (s *spanSet) lowerDirections() {
	if !s.has(tabDirections) {
		return // no point of the compass
	}
	n := len(s.words)
	for _, sp := range s.spans() {
		d := sp.j
		if sp.l != LOC || d >= n || s.lab[d] != lNone || s.info[d].cas != cLower || !s.in(tabDirections, d) || s.is(d, "raya") || s.is(d, "daya") || s.is(d, "tengah") {
			continue
		}
		if d+1 < n && (s.is(d+1, "laut") || s.is(d+1, "daya")) {
			continue
		}
		s.set(sp.i, d+1, LOC, s.conf[sp.i])
	}
}

// premisesPlaces makes a place, as idner-news-2k does, of the premises that
// "di", "ke" or "menuju" lead to, named by who is in them: di kompleks DPR, di
// kantor Presiden, menuju kediaman Soekarno, di kampus Institut Agama Islam
// Sunan Giri (the lower-case head is part of the place). The name the model
// found, an organisation or a person, becomes the place; a span that runs on
// past the capitalised words is left alone. (The guideline has the
// institution in Gedung Merah Putih KPK, and NERGrit tags the name alone.)
func (s *spanSet) premisesPlaces() {
	if !s.has(tabPremisesHeads) {
		return // no premises
	}
	n := len(s.words)
	for k := 1; k+1 < n; k++ {
		if s.lab[k] != lNone || s.info[k].cas != cLower || !s.in(tabPremisesHeads, k) || !s.isCapWord(k+1) || s.lab[k+1] != lNone && !s.beg[k+1] {
			continue
		}
		if !s.is(k-1, "di") && !s.is(k-1, "ke") && !s.is(k-1, "menuju") {
			continue
		}
		e := k + 1
		for e < n && s.isCapWord(e) {
			e++
		}
		if e < n && s.lab[e] != lNone && !s.beg[e] {
			continue
		}
		s.set(k, e, LOC, 0.7)
		k = e - 1
	}
}

// premisesHeads are the lower-case words for premises that premisesPlaces
// reads: gedung, kantor, kompleks.
var premisesHeads = map[string]bool{
	"gedung": true, "kantor": true, "kompleks": true, "komplek": true, "kediaman": true,
	"kampus": true, "markas": true, "pendapa": true, "pendopo": true,
}

// titleCompounds cuts from the start of a span the second word of a title of
// two words (Jaksa Agung, Uskup Agung, Duta Besar), which the model reads as
// the start of a name: Jaksa Agung [Prasetyo]. Titles stay outside names in
// every style.
func (s *spanSet) titleCompounds() {
	if !s.has(tabTitleSeconds) {
		return // no second word of a title
	}
	for _, sp := range s.spans() {
		k := sp.i
		if k == 0 || s.lab[k-1] != lNone || !s.titleSecond(k) {
			continue
		}
		s.set(k, sp.j, "", 0)
		if k+1 < sp.j {
			s.set(k+1, sp.j, sp.l, s.conf[k+1])
		}
	}
}

// titlePairs maps the first word of a title of two words to its second.
var titlePairs = map[string]string{
	"jaksa": "agung", "hakim": "agung", "uskup": "agung", "duta": "besar", "imam": "besar",
}

// titleSeconds are the second words of titlePairs, a table of repairTables.
var titleSeconds = func() map[string]bool {
	ws := map[string]bool{}
	for _, w := range titlePairs {
		ws[w] = true
	}
	return ws
}()

// placeLists makes a place of the capitalised words that stand between two
// places in a list of commas, an address or a row of villages (Hotel Sahid
// Jaya, Sudirman, Jakarta Pusat; Paya Mabar, Avros, Paya Lombang), whatever
// the model made of them, in every style.
func (s *spanSet) placeLists() {
	if !s.hasLabelled(sfLOC) {
		return // no place
	}
	n := len(s.words)
	for _, sp := range s.spans() {
		a := sp.j + 1 // the first word after the comma
		if sp.l != LOC || a >= n || s.words[sp.j] != "," || s.lab[sp.j] != lNone || !s.isCapWord(a) {
			continue
		}
		b := a
		for b < n && s.isCapWord(b) {
			b++
		}
		// The words are outside names, or one name that is no place.
		if l := s.lab[a].label(); l != "" {
			if at, _ := s.spanAt(a); l == LOC || at != (span{a, b, l}) {
				continue
			}
		} else if slices.ContainsFunc(s.lab[a:b], func(x labCode) bool { return x != lNone }) {
			continue
		}
		if b+1 >= n || s.words[b] != "," || s.lab[b] != lNone || s.lab[b+1] != lLOC || !s.beg[b+1] {
			continue
		}
		c := s.conf[a]
		if s.lab[a] == lNone {
			c = 0.6
		}
		s.set(a, b, LOC, c)
	}
}

// addressNumbers cuts from the end of a place the words of an address that
// a number follows (Jalan Asia No. 182, Dusun Kedungsari RT 05, Kabupaten
// Berau Nomor 475): the number and its word are no part of the name, in any
// style; a span of nothing else is cleared.
func (s *spanSet) addressNumbers() {
	if !s.has(tabAddressWords) {
		return // no word of an address
	}
	for _, sp := range s.spans() {
		j := sp.j
		for j > sp.i && s.in(tabAddressWords, j-1) {
			j--
		}
		if j == sp.j || sp.l != LOC {
			continue
		}
		c := s.conf[sp.i]
		s.set(sp.i, sp.j, "", 0)
		if j > sp.i {
			s.set(sp.i, j, LOC, c)
		}
	}
}

// addressWords are the words of an address before its numbers: no, nomor, rt.
var addressWords = map[string]bool{
	"no": true, "nomor": true, "nomer": true, "kav": true, "kavling": true, "blok": true,
	"rt": true, "rw": true, "km": true,
}

// sentenceEnds ends a span at a word that ends a sentence with its question or
// exclamation mark stuck to it (di Indonesia? Kalau ...), as a corpus's tokens
// may have it: the words after it are another sentence's, in every style.
func (s *spanSet) sentenceEnds() {
	if !s.hasLabelled(sfMark) {
		return // no mark stuck to a word of a span
	}
	for _, sp := range s.spans() {
		for k := sp.i; k < sp.j-1; k++ {
			if w := s.words[k]; len(w) > 1 && (w[len(w)-1] == '?' || w[len(w)-1] == '!') {
				c := s.conf[sp.i]
				s.set(sp.i, sp.j, "", 0)
				s.set(sp.i, k+1, sp.l, c)
				break
			}
		}
	}
}

// couples makes persons of the capitalised words after "pasangan" (a couple,
// a ticket of candidates) that the model left out: pasangan Jokowi-JK,
// pasangan Irianto-Tatang, as both corpora tag them, in every style; a place
// or an organisation of the lists (pasangan Indonesia, the Indonesian pair) is
// none.
func (s *spanSet) couples() {
	if !s.has(tabCoupleWords) {
		return // no pasangan
	}
	n := len(s.words)
	for k := 1; k < n; k++ {
		if !s.isCapWord(k) || s.lab[k] != lNone || s.info[k-1].cas != cLower || !s.is(k-1, "pasangan") ||
			s.info[k].class&(gazLOC|gazORG) != 0 || s.info[k].gazB&(gazLOC|gazORG) != 0 {
			continue
		}
		e := k
		for e < n && s.isCapWord(e) && s.lab[e] == lNone {
			e++
		}
		s.set(k, e, PER, 0.7)
		k = e
	}
}

func isAcronymWord(w string) bool {
	if len(w) < 2 || len(w) > 12 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	caps := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			caps++
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		default:
			return false
		}
	}
	return caps >= 2 || len(w) >= 4
}

// longName returns the start of the shortest run of capitalised words (with
// connectors and commas) ending before token p whose words the letters of acr fit.
func (s *spanSet) longName(acr string, p int) (int, bool) {
	a := strings.ToLower(acr)
	for from := p - 1; from >= 0 && p-from <= 14; from-- {
		w := string(s.lower(from))
		if !s.isCapWord(from) {
			if nameConnectors[w] || w == "," {
				continue
			}
			break
		}
		if w[0] != a[0] {
			continue
		}
		if acronymFits(a, s.words, from, p) {
			return from, true
		}
	}
	return 0, false
}

// acronymFits reports whether the lower-cased acronym a can be read, letter by
// letter in order, from the capitalised words of words[from:to], starting with the
// first letter of the first word, every word giving at least one letter except
// connectors and at most one other (Quick Response Code Indonesian Standard for
// QRIS), and the last content word giving one.
func acronymFits(a string, words []string, from, to int) bool {
	// The lower-cased content words, in buffers on the stack: the rule runs on
	// every acronym in brackets, and at each candidate start of its long name.
	var lowBuf [256]byte
	var contentBuf [16][]byte
	low, n := lowBuf[:0], 0
	for k := from; k < to; k++ {
		at := len(low)
		low = appendToLower(low, words[k])
		w := low[at:len(low):len(low)]
		if string(w) == "," || nameConnectors[string(w)] {
			low = low[:at]
			continue
		}
		if n > len(a) {
			return false // more content words than letters and one
		}
		if n == len(contentBuf) {
			return acronymFitsLong(a, words, from, to)
		}
		contentBuf[n] = w
		n++
	}
	return fitsContent(a, contentBuf[:n])
}

// acronymFitsLong is acronymFits for a name of more content words than its
// buffer holds.
func acronymFitsLong(a string, words []string, from, to int) bool {
	var content [][]byte
	for k := from; k < to; k++ {
		w := strings.ToLower(words[k])
		if w == "," || nameConnectors[w] {
			continue
		}
		content = append(content, []byte(w))
	}
	return fitsContent(a, content)
}

// fitsContent is acronymFits for the lower-cased content words of the name.
func fitsContent(a string, content [][]byte) bool {
	if len(content) < 2 || len(content) > len(a)+1 {
		return false
	}
	skips := 0
	if len(content) >= 4 {
		skips = 1
	}
	return content[0][0] == a[0] && fitAcronym(a, content, 1, 0, 1, skips)
}

// fitAcronym reports whether the letters of a from ai on can be read in the
// content words from content[wi][pos:] on, the next letter being the initial of
// the next word (or of the one after, while skips allow), or a later letter of
// the same word (Bawaslu: BAdan pengaWaSan pemiLU), ending in the last word.
func fitAcronym(a string, content [][]byte, ai, wi, pos, skips int) bool {
	if ai == len(a) {
		return wi == len(content)-1
	}
	c := a[ai]
	// The initial of the next word, or of the one after if a word may be skipped.
	if wi+1 < len(content) && content[wi+1][0] == c && fitAcronym(a, content, ai+1, wi+1, 1, skips) {
		return true
	}
	if skips > 0 && wi+2 < len(content) && content[wi+2][0] == c && fitAcronym(a, content, ai+1, wi+2, 1, skips-1) {
		return true
	}
	// A later letter of the same word.
	w := content[wi]
	for k := pos; k < len(w); k++ {
		if w[k] == c && fitAcronym(a, content, ai+1, wi, k+1, skips) {
			return true
		}
	}
	return false
}

// appendToLower appends strings.ToLower(s) to dst, without allocating for an
// ASCII word.
func appendToLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// orgNames makes a capitalised institution head with capitalised words after it an
// organisation, and runs its name on over the capitalised words, the lists with
// "dan", and a region after it (Dinas Pariwisata, Kebudayaan, Pemuda, dan Olahraga
// Kabupaten Ponorogo).
func (s *spanSet) orgNames() {
	if !s.has(tabOrgHeads) {
		return // no institution head
	}
	n := len(s.words)
	// Only a head starts a name: the loop visits the heads alone.
	for i := s.next(tabOrgHeads, 0); i < n; i = s.next(tabOrgHeads, i+1) {
		if !s.isCapWord(i) || !s.isCapWord(i+1) {
			continue
		}
		if sp, ok := s.spanAt(i); ok && sp.i < i && (sp.l == ORG || sp.l == LOC) {
			i = sp.j - 1
			continue // inside a name that starts earlier
		}
		if s.is(i, "balai") && (s.is(i+1, "kota") || s.is(i+1, "desa")) {
			continue // a building, the town hall: cityHalls
		}
		j := s.orgRun(i)
		if sp, ok := s.spanAt(j - 1); ok && sp.l == ORG && sp.j > j {
			j = sp.j
		}
		if e, person := s.holderAfter(i, j); person {
			// Rektor Universitas Gadjah Mada Ova Emilia: the known name, then
			// the person holding the title.
			s.set(i, e, ORG, max(0.8, s.conf[i]))
			end := j
			if sp, ok := s.spanAt(j); ok && sp.l == PER && sp.i == j {
				end = sp.j // the model found the rest of the name
			}
			if sp, ok := s.spanAt(e); !ok || sp.l != PER || sp.i != e || sp.j < end {
				s.set(e, end, PER, 0.6)
			}
			j = end
			i = j - 1
			continue
		}
		s.set(i, j, ORG, max(0.8, s.conf[i]))
		i = j - 1
	}
}

// orgRun returns the end of the institution name that starts at the head i.
func (s *spanSet) orgRun(i int) int {
	n := len(s.words)
	j := s.orgCapRun(i + 1)
	for j < n && j-i < 20 {
		w := string(s.lower(j))
		switch {
		case s.isCapWord(j) && s.in(tabPlaceHeads, j) && s.isCapWord(j+1):
			// a region: Dinas Kesehatan Provinsi NTT
			j = s.capRun(j + 1)
		case w == "dan" || w == "&":
			if !s.listItem(j + 1) {
				return j
			}
			j = s.orgCapRun(j + 1)
		case w == ",":
			// A list closed by "dan": A, B, dan C.
			k := j
			for k < n && s.words[k] == "," && s.listItem(k+1) {
				k = s.orgCapRun(k + 1)
			}
			if k < n && s.words[k] == "," {
				k++
			}
			// The last item may be another head: Perindustrian, Perdagangan, dan
			// Koperasi.
			if k+1 < n && s.is(k, "dan") && k > j+1 &&
				(s.listItem(k+1) || s.in(tabOrgHeads, k+1) && s.isCapWord(k+1)) {
				j = s.orgCapRun(k + 1)
				continue
			}
			return j
		default:
			return j
		}
	}
	return j
}

// listItem reports whether token k starts an item of a list inside an institution
// name: a capitalised word that is no title, given name, head of another name or
// the start of a span of the model's other than an organisation.
func (s *spanSet) listItem(k int) bool {
	if !s.isCapWord(k) || s.isTitleWord(k) || s.info[k].class&gazGiven != 0 {
		return false
	}
	if s.in(tabOrgHeads, k) || s.in(tabPlaceHeads, k) || s.info[k].class&gazOrgHead != 0 {
		return false
	}
	if s.info[k].gazB&(gazLOC|gazORG) != 0 && s.info[k].cas == cUpper {
		return false // an acronym of its own: Kementerian X dan BUMN
	}
	return true
}

// capRun returns the end of the run of capitalised words (no titles) from k.
func (s *spanSet) capRun(k int) int {
	from := k
	for k < len(s.words) && s.isCapWord(k) && !(s.isTitleWord(k) && s.info[k].class&gazGiven == 0) {
		if s.words[k] == "(" || k > from && s.personTail(k) {
			// A person the model found after the name: Ketua Komisi III DPR RI
			// Benny Kabur Harman.
			break
		}
		k++
	}
	return k
}

// personTail reports whether the model found a person's name starting at token k
// that ends a run of capitalised words: a name after an institution's (Komisi III
// DPR RI Benny Kabur Harman menyatakan), not a piece of it that the model took for
// one (Dinas Pekerjaan Umum Bina Marga dan Tata Ruang).
func (s *spanSet) personTail(k int) bool {
	if s.lab[k] != lPER || !s.beg[k] {
		return false
	}
	e := k + 1
	for e < len(s.words) && s.lab[e] == lPER && !s.beg[e] {
		e++
	}
	if e < len(s.words) && s.isCapWord(e) {
		return false
	}
	if e+1 < len(s.words) && (s.is(e, "dan") || s.words[e] == "&") && s.isCapWord(e+1) {
		return false
	}
	return true
}

// orgTitles are title words that also stand inside the names of institutions:
// Direktorat Jenderal, Kantor Staf Presiden.
var orgTitles = map[string]bool{"jenderal": true, "presiden": true, "wakil": true, "menteri": true}

// orgCapRun is capRun inside an institution's name, which may hold orgTitles.
func (s *spanSet) orgCapRun(k int) int {
	for {
		k = s.capRun(k)
		if k >= len(s.words) || !s.isCapWord(k) || !s.in(tabOrgTitles, k) {
			return k
		}
		k++
	}
}

// placeNames makes the capitalised words after a place head a place (Kecamatan
// Girisubo, Desa Adat Sumerta), unless the head is inside an institution's name,
// and the items of a list that follows one ("Kecamatan A, B, dan C", "Kabupaten A
// dan B") places too.
func (s *spanSet) placeNames() {
	if !s.has(tabPlaceHeads | tabStationWords) {
		return // no place head, no Stasiun
	}
	n := len(s.words)
	// Only a place head or Stasiun starts a place: the loop visits them alone.
	heads := tabPlaceHeads | tabStationWords
	for i := s.next(heads, 0); i+1 < n; i = s.next(heads, i+1) {
		if s.isCapWord(i) && s.in(tabStationWords, i) && s.isCapWord(i+1) && !s.in(tabStationKinds, i+1) {
			// A railway station (Stasiun Klaten, Stasiun Pasar Senen), not a
			// weather or broadcasting station (Stasiun Klimatologi).
		} else if !s.isCapWord(i) || !s.in(tabPlaceHeads, i) || !s.isCapWord(i+1) ||
			s.isTitleWord(i+1) && !s.isCapWord(i+2) || s.in(tabOrgHeads, i+1) {
			continue
		}
		if i > 0 && (s.is(i, "kota") && s.is(i-1, "wali") || s.is(i, "desa") && s.is(i-1, "kepala")) {
			continue // a title, Wali Kota, Kepala Desa: titlePlaces types the place after it
		}
		if sp, ok := s.spanAt(i); ok && sp.i < i {
			i = sp.j - 1
			continue // inside a name that starts earlier: Pemerintah Kota Bekasi
		}
		if i > 1 && s.isCapWord(i-1) && !s.isTitleWord(i-1) && s.lab[i-1] == lNone && s.info[i-2].cas != cNone {
			continue // glued to a capitalised word the model left out
		}
		j := s.placeRun(i + 1)
		for j > i+2 && s.in(tabAddressWords, j-1) {
			j-- // Jalan Merdeka Barat No. 9: see addressNumbers
		}
		if sp, ok := s.spanAt(i); ok && sp.l == ORG && sp.j > j {
			continue // an institution named after the place
		}
		if sp, ok := s.spanAt(j - 1); ok && sp.j > j && sp.l == LOC {
			j = sp.j
		}
		s.set(i, j, LOC, max(0.8, s.conf[i]))
		// A list after it.
		k := j
		var items [][2]int
		for k+1 < n && s.words[k] == "," && s.placeItem(k+1) {
			e := s.capRun(k + 1)
			items = append(items, [2]int{k + 1, e})
			k = e
		}
		if k+1 < n && s.words[k] == "," {
			k++
		}
		if k+1 < n && s.in(tabListJoiners, k) && s.placeItem(k+1) { // dan, serta
			e := s.capRun(k + 1)
			items = append(items, [2]int{k + 1, e})
			for _, it := range items {
				if sp, ok := s.spanAt(it[0]); !ok || sp.l == PER {
					s.set(it[0], it[1], LOC, 0.7)
				}
			}
		}
		i = j - 1
	}
}

// placeRun is capRun inside a place's name, which may hold titles followed by a
// name (Jalan Jenderal Sudirman, Stadion Kapten I Wayan Dipta).
func (s *spanSet) placeRun(k int) int {
	for {
		k = s.capRun(k)
		if k+1 >= len(s.words) || !s.isCapWord(k) || !s.isCapWord(k+1) || isDegree(s.words[k]) {
			return k
		}
		k++
	}
}

// lowerPlaces makes the capitalised words after a place head written in lower case
// a place, when the model found no name there or a person (pegunungan Dieng).
func (s *spanSet) lowerPlaces() {
	if !s.has(tabLowerPlaceHeads) {
		return // no place head in lower case
	}
	n := len(s.words)
	// The loop visits the place heads alone. The head is the word as
	// written, without a full stop (kota, not kota.).
	for i := s.next(tabLowerPlaceHeads, 0); i+1 < n; i = s.next(tabLowerPlaceHeads, i+1) {
		if s.info[i].cas != cLower || !s.isCapWord(i+1) || strings.HasSuffix(s.words[i], ".") ||
			s.isTitleWord(i+1) || s.in(tabOrgHeads, i+1) || s.in(tabPlaceHeads, i+1) {
			continue
		}
		j := s.capRun(i + 1)
		free := true
		for k := i + 1; k < j && free; k++ {
			free = s.lab[k] == lNone || s.lab[k] == lPER
		}
		if sp, ok := s.spanAt(j - 1); ok && sp.j > j {
			free = false
		}
		if free {
			s.set(i+1, j, LOC, 0.7)
		}
		i = j - 1
	}
}

// placeItem reports whether token k can start an item of a list of places.
func (s *spanSet) placeItem(k int) bool {
	if !s.isCapWord(k) || s.isTitleWord(k) || s.info[k].class&(gazGiven|gazOrgHead) != 0 {
		return false
	}
	return !s.in(tabOrgHeads, k)
}

// buildings splits a place named after an institution inside it into the building
// and the institution (Gedung Merah Putih KPK → Gedung Merah Putih, KPK), or, when
// the building has no name of its own (Markas Polda Jawa Timur), keeps the
// institution alone.
func (s *spanSet) buildings() {
	if !s.has(tabBuildingHeads) {
		return // no building head
	}
	for _, sp := range s.spans() {
		if sp.l != LOC || sp.j-sp.i < 2 || !s.in(tabBuildingHeads, sp.i) {
			continue
		}
		// The first word after the head that starts an organisation's name.
		for k := sp.i + 1; k < sp.j; k++ {
			if s.info[k].gazB&gazORG == 0 && !s.in(tabOrgHeads, k) {
				continue
			}
			if !s.isCapWord(k) {
				break
			}
			if k == sp.i+1 && s.is(sp.i, "gedung") && s.style == StyleDefault {
				// The guideline: a building known by its institution is a
				// place (Gedung DPR).
			} else if k == sp.i+1 {
				s.set(sp.i, sp.j, "", 0)
				s.set(k, sp.j, ORG, 0.8)
			} else {
				s.set(k, sp.j, ORG, 0.8)
			}
			break
		}
	}
}

// dateline handles the dateline that opens a news story: "AMBON, Kabar Nusantara —"
// or "JAKARTA (Antara) -": the city in capitals is a place, the news outlet an
// organisation.
func (s *spanSet) dateline() {
	if !s.has(factUpperFirst) {
		return // no city in capitals first
	}
	n := len(s.words)
	i := 0
	for i < n && s.info[i].cas == cUpper {
		i++
	}
	if i == 0 || i >= n {
		return
	}
	var close string
	switch s.words[i] {
	case ",":
	case "(":
		close = ")"
	default:
		return
	}
	k := i + 1
	j := s.capRun(k)
	if j == k || j >= n {
		return
	}
	if close != "" {
		if s.words[j] != close {
			return
		}
		if j+1 >= n || !isDash(s.words[j+1]) {
			return
		}
	} else if !isDash(s.words[j]) {
		return
	}
	s.set(0, i, LOC, 0.9)
	s.set(k, j, ORG, 0.9)
}

// isDash reports whether w is a dash that ends a dateline.
func isDash(w string) bool {
	return w == "—" || w == "–" || w == "-" || w == "--"
}

// joinNameAbbrevs joins two persons split at the full stop of an abbreviated part
// of a name (Moch. Rizal Fahmi, Rosmawati Br. Tarigan), where a sentence splitter
// may break. es is sorted and does not overlap; so is the result.
func joinNameAbbrevs(text string, es []Entity) []Entity {
	out := es[:0]
	for k, e := range es {
		if isName(e.Label) {
			// A surname after the break that the model did not tag: Br. Tarigan.
			last := e.Text[strings.LastIndexByte(e.Text, ' ')+1:]
			next := len(text)
			if k+1 < len(es) {
				next = es[k+1].Start
			}
			if strings.Contains(e.Text, " ") && lowerIn(nameAbbrevs, last) {
				if end := nameAfterStop(text, e.End, next); end > 0 {
					e.End = end
					e.Text = text[e.Start:end]
				}
			}
			// An abbreviated first name before the break: Moch. | Rizal Fahmi.
			prev := 0
			if n := len(out); n > 0 {
				prev = out[n-1].End
			}
			if start := nameBeforeStop(text, e.Start, prev); start >= 0 {
				e.Start = start
				e.Text = text[start:e.End]
			}
		}
		if n := len(out); n > 0 && isName(e.Label) && isName(out[n-1].Label) {
			p := &out[n-1]
			last := p.Text[strings.LastIndexByte(p.Text, ' ')+1:]
			gap := text[p.End:e.Start]
			if strings.TrimSpace(gap) == "." && lowerIn(nameAbbrevs, last) {
				p.End = e.End
				p.Text = text[p.Start:p.End]
				p.Confidence = min(p.Confidence, e.Confidence)
				continue
			}
		}
		out = append(out, e)
	}
	return out
}

// canonicalAcronyms gives the mentions of an acronym written in brackets after a
// long name (Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)) the long name's
// canonical form.
func canonicalAcronyms(d *docScratch, es []Entity, acros [][2]string) {
	if len(acros) == 0 {
		return
	}
	if len(acros) <= fewAcronyms {
		canonicalFewAcronyms(es, acros)
		return
	}
	canonicalManyAcronyms(d, es, acros)
}

// canonicalManyAcronyms is canonicalAcronyms through maps of the texts.
func canonicalManyAcronyms(d *docScratch, es []Entity, acros [][2]string) {
	if d.canon == nil {
		d.canon, d.long = map[string]string{}, map[string]string{}
	}
	canon, long := d.canon, d.long
	clear(canon)
	clear(long)
	for _, e := range es {
		canon[e.Text] = e.Canonical
	}
	for _, a := range acros {
		if c, ok := canon[a[1]]; ok {
			long[a[0]] = c
		}
	}
	for i, e := range es {
		if c, ok := long[e.Text]; ok && isName(e.Label) {
			es[i].Canonical = c
		}
	}
}

// fewAcronyms is the number of acronyms up to which canonicalAcronyms compares
// texts instead of building its maps.
const fewAcronyms = 8

// canonicalFewAcronyms is canonicalAcronyms for a few acronyms, without maps:
// the canonical form of an acronym's long name is that of the last entity with
// the long name's text, and the last acronym of a text decides.
func canonicalFewAcronyms(es []Entity, acros [][2]string) {
	var long [fewAcronyms]struct {
		acr, canon string
		ok         bool
	}
	for k, a := range acros {
		for i := len(es) - 1; i >= 0; i-- {
			if es[i].Text == a[1] {
				long[k].acr, long[k].canon, long[k].ok = a[0], es[i].Canonical, true
				break
			}
		}
	}
	for i, e := range es {
		if !isName(e.Label) {
			continue
		}
		for k := len(acros) - 1; k >= 0; k-- {
			if long[k].ok && long[k].acr == e.Text {
				es[i].Canonical = long[k].canon
				break
			}
		}
	}
}

// mergePersons joins two persons that the model split with nothing between them
// (Jaksa Bagus | Aditya Nugroho). It reads the spans, not every label: a
// person that starts where a person ends.
func (s *spanSet) mergePersons() {
	if !s.hasLabelled(sfPER) {
		return // no person
	}
	for k, sp := range s.spans() {
		if k > 0 && sp.l == PER && s.spbuf[k-1].l == PER && s.spbuf[k-1].j == sp.i {
			s.beg[sp.i], s.fresh = false, false
		}
	}
}

// commonAcronyms drops single-word spans that are acronyms of common nouns, not
// names (THR, BPKB, APBD, BUMN), from lists/notname.txt.
func (s *spanSet) commonAcronyms() {
	if !s.hasLabelled(sfNotName) {
		return // no acronym of a common noun in a span
	}
	for _, sp := range s.spans() {
		if sp.j-sp.i == 1 && s.info[sp.i].class&gazNotName != 0 {
			s.set(sp.i, sp.j, "", 0)
		}
	}
}

// lawWords start the titles of laws and regulations, which are not names even
// though their words are capitalised (Undang-Undang Informasi dan Transaksi
// Elektronik).
var lawWords = map[string]bool{
	"undang-undang": true, "uu": true, "perppu": true, "perpres": true, "perda": true,
	"permen": true, "pergub": true, "perbup": true, "perwali": true, "kuhp": true,
	"kuhap": true, "peraturan": true, "keputusan": true, "instruksi": true,
}

// lawTitles clears the spans inside the title of a law.
func (s *spanSet) lawTitles() {
	if !s.has(tabLawWords) {
		return // no word that starts the title of a law
	}
	n := len(s.words)
	for i := 0; i+1 < n; i++ {
		if !s.isCapWord(i) && s.words[i] != "undang-undang" || !s.in(tabLawWords, i) {
			continue
		}
		j := i + 1
		for j < n && (s.isCapWord(j) || s.is(j, "dan") && s.isCapWord(j+1) && !s.in(tabLawWords, j+1)) {
			if s.is(j, "nomor") || s.is(j, "no") {
				break
			}
			j++
		}
		if sp, ok := s.spanAt(i + 1); ok && sp.i <= i {
			continue // part of a longer name
		}
		for k := i; k < j; k++ {
			if sp, ok := s.spanAt(k); ok && sp.j <= j {
				s.set(sp.i, sp.j, "", 0)
			}
		}
		i = j - 1
	}
}

// companyForms takes the legal form of a company written in brackets after its
// name into the name (PT Telkom Indonesia (Persero) Tbk.), and drops the form
// found alone.
func (s *spanSet) companyForms() {
	if !s.has(tabCompanyForm) {
		return // no legal form of a company
	}
	n := len(s.words)
	for _, sp := range s.spans() {
		if sp.l == ORG && sp.j-sp.i <= 2 && s.in(tabCompanyForm, sp.i) &&
			(sp.j-sp.i == 1 || s.is(sp.i+1, ")") || s.is(sp.i+1, "tbk")) {
			s.set(sp.i, sp.j, "", 0)
		}
	}
	for _, sp := range s.spans() {
		if sp.l != ORG {
			continue
		}
		j := sp.j
		if j+2 < n && s.words[j] == "(" && s.in(tabCompanyForm, j+1) && s.words[j+2] == ")" {
			j += 3
			if j < n && s.is(j, "tbk") {
				j++
			}
			s.set(sp.i, j, ORG, s.conf[sp.i])
		}
	}
}

// companyForm are the legal forms of Indonesian companies written in brackets.
var companyForm = map[string]bool{"persero": true, "perseroda": true, "perum": true, "tbk": true}

// coordination makes a place of the other items of a list of places, when the
// model took one of them for a person or missed it: "Ternate, Tidore Kepulauan, dan
// Sofifi", "seperti Puncu dan Kepung".
func (s *spanSet) coordination() {
	if !s.has(tabListJoiners) {
		return // no list: no "dan" or "serta"
	}
	n := len(s.words)
	var items [][2]int // the items of one list, the buffer reused from list to list
	for i := 0; i < n; {
		if !s.isCapWord(i) {
			i++
			continue
		}
		// Collect the items of a list starting at i.
		items = items[:0]
		k := i
		closed := false
		for k < n && s.isCapWord(k) {
			e := k
			if sp, ok := s.spanAt(k); ok && sp.i == k {
				e = sp.j
			} else {
				e = s.capRun(k)
				if e == k {
					break
				}
			}
			items = append(items, [2]int{k, e})
			if closed || e >= n {
				k = e
				break
			}
			switch {
			case s.words[e] == "," && e+1 < n && s.in(tabListJoiners, e+1): // , dan; , serta
				k = e + 2
				closed = true
			case s.words[e] == ",":
				k = e + 1
			case s.in(tabListJoiners, e): // dan, serta
				k = e + 1
				closed = true
			default:
				k = e
				closed = closed || false
				goto done
			}
		}
	done:
		if closed && len(items) >= 2 {
			s.placeList(items)
		}
		if k <= i {
			k = i + 1
		}
		i = k
	}
}

// placeList relabels as places the items of a list that has places and otherwise
// only one-word persons or untagged words.
func (s *spanSet) placeList(items [][2]int) {
	locs := 0
	for _, it := range items {
		l := s.lab[it[0]].label()
		switch {
		case l == LOC:
			locs++
		case l == PER && it[1]-it[0] == 1 && s.info[it[0]].class&gazGiven == 0:
		case l == "" && !s.isTitleWord(it[0]) && s.info[it[0]].class&(gazGiven|gazOrgHead) == 0 &&
			!s.in(tabOrgHeads, it[0]) && !s.in(tabHeadlineLower, it[0]) && it[1]-it[0] <= 3 &&
			!slices.ContainsFunc(s.lab[it[0]:it[1]], func(l labCode) bool { return l != lNone }):
		default:
			return
		}
	}
	if locs == 0 || locs == len(items) {
		return
	}
	for _, it := range items {
		if s.lab[it[0]] != lLOC {
			s.set(it[0], it[1], LOC, 0.6)
		}
	}
}

// expansion handles "ACRO (Long Name)" at the bracket p: the long name takes the
// acronym's label, or none when the acronym is no name (IMEI (International Mobile
// Equipment Identity)).
func (s *spanSet) expansion(p int) {
	n := len(s.words)
	if p == 0 || s.info[p-1].cas != cUpper || !isAcronymWord(s.words[p-1]) {
		return
	}
	q := p + 1
	for q < n && q-p <= 14 && s.words[q] != ")" {
		if !s.isCapWord(q) && !s.in(tabNameConnectors, q) && s.words[q] != "," {
			return
		}
		q++
	}
	if q >= n || q-p < 3 || !acronymFits(strings.ToLower(s.words[p-1]), s.words, p+1, q) {
		return
	}
	l := s.lab[p-1].label()
	if sp, ok := s.spanAt(p - 1); !ok || sp.j != p {
		l = ""
	}
	for k := p + 1; k < q; k++ {
		if sp, ok := s.spanAt(k); ok && (sp.i < p+1 || sp.j > q) {
			return // a name across the bracket
		}
	}
	s.set(p+1, q, l, 0.9)
}

// nameAfterStop returns the end of a capitalised word that follows a full stop at
// text[i:] and ends before limit, or 0.
func nameAfterStop(text string, i, limit int) int {
	if i >= len(text) || text[i] != '.' {
		return 0
	}
	i++
	for i < len(text) && text[i] == ' ' {
		i++
	}
	if i >= len(text) || text[i] < 'A' || text[i] > 'Z' {
		return 0
	}
	j := i + 1
	for j < len(text) && ('a' <= text[j] && text[j] <= 'z' || text[j] == '-') {
		j++
	}
	if j-i < 2 || j > limit {
		return 0
	}
	return j
}

// nameBeforeStop returns the start of an abbreviated part of a name of two letters
// or more (Moch., Muh.) written just before text[i:] and after limit, or -1.
func nameBeforeStop(text string, i, limit int) int {
	j := i
	for j > limit && text[j-1] == ' ' {
		j--
	}
	if j == i || j <= limit || text[j-1] != '.' {
		return -1
	}
	j--
	k := j
	for k > limit && ('a' <= text[k-1] && text[k-1] <= 'z' || 'A' <= text[k-1] && text[k-1] <= 'Z') {
		k--
	}
	if j-k < 2 || text[k] < 'A' || text[k] > 'Z' || !lowerIn(nameAbbrevs, text[k:j]) {
		return -1
	}
	if k > 0 && text[k-1] != ' ' && text[k-1] != '\n' && text[k-1] != '(' && text[k-1] != '"' {
		return -1
	}
	return k
}

// loneHeads joins an organisation span made only of an institution head (PT, Dinas)
// to the organisation right after it (PT | KAI Daop 1), and drops it when there is
// none: a head alone names nothing.
func (s *spanSet) loneHeads() {
	if !s.hasLabelled(sfOrgHead) {
		return // no institution head in a span
	}
	for _, sp := range s.spans() {
		if sp.l != ORG || sp.j-sp.i != 1 || s.info[sp.i].gazB&gazORG != 0 ||
			!s.in(tabOrgHeads, sp.i) && s.info[sp.i].class&gazOrgHead == 0 {
			continue
		}
		if sp.j < len(s.lab) && s.lab[sp.j] == lORG {
			s.beg[sp.j], s.fresh = false, false
			continue
		}
		if !s.isCapWord(sp.j) {
			s.set(sp.i, sp.j, "", 0)
		}
	}
}
