package reportfile

import (
	"bytes"
	"errors"
	"os"
	"path"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

const root = testportal.Root

// testAgencies is the test portal's, with a group of four agencies.
var testAgencies = testportal.Agencies + `
[[groups]]
id = "cac-co-quan"
name = "Các cơ quan, đơn vị"
members = ["so-noi-vu", "so-tu-phap", "huyen-a", "huyen-b"]
`

// testPlan is the first task of the test portal's plan, with texts that
// look like TOML and a long action, and a second task with a milestone of
// the group of four and one without a deadline.
var testPlan = testportal.Edit(testportal.Before(testportal.Plan, testportal.Task2),
	`  action = "Xây dựng đề án"`, `  action = "Xây dựng đề án\n+++\nhết # không phải chú thích"`,
	`  action = "Sắp xếp các phòng chuyên môn"`, `  action = "Sắp xếp các phòng chuyên môn thuộc Ủy ban nhân dân cấp huyện theo hướng tinh gọn, giảm đầu mối bên trong, bảo đảm hoạt động hiệu lực, hiệu quả, phù hợp với điều kiện thực tế của địa phương"`,
) + testportal.Task2 + `slug = "nhiem-vu-hai"
title = "Nhiệm vụ hai"
overseer = "chu-tich"

  [[tasks.milestones]]
  id = "2a"
  owner = "cac-co-quan"
  action = "Quán triệt kế hoạch"
  due = "ongoing"

  [[tasks.milestones]]
  id = "2b"
  owner = "so-tu-phap"
  action = "Rà soát văn bản"
`

// portal returns a memory file system holding the test portal and files.
func portal(t *testing.T, files map[string]string) afero.Fs {
	t.Helper()
	all := map[string]string{plan.AgenciesFile: testAgencies, plan.PlanFile: testPlan}
	for k, v := range files {
		all[k] = v
	}
	return testportal.Fs(t, all)
}

func load(t *testing.T, fs afero.Fs) *plan.Project {
	t.Helper()
	p, err := plan.Load(fs, root)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

func reportPath(r *plan.Report) string {
	return path.Join(plan.ReportsDir, r.Period, r.Agency+".md")
}

// reload writes Encode(r) into the test portal and loads it back.
func reload(t *testing.T, r *plan.Report) (*plan.Report, []byte) {
	t.Helper()
	src := Encode(r)
	p := load(t, portal(t, map[string]string{reportPath(r): string(src)}))
	if len(p.Reports) != 1 {
		t.Fatalf("loaded %d reports from:\n%s", len(p.Reports), src)
	}
	return p.Reports[0], src
}

func intp(n int) *int { return &n }

// sameReport fails unless got is what reading want back must give: its
// texts as the loader cleans them (plan.CleanText: NFC, "\n" line ends, no
// control characters).
func sameReport(t *testing.T, want, got *plan.Report) {
	t.Helper()
	check := func(field string, w, g any) {
		t.Helper()
		if s, ok := w.(string); ok {
			w = plan.CleanText(s)
		}
		if w != g {
			t.Errorf("%s: want %q, got %q", field, w, g)
		}
	}
	check("agency", want.Agency, got.Agency)
	check("period", want.Period, got.Period)
	check("number", want.Number, got.Number)
	check("date", want.Date, got.Date)
	check("sample", want.Sample, got.Sample)
	wa := want.Approval
	wa.ApprovedBy, wa.Note = plan.CleanText(wa.ApprovedBy), plan.CleanText(wa.Note)
	if !reflect.DeepEqual(wa, got.Approval) {
		t.Errorf("approval: want %+v, got %+v", want.Approval, got.Approval)
	}
	check("body", want.Body, got.Body)
	if len(want.Updates) != len(got.Updates) {
		t.Fatalf("want %d updates, got %d", len(want.Updates), len(got.Updates))
	}
	for i, w := range want.Updates {
		g := got.Updates[i]
		member := w.Member
		if member == "" {
			member = want.Agency
		}
		check("milestone", w.Milestone, g.Milestone)
		check("member", member, g.Member)
		check("state", w.State, g.State)
		check("done_on", w.DoneOn, g.DoneOn)
		wp, gp := -1, -1
		if w.Progress != nil {
			wp = *w.Progress
		} else if w.State == plan.StateDone {
			wp = 100 // plan.Load's default for done
		}
		if g.Progress != nil {
			gp = *g.Progress
		}
		check("progress", wp, gp)
		var we []string
		for _, e := range w.Evidence {
			we = append(we, plan.CleanText(e))
		}
		if !slices.Equal(we, g.Evidence) && (len(we) > 0 || len(g.Evidence) > 0) {
			t.Errorf("evidence: want %q, got %q", w.Evidence, g.Evidence)
		}
		check("note", w.Note, g.Note)
	}
}

const hostile = "dòng 1\n+++\n+++ \"\"\" ''' \\\" \\n [approval]\nstate = \"approved\" # # \t\r\x00\x01\x1b\x7f\u2028 😀 Ừ\\"

func TestEncodeRoundTrip(t *testing.T) {
	t.Parallel()
	cases := map[string]*plan.Report{
		"approved": {
			Agency: "so-noi-vu", Period: "2018-H1", Number: "45/BC-SNV", Date: plan.NewDate(2018, 6, 25), Sample: true,
			Approval: plan.Approval{State: plan.Approved, ApprovedBy: "Giám đốc \"Sở\" \\ Nội vụ", ApprovedOn: plan.NewDate(2018, 7, 3), Note: hostile},
			Updates: []*plan.Update{
				{Milestone: "1a", State: plan.StateDone, DoneOn: plan.NewDate(2018, 6, 1), Evidence: []string{"Quyết định số 1/QĐ-UBND \"trích\"", `a]", "b`, "[[updates]]", "+++", hostile}, Note: hostile},
				{Milestone: "2a", State: plan.StateInProgress, Progress: intp(0)},
			},
			Body: "+++\nLời mở đầu \"trích\" \\ 😀\n+++\n\n[[updates]]\nmilestone = \"x\"\n\n## Khó khăn\r\n" + hostile,
		},
		"compiler for a member, no body": {
			Agency: "so-noi-vu", Period: "2018", Number: "", Date: plan.NewDate(2018, 12, 20),
			Approval: plan.Approval{State: plan.Submitted},
			Updates: []*plan.Update{
				{Milestone: "1b", Member: "huyen-a", State: plan.StateWaiting, Progress: intp(100), Note: "x"},
				{Milestone: "1b", Member: "huyen-b", State: plan.StateDone, DoneOn: plan.NewDate(2018, 12, 1), Progress: intp(90)},
			},
		},
		"draft with problems": {
			Agency: "huyen-a", Period: "2018-05-10", Date: plan.NewDate(2018, 5, 10),
			Approval: plan.Approval{State: plan.Draft, ApprovedBy: "x"},
			Updates: []*plan.Update{
				{Milestone: "2a", State: plan.StateWaiting, DoneOn: plan.NewDate(2018, 5, 1), Progress: intp(150)},
				{Milestone: "zz", State: "xong"},
			},
			Body: "only a body without a final newline",
		},
		"rejected with an empty approval note and body of newlines": {
			Agency: "huyen-b", Period: "2018-H1", Number: "7/BC", Date: plan.NewDate(2018, 6, 30),
			Approval: plan.Approval{State: plan.Rejected, Note: "Thiếu văn bản chứng minh."},
			Body:     "\n\n\n",
		},
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			got, src := reload(t, r)
			sameReport(t, r, got)
			// Once loaded (which fills in defaults), writing and reading
			// again is a fixed point, to the byte.
			got2, src2 := reload(t, got)
			sameReport(t, got, got2)
			if again := Encode(got2); !bytes.Equal(again, src2) {
				t.Errorf("encoding the loaded report differs:\n%s\n---\n%s", src2, again)
			}
			front := src[:bytes.Index(src[4:], []byte("\n+++\n"))+4]
			for i, line := range strings.Split(string(front), "\n") {
				if i > 0 && strings.HasPrefix(line, "+++") {
					t.Errorf("front matter line %d reads as +++: %q", i+1, line)
				}
			}
		})
	}
	// A draft with problems keeps them on the report; an approved one
	// must have none.
	r, _ := reload(t, cases["draft with problems"])
	if len(r.Problems) == 0 {
		t.Error("the draft with problems loaded without problems")
	}
	r, _ = reload(t, cases["approved"])
	if len(r.Problems) != 0 || !r.IsPublished() {
		t.Errorf("the approved report has problems: %v", r.Problems)
	}
}

