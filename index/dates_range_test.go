package index

import (
	"context"
	"testing"
)

// Dates in a query outside the span bleve can store are open bounds, or match
// nothing; they are never an error.
func TestDateRangesOutsideBleve(t *testing.T) {
	x := testIndex(t)
	all, _ := x.Count()
	for _, c := range []struct {
		q    string
		want uint64 // 0 or all (the sample articles all have a date)
	}{
		{"published:>0001", all}, {"published:<9999", all}, {"published:0000..9999", all},
		{"published:>=9000", 0}, {"published:1600..1677", 0}, {"published:0000", 0},
	} {
		res, err := x.Search(context.Background(), Request{Query: c.q, Plain: true})
		if err != nil {
			t.Errorf("%s: %v", c.q, err)
			continue
		}
		if res.Total != c.want {
			t.Errorf("%s: %d hits, want %d", c.q, res.Total, c.want)
		}
	}
}
