package index

import (
	"context"
	"errors"
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"html"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/telaah/telaah/index/query"
	"github.com/telaah/telaah/tokenize"
)

func mustParse(t testing.TB, q string) query.Node {
	t.Helper()
	n, err := query.Parse(q, query.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestHighlightPhraseIsOneMark(t *testing.T) {
	body := "Penurunan itu terutama dipicu oleh turunnya harga cabai rawit dan bawang merah. Harga beras tetap."
	got := strings.Join(Highlight(FieldBody, body, mustParse(t, `"harga cabai"`), 3), " ")
	if !strings.Contains(got, "<mark>harga cabai</mark>") || strings.Count(got, "<mark>") != 1 {
		t.Errorf("phrase: %s", got)
	}
	// A phrase across a stopword is marked whole, stopword included.
	body = "Perusahaan yang menggunakan data tanpa izin akan didenda."
	got = strings.Join(Highlight(FieldBody, body, mustParse(t, `"perusahaan yang menggunakan"`), 3), " ")
	if !strings.Contains(got, "<mark>Perusahaan yang menggunakan</mark>") {
		t.Errorf("phrase with a stopword: %s", got)
	}
	// Negated words are not marked.
	got = strings.Join(Highlight(FieldBody, body, mustParse(t, `data -izin`), 3), " ")
	if !strings.Contains(got, "<mark>data</mark>") || strings.Contains(got, "<mark>izin") {
		t.Errorf("negation: %s", got)
	}
}

func TestHighlightFragmentsAtWordBoundaries(t *testing.T) {
	x := testIndex(t)
	for _, q := range []string{"banjir", "pengguna", "warga", "harga", "bekas", "durov", "jalan desa", "presiden*", "pasar"} {
		res, err := x.Search(context.Background(), Request{Query: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			a, _ := x.Get(h.ID)
			for _, f := range h.Fragments[FieldBody] {
				plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(f)
				plain = htmlUnescape(plain)
				i := strings.Index(a.Body, plain)
				if i < 0 {
					t.Errorf("%s %s: fragment %q is not a piece of the body", q, h.ID, f)
					continue
				}
				j := i + len(plain)
				before, _ := utf8.DecodeLastRuneInString(a.Body[:i])
				after, _ := utf8.DecodeRuneInString(a.Body[j:])
				if i > 0 && isWordRune(before) && isWordRune(rune(plain[0])) {
					t.Errorf("%s %s: fragment starts inside a word: …%q|%q", q, h.ID, a.Body[max(0, i-10):i], plain[:min(20, len(plain))])
				}
				if j < len(a.Body) && isWordRune(after) {
					last, _ := utf8.DecodeLastRuneInString(plain)
					if isWordRune(last) {
						t.Errorf("%s %s: fragment ends inside a word: %q|%q…", q, h.ID, plain[max(0, len(plain)-20):], a.Body[j:min(len(a.Body), j+10)])
					}
				}
				if strings.HasPrefix(f, "…") == sentenceStart(a.Body, i) && i > 0 {
					t.Errorf("%s %s: fragment %q: ellipsis %v at a sentence start %v", q, h.ID, f[:min(30, len(f))], strings.HasPrefix(f, "…"), sentenceStart(a.Body, i))
				}
			}
		}
	}
}

// TestHighlightFragmentsAtSentences: a fragment that starts or ends without
// an ellipsis starts or ends where tokenize.Sentences puts a sentence
// boundary, so the period of an abbreviation (di kawasan Jl. Majapahit) or
// an initial neither ends a fragment nor lets one start after it unmarked.
func TestHighlightFragmentsAtSentences(t *testing.T) {
	x := testIndex(t)
	checked := 0
	for _, q := range []string{"bekas", "banjir", "pengguna", "warga", "harga", "durov", "jalan", "presiden*", "pasar", "kota", "kabupaten", "pemerintah",
		// No word to mark: the fragment is the body's start.
		`persons:"Pavel Durov"`, "source:kompas*", "published:2024"} {
		res, err := x.Search(context.Background(), Request{Query: q, Size: 50})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			a, _ := x.Get(h.ID)
			starts, ends := map[int]bool{0: true}, map[int]bool{len(a.Body): true}
			for _, s := range tokenize.Sentences(a.Body) {
				// A sentence's End takes in the space after it; its
				// last token ends the text.
				if len(s.Tokens) > 0 {
					starts[s.Tokens[0].Start], ends[s.Tokens[len(s.Tokens)-1].End] = true, true
				}
			}
			for _, f := range h.Fragments[FieldBody] {
				plain := htmlUnescape(strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(f))
				i := strings.Index(a.Body, plain)
				if i < 0 {
					continue // TestHighlightFragmentsAtWordBoundaries reports it
				}
				j := i + len(plain)
				if !strings.HasPrefix(f, "…") && !starts[i] {
					t.Errorf("%s %s: fragment starts unmarked inside a sentence: …%q|%q", q, h.ID, a.Body[max(0, i-20):i], plain[:min(20, len(plain))])
				}
				if !strings.HasSuffix(f, "…") && !ends[j] {
					t.Errorf("%s %s: fragment ends unmarked inside a sentence: %q|%q…", q, h.ID, plain[max(0, len(plain)-20):], a.Body[j:min(len(a.Body), j+20)])
				}
				// And an ellipsis only where a sentence was cut.
				if strings.HasPrefix(f, "…") && starts[i] || strings.HasSuffix(f, "…") && ends[j] {
					t.Errorf("%s %s: fragment %q has an ellipsis at a sentence boundary", q, h.ID, f)
				}
				checked++
			}
		}
	}
	if checked < 300 {
		t.Errorf("%d fragments checked: the test checks too little", checked)
	}
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func htmlUnescape(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'").Replace(s)
}

func TestHighlightIsHTMLSafe(t *testing.T) {
	body := `Warga <script>alert("banjir")</script> & banjir lagi di "Bekasi".`
	got := strings.Join(Highlight(FieldBody, body, mustParse(t, "banjir"), 3), " ")
	if strings.Contains(got, "<script>") || !strings.Contains(got, "&lt;script&gt;") || !strings.Contains(got, "&amp;") {
		t.Errorf("not escaped: %s", got)
	}
	if strings.Count(got, "<mark>") != strings.Count(got, "</mark>") || strings.Count(got, "<mark>") == 0 {
		t.Errorf("marks: %s", got)
	}
}

// A query of the same two words repeated 500 times (9 KB) is two clauses for
// the highlighter, which reads at most MaxBytes of a field.
func TestHighlightDedupesAndBudgets(t *testing.T) {
	q := mustParse(t, strings.Repeat("telegram pengguna ", 500))
	h := NewHighlighter(q, HighlightOptions{MaxBytes: 4096})
	if len(h.clauses) != 2 {
		t.Errorf("%d clauses for two distinct words", len(h.clauses))
	}
	body := strings.Repeat("Kata biasa tanpa arti di sini. ", 1000) + "Pengguna Telegram."
	got := h.Fragments(context.Background(), FieldBody, body)
	if len(got) != 1 || strings.Contains(got[0], "<mark>") {
		t.Errorf("a match after MaxBytes is marked: %q", got)
	}
	h = NewHighlighter(q, HighlightOptions{})
	got = h.Fragments(context.Background(), FieldBody, body)
	if len(got) != 1 || strings.Count(got[0], "<mark>") != 2 {
		t.Errorf("within the budget: %q", got)
	}
}

func TestHighlightPatterns(t *testing.T) {
	body := "Presiden dan kepresidenan; Telegrm, telegraf."
	for _, c := range []struct{ q, want string }{
		{"presiden*", "<mark>Presiden</mark>"},
		{"*presiden*", "<mark>kepresidenan</mark>"},
		{"telegram~1", "<mark>Telegrm</mark>"},
		{"tele?raf", "<mark>telegraf</mark>"},
	} {
		if got := strings.Join(Highlight(FieldBody, body, mustParse(t, c.q), 3), " "); !strings.Contains(got, c.want) {
			t.Errorf("%s: %s", c.q, got)
		}
	}
}

func TestWithinEdits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
		want bool
	}{
		{"telegram", "telegram", 0, true}, {"telegram", "telegrma", 1, false}, {"telegram", "telegrma", 2, true},
		{"durov", "durof", 1, true}, {"durov", "dur", 1, false}, {"durov", "dur", 2, true}, {"", "ab", 2, true},
		{"kata", "katak", 1, true}, {"kata", "akat", 1, false},
	} {
		if got := withinEdits(c.a, c.b, c.d); got != c.want {
			t.Errorf("withinEdits(%q, %q, %d) = %v", c.a, c.b, c.d, got)
		}
	}
}

func TestGlobMatch(t *testing.T) {
	for _, c := range []struct {
		p, s string
		want bool
	}{
		{"*a*", "banjir", true}, {"*a*", "pilih", false}, {"te?s", "tes", false}, {"te?s", "teks", true},
		{"a*b*c", "aXbYc", true}, {"a*b*c", "aXbY", false}, {`a\*`, "a*", true}, {`a\*`, "ab", false},
		{"*", "", true}, {"?", "é", true},
	} {
		if got := globMatch(c.p, c.s); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v", c.p, c.s, got)
		}
	}
}

