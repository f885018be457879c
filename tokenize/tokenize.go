// Package tokenize splits Indonesian text into tokens and sentences, with byte
// offsets into the original input for every one of them.
//
// It knows what Indonesian news text is made of: reduplications (anak-anak,
// sayur-mayur) and hyphenated forms (Covid-19, se-Indonesia, ke-2) stay one word;
// clitics (bukunya, apakah, kepada-Nya) stay in their word, which records where
// they are, or are split off as UD Indonesian does; numbers are written the
// Indonesian way (1.000.000, 1,5, -4,9, Rp 200.000,-, 24/3/2018, 10.30 WIB) and
// so are credit ratings (BB+, idA-);
// abbreviations with periods (dll., Jl., S.H., B. J. Habibie) are single tokens that
// do not end a sentence; URLs, e-mail addresses, @mentions, #hashtags and emoji are
// recognised.
//
// Every byte of the input that is not a space ([IsSpace]) belongs to exactly one
// token, tokens come in order and never overlap, and text[t.Start:t.End] == t.Text.
// Sentences tile the input. Invalid UTF-8 and control characters become Symbol
// tokens; nothing panics and nothing is dropped.
//
// Three forms serve different needs: [Tokenize] returns a slice, [All] is an
// iterator that allocates nothing per token, and [Scanner] streams tokens from an
// io.Reader in bounded memory. [Sentences] groups the tokens into sentences.
package tokenize

import (
	"iter"
	"slices"
	"unicode/utf8"
)

// Tokenizer splits text into tokens. The zero value keeps clitics inside their words
// (bukunya is one token whose Enc is 3); set SplitClitics to split them off as UD
// Indonesian does (buku + nya, kepada + - + Nya).
type Tokenizer struct {
	// SplitClitics makes proclitics and enclitics tokens of their own, flagged
	// Proclitic and Enclitic.
	SplitClitics bool
}

// Tokenize returns the tokens of text with the zero Tokenizer.
func Tokenize(text string) []Token { return Tokenizer{}.Tokenize(text) }

// Sentences returns the sentences of text with the zero Tokenizer.
func Sentences(text string) []Sentence { return Tokenizer{}.Sentences(text) }

// All returns an iterator over the tokens of text with the zero Tokenizer.
func All(text string) iter.Seq[Token] { return Tokenizer{}.All(text) }

// Tokenize returns the tokens of text.
func (z Tokenizer) Tokenize(text string) []Token {
	return z.AppendTokens(make([]Token, 0, len(text)/6+1), text)
}

// AppendTokens appends the tokens of text to dst and returns the extended
// slice, as Tokenize does into a new one: a caller that keeps dst from one
// text to the next tokenizes without allocating.
func (z Tokenizer) AppendTokens(dst []Token, text string) []Token {
	s := scanner{text: text, split: z.SplitClitics}
	for {
		t := s.next()
		if t == nil {
			return dst
		}
		dst = append(dst, *t)
		if !s.split {
			dst = s.appendWords(dst)
		}
	}
}

