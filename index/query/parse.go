package query

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Parse parses a query. It reads s once, left to right, in time linear in its
// length (and refuses what goes over lim; see [Limits]). An empty or blank query
// gives a nil Node and no error. Errors are *Error.
func Parse(s string, lim Limits) (Node, error) {
	n, _, err := parse(s, lim)
	return n, err
}

// parse parses s and returns the work done: bytes read plus nodes made, which
// the tests bound by a multiple of len(s).
func parse(s string, lim Limits) (Node, int, error) {
	lim = lim.WithDefaults()
	if len(s) > lim.MaxLength {
		return nil, 0, &Error{Query: s, Pos: lim.MaxLength, End: len(s), Limit: true,
			Msg: fmt.Sprintf("query of %d bytes is longer than the limit of %d", len(s), lim.MaxLength)}
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && w == 1 {
			return nil, i, &Error{Query: s, Pos: i, End: i + 1, Msg: "invalid UTF-8"}
		}
		i += w
	}
	p := &parser{s: s, lim: lim, work: len(s)}
	p.space()
	if p.pos == len(s) {
		return nil, p.work, nil
	}
	n := p.and("")
	if p.err == nil && p.pos < len(s) {
		// and stops only at the end or at a ')' it did not open.
		p.fail(p.pos, p.pos+1, "unmatched )")
	}
	if p.err != nil {
		return nil, p.work, p.err
	}
	return n, p.work, nil
}

type tokKind uint8

const (
	tEOF tokKind = iota
	tLParen
	tRParen
	tPhrase
	tWord
	tField // name: followed by its value
	tAnd
	tOr
	tNot
	tMinus // a - glued to the clause it negates
	tPlus  // a + glued to its clause
)

// token is a lexical token: its kind, its bytes [start, end) and for a phrase
// or word its text without escapes (raw keeps the escapes of a word); for a
// field its canonical field.
type token struct {
	kind       tokKind
	start, end int
	text, raw  string
	field      Field
}

type parser struct {
	s     string
	pos   int
	lim   Limits
	depth int
	// clauses and patterns count the leaves made so far.
	clauses, patterns int
	work              int
	err               *Error
	peeked            bool
	tok               token
}

func (p *parser) fail(start, end int, format string, args ...any) {
	if p.err == nil {
		p.err = &Error{Query: p.s, Pos: start, End: max(end, start+1), Msg: fmt.Sprintf(format, args...)}
	}
}

func (p *parser) failLimit(start, end int, format string, args ...any) {
	if p.err == nil {
		p.fail(start, end, format, args...)
		p.err.Limit = true
	}
}

// space skips white space.
func (p *parser) space() {
	for p.pos < len(p.s) {
		r, w := utf8.DecodeRuneInString(p.s[p.pos:])
		if !unicode.IsSpace(r) {
			return
		}
		p.pos += w
	}
}

// peek returns the token at the current position without consuming it. It is
// lexed once however often peek is called.
func (p *parser) peek() token {
	if !p.peeked {
		p.tok = p.lex()
		p.peeked = true
	}
	return p.tok
}

// next consumes the token peek returned.
func (p *parser) next() token {
	t := p.peek()
	p.peeked = false
	p.pos = t.end
	return t
}

// breaks reports whether r ends a word.
func breaks(r rune) bool {
	return r == '(' || r == ')' || r == '"' || unicode.IsSpace(r)
}

// lex reads the token at p.pos (after white space).
func (p *parser) lex() token {
	s, i := p.s, p.pos
	if i >= len(s) {
		return token{kind: tEOF, start: i, end: i}
	}
	switch s[i] {
	case '(':
		return token{kind: tLParen, start: i, end: i + 1}
	case ')':
		return token{kind: tRParen, start: i, end: i + 1}
	case '"':
		return p.phrase(i)
	case '-', '+':
		if i+1 < len(s) {
			if r, _ := utf8.DecodeRuneInString(s[i+1:]); !unicode.IsSpace(r) && r != ')' {
				k := tMinus
				if s[i] == '+' {
					k = tPlus
				}
				return token{kind: k, start: i, end: i + 1}
			}
		}
	}
	// A field: letters and underscores, then a colon and the value.
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] == '_') {
		j++
	}
	if j > i && j < len(s) && s[j] == ':' && !strings.HasPrefix(s[j+1:], "//") {
		name := s[i:j]
		f, ok := LookupField(name)
		if !ok {
			p.fail(i, j, "unknown field %q (fields: %s; write %s\\: to search the word)", name, fieldNames(), name)
			return token{kind: tEOF, start: len(s), end: len(s)}
		}
		return token{kind: tField, start: i, end: j + 1, text: name, field: f}
	}
	t := p.word(i)
	switch t.raw {
	case "AND":
		t.kind = tAnd
	case "OR":
		t.kind = tOr
	case "NOT":
		t.kind = tNot
	}
	return t
}

