package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/spf13/afero"
)

const testAgencies = `[[roles]]
id = "chu-tich"
title = "Chủ tịch Ủy ban nhân dân tỉnh"

[[agencies]]
id = "a"
name = "Cơ quan A"
reports = true

[[agencies]]
id = "b"
name = "Cơ quan B"
reports = true

[[agencies]]
id = "c"
name = "Cơ quan C, không phải báo cáo"
reports = false
`

// upd is one update of a report.
type upd struct{ milestone, state, doneOn string }

// rep is one report: approved unless state says otherwise.
type rep struct {
	agency, period, date, state string
	updates                     []upd
}

func (r rep) toml() string {
	state := r.state
	if state == "" {
		state = plan.Approved
	}
	var b strings.Builder
	fmt.Fprintf(&b, "+++\nagency = %q\nperiod = %q\nnumber = \"1/BC\"\ndate = %s\n", r.agency, r.period, r.date)
	fmt.Fprintf(&b, "[approval]\nstate = %q\napproved_by = \"Giám đốc\"\napproved_on = %s\n", state, r.date)
	for _, u := range r.updates {
		fmt.Fprintf(&b, "[[updates]]\nmilestone = %q\nstate = %q\n", u.milestone, u.state)
		if u.doneOn != "" {
			fmt.Fprintf(&b, "done_on = %s\n", u.doneOn)
		}
	}
	b.WriteString("+++\n")
	return b.String()
}

// milestone is one milestone of the test plan, owned by owner.
type milestone struct{ id, owner, due, condition string }

func planTOML(ms ...milestone) string {
	var b strings.Builder
	b.WriteString("title = \"Kế hoạch thử nghiệm\"\n\n[reporting]\ncompiler = \"a\"\n\n")
	for i, m := range ms {
		fmt.Fprintf(&b, "[[tasks]]\nnumber = %d\nslug = \"nhiem-vu-%d\"\ntitle = \"Nhiệm vụ %d\"\noverseer = \"chu-tich\"\n", i+1, i+1, i+1)
		fmt.Fprintf(&b, "  [[tasks.milestones]]\n  id = %q\n  owner = %q\n  action = \"Làm việc %s\"\n", m.id, m.owner, m.id)
		if m.due != "" {
			fmt.Fprintf(&b, "  due = %q\n", m.due)
		}
		if m.condition != "" {
			fmt.Fprintf(&b, "  condition = %q\n", m.condition)
		}
	}
	return b.String()
}

