package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
)

// The default limits of a Handler.
const (
	// DefaultMaxBodyBytes caps the body of a POST /api/articles (16 MiB).
	DefaultMaxBodyBytes = 16 << 20
	// DefaultMaxQueryBytes caps the query string of a request (4 KiB).
	DefaultMaxQueryBytes = 4 << 10
	// DefaultMaxPageSize is the largest size of a search page.
	DefaultMaxPageSize = 100
	// DefaultTimeout bounds the work of one request, searches and the wait
	// for a write; indexing itself cannot be stopped half-way.
	DefaultTimeout = 10 * time.Second
	// maxFilterValues caps the values of one filter parameter (person=…).
	maxFilterValues = 20
	// maxFacetSize caps facet_size.
	maxFacetSize = 100
	// The bounds of the fragments and fragment_size parameters.
	maxFragments                     = 10
	minFragmentSize, maxFragmentSize = 40, 2000
)

// TokenEnv is the environment variable from which "telaah serve" reads the
// write token when --write-token is not given.
const TokenEnv = "TELAAH_WRITE_TOKEN"

// Config configures a Handler. The zero value is a read-only API with the
// default limits and no CORS.
type Config struct {
	// WriteToken, when not empty, enables POST and DELETE /api/articles for
	// requests that carry it as "Authorization: Bearer <token>". Empty makes
	// the API read-only.
	WriteToken string
	// AllowOrigins are the origins (https://example.org) whose pages may call
	// the API from a browser (CORS); "*" allows every origin to read, never to
	// write. Empty sends no CORS headers, so browsers keep other sites out.
	AllowOrigins []string
	// AllowedHosts, when not empty, are the only host names (without port)
	// that the Host header of a request may name; others get 421. A server on
	// loopback lists its loopback names, so that a web page whose domain an
	// attacker points at 127.0.0.1 (DNS rebinding) cannot read the index.
	AllowedHosts []string
	// MaxBodyBytes caps a request body; 0 means DefaultMaxBodyBytes.
	MaxBodyBytes int64
	// MaxQueryBytes caps the query string of a URL; 0 means
	// DefaultMaxQueryBytes.
	MaxQueryBytes int
	// MaxPageSize is the largest size parameter of a search; 0 means
	// DefaultMaxPageSize.
	MaxPageSize int
	// Timeout bounds a request: a search still running then is stopped and
	// answered with 503; 0 means DefaultTimeout.
	Timeout time.Duration
	// AccessLog, when not nil, receives one line per request: method, URI,
	// status and duration.
	AccessLog *log.Logger
	// ErrorLog, when not nil, receives the errors that are the server's fault
	// (status 500 and over, panics).
	ErrorLog *log.Logger
}

// Handler serves the JSON API and the search page over an index: the bleve
// [index.Index], or any [index.Backend] such as the OpenSearch one of package
// index/opensearch. It is safe for concurrent use; it does not close the
// index.
type Handler struct {
	x      index.Backend
	cfg    Config
	mux    *http.ServeMux
	token  [sha256.Size]byte // of cfg.WriteToken
	writes chan struct{}     // one write at a time
	closed chan struct{}     // closed by Close
	once   sync.Once
	page   []byte
	csp    string
}

// New returns a Handler serving x. cfg may be nil for the defaults. GET
// /api/entities needs a backend with an entity registry (Entities, as
// [index.Index.Entities]) and answers 501 without one; GET /healthz counts the
// articles when the backend can (Count).
func New(x index.Backend, cfg *Config) *Handler {
	h := &Handler{x: x, writes: make(chan struct{}, 1), closed: make(chan struct{})}
	if cfg != nil {
		h.cfg = *cfg
		h.cfg.AllowOrigins = slices.Clone(cfg.AllowOrigins)
		h.cfg.AllowedHosts = slices.Clone(cfg.AllowedHosts)
	}
	if h.cfg.MaxBodyBytes <= 0 {
		h.cfg.MaxBodyBytes = DefaultMaxBodyBytes
	}
	if h.cfg.MaxQueryBytes <= 0 {
		h.cfg.MaxQueryBytes = DefaultMaxQueryBytes
	}
	if h.cfg.MaxPageSize <= 0 {
		h.cfg.MaxPageSize = DefaultMaxPageSize
	}
	if h.cfg.Timeout <= 0 {
		h.cfg.Timeout = DefaultTimeout
	}
	h.token = sha256.Sum256([]byte(h.cfg.WriteToken))
	h.page, h.csp = page()

	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", h.servePage)
	m.HandleFunc("GET /healthz", h.health)
	m.HandleFunc("GET /api/search", h.search)
	m.HandleFunc("GET /api/entities", h.entities)
	m.HandleFunc("GET /api/articles/{id}", h.getArticle)
	m.HandleFunc("DELETE /api/articles/{id}", h.deleteArticle)
	m.HandleFunc("POST /api/articles", h.postArticles)
	// The same paths with any other method: 405 with the allowed ones.
	for path, allow := range map[string]string{
		"/{$}":               "GET, HEAD",
		"/healthz":           "GET, HEAD",
		"/api/search":        "GET, HEAD",
		"/api/entities":      "GET, HEAD",
		"/api/articles/{id}": "GET, HEAD, DELETE",
		"/api/articles":      "POST",
	} {
		m.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Allow", allow)
			h.fail(w, r, http.StatusMethodNotAllowed, fmt.Sprintf("%s is not allowed on %s (allowed: %s)", r.Method, r.URL.Path, allow))
		})
	}
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("no such path %s: the API is GET /api/search, GET /api/entities, GET|DELETE /api/articles/{id}, POST /api/articles and GET /healthz", r.URL.Path))
	})
	h.mux = m
	return h
}

