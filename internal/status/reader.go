package status

import (
	"sort"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
)

// What a citizen asks first: who is late and by how long, why a share is
// "not reported", when the portal was last updated and when the next
// reports are due. The answers are decided here, not in templates.

// RuleOrder lists the statuses in the order memberStatus tries its rules:
// the first that holds decides. (Order, worst first, is the roll-up's.)
var RuleOrder = []Status{DoneOnTime, DoneLate, Waiting, Overdue, NotReported, Ongoing, InProgress}

// Silence says why a share is not reported: whether its unit sent no
// report for the latest reporting window at all, or sent one that does
// not mention this milestone. It is NotSilent for every other status.
type Silence int

// The reasons a share is not reported.
const (
	NotSilent Silence = iota
	// NoReport: the unit sent no approved report in the latest window.
	NoReport
	// NotMentioned: the unit sent an approved report in the latest window,
	// and that report says nothing about this milestone.
	NotMentioned
)

// Label is the share's status as the site shows it beside the share: the
// status's label, qualified for a not-reported share by why it is not
// reported ("Chưa báo cáo (không gửi báo cáo kỳ này)" against "Chưa báo
// cáo (báo cáo không nêu mốc này)"). Counts and legends use Status.Label.
func (m *Member) Label(lang string) string {
	l := m.Status.Label(lang)
	if m.Status != NotReported {
		return l
	}
	if q := m.Silence.Qualifier(lang); q != "" {
		return l + " (" + q + ")"
	}
	return l
}

// Qualifier is the words that say why a share is not reported, or "":
// the catalogue's status_not-reported_no-report and
// status_not-reported_not-mentioned.
func (s Silence) Qualifier(lang string) string {
	key, ok := silenceKeys[s]
	if !ok || !msg.Has(key) {
		return ""
	}
	return msg.Get(msg.For(lang), key)
}

var silenceKeys = map[Silence]string{
	NoReport:     "status_not-reported_no-report",
	NotMentioned: "status_not-reported_not-mentioned",
}

// silence decides why a share with status st is silent, given whether its
// unit sent a report in the latest window.
func silence(st Status, sent bool) Silence {
	if st != NotReported {
		return NotSilent
	}
	if sent {
		return NotMentioned
	}
	return NoReport
}

// daysLate is how many days late a share is: for a share done late, the
// days from its deadline's last day to the day it was done; for an overdue
// share, the days from the deadline's last day to asOf; 0 otherwise.
func daysLate(m *plan.Milestone, st Status, src *Source, asOf plan.Date) int {
	last, ok := m.Due.LastDay()
	if !ok {
		return 0
	}
	switch st {
	case DoneLate:
		return days(last, src.Update.DoneOn)
	case Overdue:
		return days(last, asOf)
	}
	return 0
}

// days counts the days from a to b.
func days(a, b plan.Date) int {
	return int(b.Time().Sub(a.Time()).Hours() / 24)
}

// Late is one share that is overdue as of the snapshot's day.
type Late struct {
	Milestone *plan.Milestone
	// Member is the unit whose share it is (the member, not the group).
	Member *Member
	// Deadline is the deadline's last day.
	Deadline plan.Date
}

// Overdue lists every overdue share, the longest overdue first, then in
// plan order; each names its unit (a group milestone's member, never the
// group), its deadline's last day and, in Member.DaysLate, how many days
// it is overdue as of the snapshot's day.
func (s *Snapshot) Overdue() []Late {
	var out []Late
	for _, t := range s.Tasks {
		for _, ms := range t.Milestones {
			for _, mem := range ms.Members {
				if mem.Status != Overdue {
					continue
				}
				last, _ := ms.Milestone.Due.LastDay()
				out = append(out, Late{Milestone: ms.Milestone, Member: mem, Deadline: last})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Member.DaysLate > out[j].Member.DaysLate })
	return out
}

// WorstFirst returns the members of ms sorted worst first (by Order), the
// longest late first within a status, plan order otherwise. ms.Members
// itself keeps the registry's order.
func (ms *Milestone) WorstFirst() []*Member {
	out := append([]*Member(nil), ms.Members...)
	SortWorstFirst(out, func(m *Member) (Status, int) { return m.Status, m.DaysLate })
	return out
}

// SortWorstFirst sorts xs worst first by the status key gives, then the
// most days late first; ties keep their order.
func SortWorstFirst[T any](xs []T, key func(T) (Status, int)) {
	sort.SliceStable(xs, func(i, j int) bool {
		si, di := key(xs[i])
		sj, dj := key(xs[j])
		if si.Rank() != sj.Rank() {
			return si.Rank() < sj.Rank()
		}
		return di > dj
	})
}

// LastApproved is the latest approval date among the approved reports of
// periods that ended on or before asOf: the day the portal's data was last
// updated. It is zero when there is none.
func LastApproved(p *plan.Project, asOf plan.Date) plan.Date {
	var last plan.Date
	for _, r := range p.Published() {
		if r.PeriodInfo.End.After(asOf) || !r.IsApproved() {
			continue
		}
		if d := r.Approval.ApprovedOn; d.After(last) {
			last = d
		}
	}
	return last
}

// NextPeriod is the first regular reporting period of the plan (its
// reporting.every: "H1", "year"; both when none is given) that ends after
// asOf: the reports expected next.
func NextPeriod(p *plan.Project, asOf plan.Date) plan.Period {
	every := map[string]bool{}
	for _, e := range p.Plan.Reporting.Every {
		every[e] = true
	}
	if len(every) == 0 {
		every["H1"], every["year"] = true, true
	}
	for y := asOf.Year; ; y++ {
		h, _ := plan.ParsePeriod(yearID(y) + "-H1")
		if every["H1"] && h.End.After(asOf) {
			return h
		}
		yr, _ := plan.ParsePeriod(yearID(y))
		if (every["year"] || !every["H1"]) && yr.End.After(asOf) {
			return yr
		}
	}
}
