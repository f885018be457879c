package entity

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// TestSortEntities checks sortEntities against the stable sort it stands for,
// on two sorted runs (what Extract gives it), sorted lists and shuffled ones,
// with ties on Start and on both offsets.
func TestSortEntities(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var scratch []Entity
	random := func(n int) []Entity {
		es := make([]Entity, n)
		for k := range es {
			s := rng.IntN(12)
			es[k] = Entity{Start: s, End: s + 1 + rng.IntN(3), Text: string(rune('a' + k%26))}
		}
		return es
	}
	for trial := range 3000 {
		var es []Entity
		switch trial % 3 {
		case 0: // two sorted runs
			a, b := random(rng.IntN(8)), random(rng.IntN(8))
			slices.SortStableFunc(a, byStart)
			slices.SortStableFunc(b, byStart)
			es = append(a, b...)
		case 1:
			es = random(rng.IntN(10))
			slices.SortStableFunc(es, byStart)
		default:
			es = random(rng.IntN(10))
		}
		want := slices.Clone(es)
		slices.SortStableFunc(want, byStart)
		sortEntities(es, &scratch)
		if !slices.Equal(es, want) {
			t.Fatalf("got %v\nwant %v", es, want)
		}
	}
}

// FuzzLexUnits checks lexUnits against lexUnitsPlain, and that the words it
// lexes get the lower case and the standing that ruleWord gives them, which
// lexUnits computes as it reads their bytes.
func FuzzLexUnits(f *testing.F) {
	f.Add(telaah.ReferenceArticle())
	f.Add(string(telaah.SampleArticles()))
	f.Add("Sabtu (24/3/2018) pukul 10.30 WIB, US$ 3 JUTA, Rp1,5 Triliun; Ñandú SENIN Ahad ÉTÉ")
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := lexUnits(nil, text, 0, len(text)), lexUnitsPlain(nil, text, 0, len(text)); !slices.Equal(got, want) {
			t.Fatalf("lexUnits(%q):\n got %+v\nwant %+v", text, got, want)
		}
		for _, u := range lexUnits(nil, text, 0, len(text)) {
			if u.kind != uWord {
				continue
			}
			if lower, known := ruleWord(u.text); lower != u.lower || known != u.known {
				t.Fatalf("%q: lexUnits gives %q %v, ruleWord %q %v", u.text, u.lower, u.known, lower, known)
			}
		}
	})
}

// TestIsCommonMemo checks that the remembered answers of spanSet.isCommon and
// isDerived are isCommonWord's and isDerivedWord's, asked twice of every word
// of the sample corpus.
func TestIsCommonMemo(t *testing.T) {
	var s spanSet
	words := strings.Fields(string(telaah.SampleArticles()))
	for range 2 {
		for _, w := range words {
			if got, want := s.isCommon(w), isCommonWord(w); got != want {
				t.Fatalf("isCommon(%q) = %v, isCommonWord %v", w, got, want)
			}
			if got, want := s.isDerived(w), isDerivedWord(w); got != want {
				t.Fatalf("isDerived(%q) = %v, isDerivedWord %v", w, got, want)
			}
		}
	}
}

// TestQuietRepairs checks that skipping the rules of quietRules on quiet
// sentences, and those of pairRules where no two capitalised words stand side by
// side, and the gates of the rules (see summarize) change nothing: on every
// line of the sample corpus, in every style, the repairs with the skips leave
// the spans, their starts and confidences and the acronyms as the repairs
// without them do.
func TestQuietRepairs(t *testing.T) {
	for i, r := range repairs {
		if skipQuiet[i] && r.run == nil {
			t.Fatal("nil rule")
		}
	}
	for _, c := range []struct {
		marks [len(repairs)]bool
		rules []func(*spanSet)
	}{{skipQuiet, quietRules}, {skipUnpaired, pairRules}} {
		n := 0
		for _, b := range c.marks {
			if b {
				n++
			}
		}
		if n != len(c.rules) {
			t.Fatalf("%d rules of %d found in repairs", n, len(c.rules))
		}
	}
	var texts []string
	for _, a := range SampleArticles(t) {
		texts = append(texts, a.Text())
	}
	texts = append(texts, telaah.ReferenceArticle(),
		"JAKARTA, kompas.com - harga naik.\nKPK (dan, dan) menolak.\nPeraturan itu berlaku di kota itu.")
	var st skipStats
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		for _, text := range texts {
			checkSkips(t, style, text, &st)
		}
	}
	quiet, unpaired, total := st.quiet, st.unpaired, st.total
	if quiet == 0 {
		t.Error("no quiet sentence tested")
	}
	if unpaired == 0 {
		t.Error("no sentence without a pair of capitalised words tested")
	}
	t.Logf("of %d sentences, %d quiet, %d without a pair of capitalised words", total, quiet, unpaired)
}

