package index

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// An index held by a writer cannot be opened, for writing or reading, until the
// writer lets go: Open gives up after the lock timeout and says why.
func TestOpenLocked(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "idx")
	w, err := Create(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(Article{ID: "a", Title: "Banjir", Body: "Bekasi banjir."}); err != nil {
		t.Fatal(err)
	}
	for _, ro := range []bool{false, true} {
		start := time.Now()
		x, err := Open(dir, &Options{ReadOnly: ro, LockTimeout: 100 * time.Millisecond})
		if err == nil {
			x.Close()
			t.Fatalf("read-only %v: opened an index held by a writer", ro)
		}
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "another process") {
			t.Errorf("read-only %v: error %v", ro, err)
		}
		if el := time.Since(start); el > 30*time.Second {
			t.Errorf("read-only %v: gave up after %s", ro, el)
		}
	}
	w.Close()
	// Readers share the index.
	r1, err := Open(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r1.Close()
	r2, err := Open(dir, &Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer r2.Close()
	if n, err := r2.Count(); err != nil || n != 1 {
		t.Errorf("count %d %v", n, err)
	}
	if err := r2.Add(Article{ID: "b", Title: "x"}); err == nil {
		t.Error("Add on a read-only index succeeded")
	}
}

// Add refuses an article over Options.MaxArticle, and the readers skip a record
// over their limits without holding it.
func TestLimits(t *testing.T) {
	x, err := Create("", &Options{MaxArticle: 100})
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	var le *LimitError
	if err := x.Add(Article{ID: "big", Title: "t", Body: strings.Repeat("kata ", 30)}); !errors.As(err, &le) || le.Limit != "MaxArticle" {
		t.Errorf("Add of a 151-byte article with MaxArticle 100: %v", err)
	}

	in := `{"id":"a","title":"Satu","body":"` + strings.Repeat("x", 300) + `"}` + "\n" +
		`{"id":"b","title":"Dua","body":"` + strings.Repeat("y", 50) + `"}` + "\n" +
		strings.Repeat("z", 5000) + "\n" +
		`{"id":"c","title":"Tiga","body":"isi"}` + "\n"
	var ids []string
	var errs []string
	rd := &Reader{
		Add:    func(a Article) error { ids = append(ids, a.ID); return nil },
		Bad:    func(ie *InputError) error { errs = append(errs, ie.Error()); return nil },
		Limits: Limits{MaxArticle: 100, MaxLine: 1000},
	}
	if err := rd.ReadJSONL(strings.NewReader(in), "in.jsonl"); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[b c]" || len(errs) != 2 || !strings.HasPrefix(errs[0], "in.jsonl:1: ") || !strings.Contains(errs[0], "MaxArticle") ||
		!strings.HasPrefix(errs[1], "in.jsonl:3: line longer than 1000 bytes") {
		t.Errorf("ids %v, errors %q", ids, errs)
	}
	// MaxFile stops a file.
	ids, errs = nil, nil
	rd.Limits = Limits{MaxFile: 100}
	dir := t.TempDir()
	f := filepath.Join(dir, "a.jsonl")
	os.WriteFile(f, []byte(strings.Repeat(`{"id":"a","title":"Satu","body":"isi"}`+"\n", 10)), 0o644)
	if err := rd.ReadPath(f); err != nil {
		t.Fatal(err)
	}
	if len(ids) != 2 || len(errs) != 1 || !strings.Contains(errs[0], "MaxFile") {
		t.Errorf("MaxFile 100: ids %v, errors %q", ids, errs)
	}
}

// The case of issue 14: invalid UTF-8 in JSON Lines is reported with its line,
// not replaced by U+FFFD; dates outside what bleve stores are rejected.
func TestReadRejectsBadUTF8AndDates(t *testing.T) {
	in := "{\"id\":\"a\",\"title\":\"Caf\xe9\",\"body\":\"isi\"}\n" +
		`{"id":"b","title":"Jauh","body":"isi","published":"3000-01-01"}` + "\n" +
		`{"id":"c","title":"Lama","body":"isi","published":"1500-01-01"}` + "\n" +
		`{"id":"d","title":"Baik","body":"isi","published":"2262-01-01"}` + "\n"
	var ids, errs []string
	err := ReadJSONL(strings.NewReader(in), "in.jsonl",
		func(a Article) error { ids = append(ids, a.ID); return nil },
		func(ie *InputError) error { errs = append(errs, ie.Error()); return nil })
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(ids) != "[d]" || len(errs) != 3 || !strings.HasPrefix(errs[0], "in.jsonl:1: invalid UTF-8") ||
		!strings.HasPrefix(errs[1], "in.jsonl:2: ") || !strings.Contains(errs[1], "outside the dates") || !strings.HasPrefix(errs[2], "in.jsonl:3: ") {
		t.Errorf("ids %v, errors %q", ids, errs)
	}
	x, _ := Create("", nil)
	defer x.Close()
	if err := x.Add(Article{ID: "x", Title: "t", Published: time.Date(2300, 1, 1, 0, 0, 0, 0, time.UTC)}); err == nil {
		t.Error("Add accepted a date in 2300")
	}
}

// The case of issue 14: a .json array of 40,000 invalid elements is read in
// linear time. The test compares n and 8n elements in one run, not a clock.
func TestJSONArrayLinear(t *testing.T) {
	read := func(n int) (time.Duration, int) {
		var b bytes.Buffer
		b.WriteString("[\n")
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			b.WriteString(`{"id":"x","title":"","body":""}`)
		}
		b.WriteString("\n]\n")
		data := b.Bytes()
		bad := 0
		d := minCPU(3, func() {
			bad = 0
			err := (&Reader{Add: func(Article) error { return nil }, Bad: func(ie *InputError) error {
				bad++
				if bad == n && ie.Line != n+1 {
					t.Errorf("last element reported on line %d, want %d", ie.Line, n+1)
				}
				return nil
			}}).readJSON(bytes.NewReader(data), "a.json")
			if err != nil {
				t.Fatal(err)
			}
		})
		return d, bad
	}
	read(1000) // warm up
	t1, b1 := read(5000)
	t8, b8 := read(40000)
	if b1 != 5000 || b8 != 40000 {
		t.Fatalf("reported %d and %d", b1, b8)
	}
	if r := float64(t8) / float64(t1); r > 24 {
		t.Errorf("40,000 elements take %.1f× the time of 5,000 (%s, %s): not linear", r, t8, t1)
	}
}

