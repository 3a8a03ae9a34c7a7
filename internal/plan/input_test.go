package plan

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
)

// jargon are words of the TOML parser and of Go that must never reach a
// staff member.
var jargon = []string{"toml", "TOML", "expected", "int64", "float64", "plan.Date", "destination", "incompatible", "datetime", "top-level", "EOF"}

func TestInputAsTyped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		old, new string // an edit of goodReport
		needle   string // where the problem is, in the edited report
		key      string
		says     []string // in the Vietnamese text, besides the position
		col      int      // the column, when the needle cannot show it
	}{
		// Dates.
		{"date d/m/y without quotes", "done_on = 2018-06-15", "done_on = 30/6/2018", "30/6/2018", "input.date",
			[]string{"done_on = 30/6/2018", "done_on = 2018-06-30"}, 0},
		{"date d/m/y in quotes", "done_on = 2018-06-15", `done_on = "30/6/2018"`, `"30/6/2018"`, "input.date",
			[]string{`done_on = "30/6/2018"`, "done_on = 2018-06-30"}, 0},
		{"date with one-digit month", "done_on = 2018-06-15", "done_on = 2018-9-27", "2018-9-27", "input.date",
			[]string{"done_on = 2018-9-27", "done_on = 2018-09-27"}, 0},
		{"no such day", "done_on = 2018-06-15", "done_on = 2018-02-30", "2018-02-30", "input.noSuchDay",
			[]string{"done_on = 2018-02-30", "tháng 2 năm 2018 có 28 ngày"}, 0},
		{"a date with a time", "date = 2018-07-05", "date = 2018-06-20T10:00:00", "2018-06-20T10:00:00", "input.dateTime",
			[]string{"date = 2018-06-20T10:00:00", "date = 2018-06-20"}, 0},
		{"not a date at all", "done_on = 2018-06-15", `done_on = "tháng 6"`, `"tháng 6"`, "input.dateForm",
			[]string{`done_on = "tháng 6"`, "2018-06-30"}, 0},
		{"month 13", "done_on = 2018-06-15", `done_on = "2018-13-01"`, `"2018-13-01"`, "input.dateForm",
			[]string{`done_on = "2018-13-01"`}, 0},
		// Progress.
		{"progress with a decimal", "progress = 40", "progress = 60.5", "60.5", "input.progress",
			[]string{"progress = 60.5", "số nguyên từ 0 đến 100"}, 0},
		{"progress in quotes", "progress = 40", `progress = "60"`, `"60"`, "input.progress",
			[]string{`progress = "60"`, "progress = 60"}, 0},
		{"progress with a percent sign", "progress = 40", "progress = 60%", "60%", "input.progress",
			[]string{"progress = 60%", "không có dấu %"}, 0},
		// Other kinds of values.
		{"a string for a list", `evidence = ["Quyết định số 1/QĐ-SNV"]`, `evidence = "Quyết định số 1/QĐ-SNV"`, `"Quyết định số 1/QĐ-SNV"`, "input.list",
			[]string{`evidence = "Quyết định số 1/QĐ-SNV"`, `evidence = ["…", "…"]`}, 0},
		{"a number for text", `number = "12/BC-SNV"`, "number = 12", "12", "input.text",
			[]string{"number = 12", `number = "12"`}, 0},
		{"text without quotes", `state = "in-progress"`, "state = in-progress", "in-progress", "input.bareText",
			[]string{`state = "in-progress"`}, 0},
		{"bare words", `note = "Đang rà soát"`, "note = Đang rà soát", "Đang rà soát", "input.bareText",
			[]string{`note = "Đang rà soát"`}, 0},
		{"curly quotes from Word", `note = "Đang rà soát"`, "note = “Đang rà soát”", "“Đang rà soát”", "input.curlyQuotes",
			[]string{`note = "Đang rà soát"`}, 0},
		{"unclosed quote", `note = "Đang rà soát"`, `note = "Đang rà soát`, `"Đang rà soát`, "input.unclosedString",
			[]string{`note = "Đang rà soát`, "ngoặc kép đóng"}, 0},
		{"unclosed list", `evidence = ["Quyết định số 1/QĐ-SNV"]`, `evidence = ["Quyết định số 1/QĐ-SNV"`, `["Quyết`, "input.unclosedList",
			[]string{"evidence", "dấu ]"}, 0},
		{"no value", `note = "Đang rà soát"`, `note = `, "note", "input.noValue",
			[]string{"note = chưa có giá trị"}, 8},
		{"no equals sign", `note = "Đang rà soát"`, `note "Đang rà soát"`, "note", "input.noEquals",
			[]string{`note "Đang rà soát"`}, 6},
		{"two values", `note = "Đang rà soát"`, `note = "Đang" "rà soát"`, `"rà`, "input.trailing",
			[]string{`"\"rà soát\""`}, 0},
		{"sample as a word", `number = "12/BC-SNV"`, "number = \"12/BC-SNV\"\nsample = có", "có", "input.bool",
			[]string{"sample = có", "sample = true"}, 0},
		{"a key written twice", "progress = 40", "progress = 40\nprogress = 50", "progress = 50", "input.duplicateKey",
			[]string{"progress", "dòng 21"}, 0},
		{"a NUL byte in a text", `note = "Đang rà soát"`, "note = \"Đang\x00 rà soát\"", "\x00", "input.control",
			[]string{"U+0000", "ký tự vô hình"}, 0},
		{"an escape in a comment", "progress = 40", "progress = 40 # \x1b[0m", "\x1b", "input.control",
			[]string{"U+001B"}, 0},
		{"a DEL", `number = "12/BC-SNV"`, "number = \"12/BC\x7f-SNV\"", "\x7f", "input.control",
			[]string{"U+007F"}, 0},
		{"a broken header", "[[updates]]\nmilestone = \"3a\"", "[[updates]\nmilestone = \"3a\"", "[[updates]\n", "input.header",
			[]string{"[[updates]"}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, goodReport, tt.old, tt.new)
			w := at(t, goodReportPath, src, "", tt.needle, tt.key)
			if tt.key == "input.duplicateKey" {
				w.col = 1 // told at the start of the line
			}
			if tt.col != 0 {
				w.col = tt.col
			}
			ps := loadProblems(t, map[string]string{goodReportPath: src}, w)
			vi, en := msg.Get(msg.VI, ps[0].Key, ps[0].Args...), msg.Get(msg.EN, ps[0].Key, ps[0].Args...)
			for _, s := range tt.says {
				if !strings.Contains(vi, s) {
					t.Errorf("%q lacks %q", vi, s)
				}
			}
			for _, j := range jargon {
				if strings.Contains(vi, j) || strings.Contains(en, j) {
					t.Errorf("parser jargon %q in %q / %q", j, vi, en)
				}
			}
			if tt.key != "input.unclosedString" && tt.key != "input.curlyQuotes" && (strings.Contains(vi, "kiểm tra dấu ngoặc kép") || strings.Contains(en, "check the quotes")) {
				t.Errorf("%q speaks of quotes, which are not the problem", en)
			}
		})
	}
}

