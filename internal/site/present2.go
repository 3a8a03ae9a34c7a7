package site

import (
	"fmt"
	"sort"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// AgencyV is an agency's (or a group's) page.
type AgencyV struct {
	Name     string       `json:"name"`
	NameVi   string       `json:"name_vi,omitempty"`
	Short    string       `json:"short,omitempty"`
	Head     string       `json:"head,omitempty"`
	IsGroup  bool         `json:"is_group"`
	Reports  bool         `json:"must_report"`
	Members  []LinkV      `json:"members,omitempty"`
	Groups   []LinkV      `json:"groups,omitempty"`
	Leads    []MilestoneV `json:"leads,omitempty"`
	Shares   []MilestoneV `json:"shares,omitempty"`
	Supports []MilestoneV `json:"supports,omitempty"`
	Counts   []CountV     `json:"counts,omitempty"`
	Chart    string       `json:"chart,omitempty"`
	Sent     []ReportRowV `json:"sent,omitempty"`
	Missed   []LinkV      `json:"missed,omitempty"`
	Feed     string       `json:"feed"`
}

func (pr *presenter) agencies() error {
	reg := pr.p.Agencies
	var list []LinkV
	for _, a := range reg.Agencies {
		list = append(list, pr.agencyLink(a.ID))
	}
	var groups []LinkV
	for _, g := range reg.Groups {
		groups = append(groups, pr.agencyLink(g.ID))
	}
	if err := pr.write("co-quan/_index", page{Title: pr.t("Cơ quan, đơn vị", "Agencies"), Type: "agencies",
		Params: params{V: map[string]any{"agencies": list, "groups": groups, "kinds": pr.kinds()}}}, ""); err != nil {
		return err
	}
	for _, a := range reg.Agencies {
		v := AgencyV{Name: pr.t(a.Name, a.NameEn), Short: a.Short, Head: a.Head, Reports: a.ReportsOn(pr.snap.AsOf), Feed: agencyURL(a.ID) + "atom.xml"}
		if pr.lang == "en" && a.NameEn != "" {
			v.NameVi = a.Name
		}
		counts := map[status.Status]int{}
		for _, g := range reg.GroupsAt(a.ID, pr.snap.AsOf) {
			v.Groups = append(v.Groups, pr.agencyLink(g.ID))
		}
		for _, ts := range pr.snap.Tasks {
			for _, ms := range ts.Milestones {
				m := ms.Milestone
				switch {
				case m.Owner == a.ID:
					v.Leads = append(v.Leads, pr.milestoneRow(ms))
					counts[ms.Status]++
				case reg.Group(m.Owner) != nil:
					for _, mem := range ms.Members {
						if mem.Agency.ID == a.ID {
							mv := pr.milestoneRow(ms)
							mv.Status, mv.Source, mv.DaysLate = pr.memberStatus(mem, m), pr.source(mem.Source), mem.DaysLate
							v.Shares = append(v.Shares, mv)
							counts[mem.Status]++
						}
					}
				}
				for _, pa := range m.Partners {
					if pa == a.ID {
						v.Supports = append(v.Supports, pr.milestoneRow(ms))
					}
				}
			}
		}
		delete(counts, status.NoData)
		v.Counts = pr.counts(counts)
		if len(v.Counts) > 0 {
			v.Chart = chart.AgencyChart(counts, pr.lang, "agency-chart", v.Name)
		}
		worst := func(m MilestoneV) (status.Status, int) { return statusOf(m.Status), m.DaysLate }
		status.SortWorstFirst(v.Leads, worst)
		status.SortWorstFirst(v.Shares, worst)
		for _, r := range pr.published {
			if r.Agency == a.ID {
				v.Sent = append(v.Sent, pr.reportRow(r))
			}
		}
		sortReports(v.Sent)
		for _, h := range pr.hist {
			for _, miss := range h.Missing {
				if miss.ID == a.ID {
					v.Missed = append(v.Missed, pr.periodLink(h.Period))
				}
			}
		}
		desc := v.Name
		if err := pr.write("co-quan/"+a.ID+"/index", page{Title: v.Name, Type: "agency", Description: desc, Aliases: aliasURLs(a.Aliases, agencyURL), Params: params{V: v, Feed: v.Feed}}, ""); err != nil {
			return err
		}
	}
	for _, g := range reg.Groups {
		v := AgencyV{Name: pr.t(g.Name, g.NameEn), Head: g.Head, IsGroup: true, Feed: ""}
		for _, m := range reg.MembersAt(g.ID, pr.snap.AsOf) {
			v.Members = append(v.Members, pr.agencyLink(m.ID))
		}
		counts := map[status.Status]int{}
		for _, ts := range pr.snap.Tasks {
			for _, ms := range ts.Milestones {
				if ms.Milestone.Owner == g.ID {
					v.Leads = append(v.Leads, pr.milestoneRow(ms))
					for _, mem := range ms.Members {
						counts[mem.Status]++
					}
				}
				for _, pa := range ms.Milestone.Partners {
					if pa == g.ID {
						v.Supports = append(v.Supports, pr.milestoneRow(ms))
					}
				}
			}
		}
		delete(counts, status.NoData)
		v.Counts = pr.counts(counts)
		if len(v.Counts) > 0 {
			v.Chart = chart.AgencyChart(counts, pr.lang, "agency-chart", v.Name)
		}
		if err := pr.write("co-quan/"+g.ID+"/index", page{Title: v.Name, Type: "agency", Description: v.Name, Aliases: aliasURLs(g.Aliases, agencyURL), Params: params{V: v}}, ""); err != nil {
			return err
		}
	}
	return nil
}

// PeriodV is a reporting period's page.
type PeriodV struct {
	Name     string     `json:"name"`
	AsOf     string     `json:"as_of"`
	Previous *LinkV     `json:"previous,omitempty"`
	Next     *LinkV     `json:"next,omitempty"`
	Regular  bool       `json:"regular"`
	Counts   []CountV   `json:"counts,omitempty"`
	Bar      string     `json:"bar,omitempty"`
	Tasks    []TaskRowV `json:"tasks"`
	// Milestones is the first page of the milestones; Pager, when they
	// go on over several pages, links the others.
	Milestones []MilestoneV `json:"milestones"`
	Pager      *PagerV      `json:"pager,omitempty"`
	Changes    []ChangeV    `json:"changes,omitempty"`
	Reports    []ReportRowV `json:"reports"`
	Missing    []LinkV      `json:"missing,omitempty"`
}

// PeriodRowV is a period in the list of periods.
type PeriodRowV struct {
	Period  LinkV    `json:"period"`
	AsOf    string   `json:"as_of"`
	Reports int      `json:"reports"`
	Missing int      `json:"missing"`
	Counts  []CountV `json:"counts,omitempty"`
}

// ReportV is one report's page.
type ReportV struct {
	Agency   LinkV     `json:"agency"`
	Period   LinkV     `json:"period"`
	Number   string    `json:"number"`
	Date     string    `json:"date"`
	Approved string    `json:"approved_by,omitempty"`
	On       string    `json:"approved_on,omitempty"`
	Sample   bool      `json:"sample"`
	Draft    bool      `json:"draft"`
	State    string    `json:"state"`
	Updates  []SourceV `json:"updates"`
	Targets  []LinkV   `json:"targets"`
	Body     string    `json:"body"`
}

func (pr *presenter) periods() error {
	var rows []PeriodRowV
	for i := len(pr.hist) - 1; i >= 0; i-- {
		h := pr.hist[i]
		rows = append(rows, PeriodRowV{Period: pr.periodLink(h.Period), AsOf: pr.date(h.Period.End), Reports: len(h.Reports), Missing: len(h.Missing), Counts: pr.counts(h.Snapshot.MemberCounts)})
	}
	if err := pr.write("ky-bao-cao/_index", page{Title: pr.t("Kỳ báo cáo", "Reporting periods"), Type: "periods", Params: params{V: map[string]any{"periods": rows}}}, ""); err != nil {
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
		v.Bar = chart.Bar(h.Snapshot.MemberCounts, pr.lang, "period-bar", pr.t("Các phần việc theo trạng thái, kỳ ", "Shares by status, period ")+v.Name)
		var all []*status.Milestone
		for _, ts := range h.Snapshot.Tasks {
			v.Tasks = append(v.Tasks, pr.taskRow(ts))
			all = append(all, ts.Milestones...)
		}
		for _, c := range h.Changes {
			v.Changes = append(v.Changes, ChangeV{
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
		title := fmt.Sprintf("%s: %s", pr.t("Kỳ báo cáo", "Reporting period"), v.Name)
		first, err := pr.paginate(all, "ky-bao-cao/"+per.ID, LinkV{Name: title, URL: periodURL(per.ID)}, v.AsOf)
		if err != nil {
			return err
		}
		v.Milestones, v.Pager = first.Milestones, first.Pager
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

func (pr *presenter) report(r *plan.Report) error {
	v := ReportV{Agency: pr.agencyLink(r.Agency), Period: pr.periodLink(r.PeriodInfo), Number: r.Number, Date: pr.date(r.Date),
		Sample: r.Sample, Draft: !r.IsApproved(), State: r.Approval.State, Body: renderMarkdown(r.Body)}
	if r.IsApproved() {
		v.Approved, v.On = r.Approval.ApprovedBy, pr.date(r.Approval.ApprovedOn)
	}
	for _, u := range r.Updates {
		src := pr.source(&status.Source{Report: r, Update: u})
		v.Updates = append(v.Updates, *src)
		ms := pr.snap.Milestone(u.Milestone)
		target := LinkV{Name: u.Milestone}
		if ms != nil {
			m := ms.Milestone
			target = pr.milestoneLink(m)
			if u.Member != r.Agency {
				target.Name += " — " + pr.agencyLink(u.Member).Name
			}
		}
		v.Targets = append(v.Targets, target)
	}
	title := fmt.Sprintf("%s %s — %s", pr.t("Báo cáo", "Report"), r.Number, v.Agency.Name)
	return pr.write("ky-bao-cao/"+r.Period+"/"+r.Agency, page{Title: title, Type: "report", Description: fmt.Sprintf("%s, %s", title, v.Period.Name), Params: params{V: v}}, "")
}

// PlanV is the full plan text.
type PlanV struct {
	Title          string      `json:"title"`
	Number         string      `json:"number,omitempty"`
	Issuer         string      `json:"issuer"`
	Preamble       string      `json:"preamble"`
	Basis          []BasisV    `json:"basis"`
	Purpose        []string    `json:"purpose"`
	Requirements   []string    `json:"requirements"`
	Tasks          []PlanTaskV `json:"tasks"`
	Implementation []string    `json:"implementation"`
	Reporting      string      `json:"reporting"`
	Compiler       LinkV       `json:"compiler"`
}

// BasisV is a legal basis document.
type BasisV struct {
	Number string `json:"number"`
	Date   string `json:"date"`
	Issuer string `json:"issuer"`
	Title  string `json:"title"`
}

// PlanTaskV is a task in the plan text.
type PlanTaskV struct {
	Number     int          `json:"number"`
	Title      string       `json:"title"`
	URL        string       `json:"url"`
	Overseer   string       `json:"overseer"`
	Milestones []MilestoneV `json:"milestones"`
}

func (pr *presenter) planPage() error {
	pl := pr.p.Plan
	v := PlanV{Title: pl.Title, Number: pl.Number, Issuer: pr.agencyLink(pl.Issuer).Name, Preamble: pl.Preamble,
		Purpose: pl.Purpose, Requirements: pl.Requirements, Implementation: pl.Implementation, Reporting: pl.Reporting.Text,
		Compiler: pr.agencyLink(pl.Reporting.Compiler)}
	for _, b := range pl.Basis {
		v.Basis = append(v.Basis, BasisV{Number: b.Number, Date: pr.date(b.Date), Issuer: b.Issuer, Title: b.Title})
	}
	for _, ts := range pr.snap.Tasks {
		t := ts.Task
		pt := PlanTaskV{Number: t.Number, Title: t.Title, URL: taskURL(t.Slug)}
		if r := pr.p.Agencies.Role(t.Overseer); r != nil {
			pt.Overseer = pr.t(r.Title, r.TitleEn)
		}
		for _, ms := range ts.Milestones {
			mv := pr.milestone(ms, false)
			mv.Action = ms.Milestone.Action  // the plan text is shown as issued
			mv.Members, mv.Source = nil, nil // the plan, not its progress
			pt.Milestones = append(pt.Milestones, mv)
		}
		v.Tasks = append(v.Tasks, pt)
	}
	return pr.write("ke-hoach", page{Title: pr.t("Toàn văn kế hoạch", "The full plan"), Type: "plan", Description: pl.Title, Params: params{V: v}}, "")
}

// TimelineV is the timeline page.
type TimelineV struct {
	AsOf string `json:"as_of"`
	// Chart is left out when there are more than maxCharted milestones.
	Chart string `json:"chart,omitempty"`
	// Milestones is the first page of the milestones; Pager, when they
	// go on over several pages, links the others.
	Milestones []MilestoneV `json:"milestones"`
	Pager      *PagerV      `json:"pager,omitempty"`
}

func (pr *presenter) timeline() error {
	v := TimelineV{AsOf: pr.date(pr.snap.AsOf)}
	total := 0
	for _, ts := range pr.snap.Tasks {
		total += len(ts.Milestones)
	}
	if !pr.snap.NoData && total <= maxCharted {
		root := pr.basePath + langDir(pr.lang)
		rows := chart.Rows(pr.snap, pr.p, pr.lang, func(t *plan.Task) string { return root + taskURL(t.Slug) })
		v.Chart = chart.Timeline(rows, pr.snap.AsOf, pr.lang, "timeline", pr.t("Các mốc công việc so với thời hạn", "Milestones against their deadlines"))
	}
	var all []*status.Milestone
	for _, ts := range pr.snap.Tasks {
		all = append(all, ts.Milestones...)
	}
	title := pr.t("Tiến độ theo thời gian", "Timeline")
	first, err := pr.paginate(all, "tien-do", LinkV{Name: title, URL: "tien-do/"}, v.AsOf)
	if err != nil {
		return err
	}
	v.Milestones, v.Pager = first.Milestones, first.Pager
	return pr.write("tien-do/_index", page{Title: title, Type: "timeline", Params: params{V: v}}, "")
}

// paginate splits a list of milestones into pages of milestonesPerPage:
// it writes pages 2 and on under base/trang/<n>/ (type "milestones") and
// returns the first page's rows and pager for the list's own page (of,
// whose content lives at base). A list that fits one page has no pager.
func (pr *presenter) paginate(all []*status.Milestone, base string, of LinkV, asOf string) (MilestonePageV, error) {
	n := (len(all) + milestonesPerPage - 1) / milestonesPerPage
	url := func(i int) string {
		if i == 1 {
			return of.URL
		}
		return fmt.Sprintf("%strang/%d/", of.URL, i)
	}
	var first MilestonePageV
	for i := 1; i <= max(n, 1); i++ {
		v := MilestonePageV{Of: of, Number: i, AsOf: asOf, Milestones: []MilestoneV{}}
		for _, ms := range all[(i-1)*milestonesPerPage : min(i*milestonesPerPage, len(all))] {
			v.Milestones = append(v.Milestones, pr.milestoneRow(ms))
		}
		if n > 1 {
			v.Pager = &PagerV{}
			for j := 1; j <= n; j++ {
				v.Pager.Pages = append(v.Pager.Pages, PagerPageV{Number: j, URL: url(j), Current: j == i})
			}
			if i > 1 {
				v.Pager.Prev = url(i - 1)
			}
			if i < n {
				v.Pager.Next = url(i + 1)
			}
		}
		if i == 1 {
			first = v
			continue
		}
		title := fmt.Sprintf("%s — %s %d", of.Name, pr.t("trang", "page"), i)
		if err := pr.write(fmt.Sprintf("%s/trang/%d", base, i), page{Title: title, Type: "milestones", Description: title, Params: params{V: v}}, ""); err != nil {
			return first, err
		}
	}
	return first, nil
}

func (pr *presenter) searchPage() error {
	v := map[string]string{"index": "tim-kiem/chi-muc/"}
	return pr.write("tim-kiem", page{Title: pr.t("Tìm kiếm", "Search"), Type: "search", Params: params{V: v}}, "")
}

// DataFileV describes one open-data file.
type DataFileV struct {
	Path string `json:"path"`
	Name string `json:"name"`
	Desc string `json:"desc"`
	Size int    `json:"size"`
}

func (pr *presenter) dataPage() error {
	return pr.write("du-lieu", page{Title: pr.t("Dữ liệu mở", "Open data"), Type: "opendata", Params: params{V: map[string]any{"files": pr.dataFiles}}}, "")
}

// milestoneLink names a milestone with its task and links to its place on
// the task page.
func (pr *presenter) milestoneLink(m *plan.Milestone) LinkV {
	return LinkV{Name: fmt.Sprintf("%s %s (%s %d)", pr.t("Mốc", "Milestone"), m.ID, pr.t("nhiệm vụ", "task"), m.Task.Number),
		URL: taskURL(m.Task.Slug) + "#moc-" + m.ID}
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
