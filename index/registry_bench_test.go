package index

import (
	"fmt"
	"testing"

	"github.com/telaah/telaah/analysis/entity"
)

// syntheticRegistry returns a registry of n articles with five distinct
// entities each, from a pool of about 3n names (a large news archive has about
// as many distinct names as articles, most of them mentioned once).
func syntheticRegistry(n int) *entityRegistry {
	r := newRegistry()
	labels := []entity.Label{entity.PER, entity.ORG, entity.LOC}
	for i := range n {
		s := &docSummary{}
		for k := range 5 {
			j := (i*7 + k*13) % (3 * n)
			l := labels[(i+k)%3]
			var name string
			switch l {
			case entity.PER:
				name = fmt.Sprintf("Nama%d Keluarga%d", j, j%997)
			case entity.ORG:
				name = fmt.Sprintf("Badan Urusan Perkara%d", j)
			default:
				name = fmt.Sprintf("Kota Tempat%d", j)
			}
			e := docEntity{Label: l, Name: name, Mentions: 1 + k}
			if l == entity.ORG && k == 0 {
				e.Teaches = []string{fmt.Sprintf("BUP%d", j)}
			}
			s.Entities = append(s.Entities, e)
		}
		r.apply(s, 1)
	}
	return r
}

// BenchmarkRegistryBatch measures what a batch of 1000 new articles costs the
// registry of an index of 20,000 (and a search after it nothing more).
func BenchmarkRegistryBatch(b *testing.B) {
	r := syntheticRegistry(20000)
	batch := syntheticRegistry(1000)
	var sums []*docSummary
	for vk, st := range batch.values {
		sums = append(sums, &docSummary{Entities: []docEntity{{Label: vk.label, Name: vk.name + " Baru", Mentions: st.mentions}}})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, s := range sums {
			r.apply(s, 1)
		}
		for _, s := range sums {
			r.apply(s, -1)
		}
	}
	b.ReportMetric(float64(len(sums)), "entities/op")
}

// BenchmarkRegistryLoad measures the bulk rebuild of a registry from its
// counts, as Open does from the cache.
func BenchmarkRegistryLoad(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			r := syntheticRegistry(n)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				r.mu.Lock()
				r.rebuildAll()
				r.mu.Unlock()
			}
			b.ReportMetric(float64(len(r.values)), "names")
		})
	}
}

// BenchmarkResolve measures a filter's resolution in a registry of 20,000
// articles: an
// exact name, a part of a person's name, an acronym.
func BenchmarkResolve(b *testing.B) {
	r := syntheticRegistry(20000)
	for _, c := range []struct{ field, name string }{
		{FieldPlaces, "tempat123"}, {FieldPersons, "nama42"}, {FieldOrganizations, "bup7"},
	} {
		b.Run(c.field+"/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				r.resolve(c.field, c.name)
			}
		})
	}
}
