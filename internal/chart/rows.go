package chart

import (
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// PlanStart returns the day the timeline's bars start from: the date of the
// plan's latest basis document (the plan cannot have been issued before
// it), or, when the plan lists no dated basis, the first day of the
// earliest reporting period with a published report; zero when neither is
// known.
func PlanStart(p *plan.Project) plan.Date {
	var start plan.Date
	if p == nil || p.Plan == nil {
		return start
	}
	for _, b := range p.Plan.Basis {
		if start.IsZero() || b.Date.After(start) {
			start = b.Date
		}
	}
	if start.IsZero() {
		if ps := status.Periods(p); len(ps) > 0 {
			start = ps[0].Start
		}
	}
	return start
}

// Rows maps a snapshot to timeline rows, one per milestone in plan order,
// grouped by task. The label is the milestone id (prefixed with the task
// number when the id does not already start with it); the title is, in
// Vietnamese, the milestone's deliverable or else its action, and in any
// other lang its English action when there is one. A bar starts at PlanStart, or on 1 January of the year a
// "from" deadline names if that is later, and ends on the deadline's last
// day; deadlines with no last day are open-ended. The done date is shown
// when every member's share is done: the latest of their done dates. link
// returns the site-relative URL of a task's page, or "" for none; it may
// be nil.
func Rows(s *status.Snapshot, p *plan.Project, lang string, link func(*plan.Task) string) []TimelineRow {
	if s == nil {
		return nil
	}
	start := PlanStart(p)
	var rows []TimelineRow
	for _, ts := range s.Tasks {
		t := ts.Task
		if t == nil {
			continue
		}
		num := strconv.Itoa(t.Number)
		url := ""
		if link != nil {
			url = link(t)
		}
		for _, ms := range ts.Milestones {
			m := ms.Milestone
			if m == nil {
				continue
			}
			r := TimelineRow{
				Label:  m.ID,
				Title:  m.Action,
				Start:  start,
				Status: ms.Status,
				URL:    url,
				Group:  num,
			}
			if !strings.HasPrefix(m.ID, num) {
				r.Label = num + m.ID
			}
			r.Owner = ownerShort(p, m.Owner, lang, s.AsOf)
			switch {
			case lang != "vi" && m.ActionEn != "":
				r.Title = m.ActionEn
			case m.Deliverable != "":
				r.Title = m.Deliverable
			}
			if m.Due.Kind == plan.DueFrom {
				if from := plan.NewDate(m.Due.Year, 1, 1); r.Start.IsZero() || from.After(r.Start) {
					r.Start = from
				}
			}
			if end, ok := m.Due.LastDay(); ok {
				r.End = end
			} else {
				r.OpenEnded = true
			}
			if ms.Status.Done() {
				r.Done = doneOn(ms)
			}
			rows = append(rows, r)
		}
	}
	return rows
}

// doneOn returns the latest done date of the members of ms, or zero when
// one of them is not done or gave no date.
func doneOn(ms *status.Milestone) plan.Date {
	var last plan.Date
	for _, mem := range ms.Members {
		if !mem.Status.Done() || mem.Source == nil || mem.Source.Update == nil || mem.Source.Update.DoneOn.IsZero() {
			return plan.Date{}
		}
		if d := mem.Source.Update.DoneOn; d.After(last) {
			last = d
		}
	}
	return last
}

// ownerShort is the short name of a milestone's owner for TimelineKey: an
// agency's short name ("SNV"), a group's members on asOf counted ("10 đơn
// vị"), or
// "" when there is none.
func ownerShort(p *plan.Project, id, lang string, asOf plan.Date) string {
	if p == nil || p.Agencies == nil {
		return ""
	}
	if a := p.Agencies.Agency(id); a != nil {
		return a.Short
	}
	if g := p.Agencies.Group(id); g != nil {
		n := len(p.Agencies.MembersAt(g.ID, asOf))
		return msg.Plural(msg.For(lang), "n_units", n, n)
	}
	return ""
}