// project loads a portal of the given agencies and plan and reports.
func project(t testing.TB, agencies, planSrc string, reports ...rep) *plan.Project {
	t.Helper()
	fs := afero.NewMemMapFs()
	files := map[string]string{plan.AgenciesFile: agencies, plan.PlanFile: planSrc}
	for _, r := range reports {
		name := fmt.Sprintf("%s/%s/%s.md", plan.ReportsDir, r.period, r.agency)
		if r.state != "" {
			name = fmt.Sprintf("%s/%s/%s-%s.md", plan.ReportsDir, r.period, r.agency, r.state)
		}
		if _, dup := files[name]; dup {
			t.Fatalf("two test reports at %s", name)
		}
		files[name] = r.toml()
	}
	for name, src := range files {
		if err := afero.WriteFile(fs, "/p/"+name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := plan.Load(fs, "/p")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return p
}

func date(t testing.TB, s string) plan.Date {
	t.Helper()
	d, err := plan.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

const guidance = "sau khi có hướng dẫn của Trung ương"

// filler is an approved report of b with no updates: it makes its period
// exist without saying anything about a's milestone.
func filler(period, date string) rep { return rep{agency: "b", period: period, date: date} }

func TestMemberStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		due, cond string
		reports   []rep
		asOf      string
		want      Status
		source    string // the period of the report the status rests on; "" for none
	}{
		// 1–2: done, on time or late, against the deadline's last day.
		{"done on the quarter's last day", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-06-30"}}}},
			"2018-06-30", DoneOnTime, "2018-H1"},
		{"done the day after the quarter", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-01"}}}},
			"2018-12-31", DoneLate, "2018-H1"},
		{"done on the year's last day", "2018", "",
			[]rep{{"a", "2018", "2019-01-10", "", []upd{{"m", "done", "2018-12-31"}}}},
			"2018-12-31", DoneOnTime, "2018"},
		{"done the day after a dated deadline", "2018-09-30", "",
			[]rep{{"a", "2018", "2018-12-20", "", []upd{{"m", "done", "2018-10-01"}}}},
			"2018-12-31", DoneLate, "2018"},
		{"done, late, though waiting before", "2018-Q2", guidance,
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "waiting", ""}}}, {"a", "2018", "2018-12-20", "", []upd{{"m", "done", "2018-11-01"}}}},
			"2018-12-31", DoneLate, "2018"},
		{"done, no deadline", "", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-05"}}}},
			"2018-12-31", DoneOnTime, "2018-H1"},
		{"done, ongoing", "ongoing", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-05"}}}},
			"2018-12-31", DoneOnTime, "2018-H1"},
		{"done, from a year", "from 2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-05-05"}}}},
			"2018-06-30", DoneOnTime, "2018-H1"},
		{"done after the as-of day is not done yet", "2018-Q3", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-02"}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"done after the as-of day, later", "2018-Q3", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-02"}}}},
			"2018-12-31", DoneOnTime, "2018-H1"},
		{"the latest update is not done", "2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-06-01"}}}, {"a", "2018", "2018-12-20", "", []upd{{"m", "in-progress", ""}}}},
			"2018-12-31", InProgress, "2018"},

		// 3: waiting pauses the clock, only when said in the latest window.
		{"waiting in the latest window, deadline passed", "2018-Q2", guidance,
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, {"a", "2018", "2019-01-05", "", []upd{{"m", "waiting", ""}}}},
			"2018-12-31", Waiting, "2018"},
		{"waiting in the latest window, before the deadline", "2018", guidance,
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "waiting", ""}}}},
			"2018-06-30", Waiting, "2018-H1"},
		{"waiting only in an older period, deadline passed", "2018-Q2", guidance,
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "waiting", ""}}}, filler("2018", "2019-01-05")},
			"2018-12-31", Overdue, "2018-H1"},
		{"waiting only in an older period, deadline ahead", "2019", guidance,
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "waiting", ""}}}, filler("2018", "2019-01-05")},
			"2018-12-31", NotReported, "2018-H1"},

		// 4: a past deadline, reported or not.
		{"overdue, reported in the latest window", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, {"a", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-12-31", Overdue, "2018"},
		{"overdue, never reported", "2018-Q2", "",
			[]rep{filler("2018-H1", "2018-07-05")},
			"2018-12-31", Overdue, ""},
		{"overdue outranks not reported", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			"2018-12-31", Overdue, "2018-H1"},
		{"not overdue on the last day", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"overdue the day after", "2018-Q2", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-07-01", Overdue, "2018-H1"},

		// 5: no report in the latest window, deadline ahead.
		{"not reported before the deadline", "2018", "",
			[]rep{filler("2018-H1", "2018-07-05")},
			"2018-06-30", NotReported, ""},
		{"not reported: the last report is older", "2019", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			"2018-12-31", NotReported, "2018-H1"},
		{"a draft report is ignored", "2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", plan.Draft, []upd{{"m", "done", "2018-06-01"}}}, filler("2018-H1", "2018-07-05")},
			"2018-06-30", NotReported, ""},

		// 6: continuous work.
		{"ongoing with a recent report", "ongoing", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", Ongoing, "2018-H1"},
		{"from a year with a recent report", "from 2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", Ongoing, "2018-H1"},
		{"ongoing without a recent report", "ongoing", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			"2018-12-31", NotReported, "2018-H1"},
		{"from a year without any report", "from 2018", "",
			[]rep{filler("2018-H1", "2018-07-05")},
			"2018-06-30", NotReported, ""},

		// 7: otherwise.
		{"in progress", "2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "not-started", ""}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"in progress, no deadline", "", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"a report dated after its period counts for its period", "2018", "",
			[]rep{{"a", "2018-H1", "2018-09-01", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"a report of a later period is not read", "2018", "",
			[]rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, {"a", "2018", "2018-12-20", "", []upd{{"m", "done", "2018-10-01"}}}},
			"2018-06-30", InProgress, "2018-H1"},
		{"an ad hoc report is in the window", "2018", "",
			[]rep{{"a", "2018-05-10", "2018-05-10", "", []upd{{"m", "in-progress", ""}}}},
			"2018-06-30", InProgress, "2018-05-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := project(t, testAgencies, planTOML(milestone{"m", "a", tt.due, tt.cond}), tt.reports...)
			s := Derive(p, date(t, tt.asOf))
			if s.NoData {
				t.Fatal("NoData, want a status")
			}
			ms := s.Milestone("m")
			if ms == nil || len(ms.Members) != 1 || ms.Members[0].Agency.ID != "a" {
				t.Fatalf("milestone m = %+v", ms)
			}
			mem := ms.Members[0]
			if mem.Status != tt.want {
				t.Errorf("status = %q, want %q", mem.Status, tt.want)
			}
			got := ""
			if mem.Source != nil {
				got = mem.Source.Report.Period
				if mem.Source.Update == nil || mem.Source.Update.Milestone != "m" || mem.Source.Report.Agency != "a" {
					t.Errorf("source = %+v", mem.Source)
				}
			}
			if got != tt.source {
				t.Errorf("source period = %q, want %q", got, tt.source)
			}
			// One member: the milestone and the task have its status.
			if ms.Status != tt.want || s.Tasks[0].Status != tt.want {
				t.Errorf("milestone %q, task %q, want %q", ms.Status, s.Tasks[0].Status, tt.want)
			}
			if s.MemberCounts[tt.want] != 1 || s.MilestoneCounts[tt.want] != 1 || s.TaskCounts[tt.want] != 1 {
				t.Errorf("counts: members %v, milestones %v, tasks %v", s.MemberCounts, s.MilestoneCounts, s.TaskCounts)
			}
			wantDone := 0
			if tt.want.Done() {
				wantDone = 1
			}
			if ms.Done != wantDone || ms.Total != 1 {
				t.Errorf("done %d/%d, want %d/1", ms.Done, ms.Total, wantDone)
			}
		})
	}
}