// appendWords appends to dst the tokens that follow the last token while
// they are those of the lane: what next would return for each, without its
// round of the gap, of scanRaw and of sentence's general path. The lane's
// tokens are
//
//   - a word of fastWord's after one space or none, which fastWord writes
//     into dst's next slot in place;
//   - a number of digits alone (numberEnd) after one space or none;
//   - the punctuation of lanePunct: the comma, full stop, closing bracket or
//     quote right after a token, an opening bracket or quote after a space.
//
// The terminator pending before them is none, a full stop or a strong one
// (pendStrong at most): appendWords decides the sentence start and the
// pending terminator as sentence does for a token with no line break before
// it. It stops at any other token, which next then scans. Clitics are not
// split.
func (s *scanner) appendWords(dst []Token) []Token {
	text, pos, pending := s.text, s.pos, s.pending
	if pending > pendStrong {
		return dst
	}
	n := len(dst)
	role := roleNone // the last token's
	for pos < len(text) {
		if len(dst) == cap(dst) {
			dst = slices.Grow(dst, 1)
		}
		t := &dst[:len(dst)+1][len(dst)]
		i, c := pos, text[pos]
		if c == ' ' {
			if i++; i >= len(text) {
				break
			}
			c = text[i]
		}
		if c < utf8.RuneSelf && asciiClass[c]&(cLower|cUpper) != 0 {
			if !fastWord(text, i, t) {
				break
			}
			// A word: pendPeriod ends the sentence before any,
			// pendStrong before one not in lower case.
			if pending == pendPeriod || pending == pendStrong && t.Case != Lower {
				t.Flags = SentenceStart
			}
			dst, pos, pending, role = dst[:len(dst)+1], t.End, pendNone, roleNone
			continue
		}
		if c < utf8.RuneSelf && asciiClass[c]&cDigit != 0 {
			end := numberEnd(text, i)
			if end == 0 {
				break
			}
			t.Text, t.Start, t.End = text[i:end], i, end
			t.Kind, t.Case, t.Flags, t.Pro, t.Enc = Number, NoCase, 0, 0, 0
			if pending != pendNone {
				t.Flags = SentenceStart // after a terminator, a number starts one
			}
			dst, pos, pending, role = dst[:len(dst)+1], end, pendNone, roleNone
			continue
		}
		end, r, p := lanePunct(text, pos, i, pending)
		if r == roleNone {
			break
		}
		t.Text, t.Start, t.End = text[i:end], i, end
		t.Kind, t.Case, t.Flags, t.Pro, t.Enc = Punct, NoCase, 0, 0, 0
		if r == roleOpen && pending != pendNone {
			t.Flags = SentenceStart
		}
		dst, pos, pending, role = dst[:len(dst)+1], end, p, r
	}
	if len(dst) > n {
		t := &dst[len(dst)-1]
		s.pos, s.pending = pos, pending
		s.lastText, s.lastKind, s.lastCase, s.lastRole = t.Text, t.Kind, t.Case, role
	}
	return dst
}

// yieldWords is the lane of All, narrower than appendWords's: it yields the
// words that follow the last token one space apart, scanned by fastWord into
// the scanner's token, and the comma or full stop right after one, while no
// terminator is pending, and reports false as soon as yield does. (All's
// callers, the "id" analyzer's, take a token at a time: appendWords's lane
// through a buffer cost them more instructions than it saved.)
func (s *scanner) yieldWords(yield func(Token) bool) bool {
	text, t := s.text, &s.cur.Token
	for s.pending == pendNone && letterAfterSpace(text, s.pos+1) && fastWord(text, s.pos+1, t) {
		s.pos = t.End
		s.lastText, s.lastKind, s.lastCase, s.lastRole = t.Text, t.Kind, t.Case, roleNone
		if !yield(*t) {
			return false
		}
		if e, r := punctAfterWord(text, s.pos); e > s.pos {
			p := Token{Text: text[s.pos:e], Start: s.pos, End: e, Kind: Punct}
			s.pending = pendingOf(r, e-s.pos)
			s.pos = e
			s.lastText, s.lastKind, s.lastCase, s.lastRole = p.Text, p.Kind, p.Case, r
			if !yield(p) {
				return false
			}
		}
	}
	return true
}

// punctAfterWord returns the end and the role of the comma or the run of full
// stops at text[pos], right after a word, as scanOther scans them (neither
// can start an emoticon there), or pos and roleNone.
func punctAfterWord(text string, pos int) (int, uint8) {
	if pos < len(text) {
		switch text[pos] {
		case ',':
			return pos + 1, roleInner
		case '.':
			return runEnd(text, pos, '.'), roleTerm
		}
	}
	return pos, roleNone
}

// pendingOf is the terminator that sentence leaves pending after a token of
// punctuation of the role r and n bytes that punctAfterWord found: a full
// stop, an ellipsis of full stops, or none after a comma.
func pendingOf(r uint8, n int) uint8 {
	switch {
	case r != roleTerm:
		return pendNone
	case n == 1:
		return pendPeriod
	}
	return pendStrong
}

