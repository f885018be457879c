package httpapi_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
)

const token = "test-token-0123456789abcdef"

var (
	sampleOnce sync.Once
	sample     *index.Index
	sampleErr  error
)

// sampleIndex returns an index in memory of the sample corpus, shared by the
// tests that only read.
func sampleIndex(t testing.TB) *index.Index {
	t.Helper()
	sampleOnce.Do(func() { sample, sampleErr = loadIndex(telaah.SampleArticles()) })
	if sampleErr != nil {
		t.Fatal(sampleErr)
	}
	return sample
}

// loadIndex returns an index in memory of the articles of a JSON Lines file.
func loadIndex(jsonl []byte) (*index.Index, error) {
	x, err := index.Create("", nil)
	if err != nil {
		return nil, err
	}
	var arts []index.Article
	err = index.ReadJSONL(bytes.NewReader(jsonl), "articles.jsonl", func(a index.Article) error { arts = append(arts, a); return nil },
		func(e *index.InputError) error { return e })
	if err == nil {
		err = x.Add(arts...)
	}
	if err != nil {
		x.Close()
		return nil, err
	}
	return x, nil
}

// emptyIndex returns a fresh index in memory, closed at the end of the test.
func emptyIndex(t *testing.T) *index.Index {
	t.Helper()
	x, err := index.Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// call sends a request through h and returns the response with its body read.
func call(t *testing.T, h http.Handler, method, target string, body string, header ...string) (*http.Response, []byte) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, target, r)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	res := w.Result()
	b, _ := io.ReadAll(res.Body)
	return res, b
}

// want checks the status and the JSON content type of a response and decodes
// its body into v (when not nil).
func want(t *testing.T, res *http.Response, body []byte, status int, v any) {
	t.Helper()
	if res.StatusCode != status {
		t.Fatalf("status %d, want %d; body: %s", res.StatusCode, status, body)
	}
	if ct := res.Header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		t.Fatalf("Content-Type %q, want JSON", ct)
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			t.Fatalf("decoding %s: %v", body, err)
		}
	}
}

func search(t *testing.T, h http.Handler, query string) *httpapi.SearchResult {
	t.Helper()
	res, body := call(t, h, "GET", "/api/search?"+query, "")
	var out httpapi.SearchResult
	want(t, res, body, http.StatusOK, &out)
	return &out
}

func TestSearch(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	r := search(t, h, "q=jakarta")
	if r.Total != 8 || len(r.Hits) != 8 || r.Size != index.DefaultSize || r.Offset != 0 {
		t.Fatalf("q=jakarta: total %d, %d hits, size %d, offset %d; want 8 hits of a page of %d", r.Total, len(r.Hits), r.Size, r.Offset, index.DefaultSize)
	}
	for _, hit := range r.Hits {
		if hit.ID == "" || hit.Title == "" || hit.Source == "" || hit.Published == "" {
			t.Errorf("hit %+v lacks id, title, source or date", hit)
		}
		if f := strings.Join(append(hit.Fragments["title"], hit.Fragments["body"]...), " "); !strings.Contains(strings.ToLower(f), "<mark>jakarta</mark>") {
			t.Errorf("hit %s: no highlighted Jakarta in %q", hit.ID, f)
		}
	}
	if len(r.Facets.Persons) == 0 || len(r.Facets.Places) == 0 || len(r.Facets.Sources) == 0 || len(r.Published) == 0 {
		t.Errorf("facets missing: %+v, published %v", r.Facets, r.Published)
	}
	if r.Facets.Places[0] != (httpapi.FacetValue{Value: "Jakarta", Count: 8}) {
		t.Errorf("top place %v, want Jakarta (8)", r.Facets.Places[0])
	}
}

