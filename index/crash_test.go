package index

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// crashEnv switches the test binary into the child role of TestCrashSafety: it
// names the index directory the child writes to.
const crashEnv = "TELAAH_CRASH_CHILD_INDEX"

const crashBatch = 40 // articles per Add in the crash test

// crashArticle is article j of batch i of the crash test.
func crashArticle(i, j int, base []Article) Article {
	a := base[(i*crashBatch+j)%len(base)]
	a.ID = fmt.Sprintf("crash-%04d-%03d", i, j)
	a.Title = fmt.Sprintf("%s (%d.%d)", a.Title, i, j)
	return a
}

// TestCrashSafety kills a child process in the middle of indexing and checks that
// every batch Add had acknowledged is in the reopened index, which still works.
func TestCrashSafety(t *testing.T) {
	if dir := os.Getenv(crashEnv); dir != "" {
		crashChild(t, dir)
		return
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir() + "/idx"
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashSafety$", "-test.v=false")
	cmd.Env = append(os.Environ(), crashEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	acked := -1
	sc := bufio.NewScanner(out)
	deadline := time.Now().Add(2 * time.Minute)
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "ack "); ok {
			acked, _ = strconv.Atoi(n)
		}
		if acked >= 4 || time.Now().After(deadline) {
			// Kill in the middle of the next batch: the child is analysing or
			// writing it now.
			time.Sleep(time.Duration(acked*7%40) * time.Millisecond)
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	// Batches acknowledged between the last line read and the kill count too.
	for sc.Scan() {
		if n, ok := strings.CutPrefix(sc.Text(), "ack "); ok {
			acked, _ = strconv.Atoi(n)
		}
	}
	_ = cmd.Wait()
	if acked < 0 {
		t.Fatal("the child acknowledged no batch")
	}
	t.Logf("child killed after acknowledging batches 0–%d", acked)

	x, err := Open(dir, nil)
	if err != nil {
		t.Fatalf("reopening after the crash: %v", err)
	}
	defer x.Close()
	n, err := x.Count()
	if err != nil {
		t.Fatal(err)
	}
	if min := uint64((acked + 1) * crashBatch); n < min {
		t.Errorf("Count after the crash = %d, want at least %d", n, min)
	}
	for i := 0; i <= acked; i++ {
		want := make([]string, crashBatch)
		for j := range want {
			want[j] = fmt.Sprintf("crash-%04d-%03d", i, j)
		}
		req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(want), crashBatch, 0, false)
		res, err := x.Bleve().Search(req)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != crashBatch {
			t.Errorf("acknowledged batch %d: %d of %d articles survived", i, res.Total, crashBatch)
		}
	}
	// The index still answers queries and takes new articles.
	if _, err := x.Search(context.Background(), Request{Query: "telegram"}); err != nil {
		t.Errorf("searching after the crash: %v", err)
	}
	if err := x.Add(extra...); err != nil {
		t.Errorf("adding after the crash: %v", err)
	}
}

// crashChild indexes batches until it is killed, printing "ack N" after Add has
// acknowledged batch N.
func crashChild(t *testing.T, dir string) {
	base := append(sample(t), extra...)
	x, err := Create(dir, &Options{BatchSize: crashBatch})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10000; i++ {
		batch := make([]Article, crashBatch)
		for j := range batch {
			batch[j] = crashArticle(i, j, base)
		}
		if err := x.Add(batch...); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("ack %d\n", i)
	}
	t.Fatal("the child was not killed")
}
