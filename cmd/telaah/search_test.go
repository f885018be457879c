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
	for _, want := range []string{"1 article matches", "kompas-telegram-200-juta", "«Durov»", "persons:       Pavel Durov (1)", "sources:"} {
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
		{[]string{"search", "--index", idx, `"unclosed`}, 1},
		{[]string{"search", "--index", t.TempDir() + "/none", "x"}, 1},
	} {
		if _, _, err := runTelaah(t, "", c.args...); exitCode(err) != c.code {
			t.Errorf("%q: exit code %d (%v), want %d", c.args, exitCode(err), err, c.code)
		}
	}
}
