// Package entity finds named entities (persons, organisations, places) and dates,
// times, money, percentages and quantities in Indonesian text.
//
// PROVISIONAL: a placeholder with the final API, replaced by issue 4.
package entity

import "github.com/telaah/telaah/tokenize"

// Label is the type of an entity.
type Label string

// The labels.
const (
	PER      Label = "PER"
	ORG      Label = "ORG"
	LOC      Label = "LOC"
	DATE     Label = "DATE"
	TIME     Label = "TIME"
	MONEY    Label = "MONEY"
	PERCENT  Label = "PERCENT"
	QUANTITY Label = "QUANTITY"
)

// Entity is one mention of an entity, with byte offsets into the original text.
type Entity struct {
	Text       string  `json:"text"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Label      Label   `json:"label"`
	Canonical  string  `json:"canonical"`        // the longest mention of the same entity in the document
	Confidence float64 `json:"confidence"`       // 0..1
	Value      string  `json:"value,omitempty"`  // normalised: 2018-03-24, 10:30+07:00, IDR
	Number     float64 `json:"number,omitempty"` // normalised amount: 1.5e12, 2e8, 5.2
}

// Recognizer finds entities. It is safe for concurrent use.
type Recognizer struct{}

// Default returns the recognizer with the embedded model.
func Default() *Recognizer { return &Recognizer{} }

// Extract returns the entities in text, ordered by Start, not overlapping.
func (r *Recognizer) Extract(text string) []Entity { return nil }

// ExtractSentences is Extract for text already split into sentences by tokenize.
func (r *Recognizer) ExtractSentences(text string, sents []tokenize.Sentence) []Entity {
	return nil
}
