package opensearch

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
)

// FieldTaught holds the aliases an article teaches the index (see
// index.Teaches), as "LABEL|alias key|name": the cluster's copy of what the
// bleve backend's entity registry learns, read back with a terms aggregation.
const FieldTaught = "taught"

// aliasTTL is how long the learned aliases read from the cluster are used
// before they are read again (at once after this process writes).
const aliasTTL = 30 * time.Second

// maxTaught bounds the distinct taught aliases read back.
const maxTaught = 65536

// indexStats is what a search needs to know of the whole index: the learned
// aliases and the newest published date (for ByRelevanceAndDate).
type indexStats struct {
	learned  map[entity.Label]map[string]string
	newest   time.Time
	resolved resolved // the partial names of one request (see resolveNames)
}

// keys returns the stored keys of the entity a name denotes: found by part of
// the name for this request, or through the learned aliases.
func (st *indexStats) keys(l entity.Label, name string) []string {
	if k, ok := st.resolved[resolvedKey(l, strings.Join(strings.Fields(name), " "))]; ok {
		return k
	}
	return entityKeys(l, name, st.learned)
}

// learnedCache holds the index's stats, read at most every aliasTTL.
type learnedCache struct {
	mu    sync.Mutex
	at    time.Time
	stats indexStats
}

func (c *learnedCache) invalidate() {
	c.mu.Lock()
	c.at = time.Time{}
	c.mu.Unlock()
}

// stats returns the aliases the articles of the index taught, as the bleve
// backend's registry derives them (index.LearnAliases), and the newest
// published date, in one request cached for aliasTTL.
func (x *Index) stats(ctx context.Context) (indexStats, error) {
	c := &x.aliases
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() && time.Since(c.at) < aliasTTL {
		return c.stats, nil
	}
	body := obj{"size": 0, "track_total_hits": false, "aggs": obj{
		FieldTaught: obj{"terms": obj{"field": FieldTaught, "size": maxTaught}},
		"newest":    obj{"max": obj{"field": index.FieldPublished}},
	}}
	var res searchResponse
	path := "/" + url.PathEscape(x.cfg.Index) + "/_search"
	if _, err := x.c.json(ctx, http.MethodPost, path, nil, body, &res, false); err != nil {
		return indexStats{}, fmt.Errorf("opensearch: reading the learned aliases: %w", err)
	}
	var newest struct {
		Value *float64 `json:"value"`
	}
	var agg struct {
		Buckets []struct {
			Key   string `json:"key"`
			Count int    `json:"doc_count"`
		} `json:"buckets"`
	}
	if raw, ok := res.Aggregations[FieldTaught]; ok {
		if err := jsonUnmarshal(raw, &agg); err != nil {
			return indexStats{}, fmt.Errorf("opensearch: reading the learned aliases: %w", err)
		}
	}
	if raw, ok := res.Aggregations["newest"]; ok {
		if err := jsonUnmarshal(raw, &newest); err != nil {
			return indexStats{}, fmt.Errorf("opensearch: reading the newest date: %w", err)
		}
	}
	var taught []index.Taught
	for _, b := range agg.Buckets {
		parts := strings.SplitN(b.Key, "|", 3)
		if len(parts) != 3 {
			continue
		}
		taught = append(taught, index.Taught{Label: entity.Label(parts[0]), Alias: parts[1], Target: parts[2], Articles: b.Count})
	}
	c.stats = indexStats{learned: index.LearnAliases(taught)}
	if newest.Value != nil {
		c.stats.newest = time.UnixMilli(int64(*newest.Value)).UTC()
	}
	c.at = time.Now()
	return c.stats, nil
}

// taughtValues returns the FieldTaught values of an article's entities.
func taughtValues(ds []entity.Distinct) []string {
	var out []string
	for _, d := range ds {
		for _, a := range index.Teaches(d) {
			if k := index.AliasKey(a); k != "" {
				out = append(out, string(d.Label)+"|"+k+"|"+d.Name)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// entityKeys returns the stored keys (the _key fields) of every name of the
// entity a name denotes: its own key, and, through the learned aliases, the
// key of the name an alias stands for and the keys of the aliases that stand
// for it.
func entityKeys(l entity.Label, name string, learned map[entity.Label]map[string]string) []string {
	m := learned[l]
	want := index.EntityKeyWith(l, name, m)
	keys := []string{index.EntityKey(l, name), want}
	for alias, target := range m {
		if index.EntityKeyWith(l, target, m) == want {
			keys = append(keys, index.EntityKey(l, alias), index.EntityKey(l, target))
		}
	}
	slices.Sort(keys)
	return slices.Compact(keys)
}

// keysFilter matches the articles with any of the keys in an entity field.
func keysFilter(field string, keys []string) any {
	if len(keys) == 1 {
		return obj{"term": obj{field + KeySuffix: keys[0]}}
	}
	return obj{"terms": obj{field + KeySuffix: keys}}
}

// displayName returns the name a hit shows for a stored name: the name a
// learned alias stands for, or the name itself.
func displayName(l entity.Label, name string, learned map[entity.Label]map[string]string) string {
	if t, ok := learned[l][index.AliasKey(name)]; ok {
		return t
	}
	return name
}
