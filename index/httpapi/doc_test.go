package httpapi_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index/httpapi"
)

// docExample is a curl command of the package doc and the lines its answer
// must contain.
type docExample struct {
	line    int // in doc.go
	command string
	want    []string
}

// docExamples reads the curl examples of doc.go: a line "$ curl …" (continued
// by a final backslash), then the expected lines up to a blank comment line.
func docExamples(t *testing.T) []docExample {
	src, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	var out []docExample
	var cur *docExample
	cont := false
	for i, l := range strings.Split(string(src), "\n") {
		text, ok := strings.CutPrefix(l, "//\t")
		switch {
		case !ok:
			cur, cont = nil, false
		case cont:
			cur.command += " " + strings.TrimSpace(strings.TrimSuffix(text, `\`))
			cont = strings.HasSuffix(text, `\`)
		case strings.HasPrefix(text, "$ curl "):
			out = append(out, docExample{line: i + 1, command: strings.TrimSuffix(text[2:], `\`)})
			cur, cont = &out[len(out)-1], strings.HasSuffix(text, `\`)
		case cur != nil:
			cur.want = append(cur.want, strings.TrimSpace(text))
		}
	}
	return out
}

// shellWords splits a command line as a POSIX shell would, for the quoting
// the examples use: '…', "…" with \" and $VAR, and \ outside quotes.
func shellWords(s string, env func(string) string) ([]string, error) {
	var words []string
	var w strings.Builder
	in := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t':
			if in {
				words = append(words, w.String())
				w.Reset()
				in = false
			}
			continue
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, fmt.Errorf("unclosed ' in %s", s)
			}
			w.WriteString(s[i+1 : i+1+j])
			i += j + 1
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				switch {
				case s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`, s[i+1]) >= 0:
					i++
					w.WriteByte(s[i])
				case s[i] == '$':
					j := i + 1
					for j < len(s) && (s[j] == '_' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
						j++
					}
					w.WriteString(env(s[i+1 : j]))
					i = j - 1
				default:
					w.WriteByte(s[i])
				}
			}
			if i >= len(s) {
				return nil, fmt.Errorf(`unclosed " in %s`, s)
			}
		case c == '\\' && i+1 < len(s):
			i++
			w.WriteByte(s[i])
		default:
			w.WriteByte(c)
		}
		in = true
	}
	if in {
		words = append(words, w.String())
	}
	return words, nil
}

// curlRequest turns the words of a curl command into a request.
func curlRequest(words []string) (req *http.Request, showHeaders bool, err error) {
	method, target, body := "", "", ""
	var header [][2]string
	hasBody := false
	for i := 1; i < len(words); i++ {
		arg := func() (string, error) {
			i++
			if i == len(words) {
				return "", fmt.Errorf("%s needs a value", words[i-1])
			}
			return words[i], nil
		}
		var v string
		switch w := words[i]; w {
		case "-s":
		case "-i", "-si", "-is":
			showHeaders = true
		case "-X":
			if method, err = arg(); err != nil {
				return nil, false, err
			}
		case "-H":
			if v, err = arg(); err != nil {
				return nil, false, err
			}
			k, val, ok := strings.Cut(v, ":")
			if !ok {
				return nil, false, fmt.Errorf("bad header %q", v)
			}
			header = append(header, [2]string{k, strings.TrimSpace(val)})
		case "--data-binary":
			if body, err = arg(); err != nil {
				return nil, false, err
			}
			hasBody = true
		default:
			if strings.HasPrefix(w, "-") {
				return nil, false, fmt.Errorf("the test knows no curl flag %s", w)
			}
			target = w
		}
	}
	if method == "" {
		method = "GET"
		if hasBody {
			method = "POST"
		}
	}
	req = httptest.NewRequest(method, target, strings.NewReader(body))
	if hasBody {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded") // curl's default
	}
	for _, h := range header {
		req.Header.Set(h[0], h[1])
	}
	return req, showHeaders, nil
}

// The curl examples of the package doc, run in order through the handler on
// the sample corpus.
func TestDocExamples(t *testing.T) {
	x, err := loadIndex(telaah.SampleArticles())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	h := httpapi.New(x, &httpapi.Config{WriteToken: token})
	env := func(k string) string {
		if k == httpapi.TokenEnv {
			return token
		}
		t.Fatalf("the examples use $%s", k)
		return ""
	}
	examples := docExamples(t)
	if len(examples) < 8 {
		t.Fatalf("found %d curl examples in doc.go", len(examples))
	}
	for _, ex := range examples {
		words, err := shellWords(ex.command, env)
		if err != nil {
			t.Fatalf("doc.go:%d: %v", ex.line, err)
		}
		req, headers, err := curlRequest(words)
		if err != nil {
			t.Fatalf("doc.go:%d: %v", ex.line, err)
		}
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		got := w.Body.String()
		if headers {
			var hs []string
			for k, v := range w.Header() {
				hs = append(hs, k+": "+strings.Join(v, ", "))
			}
			sort.Strings(hs)
			got = fmt.Sprintf("HTTP/1.1 %d %s\n%s\n\n%s", w.Code, http.StatusText(w.Code), strings.Join(hs, "\n"), got)
		} else if w.Code >= 300 {
			t.Errorf("doc.go:%d: %s: status %d\n%s", ex.line, ex.command, w.Code, got)
			continue
		}
		lines := map[string]bool{}
		for _, l := range strings.Split(got, "\n") {
			lines[strings.TrimSpace(l)] = true
		}
		for _, l := range ex.want {
			if !lines[l] {
				t.Errorf("doc.go:%d: %s\nanswer lacks the line %s\n%s", ex.line, ex.command, l, got)
			}
		}
	}
}