func TestNoData(t *testing.T) {
	t.Parallel()
	pl := planTOML(milestone{"m", "a", "2018-Q2", ""})
	tests := []struct {
		name    string
		reports []rep
		asOf    string
	}{
		{"before the first period ends", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}}, "2018-06-29"},
		{"no report at all", nil, "2018-12-31"},
		{"only a draft", []rep{{"a", "2018-H1", "2018-07-05", plan.Draft, []upd{{"m", "done", "2018-06-01"}}}}, "2018-12-31"},
		{"only a submitted and a rejected report", []rep{
			{"a", "2018-H1", "2018-07-05", plan.Submitted, []upd{{"m", "done", "2018-06-01"}}},
			{"a", "2018-H1", "2018-07-05", plan.Rejected, []upd{{"m", "done", "2018-06-01"}}},
		}, "2018-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := project(t, testAgencies, pl, tt.reports...)
			s := Derive(p, date(t, tt.asOf))
			if !s.NoData || s.Period.ID != "" {
				t.Errorf("NoData = %v, period %q; want no data", s.NoData, s.Period.ID)
			}
			ms := s.Milestone("m")
			if ms == nil || ms.Status != NoData || ms.Members[0].Status != NoData || ms.Members[0].Source != nil || s.Tasks[0].Status != NoData {
				t.Errorf("milestone = %+v, want no status", ms)
			}
			if ms.Total != 1 || ms.Done != 0 {
				t.Errorf("done %d/%d, want 0/1", ms.Done, ms.Total)
			}
			if len(s.TaskCounts)+len(s.MilestoneCounts)+len(s.MemberCounts) != 0 {
				t.Errorf("counts = %v %v %v, want none", s.TaskCounts, s.MilestoneCounts, s.MemberCounts)
			}
		})
	}
	// Without any approved report, there is no period and no as-of date.
	p := project(t, testAgencies, pl, rep{"a", "2018-H1", "2018-07-05", plan.Draft, nil})
	if ps := Periods(p); len(ps) != 0 {
		t.Errorf("Periods = %v, want none", ps)
	}
	if d, ok := LatestAsOf(p); ok {
		t.Errorf("LatestAsOf = %v, want none", d)
	}
	if h := History(p); len(h) != 0 {
		t.Errorf("History = %v, want none", h)
	}
}

