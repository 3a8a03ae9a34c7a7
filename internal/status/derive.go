package status

import (
	"sort"

	"github.com/minhbach/minhbach/internal/plan"
)

// Derive computes the status of every task, milestone and member of p as of
// asOf, from the approved reports of periods that ended on or before asOf.
// The members of a group milestone are its members on asOf
// (plan.Registry.MembersAt). Reports that are not approved are never read.
func Derive(p *plan.Project, asOf plan.Date) *Snapshot {
	return derive(p, asOf, updatesByShare(p, asOf))
}

// derive is Derive over the updates of each share, oldest first; updates
// from periods that end after asOf are ignored, so that History can group
// the updates once for every period.
func derive(p *plan.Project, asOf plan.Date, all map[share][]Source) *Snapshot {
	s := &Snapshot{
		AsOf:            asOf,
		Window:          currentWindow(asOf),
		TaskCounts:      map[Status]int{},
		MilestoneCounts: map[Status]int{},
		MemberCounts:    map[Status]int{},
		byMilestone:     map[string]*Milestone{},
	}
	s.NoData = true
	for _, per := range Periods(p) {
		if per.End.Compare(asOf) <= 0 {
			s.Period = per
			s.NoData = false
		}
	}
	sent := sentIn(p, s.Window, asOf)
	for _, t := range p.Plan.Tasks {
		ts := &Task{Task: t}
		for _, m := range t.Milestones {
			ms := &Milestone{Milestone: m}
			for _, a := range p.Agencies.MembersAt(m.Owner, asOf) {
				mem := &Member{Agency: a}
				if !s.NoData {
					mem.Status, mem.Source = memberStatus(m, upTo(all[share{m.ID, a.ID}], asOf), asOf, s.Window)
					mem.DaysLate = daysLate(m, mem.Status, mem.Source, asOf)
					mem.Silence = silence(mem.Status, sent[a.ID])
					s.MemberCounts[mem.Status]++
				}
				if mem.Status.Done() {
					ms.Done++
				}
				ms.Total++
				ms.Members = append(ms.Members, mem)
				ms.Status = Worst(ms.Status, mem.Status)
			}
			if !s.NoData && ms.Status != NoData {
				// A group milestone none of whose members had joined by
				// asOf has no status and is not counted.
				s.MilestoneCounts[ms.Status]++
			}
			s.byMilestone[m.ID] = ms
			ts.Milestones = append(ts.Milestones, ms)
			ts.Status = Worst(ts.Status, ms.Status)
		}
		if !s.NoData {
			s.TaskCounts[ts.Status]++
		}
		s.Tasks = append(s.Tasks, ts)
	}
	return s
}

// sentIn returns the agencies that sent an approved report for a period
// that ends after window and on or before asOf: the latest window.
func sentIn(p *plan.Project, window, asOf plan.Date) map[string]bool {
	out := map[string]bool{}
	for _, r := range p.Published() {
		if end := r.PeriodInfo.End; end.After(window) && !end.After(asOf) {
			out[r.Agency] = true
		}
	}
	return out
}

// upTo returns the leading updates of ups (oldest first) whose period ends
// on or before asOf.
func upTo(ups []Source, asOf plan.Date) []Source {
	n := sort.Search(len(ups), func(i int) bool { return ups[i].Report.PeriodInfo.End.After(asOf) })
	return ups[:n]
}

// share is one member's part of one milestone.
type share struct{ milestone, agency string }

// updatesByShare returns, for each share, the approved updates about it from
// periods that ended on or before asOf, oldest first (by the end of the
// period, then by the report's date).
func updatesByShare(p *plan.Project, asOf plan.Date) map[share][]Source {
	out := map[share][]Source{}
	for _, r := range p.Published() {
		if r.PeriodInfo.End.After(asOf) {
			continue
		}
		for _, u := range r.Updates {
			k := share{u.Milestone, u.Member}
			out[k] = append(out[k], Source{Report: r, Update: u})
		}
	}
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i].Report, list[j].Report
			if c := a.PeriodInfo.Compare(b.PeriodInfo); c != 0 {
				return c < 0
			}
			return a.Date.Before(b.Date)
		})
	}
	return out
}

// memberStatus is the rule book. Given the updates about one member's share
// of milestone m (oldest first), the status as of asOf is the first of
// these that holds:
//
//  1. done-on-time: the latest update says done, on a day on or before asOf,
//     and on or before the deadline's last day (or there is no last day);
//  2. done-late: the same, done after the deadline's last day;
//  3. waiting: the milestone has a condition in the plan and the latest
//     update, sent in the latest reporting window, says it is waiting for
//     it (the deadline clock is paused);
//  4. overdue: the deadline has a last day and it is before asOf;
//  5. not-reported: no update was sent in the latest reporting window;
//  6. ongoing: the deadline is "ongoing" or "from" a year (and an update
//     was sent in the latest reporting window);
//  7. in-progress: otherwise.
//
// The latest reporting window is the reports whose period ends after
// window and on or before asOf (see currentWindow).
func memberStatus(m *plan.Milestone, ups []Source, asOf, window plan.Date) (Status, *Source) {
	var last, recent *Source
	if n := len(ups); n > 0 {
		last = &ups[n-1]
		if last.Report.PeriodInfo.End.After(window) {
			recent = last
		}
	}
	lastDay, hasLastDay := m.Due.LastDay()
	if last != nil && last.Update.State == plan.StateDone && !last.Update.DoneOn.After(asOf) {
		if !hasLastDay || !last.Update.DoneOn.After(lastDay) {
			return DoneOnTime, last
		}
		return DoneLate, last
	}
	if recent != nil && recent.Update.State == plan.StateWaiting && m.Condition != "" {
		return Waiting, recent
	}
	if hasLastDay && lastDay.Before(asOf) {
		return Overdue, last
	}
	if recent == nil {
		return NotReported, last
	}
	if m.Due.Kind == plan.DueOngoing || m.Due.Kind == plan.DueFrom {
		return Ongoing, recent
	}
	return InProgress, recent
}
