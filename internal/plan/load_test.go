package plan

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

const root = testportal.Root

// The test portal is testportal's (see internal/testportal).
var (
	baseAgencies = testportal.Agencies
	basePlan     = testportal.Plan
)

// newPortal writes files (paths relative to the portal's root) into a fresh
// MemMapFs, beside the test portal's plan and agencies (which files may
// replace).
func newPortal(t testing.TB, files map[string]string) afero.Fs {
	t.Helper()
	return testportal.Fs(t, files)
}

// goodReport is an approved report of so-noi-vu for the first half of 2018.
const goodReport = `+++
agency = "so-noi-vu"
period = "2018-H1"
number = "12/BC-SNV"
date = 2018-07-05

[approval]
state = "approved"
approved_by = "Giám đốc Sở Nội vụ"
approved_on = 2018-07-10

[[updates]]
milestone = "1a"
state = "done"
done_on = 2018-06-15
evidence = ["Quyết định số 1/QĐ-SNV"]

[[updates]]
milestone = "3a"
state = "in-progress"
progress = 40
note = "Đang rà soát"
+++
Nội dung báo cáo.
`

const goodReportPath = "content/bao-cao/2018-H1/so-noi-vu.md"

// huyenAReport is huyen-a's part of the group milestone 1b.
const huyenAReport = `+++
agency = "huyen-a"
period = "2018-H1"
number = "3/BC-UBND"
date = 2018-07-02

[approval]
state = "approved"
approved_by = "Chủ tịch UBND huyện A"
approved_on = 2018-07-03

[[updates]]
milestone = "1b"
state = "waiting"
+++
`

// edit returns src with old replaced by new; old must occur exactly once.
func edit(t testing.TB, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("edit: %q occurs %d times, want once", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

// where returns the line and the column (in characters), both from 1, at
// which needle starts in src. With a context, needle is looked for inside the one
// occurrence of context; without, needle must occur once.
func where(t testing.TB, src, context, needle string) (line, col int) {
	t.Helper()
	if context == "" {
		context = needle
	}
	if n := strings.Count(src, context); n != 1 {
		t.Fatalf("where: %q occurs %d times, want once", context, n)
	}
	i := strings.Index(src, context)
	j := strings.Index(context, needle)
	if j < 0 {
		t.Fatalf("where: %q is not in %q", needle, context)
	}
	off := i + j
	line = strings.Count(src[:off], "\n") + 1
	col = utf8.RuneCountInString(src[strings.LastIndex(src[:off], "\n")+1:off]) + 1
	return line, col
}

// want is a problem a test expects.
type want struct {
	file      string
	line, col int
	key       string
}

// at is the problem key expected where needle (inside context) is in src.
func at(t testing.TB, file, src, context, needle, key string) want {
	t.Helper()
	l, c := where(t, src, context, needle)
	return want{file, l, c, key}
}

// top is the problem key expected at the top of file.
func top(file, key string) want { return want{file, 1, 1, key} }

// load loads a portal made of the base files changed by files.
func load(t testing.TB, files map[string]string) (*Project, error) {
	t.Helper()
	return Load(newPortal(t, files), root)
}

// problemsOf returns err as Problems, failing when it is anything else.
func problemsOf(t testing.TB, err error) Problems {
	t.Helper()
	if err == nil {
		t.Fatal("Load succeeded, want problems")
	}
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("Load error is %T (%v), want Problems", err, err)
	}
	return ps
}

// checkProblems compares got with want, in order, and checks that each
// problem renders as "file:line:col: message" in both languages.
func checkProblems(t testing.TB, got Problems, want ...want) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		p, w := got[i], want[i]
		ok = p.Pos.File == w.file && p.Pos.Line == w.line && p.Pos.Col == w.col && p.Key == w.key
	}
	if !ok {
		var b strings.Builder
		for _, p := range got {
			fmt.Fprintf(&b, "\n\t%s:%d:%d %s %v", p.Pos.File, p.Pos.Line, p.Pos.Col, p.Key, p.Args)
		}
		t.Fatalf("problems:%s\nwant %+v", b.String(), want)
	}
	for _, p := range got {
		prefix := fmt.Sprintf("%s:%d:%d: ", p.Pos.File, p.Pos.Line, p.Pos.Col)
		for _, l := range []msg.Lang{msg.VI, msg.EN} {
			if _, ok := msg.Catalogue(l)[p.Key]; !ok {
				t.Errorf("key %q is not in the %s catalogue", p.Key, l)
			}
			text := p.Text(l)
			if !strings.HasPrefix(text, prefix) || !strings.Contains(text, " — ") || strings.Contains(text, "%!") {
				t.Errorf("Text(%s) = %q, want %q, then a message with its hint", l, text, prefix)
			}
		}
	}
	if len(got) > 0 && !strings.HasPrefix(got.Error(), got[0].Text(msg.VI)) {
		t.Errorf("Error() = %q, want the Vietnamese text first", got.Error())
	}
}

// loadProblems loads and checks that the problems are exactly want.
func loadProblems(t testing.TB, files map[string]string, want ...want) Problems {
	t.Helper()
	_, err := load(t, files)
	ps := problemsOf(t, err)
	checkProblems(t, ps, want...)
	return ps
}

