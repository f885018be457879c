package httpapi

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"net/http"
	"strings"
)

// pageHTML is the search page: one file, its style and script inline.
//
//go:embed page.html
var pageHTML []byte

// page returns the search page and its Content-Security-Policy, which allows
// only the page's own inline script and style (by hash) and requests to this
// server, so that nothing an article says can run as script.
func page() ([]byte, string) {
	hashes := func(open, close string) string {
		var out []string
		rest := pageHTML
		for {
			i := bytes.Index(rest, []byte(open))
			if i < 0 {
				break
			}
			rest = rest[i+len(open):]
			j := bytes.Index(rest, []byte(close))
			if j < 0 {
				break
			}
			sum := sha256.Sum256(rest[:j])
			out = append(out, fmt.Sprintf("'sha256-%s'", base64.StdEncoding.EncodeToString(sum[:])))
			rest = rest[j:]
		}
		return strings.Join(out, " ")
	}
	csp := "default-src 'none'; script-src " + hashes("<script>", "</script>") +
		"; style-src " + hashes("<style>", "</style>") +
		"; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
	return pageHTML, csp
}

func (h *Handler) servePage(w http.ResponseWriter, r *http.Request) {
	hd := w.Header()
	hd.Set("Content-Type", "text/html; charset=utf-8")
	hd.Set("Content-Security-Policy", h.csp)
	hd.Set("Cache-Control", "no-cache")
	hd.Set("Content-Length", fmt.Sprint(len(h.page)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(h.page)
	}
}
