package site

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Langs are the languages of the site, the first being the default, served
// at the root; the others under /<lang>/.
var Langs = []string{"vi", "en"}

// model is the domain as of the site's date, ready to present.
type model struct {
	p      *plan.Project
	snap   *status.Snapshot
	hist   []*status.Period
	drafts bool
	// published are the reports shown: the approved ones, plus the drafts
	// and submitted ones in a drafts preview.
	published []*plan.Report
	sample    bool
	// dataFiles describes the open-data files, for the open-data page.
	dataFiles []DataFileV
	// byTask lists the shown reports that update each task, in report
	// order; built on first use.
	byTask map[*plan.Task][]*plan.Report
	// baseURL is the address the site is built for, ending in a slash.
	baseURL string
	// basePath is the path of the site's root ("/" or "/minhbach/"), for
	// the few links Go writes into HTML itself (inside pictures).
	basePath string
	// lastApproved caches status.LastApproved (see updated).
	lastApproved *plan.Date
}

// page is one generated content file. Its front matter is small: the
// page's view model is not in it but in a file of its own beside the
// content (views/<path>.<lang>.json under genDir), which the page's template
// reads while it renders it (layouts/_partials/view.html), so that Hugo
// does not keep every page's whole view model for the whole build.
type page struct {
	Title       string   `json:"title"`
	Type        string   `json:"type,omitempty"`
	Description string   `json:"description,omitempty"`
	Aliases     []string `json:"aliases,omitempty"`
	Weight      int      `json:"weight,omitempty"`
	// Lastmod is the day the page's data last changed: the latest approval
	// date among the published reports (for the sitemap).
	Lastmod string `json:"lastmod,omitempty"`
	Params  params `json:"params"`
}

type params struct {
	// V is the view model, written to the file View names rather than
	// into the front matter.
	V any `json:"-"`
	// View is the path of the view model's file, relative to the
	// portal's folder as Hugo's readFile takes it.
	View string `json:"view,omitempty"`
	// Feed is the page's own Atom feed, for the page's head.
	Feed string `json:"feed,omitempty"`
}

// viewDir is where the view models live, relative to genDir.
const viewDir = "views/"

// sink receives each generated file, by its path relative to genDir, as
// soon as it is made: the pages are not all held in memory at once.
type sink func(name string, data []byte) error

// presenter writes the pages of one language.
type presenter struct {
	*model
	lang string
	put  sink
}

// pages makes every page of every language and the site data, and hands
// them to put.
func (m *model) pages(put sink) error {
	for _, lang := range Langs {
		pr := &presenter{model: m, lang: lang, put: put}
		if err := pr.all(); err != nil {
			return err
		}
	}
	data, err := json.Marshal(m.siteData())
	if err != nil {
		return err
	}
	return put("data/minhbach.json", data)
}

func (pr *presenter) write(path string, pg page, body string) error {
	view := viewDir + path + "." + pr.lang + ".json"
	data, err := json.Marshal(pg.Params.V)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := pr.put(view, data); err != nil {
		return err
	}
	pg.Params.View = genDir + "/" + view
	if d := pr.updated(); !d.IsZero() {
		pg.Lastmod = d.String()
	}
	front, err := json.Marshal(pg)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return pr.put("content/"+path+"."+pr.lang+".md", append(append(front, '\n'), body...))
}

// t picks the English text when the page is English and one is given.
func (pr *presenter) t(vi, en string) string {
	if pr.lang == "en" && en != "" {
		return en
	}
	return vi
}

func (pr *presenter) date(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	if pr.lang == "vi" {
		return d.Vietnamese()
	}
	return d.Time().Format("2 January 2006")
}

func (pr *presenter) status(s status.Status) *StatusV {
	if s == status.NoData {
		return nil
	}
	return &StatusV{Key: string(s), Label: s.Label(pr.lang)}
}

