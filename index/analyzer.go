package index

import (
	"fmt"
	"iter"
	"strings"
	"unsafe"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/analysis/stem"
	"github.com/telaah/telaah/tokenize"
)

// The names under which package index registers its components with bleve. A
// mapping may name them after a blank import of this package:
//
//	import _ "github.com/telaah/telaah/index"
//	...
//	fieldMapping.Analyzer = "id"
const (
	// AnalyzerName is the Indonesian analyzer: [TokenizerName], then
	// [NormalizeFilterName], [StopFilterName] and [StemFilterName].
	AnalyzerName = "id"
	// TokenizerName is Telaah's tokenizer: it emits normalised words, numbers, URLs,
	// e-mail addresses, mentions, hashtags and abbreviations with their byte offsets
	// into the original text, and marks proper nouns as keywords (Token.KeyWord), so
	// that the stem filter leaves them alone. Punctuation, symbols and emoji are
	// dropped without using up a position. Config: "entities" (bool, default false)
	// also protects words inside named entities found by the entity recognizer,
	// which is slower.
	TokenizerName = "telaah_tokenizer"
	// NormalizeFilterName lower-cases and normalises tokens with
	// analysis.Normalize; it is a no-op on the output of [TokenizerName].
	NormalizeFilterName = "telaah_normalize"
	// StopFilterName removes Telaah's Indonesian stopwords (analysis.IsStopword),
	// except tokens marked as keywords. The positions of the tokens that remain are
	// unchanged, so phrase queries keep their gaps.
	StopFilterName = "telaah_stop"
	// StemFilterName stems the tokens not marked as keywords with the default
	// stemmer. Config: "keep_surface" (bool, default true) keeps the normalised
	// word beside its stem, at the same position and offsets, whenever the two
	// differ. In a query this costs nothing and lets a lower-case query for a
	// name the stemmer mistakes for an affixed word (kejagung) find the name
	// indexed as such; in indexed text it makes exact forms score higher, at the
	// cost of about a third more postings (Index.Add indexes stems only unless
	// Options.KeepSurface is set).
	StemFilterName = "telaah_stem"
)

func init() {
	must := func(err error) {
		if err != nil {
			panic(fmt.Sprintf("telaah/index: registering with bleve: %v", err))
		}
	}
	must(registry.RegisterTokenizer(TokenizerName, tokenizerConstructor))
	must(registry.RegisterTokenFilter(NormalizeFilterName, normalizeConstructor))
	must(registry.RegisterTokenFilter(StopFilterName, stopConstructor))
	must(registry.RegisterTokenFilter(StemFilterName, stemConstructor))
	must(registry.RegisterAnalyzer(AnalyzerName, analyzerConstructor))
}

func analyzerConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
	// The components must be registered, as a mapping that names them expects;
	// the analyzer itself runs them in one pass (see Analyzer).
	if _, err := cache.TokenizerNamed(TokenizerName); err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", AnalyzerName, err)
	}
	for _, name := range []string{NormalizeFilterName, StopFilterName, StemFilterName} {
		if _, err := cache.TokenFilterNamed(name); err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", AnalyzerName, err)
		}
	}
	return &Analyzer{KeepSurface: true}, nil
}

// Analyzer is the analyzer registered as [AnalyzerName]: [Tokenizer] (without
// entities), [NormalizeFilter], [StopFilter] and [StemFilter] in one pass over
// the terms of analysis.Pipeline.PrepareEach, so that each word is normalised,
// looked up in the stopword list and stemmed once, and nothing is allocated per
// token but what bleve's API asks for (a *Token each), carved out of a few slabs.
// Its tokens are those of the chain of the four components. The zero value uses
// the default pipeline and stemmer; it is safe for concurrent use.
type Analyzer struct {
	// Pipeline is the analysis pipeline; nil means the default one.
	Pipeline *ta.Pipeline
	// Stemmer stems; nil means stem.Default().
	Stemmer *stem.Stemmer
	// KeepSurface keeps the normalised word beside its stem (see
	// [StemFilterName]); the registered "id" analyzer sets it.
	KeepSurface bool
}

