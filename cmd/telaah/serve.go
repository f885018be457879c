package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
	"github.com/telaah/telaah/index/opensearch"
)

// minTokenLen is the shortest write token serve accepts.
const minTokenLen = 16

// shutdownGrace is how long serve waits for the requests in flight on SIGINT
// or SIGTERM before it closes their connections.
const shutdownGrace = 30 * time.Second

// runServe serves the search API and the search page of an index.
func runServe(e *env, args []string) error {
	flags := newFlags(e, "serve", "--index DIR | --opensearch URL [--addr 127.0.0.1:8080] [--write-token TOKEN]")
	dir := flags.String("index", "", "the index `directory` (made by telaah index; created empty when missing and writes are enabled)")
	cluster := addClusterFlags(flags, true)
	lockTimeout := flags.Duration("lock-timeout", index.DefaultLockTimeout, "how long to wait for an index directory another process holds")
	addr := flags.String("addr", "127.0.0.1:8080", "the `address` to listen on: loopback unless you say otherwise (e.g. :8080 for all interfaces)")
	token := flags.String("write-token", "", "enable POST and DELETE /api/articles for requests with \"Authorization: Bearer `TOKEN`\" (at least 16 characters; default $"+httpapi.TokenEnv+"; none: read-only)")
	var origins multi
	flags.Var(&origins, "cors", "let pages of this `origin` (https://example.org) call the API from a browser; repeatable; * lets any page read")
	var hostNames multi
	flags.Var(&hostNames, "host", "a host `name` clients may use in URLs (repeatable); on loopback, localhost and the loopback addresses are allowed, elsewhere any unless --host is given")
	maxBody := flags.Int64("max-body", httpapi.DefaultMaxBodyBytes, "the largest request body in `bytes`")
	timeout := flags.Duration("timeout", httpapi.DefaultTimeout, "the longest a search may take")
	quiet := flags.Bool("quiet", false, "log no requests, only errors")
	maxAnalyzed := flags.Int("max-analyzed", index.DefaultMaxAnalyzed, "most `bytes` of a posted article's body (and of its title) analysed (0: no limit); the rest is stored but not searchable, and the answer lists the article")
	postingsMB := flags.Int("postings-cache", index.DefaultPostingsCache>>20, "most `MiB` of decoded postings an index directory keeps for searches asked again (0: none)")
	if err := parseFlags(flags, args); err != nil {
		return err
	}
	if err := needsTarget(cluster, *dir); err != nil {
		flags.Usage()
		return err
	}
	if flags.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected arguments %q", flags.Args())}
	}
	if *token == "" {
		*token = os.Getenv(httpapi.TokenEnv)
	}
	if *token != "" && len(*token) < minTokenLen {
		return usageError{fmt.Sprintf("the write token has %d characters; use at least %d (e.g. openssl rand -hex 16)", len(*token), minTokenLen)}
	}
	if *maxBody <= 0 || *timeout <= 0 {
		return usageError{"--max-body and --timeout must be positive"}
	}
	if *maxAnalyzed < 0 {
		return usageError{"--max-analyzed must be 0 (no limit) or positive"}
	}
	if *postingsMB < 0 {
		return usageError{"--postings-cache must be 0 (none) or positive"}
	}
	opts := &index.Options{LockTimeout: *lockTimeout, MaxAnalyzed: *maxAnalyzed, PostingsCache: *postingsMB << 20}
	if *maxAnalyzed == 0 {
		opts.MaxAnalyzed = -1 // index.Options: negative is no limit
	}
	if *postingsMB == 0 {
		opts.PostingsCache = -1 // none
	}
	x, name, n, err := serveBackend(cluster, *dir, *token != "", opts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		x.Close()
		return fmt.Errorf("listening: %w", err)
	}
	hosts := []string(hostNames)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && tcp.IP.IsLoopback() {
		// On loopback only loopback names reach the server, so a page whose
		// domain an attacker resolves to 127.0.0.1 cannot read the index.
		hosts = append(hosts, "localhost", "127.0.0.1", "::1", tcp.IP.String())
	}
	logger := log.New(e.stderr, "", log.LstdFlags)
	cfg := &httpapi.Config{WriteToken: *token, AllowOrigins: origins, MaxBodyBytes: *maxBody, Timeout: *timeout, ErrorLog: logger,
		AllowedHosts: hosts}
	if !*quiet {
		cfg.AccessLog = logger
	}
	h := httpapi.New(x, cfg)
	mode := "read-only"
	if *token != "" {
		mode = "writes enabled with the token"
	}
	fmt.Fprintf(e.stderr, "serving %s (%d articles, %s) on http://%s/\n", name, n, mode, ln.Addr())
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintf(e.stderr, "warning: listening beyond this machine (%s) over plain HTTP; put TLS in front of it\n", ln.Addr())
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, e.stderr, ln, h, x, *timeout)
}