// phrase reads a quoted phrase starting at the quote at i.
func (p *parser) phrase(i int) token {
	s := p.s
	var b strings.Builder
	lit := i + 1 // start of the literal run not yet copied
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			if j+1 < len(s) && (s[j+1] == '"' || s[j+1] == '\\') {
				b.WriteString(s[lit:j])
				lit = j + 1
				j++
			}
		case '"':
			b.WriteString(s[lit:j])
			return token{kind: tPhrase, start: i, end: j + 1, text: b.String()}
		}
	}
	p.fail(i, len(s), "unclosed quote")
	return token{kind: tEOF, start: len(s), end: len(s)}
}

// word reads a word starting at i: up to white space, a parenthesis or a quote;
// a backslash makes the next character part of the word.
func (p *parser) word(i int) token {
	s := p.s
	var b strings.Builder
	lit := i
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if breaks(r) {
			break
		}
		if r == '\\' && j+w < len(s) {
			b.WriteString(s[lit:j])
			_, w2 := utf8.DecodeRuneInString(s[j+w:])
			lit = j + w
			j += w + w2
			continue
		}
		j += w
	}
	b.WriteString(s[lit:j])
	return token{kind: tWord, start: i, end: j, text: b.String(), raw: s[i:j]}
}

// and parses clauses up to the end or an unopened ')': all must match.
func (p *parser) and(field string) Node {
	var clauses []Node
	start := p.pos
	for p.err == nil {
		p.space()
		t := p.peek()
		if t.kind == tEOF || t.kind == tRParen {
			break
		}
		if t.kind == tAnd {
			if len(clauses) == 0 {
				p.fail(t.start, t.end, "AND needs a clause before it")
				break
			}
			p.next()
			p.space()
			if k := p.peek().kind; k == tEOF || k == tRParen || k == tAnd || k == tOr {
				p.fail(t.start, t.end, "AND needs a clause after it")
				break
			}
			continue
		}
		c := p.or(field)
		if c != nil {
			clauses = append(clauses, c)
		}
	}
	if p.err != nil || len(clauses) == 0 {
		return nil
	}
	if len(clauses) == 1 {
		return clauses[0]
	}
	p.work += len(clauses)
	return &And{Clauses: clauses, Pos: Span{start, clauses[len(clauses)-1].Span().End}}
}

// or parses clauses joined by OR.
func (p *parser) or(field string) Node {
	first := p.unary(field)
	if first == nil {
		return nil
	}
	clauses := []Node{first}
	for p.err == nil {
		p.space()
		t := p.peek()
		if t.kind != tOr {
			break
		}
		p.next()
		p.space()
		if k := p.peek().kind; k == tEOF || k == tRParen || k == tAnd || k == tOr {
			p.fail(t.start, t.end, "OR needs a clause after it")
			return nil
		}
		c := p.unary(field)
		if c == nil {
			return nil
		}
		clauses = append(clauses, c)
	}
	if p.err != nil {
		return nil
	}
	if len(clauses) == 1 {
		return first
	}
	p.work += len(clauses)
	return &Or{Clauses: clauses, Pos: Span{first.Span().Start, clauses[len(clauses)-1].Span().End}}
}

// unary parses a clause with its NOT, - and + marks.
func (p *parser) unary(field string) Node {
	start := p.pos
	neg, marks := 0, 0
	for p.err == nil {
		t := p.peek()
		switch t.kind {
		case tNot, tMinus, tPlus:
			p.next()
			if t.kind != tPlus {
				neg++
			}
			marks++
			if p.depth+marks > p.lim.MaxDepth {
				p.failLimit(t.start, t.end, "query nested deeper than the limit of %d", p.lim.MaxDepth)
				return nil
			}
			if t.kind == tNot {
				p.space()
				if k := p.peek().kind; k == tEOF || k == tRParen || k == tAnd || k == tOr {
					p.fail(t.start, t.end, "NOT needs a clause after it")
					return nil
				}
			}
			continue
		}
		break
	}
	if p.err != nil {
		return nil
	}
	p.depth += marks
	n := p.primary(field)
	p.depth -= marks
	if n == nil || neg%2 == 0 {
		return n
	}
	p.work++
	return &Not{Clause: n, Pos: Span{start, n.Span().End}}
}