func TestInputInDataFiles(t *testing.T) {
	t.Parallel()
	// The same messages in the plan and the agencies file, at the value in
	// the right element of an array of tables.
	tests := []struct {
		name, file, src, needle, key string
	}{
		{"task number in quotes", PlanFile, edit(t, basePlan, "number = 2", `number = "2"`), `"2"`, "input.integer"},
		{"task number with a decimal", PlanFile, edit(t, basePlan, "number = 2", `number = 2.5`), `2.5`, "input.integer"},
		{"reports as a word", AgenciesFile, edit(t, baseAgencies, "kind = \"so\"\nreports = true\n\n[[agencies]]\nid = \"so-tu-phap\"", "kind = \"so\"\nreports = có\n\n[[agencies]]\nid = \"so-tu-phap\""), "có", "input.bool"},
		{"reports in quotes", AgenciesFile, edit(t, baseAgencies, "id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = true", "id = \"huyen-b\"\nname = \"Ủy ban nhân dân huyện B\"\nkind = \"huyen\"\nreports = \"true\""), `"true"`, "input.bool"},
		{"members as a string", AgenciesFile, edit(t, baseAgencies, `members = ["huyen-a", "huyen-b"]`, `members = "huyen-a, huyen-b"`), `"huyen-a, huyen-b"`, "input.list"},
		{"due as a number", PlanFile, edit(t, basePlan, `due = "2018-Q2"`, `due = 2018`), "2018\n", "input.text"},
		{"basis date d/m/y", PlanFile, basePlan + "\n[[basis]]\nnumber = \"1\"\ntitle = \"x\"\ndate = 25/10/2017\n", "25/10/2017", "input.date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := loadProblems(t, map[string]string{tt.file: tt.src}, at(t, tt.file, tt.src, "", tt.needle, tt.key))
			en := msg.Get(msg.EN, ps[0].Key, ps[0].Args...)
			for _, j := range jargon {
				if strings.Contains(en, j) {
					t.Errorf("parser jargon %q in %q", j, en)
				}
			}
		})
	}
}