// lexUnitsPlain is lexUnits as it was before its fast paths (ASCII classed by a
// table, a word's hash computed as its bytes are read): the reference that
// FuzzLexUnits holds it to.
func lexUnitsPlain(dst []unit, text string, start, end int) []unit {
	i := start
	for i < end {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:end])
		}
		if unicode.IsSpace(r) {
			if k := len(dst); k > 0 {
				dst[k-1].spaceAfter = true
			}
			i += n
			continue
		}
		u := unit{start: i}
		switch {
		case unicode.IsLetter(r):
			u.kind = uWord
			for i < end {
				if c := text[i]; c < utf8.RuneSelf {
					// ASCII, most of the text: no rune decoding.
					if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
						i++
						continue
					}
					break
				}
				r, n := utf8.DecodeRuneInString(text[i:end])
				if !unicode.IsLetter(r) {
					break
				}
				i += n
			}
		case r >= '0' && r <= '9':
			u.kind = uNumber
			for i < end {
				c := text[i]
				if c >= '0' && c <= '9' {
					i++
					continue
				}
				if (c == '.' || c == ',' || c == '/' || c == ':' || c == '-') && i+1 < end && text[i+1] >= '0' && text[i+1] <= '9' {
					i++
					continue
				}
				break
			}
		default:
			u.kind = uSym
			i += n
		}
		u.end = i
		u.text = text[u.start:u.end]
		switch u.kind {
		case uWord:
			u.lower, u.known = ruleWord(u.text)
			if u.known {
				u.tabs = ruleTabsOf(u.lower)
			}
		case uSym:
			u.lower = u.text
			u.known = u.text == "(" || isCurrencySymbol(u.text)
			if u.known {
				u.tabs = ruleTabsOf(u.lower)
			}
		default:
			u.lower = u.text
		}
		dst = append(dst, u)
	}
	return dst
}

// TestCanonicalFewAcronyms checks canonicalFewAcronyms against the maps of
// canonicalManyAcronyms on random documents whose texts repeat.
func TestCanonicalFewAcronyms(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	texts := []string{"KPK", "Komisi Pemberantasan Korupsi", "MK", "Mahkamah Konstitusi", "Jakarta", "BI"}
	labels := []Label{PER, ORG, LOC, DATE}
	var d docScratch
	for range 5000 {
		es := make([]Entity, rng.IntN(10))
		for i := range es {
			es[i] = Entity{Text: texts[rng.IntN(len(texts))], Label: labels[rng.IntN(len(labels))], Canonical: texts[rng.IntN(len(texts))]}
		}
		acros := make([][2]string, 1+rng.IntN(fewAcronyms))
		for i := range acros {
			acros[i] = [2]string{texts[rng.IntN(len(texts))], texts[rng.IntN(len(texts))]}
		}
		want := slices.Clone(es)
		canonicalManyAcronyms(&d, want, acros)
		canonicalFewAcronyms(es, acros)
		if !slices.Equal(es, want) {
			t.Fatalf("acronyms %q:\n got %v\nwant %v", acros, es, want)
		}
	}
}

// TestRepairPlans checks that repairPlans holds every rule of repairs for each
// style it serves, in the table's order, leaving out only the body rules on
// title-case sentences and pairRules where a pair is lacking.
func TestRepairPlans(t *testing.T) {
	for _, st := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		for head := range 2 {
			for unpaired := range 2 {
				var want []uint8
				for i, r := range repairs {
					if r.styles.has(st) && !(r.body && head == 1) && !(unpaired == 1 && skipUnpaired[i]) {
						want = append(want, uint8(i))
					}
				}
				if got := repairPlans[st][head][unpaired].rules; !slices.Equal(got, want) {
					t.Errorf("%v head=%d unpaired=%d: plan %v, want %v", st, head, unpaired, got, want)
				}
			}
		}
	}
	if n := len(repairPlans[StyleDefault][0][0].rules); n == 0 {
		t.Error("no rule in the default style's plan")
	}
}

