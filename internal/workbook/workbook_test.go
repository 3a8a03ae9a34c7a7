package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

const root = testportal.Root

// basePlan is the test portal's first task (1b with a deliverable) and a
// second task with a group milestone without a condition (2a) and one of
// huyen-a's own, ongoing (2b).
var basePlan = testportal.Edit(testportal.Before(testportal.Plan, testportal.Task2),
	"  action = \"Sắp xếp các phòng chuyên môn\"\n", "  action = \"Sắp xếp các phòng chuyên môn\"\n  deliverable = \"Đề án sắp xếp\"\n",
) + testportal.Task2 + `slug = "nhiem-vu-hai"
title = "Nhiệm vụ hai"
overseer = "chu-tich"

  [[tasks.milestones]]
  id = "2a"
  owner = "cac-huyen"
  action = "Rà soát thôn, tổ dân phố"
  due = "2018"

  [[tasks.milestones]]
  id = "2b"
  owner = "huyen-a"
  action = "Tuyên truyền thường xuyên"
  due = "ongoing"
`

// The small portal of the tests (internal/testportal's agencies): huyen-a
// reports on 1b (a group milestone with a condition), 2a (a group milestone
// without) and 2b (its own, ongoing).
var basePortal = testportal.Files(map[string]string{
	plan.PlanFile: basePlan,
	"content/bao-cao/2018-H1/huyen-a.md": `+++
agency = "huyen-a"
period = "2018-H1"
number = "5/BC-UBND"
date = 2018-06-25

[approval]
state = "approved"
approved_by = "Giám đốc Sở Nội vụ"
approved_on = 2018-07-02

[[updates]]
milestone = "1b"
state = "in-progress"
progress = 30

[[updates]]
milestone = "2b"
state = "in-progress"
+++
Sáu tháng đầu năm.
`,
})

// newPortal returns a memory copy of the test portal.
func newPortal(t *testing.T) afero.Fs {
	t.Helper()
	return testportal.Fs(t, basePortal)
}

func load(t *testing.T, fs afero.Fs) *plan.Project {
	t.Helper()
	p, err := plan.Load(fs, root)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return p
}

func findReport(p *plan.Project, agency, period string) *plan.Report {
	for _, r := range p.Reports {
		if r.Agency == agency && r.Period == period {
			return r
		}
	}
	return nil
}

func snapshot(p *plan.Project) *status.Snapshot {
	asOf, ok := status.LatestAsOf(p)
	if !ok {
		return nil
	}
	return status.Derive(p, asOf)
}

