// Package opensearchtest is an in-memory emulation of the part of the
// OpenSearch 2.x / Elasticsearch 8.x REST API that package index/opensearch
// uses, served by net/http/httptest, so that the backend can be tested without
// a cluster. It is not a search engine: it is small, single-shard and
// unoptimised, and scores with a plain BM25 (k1 1.2, b 0.75) that is close to,
// but not the same as, Lucene's.
//
// What it emulates:
//   - composable index templates (PUT _index_template), index creation with
//     the template's settings and mappings and an alias, HEAD of an index or
//     alias, POST _aliases (add, remove), _refresh, _count, GET _doc;
//   - the analysis components the backend's template uses, interpreted from the
//     settings: the whitespace tokenizer (max_token_length), the
//     pattern_capture, stop, lowercase and asciifolding filters, custom
//     analyzers and normalizers;
//   - strict mappings of text (indexed or not), keyword (with a normalizer and
//     sub-fields), date and double fields, and _source excludes; a document
//     with an unmapped field or a value of the wrong type is refused with the
//     error the cluster gives (strict_dynamic_mapping_exception,
//     mapper_parsing_exception);
//   - _bulk with index and delete actions and the refresh parameter: documents
//     become searchable on refresh (wait_for and true refresh at once) but GET
//     sees them at once, as on a cluster;
//   - _search with bool (must, should, filter, must_not,
//     minimum_should_match), match_all, match_none, term, terms, match_phrase
//     (with an analyzer and slop), prefix, wildcard, fuzzy, range, exists and
//     boost; from, size, sort by field or _score, _source includes,
//     track_total_hits; terms, date_histogram (month, year), global, min and
//     max aggregations.
//
// Anything else is answered with a 400 error naming what is not emulated, so
// that a test never passes on a request the emulation ignored. Server.Intercept
// scripts failures (429, 5xx, partial bulk answers) in front of the emulation.
package opensearchtest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path"
	"sort"
	"strings"
	"sync"
)

// Request is one request the server received.
type Request struct {
	Method string
	Path   string
	Query  string // the raw query string
	Body   []byte
}

// Server is an emulated cluster. Its zero value is not usable; call NewServer.
type Server struct {
	*httptest.Server

	// Intercept, when not nil, sees every request first; when it returns
	// handled, its status and body are the answer and the emulation does not
	// see the request. It may be called from several goroutines at once.
	Intercept func(r Request) (status int, body []byte, handled bool)

	mu        sync.Mutex
	requests  []Request
	templates map[string]*template
	indices   map[string]*memIndex
	aliases   map[string]string // alias → index
}