func TestQueryErrorsAndWarnings(t *testing.T) {
	x := testIndex(t)
	for _, q := range []string{"nosuchfield:kata", "title:(", "banjir AND", `"harga cabai`, "persons:durov*", strings.Repeat("(", 100000)} {
		_, err := x.Search(context.Background(), Request{Query: q})
		var qe *query.Error
		if !errors.As(err, &qe) {
			t.Errorf("%.30q: error %v is not a *query.Error", q, err)
		}
	}
	res := find(t, Request{Query: `persons:"Nobody Atall" OR durov`})
	if len(res.Warnings) == 0 || hitByID(res, "kompas-telegram-200-juta") == nil {
		t.Errorf("unknown person: warnings %q, hits %v", res.Warnings, ids(res))
	}
	res = find(t, Request{Query: `yang`})
	if len(res.Warnings) == 0 || res.Total != 0 {
		t.Errorf("a stopword: warnings %q, %d hits", res.Warnings, res.Total)
	}
}

func TestFieldQueries(t *testing.T) {
	ref := "kompas-telegram-200-juta"
	for _, c := range []struct {
		q    string
		want string
		not  string
	}{
		{`persons:"Pavel Durov"`, ref, ""},
		{`persons:durov`, ref, ""},
		{`places:"Kota Bekasi"`, "kn-banjir-bekasi", ""},
		{`source:"Kompas.com"`, ref, ""},
		{`source:kompas.com`, ref, ""},
		{`source:kompas*`, ref, ""},
		{`orgs:Telegram`, ref, ""},
		{`banjir AND bekasi`, "kn-banjir-bekasi", ""},
		{`bekasi -banjir`, "wt-jalan-desa-bekasi", "kn-banjir-bekasi"},
		{`bekasi NOT banjir`, "wt-jalan-desa-bekasi", "kn-banjir-bekasi"},
		{`title:bekasi`, "kn-banjir-bekasi", ""},
		{`title:(banjir OR longsor)`, "kn-longsor-banjarnegara", ""},
		{`"pengguna aktif" published:2018`, ref, ""},
		{`telegram published:<2018-01-01`, "", ref},
		{`telegram published:2018-03..2018-03`, ref, ""},
		{`telegarm~`, ref, ""},
		{`telegr*`, ref, ""},
		{`*elegra*`, ref, ""},
		{`-telegram`, "kn-banjir-bekasi", ref},
	} {
		res := find(t, Request{Query: c.q, Size: 100, Plain: true})
		if c.want != "" && hitByID(res, c.want) == nil {
			t.Errorf("%s: hits %v lack %s (warnings %q)", c.q, ids(res), c.want, res.Warnings)
		}
		if c.not != "" && hitByID(res, c.not) != nil {
			t.Errorf("%s: hits %v include %s", c.q, ids(res), c.not)
		}
	}
}