// acronymFitsPlain is acronymFits as it was before its stack buffers (a
// lower-cased copy of every word, a closure): the reference that
// TestAcronymFitsSame and FuzzAcronymFits hold it to.
func acronymFitsPlain(a string, words []string, from, to int) bool {
	var content []string
	for k := from; k < to; k++ {
		w := strings.ToLower(words[k])
		if w == "," || nameConnectors[w] {
			continue
		}
		content = append(content, w)
	}
	if len(content) < 2 || len(content) > len(a)+1 {
		return false
	}
	var fit func(ai, wi, pos, skips int) bool
	fit = func(ai, wi, pos, skips int) bool {
		if ai == len(a) {
			return wi == len(content)-1
		}
		c := a[ai]
		if wi+1 < len(content) && content[wi+1][0] == c && fit(ai+1, wi+1, 1, skips) {
			return true
		}
		if skips > 0 && wi+2 < len(content) && content[wi+2][0] == c && fit(ai+1, wi+2, 1, skips-1) {
			return true
		}
		w := content[wi]
		for k := pos; k < len(w); k++ {
			if w[k] == c && fit(ai+1, wi, k+1, skips) {
				return true
			}
		}
		return false
	}
	skips := 0
	if len(content) >= 4 {
		skips = 1
	}
	return content[0][0] == a[0] && fit(1, 0, 1, skips)
}

// acronymCases returns, for the word windows of text, acronyms that fit them
// and acronyms that nearly do: their initials, with a letter dropped, and with
// a later letter of a word.
func acronymCases(words []string, from, to int) []string {
	var initials, inner []byte
	for k := from; k < to; k++ {
		w := strings.ToLower(words[k])
		if w == "" || w == "," || nameConnectors[w] {
			continue
		}
		initials = append(initials, w[0])
		inner = append(inner, w[0])
		if len(w) > 2 {
			inner = append(inner, w[2])
		}
	}
	out := []string{string(initials), string(inner)}
	if len(initials) > 1 {
		out = append(out, string(initials[1:]), string(initials[:len(initials)-1]))
	}
	return out
}

// TestAcronymFitsSame checks acronymFits against acronymFitsPlain on every
// window of up to 17 words of the sample corpus's lines.
func TestAcronymFitsSame(t *testing.T) {
	fits, n := 0, 0
	for _, a := range SampleArticles(t) {
		for _, s := range tokenize.Sentences(a.Text()) {
			var words []string
			for _, tk := range s.Tokens {
				words = append(words, tk.Text)
			}
			for from := range words {
				for to := from + 1; to <= len(words) && to-from <= 17; to++ {
					for _, acr := range acronymCases(words, from, to) {
						if acr == "" {
							continue
						}
						got, want := acronymFits(acr, words, from, to), acronymFitsPlain(acr, words, from, to)
						if got != want {
							t.Fatalf("acronymFits(%q, %q) = %v, plain %v", acr, words[from:to], got, want)
						}
						n++
						if got {
							fits++
						}
					}
				}
			}
		}
	}
	if fits == 0 {
		t.Error("no acronym fitted")
	}
	t.Logf("%d cases, %d fit", n, fits)
}

// FuzzAcronymFits checks acronymFits against acronymFitsPlain on any words.
func FuzzAcronymFits(f *testing.F) {
	f.Add("kpk", "Komisi Pemberantasan Korupsi")
	f.Add("bawaslu", "Badan Pengawas Pemilu")
	f.Add("qris", "Quick Response Code Indonesian Standard")
	f.Add("ab", "Ärzte , Bund dan É")
	f.Fuzz(func(t *testing.T, acr, name string) {
		words := strings.Fields(name)
		if acr == "" || len(words) > 40 || slices.Contains(words, "") {
			return
		}
		if got, want := acronymFits(acr, words, 0, len(words)), acronymFitsPlain(acr, words, 0, len(words)); got != want {
			t.Errorf("acronymFits(%q, %q) = %v, plain %v", acr, words, got, want)
		}
	})
}

