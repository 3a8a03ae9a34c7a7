package view

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/minhbach/minhbach/internal/card"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Langs are the languages of the site, the first being the default, served
// at the root; the others under /<lang>/.
var Langs = []string{"vi", "en"}

// GenDir is where the generated pages and data live, inside the layer laid
// over the source folder for Hugo. Nothing is ever written to the source
// folder itself.
const GenDir = "_minhbach"

// Model is the domain as of the site's date, ready to present.
type Model struct {
	p      *plan.Project
	snap   *status.Snapshot
	hist   []*status.Period
	drafts bool
	// published are the reports shown: the approved ones, plus the drafts
	// and submitted ones in a drafts preview.
	published []*plan.Report
	sample    bool
	// samples tells, period by period of hist, whether the data as of the
	// period's end is sample data (periodSamples).
	samples []bool
	// DataFiles describes the open-data files, for the open-data page.
	DataFiles []DataFileV
	// byTask lists the shown reports that update each task, in report
	// order; built on first use.
	byTask map[*plan.Task][]*plan.Report
	// BaseURL is the address the site is built for, ending in a slash.
	BaseURL string
	// BasePath is the path of the site's root ("/" or "/minhbach/"), for
	// the few links Go writes into HTML itself (inside pictures).
	BasePath string
	// lastApproved caches status.LastApproved (see updated).
	lastApproved *plan.Date
	// outputs records the files of the output folder and what writes
	// each, so that two at one path fail the build (Outputs).
	outputs Outputs
}

// New derives the statuses of p as of asOf (zero: the end of the latest
// period with an approved report, status.AsOf); with drafts, draft and
// submitted reports count as shown, each marked as not approved
// (plan.Project.View).
func New(p *plan.Project, asOf plan.Date, drafts bool) *Model {
	view := p.View(drafts)
	m := &Model{p: view, snap: status.Current(view, asOf), hist: status.History(view), drafts: drafts}
	m.published = view.Published()
	m.sample = view.SampleData()
	m.samples = m.periodSamples()
	return m
}

// Project is the plan the model presents (with drafts counted as shown in
// a drafts preview).
func (m *Model) Project() *plan.Project { return m.p }

// Snapshot is the statuses as of the site's date.
func (m *Model) Snapshot() *status.Snapshot { return m.snap }

// History is the statuses period by period.
func (m *Model) History() []*status.Period { return m.hist }

// page is one generated content file. Its front matter is small: the
// page's view model is not in it but in a file of its own beside the
// content (views/<path>.<lang>.json under GenDir), which the page's template
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
	V pageView `json:"-"`
	// View is the path of the view model's file, relative to the
	// portal's folder as Hugo's readFile takes it.
	View string `json:"view,omitempty"`
	// Feed is the page's own Atom feed, for the page's head.
	Feed string `json:"feed,omitempty"`
	// Image is the page's link-preview picture (og:image), relative to
	// the language's root, and ImageAlt its words.
	Image    string `json:"image,omitempty"`
	ImageAlt string `json:"image_alt,omitempty"`
	// OGTitle is the page's title cut to ogTitleMax characters for link
	// previews (og:title), when it is longer.
	OGTitle string `json:"og_title,omitempty"`
}

// pageView is the view model of a page: one of the page types' structs
// (HomeV, TaskV, …), never a map, so that what a template may read is
// written down in Go.
type pageView interface{ pageView() }

func (HomeV) pageView()          {}
func (TasksV) pageView()         {}
func (TaskV) pageView()          {}
func (AgenciesV) pageView()      {}
func (AgencyV) pageView()        {}
func (PeriodsV) pageView()       {}
func (PeriodV) pageView()        {}
func (ReportV) pageView()        {}
func (PlanV) pageView()          {}
func (TimelineV) pageView()      {}
func (MilestonePageV) pageView() {}
func (SearchV) pageView()        {}
func (DataV) pageView()          {}

// ViewDir is where the view models live, relative to GenDir.
const ViewDir = "views/"

// Sink receives each generated file, by its path relative to GenDir, as
// soon as it is made: the pages are not all held in memory at once.
type Sink func(name string, data []byte) error

// presenter writes the pages of one language.
type presenter struct {
	*Model
	lang string
	put  Sink
	// claims, if set, records the output files of the pages written
	// (claimPage); nil when pages are made again for a preview
	// (ReportPages), which are those Pages claims.
	claims *Outputs
	// cardIndex are the language's link-preview cards by address, made
	// on first use (pageCard).
	cardIndex map[string]card.Card
	// taskCards are the shared cards of task pages by content path, in a
	// plan of many tasks (cardURL), made on first use.
	taskCards map[string]string
}

