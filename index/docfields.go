package index

import (
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// fieldMaker builds the keyword, date and numeric fields of an article's bleve
// document directly from the index's mapping, as MapDocument would from a map
// of the values but without walking the map by reflection. It is made once per
// index from its mapping, and only for mappings whose shape it knows (see
// newFieldMaker); for any other, Add keeps using MapDocument.
type fieldMaker struct {
	fields map[string][]madeField // by the article's field name
}

// madeField is one field mapping of a property.
type madeField struct {
	m        *mapping.FieldMapping
	name     string
	analyzer analysis.Analyzer // of a text field
}

// newFieldMaker returns the fieldMaker of an index mapping for the properties
// kinds gives the type of ("text" for strings, "datetime" for times, "number"
// for numbers), or nil when the mapping is not one it can follow exactly: a
// default mapping only (no types), without _all, and for each property one
// without sub-properties whose field mappings all have the property's type,
// and a named analyzer for text.
func newFieldMaker(m mapping.IndexMapping, kinds map[string]string) *fieldMaker {
	im, ok := m.(*mapping.IndexMappingImpl)
	if !ok || len(im.TypeMapping) != 0 || im.DefaultMapping == nil || !im.DefaultMapping.Enabled {
		return nil
	}
	dm := im.DefaultMapping
	if all := dm.Properties["_all"]; all == nil || all.Enabled {
		return nil
	}
	fm := &fieldMaker{fields: map[string][]madeField{}}
	for n, kind := range kinds {
		sub := dm.Properties[n]
		if sub == nil || !sub.Enabled || len(sub.Properties) != 0 || len(sub.Fields) == 0 {
			return nil
		}
		for _, f := range sub.Fields {
			mf := madeField{m: f, name: n}
			if f.Name != "" {
				mf.name = f.Name
			}
			if f.Type != kind {
				return nil
			}
			if kind == "text" {
				if f.Analyzer == "" {
					return nil
				}
				if mf.analyzer = im.AnalyzerNamed(f.Analyzer); mf.analyzer == nil {
					return nil
				}
			}
			fm.fields[n] = append(fm.fields[n], mf)
		}
	}
	return fm
}

// strings adds the fields of the values of property n, an array when there
// are several or array is set.
func (fm *fieldMaker) strings(doc *document.Document, n string, vs []string, array bool) {
	for i, v := range vs {
		for _, f := range fm.fields[n] {
			doc.AddField(document.NewTextFieldCustom(f.name, positions(i, array), []byte(v), f.m.Options(), f.analyzer))
		}
	}
}

// times adds the datetime fields of property n.
func (fm *fieldMaker) times(doc *document.Document, n string, vs []time.Time, array bool) {
	for i, v := range vs {
		for _, f := range fm.fields[n] {
			// MapDocument logs and skips a date it cannot store; Add has
			// validated the published date and drops the others beforehand.
			if d, err := document.NewDateTimeFieldWithIndexingOptions(f.name, positions(i, array), v, time.RFC3339, f.m.Options()); err == nil {
				doc.AddField(d)
			}
		}
	}
}

// numbers adds the numeric fields of property n.
func (fm *fieldMaker) numbers(doc *document.Document, n string, vs []float64) {
	for i, v := range vs {
		for _, f := range fm.fields[n] {
			doc.AddField(document.NewNumericFieldWithIndexingOptions(f.name, positions(i, true), v, f.m.Options()))
		}
	}
}

// positions are the array positions of the i-th value of a property: none for
// a single value, [i] in an array.
func positions(i int, array bool) []uint64 {
	if !array {
		return []uint64{}
	}
	return []uint64{uint64(i)}
}

// articleKinds are the types of the properties of an article that the
// fieldMaker builds.
var articleKinds = map[string]string{
	FieldURL: "text", FieldSource: "text", FieldPublished: "datetime", FieldAuthors: "text",
	FieldTags: "text", FieldPersons: "text", FieldOrganizations: "text", FieldPlaces: "text",
	FieldDates: "datetime", FieldMoney: "number",
}

// article adds the fields of an article and its analysis, as MapDocument adds
// those of the map Index.document gives it.
func (fm *fieldMaker) article(doc *document.Document, a *Article, an *Analysis) {
	if a.URL != "" {
		fm.strings(doc, FieldURL, []string{a.URL}, false)
	}
	if a.Source != "" {
		fm.strings(doc, FieldSource, []string{a.Source}, false)
	}
	if !a.Published.IsZero() {
		fm.times(doc, FieldPublished, []time.Time{a.Published}, false)
	}
	fm.strings(doc, FieldAuthors, a.Authors, true)
	fm.strings(doc, FieldTags, a.Tags, true)
	fm.strings(doc, FieldPersons, an.Persons, true)
	fm.strings(doc, FieldOrganizations, an.Organizations, true)
	fm.strings(doc, FieldPlaces, an.Places, true)
	fm.times(doc, FieldDates, an.Dates, true)
	fm.numbers(doc, FieldMoney, an.Money)
	doc.SetIndexed()
}
