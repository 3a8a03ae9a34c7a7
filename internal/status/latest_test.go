package status

import (
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestLatestRegularAndNewlyOverdue(t *testing.T) {
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