// primary parses a group, a field clause, a phrase or a word.
func (p *parser) primary(field string) Node {
	t := p.peek()
	switch t.kind {
	case tLParen:
		return p.group(field)
	case tRParen:
		p.fail(t.start, t.end, "unmatched )")
	case tAnd:
		p.fail(t.start, t.end, "AND needs a clause before it")
	case tOr:
		p.fail(t.start, t.end, "OR needs a clause before it")
	case tEOF:
		p.fail(t.start, t.end, "a clause is missing at the end")
	case tPhrase, tWord:
		p.next()
		return p.leaf(field, t)
	case tField:
		p.next()
		if field != "" {
			p.fail(t.start, t.end-1, "field %s inside a clause for field %s", t.text, field)
			return nil
		}
		f := t.field.Name
		// The value is read as it is, without looking for a field in it
		// (url:https://…, source:AND).
		if p.pos < len(p.s) {
			switch p.s[p.pos] {
			case '(':
				p.peek()
				return p.group(f)
			case '"':
				v := p.phrase(p.pos)
				if p.err != nil {
					return nil
				}
				p.pos = v.end
				return widen(p.leaf(f, v), t.start)
			}
		}
		if r, _ := utf8.DecodeRuneInString(p.s[p.pos:]); p.pos >= len(p.s) || breaks(r) {
			p.fail(t.start, t.end, "field %s needs a value after the colon", t.text)
			return nil
		}
		v := p.word(p.pos)
		p.pos = v.end
		return widen(p.leaf(f, v), t.start)
	}
	return nil
}

// widen extends the span of a leaf back to the start of its field name.
func widen(n Node, start int) Node {
	switch n := n.(type) {
	case *Word:
		n.Pos.Start = start
	case *Phrase:
		n.Pos.Start = start
	case *Prefix:
		n.Pos.Start = start
	case *Wildcard:
		n.Pos.Start = start
	case *Fuzzy:
		n.Pos.Start = start
	case *Range:
		n.Pos.Start = start
	}
	return n
}

// group parses a parenthesised group.
func (p *parser) group(field string) Node {
	open := p.next()
	p.depth++
	if p.depth > p.lim.MaxDepth {
		p.failLimit(open.start, open.end, "query nested deeper than the limit of %d", p.lim.MaxDepth)
		return nil
	}
	n := p.and(field)
	p.depth--
	if p.err != nil {
		return nil
	}
	p.space()
	if p.peek().kind != tRParen {
		p.fail(open.start, open.end, "unclosed (")
		return nil
	}
	if n == nil {
		p.fail(open.start, p.pos+1, "empty parentheses")
		return nil
	}
	p.next()
	// A group keeps its own node (so that formatting round-trips); its span
	// covers the parentheses.
	switch g := n.(type) {
	case *And:
		g.Pos = Span{open.start, p.pos}
	case *Or:
		g.Pos = Span{open.start, p.pos}
	}
	return n
}