// ServeHTTP answers a request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			h.logf("panic serving %s %s: %v\n%s", r.Method, r.URL.Path, v, debug.Stack())
			if !rw.wrote {
				h.fail(rw, r, http.StatusInternalServerError, "internal error")
			}
		}
		if h.cfg.AccessLog != nil {
			h.cfg.AccessLog.Printf("%s %s %d %s", r.Method, r.URL.RequestURI(), rw.status, time.Since(start).Round(time.Microsecond))
		}
	}()
	hd := rw.Header()
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Referrer-Policy", "no-referrer")
	hd.Set("X-Frame-Options", "DENY")
	hd.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !h.hostAllowed(r.Host) {
		h.fail(rw, r, http.StatusMisdirectedRequest, fmt.Sprintf("host %q is not served here (allowed: %s)", r.Host, strings.Join(h.cfg.AllowedHosts, ", ")))
		return
	}
	if h.cors(rw, r) {
		return
	}
	if len(r.URL.RawQuery) > h.cfg.MaxQueryBytes {
		h.fail(rw, r, http.StatusRequestURITooLong, fmt.Sprintf("query string of %d bytes is over the limit of %d", len(r.URL.RawQuery), h.cfg.MaxQueryBytes))
		return
	}
	if r.Body != nil {
		r.Body = http.MaxBytesReader(rw, r.Body, h.cfg.MaxBodyBytes)
	}
	ctx, cancel := context.WithTimeout(r.Context(), h.cfg.Timeout)
	defer cancel()
	h.mux.ServeHTTP(rw, r.WithContext(ctx))
}

// hostAllowed reports whether the Host header names an allowed host.
func (h *Handler) hostAllowed(host string) bool {
	if len(h.cfg.AllowedHosts) == 0 {
		return true
	}
	name := host
	if n, _, err := net.SplitHostPort(host); err == nil {
		name = n
	}
	name = strings.TrimSuffix(strings.Trim(name, "[]"), ".")
	for _, a := range h.cfg.AllowedHosts {
		if strings.EqualFold(name, a) {
			return true
		}
	}
	return false
}

// cors sets the CORS headers for an allowed origin and answers preflight
// requests; it reports whether the request is answered.
func (h *Handler) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" || len(h.cfg.AllowOrigins) == 0 || !strings.HasPrefix(r.URL.Path, "/api/") {
		return false
	}
	named := slices.Contains(h.cfg.AllowOrigins, origin)
	any := slices.Contains(h.cfg.AllowOrigins, "*")
	if !named && !any {
		return false
	}
	hd := w.Header()
	hd.Add("Vary", "Origin")
	methods := "GET, HEAD"
	if named {
		hd.Set("Access-Control-Allow-Origin", origin)
		methods = "GET, HEAD, POST, DELETE"
	} else {
		hd.Set("Access-Control-Allow-Origin", "*")
	}
	if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
		hd.Set("Access-Control-Allow-Methods", methods)
		hd.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
		hd.Set("Access-Control-Max-Age", "600")
		w.WriteHeader(http.StatusNoContent)
		return true
	}
	return false
}

// Error is the body of every error response.
type Error struct {
	Status  int    `json:"status"`
	Message string `json:"message"`
	// Errors lists the malformed records of a POST /api/articles body.
	Errors []RecordError `json:"errors,omitempty"`
	// Query, for a query that cannot be parsed or goes over a limit, says
	// where in q the fault is.
	Query *QueryError `json:"query,omitempty"`
	// Ambiguous, for a filter on a name of several entities (two people
	// called Dimas), says which and what they are: search again with one.
	Ambiguous *Ambiguity `json:"ambiguous,omitempty"`
}

// QueryError places the fault of a query in the q parameter: the bytes
// [Start, End), or the characters [Column, EndColumn) counted from 1.
type QueryError struct {
	Start     int  `json:"start"`
	End       int  `json:"end"`
	Column    int  `json:"column"`
	EndColumn int  `json:"end_column"`
	Limit     bool `json:"limit,omitempty"` // refused for going over a limit of the index
}

// Ambiguity is a filter name that denotes several entities.
type Ambiguity struct {
	Filter     string   `json:"filter"` // the parameter: person, org or place
	Name       string   `json:"name"`   // the name as given
	Candidates []string `json:"candidates"`
}

// RecordError is one malformed record of a POST /api/articles body: the line
// it starts on (1-based) and what is wrong with it, as "telaah index" says it.
type RecordError struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// fail writes an error response.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	h.failWith(w, r, &Error{Status: status, Message: msg})
}

