package index

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/telaah/telaah/analysis/entity"
)

// A DATE entity that bleve cannot store (before MinPublished, from
// MaxPublished on) stays an entity of the article but is left out of the dates
// field, where it would wrap around to a wrong date.
func TestEntityDatesOutsideStorableRange(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	a := Article{ID: "ramalan", Title: "Ramalan Kapal Tenggelam",
		Body: "Kapal itu tenggelam pada 1/1/1600 di lepas pantai. Ramalan menyebut kota itu tenggelam " +
			"pada 31/12/9999 atau pada 2262-04-12. Catatan lain menyebut 2262-04-10."}
	an := x.Analyze(&a)
	var values []string
	for _, e := range an.Body.Entities {
		if e.Label == entity.DATE {
			values = append(values, e.Value)
		}
	}
	for _, v := range []string{"1600-01-01", "9999-12-31", "2262-04-12", "2262-04-10"} {
		if !slices.Contains(values, v) {
			t.Errorf("the DATE entity %s is not among the article's entities %v", v, values)
		}
	}
	want := []time.Time{time.Date(2262, 4, 10, 0, 0, 0, 0, time.UTC)}
	if !slices.EqualFunc(an.Dates, want, time.Time.Equal) {
		t.Errorf("dates %v, want %v", an.Dates, want)
	}
	if err := x.Add(a); err != nil {
		t.Fatal(err)
	}
	// The field has the article's one storable date, and no other.
	for _, r := range []struct {
		from, to time.Time
		want     uint64
	}{
		{want[0], want[0].Add(time.Hour), 1},
		{time.Date(1678, 1, 1, 0, 0, 0, 0, time.UTC), want[0], 0},
		{want[0].Add(time.Hour), MaxPublished, 0},
	} {
		q := bleve.NewDateRangeQuery(r.from, r.to)
		q.SetField(FieldDates)
		res, err := x.Bleve().SearchInContext(context.Background(), bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != r.want {
			t.Errorf("dates from %s to %s: %d articles, want %d", r.from.Format(time.RFC3339), r.to.Format(time.RFC3339), res.Total, r.want)
		}
	}
}
