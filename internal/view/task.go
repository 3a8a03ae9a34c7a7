package view

import "fmt"

// TasksV is the list of tasks.
type TasksV struct {
	Tasks []TaskRowV `json:"tasks"`
}

// TaskV is a task page.
type TaskV struct {
	Number     int          `json:"number"`
	Title      string       `json:"title"`
	TitleVi    string       `json:"title_vi,omitempty"`
	Overseer   string       `json:"overseer"`
	Status     *StatusV     `json:"status,omitempty"`
	Milestones []MilestoneV `json:"milestones"`
	Reports    []ReportRowV `json:"reports,omitempty"`
	Feed       string       `json:"feed"`
	Badge      string       `json:"badge"`
	JSON       string       `json:"json"`
}

func (pr *presenter) tasks() error {
	var rows []TaskRowV
	for _, ts := range pr.snap.Tasks {
		rows = append(rows, pr.taskRow(ts))
	}
	if err := pr.write("nhiem-vu/_index", page{Title: pr.w("nav_tasks"), Type: "tasks", Params: params{V: TasksV{Tasks: rows}}}, ""); err != nil {
		return err
	}
	for _, ts := range pr.snap.Tasks {
		t := ts.Task
		v := TaskV{Number: t.Number, Title: pr.t(t.Title, t.TitleEn), Status: pr.status(ts.Status),
			Feed: TaskURL(t.Slug) + "atom.xml", Badge: TaskURL(t.Slug) + "badge.svg", JSON: "du-lieu/minhbach.json"}
		if pr.lang == "en" && t.TitleEn != "" {
			v.TitleVi = t.Title
		}
		if r := pr.p.Agencies.Role(t.Overseer); r != nil {
			v.Overseer = pr.t(r.Title, r.TitleEn)
		}
		for _, ms := range ts.Milestones {
			v.Milestones = append(v.Milestones, pr.milestone(ms, true))
		}
		for _, r := range pr.reportsAbout(t) {
			v.Reports = append(v.Reports, pr.reportRow(r))
		}
		sortReports(v.Reports)
		var aliases []string
		for _, a := range t.Aliases {
			// Hugo puts an alias under the page's language itself.
			aliases = append(aliases, "/"+TaskURL(a))
		}
		desc := pr.w("task_desc", t.Number, v.Title)
		if v.Status != nil {
			desc += " — " + v.Status.Label
		}
		if err := pr.write("nhiem-vu/"+t.Slug+"/index", page{Title: fmt.Sprintf("%d. %s", t.Number, v.Title), Type: "task", Description: desc, Aliases: aliases, Weight: t.Number, Params: params{V: v, Feed: v.Feed}}, ""); err != nil {
			return err
		}
	}
	return nil
}