// The filters narrow the search and combine: every entity filter must hold,
// any of the sources.
func TestSearchFilters(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	all := search(t, h, "")
	if all.Total != 43 {
		t.Fatalf("all: %d articles, want 43", all.Total)
	}
	jakarta := search(t, h, "place=Jakarta")
	if jakarta.Total != 8 {
		t.Errorf("place=Jakarta: %d, want 8", jakarta.Total)
	}
	person := jakarta.Facets.Persons[0].Value
	both := search(t, h, "place=Jakarta&person="+url.QueryEscape(person))
	if both.Total == 0 || both.Total >= jakarta.Total {
		t.Errorf("place=Jakarta&person=%s: %d, want fewer than %d and some", person, both.Total, jakarta.Total)
	}
	for _, hit := range both.Hits {
		if !contains(hit.Persons, person) || !contains(hit.Places, "Jakarta") {
			t.Errorf("hit %s has persons %v places %v", hit.ID, hit.Persons, hit.Places)
		}
	}
	two := search(t, h, "source=Kompas.com&source="+url.QueryEscape("Harian Contoh"))
	if two.Total != 11 {
		t.Errorf("two sources: %d, want 1 + 10", two.Total)
	}
	org := search(t, h, "org=TNI")
	if org.Total != 5 {
		t.Errorf("org=TNI: %d, want 5", org.Total)
	}
	dated := search(t, h, "since=2024-01-01&until=2025-01-01")
	if dated.Total != 10 {
		t.Errorf("2024: %d, want 10", dated.Total)
	}
	for _, hit := range dated.Hits {
		if !strings.HasPrefix(hit.Published, "2024-") {
			t.Errorf("hit %s published %s, not in 2024", hit.ID, hit.Published)
		}
	}
	// The bucket of the histogram is the same range.
	for _, b := range all.Published {
		if b.Name == "2024" && (b.Start != "2024-01-01" || b.End != "2025-01-01" || b.Count != 10) {
			t.Errorf("bucket 2024: %+v", b)
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func TestSearchSortAndPaging(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	newest := search(t, h, "sort=newest&size=5")
	oldest := search(t, h, "sort=oldest&size=5")
	if len(newest.Hits) != 5 || len(oldest.Hits) != 5 {
		t.Fatalf("%d and %d hits, want 5", len(newest.Hits), len(oldest.Hits))
	}
	for i := 1; i < 5; i++ {
		if newest.Hits[i-1].Published < newest.Hits[i].Published {
			t.Errorf("newest: %s before %s", newest.Hits[i-1].Published, newest.Hits[i].Published)
		}
		if oldest.Hits[i-1].Published > oldest.Hits[i].Published {
			t.Errorf("oldest: %s before %s", oldest.Hits[i-1].Published, oldest.Hits[i].Published)
		}
	}
	page2 := search(t, h, "sort=newest&size=5&offset=5")
	if page2.Offset != 5 || page2.Hits[0].ID == newest.Hits[0].ID || page2.Hits[0].Published > newest.Hits[4].Published {
		t.Errorf("page 2 starts with %s (%s)", page2.Hits[0].ID, page2.Hits[0].Published)
	}
	last := search(t, h, "size=10&offset=40")
	if len(last.Hits) != 3 || last.Total != 43 {
		t.Errorf("last page: %d hits of %d", len(last.Hits), last.Total)
	}
}

func TestSearchFacetParams(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	r := search(t, h, "facets=persons&facet_size=3")
	if len(r.Facets.Persons) != 3 || len(r.Facets.Places)+len(r.Facets.Organizations)+len(r.Facets.Sources)+len(r.Published) != 0 {
		t.Errorf("facets=persons&facet_size=3: %+v %v", r.Facets, r.Published)
	}
	r = search(t, h, "facets=sources,published")
	if len(r.Facets.Sources) == 0 || len(r.Published) == 0 || len(r.Facets.Persons) != 0 {
		t.Errorf("facets=sources,published: %+v %v", r.Facets, r.Published)
	}
	r = search(t, h, "facets=none")
	if len(r.Facets.Persons)+len(r.Facets.Places)+len(r.Facets.Organizations)+len(r.Facets.Sources)+len(r.Published) != 0 {
		t.Errorf("facets=none: %+v %v", r.Facets, r.Published)
	}
	r = search(t, h, "q=warga&fragments=1&fragment_size=60")
	for _, hit := range r.Hits {
		if f := hit.Fragments["body"]; len(f) > 1 || len(f) == 1 && len(f[0]) > 3*60 {
			t.Errorf("fragments=1&fragment_size=60: %q", f)
		}
	}
	res, body := call(t, h, "GET", "/api/search?q=warga", "", "Accept", "application/json")
	if res.StatusCode != 200 || bytes.Contains(body, []byte("\n  ")) || !bytes.HasPrefix(body, []byte(`{"total":`)) {
		t.Errorf("Accept: application/json: not compact: %.60s", body)
	}
	r = search(t, h, "q=jakarta&plain=true")
	if len(r.Hits) == 0 || len(r.Hits[0].Fragments) != 0 {
		t.Errorf("plain=true: fragments %v", r.Hits[0].Fragments)
	}
}

// Bad parameters are answered with 400 and a message that names the problem.
func TestSearchBadParams(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	var many string
	for i := range 21 {
		many += fmt.Sprintf("person=p%d&", i)
	}
	for _, c := range []struct{ query, msg string }{
		{"persn=Jokowi", `unknown parameter "persn"`},
		{"q=a&q=b", "q given 2 times"},
		{"size=0", "size=\"0\": want a whole number from 1 to 100"},
		{"size=101", "from 1 to 100"},
		{"size=ten", "size=\"ten\""},
		{"offset=-1", "offset=\"-1\""},
		{"offset=10001", "from 0 to 10000"},
		{"sort=best", `sort="best": want newest, oldest, recent, relevance`},
		{"sort=recent&half_life=soon", `half_life="soon"`},
		{"sort=recent&half_life=-3h", `half_life="-3h"`},
		{"half_life=30d", "only with sort=recent"},
		{"since=kemarin", "parameter since"},
		{"until=2024-13-01", "parameter until"},
		{"since=2024-02-01&until=2024-01-01", "is not before until"},
		{"facets=tags", `no facet "tags"`},
		{"facets=none,persons", "none together with"},
		{"facet_size=0", "facet_size"},
		{"plain=maybe", `plain="maybe"`},
		{"fragments=0", "fragments"},
		{"fragment_size=10", "fragment_size"},
		{many, "at most 20"},
		{"q=" + url.QueryEscape(`"tanpa penutup`), "unclosed quote at character 1"},
		{"q=" + url.QueryEscape("title:"), "needs a value"},
	} {
		res, body := call(t, h, "GET", "/api/search?"+c.query, "")
		if res.StatusCode != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", c.query, res.StatusCode)
			continue
		}
		var e httpapi.Error
		want(t, res, body, http.StatusBadRequest, &e)
		if e.Status != 400 || !strings.Contains(e.Message, c.msg) {
			t.Errorf("%s: %+v, want a message with %q", c.query, e, c.msg)
		}
	}
	// Empty values are absent: a form with empty fields is a search of all.
	if r := search(t, h, "q=&person=&since=&sort=&size="); r.Total != 43 {
		t.Errorf("empty parameters: %d articles, want 43", r.Total)
	}
}

// A query error says where the fault is, in bytes and in characters.
func TestQueryError(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	q := `banjir dé (pasar`
	res, body := call(t, h, "GET", "/api/search?q="+url.QueryEscape(q), "")
	var e httpapi.Error
	want(t, res, body, http.StatusBadRequest, &e)
	if e.Query == nil || e.Query.Column < 1 || e.Query.Start > len(q) || e.Query.End < e.Query.Start || e.Query.EndColumn < e.Query.Column {
		t.Fatalf("%s: %+v %+v", q, e, e.Query)
	}
	if !strings.Contains(e.Message, fmt.Sprintf("at character %d", e.Query.Column)) {
		t.Errorf("message %q does not say character %d", e.Message, e.Query.Column)
	}
	if r := search(t, h, "q=jakarta&sort=recent&half_life=365d"); r.Total != 8 {
		t.Errorf("sort=recent: %d", r.Total)
	}
}

// ParseRequest gives every field of index.Request a parameter.
func TestParseRequest(t *testing.T) {
	v, _ := url.ParseQuery("q=banjir&person=A&person=B&org=O&place=P&source=S&since=2024-01-01&until=2024-02-01T00:00:00Z&sort=recent&half_life=7d&offset=20&size=5&facets=persons,places&facet_size=7&plain=1")
	r, err := httpapi.ParseRequest(v, 0)
	if err != nil {
		t.Fatal(err)
	}
	wantReq := index.Request{
		Query: "banjir", Persons: []string{"A", "B"}, Organizations: []string{"O"}, Places: []string{"P"}, Sources: []string{"S"},
		Since: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Until: time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC),
		Sort: index.ByRelevanceAndDate, HalfLife: 7 * 24 * time.Hour, Offset: 20, Size: 5, FacetSize: 7, Facets: []string{index.FieldPersons, index.FieldPlaces}, Plain: true,
	}
	if fmt.Sprint(r) != fmt.Sprint(wantReq) {
		t.Errorf("got  %+v\nwant %+v", r, wantReq)
	}
}

func TestEntities(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	get := func(query string) []httpapi.Entity {
		t.Helper()
		res, body := call(t, h, "GET", "/api/entities?"+query, "")
		var out httpapi.Entities
		want(t, res, body, http.StatusOK, &out)
		return out.Entities
	}
	es := get("prefix=durov")
	if len(es) != 1 || es[0].Name != "Pavel Durov" || es[0].Label != "PER" || es[0].Filter != "person" || es[0].Articles != 1 {
		t.Errorf("prefix=durov: %+v", es)
	}
	es = get("label=ORG&prefix=bmkg&limit=1")
	if len(es) != 1 || es[0].Name != "Badan Meteorologi, Klimatologi, dan Geofisika" || !contains(es[0].Aliases, "BMKG") || es[0].Filter != "org" {
		t.Errorf("label=ORG&prefix=bmkg: %+v", es)
	}
	es = get("label=place")
	if len(es) != 10 {
		t.Errorf("label=place: %+v", es)
	}
	for i := 1; i < len(es); i++ {
		if es[i].Label != "LOC" || es[i].Mentions > es[i-1].Mentions {
			t.Errorf("label=place: %+v after %+v", es[i], es[i-1])
		}
	}
	if es = get("prefix=zzzz"); len(es) != 0 {
		t.Errorf("prefix=zzzz: %+v", es)
	}
	// Every label, most mentioned first.
	es = get("limit=50")
	labels := map[string]bool{}
	for _, e := range es {
		labels[string(e.Label)] = true
	}
	if len(es) != 50 || len(labels) != 3 {
		t.Errorf("limit=50: %d entities of labels %v", len(es), labels)
	}
	for _, c := range []struct{ query, msg string }{
		{"label=DATE", `label="DATE"`},
		{"limit=0", "limit"},
		{"limit=51", "limit"},
		{"pref=a", `unknown parameter "pref"`},
		{"prefix=a&prefix=b", "given 2 times"},
		{"prefix=" + strings.Repeat("a", 201), "at most 200"},
	} {
		res, body := call(t, h, "GET", "/api/entities?"+c.query, "")
		var e httpapi.Error
		want(t, res, body, http.StatusBadRequest, &e)
		if !strings.Contains(e.Message, c.msg) {
			t.Errorf("%s: %q, want %q", c.query, e.Message, c.msg)
		}
	}
}

// A filter on a name of several entities is a 400 that lists them.
func TestAmbiguousFilter(t *testing.T) {
	h := httpapi.New(sampleIndex(t), nil)
	res, body := call(t, h, "GET", "/api/search?person=dimas", "")
	var e httpapi.Error
	want(t, res, body, http.StatusBadRequest, &e)
	a := e.Ambiguous
	if !strings.Contains(e.Message, "ambiguous") || a == nil || a.Filter != "person" || a.Name != "dimas" || !contains(a.Candidates, "Dimas Wiratmaja") || len(a.Candidates) < 2 {
		t.Fatalf("person=dimas: %+v %+v", e, a)
	}
	for _, c := range a.Candidates {
		if r := search(t, h, "person="+url.QueryEscape(c)); r.Total == 0 {
			t.Errorf("candidate %s finds nothing", c)
		}
	}
}

func TestGetArticle(t *testing.T) {
	x := emptyIndex(t)
	a := index.Article{ID: "https://contoh.id/berita/1?x=y", Source: "Contoh", Title: "Banjir di Bekasi", Body: "Kali Bekasi meluap.",
		Published: time.Date(2024, 2, 10, 0, 0, 0, 0, time.UTC), Tags: []string{"banjir"}}
	if err := x.Add(a); err != nil {
		t.Fatal(err)
	}
	h := httpapi.New(x, nil)
	res, body := call(t, h, "GET", "/api/articles/"+url.PathEscape(a.ID), "")
	var got index.Article
	want(t, res, body, http.StatusOK, &got)
	if fmt.Sprint(got) != fmt.Sprint(a) {
		t.Errorf("got %+v, want %+v", got, a)
	}
	res, body = call(t, h, "GET", "/api/articles/nope", "")
	var e httpapi.Error
	want(t, res, body, http.StatusNotFound, &e)
	if e.Message != `no article "nope"` {
		t.Errorf("message %q", e.Message)
	}
}

// Writing needs a handler with a token and the request to carry it: 403
// without a token in the handler, 401 without the right one in the request.
func TestTokenRule(t *testing.T) {
	x := emptyIndex(t)
	line := `{"id":"a1","title":"Banjir","body":"Kali Bekasi meluap."}`
	readOnly := httpapi.New(x, nil)
	for _, r := range []struct{ method, path string }{{"POST", "/api/articles"}, {"DELETE", "/api/articles/a1"}} {
		res, body := call(t, readOnly, r.method, r.path, line, "Authorization", "Bearer "+token)
		want(t, res, body, http.StatusForbidden, nil)
	}
	h := httpapi.New(x, &httpapi.Config{WriteToken: token})
	for _, auth := range []string{"", "Bearer", "Bearer wrong-token-0123456789abc", "Basic " + base64.StdEncoding.EncodeToString([]byte("u:"+token)), "Bearer " + token + "x", "bearer " + token} {
		for _, r := range []struct{ method, path string }{{"POST", "/api/articles"}, {"DELETE", "/api/articles/a1"}} {
			res, body := call(t, h, r.method, r.path, line, "Authorization", auth)
			want(t, res, body, http.StatusUnauthorized, nil)
			if res.Header.Get("WWW-Authenticate") == "" {
				t.Errorf("%s %s with %q: no WWW-Authenticate", r.method, r.path, auth)
			}
		}
	}
	if n, _ := x.Count(); n != 0 {
		t.Fatalf("%d articles after refused writes", n)
	}
	res, body := call(t, h, "POST", "/api/articles", line, "Authorization", "Bearer "+token)
	want(t, res, body, http.StatusOK, nil)
	res, body = call(t, h, "DELETE", "/api/articles/a1", "", "Authorization", "Bearer "+token)
	want(t, res, body, http.StatusOK, nil)
	// Reading needs no token.
	res, body = call(t, h, "GET", "/api/search", "")
	want(t, res, body, http.StatusOK, nil)
}

func TestPostAndDelete(t *testing.T) {
	x := emptyIndex(t)
	h := httpapi.New(x, &httpapi.Config{WriteToken: token})
	auth := []string{"Authorization", "Bearer " + token}
	post := func(ct, body string) (*http.Response, []byte) {
		return call(t, h, "POST", "/api/articles", body, append([]string{"Content-Type", ct}, auth...)...)
	}
	// JSON Lines with malformed lines: nothing is indexed, each line is listed.
	jsonl := `{"id":"b1","source":"Contoh","title":"Banjir di Bekasi","body":"Kali Bekasi meluap.","published":"2024-02-10"}

{"id":"b2","title":"Tanpa tanggal yang benar","published":"kemarin"}
{"id":"b3","title":"","body":""}
not json
{"title":"Tanpa id","body":"Artikel ini mendapat id dari isinya."}
`
	res, body := post("application/x-ndjson", jsonl)
	var e httpapi.Error
	want(t, res, body, http.StatusBadRequest, &e)
	wantErrs := []httpapi.RecordError{
		{Line: 3, Message: `published date "kemarin" is not RFC 3339 or YYYY-MM-DD`},
		{Line: 4, Message: `article "b3" has neither title nor body`},
		{Line: 5, Message: "bad JSON: invalid character 'o' in literal null (expecting 'u')"},
	}
	if e.Message != "3 of 5 records are malformed; nothing was indexed" || fmt.Sprint(e.Errors) != fmt.Sprint(wantErrs) {
		t.Errorf("got %+v\nwant errors %+v", e, wantErrs)
	}
	if n, _ := x.Count(); n != 0 {
		t.Fatalf("%d articles indexed from a body with malformed records", n)
	}
	// A pretty-printed JSON array: the elements are reported by the line they
	// start on.
	array := "[\n  {\"id\": \"c1\", \"title\": \"Satu\", \"body\": \"Isi.\"},\n  {\n    \"id\": \"c2\",\n    \"title\": \"\"\n  }\n]"
	res, body = post("application/json", array)
	e = httpapi.Error{}
	want(t, res, body, http.StatusBadRequest, &e)
	if len(e.Errors) != 1 || e.Errors[0].Line != 3 || !strings.Contains(e.Errors[0].Message, `"c2" has neither title nor body`) {
		t.Errorf("array: %+v", e)
	}
	// The valid lines alone are indexed.
	var ok httpapi.Indexed
	lines := strings.Split(jsonl, "\n")
	res, body = post("application/x-ndjson", lines[0]+"\n"+lines[5]+"\n")
	want(t, res, body, http.StatusOK, &ok)
	if ok.Indexed != 2 || ok.IDs[0] != "b1" || !strings.HasPrefix(ok.IDs[1], "sha256-") {
		t.Errorf("indexed %+v", ok)
	}
	// One JSON object, pretty-printed.
	res, body = post("application/json; charset=utf-8", "{\n  \"id\": \"d1\",\n  \"title\": \"Gempa di Maluku\",\n  \"body\": \"Rumah rusak.\"\n}\n")
	want(t, res, body, http.StatusOK, &ok)
	if ok.Indexed != 1 || ok.IDs[0] != "d1" {
		t.Errorf("one object: %+v", ok)
	}
	if r := search(t, h, "q=bekasi"); r.Total != 1 || r.Hits[0].ID != "b1" {
		t.Errorf("q=bekasi after the post: %+v", r)
	}
	if n, _ := x.Count(); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	res, body = call(t, h, "DELETE", "/api/articles/b1", "", auth...)
	var d httpapi.Deleted
	want(t, res, body, http.StatusOK, &d)
	if d.Deleted != "b1" {
		t.Errorf("deleted %+v", d)
	}
	res, body = call(t, h, "GET", "/api/articles/b1", "")
	want(t, res, body, http.StatusNotFound, nil)
	res, body = call(t, h, "DELETE", "/api/articles/b1", "", auth...)
	want(t, res, body, http.StatusNotFound, nil)
	if r := search(t, h, "q=bekasi"); r.Total != 0 {
		t.Errorf("q=bekasi after the delete: %d", r.Total)
	}
	// Bodies that are not articles.
	for _, c := range []struct {
		ct, body string
		status   int
	}{
		{"application/x-ndjson", "", http.StatusBadRequest},
		{"application/x-ndjson", "\n\n", http.StatusBadRequest},
		{"application/json", "[]", http.StatusBadRequest},
		{"application/json", "[{\"id\":\"x\",\"title\":\"a\"}", http.StatusBadRequest},
		{"text/html", "<p>", http.StatusUnsupportedMediaType},
		{"application/json; charset", "{}", http.StatusUnsupportedMediaType},
	} {
		res, body := post(c.ct, c.body)
		want(t, res, body, c.status, nil)
	}
}

func TestLimits(t *testing.T) {
	x := emptyIndex(t)
	h := httpapi.New(x, &httpapi.Config{WriteToken: token, MaxBodyBytes: 1000, MaxQueryBytes: 200, MaxPageSize: 20})
	big := `{"id":"big","title":"Besar","body":"` + strings.Repeat("kata ", 300) + `"}`
	res, body := call(t, h, "POST", "/api/articles", big, "Authorization", "Bearer "+token)
	var e httpapi.Error
	want(t, res, body, http.StatusRequestEntityTooLarge, &e)
	if !strings.Contains(e.Message, "over the limit of 1000 bytes") {
		t.Errorf("413 message %q", e.Message)
	}
	res, body = call(t, h, "GET", "/api/search?q="+strings.Repeat("a", 200), "")
	want(t, res, body, http.StatusRequestURITooLong, nil)
	res, body = call(t, h, "GET", "/api/search?size=21", "")
	want(t, res, body, http.StatusBadRequest, nil)
	res, body = call(t, h, "GET", "/api/search?size=20", "")
	want(t, res, body, http.StatusOK, nil)
	// The defaults.
	d := httpapi.New(x, nil)
	res, body = call(t, d, "GET", "/api/search?q="+strings.Repeat("a", httpapi.DefaultMaxQueryBytes), "")
	want(t, res, body, http.StatusRequestURITooLong, nil)
	res, body = call(t, d, "GET", "/api/search?size=101", "")
	want(t, res, body, http.StatusBadRequest, nil)
}

// A search that runs out of time is stopped and answered with 503.
func TestTimeout(t *testing.T) {
	h := httpapi.New(sampleIndex(t), &httpapi.Config{Timeout: time.Nanosecond})
	res, body := call(t, h, "GET", "/api/search?q=jakarta", "")
	var e httpapi.Error
	want(t, res, body, http.StatusServiceUnavailable, &e)
	if !strings.Contains(e.Message, "context deadline exceeded") {
		t.Errorf("message %q", e.Message)
	}
}

func TestRoutes(t *testing.T) {
	x := emptyIndex(t)
	h := httpapi.New(x, nil)
	for _, c := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/nowhere", http.StatusNotFound, ""},
		{"GET", "/api", http.StatusNotFound, ""},
		{"GET", "/api/articles", http.StatusMethodNotAllowed, "POST"},
		{"GET", "/api/articles/a/b", http.StatusNotFound, ""},
		{"PUT", "/api/articles/a", http.StatusMethodNotAllowed, "GET, HEAD, DELETE"},
		{"POST", "/api/search", http.StatusMethodNotAllowed, "GET, HEAD"},
		{"DELETE", "/healthz", http.StatusMethodNotAllowed, "GET, HEAD"},
		{"POST", "/", http.StatusMethodNotAllowed, "GET, HEAD"},
	} {
		res, body := call(t, h, c.method, c.path, "")
		var e httpapi.Error
		want(t, res, body, c.status, &e)
		if e.Status != c.status || e.Message == "" || res.Header.Get("Allow") != c.allow {
			t.Errorf("%s %s: %+v, Allow %q", c.method, c.path, e, res.Header.Get("Allow"))
		}
	}
	res, body := call(t, h, "HEAD", "/api/search", "")
	if res.StatusCode != 200 || len(body) != 0 {
		t.Errorf("HEAD: %d, %d bytes", res.StatusCode, len(body))
	}
}

