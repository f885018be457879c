package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/telaah/telaah/index"
)

// searchIDs returns the ids of the hits of an empty query on idx.
func searchIDs(t *testing.T, idx string) []string {
	t.Helper()
	out, stderr, err := runTelaah(t, "", "search", "--index", idx, "--json", "--size", "100", "--sort", "oldest", "")
	if err != nil {
		t.Fatalf("search: %v\n%s", err, stderr)
	}
	var res struct{ Hits []struct{ ID string } }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range res.Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

// The case of issue 14: a missing input after a valid one loses nothing.
func TestIndexMissingInputKeepsTheRest(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "X")
	missing := filepath.Join(dir, "missing.jsonl")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, "../../testdata/articles.jsonl", missing)
	if exitCode(err) != 1 || !strings.Contains(err.Error(), missing) {
		t.Fatalf("exit %d, error %v\n%s", exitCode(err), err, stderr)
	}
	if !strings.Contains(stderr, "indexed 43 articles") {
		t.Errorf("summary:\n%s", stderr)
	}
	if n := len(searchIDs(t, idx)); n != 43 {
		t.Errorf("%d articles in the index, want 43", n)
	}
}

// The case of issue 11: a run that reads nothing makes no index.
func TestIndexNothingCreatesNoIndex(t *testing.T) {
	dir := t.TempDir()
	idx := filepath.Join(dir, "x.idx")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, filepath.Join(dir, "missing.jsonl"))
	if err == nil || !strings.Contains(stderr, "no index created") {
		t.Errorf("%v\n%s", err, stderr)
	}
	if _, err := os.Stat(idx); !os.IsNotExist(err) {
		t.Errorf("index folder made: %v", err)
	}
}

// "indexed 1 article", printed once off a terminal.
func TestIndexSummary(t *testing.T) {
	idx := filepath.Join(t.TempDir(), "i")
	_, stderr, err := runTelaah(t, `{"id":"a","title":"Satu","body":"Isi."}`+"\n", "index", "--index", idx, "-")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Count(stderr, "indexed") != 1 || !strings.Contains(stderr, "indexed 1 article in") {
		t.Errorf("stderr:\n%s", stderr)
	}
}

// The case of issue 14: two .txt files with the same name in different folders
// are two articles; duplicate ids in JSON Lines are reported and counted once.
func TestIndexIDs(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"a", "b"} {
		os.MkdirAll(filepath.Join(dir, d), 0o755)
		os.WriteFile(filepath.Join(dir, d, "berita.txt"), []byte("Judul Berita Dari "+d+"\n\nIsi berita."), 0o644)
	}
	jsonl := filepath.Join(dir, "dup.jsonl")
	os.WriteFile(jsonl, []byte(`{"id":"x","title":"Pertama","body":"Isi."}`+"\n"+`{"id":"x","title":"Kedua","body":"Isi."}`+"\n"), 0o644)
	idx := filepath.Join(dir, "idx")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, filepath.Join(dir, "a"), filepath.Join(dir, "b"), jsonl)
	if exitCode(err) != 1 || !strings.Contains(err.Error(), "1 duplicate id") {
		t.Errorf("exit %d: %v", exitCode(err), err)
	}
	if !strings.Contains(stderr, "indexed 3 articles") || !strings.Contains(stderr, `duplicate id "x" in `+jsonl) {
		t.Errorf("stderr:\n%s", stderr)
	}
	ids := searchIDs(t, idx)
	if strings.Join(ids, " ") != "a/berita.txt b/berita.txt x" && len(ids) != 3 {
		t.Errorf("ids %q", ids)
	}
	out, _, _ := runTelaah(t, "", "search", "--index", idx, "kedua")
	if !strings.Contains(out, "1 article matches") {
		t.Errorf("the later duplicate is not the one indexed:\n%s", out)
	}
}

// The case of issue 11: the reference article as .txt gets its headline as
// title, not the page debris before it, and its dateline's date; a file without
// a dateline gets its modification time and a warning that the date is a guess.
func TestIndexTextTitleAndDateGuess(t *testing.T) {
	dir := t.TempDir()
	ref, err := os.ReadFile("../../testdata/telegram-200-juta.txt")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "ref.txt"), ref, 0o644)
	os.WriteFile(filepath.Join(dir, "undated.txt"), []byte("Warga Bekasi Menjual Buku\n\nIsi tanpa tanggal."), 0o644)
	idx := filepath.Join(dir, "idx")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "warning: "+filepath.Join(dir, "undated.txt")) || !strings.Contains(stderr, "modification time") || strings.Contains(stderr, "ref.txt") {
		t.Errorf("warnings:\n%s", stderr)
	}
	out, _, _ := runTelaah(t, "", "search", "--index", idx, "durov")
	if !strings.Contains(out, "1. Pengguna Aktif Telegram Tembus 200 Juta") || strings.Contains(out, "cpu-data") || !strings.Contains(out, "2018-03-24") {
		t.Errorf("title or date:\n%s", out)
	}
}

