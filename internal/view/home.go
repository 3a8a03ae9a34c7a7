package view

import "github.com/minhbach/minhbach/internal/chart"

// HomeV is the home page.
type HomeV struct {
	Plan   LinkV  `json:"plan"`
	Issuer string `json:"issuer"`
	AsOf   string `json:"as_of"`
	Period *LinkV `json:"period,omitempty"`
	// Overdue are the overdue shares, the longest overdue first; Silent
	// the units that sent no report for the latest regular period.
	Overdue     []LateV    `json:"overdue,omitempty"`
	Silent      *SilentV   `json:"silent,omitempty"`
	TaskCounts  []CountV   `json:"task_counts,omitempty"`
	ShareCounts []CountV   `json:"share_counts,omitempty"`
	Shares      int        `json:"shares"`
	Bar         string     `json:"bar,omitempty"`
	Tasks       []TaskRowV `json:"tasks"`
}

func (pr *presenter) home() error {
	pl := pr.p.Plan
	v := HomeV{Plan: LinkV{Name: pr.t(pl.Title, pl.TitleEn), URL: "ke-hoach/"}, Issuer: pr.agencyLink(pl.Issuer).Name, AsOf: pr.date(pr.snap.AsOf)}
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
	for _, ts := range pr.snap.Tasks {
		v.Tasks = append(v.Tasks, pr.taskRow(ts))
	}
	return pr.write("_index", page{Title: pr.t(pl.Short, pl.ShortEn), Description: pr.t(pl.Title, pl.TitleEn), Params: params{V: v}}, "")
}
