package httpapi_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/telaah/telaah"
	"github.com/telaah/telaah/index"
	"github.com/telaah/telaah/index/httpapi"
)

// chromium returns the path of Debian's Chromium, skipping the test when
// there is none, except under CI=true, where a missing browser fails it.
func chromium(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("no Chromium: the browser test needs Debian's chromium (apt-get install -y chromium), which .ci/run installs")
	}
	t.Skip("SKIPPED: no Chromium installed; apt-get install -y chromium to run the browser test")
	return ""
}

// browser starts a headless Chromium with a fresh profile and returns a
// context of a tab in it. Exceptions thrown by the page fail the test.
func browser(t *testing.T) context.Context {
	path := chromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	t.Cleanup(cancel)
	actx, acancel := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(acancel)
	bctx, bcancel := chromedp.NewContext(actx)
	t.Cleanup(bcancel)
	var mu sync.Mutex
	var thrown []string
	record := func(d *runtime.ExceptionDetails) {
		if d == nil {
			return
		}
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		mu.Lock()
		thrown = append(thrown, fmt.Sprintf("%s (line %d)", msg, d.LineNumber+1))
		mu.Unlock()
	}
	if err := chromedp.Do(bctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	err := chromedp.Listen(bctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			record(e.ExceptionDetails)
		case runtime.EventExceptionThrown:
			record(e.ExceptionDetails)
		}
	})
	if err != nil {
		t.Fatalf("listening to the page: %v", err)
	}
	t.Cleanup(func() {
		mu.Lock()
		defer mu.Unlock()
		for _, e := range thrown {
			t.Errorf("the page threw: %s", e)
		}
	})
	return bctx
}

// rendered waits until the page has shown the search of its URL.
func rendered() chromedp.Action[chromedp.Void] {
	return until(`document.documentElement.dataset.rendered === location.search`)
}

// until waits until a JavaScript expression is true in the page.
func until(expr string) chromedp.Action[chromedp.Void] {
	poll := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(30*time.Second))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := poll(ctx, t)
		if err != nil {
			err = fmt.Errorf("waiting for %s: %w", expr, err)
		}
		return chromedp.Void{}, err
	}
}

// search waits until the URL of the page has the given query string.
func searchIs(qs string) chromedp.Action[chromedp.Void] {
	b, _ := json.Marshal(qs)
	return until("location.search === " + string(b))
}

// eval evaluates a JavaScript expression in the page.
func eval[T any](ctx context.Context, t *testing.T, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// attr returns an attribute of the first element a CSS selector finds.
func attr(ctx context.Context, t *testing.T, sel, name string) string {
	t.Helper()
	a, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(sel), name))
	if err != nil || !a.Exists {
		t.Fatalf("attribute %s of %s: %v (exists %v)", name, sel, err, a.Exists)
	}
	return a.Value
}

// pageState is what the page shows.
type pageState struct {
	Search  string   `json:"search"`
	Summary string   `json:"summary"`
	Hits    []string `json:"hits"` // the IDs
	Titles  []string `json:"titles"`
	Chips   []string `json:"chips"`
	Query   string   `json:"query"`
	Pressed []string `json:"pressed"` // facet values shown as active
	Error   string   `json:"error"`
}

const readState = `JSON.stringify({
	search: location.search,
	summary: document.getElementById("summary").textContent,
	hits: [...document.querySelectorAll("#hits > li")].map((li) => li.dataset.id),
	titles: [...document.querySelectorAll("#hits > li h3")].map((h) => h.textContent),
	chips: [...document.querySelectorAll("#active .chip")].map((c) => c.firstChild.textContent),
	query: document.getElementById("q").value,
	pressed: [...document.querySelectorAll('.facet[aria-pressed="true"]')].map((b) => b.dataset.value),
	error: document.getElementById("error").textContent,
})`

func state(ctx context.Context, t *testing.T) pageState {
	t.Helper()
	if err := chromedp.Do(ctx, rendered()); err != nil {
		t.Fatalf("reading the page: %v", err)
	}
	s := eval[string](ctx, t, readState)
	var st pageState
	if err := json.Unmarshal([]byte(s), &st); err != nil {
		t.Fatal(err)
	}
	if st.Error != "" && !strings.Contains(st.Search, "dimas") && !strings.Contains(st.Search, "rob") {
		t.Errorf("the page shows an error: %s", st.Error)
	}
	return st
}

