package entity

import "testing"

// In the NERGrit style the noun of an area stays outside the place it names.
func TestAreaPlaces(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).areaPlaces, []ruleCase{
		{"yang beralamat di Kawasan Bahu Mall , Manado", []span{{3, 6, LOC}, {7, 8, LOC}}, []span{{4, 6, LOC}, {7, 8, LOC}}},
		{"berasal dari daerah Soping dan", []span{{2, 4, LOC}}, []span{{3, 4, LOC}}},
		{"di bawah bukit Sudaji .", []span{{2, 4, LOC}}, []span{{3, 4, LOC}}},
		// A capitalised Daerah, Bukit or Pegunungan starts a name; an
		// organisation keeps its words; a noun alone is left as it is.
		{"di Daerah Istimewa Yogyakarta .", []span{{1, 4, LOC}}, []span{{1, 4, LOC}}},
		{"di Bukit Tinggi .", []span{{1, 3, LOC}}, []span{{1, 3, LOC}}},
		{"Kepala Wilayah Mojolaban", []span{{0, 3, ORG}}, []span{{0, 3, ORG}}},
		{"di Kawasan itu", []span{{1, 2, LOC}}, []span{{1, 2, LOC}}},
	})
}

// In the NERGrit style words of address of kin and of the street, and the
// roles of a crew, stay outside a person.
func TestPersonFolkTitles(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).personFolkTitles, []ruleCase{
		{"Menurut Mbah Surip , dia", []span{{1, 3, PER}}, []span{{2, 3, PER}}},
		{"pilot Capt Jarot , Copilot Dwiyanto", []span{{1, 3, PER}, {4, 6, PER}}, []span{{2, 3, PER}, {5, 6, PER}}},
		// Not a nickname's part (Cak Imin), nor a title alone.
		{"disapa Cak Imin itu", []span{{1, 3, PER}}, []span{{1, 3, PER}}},
		{"kata Mbah .", []span{{1, 2, PER}}, []span{{1, 2, PER}}},
	})
}

// In the NERGrit style a tongue or a people after bahasa, suku or etnis is not
// a place, unless the lists of places know it.
func TestTongues(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).tongues, []ruleCase{
		{"dalam bahasa Bengali , Punjabi , dan Tamil .", []span{{2, 3, LOC}, {4, 5, LOC}, {7, 8, LOC}}, nil},
		{"beretnis Tionghoa , Jawa , Sunda", []span{{1, 2, LOC}, {3, 4, LOC}, {5, 6, LOC}}, []span{{3, 4, LOC}}},
		// A place of the lists, a name of two words, a capitalised Suku inside
		// a name and a place after the list are left as they are.
		{"dalam bahasa Inggris", []span{{2, 3, LOC}}, []span{{2, 3, LOC}}},
		{"Bahasa Dayak Ngaju", []span{{1, 3, LOC}}, []span{{1, 3, LOC}}},
		{"Kecamatan Suku Tengah", []span{{0, 3, LOC}}, []span{{0, 3, LOC}}},
		{"berbahasa Tamil di Chennai", []span{{1, 2, LOC}, {3, 4, LOC}}, []span{{3, 4, LOC}}},
	})
}

// In the NERGrit style a head of a place written in lower case is part of it.
func TestLowerHeadPlaces(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).lowerHeadPlaces, []ruleCase{
		{"bangunan vital kota Ambon .", []span{{3, 4, LOC}}, []span{{2, 4, LOC}}},
		{"Jimerto dan jalan Ambengan ,", []span{{0, 1, LOC}, {3, 4, LOC}}, []span{{0, 1, LOC}, {2, 4, LOC}}},
		// Not the kota of ibu kota, nor a capitalised head the model left out.
		{"ibu kota Jakarta", []span{{2, 3, LOC}}, []span{{2, 3, LOC}}},
		{"Ketua RT Desa Sukamaju", []span{{3, 4, LOC}}, []span{{3, 4, LOC}}},
	})
}

// In the NERGrit style the title of a work or a show after serial, sinetron,
// berjudul or acara is not a name.
func TestWorkTitles(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).workTitles, []ruleCase{
		{"lewat serial John Doe ( 2002 )", []span{{2, 4, PER}}, nil},
		{"drama pertama berjudul \" Mito Komon \"", []span{{4, 6, PER}}, nil},
		// Not after a capitalised noun (a name's word), nor further on.
		{"di Program Studi Ilmu Komputer", []span{{2, 5, ORG}}, []span{{2, 5, ORG}}},
		{"serial itu dibintangi Selena Gomez", []span{{3, 5, PER}}, []span{{3, 5, PER}}},
	})
}