// leaf makes the node of a word or phrase in a field ("" for the default fields).
func (p *parser) leaf(field string, t token) Node {
	kind := Text
	name := "the default fields"
	if field != "" {
		f, _ := LookupField(field)
		kind, name = f.Kind, f.Name
	}
	sp := Span{t.start, t.end}
	count := 1
	if t.kind == tPhrase {
		count = max(1, len(strings.Fields(t.text)))
	}
	p.clauses += count
	p.work += count
	if p.clauses > p.lim.MaxClauses {
		p.failLimit(t.start, t.end, "query has more clauses than the limit of %d", p.lim.MaxClauses)
		return nil
	}
	if t.kind == tPhrase {
		switch kind {
		case Date, Number:
			p.fail(t.start, t.end, "field %s takes a %s, not a phrase", name, kind)
			return nil
		}
		return &Phrase{Field: field, Text: t.text, Pos: sp}
	}
	switch kind {
	case Date, Number:
		return p.rangeOf(field, kind, t)
	}
	pat, isPattern := pattern(t.raw)
	if !isPattern {
		return &Word{Field: field, Text: t.text, Pos: sp}
	}
	if kind == Entity {
		p.fail(t.start, t.end, "field %s takes a name (persons:\"Pavel Durov\"), not a pattern", name)
		return nil
	}
	p.patterns++
	if p.patterns > p.lim.MaxPatterns {
		p.failLimit(t.start, t.end, "query has more patterns (prefix, wildcard, fuzzy) than the limit of %d", p.lim.MaxPatterns)
		return nil
	}
	switch pat.kind {
	case patPrefix:
		if pat.text == "" {
			p.fail(t.start, t.end, "a pattern needs a character that is not * or ?")
			return nil
		}
		return &Prefix{Field: field, Text: strings.ToLower(pat.text), Pos: sp}
	case patFuzzy:
		if kind != Text {
			p.fail(t.start, t.end, "field %s does not take fuzzy words", name)
			return nil
		}
		if pat.text == "" {
			p.fail(t.start, t.end, "~ needs a word before it")
			return nil
		}
		if pat.distance > 2 {
			p.fail(t.start, t.end, "fuzzy distance %d is over 2", pat.distance)
			return nil
		}
		return &Fuzzy{Field: field, Text: strings.ToLower(pat.text), Distance: pat.distance, Pos: sp}
	}
	if kind != Text {
		p.fail(t.start, t.end, "field %s takes values or prefixes (kompas*), not wildcards", name)
		return nil
	}
	if !pat.literal {
		p.fail(t.start, t.end, "a pattern needs a character that is not * or ?")
		return nil
	}
	return &Wildcard{Field: field, Pattern: strings.ToLower(pat.text), Pos: sp}
}

type patKind uint8

const (
	patPrefix patKind = iota + 1
	patWildcard
	patFuzzy
)

type pat struct {
	kind     patKind
	text     string // prefix or fuzzy word unescaped; wildcard pattern with \* \? \\ kept
	distance int
	literal  bool // a wildcard pattern has a character that is not a wildcard
}

// pattern reads the raw text of a word as a pattern: a trailing unescaped * is
// a prefix, another unescaped * or ? a wildcard, a trailing ~ or ~N a fuzzy word.
func pattern(raw string) (pat, bool) {
	// The fuzzy mark: ~ and digits at the end, the ~ not escaped.
	if k := strings.LastIndexByte(raw, '~'); k >= 0 && !escaped(raw, k) {
		digits := raw[k+1:]
		ok := true
		for _, c := range []byte(digits) {
			if c < '0' || c > '9' {
				ok = false
			}
		}
		if ok {
			d := 0
			if digits == "" {
				d = -1 // by length
			} else if len(digits) > 2 {
				d = 99
			} else {
				d, _ = strconv.Atoi(digits)
			}
			text := unescape(raw[:k])
			if d == -1 {
				d = 1
				if utf8.RuneCountInString(text) > 5 {
					d = 2
				}
			}
			return pat{kind: patFuzzy, text: text, distance: d}, true
		}
	}
	wild, last := 0, -1
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case '\\':
			i++
		case '*', '?':
			wild++
			last = i
		}
	}
	if wild == 0 {
		return pat{}, false
	}
	if wild == 1 && last == len(raw)-1 && raw[last] == '*' {
		return pat{kind: patPrefix, text: unescape(raw[:last])}, true
	}
	// Keep \* \? and \\ as escapes, drop the others.
	var b strings.Builder
	literal := false
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < len(raw):
			i++
			if n := raw[i]; n == '*' || n == '?' || n == '\\' {
				b.WriteByte('\\')
			}
			b.WriteByte(raw[i])
			literal = true
		case c == '*' || c == '?':
			b.WriteByte(c)
		default:
			b.WriteByte(c)
			literal = true
		}
	}
	return pat{kind: patWildcard, text: b.String(), literal: literal}, true
}