func TestLoadValid(t *testing.T) {
	t.Parallel()
	// A draft: not published, though nothing is wrong with it.
	const draft = `+++
agency = "so-tu-phap"
period = "2018"
number = "5/BC-STP"
date = 2018-12-20

[approval]
state = "draft"

[[updates]]
milestone = "3b"
state = "in-progress"
+++
`
	p, err := load(t, map[string]string{
		goodReportPath:                       goodReport,
		"content/bao-cao/2018-H1/huyen-a.md": huyenAReport,
		"content/bao-cao/2018/so-tu-phap.md": draft,
		// Files that are not Markdown are not reports.
		"content/bao-cao/2018-H1/ghi-chu.txt": "not a report",
	})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if p.Plan.File != PlanFile || p.Plan.Title != "Kế hoạch thử nghiệm" || p.Plan.Reporting.Compiler != "so-noi-vu" {
		t.Errorf("plan = %+v", p.Plan)
	}
	if len(p.Plan.Tasks) != 3 {
		t.Fatalf("%d tasks, want 3", len(p.Plan.Tasks))
	}
	t3 := p.Plan.Tasks[2]
	if t3.Number != 3 || t3.Slug != "nhiem-vu-ba" || t3.Pos != (Pos{PlanFile, 41, 1}) || len(t3.Milestones) != 2 {
		t.Errorf("task 3 = %+v", t3)
	}
	m := t3.Milestones[1]
	wantDue := Due{Kind: DueDate, Year: 2018, Date: NewDate(2018, 9, 30)}
	if m.ID != "3b" || m.Task != t3 || m.Due != wantDue || m.DueText != "2018-09-30" || m.Pos != (Pos{PlanFile, 53, 3}) {
		t.Errorf("milestone 3b = %+v", m)
	}
	if d := p.Plan.Tasks[0].Milestones[1].Due; d.Kind != DueYear || d.Year != 2018 {
		t.Errorf("milestone 1b due = %+v", d)
	}
	if a := p.Agencies.Agency("so-tu-phap"); a == nil || a.Name != "Sở Tư pháp" || !a.Reports || a.Pos != (Pos{AgenciesFile, 12, 1}) {
		t.Errorf("agency so-tu-phap = %+v", a)
	}
	if a := p.Agencies.Agency("ubnd-tinh"); a == nil || a.Reports {
		t.Errorf("agency ubnd-tinh = %+v, want one that does not report", a)
	}
	var members []string
	for _, a := range p.Agencies.Members("cac-huyen") {
		members = append(members, a.ID)
	}
	if strings.Join(members, ",") != "huyen-a,huyen-b" {
		t.Errorf("Members(cac-huyen) = %v", members)
	}
	if p.Agencies.Role("chu-tich") == nil || p.Agencies.Group("cac-huyen") == nil || p.Agencies.Agency("cac-huyen") != nil {
		t.Error("registry lookups are wrong")
	}
	var files []string
	for _, r := range p.Reports {
		files = append(files, r.File)
	}
	if strings.Join(files, " ") != "content/bao-cao/2018-H1/huyen-a.md content/bao-cao/2018-H1/so-noi-vu.md content/bao-cao/2018/so-tu-phap.md" {
		t.Fatalf("reports = %v", files)
	}
	if pub := p.Published(); len(pub) != 2 || pub[0] != p.Reports[0] || pub[1] != p.Reports[1] {
		t.Errorf("Published() = %v, want the two approved reports", pub)
	}
	if p.Reports[2].IsPublished() || len(p.Reports[2].Problems) != 0 {
		t.Errorf("draft report: published %v, problems %v", p.Reports[2].IsPublished(), p.Reports[2].Problems)
	}
	r := p.Reports[1]
	if r.Agency != "so-noi-vu" || r.PeriodInfo.ID != "2018-H1" || r.PeriodInfo.Kind != PeriodHalf || r.Date != NewDate(2018, 7, 5) ||
		r.Number != "12/BC-SNV" || r.Approval.ApprovedOn != NewDate(2018, 7, 10) || r.Body != "Nội dung báo cáo.\n" || r.Pos != (Pos{goodReportPath, 1, 1}) {
		t.Errorf("report = %+v", r)
	}
	if len(r.Updates) != 2 {
		t.Fatalf("%d updates, want 2", len(r.Updates))
	}
	u0, u1 := r.Updates[0], r.Updates[1]
	if u0.Member != "so-noi-vu" || u0.DoneOn != NewDate(2018, 6, 15) || u0.Progress == nil || *u0.Progress != 100 || u0.Pos != (Pos{goodReportPath, 12, 1}) {
		t.Errorf("update 1 = %+v (a done update is 100%%, its member is the reporting agency)", u0)
	}
	if u1.Progress == nil || *u1.Progress != 40 || u1.Note != "Đang rà soát" || u1.Pos != (Pos{goodReportPath, 18, 1}) {
		t.Errorf("update 2 = %+v", u1)
	}
}

func TestLoadSyntaxError(t *testing.T) {
	t.Parallel()
	// Where the TOML parser stops, counted in the file as the user sees it:
	// in a report, the opening +++ is line 1.
	badPlan := edit(t, basePlan, `slug = "nhiem-vu-hai"`, `slug = "nhiem-vu-hai`)
	badAgencies := edit(t, baseAgencies, "kind = \"so\"\nreports = true\n\n[[agencies]]\nid = \"so-tu-phap\"", "kind = \"so\"\nreports = yes\n\n[[agencies]]\nid = \"so-tu-phap\"")
	tests := []struct {
		name  string
		files map[string]string
		want  want
	}{
		{"plan", map[string]string{PlanFile: badPlan}, want{PlanFile, 30, 8, "input.unclosedString"}},
		{"plan, no equals sign", map[string]string{PlanFile: edit(t, basePlan, `title = "Nhiệm vụ ba"`, `title "Nhiệm vụ ba"`)},
			want{PlanFile, 44, 7, "input.noEquals"}},
		// Columns count characters, not bytes: "Nhiệm vụ hai" is 12 wide.
		{"plan, after Vietnamese text", map[string]string{PlanFile: edit(t, basePlan, `title = "Nhiệm vụ hai"`, `title = "Nhiệm vụ hai" x`)},
			want{PlanFile, 31, 24, "input.trailing"}}, // at the x: 28 in bytes
		{"plan, unclosed Vietnamese text", map[string]string{PlanFile: edit(t, basePlan, `title = "Nhiệm vụ hai"`, `title = "Nhiệm vụ hai`)},
			want{PlanFile, 31, 9, "input.unclosedString"}},
		{"agencies", map[string]string{AgenciesFile: badAgencies}, want{AgenciesFile, 10, 11, "input.bool"}},
		{"agencies, unclosed header", map[string]string{AgenciesFile: edit(t, baseAgencies, "[[groups]]", "[[groups]")},
			want{AgenciesFile, 35, 9, "input.header"}},
		{"report", map[string]string{goodReportPath: edit(t, goodReport, `number = "12/BC-SNV"`, `number = "12/BC-SNV`)},
			want{goodReportPath, 4, 10, "input.unclosedString"}},
		{"report, first line", map[string]string{goodReportPath: edit(t, goodReport, `agency = "so-noi-vu"`, `agency = `)},
			want{goodReportPath, 2, 10, "input.noValue"}},
		{"report, in an update", map[string]string{goodReportPath: edit(t, goodReport, `progress = 40`, `progress = 40%`)},
			want{goodReportPath, 21, 12, "input.progress"}},
		{"report, duplicate key", map[string]string{goodReportPath: edit(t, goodReport, `progress = 40`, "progress = 40\nprogress = 50")},
			want{goodReportPath, 22, 1, "input.duplicateKey"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// One mistake, one problem: the references into a file that
			// could not be read are not reported as well.
			loadProblems(t, tt.files, tt.want)
		})
	}
}

