package plan

import (
	"testing"
)

// TestCheckReport: the report check speaks of fields, so that each reader
// (the loader, the workbook) can tell a finding at its own place.
func TestCheckReport(t *testing.T) {
	t.Parallel()
	p := &Project{
		Agencies: &Registry{
			Agencies: []*Agency{{ID: "so-noi-vu", Name: "Sở Nội vụ"}, {ID: "huyen-a", Name: "Huyện A"}, {ID: "huyen-b", Name: "Huyện B"}},
			Groups:   []*Group{{ID: "cac-huyen", Name: "Các huyện", Members: []string{"huyen-a", "huyen-b"}}},
		},
		Plan: &Plan{Reporting: Reporting{Compiler: "so-noi-vu"}, Tasks: []*Task{{Milestones: []*Milestone{
			{ID: "1a", Owner: "so-noi-vu"}, {ID: "2a", Owner: "cac-huyen"}, {ID: "3a", Owner: "so-noi-vu", Condition: "chờ"},
		}}}},
	}
	p.Agencies.index()
	good := func() *Report {
		return &Report{Agency: "huyen-a", Period: "2018", Number: "1/BC", Date: NewDate(2018, 12, 20),
			Approval: Approval{State: Submitted},
			Updates:  []*Update{{Milestone: "2a", State: StateDone, DoneOn: NewDate(2018, 12, 1)}}}
	}
	seven := 107
	cases := []struct {
		name  string
		edit  func(r *Report)
		field string
		value bool
		key   string
	}{
		{"no agency", func(r *Report) { r.Agency = "" }, "", false, "field.required"},
		{"unknown agency", func(r *Report) { r.Agency = "huyen-z" }, "agency", true, "ref.agency"},
		{"group as agency", func(r *Report) { r.Agency = "cac-huyen" }, "agency", true, "report.groupAgency"},
		{"bad period", func(r *Report) { r.Period = "2018-H3" }, "period", true, "period.form"},
		{"folder", func(r *Report) { r.File = "content/bao-cao/2019/huyen-a.md" }, "period", true, "report.folder"},
		{"date before period", func(r *Report) { r.Date = NewDate(2017, 12, 1); r.Updates[0].DoneOn = NewDate(2017, 11, 1) }, "date", true, "report.dateBeforePeriod"},
		{"no date", func(r *Report) { r.Date = Date{} }, "", false, "field.required"},
		{"approved without number", func(r *Report) {
			r.Number = ""
			r.Approval = Approval{State: Approved, ApprovedBy: "X", ApprovedOn: NewDate(2018, 12, 21)}
		}, "number", false, "field.required"},
		{"approved without by", func(r *Report) { r.Approval = Approval{State: Approved, ApprovedOn: NewDate(2018, 12, 21)} }, "approval", false, "approval.by"},
		{"approved before date", func(r *Report) {
			r.Approval = Approval{State: Approved, ApprovedBy: "X", ApprovedOn: NewDate(2018, 12, 1)}
		}, "approval.approved_on", true, "approval.beforeDate"},
		{"bad approval state", func(r *Report) { r.Approval.State = "ok" }, "approval.state", true, "value.oneOf"},
		{"unknown milestone", func(r *Report) { r.Updates[0].Milestone = "9z" }, "updates.0.milestone", true, "ref.milestone"},
		{"not owner", func(r *Report) { r.Updates[0].Milestone = "1a" }, "updates.0.milestone", true, "update.notOwner"},
		{"other member", func(r *Report) { r.Updates[0].Member = "huyen-b" }, "updates.0.member", true, "update.otherMember"},
		{"done without date", func(r *Report) { r.Updates[0].DoneOn = Date{} }, "updates.0", false, "update.doneOnMissing"},
		{"date without done", func(r *Report) { r.Updates[0].State = StateInProgress }, "updates.0.done_on", true, "update.doneOnNotDone"},
		{"done after report", func(r *Report) { r.Updates[0].DoneOn = NewDate(2018, 12, 25) }, "updates.0.done_on", true, "update.doneAfterReport"},
		{"progress", func(r *Report) { r.Updates[0].Progress = &seven }, "updates.0.progress", true, "update.progress"},
		{"waiting without condition", func(r *Report) { r.Updates[0].State = StateWaiting; r.Updates[0].DoneOn = Date{} }, "updates.0.state", true, "update.waitingNoCondition"},
		{"duplicate", func(r *Report) { r.Updates = append(r.Updates, &Update{Milestone: "2a", State: StateNotStarted}) }, "updates.1", false, "update.duplicate"},
	}
	if fs := CheckReport(p, good()); len(fs) != 0 {
		t.Fatalf("a good report has findings: %+v", fs)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := good()
			c.edit(r)
			fs := CheckReport(p, r)
			if len(fs) != 1 {
				t.Fatalf("want 1 finding, got %+v", fs)
			}
			f := fs[0]
			if f.Field != c.field || f.Value != c.value || f.Key != c.key {
				t.Errorf("got %+v, want field %q value %v key %q", f, c.field, c.value, c.key)
			}
			if c.key == "update.duplicate" && f.Earlier != "updates.0" {
				t.Errorf("earlier = %q", f.Earlier)
			}
		})
	}
	// The check completes the report as the loader does.
	r := good()
	CheckReport(p, r)
	if r.PeriodInfo.ID != "2018" || r.Updates[0].Member != "huyen-a" || r.Updates[0].Progress == nil || *r.Updates[0].Progress != 100 {
		t.Errorf("report not completed: %+v %+v", r, r.Updates[0])
	}
}
