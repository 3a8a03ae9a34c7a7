package view

import (
	"sort"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/status"
)

// PeriodV is a reporting period's page.
type PeriodV struct {
	Name     string   `json:"name"`
	AsOf     string   `json:"as_of"`
	Previous *LinkV   `json:"previous,omitempty"`
	Next     *LinkV   `json:"next,omitempty"`
	Regular  bool     `json:"regular"`
	Counts   []CountV `json:"counts,omitempty"`
	Bar      string   `json:"bar,omitempty"`
	// Tasks, Milestones and Changes are the first pages of their lists;
	// TasksPager, Pager and ChangesPager, when a list goes on over several
	// pages, link the others.
	Tasks        []TaskRowV   `json:"tasks"`
	TasksPager   *PagerV      `json:"tasks_pager,omitempty"`
	Milestones   []MilestoneV `json:"milestones"`
	Pager        *PagerV      `json:"pager,omitempty"`
	Changes      []ChangeV    `json:"changes,omitempty"`
	ChangesPager *PagerV      `json:"changes_pager,omitempty"`
	Reports      []ReportRowV `json:"reports"`
	Missing      []LinkV      `json:"missing,omitempty"`
	// Summary links the period's printable summary (summary.go).
	Summary LinkV `json:"summary"`
}

// PeriodsV is the list of periods, the latest first.
type PeriodsV struct {
	// Intro says who the reports go to, from the plan's [reporting]
	// (reportingIntro).
	Intro   string       `json:"intro"`
	Periods []PeriodRowV `json:"periods"`
}

// PeriodRowV is a period in the list of periods.
type PeriodRowV struct {
	Period  LinkV    `json:"period"`
	AsOf    string   `json:"as_of"`
	Reports int      `json:"reports"`
	Missing int      `json:"missing"`
	Counts  []CountV `json:"counts,omitempty"`
}

// reportingIntro says where the agencies send their reports after each
// period, as the plan's [reporting] names them: to the recipient through
// the compiler, to the one of them the plan gives, or to no one named.
func (pr *presenter) reportingIntro() string {
	to, via := pr.p.Plan.Reporting.Recipient, pr.p.Plan.Reporting.Compiler
	switch {
	case to != "" && via != "" && to != via:
		return pr.w("periods_intro", pr.agencyLink(to).Name, pr.agencyLink(via).Name)
	case to != "":
		return pr.w("periods_intro_one", pr.agencyLink(to).Name)
	case via != "":
		return pr.w("periods_intro_one", pr.agencyLink(via).Name)
	}
	return pr.w("periods_intro_none")
}

func (pr *presenter) periods() error {
	var rows []PeriodRowV
	for i := len(pr.hist) - 1; i >= 0; i-- {
		h := pr.hist[i]
		rows = append(rows, PeriodRowV{Period: pr.periodLink(h.Period), AsOf: pr.date(h.Period.End), Reports: len(h.Reports), Missing: len(h.Missing), Counts: pr.counts(h.Snapshot.MemberCounts)})
	}
	if err := pr.write("ky-bao-cao/_index", page{Title: pr.w("title_periods"), Type: "periods", Params: params{V: PeriodsV{Intro: pr.reportingIntro(), Periods: rows}}}, ""); err != nil {
		return err
	}
	for i, h := range pr.hist {
		per := h.Period
		v := PeriodV{Name: per.Words(pr.lang), AsOf: pr.date(per.End), Regular: per.Regular(), Counts: pr.counts(h.Snapshot.MemberCounts)}
		if i > 0 {
			l := pr.periodLink(pr.hist[i-1].Period)
			v.Previous = &l
		}
		if i+1 < len(pr.hist) {
			l := pr.periodLink(pr.hist[i+1].Period)
			v.Next = &l
		}
		v.Bar = chart.Bar(h.Snapshot.MemberCounts, pr.lang, "period-bar", pr.w("chart_period_shares", v.Name))
		var all []*status.Milestone
		var tasks []TaskRowV
		var changes []ChangeV
		for _, ts := range h.Snapshot.Tasks {
			tasks = append(tasks, pr.taskRow(ts))
			all = append(all, ts.Milestones...)
		}
		for _, c := range h.Changes {
			changes = append(changes, ChangeV{
				Milestone: pr.milestoneLink(c.Milestone),
				Agency:    pr.agencyLink(c.Agency.ID),
				From:      pr.msStatus(c.From, c.Milestone), To: pr.msStatus(c.To, c.Milestone), Source: pr.briefSource(c.Source),
			})
		}
		for _, r := range pr.published {
			if r.Period == per.ID {
				v.Reports = append(v.Reports, pr.reportRow(r))
			}
		}
		sort.SliceStable(v.Reports, func(i, j int) bool { return v.Reports[i].Agency.Name < v.Reports[j].Agency.Name })
		for _, a := range h.Missing {
			v.Missing = append(v.Missing, pr.agencyLink(a.ID))
		}
		title := pr.w("title_period", v.Name)
		of := LinkV{Name: title, URL: periodURL(per.ID)}
		var err error
		v.Tasks, v.TasksPager, err = pr.taskList(tasks, of, periodURL(per.ID)+furtherDir+"nhiem-vu/", pr.w("list_period_tasks", title), v.AsOf, pr.w("pager_label_tasks"))
		if err != nil {
			return err
		}
		v.Changes, v.ChangesPager, err = pr.changeList(changes, of, periodURL(per.ID)+furtherDir+"thay-doi/", pr.w("list_period_changes", title), pr.w("pager_label_changes"))
		if err != nil {
			return err
		}
		first, err := pr.paginate(all, "ky-bao-cao/"+per.ID, of, v.AsOf)
		if err != nil {
			return err
		}
		v.Milestones, v.Pager = first.Milestones, first.Pager
		v.Summary = pr.summaryOf(per)
		if err := pr.summaryPage(h); err != nil {
			return err
		}
		if err := pr.write("ky-bao-cao/"+per.ID+"/_index", page{Title: title, Type: "period", Description: title, Params: params{V: v}}, ""); err != nil {
			return err
		}
		for _, r := range pr.published {
			if r.Period == per.ID {
				if err := pr.report(r); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