func TestGroupMilestone(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	b.WriteString(testAgencies)
	var members []string
	for i := 1; i <= 10; i++ {
		id := fmt.Sprintf("h%02d", i)
		members = append(members, fmt.Sprintf("%q", id))
		fmt.Fprintf(&b, "\n[[agencies]]\nid = %q\nname = \"Huyện %d\"\nreports = true\n", id, i)
	}
	fmt.Fprintf(&b, "\n[[groups]]\nid = \"cac-huyen\"\nname = \"Các huyện\"\nmembers = [%s]\n", strings.Join(members, ", "))
	pl := planTOML(milestone{"m", "cac-huyen", "2018-Q2", ""})
	var reports []rep
	for i := 1; i <= 9; i++ {
		reports = append(reports, rep{fmt.Sprintf("h%02d", i), "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-06-01"}}})
	}
	reports = append(reports, rep{"h10", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}})
	p := project(t, b.String(), pl, reports...)

	for _, tt := range []struct {
		asOf string
		want Status // of h10, the milestone and the task
	}{
		{"2018-06-30", InProgress},
		{"2018-12-31", Overdue},
	} {
		s := Derive(p, date(t, tt.asOf))
		ms := s.Milestone("m")
		if ms.Status != tt.want || ms.Done != 9 || ms.Total != 10 || len(ms.Members) != 10 {
			t.Errorf("as of %s: milestone %q %d/%d (%d members), want %q 9/10", tt.asOf, ms.Status, ms.Done, ms.Total, len(ms.Members), tt.want)
		}
		for i, mem := range ms.Members {
			want := DoneOnTime
			if i == 9 {
				want = tt.want
			}
			if mem.Agency.ID != fmt.Sprintf("h%02d", i+1) || mem.Status != want {
				t.Errorf("as of %s: member %d = %s %q, want h%02d %q", tt.asOf, i, mem.Agency.ID, mem.Status, i+1, want)
			}
		}
		if s.Tasks[0].Status != tt.want {
			t.Errorf("as of %s: task %q, want %q", tt.asOf, s.Tasks[0].Status, tt.want)
		}
		if s.MemberCounts[DoneOnTime] != 9 || s.MemberCounts[tt.want] != 1 || s.MilestoneCounts[tt.want] != 1 || s.TaskCounts[tt.want] != 1 {
			t.Errorf("as of %s: counts %v %v %v", tt.asOf, s.MemberCounts, s.MilestoneCounts, s.TaskCounts)
		}
	}

	// All ten done: the milestone is done, late when one was late.
	reports[9] = rep{"h10", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-01"}}}
	s := Derive(project(t, b.String(), pl, reports...), date(t, "2018-12-31"))
	if ms := s.Milestone("m"); ms.Status != DoneLate || ms.Done != 10 {
		t.Errorf("all done: milestone %q %d/%d, want done-late 10/10", ms.Status, ms.Done, ms.Total)
	}
}

func TestWorst(t *testing.T) {
	t.Parallel()
	want := []Status{Overdue, NotReported, Waiting, InProgress, Ongoing, DoneLate, DoneOnTime}
	if fmt.Sprint(Order) != fmt.Sprint(want) {
		t.Fatalf("Order = %v, want %v", Order, want)
	}
	for i, s := range Order {
		if s.Rank() != i {
			t.Errorf("%q.Rank() = %d, want %d", s, s.Rank(), i)
		}
		if Worst(s) != s || Worst(NoData, s, NoData) != s {
			t.Errorf("Worst of %q alone is not itself", s)
		}
		for _, u := range Order[i:] {
			if Worst(s, u) != s || Worst(u, s) != s {
				t.Errorf("Worst(%q, %q) = %q, want %q", s, u, Worst(s, u), s)
			}
		}
	}
	if Worst() != NoData || Worst(NoData, NoData) != NoData {
		t.Error("Worst of nothing is not NoData")
	}
	if Worst(DoneOnTime, Ongoing, DoneLate, Waiting, InProgress) != Waiting {
		t.Error("Worst of many is wrong")
	}
	if !DoneOnTime.Done() || !DoneLate.Done() || Overdue.Done() || NoData.Done() {
		t.Error("Done() is wrong")
	}
	for _, s := range append([]Status{NoData}, Order...) {
		if s.Label("vi") == "" || s.Label("en") == "" || s.Label("vi") == s.Label("en") {
			t.Errorf("labels of %q: %q, %q", s, s.Label("vi"), s.Label("en"))
		}
	}
	if Overdue.Label("vi") != "Quá hạn" || Waiting.Label("vi") != "Chờ Trung ương" {
		t.Error("Vietnamese labels differ from the design")
	}
}

