package httpapi_test

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/telaah/telaah/index/httpapi"
)

// FuzzParseRequest checks that any query string gives a request or an error,
// never a panic, and that a request keeps within the limits.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{
		"q=banjir&person=Pavel+Durov&sort=newest&offset=10&size=5",
		"since=2024-01-01&until=2024-02-01&facets=persons,none",
		"facets=sources,published&facet_size=3&plain=1",
		"q=%ZZ", "size=-1", "offset=99999999999999999999", "q=a&q=b", "sort=oldest;x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		r, err := httpapi.ParseRequest(v, 0)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if r.Size < 1 || r.Size > httpapi.DefaultMaxPageSize || r.Offset < 0 || r.Offset > 10000 {
			t.Fatalf("%q: size %d offset %d", raw, r.Size, r.Offset)
		}
		if !r.Since.IsZero() && !r.Until.IsZero() && !r.Since.Before(r.Until) {
			t.Fatalf("%q: empty range accepted", raw)
		}
		if strings.TrimSpace(r.Query) != r.Query {
			t.Fatalf("%q: query %q not trimmed", raw, r.Query)
		}
	})
}

// FuzzReadArticles checks that any body gives articles and record errors,
// never a panic, and that every article read is valid.
func FuzzReadArticles(f *testing.F) {
	for _, s := range []string{
		`{"id":"a","title":"Banjir","body":"Kali Bekasi meluap."}` + "\n" + `{"id":"b","title":""}`,
		"[\n {\"id\":\"a\",\"title\":\"x\"},\n {\"title\":\"y\",\"published\":\"kemarin\"}\n]",
		"{\n \"id\": \"a\",\n \"title\": \"x\"\n}",
		"[{\"id\":1}", "[", "{", "\ufeff[]", "not json\n\n{}",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, body []byte, isJSON bool) {
		arts, bad, err := httpapi.ReadArticles(body, isJSON)
		if err != nil {
			return
		}
		for _, a := range arts {
			if err := a.Validate(); err != nil {
				t.Fatalf("invalid article read: %v", err)
			}
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) {
				t.Fatal("invalid UTF-8 read")
			}
		}
		lines := 1 + strings.Count(string(body), "\n")
		for _, b := range bad {
			if b.Line < 1 || b.Line > lines || b.Message == "" {
				t.Fatalf("record error %+v in a body of %d lines", b, lines)
			}
		}
	})
}