// In the NERGrit style the names of competitions, games, cups and awards are
// not names.
func TestEventNames(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).eventNames, []ruleCase{
		{"berlaga di AFC Cup .", []span{{2, 4, ORG}}, nil},
		{"dan Asian Games saat", []span{{1, 3, PER}}, nil},
		{"menjuarai Tiongkok Terbuka ,", []span{{1, 3, LOC}}, nil},
		// A university named open, an organisation inside a cup's name and
		// La Liga stay.
		{"kuliah di Universitas Terbuka .", []span{{2, 4, ORG}}, []span{{2, 4, ORG}}},
		{"di ajang Piala FA ,", []span{{3, 4, ORG}}, []span{{3, 4, ORG}}},
		{"mencapai La Liga pertama", []span{{1, 3, ORG}}, []span{{1, 3, ORG}}},
	})
}

// In the NERGrit style the number of a house is part of its street.
func TestStreetNumbers(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).streetNumbers, []ruleCase{
		{"flat di Jalan Salemba 10 .", []span{{2, 4, LOC}}, []span{{2, 5, LOC}}},
		{"menunjukan jalan Belitung no 8 sedangkan", []span{{1, 3, LOC}}, []span{{1, 5, LOC}}},
		{"di Jalan Sudirman 12A ,", []span{{1, 3, LOC}}, []span{{1, 4, LOC}}},
		// Not a year, nor after a place that is no street.
		{"di Jalan Sudirman 2019", []span{{1, 3, LOC}}, []span{{1, 3, LOC}}},
		{"di Desa Sukamaju 2 ,", []span{{1, 3, LOC}}, []span{{1, 3, LOC}}},
	})
}

// In the NERGrit style a nickname in quotes is part of the name around it.
func TestQuotedNicknames(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).quotedNicknames, []ruleCase{
		{"dan Michael \" Flea \" Balzary .", []span{{1, 2, PER}}, []span{{1, 6, PER}}},
		{"Robert \" Robbie \" Mark Gaspar (", []span{{4, 6, PER}}, []span{{0, 6, PER}}},
		// Not without a person beside it, nor into a place or an
		// organisation.
		{"Setelah \" Dalem \" Kawedanan Bekonang", []span{{4, 6, LOC}}, []span{{4, 6, LOC}}},
		{"band Jakarta \" Rock \" Budi", []span{{1, 2, LOC}, {5, 6, PER}}, []span{{1, 2, LOC}, {5, 6, PER}}},
	})
}

// In the NERGrit style a particle of descent or an article inside a person's
// name joins the parts the model split.
func TestPersonParticles(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).personParticles, []ruleCase{
		{"Haji Abdurrachman bin Ali mengajukan", []span{{1, 2, PER}, {3, 4, PER}}, []span{{1, 4, PER}}},
		{". Thiago Emiliano da Silva ,", []span{{1, 3, PER}}, []span{{1, 5, PER}}},
		// Not into a place or an organisation, nor after di.
		{"Budi de Jakarta", []span{{0, 1, PER}, {2, 3, LOC}}, []span{{0, 1, PER}, {2, 3, LOC}}},
		{"Suhardi di RSPP", []span{{0, 1, PER}}, []span{{0, 1, PER}}},
	})
}

// In the NERGrit style a village's name written in lower case after its head,
// a word that the language does not know, is a place with the head.
func TestLowerVillages(t *testing.T) {
	checkRule(t, StyleNERGrit, (*spanSet).lowerVillages, []ruleCase{
		{"Sebagian penduduk desa kertobanyon bekerja", nil, []span{{2, 4, LOC}}},
		{"pelepasan kampung kampal dari kampung masigi 1 terjadi", nil, []span{{1, 3, LOC}, {4, 7, LOC}}},
		{"penduduk desa mbuang - mbuang adalah nelayan", nil, []span{{1, 5, LOC}}},
		{"penduduk desa mbuang - Mbuang adalah", []span{{4, 5, LOC}}, []span{{1, 5, LOC}}},
		// Words of the language, a capitalised name, the capital and a head
		// inside a span are left as they are.
		{"desa ini merupakan desa tertinggal dan desa wisata", nil, nil},
		{"di desa Sigong", []span{{2, 3, LOC}}, []span{{2, 3, LOC}}},
		{"ibu kota kertobanyon", nil, nil},
		{"Pemerintah desa puhgogor", []span{{0, 3, ORG}}, []span{{0, 3, ORG}}},
	})
}