func TestImplausibleDates(t *testing.T) {
	t.Parallel()
	today := NewDate(2018, 8, 1)
	withDate := edit(t, basePlan, `issuer = "ubnd-tinh"`, "issuer = \"ubnd-tinh\"\ndate = 2018-03-01")
	withBasis := basePlan + "\n[[basis]]\nnumber = \"51-CTr/TU\"\ntitle = \"Chương trình\"\ndate = 2018-02-09\n"
	tests := []struct {
		name        string
		plan        string
		old, new    string
		needle, key string
	}{
		{"done before the plan's date", withDate, "done_on = 2018-06-15", "done_on = 2018-02-15", "2018-02-15", "date.beforePlan"},
		{"done before the latest basis", withBasis, "done_on = 2018-06-15", "done_on = 2018-01-15", "2018-01-15", "date.beforeBasis"},
		{"report dated before the basis", withBasis, "date = 2018-07-05", "date = 2018-01-02", "2018-01-02", "date.beforeBasis"},
		{"report dated in the future", basePlan, "date = 2018-07-05", "date = 2018-08-02", "2018-08-02", "date.future"},
		// Done in the future and after the report's date: one message.
		{"done in the future", basePlan, "done_on = 2018-06-15", "done_on = 2018-08-15", "2018-08-15", "update.doneAfterReport"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := edit(t, goodReport, tt.old, tt.new)
			fs := newPortal(t, map[string]string{PlanFile: tt.plan, goodReportPath: src})
			_, err := Load(fs, root, WithToday(today))
			ps := problemsOf(t, err)
			w := at(t, goodReportPath, src, "", tt.needle, tt.key)
			var found, here int
			for _, p := range ps {
				if p.Pos.Line == w.line && p.Pos.Col == w.col {
					here++
					if p.Key == tt.key {
						found++
					}
				}
			}
			if found != 1 || here != 1 {
				t.Errorf("want %+v alone at its place, among %v", w, ps)
			}
		})
	}
	// The day itself and the day the plan was issued are fine; without
	// WithToday the machine's day is used, which is long after 2018.
	src := edit(t, goodReport, "done_on = 2018-06-15", "done_on = 2018-03-01")
	fs := newPortal(t, map[string]string{PlanFile: withDate, goodReportPath: edit(t, src, "date = 2018-07-05", "date = 2018-08-01")})
	if _, err := Load(fs, root, WithToday(today)); err != nil && strings.Contains(err.Error(), "2018") {
		for _, p := range problemsOf(t, err) {
			if strings.HasPrefix(p.Key, "date.") {
				t.Errorf("boundary day refused: %v", p.Text(msg.EN))
			}
		}
	}
	later := edit(t, edit(t, goodReport, "date = 2018-07-05", "date = 2018-08-02"), "approved_on = 2018-07-10", "approved_on = 2018-08-03")
	if _, err := Load(newPortal(t, map[string]string{goodReportPath: later}), root); err != nil {
		t.Errorf("with the real today: %v", err)
	}
	// A plan that says it was issued before its own basis.
	bad := edit(t, withBasis, `issuer = "ubnd-tinh"`, "issuer = \"ubnd-tinh\"\ndate = 2018-01-01")
	loadProblems(t, map[string]string{PlanFile: bad}, at(t, PlanFile, bad, "", "2018-01-01", "plan.dateBeforeBasis"))
	// A report dated in the future with a done date in the future: both
	// are told.
	future := edit(t, edit(t, goodReport, "date = 2018-07-05", "date = 2018-08-10"), "done_on = 2018-06-15", "done_on = 2018-08-09")
	future = edit(t, future, "approved_on = 2018-07-10", "approved_on = 2018-08-11")
	if _, err := load(t, map[string]string{goodReportPath: future}); err != nil {
		t.Errorf("with the machine's day: %v", err)
	}
	fs = newPortal(t, map[string]string{goodReportPath: future})
	_, err := Load(fs, root, WithToday(today))
	checkProblems(t, problemsOf(t, err),
		at(t, goodReportPath, future, "", "2018-08-10", "date.future"),
		at(t, goodReportPath, future, "", "2018-08-11", "date.future"),
		at(t, goodReportPath, future, "", "2018-08-09", "date.future"))
	// A draft's implausible date is only its own warning.
	draft := edit(t, edit(t, goodReport, `state = "approved"`, `state = "draft"`), "date = 2018-07-05", "date = 2018-08-02")
	p, err := Load(newPortal(t, map[string]string{goodReportPath: draft}), root, WithToday(today))
	if err != nil || len(p.Reports) != 1 || len(p.Reports[0].Problems) == 0 || p.Reports[0].Problems[0].Key != "date.future" {
		t.Errorf("draft: err %v, reports %+v", err, p.Reports)
	}
}