func TestHealth(t *testing.T) {
	res, body := call(t, httpapi.New(sampleIndex(t), &httpapi.Config{WriteToken: token}), "GET", "/healthz", "")
	var hl httpapi.Health
	want(t, res, body, http.StatusOK, &hl)
	if hl.Status != "ok" || hl.Articles == nil || *hl.Articles != 43 || !hl.Writable {
		t.Errorf("health %+v", hl)
	}
}

// plainBackend is a backend with only the methods of index.Backend: no
// count, no entity registry.
type plainBackend struct{ index.Backend }

// A backend other than the bleve index: everything works but the entity
// type-ahead (501) and the count of /healthz (left out).
func TestOtherBackend(t *testing.T) {
	h := httpapi.New(plainBackend{sampleIndex(t)}, nil)
	if r := search(t, h, "q=jakarta"); r.Total != 8 {
		t.Errorf("q=jakarta: %d", r.Total)
	}
	res, body := call(t, h, "GET", "/api/entities?prefix=dur", "")
	want(t, res, body, http.StatusNotImplemented, nil)
	res, body = call(t, h, "GET", "/healthz", "")
	var hl httpapi.Health
	want(t, res, body, http.StatusOK, &hl)
	if hl.Articles != nil || bytes.Contains(body, []byte("articles")) {
		t.Errorf("health of a backend that cannot count: %s", body)
	}
}

