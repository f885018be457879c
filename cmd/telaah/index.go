package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/telaah/telaah/index"
)

// runIndex indexes articles from JSON Lines files and folders of .txt files.
func runIndex(e *env, args []string) error {
	fs := newFlags(e, "index", "--index DIR|--opensearch URL [--batch N] FILE|DIR...")
	dir := fs.String("index", "", "the index `directory` (created when it does not exist)")
	cluster := addClusterFlags(fs, true)
	batch := fs.Int("batch", index.DefaultBatchSize, "articles per durable batch")
	quiet := fs.Bool("quiet", false, "print only the summary and the skipped records")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needsTarget(cluster, *dir); err != nil {
		fs.Usage()
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return usageError{"no input: give JSON Lines (.jsonl), JSON (.json) files or folders of .txt files (- for stdin)"}
	}
	if *batch <= 0 {
		return usageError{fmt.Sprintf("--batch %d: must be positive", *batch)}
	}
	p := newProgress(e.stderr, estimate(fs.Args()), *quiet)
	x, name, created, err := writeBackend(cluster, *dir, &index.Options{BatchSize: *batch, Analyzed: p.analyzed})
	if err != nil {
		return err
	}
	var (
		pending []index.Article
		skipped int
		done    int
	)
	flush := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := x.Add(pending...); err != nil {
			return err
		}
		done += len(pending)
		pending = pending[:0]
		p.update(done)
		return nil
	}
	add := func(a index.Article) error {
		pending = append(pending, a)
		if len(pending) >= *batch {
			return flush()
		}
		return nil
	}
	bad := func(ie *index.InputError) error {
		skipped++
		p.clear()
		fmt.Fprintf(e.stderr, "skipped %v\n", ie)
		return nil
	}
	start := time.Now()
	for _, path := range fs.Args() {
		if path == "-" {
			err = index.ReadJSONL(e.stdin, "stdin", add, bad)
		} else {
			err = index.ReadPath(path, add, bad)
		}
		if err != nil {
			break
		}
	}
	if err == nil {
		err = flush()
	}
	cerr := x.Close()
	p.finish()
	el := time.Since(start)
	rate := float64(done) / max(el.Seconds(), 1e-9)
	verb := "added to"
	if created {
		verb = "created"
	}
	fmt.Fprintf(e.stderr, "indexed %d articles in %.1fs (%.0f docs/s); %s %s\n", done, el.Seconds(), rate, verb, name)
	if err != nil {
		return err
	}
	if cerr != nil {
		return cerr
	}
	if skipped > 0 {
		return fmt.Errorf("skipped %d malformed records (listed above); all valid articles were indexed", skipped)
	}
	return nil
}

// openOrCreate opens the index at dir, or creates it when dir does not exist or
// is an empty directory.
func openOrCreate(dir string, opts *index.Options) (*index.Index, bool, error) {
	if entries, err := os.ReadDir(dir); errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		x, err := index.Create(dir, opts)
		return x, true, err
	}
	x, err := index.Open(dir, opts)
	return x, false, err
}

// estimate counts the articles in the inputs for the progress bar: the non-blank
// lines of JSON Lines files and the .txt files in folders. It is 0 when unknown.
func estimate(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			n += countLines(p)
			continue
		}
		_ = filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch strings.ToLower(filepath.Ext(q)) {
			case ".txt":
				n++
			case ".jsonl", ".ndjson", ".json":
				n += countLines(q)
			}
			return nil
		})
	}
	return n
}

func countLines(path string) int {
	if strings.EqualFold(filepath.Ext(path), ".txt") {
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	n := 0
	r := bufio.NewReaderSize(f, 1<<16)
	blank := true
	for {
		b, err := r.ReadSlice('\n')
		if len(bytes.TrimSpace(b)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if !blank {
			n++
		}
		blank = true
		if err != nil {
			return n
		}
	}
}

// progress reports indexing progress: a bar redrawn in place on a terminal, a plain
// line per batch otherwise.
type progress struct {
	w     io.Writer
	tty   bool
	quiet bool
	total int
	start time.Time

	mu       sync.Mutex // guards the fields below and the writes to w
	drawn    bool
	indexed  int       // articles indexed (durable)
	seen     int       // articles analysed
	lastDraw time.Time // of the bar
}

func newProgress(w io.Writer, total int, quiet bool) *progress {
	return &progress{w: w, tty: isTerminal(w), quiet: quiet, total: total, start: time.Now()}
}

// update reports that done articles are indexed.
func (p *progress) update(done int) {
	if p.quiet {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.indexed = done
	p.seen = max(p.seen, done)
	if !p.tty {
		el := time.Since(p.start)
		fmt.Fprintf(p.w, "indexed %d articles (%.0f docs/s)\n", done, float64(done)/max(el.Seconds(), 1e-9))
		return
	}
	p.draw()
}

// analyzed counts an analysed article and redraws the bar at most ten times a
// second; it is safe for concurrent use.
func (p *progress) analyzed() {
	if p.quiet || !p.tty {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.seen++
	if time.Since(p.lastDraw) >= 100*time.Millisecond {
		p.draw()
	}
}

// draw redraws the bar: the articles analysed, of which so many are indexed.
func (p *progress) draw() {
	p.lastDraw = time.Now()
	done := p.seen
	el := time.Since(p.start)
	rate := float64(done) / max(el.Seconds(), 1e-9)
	const width = 30
	bar := strings.Repeat("=", width)
	pct := ""
	if p.total > 0 {
		f := min(float64(done)/float64(p.total), 1)
		k := int(f * width)
		bar = strings.Repeat("=", k) + strings.Repeat(" ", width-k)
		pct = fmt.Sprintf(" %3.0f%%", f*100)
	}
	fmt.Fprintf(p.w, "\r[%s]%s %d articles analysed, %d indexed, %.0f docs/s ", bar, pct, done, p.indexed, rate)
	p.drawn = true
}

// clear ends the bar's line so that a message can be printed.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn {
		fmt.Fprintln(p.w)
		p.drawn = false
	}
}

func (p *progress) finish() { p.clear() }

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
