package index

import "context"

// Backend is what a search backend of Telaah offers: the bleve [Index] and the
// OpenSearch/Elasticsearch one (package index/opensearch) take the same
// [Article]s and answer the same [Request]s with the same [Result]s, so that
// switching backends is changing one constructor. Package index/indextest runs
// one list of requests against any Backend.
type Backend interface {
	// Add analyses and indexes articles, replacing any with the same ID; when
	// it returns nil they are searchable and durable.
	Add(articles ...Article) error
	// Search runs a request.
	Search(ctx context.Context, r Request) (*Result, error)
	// Get returns the stored article with the given ID, or nil and no error
	// when there is none.
	Get(id string) (*Article, error)
	// Delete removes the articles with the given IDs; unknown IDs are ignored.
	Delete(ids ...string) error
	// Close releases the backend.
	Close() error
}

var _ Backend = (*Index)(nil)
