package httpapi

import (
	"cmp"
	"net/http"
	"slices"
	"strings"

	"github.com/telaah/telaah/analysis/entity"
	"github.com/telaah/telaah/index"
)

// The limits of GET /api/entities.
const (
	defaultEntityLimit = 10
	maxEntityLimit     = 50
	maxPrefixBytes     = 200
)

// entityParams are the query parameters of GET /api/entities.
var entityParams = []string{"label", "prefix", "limit"}

// labels maps the label parameter to entity labels: PER, ORG and LOC, in any
// case, or the names of the filters and facets.
var labels = map[string]entity.Label{
	"per": entity.PER, "person": entity.PER, "persons": entity.PER,
	"org": entity.ORG, "organization": entity.ORG, "organizations": entity.ORG,
	"loc": entity.LOC, "place": entity.LOC, "places": entity.LOC,
}

// Entity is one entity of the index's registry, as GET /api/entities lists
// it.
type Entity struct {
	Label entity.Label `json:"label"` // PER, ORG or LOC
	// Filter is the search parameter that filters on it: person, org or place.
	Filter string `json:"filter"`
	// Name is its display name, under which facets count it; a filter takes
	// it or any alias.
	Name     string   `json:"name"`
	Aliases  []string `json:"aliases,omitempty"`
	Articles int      `json:"articles"` // that mention it
	Mentions int      `json:"mentions"` // in all the articles
}

// Entities is the body of GET /api/entities.
type Entities struct {
	Entities []Entity `json:"entities"`
}

// filterOf is the search parameter of each label.
var filterOf = map[entity.Label]string{entity.PER: "person", entity.ORG: "org", entity.LOC: "place"}

// entities answers GET /api/entities?label=&prefix=&limit=: the entities
// whose name, an alias or a word of one starts with prefix (any case), most
// mentioned first; all three labels when label is absent.
func (h *Handler) entities(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	for k, vals := range v {
		if !slices.Contains(entityParams, k) {
			h.fail(w, r, http.StatusBadRequest, badParam("unknown parameter %q (known: %s)", k, strings.Join(entityParams, ", ")).Error())
			return
		}
		if len(vals) > 1 {
			h.fail(w, r, http.StatusBadRequest, badParam("parameter %s given %d times; it takes one value", k, len(vals)).Error())
			return
		}
	}
	want := []entity.Label{entity.PER, entity.ORG, entity.LOC}
	if s := strings.TrimSpace(v.Get("label")); s != "" {
		l, ok := labels[strings.ToLower(s)]
		if !ok {
			h.fail(w, r, http.StatusBadRequest, badParam("parameter label=%q: want PER, ORG or LOC (or person, org, place)", s).Error())
			return
		}
		want = []entity.Label{l}
	}
	prefix := v.Get("prefix")
	if len(prefix) > maxPrefixBytes {
		h.fail(w, r, http.StatusBadRequest, badParam("parameter prefix: %d bytes, at most %d", len(prefix), maxPrefixBytes).Error())
		return
	}
	limit := defaultEntityLimit
	if s := strings.TrimSpace(v.Get("limit")); s != "" {
		n, err := parseInt(s, 1, maxEntityLimit)
		if err != nil {
			h.fail(w, r, http.StatusBadRequest, badParam("parameter limit=%q: want a whole number from 1 to %d", s, maxEntityLimit).Error())
			return
		}
		limit = n
	}
	reg, ok := h.x.(entityLister)
	if !ok {
		h.fail(w, r, http.StatusNotImplemented, "this backend has no entity registry: type-ahead needs the bleve index")
		return
	}
	out := Entities{Entities: []Entity{}}
	for _, l := range want {
		es, err := reg.Entities(l, prefix, limit)
		if err != nil {
			h.fail(w, r, statusOf(err), err.Error())
			return
		}
		for _, e := range es {
			out.Entities = append(out.Entities, entityJSON(e))
		}
	}
	// Most mentioned first across the labels, then by name.
	slices.SortStableFunc(out.Entities, func(a, b Entity) int {
		return cmp.Or(b.Mentions-a.Mentions, b.Articles-a.Articles, strings.Compare(a.Name, b.Name))
	})
	if len(out.Entities) > limit {
		out.Entities = out.Entities[:limit]
	}
	h.reply(w, r, http.StatusOK, out)
}

func entityJSON(e index.EntityInfo) Entity {
	return Entity{Label: e.Label, Filter: filterOf[e.Label], Name: e.Name, Aliases: e.Aliases, Articles: e.Articles, Mentions: e.Mentions}
}