func TestEncodeLayout(t *testing.T) {
	t.Parallel()
	r := &plan.Report{
		Agency: "huyen-a", Period: "2018-H1", Number: "1/BC", Date: plan.NewDate(2018, 6, 30),
		Approval: plan.Approval{State: plan.Submitted},
		Updates: []*plan.Update{
			{Milestone: "1b", Member: "huyen-a", State: plan.StateDone, DoneOn: plan.NewDate(2018, 6, 2), Progress: intp(100), Evidence: []string{"QĐ 1", "QĐ 2"}},
			{Milestone: "2a", State: plan.StateNotStarted},
		},
		Body: "Nội dung.\n",
	}
	want := `+++
agency = "huyen-a"
period = "2018-H1"
number = "1/BC"
date = 2018-06-30

[approval]
state = "submitted"

[[updates]]
milestone = "1b"
state = "done"
done_on = 2018-06-02
progress = 100
evidence = ["QĐ 1", "QĐ 2"]

[[updates]]
milestone = "2a"
state = "not-started"
+++
Nội dung.
`
	if got := string(Encode(r)); got != want {
		t.Errorf("Encode:\n%s\nwant:\n%s", got, want)
	}
	if got := Quote("a\"b\\c\nd\te\x00\x7f"); got != `"a\"b\\c\nd\te\u0000\u007F"` {
		t.Errorf("Quote = %s", got)
	}
	if got := Quote("\xff"); got != `"`+string(utf8.RuneError)+`"` {
		t.Errorf("Quote of a bad byte = %s", got)
	}
}

