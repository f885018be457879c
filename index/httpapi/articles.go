package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/telaah/telaah/index"
)

// maxListedErrors caps the malformed records listed in one response.
const maxListedErrors = 100

// Indexed is the body of a successful POST /api/articles.
type Indexed struct {
	Indexed int      `json:"indexed"`
	IDs     []string `json:"ids"` // in the order of the body
	// Partial lists the articles whose body is longer than the index's
	// Options.MaxAnalyzed: indexed and stored whole, but searchable only in
	// their first Analyzed bytes. Absent when there is none.
	Partial []Partial `json:"partial,omitempty"`
}

// Partial is an article of a POST that was analysed only in part (see
// index.Partial).
type Partial struct {
	ID       string `json:"id"`
	Analyzed int    `json:"analyzed_bytes"` // the bytes of the body analysed
	Body     int    `json:"body_bytes"`     // the bytes of the whole body
	// The same for the title, which has a limit of its own (equal when the
	// title is analysed whole).
	TitleAnalyzed int    `json:"title_analyzed_bytes"`
	Title         int    `json:"title_bytes"`
	Message       string `json:"message"`
}

// addReporter is a backend that says which articles it analysed in part, as
// index.Index does.
type addReporter interface {
	AddReport(articles ...index.Article) ([]index.Partial, error)
}

// Deleted is the body of a successful DELETE /api/articles/{id}.
type Deleted struct {
	Deleted string `json:"deleted"`
}

func (h *Handler) getArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	a, err := h.x.Get(id)
	if err != nil {
		h.fail(w, r, statusOf(err), err.Error())
		return
	}
	if a == nil {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("no article %q", id))
		return
	}
	h.reply(w, r, http.StatusOK, a)
}

func (h *Handler) deleteArticle(w http.ResponseWriter, r *http.Request) {
	if !h.authorize(w, r) || !h.lockWrite(w, r) {
		return
	}
	defer h.unlockWrite()
	id := r.PathValue("id")
	a, err := h.x.Get(id)
	if err == nil && a == nil {
		h.fail(w, r, http.StatusNotFound, fmt.Sprintf("no article %q", id))
		return
	}
	if err == nil {
		err = h.x.Delete(id)
	}
	if err != nil {
		h.fail(w, r, statusOf(err), err.Error())
		return
	}
	h.reply(w, r, http.StatusOK, Deleted{Deleted: id})
}

// postArticles indexes the articles of the body: JSON Lines, or with the type
// application/json also one JSON object or an array of them. Every record is
// checked as "telaah index" checks it; if one is malformed, none is indexed
// and the answer lists each malformed record with its line.
func (h *Handler) postArticles(w http.ResponseWriter, r *http.Request) {
	if !h.authorize(w, r) {
		return
	}
	isJSON := false
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		switch {
		case err != nil:
			h.fail(w, r, http.StatusUnsupportedMediaType, fmt.Sprintf("bad Content-Type %q: %v", ct, err))
			return
		case mt == "application/json":
			isJSON = true
		case mt == "application/x-ndjson", mt == "application/jsonl", mt == "application/x-jsonlines",
			mt == "application/jsonlines", mt == "text/plain",
			mt == "application/x-www-form-urlencoded": // what curl --data-binary sends unless told

		default:
			h.fail(w, r, http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %s: want application/json or application/x-ndjson (JSON Lines)", mt))
			return
		}
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			h.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("body over the limit of %d bytes: send the articles in smaller batches", tooBig.Limit))
			return
		}
		h.fail(w, r, http.StatusBadRequest, "reading the body: "+err.Error())
		return
	}
	arts, bad, err := ReadArticles(body, isJSON)
	if err != nil {
		h.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	if len(bad) > 0 {
		msg := fmt.Sprintf("%d of %d records are malformed; nothing was indexed", len(bad), len(bad)+len(arts))
		if len(bad) > maxListedErrors {
			msg += fmt.Sprintf(" (the first %d are listed)", maxListedErrors)
			bad = bad[:maxListedErrors]
		}
		h.failWith(w, r, &Error{Status: http.StatusBadRequest, Message: msg, Errors: bad})
		return
	}
	if len(arts) == 0 {
		h.fail(w, r, http.StatusBadRequest, "no articles in the body: send JSON Lines, one article a line, or a JSON array of articles")
		return
	}
	if !h.lockWrite(w, r) {
		return
	}
	defer h.unlockWrite()
	if err := r.Context().Err(); err != nil {
		h.fail(w, r, http.StatusServiceUnavailable, "timed out before indexing; nothing was indexed")
		return
	}
	var parts []index.Partial
	if ar, ok := h.x.(addReporter); ok {
		parts, err = ar.AddReport(arts...)
	} else {
		err = h.x.Add(arts...)
	}
	if err != nil {
		h.fail(w, r, statusOf(err), err.Error())
		return
	}
	out := Indexed{Indexed: len(arts), IDs: make([]string, len(arts))}
	for i, a := range arts {
		out.IDs[i] = a.ID
	}
	for _, p := range parts {
		msg := fmt.Sprintf("analysed the first %d of the %d bytes of the body", p.Analyzed, p.Body)
		if p.TitleAnalyzed < p.Title {
			msg += fmt.Sprintf(" and %d of the %d bytes of the title", p.TitleAnalyzed, p.Title)
		}
		out.Partial = append(out.Partial, Partial{ID: p.ID, Analyzed: p.Analyzed, Body: p.Body,
			TitleAnalyzed: p.TitleAnalyzed, Title: p.Title, Message: msg + "; the rest is stored but not searchable"})
	}
	h.reply(w, r, http.StatusOK, out)
}

