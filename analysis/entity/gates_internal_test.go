package entity

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
)

// TestRuleGates reads the package's source and checks every gate of gatedRules
// against its rule: a tables or classes gate is the rule's first statement,
// "if !s.has(TABLES) { return }" (or hasGaz) with the same tables; a spans gate
// is a rule whose body only loops over s.spans() (after "n := len(s.words)"),
// so that it changes nothing in a sentence without a span. runRepairs then
// skips a call exactly when the rule would return at once.
func TestRuleGates(t *testing.T) {
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	bodies := map[string]*ast.BlockStmt{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv != nil && fd.Body != nil {
				bodies[fd.Name.Name] = fd.Body
			}
		}
	}
	text := func(n ast.Node) string {
		var b strings.Builder
		printer.Fprint(&b, fset, n)
		return b.String()
	}
	for _, g := range gatedRules {
		full := runtime.FuncForPC(reflect.ValueOf(g.run).Pointer()).Name()
		name := strings.TrimSuffix(full[strings.LastIndex(full, ".")+1:], "-fm")
		body := bodies[name]
		if body == nil || len(body.List) == 0 {
			t.Errorf("%s: no body found", name)
			continue
		}
		switch {
		case g.gate.tabs != 0 || g.gate.gaz != 0:
			want := "!s.has(" + tablesText(g.gate.tabs) + ")"
			if g.gate.gaz != 0 {
				want = "!s.hasGaz(" + gazText(g.gate.gaz) + ")"
			}
			ifs, ok := body.List[0].(*ast.IfStmt)
			if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 || text(ifs.Body.List[0]) != "return" {
				t.Errorf("%s: does not start with its gate %s", name, want)
				continue
			}
			if got := text(ifs.Cond); got != want {
				t.Errorf("%s: starts with the gate %s, gatedRules says %s", name, got, want)
			}
		case g.gate.spans:
			list := body.List
			if g.gate.labelled != 0 {
				want := "!s.hasLabelled(" + factsText(g.gate.labelled) + ")"
				ifs, ok := list[0].(*ast.IfStmt)
				if !ok || ifs.Init != nil || ifs.Else != nil || len(ifs.Body.List) != 1 || text(ifs.Body.List[0]) != "return" {
					t.Errorf("%s: does not start with its gate %s", name, want)
					continue
				}
				if got := text(ifs.Cond); got != want {
					t.Errorf("%s: starts with the gate %s, gatedRules says %s", name, got, want)
				}
				list = list[1:]
			}
			loops := 0
			for _, st := range list {
				switch st := st.(type) {
				case *ast.RangeStmt:
					if text(st.X) != "s.spans()" {
						t.Errorf("%s: loops over %s, not the spans", name, text(st.X))
					}
					loops++
				case *ast.AssignStmt:
					if text(st) != "n := len(s.words)" {
						t.Errorf("%s: %s before its loop over the spans", name, text(st))
					}
				default:
					t.Errorf("%s: %s is not a loop over the spans", name, text(st))
				}
			}
			if loops == 0 {
				t.Errorf("%s: no loop over the spans", name)
			}
		default:
			t.Errorf("%s: an empty gate", name)
		}
	}
}

// tablesText writes the tables of t as the rules name them, joined by " | ".
func tablesText(t tableSet) string {
	return flagsText(t, []flagName[tableSet]{
		{tabLawWords, "tabLawWords"}, {tabOpenBrackets, "tabOpenBrackets"}, {tabDemonymNouns, "tabDemonymNouns"},
		{tabListJoiners, "tabListJoiners"}, {tabDirections, "tabDirections"}, {tabPremisesHeads, "tabPremisesHeads"},
		{tabAddressWords, "tabAddressWords"}, {tabHallWords, "tabHallWords"}, {tabOrgHeads, "tabOrgHeads"},
		{tabPlaceHeads, "tabPlaceHeads"}, {tabStationWords, "tabStationWords"}, {tabLowerPlaceHeads, "tabLowerPlaceHeads"},
		{tabBuildingHeads, "tabBuildingHeads"}, {tabCompanyForm, "tabCompanyForm"}, {tabRegionTitles, "tabRegionTitles"},
		{tabTitleLeads, "tabTitleLeads"}, {tabSideWords, "tabSideWords"}, {tabDayNames, "tabDayNames"},
		{tabOrgAnnouncers, "tabOrgAnnouncers"}, {tabTongueNouns, "tabTongueNouns"}, {tabVillageHeads, "tabVillageHeads"},
		{tabCoupleWords, "tabCoupleWords"}, {tabRoleLeads, "tabRoleLeads"}, {tabTitleSeconds, "tabTitleSeconds"},
		{tabBetweenWords, "tabBetweenWords"}, {factUpperFirst, "factUpperFirst"},
	})
}

// factsText writes the facts and labels of f as the rules name them, joined by
// " | ".
func factsText(f spanFacts) string {
	return flagsText(f, []flagName[spanFacts]{
		{sfPER, "sfPER"}, {sfORG, "sfORG"}, {sfLOC, "sfLOC"}, {sfLower, "sfLower"}, {sfNone, "sfNone"},
		{sfUpper, "sfUpper"}, {sfTitle, "sfTitle"}, {sfHeadLower, "sfHeadLower"},
		{sfOrgHead, "sfOrgHead"}, {sfNotName, "sfNotName"}, {sfNotNameEntry, "sfNotNameEntry"}, {sfMark, "sfMark"},
	})
}

// flagName is a flag of a bit set and its name in the code.
type flagName[T tableSet | spanFacts] struct {
	f    T
	name string
}

// flagsText writes the flags of v by their names, joined by " | ", and "?"
// for any bit no name covers.
func flagsText[T tableSet | spanFacts](v T, names []flagName[T]) string {
	var out []string
	for _, c := range names {
		if v&c.f != 0 {
			out = append(out, c.name)
			v &^= c.f
		}
	}
	if v != 0 {
		out = append(out, "?")
	}
	return strings.Join(out, " | ")
}

// gazText writes the class c as the rules name it.
func gazText(c gazClass) string {
	switch c {
	case gazORG:
		return "gazORG"
	case gazLOC:
		return "gazLOC"
	case gazLOC | gazORG:
		return "gazLOC | gazORG"
	}
	return "?"
}
