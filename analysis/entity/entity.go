package entity

import (
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
)

// Label is the type of an entity.
type Label string

// The labels.
const (
	PER      Label = "PER"
	ORG      Label = "ORG"
	LOC      Label = "LOC"
	DATE     Label = "DATE"
	TIME     Label = "TIME"
	MONEY    Label = "MONEY"
	PERCENT  Label = "PERCENT"
	QUANTITY Label = "QUANTITY"
)

// Entity is one mention of an entity, with byte offsets into the original text:
// text[Start:End] == Text.
//
// Value and Number by label:
//
//	DATE      Value ISO 8601: 2018-03-24, 2018-03 (Maret 2018), 2018 (tahun 2018),
//	          --03-24 (Sabtu (24/3), no year); empty for a day name alone (Senin)
//	TIME      Value hh:mm with the zone's UTC offset when written: 10:30+07:00
//	          (WIB), 08:00+08:00 (WITA), 09:00+09:00 (WIT); 19:00 (pukul 7 malam)
//	MONEY     Value the ISO 4217 currency (IDR, USD, EUR…), Number the amount
//	PERCENT   Number the percentage: 5.2 for 5,2 persen
//	QUANTITY  Number the amount (2e8 for 200 juta), Value the unit if any (km, kg)
//
// PER, ORG and LOC have neither; Canonical groups their mentions, and Confidence is
// the entity's: each mention's probability (the smallest marginal of the tagger
// over its span, calibrated on idner dev, or what a repair rule gives it; names
// added by propagation get less) combined over all the mentions of the entity in
// the document, so that every mention of one entity has the same confidence,
// rounded to three digits. Rule-based entities have Confidence 1.
type Entity struct {
	Text       string  `json:"text"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Label      Label   `json:"label"`
	Canonical  string  `json:"canonical"`        // the longest mention of the same entity in the document
	Confidence float64 `json:"confidence"`       // 0..1
	Value      string  `json:"value,omitempty"`  // normalised: 2018-03-24, 10:30+07:00, IDR
	Number     float64 `json:"number,omitempty"` // normalised amount: 1.5e12, 2e8, 5.2
}

// Recognizer finds entities. It is safe for concurrent use. The zero value uses the
// embedded model, like [Default].
type Recognizer struct {
	m     *model
	gaz   *gazetteer
	pool  *sync.Pool
	style Style
}

// Style is the annotation convention that the model's PER, ORG and LOC spans follow.
type Style uint8

// The styles. The embedded model is trained on both corpora, with a copy of every
// feature private to each, so one model serves every convention.
const (
	// StyleDefault follows the package's guideline (see the package
	// documentation).
	StyleDefault Style = iota
	// StyleNERGrit follows NERGrit (encyclopedic text; more places, such as
	// Indonesia in "bahasa Indonesia", and titles inside names).
	StyleNERGrit
	// StyleIdner follows idner-news-2k, for comparison with its published
	// results: places inside titles are not tagged (Gubernur Jawa Tengah), and
	// institution names stop before their region and lists.
	StyleIdner
)

// String returns the style's name as "telaah entities --style" takes it.
func (s Style) String() string {
	switch s {
	case StyleDefault:
		return "default"
	case StyleNERGrit:
		return "nergrit"
	case StyleIdner:
		return "idner"
	}
	return fmt.Sprintf("Style(%d)", uint8(s))
}

// ParseStyle returns the style named name: default, idner or nergrit.
func ParseStyle(name string) (Style, error) {
	for _, s := range []Style{StyleDefault, StyleIdner, StyleNERGrit} {
		if strings.EqualFold(name, s.String()) {
			return s, nil
		}
	}
	return 0, fmt.Errorf("entity: unknown style %q (want default, idner or nergrit)", name)
}

// WithStyle returns a recognizer that shares r's model and follows style s. It has
// The style selects the model's private features of its corpus (NERGrit) and
// the repair rules that run (see the package documentation).
func (r *Recognizer) WithStyle(s Style) *Recognizer {
	c := *r.get()
	c.style = s
	return &c
}

// The model is generated from the shared NER corpora (see model/NOTICE), byte for
// byte the same on every run.
//go:generate sh -c "cd ../.. && go run ./cmd/telaah train-entities -learner ensemble -train ../shared/data/ner/idner-news-2k/train.txt -aux ../shared/data/ner/nergrit/train.txt -dev ../shared/data/ner/idner-news-2k/dev.txt -o analysis/entity/model/ner.model"

//go:embed model/ner.model
var embeddedModel []byte

var defaultGazetteer = sync.OnceValues(loadGazetteer)

// IsName reports whether word, in any case, is a name by itself on the
// package's lists: a common given name (Gunawan, Setiawan, Diego) or a place
// (Kerinci, Merapi, Milan). Stemming such a word may find other words (guna,
// setia, ego; rinci, rapi, mil), so package analysis does not stem it when it
// is capitalised, even at the start of a sentence or in a headline, and the
// queries of package index never stem it.
func IsName(word string) bool {
	g, err := defaultGazetteer()
	return err == nil && g.word(word)&(gazGiven|gazLOC) != 0
}

var defaultRecognizer = sync.OnceValues(func() (*Recognizer, error) {
	return Load(bytes.NewReader(embeddedModel))
})

// Default returns the recognizer with the embedded model. It is built once, on first
// use, and shared.
func Default() *Recognizer {
	r, err := defaultRecognizer()
	if err != nil {
		// The embedded model is part of the build; a broken one is a bug in the
		// package, not in its input.
		panic(fmt.Sprintf("entity: the embedded model is broken: %v", err))
	}
	return r
}

// Load reads a model written by [Recognizer.WriteModel], as written or gzip'd, and
// returns a recognizer that uses it with the embedded gazetteers and rules. A
// model larger than [MaxModelSize], corrupt (it carries a checksum) or of an
// older format is an error.
func Load(r io.Reader) (*Recognizer, error) {
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	m, err := readModel(r)
	if err != nil {
		return nil, err
	}
	return &Recognizer{m: m, gaz: g, pool: newTaggerPool(g)}, nil
}

// WriteModel writes the recognizer's model in the format that [Load] reads and
// the package embeds: quantised weights in the layout of the tagger's hash
// table, so that loading is a checked copy. It is not compressed; Load reads it
// gzip'd too ("telaah train-entities -o FILE.gz" writes it so).
func (r *Recognizer) WriteModel(w io.Writer) error {
	r = r.get()
	return writeModel(w, r.m.pack())
}

// Features returns the number of features in the recognizer's model.
func (r *Recognizer) Features() int {
	r = r.get()
	return r.m.numFeatures()
}

// get returns r, or the default recognizer for the zero value.
func (r *Recognizer) get() *Recognizer {
	if r == nil || r.m == nil {
		return Default()
	}
	return r
}

// Tag returns a BIO tag (B-PER, I-ORG, O…) for each of the words of one sentence,
// from the statistical model alone, without the repairs, rules, propagation and
// clustering of Extract; [Recognizer.TagSentences] runs all of them, and is what
// "telaah entities --conll" prints.
func (r *Recognizer) Tag(words []string) []string {
	r = r.get()
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	tags := tg.run(r.m, r.style, words)
	out := make([]string, len(tags))
	for i, t := range tags {
		out[i] = t.String()
	}
	return out
}

// Extract returns the entities in text, ordered by Start, not overlapping: the
// model's names after the repair rules (see the package documentation), and the
// rule-based dates, times and amounts.
func (r *Recognizer) Extract(text string) []Entity {
	r = r.get()
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	d := &tg.doc
	defer d.release()
	return r.extract(tg, text, d.tokenLines(text))
}

// ExtractSentences is Extract for text already split into sentences by tokenize.
// Token offsets must point into text; tokens whose offsets do not are ignored.
func (r *Recognizer) ExtractSentences(text string, sents []tokenize.Sentence) []Entity {
	r = r.get()
	tg := r.pool.Get().(*tagger)
	defer r.pool.Put(tg)
	d := &tg.doc
	defer d.release()
	return r.extract(tg, text, d.lines(text, sents))
}

// extract runs the stages of the pipeline (see the package documentation), its
// steps, over the lines of text (see docScratch.lines): Extract and
// ExtractSentences differ only in how they get them.
func (r *Recognizer) extract(tg *tagger, text string, kept [][]tokenize.Token) []Entity {
	d := &tg.doc
	out, words, acros := d.ents[:0], d.words[:0], d.acros[:0]
	starts, off := d.starts[:0], 0
	// 1. model and 2. repairs, line by line: the model's spans, the gazetteer
	// back-off, the repair rules of the style, titles stripped from persons.
	for i, toks := range kept {
		// A document's first line may be its headline even with one more
		// lower-case word (Polda Jatim Terima 214 Laporan … lewat WhatsApp).
		head := isHeadline(toks) || i == 0 && len(kept) > 1 && looseHeadline(toks)
		r.tagPiece(tg, text, toks, head, &words, &out, &acros)
		if d.tokCase {
			// The tokens at which a rule of step 3 may start, from what
			// the featurizer knows of their words (the lines are valid's,
			// one after the other).
			starts = numericStarts(starts, text, d.valid, off, words, tg.fz.info[:len(toks)], head)
			off += len(toks)
		}
	}
	d.starts = starts
	// 3. rules: dates, times and amounts over the whole text; over the
	// tokenizer's tokens, only around those at which one may start.
	switch {
	case len(kept) > 0 && d.tokCase:
		out = numericTokens(out, &tg.units, text, d.valid, starts)
	case len(kept) > 0:
		last := kept[len(kept)-1]
		out = numericEntities(out, &tg.units, text, kept[0][0].Start, last[len(last)-1].End)
	}
	// 4. resolution: one entity per stretch of text.
	out = resolveOverlaps(out, &d.merge)
	out = joinNameAbbrevs(text, out)
	// 5. propagation: the mentions the model missed of the names it found.
	out = propagate(d, text, kept, out, r.style)
	// 6. clustering: canonical forms and one confidence per entity.
	cluster(d, out)
	canonicalAcronyms(d, out, acros)
	aggregateConfidence(d, out)
	d.ents, d.words, d.acros = out, words, acros
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// lines returns the valid tokens of sents (see validTokens) split into lines
// (see splitLines); they share one backing array, d's.
func (d *docScratch) lines(text string, sents []tokenize.Sentence) [][]tokenize.Token {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	// The valid tokens of every sentence share one backing array, which never
	// grows (a sentence keeps at most its own tokens).
	valid := slices.Grow(d.valid[:0], n)
	kept := d.kept[:0]
	for _, s := range sents {
		if allValid(text, s.Tokens) {
			// The tokenizer's sentences, the index's: their tokens are
			// valid as they are, and are read in place, not copied.
			kept = splitLines(kept, text, s.Tokens[:len(s.Tokens):len(s.Tokens)])
			continue
		}
		start := len(valid)
		valid = validTokens(valid, text, s.Tokens)
		kept = splitLines(kept, text, valid[start:len(valid):len(valid)])
	}
	d.valid, d.kept, d.tokCase = valid, kept, false
	return kept
}

// tokenLines is lines for the sentences of tokenize.Sentences(text), without
// building them: the tokenizer's tokens go straight into d's backing array, which
// is kept from one call to the next, and the lines are cut where a token starts a
// sentence or a line break separates two tokens.
func (d *docScratch) tokenLines(text string) [][]tokenize.Token {
	// The tokenizer's offsets are in order and inside text, as validTokens
	// wants them: the tokens are valid as they come. The lines are cut at
	// their indexes once all are in (valid may move as it grows).
	valid, cuts := (tokenize.Tokenizer{}).AppendTokens(d.valid[:0], text), d.cuts[:0]
	for x := 1; x < len(valid); x++ {
		// A token is a cut where it starts a sentence or the gap before
		// it holds a line break. Most gaps are a space or none (the comma
		// after a word): the first byte after the token before, read
		// whatever the gap (it is the next token's own when there is none,
		// and then does not count), is no control character, the test
		// that most tokens take; only a longer gap is read on, rarely.
		t, end := &valid[x], valid[x-1].End
		gap, c := t.Start-end, text[end]
		if t.Flags&tokenize.SentenceStart != 0 || c <= '\r' && gap > 0 && (c == '\n' || c == '\r') ||
			gap > 1 && hasLineBreak(text[end+1:t.Start]) {
			cuts = append(cuts, int32(x))
		}
	}
	kept := d.kept[:0]
	from := 0
	for _, c := range cuts {
		kept = append(kept, valid[from:c:c])
		from = int(c)
	}
	if from < len(valid) {
		kept = append(kept, valid[from:])
	}
	d.valid, d.kept, d.cuts, d.tokCase = valid, kept, cuts, true
	return kept
}

// tagPiece tags one sentence (or line of one) and appends its named entities.
//
// acros receives the pairs of an acronym in brackets and the long name before it.
func (r *Recognizer) tagPiece(tg *tagger, text string, toks []tokenize.Token, headline bool, wordsBuf *[]string, out *[]Entity, acros *[][2]string) {
	words := slices.Grow((*wordsBuf)[:0], len(toks))[:len(toks)]
	trimmed := false // a word is not its token's text
	for k := range toks {
		t := &toks[k]
		w := t.Text
		if t.Kind == tokenize.Abbreviation && len(w) > 1 {
			// The corpora split the full stop off: Dr . Budi.
			w = strings.TrimSuffix(w, ".")
			trimmed = trimmed || len(w) != len(t.Text)
		}
		words[k] = w
	}
	if headline {
		r.sentenceCase(tg, words)
	}
	*wordsBuf = words
	tags := tg.run(r.m, r.style, words)
	// Where the model said O, the lists may say a well-known organisation;
	// but only where a phrase of their organisations starts (orgStart), in a
	// few sentences: in the others, neither the call nor its slice to clear.
	backed := false
	if tg.fz.orgStart {
		tg.backed = grow(tg.backed, len(words))
		clear(tg.backed)
		backed = tg.fz.gazBackoff(words, tags, tg.backed)
	}
	ss := &tg.spans
	ss.reset(words, tg.fz.info, false, r.style)
	// The words are in title case only if the line is a headline or its words
	// are not its tokens' texts: otherwise isHeadline(toks), false, has
	// counted them already.
	if headline || trimmed {
		ss.head = ss.titleCase()
	}
	ss.gaz = r.gaz
	ss.setTags(tags)
	if backed {
		// The model said O; the list says a well-known organisation.
		for k, b := range tg.backed {
			if b {
				ss.conf[k] = 0.5
			}
		}
	}
	ss.repair()
	var marg []float64
	spans := ss.spans()
	for _, sp := range spans {
		i, j, l := sp.i, sp.j, sp.l
		i = r.stripTitles(words, i, j, l)
		if i >= j {
			continue
		}
		conf := 1.0
		for k := i; k < j; k++ {
			c := ss.conf[k]
			if c == 0 {
				// The tagger's marginals, computed once a sentence and only
				// when a token has no confidence from a repair rule, for
				// the tokens from this one to the end of the last span
				// (the spans are in order).
				if marg == nil {
					marg = tg.marginalsIn(r.m, tags, k, spans[len(spans)-1].j)
				}
				c = marg[k]
			}
			conf = min(conf, c)
		}
		start, end := toks[i].Start, toks[j-1].End
		if last := toks[j-1]; j == len(toks) && last.Kind == tokenize.Abbreviation && len(last.Text) > 1 && strings.HasSuffix(last.Text, ".") {
			// The tokenizer took the sentence's full stop into an initial
			// (Hamengku Buwono X.): it ends the sentence, not the name.
			end--
		}
		*out = append(*out, Entity{
			Text:       text[start:end],
			Start:      start,
			End:        end,
			Label:      l,
			Confidence: conf,
		})
	}
	for _, a := range ss.acros {
		*acros = append(*acros, [2]string{
			text[toks[a.at].Start:toks[a.atEnd-1].End],
			text[toks[a.from].Start:toks[a.to-1].End],
		})
	}
}

// sentenceCase rewrites the words of a headline in place as running text would
// write them: a capitalised common word (its root is in the stemmer's lexicon:
// Sindir, Tembus, Pengguna) is lower-cased unless it is part of a name of the
// lists or a given name; the head of a name (Kota, Dinas, Pasar) keeps its capital
// only before a word that keeps its own. The first word stays as it is. Headlines
// capitalise every word, which the model, trained on running text, reads as one
// long name (Pavel Durov Sindir Facebook).
func (r *Recognizer) sentenceCase(tg *tagger, words []string) {
	n := len(words)
	tg.fz.begin = grow(tg.fz.begin, n)
	tg.fz.inside = grow(tg.fz.inside, n)
	clear(tg.fz.begin)
	clear(tg.fz.inside)
	r.gaz.match(words, tg.fz.begin, tg.fz.inside)
	for k := n - 1; k > 0; k-- {
		w := words[k]
		if wordCase(w) != cCap || (tg.fz.begin[k]|tg.fz.inside[k])&(gazLOC|gazORG) != 0 {
			continue
		}
		c := r.gaz.word(w)
		if c&(gazLOC|gazORG|gazGiven) != 0 {
			continue
		}
		if c&(gazLocHead|gazOrgHead) != 0 {
			if k+1 < n && wordCase(words[k+1]) != cLower && wordCase(words[k+1]) != cNone {
				continue // the head of a name: di Kota Bekasi
			}
			words[k] = strings.ToLower(w)
			continue
		}
		if tg.spans.isCommon(w) {
			words[k] = strings.ToLower(w)
		}
	}
}

// isCommon is isCommonWord(w), remembered for the next sentences and calls:
// the stemmer's analysis is the dearest step of sentenceCase and of the rules
// that ask it, and news uses the same common words again and again.
func (s *spanSet) isCommon(w string) bool { return remember(&s.common, w, isCommonWord) }

// isDerived is isDerivedWord(w), remembered as isCommon is.
func (s *spanSet) isDerived(w string) bool { return remember(&s.derived, w, isDerivedWord) }

// remember returns f(w), from memo when f has said it before; memo holds up to
// maxLexMemo answers, under copies of the words (not to keep the texts they
// come from).
func remember(memo *map[string]bool, w string, f func(string) bool) bool {
	if v, ok := (*memo)[w]; ok {
		return v
	}
	v := f(w)
	if *memo == nil || len(*memo) >= maxLexMemo {
		*memo = make(map[string]bool)
	}
	(*memo)[strings.Clone(w)] = v
	return v
}

// isCommonWord reports whether w is a common Indonesian word: its root is in the
// stemmer's lexicon (Sindir, Pengguna, Teknologi), and it is neither protected
// as a name nor judged English.
func isCommonWord(w string) bool {
	a := stem.Default().Analyze(w)
	return a.Found && !a.Protected && !a.English
}

// headlineLower are the short words that title case leaves in lower case.
var headlineLower = map[string]bool{
	"di": true, "ke": true, "dari": true, "dan": true, "yang": true, "untuk": true,
	"pada": true, "dengan": true, "atau": true, "ini": true, "itu": true, "dalam": true,
	"oleh": true, "akan": true, "tak": true, "tidak": true, "jadi": true, "vs": true,
	"bagi": true, "soal": true, "usai": true, "jelang": true, "of": true, "the": true,
	"and": true, "in": true, "juta": true, "miliar": true, "triliun": true, "ribu": true,
}

// isHeadline reports whether a sentence is written in title case, as headlines
// are: at least four words, at least 80% of them capitalised, and the others short
// function words.
func isHeadline(toks []tokenize.Token) bool {
	var c caseCount
	for _, t := range toks {
		if c.add(t.Text); c.other > 1 {
			return false // running text, most sentences: no need to read on
		}
	}
	return c.titleCase(false)
}

// looseHeadline is isHeadline allowing one lower-case word that is not a function
// word when eight words or more are capitalised, for a line that does not end as
// sentences do.
func looseHeadline(toks []tokenize.Token) bool {
	if n := len(toks); n == 0 || strings.ContainsAny(toks[n-1].Text, ".!?") {
		return false
	}
	var c caseCount
	for _, t := range toks {
		if c.add(t.Text); c.other > 1 {
			return false
		}
	}
	return c.titleCase(true)
}

// titleCase is isHeadline over words.
func titleCase(words []string) bool {
	var c caseCount
	for _, w := range words {
		if c.add(w); c.other > 1 {
			return false
		}
	}
	return c.titleCase(false)
}

// titleCase is titleCase(s.words), read from what the featurizer and reset
// have found of the tokens (their case classes and tables) instead of the
// words' bytes.
func (s *spanSet) titleCase() bool {
	var c caseCount
	for k := range s.info {
		switch s.info[k].cas {
		case cCap, cUpper, cMixed:
			c.caps++
		case cLower:
			// A word of headlineLower as written: without a full stop, which
			// spanSet.in takes off.
			if w := s.words[k]; s.in(tabHeadlineLower, k) && w[len(w)-1] != '.' {
				c.function++
			} else if c.other++; c.other > 1 {
				return false
			}
		}
	}
	return c.titleCase(false)
}

// caseCount counts the words of a sentence by case.
type caseCount struct{ caps, function, other int }

// add counts the word w: a capitalised word (hasCapital), a function word of
// headlineLower or another word in lower case (wordCase cLower); a word of
// neither case is not counted.
//
// It reads an ASCII word once, for hasCapital and wordCase at the same time
// (a capital, a digit first or a lower-case letter), and looks a short word
// in lower case up among the packed words of headlineLower (isHeadlineLower);
// another word, as those two do.
func (c *caseCount) add(w string) {
	lower := false
	for i := 0; i < len(w); i++ {
		switch b := w[i]; {
		case b >= utf8.RuneSelf:
			c.addRunes(w)
			return
		case 'A' <= b && b <= 'Z':
			// cCap, cUpper or cMixed, told by the first capital.
			c.caps++
			return
		case i == 0 && '0' <= b && b <= '9':
			return // cDigit: neither a capital nor in lower case
		case 'a' <= b && b <= 'z':
			lower = true
		}
	}
	if !lower {
		return // cNone
	}
	// cLower, ASCII: lower-cased, w is itself.
	if len(w) <= headlineLowerMax && isHeadlineLower(w) {
		c.function++
	} else {
		c.other++
	}
}

// addRunes is add for a word with a byte that is not ASCII.
func (c *caseCount) addRunes(w string) {
	if hasCapital(w) {
		c.caps++
		return
	}
	if wordCase(w) == cLower {
		if len(w) <= headlineLowerMax && lowerIn(headlineLower, w) {
			c.function++
		} else {
			c.other++
		}
	}
}

// headlineLowerSet holds the words of headlineLower as headlineKey makes
// them, open-addressed by packedSlot: isHeadlineLower finds a word with a
// multiplication and a load or two, not a hash of its bytes and a map.
var headlineLowerSet = func() (t [64]uint64) {
	for w := range headlineLower {
		if len(w) > 7 || strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf || 'A' <= r && r <= 'Z' }) >= 0 {
			panic("entity: headlineLower holds " + w + ", not a lower-case ASCII word of at most seven bytes")
		}
		k := headlineKey(w)
		i := packedSlot(k)
		for t[i] != 0 {
			i = (i + 1) % uint64(len(t))
		}
		t[i] = k
	}
	return t
}()

// headlineKey returns the ASCII word w, of at most seven bytes, lower-cased
// as a little-endian number (packedLower), with its length in the high byte:
// a NUL byte at its end does not make it another word.
func headlineKey(w string) uint64 { return packedLower(w) | uint64(len(w))<<56 }

// packedSlot is the first slot of headlineLowerSet for the key k.
func packedSlot(k uint64) uint64 { return k * 0x9E3779B97F4A7C15 >> 58 }

// isHeadlineLower reports whether the lower-case ASCII word w, of at most
// seven bytes, is in headlineLower.
func isHeadlineLower(w string) bool {
	k := headlineKey(w)
	for i := packedSlot(k); headlineLowerSet[i] != 0; i = (i + 1) % uint64(len(headlineLowerSet)) {
		if headlineLowerSet[i] == k {
			return true
		}
	}
	return false
}

// headlineLowerMax is the length of the longest word of headlineLower, whose
// words are ASCII: a word without capitals that is longer is none of them
// (lowered, it stays as it is or holds no ASCII letter a capital would
// become).
var headlineLowerMax = func() int {
	n := 0
	for w := range headlineLower {
		for i := 0; i < len(w); i++ {
			if w[i] >= utf8.RuneSelf {
				return math.MaxInt // no bound for a non-ASCII word
			}
		}
		n = max(n, len(w))
	}
	return n
}()

// titleCase reports whether the words counted are in title case: at least four
// words, at least 80% of them capitalised, the others short function words (but
// one, if loose, when eight words or more are capitalised).
func (c caseCount) titleCase(loose bool) bool {
	n := c.caps + c.function + c.other
	if c.other > 1 || c.other == 1 && (!loose || c.caps < 8) {
		return false
	}
	return n >= 4 && c.caps*10 >= n*8
}

// splitLines appends to out the pieces of a sentence's tokens, split where a line
// break separates two of them: headlines, captions and list items are often run
// together with the next sentence, and no name spans a line break.
func splitLines(out [][]tokenize.Token, text string, toks []tokenize.Token) [][]tokenize.Token {
	from := 0
	for i := 1; i < len(toks); i++ {
		if hasLineBreak(text[toks[i-1].End:toks[i].Start]) {
			out = append(out, toks[from:i])
			from = i
		}
	}
	if from < len(toks) {
		out = append(out, toks[from:])
	}
	return out
}

// hasLineBreak reports whether s holds a line feed or a carriage return.
func hasLineBreak(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return true
		}
	}
	return false
}

// keepTitles are titles that belong to the name they precede (Sri Mulyani, Gus
// Dur, Sultan Hamengku Buwono).
var keepTitles = map[string]bool{
	"sri": true, "putri": true, "putra": true, "raja": true, "ratu": true, "sultan": true,
	"pangeran": true, "gus": true, "habib": true, "mas": true, "bang": true, "kak": true,
	"si": true, "sang": true, "baginda": true, "syekh": true, "romo": true, "paus": true,
	"tuan": true, "nyonya": true, "nona": true,
}

// isHonorific reports whether word (with gazetteer classes c) is a title to leave
// out of a person's span.
func isHonorific(c gazClass, word string) bool {
	if c&gazTitle == 0 || c&gazGiven != 0 {
		return false
	}
	return !lowerIn(keepTitles, strings.TrimSuffix(word, "."))
}

// validTokens appends to dst the tokens of ts whose offsets are in order and inside
// text.
func validTokens(dst []tokenize.Token, text string, ts []tokenize.Token) []tokenize.Token {
	last := 0
	for _, t := range ts {
		if t.Start < last || t.End <= t.Start || t.End > len(text) {
			continue
		}
		if t.Text != text[t.Start:t.End] {
			t.Text = text[t.Start:t.End]
		}
		dst = append(dst, t)
		last = t.End
	}
	return dst
}

// allValid reports whether validTokens would keep every token of ts as it is.
func allValid(text string, ts []tokenize.Token) bool {
	last := 0
	for _, t := range ts {
		if t.Start < last || t.End <= t.Start || t.End > len(text) || t.Text != text[t.Start:t.End] {
			return false
		}
		last = t.End
	}
	return true
}

// stripTitles moves the start of a PER span past leading titles and honorifics
// (Presiden, Bapak, Dr., H.) so that every person's span is the name alone.
func (r *Recognizer) stripTitles(words []string, i, j int, l Label) int {
	if l != PER {
		return i
	}
	for i < j-1 && (isHonorific(r.gaz.word(words[i]), words[i]) || words[i] == ".") {
		i++
	}
	return i
}