// A .txt file's title is its first sensible short line, not page debris.
func TestTextTitle(t *testing.T) {
	ref, err := os.ReadFile("../testdata/telegram-200-juta.txt")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ReadText(bytes.NewReader(ref), "ref.txt", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook" {
		t.Errorf("title %q", a.Title)
	}
	if !strings.HasPrefix(a.Body, "Ilustrasi aplikasi Telegram") {
		t.Errorf("body starts %q", a.Body[:40])
	}
	// One long line without newlines: a title cut at a word, the whole as body.
	long := strings.Repeat("kata ", 10000)
	a, err = ReadText(strings.NewReader(long), "long.txt", time.Time{})
	if err != nil || len(a.Title) > maxTitle+len("…") || !strings.HasSuffix(a.Title, "kata…") || a.Body != strings.TrimSpace(long) {
		t.Errorf("long line: title %q, %d bytes of body, %v", a.Title, len(a.Body), err)
	}
	if _, err := readText(strings.NewReader(long), "long.txt", time.Time{}, 1000); err == nil {
		t.Error("50,000-byte .txt accepted with MaxArticle 1000")
	}
}

// Inside a folder only regular files are read: a FIFO is reported and skipped
// (reading it would hang), and so is a symlink to a file outside the folder or
// to a device; every valid article around them is read.
func TestReadPathSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(outside, []byte("Rahasia Negara Ini\n\nisi"), 0o644)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Judul Artikel Satu\n\nisi"), 0o644)
	os.WriteFile(filepath.Join(dir, "z.txt"), []byte("Judul Artikel Dua\n\nisi"), 0o644)
	os.WriteFile(filepath.Join(dir, "in.txt"), []byte("Judul Artikel Tiga\n\nisi"), 0o644)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.jsonl"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.jsonl"))
	os.Symlink(outside, filepath.Join(dir, "passwd.txt"))
	os.Symlink(filepath.Join(dir, "in.txt"), filepath.Join(dir, "link.txt"))
	var ids, errs []string
	rd := &Reader{
		Add: func(a Article) error { ids = append(ids, a.ID); return nil },
		Bad: func(ie *InputError) error { errs = append(errs, ie.Error()); return nil },
	}
	done := make(chan error)
	go func() { done <- rd.ReadPath(dir) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("ReadPath hangs on a FIFO or /dev/zero")
	}
	if fmt.Sprint(ids) != "[a.txt in.txt link.txt z.txt]" {
		t.Errorf("ids %v", ids)
	}
	want := []string{"passwd.txt: symbolic link to", "pipe.jsonl: not a regular file but a named pipe", "zero.jsonl: not a regular file but a character device"}
	if len(errs) != len(want) {
		t.Fatalf("errors %q", errs)
	}
	for i, w := range want {
		if !strings.Contains(errs[i], w) {
			t.Errorf("error %q lacks %q", errs[i], w)
		}
	}
	// With FollowSymlinks the link leaving the folder is read.
	ids, errs = nil, nil
	rd.FollowSymlinks = true
	rd.ReadPath(dir)
	if !strings.Contains(fmt.Sprint(ids), "passwd.txt") {
		t.Errorf("FollowSymlinks: ids %v", ids)
	}
	// A missing path is reported, not returned.
	errs = nil
	if err := rd.ReadPath(filepath.Join(dir, "missing.jsonl")); err != nil || len(errs) != 1 || !strings.Contains(errs[0], "missing.jsonl: stat: no such file") {
		t.Errorf("missing: %v %q", err, errs)
	}
}

