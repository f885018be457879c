package index

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
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

// loadRegistry builds the entity registry of an opened index from the stored
// entities of its articles.
func (x *Index) loadRegistry() error {
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
			x.reg.apply(s, 1)
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

// hitEntities reads a hit's stored entities, nil when it has none.
func hitEntities(h *search.DocumentMatch) []docEntity {
	v, ok := h.Fields[FieldEntities].(string)
	if !ok || !strings.HasPrefix(v, "{") {
		return nil
	}
	s, err := decodeSummary([]byte(v))
	if err != nil {
		return nil
	}
	return s.Entities
}