func write(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// percent is a fraction in a cell formatted as a percentage.
type percent float64

// inline is a text written as a rich text run.
type inline string

func set(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	var err error
	switch x := v.(type) {
	case percent:
		// A number in a cell formatted as a percentage, as Excel stores
		// what shows as 60%: 0.6, with number format 9 ("0%").
		style, serr := f.NewStyle(&excelize.Style{NumFmt: 9})
		if serr != nil {
			t.Fatal(serr)
		}
		if err = f.SetCellFloat(sheet, cell, float64(x), -1, 64); err == nil {
			err = f.SetCellStyle(sheet, cell, cell, style)
		}
	case inline:
		// Text stored in the cell itself rather than in the shared
		// strings, as some programs save it.
		err = f.SetCellRichText(sheet, cell, []excelize.RichTextRun{{Text: string(x)}})
	case string:
		err = f.SetCellStr(sheet, cell, x)
	default:
		err = f.SetCellValue(sheet, cell, x)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// fill fills in the workbook of huyen-a for 2018 as an agency would.
func fill(t *testing.T, f *excelize.File) {
	t.Helper()
	for cell, v := range map[string]any{
		"G4": "Hoàn thành", "H4": "15/11/2018", "J4": "Quyết định số 1/QĐ-UBND ngày 15/11/2018\n  Đề án số 2/ĐA-UBND  \n\n", "K4": "Xong trước hạn.",
		"G5": "Đang thực hiện", "I5": 40, "K5": "Đang rà soát \"thôn\" \\ tổ\nở 12 xã.",
		"G6": "Chưa bắt đầu",
	} {
		set(t, f, SheetReport, cell, v)
	}
	set(t, f, SheetInfo, cellNumber, " 12/BC-UBND ")
	set(t, f, SheetInfo, cellDate, "20/12/2018")
	set(t, f, SheetInfo, cellBody, "## Kết quả\n\n+++\nTốt.")
}

// template returns the filled workbook of huyen-a for 2018.
func template(t *testing.T, p *plan.Project) *excelize.File {
	t.Helper()
	f, err := Template(p, snapshot(p), "huyen-a", "2018", nil)
	if err != nil {
		t.Fatal(err)
	}
	fill(t, f)
	return f
}

func importBytes(t *testing.T, p *plan.Project, b []byte) (*plan.Report, []Problem) {
	t.Helper()
	r, probs, err := Import(p, bytes.NewReader(b))
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	return r, probs
}

func mustImport(t *testing.T, p *plan.Project, b []byte) *plan.Report {
	t.Helper()
	r, probs := importBytes(t, p, b)
	if len(probs) > 0 {
		t.Fatalf("import problems: %v", probs)
	}
	return r
}

const reportFile = "content/bao-cao/2018/huyen-a.md"

func TestRoundTrip(t *testing.T) {
	t.Parallel()
	fs := newPortal(t)
	p := load(t, fs)
	book := write(t, template(t, p))

	imp := mustImport(t, p, book)
	if imp.Agency != "huyen-a" || imp.Period != "2018" || imp.Number != "12/BC-UBND" || imp.Date != plan.NewDate(2018, 12, 20) ||
		imp.Approval.State != plan.Submitted || imp.Body != "## Kết quả\n\n+++\nTốt.\n" {
		t.Errorf("imported report: %+v", imp)
	}
	if len(imp.Updates) != 3 {
		t.Fatalf("updates: %d", len(imp.Updates))
	}
	u := imp.Updates[0]
	if u.Milestone != "1b" || u.Member != "huyen-a" || u.State != plan.StateDone || u.DoneOn != plan.NewDate(2018, 11, 15) ||
		u.Progress == nil || *u.Progress != 100 || !slices.Equal(u.Evidence, []string{"Quyết định số 1/QĐ-UBND ngày 15/11/2018", "Đề án số 2/ĐA-UBND"}) ||
		u.Note != "Xong trước hạn." {
		t.Errorf("update 1b: %+v", u)
	}
	if u := imp.Updates[1]; u.Milestone != "2a" || u.State != plan.StateInProgress || u.Progress == nil || *u.Progress != 40 || u.Note != "Đang rà soát \"thôn\" \\ tổ\nở 12 xã." {
		t.Errorf("update 2a: %+v", u)
	}
	if u := imp.Updates[2]; u.Milestone != "2b" || u.State != plan.StateNotStarted || u.Progress != nil || !u.DoneOn.IsZero() {
		t.Errorf("update 2b: %+v", u)
	}

	// Write it into the portal: it loads, as a submitted report.
	first := Merge(nil, imp)
	if err := afero.WriteFile(fs, path.Join(root, reportFile), first, 0o644); err != nil {
		t.Fatal(err)
	}
	p = load(t, fs)
	got := findReport(p, "huyen-a", "2018")
	if got == nil || got.Approval.State != plan.Submitted || len(got.Problems) > 0 {
		t.Fatalf("written report: %+v\n%s", got, first)
	}
	// Staff approve it; then status.Derive shows the new statuses.
	got.Approval = plan.Approval{State: plan.Approved, ApprovedBy: "Giám đốc Sở Nội vụ", ApprovedOn: plan.NewDate(2019, 1, 5)}
	approved := reportfile.Encode(got)
	_ = afero.WriteFile(fs, path.Join(root, reportFile), approved, 0o644)
	p = load(t, fs)
	snap := status.Derive(p, plan.NewDate(2018, 12, 31))
	for id, want := range map[string]status.Status{"1b": status.DoneOnTime, "2a": status.InProgress, "2b": status.Ongoing} {
		ms := snap.Milestone(id)
		var st status.Status
		for _, mem := range ms.Members {
			if mem.Agency.ID == "huyen-a" {
				st = mem.Status
				if mem.Source == nil || mem.Source.Report.Number != "12/BC-UBND" {
					t.Errorf("%s: source %+v", id, mem.Source)
				}
			}
		}
		if st != want {
			t.Errorf("%s: status %q, want %q", id, st, want)
		}
	}

	// Importing the same workbook again changes nothing, to the byte: the
	// approval stays.
	existing := findReport(p, "huyen-a", "2018")
	again := Merge(existing, mustImport(t, p, book))
	if !bytes.Equal(again, approved) {
		t.Errorf("second import differs:\n%s\n---\n%s", approved, again)
	}
	if Changed(existing, mustImport(t, p, book)) {
		t.Error("Changed reports a change for the same workbook")
	}

	// A template made from the imported report, imported unchanged, gives
	// the same file.
	f2, err := Template(p, snapshot(p), "huyen-a", "2018", existing)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"G4", "H4", "I4", "J4", "K4", "I5"} {
		if v, _ := f2.GetCellValue(SheetReport, c); v == "" {
			t.Errorf("pre-filled %s is empty", c)
		}
	}
	book2 := write(t, f2)
	imp2 := mustImport(t, p, book2)
	if out := Merge(existing, imp2); !bytes.Equal(out, approved) {
		t.Errorf("template from the report, imported, differs:\n%s\n---\n%s", approved, out)
	}
	if Changed(existing, imp2) {
		t.Error("Changed reports a change for the template made from the report")
	}
	// And a template of that import is the same workbook, to the byte.
	f3, _ := Template(p, snapshot(p), "huyen-a", "2018", imp2)
	f4, _ := Template(p, snapshot(p), "huyen-a", "2018", existing)
	if !bytes.Equal(write(t, f3), write(t, f4)) {
		t.Error("templates of equal reports differ")
	}

	// A change in one cell makes the report submitted again, unapproved.
	set(t, f2, SheetReport, "I5", 60)
	changed := Merge(existing, mustImport(t, p, write(t, f2)))
	if !bytes.Contains(changed, []byte("state = \"submitted\"")) || bytes.Contains(changed, []byte("approved_by")) ||
		bytes.Contains(changed, []byte("approved_on")) || !bytes.Contains(changed, []byte("progress = 60")) {
		t.Errorf("changed report:\n%s", changed)
	}
	if bytes.Count(changed, []byte("[[updates]]")) != 3 {
		t.Errorf("updates duplicated:\n%s", changed)
	}
}

func TestTemplateLayout(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	f, err := Template(p, snapshot(p), "huyen-a", "2018", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetReport, SheetInfo, SheetMeta}) {
		t.Errorf("sheets %v", got)
	}
	if v, _ := f.GetSheetVisible(SheetMeta); v {
		t.Error("the machine sheet is visible")
	}
	for _, c := range []string{colID, colMember} {
		if v, _ := f.GetColVisible(SheetReport, c); v {
			t.Errorf("column %s is visible", c)
		}
	}
	want := map[string]string{
		"A4": "1", "B4": "1b", "C4": "Nhiệm vụ một", "E4": "Trong năm 2018 (sau khi có hướng dẫn của Trung ương)",
		"F4": "Đang thực hiện\nTheo báo cáo số 5/BC-UBND ngày 25/6/2018", "L4": "1b", "M4": "huyen-a",
		"B5": "2a", "L5": "2a", "B6": "2b", "E6": "Thường xuyên, liên tục", "F6": "Thường xuyên\nTheo báo cáo số 5/BC-UBND ngày 25/6/2018",
		"F5": "Chưa báo cáo", "G4": "", "A7": "", "L7": "",
	}
	for c, w := range want {
		if v, _ := f.GetCellValue(SheetReport, c); v != w {
			t.Errorf("%s = %q, want %q", c, v, w)
		}
	}
	if v, _ := f.GetCellValue(SheetReport, "D4"); !strings.Contains(v, "Sắp xếp các phòng chuyên môn\nSản phẩm: Đề án sắp xếp") {
		t.Errorf("D4 = %q", v)
	}
	for c, w := range map[string]string{cellAgencyID: "huyen-a", cellAgencyName: "Ủy ban nhân dân huyện A", cellPeriod: "Năm 2018 (2018)"} {
		if v, _ := f.GetCellValue(SheetInfo, c); v != w {
			t.Errorf("Thông tin!%s = %q, want %q", c, v, w)
		}
	}
	for c, w := range map[string]string{cellFormat: FormatVersion, cellMetaAgency: "huyen-a", cellMetaPeriod: "2018"} {
		if v, _ := f.GetCellValue(SheetMeta, c); v != w {
			t.Errorf("_minhbach!%s = %q, want %q", c, v, w)
		}
	}
	// The drop-down lists: "waiting" only where the plan has a condition.
	dvs, _ := f.GetDataValidations(SheetReport)
	lists := map[string]string{}
	for _, dv := range dvs {
		if dv.Type == "list" {
			lists[dv.Sqref] = dv.Formula1
		}
		if dv.Sqref == "I4:I6" && (dv.Type != "whole" || dv.Operator != "between") {
			t.Errorf("progress validation: %+v", dv)
		}
	}
	if !strings.Contains(lists["G4"], "Chờ hướng dẫn của Trung ương") || strings.Contains(lists["G5"], "Chờ hướng dẫn") ||
		!strings.Contains(lists["G5"], "Chưa bắt đầu,Đang thực hiện,Hoàn thành") {
		t.Errorf("lists: %v", lists)
	}
	// The plan's cells are locked, the fill-in cells are not, and the
	// sheets are protected.
	locked := func(sheet, c string) bool {
		id, _ := f.GetCellStyle(sheet, c)
		s, _ := f.GetStyle(id)
		return s.Protection == nil || s.Protection.Locked
	}
	for _, c := range []string{"A4", "B4", "C4", "D4", "E4", "F4", "L4", "M4", "A3", "G3"} {
		if !locked(SheetReport, c) {
			t.Errorf("%s is not locked", c)
		}
	}
	for _, c := range []string{"G4", "H4", "I4", "J4", "K4", "G6", "K6"} {
		if locked(SheetReport, c) {
			t.Errorf("%s is locked", c)
		}
	}
	for _, c := range []string{cellAgencyID, cellPeriod} {
		if !locked(SheetInfo, c) {
			t.Errorf("Thông tin!%s is not locked", c)
		}
	}
	for _, c := range []string{cellNumber, cellDate, cellBody} {
		if locked(SheetInfo, c) {
			t.Errorf("Thông tin!%s is locked", c)
		}
	}
	buf := write(t, f)
	for _, part := range []string{"xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		if !strings.Contains(unzip(t, buf, part), "<sheetProtection") {
			t.Errorf("%s is not protected", part)
		}
	}
	s1 := unzip(t, buf, "xl/worksheets/sheet1.xml")
	for _, w := range []string{`state="frozen"`, `orientation="landscape"`, `fitToHeight="0"`, `<pageSetUpPr fitToPage="true"`} {
		if !strings.Contains(s1, w) {
			t.Errorf("sheet1 lacks %s", w)
		}
	}
	if id, _ := f.GetCellStyle(SheetReport, "A3"); true {
		s, _ := f.GetStyle(id)
		if s.Font == nil || !s.Font.Bold {
			t.Error("the header is not bold")
		}
	}
	// Deterministic: the same input gives the same bytes.
	g, _ := Template(p, snapshot(p), "huyen-a", "2018", nil)
	if !bytes.Equal(buf, write(t, g)) {
		t.Error("Template is not deterministic")
	}
	// Without a snapshot the published column is empty.
	g, _ = Template(p, nil, "huyen-a", "2018", nil)
	if v, _ := g.GetCellValue(SheetReport, "F4"); v != "" {
		t.Errorf("F4 without a snapshot = %q", v)
	}
}