func TestLoadWrongType(t *testing.T) {
	t.Parallel()
	// The value is found in the right element of an array of tables, not in
	// the last one that has the same key.
	plan := edit(t, basePlan, "number = 2", `number = "2"`)
	agencies := edit(t, baseAgencies, "id = \"huyen-a\"\nname = \"Ủy ban nhân dân huyện A\"\nkind = \"huyen\"\nreports = true",
		"id = \"huyen-a\"\nname = \"Ủy ban nhân dân huyện A\"\nkind = \"huyen\"\nreports = \"có\"")
	report := edit(t, goodReport, "done_on = 2018-06-15", `done_on = "2018-13-01"`)
	report = edit(t, report, "progress = 40", "progress = 40\ndone_on = 2018-06-01")
	dueNumber := edit(t, basePlan, `due = "2018-Q2"`, `due = 2018`)
	tests := []struct {
		name, key string
		files     map[string]string
		want      want
	}{
		{"task number in the 2nd of 3 tasks", "number", map[string]string{PlanFile: plan}, want{PlanFile, 29, 10, "input.integer"}},
		{"reports in the 3rd of 5 agencies", "reports", map[string]string{AgenciesFile: agencies},
			at(t, AgenciesFile, agencies, "", `"có"`, "input.bool")},
		{"done_on in the 1st of 2 updates", "done_on", map[string]string{goodReportPath: report},
			want{goodReportPath, 15, 11, "input.dateForm"}},
		{"due as a number", "due", map[string]string{PlanFile: dueNumber},
			at(t, PlanFile, dueNumber, "", "2018\n", "input.text")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, tt.files, tt.want)
			if ps[0].Args[0] != tt.key {
				t.Errorf("key = %v, want %q", ps[0].Args[0], tt.key)
			}
		})
	}
}

func TestLoadUnknownKey(t *testing.T) {
	t.Parallel()
	// ownr in the 2nd milestone of the 3rd task.
	plan := edit(t, basePlan, "id = \"3b\"\n  owner", "id = \"3b\"\n  ownr")
	agencies := edit(t, baseAgencies, "id = \"so-tu-phap\"\nname", "id = \"so-tu-phap\"\nnmae")
	report := edit(t, goodReport, "approved_by", "aproved_by")
	report2 := edit(t, goodReport, "progress = 40", "progres = 40")
	table := edit(t, basePlan, "[reporting]", "[reportng]")
	tests := []struct {
		name      string
		files     map[string]string
		want      []want
		bad, sugg string
	}{
		{"milestone key", map[string]string{PlanFile: plan}, []want{
			{PlanFile, 53, 3, "field.required"}, // the milestone has no owner
			{PlanFile, 55, 3, "toml.unknownKey"},
		}, "ownr", "owner"},
		{"agency key", map[string]string{AgenciesFile: agencies}, []want{
			at(t, AgenciesFile, agencies, "[[agencies]]\nid = \"so-tu-phap\"", "[[agencies]]", "field.required"),
			at(t, AgenciesFile, agencies, "", "nmae", "toml.unknownKey"),
		}, "nmae", "name"},
		{"approval key in a report", map[string]string{goodReportPath: report}, []want{
			{goodReportPath, 7, 1, "approval.by"},
			{goodReportPath, 9, 1, "toml.unknownKey"},
		}, "aproved_by", "approved_by"},
		{"update key in a report", map[string]string{goodReportPath: report2}, []want{
			{goodReportPath, 21, 1, "toml.unknownKey"},
		}, "progres", "progress"},
		{"in every milestone", map[string]string{PlanFile: strings.ReplaceAll(basePlan, "  action =", "  acton =")}, []want{
			{PlanFile, 15, 3, "field.required"}, {PlanFile, 18, 3, "toml.unknownKey"},
			{PlanFile, 21, 3, "field.required"}, {PlanFile, 24, 3, "toml.unknownKey"},
			{PlanFile, 34, 3, "field.required"}, {PlanFile, 38, 3, "toml.unknownKey"},
			{PlanFile, 47, 3, "field.required"}, {PlanFile, 50, 3, "toml.unknownKey"},
			{PlanFile, 53, 3, "field.required"}, {PlanFile, 56, 3, "toml.unknownKey"},
		}, "acton", "action"},
		{"table", map[string]string{PlanFile: table}, []want{
			{PlanFile, 4, 1, "toml.unknownKey"},
			{PlanFile, 5, 1, "toml.unknownKey"},
			{PlanFile, 6, 1, "toml.unknownKey"},
			{PlanFile, 7, 1, "toml.unknownKey"},
		}, "reportng", "reporting"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, tt.files, tt.want...)
			for _, p := range ps {
				if p.Key == "toml.unknownKey" {
					if p.Args[0] != tt.bad || p.Args[1] != tt.sugg {
						t.Errorf("args = %v, want [%s %s]", p.Args, tt.bad, tt.sugg)
					}
					break
				}
			}
		})
	}
}

