package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestSilence(t *testing.T) {
	pl := planTOML(milestone{"m", "a", "2019", ""}, milestone{"n", "a", "2019", ""})
	tests := []struct {
		name    string
		reports []rep
		want    Silence
		label   string
	}{
		{"a sent nothing for the period", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			NoReport, "Chưa báo cáo (không gửi báo cáo kỳ này)"},
		{"a sent a report about another milestone", []rep{{"a", "2018", "2019-01-05", "", []upd{{"n", "in-progress", ""}}}},
			NotMentioned, "Chưa báo cáo (báo cáo kỳ này không nêu mốc này)"},
		{"a's report for the period is a draft", []rep{{"a", "2018", "2019-01-05", plan.Draft, []upd{{"n", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			NoReport, "Chưa báo cáo (không gửi báo cáo kỳ này)"},
		{"a's report is for an older period", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"n", "in-progress", ""}}}, filler("2018", "2019-01-05")},
			NoReport, "Chưa báo cáo (không gửi báo cáo kỳ này)"},
		{"reported: not silent", []rep{{"a", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}}},
			NotSilent, "Đang thực hiện"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Derive(project(t, testAgencies, pl, tt.reports...), date(t, "2018-12-31"))
			mem := s.Milestone("m").Members[0]
			if mem.Silence != tt.want || mem.Label("vi") != tt.label {
				t.Errorf("silence %d %q, want %d %q", mem.Silence, mem.Label("vi"), tt.want, tt.label)
			}
			if tt.want != NotSilent && mem.Status != NotReported {
				t.Errorf("status %q, want not-reported", mem.Status)
			}
			if en := mem.Label("en"); tt.want != NotSilent && !strings.HasPrefix(en, "Not reported (") {
				t.Errorf("English label %q", en)
			}
		})
	}
}

func TestDaysLate(t *testing.T) {
	tests := []struct {
		name    string
		due     string
		reports []rep
		asOf    string
		want    Status
		days    int
	}{
		{"done a day late", "2018-Q2", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-07-01"}}}}, "2018-12-31", DoneLate, 1},
		{"done 46 days late", "2018-Q3", []rep{{"a", "2018", "2018-12-20", "", []upd{{"m", "done", "2018-11-15"}}}}, "2018-12-31", DoneLate, 46},
		{"done on time", "2018-Q2", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-06-30"}}}}, "2018-12-31", DoneOnTime, 0},
		{"overdue since 30/9/2018, as of 30/6/2019", "2018-Q3", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}, filler("2019-H1", "2019-07-05")}, "2019-06-30", Overdue, 273},
		{"overdue by one day", "2018-Q2", []rep{{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}}}}, "2018-07-01", Overdue, 1},
		{"in progress", "2019", []rep{{"a", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}}}, "2018-12-31", InProgress, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Derive(project(t, testAgencies, planTOML(milestone{"m", "a", tt.due, ""}), tt.reports...), date(t, tt.asOf))
			mem := s.Milestone("m").Members[0]
			if mem.Status != tt.want || mem.DaysLate != tt.days {
				t.Errorf("%q %d days, want %q %d", mem.Status, mem.DaysLate, tt.want, tt.days)
			}
		})
	}
}

// groupOfFour is a group g of four units h1–h4 owning milestone m (due
// 2018-Q2) and a milestone n (due 2018-Q3) owned by a alone.
func groupOfFour(t *testing.T, reports ...rep) *plan.Project {
	var b strings.Builder
	b.WriteString(testAgencies)
	for i := 1; i <= 4; i++ {
		fmt.Fprintf(&b, "\n[[agencies]]\nid = \"h%d\"\nname = \"Huyện %d\"\nreports = true\n", i, i)
	}
	b.WriteString("\n[[groups]]\nid = \"g\"\nname = \"Các huyện\"\nmembers = [\"h1\", \"h2\", \"h3\", \"h4\"]\n")
	return project(t, b.String(), planTOML(milestone{"m", "g", "2018-Q2", ""}, milestone{"n", "a", "2018-Q3", ""}), reports...)
}

