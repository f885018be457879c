package query

import (
	"errors"
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"", ""},
		{"   ", ""},
		{"banjir", "banjir"},
		{"banjir bekasi", "banjir bekasi"},
		{"banjir AND tol", "banjir tol"},
		{"banjir and tol", "banjir and tol"}, // lower-case and is a word
		{"banjir OR longsor", "banjir OR longsor"},
		{"banjir OR longsor bekasi", "(banjir OR longsor) bekasi"},
		{"bekasi banjir OR longsor OR gempa", "bekasi (banjir OR longsor OR gempa)"},
		{"banjir -jakarta", "banjir -jakarta"},
		{"banjir NOT jakarta", "banjir -jakarta"},
		{"NOT NOT banjir", "banjir"},
		{"+banjir", "banjir"},
		{"(banjir OR longsor) bekasi", "(banjir OR longsor) bekasi"},
		{"-(banjir longsor)", "-(banjir longsor)"},
		{`"harga cabai"`, `"harga cabai"`},
		{`"harga \"cabai\""`, `"harga \"cabai\""`},
		{`title:banjir`, `title:banjir`},
		{`TITLE:banjir`, `title:banjir`},
		{`persons:"Pavel Durov"`, `persons:"Pavel Durov"`},
		{`orgs:Telegram`, `organizations:Telegram`},
		{`source:Kompas.com`, `source:Kompas.com`},
		{`source:"Kompas.com"`, `source:"Kompas.com"`},
		{`title:(banjir OR longsor)`, `title:banjir OR title:longsor`},
		{`title:(banjir longsor)`, `title:banjir title:longsor`},
		{`published:>=2024-01-01`, `published:>=2024-01-01`},
		{`published:>2024-01`, `published:>=2024-02-01`},
		{`published:<=2024`, `published:<2025-01-01`},
		{`published:2024-03`, `published:2024-03-01..2024-03-31`},
		{`published:2024-01..2024-03`, `published:2024-01-01..2024-03-31`},
		{`published:2024-01..`, `published:>=2024-01-01`},
		{`money:>1e9`, `money:>1e+09`},
		{`money:1e6..5e6`, `money:1e+06..5e+06`},
		{`money:1000`, `money:1000`},
		{`presiden*`, `presiden*`},
		{`*a*`, `*a*`},
		{`te?egram`, `te?egram`},
		{`telegarm~`, `telegarm~2`},
		{`durov~1`, `durov~1`},
		{`duro~`, `duro~1`},
		{`source:kompas*`, `source:kompas*`},
		{`url:https://example.com/a`, `url:https\://example.com/a`},
		{`https://example.com/a`, `https\://example.com/a`},
		{`10:30`, `10\:30`},
		{`catatan\:penting`, `catatan\:penting`},
		{`\-banjir`, `\-banjir`},
		{`\AND`, `\AND`},
		{`a - b`, `a \- b`}, // a lone dash is a word (the analyzer drops it)
		{`anak-anak`, `anak-anak`},
		{`banjir)`, ``}, // error below
	} {
		n, err := Parse(c.q, Limits{})
		if c.q == "banjir)" {
			if err == nil {
				t.Errorf("%q: no error", c.q)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.q, err)
			continue
		}
		if got := Format(n); got != c.want {
			t.Errorf("%q: got %s, want %s", c.q, got, c.want)
		}
		// The canonical form reads back to itself.
		n2, err := Parse(Format(n), Limits{})
		if err != nil || Format(n2) != Format(n) {
			t.Errorf("%q: canonical form %q reads back as %q (%v)", c.q, Format(n), Format(n2), err)
		}
	}
}