func TestLoadMissingField(t *testing.T) {
	t.Parallel()
	noTitle := edit(t, basePlan, "title = \"Nhiệm vụ hai\"\n", "")
	noAction := edit(t, basePlan, "  action = \"Xây dựng đề án\"\n", "")
	noID := edit(t, basePlan, "  id = \"2a\"\n", "")
	noName := edit(t, baseAgencies, "name = \"Ủy ban nhân dân huyện B\"\n", "")
	noMembers := edit(t, baseAgencies, "members = [\"huyen-a\", \"huyen-b\"]\n", "")
	noScope := edit(t, baseAgencies, "members = [\"huyen-a\", \"huyen-b\"]\n", "members = [\"huyen-a\", \"huyen-b\"]\npartial = true\n")
	tests := []struct {
		name  string
		files map[string]string
		want  want
		field string
	}{
		{"task title", map[string]string{PlanFile: noTitle}, want{PlanFile, 28, 1, "field.required"}, "title"},
		{"milestone action", map[string]string{PlanFile: noAction}, want{PlanFile, 15, 3, "field.required"}, "action"},
		{"milestone id", map[string]string{PlanFile: noID}, want{PlanFile, 34, 3, "field.required"}, "id"},
		{"agency name", map[string]string{AgenciesFile: noName},
			at(t, AgenciesFile, noName, "[[agencies]]\nid = \"huyen-b\"", "[[agencies]]", "field.required"), "name"},
		{"group members", map[string]string{AgenciesFile: noMembers},
			at(t, AgenciesFile, noMembers, "", "[[groups]]", "group.empty"), "cac-huyen"},
		{"partial group scope", map[string]string{AgenciesFile: noScope},
			at(t, AgenciesFile, noScope, "", "[[groups]]", "group.partialScope"), "cac-huyen"},
		{"report agency", map[string]string{goodReportPath: edit(t, goodReport, "agency = \"so-noi-vu\"\n", "")},
			top(goodReportPath, "field.required"), "agency"},
		{"report period", map[string]string{goodReportPath: edit(t, goodReport, "period = \"2018-H1\"\n", "")},
			top(goodReportPath, "field.required"), "period"},
		{"report date", map[string]string{goodReportPath: edit(t, goodReport, "date = 2018-07-05\n", "")},
			top(goodReportPath, "field.required"), "date"},
		{"approved report number", map[string]string{goodReportPath: edit(t, goodReport, "number = \"12/BC-SNV\"\n", "")},
			top(goodReportPath, "field.required"), "number"},
		{"approval state", map[string]string{goodReportPath: edit(t, goodReport, "state = \"approved\"\n", "")},
			want{goodReportPath, 7, 1, "field.required"}, "approval.state"},
		{"update milestone", map[string]string{goodReportPath: edit(t, goodReport, "milestone = \"3a\"\n", "")},
			want{goodReportPath, 18, 1, "field.required"}, "milestone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, tt.files, tt.want)
			if ps[0].Args[0] != tt.field {
				t.Errorf("args = %v, want %q first", ps[0].Args, tt.field)
			}
		})
	}
}

func TestLoadUnknownReference(t *testing.T) {
	t.Parallel()
	issuer := edit(t, basePlan, `issuer = "ubnd-tinh"`, `issuer = "ubnd-tinhh"`)
	compiler := edit(t, basePlan, `compiler = "so-noi-vu"`, `compiler = "so-noivu"`)
	overseer := edit(t, basePlan, "slug = \"nhiem-vu-hai\"\ntitle = \"Nhiệm vụ hai\"\noverseer = \"chu-tich\"", "slug = \"nhiem-vu-hai\"\ntitle = \"Nhiệm vụ hai\"\noverseer = \"chu-tịch\"")
	owner := edit(t, basePlan, "id = \"3a\"\n  owner = \"so-noi-vu\"", "id = \"3a\"\n  owner = \"so-noi-vuu\"")
	group := edit(t, basePlan, `owner = "cac-huyen"`, `owner = "cac-huyn"`)
	partner := edit(t, basePlan, `partners = ["so-noi-vu"]`, `partners = ["so-noi-vu", "so-tu-phapp"]`)
	tests := []struct {
		name        string
		files       map[string]string
		want        want
		id, suggest string
	}{
		{"issuer", map[string]string{PlanFile: issuer}, want{PlanFile, 2, 10, "ref.agency"}, "ubnd-tinhh", "ubnd-tinh"},
		{"compiler", map[string]string{PlanFile: compiler}, want{PlanFile, 5, 12, "ref.agency"}, "so-noivu", "so-noi-vu"},
		{"overseer", map[string]string{PlanFile: overseer}, want{PlanFile, 32, 12, "ref.role"}, "chu-tịch", "chu-tich"},
		{"owner", map[string]string{PlanFile: owner}, want{PlanFile, 49, 11, "ref.owner"}, "so-noi-vuu", "so-noi-vu"},
		{"group owner", map[string]string{PlanFile: group}, want{PlanFile, 23, 11, "ref.owner"}, "cac-huyn", "cac-huyen"},
		{"partner", map[string]string{PlanFile: partner}, want{PlanFile, 37, 14, "ref.owner"}, "so-tu-phapp", "so-tu-phap"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, tt.files, tt.want)
			if ps[0].Args[0] != tt.id || ps[0].Args[1] != tt.suggest {
				t.Errorf("args = %v, want [%s %s]", ps[0].Args, tt.id, tt.suggest)
			}
		})
	}
}