// A record over a limit is skipped and the exit code is 2; the rest is indexed.
func TestIndexLimits(t *testing.T) {
	in := `{"id":"a","title":"Satu","body":"` + strings.Repeat("kata ", 300) + `"}` + "\n" + `{"id":"b","title":"Dua","body":"Isi."}` + "\n"
	idx := filepath.Join(t.TempDir(), "i")
	_, stderr, err := runTelaah(t, in, "index", "--index", idx, "--max-article", "1000", "-")
	if exitCode(err) != 2 || !strings.Contains(err.Error(), "--max-article") || !strings.Contains(stderr, "stdin:1: ") {
		t.Errorf("exit %d: %v\n%s", exitCode(err), err, stderr)
	}
	if ids := searchIDs(t, idx); len(ids) != 1 || ids[0] != "b" {
		t.Errorf("ids %v", ids)
	}
}

// Special files: /dev/zero named or linked, and a FIFO in a folder, are
// reported, not read.
func TestIndexSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.jsonl"))
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip(err)
	}
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Judul Yang Baik\n\nIsi."), 0o644)
	idx := filepath.Join(t.TempDir(), "i")
	done := make(chan struct{})
	var stderr string
	var err error
	go func() {
		defer close(done)
		_, stderr, err = runTelaah(t, "", "index", "--index", idx, dir, "/dev/zero")
	}()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("index hangs on special files")
	}
	for _, want := range []string{"zero.jsonl: not a regular file but a character device", "pipe.txt: not a regular file but a named pipe", "cannot read /dev/zero", "indexed 1 article"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if exitCode(err) != 1 {
		t.Errorf("exit %d", exitCode(err))
	}
}