// The page is one file whose script and style are allowed by hash, and
// nothing else.
func TestPage(t *testing.T) {
	h := httpapi.New(emptyIndex(t), nil)
	res, body := call(t, h, "GET", "/", "")
	if res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Fatalf("GET /: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	csp := res.Header.Get("Content-Security-Policy")
	page := string(body)
	for _, tag := range []string{"script", "style"} {
		m := regexp.MustCompile("(?s)<" + tag + ">(.*?)</" + tag + ">").FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no inline %s", tag)
		}
		sum := sha256.Sum256([]byte(m[1]))
		if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(csp, tag+"-src "+h) {
			t.Errorf("CSP %q does not allow the %s by its hash %s", csp, tag, h)
		}
	}
	for _, s := range []string{"default-src 'none'", "connect-src 'self'", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, s) {
			t.Errorf("CSP %q lacks %s", csp, s)
		}
	}
	if regexp.MustCompile(`(src|href)="(https?:)?//`).MatchString(page) || strings.Contains(page, "innerHTML") {
		t.Error("the page loads something from elsewhere or writes innerHTML")
	}
	for _, s := range []string{`lang="id"`, "Cari", "Tokoh", "Organisasi", "Tempat", "Sumber", "Waktu terbit", "Terbaru", "Sebelumnya", "Berikutnya", "artikel ditemukan"} {
		if !strings.Contains(page, s) {
			t.Errorf("the page lacks %q", s)
		}
	}
}

