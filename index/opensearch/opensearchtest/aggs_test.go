package opensearchtest

import (
	"encoding/json"
	"net/http"
	"os"
	"reflect"
	"testing"
)

// TestAggregationExchanges replays the recorded aggregation requests of
// testdata/aggs-exchange.json (composite pages with after and after_key, a
// sub-aggregation under composite, terms with include as exact values) and
// checks that the emulator answers each with the recorded aggregations.
func TestAggregationExchanges(t *testing.T) {
	raw, err := os.ReadFile("testdata/aggs-exchange.json")
	if err != nil {
		t.Fatal(err)
	}
	var rec struct {
		Documents map[string]json.RawMessage `json:"documents"`
		Exchanges []struct {
			Request  json.RawMessage `json:"request"`
			Response any             `json:"response"`
		} `json:"exchanges"`
	}
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatal(err)
	}
	x, serr := newIndex("i", nil, map[string]any{"properties": map[string]any{"k": map[string]any{"type": "keyword"}}})
	if serr != nil {
		t.Fatal(serr)
	}
	for id, d := range rec.Documents {
		if r := x.put(id, d); r["status"] != http.StatusCreated {
			t.Fatalf("document %s: %v", id, r)
		}
	}
	x.refresh()
	for i, e := range rec.Exchanges {
		code, out, serr := x.search(e.Request)
		if serr != nil {
			t.Fatalf("exchange %d: %d %v", i, serr.code, serr)
		}
		b, _ := json.Marshal(out)
		var got struct {
			Aggregations any `json:"aggregations"`
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatal(err)
		}
		if code != http.StatusOK || !reflect.DeepEqual(got.Aggregations, e.Response) {
			want, _ := json.Marshal(e.Response)
			g, _ := json.Marshal(got.Aggregations)
			t.Errorf("exchange %d: %d\n%s\nwant\n%s", i, code, g, want)
		}
	}
}

// A composite aggregation the emulator does not emulate is refused, as an
// unknown one is, rather than answered wrongly.
func TestCompositeRefused(t *testing.T) {
	x, serr := newIndex("i", nil, map[string]any{"properties": map[string]any{"k": map[string]any{"type": "keyword"}}})
	if serr != nil {
		t.Fatal(serr)
	}
	for _, q := range []string{
		`{"aggs": {"c": {"composite": {"sources": [{"a": {"terms": {"field": "k"}}}, {"b": {"terms": {"field": "k"}}}]}}}}`,
		`{"aggs": {"c": {"composite": {"sources": [{"a": {"histogram": {"field": "k", "interval": 5}}}]}}}}`,
		`{"aggs": {"c": {"composite": {"size": 0, "sources": [{"a": {"terms": {"field": "k"}}}]}}}}`,
		`{"aggs": {"c": {"composite": {"sources": [{"a": {"terms": {"field": "k"}}}], "after": {"b": "x"}}}}}`,
	} {
		if _, _, serr := x.search([]byte(q)); serr == nil || serr.code != http.StatusBadRequest {
			t.Errorf("%s: %v, want 400", q, serr)
		}
	}
}
