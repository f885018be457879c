package main

import (
	"strings"
	"testing"
)

// TestSearchEntityFlags is the sample-corpus bar through the command line:
// --org, --person and --place accept any name of the entity in any case.
func TestSearchEntityFlags(t *testing.T) {
	idx := sampleIndex(t)
	for _, c := range []struct {
		flag, name string
		want       []string
	}{
		{"--org", "KPK", []string{"1 article matches", "wt-kpk-tahan-bekas-kadis-banggai"}},
		{"--org", "kpk", []string{"1 article matches", "wt-kpk-tahan-bekas-kadis-banggai"}},
		{"--person", "durov", []string{"1 article matches", "kompas-telegram-200-juta"}},
		{"--place", "semarang", []string{"4 articles match", "kn-bus-listrik-semarang", "wt-mobil-bekas-semarang",
			"wt-sirnas-bulu-tangkis-balikpapan", "wt-vonis-dana-desa-grobogan"}},
	} {
		out, stderr, err := runTelaah(t, "", "search", "--index", idx, "--size", "20", c.flag, c.name)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", c.flag, c.name, err, stderr)
		}
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s %s: output lacks %q:\n%s", c.flag, c.name, w, out)
			}
		}
	}
}

// TestSearchAmbiguousName: an ambiguous name is a usage error (exit 2) that
// lists the candidates.
func TestSearchAmbiguousName(t *testing.T) {
	idx := sampleIndex(t)
	_, _, err := runTelaah(t, "", "search", "--index", idx, "--person", "dimas")
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "ambiguous") || !strings.Contains(err.Error(), "Dimas Wiratmaja") {
		t.Errorf("--person dimas: exit %d, %v", exitCode(err), err)
	}
}
