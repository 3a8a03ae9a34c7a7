// Package status decides the status of every milestone and task of a plan
// as of a date, from the approved reports alone. It is the one place where a
// status is decided; see Derive and the rules on memberStatus.
package status

import (
	"sort"

	"github.com/minhbach/minhbach/internal/plan"
)

// Status is the derived state of a milestone, a member's share of a group
// milestone, or a task.
type Status string

// The statuses. NoData means no approved report exists yet, so the site
// shows the plan without statuses.
const (
	NoData      Status = ""
	DoneOnTime  Status = "done-on-time"
	DoneLate    Status = "done-late"
	Waiting     Status = "waiting"
	Overdue     Status = "overdue"
	NotReported Status = "not-reported"
	Ongoing     Status = "ongoing"
	InProgress  Status = "in-progress"
)

// Order lists the statuses worst first. When statuses roll up (members into
// a milestone, milestones into a task) the one that comes first here wins.
var Order = []Status{Overdue, NotReported, Waiting, InProgress, Ongoing, DoneLate, DoneOnTime}

// slugs name each status in addresses (the filtered list of a status,
// trang-thai/<slug>/): Vietnamese, ASCII, stable.
var slugs = map[Status]string{
	Overdue:     "qua-han",
	NotReported: "chua-bao-cao",
	Waiting:     "cho-trung-uong",
	InProgress:  "dang-thuc-hien",
	Ongoing:     "thuong-xuyen",
	DoneLate:    "hoan-thanh-cham",
	DoneOnTime:  "hoan-thanh-dung-han",
}

// Slug is the status's name in addresses, "" for NoData and a string that
// is not a status.
func (s Status) Slug() string { return slugs[s] }

// Rank is a status's place in Order; lower is worse.
func (s Status) Rank() int {
	for i, o := range Order {
		if o == s {
			return i
		}
	}
	return len(Order)
}

// Done reports whether s is one of the done statuses.
func (s Status) Done() bool { return s == DoneOnTime || s == DoneLate }

// Worst returns the worst of ss by Order, or NoData for none.
func Worst(ss ...Status) Status {
	w := NoData
	for _, s := range ss {
		if s == NoData {
			continue
		}
		if w == NoData || s.Rank() < w.Rank() {
			w = s
		}
	}
	return w
}

// Source is the report a status comes from, and what it said.
type Source struct {
	Report *plan.Report
	Update *plan.Update
}

// Member is the status of one agency's share of a milestone. A milestone
// whose owner is one agency has exactly one Member.
type Member struct {
	Agency *plan.Agency
	Status Status
	// Source is the update the status rests on: the done report for a done
	// status, the latest period's report for waiting, in progress and
	// ongoing, and the last report ever sent (or nil) for overdue and not
	// reported.
	Source *Source
	// DaysLate is, for a share done late, the days from the deadline's
	// last day to the day it was done; for an overdue share, the days from
	// the deadline's last day to the snapshot's day; 0 otherwise.
	DaysLate int
	// Silence says why a not-reported share is not reported (see Label).
	Silence Silence
}

// Milestone is the status of one milestone.
type Milestone struct {
	Milestone *plan.Milestone
	Status    Status
	Members   []*Member
	// Done counts the members whose share is done; Total counts them all.
	Done, Total int
}

// Member returns the status of agency's share of m, or nil when agency held
// no share on the snapshot's day (or m is nil).
func (m *Milestone) Member(agency string) *Member {
	if m == nil {
		return nil
	}
	for _, mem := range m.Members {
		if mem.Agency.ID == agency {
			return mem
		}
	}
	return nil
}

// Task is the status of one task: the worst of its milestones.
type Task struct {
	Task       *plan.Task
	Status     Status
	Milestones []*Milestone
}

// Snapshot is the status of a whole plan as of one day.
type Snapshot struct {
	AsOf plan.Date
	// Period is the latest reporting period that ended on or before AsOf
	// and has an approved report; zero when there is none.
	Period plan.Period
	// Window is the last day before the current reporting window: a
	// report counts as "in the latest period" when its period ends after
	// Window and on or before AsOf.
	Window plan.Date
	NoData bool
	Tasks  []*Task
	// TaskCounts and MilestoneCounts count tasks and milestones by status.
	TaskCounts, MilestoneCounts map[Status]int
	// MemberCounts counts every member's share of every milestone.
	MemberCounts map[Status]int

	byMilestone map[string]*Milestone
}

// Milestone returns the status of the milestone with id, or nil.
func (s *Snapshot) Milestone(id string) *Milestone { return s.byMilestone[id] }

// Periods returns the reporting periods that have at least one approved
// report, oldest first.
func Periods(p *plan.Project) []plan.Period {
	seen := map[string]plan.Period{}
	for _, r := range p.Published() {
		seen[r.Period] = r.PeriodInfo
	}
	out := make([]plan.Period, 0, len(seen))
	for _, per := range seen {
		out = append(out, per)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Compare(out[j]) < 0 })
	return out
}

// LatestAsOf returns the end of the latest period that has an approved
// report, and false when there is none.
func LatestAsOf(p *plan.Project) (plan.Date, bool) {
	ps := Periods(p)
	if len(ps) == 0 {
		return plan.Date{}, false
	}
	return ps[len(ps)-1].End, true
}

// AsOf returns the day a build or a check judges statuses as of: asked,
// the day a person asked for (--as-of), when it is given; otherwise the
// last day of the latest period that has an approved report; otherwise
// (no approved report yet) the zero day.
func AsOf(p *plan.Project, asked plan.Date) plan.Date {
	if !asked.IsZero() {
		return asked
	}
	d, _ := LatestAsOf(p)
	return d
}

// Current returns the statuses of p as of AsOf(p, asked).
func Current(p *plan.Project, asked plan.Date) *Snapshot {
	return Derive(p, AsOf(p, asked))
}

// currentWindow returns the day after which a report counts as belonging
// to the latest reporting window as of asOf: the end of the regular period
// before the latest regular period that ended on or before asOf.
func currentWindow(asOf plan.Date) plan.Date {
	year, _ := plan.ParsePeriod(yearID(asOf.Year))
	if asOf.Compare(year.End) >= 0 {
		return year.Previous().End // a year report: from 1 July
	}
	half, _ := plan.ParsePeriod(yearID(asOf.Year) + "-H1")
	if asOf.Compare(half.End) >= 0 {
		return half.Previous().End // a first-half report: from 1 January
	}
	// Before this year's first half ended, the latest regular period is
	// last year's: its window began after last year's first half.
	return plan.NewDate(asOf.Year-1, 6, 30)
}

func yearID(y int) string {
	b := []byte{byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	return string(b)
}