// TestTemplateCompiler: Sở Nội vụ's workbook has its own milestone, plus
// a row for each member share its existing report speaks for.
func TestTemplateCompiler(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	existing := &plan.Report{Agency: "so-noi-vu", Period: "2018", Number: "9/BC-SNV", Date: plan.NewDate(2018, 12, 1),
		Updates: []*plan.Update{
			{Milestone: "1b", Member: "huyen-b", State: plan.StateWaiting},
			{Milestone: "1a", Member: "so-noi-vu", State: plan.StateDone, DoneOn: plan.NewDate(2018, 5, 1)},
		}}
	f, err := Template(p, nil, "so-noi-vu", "2018", existing)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for n := firstRow; n < firstRow+3; n++ {
		l, _ := f.GetCellValue(SheetReport, cell(colID, n))
		m, _ := f.GetCellValue(SheetReport, cell(colMember, n))
		ids = append(ids, l+"/"+m)
	}
	if !slices.Equal(ids, []string{"1a/so-noi-vu", "1b/huyen-b", "/"}) {
		t.Errorf("rows %v", ids)
	}
	if v, _ := f.GetCellValue(SheetReport, "D5"); !strings.HasPrefix(v, "[Phần việc của Ủy ban nhân dân huyện B]") {
		t.Errorf("D5 = %q", v)
	}
	r := mustImport(t, p, write(t, f))
	if len(r.Updates) != 2 || r.Updates[1].Member != "huyen-b" || r.Updates[1].State != plan.StateWaiting {
		t.Errorf("imported: %+v", r.Updates)
	}
	if _, err := Template(p, nil, "so-noi-vu", "2018-H1", existing); err == nil {
		t.Error("an existing report of another period was accepted")
	}
}