// TestASCIITables checks that asciiTables, summarize's look-up by hash, finds
// the tables of every word of repairTables however it is capitalised, and none
// for other words.
func TestASCIITables(t *testing.T) {
	for w, want := range tableWords {
		if !isASCII(w) {
			continue
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if got := asciiTables(fnvLower(fnvOffset, v), v); got != want {
				t.Errorf("asciiTables(%q) = %b, want %b", v, got, want)
			}
		}
	}
	for _, v := range []string{"pengguna", "Telegram", "dann", "da", "KOTAK", "x", "Pemerintahan"} {
		if got, want := asciiTables(fnvLower(fnvOffset, v), v), tableWords[strings.ToLower(v)]; got != want {
			t.Errorf("asciiTables(%q) = %b, want %b", v, got, want)
		}
	}
}

// ruleTabsOf returns the tables of the rules that hold the lower-case word w,
// from the tables themselves.
func ruleTabsOf(w string) ruleSet {
	var t ruleSet
	for _, b := range []struct {
		r  ruleSet
		in bool
	}{
		{rDay, dayNames[w]}, {rYearLead, yearLeads[w]}, {rZone, timeZones[w] != ""},
		{rCurBefore, currencyBefore[w] != ""}, {rCurAfter, currencyAfter[w] != ""},
		{rDollarOf, dollarOf[w] != ""}, {rUnit, units[w] != ""}, {rMonth, monthNames[w] != 0},
	} {
		if b.in {
			t |= b.r
		}
	}
	if _, ok := scales[w]; ok {
		t |= rScale
	}
	if _, ok := numberWords[w]; ok {
		t |= rNumber
	}
	return t
}

// FuzzHasCapital checks hasCapital, which stops at the first capital, against
// wordCase, which reads the whole word.
func FuzzHasCapital(f *testing.F) {
	for _, w := range []string{"Telegram", "KPK", "iPhone", "pengguna", "24/3", "3M", "(Persero)", "Éric", "éRic", "ßA", "A\xff", "", ".", "x1Y"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		c := wordCase(w)
		if got, want := hasCapital(w), c == cCap || c == cUpper || c == cMixed; got != want {
			t.Fatalf("hasCapital(%q) = %v, wordCase %d", w, got, c)
		}
	})
}

// TestReleaseClears checks that release leaves no token or line of the last
// text in the scratch space, whichever text came before: it clears only what
// a call used.
func TestReleaseClears(t *testing.T) {
	r := Default()
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	d := &tg.doc
	long := strings.Repeat(telaah.ReferenceArticle()+"\n\n", 3)
	for _, text := range []string{long, "Presiden Joko Widodo di Jakarta.", long[:500], "", "Rp 5 juta."} {
		for _, sents := range []bool{false, true} {
			if sents {
				r.extract(tg, text, d.lines(text, tokenize.Sentences(text)))
			} else {
				r.extract(tg, text, d.tokenLines(text))
			}
			d.release()
			for i, tk := range d.valid[:cap(d.valid)] {
				if tk != (tokenize.Token{}) {
					t.Fatalf("after %.20q: token %d %+v left", text, i, tk)
				}
			}
			for i, l := range d.kept[:cap(d.kept)] {
				if l != nil {
					t.Fatalf("after %.20q: line %d left", text, i)
				}
			}
		}
	}
}

// skipStats counts the sentences that checkSkips has seen, quiet and without a
// pair of capitalised words.
type skipStats struct{ quiet, unpaired, total int }

