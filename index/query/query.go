// Package query is Telaah's query language for news search: its syntax tree, its
// parser and its limits. It knows nothing of a search engine: package index
// translates a [Node] to bleve queries and package index/opensearch to OpenSearch
// JSON, so that the same query means the same thing on both backends.
//
// # Syntax
//
// A query is a list of clauses separated by spaces; an article must match all of
// them. The words of a clause are analysed as the articles were (package index,
// analyzer "id"), so that pengguna finds penggunaan and menggunakan but Bekasi
// never matches bekas.
//
//	banjir bekasi                both words, in the title or the body
//	"harga cabai"                the words in this order, next to each other
//	banjir OR longsor            either word
//	banjir AND tol               both words (AND is optional)
//	banjir -jakarta              banjir but not jakarta; NOT jakarta is the same
//	+banjir                      + marks a required word, which every word already is
//	(banjir OR longsor) bekasi   parentheses group clauses
//	title:banjir                 a field: title, body, persons, orgs, places, source,
//	                             authors, tags, url, published, dates, money
//	persons:"Pavel Durov"        an entity: any alias or case of a known name
//	title:(banjir OR longsor)    a field for every clause of a group
//	published:>=2024-01-01       dates: >, >=, <, <=, a day, a month (2024-03), a
//	published:2024-01..2024-03   year (2024) or a range a..b (both ends included)
//	money:>1e9                   amounts, with the same comparisons and ranges
//	presiden*                    a prefix; * and ? inside a word are wildcards
//	telegarm~                    a word within one or two edits (~1, ~2)
//
// AND, OR and NOT are operators only in capitals; and, or and not are words.
// OR binds tighter than AND, as in web search engines: banjir OR longsor bekasi
// means (banjir OR longsor) AND bekasi. A backslash makes the next character
// literal (\- \" \* \( \:); inside a phrase only \" and \\ are escapes.
//
// Patterns (prefix, wildcard, fuzzy) are matched against the indexed terms: the
// stems of ordinary words and names as written, lower-cased, so presiden* finds
// presiden and presidennya but a pattern is not itself stemmed.
//
// # Limits
//
// [Parse] reads a query once, in time linear in its length, and refuses with an
// [*Error] (which wraps [ErrLimit]) a query longer than [Limits].MaxLength bytes,
// with more than MaxClauses clauses, nested deeper than MaxDepth or with more
// than MaxPatterns patterns. MaxExpansions bounds the terms the patterns of one
// query may expand to; the backend applies it.
package query

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Node is a clause of a query: *And, *Or, *Not, *Word, *Phrase, *Prefix,
// *Wildcard, *Fuzzy or *Range. A nil Node matches every article.
type Node interface {
	// Span is where the clause is in the query text.
	Span() Span
	node()
}

// Span is a range of bytes [Start, End) of the query text.
type Span struct{ Start, End int }

// And matches the articles that match every clause.
type And struct {
	Clauses []Node
	Pos     Span // where the clause is in the query
}

// Or matches the articles that match at least one clause.
type Or struct {
	Clauses []Node
	Pos     Span // where the clause is in the query
}

// Not matches the articles that do not match its clause. Inside an And it
// excludes; on its own it matches every article but those.
type Not struct {
	Clause Node
	Pos    Span // where the clause is in the query
}

// Word is one word as the user wrote it (without escapes). Field is "" for the
// default fields, title and body; the backend analyses Text with the analyzer
// of the field, and for an entity or keyword field matches the whole value.
type Word struct {
	Field string
	Text  string
	Pos   Span // where the clause is in the query
}

// Phrase is a quoted text: its words next to each other in this order in a text
// field, or a whole value (a name of several words) in an entity or keyword field.
type Phrase struct {
	Field string
	Text  string
	Pos   Span // where the clause is in the query
}

// Prefix matches the indexed terms that start with Text (lower-cased).
type Prefix struct {
	Field string
	Text  string
	Pos   Span // where the clause is in the query
}

// Wildcard matches the indexed terms that match Pattern (lower-cased), where *
// stands for any run of characters and ? for one character. An escaped \* or \?
// is kept as \* or \? in Pattern and stands for itself.
type Wildcard struct {
	Field   string
	Pattern string
	Pos     Span // where the clause is in the query
}

// Fuzzy matches the indexed terms within Distance edits (1 or 2) of Text
// (lower-cased).
type Fuzzy struct {
	Field    string
	Text     string
	Distance int
	Pos      Span // where the clause is in the query
}

