package status

import (
	"fmt"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
)

func TestPartsOf(t *testing.T) {
	t.Parallel()
	agencies := testAgencies + "\n[[groups]]\nid = \"g\"\nname = \"Nhóm\"\nmembers = [\"a\", { id = \"b\", from = \"2019\" }]\n"
	pl := planTOML(milestone{"m", "g", "2018", ""}, milestone{"n", "a", "ongoing", ""}, milestone{"o", "b", "2019", ""})
	p := project(t, agencies, pl,
		rep{"a", "2018", "2019-01-05", "", []upd{{"m", "done", "2018-11-01"}, {"n", "in-progress", ""}}},
		rep{"b", "2019-H1", "2019-07-05", "", []upd{{"o", "in-progress", ""}}})
	parts := func(s *Snapshot, agency string) string {
		var out []string
		for _, part := range s.PartsOf(agency) {
			kind := "owns"
			if part.Member != nil {
				kind = "share of " + part.Member.Agency.ID
			}
			out = append(out, fmt.Sprintf("%s (%s) %s", part.Milestone.Milestone.ID, kind, part.Status()))
		}
		return strings.Join(out, "; ")
	}
	for _, c := range []struct {
		asOf   plan.Date
		agency string
		want   string
	}{
		{plan.NewDate(2018, 12, 31), "a", "m (share of a) done-on-time; n (owns) ongoing"},
		// b joins g in 2019: no share of m before.
		{plan.NewDate(2018, 12, 31), "b", "o (owns) not-reported"},
		{plan.NewDate(2019, 6, 30), "b", "m (share of b) overdue; o (owns) in-progress"},
		{plan.NewDate(2019, 6, 30), "c", ""},
		// A group owns its milestones, as a whole.
		{plan.NewDate(2019, 6, 30), "g", "m (owns) overdue"},
	} {
		if got := parts(Derive(p, c.asOf), c.agency); got != c.want {
			t.Errorf("PartsOf(%s) as of %s = %q, want %q", c.agency, c.asOf, got, c.want)
		}
	}
}
