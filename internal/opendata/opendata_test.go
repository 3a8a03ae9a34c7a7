package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/leakcheck"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

const root = testportal.Root

const testBase = "https://example.gov.vn/minhbach/"

// draftSentence is written only into a draft report; it must reach no file.
const draftSentence = testportal.DraftSentence

var testAgencies = testportal.Agencies

// testPlan is the test portal's plan with a purpose, partners of the group
// milestone 1b, and texts that a spreadsheet would take for formulas.
var testPlan = testportal.Edit(testportal.PlanWithBasis,
	"issuer = \"ubnd-tinh\"\n\n", "issuer = \"ubnd-tinh\"\npurpose = [\"Mục đích một\"]\n\n",
	"  action = \"Xây dựng đề án\"\n", "  action = \"@Xây dựng đề án\"\n  deliverable = \"+Đề án\"\n",
	"  owner = \"cac-huyen\"\n", "  owner = \"cac-huyen\"\n  partners = [\"so-noi-vu\"]\n  other_partners = [\"các cơ quan báo chí\"]\n",
	"title = \"Nhiệm vụ ba\"", "title = \"-Nhiệm vụ ba\"")

// testReports are the test portal's reports with a number that is a
// formula, notes and narratives, and the yearly report marked as sample.
func testReports() map[string]string {
	r := testportal.Reports()
	const snv, a, year = "content/bao-cao/2018-H1/so-noi-vu.md", "content/bao-cao/2018-H1/huyen-a.md", "content/bao-cao/2018/so-noi-vu.md"
	r[snv] = testportal.Edit(r[snv], `number = "45/BC-SNV"`, `number = "=1+2"`, testportal.Hostile, "<script>alert(1)</script> ]]> done")
	r[a] = testportal.Edit(r[a], "state = \"waiting\"\n+++\n", "state = \"waiting\"\nnote = \"Chờ hướng dẫn\"\n+++\nHuyện A chờ hướng dẫn.\n")
	r[year] = testportal.Edit(r[year], "date = 2018-12-28\n", "date = 2018-12-28\nsample = true\n", "progress = 40\n+++\n", "progress = 40\n+++\nBáo cáo năm.\n")
	return r
}

// testProject loads the test portal from memory.
func testProject(t *testing.T) *plan.Project {
	t.Helper()
	return loadWith(t, testAgencies)
}

// loadWith loads the test portal with agencies as data/agencies.toml.
func loadWith(t *testing.T, agencies string) *plan.Project {
	t.Helper()
	files := testReports()
	files[plan.PlanFile], files[plan.AgenciesFile] = testPlan, agencies
	p, err := plan.Load(testportal.Fs(t, files), root)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	if len(p.Reports) != 4 || len(p.Published()) != 3 {
		t.Fatalf("fixture: %d reports, %d published; want 4 and 3", len(p.Reports), len(p.Published()))
	}
	return p
}

func build(t *testing.T, p *plan.Project, base string) map[string][]byte {
	t.Helper()
	var snap *status.Snapshot
	if asOf, ok := status.LatestAsOf(p); ok {
		snap = status.Derive(p, asOf)
	} else {
		snap = status.Derive(p, plan.Date{})
	}
	files, err := Files(p, snap, status.History(p), base)
	if err != nil {
		t.Fatalf("Files: %v", err)
	}
	return files
}

// readCSV checks the BOM and parses a CSV file into its header and rows,
// each row a map from column name to cell.
func readCSV(t *testing.T, name string, b []byte) ([]string, []map[string]string) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(BOM)) {
		t.Fatalf("%s: no byte-order mark", name)
	}
	body := b[len(BOM):]
	if bytes.HasPrefix(body, []byte(BOM)) {
		t.Fatalf("%s: two byte-order marks", name)
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Errorf("%s: does not end with CRLF", name)
	}
	if bytes.Contains(bytes.ReplaceAll(body, []byte("\r\n"), nil), []byte("\n")) {
		t.Errorf("%s: a bare LF line end", name)
	}
	r := csv.NewReader(bytes.NewReader(body))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if len(recs) == 0 {
		t.Fatalf("%s: empty", name)
	}
	header := recs[0]
	var rows []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range header {
			row[h] = rec[i]
		}
		rows = append(rows, row)
	}
	return header, rows
}

