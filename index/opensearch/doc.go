// Package opensearch indexes and searches Telaah's articles on an OpenSearch 2.x
// or Elasticsearch 8.x cluster, with Telaah's analysis: the stems, the kept
// proper nouns, the entities and the query language of package index, without a
// plugin on the cluster. It takes the same [index.Article]s and answers the same
// [index.Request]s with the same [index.Result]s as the bleve backend
// ([index.Index]); both are an [index.Backend], so switching is one constructor:
//
//	x, err := index.Create(dir, nil)                         // one machine
//	x, err := opensearch.New(opensearch.ConfigFromEnv(url)) // a cluster
//
// It speaks the REST API with net/http. The official clients
// (opensearch-go/v4, go-elasticsearch/v8) are one per engine, and what they
// would add here (typed requests, node discovery, retries on 429 and 5xx) is
// either a few lines of this package or better done by the load balancer in
// front of a production cluster; one small client keeps a single package for
// both engines, whose _bulk, _search, _count, _doc, _index_template and
// _aliases APIs are the same.
//
// # What the cluster holds
//
// The index template (see [Template]; created by the first write, Add or
// Delete, with the concrete index and its alias, unless the alias exists;
// reads never create anything, and Config.ReadOnly refuses writes) maps an
// article to:
//
//   - title and body: the original text, stored (in _source) and not indexed,
//     for display and for highlighting here;
//   - title_terms and body_terms: Telaah's terms of the title and body (what the
//     bleve backend indexes) written as text by [EncodeTokens] — one position a
//     word, the terms of one position joined by "|", and "_" for each position
//     without a term (a stopword, a sentence boundary) — and analysed by the
//     custom analyzer telaah_terms, made of built-in parts only: the whitespace
//     tokenizer, a pattern_capture filter that emits the alternatives of a
//     position at that position, and a stop filter that drops "_" but keeps its
//     gap. So the cluster stores bleve's terms at bleve's positions: phrases
//     neither skip a stopword nor cross a sentence, and the cluster never needs
//     Telaah's code. They are left out of _source.
//   - persons, organizations, places: the entity names as keywords, with a
//     .folded sub-field (lower case, no accents) for prefixes; beside each, a
//     _key keyword field with the identity keys of the names
//     ([index.EntityKey]: KPK and Komisi Pemberantasan Korupsi, Semarang and
//     Kota Semarang have one key), by which filters and facets go;
//   - taught: the aliases an article teaches the index (BMKG for Badan
//     Meteorologi, Klimatologi, dan Geofisika), read back with one terms
//     aggregation and derived as the bleve backend's registry derives them
//     ([index.LearnAliases]), so that facets merge and filters resolve the
//     learned aliases too;
//   - source, url, authors, tags: keywords with a .folded sub-field (queries
//     match them in any case); published and dates: date; money: double;
//     entities: the article's distinct entities with mentions and salience, an
//     object stored and not indexed, for [index.Hit].Entities.
//
// The mapping is strict: a document with a field the template does not know is
// refused, so an index made by another version of this package never takes
// documents it cannot search.
//
// # Indexing and its contract
//
// [Index.Add] analyses articles here, with as many goroutines as cores (as
// index.Index.Add), and sends bulk requests of at most Config.BulkDocs articles
// and Config.BulkBytes bytes; the analysis of the next request overlaps with
// sending the current one. A request answered 429 or 5xx, and the items of an
// answer rejected with 429 or 5xx, are sent again with exponential backoff
// (honouring Retry-After). An article the cluster refuses does not stop the
// others: Add returns a *[BulkError] listing each refused article with the
// cluster's reason, and every other article is indexed.
//
// Acknowledged means durable: when Add (or Delete) returns nil, every article is
// written and fsynced to the translog of its primary shard and of the in-sync
// replicas (the template sets index.translog.durability to request, the
// default, so that nobody's cluster-wide setting weakens it), and, with the
// default refresh policy wait_for, searchable. Config.Refresh = RefreshNone
// skips the wait (faster bulk loads; call [Index.Refresh] at the end).
//
// # Searching
//
// [Index.Search] parses the query with package index/query, analyses its words
// with Telaah's analyzer and translates it to the query DSL: a word is a term
// query (its stem and its surface as alternatives), a phrase a match_phrase
// over the encoded terms with the same analyzer as the documents, AND, OR and
// NOT bool queries, entity fields terms over the identity keys, keyword fields
// terms over .folded, prefixes, wildcards and fuzzy words the cluster's own
// queries over the terms, ranges range queries; the title weighs
// [TitleBoost] times the body, as in the bleve backend. Entity and source
// filters are filter clauses; the source facet is a terms aggregation, and
// the published facet is a date_histogram by month, folded into
// years, like the bleve backend, when the index spans more than three years (a
// global min/max aggregation gives the span). ByRelevanceAndDate is a
// function_score with the bleve backend's decay (an exp decay of half weight
// from the newest article). Fragments are highlighted here, from the stored
// title and body, by index.NewHighlighter, the bleve backend's highlighter, so
// they carry the same offsets and marks.
//
// # Entity facets are exact
//
// An entity facet counts, as the bleve backend's registry does, the articles
// that name an entity by any of its stored keys, once each: Pavel Durov and
// Durov, DPRD and Dewan Perwakilan Rakyat Daerah through a learned alias. The
// search asks a terms aggregation for the 4n+20 most frequent keys of an n-value
// facet; when its sum_other_doc_count and doc_count_error_upper_bound are 0
// those are all the keys and nothing more is asked (a small result, the usual
// case). Otherwise
//
//   - one more _search (size 0) counts the keys that merge through the learned
//     aliases and were left out, with a terms aggregation whose include lists
//     them (at most twice the learned aliases of the label);
//   - the values that merge several keys among the n first are counted again,
//     in one _search (size 0) with a filters aggregation, a filter a value (an
//     article may hold two forms), again until the n first values all have
//     exact counts; a sum over keys bounds a count from above, so values of
//     exact counts that stay first are the first;
//   - only when the nth value's count is not above the last key of the window
//     (a key left out could reach it, or tie with it) are all the keys of the
//     matching articles read, with a composite aggregation, Config.FacetPage
//     keys a request (DefaultFacetPage, 1000).
//
// So a facet costs one aggregation in the search when the result is small,
// one more _search for the alias keys and one or two for the recounts when it
// is not (a merged value among the n first also costs a recount when every key
// was read), and ceil(distinct keys / FacetPage) more _search requests in the
// rare case of a flat distribution around the nth value (a query matching a
// million articles naming 200 000 persons, each once: 200 requests of a
// thousand buckets). On several shards the counts of the window are checked
// the same way (they are not exact when doc_count_error_upper_bound is not 0).
//
// Scores are the cluster's BM25 over the same terms, so hits come in nearly,
// not exactly, the same order as with bleve (shards keep their own statistics;
// use one shard, or search_type dfs_query_then_fetch, for exact corpus
// statistics on small indices).
//
// # Design note: scale-out
//
// Sizing (an estimate: no cluster was measured). An article of the sample
// corpus has 2.4 KB of text and is sent as a 6.3 KB document (TestDocumentSize);
// its _source, without the terms fields, is about 4 KB before the default LZ4
// compression, and the inverted terms with positions, the keywords and their
// doc values add about half the text again. So a news article of ~3 KB of
// text costs about 4–6 KB of primary storage. 10 M articles are ~50 GB of primaries: 3 primary shards of ~15–20 GB
// (inside the 10–50 GB a shard should hold) and 1 replica, on 3 data nodes, so
// that losing one node loses no shard and searches spread over all three. 100 M
// articles are ~500 GB: 12–16 primaries of 30–40 GB with 1 replica on 6–8 data
// nodes (2 replicas where read traffic is heavy), or, better for an archive
// that mostly grows at the recent end, time-based indices (one per year, 2–4
// shards each) behind the same read alias, so that old years are force-merged
// to one segment and rarely touched. Keep shard counts low: every shard costs
// heap and a search fans out to all of them. Config.Shards and Config.Replicas
// apply when this package creates the index; replicas can change any time.
//
// Re-indexing. The documents hold Telaah's analysis, so a new lexicon, stemmer
// rule or entity model changes what should be indexed. Articles are written
// through an alias (Config.Index, "telaah") to a concrete, versioned index
// (Config.Version: "telaah-v1", then "telaah-v2" …; the document field
// telaah_version records the analysis). To move to a new analysis: create the
// new version, re-index every article into it (read the stored originals from
// the old index with search_after over _id, analyse them again here, bulk
// them into the new one) while the old one keeps serving, then swap the alias
// in one atomic POST _aliases (remove old, add new) and delete the old index
// when nothing reads it. Writes made during the copy must go to both (or be
// replayed from their source); the swap itself loses nothing. Queries analyse
// with the code of the process that sends them, so deploy the new code to the
// searchers at the swap.
//
// What stays on one machine. The analysis runs in the process that indexes
// (and the query analysis and highlighting in the one that searches): it is
// CPU-bound and embarrassingly parallel, so more indexers scale it out — run
// one per core group, each on its share of the articles; the cluster only
// stores and matches terms. Highlighting works on the stored text of the hits
// of one page, so it costs the same as with bleve. The learned aliases are read
// from the cluster (one terms aggregation, cached for 30 s) rather than kept
// per process, so writers and searchers agree on them. A person named by part
// of the name (durov for Pavel Durov) or a place without its head (Grobogan
// for Kabupaten Grobogan) is looked up with a terms aggregation over the
// entity keys, as the bleve backend's registry resolves it, and so is an
// organisation by the initials of its name (KPU), ambiguous names included;
// a filter by an organisation also finds its offices (BMKG Ambon: an alias of
// it followed by a place the index knows). What the bleve backend's in-memory
// registry does and this package does not: ordering facet values of equal
// counts by their mentions in the index (here: by name), and counting
// mentions rather than articles when it picks an entity's display name.
package opensearch
