package opensearch

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"sort"

	"github.com/telaah/telaah/index"
)

// Concrete returns the concrete indices the alias points to (one, unless
// someone pointed it at more), or nil when it does not exist.
func (x *Index) Concrete(ctx context.Context) ([]string, error) {
	var out map[string]json.RawMessage
	st, err := x.c.json(ctx, http.MethodGet, "/_alias/"+url.PathEscape(x.cfg.Index), nil, nil, &out, true)
	if err != nil {
		return nil, fmt.Errorf("opensearch: reading alias %s: %w", x.cfg.Index, err)
	}
	if st == http.StatusNotFound {
		return nil, nil
	}
	var names []string
	for n := range out {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

// reindexPage is the number of articles read from the old index at a time.
const reindexPage = 500

// Reindex moves the articles to a new concrete index, Index + "-" + version,
// analysed with this process's pipeline, lexicon and model: it puts the
// current template, creates the new index, reads every stored article from the
// index behind the alias (in pages, with search_after on the id field), analyses
// and bulk-indexes it into the new index, then points the alias at the new
// index in one atomic alias update, so that searches never see a half-built
// index. The old index is left as it was (delete it once nothing reads it);
// its name is returned. Writes that reach the alias while Reindex copies go to
// the old index: stop the writers, or index their articles again after the swap.
// progress, when not nil, is called with the number of articles copied so far.
func (x *Index) Reindex(ctx context.Context, version string, progress func(done int)) (old string, err error) {
	if err := x.writable("opensearch: reindex"); err != nil {
		return "", err
	}
	if err := x.ensure(ctx); err != nil {
		return "", err
	}
	olds, err := x.Concrete(ctx)
	if err != nil {
		return "", err
	}
	if len(olds) != 1 {
		return "", fmt.Errorf("opensearch: reindex: alias %s points to %d indices %v, want one", x.cfg.Index, len(olds), olds)
	}
	nextCfg := x.cfg
	nextCfg.Version = version
	target := nextCfg.concrete()
	if err := checkName(target); err != nil {
		return "", err
	}
	if target == olds[0] {
		return "", fmt.Errorf("opensearch: reindex: %s is already the index behind %s", target, x.cfg.Index)
	}
	tpl := Template(x.cfg.Index+"-*", x.cfg.Shards, x.cfg.Replicas)
	if _, err := x.c.json(ctx, http.MethodPut, "/_index_template/"+url.PathEscape(x.cfg.Index), nil, tpl, nil, false); err != nil {
		return "", fmt.Errorf("opensearch: reindex: putting the template: %w", err)
	}
	if _, err := x.c.json(ctx, http.MethodPut, "/"+url.PathEscape(target), nil, map[string]any{}, nil, false); err != nil {
		return "", fmt.Errorf("opensearch: reindex: creating %s: %w", target, err)
	}
	// Write to the new index by its own name, not the alias.
	w := &Index{cfg: x.cfg, c: x.c, ready: true}
	w.cfg.Index = target
	var after []any
	done := 0
	for {
		body := obj{"size": reindexPage, "sort": []any{obj{"id": "asc"}}, "track_total_hits": false,
			"_source": obj{"includes": []string{"id", index.FieldTitle, index.FieldBody, index.FieldURL, index.FieldSource,
				index.FieldPublished, index.FieldAuthors, index.FieldTags}}}
		if after != nil {
			body["search_after"] = after
		}
		var res struct {
			Hits struct {
				Hits []struct {
					ID     string          `json:"_id"`
					Source json.RawMessage `json:"_source"`
					Sort   []any           `json:"sort"`
				} `json:"hits"`
			} `json:"hits"`
		}
		if _, err := x.c.json(ctx, http.MethodPost, "/"+url.PathEscape(olds[0])+"/_search", nil, body, &res, false); err != nil {
			return "", fmt.Errorf("opensearch: reindex: reading %s after %d articles: %w", olds[0], done, err)
		}
		if len(res.Hits.Hits) == 0 {
			break
		}
		arts := make([]index.Article, 0, len(res.Hits.Hits))
		for _, h := range res.Hits.Hits {
			a, err := articleOf(h.ID, h.Source)
			if err != nil {
				return "", fmt.Errorf("opensearch: reindex: article %q: %w", h.ID, err)
			}
			arts = append(arts, *a)
		}
		if err := w.Add(arts...); err != nil {
			return "", fmt.Errorf("opensearch: reindex into %s (the index behind %s is unchanged): %w", target, x.cfg.Index, err)
		}
		done += len(arts)
		if progress != nil {
			progress(done)
		}
		after = res.Hits.Hits[len(res.Hits.Hits)-1].Sort
	}
	swap := obj{"actions": []any{
		obj{"remove": obj{"index": olds[0], "alias": x.cfg.Index}},
		obj{"add": obj{"index": target, "alias": x.cfg.Index, "is_write_index": true}},
	}}
	if _, err := x.c.json(ctx, http.MethodPost, "/_aliases", nil, swap, nil, false); err != nil {
		return "", fmt.Errorf("opensearch: reindex: pointing %s at %s: %w", x.cfg.Index, target, err)
	}
	x.aliases.invalidate()
	return olds[0], nil
}

// DeleteIndex deletes a concrete index by name, such as the old index Reindex
// returns. It refuses the index the alias points to.
func (x *Index) DeleteIndex(ctx context.Context, name string) error {
	if err := x.writable("opensearch: deleting index " + name); err != nil {
		return err
	}
	cur, err := x.Concrete(ctx)
	if err != nil {
		return err
	}
	for _, c := range cur {
		if c == name {
			return fmt.Errorf("opensearch: %s is the index behind %s: not deleted", name, x.cfg.Index)
		}
	}
	if _, err := x.c.json(ctx, http.MethodDelete, "/"+url.PathEscape(name), nil, nil, nil, false); err != nil {
		return fmt.Errorf("opensearch: deleting index %s: %w", name, err)
	}
	return nil
}

// Drop deletes everything this package made for the index: the concrete
// indices behind the alias (so the alias too) and the index template. The
// articles are gone; it is for tests and for starting over.
func (x *Index) Drop(ctx context.Context) error {
	if err := x.writable("opensearch: drop"); err != nil {
		return err
	}
	cur, err := x.Concrete(ctx)
	if err != nil {
		return err
	}
	for _, c := range cur {
		if _, err := x.c.json(ctx, http.MethodDelete, "/"+url.PathEscape(c), nil, nil, nil, true); err != nil {
			return fmt.Errorf("opensearch: deleting index %s: %w", c, err)
		}
	}
	if _, err := x.c.json(ctx, http.MethodDelete, "/_index_template/"+url.PathEscape(x.cfg.Index), nil, nil, nil, true); err != nil {
		return fmt.Errorf("opensearch: deleting the index template: %w", err)
	}
	x.ensureMu.Lock()
	x.ready = false
	x.ensureMu.Unlock()
	return nil
}