// NewServer starts an emulated cluster; Close it when done.
func NewServer() *Server {
	s := &Server{templates: map[string]*template{}, indices: map[string]*memIndex{}, aliases: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Requests returns the requests received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Reset forgets the recorded requests.
func (s *Server) Reset() {
	s.mu.Lock()
	s.requests = nil
	s.mu.Unlock()
}

// Indices returns the names of the concrete indices.
func (s *Server) Indices() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for n := range s.indices {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Alias returns the index an alias points to, "" for none.
func (s *Server) Alias(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.aliases[name]
}

// status is an error answer.
type status struct {
	code   int
	typ    string
	reason string
}

func (e *status) Error() string { return e.typ + ": " + e.reason }

func errf(code int, typ, format string, args ...any) *status {
	return &status{code, typ, fmt.Sprintf(format, args...)}
}

func (e *status) body() []byte {
	b, _ := json.Marshal(map[string]any{
		"error": map[string]any{
			"root_cause": []any{map[string]any{"type": e.typ, "reason": e.reason}},
			"type":       e.typ, "reason": e.reason,
		},
		"status": e.code,
	})
	return b
}

func (s *Server) serve(w http.ResponseWriter, hr *http.Request) {
	body, err := io.ReadAll(hr.Body)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	r := Request{Method: hr.Method, Path: hr.URL.Path, Query: hr.URL.RawQuery, Body: body}
	s.mu.Lock()
	s.requests = append(s.requests, r)
	s.mu.Unlock()
	if s.Intercept != nil {
		if code, b, ok := s.Intercept(r); ok {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(code)
			w.Write(b)
			return
		}
	}
	s.mu.Lock()
	code, out, serr := s.route(hr, body)
	s.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if serr != nil {
		w.WriteHeader(serr.code)
		if hr.Method != http.MethodHead {
			w.Write(serr.body())
		}
		return
	}
	w.WriteHeader(code)
	if hr.Method != http.MethodHead && out != nil {
		b, _ := json.Marshal(out)
		w.Write(b)
	}
}

// route answers a request; s.mu is held.
func (s *Server) route(r *http.Request, body []byte) (int, any, *status) {
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	m := r.Method
	switch {
	case len(parts) == 2 && parts[0] == "_index_template" && m == http.MethodPut:
		return s.putTemplate(parts[1], body)
	case len(parts) == 2 && parts[0] == "_index_template" && m == http.MethodDelete:
		if _, ok := s.templates[parts[1]]; !ok {
			return 0, nil, errf(http.StatusNotFound, "index_template_missing_exception", "index_template [%s] missing", parts[1])
		}
		delete(s.templates, parts[1])
		return http.StatusOK, map[string]any{"acknowledged": true}, nil
	case len(parts) == 1 && parts[0] == "_aliases" && m == http.MethodPost:
		return s.updateAliases(body)
	case len(parts) == 2 && parts[0] == "_alias" && m == http.MethodGet:
		idx, ok := s.aliases[parts[1]]
		if !ok {
			return 0, nil, &status{http.StatusNotFound, "aliases_not_found_exception", "alias [" + parts[1] + "] missing"}
		}
		return http.StatusOK, map[string]any{idx: map[string]any{"aliases": map[string]any{parts[1]: map[string]any{}}}}, nil
	case len(parts) == 1 && parts[0] != "" && !strings.HasPrefix(parts[0], "_"):
		switch m {
		case http.MethodHead:
			if _, ok := s.resolve(parts[0]); ok {
				return http.StatusOK, nil, nil
			}
			return 0, nil, errf(http.StatusNotFound, "index_not_found_exception", "no such index [%s]", parts[0])
		case http.MethodPut:
			return s.createIndex(parts[0], body)
		case http.MethodDelete:
			if _, ok := s.indices[parts[0]]; !ok {
				return 0, nil, errf(http.StatusNotFound, "index_not_found_exception", "no such index [%s]", parts[0])
			}
			delete(s.indices, parts[0])
			for a, i := range s.aliases {
				if i == parts[0] {
					delete(s.aliases, a)
				}
			}
			return http.StatusOK, map[string]any{"acknowledged": true}, nil
		}
	case len(parts) == 2 && parts[1] == "_bulk" && (m == http.MethodPost || m == http.MethodPut):
		return s.bulk(parts[0], r.URL.Query().Get("refresh"), body)
	case len(parts) == 2 && parts[1] == "_search" && (m == http.MethodPost || m == http.MethodGet):
		x, err := s.index(parts[0])
		if err != nil {
			return 0, nil, err
		}
		return x.search(body)
	case len(parts) == 2 && parts[1] == "_refresh" && m == http.MethodPost:
		x, err := s.index(parts[0])
		if err != nil {
			return 0, nil, err
		}
		x.refresh()
		return http.StatusOK, map[string]any{"_shards": map[string]any{"total": 1, "successful": 1, "failed": 0}}, nil
	case len(parts) == 2 && parts[1] == "_count" && (m == http.MethodGet || m == http.MethodPost):
		x, err := s.index(parts[0])
		if err != nil {
			return 0, nil, err
		}
		return x.count(body)
	case len(parts) == 3 && parts[1] == "_doc" && m == http.MethodGet:
		x, err := s.index(parts[0])
		if err != nil {
			return 0, nil, err
		}
		d, ok := x.docs[parts[2]]
		if !ok {
			return http.StatusNotFound, map[string]any{"_index": x.name, "_id": parts[2], "found": false}, nil
		}
		return http.StatusOK, map[string]any{"_index": x.name, "_id": d.id, "_version": d.version, "found": true, "_source": d.source}, nil
	}
	return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest does not emulate %s %s", m, r.URL.Path)
}

// resolve returns the index a name or alias stands for.
func (s *Server) resolve(name string) (*memIndex, bool) {
	if n, ok := s.aliases[name]; ok {
		name = n
	}
	x, ok := s.indices[name]
	return x, ok
}

func (s *Server) index(name string) (*memIndex, *status) {
	x, ok := s.resolve(name)
	if !ok {
		return nil, errf(http.StatusNotFound, "index_not_found_exception", "no such index [%s]", name)
	}
	return x, nil
}

// template is a composable index template.
type template struct {
	patterns []string
	priority int
	settings map[string]any
	mappings map[string]any
}

func (s *Server) putTemplate(name string, body []byte) (int, any, *status) {
	var t struct {
		IndexPatterns []string `json:"index_patterns"`
		Priority      int      `json:"priority"`
		Meta          any      `json:"_meta"`
		Template      struct {
			Settings map[string]any `json:"settings"`
			Mappings map[string]any `json:"mappings"`
		} `json:"template"`
	}
	if err := strictJSON(body, &t); err != nil {
		return 0, nil, errf(http.StatusBadRequest, "x_content_parse_exception", "%v", err)
	}
	if len(t.IndexPatterns) == 0 {
		return 0, nil, errf(http.StatusBadRequest, "action_request_validation_exception", "Validation Failed: 1: index patterns are missing;")
	}
	// Check now what index creation would refuse.
	if _, err := newIndex("template-check", t.Template.Settings, t.Template.Mappings); err != nil {
		return 0, nil, err
	}
	s.templates[name] = &template{t.IndexPatterns, t.Priority, t.Template.Settings, t.Template.Mappings}
	return http.StatusOK, map[string]any{"acknowledged": true}, nil
}

func (s *Server) createIndex(name string, body []byte) (int, any, *status) {
	if _, ok := s.indices[name]; ok {
		return 0, nil, errf(http.StatusBadRequest, "resource_already_exists_exception", "index [%s/abc123] already exists", name)
	}
	if _, ok := s.aliases[name]; ok {
		return 0, nil, errf(http.StatusBadRequest, "invalid_index_name_exception", "Invalid index name [%s], already exists as alias", name)
	}
	var req struct {
		Aliases  map[string]any `json:"aliases"`
		Settings map[string]any `json:"settings"`
		Mappings map[string]any `json:"mappings"`
	}
	if len(bytes.TrimSpace(body)) > 0 {
		if err := strictJSON(body, &req); err != nil {
			return 0, nil, errf(http.StatusBadRequest, "x_content_parse_exception", "%v", err)
		}
	}
	settings, mappings := req.Settings, req.Mappings
	var best *template
	for _, t := range s.templates {
		for _, p := range t.patterns {
			if ok, _ := path.Match(p, name); ok && (best == nil || t.priority > best.priority) {
				best = t
			}
		}
	}
	if best != nil {
		if settings == nil {
			settings = best.settings
		}
		if mappings == nil {
			mappings = best.mappings
		}
	}
	x, err := newIndex(name, settings, mappings)
	if err != nil {
		return 0, nil, err
	}
	for a := range req.Aliases {
		if _, ok := s.indices[a]; ok {
			return 0, nil, errf(http.StatusBadRequest, "invalid_alias_name_exception", "an index exists with the same name as the alias [%s]", a)
		}
	}
	s.indices[name] = x
	for a := range req.Aliases {
		s.aliases[a] = name
	}
	return http.StatusOK, map[string]any{"acknowledged": true, "shards_acknowledged": true, "index": name}, nil
}

func (s *Server) updateAliases(body []byte) (int, any, *status) {
	var req struct {
		Actions []map[string]struct {
			Index        string `json:"index"`
			Alias        string `json:"alias"`
			IsWriteIndex *bool  `json:"is_write_index"`
		} `json:"actions"`
	}
	if err := strictJSON(body, &req); err != nil {
		return 0, nil, errf(http.StatusBadRequest, "x_content_parse_exception", "%v", err)
	}
	// Validate all, then apply all: the swap is atomic.
	next := map[string]string{}
	for k, v := range s.aliases {
		next[k] = v
	}
	for _, act := range req.Actions {
		for op, a := range act {
			if _, ok := s.indices[a.Index]; !ok {
				return 0, nil, errf(http.StatusNotFound, "index_not_found_exception", "no such index [%s]", a.Index)
			}
			switch op {
			case "add":
				if _, ok := s.indices[a.Alias]; ok {
					return 0, nil, errf(http.StatusBadRequest, "invalid_alias_name_exception", "an index exists with the same name as the alias [%s]", a.Alias)
				}
				next[a.Alias] = a.Index
			case "remove":
				if next[a.Alias] == a.Index {
					delete(next, a.Alias)
				}
			default:
				return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest does not emulate alias action [%s]", op)
			}
		}
	}
	s.aliases = next
	return http.StatusOK, map[string]any{"acknowledged": true}, nil
}

func (s *Server) bulk(target, refresh string, body []byte) (int, any, *status) {
	x, err := s.index(target)
	if err != nil {
		return 0, nil, err
	}
	switch refresh {
	case "", "false", "true", "wait_for":
	default:
		return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "Unknown value for refresh: [%s].", refresh)
	}
	if len(body) == 0 || body[len(body)-1] != '\n' {
		return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]")
	}
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<30)
	var items []any
	hasErrors := false
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var action map[string]struct {
			ID    string `json:"_id"`
			Index string `json:"_index"`
		}
		if err := json.Unmarshal(line, &action); err != nil || len(action) != 1 {
			return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "Malformed action/metadata line [%s]", line)
		}
		for op, meta := range action {
			switch op {
			case "index":
				if !sc.Scan() {
					return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "The bulk request must be terminated by a newline [\\n]")
				}
				res := x.put(meta.ID, bytes.Clone(sc.Bytes()))
				if res["error"] != nil {
					hasErrors = true
				}
				items = append(items, map[string]any{"index": res})
			case "delete":
				items = append(items, map[string]any{"delete": x.delete(meta.ID)})
			default:
				return 0, nil, errf(http.StatusBadRequest, "illegal_argument_exception", "opensearchtest does not emulate bulk action [%s]", op)
			}
		}
	}
	if refresh == "true" || refresh == "wait_for" {
		x.refresh()
	}
	return http.StatusOK, map[string]any{"took": 1, "errors": hasErrors, "items": items}, nil
}

// strictJSON decodes JSON, refusing unknown fields.
func strictJSON(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
