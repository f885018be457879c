package rootgen

import (
	"fmt"
	"testing"
)

func TestNasal(t *testing.T) {
	for _, c := range []struct{ root, me, pe string }{
		{"tulis", "menulis", "penulis"}, {"pukul", "memukul", "pemukul"},
		{"sapu", "menyapu", "penyapu"}, {"kirim", "mengirim", "pengirim"},
		{"bom", "mengebom", "pengebom"}, {"baca", "membaca", "pembaca"},
		{"dengar", "mendengar", "pendengar"}, {"lihat", "melihat", "pelihat"},
		{"ambil", "mengambil", "pengambil"}, {"jual", "menjual", "penjual"},
	} {
		if got := nasal("me", c.root); got != c.me {
			t.Errorf("meN- + %s = %s, want %s", c.root, got, c.me)
		}
		if got := nasal("pe", c.root); got != c.pe {
			t.Errorf("peN- + %s = %s, want %s", c.root, got, c.pe)
		}
	}
	if got := colloquial("tari"); got != "nari" {
		t.Errorf("colloquial(tari) = %q", got)
	}
	if got := ber("kerja"); got != "bekerja" {
		t.Errorf("ber(kerja) = %q", got)
	}
}

func TestSnowballRoots(t *testing.T) {
	voc := []string{"tulis", "menulis", "ditulis", "tulisan", "tulisannya", "penulis",
		"makan", "makanan", "dimakan", "memakan", "rumah", "rumahnya", "zaman"}
	roots := SnowballRoots(voc, nil)
	if fmt.Sprint(roots) != "[makan tulis]" {
		t.Errorf("roots %v", roots)
	}
	un := SnowballUnanalysed(voc, roots)
	if fmt.Sprint(un) != "[rumah zaman]" {
		t.Errorf("unanalysed %v", un)
	}
}

func ExampleSnowballRoots() {
	voc := []string{"tulis", "menulis", "ditulis", "tulisan", "penulis", "tulisannya"}
	fmt.Println(SnowballRoots(voc, nil))
	// Output:
	// [tulis]
}
