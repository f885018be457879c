package opensearch

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Environment variables read by [ConfigFromEnv] (and the telaah command).
const (
	EnvURL      = "TELAAH_OPENSEARCH_URL"
	EnvUser     = "TELAAH_OPENSEARCH_USER"
	EnvPassword = "TELAAH_OPENSEARCH_PASSWORD"
	EnvAPIKey   = "TELAAH_OPENSEARCH_API_KEY"
	EnvCACert   = "TELAAH_OPENSEARCH_CA_CERT"
)

// ConfigFromEnv returns a Config for the cluster at rawURL (EnvURL when empty)
// with the credentials of the environment: an API key (EnvAPIKey, the base64
// "id:key" form both engines print) or a user and password (EnvUser,
// EnvPassword), and a PEM file of extra certificate authorities (EnvCACert).
// Credentials are never read from the URL's query; user:password@ in the URL
// works and is overridden by the environment.
func ConfigFromEnv(rawURL string) Config {
	if rawURL == "" {
		rawURL = os.Getenv(EnvURL)
	}
	return Config{
		URL:      rawURL,
		Username: os.Getenv(EnvUser),
		Password: os.Getenv(EnvPassword),
		APIKey:   os.Getenv(EnvAPIKey),
		CACert:   os.Getenv(EnvCACert),
	}
}

// Error is an error response of the cluster.
type Error struct {
	Method, Path string
	Status       int    // HTTP status
	Type         string // error.type, such as "mapper_parsing_exception"
	Reason       string // error.reason
	Body         string // the body, when it is not the usual JSON error
}

// Error describes the failed request and the cluster's reason.
func (e *Error) Error() string {
	msg := e.Reason
	if e.Type != "" {
		msg = e.Type + ": " + e.Reason
	}
	if msg == "" {
		msg = strings.TrimSpace(e.Body)
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
	}
	return fmt.Sprintf("opensearch: %s %s: %d %s: %s", e.Method, e.Path, e.Status, http.StatusText(e.Status), msg)
}

// retryable reports whether a request that got status may succeed when sent again:
// 429 (the cluster sheds load) and the 5xx of an overloaded or restarting node.
func retryable(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return status == http.StatusInternalServerError
}

// client sends requests to one cluster.
type client struct {
	base    *url.URL
	http    *http.Client
	auth    string // Authorization header, "" for none
	retries int
	backoff func(attempt int) time.Duration
}

