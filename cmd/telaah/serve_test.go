package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
)

func TestServeFlags(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{}, "--index DIR (or --opensearch URL) is required"},
		{[]string{"--index", "x", "--opensearch", "http://127.0.0.1:1"}, "not both"},
		{[]string{"--index", "x", "extra"}, "unexpected arguments"},
		{[]string{"--index", "x", "--write-token", "pendek"}, "the write token has 6 characters; use at least 16"},
		{[]string{"--index", filepath.Join(t.TempDir(), "none")}, "no index at"},
		{[]string{"--index", "x", "--timeout", "0s"}, "must be positive"},
		{[]string{"--index", "x", "--max-analyzed", "-1"}, "--max-analyzed must be 0"},
		{[]string{"--index", "x", "--postings-cache", "-1"}, "--postings-cache must be 0"},
	} {
		_, _, err := runTelaah(t, "", append([]string{"serve"}, c.args...)...)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("serve %q: %v, want an error with %q", c.args, err, c.msg)
		}
	}
	// An unreachable cluster is an error, not a usage error.
	if _, _, err := runTelaah(t, "", "serve", "--opensearch", "http://127.0.0.1:1"); err == nil || exitCode(err) != 1 {
		t.Errorf("serve --opensearch of an unreachable cluster: %v, want exit status 1", err)
	}
	t.Setenv(httpapi.TokenEnv, "short")
	if _, _, err := runTelaah(t, "", "serve", "--index", "x"); err == nil || !strings.Contains(err.Error(), "at least 16") {
		t.Errorf("a short token from %s: %v", httpapi.TokenEnv, err)
	}
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// On shutdown serve lets a request in flight finish, then closes the index.
func TestServeGracefulShutdown(t *testing.T) {
	dir := sampleIndex(t)
	x, err := index.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := httpapi.New(x, nil)
	entered, release := make(chan struct{}), make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(entered)
			<-release
			r.URL.Path = "/healthz"
		}
		h.ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var log syncBuffer
	served := make(chan error, 1)
	go func() { served <- serveHandler(ctx, &log, ln, handler, h, x, time.Second) }()

	base := "http://" + ln.Addr().String()
	res, err := http.Get(base + "/api/search?q=durov")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), "kompas-telegram-200-juta") {
		t.Fatalf("search: %d %s", res.StatusCode, body)
	}

	type answer struct {
		status int
		body   string
		err    error
	}
	slow := make(chan answer, 1)
	go func() {
		res, err := http.Get(base + "/slow")
		if err != nil {
			slow <- answer{err: err}
			return
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		slow <- answer{status: res.StatusCode, body: string(b)}
	}()
	<-entered
	cancel() // as SIGINT or SIGTERM would
	select {
	case err := <-served:
		t.Fatalf("serve returned before the request in flight finished: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(release)
	a := <-slow
	if a.err != nil || a.status != 200 || !strings.Contains(a.body, `"articles": 43`) {
		t.Fatalf("the request in flight: %+v", a)
	}
	if err := <-served; err != nil {
		t.Fatalf("serve: %v", err)
	}
	if !strings.Contains(log.String(), "index closed") {
		t.Errorf("log: %s", log.String())
	}
	// The index is closed: it opens again (bleve holds a lock while open).
	y, err := index.Open(dir, nil)
	if err != nil {
		t.Fatalf("reopening the index: %v", err)
	}
	y.Close()
	if _, err := http.Get(base + "/healthz"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