func TestParseNodes(t *testing.T) {
	n, err := Parse(`title:banjir "harga cabai" published:2024-03 money:>=5e8 pengg*`, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	a, ok := n.(*And)
	if !ok || len(a.Clauses) != 5 {
		t.Fatalf("got %#v", n)
	}
	if w, ok := a.Clauses[0].(*Word); !ok || w.Field != FieldTitle || w.Text != "banjir" || w.Pos != (Span{0, 12}) {
		t.Errorf("clause 0: %#v", a.Clauses[0])
	}
	if p, ok := a.Clauses[1].(*Phrase); !ok || p.Field != "" || p.Text != "harga cabai" || p.Pos != (Span{13, 26}) {
		t.Errorf("clause 1: %#v", a.Clauses[1])
	}
	r, ok := a.Clauses[2].(*Range)
	march, april := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)
	if !ok || r.Field != FieldPublished || !r.Lo.Time.Equal(march) || !r.Lo.Inclusive || !r.Hi.Time.Equal(april) || r.Hi.Inclusive {
		t.Errorf("clause 2: %#v", a.Clauses[2])
	}
	if r, ok := a.Clauses[3].(*Range); !ok || r.Lo.Number != 5e8 || !r.Lo.Inclusive || r.Hi.Set {
		t.Errorf("clause 3: %#v", a.Clauses[3])
	}
	if p, ok := a.Clauses[4].(*Prefix); !ok || p.Text != "pengg" {
		t.Errorf("clause 4: %#v", a.Clauses[4])
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		q   string
		pos int // 1-based character
		msg string
	}{
		{`title:(`, 7, "unclosed ("},
		{`(banjir`, 1, "unclosed ("},
		{`banjir)`, 7, "unmatched )"},
		{`"harga cabai`, 1, "unclosed quote"},
		{`title:`, 1, "needs a value"},
		{`title: banjir`, 1, "needs a value"},
		{`nosuchfield:kata`, 1, `unknown field "nosuchfield"`},
		{`banjir AND`, 8, "AND needs a clause after it"},
		{`AND banjir`, 1, "AND needs a clause before it"},
		{`banjir OR`, 8, "OR needs a clause after it"},
		{`OR banjir`, 1, "OR needs a clause before it"},
		{`banjir NOT`, 8, "NOT needs a clause after it"},
		{`()`, 1, "empty parentheses"},
		{`title:(body:x)`, 8, "field body inside a clause for field title"},
		{`persons:durov*`, 9, "takes a name"},
		{`published:kemarin`, 11, "not a date"},
		{`published:"2024"`, 11, "not a phrase"},
		{`published:2024-03..2024-01`, 11, "empty date range"},
		{`money:>lots`, 7, "not a number"},
		{`money:5..1`, 7, "empty number range"},
		{`*`, 1, "needs a character"},
		{`**?`, 1, "needs a character"},
		{`durov~3`, 1, "over 2"},
		{`source:kompas~`, 8, "does not take fuzzy"},
		{"banjir \xff", 8, "invalid UTF-8"},
		{`Pavel "Durov`, 7, "unclosed quote"},
	} {
		_, err := Parse(c.q, Limits{})
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: error %v is not a *query.Error", c.q, err)
			continue
		}
		if e.Column() != c.pos || !strings.Contains(e.Msg, c.msg) {
			t.Errorf("%q: %v (column %d), want %q at %d", c.q, err, e.Column(), c.msg, c.pos)
		}
		if errors.Is(err, ErrLimit) {
			t.Errorf("%q: a syntax error wraps ErrLimit", c.q)
		}
	}
}

func TestPointer(t *testing.T) {
	_, err := Parse(`banjir title:(`, Limits{})
	var e *Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	want := "banjir title:(\n             ^"
	if got := e.Pointer(); got != want {
		t.Errorf("pointer:\n%s\nwant:\n%s", got, want)
	}
	long := strings.Repeat("kata ", 100) + "nosuch:x"
	_, err = Parse(long, Limits{})
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	lines := strings.Split(e.Pointer(), "\n")
	if len(lines) != 2 || len([]rune(lines[0])) > 80 || !strings.HasPrefix(lines[0], "…") {
		t.Errorf("pointer of a long query: %q", e.Pointer())
	}
	caret := strings.Index(lines[1], "^")
	if got := string([]rune(lines[0])[caret:]); !strings.HasPrefix(got, "nosuch") {
		t.Errorf("caret points at %q", got)
	}
}