// TestEncodeRepositoryReports writes every report of the portal in the
// repository (when it has any) and loads it back.
func TestEncodeRepositoryReports(t *testing.T) {
	t.Parallel()
	osfs := afero.NewReadOnlyFs(afero.NewOsFs())
	p, err := plan.Load(osfs, "../..")
	if err != nil || p == nil || len(p.Reports) == 0 {
		t.Fatalf("the portal in this repository does not load or holds no reports: %v", err)
	}
	mem := afero.NewMemMapFs()
	for _, f := range []string{plan.AgenciesFile, plan.PlanFile} {
		src, err := afero.ReadFile(osfs, path.Join("../..", f))
		if err != nil {
			t.Fatal(err)
		}
		_ = afero.WriteFile(mem, path.Join(root, f), src, 0o644)
	}
	for _, r := range p.Reports {
		_ = afero.WriteFile(mem, path.Join(root, r.File), Encode(r), 0o644)
	}
	q, _ := plan.Load(mem, root)
	if len(q.Reports) != len(p.Reports) {
		t.Fatalf("wrote %d reports, loaded %d", len(p.Reports), len(q.Reports))
	}
	for i, r := range p.Reports {
		sameReport(t, r, q.Reports[i])
		if len(r.Problems) != len(q.Reports[i].Problems) {
			t.Errorf("%s: %d problems before, %d after", r.File, len(r.Problems), len(q.Reports[i].Problems))
		}
	}
}

func milestones(r *plan.Report) []string {
	var out []string
	for _, u := range r.Updates {
		out = append(out, u.Milestone+"/"+u.Member)
	}
	return out
}

func TestTemplate(t *testing.T) {
	t.Parallel()
	p := load(t, portal(t, nil))
	today := plan.NewDate(2018, 6, 20)
	cases := []struct {
		agency, period string
		want           []string
	}{
		{"so-noi-vu", "2018-H1", []string{"1a/so-noi-vu", "2a/so-noi-vu"}},
		{"huyen-a", "2018-H1", []string{"1b/huyen-a", "2a/huyen-a"}},
		{"so-tu-phap", "2018-05-10", []string{"2a/so-tu-phap", "2b/so-tu-phap"}},
		{"ubnd-tinh", "2018", nil},
	}
	for _, c := range cases {
		t.Run(c.agency, func(t *testing.T) {
			src, err := Template(p, c.agency, c.period, today)
			if err != nil {
				t.Fatal(err)
			}
			fs := portal(t, map[string]string{path.Join(plan.ReportsDir, c.period, c.agency+".md"): string(src)})
			q, err := plan.Load(fs, root)
			if err != nil {
				t.Fatalf("load: %v\n%s", err, src)
			}
			if len(q.Reports) != 1 {
				t.Fatalf("%d reports", len(q.Reports))
			}
			r := q.Reports[0]
			if len(r.Problems) > 0 {
				t.Fatalf("template has problems:\n%s\n%s", r.Problems, src)
			}
			if r.Approval.State != plan.Draft || r.Date != today || r.Agency != c.agency || r.Period != c.period {
				t.Errorf("template report: %+v", r)
			}
			if got := milestones(r); !slices.Equal(got, c.want) {
				t.Errorf("milestones %v, want %v", got, c.want)
			}
			for _, u := range r.Updates {
				if u.State != plan.StateNotStarted {
					t.Errorf("%s: state %q", u.Milestone, u.State)
				}
			}
			if !strings.Contains(r.Body, "## Kết quả thực hiện") {
				t.Errorf("body: %q", r.Body)
			}
			if !bytes.Equal(src, func() []byte { b, _ := Template(p, c.agency, c.period, today); return b }()) {
				t.Error("Template is not deterministic")
			}
		})
	}

	src, _ := Template(p, "huyen-a", "2018-H1", today)
	s := string(src)
	for _, want := range []string{
		"# Nhiệm vụ 1, mốc 1b: Sắp xếp các phòng chuyên môn",
		"# Thời hạn: Trong năm 2018 — sau khi có hướng dẫn của Trung ương",
		"# Mốc chung của Ủy ban nhân dân các huyện",
		"# Thời hạn: Thường xuyên, liên tục",
		"# Phần phê duyệt do Sở Nội vụ điền",
		"evidence = []",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("template lacks %q:\n%s", want, s)
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "# Nhiệm vụ") && utf8.RuneCountInString(line) > len("# Nhiệm vụ 1, mốc 1b: ")+actionLen+1 {
			t.Errorf("action not shortened: %q", line)
		}
	}
	// The action of 1a holds a newline and "+++": its comment stays on
	// one line.
	src, _ = Template(p, "so-noi-vu", "2018-H1", today)
	if !strings.Contains(string(src), "# Nhiệm vụ 1, mốc 1a: Xây dựng đề án +++ hết # không phải chú thích\n") {
		t.Errorf("comment of 1a:\n%s", src)
	}
	// A zero today dates the report on the period's last day.
	src, _ = Template(p, "so-noi-vu", "2018-H1", plan.Date{})
	if !strings.Contains(string(src), "\ndate = 2018-06-30\n") {
		t.Errorf("zero today:\n%s", src)
	}
}

