package view

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/summary"
)

// SummaryPerPage is the most rows a list of the period summary's page
// shows (its tasks, its shares, its overdue shares, its changes); longer
// lists go on over numbered pages, as the period's own lists do.
var SummaryPerPage = 500

// SummaryV is a period's printable summary: the compilation of section
// III.3 of the plan (summary.Compile, the same the workbook of `minhbach
// summary` lays out), laid out as one page to print on A4.
type SummaryV struct {
	// Period is the period's own page.
	Period LinkV `json:"period"`
	// Title is the summary's title ("Báo cáo tổng hợp … — 6 tháng đầu năm
	// 2018"), Plan the plan's title.
	Title string `json:"title"`
	Plan  string `json:"plan"`
	// AsOf says the as-of date (the period's end) and that only approved
	// reports count; Reports how many reports of those due came in.
	AsOf    string `json:"as_of"`
	Reports string `json:"reports"`
	// PrintHint says how to print the page and who compiles the same
	// summary as a workbook (the plan's reporting compiler).
	PrintHint string `json:"print_hint"`
	// StatusAt is the status column's header, naming the as-of date.
	StatusAt string `json:"status_at"`
	// Counts are the tasks, milestones and shares by status, every status
	// in its order; Total adds them up.
	Counts []SummaryCountV `json:"counts"`
	Total  SummaryCountV   `json:"total"`
	// The lists, each under its heading, each the first page of its list
	// with a pager when it goes on (SummaryPerPage).
	Tasks   SummaryListV `json:"tasks"`
	Rows    SummaryListV `json:"rows"`
	Overdue SummaryListV `json:"overdue"`
	// Changes is nil for the first period, which has nothing to compare.
	Changes *SummaryListV `json:"changes,omitempty"`
	// Missing are the units that had to report and did not, under their
	// heading.
	MissingTitle string         `json:"missing_title"`
	Missing      []SummaryMissV `json:"missing"`
}

// SummaryCountV is one line of the summary's counts: a status (nil on the
// total line) and how many tasks, milestones and shares have it.
type SummaryCountV struct {
	Status     *StatusV `json:"status,omitempty"`
	Tasks      int      `json:"tasks"`
	Milestones int      `json:"milestones"`
	Shares     int      `json:"shares"`
}

// SummaryListV is one list of the summary: its heading, and either task
// rows or share rows.
type SummaryListV struct {
	Title string         `json:"title"`
	Tasks []SummaryTaskV `json:"tasks,omitempty"`
	Rows  []SummaryRowV  `json:"rows,omitempty"`
	Pager *PagerV        `json:"pager,omitempty"`
	// Count is how many rows the whole list has, over all its pages.
	Count int `json:"count"`
}

// SummaryTaskV is a task in the summary: its status as of the period's
// end and how many of its milestones are done.
type SummaryTaskV struct {
	Number int      `json:"number"`
	Task   LinkV    `json:"task"`
	Status *StatusV `json:"status,omitempty"`
	Done   string   `json:"done"`
}

// SummaryRowV is one share in the summary (summary.Row): the task, the
// milestone and where the plan says it, what is to be done, the unit, the
// deadline, the status now and the period before, overdue since when and
// for how many days, and the report it rests on (linked) with what it said.
type SummaryRowV struct {
	Task      LinkV  `json:"task"`
	Milestone LinkV  `json:"milestone"`
	Ref       *LinkV `json:"ref,omitempty"`
	Action    string `json:"action"`
	// ActionVi is set when Action is the plan's Vietnamese on an English
	// page (no English summary).
	ActionVi     bool     `json:"action_vi,omitempty"`
	Unit         LinkV    `json:"unit"`
	Due          string   `json:"due"`
	Condition    string   `json:"condition,omitempty"`
	Status       *StatusV `json:"status,omitempty"`
	Previous     *StatusV `json:"previous,omitempty"`
	OverdueSince string   `json:"overdue_since,omitempty"`
	DaysOverdue  int      `json:"days_overdue,omitempty"`
	// Source names the report the status rests on and links it.
	Source *LinkV `json:"source,omitempty"`
	// Result is what the report said in the summary's words (done on,
	// progress), Note in the report's own.
	Result string `json:"result,omitempty"`
	Note   string `json:"note,omitempty"`
}