// Analyze implements bleve's analysis.Analyzer. The terms are copied to one
// buffer: nothing keeps the input.
func (a *Analyzer) Analyze(input []byte) analysis.TokenStream {
	st := a.Stemmer
	if st == nil {
		st = stem.Default()
	}
	memo := st.Memo()
	defer memo.Release()
	text := unsafe.String(unsafe.SliceData(input), len(input))
	w := newTokenWriter(len(input))
	pos := 0
	a.Pipeline.PrepareEach(text, func(t *ta.Term) bool {
		surface := surfaceOf(t)
		if surface == "" {
			return true
		}
		pos = nextPosition(pos, t)
		if t.Stopword {
			return true
		}
		tok := analysis.Token{
			Start:    t.Start,
			End:      t.End,
			Position: pos,
			Type:     tokenType(t),
			KeyWord:  t.Proper || t.Kind != tokenize.Word,
		}
		term := w.bytesOf(surface)
		if !tok.KeyWord && tok.Type == analysis.AlphaNumeric {
			if s := memo.StemBytes(term); s != "" && s != surface {
				if !a.KeepSurface {
					tok.Term = w.bytesOf(s)
					w.add(tok)
					return true
				}
				st := tok
				st.Term = w.bytesOf(s)
				w.add(st)
			}
		}
		tok.Term = term
		w.add(tok)
		return true
	})
	return w.out
}

func boolConfig(config map[string]interface{}, key string, def bool) (bool, error) {
	v, ok := config[key]
	if !ok {
		return def, nil
	}
	b, ok := v.(bool)
	if !ok {
		return false, fmt.Errorf("config %q must be a bool, not %T", key, v)
	}
	return b, nil
}

func tokenizerConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.Tokenizer, error) {
	ents, err := boolConfig(config, "entities", false)
	if err != nil {
		return nil, fmt.Errorf("tokenizer %s: %w", TokenizerName, err)
	}
	return &Tokenizer{Entities: ents}, nil
}

func normalizeConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
	return NormalizeFilter{}, nil
}

func stopConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
	return StopFilter{}, nil
}

func stemConstructor(config map[string]interface{}, cache *registry.Cache) (analysis.TokenFilter, error) {
	keep, err := boolConfig(config, "keep_surface", true)
	if err != nil {
		return nil, fmt.Errorf("token filter %s: %w", StemFilterName, err)
	}
	return &StemFilter{KeepSurface: keep}, nil
}

// Tokenizer is the bleve tokenizer registered as [TokenizerName]. It runs the
// Telaah pipeline (analysis.Pipeline.Prepare, or Analyze when Entities is set) and
// hands its proper-noun decisions to the filters through Token.KeyWord. The zero
// value uses the default pipeline; it is safe for concurrent use.
type Tokenizer struct {
	// Pipeline is the analysis pipeline; nil means the default one.
	Pipeline *ta.Pipeline
	// Entities protects words inside named entities too (slower).
	Entities bool
}

// Tokenize implements bleve's analysis.Tokenizer.
func (z *Tokenizer) Tokenize(input []byte) analysis.TokenStream {
	if z.Entities {
		return z.tokenizeEntities(string(input))
	}
	// The terms are copied to the writer's slabs: nothing keeps the text.
	text := unsafe.String(unsafe.SliceData(input), len(input))
	w := newTokenWriter(len(input))
	pos := 0
	z.Pipeline.PrepareEach(text, func(t *ta.Term) bool {
		surface := surfaceOf(t)
		if surface == "" {
			return true
		}
		pos = nextPosition(pos, t)
		w.add(analysis.Token{
			Start:    t.Start,
			End:      t.End,
			Term:     w.bytesOf(surface),
			Position: pos,
			Type:     tokenType(t),
			KeyWord:  t.Proper || t.Kind != tokenize.Word,
		})
		return true
	})
	return w.out
}

// tokenizeEntities is Tokenize with the entity-aware proper-noun decisions of
// analysis.Pipeline.Analyze.
func (z *Tokenizer) tokenizeEntities(text string) analysis.TokenStream {
	terms := z.Pipeline.Analyze(text).Terms
	n, size := 0, 0
	for i := range terms {
		if surface := surfaceOf(&terms[i]); surface != "" {
			n++
			size += len(surface)
		}
	}
	sl := newSlab(n, size)
	for t := range indexed(terms) {
		sl.add(analysis.Token{
			Start:    t.Start,
			End:      t.End,
			Term:     sl.bytesOf(t.surface),
			Position: t.pos,
			Type:     tokenType(t.Term),
			KeyWord:  t.Proper || t.Kind != tokenize.Word,
		})
	}
	return sl.out
}

// tokenWriter carves the tokens of a stream and their terms out of slabs, for a
// stream whose length is not known beforehand: a new slab, twice the last, when
// one is full, so that tokens already handed out stay where they are. Each term
// is a full slice expression, so a filter that appends to one cannot overwrite
// the next.
type tokenWriter struct {
	tokens []analysis.Token
	buf    []byte
	out    analysis.TokenStream
}

