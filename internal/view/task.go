package view

import "fmt"

// TasksV is the list of tasks: its first page, and a pager when the list
// goes on over several pages.
type TasksV struct {
	Tasks []TaskRowV `json:"tasks"`
	Pager *PagerV    `json:"pager,omitempty"`
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
	// Badge is the live badge; Frozen the one of the latest published
	// period, absent before any.
	Badge  BadgeV  `json:"badge"`
	Frozen *BadgeV `json:"frozen,omitempty"`
	JSON   string  `json:"json"`
}

func (pr *presenter) tasks() error {
	var rows []TaskRowV
	for _, ts := range pr.snap.Tasks {
		rows = append(rows, pr.taskRow(ts))
	}
	name := pr.w("nav_tasks")
	first, pager, err := pr.taskList(rows, LinkV{Name: name, URL: "nhiem-vu/"}, "nhiem-vu/"+furtherDir, name, "", "")
	if err != nil {
		return err
	}
	if err := pr.write("nhiem-vu/_index", page{Title: name, Type: "tasks", Params: params{V: TasksV{Tasks: first, Pager: pager}}}, ""); err != nil {
		return err
	}
	for i, ts := range pr.snap.Tasks {
		t := ts.Task
		v := TaskV{Number: t.Number, Title: pr.t(t.Title, t.TitleEn), Overseer: pr.overseer(t), Status: pr.status(ts.Status),
			Feed: TaskURL(t.Slug) + "atom.xml", JSON: "du-lieu/minhbach.json"}
		v.Badge, v.Frozen = pr.taskBadges(ts, i)
		if pr.lang == "en" && t.TitleEn != "" {
			v.TitleVi = t.Title
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
