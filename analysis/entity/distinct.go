package entity

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// Distinct is one entity of a document with all its mentions taken together:
// what a reader would list as "who and what this article is about".
type Distinct struct {
	Name     string // the canonical name (Entity.Canonical, or the text)
	Label    Label
	Mentions int  // the number of mentions
	InTitle  bool // mentioned in the title
	InLead   bool // mentioned in the lead (the first paragraph)
	// First is the byte offset of the first mention.
	First int
	// Salience in [0, 1] says how central the entity is to the document: it
	// grows with the share of the mentions that are its own and is raised by a
	// mention in the title and in the lead. See [DistinctEntities].
	Salience float64
	// Confidence in [0, 1] aggregates the confidences of the mentions as
	// independent evidence (1 − Π(1 − cᵢ)): a name found seventeen times with
	// 0.48 each is all but certain; one found once keeps its own confidence.
	Confidence float64
	// Forms are the distinct texts of the mentions, in order of first mention
	// (Pavel Durov, Durov, Pavel).
	Forms []string
}

// The weights of the salience score: its share of the mentions (relative to
// the most mentioned entity of the same document), a title mention, a lead
// mention. They add up to 1.
const (
	salienceMentions = 0.5
	salienceTitle    = 0.3
	salienceLead     = 0.2
)

// maxMentionConfidence caps one mention's confidence in the aggregate, so that a
// rule-based mention (confidence 1) still leaves room for doubt in the others.
const maxMentionConfidence = 0.99

// DistinctEntities groups the mentions of es (as Extract returns them) by label
// and canonical name and returns the persons, organisations and places of the
// document, most salient first (then most mentioned, then first mentioned).
// titleEnd is the byte offset where the title ends (0 when the text has none)
// and leadEnd where the lead ends (the end of the first paragraph after the
// title, say): a mention starting before titleEnd is in the title, one starting
// before leadEnd and not in the title is in the lead.
//
// The salience of an entity is
//
//	0.5 × √(mentions / most mentions of any entity) + 0.3 × in title + 0.2 × in lead
//
// so that the entity a headline names and the lead repeats outranks one that a
// long quote mentions many times. Dates, times and amounts are left out.
func DistinctEntities(es []Entity, titleEnd, leadEnd int) []Distinct {
	type key struct {
		l Label
		n string
	}
	at := map[key]int{}
	var out []Distinct
	var miss []float64 // Π(1 − cᵢ) per entity
	for _, e := range es {
		if !isName(e.Label) {
			continue
		}
		name := strings.Join(strings.Fields(e.Canonical), " ")
		if name == "" {
			name = strings.Join(strings.Fields(e.Text), " ")
		}
		if name == "" {
			continue
		}
		k := key{e.Label, name}
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, Distinct{Name: name, Label: e.Label, First: e.Start})
			miss = append(miss, 1)
		}
		d := &out[i]
		d.Mentions++
		d.First = min(d.First, e.Start)
		if e.Start < titleEnd {
			d.InTitle = true
		} else if e.Start < leadEnd {
			d.InLead = true
		}
		miss[i] *= 1 - math.Max(0, math.Min(e.Confidence, maxMentionConfidence))
		form := strings.Join(strings.Fields(e.Text), " ")
		if !slices.Contains(d.Forms, form) {
			d.Forms = append(d.Forms, form)
		}
	}
	most := 0
	for _, d := range out {
		most = max(most, d.Mentions)
	}
	for i := range out {
		d := &out[i]
		d.Confidence = 1 - miss[i]
		s := salienceMentions * math.Sqrt(float64(d.Mentions)/float64(most))
		if d.InTitle {
			s += salienceTitle
		}
		if d.InLead {
			s += salienceLead
		}
		d.Salience = math.Min(1, s)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Salience != b.Salience:
			return a.Salience > b.Salience
		case a.Mentions != b.Mentions:
			return a.Mentions > b.Mentions
		}
		return a.First < b.First
	})
	return out
}