func TestCORS(t *testing.T) {
	x := emptyIndex(t)
	origin := []string{"Origin", "https://redaksi.example"}
	res, _ := call(t, httpapi.New(x, nil), "GET", "/api/search", "", origin...)
	if v := res.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("CORS without configuration: %q", v)
	}
	h := httpapi.New(x, &httpapi.Config{AllowOrigins: []string{"https://redaksi.example"}})
	res, _ = call(t, h, "GET", "/api/search", "", origin...)
	if v := res.Header.Get("Access-Control-Allow-Origin"); v != "https://redaksi.example" {
		t.Errorf("allowed origin: %q", v)
	}
	res, _ = call(t, h, "GET", "/api/search", "", "Origin", "https://lain.example")
	if v := res.Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("other origin: %q", v)
	}
	res, _ = call(t, h, "OPTIONS", "/api/articles", "", append(origin, "Access-Control-Request-Method", "POST")...)
	if res.StatusCode != http.StatusNoContent || !strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
	any := httpapi.New(x, &httpapi.Config{AllowOrigins: []string{"*"}})
	res, _ = call(t, any, "OPTIONS", "/api/articles", "", append(origin, "Access-Control-Request-Method", "POST")...)
	if res.Header.Get("Access-Control-Allow-Origin") != "*" || strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "POST") {
		t.Errorf("* may read only: %v", res.Header)
	}
}

