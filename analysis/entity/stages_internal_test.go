package entity

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/tokenize"
)

// stageTexts are the texts the fast paths of the stages are held to: the sample
// articles, the reference article and a few lines of names, headings and
// numbers across line breaks.
func stageTexts(t *testing.T) []string {
	texts := []string{telaah.ReferenceArticle(),
		"Pavel Durov\nDurov berkata. DUROV, Pavel dan durov.\r\nTelegram Telegram; \"Telegram\" (Telegram)\n\nKPK 31 KPK tiga BUMN BUMN",
		"Joko Widodo bertemu Jokowi di Jakarta. Widodo dan Joko. 3M dan Kompas.com, KOMPAS.com serta Élodie Élodie.",
	}
	for _, a := range SampleArticles(t) {
		texts = append(texts, a.Text())
	}
	return texts
}

// TestPropagateCaps checks propagate's walk over the tokens that are not in
// lower case (docScratch.caps, which tokenLines fills) against its walk over
// every token of every line, which it takes for tokens that are not the
// tokenizer's: Extract gives the same entities both ways, in every style.
func TestPropagateCaps(t *testing.T) {
	texts := stageTexts(t)
	for _, style := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		r := Default().WithStyle(style)
		for _, text := range texts {
			tg := r.pool.Get().(*tagger)
			d := &tg.doc
			want := r.extract(tg, text, d.tokenLines(text))
			d.release()
			kept := d.tokenLines(text)
			d.tokCase = false // the walk over every token
			got := r.extract(tg, text, kept)
			d.release()
			r.pool.Put(tg)
			if !slices.Equal(got, want) {
				t.Fatalf("%v %.60q: over every token\n%v\nover the capitalised ones\n%v", style, text, got, want)
			}
		}
	}
}

// TestLowerInPlace checks lowerInPlace, eight bytes at a time, against the
// byte loop it stands for, on every length up to 40 of random bytes, of
// ASCII and of the letters' neighbours (@ [ ` {).
func TestLowerInPlace(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	alphabets := []string{"", "AZaz@[`{09 -.", "Ab\xc3\x89\xff\x80\x7f"}
	for round := range 3000 {
		n := round % 41
		b := make([]byte, n)
		for i := range b {
			if a := alphabets[round%3]; a != "" {
				b[i] = a[rng.IntN(len(a))]
			} else {
				b[i] = byte(rng.IntN(256))
			}
		}
		want := slices.Clone(b)
		wantASCII := true
		for i, c := range want {
			if c >= 0x80 {
				wantASCII = false
			} else if 'A' <= c && c <= 'Z' {
				want[i] = c + 'a' - 'A'
			}
		}
		in := slices.Clone(b)
		if ascii := lowerInPlace(b); ascii != wantASCII || !slices.Equal(b, want) {
			t.Fatalf("lowerInPlace(%q) = %q %v, want %q %v", in, b, ascii, want, wantASCII)
		}
	}
}

// eachSentence calls f with the spanSet of every line of text as the repairs
// see it (the model's spans set, no rule run yet), and with a function that
// sets it so again.
func eachSentence(t *testing.T, style Style, text string, f func(ss *spanSet, prepare func())) {
	t.Helper()
	r := Default().WithStyle(style)
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	defer tg.doc.release()
	for k, toks := range tg.doc.tokenLines(text) {
		head := isHeadline(toks) || k == 0 && looseHeadline(toks)
		var words []string
		for _, tk := range toks {
			words = append(words, strings.TrimSuffix(tk.Text, "."))
		}
		if head {
			r.sentenceCase(tg, words)
		}
		tags := tg.run(r.m, r.style, words)
		ss := &tg.spans
		prepare := func() {
			ss.reset(words, tg.fz.info, head, style)
			ss.gaz = r.gaz
			forSpans(tags, func(i, j int, l Label) { ss.set(i, j, l, 0) })
		}
		prepare()
		f(ss, prepare)
	}
}

// TestTitleSecond checks titleSecond, which tests the word against the second
// words of the titles before it looks up the word before, against the look-up
// alone.
func TestTitleSecond(t *testing.T) {
	texts := append(stageTexts(t), "Jaksa Agung dan jaksa Agung, Duta Besar, DUTA BESAR, Imam Besar. Hakim AGUNG Uskup Agung. Uskup. Agung hakim agung Duta Besar.")
	found := 0
	for _, text := range texts {
		eachSentence(t, StyleDefault, text, func(ss *spanSet, _ func()) {
			for k := range ss.words {
				want := false
				if k > 0 && ss.isCapWord(k) && (ss.isCapWord(k-1) || ss.info[k-1].cas == cLower) {
					second, ok := titlePairs[string(ss.lower(k-1))]
					want = ok && ss.is(k, second)
				}
				if got := ss.titleSecond(k); got != want {
					t.Fatalf("titleSecond(%q, %d) = %v, want %v", ss.words, k, got, want)
				}
				if want {
					found++
				}
			}
		})
	}
	if found < 5 {
		t.Errorf("only %d second words of titles found", found)
	}
}

