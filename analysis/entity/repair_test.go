package entity

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"slices"
	"strings"
	"testing"
)

// The repair rules on invented sentences: each case lists entities that must be
// found (text and label) and texts that must not be entities.
func TestRepairRules(t *testing.T) {
	type ent struct {
		text  string
		label Label
	}
	cases := []struct {
		name string
		text string
		want []ent
		not  []string
	}{{
		name: "days are not part of names",
		text: "Laporan itu dimuat harian Financial Times Senin lalu. Senin Presiden Joko Widodo tiba di Bandung.",
		want: []ent{{"Financial Times", ORG}, {"Joko Widodo", PER}},
		not:  []string{"Financial Times Senin", "Senin Presiden Joko Widodo"},
	}, {
		name: "the article of an English name is part of it",
		text: "Hal itu dilaporkan harian The Sydney Morning Herald pada Selasa.",
		want: []ent{{"The Sydney Morning Herald", ORG}},
		not:  []string{"Sydney Morning Herald"},
	}, {
		name: "sides of the compass are not names",
		text: "Desa itu berbatasan dengan Kecamatan Nguter. Sebelah Barat adalah Desa Tiyaran, Sebelah timur Desa Ngasinan.",
		want: []ent{{"Desa Tiyaran", LOC}, {"Desa Ngasinan", LOC}},
		not:  []string{"Sebelah Barat", "Sebelah", "Barat", "Sebelah Barat adalah Desa Tiyaran"},
	}, {
		name: "institution with commas and dan",
		text: "Kepala Badan Meteorologi, Klimatologi, dan Geofisika wilayah timur meminta nelayan waspada.",
		want: []ent{{"Badan Meteorologi, Klimatologi, dan Geofisika", ORG}},
		not:  []string{"Badan Meteorologi", "Geofisika"},
	}, {
		name: "ministry with commas",
		text: "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi menyalurkan bantuan ke Kabupaten Sigi.",
		want: []ent{{"Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", ORG}, {"Kabupaten Sigi", LOC}},
	}, {
		name: "long name and acronym",
		text: "Lembaga Penjaminan Mutu Pendidikan (LPMP) Sulawesi Barat menggelar pelatihan guru. Menurut LPMP, pesertanya 300 orang.",
		want: []ent{{"Lembaga Penjaminan Mutu Pendidikan", ORG}, {"LPMP", ORG}},
	}, {
		name: "head before the long name",
		text: "Pegawai Dinas Pekerjaan Umum dan Penataan Ruang (PUPR) Kabupaten Tegal memeriksa jembatan itu.",
		want: []ent{{"Dinas Pekerjaan Umum dan Penataan Ruang", ORG}, {"PUPR", ORG}, {"Kabupaten Tegal", LOC}},
		not:  []string{"Dinas Pekerjaan", "Penataan Ruang"},
	}, {
		name: "ranks and titles are not names",
		text: "Kapolres Sleman AKBP Yuswanto Ardi mengatakan pelaku sudah ditahan. Kompol Dedi Suhendar juga hadir.",
		want: []ent{{"Yuswanto Ardi", PER}, {"Dedi Suhendar", PER}},
		not:  []string{"AKBP", "Kompol", "Kapolres", "AKBP Yuswanto Ardi"},
	}, {
		name: "titles before places and organisations",
		text: "Wakil Wali Kota Tasikmalaya meresmikan pasar itu bersama Direktur Utama PT Pos Indonesia.",
		want: []ent{{"PT Pos Indonesia", ORG}},
		not:  []string{"Wakil Wali Kota Tasikmalaya", "Wali Kota Tasikmalaya", "Direktur Utama PT Pos Indonesia", "Utama PT Pos Indonesia"},
	}, {
		name: "a listed name the model split",
		text: "Di Jakarta, Manajer Humas PT KAI Daop 1 menjelaskan jadwal baru.",
		want: []ent{{"Jakarta", LOC}},
		not:  []string{"PT", "Di Jakarta", "KAI Daop"},
	}, {
		name: "degrees are not names",
		text: "Ketua panitia, Bapak Hendra Kurniawan, S.Sos., mengatakan acara dimulai pagi.",
		want: []ent{{"Hendra Kurniawan", PER}},
		not:  []string{"S.Sos.", "S.Sos"},
	}, {
		name: "list of districts after a head",
		text: "Banjir melanda Kecamatan Ciawi, Megamendung, dan Cisarua di Kabupaten Bogor.",
		want: []ent{{"Kecamatan Ciawi", LOC}, {"Megamendung", LOC}, {"Cisarua", LOC}, {"Kabupaten Bogor", LOC}},
	}, {
		name: "place heads",
		text: "Wisatawan memadati Desa Adat Penglipuran dan kawasan pegunungan Menoreh selama libur panjang.",
		want: []ent{{"Desa Adat Penglipuran", LOC}, {"Menoreh", LOC}},
	}, {
		name: "lists inside an institution name",
		text: "Kepala Dinas Pariwisata, Pemuda, dan Olahraga Kabupaten Sleman, Budi Santoso, mengatakan kunjungan naik.",
		want: []ent{{"Dinas Pariwisata, Pemuda, dan Olahraga Kabupaten Sleman", ORG}, {"Budi Santoso", PER}},
		not:  []string{"Pemuda", "Olahraga"},
	}, {
		name: "building named after an institution",
		text: "Tersangka diperiksa selama sembilan jam di Gedung Bundar Kejaksaan Agung pada Selasa malam.",
		want: []ent{{"Kejaksaan Agung", ORG}},
		not:  []string{"Gedung Bundar Kejaksaan Agung"},
	}, {
		name: "dateline",
		text: "PADANG, Kabar Pagi — Warga Kota Padang mulai mengungsi ke tempat yang lebih tinggi.",
		want: []ent{{"PADANG", LOC}, {"Kabar Pagi", ORG}, {"Kota Padang", LOC}},
	}, {
		name: "laws are not names",
		text: "Pelaku dijerat Undang-Undang Perlindungan Konsumen dan Undang-Undang Informasi dan Transaksi Elektronik.",
		not:  []string{"Perlindungan Konsumen", "Transaksi Elektronik", "Informasi dan Transaksi Elektronik"},
	}, {
		name: "company form in brackets",
		text: "Saham PT Semen Gresik (Persero) Tbk. naik tiga persen pada perdagangan kemarin.",
		want: []ent{{"PT Semen Gresik (Persero) Tbk.", ORG}},
		not:  []string{"Persero", "Persero) Tbk."},
	}, {
		name: "abbreviated name part",
		text: "Saksi bernama Muh. Fadli Rahman menyebut uang itu diserahkan di rumahnya.",
		want: []ent{{"Muh. Fadli Rahman", PER}},
		not:  []string{"Muh"},
	}, {
		name: "acronyms of common nouns",
		text: "Pembayaran THR paling lambat sepekan sebelum Lebaran, kata pejabat Kementerian Ketenagakerjaan.",
		want: []ent{{"Kementerian Ketenagakerjaan", ORG}},
		not:  []string{"THR"},
	}, {
		name: "acronym explained in brackets",
		text: "Nomor IMEI (International Mobile Equipment Identity) wajib didaftarkan.",
		not:  []string{"International Mobile Equipment Identity", "Mobile Equipment Identity"},
	}}
	r := Default()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			es := r.Extract(c.text)
			got := map[string]Label{}
			for _, e := range es {
				got[e.Text] = e.Label
			}
			for _, w := range c.want {
				if l, ok := got[w.text]; !ok || l != w.label {
					t.Errorf("want %s %q; got %v", w.label, w.text, show(es))
				}
			}
			for _, n := range c.not {
				if _, ok := got[n]; ok {
					t.Errorf("%q should not be an entity; got %v", n, show(es))
				}
			}
		})
	}
}

