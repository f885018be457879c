package main

import (
	"os"
	"path/filepath"
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
	if _, _, err := runTelaah(t, "", "stem", "no-such-file"); err == nil || !strings.Contains(err.Error(), "no-such-file") {
		t.Errorf("missing file: err %v", err)
	}
	if _, _, err := runTelaah(t, "", "stem", "--lexicon=/nonexistent/roots.txt"); err == nil {
		t.Error("missing lexicon file: no error")
	}
	out, _, err := runTelaah(t, "bekasi\n", "stem", "--protect=Kebayoran,bekasi")
	if err != nil || out != "bekasi\n" {
		t.Errorf("protect: %q %v", out, err)
	}
}

// The case of issue 11: a line of several words is stemmed word by word and keeps
// its structure.
func TestStemCommandLines(t *testing.T) {
	out, _, err := runTelaah(t, "pembangunan menggunakan pengguna\nMenyapu, kata dia.\n\n", "stem")
	if err != nil {
		t.Fatal(err)
	}
	if want := "bangun guna guna\nsapu, kata dia.\n\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
	// A line of any length is read in pieces, cut between words.
	long := strings.Repeat("menggunakan ", 100_000) + "\n"
	out, _, err = runTelaah(t, long, "stem")
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.Repeat("guna ", 100_000) + "\n"; out != want {
		t.Errorf("long line: %d bytes out, want %d", len(out), len(want))
	}
}

func TestStemCommandFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("menggunakan\n"), 0o644)
	os.WriteFile(b, []byte("berikan\n"), 0o644)
	out, _, err := runTelaah(t, "pembangunan\n", "stem", a, "-", b)
	if err != nil {
		t.Fatal(err)
	}
	if want := "guna\nbangun\nberi\n"; out != want {
		t.Errorf("got %q, want %q", out, want)
	}
}