// msStatus is the status badge of one milestone (or one member's share of
// it): a waiting milestone is labelled with what it waits for, its own
// condition (Milestone.WaitingLabel), not the generic label that counts
// and legends use.
func (pr *presenter) msStatus(s status.Status, m *plan.Milestone) *StatusV {
	v := pr.status(s)
	if v != nil && s == status.Waiting && m != nil {
		if l := m.WaitingLabel(pr.lang); l != "" {
			v.Label = l
		}
	}
	return v
}

// URLs of the pages, relative to the language's root.

func taskURL(slug string) string             { return "nhiem-vu/" + slug + "/" }
func agencyURL(id string) string             { return "co-quan/" + id + "/" }
func periodURL(id string) string             { return "ky-bao-cao/" + id + "/" }
func reportURL(period, agency string) string { return "ky-bao-cao/" + period + "/" + agency + "/" }

func (pr *presenter) agencyLink(id string) LinkV {
	reg := pr.p.Agencies
	if a := reg.Agency(id); a != nil {
		return LinkV{Name: pr.t(a.Name, a.NameEn), URL: agencyURL(id)}
	}
	if g := reg.Group(id); g != nil {
		return LinkV{Name: pr.t(g.Name, g.NameEn), URL: agencyURL(id)}
	}
	return LinkV{Name: id}
}

func (pr *presenter) periodLink(per plan.Period) LinkV {
	return LinkV{Name: per.Words(pr.lang), URL: periodURL(per.ID)}
}

var stateLabels = map[string][2]string{
	plan.StateNotStarted: {"Chưa bắt đầu", "Not started"},
	plan.StateInProgress: {"Đang thực hiện", "In progress"},
	plan.StateWaiting:    {status.Waiting.Label("vi"), status.Waiting.Label("en")},
	plan.StateDone:       {"Đã hoàn thành", "Done"},
}

func (pr *presenter) stateLabel(u *plan.Update) string {
	s := u.State
	if s == plan.StateWaiting {
		if ms := pr.snapMilestone(u.Milestone); ms != nil {
			if l := ms.Milestone.WaitingLabel(pr.lang); l != "" {
				return l
			}
		}
	}
	l, ok := stateLabels[s]
	if !ok {
		return s
	}
	return pr.t(l[0], l[1])
}

func (pr *presenter) source(src *status.Source) *SourceV {
	if src == nil {
		return nil
	}
	r, u := src.Report, src.Update
	s := &SourceV{
		Agency:   pr.agencyLink(r.Agency).Name,
		Number:   r.Number,
		Date:     pr.date(r.Date),
		Period:   r.PeriodInfo.Words(pr.lang),
		URL:      reportURL(r.Period, r.Agency),
		State:    pr.stateLabel(u),
		Progress: -1,
		DoneOn:   pr.date(u.DoneOn),
		Evidence: u.Evidence,
		Note:     u.Note,
	}
	if u.Progress != nil {
		s.Progress = *u.Progress
	}
	return s
}

func (pr *presenter) counts(c map[status.Status]int) []CountV {
	var out []CountV
	for _, s := range status.Order {
		if n := c[s]; n > 0 {
			out = append(out, CountV{Status: *pr.status(s), Count: n})
		}
	}
	return out
}

func (pr *presenter) taskRow(ts *status.Task) TaskRowV {
	t := ts.Task
	row := TaskRowV{Number: t.Number, Title: pr.t(t.Title, t.TitleEn), URL: taskURL(t.Slug), Status: pr.status(ts.Status)}
	if r := pr.p.Agencies.Role(t.Overseer); r != nil {
		row.Overseer = pr.t(r.Title, r.TitleEn)
	}
	seen := map[string]bool{}
	for _, m := range t.Milestones {
		if !seen[m.Owner] {
			seen[m.Owner] = true
			row.Leads = append(row.Leads, pr.agencyLink(m.Owner))
		}
		w, c := m.DueCondition(pr.lang)
		if key := "due:" + m.DueWords(pr.lang); !seen[key] {
			seen[key] = true
			row.Due = append(row.Due, DueV{Words: w, Condition: c})
		}
	}
	return row
}

