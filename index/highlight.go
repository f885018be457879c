package index

import (
	"context"
	"html"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"

	ta "github.com/telaah/telaah/analysis"
	"github.com/telaah/telaah/index/query"
	"github.com/telaah/telaah/tokenize"
)

// Highlighting defaults.
const (
	// DefaultFragments is the number of body fragments of a hit.
	DefaultFragments = 3
	// DefaultFragmentSize is the length of a fragment in bytes, about 30 words.
	DefaultFragmentSize = 200
	// DefaultHighlightBytes is how much of a field the highlighter reads: the
	// work budget of one field of one hit. Matches after it are not marked.
	DefaultHighlightBytes = 256 << 10
	// maxTitleFragment is the longest title shown whole.
	maxTitleFragment = 400
)

// HighlightOptions configure highlighting. The zero value is the default.
type HighlightOptions struct {
	// Fragments is the largest number of fragments per field (0:
	// DefaultFragments); a title is always one fragment.
	Fragments int
	// FragmentSize is the length of a fragment in bytes (0: DefaultFragmentSize).
	FragmentSize int
	// MaxBytes is how much of each field is read (0: DefaultHighlightBytes);
	// it bounds the work per hit.
	MaxBytes int
	// Pipeline is the analysis pipeline; nil means the default one. It must be
	// the one the index uses.
	Pipeline *ta.Pipeline
}

func (o HighlightOptions) withDefaults() HighlightOptions {
	if o.Fragments <= 0 {
		o.Fragments = DefaultFragments
	}
	if o.FragmentSize <= 0 {
		o.FragmentSize = DefaultFragmentSize
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultHighlightBytes
	}
	return o
}

// Highlighter marks the matches of a query in stored text, as Index.Search does:
// the words, phrases and patterns of the query that are not negated, each
// distinct clause once, analysed as the index analyses text (so buku marks
// bukunya). Fragments start and end at word boundaries, at sentence boundaries
// when one is close; a matched phrase is one <mark>; the text is HTML-escaped.
// Backends other than bleve use it to highlight exactly as this package does.
// A Highlighter is safe for concurrent use.
type Highlighter struct {
	opts    HighlightOptions
	an      analysis.Analyzer
	clauses []hlClause
	terms   map[string][]hlRef // analysed term → where it is used
}

// hlClause is one distinct clause to mark.
type hlClause struct {
	fields  []string   // the fields it applies to
	slots   [][]string // a word or phrase: its terms by relative position
	pattern query.Node // a *query.Prefix, *query.Wildcard or *query.Fuzzy
}

// hasPatterns reports whether the query has a prefix, wildcard or fuzzy clause
// to mark.
func (h *Highlighter) hasPatterns() bool {
	for _, c := range h.clauses {
		if c.pattern != nil {
			return true
		}
	}
	return false
}

// hlRef is a use of a term: clause c, at slot s.
type hlRef struct{ c, s int }

// NewHighlighter compiles the positive clauses of q for highlighting.
func NewHighlighter(q query.Node, opts HighlightOptions) *Highlighter {
	h := &Highlighter{opts: opts.withDefaults(), terms: map[string][]hlRef{}}
	h.an = queryAnalyzer(h.opts.Pipeline)
	seen := map[string]bool{}
	var walk func(n query.Node, neg bool)
	walk = func(n query.Node, neg bool) {
		add := func(field string, c hlClause) {
			if neg {
				return
			}
			key := query.Format(n)
			if seen[key] {
				return
			}
			seen[key] = true
			c.fields = fieldsOf(field)
			i := len(h.clauses)
			h.clauses = append(h.clauses, c)
			for s, terms := range c.slots {
				for _, t := range terms {
					h.terms[t] = append(h.terms[t], hlRef{i, s})
				}
			}
		}
		textField := func(f string) bool {
			return f == "" || f == FieldTitle || f == FieldBody
		}
		switch n := n.(type) {
		case *query.And:
			for _, c := range n.Clauses {
				walk(c, neg)
			}
		case *query.Or:
			for _, c := range n.Clauses {
				walk(c, neg)
			}
		case *query.Not:
			walk(n.Clause, !neg)
		case *query.Word:
			if textField(n.Field) {
				if sl := slots(h.an, n.Text); len(sl) > 0 {
					add(n.Field, hlClause{slots: sl})
				}
			}
		case *query.Phrase:
			if textField(n.Field) {
				if sl := slots(h.an, n.Text); len(sl) > 0 {
					add(n.Field, hlClause{slots: sl})
				}
			}
		case *query.Prefix:
			if textField(n.Field) && len(n.Text) <= maxPatternBytes {
				add(n.Field, hlClause{pattern: n})
			}
		case *query.Wildcard:
			if textField(n.Field) && len(n.Pattern) <= maxPatternBytes {
				add(n.Field, hlClause{pattern: n})
			}
		case *query.Fuzzy:
			if textField(n.Field) && utf8.RuneCountInString(n.Text) <= maxFuzzyRunes {
				add(n.Field, hlClause{pattern: n})
			}
		}
	}
	walk(q, false)
	return h
}