// letterAfterSpace reports whether text[i] is an ASCII letter after a space,
// where a word of appendWords and yieldWords may start.
func letterAfterSpace(text string, i int) bool {
	return i < len(text) && text[i-1] == ' ' && text[i] < utf8.RuneSelf && asciiClass[text[i]]&(cLower|cUpper) != 0
}

// numberEnd returns the end of the number of ASCII digits alone that starts
// at text[i] (2019, 25), or 0 when what follows the digits may make the token
// something else (1.000, 2019-2020, 4G, 50%, 10:30, kompas2019.com): the
// number must end the text or stand before a space, a closing bracket or
// quote, a semicolon, a comma before no digit or hyphen (Rp 200.000,- is
// one token), or a full stop before a space or nothing. scanWordLike takes
// such a run of digits as a Number of its own, which no domain, e-mail
// address or rating continues.
func numberEnd(text string, i int) int {
	j := i + 1
	for j < len(text) && isDigit(text[j]) {
		j++
	}
	if j == len(text) {
		return j
	}
	switch text[j] {
	case ' ', '\n', '\r', '\t', ')', '"', ';':
		return j
	case ',':
		if j+1 == len(text) || !isDigit(text[j+1]) && text[j+1] != '-' {
			return j
		}
	case '.':
		if j+1 == len(text) || text[j+1] == ' ' || text[j+1] == '\n' {
			return j
		}
	}
	return 0
}

// lanePunct returns the end, the role and the terminator pending after it
// of the token of punctuation at text[i] (i is pos, the end of the token
// before, or pos+1 after a space) when it is one of the lane's (see
// appendWords), and roleNone when it is not:
//
//   - right after a token (no gap) and after an ASCII byte other than an
//     opening bracket, where neither an emoticon nor an opening quote can
//     start: a comma, semicolon or colon (roleInner), a run of full stops,
//     ? or ! (roleTerm), a closing bracket or straight double quote
//     (roleClose);
//   - after one space, an opening bracket or straight double quote before
//     an ASCII letter (roleOpen), which is where a quote opens.
//
// pending is the terminator pending before it, as appendWords holds it.
func lanePunct(text string, pos, i int, pending uint8) (int, uint8, uint8) {
	k := laneClass[text[i]]
	if k == laneQuote {
		k = laneClose // right after a token
		if i != pos {
			k = laneOpen // after a space
		}
	}
	if k == laneOpen {
		if i == pos || i+1 >= len(text) || text[i+1] >= utf8.RuneSelf || asciiClass[text[i+1]]&(cLower|cUpper) == 0 {
			return i, roleNone, pending
		}
		return i + 1, roleOpen, pendNone
	}
	if k == laneNone || i != pos || pos == 0 {
		return i, roleNone, pending
	}
	// The byte before, the last of the token before, is ASCII and no
	// opening bracket: the rune before is no space, opening bracket or
	// start of a quotation.
	if b := text[pos-1]; b >= utf8.RuneSelf || b == '(' || b == '[' || b == '{' {
		return i, roleNone, pending
	}
	switch k {
	case laneInner:
		return i + 1, roleInner, pendNone
	case laneTerm:
		end := i + 1
		if text[i] == '.' {
			end = runEnd(text, i, '.')
		}
		// After a terminator, an explicit one decides (?! or .?) unless
		// the one before is strong.
		if pending != pendStrong {
			pending = termPending(text[i:end])
		}
		return end, roleTerm, pending
	}
	// roleClose: ." or ?) keep the terminator before them pending.
	return i + 1, roleClose, pending
}

// termPending is the terminator that sentence leaves pending after the
// terminator t: a full stop, or a strong one (? ! … ...).
func termPending(t string) uint8 {
	if t == "." {
		return pendPeriod
	}
	return pendStrong
}

// The classes of laneClass.
const (
	laneNone  uint8 = iota
	laneOpen        // ( [ {: roleOpen before a letter after a space
	laneInner       // , ; :
	laneTerm        // . ? !
	laneClose       // ) ] }: roleClose right after a token
	laneQuote       // ": laneOpen after a space, laneClose right after a token
)