// A handler with allowed hosts answers 421 to a Host header naming another,
// as a page of a rebound domain would send.
func TestAllowedHosts(t *testing.T) {
	h := httpapi.New(emptyIndex(t), &httpapi.Config{AllowedHosts: []string{"localhost", "127.0.0.1", "::1"}})
	for _, c := range []struct {
		host   string
		status int
	}{
		{"127.0.0.1:8080", 200}, {"localhost", 200}, {"LOCALHOST:80", 200}, {"[::1]:8080", 200}, {"localhost.:8080", 200},
		{"attacker.example:8080", http.StatusMisdirectedRequest}, {"127.0.0.2", http.StatusMisdirectedRequest}, {"", http.StatusMisdirectedRequest},
	} {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code != c.status {
			t.Errorf("Host %q: %d, want %d", c.host, w.Code, c.status)
		}
	}
}

// After Close the handler refuses writes and goes on answering searches.
func TestClose(t *testing.T) {
	x := emptyIndex(t)
	h := httpapi.New(x, &httpapi.Config{WriteToken: token})
	h.Close()
	h.Close()
	res, body := call(t, h, "POST", "/api/articles", `{"id":"a","title":"b"}`, "Authorization", "Bearer "+token)
	want(t, res, body, http.StatusServiceUnavailable, nil)
	res, body = call(t, h, "GET", "/api/search", "")
	want(t, res, body, http.StatusOK, nil)
}