func TestTemplateErrors(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	for _, c := range []struct{ agency, period, want string }{
		{"huyen-c", "2018", `không có cơ quan mã "huyen-c" — dùng một mã trong data/agencies.toml (gợi ý: huyen-a)`},
		{"cac-huyen", "2018", `"cac-huyen" là một nhóm`},
		{"huyen-a", "2018-Q1", `kỳ báo cáo "2018-Q1" không hợp lệ`},
	} {
		if _, err := Template(p, nil, c.agency, c.period, nil); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %s: %v, want %q", c.agency, c.period, err, c.want)
		}
	}
}

// TestAccepted: the other ways a cell may be written.
func TestAccepted(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	for name, c := range map[string]struct {
		cell string
		v    any
		want func(r *plan.Report) bool
	}{
		"d/m/yyyy":            {"H4", "5/6/2018", func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 6, 5) }},
		"yyyy-mm-dd":          {"H4", "2018-06-05", func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 6, 5) }},
		"serial number":       {"H4", 43419, func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 11, 15) }},
		"date cell":           {"H4", time.Date(2018, 10, 2, 0, 0, 0, 0, time.UTC), func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 10, 2) }},
		"no diacritics":       {"G5", "dang thuc hien", func(r *plan.Report) bool { return r.Updates[1].State == plan.StateInProgress }},
		"state id":            {"G5", "in-progress", func(r *plan.Report) bool { return r.Updates[1].State == plan.StateInProgress }},
		"waiting":             {"G4", "Chờ hướng dẫn của Trung ương", nil},
		"percent text":        {"I5", "75%", func(r *plan.Report) bool { return *r.Updates[1].Progress == 75 }},
		"progress as text":    {"I5", "0", func(r *plan.Report) bool { return *r.Updates[1].Progress == 0 }},
		"report date serial":  {"Thông tin!B7", 43454, func(r *plan.Report) bool { return r.Date == plan.NewDate(2018, 12, 20) }},
		"empty body":          {"Thông tin!B8", "  \n ", func(r *plan.Report) bool { return r.Body == "" }},
		"progress done is 90": {"I4", 90, func(r *plan.Report) bool { return *r.Updates[0].Progress == 90 }},
		"percentage cell":     {"I5", percent(0.6), func(r *plan.Report) bool { return *r.Updates[1].Progress == 60 }},
		"percentage cell 7%":  {"I5", percent(0.07), func(r *plan.Report) bool { return *r.Updates[1].Progress == 7 }},
		"yyyy-m-d":            {"H4", "2018-9-27", func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 9, 27) }},
		"dd.mm.yyyy":          {"H4", "27.09.2018", func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 9, 27) }},
		"date as rich text":   {"H4", inline("27/09/2018"), func(r *plan.Report) bool { return r.Updates[0].DoneOn == plan.NewDate(2018, 9, 27) }},
		"decomposed note": {"K5", norm.NFD.String("Đang rà soát ở các xã"), func(r *plan.Report) bool {
			return r.Updates[1].Note == "Đang rà soát ở các xã" && norm.NFC.IsNormalString(r.Updates[1].Note)
		}},
		"blank row left out": {"G6", "", func(r *plan.Report) bool {
			return len(r.Updates) == 2 && r.Updates[0].Milestone == "1b" && r.Updates[1].Milestone == "2a"
		}},
	} {
		t.Run(name, func(t *testing.T) {
			f := template(t, p)
			sheet, at := SheetReport, c.cell
			if i := strings.Index(at, "!"); i > 0 {
				sheet, at = at[:i], at[i+1:]
			}
			set(t, f, sheet, at, c.v)
			if name == "waiting" {
				_ = f.SetCellStr(SheetReport, "H4", "")
			}
			r := mustImport(t, p, write(t, f))
			if c.want != nil && !c.want(r) {
				t.Errorf("imported: %+v %+v", r, r.Updates)
			}
		})
	}
}