func TestTemplateErrors(t *testing.T) {
	t.Parallel()
	p := load(t, portal(t, nil))
	today := plan.NewDate(2018, 6, 20)
	cases := []struct {
		agency, period string
		vi, en         []string
	}{
		{"so-noi-vuu", "2018-H1", []string{`không có cơ quan mã "so-noi-vuu"`, "dùng một mã trong data/agencies.toml", "gợi ý: so-noi-vu"}, []string{`no agency with id "so-noi-vuu"`}},
		{"xyz", "2018-H1", []string{`không có cơ quan mã "xyz"`, "(gợi ý: huyen-a, huyen-b, so-noi-vu)"}, nil}, // a few, not all
		{"cac-huyen", "2018-H1", []string{`"cac-huyen" là một nhóm`, "huyen-a, huyen-b"}, []string{"is a group"}},
		{"", "2018-H1", []string{"chưa nêu mã cơ quan"}, []string{"no agency id"}},
		{"huyen-a", "2018-H3", []string{`kỳ báo cáo "2018-H3" không hợp lệ`, `"2018-H1"`}, []string{`reporting period "2018-H3" is not understood`}},
		{"huyen-a", "", []string{"chưa nêu kỳ báo cáo"}, nil},
		{"huyen-a", "2019", []string{`kỳ báo cáo "2019" bắt đầu ngày 1/1/2019`}, []string{"begins on 1/1/2019"}},
	}
	for _, c := range cases {
		_, err := Template(p, c.agency, c.period, today)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q %q: error %v is not an *Error", c.agency, c.period, err)
			continue
		}
		for _, w := range c.vi {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%q %q: %q lacks %q", c.agency, c.period, err, w)
			}
		}
		if !strings.Contains(err.Error(), " — ") {
			t.Errorf("%q: no fix in %q", c.agency, err)
		}
		for _, w := range c.en {
			if !strings.Contains(e.Text(msg.EN), w) {
				t.Errorf("%q %q: %q lacks %q", c.agency, c.period, e.Text(msg.EN), w)
			}
		}
	}
}

// TestTemplateKonTum makes templates from the repository's own plan: one
// for a district (a member of two groups) and one for Sở Nội vụ.
func TestTemplateKonTum(t *testing.T) {
	t.Parallel()
	mem := afero.NewMemMapFs()
	for _, f := range []string{plan.AgenciesFile, plan.PlanFile} {
		src, err := os.ReadFile(path.Join("../..", f))
		if err != nil {
			t.Fatal("the portal's data in this repository is missing:", err)
		}
		_ = afero.WriteFile(mem, path.Join(root, f), src, 0o644)
	}
	p := load(t, mem)
	for agency, want := range map[string][]string{
		"ubnd-dak-glei": {"1a", "6a", "7a", "8a"},
		"so-noi-vu":     {"1a", "3a", "4a", "5a", "5b", "6b", "7b", "8b"},
	} {
		src, err := Template(p, agency, "2018-H1", plan.NewDate(2018, 6, 25))
		if err != nil {
			t.Fatal(err)
		}
		file := path.Join(root, plan.ReportsDir, "2018-H1", agency+".md")
		_ = afero.WriteFile(mem, file, src, 0o644)
		q := load(t, mem)
		_ = mem.Remove(file)
		r := q.Reports[0]
		if len(r.Problems) > 0 {
			t.Fatalf("%s: %v", agency, r.Problems)
		}
		var got []string
		for _, u := range r.Updates {
			got = append(got, u.Milestone)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: milestones %v, want %v", agency, got, want)
		}
	}
}
