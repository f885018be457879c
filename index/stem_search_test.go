package index

import (
	"context"
	"slices"
	"testing"
	"time"
)

// TestSearchWordFamily searches a small in-memory index with one member of a
// word family and expects the articles that use other members: the analyzer
// "id" stems the query as it stemmed the text, so minta finds the article that
// says meminta and the one that says permintaan, and no article without the
// family.
func TestSearchWordFamily(t *testing.T) {
	x, err := Create("", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	arts := []Article{
		{ID: "meminta", Title: "Warga meminta jalan diperbaiki", Body: "Warga desa meminta pemerintah daerah segera memperbaiki jalan yang rusak sejak musim hujan."},
		{ID: "permintaan", Title: "Permintaan beras naik", Body: "Permintaan beras di pasar induk naik menjelang bulan puasa, kata pedagang."},
		{ID: "diminta", Title: "Pengemudi diminta berhati-hati", Body: "Para pengemudi diminta berhati-hati karena jalan licin setelah hujan deras."},
		{ID: "pekerjaan", Title: "Lowongan pekerjaan dibuka", Body: "Dinas tenaga kerja membuka lowongan pekerjaan bagi lulusan sekolah kejuruan."},
		{ID: "bekerja", Title: "Petani bekerja sejak subuh", Body: "Para petani bekerja di sawah sejak subuh untuk mengejar musim tanam."},
		{ID: "pernyataan", Title: "Pernyataan resmi menteri", Body: "Menteri menyampaikan pernyataan resmi tentang harga pupuk di depan wartawan."},
		{ID: "other", Title: "Banjir di Bekasi", Body: "Banjir merendam ratusan rumah di Kota Bekasi setelah hujan semalaman."},
	}
	for i := range arts {
		arts[i].Source = "uji"
		arts[i].Published = day
	}
	if err := x.Add(arts...); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"minta", []string{"diminta", "meminta", "permintaan"}},
		{"meminta", []string{"diminta", "meminta", "permintaan"}},
		{"permintaan", []string{"diminta", "meminta", "permintaan"}},
		{"kerja", []string{"bekerja", "pekerjaan"}},
		{"pekerja", []string{"bekerja", "pekerjaan"}},
		{"nyata", []string{"pernyataan"}},
		{"menyatakan", []string{"pernyataan"}},
		{"perbaikan", []string{"meminta"}},
	} {
		res, err := x.Search(context.Background(), Request{Query: c.query, Plain: true, FacetSize: -1, Size: 20})
		if err != nil {
			t.Fatalf("%q: %v", c.query, err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("search %q: hits %v, want %v", c.query, got, c.want)
		}
	}
}