func newClient(c *Config) (*client, error) {
	if strings.TrimSpace(c.URL) == "" {
		return nil, errors.New("opensearch: no cluster URL (give one, or set " + EnvURL + ")")
	}
	u, err := url.Parse(strings.TrimRight(strings.TrimSpace(c.URL), "/"))
	if err != nil {
		return nil, fmt.Errorf("opensearch: bad URL %q: %w", c.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("opensearch: bad URL %q: want http(s)://host[:port]", c.URL)
	}
	cl := &client{base: u, http: c.HTTPClient, retries: c.MaxRetries, backoff: c.Backoff}
	switch {
	case c.APIKey != "":
		cl.auth = "ApiKey " + c.APIKey
	case c.Username != "":
		cl.auth = basic(c.Username, c.Password)
	case u.User != nil:
		p, _ := u.User.Password()
		cl.auth = basic(u.User.Username(), p)
	}
	u.User = nil
	if cl.http == nil {
		tr := http.DefaultTransport.(*http.Transport).Clone()
		tr.MaxIdleConnsPerHost = 16
		tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		if c.CACert != "" {
			pem, err := os.ReadFile(c.CACert)
			if err != nil {
				return nil, fmt.Errorf("opensearch: reading CA certificates: %w", err)
			}
			pool, err := x509.SystemCertPool()
			if err != nil || pool == nil {
				pool = x509.NewCertPool()
			}
			if !pool.AppendCertsFromPEM(pem) {
				return nil, fmt.Errorf("opensearch: %s holds no PEM certificate", c.CACert)
			}
			tr.TLSClientConfig.RootCAs = pool
		}
		cl.http = &http.Client{Transport: tr, Timeout: 2 * time.Minute}
	}
	if cl.retries == 0 {
		cl.retries = DefaultMaxRetries
	}
	if cl.retries < 0 {
		cl.retries = 0
	}
	if cl.backoff == nil {
		cl.backoff = defaultBackoff
	}
	return cl, nil
}

func basic(user, pass string) string {
	r := &http.Request{Header: http.Header{}}
	r.SetBasicAuth(user, pass)
	return r.Header.Get("Authorization")
}

// defaultBackoff waits 100 ms, 200 ms, 400 ms … up to 10 s, each ±25 %.
func defaultBackoff(attempt int) time.Duration {
	d := 100 * time.Millisecond << min(attempt, 7)
	d = min(d, 10*time.Second)
	return d - d/4 + time.Duration(rand.Int64N(int64(d/2)+1))
}

// response is a successful (2xx) or final answer of the cluster.
type response struct {
	status int
	body   []byte
}

// do sends a request and returns the response with a 2xx status, retrying 429
// and 5xx answers and transport errors with backoff; any other status is an
// *Error. A 404 is returned as a response when ok404 is set.
func (c *client) do(ctx context.Context, method, path string, query url.Values, contentType string, body []byte, ok404 bool) (*response, error) {
	u := *c.base
	u.Path = c.base.Path + path
	u.RawQuery = query.Encode()
	for attempt := 0; ; attempt++ {
		var rd io.Reader
		if body != nil {
			rd = bytes.NewReader(body)
		}
		req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
		if err != nil {
			return nil, fmt.Errorf("opensearch: %s %s: %w", method, path, err)
		}
		if body != nil {
			req.Header.Set("Content-Type", contentType)
		}
		req.Header.Set("Accept", "application/json")
		if c.auth != "" {
			req.Header.Set("Authorization", c.auth)
		}
		res, err := c.http.Do(req)
		var data []byte
		if err == nil {
			data, err = io.ReadAll(res.Body)
			res.Body.Close()
		}
		if err != nil {
			if ctx.Err() != nil || attempt >= c.retries {
				return nil, fmt.Errorf("opensearch: %s %s: %w", method, path, err)
			}
			if err := c.sleep(ctx, attempt, nil); err != nil {
				return nil, err
			}
			continue
		}
		switch {
		case res.StatusCode/100 == 2, ok404 && res.StatusCode == http.StatusNotFound:
			return &response{status: res.StatusCode, body: data}, nil
		case retryable(res.StatusCode) && attempt < c.retries:
			if err := c.sleep(ctx, attempt, res); err != nil {
				return nil, err
			}
			continue
		}
		return nil, errorOf(method, path, res.StatusCode, data)
	}
}

// sleep waits before attempt+1, as long as the response's Retry-After asks
// when it gives one.
func (c *client) sleep(ctx context.Context, attempt int, res *http.Response) error {
	d := c.backoff(attempt)
	if res != nil {
		if s, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && s > 0 {
			d = max(d, time.Duration(s)*time.Second)
		}
	}
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return fmt.Errorf("opensearch: waiting to retry: %w", ctx.Err())
	case <-t.C:
		return nil
	}
}

// errorOf reads an error response: {"error": {"type", "reason", "root_cause"}}.
func errorOf(method, path string, status int, body []byte) *Error {
	e := &Error{Method: method, Path: path, Status: status}
	var j struct {
		Error json.RawMessage `json:"error"`
	}
	if json.Unmarshal(body, &j) == nil && len(j.Error) > 0 {
		var c cause
		if json.Unmarshal(j.Error, &c) == nil && c.Type != "" {
			e.Type, e.Reason = c.Type, c.full()
			return e
		}
		var s string
		if json.Unmarshal(j.Error, &s) == nil {
			e.Reason = s
			return e
		}
	}
	e.Body = string(body)
	return e
}

// cause is the error object of a response or of a bulk item.
type cause struct {
	Type     string `json:"type"`
	Reason   string `json:"reason"`
	CausedBy *cause `json:"caused_by"`
}

// full is the reason and the chain of causes.
func (c *cause) full() string {
	s := c.Reason
	for b := c.CausedBy; b != nil; b = b.CausedBy {
		s += " (caused by " + b.Type + ": " + b.Reason + ")"
	}
	return s
}

// getJSON sends a request with a JSON body (nil for none) and decodes the answer
// into out (nil to discard it).
func (c *client) json(ctx context.Context, method, path string, query url.Values, in, out any, ok404 bool) (int, error) {
	var body []byte
	if in != nil {
		var err error
		if body, err = json.Marshal(in); err != nil {
			return 0, fmt.Errorf("opensearch: %s %s: encoding the request: %w", method, path, err)
		}
	}
	res, err := c.do(ctx, method, path, query, "application/json", body, ok404)
	if err != nil {
		return 0, err
	}
	if out != nil && res.status/100 == 2 {
		if err := json.Unmarshal(res.body, out); err != nil {
			return res.status, fmt.Errorf("opensearch: %s %s: reading the answer: %w", method, path, err)
		}
	}
	return res.status, nil
}
