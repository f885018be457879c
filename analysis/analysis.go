// Package analysis is Telaah's text pipeline for Indonesian: it normalises text,
// tokenizes it, marks stopwords, stems, and finds named entities.
//
// A [Pipeline] turns text into [Term]s: every token of the tokenizer keeps its byte
// offsets into the original text and gains a normalised form ([Normalize]), a
// stopword mark ([IsStopword]), a proper-noun mark and a stem. Proper nouns — a
// capitalised word that does not start a sentence, any word inside a named
// entity, and a capitalised word that the entity lists know as a given name or a
// place ([entity.IsName]) wherever it is — are only lower-cased, never stemmed, so
// that Bekasi stays bekasi and does not become bekas, nor Gunawan guna.
// Capitalisation is otherwise ignored in sentences written in title case
// (headlines), where it says nothing about names.
package analysis

import (
	_ "embed"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
)

//go:embed stopwords.txt
var stopwordFile string

// stopwordSet is the embedded stopword list, built once.
var stopwordSet = sync.OnceValue(func() map[string]struct{} {
	m := make(map[string]struct{}, 128)
	for _, w := range strings.Split(stopwordFile, "\n") {
		if w = strings.TrimSpace(w); w != "" && !strings.HasPrefix(w, "#") {
			m[w] = struct{}{}
		}
	}
	return m
})

// stopTable is the stopword list as an open-addressed table keyed by the length
// and first, second and last bytes of a word: a look-up costs a multiplication
// and a comparison or two, not a string hash.
type stopTable struct {
	slots  [1 << stopBits]string
	maxLen int
}

const stopBits = 10

func stopSlot(w string) uint32 {
	k := uint32(len(w))<<24 | uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[len(w)-1])
	return k * 0x9E3779B1 >> (32 - stopBits)
}

