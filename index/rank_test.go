package index

import (
	"testing"
)

// A reader's queries over the sample corpus and the article they expect: it must
// be among the first three hits. The queries use other forms of the words than
// the articles (kirim for Kirim, menahan for Tahan), as readers do.
func TestRankingReaderQueries(t *testing.T) {
	for _, c := range []struct{ q, want string }{
		{"pengguna telegram", "kompas-telegram-200-juta"},
		{"pavel durov facebook", "kompas-telegram-200-juta"},
		{"kali bekasi meluap", "kn-banjir-bekasi"},
		{"penjualan mobil bekas", "wt-mobil-bekas-semarang"},
		{"apbd surabaya", "wt-apbd-surabaya-2025"},
		{"mengirim logistik pemilu", "wt-logistik-pemilu-kediri"},
		{"pembangunan jalan desa", "wt-jalan-desa-bekasi"},
		{"aplikasi layanan maluku", "wt-layanan-digital-maluku"},
		{"penggunaan qris solo", "kn-qris-pasar-solo"},
		{"pasokan elpiji", "wt-pasokan-bbm-maluku-utara"},
		{"kopi gayo", "wt-pembiayaan-kopi-gayo"},
		{"kpk menahan kepala dinas", "wt-kpk-tahan-bekas-kadis-banggai"},
		{"kepala desa divonis", "wt-vonis-dana-desa-grobogan"},
		{"penipuan investasi daring", "wt-penipuan-investasi-medan"},
		{"persija persebaya", "wt-persija-tekuk-persebaya"},
		{"beasiswa ugm", "wt-beasiswa-ugm-daerah-3t"},
		{"stunting", "wt-stunting-lombok-timur"},
		{"sekolah rusak banjir", "wt-sekolah-rusak-banjir-garut"},
		{"awan panas semeru", "kn-erupsi-semeru-lumajang"},
		{"tol jambi", "kn-tol-betung-jambi"},
		{"bus listrik", "kn-bus-listrik-semarang"},
		{"menari reog", "kn-reog-ponorogo-sanggar-anak"},
		{"batik pewarna alam", "kn-batik-pekalongan-pewarna-alam"},
		{"ponsel imei", "kn-ponsel-bekas-imei-medan"},
	} {
		for _, s := range []Sort{ByRelevance, ByRelevanceAndDate} {
			res := find(t, Request{Query: c.q, Sort: s, Size: 3, Plain: true})
			if hitByID(res, c.want) == nil {
				t.Errorf("%s (sort %d): top 3 %v lack %s", c.q, s, ids(res), c.want)
			}
		}
	}
}

// ByRelevanceAndDate multiplies each BM25 score by a factor in [½, 1] that
// grows with the date: the newer of two articles keeps more of its score.
func TestRelevanceAndDateDecay(t *testing.T) {
	plain := find(t, Request{Query: "warga", Size: 100, Plain: true})
	decayed := find(t, Request{Query: "warga", Size: 100, Plain: true, Sort: ByRelevanceAndDate})
	if len(plain.Hits) < 5 || len(plain.Hits) != len(decayed.Hits) {
		t.Fatalf("warga: %d and %d hits", len(plain.Hits), len(decayed.Hits))
	}
	score := map[string]float64{}
	for _, h := range plain.Hits {
		score[h.ID] = h.Score
	}
	type point struct {
		unix  int64
		ratio float64
	}
	var pts []point
	for _, h := range decayed.Hits {
		r := h.Score / score[h.ID]
		if r < 0.5-1e-9 || r > 1+1e-9 {
			t.Errorf("%s: decay factor %.3f outside [0.5, 1]", h.ID, r)
		}
		pts = append(pts, point{h.Published.Unix(), r})
	}
	for _, a := range pts {
		for _, b := range pts {
			if a.unix < b.unix && a.ratio > b.ratio+1e-9 {
				t.Errorf("an older article keeps more of its score (%.3f) than a newer one (%.3f)", a.ratio, b.ratio)
			}
		}
	}
}