func (pr *presenter) milestone(ms *status.Milestone, withHistory bool) MilestoneV {
	m := ms.Milestone
	v := MilestoneV{
		ID:            m.ID,
		Anchor:        "moc-" + m.ID,
		Task:          LinkV{Name: pr.t(m.Task.Title, m.Task.TitleEn), URL: taskURL(m.Task.Slug)},
		TaskNumber:    m.Task.Number,
		Owner:         pr.agencyLink(m.Owner),
		IsGroup:       pr.p.Agencies.Group(m.Owner) != nil,
		OtherPartners: m.OtherPartners,
		Action:        pr.t(m.Action, m.ActionEn),
		Deliverable:   m.Deliverable,
		Status:        pr.msStatus(ms.Status, m),
		Done:          ms.Done,
		Total:         ms.Total,
	}
	v.Due, v.Condition = m.DueCondition(pr.lang)
	for _, pa := range m.Partners {
		v.Partners = append(v.Partners, pr.agencyLink(pa))
	}
	if !v.IsGroup && len(ms.Members) == 1 {
		mem := ms.Members[0]
		v.Source, v.Status, v.DaysLate = pr.source(mem.Source), pr.memberStatus(mem, m), mem.DaysLate
	}
	if v.IsGroup {
		for _, mem := range ms.WorstFirst() {
			v.Members = append(v.Members, MemberV{Agency: pr.agencyLink(mem.Agency.ID), Status: pr.memberStatus(mem, m), Source: pr.source(mem.Source), DaysLate: mem.DaysLate})
		}
	}
	if withHistory {
		for _, h := range pr.hist {
			old := h.Snapshot.Milestone(m.ID)
			if old == nil {
				continue
			}
			v.History = append(v.History, HistoryV{Period: pr.periodLink(h.Period), Status: pr.msStatus(old.Status, m), Done: old.Done, Total: old.Total})
		}
	}
	return v
}

// milestoneRow is a milestone as a row of a table: what the tables show
// (id, task, owner, deadline, status, its source), without the texts and
// members only a task page needs. Long lists are made of these.
func (pr *presenter) milestoneRow(ms *status.Milestone) MilestoneV {
	full := pr.milestone(ms, false)
	row := MilestoneV{ID: full.ID, Anchor: full.Anchor, Task: full.Task, TaskNumber: full.TaskNumber, Owner: full.Owner,
		IsGroup: full.IsGroup, Due: full.Due, Condition: full.Condition, Status: full.Status, Done: full.Done, Total: full.Total, DaysLate: full.DaysLate}
	if r := []rune(row.Task.Name); len(r) > 140 {
		row.Task.Name = string(r[:139]) + "…"
	}
	if !full.IsGroup && len(ms.Members) == 1 {
		row.Source = pr.briefSource(ms.Members[0].Source)
	}
	return row
}

// milestonesPerPage is the most milestones a page lists in one table: a
// national plan has tens of thousands, which no one reads on one page, so
// the period and timeline lists go on over numbered pages (trang/2/, …),
// each with a pager. maxCharted is the most milestones the timeline draws.
var milestonesPerPage = 500

const maxCharted = 600

func (pr *presenter) siteLang() SiteLangV {
	pl := pr.p.Plan
	v := SiteLangV{
		PlanTitle: pr.t(pl.Title, pl.TitleEn),
		Short:     pr.t(pl.Short, pl.ShortEn),
		Issuer:    pr.agencyLink(pl.Issuer).Name,
		AsOf:      pr.date(pr.snap.AsOf),
	}
	if !pr.snap.NoData {
		v.Period = pr.periodLink(pr.snap.Period)
		v.Updated = pr.date(pr.updated())
		v.Next = pr.nextPeriod()
	}
	return v
}