// checkSkips checks, on every line of text in style, that the repairs with
// their skips and gates (runRepairs(true)) leave the spans, their starts and
// confidences and the acronyms as the repairs without them do, and that the
// facts of every token labelled in the end are in spanSet.labelled.
func checkSkips(t *testing.T, style Style, text string, st *skipStats) {
	t.Helper()
	eachSentence(t, style, text, func(ss *spanSet, prepare func()) {
		st.total++
		afterFirst, pair := ss.capitals()
		if len(ss.spans()) == 0 && !afterFirst {
			st.quiet++
		}
		if !pair {
			st.unpaired++
		}
		ss.runRepairs(true)
		// The facts of the tokens labelled at the end were recorded.
		for k, c := range ss.lab {
			if f := labelFact(c) | tokenFactsPlain(ss, k); c != lNone && ss.kinds.facts()&f != f {
				t.Errorf("%v %q: token %d, labelled %v, has the facts %b, but labelled holds %b", style, ss.words, k, c.label(), f, ss.kinds.facts())
			}
		}
		lab, beg, conf, acros := slices.Clone(ss.lab), slices.Clone(ss.beg), slices.Clone(ss.conf), slices.Clone(ss.acros)
		prepare()
		ss.runRepairs(false)
		if !slices.Equal(lab, ss.lab) || !slices.Equal(beg, ss.beg) || !slices.Equal(conf, ss.conf) || !slices.Equal(acros, ss.acros) {
			t.Errorf("%v %q: with the skips %v %v, without %v %v", style, ss.words, lab, conf, ss.lab, ss.conf)
		}
	})
}

// tokenFactsPlain returns the facts of token k of ss (see spanFacts), read
// from their definitions.
func tokenFactsPlain(ss *spanSet, k int) spanFacts {
	w, ti := ss.words[k], &ss.info[k]
	var f spanFacts
	for _, c := range []struct {
		has  bool
		fact spanFacts
	}{
		{wordCase(w) == cLower, sfLower},
		{wordCase(w) == cNone, sfNone},
		{wordCase(w) == cUpper, sfUpper},
		{ti.class&gazTitle != 0 || ss.in(tabTitleSeconds, k) || isDegree(w), sfTitle},
		{ss.in(tabHeadlineLower, k), sfHeadLower},
		{ss.in(tabOrgHeads, k) || ti.class&gazOrgHead != 0, sfOrgHead},
		{ti.class&gazNotName != 0, sfNotName},
		{ti.entry&(gazNotName|gazPrefix) != 0, sfNotNameEntry},
		{len(w) > 1 && (strings.HasSuffix(w, "?") || strings.HasSuffix(w, "!")), sfMark},
	} {
		if c.has {
			f |= c.fact
		}
	}
	return f
}

// FuzzRepairSkips is TestQuietRepairs on any text: the skips and gates of the
// repairs change nothing.
func FuzzRepairSkips(f *testing.F) {
	f.Add(telaah.ReferenceArticle()[:800])
	f.Add("Kepala Desa Sukamaju Ujang Suryana dan Wali Kota Bekasi di Balai Kota Bekasi, Stasiun Klaten.")
	f.Add("Dinas Pariwisata, Kebudayaan, Pemuda, dan Olahraga Kabupaten Ponorogo (Disparbud) serta UU ITE.")
	f.Add("sebelah Timur Danau Toba, aplikasi Truth Social, PT Telkom (Persero) Tbk. Senin Jakarta Utara.")
	f.Add("Gubernur Jawa Tengah Resmikan Gedung Merah Putih KPK di Kota Semarang\n\nSEMARANG, Kompas - warga Magelang.")
	f.Fuzz(func(t *testing.T, text string) {
		var st skipStats
		for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
			checkSkips(t, style, text, &st)
		}
	})
}

// FuzzCaseCount checks caseCount.add, which tells capitals by the first one,
// reads an ASCII word once and looks a short lower-case one up in the packed
// words of headlineLower, against its definition.
func FuzzCaseCount(f *testing.F) {
	for _, w := range []string{"Telegram", "di", "dan", "mengatakan", "triliun", "DAN", "Di", "24", "x", "ǅa", "ǆi", "dİ", "jelang", "untukk", "",
		"di\x00", "\x00", "4gb", "a4B", "x1", "di.", "triliunx", "é", "dé", "-", "di-"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		var got, want caseCount
		got.add(w)
		switch wordCase(w) {
		case cCap, cUpper, cMixed:
			want.caps++
		case cLower:
			if lowerIn(headlineLower, w) {
				want.function++
			} else {
				want.other++
			}
		}
		if got != want {
			t.Fatalf("add(%q) counts %+v, want %+v", w, got, want)
		}
	})
}