// ReadArticles reads the articles of a body as POST /api/articles does: JSON
// Lines through index.ReadJSONL, so with the same checks and messages as
// "telaah index"; when isJSON, a body that is one JSON object or an array of
// them is read as one article or as its elements, each reported with the line
// it starts on. The error is for a body that cannot be read at all.
func ReadArticles(body []byte, isJSON bool) ([]index.Article, []RecordError, error) {
	var (
		arts []index.Article
		bad  []RecordError
	)
	// elem reads one JSON value that starts on line as a one-line JSON Lines
	// record.
	elem := func(raw []byte, line int) error {
		var one bytes.Buffer
		if err := json.Compact(&one, raw); err != nil {
			bad = append(bad, RecordError{Line: line, Message: "bad JSON: " + err.Error()})
			return nil
		}
		return index.ReadJSONL(&one, "body",
			func(a index.Article) error { arts = append(arts, a); return nil },
			func(e *index.InputError) error {
				bad = append(bad, RecordError{Line: line, Message: e.Err.Error()})
				return nil
			})
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	lineAt := func(off int64) int {
		skipped := len(body) - len(trimmed)
		return 1 + bytes.Count(body[:skipped+int(off)], []byte("\n"))
	}
	if isJSON && len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		if trimmed[0] == '{' {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err == nil && !dec.More() {
				return arts, bad, elem(raw, 1)
			}
			// Not one object: JSON Lines, read below.
		} else {
			dec.Token() // [
			for dec.More() {
				off := dec.InputOffset()
				var raw json.RawMessage
				if err := dec.Decode(&raw); err != nil {
					bad = append(bad, RecordError{Line: lineAt(off), Message: "bad JSON, the rest of the body is skipped: " + err.Error()})
					return arts, bad, nil
				}
				rest := trimmed[off:]
				start := off + int64(len(rest)-len(bytes.TrimLeft(rest, ", \t\r\n")))
				if err := elem(raw, lineAt(start)); err != nil {
					return nil, nil, err
				}
			}
			if _, err := dec.Token(); err != nil { // ]
				bad = append(bad, RecordError{Line: lineAt(dec.InputOffset()), Message: "bad JSON at the end of the array: " + err.Error()})
			}
			return arts, bad, nil
		}
	}
	err := index.ReadJSONL(bytes.NewReader(body), "body",
		func(a index.Article) error { arts = append(arts, a); return nil },
		func(e *index.InputError) error {
			bad = append(bad, RecordError{Line: e.Line, Message: e.Err.Error()})
			return nil
		})
	return arts, bad, err
}
