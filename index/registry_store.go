package index

import (
	"bytes"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/telaah/telaah/analysis/entity"
)

// summarize returns what the registry keeps of an analysed article: its
// distinct entities and the aliases it teaches.
func summarize(an *Analysis) *docSummary {
	s := &docSummary{Entities: make([]docEntity, 0, len(an.Entities))}
	for _, d := range an.Entities {
		e := docEntity{Label: d.Label, Name: d.Name, Mentions: d.Mentions, Salience: round3(d.Salience),
			Confidence: round3(d.Confidence), InTitle: d.InTitle, InLead: d.InLead}
		e.Teaches = teaches(d)
		s.Entities = append(s.Entities, e)
	}
	return s
}

// teaches returns the forms of an entity that become aliases across the index:
// one-word forms that are not a word of the name (BMKG, NTT, Jokowi), as
// clustering gives them the name when the article writes them beside it.
// Shorter forms made of the name's own words (Durov, Semarang) are left to the
// query-time resolution, which knows whether they are ambiguous.
func teaches(d entity.Distinct) []string {
	var out []string
	name := plainWords(d.Name)
	for _, f := range d.Forms {
		w := plainWords(f)
		if len(w) != 1 || len(name) < 2 || containsRun(name, w) {
			continue
		}
		if _, builtin := entity.LookupAlias(f); builtin {
			continue // known everywhere already
		}
		out = append(out, f)
	}
	return out
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// summaries returns the stored entities of the articles with the given IDs that
// are in the index.
func (x *Index) summaries(ids []string) ([]*docSummary, error) {
	var out []*docSummary
	for _, id := range ids {
		d, err := x.b.Document(id)
		if err != nil {
			return nil, fmt.Errorf("reading article %q: %w", id, err)
		}
		if d == nil {
			continue
		}
		fields := map[string][]string{}
		d.VisitFields(func(f bindex.Field) {
			if t, ok := f.(*document.TextField); ok {
				fields[t.Name()] = append(fields[t.Name()], t.Text())
			}
		})
		s, err := summaryFromFields(fields)
		if err != nil {
			return nil, fmt.Errorf("article %q: %w", id, err)
		}
		out = append(out, s)
	}
	return out, nil
}

// summaryFromFields reads an article's entities from its stored fields: the
// entities field, or, in an index made before it existed, the keyword fields
// (one mention each).
func summaryFromFields(fields map[string][]string) (*docSummary, error) {
	if v := fields[FieldEntities]; len(v) > 0 {
		return decodeSummary([]byte(v[0]))
	}
	s := &docSummary{}
	for _, f := range []string{FieldPersons, FieldOrganizations, FieldPlaces} {
		l, _ := fieldLabel(f)
		for _, n := range fields[f] {
			s.Entities = append(s.Entities, docEntity{Label: l, Name: n, Mentions: 1})
		}
	}
	return s, nil
}

// The registry cache. Rebuilding the registry means reading the stored
// entities of every article (about 0.2 ms of CPU each), so an index on disk
// keeps a copy of it in registryFile, written on Close. Every batch that
// changes articles also writes a new random generation into the index
// (generationKey, in the same bleve batch); the cache holds the generation it
// was made at and is used only when the two agree. After a crash, or a write by
// a process that did not close the index, they differ and the registry is
// rebuilt from the articles.
const (
	registryFile  = "telaah-registry.json"
	generationKey = "telaah.registry.generation"
)

// registryCache is the JSON form of the registry cache.
type registryCache struct {
	Generation []byte           `json:"generation"`
	Values     []cachedValue    `json:"values"`
	Taught     []cachedTeaching `json:"taught"`
}

type cachedValue struct {
	Label    entity.Label `json:"l"`
	Name     string       `json:"n"`
	Articles int          `json:"a"`
	Mentions int          `json:"m"`
}

type cachedTeaching struct {
	Label    entity.Label `json:"l"`
	Alias    string       `json:"a"` // the alias's key
	Form     string       `json:"f"` // its spelling
	Target   string       `json:"t"`
	Articles int          `json:"n"`
}

// stampGeneration writes a new registry generation into a batch and returns it.
func (x *Index) stampGeneration(b *bleve.Batch) []byte {
	gen := make([]byte, 16)
	rand.Read(gen) // never fails (crypto/rand)
	b.SetInternal([]byte(generationKey), gen)
	return gen
}

// saveRegistry writes the registry cache of an index on disk when the
// registry changed since it was read, unless the index was opened read-only;
// x.wmu must be held. It is only a cache: when it cannot be written, the next
// Open rebuilds the registry.
func (x *Index) saveRegistry() {
	if x.path == "" || x.opts.ReadOnly || x.reg.gen == nil || bytes.Equal(x.reg.gen, x.reg.saved) {
		return // in memory, not ours to write, or current
	}
	c := registryCache{Generation: x.reg.gen}
	r := x.reg
	r.mu.RLock()
	for k, v := range r.values {
		c.Values = append(c.Values, cachedValue{k.label, k.name, v.articles, v.mentions})
	}
	for l, by := range r.taught {
		for a, ts := range by {
			for t, n := range ts {
				c.Taught = append(c.Taught, cachedTeaching{l, a, r.forms[a], t, n})
			}
		}
	}
	r.mu.RUnlock()
	data, err := json.Marshal(c)
	if err != nil {
		return
	}
	f, err := os.CreateTemp(x.path, registryFile+".*")
	if err != nil {
		return
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr != nil || cerr != nil {
		os.Remove(f.Name())
		return
	}
	if os.Rename(f.Name(), filepath.Join(x.path, registryFile)) == nil {
		x.reg.saved = x.reg.gen
	} else {
		os.Remove(f.Name())
	}
}

// loadCache fills the registry from the cache when it holds the index's
// generation, and reports whether it did.
func (x *Index) loadCache() (bool, error) {
	gen, err := x.b.GetInternal([]byte(generationKey))
	if err != nil {
		return false, fmt.Errorf("reading the registry generation: %w", err)
	}
	data, err := os.ReadFile(filepath.Join(x.path, registryFile))
	if errors.Is(err, fs.ErrNotExist) || len(gen) == 0 {
		x.reg.gen = gen // written on Close when gen is set, rebuilt otherwise
		return false, nil
	}
	if err != nil {
		return false, nil // a cache only
	}
	var c registryCache
	if json.Unmarshal(data, &c) != nil || !bytes.Equal(c.Generation, gen) {
		x.reg.gen = gen
		return false, nil
	}
	r := x.reg
	r.mu.Lock()
	for _, v := range c.Values {
		r.values[valueKey{v.Label, v.Name}] = &valueStat{articles: v.Articles, mentions: v.Mentions}
	}
	for _, t := range c.Taught {
		by := inner(r.taught, t.Label)
		if by[t.Alias] == nil {
			by[t.Alias] = map[string]int{}
		}
		by[t.Alias][t.Target] = t.Articles
		if t.Form != "" {
			r.forms[t.Alias] = t.Form
		}
	}
	r.rebuildAll()
	r.mu.Unlock()
	x.reg.gen, x.reg.saved = gen, gen
	return true, nil
}

// loadRegistry fills the entity registry of an opened index: from its cache
// when it is current, else from the stored entities of the articles.
func (x *Index) loadRegistry() error {
	if ok, err := x.loadCache(); ok || err != nil {
		return err
	}
	if err := x.scanRegistry(); err != nil {
		return err
	}
	if len(x.reg.gen) == 0 && x.path != "" && !x.opts.ReadOnly {
		// An index written before generations were stamped has none, and
		// would be scanned at every Open: give it one, so that Close
		// writes the cache.
		b := x.b.NewBatch()
		gen := x.stampGeneration(b)
		if err := x.b.Batch(b); err != nil {
			return fmt.Errorf("stamping a registry generation: %w", err)
		}
		x.reg.gen = gen
	}
	return nil
}

// scanRegistry builds the entity registry from the stored entities of the
// articles: it counts every article's entities and teachings first and makes
// the entities once at the end, as loading the cache does, since making them
// after each article cost a third of the scan. A scorch index is read segment
// by segment, its live documents' stored fields directly; another index
// through bleve's searches.
func (x *Index) scanRegistry() error {
	r := x.reg
	r.mu.Lock()
	defer r.mu.Unlock()
	clear(r.values)
	clear(r.taught)
	clear(r.forms)
	err := x.eachStoredSummary(r.count)
	r.rebuildAll()
	return err
}

// eachStoredSummary calls f with the entities stored with each article.
func (x *Index) eachStoredSummary(f func(*docSummary)) error {
	adv, err := x.b.Advanced()
	if err != nil {
		return fmt.Errorf("reading the entities of the articles: %w", err)
	}
	rd, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("reading the entities of the articles: %w", err)
	}
	defer rd.Close()
	is, ok := rd.(*scorch.IndexSnapshot)
	if !ok {
		return x.searchStoredSummaries(f)
	}
	fields := map[string][]string{}
	visit := func(field string, _ byte, value []byte, _ []uint64) bool {
		switch field {
		case FieldEntities, FieldPersons, FieldOrganizations, FieldPlaces:
			fields[field] = append(fields[field], string(value))
		}
		return true
	}
	for _, ss := range is.Segments() {
		live := ss.DocNumbersLive()
		for it := live.Iterator(); it.HasNext(); {
			num := uint64(it.Next())
			for k := range fields {
				fields[k] = fields[k][:0]
			}
			if err := ss.VisitDocument(num, visit); err != nil {
				return fmt.Errorf("reading the entities of the articles: %w", err)
			}
			s, err := summaryFromFields(fields)
			if err != nil {
				id, _ := ss.DocID(num)
				return fmt.Errorf("article %q: %w", id, err)
			}
			f(s)
		}
	}
	return nil
}

// searchStoredSummaries is eachStoredSummary through bleve's searches, for
// an index that is not scorch's.
func (x *Index) searchStoredSummaries(f func(*docSummary)) error {
	const page = 1000
	var after []string
	for {
		req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), page, 0, false)
		req.Fields = []string{FieldEntities, FieldPersons, FieldOrganizations, FieldPlaces}
		req.SortBy([]string{"_id"})
		if after != nil {
			req.SetSearchAfter(after)
		}
		res, err := x.b.Search(req)
		if err != nil {
			return fmt.Errorf("reading the entities of the articles: %w", err)
		}
		for _, h := range res.Hits {
			s, err := summaryFromFields(hitFields(h))
			if err != nil {
				return fmt.Errorf("article %q: %w", h.ID, err)
			}
			f(s)
		}
		if len(res.Hits) < page {
			return nil
		}
		after = []string{res.Hits[len(res.Hits)-1].ID}
	}
}