func (h *Handler) failWith(w http.ResponseWriter, r *http.Request, e *Error) {
	if e.Status >= 500 {
		h.logf("%s %s: %d %s", r.Method, r.URL.Path, e.Status, e.Message)
	}
	if e.Status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="telaah"`)
	}
	h.reply(w, r, e.Status, e)
}

// reply writes v as JSON with the given status.
func (h *Handler) reply(w http.ResponseWriter, r *http.Request, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // served as application/json with nosniff: readable <mark> in curl
	if !strings.Contains(r.Header.Get("Accept"), "application/json") {
		// Indented for people (curl, a browser's address bar); a program that
		// asks for JSON gets it compact.
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		h.logf("%s %s: encoding the response: %v", r.Method, r.URL.Path, err)
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"status":500,"message":"internal error: encoding the response"}` + "\n")
	}
	hd := w.Header()
	hd.Set("Content-Type", "application/json; charset=utf-8")
	hd.Set("Cache-Control", "no-store")
	hd.Set("Content-Length", fmt.Sprint(buf.Len()))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

func (h *Handler) logf(format string, args ...any) {
	if h.cfg.ErrorLog != nil {
		h.cfg.ErrorLog.Printf(format, args...)
	}
}

// authorize reports whether a write may go ahead, answering the request when
// not: 403 when the handler has no write token, 401 when the request does not
// carry it.
func (h *Handler) authorize(w http.ResponseWriter, r *http.Request) bool {
	if h.cfg.WriteToken == "" {
		h.fail(w, r, http.StatusForbidden, "the server is read-only: start it with a write token (--write-token or "+TokenEnv+") to add or delete articles")
		return false
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok {
		h.fail(w, r, http.StatusUnauthorized, `writing needs the header "Authorization: Bearer <write token>"`)
		return false
	}
	// Comparing hashes in constant time tells nothing of the token, not even
	// its length.
	got := sha256.Sum256([]byte(strings.TrimSpace(tok)))
	if subtle.ConstantTimeCompare(got[:], h.token[:]) != 1 {
		h.fail(w, r, http.StatusUnauthorized, "wrong write token")
		return false
	}
	return true
}

// lockWrite waits for the write slot until the request's deadline; unlock
// with unlockWrite.
func (h *Handler) lockWrite(w http.ResponseWriter, r *http.Request) bool {
	select {
	case <-h.closed:
		h.fail(w, r, http.StatusServiceUnavailable, "the server is shutting down and takes no more writes")
		return false
	default:
	}
	select {
	case h.writes <- struct{}{}:
		return true
	case <-h.closed:
		h.fail(w, r, http.StatusServiceUnavailable, "the server is shutting down and takes no more writes")
		return false
	case <-r.Context().Done():
		h.fail(w, r, http.StatusServiceUnavailable, "timed out waiting for another write to finish; try again")
		return false
	}
}

func (h *Handler) unlockWrite() { <-h.writes }

// Close waits for the write in progress, if any, and refuses writes from then
// on with 503, so that the index can be closed; searches go on. It does not
// close the index. Call it after http.Server.Shutdown.
func (h *Handler) Close() {
	h.once.Do(func() {
		close(h.closed)
		h.writes <- struct{}{} // held for good
	})
}

// Health is the body of GET /healthz.
type Health struct {
	Status string `json:"status"` // "ok"
	// Articles is the number of articles, absent for a backend that cannot
	// count them.
	Articles *uint64 `json:"articles,omitempty"`
	Writable bool    `json:"writable"` // whether the server has a write token
}

// The optional abilities of a backend: counting its articles (the bleve index
// without a context, the OpenSearch one with) and listing its entities.
type (
	counter    interface{ Count() (uint64, error) }
	ctxCounter interface {
		Count(context.Context) (uint64, error)
	}
	entityLister interface {
		Entities(label entity.Label, prefix string, limit int) ([]index.EntityInfo, error)
	}
)

func (h *Handler) health(w http.ResponseWriter, r *http.Request) {
	out := Health{Status: "ok", Writable: h.cfg.WriteToken != ""}
	var (
		n   uint64
		err error
		ok  = true
	)
	switch c := h.x.(type) {
	case counter:
		n, err = c.Count()
	case ctxCounter:
		n, err = c.Count(r.Context())
	default:
		ok = false
	}
	if err != nil {
		h.fail(w, r, http.StatusServiceUnavailable, err.Error())
		return
	}
	if ok {
		out.Articles = &n
	}
	h.reply(w, r, http.StatusOK, out)
}

// statusOf maps an error of the index to a status: 503 when the index is
// closed or the request ran out of time, 400 for a bad request, 500 otherwise.
func statusOf(err error) int {
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable
	case strings.Contains(err.Error(), "index closed"):
		return http.StatusServiceUnavailable
	case strings.HasPrefix(err.Error(), "search: "):
		// The index's own checks of a request (bad query, facet, range).
		return http.StatusBadRequest
	}
	return http.StatusInternalServerError
}

// recorder remembers the status written, for the log.
type recorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// Unwrap lets http.ResponseController reach the connection.
func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