func TestLoadDuplicate(t *testing.T) {
	t.Parallel()
	number := edit(t, basePlan, "number = 3", "number = 2")
	slug := edit(t, basePlan, `slug = "nhiem-vu-ba"`, `slug = "nhiem-vu-mot"`)
	alias := edit(t, basePlan, "slug = \"nhiem-vu-ba\"\n", "slug = \"nhiem-vu-ba\"\naliases = [\"nhiem-vu-hai\"]\n")
	milestone := edit(t, basePlan, `id = "3b"`, `id = "1a"`)
	agency := baseAgencies + "\n[[agencies]]\nid = \"huyen-a\"\nname = \"Huyện A, lần nữa\"\n"
	group := baseAgencies + "\n[[groups]]\nid = \"so-noi-vu\"\nname = \"Nhóm\"\nmembers = [\"so-noi-vu\"]\n"
	role := edit(t, baseAgencies, "[[agencies]]\nid = \"so-noi-vu\"", "[[roles]]\nid = \"chu-tich\"\ntitle = \"Chủ tịch\"\n\n[[agencies]]\nid = \"so-noi-vu\"")
	tests := []struct {
		name  string
		files map[string]string
		want  want
		args  []any
	}{
		{"task number", map[string]string{PlanFile: number}, want{PlanFile, 42, 10, "task.duplicateNumber"}, []any{2, "data/plan.toml:28"}},
		{"slug", map[string]string{PlanFile: slug}, want{PlanFile, 43, 8, "id.duplicate"}, []any{"nhiem-vu-mot", "data/plan.toml:9"}},
		{"alias of another task's slug", map[string]string{PlanFile: alias}, want{PlanFile, 44, 11, "id.duplicate"}, []any{"nhiem-vu-hai", "data/plan.toml:28"}},
		{"milestone id", map[string]string{PlanFile: milestone}, want{PlanFile, 54, 8, "id.duplicate"}, []any{"1a", "data/plan.toml:15"}},
		{"agency id", map[string]string{AgenciesFile: agency}, at(t, AgenciesFile, agency, "id = \"huyen-a\"\nname = \"Huyện A", `"huyen-a"`, "id.duplicate"),
			[]any{"huyen-a", "data/agencies.toml:18"}},
		{"group id used by an agency", map[string]string{AgenciesFile: group}, at(t, AgenciesFile, group, "", `"so-noi-vu"`+"\nname = \"Nhóm\"", "id.duplicate"),
			[]any{"so-noi-vu", "data/agencies.toml:6"}},
		{"role id", map[string]string{AgenciesFile: role}, at(t, AgenciesFile, role, "id = \"chu-tich\"\ntitle = \"Chủ tịch\"\n", `"chu-tich"`, "id.duplicate"),
			[]any{"chu-tich", "data/agencies.toml:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, tt.files, tt.want)
			if fmt.Sprint(ps[0].Args) != fmt.Sprint(tt.args) {
				t.Errorf("args = %v, want %v", ps[0].Args, tt.args)
			}
		})
	}
}

func TestLoadIDForm(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{
		"Nhiệm-vụ", "../etc", "a/b", `a\b`, "A", "a--b", "ａｂｃ", "-a", "a-", "a b", "a.b", "a_b",
		"nhiem-vu-2.", "%2e%2e", "a\u200bb", strings.Repeat("a", 81),
	} {
		t.Run(bad, func(t *testing.T) {
			plan := edit(t, basePlan, `slug = "nhiem-vu-hai"`, "slug = "+tomlString(bad))
			ps := loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 30, 8, "id.form"})
			if ps[0].Args[0] != "slug" || ps[0].Args[1] != bad {
				t.Errorf("args = %v", ps[0].Args)
			}
			if s, _ := ps[0].Args[2].(string); !ValidID(s) {
				t.Errorf("suggested id %q is not valid itself", s)
			}
		})
	}
	// The same rule holds for every id: milestones, aliases, agencies.
	plan := edit(t, basePlan, `id = "2a"`, `id = "2A"`)
	loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 35, 8, "id.form"})
	plan = edit(t, basePlan, "slug = \"nhiem-vu-ba\"\n", "slug = \"nhiem-vu-ba\"\naliases = [\"nhiệm-vụ-ba\"]\n")
	loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 44, 11, "id.form"})
	agencies := baseAgencies + "\n[[agencies]]\nid = \"Sở Xây dựng\"\nname = \"Sở Xây dựng\"\n"
	ps := loadProblems(t, map[string]string{AgenciesFile: agencies}, at(t, AgenciesFile, agencies, "id = \"Sở Xây dựng\"", `"Sở`, "id.form"))
	if ps[0].Args[2] != "so-xay-dung" {
		t.Errorf("suggested id = %v, want so-xay-dung", ps[0].Args[2])
	}

	for _, good := range []string{"a", "2018", "nhiem-vu-1", strings.Repeat("a", 80)} {
		plan := edit(t, basePlan, `slug = "nhiem-vu-hai"`, "slug = "+tomlString(good))
		if _, err := load(t, map[string]string{PlanFile: plan}); err != nil {
			t.Errorf("slug %q: %v", good, err)
		}
	}
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func TestLoadDueForm(t *testing.T) {
	t.Parallel()
	for _, bad := range []string{"2018-Q5", "2018-q2", "Quý II/2018", "２０１８", "from2018", "2019-02-29", "1800", "2018-H3", " 2018", "thường xuyên"} {
		t.Run(bad, func(t *testing.T) {
			plan := edit(t, basePlan, `due = "2018-09-30"`, "due = "+tomlString(bad))
			ps := loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 57, 9, "due.form"})
			if ps[0].Args[0] != bad {
				t.Errorf("args = %v", ps[0].Args)
			}
		})
	}
}

func TestLoadGroupUnknownMember(t *testing.T) {
	t.Parallel()
	agencies := edit(t, baseAgencies, `members = ["huyen-a", "huyen-b"]`, `members = ["huyen-a", "huyen-c"]`)
	ps := loadProblems(t, map[string]string{AgenciesFile: agencies}, want{AgenciesFile, 38, 23, "group.unknownMember"})
	if ps[0].Args[0] != "cac-huyen" || ps[0].Args[1] != "huyen-c" || ps[0].Args[2] != "huyen-a" {
		t.Errorf("args = %v", ps[0].Args)
	}
	agencies = edit(t, baseAgencies, `members = ["huyen-a", "huyen-b"]`, `members = ["huyen-a", "huyen-b", "huyen-a"]`)
	loadProblems(t, map[string]string{AgenciesFile: agencies}, want{AgenciesFile, 38, 34, "group.duplicateMember"})
}

