//go:build unix

package main

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// telaah serve end to end: it serves the index on loopback, answers only
// loopback host names, and on SIGTERM shuts down and closes the index.
func TestServeCommand(t *testing.T) {
	dir := sampleIndex(t)
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &stderr},
			[]string{"serve", "--index", dir, "--addr", "127.0.0.1:0", "--quiet"})
	}()
	addr := ""
	re := regexp.MustCompile(`on http://(127\.0\.0\.1:\d+)/`)
	for deadline := time.Now().Add(30 * time.Second); addr == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stderr.String()); m != nil {
			addr = m[1]
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, stderr.String())
		default:
		}
	}
	if addr == "" {
		t.Fatalf("serve did not say where it listens:\n%s", stderr.String())
	}
	get := func(host string) int {
		req, _ := http.NewRequest("GET", "http://"+addr+"/healthz", nil)
		if host != "" {
			req.Host = host
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	// The server starts serving after it listens for the signals, so a
	// request that is answered means SIGTERM is caught.
	for _, c := range []struct {
		host   string
		status int
	}{{"", 200}, {"localhost:8080", 200}, {"attacker.example", http.StatusMisdirectedRequest}} {
		if got := get(c.host); got != c.status {
			t.Errorf("Host %q: %d, want %d", c.host, got, c.status)
		}
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	if out := stderr.String(); !strings.Contains(out, "shutting down") || !strings.Contains(out, "index closed") {
		t.Errorf("stderr:\n%s", out)
	}
}