// TestMayStart checks that no rule matches at a unit that mayStart rules out,
// on the sample articles and on texts of every word the rules know, each
// before and after numbers and other such words.
func TestMayStart(t *testing.T) {
	texts := stageTexts(t)
	var known []string
	for w := range ruleWords {
		known = append(known, w)
	}
	slices.Sort(known)
	rng := rand.New(rand.NewPCG(7, 8))
	for range 300 {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			switch rng.IntN(4) {
			case 0:
				b.WriteString([]string{"5", "24", "2018", "10.30", "1,5", "(24/3)", "$", "Rp", "%"}[rng.IntN(9)])
			default:
				b.WriteString(known[rng.IntN(len(known))])
			}
			b.WriteString([]string{" ", " ", ", ", ". ", ""}[rng.IntN(5)])
		}
		texts = append(texts, b.String())
	}
	skipped := 0
	for _, text := range texts {
		us := lexUnits(nil, text, 0, len(text))
		for i := range us {
			if (us[i].kind == uNumber || us[i].known) && !mayStart(&us[i]) {
				skipped++
				if _, n := matchAt(us, i); n != 0 {
					t.Fatalf("%q: a rule matches at %q, which mayStart rules out", text, us[i].text)
				}
			}
		}
	}
	if skipped == 0 {
		t.Error("no unit ruled out")
	}
}

// TestFormKeys checks that formKeys, propagate's filter of the forms it looks
// up, holds every form added (no mention is missed for its key) and tells
// most other stretches from them.
func TestFormKeys(t *testing.T) {
	var keys formKeys
	words := strings.Fields(telaah.ReferenceArticle())
	forms, others := words[:len(words)/8], words[len(words)/8:]
	in := map[string]bool{}
	for _, f := range forms {
		keys.add(f)
		in[f] = true
	}
	for _, f := range forms {
		if !keys.mayHave(len(f), f[0], f[len(f)-1]) {
			t.Fatalf("form %q added, not found", f)
		}
	}
	passed, n := 0, 0
	for _, w := range others {
		if !in[w] {
			n++
			passed += b2i(keys.mayHave(len(w), w[0], w[len(w)-1]))
		}
	}
	if passed*4 > n {
		t.Errorf("%d of %d other words pass the filter of %d forms", passed, n, len(forms))
	}
}

// TestTokenLines checks tokenLines, which reads a gap's first byte and only a
// longer gap on, against lines over tokenize.Sentences, which reads every gap
// for a line break (splitLines): the same lines of the same tokens, on the
// stage texts and on gaps of every kind (none, spaces, tabs, CR LF, blank
// lines, control characters).
func TestTokenLines(t *testing.T) {
	texts := append(stageTexts(t),
		"Jakarta\nBekasi,\r\nKota Bekasi.\n\nPolda Jatim\tmenerima\x0b\x0claporan\r(KPK)\n,\n\t\nlagi",
		"a\n b \n\nc\r\r\nd.\x00\ne", " \n\t", "Satu  dua\t\ttiga \n empat, lima.\r\nEnam")
	for _, text := range texts {
		checkTokenLines(t, text)
	}
}

// FuzzTokenLines is TestTokenLines on any text.
func FuzzTokenLines(f *testing.F) {
	f.Add("Jakarta\nBekasi,\r\nKota Bekasi.\n\nPolda Jatim\tmenerima\x0b\x0claporan")
	f.Fuzz(checkTokenLines)
}

// checkTokenLines checks the lines of tokenLines(text) against those of lines.
func checkTokenLines(t *testing.T, text string) {
	var d, ref docScratch
	got, want := d.tokenLines(text), ref.lines(text, tokenize.Sentences(text))
	if len(got) != len(want) {
		t.Fatalf("%q: %d lines, want %d", text, len(got), len(want))
	}
	for i := range got {
		if !slices.Equal(got[i], want[i]) {
			t.Fatalf("%q: line %d is %v, want %v", text, i, got[i], want[i])
		}
	}
}
