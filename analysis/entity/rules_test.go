package entity

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestNumericEntities(t *testing.T) {
	tests := []struct {
		in     string
		text   string
		label  Label
		value  string
		number float64
	}{
		{"pada Sabtu (24/3/2018).", "Sabtu (24/3/2018)", DATE, "2018-03-24", 0},
		{"Senin, 5 Maret 2018 lalu", "Senin, 5 Maret 2018", DATE, "2018-03-05", 0},
		{"terjadi 17 Agustus 1945", "17 Agustus 1945", DATE, "1945-08-17", 0},
		{"sejak Januari 2019", "Januari 2019", DATE, "2019-01", 0},
		{"Kamis (5/3) pagi", "Kamis (5/3)", DATE, "--03-05", 0},
		{"dalam pilpres 2016 lalu", "2016", DATE, "2016", 0},
		{"pada tahun 2020", "tahun 2020", DATE, "2020", 0},
		{"tanggal 2019-12-31", "2019-12-31", DATE, "2019-12-31", 0},
		{"dimulai pukul 10.30 WIB.", "pukul 10.30 WIB", TIME, "10:30+07:00", 0},
		{"sekitar 14:05 WITA", "14:05 WITA", TIME, "14:05+08:00", 0},
		{"pukul 7 malam", "pukul 7 malam", TIME, "19:00", 0},
		{"senilai Rp1,5 triliun.", "Rp1,5 triliun", MONEY, "IDR", 1.5e12},
		{"senilai Rp 1.500.000 per bulan", "Rp 1.500.000", MONEY, "IDR", 1.5e6},
		{"harga Rp. 25.000,50", "Rp. 25.000,50", MONEY, "IDR", 25000.5},
		{"sebesar US$ 5 juta", "US$ 5 juta", MONEY, "USD", 5e6},
		{"sebesar 3,2 miliar dolar AS", "3,2 miliar dolar AS", MONEY, "USD", 3.2e9},
		{"sebesar 10 juta rupiah", "10 juta rupiah", MONEY, "IDR", 1e7},
		{"naik 5,2 persen", "5,2 persen", PERCENT, "", 5.2},
		{"naik 12%", "12%", PERCENT, "", 12},
		{"memiliki 200 juta pengguna", "200 juta", QUANTITY, "", 2e8},
		{"lebih dari satu miliar pengguna", "satu miliar", QUANTITY, "", 1e9},
		{"dua puluh lima ribu orang", "dua puluh lima ribu", QUANTITY, "", 25000},
		{"seratus dua belas juta", "seratus dua belas juta", QUANTITY, "", 112e6},
		{"sejauh 12 km", "12 km", QUANTITY, "km", 12},
		{"sejauh 1.200 kilometer", "1.200 kilometer", QUANTITY, "km", 1200},
	}
	for _, tt := range tests {
		es := numericEntities(nil, new([]unit), tt.in, 0, len(tt.in))
		found := false
		for _, e := range es {
			if e.Text == tt.text {
				found = true
				if e.Label != tt.label || e.Value != tt.value || e.Number != tt.number {
					t.Errorf("%q: got %s %q %g, want %s %q %g", tt.in, e.Label, e.Value, e.Number, tt.label, tt.value, tt.number)
				}
			}
		}
		if !found {
			t.Errorf("%q: %q not found in %+v", tt.in, tt.text, es)
		}
	}
}

func TestNumericEntitiesNone(t *testing.T) {
	for _, in := range []string{
		"ada 5 orang", "nomor 10.30", "versi 2.5", "satu hal", "pada 17", "tahun lalu", "Pasal 5 ayat 2",
		"dua", "Rp", "Rp.", "US$", "pukul", "31/2/2018",
	} {
		if es := numericEntities(nil, new([]unit), in, 0, len(in)); len(es) != 0 {
			t.Errorf("%q: unexpected %+v", in, es)
		}
	}
}

// TestRuleWords checks that every word the rules compare a unit's lower case
// with (us[j].lower == "pukul", case "pagi") is one of ruleWords: the lexer
// lower-cases only the words the rules know, and no rule starts at another.
func TestRuleWords(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "rules.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	isLower := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "lower"
	}
	var words []*ast.BasicLit
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				for _, pair := range [][2]ast.Expr{{n.X, n.Y}, {n.Y, n.X}} {
					if lit, ok := pair[1].(*ast.BasicLit); ok && lit.Kind == token.STRING && isLower(pair[0]) {
						words = append(words, lit)
					}
				}
			}
		case *ast.SwitchStmt:
			if n.Tag == nil || !isLower(n.Tag) {
				return true
			}
			for _, c := range n.Body.List {
				for _, e := range c.(*ast.CaseClause).List {
					if lit, ok := e.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						words = append(words, lit)
					}
				}
			}
		}
		return true
	})
	if len(words) < 20 {
		t.Fatalf("found %d comparisons with a unit's lower case: is the test still reading the rules?", len(words))
	}
	for _, lit := range words {
		w, err := strconv.Unquote(lit.Value)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := ruleWords[w]; !ok {
			t.Errorf("%s: the rules compare with %q, which ruleWords lacks: add it to ruleKeywords", fset.Position(lit.Pos()), w)
		}
	}
}

