package index

import (
	"fmt"
	"unicode/utf8"
)

// DefaultMaxAnalyzed is the default of Options.MaxAnalyzed: the bytes of an
// article's body that Add analyses. News articles are under 200 KB, so every
// real article is analysed whole; an 8 MB one (a log, a dump, a book pasted
// into the body) costs about twice a 1 MB one instead of eight times.
const DefaultMaxAnalyzed = 2 << 20

// Partial reports an article whose body (or, rarely, title) Add analysed only
// in part, because it is longer than Options.MaxAnalyzed (as Lucene's
// maxFieldLength did): the whole text is stored and returned by Get and in
// hits, but only its first Analyzed bytes are searchable, highlighted and
// searched for entities.
type Partial struct {
	ID       string // the article's ID
	Analyzed int    // the bytes of the body analysed, cut at a space
	Body     int    // the bytes of the whole body
	// TitleAnalyzed and Title are the same for the title, which has the
	// same limit of its own; they are equal when the title is analysed whole.
	TitleAnalyzed, Title int
}

// String says which article was analysed in part, and how much of it.
func (p Partial) String() string {
	s := fmt.Sprintf("article %q: analysed the first %d of the %d bytes of its body", p.ID, p.Analyzed, p.Body)
	if p.TitleAnalyzed < p.Title {
		s += fmt.Sprintf(" and %d of the %d bytes of its title", p.TitleAnalyzed, p.Title)
	}
	return s + " (Options.MaxAnalyzed); the rest is stored but not searchable"
}

// AnalyzedPart returns the length of the part of body that is analysed with a
// limit of max bytes: all of it when it is not longer than max (or max is
// negative: no limit), else the bytes before the last space, tab or line break
// at or before max, so that no word is cut; a body without a space near max is
// cut before the first rune that does not fit. max 0 means DefaultMaxAnalyzed.
func AnalyzedPart(body string, max int) int {
	max = limit(max, DefaultMaxAnalyzed)
	if len(body) <= max {
		return len(body)
	}
	// A space within the last 1 KiB before the limit ends the part; the
	// part ends before the space, so that a word cut at max is left out whole.
	for i := max; i > 0 && i > max-1024; i-- {
		switch body[i] {
		case ' ', '\t', '\n', '\r':
			return i
		}
	}
	n := max
	for n > 0 && !utf8.RuneStart(body[n]) {
		n--
	}
	return n
}

// analyzedPart returns the article as Add analyses it: a, or a copy of it
// whose body stops at Options.MaxAnalyzed (see AnalyzedPart); the stored body
// is always a's whole body.
func (x *Index) analyzedPart(a *Article) *Article {
	return AnalyzedArticle(a, x.opts.MaxAnalyzed)
}

// partials returns the articles that Add analyses only in part.
func (x *Index) partials(articles []Article) []Partial {
	var out []Partial
	for i := range articles {
		if p, ok := PartialOf(&articles[i], x.opts.MaxAnalyzed); ok {
			out = append(out, p)
		}
	}
	return out
}

// PartialOf says whether an article is analysed only in part with a limit of
// max bytes (as [AnalyzedPart]) and how much of it is, for backends other than
// this package's that apply the same limit.
func PartialOf(a *Article, max int) (Partial, bool) {
	b, t := a.Body, a.Title
	n, m := AnalyzedPart(b, max), AnalyzedPart(t, max)
	if n == len(b) && m == len(t) {
		return Partial{}, false
	}
	return Partial{ID: a.ID, Analyzed: n, Body: len(b), TitleAnalyzed: m, Title: len(t)}, true
}

// AnalyzedArticle returns the article as it is analysed with a limit of max
// bytes: a itself, or a copy whose title and body stop where [AnalyzedPart]
// cuts them. The stored article stays a.
func AnalyzedArticle(a *Article, max int) *Article {
	n, t := AnalyzedPart(a.Body, max), AnalyzedPart(a.Title, max)
	if n == len(a.Body) && t == len(a.Title) {
		return a
	}
	cut := *a
	cut.Body, cut.Title = a.Body[:n], a.Title[:t]
	return &cut
}

// AddReport is Add that also returns the articles it analysed only in part
// (longer than Options.MaxAnalyzed), in the order given. When Add fails the
// list is nil; Options.Partial, when set, has then been called for the partial
// articles of the batches indexed before the failure.
func (x *Index) AddReport(articles ...Article) ([]Partial, error) {
	if err := x.Add(articles...); err != nil {
		return nil, err
	}
	return x.partials(articles), nil
}

// reportPartial calls Options.Partial for the articles of a batch that Add
// analysed in part, once the batch is indexed.
func (x *Index) reportPartial(batch []Article) {
	if x.opts.Partial == nil {
		return
	}
	for _, p := range x.partials(batch) {
		x.opts.Partial(p)
	}
}