// FuzzReaderLimits reads JSON Lines and JSON arrays with small limits: no panic,
// every article within the limits, every report with a line in the input.
func FuzzReaderLimits(f *testing.F) {
	f.Add([]byte(`{"id":"a","title":"Satu","body":"isi"}`+"\n"+`{"id":"b","title":"`+strings.Repeat("x", 80)+`"}`), true)
	f.Add([]byte("[\n"+`{"id":"a","title":"Satu"},`+"\n"+`{"bad"}]`), false)
	f.Fuzz(func(t *testing.T, in []byte, array bool) {
		lines := 1 + bytes.Count(in, []byte{'\n'})
		rd := &Reader{
			Limits: Limits{MaxArticle: 64, MaxLine: 96, MaxFile: 4096},
			Add: func(a Article) error {
				if len(a.Title)+len(a.Body) > 64 {
					t.Fatalf("article of %d bytes passed MaxArticle 64", len(a.Title)+len(a.Body))
				}
				return a.Validate()
			},
			Bad: func(ie *InputError) error {
				if ie.Line < 1 || ie.Line > lines {
					t.Fatalf("report on line %d of %d: %v", ie.Line, lines, ie)
				}
				return nil
			},
		}
		r := &maxReader{r: bytes.NewReader(in), max: rd.Limits.file()}
		var err error
		if array {
			err = rd.readJSON(r, "in.json")
		} else {
			err = rd.ReadJSONL(r, "in.jsonl")
		}
		if err != nil {
			t.Fatal(err)
		}
	})
}

// A dateline (a day of the week and a date) gives a .txt file its date.
func TestDatelineDate(t *testing.T) {
	for text, want := range map[string]string{
		"dikutip KompasTekno, Sabtu (24/3/2018).":          "2018-03-24",
		"JAKARTA, Senin, 5 Februari 2024 — Banjir":         "2024-02-05",
		"Rabu (31/2/2024) bukan tanggal; Kamis (1/3/2024)": "2024-03-01",
		"Pada 17/8/1945 Indonesia merdeka.":                "",
	} {
		got, ok := datelineDate(text)
		if (want == "") == ok || ok && got.Format(time.DateOnly) != want {
			t.Errorf("%q: %v %v, want %q", text, got, ok, want)
		}
	}
}