// A title or body that says <script> comes back escaped in the fragments and
// as it is in the title, for the page to show as text.
func TestEscaping(t *testing.T) {
	x := emptyIndex(t)
	if err := x.Add(index.Article{ID: "x", Title: `Awas <script>alert("judul")</script> palsu`, Body: `Isi <img src=x onerror=alert(1)> berita palsu & "kutipan"`}); err != nil {
		t.Fatal(err)
	}
	r := search(t, httpapi.New(x, nil), "q=palsu")
	if len(r.Hits) != 1 {
		t.Fatalf("%d hits", len(r.Hits))
	}
	hit := r.Hits[0]
	if got := hit.Fragments["title"][0]; got != `Awas &lt;script&gt;alert(&#34;judul&#34;)&lt;/script&gt; <mark>palsu</mark>` {
		t.Errorf("title fragment %q", got)
	}
	if got := hit.Fragments["body"][0]; strings.Contains(got, "<img") || !strings.Contains(got, "&lt;img") {
		t.Errorf("body fragment %q", got)
	}
	if hit.Title != `Awas <script>alert("judul")</script> palsu` {
		t.Errorf("title %q", hit.Title)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sample != nil {
		sample.Close()
	}
	os.Exit(code)
}

// A POSTed article longer than the index's MaxAnalyzed is indexed, stored whole
// and listed in the answer with the bytes analysed.
// postLongArticle posts the article "panjang" of about 3.8 KB and a short
// one, and returns the long body and the answer.
func postLongArticle(t *testing.T, h http.Handler) (string, httpapi.Indexed, []byte) {
	t.Helper()
	long := strings.Repeat("Warga Bekasi mengeluhkan jalan rusak. ", 100)
	body := `{"id":"panjang","title":"Laporan","body":"` + long + `"}` + "\n" + `{"id":"pendek","title":"Pendek","body":"Jalan rusak."}` + "\n"
	res, raw := call(t, h, "POST", "/api/articles", body, "Authorization", "Bearer "+token)
	var out httpapi.Indexed
	want(t, res, raw, http.StatusOK, &out)
	return long, out, raw
}

func TestPostReportsPartialArticle(t *testing.T) {
	x, err := index.Create("", &index.Options{MaxAnalyzed: 1024})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	h := httpapi.New(x, &httpapi.Config{WriteToken: token})
	long, out, raw := postLongArticle(t, h)
	if out.Indexed != 2 || len(out.Partial) != 1 {
		t.Fatalf("answer %s: want 2 indexed, 1 partial", raw)
	}
	p := out.Partial[0]
	if p.ID != "panjang" || p.Body != len(long) || p.Analyzed > 1024 || p.Analyzed < 900 || p.Message == "" {
		t.Errorf("partial %+v, want panjang with ≤ 1024 of %d bytes analysed", p, len(long))
	}
	if a, err := x.Get("panjang"); err != nil || a == nil || a.Body != long {
		t.Errorf("the stored body is not the whole body (err %v)", err)
	}
	res, raw := call(t, h, "POST", "/api/articles", `{"id":"pendek2","title":"Pendek","body":"Jalan rusak."}`, "Authorization", "Bearer "+token)
	want(t, res, raw, http.StatusOK, nil)
	if strings.Contains(string(raw), "partial") {
		t.Errorf("an answer without partial articles has the field: %s", raw)
	}
}
