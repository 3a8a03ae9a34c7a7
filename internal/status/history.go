package status

import (
	"github.com/minhbach/minhbach/internal/plan"
)

// Change is a share of a milestone whose status differs between two
// periods.
type Change struct {
	Milestone *plan.Milestone
	Agency    *plan.Agency
	From, To  Status
	// Source is what the new status rests on, if anything.
	Source *Source
}

// Period is one reporting period with an approved report: the status of
// everything as of its end, what changed since the previous such period,
// and who reported.
type Period struct {
	Period   plan.Period
	Snapshot *Snapshot
	// Previous is the period before, or nil for the first.
	Previous *Period
	Changes  []Change
	// Reports are the approved reports of the period, in the order of
	// their agency ids.
	Reports []*plan.Report
	// Missing are the agencies that had to report for this period (see
	// plan.Registry.MustReport) and sent no approved report for it (none
	// for an ad hoc period).
	Missing []*plan.Agency
}

// History returns every period that has an approved report, oldest first,
// each with its snapshot and the changes since the one before.
func History(p *plan.Project) []*Period {
	var out []*Period
	var prev *Period
	periods := Periods(p)
	if len(periods) == 0 {
		return nil
	}
	all := updatesByShare(p, periods[len(periods)-1].End)
	for _, per := range periods {
		h := &Period{Period: per, Snapshot: derive(p, per.End, all), Previous: prev}
		reported := map[string]bool{}
		for _, r := range p.Published() {
			if r.Period == per.ID {
				h.Reports = append(h.Reports, r)
				reported[r.Agency] = true
			}
		}
		for _, a := range p.Agencies.Agencies {
			if p.Agencies.MustReport(a, per) && !reported[a.ID] {
				h.Missing = append(h.Missing, a)
			}
		}
		if prev != nil {
			h.Changes = Changes(prev.Snapshot, h.Snapshot)
		}
		out = append(out, h)
		prev = h
	}
	return out
}

// Changes lists the shares whose status differs from before to after, in
// plan order.
func Changes(before, after *Snapshot) []Change {
	var out []Change
	for _, t := range after.Tasks {
		for _, ms := range t.Milestones {
			old := before.Milestone(ms.Milestone.ID)
			for _, mem := range ms.Members {
				from := NoData
				if prev := old.Member(mem.Agency.ID); prev != nil {
					from = prev.Status
				}
				if from != mem.Status {
					out = append(out, Change{Milestone: ms.Milestone, Agency: mem.Agency, From: from, To: mem.Status, Source: mem.Source})
				}
			}
		}
	}
	return out
}

// LatestRegular returns the last regular (6-monthly or yearly) period of
// hist that ended on or before asOf: the one every unit must have reported
// for. It returns nil when there is none.
func LatestRegular(hist []*Period, asOf plan.Date) *Period {
	var last *Period
	for _, h := range hist {
		if h.Period.Regular() && !h.Period.End.After(asOf) {
			last = h
		}
	}
	return last
}

// NewlyOverdue returns the shares that became overdue since the previous
// period.
func (h *Period) NewlyOverdue() []Change {
	var out []Change
	for _, c := range h.Changes {
		if c.To == Overdue {
			out = append(out, c)
		}
	}
	return out
}
