package view

import "github.com/minhbach/minhbach/internal/chart"

// HomeV is the home page.
type HomeV struct {
	Plan   LinkV  `json:"plan"`
	Issuer string `json:"issuer"`
	Period *LinkV `json:"period,omitempty"`
	// Overdue are the overdue shares, the longest overdue first; Silent
	// the units that sent no report for the latest regular period.
	Overdue     []LateV  `json:"overdue,omitempty"`
	Silent      *SilentV `json:"silent,omitempty"`
	TaskCounts  []CountV `json:"task_counts,omitempty"`
	ShareCounts []CountV `json:"share_counts,omitempty"`
	Shares      int      `json:"shares"`
	Bar         string   `json:"bar,omitempty"`
	// Tasks is the first page of the tasks, TaskTotal how many there are;
	// TasksPager, when they go on over several pages, links the others
	// (the pages of /nhiem-vu/).
	Tasks      []TaskRowV `json:"tasks"`
	TaskTotal  int        `json:"task_total"`
	TasksPager *PagerV    `json:"tasks_pager,omitempty"`
}

func (pr *presenter) home() error {
	pl := pr.p.Plan
	v := HomeV{Plan: LinkV{Name: pr.t(pl.Title, pl.TitleEn), URL: "ke-hoach/"}, Issuer: pr.agencyLink(pl.Issuer).Name}
	if !pr.snap.NoData {
		pl := pr.periodLink(pr.snap.Period)
		v.Period = &pl
		v.TaskCounts = pr.linkedCounts(pr.snap.TaskCounts, "nhiem-vu")
		v.ShareCounts = pr.linkedCounts(pr.snap.MemberCounts, "phan-viec")
		v.Overdue, v.Silent = pr.overdue(), pr.silent()
		for _, c := range v.ShareCounts {
			v.Shares += c.Count
		}
		v.Bar = chart.Bar(pr.snap.MemberCounts, pr.lang, "home-bar", pr.w("chart_shares"))
	}
	v.TaskTotal = len(pr.snap.Tasks)
	for _, ts := range pr.snap.Tasks[:min(len(pr.snap.Tasks), TasksPerPage)] {
		v.Tasks = append(v.Tasks, pr.taskRow(ts))
	}
	v.TasksPager = pagerOf(1, pageCount(v.TaskTotal, TasksPerPage), furtherURL("nhiem-vu/", "nhiem-vu/"+furtherDir), "")
	return pr.write("_index", page{Title: pr.t(pl.Short, pl.ShortEn), Description: pr.t(pl.Title, pl.TitleEn), Params: params{V: v}}, "")
}
