package status

import (
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestLatestRegularAndNewlyOverdue(t *testing.T) {
	t.Parallel()
	per := func(id string) plan.Period {
		p, err := plan.ParsePeriod(id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	hist := []*Period{
		{Period: per("2018-H1")},
		{Period: per("2018"), Changes: []Change{{To: Overdue}, {To: DoneLate}, {From: Overdue, To: DoneLate}}},
		{Period: per("2019-03-01")},
	}
	for _, c := range []struct {
		asOf plan.Date
		want string
	}{
		{plan.NewDate(2019, 6, 30), "2018"}, // the ad hoc period is not regular
		{plan.NewDate(2018, 12, 30), "2018-H1"},
		{plan.NewDate(2018, 6, 30), "2018-H1"},
		{plan.NewDate(2018, 6, 29), ""},
	} {
		got := ""
		if h := LatestRegular(hist, c.asOf); h != nil {
			got = h.Period.ID
		}
		if got != c.want {
			t.Errorf("LatestRegular(%s) = %q, want %q", c.asOf, got, c.want)
		}
	}
	if n := len(hist[1].NewlyOverdue()); n != 1 {
		t.Errorf("NewlyOverdue: %d changes, want 1", n)
	}
}

func TestAsOfIsTheAskedDayOrTheLatestPeriod(t *testing.T) {
	t.Parallel()
	per := func(id string) plan.Period {
		p, err := plan.ParsePeriod(id)
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	none := &plan.Project{Plan: &plan.Plan{}, Agencies: &plan.Registry{}, Reports: []*plan.Report{{Period: "2019", PeriodInfo: per("2019"), Approval: plan.Approval{State: plan.Submitted}}}}
	some := &plan.Project{Plan: &plan.Plan{}, Agencies: &plan.Registry{}, Reports: []*plan.Report{
		{Period: "2018-H1", PeriodInfo: per("2018-H1"), Approval: plan.Approval{State: plan.Approved}},
		{Period: "2018", PeriodInfo: per("2018"), Approval: plan.Approval{State: plan.Approved}},
		{Period: "2019", PeriodInfo: per("2019"), Approval: plan.Approval{State: plan.Draft}},
	}}
	asked := plan.NewDate(2018, 9, 1)
	for _, c := range []struct {
		name  string
		p     *plan.Project
		asked plan.Date
		want  plan.Date
	}{
		{"nothing approved", none, plan.Date{}, plan.Date{}},
		{"nothing approved, a day asked", none, asked, asked},
		{"the latest approved period", some, plan.Date{}, plan.NewDate(2018, 12, 31)},
		{"the day asked", some, asked, asked},
	} {
		if got := AsOf(c.p, c.asked); got != c.want {
			t.Errorf("%s: AsOf = %s, want %s", c.name, got, c.want)
		}
		if got := Current(c.p, c.asked).AsOf; got != c.want {
			t.Errorf("%s: Current(…).AsOf = %s, want %s", c.name, got, c.want)
		}
	}
}