func TestLoadCollectsAllProblems(t *testing.T) {
	t.Parallel()
	// Three mistakes in one file, written out of order on purpose: three
	// problems, sorted by line.
	plan := edit(t, basePlan, `slug = "nhiem-vu-ba"`, `slug = "nhiem-vu-mot"`)
	plan = edit(t, plan, "slug = \"nhiem-vu-mot\"\ntitle = \"Nhiệm vụ một\"\noverseer = \"chu-tich\"", "slug = \"nhiem-vu-mot\"\ntitle = \"Nhiệm vụ một\"\noverseer = \"giam-doc\"")
	plan = edit(t, plan, `due = "2018-Q2"`, `due = "Q2/2018"`)
	loadProblems(t, map[string]string{PlanFile: plan},
		want{PlanFile, 13, 12, "ref.role"},
		want{PlanFile, 19, 9, "due.form"},
		want{PlanFile, 43, 8, "id.duplicate"},
	)

	// Problems in several files come file by file, each in line order:
	// the data files first, since the reports depend on them.
	agencies := edit(t, baseAgencies, `kind = "tinh"`, `kind = "province"`)
	report := edit(t, goodReport, "progress = 40", "progress = 140")
	report = edit(t, report, `milestone = "1a"`, `milestone = "1z"`)
	loadProblems(t, map[string]string{PlanFile: plan, AgenciesFile: agencies, goodReportPath: report},
		at(t, AgenciesFile, agencies, "", `"province"`, "value.oneOf"),
		want{PlanFile, 13, 12, "ref.role"},
		want{PlanFile, 19, 9, "due.form"},
		want{PlanFile, 43, 8, "id.duplicate"},
		want{goodReportPath, 13, 13, "ref.milestone"},
		want{goodReportPath, 21, 12, "update.progress"},
	)
}

// windows writes src as some Windows editors save it: a byte-order mark and
// CRLF line ends.
func windows(src string) string { return "\ufeff" + strings.ReplaceAll(src, "\n", "\r\n") }

func TestLoadCRLFAndBOM(t *testing.T) {
	t.Parallel()
	p, err := load(t, map[string]string{
		PlanFile:       windows(basePlan),
		AgenciesFile:   windows(baseAgencies),
		goodReportPath: windows(goodReport),
	})
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(p.Plan.Tasks) != 3 || p.Plan.Title != "Kế hoạch thử nghiệm" || len(p.Agencies.Agencies) != 5 {
		t.Errorf("plan or agencies not read: %+v", p.Plan)
	}
	if m := p.Plan.Tasks[2].Milestones[1]; m.Pos != (Pos{PlanFile, 53, 3}) || m.Action != "Báo cáo" {
		t.Errorf("milestone 3b = %+v", m)
	}
	if len(p.Published()) != 1 {
		t.Fatalf("%d published reports, want 1", len(p.Published()))
	}
	r := p.Published()[0]
	if r.Agency != "so-noi-vu" || len(r.Updates) != 2 || r.Updates[1].Note != "Đang rà soát" || r.Body != "Nội dung báo cáo.\n" {
		t.Errorf("report = %+v", r)
	}

	// Positions are the same as without the mark and the CRs.
	plan := windows(edit(t, basePlan, `due = "2018-Q2"`, `due = "Q2/2018"`))
	loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 19, 9, "due.form"})
	plan = windows(edit(t, basePlan, `slug = "nhiem-vu-hai"`, `slug = "nhiem-vu-hai`))
	loadProblems(t, map[string]string{PlanFile: plan}, want{PlanFile, 30, 8, "input.unclosedString"})
	report := windows(edit(t, goodReport, "progress = 40", "progress = 101"))
	loadProblems(t, map[string]string{goodReportPath: report}, want{goodReportPath, 21, 12, "update.progress"})
	report = windows(edit(t, goodReport, "progress = 40", "progres = 40"))
	loadProblems(t, map[string]string{goodReportPath: report}, want{goodReportPath, 21, 1, "toml.unknownKey"})
}