func (m *model) siteData() SiteV {
	v := SiteV{Lang: map[string]SiteLangV{}, AsOf: m.snap.AsOf.String(), NoData: m.snap.NoData, Sample: m.sample, Drafts: m.drafts, Method: methodURL}
	for _, lang := range Langs {
		v.Lang[lang] = (&presenter{model: m, lang: lang}).siteLang()
	}
	for _, s := range status.Order {
		v.StatusOrder = append(v.StatusOrder, string(s))
	}
	return v
}

func (pr *presenter) all() error {
	steps := []func() error{pr.home, pr.tasks, pr.agencies, pr.periods, pr.planPage, pr.timeline, pr.searchPage, pr.dataPage, pr.statusPages, pr.kindPages, pr.methodPage}
	for _, f := range steps {
		if err := f(); err != nil {
			return err
		}
	}
	return nil
}

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
		v.Bar = chart.Bar(pr.snap.MemberCounts, pr.lang, "home-bar", pr.t("Các phần việc theo trạng thái", "Shares by status"))
	}
	for _, ts := range pr.snap.Tasks {
		v.Tasks = append(v.Tasks, pr.taskRow(ts))
	}
	return pr.write("_index", page{Title: pr.t(pl.Short, pl.ShortEn), Description: pr.t(pl.Title, pl.TitleEn), Params: params{V: v}}, "")
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
	if err := pr.write("nhiem-vu/_index", page{Title: pr.t("Nhiệm vụ", "Tasks"), Type: "tasks", Params: params{V: map[string]any{"tasks": rows}}}, ""); err != nil {
		return err
	}
	for _, ts := range pr.snap.Tasks {
		t := ts.Task
		v := TaskV{Number: t.Number, Title: pr.t(t.Title, t.TitleEn), Status: pr.status(ts.Status),
			Feed: taskURL(t.Slug) + "atom.xml", Badge: taskURL(t.Slug) + "badge.svg", JSON: "du-lieu/minhbach.json"}
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
			aliases = append(aliases, "/"+taskURL(a))
		}
		desc := fmt.Sprintf("%s %d: %s", pr.t("Nhiệm vụ", "Task"), t.Number, v.Title)
		if v.Status != nil {
			desc += " — " + v.Status.Label
		}
		if err := pr.write("nhiem-vu/"+t.Slug+"/index", page{Title: fmt.Sprintf("%d. %s", t.Number, v.Title), Type: "task", Description: desc, Aliases: aliases, Weight: t.Number, Params: params{V: v, Feed: v.Feed}}, ""); err != nil {
			return err
		}
	}
	return nil
}

func (pr *presenter) reportRow(r *plan.Report) ReportRowV {
	return ReportRowV{Agency: pr.agencyLink(r.Agency), Period: pr.periodLink(r.PeriodInfo), Number: r.Number, Date: pr.date(r.Date),
		URL: reportURL(r.Period, r.Agency), Draft: !r.IsApproved(), end: r.PeriodInfo.End.String()}
}

// sortReports orders reports newest period first, then by agency name.
func sortReports(rs []ReportRowV) {
	sort.SliceStable(rs, func(i, j int) bool {
		if rs[i].end != rs[j].end {
			return rs[i].end > rs[j].end
		}
		return rs[i].Agency.Name < rs[j].Agency.Name
	})
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// reportsAbout returns the shown reports that update a milestone of t.
func (m *model) reportsAbout(t *plan.Task) []*plan.Report {
	if m.byTask == nil {
		m.byTask = map[*plan.Task][]*plan.Report{}
		for _, r := range m.published {
			seen := map[*plan.Task]bool{}
			for _, u := range r.Updates {
				if ms := m.snap.Milestone(u.Milestone); ms != nil && !seen[ms.Milestone.Task] {
					seen[ms.Milestone.Task] = true
					m.byTask[ms.Milestone.Task] = append(m.byTask[ms.Milestone.Task], r)
				}
			}
		}
	}
	return m.byTask[t]
}

// snapMilestone returns the current status of milestone id, or nil.
func (pr *presenter) snapMilestone(id string) *status.Milestone {
	if pr.snap == nil {
		return nil
	}
	return pr.snap.Milestone(id)
}
