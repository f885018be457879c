package opensearch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/telaah/telaah/index"
)

// The fields of a document beside those of index (FieldTitle, FieldBody …).
const (
	// FieldTitleTerms and FieldBodyTerms hold Telaah's terms of the title and
	// the body, one position a word (see [EncodeTokens]); they are searched,
	// never shown, and left out of _source.
	FieldTitleTerms = "title_terms"
	FieldBodyTerms  = "body_terms"
	// KeySuffix names the keyword field beside each entity field that holds
	// the identity keys of its entities (index.EntityKey), so that a filter or
	// a facet treats KPK and Komisi Pemberantasan Korupsi, Semarang and Kota
	// Semarang as one entity.
	KeySuffix = "_key"
	// FieldEntities is the stored, not indexed, object of an article's
	// distinct entities with their mentions and salience, for Hit.Entities.
	FieldEntities = index.FieldEntities
)

// The names of the analysis components the template defines; they are all
// built into OpenSearch 2.x and Elasticsearch 8.x (no plugin).
const (
	// AnalyzerTerms splits the encoded terms at spaces, emits the
	// alternatives of one position ("buku|bukunya") at the same position and
	// drops the gap marks, keeping the gap.
	AnalyzerTerms   = "telaah_terms"
	tokenizerTerms  = "telaah_whitespace"
	filterAlternate = "telaah_alternatives"
	filterGap       = "telaah_gap"
	// NormalizerName folds a keyword to lower case without accents.
	NormalizerName = "telaah_folded"
)

// SchemaVersion is the version of the template and of the document format. It
// is part of the default concrete index name, so that a new version is a new
// index behind the same alias (see the package documentation).
const SchemaVersion = 1

// maxTokenLength is the longest term, in characters, the whitespace tokenizer
// keeps whole: Lucene refuses terms over 32766 bytes.
const maxTokenLength = 8000

// Template returns the composable index template for the concrete indexes
// named pattern (such as "telaah-*"): settings (shards, replicas, refresh and
// the analysis components) and the strict mapping of an article document.
func Template(pattern string, shards, replicas int) map[string]any {
	keyword := map[string]any{"type": "keyword"}
	folded := map[string]any{"type": "keyword", "normalizer": NormalizerName}
	// Keywords users name in queries match in any case through .folded.
	entity := map[string]any{"type": "keyword", "fields": map[string]any{"folded": folded}}
	stored := map[string]any{"type": "text", "index": false}
	terms := map[string]any{"type": "text", "analyzer": AnalyzerTerms, "index_options": "positions"}
	date := map[string]any{"type": "date", "format": "strict_date_optional_time"}
	props := map[string]any{
		"id":                     keyword,
		index.FieldTitle:         stored,
		index.FieldBody:          stored,
		FieldTitleTerms:          terms,
		FieldBodyTerms:           terms,
		index.FieldURL:           entity,
		index.FieldSource:        entity,
		index.FieldPublished:     date,
		index.FieldAuthors:       entity,
		index.FieldTags:          entity,
		index.FieldPersons:       entity,
		index.FieldOrganizations: entity,
		index.FieldPlaces:        entity,
		index.FieldDates:         date,
		index.FieldMoney:         map[string]any{"type": "double"},
		fieldVersion:             keyword,
		FieldTaught:              keyword,
		FieldEntities:            map[string]any{"type": "object", "enabled": false},
	}
	for _, f := range []string{index.FieldPersons, index.FieldOrganizations, index.FieldPlaces} {
		props[f+KeySuffix] = keyword
	}
	return map[string]any{
		"index_patterns": []string{pattern},
		"priority":       100,
		"_meta":          map[string]any{"created_by": "telaah", "schema_version": SchemaVersion},
		"template": map[string]any{
			"settings": map[string]any{
				"index": map[string]any{
					"number_of_shards":   shards,
					"number_of_replicas": replicas,
					"translog":           map[string]any{"durability": "request"},
				},
				"analysis": map[string]any{
					"tokenizer": map[string]any{
						tokenizerTerms: map[string]any{"type": "whitespace", "max_token_length": maxTokenLength},
					},
					"filter": map[string]any{
						filterAlternate: map[string]any{"type": "pattern_capture", "preserve_original": false, "patterns": []string{`([^|]+)`}},
						filterGap:       map[string]any{"type": "stop", "stopwords": []string{gapMark}, "ignore_case": false},
					},
					"analyzer": map[string]any{
						AnalyzerTerms: map[string]any{"type": "custom", "tokenizer": tokenizerTerms, "filter": []string{filterAlternate, filterGap}},
					},
					"normalizer": map[string]any{
						NormalizerName: map[string]any{"type": "custom", "filter": []string{"lowercase", "asciifolding"}},
					},
				},
			},
			"mappings": map[string]any{
				"dynamic":    "strict",
				"_source":    map[string]any{"excludes": []string{FieldTitleTerms, FieldBodyTerms}},
				"properties": props,
			},
		},
	}
}