func TestDuplicateMilestoneIsOneRootCause(t *testing.T) {
	t.Parallel()
	// 1b's id given to 3a: every update of "1b" in any report would be
	// checked against the wrong milestone.
	plan := edit(t, basePlan, `id = "3a"`, `id = "1b"`)
	files := map[string]string{PlanFile: plan}
	for _, a := range []string{"so-noi-vu", "huyen-a", "huyen-b"} {
		files["content/bao-cao/2018-H1/"+a+".md"] = strings.ReplaceAll(strings.ReplaceAll(huyenAReport, `agency = "huyen-a"`, `agency = "`+a+`"`), "huyen-a", a)
	}
	w := at(t, PlanFile, plan, "", `"1b"`+"\n  owner = \"so-noi-vu\"", "id.duplicate")
	ps := loadProblems(t, files, w, want{PlanFile, w.line, w.col, "rootCause.suppressed"})
	if ps[1].Args[0] != 3 {
		t.Errorf("suppressed %v, want 3 updates", ps[1].Args)
	}
	// Counter-test: with the ids distinct, the same reports are checked
	// (so-noi-vu does not share the group milestone 1b).
	files[PlanFile] = basePlan
	ps = problemsOf(t, func() error { _, err := load(t, files); return err }())
	if len(ps) != 1 || ps[0].Key != "update.notMember" {
		t.Errorf("without the duplicate: %v", ps)
	}
}

func TestSuggestAFew(t *testing.T) {
	t.Parallel()
	known := []string{"so-noi-vu", "so-tu-phap", "so-tai-chinh", "so-khoa-hoc-cong-nghe", "ubnd-dak-glei", "ubnd-dak-ha", "ubnd-dak-to"}
	if got := suggest("ubnd-dak-gle", known); got != "ubnd-dak-glei" {
		t.Errorf("close: %q", got)
	}
	got := suggest("van-phong", known)
	if n := len(strings.Split(got, ", ")); n > MaxSuggestions || n == 0 {
		t.Errorf("far: %q lists %d ids, want 1 to %d", got, n, MaxSuggestions)
	}
	if c := Closest("so-tai-chin", known, 3); len(c) != 3 || c[0] != "so-tai-chinh" {
		t.Errorf("Closest = %v, the closest first", c)
	}
}

func TestMisformedAgencyIDIsOneRootCause(t *testing.T) {
	t.Parallel()
	// "so-noi-vụ" for "so-noi-vu": one id.form error, not a reference error
	// on every milestone, group and report that names so-noi-vu.
	agencies := edit(t, baseAgencies, `id = "so-noi-vu"`, `id = "so-noi-vụ"`)
	agencies = edit(t, agencies, `members = ["huyen-a", "huyen-b"]`, `members = ["huyen-a", "huyen-b", "so-noi-vu"]`)
	loadProblems(t, map[string]string{AgenciesFile: agencies, goodReportPath: goodReport},
		at(t, AgenciesFile, agencies, "", `"so-noi-vụ"`, "id.form"))
	// Counter-test: an id used nowhere else still makes every use of the
	// real one an error.
	agencies = edit(t, baseAgencies, `id = "so-noi-vu"`, `id = "so-khac"`)
	_, err := load(t, map[string]string{AgenciesFile: agencies, goodReportPath: goodReport})
	if n := len(problemsOf(t, err)); n < 3 {
		t.Errorf("%d problems, want one for each use of so-noi-vu", n)
	}
}
