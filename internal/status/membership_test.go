package status

import (
	"fmt"
	"sort"
	"strings"
	"testing"
)

// periodText renders everything a period's page and data rows say about a
// period: each member's status of each milestone, done/total, the counts,
// who reported, who did not, and the changes since the period before.
func periodText(h *Period) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s previous=%v\n", h.Period.ID, h.Previous != nil)
	for _, ts := range h.Snapshot.Tasks {
		fmt.Fprintf(&b, "task %d %q\n", ts.Task.Number, ts.Status)
		for _, ms := range ts.Milestones {
			fmt.Fprintf(&b, "  %s %q %d/%d:", ms.Milestone.ID, ms.Status, ms.Done, ms.Total)
			for _, mem := range ms.Members {
				fmt.Fprintf(&b, " %s=%s", mem.Agency.ID, mem.Status)
			}
			b.WriteString("\n")
		}
	}
	for i, c := range []map[Status]int{h.Snapshot.MemberCounts, h.Snapshot.MilestoneCounts, h.Snapshot.TaskCounts} {
		name := []string{"members", "milestones", "tasks"}[i]
		var parts []string
		for s, n := range c {
			parts = append(parts, fmt.Sprintf("%s:%d", s, n))
		}
		sort.Strings(parts)
		fmt.Fprintf(&b, "counts %s %s\n", name, strings.Join(parts, " "))
	}
	var reports, missing []string
	for _, r := range h.Reports {
		reports = append(reports, r.Agency)
	}
	for _, a := range h.Missing {
		missing = append(missing, a.ID)
	}
	fmt.Fprintf(&b, "reports %s\nmissing %s\n", strings.Join(reports, " "), strings.Join(missing, " "))
	for _, c := range h.Changes {
		fmt.Fprintf(&b, "change %s/%s %s→%s\n", c.Milestone.ID, c.Agency.ID, c.From, c.To)
	}
	return b.String()
}

func TestMembershipOverTime(t *testing.T) {
	t.Parallel()
	// a, b and c as in testAgencies; d is a unit the tests add.
	agencies := func(dReports, members string) string {
		return testAgencies + "\n[[agencies]]\nid = \"d\"\nname = \"Cơ quan D\"\n" + dReports +
			"\n[[groups]]\nid = \"g\"\nname = \"Nhóm\"\nmembers = " + members + "\n"
	}
	base := agencies("reports = false", `["a", "b"]`)
	pl := planTOML(milestone{"m", "g", "2018", ""}, milestone{"n", "a", "ongoing", ""})
	reports := []rep{
		{"a", "2018-H1", "2018-07-05", "", []upd{{"m", "in-progress", ""}, {"n", "in-progress", ""}}},
		{"b", "2018-H1", "2018-07-05", "", []upd{{"m", "done", "2018-06-01"}}},
		{"a", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-11-01"}, {"n", "in-progress", ""}}},
		{"a", "2019-H1", "2019-07-05", "", []upd{{"n", "in-progress", ""}}},
		{"b", "2019-H1", "2019-07-05", "", nil},
	}
	baseHist := History(project(t, base, pl, reports...))
	if len(baseHist) != 3 {
		t.Fatalf("base history has %d periods, want 3", len(baseHist))
	}

	tests := []struct {
		name     string
		agencies string
		// same2018 is whether the 2018 periods read exactly as in base.
		same2018 bool
		// members of m and missing units as of 2019-H1.
		members2019, missing2019 string
	}{
		{"d joins the group and the duty to report in 2019",
			agencies("reports = true\nreports_from = \"2019\"", `["a", "b", { id = "d", from = "2019" }]`), true,
			"a=done-on-time b=done-on-time d=overdue", "d"},
		{"d joins on 1 March 2019, written as a day",
			agencies("reports = true\nreports_from = 2019-03-01", `["a", { id = "d", from = 2019-03-01 }, "b"]`), true,
			"a=done-on-time d=overdue b=done-on-time", "d"},
		{"a new reporting unit that is not in the group",
			agencies("reports = true\nreports_from = \"2019-H1\"", `["a", "b"]`), true,
			"a=done-on-time b=done-on-time", "d"},
		{"b leaves the group and the duty to report after 2018",
			strings.Replace(agencies("reports = false", `["a", { id = "b", until = "2018" }]`),
				"id = \"b\"\nname = \"Cơ quan B\"\nreports = true\n", "id = \"b\"\nname = \"Cơ quan B\"\nreports = true\nreports_until = \"2018\"\n", 1), true,
			"a=done-on-time", ""},
		// The counter-test: the old form, a plain id and reports = true,
		// rewrites 2018 (d is judged, and missing, for periods before it
		// existed).
		{"d added as a plain member rewrites the past",
			agencies("reports = true", `["a", "b", "d"]`), false,
			"a=done-on-time b=done-on-time d=overdue", "d"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := project(t, tc.agencies, pl, reports...)
			hist := History(p)
			if len(hist) != len(baseHist) {
				t.Fatalf("%d periods, want %d", len(hist), len(baseHist))
			}
			same := true
			for i, h := range hist[:2] {
				got, want := periodText(h), periodText(baseHist[i])
				if got != want {
					same = false
					if tc.same2018 {
						t.Errorf("%s changed:\n%s\nwas:\n%s", h.Period.ID, got, want)
					}
				}
			}
			if same != tc.same2018 {
				t.Errorf("2018 periods unchanged = %v, want %v", same, tc.same2018)
			}
			last := hist[2]
			var members, missing []string
			for _, mem := range last.Snapshot.Milestone("m").Members {
				members = append(members, mem.Agency.ID+"="+string(mem.Status))
			}
			for _, a := range last.Missing {
				missing = append(missing, a.ID)
			}
			if got := strings.Join(members, " "); got != tc.members2019 {
				t.Errorf("2019-H1 members of m: %q, want %q", got, tc.members2019)
			}
			if got := strings.Join(missing, " "); got != tc.missing2019 {
				t.Errorf("2019-H1 missing: %q, want %q", got, tc.missing2019)
			}
			// The current snapshot is the last period's: same members.
			now := Derive(p, date(t, "2019-06-30"))
			if got, want := periodText(&Period{Period: last.Period, Snapshot: now}), periodText(&Period{Period: last.Period, Snapshot: last.Snapshot}); got != want {
				t.Errorf("Derive and History disagree as of 2019-06-30:\n%s\n%s", got, want)
			}
		})
	}
}