func show(es []Entity) string {
	var b strings.Builder
	for _, e := range es {
		fmt.Fprintf(&b, "[%s %q] ", e.Label, e.Text)
	}
	return b.String()
}

// An acronym in brackets gets the long name as its canonical form.
func TestAcronymInBracketsCanonical(t *testing.T) {
	text := "Lembaga Penjaminan Mutu Pendidikan (LPMP) menggelar pelatihan. Kepala LPMP mengatakan pesertanya guru SD."
	n := 0
	for _, e := range Default().Extract(text) {
		if e.Text == "LPMP" {
			n++
			if e.Canonical != "Lembaga Penjaminan Mutu Pendidikan" {
				t.Errorf("LPMP at %d: canonical %q", e.Start, e.Canonical)
			}
		}
	}
	if n != 2 {
		t.Errorf("found LPMP %d times, want 2", n)
	}
}

// A place's short mention takes a longer one as canonical only when the words
// added are place heads: Surabaya is Kota Surabaya, not Surabaya Barat.
func TestPlaceCanonical(t *testing.T) {
	text := "Banjir melanda Surabaya Barat. Pemerintah menyiapkan posko di Kota Surabaya. Warga Surabaya diminta waspada."
	for _, e := range Default().Extract(text) {
		if e.Text == "Surabaya" && e.Canonical != "Kota Surabaya" {
			t.Errorf("Surabaya: canonical %q, want Kota Surabaya", e.Canonical)
		}
	}
}