func TestTaskRollUp(t *testing.T) {
	t.Parallel()
	// Three milestones of one task: ongoing, waiting and done → waiting.
	var b strings.Builder
	b.WriteString("title = \"Kế hoạch\"\n\n[[tasks]]\nnumber = 1\nslug = \"mot\"\ntitle = \"Một\"\noverseer = \"chu-tich\"\n")
	for _, m := range []milestone{{"m1", "a", "ongoing", ""}, {"m2", "a", "2018-Q2", guidance}, {"m3", "b", "2018", ""}} {
		fmt.Fprintf(&b, "  [[tasks.milestones]]\n  id = %q\n  owner = %q\n  action = \"x\"\n  due = %q\n  condition = %q\n", m.id, m.owner, m.due, m.condition)
	}
	p := project(t, testAgencies, b.String(),
		rep{"a", "2018", "2019-01-05", "", []upd{{"m1", "in-progress", ""}, {"m2", "waiting", ""}}},
		rep{"b", "2018", "2019-01-05", "", []upd{{"m3", "done", "2018-10-10"}}},
	)
	s := Derive(p, date(t, "2018-12-31"))
	var got []Status
	for _, ms := range s.Tasks[0].Milestones {
		got = append(got, ms.Status)
	}
	if fmt.Sprint(got) != fmt.Sprint([]Status{Ongoing, Waiting, DoneOnTime}) {
		t.Errorf("milestones = %v", got)
	}
	if s.Tasks[0].Status != Waiting || s.TaskCounts[Waiting] != 1 || len(s.TaskCounts) != 1 {
		t.Errorf("task = %q, counts %v; want waiting", s.Tasks[0].Status, s.TaskCounts)
	}
	if s.MilestoneCounts[Ongoing] != 1 || s.MilestoneCounts[Waiting] != 1 || s.MilestoneCounts[DoneOnTime] != 1 {
		t.Errorf("milestone counts = %v", s.MilestoneCounts)
	}
}

func TestWindowAndPeriod(t *testing.T) {
	t.Parallel()
	p := project(t, testAgencies, planTOML(milestone{"m", "a", "2018", ""}),
		filler("2018-H1", "2018-07-05"),
		rep{agency: "a", period: "2018-06-30", date: "2018-06-30"},
		rep{agency: "a", period: "2018-09-15", date: "2018-09-15"},
		filler("2018", "2019-01-05"),
	)
	tests := []struct{ asOf, window, period string }{
		{"2018-12-31", "2018-06-30", "2018"},
		{"2019-03-01", "2018-06-30", "2018"},
		{"2018-12-30", "2017-12-31", "2018-09-15"},
		{"2018-09-15", "2017-12-31", "2018-09-15"},
		// On 30 June, the regular period comes after the ad hoc one.
		{"2018-06-30", "2017-12-31", "2018-H1"},
		{"2018-06-29", "2017-06-30", ""},
	}
	for _, tt := range tests {
		s := Derive(p, date(t, tt.asOf))
		if s.Window.String() != tt.window || s.Period.ID != tt.period || s.AsOf.String() != tt.asOf {
			t.Errorf("as of %s: window %s, period %q; want %s, %q", tt.asOf, s.Window, s.Period.ID, tt.window, tt.period)
		}
	}
	var ids []string
	for _, per := range Periods(p) {
		ids = append(ids, per.ID)
	}
	if strings.Join(ids, " ") != "2018-06-30 2018-H1 2018-09-15 2018" {
		t.Errorf("Periods = %v", ids)
	}
	if d, ok := LatestAsOf(p); !ok || d.String() != "2018-12-31" {
		t.Errorf("LatestAsOf = %v, %v", d, ok)
	}
}