// laneClass classes the first byte of a token of punctuation for lanePunct.
var laneClass = func() (t [256]uint8) {
	for _, c := range "([{" {
		t[c] = laneOpen
	}
	for _, c := range ",;:" {
		t[c] = laneInner
	}
	for _, c := range ".?!" {
		t[c] = laneTerm
	}
	for _, c := range ")]}" {
		t[c] = laneClose
	}
	t['"'] = laneQuote
	return t
}()

// All returns an iterator over the tokens of text. It allocates nothing per token:
// each Token's Text is a substring of text.
func (z Tokenizer) All(text string) iter.Seq[Token] {
	return func(yield func(Token) bool) {
		s := scanner{text: text, split: z.SplitClitics}
		for {
			t := s.next()
			if t == nil || !yield(*t) || !s.split && !s.yieldWords(yield) {
				return
			}
		}
	}
}

// Sentences returns the sentences of text. A sentence ends at a terminator (. ? !
// … and the closing quotes and brackets after it) unless an abbreviation, number,
// URL or initial holds the period (a postnominal abbreviation such as Tbk. or
// Corp. ends one before a capitalised word, also inside an opening quote; an
// initial before a capitalised function word; a letter after a number or a
// labelling noun, as in 2 C. or kumpulan B., before any capitalised word); at a blank line; and at the newline after a
// short line without final punctuation (a heading or caption of at most 60
// bytes) and before a bullet (- • *) that starts a line. Sentences tile the input: the first starts at 0, each starts where the one before ended (the space between two sentences
// belongs to the first) and the last ends at len(text). Text of only spaces is one
// sentence without tokens; empty text has none.
func (z Tokenizer) Sentences(text string) []Sentence {
	toks := z.Tokenize(text)
	if len(text) == 0 {
		return nil
	}
	n := 1
	for i := 1; i < len(toks); i++ {
		if toks[i].Is(SentenceStart) {
			n++
		}
	}
	out := make([]Sentence, 0, n)
	first := 0
	for i := 1; i <= len(toks); i++ {
		if i < len(toks) && !toks[i].Is(SentenceStart) {
			continue
		}
		start := 0
		if len(out) > 0 {
			start = out[len(out)-1].End
		}
		end := len(text)
		if i < len(toks) {
			end = toks[i].Start
		}
		out = append(out, Sentence{Start: start, End: end, Tokens: toks[first:i:i]})
		first = i
	}
	if len(out) == 0 {
		out = append(out, Sentence{Start: 0, End: len(text)})
	}
	return out
}

// pending terminators, which decide whether the next token starts a sentence.
const (
	pendNone    uint8 = iota
	pendPeriod        // .
	pendStrong        // ? ! … ...
	pendFinal         // dll.
	pendWeak          // Tbk. S.H.
	pendInitial       // B.
)

// scanner produces the tokens of one text, splitting clitics when asked and marking
// sentence starts. Its zero value with text set is ready; the Scanner reuses it
// over successive chunks of a stream, keeping its sentence state.
type scanner struct {
	text  string
	split bool
	pos   int

	cur    raw       // the token being scanned
	la     lookahead // what the far-looking scans found in text
	q      [5]Token  // clitic pieces waiting to be returned
	qi, qn int

	// sentence state
	started  bool  // a token has been returned
	pending  uint8 // the terminator seen, if any
	newlines int   // newlines in the current gap between tokens
	crs      int   // carriage returns in the current gap
	paraSep  bool  // U+2029 in the current gap
	// Short lines without final punctuation (headings, captions) end a sentence at
	// their newline.
	off       int    // offset in the stream of text[0], for the Scanner
	lineStart int    // stream offset of the start of the current line
	lineLen   int    // length of the line ended by the first newline of the gap
	lastText  string // the previous token, as far as headings need it
	lastKind  Kind
	lastCase  Case
	lastRole  uint8
}

// isBullet reports whether t marks an item of a list at the start of a line.
func isBullet(t string) bool {
	switch t {
	case "-", "–", "—", "•", "*", "·", "▪", "‣", "●", "○", "■", "□", "◦":
		return true
	}
	return false
}