// Highlight returns the highlighted fragments of text, a field of an article,
// for query q: at most maxFragments (0: DefaultFragments) of DefaultFragmentSize
// bytes, or the whole title. See [Highlighter].
func Highlight(field, text string, q query.Node, maxFragments int) []string {
	return NewHighlighter(q, HighlightOptions{Fragments: maxFragments}).Fragments(context.Background(), field, text)
}

// span is a match: bytes [start, end) of the text, of clause c.
type span struct{ start, end, c int }

// Fragments returns the fragments of text, the value of field: the title whole
// (HTML-escaped, with marks), a body as the fragments with the most distinct
// matches, in text order, or its opening when nothing matches. It stops early
// when ctx is done.
func (h *Highlighter) Fragments(ctx context.Context, field, text string) []string {
	if text == "" {
		return nil
	}
	matches := h.matches(ctx, field, text)
	if field == FieldTitle && len(text) <= maxTitleFragment {
		return []string{renderFragment(text, 0, len(text), matches, false, false)}
	}
	return h.fragments(text, matches)
}

// hlFirstChunk and hlChunk are the sizes of the pieces of a field the
// highlighter analyses one after the other, stopping once it has found enough:
// the first is small (most articles match early), the next ones double up to
// hlChunk.
const (
	hlFirstChunk = 1 << 10
	hlChunk      = 16 << 10
)

// matches finds the spans of the clauses in the first MaxBytes of text. It
// analyses the text a chunk (cut at a paragraph or sentence end) at a time and
// stops early once every clause has matched and there are matches for twice the
// fragments asked for.
func (h *Highlighter) matches(ctx context.Context, field, text string) []span {
	cl, applies := h.applicable(field)
	if len(cl) == 0 {
		return nil
	}
	return h.scan(ctx, text, len(cl), func(off, end int, out []span) []span {
		return h.matchChunk(text[off:end], off, cl, applies, out)
	})
}

// scan runs match on the chunks of text in order, up to MaxBytes, and stops
// once all n clauses have matched and there are matches for twice the
// fragments asked for. Both ways of highlighting (analysing the text,
// reading term vectors) scan the same chunks, so that they stop at the same
// place.
func (h *Highlighter) scan(ctx context.Context, text string, n int, match func(off, end int, out []span) []span) []span {
	limit := min(len(text), h.opts.MaxBytes)
	var out []span
	seen := make([]bool, len(h.clauses))
	nseen := 0
	chunk := hlFirstChunk
	for off := 0; off < limit; chunk = min(2*chunk, hlChunk) {
		if ctx.Err() != nil {
			break
		}
		end := chunkEnd(text, off, min(limit, off+chunk))
		k := len(out)
		out = match(off, end, out)
		for _, m := range out[k:] {
			if !seen[m.c] {
				seen[m.c] = true
				nseen++
			}
		}
		off = end
		if nseen == n && len(out) >= 2*h.opts.Fragments {
			break
		}
	}
	return mergeSpans(out)
}

