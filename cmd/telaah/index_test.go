package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/telaah/telaah"
)

// sampleIndex indexes the embedded sample articles into a new index and returns
// its directory.
func sampleIndex(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "articles.jsonl")
	if err := os.WriteFile(in, telaah.SampleArticles(), 0o644); err != nil {
		t.Fatal(err)
	}
	idx := filepath.Join(dir, "idx")
	if _, stderr, err := runTelaah(t, "", "index", "--index", idx, in); err != nil {
		t.Fatalf("index: %v\n%s", err, stderr)
	}
	return idx
}

func TestIndexJSONLAndTextFolder(t *testing.T) {
	dir := t.TempDir()
	jsonl := filepath.Join(dir, "a.jsonl")
	lines := []string{
		`{"id":"a1","title":"Banjir di Bekasi","body":"Kali Bekasi meluap.","published":"2024-02-10"}`,
		`{"id":"a2","title":"Rusak","body":`, // malformed: line 2
		``,
		`{"id":"a3","title":"Pasar loak","body":"Barang bekas dijual murah.","published":"kemarin"}`, // bad date: line 4
		`{"title":"Tanpa ID","body":"Artikel tanpa id tetap diindeks."}`,
	}
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	txt := filepath.Join(dir, "txt", "daerah")
	if err := os.MkdirAll(txt, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(txt, "satu.txt"), []byte("Jalan Rusak di Kediri\n\nWarga Kediri mengeluhkan jalan rusak.\n"), 0o644)
	os.WriteFile(filepath.Join(txt, "kosong.txt"), []byte("\n\n"), 0o644) // no title: reported
	os.WriteFile(filepath.Join(txt, "catatan.md"), []byte("bukan artikel"), 0o644)

	idx := filepath.Join(dir, "idx")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, "--batch", "2", jsonl, filepath.Join(dir, "txt"))
	if err == nil {
		t.Fatal("index with malformed records: no error")
	}
	if exitCode(err) == 0 {
		t.Errorf("exit code 0 despite skipped records")
	}
	for _, want := range []string{"a.jsonl:2:", "a.jsonl:4:", "kosong.txt", "skipped 3 malformed records", "indexed 3 articles"} {
		if !strings.Contains(stderr+err.Error(), want) {
			t.Errorf("stderr lacks %q:\n%s\nerror: %v", want, stderr, err)
		}
	}
	// Everything valid was kept.
	out, _, err := runTelaah(t, "", "search", "--index", idx, "--json", "--size", "10", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{`"a1"`, `"daerah/satu.txt"`, `"sha256-`} {
		if !strings.Contains(out, id) {
			t.Errorf("search lacks %s:\n%s", id, out)
		}
	}
	// A second run adds to the index.
	_, stderr, err = runTelaah(t, `{"id":"s1","title":"Dari stdin","body":"Isi."}`+"\n", "index", "--index", idx, "-")
	if err != nil || !strings.Contains(stderr, "added to") {
		t.Errorf("index from stdin: %v\n%s", err, stderr)
	}
}

func TestIndexUsage(t *testing.T) {
	for _, args := range [][]string{{"index"}, {"index", "--index", t.TempDir()}, {"index", "--index", "x", "--batch", "0", "f"}} {
		if _, _, err := runTelaah(t, "", args...); exitCode(err) != 2 {
			t.Errorf("%q: exit code %d (%v), want 2", args, exitCode(err), err)
		}
	}
	if _, _, err := runTelaah(t, "", "index", "--index", filepath.Join(t.TempDir(), "i"), "/no/such/file.jsonl"); err == nil {
		t.Error("missing input file: no error")
	}
}
