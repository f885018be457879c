package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
)

// TestMain lets the tests run telaah as a child process (for its peak RSS): with
// TELAAH_TEST_MAIN=1 the test binary is telaah.
func TestMain(m *testing.M) {
	if os.Getenv("TELAAH_TEST_MAIN") == "1" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		if err := run(e, os.Args[1:]); err != nil {
			fmt.Fprintln(os.Stderr, "telaah:", err)
			os.Exit(exitCode(err))
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// newsFile writes about n bytes of news text (the sample articles, title and body
// with blank lines between paragraphs, repeated) and returns its path.
func newsFile(tb testing.TB, n int) string {
	tb.Helper()
	var one bytes.Buffer
	err := index.ReadJSONL(bytes.NewReader(telaah.SampleArticles()), "articles.jsonl", func(a index.Article) error {
		fmt.Fprintf(&one, "%s\n\n%s\n\n", a.Title, a.Body)
		return nil
	}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	var b bytes.Buffer
	for b.Len() < n {
		b.Write(one.Bytes())
	}
	path := filepath.Join(tb.TempDir(), "news.txt")
	if err := os.WriteFile(path, b.Bytes()[:n], 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// peakRSS runs telaah with args in a child process and returns its peak
// resident set size in bytes.
func peakRSS(tb testing.TB, args ...string) int64 {
	tb.Helper()
	exe, err := os.Executable()
	if err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), "TELAAH_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		tb.Fatalf("telaah %q: %v\n%s", args, err, stderr.String())
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		tb.Skip("no rusage on this system")
	}
	return int64(ru.Maxrss) * 1024 // kilobytes on Linux
}

// TestStreamingRSS checks that analyze --json streams: six times the input adds
// far less memory than analysing it whole would (tens of bytes a byte: over
// 50 MB more here). scripts/rss.sh measures the 1 GB bar of issue 10.
func TestStreamingRSS(t *testing.T) {
	if testing.Short() {
		t.Skip("runs analyze on 1.75 MB")
	}
	small, large := newsFile(t, 256<<10), newsFile(t, 1536<<10)
	a := peakRSS(t, "analyze", "--json", small)
	b := peakRSS(t, "analyze", "--json", large)
	t.Logf("peak RSS: %d MB on 0.25 MB, %d MB on 1.5 MB", a>>20, b>>20)
	if grow := b - a; grow > 16<<20 {
		t.Errorf("peak RSS grows by %d MB from 0.25 to 1.5 MB of input: not streaming", grow>>20)
	}
}

// BenchmarkStreamingRSS reports the peak RSS of each streaming command on a
// 4 MB news file, per input byte (rss-B/in-B) and in MB. Run it with
// -benchtime 1x.
func BenchmarkStreamingRSS(b *testing.B) {
	const size = 4 << 20
	file := newsFile(b, size)
	for _, c := range [][]string{{"entities"}, {"analyze"}, {"analyze", "--json"}, {"analyze", "--no-entities"}, {"tokenize"}} {
		b.Run(fmt.Sprint(c), func(b *testing.B) {
			var rss int64
			for b.Loop() {
				rss = max(rss, peakRSS(b, append(c, file)...))
			}
			b.SetBytes(size)
			b.ReportMetric(float64(rss)/size, "rss-B/in-B")
			b.ReportMetric(float64(rss)/(1<<20), "rss-MB")
		})
	}
}