// The case of issue 14: search on an index a writer holds fails within 5 s
// and says why.
func TestSearchLockedIndex(t *testing.T) {
	idx := sampleIndex(t)
	w, err := index.Open(idx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	start := time.Now()
	_, _, err = runTelaah(t, "", "search", "--index", idx, "durov")
	if err == nil || !strings.Contains(err.Error(), "index is being written by another process") {
		t.Errorf("search of a held index: %v", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("search gave up after %s", el)
	}
	_, _, err = runTelaah(t, "", "index", "--index", idx, "--lock-timeout", "100ms", "-")
	if err == nil || !strings.Contains(err.Error(), "in use by another process") {
		t.Errorf("second writer: %v", err)
	}
}

// The case of issue 14: escape and OSC sequences in indexed titles and bodies
// never reach search output, on a pipe or in JSON.
func TestSearchOutputHygiene(t *testing.T) {
	evil := "\x1b]0;pwned\x07Banjir \x1b[31mmerah\x1b[0m di \u009b2JBekasi\x07\x08\x7f"
	art, _ := json.Marshal(map[string]string{"id": "evil\x1b[2J", "title": evil, "body": "Kali " + evil + " meluap.", "source": "src\x1bc"})
	idx := filepath.Join(t.TempDir(), "i")
	if _, stderr, err := runTelaah(t, string(art)+"\n", "index", "--index", idx, "-"); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	for _, args := range [][]string{{"banjir"}, {"--json", "banjir"}, {"--json", ""}} {
		out, _, err := runTelaah(t, "", append([]string{"search", "--index", idx}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		if strings.ContainsAny(out, "\x1b\x07\x08\x7f\u009b") {
			t.Errorf("%q: control characters in the output:\n%q", args, out)
		}
		if !strings.Contains(out, "Bekasi") {
			t.Errorf("%q: output lacks the text:\n%s", args, out)
		}
		if args[0] != "--json" && !strings.Contains(out, "1. «Banjir» merah di Bekasi\n") {
			t.Errorf("%q: title not cleaned whole:\n%s", args, out)
		}
	}
}

// printable removes escape sequences whole and keeps the text.
func TestPrintable(t *testing.T) {
	for in, want := range map[string]string{
		"plain text\tand tab\n":           "plain text\tand tab\n",
		"\x1b[1;31mred\x1b[0m":            "red",
		"\x1b]8;;http://x\x1b\\link":      "link",
		"\x1b]0;title\x07after":           "after",
		"a\u009b31mb\u0085c":              "abc",
		"bell\x07 nul\x00 del\x7f":        "bell nul del",
		"\x1bcreset":                      "reset",
		"bad \xff byte":                   "bad \ufffd byte",
		"\x1bP+q\x1b\\dcs":                "dcs",
		"unterminated \x1b]0;title\nnext": "unterminated \nnext",
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzWindows checks the window reader: the windows put back together are the
// input, none exceeds maxWindow, offsets and lines are right, and no window ends
// inside a UTF-8 sequence of valid input.
func FuzzWindows(f *testing.F) {
	f.Add([]byte("Satu.\n\nDua.\n"), 16)
	f.Add([]byte(strings.Repeat("kata ", 100)), 7)
	f.Add([]byte(strings.Repeat("é", 100)), 5)
	f.Fuzz(func(t *testing.T, in []byte, size int) {
		size = 16 + abs(size)%256
		w := &windowReader{p: newPieceReader(bytes.NewReader(in), size), target: size / 4, maxWin: size}
		var got []byte
		for {
			win, off, line, err := w.next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(win) == 0 || len(win) > size {
				t.Fatalf("window of %d bytes (max %d)", len(win), size)
			}
			if off != int64(len(got)) || line != 1+bytes.Count(got, []byte{'\n'}) {
				t.Fatalf("window at %d line %d, want %d line %d", off, line, len(got), 1+bytes.Count(got, []byte{'\n'}))
			}
			if utf8.Valid(in) && !utf8.Valid(win) {
				t.Fatalf("window %q cuts a rune", win)
			}
			got = append(got, win...)
		}
		if !bytes.Equal(got, in) {
			t.Fatalf("windows give %q, want %q", got, in)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// FuzzPrintable checks that printable leaves no control character but tab and
// line feed, and that it is idempotent.
func FuzzPrintable(f *testing.F) {
	f.Add("\x1b]0;x\x07a\u009bb\x1b[1mc")
	f.Fuzz(func(t *testing.T, s string) {
		p := printable(s)
		for _, r := range p {
			if (r < 0x20 && r != '\t' && r != '\n') || (r >= 0x7f && r <= 0x9f) {
				t.Fatalf("printable(%q) = %q keeps %U", s, p, r)
			}
		}
		if q := printable(p); q != p {
			t.Fatalf("printable not idempotent: %q → %q → %q", s, p, q)
		}
	})
}

// A --model that is missing, a folder or not a model says so and names the flag.
func TestEntitiesModelErrors(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.gz")
	os.WriteFile(junk, []byte("not a model"), 0o644)
	for path, want := range map[string]string{
		filepath.Join(dir, "none"): "no such file",
		dir:                        "is a folder",
		junk:                       "not a model written by train-entities",
	} {
		_, _, err := runTelaah(t, "Joko Widodo.", "entities", "--model", path)
		if err == nil || !strings.Contains(err.Error(), "--model") || !strings.Contains(err.Error(), want) {
			t.Errorf("--model %s: %v, want %q", path, err, want)
		}
	}
}

// The case of issue 14: a symlink in the folder to /etc/passwd is not followed
// unless --follow-symlinks says so.
func TestIndexSymlinkOutside(t *testing.T) {
	if _, err := os.Stat("/etc/passwd"); err != nil {
		t.Skip(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ok.txt"), []byte("Judul Yang Baik\n\nIsi."), 0o644)
	os.Symlink("/etc/passwd", filepath.Join(dir, "passwd.txt"))
	idx := filepath.Join(t.TempDir(), "i")
	_, stderr, err := runTelaah(t, "", "index", "--index", idx, dir)
	if exitCode(err) != 1 || !strings.Contains(stderr, "passwd.txt: symbolic link to /etc/passwd") || !strings.Contains(stderr, "--follow-symlinks") {
		t.Errorf("exit %d\n%s", exitCode(err), stderr)
	}
	if ids := searchIDs(t, idx); len(ids) != 1 || ids[0] != "ok.txt" {
		t.Errorf("ids %v", ids)
	}
	_, stderr, _ = runTelaah(t, "", "index", "--index", idx, "--follow-symlinks", dir)
	if strings.Contains(stderr, "not followed") {
		t.Errorf("--follow-symlinks:\n%s", stderr)
	}
	if ids := searchIDs(t, idx); len(ids) != 2 {
		t.Errorf("--follow-symlinks: ids %v", ids)
	}
}