// Pages makes every page of every language and the site data, and hands
// them to put. The languages are made in parallel (a portal is often built
// on two cores), but put is called by one at a time.
func (m *Model) Pages(put Sink) error {
	m.reportsAbout(nil) // the index it builds on first use, before the languages share it
	var mu sync.Mutex
	one := func(name string, data []byte) error {
		mu.Lock()
		defer mu.Unlock()
		return put(name, data)
	}
	errs := make([]error, len(Langs))
	var wg sync.WaitGroup
	for i, lang := range Langs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = (&presenter{Model: m, lang: lang, put: one, claims: &m.outputs}).all()
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	data, err := json.Marshal(m.siteData())
	if err != nil {
		return err
	}
	return put("data/minhbach.json", data)
}

func (pr *presenter) write(path string, pg page, body string) error {
	if err := pr.claimPage(path, pg); err != nil {
		return err
	}
	view := ViewDir + path + "." + pr.lang + ".json"
	data, err := json.Marshal(pg.Params.V)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := pr.put(view, data); err != nil {
		return err
	}
	pg.Params.View = GenDir + "/" + view
	pg.Params.OGTitle = shortTitle(pg.Title, ogTitleMax)
	if d := pr.updated(); !d.IsZero() {
		pg.Lastmod = d.String()
	}
	pg.Params.Image, pg.Params.ImageAlt = pr.pageCard(path)
	front, err := json.Marshal(pg)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return pr.put("content/"+path+"."+pr.lang+".md", append(append(front, '\n'), body...))
}

// w says the catalogue's message key in the page's language (internal/msg).
func (pr *presenter) w(key string, args ...any) string {
	return msg.Get(msg.For(pr.lang), key, args...)
}

// t picks the English text of the data (a name, a title) when the page is
// English and the data gives one. Words are not picked here: they are the
// catalogue's (w).
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
	return msg.Date(msg.For(pr.lang), d.Time())
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

// TaskURL is the address of a task's page.
func TaskURL(slug string) string { return "nhiem-vu/" + slug + "/" }

// furtherDir is the folder of the further pages of a long list, inside
// the list's own folder ("nhiem-vu/trang/"): a segment the site reserves,
// which no slug or id may be (plan.Reserved).
const furtherDir = plan.FurtherSegment + "/"

// AgencyURL is the address of an agency's or a group's page.
func AgencyURL(id string) string { return "co-quan/" + id + "/" }

func periodURL(id string) string             { return "ky-bao-cao/" + id + "/" }
func reportURL(period, agency string) string { return "ky-bao-cao/" + period + "/" + agency + "/" }

func (pr *presenter) agencyLink(id string) LinkV {
	reg := pr.p.Agencies
	if a := reg.Agency(id); a != nil {
		return LinkV{Name: pr.t(a.Name, a.NameEn), URL: AgencyURL(id)}
	}
	if g := reg.Group(id); g != nil {
		return LinkV{Name: pr.t(g.Name, g.NameEn), URL: AgencyURL(id)}
	}
	return LinkV{Name: id}
}