// SummaryMissV is a unit that did not report: its number in the list, the
// unit and its kind.
type SummaryMissV struct {
	No     int    `json:"no"`
	Agency LinkV  `json:"agency"`
	Kind   string `json:"kind"`
}

// SummaryPageV is a further page of one of the summary's long lists.
type SummaryPageV struct {
	Of       LinkV        `json:"of"`
	Number   int          `json:"number"`
	StatusAt string       `json:"status_at"`
	List     SummaryListV `json:"list"`
}

func (SummaryV) pageView()     {}
func (SummaryPageV) pageView() {}

// SummaryURL is the address of a period's printable summary.
func SummaryURL(period string) string { return periodURL(period) + plan.SummarySegment + "/" }

// summaryPage writes the printable summary of the period h, compiled by
// summary.Compile from the history the site shows, with the further pages
// of its long lists.
func (pr *presenter) summaryPage(h *status.Period) error {
	s, ok := summary.Compile(pr.p, pr.hist, h.Period.ID)
	if !ok {
		return nil
	}
	lang := msg.For(pr.lang)
	per := h.Period
	name := per.Words(pr.lang)
	url := SummaryURL(per.ID)
	v := SummaryV{
		Period:   pr.periodLink(per),
		Title:    pr.w("cli.summary.title", name),
		Plan:     pr.t(s.Plan.Title, s.Plan.TitleEn),
		AsOf:     pr.w("cli.summary.asOf", pr.date(h.Snapshot.AsOf)),
		Reports:  pr.w("cli.summary.reports", len(h.Reports), s.Due(), len(s.Missing)),
		StatusAt: pr.w("cli.summary.col.statusAt", pr.date(h.Snapshot.AsOf)),
	}
	if c := pr.p.Plan.Reporting.Compiler; c != "" {
		v.PrintHint = pr.w("summary_print_hint", pr.agencyLink(c).Name)
	} else {
		v.PrintHint = pr.w("summary_print_hint_none")
	}
	snap := h.Snapshot
	for _, st := range status.Order {
		v.Counts = append(v.Counts, SummaryCountV{Status: pr.status(st), Tasks: snap.TaskCounts[st], Milestones: snap.MilestoneCounts[st], Shares: snap.MemberCounts[st]})
	}
	v.Total = SummaryCountV{Tasks: summary.Total(snap.TaskCounts), Milestones: summary.Total(snap.MilestoneCounts), Shares: summary.Total(snap.MemberCounts)}
	of := LinkV{Name: v.Title, URL: url}
	var err error
	if v.Tasks, err = pr.summaryTasks(s, of, v.StatusAt); err != nil {
		return err
	}
	type list struct {
		into               *SummaryListV
		rows               []summary.Row
		slug, title, label string
	}
	lists := []list{
		{&v.Rows, s.Rows, "chi-tiet", "cli.summary.sheet.detail.title", "pager_label_shares"},
		{&v.Overdue, s.Overdue, "qua-han", "cli.summary.sheet.overdue.title", "pager_label_overdue"},
	}
	if h.Previous != nil {
		v.Changes = &SummaryListV{}
		lists = append(lists, list{v.Changes, s.Changed, "thay-doi", "cli.summary.sheet.changes.title", "pager_label_changes"})
	}
	for _, l := range lists {
		if *l.into, err = pr.summaryRows(s, lang, l.rows, of, l.slug, pr.w(l.title, name), pr.w(l.label), v.StatusAt); err != nil {
			return err
		}
	}
	v.MissingTitle = pr.w("cli.summary.sheet.missing.title", name)
	for i, a := range s.Missing {
		v.Missing = append(v.Missing, SummaryMissV{No: i + 1, Agency: pr.agencyLink(a.ID), Kind: pr.kindName(a.Kind)})
	}
	return pr.write(strings.TrimSuffix(SummaryURL(per.ID), "/"), page{Title: v.Title, Type: "summary", Description: v.Title + ". " + v.AsOf, Params: params{V: v}}, "")
}