func TestAcronymFits(t *testing.T) {
	cases := []struct {
		acr, name string
		want      bool
	}{
		{"bmkg", "Badan Meteorologi , Klimatologi , dan Geofisika", true},
		{"pupr", "Pekerjaan Umum dan Penataan Ruang", true},
		{"ppatk", "Pusat Pelaporan dan Analisis Transaksi Keuangan", true},
		{"qris", "Quick Response Code Indonesian Standard", true},
		{"bkkbn", "Badan Kependudukan dan Keluarga Berencana Nasional", true},
		{"pupr", "Penataan Ruang", false},
		{"kpk", "Korupsi", false},
		{"bi", "Bank Rakyat Indonesia", false},
		{"lib", "Liga Indonesia Baru", true},
	}
	for _, c := range cases {
		w := strings.Fields(c.name)
		if got := acronymFits(c.acr, w, 0, len(w)); got != c.want {
			t.Errorf("acronymFits(%q, %q) = %v, want %v", c.acr, c.name, got, c.want)
		}
	}
}

func TestIsDegree(t *testing.T) {
	for w, want := range map[string]bool{
		"S.Sos.": true, "S.Sos": true, "S.H.": true, "M.Si": true, "Ph.D": true,
		"Dr.": false, "Jl.": false, "U.S.A.": true, "Sudirman": false, "2.5": false,
	} {
		if got := isDegree(w); got != want {
			t.Errorf("isDegree(%q) = %v, want %v", w, got, want)
		}
	}
}

// In the idner style an organisation's acronym in brackets is part of its span,
// as idner-news-2k writes it; in the default style it is a span of its own.
func TestIdnerBracketedAcronym(t *testing.T) {
	for _, words := range [][]string{
		strings.Fields("Ketua Mahkamah Konstitusi (MK) Anwar Usman membuka sidang ."),
		strings.Fields("Ketua Mahkamah Konstitusi ( MK ) Anwar Usman membuka sidang ."),
	} {
		got := Default().WithStyle(StyleIdner).TagDocument([][]string{words})[0]
		end := 4
		if words[3] == "(" {
			end = 6
		}
		want := append([]string{"O", "B-ORG"}, slices.Repeat([]string{"I-ORG"}, end-2)...)
		if !slices.Equal(got[:end], want) {
			t.Errorf("idner style %q: %v, want %v first", strings.Join(words, " "), got, want)
		}
		// Text that Extract tokenizes always has the brackets apart.
		if d := Default().TagDocument([][]string{words})[0]; end == 6 && d[4] == "I-ORG" {
			t.Errorf("default style %q: %v: the acronym is not a span of its own", strings.Join(words, " "), d)
		}
	}
}

// TestRepairTables checks that every table the repair rules ask a token or a
// word about (s.in(table, k), lowerIn(table, w)) has its words in the Bloom
// filter that spanSet.in and lowerIn read first.
func TestRepairTables(t *testing.T) {
	tables := map[string]map[string]bool{
		"buildingHeads": buildingHeads, "companyForm": companyForm, "dayNames": dayNames,
		"directions": directions, "headlineLower": headlineLower, "keepTitles": keepTitles,
		"lawWords": lawWords, "nameAbbrevs": nameAbbrevs, "nameConnectors": nameConnectors, "orgAnnouncers": orgAnnouncers,
		"orgHeads": orgHeads, "orgTitles": orgTitles, "placeHeads": placeHeads,
		"regionTitles": regionTitles, "stationKinds": stationKinds,
		// The tables of the NERGrit style.
		"areaNouns": areaNouns, "folkTitles": folkTitles, "tongueNouns": tongueNouns,
		"lowerHeads": lowerHeads, "workNouns": workNouns, "eventWords": eventWords,
		"nameParticles": nameParticles,
		// The tables of the gates.
		"lowerPlaceHeads": lowerPlaceHeads, "listJoiners": listJoiners, "stationWords": stationWords,
		"hallWords": hallWords, "titleLeads": titleLeads, "openBrackets": openBrackets, "sideWords": sideWords,
	}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi fs.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	calls := 0
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) != 2 {
					return true
				}
				switch fun := call.Fun.(type) {
				case *ast.SelectorExpr:
					if fun.Sel.Name != "in" {
						return true
					}
				case *ast.Ident:
					if fun.Name != "lowerIn" {
						return true
					}
				default:
					return true
				}
				calls++
				id, ok := call.Args[0].(*ast.Ident)
				if !ok {
					t.Errorf("%s: spanSet.in is asked about %T, not a table of repairTables", fset.Position(call.Pos()), call.Args[0])
					return true
				}
				if _, ok := tables[id.Name]; !ok {
					t.Errorf("%s: spanSet.in is asked about %s: add it to repairTables and to this test", fset.Position(call.Pos()), id.Name)
				}
				return true
			})
		}
	}
	if calls < 20 {
		t.Fatalf("found %d calls of spanSet.in: is the test still reading the rules?", calls)
	}
	for name, tab := range tables {
		if tab[""] {
			t.Errorf("%s holds the empty word, which spanSet.in takes a full stop alone for", name)
		}
		for w := range tab {
			if !repairWords.mayHave(fnvLower(fnvOffset, w)) {
				t.Errorf("%s: %q is not in repairWords: add the table to repairTables", name, w)
			}
		}
	}
}