// chunkEnd returns where a chunk of text starting at lo and ending at most at hi
// ends: hi at the end of the text, else after the last paragraph or sentence
// end in its second half, else at its last space, else at a character start.
func chunkEnd(text string, lo, hi int) int {
	if hi >= len(text) {
		return len(text)
	}
	mid := lo + (hi-lo)/2
	if i := strings.LastIndexByte(text[mid:hi], '\n'); i >= 0 {
		return mid + i + 1
	}
	for i := hi - 1; i > mid; i-- {
		if isSentenceEnd(text, i) {
			return i + 1
		}
	}
	if i := strings.LastIndexFunc(text[mid:hi], unicode.IsSpace); i >= 0 {
		return mid + i
	}
	for hi > lo && !utf8.RuneStart(text[hi]) {
		hi--
	}
	if hi == lo {
		return len(text)
	}
	return hi
}

// matchChunk appends the matches of the clauses cl in chunk, which starts at
// byte off of the field.
func (h *Highlighter) matchChunk(chunk string, off int, cl []int, applies []bool, out []span) []span {
	return h.matchTokens(h.an.Analyze([]byte(chunk)), off, cl, applies, out)
}

// applicable returns the clauses that apply to field, as a list and as a set.
func (h *Highlighter) applicable(field string) ([]int, []bool) {
	var cl []int
	applies := make([]bool, len(h.clauses))
	for i, c := range h.clauses {
		for _, f := range c.fields {
			if f == field {
				cl = append(cl, i)
				applies[i] = true
			}
		}
	}
	return cl, applies
}

// maxLocTokens bounds the term occurrences FragmentsAt reads per field.
const maxLocTokens = 50_000

// FragmentsAt is Fragments for a field whose matched terms are known: toks are
// the occurrences in text of the query's terms (as the index stores them, with
// positions and byte offsets, in position order), which the bleve backend reads
// from the index's term vectors instead of analysing the text again. Only the
// occurrences in the first MaxBytes of the text are used.
func (h *Highlighter) FragmentsAt(field, text string, toks analysis.TokenStream) []string {
	if text == "" {
		return nil
	}
	var matches []span
	if cl, applies := h.applicable(field); len(cl) > 0 {
		if len(toks) > maxLocTokens {
			toks = toks[:maxLocTokens]
		}
		// The tokens of a chunk: those starting in it (tokens are in
		// position order, hence in text order).
		i := 0
		matches = h.scan(context.Background(), text, len(cl), func(off, end int, out []span) []span {
			j := i
			for j < len(toks) && toks[j].Start < end {
				j++
			}
			chunk := toks[i:j]
			i = j
			k := 0
			for k < len(chunk) && chunk[k].End <= len(text) {
				k++
			}
			return h.matchTokens(chunk[:k], 0, cl, applies, out)
		})
	}
	if field == FieldTitle && len(text) <= maxTitleFragment {
		return []string{renderFragment(text, 0, len(text), matches, false, false)}
	}
	return h.fragments(text, matches)
}

// mergeSpans sorts spans and merges the overlapping ones (a stem and its
// surface, a word inside a phrase).
func mergeSpans(out []span) []span {
	sort.Slice(out, func(i, j int) bool {
		if out[i].start != out[j].start {
			return out[i].start < out[j].start
		}
		return out[i].end > out[j].end
	})
	merged := out[:0]
	for _, s := range out {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// matchTokens appends the matches of the clauses cl among toks, whose offsets
// are relative to byte off of the field.
func (h *Highlighter) matchTokens(toks analysis.TokenStream, off int, cl []int, applies []bool, out []span) []span {
	// posAt finds the first token at position p (tokens are in position order).
	posAt := func(p int) int {
		return sort.Search(len(toks), func(i int) bool { return toks[i].Position >= p })
	}
	hasAt := func(p int, terms []string) (int, bool) {
		for i := posAt(p); i < len(toks) && toks[i].Position == p; i++ {
			for _, t := range terms {
				if string(toks[i].Term) == t {
					return i, true
				}
			}
		}
		return 0, false
	}
	for _, tok := range toks {
		for _, r := range h.terms[string(tok.Term)] {
			c := &h.clauses[r.c]
			if !applies[r.c] || r.s != 0 {
				continue
			}
			end := tok.End
			ok := true
			for s := 1; s < len(c.slots) && ok; s++ {
				if c.slots[s] == nil {
					continue
				}
				var j int
				if j, ok = hasAt(tok.Position+s, c.slots[s]); ok {
					end = max(end, toks[j].End)
				}
			}
			if ok {
				out = append(out, span{off + tok.Start, off + end, r.c})
			}
		}
		for _, i := range cl {
			if p := h.clauses[i].pattern; p != nil && patternMatches(p, string(tok.Term)) {
				out = append(out, span{off + tok.Start, off + tok.End, i})
			}
		}
	}
	return out
}

// patternMatches reports whether an analysed term matches a pattern clause.
func patternMatches(p query.Node, term string) bool {
	if len(term) > maxTermBytes {
		return false
	}
	switch p := p.(type) {
	case *query.Prefix:
		return strings.HasPrefix(term, p.Text)
	case *query.Wildcard:
		return globMatch(p.Pattern, term)
	case *query.Fuzzy:
		return withinEdits(p.Text, term, p.Distance)
	}
	return false
}

// withinEdits reports whether a and b are within d edits (Levenshtein, by
// characters), in time len(a)·(2d+1).
func withinEdits(a, b string, d int) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra)-len(rb) > d || len(rb)-len(ra) > d {
		return false
	}
	const inf = 1 << 30
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		lo, hi := max(1, i-d), min(len(rb), i+d)
		for j := range cur {
			cur[j] = inf
		}
		if i <= d {
			cur[0] = i
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
			cur[j] = v
			best = min(best, v)
		}
		if best > d {
			return false
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)] <= d
}