// canEndHeading reports whether the previous token can end a heading: a word
// other than a conjunction or preposition, a number, a closing bracket.
func (s *scanner) canEndHeading() bool {
	switch s.lastKind {
	case Punct, Symbol:
		return s.lastRole == roleClose
	case Word:
		return s.lastCase != Lower || !lex().nonfinal.has(s.lastText)
	}
	return true
}

// headingMax is the longest line, in bytes, that ends a sentence at a single
// newline without final punctuation: a heading, caption or byline, not a line of
// wrapped running text.
const headingMax = 60

// next returns the next token, or nil at the end of the text. The token is valid
// until the next call.
func (s *scanner) next() *Token {
	if s.qi < s.qn {
		s.qi++
		return &s.q[s.qi-1]
	}
	text := s.text
	i := s.pos
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiClass[c]&cSpace == 0 {
				break
			}
			if c == '\n' {
				if s.newlines == 0 {
					s.lineLen = s.off + i - s.lineStart
				}
				s.newlines++
				s.lineStart = s.off + i + 1
			} else if c == '\r' {
				s.crs++
			}
			i++
			continue
		}
		n := spaceAt(text, i)
		if n == 0 {
			break
		}
		if text[i:i+n] == "\u2029" {
			s.paraSep = true
		}
		i += n
	}
	if i >= len(text) {
		s.pos = i
		return nil
	}
	r := &s.cur
	scanRaw(text, i, r, &s.la)
	s.pos = r.End
	s.sentence(r)
	if s.split && (r.Pro > 0 || r.Enc > 0) {
		s.splitClitics(r.Token)
		return &s.q[0]
	}
	return &r.Token
}

// sentence decides whether r starts a sentence, and remembers what it means for
// the token after it.
func (s *scanner) sentence(r *raw) {
	if s.newlines == 0 && s.crs == 0 && !s.paraSep && s.started && s.pending == pendNone {
		// Most tokens: one space or none before them, no terminator before
		// that. Nothing starts a sentence here; the token may end one.
		prevText, prevKind := s.lastText, s.lastKind
		s.lastText, s.lastKind, s.lastCase, s.lastRole = r.Text, r.Kind, r.Case, r.role
		if r.role == roleNone && r.abbr == abbrNone {
			s.pending = pendNone // most tokens: no terminator, without the call
			return
		}
		s.setPending(r, prevText, prevKind)
		return
	}
	para := s.newlines >= 2 || s.newlines == 0 && s.crs >= 2 || s.paraSep
	heading := s.newlines == 1 && s.lineLen <= headingMax && s.pending == pendNone &&
		(r.Kind == Word && (r.Case == Capitalised || r.Case == Upper) || r.Kind == Number || r.role == roleOpen) &&
		s.canEndHeading()
	bullet := s.newlines > 0 && isBullet(r.Text)
	s.newlines, s.crs, s.paraSep = 0, 0, false
	prevText, prevKind := s.lastText, s.lastKind
	s.lastText, s.lastKind, s.lastCase, s.lastRole = r.Text, r.Kind, r.Case, r.role
	start := false
	switch {
	case !s.started:
		start = true
	case para:
		start = true
		r.Flags |= ParagraphStart
	case heading, bullet:
		start = true
	case s.pending != pendNone:
		start = s.endsBefore(r)
		if !start && (r.role == roleClose || r.role == roleTerm) {
			// ." and ?!: the sentence ends after the closing quote or bracket.
			// An explicit terminator after an abbreviation (Tbk.. or dll.?) decides.
			if r.role == roleTerm && s.pending != pendStrong {
				s.pending = pendStrong
				if r.Text == "." {
					s.pending = pendPeriod
				}
			}
			return
		}
	}
	s.started = true
	if start {
		r.Flags |= SentenceStart
	}
	s.setPending(r, prevText, prevKind)
}