// Every example of the query language in the package documentation and in
// QuerySyntax runs, and the two tables are the same.
func TestDocQueryExamples(t *testing.T) {
	fset := gotoken.NewFileSet()
	f, err := goparser.ParseFile(fset, "index.go", nil, goparser.ParseComments|goparser.PackageClauseOnly)
	if err != nil {
		t.Fatal(err)
	}
	doc := docTable(f.Doc)
	if doc != QuerySyntax {
		t.Errorf("the table of the package doc differs from QuerySyntax:\n%s\n----\n%s", doc, QuerySyntax)
	}
	n := 0
	for _, line := range strings.Split(QuerySyntax, "\n") {
		if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") {
			continue
		}
		q := strings.TrimSpace(strings.SplitN(strings.TrimSpace(line), "  ", 2)[0])
		n++
		res, err := testIndex(t).Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		// Each finds something in the sample corpus, but for the pair that no
		// article has.
		if res.Total == 0 && q != "banjir AND tol" {
			t.Errorf("%s: no hits (warnings %q)", q, res.Warnings)
		}
	}
	if n < 15 {
		t.Errorf("only %d examples", n)
	}
}

// docTable returns the indented table of the "Query language" section of a
// package doc, in the layout of QuerySyntax.
func docTable(doc *ast.CommentGroup) string {
	var b strings.Builder
	in := false
	for _, line := range strings.Split(doc.Text(), "\n") {
		switch {
		case strings.HasPrefix(line, "# Query language"):
			in = true
		case strings.HasPrefix(line, "# "):
			in = false
		case in && strings.HasPrefix(line, "\t"):
			b.WriteString("  " + strings.TrimPrefix(line, "\t") + "\n")
		}
	}
	return b.String()
}