func TestChangesFollowAgenciesNotPlaces(t *testing.T) {
	t.Parallel()
	// d joins between a and b: b's share must be compared with b's, not
	// with whoever was second before.
	agencies := testAgencies + "\n[[agencies]]\nid = \"d\"\nname = \"Cơ quan D\"\n" +
		"\n[[groups]]\nid = \"g\"\nname = \"Nhóm\"\nmembers = [\"a\", { id = \"d\", from = \"2019\" }, \"b\"]\n"
	pl := planTOML(milestone{"m", "g", "2020", ""})
	p := project(t, agencies, pl,
		rep{"a", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}},
		rep{"b", "2018", "2019-01-05", "", []upd{{"m", "in-progress", ""}}},
		rep{"a", "2019-H1", "2019-07-05", "", []upd{{"m", "in-progress", ""}}},
		rep{"b", "2019-H1", "2019-07-05", "", []upd{{"m", "in-progress", ""}}},
	)
	hist := History(p)
	var got []string
	for _, c := range hist[1].Changes {
		got = append(got, fmt.Sprintf("%s:%s→%s", c.Agency.ID, c.From, c.To))
	}
	if strings.Join(got, " ") != "d:→not-reported" {
		t.Errorf("changes in 2019-H1 = %q, want only d's arrival", got)
	}
}

func TestGroupWithNoMemberYet(t *testing.T) {
	t.Parallel()
	agencies := testAgencies + "\n[[groups]]\nid = \"g\"\nname = \"Nhóm\"\nmembers = [{ id = \"b\", from = \"2019\" }]\n"
	pl := planTOML(milestone{"m", "g", "2020", ""}, milestone{"n", "a", "2020", ""})
	p := project(t, agencies, pl, rep{"a", "2018", "2019-01-05", "", []upd{{"n", "in-progress", ""}}})
	s := Derive(p, date(t, "2018-12-31"))
	ms := s.Milestone("m")
	if ms.Status != NoData || ms.Total != 0 || len(ms.Members) != 0 {
		t.Errorf("m as of 2018: %q %d/%d, want no status and no member", ms.Status, ms.Done, ms.Total)
	}
	if s.MilestoneCounts[NoData] != 0 || s.MilestoneCounts[InProgress] != 1 || s.Tasks[0].Status != NoData {
		t.Errorf("counts %v, task %q: a milestone with no member yet is not counted", s.MilestoneCounts, s.Tasks[0].Status)
	}
	if s := Derive(p, date(t, "2019-06-30")); s.Milestone("m").Total != 1 {
		t.Errorf("m as of 2019-H1 has %d members, want 1", s.Milestone("m").Total)
	}
}
