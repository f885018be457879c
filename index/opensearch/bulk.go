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
// same ID. Analysis of the next request overlaps with sending the current one.
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
	ctx := context.Background()
	if err := x.ensure(ctx); err != nil {
		return err
	}
	n := x.cfg.BulkDocs
	type prepared struct {
		items []item
		err   error
	}
	prepare := func(start int) <-chan prepared {
		ch := make(chan prepared, 1)
		go func() {
			items, err := x.prepare(articles[start:min(start+n, len(articles))])
			ch <- prepared{items, err}
		}()
		return ch
	}
	var failed []ItemError
	next := prepare(0)
	for start := 0; start < len(articles); start += n {
		p := <-next
		if start+n < len(articles) {
			next = prepare(start + n)
		}
		err := p.err
		for items := p.items; err == nil && len(items) > 0; {
			// As many items as fit in BulkBytes, at least one.
			k, size := 0, 0
			for k < len(items) && (k == 0 || size+len(items[k].data) <= x.cfg.BulkBytes) {
				size += len(items[k].data)
				k++
			}
			var f []ItemError
			f, err = x.send(ctx, items[:k])
			failed = append(failed, f...)
			items = items[k:]
		}
		if err != nil {
			if start+n < len(articles) {
				<-next // let the analysis finish
			}
			return fmt.Errorf("adding articles %d–%d (the %d before are indexed, but for %d refused): %w",
				start, min(start+n, len(articles))-1, start, len(failed), err)
		}
	}
	x.aliases.invalidate()
	if len(failed) > 0 {
		return &BulkError{Op: "index", Total: len(articles), Items: failed}
	}
	return nil
}

// prepare analyses and encodes articles into bulk items, with Config.Workers
// goroutines.
func (x *Index) prepare(arts []index.Article) ([]item, error) {
	items := make([]item, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(x.cfg.Workers, len(arts)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf bytes.Buffer
			for i := range next {
				buf.Reset()
				writeAction(&buf, "index", arts[i].ID)
				errs[i] = x.encode(&buf, &arts[i])
				items[i] = item{id: arts[i].ID, data: bytes.Clone(buf.Bytes())}
				if x.cfg.Analyzed != nil {
					x.cfg.Analyzed()
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return items, nil
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