// pkg is the part of datapackage.json the tests read.
type pkg struct {
	Profile  string `json:"profile"`
	Name     string `json:"name"`
	Title    string `json:"title"`
	Licenses []struct {
		Name, Path, Title string
	} `json:"licenses"`
	Description string `json:"description"`
	Resources   []struct {
		Profile, Name, Path, Title, Description, Format, Mediatype, Encoding string
		Schema                                                               struct {
			Fields []struct {
				Name, Type, Title, Description string
				Constraints                    struct{ Enum []string }
			} `json:"fields"`
			PrimaryKey []string `json:"primaryKey"`
		} `json:"schema"`
	} `json:"resources"`
}

// checkAgainstPackage checks that every CSV matches its resource: the
// header column for column, and every cell against its field's type and
// constraints; and that primary keys are unique.
func checkAgainstPackage(t *testing.T, files map[string][]byte) (pkg, map[string][]map[string]string) {
	t.Helper()
	var dp pkg
	if err := json.Unmarshal(files[PackageJSON], &dp); err != nil {
		t.Fatalf("datapackage.json: %v", err)
	}
	if dp.Profile != "tabular-data-package" || dp.Name == "" || dp.Title == "" || dp.Description == "" {
		t.Errorf("datapackage: profile %q name %q title %q", dp.Profile, dp.Name, dp.Title)
	}
	if len(dp.Licenses) != 1 || dp.Licenses[0].Name != "CC-BY-4.0" || dp.Licenses[0].Path != "https://creativecommons.org/licenses/by/4.0/" || dp.Licenses[0].Title == "" {
		t.Errorf("licenses: %+v", dp.Licenses)
	}
	if !strings.Contains(dp.Description, "BOM") || !strings.Contains(dp.Description, "minhbach.json") {
		t.Errorf("description does not tell of the BOM and the JSON file: %s", dp.Description)
	}
	tables := map[string][]map[string]string{}
	var paths []string
	for _, res := range dp.Resources {
		file := Dir + "/" + res.Path
		paths = append(paths, file)
		b, ok := files[file]
		if !ok {
			t.Errorf("resource %s: no file %s", res.Name, file)
			continue
		}
		if res.Profile != "tabular-data-resource" || res.Format != "csv" || res.Mediatype != "text/csv" || res.Encoding != "utf-8" || res.Title == "" {
			t.Errorf("resource %s: %+v", res.Name, res)
		}
		if !strings.Contains(res.Description, "'") {
			t.Errorf("resource %s: description does not tell of the apostrophe", res.Name)
		}
		header, rows := readCSV(t, file, b)
		var names []string
		for _, f := range res.Schema.Fields {
			names = append(names, f.Name)
			if f.Title == "" || f.Description == "" {
				t.Errorf("%s.%s: no title or description", res.Name, f.Name)
			}
		}
		if !slices.Equal(header, names) {
			t.Errorf("%s: header\n%v\nfields\n%v", file, header, names)
		}
		for i, row := range rows {
			for _, f := range res.Schema.Fields {
				v := row[f.Name]
				if v == "" {
					continue
				}
				switch f.Type {
				case "integer":
					if _, err := strconv.Atoi(v); err != nil {
						t.Errorf("%s row %d %s: %q is not an integer", file, i+1, f.Name, v)
					}
				case "date":
					if _, err := plan.ParseDate(v); err != nil {
						t.Errorf("%s row %d %s: %q is not a date", file, i+1, f.Name, v)
					}
				case "boolean":
					if v != "true" && v != "false" {
						t.Errorf("%s row %d %s: %q is not a boolean", file, i+1, f.Name, v)
					}
				case "string":
				default:
					t.Errorf("%s.%s: type %q", res.Name, f.Name, f.Type)
				}
				if e := f.Constraints.Enum; len(e) > 0 && !slices.Contains(e, v) {
					t.Errorf("%s row %d %s: %q not in %v", file, i+1, f.Name, v, e)
				}
			}
		}
		if pk := res.Schema.PrimaryKey; len(pk) > 0 {
			seen := map[string]bool{}
			for _, row := range rows {
				var k []string
				for _, f := range pk {
					if row[f] == "" {
						t.Errorf("%s: empty primary key %s", file, f)
					}
					k = append(k, row[f])
				}
				key := strings.Join(k, "\x00")
				if seen[key] {
					t.Errorf("%s: duplicate primary key %q", file, key)
				}
				seen[key] = true
			}
		}
		tables[file] = rows
	}
	if want := []string{TasksCSV, MilestonesCSV, ReportsCSV}; !slices.Equal(paths, want) {
		t.Errorf("resources %v, want %v", paths, want)
	}
	return dp, tables
}

