package plan

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/text/unicode/norm"
)

// TestKonTumPlanMatchesTheSeed checks the repository's data/ against the
// source document (shared/seeds/000_62b1e7e5e0e1f105.txt).
func TestKonTumPlanMatchesTheSeed(t *testing.T) {
	t.Parallel()
	p, err := Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the Kon Tum portal does not load:\n%v", err)
	}
	pl := p.Plan
	if len(pl.Tasks) != 8 {
		t.Fatalf("%d tasks, the plan has 8", len(pl.Tasks))
	}
	for i, task := range pl.Tasks {
		if task.Number != i+1 {
			t.Errorf("task %d is numbered %d", i+1, task.Number)
		}
	}
	overseers := map[int]string{1: "pho-chu-tich-tttt", 2: "pho-chu-tich-thuong-truc"}
	for n := 3; n <= 8; n++ {
		overseers[n] = "chu-tich"
	}
	for _, task := range pl.Tasks {
		if task.Overseer != overseers[task.Number] {
			t.Errorf("task %d is overseen by %q, the plan says %q", task.Number, task.Overseer, overseers[task.Number])
		}
	}
	if r := p.Agencies.Role("pho-chu-tich-tttt"); r == nil || !strings.Contains(r.Title, "Thông tin và Truyền thông") {
		t.Errorf("the vice chairman for ICT is missing or misnamed: %+v", r)
	}

	// Task 6: two milestones with their own owners and quarters.
	six := pl.Tasks[5]
	if len(six.Milestones) != 2 {
		t.Fatalf("task 6 has %d milestones, want 2", len(six.Milestones))
	}
	for i, want := range []struct{ owner, due string }{
		{"ubnd-cac-huyen-thanh-pho", "2018-Q3"},
		{"so-noi-vu", "2018-Q4"},
	} {
		m := six.Milestones[i]
		if m.Owner != want.owner || m.Due.String() != want.due {
			t.Errorf("task 6 milestone %s: owner %s due %s, want %s due %s", m.ID, m.Owner, m.Due, want.owner, want.due)
		}
	}
	if w := six.Milestones[0].Due.Words("vi"); w != "Trong quý III/2018" {
		t.Errorf("6a's deadline reads %q", w)
	}

	// Deadlines and conditions as the plan words them.
	// Task 1 has no "Thời gian thực hiện": neither of its milestones has a due.
	dues := map[string]string{"1a": "", "1b": "", "2a": "2018", "3a": "from 2018", "4a": "2018-Q2", "5a": "ongoing",
		"7a": "2018-Q2", "7b": "2018-Q3", "8a": "2018-Q2", "8b": "2018-Q3"}
	conditional := map[string]bool{"2a": true, "3a": true, "5b": true}
	for _, task := range pl.Tasks {
		for _, m := range task.Milestones {
			if want, ok := dues[m.ID]; ok && m.Due.String() != want {
				t.Errorf("%s is due %q, the plan says %q", m.ID, m.Due, want)
			}
			if conditional[m.ID] != (m.Condition != "") {
				t.Errorf("%s: condition %q", m.ID, m.Condition)
			}
		}
	}

	// The ten district-level committees of 2018.
	g := p.Agencies.Group("ubnd-cac-huyen-thanh-pho")
	if g == nil || len(g.Members) != 10 {
		t.Fatalf("the group of district committees: %+v", g)
	}
	var names []string
	for _, a := range p.Agencies.Members(g.ID) {
		names = append(names, a.Name)
	}
	all := strings.Join(names, "|")
	for _, d := range []string{"thành phố Kon Tum", "Đắk Glei", "Ngọc Hồi", "Đắk Tô", "Kon Plông", "Kon Rẫy", "Đắk Hà", "Sa Thầy", "Tu Mơ Rông", "Ia H'Drai"} {
		if !strings.Contains(all, d) {
			t.Errorf("district %s is missing from the group", d)
		}
	}
	if p.Agencies.Group("cac-co-quan-don-vi") == nil {
		t.Error("the group of every unit is missing")
	}

	// The legal basis and the duty to report.
	var basis []string
	for _, b := range pl.Basis {
		basis = append(basis, b.Number)
	}
	for _, n := range []string{"18-NQ/TW", "07-KH/TW", "56/2017/QH14", "10/NQ-CP"} {
		if !strings.Contains(strings.Join(basis, " "), n) {
			t.Errorf("basis document %s is missing", n)
		}
	}
	if pl.Reporting.Compiler != "so-noi-vu" || !strings.Contains(pl.Reporting.Text, "06 tháng") {
		t.Errorf("reporting duty: %+v", pl.Reporting)
	}

	// Vietnamese with diacritics, in NFC.
	if !strings.Contains(pl.Title, "Chương trình số 51-CTr/TU") || !norm.NFC.IsNormalString(pl.Title) {
		t.Errorf("title: %q", pl.Title)
	}
	for _, task := range pl.Tasks {
		for _, m := range task.Milestones {
			if !norm.NFC.IsNormalString(m.Action) || !strings.ContainsAny(m.Action, "ạảãáàâấầậẩẫăắằặẳẵđêếềệểễôốồộổỗơớờợởỡưứừựửữíìịỉĩúùụủũóòọỏõéèẹẻẽýỳỵỷỹ") {
				t.Errorf("%s: action without Vietnamese diacritics: %q", m.ID, m.Action)
			}
		}
	}
}
