package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchText(t *testing.T) {
	idx := sampleIndex(t)
	out, _, err := runTelaah(t, "", "search", "--index", idx, "durov")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"1 article matches, all 1 shown", "kompas-telegram-200-juta", "«Durov»", "persons:       Pavel Durov (1)", "sources:"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestSearchJSON(t *testing.T) {
	idx := sampleIndex(t)
	out, _, err := runTelaah(t, "", "search", "--index", idx, "--json", "--sort", "newest", "--since", "2018-01-01", "pengguna", "telegram")
	if err != nil {
		t.Fatal(err)
	}
	var res struct {
		Total uint64
		Hits  []struct {
			ID        string
			Fragments map[string][]string
		}
		Facets map[string][]struct {
			Value string
			Count int
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if res.Total == 0 || res.Hits[0].ID == "" {
		t.Fatalf("no hits:\n%s", out)
	}
	if !strings.Contains(strings.Join(res.Hits[0].Fragments["body"], ""), "<mark>") {
		t.Errorf("no highlight in %v", res.Hits[0].Fragments)
	}
	if _, ok := res.Facets["persons"]; !ok {
		t.Errorf("no persons facet:\n%s", out)
	}
}

func TestSearchErrors(t *testing.T) {
	idx := sampleIndex(t)
	for _, c := range []struct {
		args []string
		code int
	}{
		{[]string{"search", "durov"}, 2},
		{[]string{"search", "--index", idx, "--sort", "random", "x"}, 2},
		{[]string{"search", "--index", idx, "--since", "kemarin", "x"}, 2},
		{[]string{"search", "--index", idx, `"unclosed`}, 2},
		{[]string{"search", "--index", idx, "title:("}, 2},
		{[]string{"search", "--index", idx, "nosuchfield:kata"}, 2},
		{[]string{"search", "--index", idx, "banjir", "AND"}, 2},
		{[]string{"search", "--index", idx, "--max-clauses", "2", "a", "b", "c"}, 2},
		{[]string{"search", "--index", idx, "--timeout", "-1s", "x"}, 2},
		{[]string{"search", "--index", t.TempDir() + "/none", "x"}, 1},
	} {
		if _, _, err := runTelaah(t, "", c.args...); exitCode(err) != c.code {
			t.Errorf("%q: exit code %d (%v), want %d", c.args, exitCode(err), err, c.code)
		}
	}
}

func TestSearchQueryErrorPointsAtPosition(t *testing.T) {
	idx := sampleIndex(t)
	_, _, err := runTelaah(t, "", "search", "--index", idx, "banjir", "title:(")
	want := "query: unclosed ( at character 14\n  banjir title:(\n               ^"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("error %v, want it to contain\n%s", err, want)
	}
}

func TestSearchFieldsAndShownLine(t *testing.T) {
	idx := sampleIndex(t)
	for _, c := range []struct {
		q    []string
		want string
	}{
		{[]string{`persons:"Pavel Durov"`}, "kompas-telegram-200-juta"},
		{[]string{`source:"Kompas.com"`}, "kompas-telegram-200-juta"},
		{[]string{`source:kompas.com`}, "kompas-telegram-200-juta"},
		{[]string{"pengguna", "AND", "telegram"}, "kompas-telegram-200-juta"},
		{[]string{"--size", "1", "telegram", "OR", "banjir"}, "hits 1–1 of "},
	} {
		out, stderr, err := runTelaah(t, "", append([]string{"search", "--index", idx}, c.q...)...)
		if err != nil || !strings.Contains(out, c.want) {
			t.Errorf("%q: %v %s\n%s", c.q, err, stderr, out)
		}
	}
}

func TestSearchJSONMarksUnescaped(t *testing.T) {
	idx := sampleIndex(t)
	out, _, err := runTelaah(t, "", "search", "--index", idx, "--json", `"pengguna aktif"`)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "<mark>pengguna aktif</mark>") || strings.Contains(out, `\u003cmark`) {
		t.Errorf("JSON output does not show one plain <mark> for the phrase:\n%s", out)
	}
	if !strings.Contains(out, `"shown": `) {
		t.Errorf("JSON output lacks the number of hits shown:\n%s", out)
	}
}

// Every example of the query language in telaah search --help runs on the
// sample index.
func TestSearchHelpExamples(t *testing.T) {
	idx := sampleIndex(t)
	_, help, err := runTelaah(t, "", "search", "--help")
	if exitCode(err) != 0 {
		t.Fatal(err)
	}
	n := 0
	for _, line := range strings.Split(help, "\n") {
		if !strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "   ") || strings.HasPrefix(strings.TrimSpace(line), "-") {
			continue
		}
		ex := strings.TrimSpace(strings.SplitN(strings.TrimSpace(line), "  ", 2)[0])
		n++
		if out, stderr, err := runTelaah(t, "", "search", "--index", idx, ex); err != nil {
			t.Errorf("help example %q: %v\n%s%s", ex, err, stderr, out)
		}
	}
	if n < 15 {
		t.Errorf("found %d examples in the help:\n%s", n, help)
	}
}