func TestLimits(t *testing.T) {
	for _, c := range []struct {
		q   string
		lim Limits
		ok  bool
	}{
		{strings.Repeat("telegram pengguna ", 500), Limits{}, true}, // 9 KB, 1000 words
		{strings.Repeat("a", DefaultMaxLength+1), Limits{}, false},
		{strings.Repeat("a", DefaultMaxLength+1), Limits{MaxLength: -1}, true},
		{strings.Repeat("kata ", 1025), Limits{}, false},
		{strings.Repeat("kata ", 1025), Limits{MaxClauses: 2000}, true},
		{`"` + strings.Repeat("kata ", 1025) + `"`, Limits{}, false},
		{strings.Repeat("(", 33) + "a" + strings.Repeat(")", 33), Limits{}, false},
		{strings.Repeat("(", 32) + "a" + strings.Repeat(")", 32), Limits{}, true},
		{strings.Repeat("(", 100000), Limits{}, false},
		{strings.Repeat("NOT ", 40) + "a", Limits{}, false},
		{strings.Repeat("-", 40) + "a", Limits{}, false},
		{strings.Repeat("a* ", 17), Limits{}, false},
		{strings.Repeat("a* ", 17), Limits{MaxPatterns: 20}, true},
		{strings.Repeat("kata~2 ", 500), Limits{MaxLength: -1}, false},
	} {
		_, err := Parse(c.q, c.lim)
		if c.ok && err != nil {
			t.Errorf("%.40q… %+v: %v", c.q, c.lim, err)
		}
		if !c.ok && !errors.Is(err, ErrLimit) {
			t.Errorf("%.40q… %+v: %v, want a limit error", c.q, c.lim, err)
		}
	}
}

// The parser's work (bytes read plus nodes made) is linear in the length of the
// query, whatever its shape; this is what makes a 240 KB token or 100,000
// parentheses cheap.
func TestParseWorkIsLinear(t *testing.T) {
	lim := Limits{MaxLength: -1, MaxClauses: -1, MaxPatterns: -1, MaxDepth: -1}
	for _, unit := range []string{"a", "kata ", "(a OR b) ", `"x y" `, "(", "-", `\`, "title:x ", "a* ", "published:>2024 ", "NOT ", "\"", "ab~1 ", `a\ b`} {
		s := strings.Repeat(unit, 240<<10/len(unit))
		_, work, _ := parse(s, lim)
		if work > 4*len(s)+16 {
			t.Errorf("%q × %d: work %d for %d bytes", unit, len(s)/len(unit), work, len(s))
		}
	}
}

// Every example of the syntax in the package documentation parses.
func TestDocExamples(t *testing.T) {
	for _, ex := range DocExamples(t) {
		if _, err := Parse(ex, Limits{}); err != nil {
			t.Errorf("doc example %q: %v", ex, err)
		}
	}
}

// DocExamples returns the queries of the syntax table of the package doc: the
// first column of its indented lines.
func DocExamples(t testing.TB) []string {
	fset := gotoken.NewFileSet()
	f, err := goparser.ParseFile(fset, "query.go", nil, goparser.ParseComments|goparser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	return docExamples(f.Doc)
}

func docExamples(doc *ast.CommentGroup) []string {
	var out []string
	in := false
	for _, line := range strings.Split(doc.Text(), "\n") {
		switch {
		case strings.HasPrefix(line, "# Syntax"):
			in = true
		case strings.HasPrefix(line, "# "):
			in = false
		case in && strings.HasPrefix(line, "\t"):
			cols := strings.SplitN(strings.TrimPrefix(line, "\t"), "  ", 2)
			if q := strings.TrimSpace(cols[0]); q != "" {
				out = append(out, q)
			}
		}
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`banjir`, `"harga cabai" -jakarta`, `title:(a OR b) persons:"Pavel Durov"`,
		`published:2024-01..2024-03 money:>1e9`, `*a* te?s durov~2`, `((a)`, `a OR OR b`, `url:https://x.y`,
		`\"a\\ b\`, `NOT -+-x`, "\"\\\"", `source:"Kompas.com" OR orgs:x`} {
		f.Add(s)
	}
	const maxLen = 4 << 10
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > maxLen {
			return
		}
		n, work, err := parse(s, Limits{})
		if work > 4*len(s)+16 {
			t.Fatalf("work %d for %d bytes", work, len(s))
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Pos < 0 || e.Pos > len(s) || e.End < e.Pos {
				t.Fatalf("bad error %#v", err)
			}
			_ = e.Pointer()
			return
		}
		nodes := 0
		Walk(n, func(c Node) bool {
			nodes++
			sp := c.Span()
			if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
				t.Fatalf("span %v of %s outside the query", sp, Format(c))
			}
			return true
		})
		if nodes > len(s) {
			t.Fatalf("%d nodes for %d bytes", nodes, len(s))
		}
		// The canonical form reads back to itself.
		f1 := Format(n)
		n2, err := Parse(f1, Limits{MaxLength: -1})
		if err != nil {
			t.Fatalf("canonical form %q of %q: %v", f1, s, err)
		}
		if f2 := Format(n2); f2 != f1 {
			t.Fatalf("canonical form %q of %q reads back as %q", f1, s, f2)
		}
	})
}
