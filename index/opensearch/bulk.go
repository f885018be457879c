package opensearch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/telaah/telaah/index"
)

// ItemError is one article the cluster did not index (or delete).
type ItemError struct {
	ID     string
	Status int    // the item's HTTP status, such as 400 or 429
	Type   string // the error type, such as "mapper_parsing_exception"
	Reason string
}

// Error says which article failed and why.
func (e ItemError) Error() string {
	return fmt.Sprintf("article %q: %d %s: %s", e.ID, e.Status, e.Type, e.Reason)
}

// BulkError lists the articles a bulk operation could not index or delete;
// every other article of the call was. Items is in the order of the articles.
type BulkError struct {
	Op    string // "index" or "delete"
	Total int    // articles in the call
	Items []ItemError
}

// Error summarises the failures: their number and the first few.
func (e *BulkError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "opensearch: %d of %d articles were not %s (the others were): ", len(e.Items), e.Total, map[string]string{"index": "indexed", "delete": "deleted"}[e.Op])
	for i, it := range e.Items {
		if i == 3 {
			fmt.Fprintf(&b, "; and %d more", len(e.Items)-3)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(it.Error())
	}
	return b.String()
}

// Unwrap returns the item errors, for errors.As.
func (e *BulkError) Unwrap() []error {
	out := make([]error, len(e.Items))
	for i, it := range e.Items {
		out[i] = it
	}
	return out
}

// item is one action of a bulk request, encoded: the action line and, for
// index, the document line.
type item struct {
	id   string
	data []byte
}

// Add analyses articles (in parallel, with Config.Workers goroutines, as
// index.Index.Add does) and indexes them in bulk requests of at most
// Config.BulkDocs articles and Config.BulkBytes bytes, replacing any with the
// same ID. The workers keep analysing, up to two requests ahead, while a
// request is sent.
//
// Like index.Index.Add it first validates all the articles and indexes none if
// one is invalid. A request answered 429 or 5xx, and the items of a bulk
// answer rejected with 429 (a full write queue), are sent again with backoff.
// Articles the cluster refuses (a mapping conflict, a document too large) do
// not stop the others: Add indexes everything else and returns a *BulkError
// listing each refused article. When a request fails for good (the cluster is
// unreachable), the error says how many articles before it were indexed.
//
// Contract: when Add returns nil, every article is durable, written and fsynced
// to the translog of its primary and of the in-sync replicas (the template sets
// index.translog.durability to request), and, with the default RefreshWaitFor,
// searchable. An article listed in a *BulkError is not indexed (a previous
// version of it is untouched).
func (x *Index) Add(articles ...index.Article) error {
	for i := range articles {
		if err := articles[i].Validate(); err != nil {
			return fmt.Errorf("adding article %d: %w", i, err)
		}
	}
	if len(articles) == 0 {
		return nil
	}
	if err := x.writable(fmt.Sprintf("opensearch: adding %d articles", len(articles))); err != nil {
		return err
	}
	ctx := context.Background()
	if err := x.ensure(ctx); err != nil {
		return err
	}
	defer x.aliases.invalidate()
	// Workers analyse ahead of the sender, at most window articles, so that
	// both cores stay busy while a request is on the wire and no chunk waits
	// for its slowest article.
	window := 2 * x.cfg.BulkDocs
	type result struct {
		it  item
		err error
	}
	done := make([]chan result, min(window, len(articles)))
	for i := range done {
		done[i] = make(chan result, 1) // one article in flight per slot
	}
	sem := make(chan struct{}, len(done))
	jobs := make(chan int)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	go func() { // the producer: hands out articles as slots free up
		defer close(jobs)
		for i := range articles {
			select {
			case sem <- struct{}{}:
			case <-stop:
				return
			}
			select {
			case jobs <- i:
			case <-stop:
				return
			}
		}
	}()
	for range min(x.cfg.Workers, len(articles)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range jobs {
				buf.Reset()
				writeAction(&buf, "index", articles[i].ID)
				err := x.encode(&buf, &articles[i])
				done[i%len(done)] <- result{item{id: articles[i].ID, data: bytes.Clone(buf.Bytes())}, err}
				if x.cfg.Analyzed != nil {
					x.cfg.Analyzed()
				}
			}
		}()
	}
	defer wg.Wait()
	defer close(stop)

	var failed []ItemError
	var batch []item
	size, sent := 0, 0
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		f, err := x.send(ctx, batch)
		if err != nil {
			return fmt.Errorf("adding articles %d–%d (the %d before are indexed, but for %d refused): %w",
				sent, sent+len(batch)-1, sent, len(failed), err)
		}
		failed = append(failed, f...)
		sent += len(batch)
		batch, size = batch[:0], 0
		return nil
	}
	for i := range articles {
		r := <-done[i%len(done)]
		<-sem
		if r.err != nil {
			failed = append(failed, ItemError{ID: articles[i].ID, Type: "encoding", Reason: r.err.Error()})
			continue
		}
		// As many articles as fit in BulkDocs and BulkBytes, at least one.
		if len(batch) > 0 && (len(batch) == x.cfg.BulkDocs || size+len(r.it.data) > x.cfg.BulkBytes) {
			if err := flush(); err != nil {
				return err
			}
		}
		batch = append(batch, r.it)
		size += len(r.it.data)
	}
	if err := flush(); err != nil {
		return err
	}
	x.reportPartial(articles, failed)
	if len(failed) > 0 {
		return &BulkError{Op: "index", Total: len(articles), Items: failed}
	}
	return nil
}