var stopwords = sync.OnceValue(func() *stopTable {
	t := &stopTable{}
	for w := range stopwordSet() {
		if len(w) < 2 {
			panic("analysis: a stopword of one byte: " + w) // the table reads two
		}
		s := stopSlot(w)
		for t.slots[s] != "" {
			s = (s + 1) & (1<<stopBits - 1)
		}
		t.slots[s] = w
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
})

// IsStopword reports whether the lower-case word is an Indonesian stopword: a
// function word such as yang, dan, di or tersebut that carries no topic. The list is
// Telaah's own (see [Stopwords]); negations such as tidak and bukan are not on it.
func IsStopword(lower string) bool { return stopwords().has(lower) }

// has reports whether the lower-case word w is on the list.
func (t *stopTable) has(w string) bool {
	if len(w) < 2 || len(w) > t.maxLen {
		return false
	}
	for s := stopSlot(w); t.slots[s] != ""; s = (s + 1) & (1<<stopBits - 1) {
		if t.slots[s] == w {
			return true
		}
	}
	return false
}

// Stopwords returns the embedded stopword list, sorted. The slice is a fresh copy.
func Stopwords() []string {
	out := make([]string, 0, len(stopwordSet()))
	for w := range stopwordSet() {
		out = append(out, w)
	}
	slices.Sort(out)
	return out
}

// Normalize returns the normalised, lower-case form of a word: letters are
// lower-cased, Latin letters with diacritics lose them (é → e), typographic
// apostrophes become ' and invisible characters (soft hyphen, zero-width space and
// joiners, byte-order mark) are removed. Plain lower-case ASCII is returned as is,
// without allocating.
func Normalize(s string) string {
	i := plainPrefix(s)
	if i == len(s) {
		return s
	}
	return string(appendNormalized(make([]byte, 0, len(s)), s, i))
}

// plainPrefix returns the length of the prefix of s that is plain lower-case
// ASCII, which Normalize leaves as it is.
func plainPrefix(s string) int {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	return i
}

// appendNormalized appends Normalize(s) to dst, given that s[:i] is plain
// lower-case ASCII.
func appendNormalized(dst []byte, s string, i int) []byte {
	dst = append(dst, s[:i]...)
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		case r == utf8.RuneError:
			dst = utf8.AppendRune(dst, r)
			continue
		}
		if f, ok := fold[r]; ok {
			if f != 0 {
				dst = utf8.AppendRune(dst, f)
			}
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			if f != 0 {
				dst = utf8.AppendRune(dst, f)
			}
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// IsNormalized reports whether Normalize leaves the word b as it is, without
// allocating: the test a token filter makes before normalising a term.
func IsNormalized(b []byte) bool {
	for i, c := range b {
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			s := string(b[i:]) // a short word: on the stack
			return Normalize(s) == s
		}
	}
	return true
}

// fold maps a lower-case rune to its normal form; 0 deletes the rune.
var fold = map[rune]rune{
	'à': 'a', 'á': 'a', 'â': 'a', 'ã': 'a', 'ä': 'a', 'å': 'a', 'ā': 'a',
	'è': 'e', 'é': 'e', 'ê': 'e', 'ë': 'e', 'ē': 'e',
	'ì': 'i', 'í': 'i', 'î': 'i', 'ï': 'i', 'ī': 'i',
	'ò': 'o', 'ó': 'o', 'ô': 'o', 'õ': 'o', 'ö': 'o', 'ō': 'o',
	'ù': 'u', 'ú': 'u', 'û': 'u', 'ü': 'u', 'ū': 'u',
	'ñ': 'n', 'ç': 'c', 'ý': 'y', 'ÿ': 'y',
	'\u2018': '\'', '\u2019': '\'', '\u02bc': '\'', '\u00b4': '\'', '`': '\'',
	'\u00ad': 0, '\u200b': 0, '\u200c': 0, '\u200d': 0, '\u2060': 0, '\ufeff': 0,
}

// Term is one token as analysis sees it.
type Term struct {
	tokenize.Token
	Norm     string // normalised, lower-case form (of a proper noun: without its enclitic)
	Stem     string // root from the stemmer ("" for non-words)
	Stopword bool
	Proper   bool // protected from stemming: a proper noun or inside an entity
}

// Key returns the form of the term that a search index stores: the stem of a word,
// the normalised form of a number, URL, e-mail address, mention, hashtag or
// abbreviation (without its final full stop), and "" for punctuation, symbols and
// emoji, which are not indexed.
func (t Term) Key() string {
	switch t.Kind {
	case tokenize.Word:
		if t.Stem != "" {
			return t.Stem
		}
		return t.Norm
	case tokenize.Number, tokenize.URL, tokenize.Email, tokenize.Mention, tokenize.Hashtag:
		return t.Norm
	case tokenize.Abbreviation:
		return strings.TrimSuffix(t.Norm, ".")
	}
	return ""
}

// Pipeline runs the analysis. The zero value uses the default tokenizer, stemmer
// and entity recognizer. A Pipeline is safe for concurrent use.
type Pipeline struct {
	Tokenizer  tokenize.Tokenizer
	Stemmer    *stem.Stemmer
	Recognizer *entity.Recognizer
}

// Document is the analysis of one text.
type Document struct {
	Text      string
	Terms     []Term
	Sentences []tokenize.Sentence
	Entities  []entity.Entity
}

func (p *Pipeline) stemmer() *stem.Stemmer {
	if p != nil && p.Stemmer != nil {
		return p.Stemmer
	}
	return stem.Default()
}

func (p *Pipeline) recognizer() *entity.Recognizer {
	if p != nil && p.Recognizer != nil {
		return p.Recognizer
	}
	return entity.Default()
}

func (p *Pipeline) tokenizer() tokenize.Tokenizer {
	if p == nil {
		return tokenize.Tokenizer{}
	}
	return p.Tokenizer
}

// Terms tokenizes, normalises and stems text without finding entities: proper nouns
// are recognised by their capitalisation alone.
func (p *Pipeline) Terms(text string) []Term {
	return p.terms(p.tokenizer().Sentences(text), nil, true)
}

// SentenceTerms is [Pipeline.Terms] on sentences the pipeline's tokenizer has
// already split (p.Tokenizer.Sentences(text)), for a caller that needs both the
// sentences and the terms without tokenizing the text twice.
func (p *Pipeline) SentenceTerms(sents []tokenize.Sentence) []Term {
	return p.terms(sents, nil, true)
}

// Prepare is [Pipeline.Terms] without the stemming: terms are normalised and marked
// as stopwords and proper nouns, and Stem is left empty, for a later stage that
// stems (such as the bleve token filter in package index). The Norm of a proper noun
// with an enclitic is its base without the clitic (Telegramnya → telegram).
func (p *Pipeline) Prepare(text string) []Term {
	return p.terms(p.tokenizer().Sentences(text), nil, false)
}

// Analyze runs the whole pipeline on text: sentences, terms and entities. Words
// inside person, organisation and place entities are protected from stemming even
// where capitalisation does not show it (at the start of a sentence, in headlines).
func (p *Pipeline) Analyze(text string) *Document {
	sents := p.tokenizer().Sentences(text)
	ents := p.recognizer().ExtractSentences(text, sents)
	return &Document{Text: text, Terms: p.terms(sents, ents, true), Sentences: sents, Entities: ents}
}

// AnalyzeEach is [Pipeline.Analyze] that calls yield with each term, in order,
// instead of keeping them: it returns the sentences and entities of the
// Document that Analyze returns, whose Terms are those yield saw, until yield
// returns false. The Term passed to yield is valid only until yield returns;
// its strings stay valid. An indexer that turns the terms into postings uses
// it to keep no slice of Terms.
func (p *Pipeline) AnalyzeEach(text string, yield func(t *Term) bool) ([]tokenize.Sentence, []entity.Entity) {
	sents := p.tokenizer().Sentences(text)
	ents := p.recognizer().ExtractSentences(text, sents)
	tw := termWriter{ents: ents, stemming: true, stop: stopwords(), memo: p.stemmer().Memo(), lex: p.stemmer().Lexicon()}
	defer tw.memo.Release()
	for _, s := range sents {
		if !tw.sentence(s.Tokens, yield) {
			break
		}
	}
	return sents, ents
}

// terms turns the tokens of sents into Terms, protecting capitalised non-initial
// words and the words inside the name entities ents (ordered by Start). It stems
// when stemming is set.
func (p *Pipeline) terms(sents []tokenize.Sentence, ents []entity.Entity, stemming bool) []Term {
	n := 0
	for _, s := range sents {
		n += len(s.Tokens)
	}
	out := make([]Term, 0, n)
	tw := termWriter{ents: ents, stemming: stemming, stop: stopwords(), lex: p.stemmer().Lexicon()}
	if stemming {
		tw.memo = p.stemmer().Memo()
		defer tw.memo.Release()
	}
	for _, s := range sents {
		tw.sentence(s.Tokens, func(t *Term) bool {
			out = append(out, *t)
			return true
		})
	}
	return out
}

// PrepareEach calls yield with each term of text, in order, as [Pipeline.Prepare]
// returns them, until yield returns false. It holds one sentence at a time and
// allocates nothing per term: the Term passed to yield, and the Norm of a word
// that normalising changed, are valid only until yield returns (the other
// strings are substrings of text). Token filters and indexers that copy what they
// keep use it instead of Prepare.
func (p *Pipeline) PrepareEach(text string, yield func(t *Term) bool) {
	tw := termWriter{scratch: true, stop: stopwords(), lex: p.stemmer().Lexicon()}
	var sent []tokenize.Token
	for tok := range p.tokenizer().All(text) {
		if tok.Is(tokenize.SentenceStart) && len(sent) > 0 {
			if !tw.sentence(sent, yield) {
				return
			}
			sent = sent[:0]
		}
		sent = append(sent, tok)
	}
	tw.sentence(sent, yield)
}

// termWriter turns the tokens of a text, a sentence at a time, into Terms.
type termWriter struct {
	memo     *stem.Memo // of the pipeline's stemmer, when stemming
	stop     *stopTable
	ents     []entity.Entity
	e        int // the first entity that may cover the current token
	stemming bool
	lex      *stem.RootLexicon // the pipeline's stemmer's, for listName
	// scratch: the Norm of a word that normalising changes is written to buf
	// and valid until the next term, instead of allocated.
	scratch bool
	buf     []byte
	t       Term // the term handed to yield, here to stay off the heap
}

// listName reports whether the capitalised word w, at a sentence start or in a
// headline, is a name all the same: a given name or a place of the entity
// lists (entity.IsName) that is not also an Indonesian root. Gunawan and
// Kerinci are names wherever they stand (their stems, guna and rinci, are other
// words); Hari, Tim and Putri are names on the lists but words too, and start
// sentences as words.
func (tw *termWriter) listName(w string) bool {
	return entity.IsName(w) && !tw.lex.Contains(w)
}

// norm returns Normalize(s), on the scratch buffer when tw.scratch is set.
func (tw *termWriter) norm(s string) string {
	i := plainPrefix(s)
	if i == len(s) {
		return s
	}
	if !tw.scratch {
		return string(appendNormalized(make([]byte, 0, len(s)), s, i))
	}
	tw.buf = appendNormalized(tw.buf[:0], s, i)
	return unsafe.String(unsafe.SliceData(tw.buf), len(tw.buf))
}

// sentence calls yield with the Term of each token of one sentence, and reports
// whether yield always returned true.
func (tw *termWriter) sentence(toks []tokenize.Token, yield func(*Term) bool) bool {
	ents := tw.ents
	title := titleCase(toks)
	initial := true
	t := &tw.t
	for i := range toks {
		tok := &toks[i]
		t.Token, t.Norm, t.Stem, t.Stopword, t.Proper = *tok, "", "", false, false
		switch tok.Kind {
		case tokenize.Word:
			for tw.e < len(ents) && ents[tw.e].End <= tok.Start {
				tw.e++
			}
			inName := tw.e < len(ents) && ents[tw.e].Start < tok.End && isName(ents[tw.e].Label)
			c := tok.Case
			if c == tokenize.NoCase {
				c = caseOf(tok.Text)
			}
			capital := c != tokenize.Lower && c != tokenize.NoCase
			t.Proper = inName || capital && (!initial && !title || tw.listName(tok.Text))
			if t.Proper && tok.Enc > 0 {
				// A name keeps its clitic off: Jakarta-nya, Telegramnya.
				_, base, _ := tok.Split()
				t.Norm = tw.norm(base)
			} else {
				t.Norm = tw.norm(tok.Text)
				t.Stopword = !t.Proper && tw.stop.has(t.Norm)
			}
			if tw.stemming && t.Proper {
				t.Stem = t.Norm // normalised: lower-case already
			} else if tw.stemming {
				// StemBytes, not StemToken: the stemmer's caches keep a copy of
				// the word, not a substring that would keep the text alive.
				t.Stem = tw.memo.StemBytes(unsafe.Slice(unsafe.StringData(t.Norm), len(t.Norm)))
			}
			initial = false
		case tokenize.Punct:
			t.Norm = tw.norm(tok.Text)
			initial = initial || opensClause(tok.Text)
		default:
			t.Norm = tw.norm(tok.Text)
			initial = false
		}
		if !yield(t) {
			return false
		}
	}
	return true
}

// isName reports whether entities of label l are names whose words must not be
// stemmed.
func isName(l entity.Label) bool {
	return l == entity.PER || l == entity.ORG || l == entity.LOC
}

// opensClause reports whether a punctuation token makes the next word initial, so
// that its capital letter says nothing about it being a name: an opening quote,
// bracket, colon or dash.
func opensClause(p string) bool {
	switch p {
	case "\"", "“", "'", "‘", "(", "[", ":", "-", "–", "—", "«":
		return true
	}
	return false
}

// titleCase reports whether a sentence is written in title case, as headlines are:
// at least three words after the first, and every one of them that is not a
// stopword starts with a capital letter.
func titleCase(toks []tokenize.Token) bool {
	words, first := 0, true
	for _, t := range toks {
		if t.Kind != tokenize.Word {
			continue
		}
		if first {
			first = false
			continue
		}
		c := t.Case
		if c == tokenize.NoCase {
			c = caseOf(t.Text)
		}
		switch c {
		case tokenize.Lower:
			if !IsStopword(Normalize(t.Text)) {
				return false
			}
		case tokenize.Capitalised, tokenize.Upper, tokenize.Mixed:
			words++
		}
	}
	return words >= 3
}

// caseOf computes the capitalisation of a word, for tokenizers that leave it unset.
func caseOf(s string) tokenize.Case {
	upper, lower, firstUpper, seen := 0, 0, false, false
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			if !seen {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		default:
			continue
		}
		seen = true
	}
	switch {
	case upper == 0 && lower == 0:
		return tokenize.NoCase
	case upper == 0:
		return tokenize.Lower
	case lower == 0:
		return tokenize.Upper
	case firstUpper && upper == 1:
		return tokenize.Capitalised
	}
	return tokenize.Mixed
}