// fragments picks the fragments of a body.
func (h *Highlighter) fragments(text string, matches []span) []string {
	size := h.opts.FragmentSize
	if len(matches) == 0 {
		lo, hi := window(text, 0, 0, size)
		return []string{renderFragment(text, lo, hi, nil, !sentenceStart(text, lo), hi < len(text) && !sentenceEnd(text, hi))}
	}
	type cand struct{ lo, hi, score, first int }
	var cands []cand
	for i, m := range matches {
		// A window that starts a little before the match.
		lo, hi := window(text, m.start, m.end, size)
		distinct := map[int]bool{}
		n := 0
		for _, o := range matches[i:] {
			if o.start >= hi {
				break
			}
			if o.end <= hi {
				distinct[o.c] = true
				n++
			}
		}
		cands = append(cands, cand{lo, hi, len(distinct)*1000 + n, i})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score > cands[j].score })
	var chosen []cand
	for _, c := range cands {
		if len(chosen) == h.opts.Fragments {
			break
		}
		overlap := false
		for _, o := range chosen {
			overlap = overlap || (c.lo < o.hi && o.lo < c.hi)
		}
		if !overlap {
			chosen = append(chosen, c)
		}
	}
	sort.Slice(chosen, func(i, j int) bool { return chosen[i].lo < chosen[j].lo })
	out := make([]string, 0, len(chosen))
	for _, c := range chosen {
		out = append(out, renderFragment(text, c.lo, c.hi, matches, !sentenceStart(text, c.lo), c.hi < len(text) && !sentenceEnd(text, c.hi)))
	}
	return out
}

// window returns a fragment of about size bytes around the match [start, end):
// it starts at the sentence start when one is close before the match, else at a
// word boundary about a fifth of the size before it, and ends at a sentence end
// when one is close, else at a word boundary.
func window(text string, start, end, size int) (int, int) {
	slack := size / 4
	lo := max(0, start-size/5)
	if s := lastSentenceStart(text, max(0, start-size/2), start); s >= 0 && start-s <= size/2 {
		lo = s
	} else if lo > 0 {
		lo = nextWordStart(text, lo, start)
	}
	hi := min(len(text), max(lo+size, end))
	if hi < len(text) {
		if e := firstSentenceEnd(text, max(end, hi-slack), min(len(text), hi+slack)); e >= 0 {
			hi = e
		} else {
			hi = prevWordEnd(text, hi, end)
		}
	}
	return lo, hi
}

// isSentenceEnd reports whether text[i] ends a sentence: a newline, or . ! ?
// followed by space or the end, but not the period of an abbreviation or an
// initial that the tokenizer keeps inside its sentence (di kawasan Jl.
// Majapahit, B. J. Habibie).
func isSentenceEnd(text string, i int) bool {
	switch text[i] {
	case '\n':
		return true
	case '.', '!', '?':
		if i+1 == len(text) {
			return true
		}
		if !isBlank(text[i+1]) {
			return false
		}
		return text[i] != '.' || periodEndsSentence(text, i)
	}
	return false
}

