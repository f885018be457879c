package query

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Walk calls f for n and, while f returns true, for the clauses inside it,
// depth first. It is how backends and highlighters visit a query.
func Walk(n Node, f func(Node) bool) {
	if n == nil || !f(n) {
		return
	}
	switch n := n.(type) {
	case *And:
		for _, c := range n.Clauses {
			Walk(c, f)
		}
	case *Or:
		for _, c := range n.Clauses {
			Walk(c, f)
		}
	case *Not:
		Walk(n.Clause, f)
	}
}

// Format writes a query back in the query language, in a canonical form that
// Parse reads back to the same meaning: groups in parentheses, fields by their
// canonical names, negations as -, dates in full. A nil Node is "".
func Format(n Node) string {
	var b strings.Builder
	format(&b, n, true)
	return b.String()
}

func format(b *strings.Builder, n Node, top bool) {
	field := func(f string) {
		if f != "" {
			b.WriteString(f)
			b.WriteByte(':')
		}
	}
	switch n := n.(type) {
	case nil:
	case *And:
		group(b, n.Clauses, " ", top)
	case *Or:
		group(b, n.Clauses, " OR ", top)
	case *Not:
		b.WriteByte('-')
		format(b, n.Clause, false)
	case *Word:
		field(n.Field)
		b.WriteString(escapeWord(n.Text, ""))
	case *Phrase:
		field(n.Field)
		b.WriteByte('"')
		b.WriteString(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(n.Text))
		b.WriteByte('"')
	case *Prefix:
		field(n.Field)
		b.WriteString(escapeWord(n.Text, ""))
		b.WriteByte('*')
	case *Wildcard:
		field(n.Field)
		// The pattern keeps \* \? and \\; escape the rest.
		for i := 0; i < len(n.Pattern); i++ {
			c := n.Pattern[i]
			switch {
			case c == '\\' && i+1 < len(n.Pattern):
				b.WriteByte(c)
				i++
				b.WriteByte(n.Pattern[i])
			case c == '*' || c == '?':
				b.WriteByte(c)
			default:
				j := i + 1
				for j < len(n.Pattern) && !strings.ContainsRune(`\*?`, rune(n.Pattern[j])) {
					j++
				}
				b.WriteString(escapeWord(n.Pattern[i:j], "~"))
				i = j - 1
			}
		}
	case *Fuzzy:
		field(n.Field)
		b.WriteString(escapeWord(n.Text, ""))
		b.WriteByte('~')
		b.WriteString(strconv.Itoa(n.Distance))
	case *Range:
		formatRange(b, n)
	}
}

func group(b *strings.Builder, clauses []Node, sep string, top bool) {
	if !top {
		b.WriteByte('(')
	}
	for i, c := range clauses {
		if i > 0 {
			b.WriteString(sep)
		}
		format(b, c, false)
	}
	if !top {
		b.WriteByte(')')
	}
}

// escapeWord escapes what would not read back as the same word: operators,
// leading marks, specials and a field-like colon. extra lists more bytes to
// escape.
func escapeWord(w, extra string) string {
	switch w {
	case "AND", "OR", "NOT":
		return `\` + w
	}
	var b strings.Builder
	for i, r := range w {
		switch {
		case strings.ContainsRune(`\()"*?:~`+extra, r), i == 0 && (r == '-' || r == '+'), unicode.IsSpace(r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func formatRange(b *strings.Builder, r *Range) {
	f, _ := LookupField(r.Field)
	val := func(x Bound) string {
		if f.Kind == Date {
			t := x.Time.UTC()
			if t.Equal(t.Truncate(24 * time.Hour)) {
				return t.Format(time.DateOnly)
			}
			return t.Format(time.RFC3339Nano)
		}
		return strconv.FormatFloat(x.Number, 'g', -1, 64)
	}
	one := func(op string, x Bound) {
		b.WriteString(r.Field)
		b.WriteByte(':')
		b.WriteString(op)
		b.WriteString(val(x))
	}
	lo, hi := r.Lo, r.Hi
	switch {
	case f.Kind == Number && lo.Set && hi.Set && lo.Inclusive && hi.Inclusive:
		if lo.Number == hi.Number {
			one("", lo)
			return
		}
		one("", lo)
		b.WriteString("..")
		b.WriteString(val(hi))
	case lo.Set && hi.Set:
		// lo..hi' where hi' is the last day (or instant) before hi.
		one("", lo)
		b.WriteString("..")
		last := hi.Time.UTC().Add(-time.Nanosecond)
		if h := hi.Time.UTC(); h.Equal(h.Truncate(24 * time.Hour)) {
			last = h.AddDate(0, 0, -1)
		}
		b.WriteString(val(Bound{Time: last}))
	case lo.Set && lo.Inclusive:
		one(">=", lo)
	case lo.Set:
		one(">", lo)
	case hi.Set && hi.Inclusive:
		one("<=", hi)
	case hi.Set:
		one("<", hi)
	}
}