// Range matches the articles with a value of a date or number field inside
// [Lo, Hi]; an unset bound is open. Dates are normalised so that Lo is
// inclusive and Hi exclusive (published:2024-03 is [2024-03-01, 2024-04-01)).
type Range struct {
	Field  string
	Lo, Hi Bound
	Pos    Span // where the clause is in the query
}

// Bound is one end of a Range: a time for a date field, a number for a number
// field.
type Bound struct {
	Set       bool
	Inclusive bool
	Time      time.Time
	Number    float64
}

// Span returns where the clause is in the query.
func (n *And) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Or) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Not) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Word) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Phrase) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Prefix) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Wildcard) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Fuzzy) Span() Span { return n.Pos }

// Span returns where the clause is in the query.
func (n *Range) Span() Span { return n.Pos }
func (*And) node()          {}
func (*Or) node()           {}
func (*Not) node()          {}
func (*Word) node()         {}
func (*Phrase) node()       {}
func (*Prefix) node()       {}
func (*Wildcard) node()     {}
func (*Fuzzy) node()        {}
func (*Range) node()        {}

// FieldKind says what a field holds and so which clauses it takes.
type FieldKind uint8

// The kinds of fields.
const (
	Text    FieldKind = iota // analysed text: words, phrases, patterns
	Entity                   // names resolved through the entity registry
	Keyword                  // exact values (any case): words, phrases, prefixes
	Date                     // dates: ranges
	Number                   // numbers: ranges
)

// String returns the name of the kind.
func (k FieldKind) String() string {
	switch k {
	case Text:
		return "text"
	case Entity:
		return "entity"
	case Keyword:
		return "keyword"
	case Date:
		return "date"
	case Number:
		return "number"
	}
	return fmt.Sprintf("FieldKind(%d)", uint8(k))
}

// Field is a field users may name in a query.
type Field struct {
	Name    string // the canonical name, as in the index
	Kind    FieldKind
	Aliases []string // other names accepted in a query
	Doc     string   // what it holds, for help texts
}

// The canonical field names (the names of the index fields).
const (
	FieldTitle         = "title"
	FieldBody          = "body"
	FieldPersons       = "persons"
	FieldOrganizations = "organizations"
	FieldPlaces        = "places"
	FieldSource        = "source"
	FieldAuthors       = "authors"
	FieldTags          = "tags"
	FieldURL           = "url"
	FieldPublished     = "published"
	FieldDates         = "dates"
	FieldMoney         = "money"
)

// DefaultFields are the fields a clause without a field searches.
var DefaultFields = []string{FieldTitle, FieldBody}

// Fields returns the fields of the query language, in the order help texts list
// them.
func Fields() []Field {
	return []Field{
		{FieldTitle, Text, nil, "the headline"},
		{FieldBody, Text, nil, "the text of the article"},
		{FieldPersons, Entity, []string{"person"}, "persons named in the article"},
		{FieldOrganizations, Entity, []string{"orgs", "org", "organization", "organisations", "organisation"}, "organisations named in the article"},
		{FieldPlaces, Entity, []string{"place"}, "places named in the article"},
		{FieldSource, Keyword, []string{"sources"}, "the publication"},
		{FieldAuthors, Keyword, []string{"author"}, "the authors"},
		{FieldTags, Keyword, []string{"tag"}, "the tags"},
		{FieldURL, Keyword, nil, "the address of the article"},
		{FieldPublished, Date, []string{"date"}, "the publication date"},
		{FieldDates, Date, nil, "dates mentioned in the article"},
		{FieldMoney, Number, nil, "amounts of money mentioned, in rupiah or the currency given"},
	}
}

// LookupField returns the field a query calls name (any case, any alias).
func LookupField(name string) (Field, bool) {
	for _, f := range Fields() {
		if strings.EqualFold(f.Name, name) {
			return f, true
		}
		for _, a := range f.Aliases {
			if strings.EqualFold(a, name) {
				return f, true
			}
		}
	}
	return Field{}, false
}

// fieldNames lists the names a query may use, for error messages.
func fieldNames() string {
	var names []string
	for _, f := range Fields() {
		n := f.Name
		if f.Name == FieldOrganizations {
			n = "orgs"
		}
		names = append(names, n)
	}
	return strings.Join(names, ", ")
}

