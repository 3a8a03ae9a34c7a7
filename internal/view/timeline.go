package view

import (
	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// TimelineV is the timeline page.
type TimelineV struct {
	// Chart is left out when there are more than maxCharted milestones.
	Chart string `json:"chart,omitempty"`
	// Key is the chart's short labels (chart.TimelineKey), kept in view
	// while the chart scrolls sideways.
	Key string `json:"key,omitempty"`
	// Milestones is the first page of the milestones; Pager, when they
	// go on over several pages, links the others.
	Milestones []MilestoneV `json:"milestones"`
	Pager      *PagerV      `json:"pager,omitempty"`
}

func (pr *presenter) timeline() error {
	var v TimelineV
	total := 0
	for _, ts := range pr.snap.Tasks {
		total += len(ts.Milestones)
	}
	if !pr.snap.NoData && total <= maxCharted {
		root := pr.BasePath + LangDir(pr.lang)
		rows := chart.Rows(pr.snap, pr.p, pr.lang, func(t *plan.Task) string { return root + TaskURL(t.Slug) })
		v.Key = chart.TimelineKey(rows, "timeline")
		v.Chart = chart.Timeline(rows, pr.snap.AsOf, pr.lang, "timeline", pr.w("chart_timeline"))
	}
	var all []*status.Milestone
	for _, ts := range pr.snap.Tasks {
		all = append(all, ts.Milestones...)
	}
	title := pr.w("title_timeline")
	first, err := pr.paginate(all, "tien-do", LinkV{Name: title, URL: "tien-do/"}, pr.date(pr.snap.AsOf))
	if err != nil {
		return err
	}
	v.Milestones, v.Pager = first.Milestones, first.Pager
	return pr.write("tien-do/_index", page{Title: title, Type: "timeline", Params: params{V: v}}, "")
}