// reportPartial calls Config.Partial for the articles Add analysed only in
// part, except those the cluster refused.
func (x *Index) reportPartial(articles []index.Article, failed []ItemError) {
	if x.cfg.Partial == nil {
		return
	}
	for _, p := range x.partials(articles, failed) {
		x.cfg.Partial(p)
	}
}

// partials returns the articles analysed only in part (see
// Config.MaxAnalyzed), except those the cluster refused.
func (x *Index) partials(articles []index.Article, failed []ItemError) []index.Partial {
	refused := make(map[string]bool, len(failed))
	for _, f := range failed {
		refused[f.ID] = true
	}
	var out []index.Partial
	for i := range articles {
		if p, ok := index.PartialOf(&articles[i], x.cfg.MaxAnalyzed); ok && !refused[p.ID] {
			out = append(out, p)
		}
	}
	return out
}

// AddReport is Add that also returns the articles it analysed only in part
// (longer than Config.MaxAnalyzed), in the order given, as
// index.Index.AddReport does. When Add fails the list is nil; Config.Partial,
// when set, has then been called for the partial articles that were indexed.
func (x *Index) AddReport(articles ...index.Article) ([]index.Partial, error) {
	if err := x.Add(articles...); err != nil {
		return nil, err
	}
	return x.partials(articles, nil), nil
}

// bulkResponse is the answer to a bulk request.
type bulkResponse struct {
	Errors bool                         `json:"errors"`
	Items  []map[string]bulkItemOutcome `json:"items"`
}

type bulkItemOutcome struct {
	ID     string `json:"_id"`
	Status int    `json:"status"`
	Error  *cause `json:"error"`
}

// send sends items in one bulk request, then the items rejected with 429 again
// (with backoff) up to Config.MaxRetries times. It returns the items that
// failed for good; the error is for a request that failed as a whole.
func (x *Index) send(ctx context.Context, items []item) ([]ItemError, error) {
	path := "/" + url.PathEscape(x.cfg.Index) + "/_bulk"
	q := url.Values{"refresh": {x.cfg.Refresh}}
	failed := map[int]ItemError{}
	pending := make([]int, len(items)) // indexes into items
	for i := range pending {
		pending[i] = i
	}
	for attempt := 0; len(pending) > 0; attempt++ {
		var body bytes.Buffer
		for _, i := range pending {
			body.Write(items[i].data)
		}
		res, err := x.c.do(ctx, http.MethodPost, path, q, "application/x-ndjson", body.Bytes(), false)
		if err != nil {
			return nil, err
		}
		var br bulkResponse
		if err := json.Unmarshal(res.body, &br); err != nil {
			return nil, fmt.Errorf("opensearch: POST %s: reading the answer: %w", path, err)
		}
		if len(br.Items) != len(pending) {
			return nil, fmt.Errorf("opensearch: POST %s: %d items answered for %d sent", path, len(br.Items), len(pending))
		}
		var again []int
		for k, i := range pending {
			var o bulkItemOutcome
			for _, v := range br.Items[k] { // one key: the action
				o = v
			}
			switch {
			case o.Status/100 == 2, o.Status == http.StatusNotFound && o.Error == nil: // a delete of nothing
				delete(failed, i)
			case retryable(o.Status) && attempt < x.c.retries:
				again = append(again, i)
				fallthrough
			default:
				e := ItemError{ID: items[i].id, Status: o.Status}
				if o.Error != nil {
					e.Type, e.Reason = o.Error.Type, o.Error.full()
				}
				failed[i] = e
			}
		}
		pending = again
		if len(pending) > 0 {
			if err := x.c.sleep(ctx, attempt, nil); err != nil {
				return nil, err
			}
		}
	}
	var out []ItemError
	for i := range items {
		if e, ok := failed[i]; ok {
			out = append(out, e)
		}
	}
	return out, nil
}