func (pr *presenter) periodLink(per plan.Period) LinkV {
	return LinkV{Name: per.Words(pr.lang), URL: periodURL(per.ID)}
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
	return status.StateLabel(s, pr.lang)
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

// taskRef names t, by title (the page's language's, or the plan's own
// words where a page shows the plan as issued).
func taskRef(t *plan.Task, title string) TaskRefV {
	return TaskRefV{Number: t.Number, Title: title, URL: TaskURL(t.Slug)}
}

// overseer names the role that oversees t, or "" when the plan names none
// known.
func (pr *presenter) overseer(t *plan.Task) string {
	if r := pr.p.Agencies.Role(t.Overseer); r != nil {
		return pr.t(r.Title, r.TitleEn)
	}
	return ""
}

func (pr *presenter) taskRow(ts *status.Task) TaskRowV {
	t := ts.Task
	row := TaskRowV{TaskRefV: taskRef(t, pr.t(t.Title, t.TitleEn)), Overseer: pr.overseer(t), Status: pr.status(ts.Status)}
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
		Task:          LinkV{Name: pr.t(m.Task.Title, m.Task.TitleEn), URL: TaskURL(m.Task.Slug)},
		TaskNumber:    m.Task.Number,
		Owner:         pr.agencyLink(m.Owner),
		IsGroup:       pr.p.Agencies.Group(m.Owner) != nil,
		OtherPartners: m.OtherPartners,
		Action:        pr.t(m.Action, m.ActionEn),
		Deliverable:   m.Deliverable,
		ShareV:        ShareV{Status: pr.msStatus(ms.Status, m)},
		Done:          ms.Done,
		Total:         ms.Total,
	}
	v.Due, v.Condition = m.DueCondition(pr.lang)
	if pr.lang != "vi" {
		v.ActionVi, v.Summary = m.Action, m.ActionEn != ""
		if !v.Summary {
			v.Action = ""
		}
	}
	if !m.Source.IsZero() {
		v.PlanRef = &LinkV{Name: m.Citation(pr.lang), URL: TextURL(m.Source.Ref())}
		v.ActionParts, v.SicNote = pr.actionSic(m)
	}
	if !m.DueSource.IsZero() {
		v.DueText = m.DueSentence()
		v.DueRef = &LinkV{Name: m.DueCitation(pr.lang), URL: TextURL(m.DueSource.Ref())}
	}
	if g := pr.p.Agencies.Group(m.Owner); g != nil && g.Partial {
		v.Partial, v.Scope = true, pr.t(g.Scope, g.ScopeEn)
	}
	for _, pa := range m.Partners {
		v.Partners = append(v.Partners, pr.agencyLink(pa))
	}
	if !v.IsGroup && len(ms.Members) == 1 {
		mem := ms.Members[0]
		v.ShareV = pr.share(mem, m, pr.source)
	}
	if v.IsGroup {
		for _, mem := range ms.WorstFirst() {
			v.Members = append(v.Members, MemberV{Agency: pr.agencyLink(mem.Agency.ID), ShareV: pr.share(mem, m, pr.source)})
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
		IsGroup: full.IsGroup, Due: full.Due, Condition: full.Condition, ShareV: ShareV{Status: full.Status, DaysLate: full.DaysLate, Late: full.Late},
		Done: full.Done, Total: full.Total, Partial: full.Partial}
	if r := []rune(row.Task.Name); len(r) > 140 {
		row.Task.Name = string(r[:139]) + "…"
	}
	if !full.IsGroup && len(ms.Members) == 1 {
		row.Source = pr.briefSource(ms.Members[0].Source)
	}
	return row
}

// MilestonesPerPage is the most milestones a page lists in one table: a
// national plan has tens of thousands, which no one reads on one page, so
// the period and timeline lists go on over numbered pages (trang/2/, …),
// each with a pager. maxCharted is the most milestones the timeline draws.
var MilestonesPerPage = 500

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

func (m *Model) siteData() SiteV {
	v := SiteV{Lang: map[string]SiteLangV{}, AsOf: m.snap.AsOf.String(), NoData: m.snap.NoData, Sample: m.sample, Drafts: m.drafts, Method: methodURL}
	for _, lang := range Langs {
		v.Lang[lang] = (&presenter{Model: m, lang: lang}).siteLang()
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

// reportRef names r.
func (pr *presenter) reportRef(r *plan.Report) ReportRefV {
	return ReportRefV{Agency: pr.agencyLink(r.Agency), Period: pr.periodLink(r.PeriodInfo), Number: r.Number, Date: pr.date(r.Date)}
}

func (pr *presenter) reportRow(r *plan.Report) ReportRowV {
	return ReportRowV{ReportRefV: pr.reportRef(r), URL: reportURL(r.Period, r.Agency), Draft: !r.IsApproved(), end: r.PeriodInfo.End.String()}
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
func (m *Model) reportsAbout(t *plan.Task) []*plan.Report {
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

// the task page.
func (pr *presenter) milestoneLink(m *plan.Milestone) LinkV {
	return LinkV{Name: pr.w("milestone_of_task", m.ID, m.Task.Number),
		URL: TaskURL(m.Task.Slug) + "#moc-" + m.ID}
}

// briefSource cites a report without the update's evidence and note, for
// long lists.
func (pr *presenter) briefSource(src *status.Source) *SourceV {
	s := pr.source(src)
	if s != nil {
		s.Evidence, s.Note = nil, ""
	}
	return s
}

// LangDir is the folder of a language's pages in the output: "" for the
// default language, "en/" for English.
func LangDir(lang string) string {
	if lang == Langs[0] {
		return ""
	}
	return lang + "/"
}

// aliasURLs are the addresses, under the page's language, that redirect
// to the page of url.
func aliasURLs(ids []string, url func(string) string) []string {
	var out []string
	for _, a := range ids {
		out = append(out, "/"+url(a))
	}
	return out
}