func find(rows []map[string]string, col, val string) map[string]string {
	for _, r := range rows {
		if r[col] == val {
			return r
		}
	}
	return nil
}

func TestFiles(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files := build(t, p, "https://example.gov.vn/minhbach") // no trailing slash
	var names []string
	for k := range files {
		names = append(names, k)
	}
	slices.Sort(names)
	want := []string{"du-lieu/bao-cao.csv", "du-lieu/datapackage.json", "du-lieu/minhbach.json", "du-lieu/moc.csv", "du-lieu/nhiem-vu.csv"}
	if !slices.Equal(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	_, tables := checkAgainstPackage(t, files)

	tasks := tables[TasksCSV]
	if len(tasks) != len(p.Plan.Tasks) {
		t.Errorf("%d task rows, want %d", len(tasks), len(p.Plan.Tasks))
	}
	t1 := find(tasks, "slug", "nhiem-vu-mot")
	if t1 == nil {
		t.Fatal("no row for nhiem-vu-mot")
	}
	checkCells(t, "task 1", t1, map[string]string{
		"number": "1", "title": "Nhiệm vụ một", "title_en": "Task one",
		"overseer_id": "chu-tich", "overseer_title": "Chủ tịch Ủy ban nhân dân tỉnh",
		"lead_agency_ids": "so-noi-vu;cac-huyen", "lead_agency_names": "Sở Nội vụ; Ủy ban nhân dân các huyện",
		"status": "not-reported", "status_label_vi": "Chưa báo cáo",
		"url":      testBase + "nhiem-vu/nhiem-vu-mot/",
		"deadline": "2018-12-31", "as_of": "2018-12-31",
	})
	checkCells(t, "task 3", find(tasks, "slug", "nhiem-vu-ba"), map[string]string{
		"title": "'-Nhiệm vụ ba", "status": "overdue", "status_label_vi": "Quá hạn",
	})

	ms := tables[MilestonesCSV]
	wantRows := 0
	for _, tk := range p.Plan.Tasks {
		for _, m := range tk.Milestones {
			wantRows++
			if p.Agencies.Group(m.Owner) != nil {
				wantRows += len(p.Agencies.Members(m.Owner))
			}
		}
	}
	if len(ms) != wantRows || wantRows != 7 {
		t.Errorf("%d milestone rows, want %d (7)", len(ms), wantRows)
	}
	checkCells(t, "1a", find(ms, "row_id", "1a"), map[string]string{
		"row_kind": "milestone", "task_number": "1", "task_slug": "nhiem-vu-mot", "milestone_id": "1a",
		"owner_id": "so-noi-vu", "owner_name": "Sở Nội vụ", "member_id": "so-noi-vu", "member_name": "Sở Nội vụ",
		"action": "'@Xây dựng đề án", "deliverable": "'+Đề án",
		"due": "2018-Q2", "due_words_vi": "Trong quý II/2018", "deadline": "2018-06-30",
		"status": "done-on-time", "status_label_vi": "Hoàn thành đúng hạn",
		"members_done": "1", "members_total": "1",
		"source_agency_id": "so-noi-vu", "source_period": "2018-H1", "source_number": "'=1+2", "source_date": "2018-07-05",
		"as_of": "2018-12-31", "done_on": "2018-06-20", "progress": "100", "days_late": "",
	})
	checkCells(t, "1b", find(ms, "row_id", "1b"), map[string]string{
		"row_kind": "milestone", "owner_id": "cac-huyen", "member_id": "", "member_name": "",
		"partner_ids": "so-noi-vu", "partner_names": "Sở Nội vụ; các cơ quan báo chí",
		"due": "2018", "deadline": "2018-12-31", "condition": "sau khi có hướng dẫn của Trung ương",
		"status": "not-reported", "members_done": "0", "members_total": "2", "source_number": "",
		"done_on": "", "progress": "", "days_late": "",
	})
	checkCells(t, "1b/huyen-a", find(ms, "row_id", "1b/huyen-a"), map[string]string{
		"row_kind": "member", "milestone_id": "1b", "owner_id": "cac-huyen", "member_id": "huyen-a",
		"member_name": "Ủy ban nhân dân huyện A", "status": "not-reported", "members_done": "", "members_total": "",
		"source_agency_id": "huyen-a", "source_number": "12/BC-UBND",
	})
	checkCells(t, "1b/huyen-b", find(ms, "row_id", "1b/huyen-b"), map[string]string{
		"row_kind": "member", "member_id": "huyen-b", "status": "not-reported", "source_agency_id": "",
	})
	checkCells(t, "2a", find(ms, "row_id", "2a"), map[string]string{"due": "ongoing", "due_words_vi": "Thường xuyên, liên tục", "deadline": ""})
	checkCells(t, "3a", find(ms, "row_id", "3a"), map[string]string{"due": "from 2018", "status": "ongoing", "source_period": "2018", "progress": "40", "days_late": "", "done_on": ""})
	// The draft says 3b is done; only approved reports count: overdue from
	// 30/9 to 31/12/2018, 92 days.
	checkCells(t, "3b", find(ms, "row_id", "3b"), map[string]string{"status": "overdue", "deadline": "2018-09-30", "source_agency_id": "", "days_late": "92", "done_on": ""})

	reps := tables[ReportsCSV]
	if len(reps) != len(p.Published()) {
		t.Errorf("%d report rows, want %d", len(reps), len(p.Published()))
	}
	var order []string
	for _, r := range reps {
		order = append(order, r["period"]+"/"+r["agency_id"])
	}
	if want := []string{"2018-H1/huyen-a", "2018-H1/so-noi-vu", "2018/so-noi-vu"}; !slices.Equal(order, want) {
		t.Errorf("report rows %v, want %v", order, want)
	}
	checkCells(t, "report", reps[1], map[string]string{
		"period_words_vi": "6 tháng đầu năm 2018", "agency_name": "Sở Nội vụ", "number": "'=1+2",
		"date": "2018-07-05", "approved_by": "Giám đốc Sở Nội vụ", "approved_on": "2018-07-10",
		"sample": "false", "updates": "1", "url": testBase + "ky-bao-cao/2018-H1/so-noi-vu/",
	})
	checkCells(t, "year report", reps[2], map[string]string{"sample": "true"})

	for name, b := range files {
		if bytes.Contains(b, []byte(draftSentence)) {
			t.Errorf("%s contains the draft's sentence", name)
		}
	}
}

func checkCells(t *testing.T, what string, row map[string]string, want map[string]string) {
	t.Helper()
	if row == nil {
		t.Errorf("%s: no row", what)
		return
	}
	for k, v := range want {
		got, ok := row[k]
		if !ok {
			t.Errorf("%s: no column %s", what, k)
		} else if got != v {
			t.Errorf("%s: %s = %q, want %q", what, k, got, v)
		}
	}
}

// model is the part of minhbach.json the tests read.
type model struct {
	Format   string
	Sample   bool
	AsOf     string `json:"as_of"`
	Period   string
	Statuses []struct{ ID string }
	Counts   []struct {
		Status                     string
		Tasks, Milestones, Members int
	}
	Plan struct {
		Title      string
		IssuerName string `json:"issuer_name"`
		Basis      []struct{ Number, Date string }
		Purpose    []string
	}
	Agencies []struct{ ID string }
	Groups   []struct {
		ID      string
		Members []string
	}
	Tasks []struct {
		Slug       string
		Status     string
		Milestones []struct {
			ID     string
			Status string
			Done   int
			Total  int
			Due    struct {
				Text    string
				WordsVi string `json:"words_vi"`
				WordsEn string `json:"words_en"`
				LastDay string `json:"last_day"`
			}
			Members []struct {
				Agency, Status string
				Source         *struct{ Agency, Period, Number, URL, State string }
			}
		}
	}
	Periods []struct {
		ID, Previous string
		Reports      []string
		Missing      []string
		Changes      []struct{ Task, Milestone, Agency, From, To string }
	}
	Reports []struct {
		Period, Agency, Number, Body string
		Sample                       bool
		Updates                      []struct {
			Milestone, Member, State, Note string
			Progress                       *int
		}
	}
}

func TestJSON(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files := build(t, p, testBase)
	b := files[ModelJSON]
	if !bytes.HasSuffix(b, []byte("}\n")) || !bytes.HasPrefix(b, []byte("{\n  \"format\"")) {
		t.Errorf("minhbach.json is not indented with a trailing newline: %.40q", b)
	}
	var m model
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	if m.Format != Format || !m.Sample || m.AsOf != "2018-12-31" || m.Period != "2018" {
		t.Errorf("head: format %q sample %v as_of %q period %q", m.Format, m.Sample, m.AsOf, m.Period)
	}
	if len(m.Statuses) != len(status.Order) || len(m.Counts) != len(status.Order) {
		t.Errorf("%d statuses, %d counts", len(m.Statuses), len(m.Counts))
	}
	for _, c := range m.Counts {
		if c.Status == "overdue" && (c.Tasks != 1 || c.Milestones != 1 || c.Members != 1) {
			t.Errorf("overdue counts %+v", c)
		}
	}
	if m.Plan.Title != "Kế hoạch thử nghiệm" || m.Plan.IssuerName != "Ủy ban nhân dân tỉnh" || len(m.Plan.Basis) != 1 || m.Plan.Basis[0].Date != "2017-10-25" {
		t.Errorf("plan %+v", m.Plan)
	}
	if len(m.Agencies) != 5 || len(m.Groups) != 1 || len(m.Groups[0].Members) != 2 {
		t.Errorf("%d agencies, %d groups", len(m.Agencies), len(m.Groups))
	}
	if len(m.Tasks) != 3 || m.Tasks[0].Slug != "nhiem-vu-mot" || m.Tasks[2].Status != "overdue" {
		t.Fatalf("tasks %+v", m.Tasks)
	}
	m1a := m.Tasks[0].Milestones[0]
	if m1a.ID != "1a" || m1a.Status != "done-on-time" || m1a.Done != 1 || m1a.Total != 1 ||
		m1a.Due.Text != "2018-Q2" || m1a.Due.WordsVi != "Trong quý II/2018" || m1a.Due.WordsEn != "In Q2 2018" || m1a.Due.LastDay != "2018-06-30" {
		t.Errorf("1a %+v", m1a)
	}
	if src := m1a.Members[0].Source; src == nil || src.Agency != "so-noi-vu" || src.Period != "2018-H1" || src.State != "done" || src.URL != testBase+"ky-bao-cao/2018-H1/so-noi-vu/" {
		t.Errorf("1a source %+v", src)
	}
	m1b := m.Tasks[0].Milestones[1]
	if len(m1b.Members) != 2 || m1b.Total != 2 || m1b.Members[0].Agency != "huyen-a" || m1b.Members[1].Source != nil {
		t.Errorf("1b %+v", m1b)
	}
	if len(m.Periods) != 2 || m.Periods[0].ID != "2018-H1" || m.Periods[1].Previous != "2018-H1" {
		t.Fatalf("periods %+v", m.Periods)
	}
	if got := m.Periods[0].Reports; !slices.Equal(got, []string{"huyen-a", "so-noi-vu"}) {
		t.Errorf("H1 reports %v", got)
	}
	if got := m.Periods[0].Missing; !slices.Equal(got, []string{"so-tu-phap", "huyen-b"}) {
		t.Errorf("H1 missing %v (a draft is not a report)", got)
	}
	var changes []string
	for _, c := range m.Periods[1].Changes {
		changes = append(changes, c.Milestone+"/"+c.Agency+":"+c.From+">"+c.To)
	}
	if want := []string{"1b/huyen-a:waiting>not-reported", "3a/so-noi-vu:not-reported>ongoing", "3b/so-tu-phap:not-reported>overdue"}; !slices.Equal(changes, want) {
		t.Errorf("changes %v, want %v", changes, want)
	}
	if len(m.Reports) != 3 {
		t.Fatalf("%d reports, want the 3 approved", len(m.Reports))
	}
	r := m.Reports[1]
	if r.Agency != "so-noi-vu" || r.Number != "=1+2" || r.Body != "Sở Nội vụ đã hoàn thành đề án.\n" || len(r.Updates) != 1 ||
		r.Updates[0].Note != "<script>alert(1)</script> ]]> done" || *r.Updates[0].Progress != 100 {
		t.Errorf("report %+v", r)
	}
	if bytes.Contains(b, []byte("<script>")) {
		t.Error("minhbach.json has a raw <script> (JSON should escape < and >)")
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	a := build(t, p, testBase)
	for i := 0; i < 3; i++ {
		b := build(t, testProject(t), testBase)
		for name := range a {
			if !bytes.Equal(a[name], b[name]) {
				t.Fatalf("%s differs between two builds", name)
			}
		}
	}
}

func TestNoStatuses(t *testing.T) {
	t.Parallel()
	p := testProject(t)
	files, err := Files(p, nil, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	_, tables := checkAgainstPackage(t, files)
	for _, r := range tables[MilestonesCSV] {
		if r["status"] != "" || r["as_of"] != "" || r["source_agency_id"] != "" {
			t.Errorf("row %s has a status without a snapshot: %v", r["row_id"], r)
		}
	}
	if u := tables[TasksCSV][0]["url"]; u != "nhiem-vu/nhiem-vu-mot/" {
		t.Errorf("url without a base %q", u)
	}
}

func TestSafeCell(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"=SUM(A1)":  "'=SUM(A1)",
		"+1":        "'+1",
		"-1":        "'-1",
		"@cmd":      "'@cmd",
		"\tx":       "'\tx",
		"\rx":       "'\rx",
		"a=b":       "a=b",
		"":          "",
		"Sở Nội vụ": "Sở Nội vụ",
		"2018-Q2":   "2018-Q2",
	} {
		if got := safeCell(in); got != want {
			t.Errorf("safeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPortal builds the open data of the real portal in this repository.
func TestPortal(t *testing.T) {
	t.Parallel()
	p, err := plan.Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the portal in this repository does not load: %v", err)
	}
	files := build(t, p, testBase)
	_, tables := checkAgainstPackage(t, files)
	if len(tables[TasksCSV]) != len(p.Plan.Tasks) {
		t.Errorf("%d task rows, want %d", len(tables[TasksCSV]), len(p.Plan.Tasks))
	}
	n := 0
	for _, tk := range p.Plan.Tasks {
		for _, m := range tk.Milestones {
			n++
			if p.Agencies.Group(m.Owner) != nil {
				n += len(p.Agencies.Members(m.Owner))
			}
		}
	}
	if len(tables[MilestonesCSV]) != n {
		t.Errorf("%d milestone rows, want %d", len(tables[MilestonesCSV]), n)
	}
	if len(tables[ReportsCSV]) != len(p.Published()) {
		t.Errorf("%d report rows, want %d", len(tables[ReportsCSV]), len(p.Published()))
	}
	var m model
	if err := json.Unmarshal(files[ModelJSON], &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Tasks) != len(p.Plan.Tasks) || len(m.Reports) != len(p.Published()) {
		t.Errorf("json: %d tasks, %d reports", len(m.Tasks), len(m.Reports))
	}
	leakcheck.Check(t, p, func(p *plan.Project) map[string][]byte { return build(t, p, testBase) })
}