// TestProblems makes one bad cell at a time and wants exactly one problem
// for it.
func TestProblems(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	type edit struct {
		sheet, cell string
		v           any
	}
	cases := []struct {
		name        string
		edits       []edit
		sheet, cell string
		want        string
	}{
		{"unknown status", []edit{{SheetReport, "G5", "Gần xong"}}, SheetReport, "G5",
			`trạng thái "Gần xong" không hợp lệ — chọn một trong: Chưa bắt đầu; Đang thực hiện; Hoàn thành`},
		{"no status", []edit{{SheetReport, "G6", ""}, {SheetReport, "K6", "Chưa làm."}}, SheetReport, "G6", "chưa chọn trạng thái của mốc 2b — chọn một trong:"},
		{"nothing filled", []edit{{SheetReport, "G4", ""}, {SheetReport, "H4", ""}, {SheetReport, "J4", ""}, {SheetReport, "K4", ""}, {SheetReport, "I4", ""},
			{SheetReport, "G5", ""}, {SheetReport, "I5", ""}, {SheetReport, "K5", ""}, {SheetReport, "G6", ""}}, SheetReport, "G4", "chưa điền dòng nào — chọn trạng thái"},
		{"waiting without condition", []edit{{SheetReport, "G5", "Chờ hướng dẫn của Trung ương"}}, SheetReport, "G5",
			`mốc 2a không có điều kiện chờ Trung ương trong kế hoạch nên không thể chọn "Chờ Trung ương"`},
		{"month 13", []edit{{SheetReport, "H4", "31/13/2018"}}, SheetReport, "H4",
			`ngày hoàn thành "31/13/2018" không hợp lệ — dùng dạng 31/12/2018 (ngày/tháng/năm)`},
		{"31 February", []edit{{SheetReport, "H4", "31/02/2018"}}, SheetReport, "H4",
			`ngày hoàn thành "31/02/2018" không có thật (tháng 2 năm 2018 chỉ có 28 ngày) — sửa ngày, dạng 31/12/2018 (ngày/tháng/năm)`},
		{"29 February 2018, iso", []edit{{SheetReport, "H4", "2018-2-29"}}, SheetReport, "H4", `ngày hoàn thành "2018-2-29" không có thật (tháng 2 năm 2018 chỉ có 28 ngày)`},
		{"iso month 13", []edit{{SheetReport, "H4", "2018-13-01"}}, SheetReport, "H4", `ngày hoàn thành "2018-13-01" không hợp lệ`},
		{"words", []edit{{SheetReport, "H4", "hôm qua"}}, SheetReport, "H4", `ngày hoàn thành "hôm qua" không hợp lệ`},
		{"year out of range", []edit{{SheetReport, "H4", "01/01/1900"}}, SheetReport, "H4", `ngày hoàn thành "01/01/1900" không hợp lệ`},
		{"boolean date", []edit{{SheetReport, "H4", true}}, SheetReport, "H4", `ngày hoàn thành "TRUE" không hợp lệ`},
		{"done after the report", []edit{{SheetReport, "H4", "21/12/2018"}}, SheetReport, "H4",
			`ngày hoàn thành 21/12/2018 sau ngày báo cáo 20/12/2018 (trang "Thông tin") — không thể báo cáo việc chưa xảy ra; sửa ngày`},
		{"done without date", []edit{{SheetReport, "H4", ""}}, SheetReport, "H4", "mốc 1b đã hoàn thành nhưng chưa có ngày hoàn thành — điền ngày dạng 15/06/2018"},
		{"date without done", []edit{{SheetReport, "H5", "01/12/2018"}}, SheetReport, "H5",
			`có ngày hoàn thành nhưng trạng thái là "Đang thực hiện" — chọn "Hoàn thành" hoặc xóa ngày`},
		{"progress not whole", []edit{{SheetReport, "I5", 12.5}}, SheetReport, "I5", `tiến độ "12.5" không phải số nguyên — điền số nguyên phần trăm từ 0 đến 100, ví dụ 13`},
		{"progress 60.5", []edit{{SheetReport, "I5", "60.5"}}, SheetReport, "I5", `tiến độ "60.5" không phải số nguyên — điền số nguyên phần trăm`},
		{"percentage cell 60.5%", []edit{{SheetReport, "I5", percent(0.605)}}, SheetReport, "I5", `tiến độ "60.5%" không phải số nguyên — điền số nguyên phần trăm từ 0 đến 100, ví dụ 61`},
		{"progress with a comma", []edit{{SheetReport, "I5", "50,5"}}, SheetReport, "I5", `tiến độ "50,5" không phải số nguyên`},
		{"progress words", []edit{{SheetReport, "I5", "một nửa"}}, SheetReport, "I5", `tiến độ "một nửa" không phải số nguyên`},
		{"progress over 100", []edit{{SheetReport, "I5", 120}}, SheetReport, "I5", "tiến độ 120% nằm ngoài khoảng 0–100"},
		{"progress below 0", []edit{{SheetReport, "I5", -5}}, SheetReport, "I5", "tiến độ -5% nằm ngoài khoảng 0–100"},
		{"no number", []edit{{SheetInfo, cellNumber, "  "}}, SheetInfo, cellNumber, "thiếu số hiệu văn bản báo cáo — điền số hiệu, ví dụ 45/BC-UBND"},
		{"no report date", []edit{{SheetInfo, cellDate, ""}}, SheetInfo, cellDate, "thiếu ngày báo cáo — điền ngày dạng 30/06/2018"},
		{"bad report date", []edit{{SheetInfo, cellDate, "20.12.18"}}, SheetInfo, cellDate, `ngày báo cáo "20.12.18" không hợp lệ`},
		{"report date before the period", []edit{{SheetInfo, cellDate, "31/12/2017"}, {SheetReport, "H4", "01/12/2017"}}, SheetInfo, cellDate,
			"ngày báo cáo 31/12/2017 trước khi kỳ 2018 bắt đầu (01/01/2018) — sửa ngày báo cáo"},
		{"unknown milestone", []edit{{SheetReport, "L5", "9z"}}, SheetReport, "L5", `mã mốc "9z" (cột ẩn L) không có trong kế hoạch — tệp đã bị sửa`},
		{"unknown member", []edit{{SheetReport, "M5", "huyen-z"}}, SheetReport, "M5", `mã cơ quan "huyen-z" (cột ẩn M) không có trong data/agencies.toml`},
		{"member of another agency", []edit{{SheetReport, "M5", "huyen-b"}}, SheetReport, "M5",
			"Ủy ban nhân dân huyện A chỉ báo cáo phần việc của mình, không báo cáo thay Ủy ban nhân dân huyện B"},
		{"milestone of another owner", []edit{{SheetReport, "L6", "1a"}}, SheetReport, "M6", "Ủy ban nhân dân huyện A không chủ trì mốc 1a (đơn vị chủ trì: Sở Nội vụ)"},
		{"duplicate row", []edit{{SheetReport, "L6", "2a"}, {SheetReport, "M6", "huyen-a"}}, SheetReport, "L6", "mốc 2a đã có ở dòng 5"},
		{"row added", []edit{{SheetReport, "G9", "Hoàn thành"}}, SheetReport, "L9", "dòng 9 không phải dòng của mẫu"},
		{"unknown agency", []edit{{SheetMeta, cellMetaAgency, "so-khong-co"}}, SheetMeta, cellMetaAgency, `mã cơ quan "so-khong-co" trong tệp không có trong data/agencies.toml (tệp đã bị sửa)`},
		{"group as agency", []edit{{SheetMeta, cellMetaAgency, "cac-huyen"}}, SheetMeta, cellMetaAgency, `mã cơ quan "cac-huyen" trong tệp không có`},
		{"bad period", []edit{{SheetMeta, cellMetaPeriod, "2018-H2"}}, SheetMeta, cellMetaPeriod, `kỳ báo cáo "2018-H2" trong tệp không hợp lệ`},
		{"other version", []edit{{SheetMeta, cellFormat, "minhbach-workbook/0"}}, SheetMeta, cellFormat,
			`tệp theo định dạng "minhbach-workbook/0", không phải "minhbach-workbook/1" mà phiên bản này đọc được — tải mẫu mới bằng lệnh minhbach template`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := template(t, p)
			for _, e := range c.edits {
				set(t, f, e.sheet, e.cell, e.v)
			}
			_, probs := importBytes(t, p, write(t, f))
			if len(probs) != 1 {
				t.Fatalf("want 1 problem, got %d: %v", len(probs), probs)
			}
			pr := probs[0]
			if pr.Sheet != c.sheet || pr.Cell != c.cell || !strings.Contains(pr.Message(msg.VI), c.want) {
				t.Errorf("got  %s\nwant %s!%s: …%s…", pr, c.sheet, c.cell, c.want)
			}
			for _, l := range []msg.Lang{msg.VI, msg.EN} {
				if _, ok := msg.Catalogue(l)[pr.Key]; !ok {
					t.Errorf("key %q is not in the %s catalogue", pr.Key, l)
				}
			}
			if !strings.Contains(pr.Message(msg.VI), " — ") {
				t.Errorf("no fix in %q", pr.Message(msg.VI))
			}
			if s := pr.String(); s != fmt.Sprintf("%s!%s: %s", c.sheet, c.cell, pr.Message(msg.VI)) {
				t.Errorf("String() = %q", s)
			}
		})
	}
}