// setPending records the terminator that r is, if any, for the token after it;
// prevText and prevKind are the token's before r.
func (s *scanner) setPending(r *raw, prevText string, prevKind Kind) {
	s.pending = pendNone
	switch {
	case r.role == roleTerm:
		s.pending = pendStrong
		if r.Text == "." {
			s.pending = pendPeriod
		}
	case r.abbr == abbrFinal:
		s.pending = pendFinal
	case r.abbr == abbrPost:
		s.pending = pendWeak
	case r.abbr == abbrInitial:
		s.pending = pendInitial
		if len(r.Text) == 2 && s.started && (prevKind == Number || prevKind == Word && lex().labelNouns.has(prevText)) {
			// A letter after a number is a unit (2 C.), after a noun
			// such as kumpulan or golongan a label (kumpulan B.): it ends
			// a sentence before a capitalised word, as dll. does.
			s.pending = pendFinal
		}
	}
}

// endsBefore reports whether the pending terminator ends the sentence before r.
func (s *scanner) endsBefore(r *raw) bool {
	switch r.role {
	case roleClose, roleInner, roleTerm:
		return false
	case roleOpen:
		// "Kata dia. (Lihat...)" and dll. "Lalu": yes; Tbk. (BBNI) and B. (Habibie): no,
		// unless what the quote opens is a sentence: Corp. "Jumlah...
		if s.pending != pendWeak && s.pending != pendInitial {
			return true
		}
		if r.Text != "\"" && r.Text != "“" && r.Text != "'" && r.Text != "‘" {
			return false
		}
		w := wordAfter(s.text, r.End)
		return w != "" && (s.pending == pendWeak && caseOf(w) == Capitalised || lex().starters.has(w))
	}
	word := r.Kind == Word || r.Kind == Abbreviation
	switch s.pending {
	case pendPeriod:
		return r.Kind != Punct || r.Text != "-" && r.Text != "/"
	case pendStrong:
		return !(word && r.Case == Lower) && r.Kind != Punct
	case pendFinal:
		return word && (r.Case == Capitalised || r.Case == Upper)
	case pendWeak:
		return r.Kind == Word && r.Case == Capitalised
	case pendInitial:
		return r.Kind == Word && r.Case == Capitalised && lex().starters.has(r.Text)
	}
	return false
}

// wordAfter returns the run of letters that starts at text[i], after spaces
// and further opening quotes, or "".
func wordAfter(text string, i int) string {
	for i < len(text) && (text[i] == ' ' || text[i] == '"' || text[i] == '\'') {
		i++
	}
	j := i
	for j < len(text) && j-i < 32 {
		n := letterAt(text, j)
		if n == 0 {
			break
		}
		j += n
	}
	return text[i:j]
}

// splitClitics queues the pieces of t — proclitic, hyphen, base, hyphen,
// enclitic — of which the caller returns the first.
func (s *scanner) splitClitics(t Token) {
	s.qi, s.qn = 0, 0
	first := t.Flags & (SentenceStart | ParagraphStart)
	t.Flags &^= SentenceStart | ParagraphStart
	pro, enc := int(t.Pro), int(t.Enc)
	t.Pro, t.Enc = 0, 0
	a, b := t.Start, t.End // the base
	piece := func(start, end int, kind Kind, f Flags) {
		p := Token{Text: s.text[start:end], Start: start, End: end, Kind: kind, Flags: f}
		if kind == Word {
			p.Case = caseOf(p.Text)
		}
		s.q[s.qn] = p
		s.qn++
	}
	if pro > 0 {
		piece(a, a+pro, Word, Proclitic)
		a += pro
		if s.text[a] == '-' {
			piece(a, a+1, Punct, 0)
			a++
		}
	}
	hyph := false
	if enc > 0 {
		b -= enc
		if s.text[b-1] == '-' {
			b--
			hyph = true
		}
	}
	base := Token{Text: s.text[a:b], Start: a, End: b, Kind: Word, Flags: t.Flags, Pro: 0, Enc: 0}
	base.Case = caseOf(base.Text)
	s.q[s.qn] = base
	s.qn++
	if enc > 0 {
		if hyph {
			piece(b, b+1, Punct, 0)
			b++
		}
		piece(b, t.End, Word, Enclitic)
	}
	s.q[0].Flags |= first
	s.qi = 1
}
