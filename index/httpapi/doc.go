// Package httpapi serves a Telaah [index.Index] over HTTP: a JSON API to
// search, read, add and delete articles, and a search page for people, in
// Indonesian. "telaah serve" runs it; Go programs can mount a [Handler] in
// their own server:
//
//	x, err := index.Open("berita.idx", nil)
//	…
//	http.Handle("/", httpapi.New(x, &httpapi.Config{WriteToken: os.Getenv(httpapi.TokenEnv)}))
//
// It uses only the standard library's net/http routing. [New] takes any
// [index.Backend], so the same API and page serve an OpenSearch cluster
// through package index/opensearch; the entity type-ahead needs the bleve
// index's registry and answers 501 elsewhere.
//
// # Endpoints
//
//	GET    /                   the search page (one embedded HTML file)
//	GET    /api/search         hits with highlighted fragments, total, facets, date histogram
//	GET    /api/articles/{id}  one stored article; percent-encode the ID (it may be a URL)
//	GET    /api/entities       type-ahead over the entity registry: label=PER|ORG|LOC (all when
//	                           absent), prefix= (of the name, an alias or a word of one), limit=
//	                           (1 to 50, 10 when absent); most mentioned first
//	POST   /api/articles       add or replace articles: JSON Lines (application/x-ndjson, text/plain or
//	                           curl's default type), or with Content-Type application/json one
//	                           object or an array of them; needs the write token
//	DELETE /api/articles/{id}  delete an article; needs the write token
//	GET    /healthz            {"status": "ok", "articles": N, "writable": bool}
//
// Every answer is JSON except the page, indented unless the request's Accept
// header asks for application/json (programs get it compact); an error is {"status": N, "message":
// "…"} with the status of the problem (a query error adds "query": {"start",
// "end", "column", "end_column"}, the place of the fault in q): 400 for a bad parameter or query, 401
// without the right token, 403 when the server has none, 404, 405 with Allow,
// 413 for a body over the limit, 414 for a query string over it, 421 for a
// host name that is not served, 415 for a
// body of a type such as text/html, 503 for a search out of time or a server shutting
// down.
//
// # Search parameters
//
// Each field of [index.Request] has a query parameter; empty values count as
// absent, an unknown parameter is an error (a typo is not a different search).
//
//	q           the query in Telaah's query language (see package index): words, "phrases",
//	            AND, OR, NOT, -word, parentheses, field:value, ranges
//	person      only articles that mention this person (any name or alias of it, any case); repeat
//	            for all of several; a name of several people is a 400 listing the candidates
//	org         the same for an organisation
//	place       the same for a place
//	source      only articles from this source; repeat for any of several
//	since       published on or after this date (YYYY-MM-DD or RFC 3339)
//	until       published before this date (exclusive, so a histogram bar's start and end fit)
//	sort        relevance (the default), recent (relevance and recency), newest or oldest
//	half_life   with sort=recent, the age at which recency halves its weight: 30d, 12h
//	offset      hits to skip (0 to 10000)
//	size        hits to return (1 to Config.MaxPageSize, 100 by default; 10 when absent)
//	facets      the facets to count, comma-separated: persons, organizations, places,
//	            sources, published; none for no facets; all when absent
//	facet_size  values per facet (1 to 100; 10 when absent)
//	plain       true leaves out the highlighted fragments
//	fragments   the most body fragments per hit (1 to 10; 3 when absent)
//	fragment_size  the length of a fragment in bytes (40 to 2000; 200 when absent)
//
// The response is the JSON of "telaah search --json" with the page's offset
// and size: {"total", "took_ms", "offset", "size", "hits": [{"id", "score",
// "title", "url", "source", "published", "persons", "organizations",
// "places", "entities": [{"label", "filter", "name", "mentions", "salience",
// "in_title", "in_lead"}], "fragments": {"title": […], "body": […]}}], "facets":
// {"persons", "organizations", "places", "sources": [{"value", "count"}]},
// "published": [{"name", "start", "end", "count"}], "warnings": […]}.
// Warnings say what the reader should know about the query (a clause of
// stopwords only, left out). Fragments are
// HTML-escaped text with the matches in <mark>…</mark>; titles are the text as
// stored, not escaped.
//
// # Writing
//
// A POST body is read as "telaah index" reads a file, with the same checks
// and messages. If any record is malformed nothing is indexed, as with
// [index.Index.Add], and the answer (400) lists each bad record with the line
// it starts on: {"status": 400, "message": "…", "errors": [{"line": 3,
// "message": "…"}]}. Fix them and send the body again. A successful POST
// answers {"indexed": N, "ids": […]}; the articles are searchable and durable
// when it does. An article whose body is longer than the index's
// Options.MaxAnalyzed (2 MiB by default) is indexed and stored whole but
// searchable only in its first part, and the answer lists it: "partial":
// [{"id", "analyzed_bytes", "body_bytes", "title_analyzed_bytes",
// "title_bytes", "message"}]. Writes take turns.
//
// # Safe by default
//
// A Handler with the zero Config is read-only: writes need a
// [Config.WriteToken], sent as "Authorization: Bearer <token>" and compared in
// constant time. Bodies (16 MiB) and query strings (4 KiB) are capped, each
// request has a deadline (10 s), no CORS headers are sent unless
// [Config.AllowOrigins] names origins, and the page runs under a
// Content-Security-Policy that allows only its own script and style, while it
// builds every text, fragment and title as DOM text, so that an article
// saying <script> is shown and never run. "telaah serve" listens on 127.0.0.1
// unless told otherwise, and there answers only requests for loopback host
// names ([Config.AllowedHosts]), so that a web page cannot read the index by
// pointing its own domain at 127.0.0.1; on SIGINT or SIGTERM it finishes the
// requests in flight and closes the index. Without a write token it opens the
// index read-only, so that "telaah search" reads it meanwhile (with a token it
// holds the index as "telaah index" does); with --opensearch URL it serves an
// OpenSearch or Elasticsearch cluster instead of an index directory.
//
// # Examples
//
// With the sample corpus indexed and served,
//
//	telaah index --index berita.idx testdata/articles.jsonl
//	TELAAH_WRITE_TOKEN=$(openssl rand -hex 16) telaah serve --index berita.idx
//
// these commands answer with (among other lines) the lines below each; the
// package's tests run them through the handler:
//
//	$ curl -s http://127.0.0.1:8080/healthz
//	  "status": "ok",
//	  "articles": 43,
//
//	$ curl -s 'http://127.0.0.1:8080/api/search?q=durov&size=1&facets=persons'
//	  "total": 1,
//	      "id": "kompas-telegram-200-juta",
//	      "source": "Kompas.com",
//	      "published": "2018-03-23T17:00:00Z",
//	        "value": "Pavel Durov",
//
//	$ curl -s 'http://127.0.0.1:8080/api/search?q=persija&place=Jakarta&sort=newest&facets=none&plain=true'
//	  "total": 1,
//	      "title": "Gol Menit Akhir Bawa Persija Tekuk Persebaya 2-1 di JIS",
//
//	$ curl -s 'http://127.0.0.1:8080/api/search?since=2024-01-01&until=2025-01-01&facets=published'
//	  "total": 10,
//	      "name": "2024",
//	      "start": "2024-01-01",
//	      "end": "2025-01-01",
//
//	$ curl -s 'http://127.0.0.1:8080/api/entities?label=ORG&prefix=bmkg&limit=1'
//	      "name": "Badan Meteorologi, Klimatologi, dan Geofisika",
//	        "BMKG"
//
//	$ curl -s 'http://127.0.0.1:8080/api/search?org=bmkg&facets=none&plain=true&size=1'
//	  "total": 8,
//
//	$ curl -si 'http://127.0.0.1:8080/api/search?person=dimas'
//	HTTP/1.1 400 Bad Request
//	    "Dimas Wiratmaja",
//
//	$ curl -s http://127.0.0.1:8080/api/articles/kompas-telegram-200-juta
//	  "id": "kompas-telegram-200-juta",
//	  "title": "Pengguna Aktif Telegram Tembus 200 Juta, Pavel Durov Sindir Facebook",
//
//	$ curl -si 'http://127.0.0.1:8080/api/search?sort=best'
//	HTTP/1.1 400 Bad Request
//	  "message": "parameter sort=\"best\": want newest, oldest, recent, relevance"
//
//	$ curl -si 'http://127.0.0.1:8080/api/search?q=%22tanpa+penutup'
//	HTTP/1.1 400 Bad Request
//	  "message": "search: query: unclosed quote at character 1",
//	    "column": 1,
//
//	$ curl -si -X POST --data-binary '{"id":"x","title":"Tanpa izin"}' http://127.0.0.1:8080/api/articles
//	HTTP/1.1 401 Unauthorized
//	  "message": "writing needs the header \"Authorization: Bearer <write token>\""
//
//	$ curl -s -X POST -H "Authorization: Bearer $TELAAH_WRITE_TOKEN" -H 'Content-Type: application/x-ndjson' \
//	    --data-binary '{"id":"contoh-1","source":"Contoh","title":"Banjir di Bekasi","body":"Kali Bekasi meluap.","published":"2024-02-10"}' \
//	    http://127.0.0.1:8080/api/articles
//	  "indexed": 1,
//
//	$ curl -si -X POST -H "Authorization: Bearer $TELAAH_WRITE_TOKEN" --data-binary '{"id":"rusak","title":"Tanggal","published":"kemarin"}' \
//	    http://127.0.0.1:8080/api/articles
//	HTTP/1.1 400 Bad Request
//	  "message": "1 of 1 records are malformed; nothing was indexed",
//	      "line": 1,
//	      "message": "published date \"kemarin\" is not RFC 3339 or YYYY-MM-DD"
//
//	$ curl -s -X DELETE -H "Authorization: Bearer $TELAAH_WRITE_TOKEN" http://127.0.0.1:8080/api/articles/contoh-1
//	  "deleted": "contoh-1"
package httpapi