// ruleWordRef is ruleWord as the lexer defines it.
func ruleWordRef(w string) (string, bool) {
	lw := strings.ToLower(w)
	if _, ok := ruleWords[lw]; ok {
		return lw, true
	}
	if lw == w {
		return w, false
	}
	return "", false
}

// TestRuleWord checks ruleWord, which skips the look-up of most words, against
// its definition: the words of the rules in every case, and others.
func TestRuleWord(t *testing.T) {
	words := append([]string(nil), wordSamples...)
	for w := range ruleWords {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"x", "x"+w, w[:len(w)-1])
	}
	for _, w := range words {
		if w == "" {
			continue // a unit has at least one letter
		}
		got, gotOK := ruleWord(w)
		want, wantOK := ruleWordRef(w)
		if got != want || gotOK != wantOK {
			t.Errorf("ruleWord(%q) = %q, %v; want %q, %v", w, got, gotOK, want, wantOK)
		}
	}
}

// FuzzRuleWord checks ruleWord against its definition on any word.
func FuzzRuleWord(f *testing.F) {
	for _, w := range []string{"Maret", "MARET", "juta", "Rp", "Pukul", "yang", "Jakarta", "Ömer"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if w == "" {
			return
		}
		got, gotOK := ruleWord(w)
		want, wantOK := ruleWordRef(w)
		if got != want || gotOK != wantOK {
			t.Errorf("ruleWord(%q) = %q, %v; want %q, %v", w, got, gotOK, want, wantOK)
		}
	})
}

// parseNumberRef is parseNumber as first written, with strings built and split.
func parseNumberRef(s string) (float64, bool) {
	if s == "" || strings.ContainsAny(s, "/:-") {
		return 0, false
	}
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	var b strings.Builder
	groups := func(x string) bool {
		for _, p := range strings.Split(x, ".")[1:] {
			if len(p) != 3 {
				return false
			}
		}
		return true
	}
	switch {
	case dots == 0 && commas == 0:
		b.WriteString(s)
	case dots > 0 && commas <= 1 && groups(strings.SplitN(s, ",", 2)[0]) && (dots > 1 || commas == 1 || groups(s)):
		b.WriteString(strings.ReplaceAll(strings.Replace(s, ",", "#", 1), ".", ""))
	case commas > 1 && dots <= 1:
		b.WriteString(strings.ReplaceAll(s, ",", ""))
	case commas == 1 && dots == 0:
		b.WriteString(strings.Replace(s, ",", ".", 1))
	case dots == 1 && commas == 0:
		b.WriteString(s)
	default:
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.Replace(b.String(), "#", ".", 1), 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// numberUnits are number units of every shape the lexer makes.
var numberUnits = []string{
	"0", "5", "2018", "1.500", "1.500.000", "1.500.000,5", "1,5", "2,000,000", "2,000,000.5",
	"1.5", "10.30", "1.50", "1.5000", "12.345.67", "1,2,3", "1.2,3", "1,2.3", "1.234,5,6",
	"24/3/2018", "2018-03-24", "10:30", "24/3", "1.2.3", "9" + strings.Repeat("9", 400),
	"1e5", "0,000001", "007", "1.000.000.000.000", "3.14159",
}

// TestParseNumber checks parseNumber against its first form.
func TestParseNumber(t *testing.T) {
	for _, s := range numberUnits {
		v, ok := parseNumber(s)
		wv, wok := parseNumberRef(s)
		if v != wv || ok != wok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", s, v, ok, wv, wok)
		}
	}
}

// FuzzParseNumber checks parseNumber against its first form on any number unit
// (digits and . , / : -, as the lexer makes them).
func FuzzParseNumber(f *testing.F) {
	for _, s := range numberUnits {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if strings.Trim(s, "0123456789.,/:-") != "" {
			return // not a number unit
		}
		v, ok := parseNumber(s)
		wv, wok := parseNumberRef(s)
		if v != wv || ok != wok {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", s, v, ok, wv, wok)
		}
	})
}

// TestDateValue checks the ISO forms against fmt's.
func TestDateValue(t *testing.T) {
	for _, y := range []int{0, 1, 45, 999, 1800, 2018, 2099, 9999} {
		for m := range 13 {
			for _, d := range []int{0, 1, 9, 10, 31} {
				var want string
				switch {
				case y != 0 && m != 0 && d != 0:
					want = fmt.Sprintf("%04d-%02d-%02d", y, m, d)
				case y != 0 && m != 0:
					want = fmt.Sprintf("%04d-%02d", y, m)
				case y != 0:
					want = fmt.Sprintf("%04d", y)
				case m != 0 && d != 0:
					want = fmt.Sprintf("--%02d-%02d", m, d)
				}
				if got := dateValue(y, m, d); got != want {
					t.Errorf("dateValue(%d, %d, %d) = %q, want %q", y, m, d, got, want)
				}
			}
		}
	}
	for _, n := range []int{0, 7, 10, 23, 59, 100, 12345} {
		if got, want := string(appendDigits(nil, n, 2)), fmt.Sprintf("%02d", n); got != want {
			t.Errorf("appendDigits(%d, 2) = %q, want %q", n, got, want)
		}
	}
}
