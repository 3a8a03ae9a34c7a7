package plan

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/spf13/afero"
)

func FuzzParseDue(f *testing.F) {
	for _, s := range []string{
		"2018-Q2", "2018-H1", "2018", "2018-09-30", "from 2018", "ongoing", "",
		"2020-02-29", "2018-Q5", "Quý II/2018", "２０１８", "+018-09-30",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDue(s)
		if err != nil {
			var de *DueError
			if !errors.As(err, &de) || de.Text != s {
				t.Fatalf("ParseDue(%q) error %#v is not a *DueError for the input", s, err)
			}
			return
		}
		// Every deadline the grammar accepts is written one way only.
		if got := d.String(); got != s {
			t.Fatalf("ParseDue(%q).String() = %q", s, got)
		}
		if again, err := ParseDue(d.String()); err != nil || again != d {
			t.Fatalf("ParseDue(%q) = %+v, then %+v, %v", s, d, again, err)
		}
		if last, ok := d.LastDay(); ok {
			if last.IsZero() || last.Year != d.Year || last.Time().Format("2006-01-02") != last.String() {
				t.Fatalf("ParseDue(%q).LastDay() = %+v", s, last)
			}
		}
		if d.Words("vi") == "" || d.Words("en") == "" {
			t.Fatalf("ParseDue(%q) has no words", s)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2018-H1", "2018", "2018-05-10", "2018-H2", "2018-06-30", "1945-H1", "2200-12-31", "2018-13-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			var pe *PeriodError
			if !errors.As(err, &pe) || pe.Text != s {
				t.Fatalf("ParsePeriod(%q) error %#v is not a *PeriodError for the input", s, err)
			}
			return
		}
		if p.ID != s || p.End.Year != p.Year || p.Start.Year != p.Year || p.End.Before(p.Start) {
			t.Fatalf("ParsePeriod(%q) = %+v", s, p)
		}
		if again, err := ParsePeriod(p.ID); err != nil || again != p {
			t.Fatalf("ParsePeriod(%q) = %+v, then %+v, %v", s, p, again, err)
		}
		if p.Compare(p) != 0 {
			t.Fatalf("%q does not compare equal to itself", s)
		}
		if prev := p.Previous(); prev.ID != "" {
			if !prev.Regular() || !prev.End.Before(p.End) || prev.Compare(p) >= 0 || p.Compare(prev) <= 0 {
				t.Fatalf("ParsePeriod(%q).Previous() = %+v", s, prev)
			}
		}
		if p.Words("vi") == "" || p.Words("en") == "" {
			t.Fatalf("ParsePeriod(%q) has no words", s)
		}
	})
}

// checkFuzzLoad loads fs and checks what must hold whatever the input:
// no panic, and every problem points at a file and a line.
func checkFuzzLoad(t *testing.T, fs afero.Fs) {
	p, err := Load(fs, root)
	if p == nil || p.Plan == nil || p.Agencies == nil {
		t.Fatalf("Load returned an incomplete project: %+v", p)
	}
	var all Problems
	if err != nil {
		ps, ok := err.(Problems)
		if !ok || len(ps) == 0 {
			t.Fatalf("Load error %T %v is not a list of problems", err, err)
		}
		all = append(all, ps...)
	}
	for _, r := range p.Reports {
		if r == nil {
			t.Fatal("nil report")
		}
		all = append(all, r.Problems...)
		if r.IsPublished() && r.Approval.State != Approved {
			t.Fatalf("report %s is published in state %q", r.File, r.Approval.State)
		}
	}
	for _, x := range p.Plan.Tasks {
		if x == nil {
			t.Fatal("nil task")
		}
		for _, m := range x.Milestones {
			if m == nil || m.Task != x {
				t.Fatalf("milestone of task %d not linked: %+v", x.Number, m)
			}
		}
	}
	for _, pr := range all {
		if pr.Pos.File == "" || pr.Pos.Line < 1 || pr.Pos.Col < 1 {
			t.Fatalf("problem without a place: %+v", pr)
		}
		for _, l := range []msg.Lang{msg.VI, msg.EN} {
			text := pr.Text(l)
			if !strings.HasPrefix(text, fmt.Sprintf("%s:%d:%d: ", pr.Pos.File, pr.Pos.Line, pr.Pos.Col)) || strings.Contains(text, "%!") {
				t.Fatalf("problem text %q", text)
			}
		}
	}
}

func FuzzLoadReport(f *testing.F) {
	f.Add([]byte(goodReport))
	f.Add([]byte(huyenAReport))
	f.Add([]byte(windows(goodReport)))
	f.Add([]byte(strings.Replace(goodReport, `state = "approved"`, `state = "draft"`, 1)))
	f.Add([]byte(strings.Replace(goodReport, "progress = 40", "progress = 101\nprogres = 1", 1)))
	f.Add([]byte(strings.Replace(goodReport, "done_on = 2018-06-15", `done_on = "2018-13-01"`, 1)))
	f.Add([]byte("+++\nagency = \"so-noi-vu\"\n+++\n"))
	f.Add([]byte("+++\n[[updates]]\nmilestone = \"1b\"\nmember = \"huyen-b\"\n[[updates]]\n+++"))
	f.Add([]byte("+++\n+++\n"))
	f.Add([]byte("no front matter"))
	f.Fuzz(func(t *testing.T, src []byte) {
		fs := newPortal(t, map[string]string{goodReportPath: string(src)})
		checkFuzzLoad(t, fs)
	})
}

func FuzzLoadPlan(f *testing.F) {
	f.Add([]byte(basePlan))
	f.Add([]byte(windows(basePlan)))
	f.Add([]byte(strings.Replace(basePlan, "id = \"3b\"\n  owner", "id = \"3b\"\n  ownr", 1)))
	f.Add([]byte(strings.Replace(basePlan, "number = 2", `number = "2"`, 1)))
	f.Add([]byte(strings.Replace(basePlan, `slug = "nhiem-vu-hai"`, `slug = "nhiem-vu-hai`, 1)))
	f.Add([]byte(strings.Replace(basePlan, `due = "2018-Q2"`, `due = 2018-06-30`, 1)))
	f.Add([]byte("title = \"\"\"\nmulti\n[[tasks]]\n\"\"\"\n[[tasks]]\nnumber = 1\n  [[tasks.milestones]]\n  partners = [\n  \"x\",\n  ]\n"))
	f.Add([]byte("[[tasks]]\n[tasks.milestones]\n[[tasks.milestones]]\n"))
	f.Add([]byte("tasks = [{number = 1, slug = \"a\", milestones = [{id = \"b\"}]}]\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		// The plan alone, and the plan with a report that refers to it.
		checkFuzzLoad(t, newPortal(t, map[string]string{PlanFile: string(src)}))
		checkFuzzLoad(t, newPortal(t, map[string]string{PlanFile: string(src), goodReportPath: goodReport}))
	})
}
