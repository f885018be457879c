package entity

import (
	"slices"
	"strings"
	"testing"
)

// corpusTexts are the texts of the dev sets of both corpora, twenty sentences
// a text, their words joined by spaces, as the stream benchmark writes them.
func corpusTexts(t *testing.T) []string {
	t.Helper()
	return Documents(devSentences(t))
}

// TestSentenceFacts checks what reset finds in its one pass over a sentence
// against the definitions that the rules and gates had it from before: the
// tables of each token (spanSet.in) against the tables themselves, asked
// about the token lower-cased without a final full stop; the tables and the
// classes of the sentence (summarize) against the union of the tokens', and
// the classes of each token (nextStart) against its information, the facts
// of the sentence against factsPlain; the
// capitalised words (capitals) against capitalsPlain; title case
// (spanSet.titleCase) against titleCase. On every line of the sample articles,
// the stage texts and both dev sets as Extract reads them, in every style, and
// on the dev sets' sentences with their words as written (Jl., S.A.).
func TestSentenceFacts(t *testing.T) {
	texts := append(stageTexts(t), corpusTexts(t)...)
	texts = append(texts, "Dr. H. Moch. Rizal , S.H. , M.Si. dan . .. ... (KPK) KOTA. Kota. kota. ÉLODIE Élodie dan. DAN. Undang-Undang",
		"Pavel Durov Sindir Facebook di Rusia\nJokowi Resmikan Jalan Tol dan Bendungan\nWarga di. Kota Bekasi Terima Bantuan dari Pemkot\nHarga Cabai Naik lagi dan Lagi di Pasar Minggu",
		"Gubernur Jawa Tengah Resmikan Gedung Merah Putih KPK di Kota Semarang\n\nSEMARANG, Kompas - warga Magelang.")
	var st factStats
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		for _, text := range texts {
			eachSentence(t, style, text, func(ss *spanSet, _ func()) { checkFacts(t, ss, &st) })
		}
	}
	// The words as the corpora write them, full stops included.
	sents := append(devSentences(t), TaggedSentence{Words: strings.Fields(
		"Jl. Sudirman No. 5 di. Kota. DI. Dan. dan. KOTA. Kab. kab. Prof. Dr. Ir. H. S.H. Tbk. (Persero) . .. ... Rp. é. É. Élodie. di Jl. Agung. Besar. Jaksa Agung. Komisioner. staf.")},
		TaggedSentence{Words: strings.Fields("Ke. Di. Dari. Dan. Untuk Jalan. Tol. Baru. Di. Kota. Bekasi")})
	// Headlines, as written (eachSentence gives them sentence case).
	for _, h := range []string{"Pavel Durov Sindir Facebook di Rusia", "Jokowi Resmikan Jalan Tol dan Bendungan",
		"Warga di. Kota Bekasi Terima Bantuan dari Pemkot", "Harga Cabai Naik lagi dan Lagi di Pasar Minggu",
		"Gubernur Jawa Tengah Resmikan Gedung Merah Putih KPK di Kota Semarang", "KPK Tahan Bupati di Jakarta",
		"Presiden Jokowi dan Wapres Ma'ruf Amin untuk Indonesia", "Élodie Bertemu Ülker di Paris dan Berlin"} {
		sents = append(sents, TaggedSentence{Words: strings.Fields(h)})
	}
	r := Default()
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	for _, s := range sents {
		tg.fz.sentence(s.Words)
		var ss spanSet
		ss.reset(s.Words, tg.fz.info, false, StyleDefault)
		checkFacts(t, &ss, &st)
	}
	t.Logf("%d lines, %d tokens in a table, %d with a full stop, %d headlines", st.lines, st.inTable, st.dots, st.headlines)
	if st.inTable < 1000 || st.dots < 20 || st.headlines < 5 {
		t.Errorf("only %d tokens in a table, %d with a full stop, %d headlines: is the test reading the sentences?", st.inTable, st.dots, st.headlines)
	}
}

// factStats counts what checkFacts has seen.
type factStats struct{ lines, inTable, dots, headlines int }

// checkFacts checks what reset found in ss against the definitions (see
// TestSentenceFacts).
func checkFacts(t *testing.T, ss *spanSet, st *factStats) {
	t.Helper()
	st.lines++
	var tabs tableSet
	var gaz gazClass
	for k, w := range ss.words {
		low := strings.ToLower(strings.TrimSuffix(w, "."))
		var want tableSet
		for i, tab := range repairTables {
			if w != "." && tab[low] {
				want |= 1 << i
			}
		}
		if ss.tt[k] != want {
			t.Fatalf("%q: tables %b, want %b", w, ss.tt[k], want)
		}
		for i := range repairTables {
			if got := ss.in(1<<i, k); got != (want>>i&1 != 0) {
				t.Fatalf("%q: in table %d = %v", w, i, got)
			}
		}
		if want != 0 {
			st.inTable++
		}
		if strings.HasSuffix(w, ".") {
			st.dots++
		}
		tabs |= want
		gaz |= ss.info[k].gazB
		if ss.starts[k] != ss.info[k].gazB {
			t.Fatalf("%q: starts %b, want %b", w, ss.starts[k], ss.info[k].gazB)
		}
	}
	tabs |= factsPlain(ss)
	ss.summarize(true)
	if ss.tabs != tabs || ss.gazB != gaz {
		t.Fatalf("%q: summarize found %b %b, want %b %b", ss.words, ss.tabs, ss.gazB, tabs, gaz)
	}
	if got, want := ss.titleCase(), titleCase(ss.words); got != want {
		t.Fatalf("%q: titleCase %v, want %v", ss.words, got, want)
	}
	if titleCase(ss.words) {
		st.headlines++
	}
	af, pair := ss.capitals()
	if wantAF, wantPair := capitalsPlain(ss); af != wantAF || pair != wantPair {
		t.Fatalf("%q: capitals %v %v, want %v %v", ss.words, af, pair, wantAF, wantPair)
	}
}