func TestLoadReportProblems(t *testing.T) {
	t.Parallel()
	const path = goodReportPath
	// r changes goodReport: each pair is an old and a new text.
	r := func(pairs ...string) string {
		t.Helper()
		src := goodReport
		for i := 0; i < len(pairs); i += 2 {
			src = edit(t, src, pairs[i], pairs[i+1])
		}
		return src
	}
	tests := []struct {
		name string
		path string // goodReportPath when empty
		src  string
		want want
		args []any // checked when not nil
	}{
		{"unknown agency", "", r(`agency = "so-noi-vu"`, `agency = "so-noi-vuu"`), want{path, 2, 10, "ref.agency"}, []any{"so-noi-vuu", "so-noi-vu"}},
		{"group as agency", "", r(`agency = "so-noi-vu"`, `agency = "cac-huyen"`), want{path, 2, 10, "report.groupAgency"}, nil},
		{"unknown period", "", r(`period = "2018-H1"`, `period = "2018-H2"`), want{path, 3, 10, "period.form"}, []any{"2018-H2"}},
		{"unknown milestone", "", r(`milestone = "3a"`, `milestone = "3z"`), want{path, 19, 13, "ref.milestone"}, []any{"3z", "3a"}},
		{"milestone of another agency", "", r(`milestone = "3a"`, `milestone = "2a"`), want{path, 19, 13, "update.notOwner"},
			[]any{"so-noi-vu", "2a", "Sở Tư pháp"}},
		{"milestone of a group the agency is not in", "", r(`milestone = "3a"`, `milestone = "1b"`), want{path, 19, 13, "update.notMember"},
			[]any{"so-noi-vu", "1b", "Ủy ban nhân dân các huyện"}},
		{"member that is not in the group", "content/bao-cao/2018-H1/huyen-a.md", edit(t, huyenAReport, "state = \"waiting\"", "member = \"so-noi-vu\"\nstate = \"waiting\""),
			want{"content/bao-cao/2018-H1/huyen-a.md", 13, 13, "update.notMember"}, []any{"so-noi-vu", "1b", "Ủy ban nhân dân các huyện"}},
		{"report for another member", "content/bao-cao/2018-H1/huyen-a.md", edit(t, huyenAReport, "state = \"waiting\"", "member = \"huyen-b\"\nstate = \"waiting\""),
			want{"content/bao-cao/2018-H1/huyen-a.md", 14, 10, "update.otherMember"}, []any{"huyen-a", "huyen-b"}},
		{"approved without approved_by", "", r("approved_by = \"Giám đốc Sở Nội vụ\"\n", ""), want{path, 7, 1, "approval.by"}, nil},
		{"approved with a blank approved_by", "", r(`approved_by = "Giám đốc Sở Nội vụ"`, `approved_by = "  "`), want{path, 7, 1, "approval.by"}, nil},
		{"approved without approved_on", "", r("approved_on = 2018-07-10\n", ""), want{path, 7, 1, "approval.on"}, nil},
		{"approved before the report's date", "", r("approved_on = 2018-07-10", "approved_on = 2018-07-04"), want{path, 10, 15, "approval.beforeDate"}, nil},
		{"unknown approval state", "", r(`state = "approved"`, `state = "approve"`), want{path, 8, 9, "value.oneOf"}, []any{"approval.state", "approve", "draft, submitted, approved, rejected"}},
		{"progress -1", "", r("progress = 40", "progress = -1"), want{path, 21, 12, "update.progress"}, []any{-1}},
		{"progress 101", "", r("progress = 40", "progress = 101"), want{path, 21, 12, "update.progress"}, []any{101}},
		{"done after the report's date", "", r("done_on = 2018-06-15", "done_on = 2018-07-06"), want{path, 15, 11, "update.doneAfterReport"},
			[]any{"6/7/2018", "5/7/2018"}},
		{"done without a date", "", r("done_on = 2018-06-15\n", ""), want{path, 12, 1, "update.doneOnMissing"}, nil},
		{"a date but not done", "", r("progress = 40", "progress = 40\ndone_on = 2018-06-01"), want{path, 22, 11, "update.doneOnNotDone"}, nil},
		{"unknown update state", "", r(`state = "in-progress"`, `state = "dang-lam"`), want{path, 20, 9, "value.oneOf"}, nil},
		{"waiting on a milestone with no condition", "", r("state = \"done\"\ndone_on = 2018-06-15\n", "state = \"waiting\"\n"),
			want{path, 14, 9, "update.waitingNoCondition"}, []any{"1a"}},
		{"the same milestone twice", "", r(`milestone = "3a"`, `milestone = "1a"`), want{path, 18, 1, "update.duplicate"}, []any{"1a", path + ":12"}},
		{"wrong period folder", "content/bao-cao/2018/so-noi-vu.md", goodReport, want{"content/bao-cao/2018/so-noi-vu.md", 3, 10, "report.folder"}, []any{"2018-H1", "2018"}},
		{"dated before its period", "", r("date = 2018-07-05", "date = 2017-12-31", "done_on = 2018-06-15", "done_on = 2017-12-01"),
			want{path, 5, 8, "report.dateBeforePeriod"}, []any{"31/12/2017", "2018-H1", "1/1/2018"}},
		{"no front matter", "", "agency = \"so-noi-vu\"\nperiod = \"2018-H1\"\n", top(path, "report.frontMatter"), nil},
		{"YAML front matter", "", strings.ReplaceAll(goodReport, "+++", "---"), top(path, "report.frontMatter"), nil},
		{"front matter not closed", "", strings.Replace(goodReport, "+++\nNội dung", "Nội dung", 1), top(path, "report.frontMatter"), nil},
		{"empty file", "", "", top(path, "report.frontMatter"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.path
			if p == "" {
				p = path
			}
			ps := loadProblems(t, map[string]string{p: tt.src}, tt.want)
			if tt.args != nil && fmt.Sprint(ps[0].Args) != fmt.Sprint(tt.args) {
				t.Errorf("args = %v, want %v", ps[0].Args, tt.args)
			}
		})
	}
}

func TestLoadReportBoundaries(t *testing.T) {
	t.Parallel()
	// What is allowed just inside each limit.
	for name, src := range map[string]string{
		"progress 0":                  edit(t, goodReport, "progress = 40", "progress = 0"),
		"progress 100":                edit(t, goodReport, "progress = 40", "progress = 100"),
		"done on the report's date":   edit(t, goodReport, "done_on = 2018-06-15", "done_on = 2018-07-05"),
		"approved on the same day":    edit(t, goodReport, "approved_on = 2018-07-10", "approved_on = 2018-07-05"),
		"dated on the period's start": edit(t, edit(t, goodReport, "date = 2018-07-05", "date = 2018-01-01"), "done_on = 2018-06-15", "done_on = 2018-01-01"),
		"dated after the period":      edit(t, edit(t, goodReport, "date = 2018-07-05", "date = 2019-02-01"), "approved_on = 2018-07-10", "approved_on = 2019-02-02"),
		"the compiler for a member":   edit(t, goodReport, `milestone = "3a"`, "milestone = \"1b\"\nmember = \"huyen-b\""),
		"no updates":                  goodReport[:strings.Index(goodReport, "[[updates]]")] + "+++\n",
		"closing +++ at the end":      strings.TrimSuffix(goodReport, "Nội dung báo cáo.\n") + "",
	} {
		t.Run(name, func(t *testing.T) {
			p, err := load(t, map[string]string{goodReportPath: src})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(p.Published()) != 1 {
				t.Errorf("%d published reports, want 1", len(p.Published()))
			}
		})
	}
}