// newTokenWriter returns a writer sized for the tokens of size bytes of text:
// Indonesian news has a token every 7 bytes, stopwords left out and the surface
// kept beside the stem, and their terms take nine tenths of the text's bytes.
func newTokenWriter(size int) *tokenWriter {
	n := size/7 + 4
	return &tokenWriter{
		tokens: make([]analysis.Token, 0, n),
		buf:    make([]byte, 0, size+size/8+16),
		out:    make(analysis.TokenStream, 0, n),
	}
}

// bytesOf returns a copy of s on the slab.
func (w *tokenWriter) bytesOf(s string) []byte {
	if len(w.buf)+len(s) > cap(w.buf) {
		w.buf = make([]byte, 0, max(len(s), 2*cap(w.buf)))
	}
	start := len(w.buf)
	w.buf = append(w.buf, s...)
	return w.buf[start:len(w.buf):len(w.buf)]
}

// add appends tok to the stream, on the slab.
func (w *tokenWriter) add(tok analysis.Token) {
	if len(w.tokens) == cap(w.tokens) {
		w.tokens = make([]analysis.Token, 0, max(64, 2*cap(w.tokens)))
	}
	w.tokens = append(w.tokens, tok)
	w.out = append(w.out, &w.tokens[len(w.tokens)-1])
}

// slab carves the tokens of a stream and their terms out of two allocations,
// sized beforehand for n tokens and size bytes of terms. Each term is a full
// slice expression, so a filter that appends to one cannot overwrite the next.
type slab struct {
	tokens []analysis.Token
	buf    []byte
	out    analysis.TokenStream
}

func newSlab(n, size int) *slab {
	return &slab{
		tokens: make([]analysis.Token, 0, n),
		buf:    make([]byte, 0, size),
		out:    make(analysis.TokenStream, 0, n),
	}
}

// bytesOf returns a copy of s on the slab.
func (sl *slab) bytesOf(s string) []byte {
	if len(sl.buf)+len(s) > cap(sl.buf) { // cannot happen; stay safe
		return []byte(s)
	}
	start := len(sl.buf)
	sl.buf = append(sl.buf, s...)
	return sl.buf[start:len(sl.buf):len(sl.buf)]
}

// add appends tok to the stream, on the slab.
func (sl *slab) add(tok analysis.Token) {
	if len(sl.tokens) < cap(sl.tokens) {
		sl.tokens = append(sl.tokens, tok)
		sl.out = append(sl.out, &sl.tokens[len(sl.tokens)-1])
		return
	}
	p := new(analysis.Token) // cannot happen either
	*p = tok
	sl.out = append(sl.out, p)
}

// indexedTerm is a term that enters bleve, with its normalised surface (as
// surfaceOf gives it) and its position (as nextPosition counts them).
type indexedTerm struct {
	*ta.Term
	surface string
	pos     int
}

// indexed yields the terms that enter bleve, stopwords included, with their
// surfaces and positions. Tokenizer.Tokenize and stream both walk the terms
// through it, so that the positions Index.Add stores are those the "id"
// analyzer gives a phrase query.
func indexed(terms []ta.Term) iter.Seq[indexedTerm] {
	return func(yield func(indexedTerm) bool) {
		pos := 0
		for i := range terms {
			t := &terms[i]
			surface := surfaceOf(t)
			if surface == "" {
				continue
			}
			pos = nextPosition(pos, t)
			if !yield(indexedTerm{t, surface, pos}) {
				return
			}
		}
	}
}

// nextPosition returns the position of term t after position pos: the next one,
// or one more at the start of a sentence, so that a phrase query never matches
// across a sentence boundary ("rumah. Harga" is not "rumah harga").
func nextPosition(pos int, t *ta.Term) int {
	if pos > 0 && t.Is(tokenize.SentenceStart) {
		return pos + 2
	}
	return pos + 1
}

// surfaceOf is the normalised form under which a term enters bleve before
// stemming, or "" when it is not indexed.
func surfaceOf(t *ta.Term) string {
	switch t.Kind {
	case tokenize.Word, tokenize.Number, tokenize.URL, tokenize.Email,
		tokenize.Mention, tokenize.Hashtag:
		return t.Norm // Key without the stem
	case tokenize.Abbreviation:
		return strings.TrimSuffix(t.Norm, ".")
	}
	return ""
}