func TestOverdueAndWorstFirst(t *testing.T) {
	p := groupOfFour(t,
		rep{"h1", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-06-01"}}},
		rep{"h2", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-08-10"}}},
		rep{"h3", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}},
		rep{"a", "2018", "2019-01-05", "", []upd{{"n", "in-progress", ""}}},
	)
	s := Derive(p, date(t, "2018-12-31"))
	var got []string
	for _, l := range s.Overdue() {
		got = append(got, fmt.Sprintf("%s/%s %s %d", l.Milestone.ID, l.Member.Agency.ID, l.Deadline, l.Member.DaysLate))
	}
	// h3 and h4 (never reported) are 184 days past 30/6; a's n 92 days
	// past 30/9. The group g itself is never named.
	want := "m/h3 2018-06-30 184, m/h4 2018-06-30 184, n/a 2018-09-30 92"
	if strings.Join(got, ", ") != want {
		t.Errorf("Overdue() = %s\nwant        %s", strings.Join(got, ", "), want)
	}
	got = nil
	for _, mem := range s.Milestone("m").WorstFirst() {
		got = append(got, fmt.Sprintf("%s %s %d", mem.Agency.ID, mem.Status, mem.DaysLate))
	}
	want = "h3 overdue 184, h4 overdue 184, h2 done-late 41, h1 done-on-time 0"
	if strings.Join(got, ", ") != want {
		t.Errorf("WorstFirst() = %s\nwant          %s", strings.Join(got, ", "), want)
	}
	if ids := s.Milestone("m").Members; ids[0].Agency.ID != "h1" || ids[3].Agency.ID != "h4" {
		t.Errorf("WorstFirst reordered Members itself")
	}

	// Counter-test: once everyone is done, nothing is overdue.
	p = groupOfFour(t,
		rep{"h1", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-06-01"}}},
		rep{"h2", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-06-01"}}},
		rep{"h3", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-06-01"}}},
		rep{"h4", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-06-01"}}},
		rep{"a", "2018", "2019-01-05", "", []upd{{"n", "done", "2018-09-01"}}},
	)
	if l := Derive(p, date(t, "2018-12-31")).Overdue(); len(l) != 0 {
		t.Errorf("all done, Overdue() = %d shares", len(l))
	}
}

func TestLastApprovedAndNextPeriod(t *testing.T) {
	p := project(t, testAgencies, planTOML(milestone{"m", "a", "2019", ""}),
		rep{"a", "2018-H1", "2018-07-05", "", nil},
		rep{"b", "2018-H1", "2018-07-09", "", nil},
		rep{"a", "2018", "2019-01-05", plan.Draft, nil}, // not approved: never counts
		rep{"b", "2019-H1", "2019-07-02", "", nil},      // after the as-of day below
	)
	for _, tt := range []struct{ asOf, last string }{
		{"2018-06-30", "2018-07-09"},
		{"2018-12-31", "2018-07-09"},
		{"2019-06-30", "2019-07-02"},
	} {
		if got := LastApproved(p, date(t, tt.asOf)); got.String() != tt.last {
			t.Errorf("LastApproved as of %s = %s, want %s", tt.asOf, got, tt.last)
		}
	}
	for _, tt := range []struct {
		every      []string
		asOf, want string
	}{
		{nil, "2019-06-30", "2019"},
		{nil, "2019-07-01", "2019"},
		{nil, "2018-12-31", "2019-H1"},
		{nil, "2018-03-10", "2018-H1"},
		{[]string{"year"}, "2019-06-30", "2019"},
		{[]string{"year"}, "2018-12-31", "2019"},
		{[]string{"H1", "year"}, "2019-06-30", "2019"},
	} {
		p.Plan.Reporting.Every = tt.every
		if got := NextPeriod(p, date(t, tt.asOf)); got.ID != tt.want {
			t.Errorf("NextPeriod(%v) as of %s = %s, want %s", tt.every, tt.asOf, got.ID, tt.want)
		}
	}
}

// TestRuleOrder checks that RuleOrder names every status of Order once.
func TestRuleOrder(t *testing.T) {
	seen := map[Status]int{}
	for _, s := range RuleOrder {
		seen[s]++
	}
	for _, s := range Order {
		if seen[s] != 1 {
			t.Errorf("%q is %d times in RuleOrder", s, seen[s])
		}
	}
	if len(RuleOrder) != len(Order) {
		t.Errorf("RuleOrder has %d statuses, Order %d", len(RuleOrder), len(Order))
	}
}