// summaryTasks is the summary's list of tasks: its first page, the others
// written under the summary's trang/nhiem-vu/.
func (pr *presenter) summaryTasks(s *summary.Summary, of LinkV, statusAt string) (SummaryListV, error) {
	all := s.Period.Snapshot.Tasks
	title := pr.w("cli.summary.sheet.tasks.title", s.Period.Period.Words(pr.lang))
	rows := func(page []*status.Task) []SummaryTaskV {
		out := []SummaryTaskV{}
		for _, t := range page {
			out = append(out, SummaryTaskV{Number: t.Task.Number, Task: LinkV{Name: pr.t(t.Task.Title, t.Task.TitleEn), URL: TaskURL(t.Task.Slug)},
				Status: pr.status(t.Status), Done: fmt.Sprintf("%d/%d", summary.MilestonesDone(t), len(t.Milestones))})
		}
		return out
	}
	return summaryList(pr, all, of, "nhiem-vu", title, pr.w("pager_label_tasks"), statusAt, func(l *SummaryListV, page []*status.Task) { l.Tasks = rows(page) })
}

// summaryRows is one of the summary's lists of shares: its first page, the
// others written under the summary's trang/<slug>/.
func (pr *presenter) summaryRows(s *summary.Summary, lang msg.Lang, all []summary.Row, of LinkV, slug, title, label, statusAt string) (SummaryListV, error) {
	return summaryList(pr, all, of, slug, title, label, statusAt, func(l *SummaryListV, page []summary.Row) {
		l.Rows = []SummaryRowV{}
		for _, r := range page {
			l.Rows = append(l.Rows, pr.summaryRow(s, lang, r))
		}
	})
}

// summaryList cuts a list of the summary into pages of SummaryPerPage, has
// fill lay out each page's items (only one page's are laid out at a time),
// writes pages 2 and on (type "summary-page") and returns the first.
func summaryList[T any](pr *presenter, all []T, of LinkV, slug, title, label, statusAt string, fill func(*SummaryListV, []T)) (SummaryListV, error) {
	n := pageCount(len(all), SummaryPerPage)
	url := furtherURL(of.URL, of.URL+furtherDir+slug+"/")
	for i := 2; i <= n; i++ {
		v := SummaryPageV{Of: of, Number: i, StatusAt: statusAt, List: SummaryListV{Title: title, Count: len(all), Pager: pagerOf(i, n, url, label)}}
		fill(&v.List, pageOf(all, i, SummaryPerPage))
		name := pr.w("title_page_n", title, i)
		if err := pr.write(fmt.Sprintf("%s%s%s/%d", of.URL, furtherDir, slug, i), page{Title: name, Type: "summary-page", Description: name, Params: params{V: v}}, ""); err != nil {
			return SummaryListV{}, err
		}
	}
	first := SummaryListV{Title: title, Count: len(all), Pager: pagerOf(1, n, url, label)}
	fill(&first, pageOf(all, 1, SummaryPerPage))
	return first, nil
}

// summaryRow lays out one share of the summary.
func (pr *presenter) summaryRow(s *summary.Summary, lang msg.Lang, r summary.Row) SummaryRowV {
	m := r.Milestone
	v := SummaryRowV{
		Task:      LinkV{Name: strconv.Itoa(r.Task.Number), URL: TaskURL(r.Task.Slug)},
		Milestone: LinkV{Name: m.ID, URL: TaskURL(r.Task.Slug) + "#moc-" + m.ID},
		Action:    pr.t(m.Action, m.ActionEn),
		ActionVi:  pr.lang != "vi" && m.ActionEn == "",
		Unit:      pr.agencyLink(r.Agency.ID),
		Status:    pr.msStatus(r.Status, m),
		Previous:  pr.msStatus(r.Previous, m),
	}
	v.Due, v.Condition = m.DueCondition(pr.lang)
	if !m.Source.IsZero() {
		v.Ref = &LinkV{Name: m.Citation(pr.lang), URL: TextURL(m.Source.Ref())}
	}
	if !r.OverdueSince.IsZero() {
		v.OverdueSince, v.DaysOverdue = pr.date(r.OverdueSince), r.DaysOverdue
	}
	if r.Source != nil && r.Source.Report != nil {
		v.Source = &LinkV{Name: s.SourceWords(lang, r.Source), URL: reportURL(r.Source.Report.Period, r.Source.Report.Agency)}
	}
	v.Result, v.Note = summary.ResultParts(lang, r.Source)
	return v
}

// summaryOf is the link from a period's page to its printable summary.
func (pr *presenter) summaryOf(per plan.Period) LinkV {
	return LinkV{Name: pr.w("period_summary_link"), URL: SummaryURL(per.ID)}
}