// hitFields returns the stored text fields of a hit as slices.
func hitFields(h *search.DocumentMatch) map[string][]string {
	out := map[string][]string{}
	for k, v := range h.Fields {
		out[k] = strs(v)
	}
	return out
}

// hitEntities reads a hit's stored entities, nil when it has none; c keeps
// them decoded for the next search that returns the same article.
func hitEntities(h *search.DocumentMatch, c *summaryCache) []docEntity {
	v, ok := h.Fields[FieldEntities].(string)
	if !ok || !strings.HasPrefix(v, "{") {
		return nil
	}
	return c.entities(v)
}

// summaryCacheSize bounds the decoded summaries a summaryCache holds.
const summaryCacheSize = 4096

// summaryCache keeps the decoded entities of the hits searches returned,
// keyed by their stored JSON, so that an article shown again is not decoded
// again (decoding was a quarter of a search's CPU on the sample corpus). When
// full it starts afresh. The zero value is ready; it is safe for concurrent
// use. The slices it returns are shared and must not be changed.
type summaryCache struct {
	mu sync.Mutex
	m  map[string][]docEntity
}

// entities returns the entities of a stored summary, nil when it cannot be
// read.
func (c *summaryCache) entities(v string) []docEntity {
	c.mu.Lock()
	es, ok := c.m[v]
	c.mu.Unlock()
	if ok {
		return es
	}
	s, err := decodeSummary([]byte(v))
	if err != nil {
		return nil
	}
	c.mu.Lock()
	if c.m == nil || len(c.m) >= summaryCacheSize {
		c.m = make(map[string][]docEntity, 64)
	}
	c.m[v] = s.Entities
	c.mu.Unlock()
	return s.Entities
}