// run runs browser actions, failing the test on an error.
func run(ctx context.Context, t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// The search page in a real browser on the sample corpus: type a query, click
// a person facet, check the hits and the URL, go back, check again.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	x, err := loadIndex(telaah.SampleArticles())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	// One hostile article besides the sample: its title and body must be
	// shown as text.
	hostile := index.Article{ID: "awas-palsu", Source: "Situs <b>Palsu</b>", Published: time.Date(2020, 5, 1, 0, 0, 0, 0, time.UTC),
		Title: `Awas <script>window.pwned = 1</script> hoaks`, Body: `Isi hoaks <img src=x onerror="window.pwned = 2"> & "kutipan".`}
	if err := x.Add(hostile); err != nil {
		t.Fatal(err)
	}
	h := httpapi.New(x, nil)
	srv := httptest.NewServer(h)
	defer srv.Close()
	expect := func(query string) *httpapi.SearchResult { return search(t, h, query) }

	run(ctx, t, "opening the page", chromedp.Navigate(srv.URL+"/"))
	st := state(ctx, t)
	if !strings.HasPrefix(st.Summary, "44 artikel ditemukan") || len(st.Hits) != 10 {
		t.Fatalf("first page: %+v", st)
	}

	// Type a query.
	run(ctx, t, "typing a query",
		chromedp.SendKeys(chromedp.ID("q"), "jakarta"),
		chromedp.Click(chromedp.ID("go")),
		searchIs("?q=jakarta"))
	st = state(ctx, t)
	want := expect("q=jakarta")
	if st.Search != "?q=jakarta" || len(st.Hits) != len(want.Hits) || !strings.HasPrefix(st.Summary, fmt.Sprintf("%d artikel ditemukan", want.Total)) {
		t.Fatalf("after typing jakarta: %+v, want %d hits", st, want.Total)
	}
	for i, id := range st.Hits {
		if id != want.Hits[i].ID {
			t.Errorf("hit %d is %s, the API says %s", i, id, want.Hits[i].ID)
		}
	}
	marks := eval[int](ctx, t, `document.querySelectorAll("#hits mark").length`)
	if marks < len(st.Hits) {
		t.Errorf("%d highlighted matches for %d hits", marks, len(st.Hits))
	}

	// Click the first person of the facet.
	person := attr(ctx, t, `section[data-facet="person"] .facet`, "data-value")
	run(ctx, t, "clicking the person facet", chromedp.Click(chromedp.CSS(`section[data-facet="person"] .facet`)))
	wantSearch := "?person=" + url.QueryEscape(person) + "&q=jakarta"
	run(ctx, t, "waiting for the filter", searchIs(wantSearch))
	st = state(ctx, t)
	want = expect("q=jakarta&person=" + url.QueryEscape(person))
	if want.Total == 0 || len(st.Hits) != len(want.Hits) || fmt.Sprint(st.Chips) != fmt.Sprint([]string{"Tokoh: " + person}) ||
		fmt.Sprint(st.Pressed) != fmt.Sprint([]string{person}) || st.Query != "jakarta" {
		t.Fatalf("after clicking %s: %+v, want %d hits", person, st, want.Total)
	}
	for i, id := range st.Hits {
		if id != want.Hits[i].ID {
			t.Errorf("hit %d is %s, the API says %s", i, id, want.Hits[i].ID)
		}
	}

	// Back: the page shows the search before the filter.
	run(ctx, t, "going back", chromedp.NavigateBack())
	run(ctx, t, "waiting for the query", searchIs("?q=jakarta"))
	st = state(ctx, t)
	want = expect("q=jakarta")
	if len(st.Hits) != len(want.Hits) || len(st.Chips) != 0 || len(st.Pressed) != 0 || st.Query != "jakarta" {
		t.Fatalf("after going back: %+v, want %d hits and no filter", st, len(want.Hits))
	}
	shot(ctx, t, "jakarta.png")

	// A shared link opens the same search.
	run(ctx, t, "opening a shared link", chromedp.Navigate(srv.URL+"/"+wantSearch))
	st = state(ctx, t)
	if fmt.Sprint(st.Chips) != fmt.Sprint([]string{"Tokoh: " + person}) || st.Query != "jakarta" {
		t.Fatalf("shared link: %+v", st)
	}

	// A second filter combines with the first; removing it brings the first back.
	place := attr(ctx, t, `section[data-facet="place"] .facet`, "data-value")
	run(ctx, t, "clicking the place facet", chromedp.Click(chromedp.CSS(`section[data-facet="place"] .facet`)))
	st = state(ctx, t)
	if len(st.Chips) != 2 || !strings.Contains(st.Search, "place="+url.QueryEscape(place)) || !strings.Contains(st.Search, "person=") {
		t.Fatalf("two filters: %+v", st)
	}
	run(ctx, t, "removing the place", chromedp.Click(chromedp.CSS(`#active .chip:nth-of-type(2) button`)))
	run(ctx, t, "waiting for the removal", searchIs(wantSearch))
	st = state(ctx, t)
	if fmt.Sprint(st.Chips) != fmt.Sprint([]string{"Tokoh: " + person}) {
		t.Fatalf("after removing the place: %+v", st)
	}

	// Sort, paging and the date histogram.
	run(ctx, t, "opening all", chromedp.Navigate(srv.URL+"/"))
	state(ctx, t)
	run(ctx, t, "sorting", chromedp.SetValue(chromedp.ID("sort"), "newest"),
		chromedp.Evaluate[chromedp.Void](`void document.getElementById("sort").dispatchEvent(new Event("change"))`))
	run(ctx, t, "waiting for the sort", searchIs("?sort=newest"))
	st = state(ctx, t)
	if want := expect("sort=newest"); st.Hits[0] != want.Hits[0].ID {
		t.Errorf("newest first: %s, want %s", st.Hits[0], want.Hits[0].ID)
	}
	run(ctx, t, "next page", chromedp.Click(chromedp.ID("next")))
	run(ctx, t, "waiting for page 2", searchIs("?offset=10&sort=newest"))
	st = state(ctx, t)
	if want := expect("sort=newest&offset=10"); !strings.Contains(st.Summary, "menampilkan 11–20") || st.Hits[0] != want.Hits[0].ID {
		t.Errorf("page 2: %+v", st)
	}
	bars := eval[int](ctx, t, `document.querySelectorAll(".hist .bar").length`)
	if bars != 2026-2018+1 { // years 2018 to 2026, 2020 included without articles
		t.Errorf("%d bars in the histogram, want 9 years", bars)
	}
	run(ctx, t, "clicking a bar", chromedp.Click(chromedp.CSS(`.hist .bar[data-name="2024"]`)))
	run(ctx, t, "waiting for the dates", searchIs("?since=2024-01-01&sort=newest&until=2025-01-01"))
	st = state(ctx, t)
	if !strings.HasPrefix(st.Summary, "10 artikel ditemukan") || len(st.Chips) != 1 || !strings.HasPrefix(st.Chips[0], "Terbit: ") {
		t.Errorf("2024: %+v", st)
	}

	// Type-ahead: a few letters of a name offer the entity; picking it filters.
	run(ctx, t, "opening all", chromedp.Navigate(srv.URL+"/"))
	state(ctx, t)
	run(ctx, t, "typing in the entity box", chromedp.SendKeys(chromedp.ID("ent"), "durov"),
		until(`document.querySelectorAll("#suggest li").length > 0`))
	if got := attr(ctx, t, "#suggest li", "data-name"); got != "Pavel Durov" {
		t.Errorf("first suggestion for durov: %q", got)
	}
	run(ctx, t, "picking the suggestion", chromedp.Click(chromedp.CSS("#suggest li")), searchIs("?person=Pavel+Durov"))
	st = state(ctx, t)
	if fmt.Sprint(st.Hits) != "[kompas-telegram-200-juta]" || fmt.Sprint(st.Chips) != "[Tokoh: Pavel Durov]" {
		t.Errorf("after picking Pavel Durov: %+v", st)
	}
	shot(ctx, t, "durov.png")

	// An ambiguous name offers its candidates; picking one searches with it.
	run(ctx, t, "opening an ambiguous filter", chromedp.Navigate(srv.URL+"/?person=dimas"), rendered(),
		until(`document.querySelectorAll("#error [data-candidate]").length >= 2`))
	cand := attr(ctx, t, "#error [data-candidate]", "data-candidate")
	run(ctx, t, "picking a candidate", chromedp.Click(chromedp.CSS("#error [data-candidate]")), searchIs("?person="+url.QueryEscape(cand)))
	st = state(ctx, t)
	if len(st.Hits) == 0 || fmt.Sprint(st.Chips) != "[Tokoh: "+cand+"]" {
		t.Errorf("after picking %s: %+v", cand, st)
	}

	// A query that cannot be read is shown with its fault marked.
	run(ctx, t, "opening a bad query", chromedp.Navigate(srv.URL+"/?q="+url.QueryEscape(`banjir "rob`)), rendered(),
		until(`document.querySelector("#error mark") !== null`))
	if got := eval[string](ctx, t, `document.querySelector("#error mark").textContent`); got == "" {
		t.Error("no fault marked in the bad query")
	}
	shot(ctx, t, "bad-query.png")

	// A title saying <script> is shown as text and runs nothing.
	run(ctx, t, "searching the hostile article", chromedp.Navigate(srv.URL+"/?q=hoaks"))
	st = state(ctx, t)
	pwned := eval[string](ctx, t, `String(window.pwned)`)
	scripts := eval[int](ctx, t, `document.scripts.length`)
	imgs := eval[int](ctx, t, `document.querySelectorAll("#hits img").length`)
	if len(st.Titles) != 1 || st.Titles[0] != hostile.Title || pwned != "undefined" || scripts != 1 || imgs != 0 {
		t.Errorf("hostile article: titles %q, window.pwned %s, %d scripts, %d images", st.Titles, pwned, scripts, imgs)
	}
	shot(ctx, t, "hoaks.png")
}

// shot saves a screenshot of the page into the test's temp dir, and into
// $TELAAH_SCREENSHOTS when set, to look at.
func shot(ctx context.Context, t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("taking a screenshot: %v", err)
	}
	dirs := []string{t.TempDir()}
	if d := os.Getenv("TELAAH_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		if err := os.WriteFile(p, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot %s (%d bytes)", p, len(png))
	}
}