// fieldVersion records the analysis that made a document's terms.
const fieldVersion = "telaah_version"

// ErrNoIndex is what the error of a read (Search, Get, Count) on a cluster
// without the index wraps: reads never create it. Test with errors.Is.
var ErrNoIndex = errors.New("opensearch: no such index")

// ErrReadOnly is what a write to an Index opened with Config.ReadOnly returns.
var ErrReadOnly = errors.New("opensearch: index opened read-only (Config.ReadOnly)")

// NoIndexError is the error of a read on a cluster that has neither an alias
// nor an index of the configured name. It wraps ErrNoIndex.
type NoIndexError struct {
	Index string // the alias asked for
	URL   string // the cluster, without credentials
}

// Error names the index and the cluster, and what to do.
func (e *NoIndexError) Error() string {
	return fmt.Sprintf("opensearch: no index %s on the cluster at %s: index articles first", e.Index, e.URL)
}

// Unwrap returns ErrNoIndex.
func (e *NoIndexError) Unwrap() error { return ErrNoIndex }

// check makes sure, once, that the alias (or an index of that name) exists,
// for a read: it creates nothing and returns a *NoIndexError when the cluster
// has neither.
func (x *Index) check(ctx context.Context) error {
	return x.settleIndex(ctx, func(context.Context) error {
		return &NoIndexError{Index: x.cfg.Index, URL: x.c.base.String()}
	})
}

// settleIndex makes sure, once, that the index is there: when the cluster lacks
// it, missing says what then (create it, or fail).
func (x *Index) settleIndex(ctx context.Context, missing func(context.Context) error) error {
	x.ensureMu.Lock()
	defer x.ensureMu.Unlock()
	if x.ready {
		return nil
	}
	found, err := x.exists(ctx)
	if err != nil {
		return err
	}
	if !found {
		if err := missing(ctx); err != nil {
			return err
		}
	}
	x.ready = true
	return nil
}

// exists asks the cluster whether the index or alias of the configuration is
// there.
func (x *Index) exists(ctx context.Context) (bool, error) {
	st, err := x.c.json(ctx, http.MethodHead, "/"+url.PathEscape(x.cfg.Index), nil, nil, nil, true)
	if err != nil {
		return false, fmt.Errorf("opensearch: looking for index %q: %w", x.cfg.Index, err)
	}
	return st != http.StatusNotFound, nil
}

// writable returns ErrReadOnly, with what was refused, for an Index opened
// with Config.ReadOnly.
func (x *Index) writable(op string) error {
	if x.cfg.ReadOnly {
		return fmt.Errorf("%s: %w", op, ErrReadOnly)
	}
	return nil
}

// ensure creates, once, the template, the concrete index and the alias, unless
// the alias (or an index of that name) already exists. Two processes doing it
// at once are fine: an index or alias that appeared meanwhile is used.
func (x *Index) ensure(ctx context.Context) error {
	if x.cfg.ReadOnly {
		return x.check(ctx)
	}
	return x.settleIndex(ctx, x.create)
}

// create puts the template, creates the concrete index and points the alias at it.
func (x *Index) create(ctx context.Context) error {
	tpl := Template(x.cfg.Index+"-*", x.cfg.Shards, x.cfg.Replicas)
	if _, err := x.c.json(ctx, http.MethodPut, "/_index_template/"+url.PathEscape(x.cfg.Index), nil, tpl, nil, false); err != nil {
		return fmt.Errorf("opensearch: creating the index template: %w", err)
	}
	concrete := x.cfg.concrete()
	body := map[string]any{"aliases": map[string]any{x.cfg.Index: map[string]any{"is_write_index": true}}}
	_, err := x.c.json(ctx, http.MethodPut, "/"+url.PathEscape(concrete), nil, body, nil, false)
	if e, ok := err.(*Error); ok && e.Status == http.StatusBadRequest && e.Type == "resource_already_exists_exception" {
		// Made meanwhile by another process, or left without its alias: make
		// sure the alias points at it (adding an alias is idempotent), so that
		// a write to the alias never auto-creates an unmapped index.
		add := map[string]any{"actions": []any{map[string]any{"add": map[string]any{"index": concrete, "alias": x.cfg.Index, "is_write_index": true}}}}
		_, err = x.c.json(ctx, http.MethodPost, "/_aliases", nil, add, nil, false)
	}
	if err != nil {
		return fmt.Errorf("opensearch: creating index %s: %w", concrete, err)
	}
	return nil
}