func TestProblemsStructure(t *testing.T) {
	t.Parallel()
	p := load(t, newPortal(t))
	// Several bad cells: every one is told, in sheet then row order.
	f := template(t, p)
	set(t, f, SheetInfo, cellNumber, "")
	set(t, f, SheetReport, "H4", "31/13/2018")
	set(t, f, SheetReport, "I5", 101)
	_, probs := importBytes(t, p, write(t, f))
	var got []string
	for _, pr := range probs {
		got = append(got, pr.Sheet+"!"+pr.Cell)
	}
	if !slices.Equal(got, []string{"Thông tin!B6", "Báo cáo!H4", "Báo cáo!I5"}) {
		t.Errorf("problems at %v", got)
	}

	// A workbook without the machine sheet, or without a sheet of the form.
	g := excelize.NewFile()
	_, probs = importBytes(t, p, write(t, g))
	if len(probs) != 1 || probs[0].Sheet != SheetMeta || !strings.Contains(probs[0].Message(msg.VI), "không phải mẫu báo cáo do minhbach tạo") {
		t.Errorf("plain workbook: %v", probs)
	}
	f = template(t, p)
	if err := f.SetSheetName(SheetInfo, "Khác"); err != nil {
		t.Fatal(err)
	}
	_, probs = importBytes(t, p, write(t, f))
	if len(probs) != 1 || probs[0].Sheet != SheetInfo || !strings.Contains(probs[0].Message(msg.VI), `thiếu trang "Thông tin"`) {
		t.Errorf("renamed sheet: %v", probs)
	}

	// Not a workbook at all.
	for name, b := range map[string][]byte{
		"text":  []byte("agency,period\nhuyen-a,2018\n"),
		"empty": nil,
		"zip":   unzipless(t),
	} {
		r, probs, err := Import(p, bytes.NewReader(b))
		if err == nil || r != nil || probs != nil {
			t.Errorf("%s: %v %v %v", name, r, probs, err)
			continue
		}
		if !strings.Contains(err.Error(), "tệp không phải bảng tính Excel dạng .xlsx") || !strings.Contains(err.Error(), "Excel Workbook (*.xlsx)") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// unzipless returns a zip archive that is not a workbook.
func unzipless(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("readme.txt")
	_, _ = w.Write([]byte("không phải bảng tính"))
	_ = zw.Close()
	return buf.Bytes()
}

func TestMerge(t *testing.T) {
	t.Parallel()
	five := 5
	base := &plan.Report{Agency: "huyen-a", Period: "2018", Number: "1/BC", Date: plan.NewDate(2018, 12, 1), Sample: true,
		Approval: plan.Approval{State: plan.Approved, ApprovedBy: "X", ApprovedOn: plan.NewDate(2018, 12, 5), Note: "ghi chú"},
		Updates: []*plan.Update{
			{Milestone: "2a", Member: "huyen-a", State: plan.StateInProgress, Progress: &five, Evidence: []string{" QĐ 1 "}},
			{Milestone: "1b", Member: "huyen-a", State: plan.StateDone, DoneOn: plan.NewDate(2018, 11, 1)},
		},
		Body: "Nội dung.\r\n\n"}
	same := &plan.Report{Agency: "huyen-a", Period: "2018", Number: "1/BC ", Date: plan.NewDate(2018, 12, 1),
		Approval: plan.Approval{State: plan.Submitted},
		Updates: []*plan.Update{
			{Milestone: "1b", Member: "huyen-a", State: plan.StateDone, DoneOn: plan.NewDate(2018, 11, 1), Progress: func() *int { h := 100; return &h }()},
			{Milestone: "2a", State: plan.StateInProgress, Progress: &five, Evidence: []string{"QĐ 1"}},
		},
		Body: "Nội dung.\n"}
	if Changed(base, same) {
		t.Error("Changed: the same data counted as a change")
	}
	if got := Merge(base, same); !bytes.Equal(got, reportfile.Encode(base)) {
		t.Errorf("Merge of the same data:\n%s", got)
	}
	// The same words typed with a decomposed-Unicode keyboard are the same
	// data; other words are not.
	nfd := *same
	nfd.Body = norm.NFD.String("Nội dung.\n")
	nfd.Number = norm.NFD.String("1/BC")
	nfdBase := *base
	nfdBase.Updates = []*plan.Update{{Milestone: "2a", Member: "huyen-a", State: plan.StateInProgress, Note: "Đang rà soát"}}
	nfdSame := nfd
	nfdSame.Updates = []*plan.Update{{Milestone: "2a", State: plan.StateInProgress, Note: norm.NFD.String("Đang rà soát")}}
	if nfdSame.Updates[0].Note == nfdBase.Updates[0].Note {
		t.Fatal("the test's decomposed text is not decomposed")
	}
	if Changed(&nfdBase, &nfdSame) {
		t.Error("Changed: decomposed Unicode counted as a change")
	}
	nfdSame.Updates[0].Note = norm.NFD.String("Đang rà soát lại")
	if !Changed(&nfdBase, &nfdSame) {
		t.Error("Changed: other words not counted as a change")
	}
	for name, edit := range map[string]func(r *plan.Report){
		"number": func(r *plan.Report) { r.Number = "2/BC" },
		"date":   func(r *plan.Report) { r.Date = plan.NewDate(2018, 12, 2) },
		"body":   func(r *plan.Report) { r.Body = "Khác.\n" },
		"state": func(r *plan.Report) {
			r.Updates[1].State = plan.StateDone
			r.Updates[1].DoneOn = plan.NewDate(2018, 11, 30)
		},
		"note":     func(r *plan.Report) { r.Updates[1].Note = "mới" },
		"evidence": func(r *plan.Report) { r.Updates[1].Evidence = nil },
		"progress": func(r *plan.Report) { r.Updates[1].Progress = nil },
		"dropped":  func(r *plan.Report) { r.Updates = r.Updates[:1] },
	} {
		imp := *same
		imp.Updates = nil
		for _, u := range same.Updates {
			c := *u
			imp.Updates = append(imp.Updates, &c)
		}
		edit(&imp)
		if !Changed(base, &imp) {
			t.Errorf("%s: not seen as a change", name)
		}
		out := string(Merge(base, &imp))
		for _, w := range []string{"state = \"submitted\"", "note = \"ghi chú\"", "sample = true"} {
			if !strings.Contains(out, w) {
				t.Errorf("%s: merged lacks %s:\n%s", name, w, out)
			}
		}
		if strings.Contains(out, "approved_by") || strings.Contains(out, "approved_on") {
			t.Errorf("%s: approval kept:\n%s", name, out)
		}
	}
	// No existing report: the imported one as it is; duplicates once.
	dup := *same
	dup.Updates = append(append([]*plan.Update{}, same.Updates...), &plan.Update{Milestone: "1b", Member: "huyen-a", State: plan.StateNotStarted})
	out := string(Merge(nil, &dup))
	if strings.Count(out, "[[updates]]") != 2 || !strings.Contains(out, "state = \"submitted\"") || strings.Contains(out, "not-started") {
		t.Errorf("Merge(nil):\n%s", out)
	}
}

// unzip returns one part of an .xlsx file.
func unzip(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			data, _ := io.ReadAll(rc)
			return string(data)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}
