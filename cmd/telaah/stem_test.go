package main

import (
	"strings"
	"testing"
)

func TestStemCommand(t *testing.T) {
	out, _, err := runTelaah(t, "mengatakan\nMenyapu\n\nanak-anak\r\nBekasi\nberikan\n", "stem")
	if err != nil {
		t.Fatal(err)
	}
	want := "kata\nsapu\n\nanak\nbekasi\nberi\n"
	if out != want {
		t.Errorf("stem output\n%q\nwant\n%q", out, want)
	}
}

func TestStemCommandSnowball(t *testing.T) {
	out, _, err := runTelaah(t, "menteri\nmengatakan\n", "stem", "--mode=snowball")
	if err != nil {
		t.Fatal(err)
	}
	if want := "teri\nata\n"; out != want {
		t.Errorf("snowball output %q, want %q", out, want)
	}
}

func TestStemCommandExplain(t *testing.T) {
	out, _, err := runTelaah(t, "mengatakan\n", "stem", "--explain")
	if err != nil {
		t.Fatal(err)
	}
	f := strings.Split(strings.TrimSuffix(out, "\n"), "\t")
	if len(f) != 4 || f[0] != "mengatakan" || f[1] != "kata" || f[2] != "meng- + kata + -kan" {
		t.Errorf("explain line %q", out)
	}
}

func TestStemCommandErrors(t *testing.T) {
	if _, _, err := runTelaah(t, "", "stem", "--mode=porter"); err == nil || exitCode(err) != 2 {
		t.Errorf("bad mode: err %v", err)
	}
	if _, _, err := runTelaah(t, "", "stem", "extra"); err == nil || exitCode(err) != 2 {
		t.Errorf("extra argument: err %v", err)
	}
	if _, _, err := runTelaah(t, "", "stem", "--lexicon=/nonexistent/roots.txt"); err == nil {
		t.Error("missing lexicon file: no error")
	}
	out, _, err := runTelaah(t, "bekasi\n", "stem", "--protect=Kebayoran,bekasi")
	if err != nil || out != "bekasi\n" {
		t.Errorf("protect: %q %v", out, err)
	}
}