func TestHistory(t *testing.T) {
	t.Parallel()
	pl := planTOML(milestone{"m1", "a", "2018", ""}, milestone{"m2", "b", "2018-Q2", ""})
	p := project(t, testAgencies, pl,
		// An ad hoc request answered by b only.
		rep{"b", "2018-05-10", "2018-05-10", "", []upd{{"m2", "in-progress", ""}}},
		// The first half: a reports, b does not.
		rep{"a", "2018-H1", "2018-07-05", "", []upd{{"m1", "in-progress", ""}}},
		// The year: both report, both done.
		rep{"a", "2018", "2019-01-05", "", []upd{{"m1", "done", "2018-11-01"}}},
		rep{"b", "2018", "2019-01-06", "", []upd{{"m2", "done", "2018-08-01"}}},
		// A draft makes no period and no change.
		rep{"a", "2019-H1", "2019-07-05", plan.Draft, []upd{{"m1", "in-progress", ""}}},
	)
	h := History(p)
	var ids []string
	for _, per := range h {
		ids = append(ids, per.Period.ID)
	}
	if strings.Join(ids, " ") != "2018-05-10 2018-H1 2018" {
		t.Fatalf("periods = %v, want 2018-05-10 2018-H1 2018", ids)
	}

	changes := func(per *Period) string {
		var out []string
		for _, c := range per.Changes {
			src := ""
			if c.Source != nil {
				src = "@" + c.Source.Report.Period
			}
			out = append(out, fmt.Sprintf("%s/%s:%s→%s%s", c.Milestone.ID, c.Agency.ID, c.From, c.To, src))
		}
		return strings.Join(out, " ")
	}
	agencies := func(as []*plan.Agency) string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return strings.Join(out, " ")
	}
	reports := func(rs []*plan.Report) string {
		var out []string
		for _, r := range rs {
			out = append(out, r.Agency)
		}
		return strings.Join(out, " ")
	}

	tests := []struct {
		previous string
		changes  string
		missing  string
		reports  string
		statuses string // m1, m2
	}{
		// The first period has nothing before it. An ad hoc period lists
		// nobody as missing: not every unit is asked.
		{"", "", "", "b", "not-reported in-progress"},
		// c does not have to report; b sent nothing for this period (its
		// ad hoc report is still in the window, so m2 is in progress).
		{"2018-05-10", "m1/a:not-reported→in-progress@2018-H1", "b", "a", "in-progress in-progress"},
		{"2018-H1", "m1/a:in-progress→done-on-time@2018 m2/b:in-progress→done-late@2018", "", "a b", "done-on-time done-late"},
	}
	for i, tt := range tests {
		per := h[i]
		prev := ""
		if per.Previous != nil {
			prev = per.Previous.Period.ID
			if per.Previous != h[i-1] {
				t.Errorf("%s: Previous is not the period before", per.Period.ID)
			}
		}
		if prev != tt.previous {
			t.Errorf("%s: previous %q, want %q", per.Period.ID, prev, tt.previous)
		}
		if per.Snapshot == nil || per.Snapshot.AsOf.Compare(per.Period.End) != 0 {
			t.Fatalf("%s: snapshot not as of the period's end", per.Period.ID)
		}
		if got := changes(per); got != tt.changes {
			t.Errorf("%s: changes %q, want %q", per.Period.ID, got, tt.changes)
		}
		if got := agencies(per.Missing); got != tt.missing {
			t.Errorf("%s: missing %q, want %q", per.Period.ID, got, tt.missing)
		}
		if got := reports(per.Reports); got != tt.reports {
			t.Errorf("%s: reports %q, want %q", per.Period.ID, got, tt.reports)
		}
		got := fmt.Sprintf("%s %s", per.Snapshot.Milestone("m1").Status, per.Snapshot.Milestone("m2").Status)
		if got != tt.statuses {
			t.Errorf("%s: statuses %q, want %q", per.Period.ID, got, tt.statuses)
		}
	}
}

func TestChangesFromNothing(t *testing.T) {
	t.Parallel()
	p := project(t, testAgencies, planTOML(milestone{"m1", "a", "2018", ""}),
		rep{"a", "2018-H1", "2018-07-05", "", []upd{{"m1", "in-progress", ""}}})
	before := Derive(p, date(t, "2017-12-31"))
	after := Derive(p, date(t, "2018-06-30"))
	cs := Changes(before, after)
	if len(cs) != 1 || cs[0].From != NoData || cs[0].To != InProgress || cs[0].Source == nil || cs[0].Milestone.ID != "m1" {
		t.Errorf("changes = %+v", cs)
	}
	if cs := Changes(after, after); len(cs) != 0 {
		t.Errorf("no change expected, got %+v", cs)
	}
}