// A search whose context is done answers with the context's error, whatever
// the query.
func TestSearchHonoursDeadline(t *testing.T) {
	x := testIndex(t)
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	for _, q := range []string{"*a*", "banjir", `"harga cabai"`, "telegarm~2", ""} {
		_, err := x.Search(ctx, Request{Query: q, Facets: AllFacets})
		if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("%q: %v", q, err)
		}
	}
}

func TestExpansionLimit(t *testing.T) {
	x := testIndex(t)
	_, err := x.Search(context.Background(), Request{Query: "*a*", Limits: query.Limits{MaxExpansions: 50}})
	if !errors.Is(err, query.ErrLimit) {
		t.Errorf("*a* with 50 expansions: %v", err)
	}
	if _, err := x.Search(context.Background(), Request{Query: "*a*"}); err != nil {
		t.Errorf("*a*: %v", err)
	}
}

// FuzzSearchQueries runs any query of up to 1 KB on the test index: it answers or
// fails with a *query.Error (or an ambiguous name), never panics, and its
// patterns expand to no more terms than the limit allows.
func FuzzSearchQueries(f *testing.F) {
	for _, s := range []string{`banjir`, `"harga cabai" -jakarta`, `title:(a OR b) persons:"Pavel Durov"`,
		`published:2024-01..2024-03 money:>1e9`, `*a* te?s durov~2`, `((a)`, `places:"Kota Bekasi"`, `source:kompas*`} {
		f.Add(s)
	}
	x := testIndex(f)
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 1<<10 {
			return
		}
		lim := query.Limits{MaxExpansions: 200}
		res, err := x.Search(context.Background(), Request{Query: s, Limits: lim, Facets: AllFacets})
		if err != nil {
			var qe *query.Error
			var amb *AmbiguousError
			if !errors.As(err, &qe) && !errors.As(err, &amb) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		for _, h := range res.Hits {
			for _, fs := range h.Fragments {
				for _, f := range fs {
					if strings.Count(f, "<mark>") != strings.Count(f, "</mark>") {
						t.Fatalf("%q: unbalanced marks in %q", s, f)
					}
				}
			}
		}
	})
}