// escaped reports whether the byte at i of raw is escaped by a backslash.
func escaped(raw string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && raw[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// unescape drops the backslashes of a raw word.
func unescape(raw string) string {
	if !strings.Contains(raw, `\`) {
		return raw
	}
	var b strings.Builder
	for i := 0; i < len(raw); i++ {
		if raw[i] == '\\' && i+1 < len(raw) {
			i++
		}
		b.WriteByte(raw[i])
	}
	return b.String()
}

// rangeOf parses the value of a date or number field: >x, >=x, <x, <=x, x or a..b.
func (p *parser) rangeOf(field string, kind FieldKind, t token) Node {
	v := t.text
	r := &Range{Field: field, Pos: Span{t.start, t.end}}
	bad := func(format string, args ...any) Node {
		p.fail(t.start, t.end, format, args...)
		return nil
	}
	example := "published:>=2024-01-01, published:2024-03 or published:2024-01..2024-06"
	if kind == Number {
		example = "money:>1e9, money:>=500000000 or money:1e6..5e6"
	}
	op := ""
	for _, o := range []string{">=", "<=", ">", "<"} {
		if strings.HasPrefix(v, o) {
			op, v = o, v[len(o):]
			break
		}
	}
	lo, hi, rng := v, v, false
	if op == "" {
		if a, b, ok := strings.Cut(v, ".."); ok {
			lo, hi, rng = a, b, true
			if lo == "" && hi == "" {
				return bad("a range needs at least one end (%s)", example)
			}
		}
	} else if v == "" {
		return bad("%s needs a value (%s)", op, example)
	}
	if kind == Date {
		var loT, loEnd, hiEnd time.Time
		var ok bool
		if lo != "" {
			if loT, loEnd, ok = dateSpan(lo); !ok {
				return bad("%q is not a date (%s)", lo, example)
			}
		}
		if hi != "" && hi != lo {
			if _, hiEnd, ok = dateSpan(hi); !ok {
				return bad("%q is not a date (%s)", hi, example)
			}
		} else {
			hiEnd = loEnd
		}
		at := func(t time.Time) Bound { return Bound{Set: true, Inclusive: true, Time: t} }
		before := func(t time.Time) Bound { return Bound{Set: true, Time: t} }
		switch op {
		case ">":
			r.Lo = at(loEnd)
		case ">=":
			r.Lo = at(loT)
		case "<":
			r.Hi = before(loT)
		case "<=":
			r.Hi = before(loEnd)
		default:
			if !rng || lo != "" {
				r.Lo = at(loT)
			}
			if !rng || hi != "" {
				r.Hi = before(hiEnd)
			}
		}
		if r.Lo.Set && r.Hi.Set && !r.Lo.Time.Before(r.Hi.Time) {
			return bad("empty date range")
		}
		return r
	}
	num := func(s string) (float64, bool) {
		f, err := strconv.ParseFloat(s, 64)
		return f, err == nil && !math.IsNaN(f) && !math.IsInf(f, 0)
	}
	var a, b float64
	var ok bool
	if lo != "" {
		if a, ok = num(lo); !ok {
			return bad("%q is not a number (%s)", lo, example)
		}
	}
	if hi != "" {
		if b, ok = num(hi); !ok {
			return bad("%q is not a number (%s)", hi, example)
		}
	}
	switch op {
	case ">":
		r.Lo = Bound{Set: true, Number: a}
	case ">=":
		r.Lo = Bound{Set: true, Inclusive: true, Number: a}
	case "<":
		r.Hi = Bound{Set: true, Number: a}
	case "<=":
		r.Hi = Bound{Set: true, Inclusive: true, Number: a}
	default:
		if lo != "" {
			r.Lo = Bound{Set: true, Inclusive: true, Number: a}
		}
		if hi != "" {
			r.Hi = Bound{Set: true, Inclusive: true, Number: b}
		}
	}
	if r.Lo.Set && r.Hi.Set && r.Lo.Number > r.Hi.Number {
		return bad("empty number range")
	}
	return r
}

// dateSpan parses a date of the query language and returns the span it stands
// for, [start, end): a year, a month, a day or an instant.
func dateSpan(s string) (time.Time, time.Time, bool) {
	for _, l := range []struct {
		layout string
		next   func(time.Time) time.Time
	}{
		{"2006", func(t time.Time) time.Time { return t.AddDate(1, 0, 0) }},
		{"2006-01", func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }},
		{"2006-01-02", func(t time.Time) time.Time { return t.AddDate(0, 0, 1) }},
		{"2006-01-02T15:04:05", func(t time.Time) time.Time { return t.Add(time.Second) }},
		{time.RFC3339Nano, func(t time.Time) time.Time { return t.Add(time.Nanosecond) }},
	} {
		if len(s) < 4 {
			break
		}
		if t, err := time.Parse(l.layout, s); err == nil {
			t = t.UTC()
			return t, l.next(t), true
		}
	}
	return time.Time{}, time.Time{}, false
}