// periodEndsSentence reports whether the tokenizer starts a sentence after
// the period at text[i], which a space follows: it splits the word before the
// period and the word after it (at most maxContext bytes of each), as
// tokenize.Sentences would the whole text.
func periodEndsSentence(text string, i int) bool {
	const maxContext = 64
	lo := i
	for lo > 0 && i-lo < maxContext && !isBlank(text[lo-1]) {
		lo--
	}
	hi := i + 1
	for hi < len(text) && (text[hi] == ' ' || text[hi] == '\t') {
		hi++
	}
	if hi == len(text) || text[hi] == '\n' {
		return true
	}
	end := min(len(text), hi+maxContext)
	for hi < end && !isBlank(text[hi]) {
		hi++
	}
	for t := range tokenize.All(text[lo:hi]) {
		if lo+t.Start > i {
			return t.Is(tokenize.SentenceStart)
		}
	}
	return true
}

// isBlank reports whether c is an ASCII space, tab or newline.
func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func sentenceStart(text string, i int) bool {
	if i == 0 {
		return true
	}
	j := i - 1
	for j >= 0 && (text[j] == ' ' || text[j] == '\t') {
		j--
	}
	return j < 0 || isSentenceEnd(text, j)
}

func sentenceEnd(text string, i int) bool {
	return i > 0 && (isSentenceEnd(text, i-1) || i == len(text))
}

// lastSentenceStart returns the start of the last sentence beginning in
// [from, to], or -1.
func lastSentenceStart(text string, from, to int) int {
	for i := to; i >= from; i-- {
		if sentenceStart(text, i) && (i == len(text) || (text[i] != ' ' && text[i] != '\n')) {
			return i
		}
	}
	return -1
}

// firstSentenceEnd returns the end (just after the punctuation) of the first
// sentence ending in [from, to), or -1.
func firstSentenceEnd(text string, from, to int) int {
	for i := from; i < to; i++ {
		if isSentenceEnd(text, i) {
			if text[i] == '\n' {
				return i
			}
			return i + 1
		}
	}
	return -1
}

// nextWordStart moves i forward to the start of a word, not past limit.
func nextWordStart(text string, i, limit int) int {
	j := i
	for j < limit {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			for j < limit {
				r, w = utf8.DecodeRuneInString(text[j:])
				if !unicode.IsSpace(r) {
					return j
				}
				j += w
			}
			return limit
		}
		j += w
	}
	if j == i {
		return i
	}
	return limit
}

// prevWordEnd moves i back to the end of a word, not before limit.
func prevWordEnd(text string, i, limit int) int {
	if i >= len(text) {
		return len(text)
	}
	j := i
	for j > limit {
		r, _ := utf8.DecodeRuneInString(text[j:])
		if unicode.IsSpace(r) {
			break
		}
		_, w := utf8.DecodeLastRuneInString(text[:j])
		j -= w
	}
	if j <= limit {
		return limit
	}
	for j > limit {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= w
	}
	return j
}

// render returns text[lo:hi] HTML-escaped with the matches inside in <mark>,
// trimmed, with … where it was cut.
func renderFragment(text string, lo, hi int, matches []span, cutStart, cutEnd bool) string {
	for lo < hi {
		r, w := utf8.DecodeRuneInString(text[lo:])
		if !unicode.IsSpace(r) {
			break
		}
		lo += w
	}
	for hi > lo {
		r, w := utf8.DecodeLastRuneInString(text[:hi])
		if !unicode.IsSpace(r) {
			break
		}
		hi -= w
	}
	var b strings.Builder
	if cutStart {
		b.WriteString("…")
	}
	at := lo
	for _, m := range matches {
		if m.end <= lo || m.start < at {
			continue
		}
		if m.start >= hi {
			break
		}
		if m.end > hi {
			continue
		}
		b.WriteString(html.EscapeString(text[at:m.start]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[m.start:m.end]))
		b.WriteString("</mark>")
		at = m.end
	}
	b.WriteString(html.EscapeString(text[at:hi]))
	if cutEnd {
		b.WriteString("…")
	}
	return b.String()
}