func TestLoadTwoApprovedReports(t *testing.T) {
	t.Parallel()
	// Two files with different names, one agency, one period.
	second := "content/bao-cao/2018-H1/so-noi-vu.v2.md"
	loadProblems(t, map[string]string{goodReportPath: goodReport, second: edit(t, goodReport, "12/BC-SNV", "13/BC-SNV")},
		top(second, "report.duplicateApproved"))
	ps := problemsOf(t, func() error {
		_, err := load(t, map[string]string{goodReportPath: goodReport, second: goodReport})
		return err
	}())
	if fmt.Sprint(ps[0].Args) != fmt.Sprint([]any{"so-noi-vu", "2018-H1", goodReportPath}) {
		t.Errorf("args = %v", ps[0].Args)
	}

	// One approved and one draft, or two periods, are fine.
	for name, files := range map[string]map[string]string{
		"approved and draft": {goodReportPath: goodReport, second: edit(t, goodReport, `state = "approved"`, `state = "draft"`)},
		"two periods":        {goodReportPath: goodReport, "content/bao-cao/2018/so-noi-vu.md": edit(t, goodReport, `period = "2018-H1"`, `period = "2018"`)},
	} {
		if _, err := load(t, files); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestLoadUnapprovedReportWithProblems(t *testing.T) {
	t.Parallel()
	// A report that is not approved is never published, so its problems do
	// not stop the build: they stay with the report.
	for _, state := range []string{Draft, Submitted, Rejected} {
		t.Run(state, func(t *testing.T) {
			src := edit(t, goodReport, `state = "approved"`, `state = "`+state+`"`)
			src = edit(t, src, `milestone = "3a"`, `milestone = "3z"`)
			src = edit(t, src, "progress = 40", "progress = 101\nprogres = 1")
			src = edit(t, src, "approved_on = 2018-07-10\n", "")
			p, err := load(t, map[string]string{goodReportPath: src, "content/bao-cao/2018-H1/huyen-a.md": huyenAReport})
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			var r *Report
			for _, x := range p.Reports {
				if x.File == goodReportPath {
					r = x
				}
			}
			if r == nil {
				t.Fatal("the report is missing from Project.Reports")
			}
			if r.Approval.State != state || r.IsPublished() {
				t.Errorf("state %q, published %v", r.Approval.State, r.IsPublished())
			}
			for _, x := range p.Published() {
				if x == r {
					t.Error("an unapproved report is published")
				}
			}
			checkProblems(t, r.Problems,
				want{goodReportPath, 18, 13, "ref.milestone"},
				want{goodReportPath, 20, 12, "update.progress"},
				want{goodReportPath, 21, 1, "toml.unknownKey"},
			)
		})
	}

	// The same report approved stops the build, and is left out.
	src := edit(t, goodReport, `milestone = "3a"`, `milestone = "3z"`)
	p, err := load(t, map[string]string{goodReportPath: src})
	checkProblems(t, problemsOf(t, err), want{goodReportPath, 19, 13, "ref.milestone"})
	if len(p.Reports) != 0 || len(p.Published()) != 0 {
		t.Errorf("reports = %v, want none", p.Reports)
	}
}

func TestLoadMissingAndLargeFiles(t *testing.T) {
	t.Parallel()
	fs := afero.NewMemMapFs()
	if err := afero.WriteFile(fs, root+"/"+PlanFile, []byte(basePlan), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(fs, root)
	// Only the missing file: the plan's references to it are not checked.
	checkProblems(t, problemsOf(t, err), top(AgenciesFile, "file.missing"))

	_, err = Load(afero.NewMemMapFs(), root)
	checkProblems(t, problemsOf(t, err), top(AgenciesFile, "file.missing"), top(PlanFile, "file.missing"))

	fs = newPortal(t, map[string]string{goodReportPath: goodReport})
	_, err = Load(fs, root, WithLimits(DefaultMaxDataBytes, int64(len(goodReport)-1)))
	checkProblems(t, problemsOf(t, err), top(goodReportPath, "file.tooLarge"))
	if _, err = Load(fs, root, WithLimits(DefaultMaxDataBytes, int64(len(goodReport)))); err != nil {
		t.Errorf("a report of exactly the limit: %v", err)
	}
}

func TestLoadNoKnockOnProblems(t *testing.T) {
	t.Parallel()
	// One mistake in the plan is told once, not again on every report that
	// uses what it names.
	owner := edit(t, basePlan, "id = \"1a\"\n  owner = \"so-noi-vu\"", "id = \"1a\"\n  owner = \"so-noi-vuu\"")
	loadProblems(t, map[string]string{PlanFile: owner, goodReportPath: goodReport},
		at(t, PlanFile, owner, "", `"so-noi-vuu"`, "ref.owner"))
	// A plan that cannot be read: the reports' milestones are not checked.
	broken := edit(t, basePlan, `slug = "nhiem-vu-hai"`, `slug = "nhiem-vu-hai`)
	loadProblems(t, map[string]string{PlanFile: broken, goodReportPath: goodReport},
		want{PlanFile, 30, 8, "input.unclosedString"})
	// Agencies that cannot be read: no reference to them is checked.
	agencies := edit(t, baseAgencies, "[[groups]]", "[[groups]")
	loadProblems(t, map[string]string{AgenciesFile: agencies, goodReportPath: goodReport},
		want{AgenciesFile, 35, 9, "input.header"})
}

// TestOverseerIsOptional: not every plan names who oversees each task.
func TestOverseerIsOptional(t *testing.T) {
	t.Parallel()
	noOverseer := edit(t, basePlan, "title = \"Nhiệm vụ ba\"\noverseer = \"chu-tich\"\n", "title = \"Nhiệm vụ ba\"\n")
	p, err := Load(newPortal(t, map[string]string{PlanFile: noOverseer}), root)
	if err != nil {
		t.Fatalf("a task without an overseer must load: %v", err)
	}
	found := false
	for _, task := range p.Plan.Tasks {
		found = found || task.Overseer == ""
	}
	if !found {
		t.Error("the fixture has no task without an overseer")
	}
}
