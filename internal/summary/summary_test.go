package summary

import (
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// konTum loads the repository's own portal, read-only.
func konTum(t *testing.T) *plan.Project {
	t.Helper()
	p, err := plan.Load(afero.NewReadOnlyFs(afero.NewOsFs()), "../..")
	if err != nil {
		t.Fatalf("the repository's portal does not load: %v", err)
	}
	return p
}

// TestCompile checks each period's compilation against the history it is
// made from: one row per share (as many as the snapshot counts), the
// overdue rows the longest first with their days, the changed rows those
// whose status differs from the period before, the missing units the
// history's.
func TestCompile(t *testing.T) {
	p := konTum(t)
	hist := status.History(p)
	if _, ok := Compile(p, hist, "2000-H1"); ok {
		t.Error("a period without approved reports was compiled")
	}
	overdue := 0
	for _, h := range hist {
		s, ok := Compile(p, hist, h.Period.ID)
		if !ok {
			t.Fatalf("%s: not compiled", h.Period.ID)
		}
		if n := Total(h.Snapshot.MemberCounts); len(s.Rows) != n {
			t.Errorf("%s: %d rows, the snapshot counts %d shares", h.Period.ID, len(s.Rows), n)
		}
		for i, r := range s.Overdue {
			if r.Status != status.Overdue || r.DaysOverdue <= 0 || r.OverdueSince.IsZero() {
				t.Errorf("%s: overdue row %s/%s: %s, %d days since %s", h.Period.ID, r.Milestone.ID, r.Agency.ID, r.Status, r.DaysOverdue, r.OverdueSince)
			}
			if last, _ := r.Milestone.Due.LastDay(); Days(last, h.Period.End) != r.DaysOverdue {
				t.Errorf("%s: %s/%s overdue %d days, the deadline's last day %s is %d days before the end", h.Period.ID, r.Milestone.ID, r.Agency.ID, r.DaysOverdue, last, Days(last, h.Period.End))
			}
			if i > 0 && s.Overdue[i-1].DaysOverdue < r.DaysOverdue {
				t.Errorf("%s: overdue rows not the longest first at %d", h.Period.ID, i)
			}
		}
		overdue += len(s.Overdue)
		if h.Previous == nil && len(s.Changed) != 0 {
			t.Errorf("%s: the first period lists %d changes", h.Period.ID, len(s.Changed))
		}
		if h.Previous != nil && len(s.Changed) != len(h.Changes) {
			t.Errorf("%s: %d changed rows, the history %d changes", h.Period.ID, len(s.Changed), len(h.Changes))
		}
		for _, r := range s.Changed {
			if r.Previous == r.Status {
				t.Errorf("%s: %s/%s listed as changed, %s both times", h.Period.ID, r.Milestone.ID, r.Agency.ID, r.Status)
			}
		}
		if len(s.Missing) != len(h.Missing) || s.Due() != len(h.Reports)+len(h.Missing) {
			t.Errorf("%s: %d missing of %d due", h.Period.ID, len(s.Missing), s.Due())
		}
	}
	if overdue == 0 {
		t.Error("no overdue share in any period: the checks of days overdue check nothing")
	}
}

// TestWords: the sentences both layouts say about a row.
func TestWords(t *testing.T) {
	progress := 40
	src := &status.Source{Report: &plan.Report{Agency: "x", Number: "12/BC", Date: plan.Date{Year: 2018, Month: 6, Day: 20}}, Update: &plan.Update{Progress: &progress, Note: "Đang làm"}}
	s := &Summary{Agencies: &plan.Registry{}}
	for _, c := range []struct {
		lang         msg.Lang
		facts, note  string
		source, full string
	}{
		{msg.VI, "Tiến độ 40%", "Đang làm", "Báo cáo số 12/BC ngày 20/6/2018 của x ()", "Tiến độ 40%\nĐang làm"},
		{msg.EN, "Progress 40%", "Đang làm", "Report 12/BC of 20 June 2018 by x ()", "Progress 40%\nĐang làm"},
	} {
		f, n := ResultParts(c.lang, src)
		if f != c.facts || n != c.note {
			t.Errorf("%s: ResultParts = %q, %q; want %q, %q", c.lang, f, n, c.facts, c.note)
		}
		if got := Result(c.lang, src); got != c.full {
			t.Errorf("%s: Result = %q, want %q", c.lang, got, c.full)
		}
		if got := s.SourceWords(c.lang, src); got != c.source {
			t.Errorf("%s: SourceWords = %q, want %q", c.lang, got, c.source)
		}
		if f, n := ResultParts(c.lang, nil); f != "" || n != "" || s.SourceWords(c.lang, nil) != "" {
			t.Errorf("%s: a share resting on no report has words", c.lang)
		}
	}
}