func tokenType(t *ta.Term) analysis.TokenType {
	if t.Kind == tokenize.Number {
		return analysis.Numeric
	}
	return analysis.AlphaNumeric
}

// NormalizeFilter is the token filter registered as [NormalizeFilterName]. A term
// that is normal already, as those of [TokenizerName] are, costs one scan of its
// bytes.
type NormalizeFilter struct{}

// Filter implements bleve's analysis.TokenFilter.
func (NormalizeFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if !ta.IsNormalized(t.Term) {
			t.Term = []byte(ta.Normalize(string(t.Term)))
		}
	}
	return input
}

// StopFilter is the token filter registered as [StopFilterName].
type StopFilter struct{}

// Filter implements bleve's analysis.TokenFilter.
func (StopFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	j := 0
	for _, t := range input {
		if !t.KeyWord && isStopword(t.Term) {
			continue
		}
		input[j] = t
		j++
	}
	return input[:j]
}

// isStopword is analysis.IsStopword of a term, without converting it to a string
// on the heap.
func isStopword(term []byte) bool {
	if len(term) > 32 { // no stopword is that long
		return false
	}
	return ta.IsStopword(string(term))
}

// StemFilter is the token filter registered as [StemFilterName]. It stems every
// token not marked as a keyword with Stemmer (nil: stem.Default()).
type StemFilter struct {
	Stemmer *stem.Stemmer
	// KeepSurface keeps the normalised word beside its stem instead of
	// replacing it.
	KeepSurface bool
}

// Filter implements bleve's analysis.TokenFilter.
func (f *StemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	st := f.Stemmer
	if st == nil {
		st = stem.Default()
	}
	var out analysis.TokenStream
	var stems []analysis.Token // the tokens added for the stems, on a few slabs
	var buf []byte             // the stems' terms, carved out of few allocations
	bytesOf := func(s string, rest analysis.TokenStream) []byte {
		if cap(buf)-len(buf) < len(s) {
			// Room for the stems of the rest, which are rarely longer than their words.
			size := len(s)
			for _, r := range rest {
				size += len(r.Term)
			}
			buf = make([]byte, 0, max(size, 2*cap(buf)))
		}
		start := len(buf)
		buf = append(buf, s...)
		return buf[start:len(buf):len(buf)]
	}
	for i, t := range input {
		if t.KeyWord || t.Type != analysis.AlphaNumeric {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		s := st.StemBytes(t.Term)
		if s == string(t.Term) || s == "" {
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if !f.KeepSurface {
			t.Term = bytesOf(s, input[i+1:])
			if out != nil {
				out = append(out, t)
			}
			continue
		}
		if out == nil {
			out = make(analysis.TokenStream, i, len(input)+len(input)/2)
			copy(out, input[:i])
		}
		if len(stems) == cap(stems) {
			// A new chunk, twice the last: the tokens in the old one stay where they are.
			stems = make([]analysis.Token, 0, min(len(input)-i, max(32, 2*cap(stems))))
		}
		stems = append(stems, *t)
		p := &stems[len(stems)-1]
		p.Term = bytesOf(s, input[i+1:])
		out = append(out, p, t)
	}
	if out == nil {
		return input
	}
	return out
}

// stream builds the bleve token stream of an analysed text directly, as the "id"
// analyzer would (without running the tokenizer and filters again), but with the
// entity-aware proper-noun decisions of analysis.Pipeline.Analyze. The tokens and
// their terms are carved out of a slab.
func stream(terms []ta.Term, keepSurface bool) analysis.TokenStream {
	n, size := 0, 0
	for i := range terms {
		t := &terms[i]
		if t.Stopword {
			continue
		}
		surface := surfaceOf(t)
		if surface == "" {
			continue
		}
		n++
		size += len(surface)
		if t.Kind == tokenize.Word && !t.Proper && t.Stem != "" && t.Stem != surface {
			size += len(t.Stem)
			if keepSurface {
				n++
			}
		}
	}
	sl := newSlab(n, size)
	for t := range indexed(terms) {
		if t.Stopword {
			continue
		}
		tok := analysis.Token{Start: t.Start, End: t.End, Position: t.pos, Type: tokenType(t.Term), KeyWord: true}
		if t.Kind == tokenize.Word && !t.Proper && t.Stem != "" && t.Stem != t.surface {
			st := tok
			st.Term = sl.bytesOf(t.Stem)
			st.KeyWord = false
			sl.add(st)
			if !keepSurface {
				continue
			}
		}
		tok.Term = sl.bytesOf(t.surface)
		sl.add(tok)
	}
	return sl.out
}
