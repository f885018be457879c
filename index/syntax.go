package index

// QuerySyntax is the query language of Request.Query, as a table of examples and
// what they find; the package documentation and `telaah search --help` show it,
// and a test runs every example.
const QuerySyntax = `  banjir bekasi                both words, in the title or the body (stemmed:
                               pengguna finds penggunaan; names are not:
                               Bekasi never bekas, Gunawan never guna)
  "harga cabai"                the words in this order, next to each other
  banjir OR longsor            either word
  banjir AND tol               both words (AND is optional)
  banjir -jakarta              banjir but not jakarta; NOT jakarta is the same
  (banjir OR longsor) bekasi   parentheses group clauses; OR binds tighter than
                               AND: banjir OR longsor bekasi is the same query
  title:banjir                 a field: title, body, persons, orgs, places,
                               source, authors, tags, url, published, dates, money
  persons:"Pavel Durov"        an entity, by any alias and in any case
  orgs:Telegram                organisations (also organizations:)
  source:"Kompas.com"          a source (any case)
  title:(banjir OR longsor)    a field for every clause of a group
  published:>=2024-01-01       published on or after; also >, <, <=
  published:2024-03            a month (or a day, or a year such as 2024)
  published:2024-01..2024-03   from January to March 2024, both included
  money:>1e9                   an amount over a billion; also ranges a..b
  presiden*                    a prefix; * and ? inside a word are wildcards
  telegarm~                    a word within one or two edits (~1, ~2)
`
