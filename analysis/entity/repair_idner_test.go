package entity

import "testing"

func TestGovernments(t *testing.T) {
	checkRule(t, StyleIdner, (*spanSet).governments, []ruleCase{
		{"dukungan bagi pemerintah Irak dan", nil, []span{{2, 4, ORG}}},
		{"Pemerintah Jerman menolak", []span{{1, 2, LOC}}, []span{{0, 2, ORG}}},
		{"pasukan pemerintah Suriah menyerang", []span{{1, 3, ORG}}, []span{{1, 3, ORG}}},
		// The head of a longer name, and a word that is no country.
		{"Pemerintah Kota Bekasi menolak", nil, nil},
		{"pemerintah Jokowi menolak", []span{{1, 2, PER}}, []span{{1, 2, PER}}},
	})
}

func TestRoleSpansAndBetweens(t *testing.T) {
	checkRule(t, StyleIdner, func(s *spanSet) { s.roleSpans(); s.betweens() }, []ruleCase{
		{"ujar Komisioner Komnas HAM Siti", []span{{1, 4, ORG}, {4, 5, PER}}, []span{{2, 4, ORG}, {4, 5, PER}}},
		{"kata Staf Khusus Presiden", []span{{1, 2, PER}}, nil},
		{"Kantor Staf Presiden menyatakan", []span{{0, 3, ORG}}, []span{{0, 3, ORG}}},
		{"Antara lain , 12 orang", []span{{0, 1, ORG}}, nil},
		{"Antara Surya Paloh dan Ical", []span{{0, 1, ORG}, {1, 3, PER}}, []span{{1, 3, PER}}},
		// The news agency.
		{"Antara melaporkan dari Jakarta", []span{{0, 1, ORG}, {3, 4, LOC}}, []span{{0, 1, ORG}, {3, 4, LOC}}},
	})
}

func TestStuckBrackets(t *testing.T) {
	checkRule(t, StyleIdner, (*spanSet).stuckBrackets, []ruleCase{
		{"dan Teten Masduki (PDIP), Yusuf", nil, []span{{3, 4, ORG}}},
		{"Lex Laksamana (Demokrat dan PAN), Ahmad", nil, []span{{2, 3, ORG}, {4, 5, ORG}}},
		{"alias Belo (Ghana) , Okwudili", nil, []span{{2, 3, LOC}}},
		// An acronym alone in its brackets, and a word no list knows.
		{"Kementerian Energi (ESDM) menyatakan", nil, nil},
		{"(Persero) menyatakan", nil, nil},
	})
}

func TestHonorificPersons(t *testing.T) {
	checkRule(t, StyleIdner, (*spanSet).honorificPersons, []ruleCase{
		{"Gus Dur mengatakan", []span{{1, 2, PER}}, []span{{0, 2, PER}}},
		{"KH Abdurrahman Wahid (Gus Dur)", []span{{1, 3, PER}, {3, 5, PER}}, []span{{0, 3, PER}, {3, 5, PER}}},
		{"mengajak Sultan Hamengku Buwono X", []span{{2, 5, PER}}, []span{{1, 5, PER}}},
		// A title of office stays out.
		{"kata Prof Hikmahanto", []span{{2, 3, PER}}, []span{{2, 3, PER}}},
	})
}

// In the idner style a capitalised Kantor, Gedung or Kompleks that di, ke or
// menuju lead to is a place with the organisation after it.
func TestPremisesOrgs(t *testing.T) {
	checkRule(t, StyleIdner, (*spanSet).premisesOrgs, []ruleCase{
		{"di Kantor Lingkaran Survei Indonesia", []span{{1, 5, ORG}}, []span{{1, 5, LOC}}},
		{"di Kantor Komisi Pemilihan Umum", []span{{1, 2, LOC}, {2, 5, ORG}}, []span{{1, 5, LOC}}},
		{"ke Gedung DPR", []span{{2, 3, ORG}}, []span{{1, 3, LOC}}},
		// A news agency as the subject stays an organisation.
		{"kata Kantor Berita IRNA", []span{{1, 4, ORG}}, []span{{1, 4, ORG}}},
		// A person after the head is no organisation to take.
		{"di Kediaman Soekarno", []span{{2, 3, PER}}, []span{{2, 3, PER}}},
	})
}
