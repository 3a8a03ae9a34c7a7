package plan

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestKonTumAgenciesAndUnits checks the group "các cơ quan, đơn vị" of
// data/agencies.toml against the plan's definition (section I.2): the
// departments, boards and units under the Provincial People's Committee of
// Kon Tum in 2018, Ban Quản lý Khu kinh tế tỉnh and every district-level
// People's Committee; and that the list, which leaves out the public
// service units, says it is partial.
func TestKonTumAgenciesAndUnits(t *testing.T) {
	p, err := Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the Kon Tum portal does not load:\n%v", err)
	}
	r := p.Agencies
	g := r.Group("cac-co-quan-don-vi")
	if g == nil {
		t.Fatal("no group cac-co-quan-don-vi")
	}
	// The specialised agencies of Nghị định 24/2014/NĐ-CP (Article 8, and
	// Sở Ngoại vụ and Ban Dân tộc under Article 9), by name, with their kind.
	want := map[string]string{
		"Sở Nội vụ": "so", "Sở Tài chính": "so", "Sở Kế hoạch và Đầu tư": "so", "Sở Tư pháp": "so",
		"Sở Công Thương": "so", "Sở Nông nghiệp và Phát triển nông thôn": "so", "Sở Giao thông vận tải": "so",
		"Sở Xây dựng": "so", "Sở Tài nguyên và Môi trường": "so", "Sở Thông tin và Truyền thông": "so",
		"Sở Lao động - Thương binh và Xã hội": "so", "Sở Văn hóa, Thể thao và Du lịch": "so",
		"Sở Khoa học và Công nghệ": "so", "Sở Giáo dục và Đào tạo": "so", "Sở Y tế": "so",
		"Thanh tra tỉnh": "thanh-tra", "Văn phòng Ủy ban nhân dân tỉnh": "van-phong", "Sở Ngoại vụ": "so",
		"Ban Dân tộc tỉnh": "ban", "Ban Quản lý Khu kinh tế tỉnh": "ban",
	}
	districts := []string{"thành phố Kon Tum", "Đắk Hà", "Đắk Tô", "Ngọc Hồi", "Đắk Glei", "Sa Thầy",
		"Kon Rẫy", "Kon Plông", "Tu Mơ Rông", "Ia H'Drai"}
	members := map[string]*Agency{}
	for _, a := range r.Members(g.ID) {
		members[a.Name] = a
		if !a.Reports {
			t.Errorf("%s is a member but does not report (reports = false)", a.Name)
		}
	}
	for name, kind := range want {
		a := members[name]
		switch {
		case a == nil:
			t.Errorf("%s is not in the group", name)
		case a.Kind != kind:
			t.Errorf("%s has kind %q, want %q", name, a.Kind, kind)
		}
	}
	nd := 0
	for _, d := range districts {
		found := false
		for name, a := range members {
			if strings.HasSuffix(name, " "+d) && a.Kind == "huyen" {
				found = true
			}
		}
		if !found {
			t.Errorf("no district-level People's Committee of %s (kind huyen) in the group", d)
		}
		nd++
	}
	if len(members) != len(want)+nd {
		t.Errorf("the group has %d members, want %d", len(members), len(want)+nd)
	}
	// Every district is also in the districts' group, and no more.
	if h := r.Members("ubnd-cac-huyen-thanh-pho"); len(h) != len(districts) {
		t.Errorf("ubnd-cac-huyen-thanh-pho has %d members, want %d", len(h), len(districts))
	}
	// Bodies outside the group, by kind: the Party's are "dang".
	for id, kind := range map[string]string{"tinh-uy": "dang", "ban-thuong-vu-tinh-uy": "dang", "thuong-truc-tinh-uy": "dang",
		"ban-to-chuc-tinh-uy": "dang", "ubnd-tinh": "tinh", "ubmttq-tinh": "doan-the", "van-phong-hdnd-tinh": "van-phong"} {
		if a := r.Agency(id); a == nil || a.Kind != kind {
			t.Errorf("%s: %+v, want kind %q", id, a, kind)
		}
	}
	// The list leaves out the public service units: it says so.
	if !g.Partial || !strings.Contains(g.Scope, "đơn vị sự nghiệp") || g.ScopeEn == "" {
		t.Errorf("the group does not say that its list is partial: partial=%v scope=%q scope_en=%q", g.Partial, g.Scope, g.ScopeEn)
	}
}