// Limits bound the work a query may ask for. A zero field takes its default; a
// negative one means no limit.
type Limits struct {
	// MaxLength is the longest query in bytes (default DefaultMaxLength).
	MaxLength int
	// MaxClauses is the largest number of clauses: words, patterns and ranges,
	// each word of a phrase counting as one (default DefaultMaxClauses).
	MaxClauses int
	// MaxDepth is the deepest nesting of parentheses and negations (default
	// DefaultMaxDepth, at most MaxDepthCap).
	MaxDepth int
	// MaxPatterns is the largest number of prefix, wildcard and fuzzy clauses
	// (default DefaultMaxPatterns).
	MaxPatterns int
	// MaxExpansions is the largest number of indexed terms the patterns of one
	// query may expand to, together (default DefaultMaxExpansions). The parser
	// does not use it; backends do.
	MaxExpansions int
}

// The default limits: generous for anything a person types, small enough that
// no query costs more than a fraction of a second on a large index.
const (
	DefaultMaxLength     = 16 << 10
	DefaultMaxClauses    = 1024
	DefaultMaxDepth      = 32
	DefaultMaxPatterns   = 16
	DefaultMaxExpansions = 4096
	// MaxDepthCap bounds MaxDepth even when it is negative: the parser
	// recurses once per level.
	MaxDepthCap = 10000
)

// WithDefaults returns the limits with every zero field set to its default and
// every negative one to the largest int.
func (l Limits) WithDefaults() Limits {
	set := func(v *int, def int) {
		switch {
		case *v == 0:
			*v = def
		case *v < 0:
			*v = int(^uint(0) >> 1)
		}
	}
	set(&l.MaxLength, DefaultMaxLength)
	set(&l.MaxClauses, DefaultMaxClauses)
	set(&l.MaxDepth, DefaultMaxDepth)
	l.MaxDepth = min(l.MaxDepth, MaxDepthCap)
	set(&l.MaxPatterns, DefaultMaxPatterns)
	set(&l.MaxExpansions, DefaultMaxExpansions)
	return l
}

// Or returns the limits with every zero field taken from o: a request's own
// limits, then its index's (call WithDefaults after for the defaults).
func (l Limits) Or(o Limits) Limits {
	pick := func(a, b int) int {
		if a != 0 {
			return a
		}
		return b
	}
	return Limits{
		MaxLength:     pick(l.MaxLength, o.MaxLength),
		MaxClauses:    pick(l.MaxClauses, o.MaxClauses),
		MaxDepth:      pick(l.MaxDepth, o.MaxDepth),
		MaxPatterns:   pick(l.MaxPatterns, o.MaxPatterns),
		MaxExpansions: pick(l.MaxExpansions, o.MaxExpansions),
	}
}

// ErrLimit is wrapped by every error that refuses a query for going over one of
// its Limits.
var ErrLimit = errors.New("query limit exceeded")

// Error is a query that cannot be parsed or is refused, with the place in the
// query.
type Error struct {
	Query    string // the query
	Pos, End int    // the bytes [Pos, End) of Query at fault
	Msg      string // what is wrong
	Limit    bool   // the query is refused for going over a limit
}

// Error returns "query: MSG at character N", counting characters from 1.
func (e *Error) Error() string {
	return fmt.Sprintf("query: %s at character %d", e.Msg, e.Column())
}

// Column is the 1-based character position of the error in the query.
func (e *Error) Column() int {
	p := max(0, min(e.Pos, len(e.Query)))
	return utf8.RuneCountInString(e.Query[:p]) + 1
}

// Unwrap returns ErrLimit for a refused query, else nil.
func (e *Error) Unwrap() error {
	if e.Limit {
		return ErrLimit
	}
	return nil
}

// Pointer returns two lines that show where the error is: the query (a window of
// it around the error when it is long, with control characters shown as spaces)
// and a caret under the fault.
func (e *Error) Pointer() string {
	const before, after = 40, 30
	q := e.Query
	p := max(0, min(e.Pos, len(q)))
	lo, hi := p, p
	for n := 0; lo > 0 && n < before; n++ {
		_, w := utf8.DecodeLastRuneInString(q[:lo])
		lo -= w
	}
	for n := 0; hi < len(q) && n < after; n++ {
		_, w := utf8.DecodeRuneInString(q[hi:])
		hi += w
	}
	clean := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
				return ' '
			}
			return r
		}, s)
	}
	head, tail := "", ""
	if lo > 0 {
		head = "…"
	}
	if hi < len(q) {
		tail = "…"
	}
	line := head + clean(q[lo:p]) + clean(q[p:hi]) + tail
	col := utf8.RuneCountInString(head + q[lo:p])
	width := max(1, utf8.RuneCountInString(q[p:max(p, min(e.End, hi))]))
	return line + "\n" + strings.Repeat(" ", col) + strings.Repeat("^", width)
}