// serveBackend opens what serve serves: the cluster of the flags when
// --opensearch is given, else the index directory, read-only unless writes are
// enabled, so that `telaah search` can read it meanwhile (a writer excludes
// every other process). A missing directory is created empty when writes are
// enabled. opts are the options of an index directory, and give the cluster
// its MaxAnalyzed. It returns the backend, its name and its number of articles.
func serveBackend(c *clusterFlags, dir string, writes bool, opts *index.Options) (index.Backend, string, uint64, error) {
	if c.url != "" {
		x, err := c.open(nil, 0, !writes, func(cfg *opensearch.Config) { cfg.MaxAnalyzed = opts.MaxAnalyzed })
		if err != nil {
			return nil, "", 0, err
		}
		// Counting checks that the cluster answers before serving. A count
		// creates nothing: with writes, a missing index is made empty here
		// (Refresh creates it), as a missing directory is.
		n, err := x.Count(context.Background())
		if writes && errors.Is(err, opensearch.ErrNoIndex) {
			n, err = 0, x.Refresh(context.Background())
		}
		if err != nil {
			x.Close()
			return nil, "", 0, err
		}
		name := fmt.Sprintf("%s (alias %s)", c.url, x.Name())
		if writes {
			return &refreshOnClose{x, c.noWait}, name, n, nil
		}
		return x, name, n, nil
	}
	var x *index.Index
	var err error
	if _, serr := os.Stat(dir); errors.Is(serr, fs.ErrNotExist) && writes {
		x, err = index.Create(dir, opts)
	} else if errors.Is(serr, fs.ErrNotExist) {
		return nil, "", 0, fmt.Errorf("no index at %s: make one with telaah index --index %s FILE, or start with a write token to fill it over HTTP", dir, dir)
	} else {
		ro := *opts
		ro.ReadOnly = !writes
		x, err = index.Open(dir, &ro)
	}
	if err != nil {
		return nil, "", 0, err
	}
	n, _ := x.Count()
	return x, dir, n, nil
}

// serve serves h on ln until ctx is done, then shuts down gracefully: it
// stops accepting connections, lets the requests in flight finish (for up to
// shutdownGrace), waits for the write in progress and closes the index.
func serve(ctx context.Context, stderr io.Writer, ln net.Listener, h *httpapi.Handler, x index.Backend, timeout time.Duration) error {
	return serveHandler(ctx, stderr, ln, h, h, x, timeout)
}

// serveHandler is serve with the handler of the server given apart, so that
// tests can hold a request in flight.
func serveHandler(ctx context.Context, stderr io.Writer, ln net.Listener, handler http.Handler, h *httpapi.Handler, x index.Backend, timeout time.Duration) error {
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute, // a large POST on a slow link
		WriteTimeout:      timeout + 5*time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "http: ", log.LstdFlags),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	var err error
	select {
	case err = <-done:
		err = fmt.Errorf("serving: %w", err)
	case <-ctx.Done():
		fmt.Fprintln(stderr, "shutting down: finishing the requests in flight")
		sctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
		if serr := srv.Shutdown(sctx); serr != nil {
			fmt.Fprintf(stderr, "requests still running after %s: closing their connections\n", shutdownGrace)
			srv.Close()
		}
		cancel()
		<-done // http.ErrServerClosed
	}
	h.Close() // waits for a write still going
	if cerr := x.Close(); cerr != nil && err == nil {
		err = cerr
	}
	if err == nil {
		fmt.Fprintln(stderr, "index closed; bye")
	}
	return err
}