// factsPlain returns the facts of the sentence of ss (see factUpperFirst),
// each read from its definition.
func factsPlain(ss *spanSet) tableSet {
	var f tableSet
	if len(ss.words) > 0 && wordCase(ss.words[0]) == cUpper {
		f |= factUpperFirst
	}
	return f
}

// TestRepairSkipsCorpora is TestQuietRepairs on both dev sets: on every line,
// in every style, the repairs with their skips and gates leave what the
// repairs without them leave.
func TestRepairSkipsCorpora(t *testing.T) {
	var st skipStats
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		for _, text := range corpusTexts(t) {
			checkSkips(t, style, text, &st)
		}
	}
	t.Logf("of %d sentences, %d quiet, %d without a pair of capitalised words", st.total, st.quiet, st.unpaired)
}

// isDegreePlain is isDegree as it was written first, splitting the word at its
// full stops: the reference that FuzzIsDegree holds it to.
func isDegreePlain(w string) bool {
	w = strings.TrimSuffix(w, ".")
	if !strings.Contains(w, ".") || len(w) > 12 {
		return false
	}
	for _, seg := range strings.Split(w, ".") {
		if len(seg) == 0 || len(seg) > 4 || seg[0] < 'A' || seg[0] > 'Z' {
			return false
		}
		for i := 1; i < len(seg); i++ {
			if c := seg[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
				return false
			}
		}
	}
	return true
}

// FuzzIsDegree checks isDegree, which reads the word's bytes once, against
// isDegreePlain.
func FuzzIsDegree(f *testing.F) {
	for _, w := range []string{"S.Sos.", "S.Sos", "S.H.", "M.Si", "Ph.D", "Dr.", "Jl.", "U.S.A.", "Sudirman", "2.5",
		"", ".", "..", "S..H", ".S.H", "S.H..", "A.B.C.D.E.F.", "ABCDE.F", "S.Hukum", "S.é", "É.S", "s.H", "S.h.I", "S1.H"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := isDegree(w), isDegreePlain(w); got != want {
			t.Fatalf("isDegree(%q) = %v, want %v", w, got, want)
		}
	})
}

// capitalsPlain is capitals read from the tokens' information alone, the
// reference that TestSentenceFacts holds reset's pass to.
func capitalsPlain(s *spanSet) (afterFirst, pair bool) {
	info := s.info
	prev := len(info) > 0 && info[0].capitalised()
	for k := 1; k < len(info); k++ {
		c := info[k].capitalised()
		if c && prev {
			return true, true // a pair has one after the first
		}
		afterFirst = afterFirst || c
		prev = c
	}
	return afterFirst, false
}

// TestSetTags checks setTags, which sets the model's spans and records them in
// one pass, against set called for each span that forSpans reads and the
// spans that findSpans reads after: the same labels, starts, confidences and
// spans, on every line of the sample articles, the stage texts and both dev
// sets, in every style.
func TestSetTags(t *testing.T) {
	texts := append(stageTexts(t), corpusTexts(t)...)
	spans := 0
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		r := Default().WithStyle(style)
		// A tagger of its own for the tags: eachSentence's holds the
		// information of the tokens that ss reads.
		tg := r.pool.Get().(*tagger)
		for _, text := range texts {
			eachSentence(t, style, text, func(ss *spanSet, _ func()) {
				tags := slices.Clone(tg.run(r.m, style, ss.words))
				ss.reset(ss.words, ss.info, ss.head, style)
				forSpans(tags, func(i, j int, l Label) { ss.set(i, j, l, 0) })
				lab, beg, conf := slices.Clone(ss.lab), slices.Clone(ss.beg), slices.Clone(ss.conf)
				want := slices.Clone(ss.findSpans())
				ss.reset(ss.words, ss.info, ss.head, style)
				ss.setTags(tags)
				if !ss.fresh || !slices.Equal(ss.spans(), want) {
					t.Fatalf("%q: setTags recorded %v, want %v", ss.words, ss.spbuf, want)
				}
				if !slices.Equal(lab, ss.lab) || !slices.Equal(beg, ss.beg) || !slices.Equal(conf, ss.conf) {
					t.Fatalf("%q: setTags set %v %v %v, want %v %v %v", ss.words, ss.lab, ss.beg, ss.conf, lab, beg, conf)
				}
				if !slices.Equal(ss.findSpans(), want) {
					t.Fatalf("%q: the labels read %v, want %v", ss.words, ss.spbuf, want)
				}
				spans += len(want)
			})
		}
		r.pool.Put(tg)
	}
	if spans < 1000 {
		t.Errorf("only %d spans set", spans)
	}
}
