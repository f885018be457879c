package opensearchtest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"
)

// The analysis of the backend's template, interpreted: alternatives at one
// position, gaps kept, long tokens split as the whitespace tokenizer does.
func TestTemplateAnalysis(t *testing.T) {
	settings := map[string]any{"analysis": map[string]any{
		"tokenizer": map[string]any{"ws": map[string]any{"type": "whitespace", "max_token_length": float64(8)}},
		"filter": map[string]any{
			"alt": map[string]any{"type": "pattern_capture", "preserve_original": false, "patterns": []any{`([^|]+)`}},
			"gap": map[string]any{"type": "stop", "stopwords": []any{"_"}},
		},
		"analyzer": map[string]any{"terms": map[string]any{"type": "custom", "tokenizer": "ws", "filter": []any{"alt", "gap"}}},
	}}
	mappings := map[string]any{"dynamic": "strict", "properties": map[string]any{
		"t": map[string]any{"type": "text", "analyzer": "terms"},
		"n": map[string]any{"type": "double"},
	}}
	x, err := newIndex("i", settings, mappings)
	if err != nil {
		t.Fatal(err)
	}
	got := x.analyzers["terms"].analyze("buku|buk _ hilangkanlah")
	want := []token{{"buku", 0}, {"buk", 0}, {"hilangka", 2}, {"nlah", 3}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("analyze = %v, want %v", got, want)
	}
	if r := x.put("a", []byte(`{"t": "x", "extra": 1}`)); r["status"] != http.StatusBadRequest ||
		r["error"].(map[string]any)["type"] != "strict_dynamic_mapping_exception" {
		t.Errorf("unmapped field: %v", r)
	}
	if r := x.put("a", []byte(`{"n": "sejuta"}`)); r["error"].(map[string]any)["type"] != "mapper_parsing_exception" {
		t.Errorf("a word in a double: %v", r)
	}
	if r := x.put("a", []byte(`{"t": "buku _ hilang", "n": 2}`)); r["status"] != http.StatusCreated {
		t.Errorf("good document: %v", r)
	}
	x.refresh()
	search := func(q string) (int, map[string]any) {
		code, out, serr := x.search([]byte(q))
		if serr != nil {
			return serr.code, nil
		}
		b, _ := json.Marshal(out)
		var m map[string]any
		json.Unmarshal(b, &m)
		return code, m
	}
	total := func(m map[string]any) float64 {
		return m["hits"].(map[string]any)["total"].(map[string]any)["value"].(float64)
	}
	for q, want := range map[string]float64{
		`{"query": {"match_phrase": {"t": {"query": "buku _ hilang", "analyzer": "terms"}}}}`: 1,
		`{"query": {"match_phrase": {"t": {"query": "buku hilang", "analyzer": "terms"}}}}`:   0, // the gap
		`{"query": {"range": {"n": {"gt": 1}}}}`:                                              1,
		`{"query": {"bool": {"must_not": [{"term": {"t": "buku"}}]}}}`:                        0,
	} {
		code, m := search(q)
		if code != http.StatusOK || total(m) != want {
			t.Errorf("%s: %d, %v hits, want %v", q, code, m, want)
		}
	}
	if code, _ := search(`{"query": {"more_like_this": {}}}`); code != http.StatusBadRequest {
		t.Errorf("a query not emulated: %d, want 400", code)
	}
	if code, _ := search(`{"query": {"match_all": {}}, "highlight": {}}`); code != http.StatusBadRequest {
		t.Errorf("a search option not emulated: %d, want 400", code)
	}

}