// Highlight (which analyses the stored text again, for backends without term
// vectors) gives the fragments Search gives from the index's term vectors.
func TestHighlightAgreesWithSearch(t *testing.T) {
	x := testIndex(t)
	differ, total := 0, 0
	for _, q := range []string{"banjir", "pengguna telegram", `"harga cabai"`, "warga", "bekasi", "durov", "jalan desa", "buku", "anak", "presiden*", `"pengguna aktif"`, "harga OR pasar"} {
		n := mustParse(t, q)
		res := find(t, Request{Query: q, Size: 50})
		for _, h := range res.Hits {
			a, _ := x.Get(h.ID)
			for _, f := range []struct{ field, text string }{{FieldTitle, a.Title}, {FieldBody, a.Body}} {
				total++
				got := strings.Join(Highlight(f.field, f.text, n, 0), " | ")
				want := strings.Join(h.Fragments[f.field], " | ")
				if got != want {
					differ++
					t.Logf("%s %s %s:\n Highlight %s\n    Search %s", q, h.ID, f.field, got, want)
				}
			}
		}
	}
	// The index protects the words of names found by the entity recognizer
	// from stemming, which analysing the text alone cannot do: a few fields
	// may differ, no more.
	if differ*50 > total {
		t.Errorf("%d of %d fields highlighted differently", differ, total)
	}
}

// FuzzHighlight: on any text and query, Highlight returns fragments with
// balanced marks, each a piece of the text (HTML-escaped, marks and ellipses
// aside), starting unmarked only at the text's start or a sentence start.
func FuzzHighlight(f *testing.F) {
	for _, s := range [][2]string{
		{"Pedagang di kawasan Jl. Majapahit, Semarang. Harga naik.", "harga"},
		{"Kepala BI Solo, Dr. Gunawan Adi Prasetya, mengatakan. B. J. Habibie datang.", "gunawan"},
		{"dll. dsb. Ir. H. ... !? \n\n a.b.c. 10.30 WIB.", "wib"},
		{"Banjir <b>rendam</b> Bekasi & \"Jakarta\".\r\nWarga mengungsi.", `"banjir rendam" OR warga*`},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, text, q string) {
		if len(text) > 4<<10 || len(q) > 256 {
			return
		}
		n, err := query.Parse(q, query.Limits{MaxExpansions: 50})
		if err != nil {
			return
		}
		for _, fr := range Highlight(FieldBody, text, n, 3) {
			if strings.Count(fr, "<mark>") != strings.Count(fr, "</mark>") {
				t.Fatalf("%q in %q: unbalanced marks in %q", q, text, fr)
			}
			plain := html.UnescapeString(strings.NewReplacer("<mark>", "", "</mark>", "").Replace(fr))
			cut := strings.HasPrefix(plain, "…")
			plain = strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
			if strings.TrimSpace(plain) == "" {
				continue // a blank text's fragment
			}
			// The fragment is one of the places where its text is: one
			// of them must start where it may.
			found, starts := false, false
			for i := strings.Index(text, plain); i >= 0; {
				found = true
				starts = starts || cut || i == 0 || strings.TrimSpace(text[:i]) == "" || sentenceStart(text, i)
				next := strings.Index(text[i+1:], plain)
				if next < 0 {
					break
				}
				i += 1 + next
			}
			if !found {
				t.Fatalf("%q in %q: fragment %q is not a piece of the text", q, text, fr)
			}
			if !starts {
				t.Fatalf("%q in %q: fragment %q starts unmarked inside a sentence", q, text, fr)
			}
		}
	})
}
