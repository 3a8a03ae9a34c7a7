// Package summary compiles the report of one reporting period that section
// III.3 of the plan asks Sở Nội vụ to make: every share of every milestone
// with its status as of the period's end and the report it rests on, what
// changed since the period before, what is overdue and since when, and the
// units that had to report and did not.
//
// The compilation is made once, here, from the statuses the domain derives
// (internal/status); the workbook (internal/workbook) and the period's
// printable page (internal/view) both lay out the same Summary. It knows
// nothing of Excel or of Hugo.
package summary

import (
	"sort"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Row is one share of one milestone in a period summary: one agency's part
// of a milestone (the owner's, or one member's of a group), its status as
// of the period's end and what it rests on.
type Row struct {
	Task      *plan.Task
	Milestone *plan.Milestone
	Agency    *plan.Agency
	Status    status.Status
	// Previous is the status as of the previous period's end (NoData for the
	// first period or a share that did not exist then).
	Previous status.Status
	// Source is the update the status rests on, or nil.
	Source *status.Source
	// OverdueSince is the first day the share was overdue, and DaysOverdue
	// how many days it had been overdue at the period's end; zero unless
	// the share is overdue.
	OverdueSince plan.Date
	DaysOverdue  int
}

// Summary is the compiled report of one reporting period: its rows in plan
// order, the overdue ones, the changed ones and the units that did not
// report.
type Summary struct {
	Plan   *plan.Plan
	Period *status.Period
	// Agencies is the registry the rows' agencies and the sources' senders
	// are named from.
	Agencies *plan.Registry
	Rows     []Row
	Overdue  []Row // worst first: the longest overdue first
	// Changed are the rows whose status differs from the previous period's
	// (none for the first period).
	Changed []Row
	Missing []*plan.Agency
}

// Compile makes the summary of the period with id from the history of the
// approved reports (status.History). It returns false when no approved
// report exists for that period.
func Compile(p *plan.Project, hist []*status.Period, id string) (*Summary, bool) {
	var h *status.Period
	for _, x := range hist {
		if x.Period.ID == id {
			h = x
		}
	}
	if h == nil {
		return nil, false
	}
	s := &Summary{Plan: p.Plan, Period: h, Missing: h.Missing, Agencies: p.Agencies}
	asOf := h.Snapshot.AsOf
	for _, t := range h.Snapshot.Tasks {
		for _, ms := range t.Milestones {
			var before *status.Milestone
			if h.Previous != nil {
				before = h.Previous.Snapshot.Milestone(ms.Milestone.ID)
			}
			for _, mem := range ms.Members {
				r := Row{Task: t.Task, Milestone: ms.Milestone, Agency: mem.Agency, Status: mem.Status, Source: mem.Source}
				if prev := before.Member(mem.Agency.ID); prev != nil {
					r.Previous = prev.Status
				}
				if mem.Status == status.Overdue {
					if last, ok := ms.Milestone.Due.LastDay(); ok && last.Before(asOf) {
						r.OverdueSince = last.AddDays(1)
						r.DaysOverdue = Days(last, asOf)
					}
				}
				s.Rows = append(s.Rows, r)
				if r.Status == status.Overdue {
					s.Overdue = append(s.Overdue, r)
				}
				if h.Previous != nil && r.Previous != r.Status {
					s.Changed = append(s.Changed, r)
				}
			}
		}
	}
	sort.SliceStable(s.Overdue, func(i, j int) bool { return s.Overdue[i].DaysOverdue > s.Overdue[j].DaysOverdue })
	return s, true
}

// Days counts the days from a to b.
func Days(a, b plan.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// Due is how many units had to report for the period: those that did and
// those that did not.
func (s *Summary) Due() int { return len(s.Period.Reports) + len(s.Missing) }

// SourceAgency is the agency that sent the report src rests on, or nil
// when the registry does not know it.
func (s *Summary) SourceAgency(src *status.Source) *plan.Agency {
	if src == nil || src.Report == nil {
		return nil
	}
	return s.Agencies.Agency(src.Report.Agency)
}

// Total adds up the counts of one kind (tasks, milestones or shares) by
// status.
func Total(counts map[status.Status]int) int {
	n := 0
	for _, v := range counts {
		n += v
	}
	return n
}

// MilestonesDone counts the milestones of a task that are done as of its
// snapshot.
func MilestonesDone(t *status.Task) int {
	done := 0
	for _, ms := range t.Milestones {
		if ms.Status.Done() {
			done++
		}
	}
	return done
}
