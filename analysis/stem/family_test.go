package stem

import "testing"

// wordFamilies are Indonesian word families written for this test: a root and
// words derived from it with prefixes, suffixes, confixes, clitics and
// reduplication. A search stemmer must put every member of a family on one stem,
// and different families on different stems.
var wordFamilies = [][]string{
	{"minta", "meminta", "permintaan", "peminta", "diminta", "dimintai"},
	{"baik", "memperbaiki", "perbaikan", "diperbaiki", "kebaikan", "terbaik"},
	{"kerja", "bekerja", "pekerja", "pekerjaan", "dikerjakan", "mengerjakan"},
	{"nyata", "pernyataan", "menyatakan", "dinyatakan", "kenyataan"},
	{"milik", "memiliki", "kepemilikan", "pemilik", "dimiliki"},
	{"selesai", "menyelesaikan", "penyelesaian", "diselesaikan"},
	{"percaya", "mempercayai", "kepercayaan", "dipercaya", "terpercaya"},
	{"diri", "terdiri", "mendirikan", "pendiri", "didirikan"},
	{"rupa", "merupakan", "berupa", "serupa"},
	{"serah", "menyerah", "menyerahkan", "penyerahan", "diserahkan"},
	{"sama", "bersama", "kebersamaan", "bersama-sama"},
	{"alam", "mengalami", "pengalaman", "dialami"},
	{"tulis", "menulis", "penulis", "tulisan", "ditulis", "tertulis"},
	{"baca", "membaca", "pembaca", "bacaan", "dibaca"},
	{"ajar", "belajar", "pelajar", "pelajaran", "mengajar", "pengajar", "diajarkan"},
	{"guna", "pengguna", "menggunakan", "penggunaan", "digunakan", "berguna"},
	{"bangun", "membangun", "pembangunan", "bangunan", "dibangun"},
	{"kirim", "mengirim", "pengiriman", "dikirim", "kiriman"},
	{"pukul", "memukul", "pemukulan", "dipukul"},
	{"sapu", "menyapu", "penyapu", "disapu"},
	{"ambil", "mengambil", "pengambilan", "diambil"},
	{"jual", "menjual", "penjual", "penjualan", "dijual"},
	{"beli", "membeli", "pembeli", "pembelian", "dibeli"},
	{"tahu", "mengetahui", "pengetahuan", "diketahui"},
	{"putus", "memutuskan", "keputusan", "diputuskan"},
	{"laku", "melakukan", "pelaku", "dilakukan", "berlaku", "pemberlakuan"},
	{"kata", "mengatakan", "dikatakan", "perkataan"},
	{"hasil", "berhasil", "keberhasilan", "menghasilkan", "penghasilan"},
	{"jadi", "terjadi", "menjadi", "kejadian", "dijadikan"},
	{"masuk", "termasuk", "memasukkan", "pemasukan", "dimasukkan"},
	{"utama", "terutama", "mengutamakan", "keutamaan"},
	{"uang", "keuangan"},
	{"usaha", "perusahaan", "pengusaha", "berusaha", "diusahakan"},
	{"tumbuh", "pertumbuhan", "bertumbuh", "menumbuhkan", "tumbuhan"},
	{"terima", "menerima", "penerimaan", "diterima", "penerima"},
	{"mungkin", "kemungkinan", "memungkinkan", "dimungkinkan"},
	{"buka", "membuka", "terbuka", "pembukaan", "keterbukaan", "dibuka"},
	{"tanya", "bertanya", "pertanyaan", "menanyakan", "ditanya"},
	{"jawab", "menjawab", "jawaban", "dijawab", "terjawab"},
	{"datang", "mendatang", "kedatangan", "berdatangan", "mendatangkan"},
	{"pimpin", "memimpin", "pemimpin", "kepemimpinan", "dipimpin"},
	{"kuasa", "berkuasa", "kekuasaan", "menguasai", "penguasa"},
	{"satu", "bersatu", "persatuan", "kesatuan", "menyatukan"},
	{"merdeka", "kemerdekaan", "memerdekakan"},
	{"ubah", "berubah", "perubahan", "mengubah", "diubah"},
	{"lihat", "melihat", "terlihat", "penglihatan", "dilihat"},
	{"dengar", "mendengar", "pendengar", "terdengar", "didengar"},
	{"nyaman", "kenyamanan", "ketidaknyamanan"},
	{"mampu", "kemampuan", "ketidakmampuan"},
	{"bayar", "membayar", "pembayaran", "dibayar", "prapembayaran"},
	{"daun", "dedaunan", "daun-daun"},
	{"biara", "biarawati", "biarawan"},
	{"warta", "wartawan", "wartawati"},
	{"pohon", "pepohonan", "pohon-pohon"},
	{"anak", "anak-anak", "beranak", "anaknya"},
	{"hari", "sehari-hari", "harian", "harinya"},
	{"telepon", "menelepon", "teleponku", "ditelepon"},
	{"panah", "memanah", "panahmu", "pemanah"},
	{"tas", "tasnya", "tas-tas"},
	{"menara", "menaranya"},
	{"mohon", "memohon", "permohonan", "dimohon", "pemohon"},
	{"nanti", "menanti", "dinanti", "penantian"},
	{"nilai", "menilai", "penilaian", "dinilai"},
	{"nyanyi", "menyanyi", "penyanyi", "nyanyian"},
	{"kelamin", "kelaminnya"},
	{"cinta", "mencintai", "dicintai", "kecintaan", "pecinta"},
	{"bantu", "membantu", "bantuan", "dibantu", "pembantu"},
}

func TestWordFamilies(t *testing.T) {
	s := Default()
	if len(wordFamilies) < 60 {
		t.Fatalf("%d families, want at least 60", len(wordFamilies))
	}
	owner := map[string]int{} // stem → family
	for i, fam := range wordFamilies {
		stem := s.Stem(fam[0])
		for _, w := range fam {
			if w == "" {
				continue
			}
			if got := s.Stem(w); got != stem {
				t.Errorf("family %q: Stem(%q) = %q, want %q (%v)", fam[0], w, got, stem, s.Analyze(w))
			}
		}
		if j, ok := owner[stem]; ok {
			t.Errorf("families %q and %q share the stem %q", wordFamilies[j][0], fam[0], stem)
		}
		owner[stem] = i
	}
}
