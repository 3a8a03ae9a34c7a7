package view

import (
	"strings"

	"github.com/minhbach/minhbach/internal/msg"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// What a citizen sees first (issue 14): the overdue shares and the silent
// units on the home page, one static page per status and per agency kind
// (the filtered lists, no JavaScript), and the page that explains how a
// status is decided.

// methodURL is the page that explains the statuses; each status has an
// anchor on it ("#<key>").
const methodURL = "cach-tinh-trang-thai/"

// statusURL is the filtered list of the tasks and shares with s.
func statusURL(s status.Status) string { return "trang-thai/" + s.Slug() + "/" }

// kindURL is the filtered list of the agencies of one kind.
func kindURL(kind string) string { return "loai-co-quan/" + kind + "/" }

// kindName names an agency kind, plural, as lists show it
// (plan.Registry.KindName).
func (pr *presenter) kindName(kind string) string {
	return pr.p.Agencies.KindName(msg.For(pr.lang), kind)
}

// LateV is one overdue share: the unit whose share it is (a group's
// member, not the group), the deadline, how many days it is overdue as of
// the as-of date, and what the unit last reported about it.
type LateV struct {
	Milestone  LinkV    `json:"milestone"`
	TaskNumber int      `json:"task_number"`
	Task       string   `json:"task"`
	Unit       LinkV    `json:"unit"`
	Group      *LinkV   `json:"group,omitempty"`
	Due        string   `json:"due"`
	Condition  string   `json:"condition,omitempty"`
	Deadline   string   `json:"deadline"`
	Days       int      `json:"days"`
	DaysWords  string   `json:"days_words"`
	Last       *SourceV `json:"last,omitempty"`
}

// SilentV is the units that sent no report for the latest regular period.
type SilentV struct {
	Period LinkV   `json:"period"`
	Units  []LinkV `json:"units"`
}

// overdue lists the overdue shares of the snapshot, the longest overdue
// first.
func (pr *presenter) overdue() []LateV {
	var out []LateV
	for _, l := range pr.snap.Overdue() {
		m := l.Milestone
		v := LateV{Milestone: pr.milestoneLink(m), TaskNumber: m.Task.Number, Task: truncRunes(pr.t(m.Task.Title, m.Task.TitleEn), 140),
			Unit: pr.agencyLink(l.Member.Agency.ID), Deadline: pr.date(l.Deadline), Days: l.Member.DaysLate, DaysWords: pr.lateWords(l.Member), Last: pr.briefSource(l.Member.Source)}
		v.Due, v.Condition = m.DueCondition(pr.lang)
		if pr.p.Agencies.Group(m.Owner) != nil {
			g := pr.agencyLink(m.Owner)
			v.Group = &g
		}
		out = append(out, v)
	}
	return out
}

// silent is the units that sent no report for the latest regular period,
// or nil when there is no such period or every unit reported.
func (pr *presenter) silent() *SilentV {
	h := status.LatestRegular(pr.hist, pr.snap.AsOf)
	if h == nil || len(h.Missing) == 0 {
		return nil
	}
	v := &SilentV{Period: pr.periodLink(h.Period)}
	for _, a := range h.Missing {
		v.Units = append(v.Units, pr.agencyLink(a.ID))
	}
	return v
}

func truncRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// linkedCounts are counts whose every entry links to the filtered list of
// its status, at anchor ("nhiem-vu" for tasks, "phan-viec" for shares).
func (pr *presenter) linkedCounts(c map[status.Status]int, anchor string) []CountV {
	out := pr.counts(c)
	for i := range out {
		out[i].URL = statusURL(status.Status(out[i].Status.Key)) + "#" + anchor
	}
	return out
}

// share is where mem, a share of m, stands, its report cited by source
// (source or briefSource).
func (pr *presenter) share(mem *status.Member, m *plan.Milestone, source func(*status.Source) *SourceV) ShareV {
	return ShareV{Status: pr.memberStatus(mem, m), Source: source(mem.Source), DaysLate: mem.DaysLate, Late: pr.lateWords(mem)}
}

// memberStatus is a share's badge: its status, a waiting share labelled
// with what it waits for, a not-reported one with why (Member.Label).
func (pr *presenter) memberStatus(mem *status.Member, m *plan.Milestone) *StatusV {
	v := pr.msStatus(mem.Status, m)
	if v != nil && mem.Status == status.NotReported {
		v.Label = mem.Label(pr.lang)
	}
	return v
}

// StatusPageV is the filtered list of one status: the tasks whose status
// it is, and every share (a milestone of one agency, or one member's part
// of a group milestone) that has it.
type StatusPageV struct {
	Status StatusV      `json:"status"`
	Method string       `json:"method"`
	Tasks  []TaskRowV   `json:"tasks"`
	Shares []MilestoneV `json:"shares"`
	// Others links the other statuses' lists, with their share counts.
	Others []CountV `json:"others"`
}

// shareRow is one member's share of a milestone as a table row: the
// member as the owner, its own status, days late and source.
func (pr *presenter) shareRow(ms *status.Milestone, mem *status.Member) MilestoneV {
	row := pr.milestoneRow(ms)
	row.Owner = pr.agencyLink(mem.Agency.ID)
	row.ShareV = pr.share(mem, ms.Milestone, pr.briefSource)
	row.IsGroup, row.Done, row.Total = false, 0, 0
	return row
}

func (pr *presenter) statusPages() error {
	if pr.snap.NoData {
		return nil
	}
	others := pr.linkedCounts(pr.snap.MemberCounts, "phan-viec")
	if err := pr.write("trang-thai/_index", page{Title: pr.w("status_page_eyebrow"), Params: params{V: ListIndexV{}}}, ""); err != nil {
		return err
	}
	for _, s := range status.Order {
		if pr.snap.MemberCounts[s] == 0 {
			continue
		}
		v := StatusPageV{Status: *pr.status(s), Method: methodURL + "#" + string(s), Tasks: []TaskRowV{}, Shares: []MilestoneV{}, Others: others}
		for _, ts := range pr.snap.Tasks {
			if ts.Status == s {
				v.Tasks = append(v.Tasks, pr.taskRow(ts))
			}
			for _, ms := range ts.Milestones {
				for _, mem := range ms.Members {
					if mem.Status == s {
						v.Shares = append(v.Shares, pr.shareRow(ms, mem))
					}
				}
			}
		}
		status.SortWorstFirst(v.Shares, func(m MilestoneV) (status.Status, int) { return s, m.DaysLate })
		title := pr.w("title_status_page", v.Status.Label)
		desc := pr.w("desc_asof", title, pr.date(pr.snap.AsOf))
		if err := pr.write("trang-thai/"+s.Slug()+"/index", page{Title: title, Type: "status", Description: desc, Weight: s.Rank() + 1, Params: params{V: v}}, ""); err != nil {
			return err
		}
	}
	return nil
}

// KindPageV is the filtered list of the agencies of one kind: each with
// its shares' counts, and every share of theirs, worst first.
type KindPageV struct {
	Kind     LinkV        `json:"kind"`
	Agencies []KindRowV   `json:"agencies"`
	Shares   []MilestoneV `json:"shares"`
	Kinds    []LinkV      `json:"kinds"`
}

// KindRowV is one agency in a kind's list.
type KindRowV struct {
	Agency LinkV    `json:"agency"`
	Counts []CountV `json:"counts,omitempty"`
}

// kinds returns the agency kinds that have at least one agency, in the
// order of the plan's kinds (Registry.KindIDs), with their lists' links.
func (pr *presenter) kinds() []LinkV {
	has := map[string]bool{}
	for _, a := range pr.p.Agencies.Agencies {
		has[a.Kind] = true
	}
	var out []LinkV
	for _, k := range pr.p.Agencies.KindIDs() {
		if has[k] {
			out = append(out, LinkV{Name: pr.kindName(k), URL: kindURL(k)})
		}
	}
	return out
}

func (pr *presenter) kindPages() error {
	kinds := pr.kinds()
	if err := pr.write("loai-co-quan/_index", page{Title: pr.w("kind_nav"), Params: params{V: ListIndexV{}}}, ""); err != nil {
		return err
	}
	for i, k := range pr.p.Agencies.KindIDs() {
		v := KindPageV{Kind: LinkV{Name: pr.kindName(k), URL: kindURL(k)}, Shares: []MilestoneV{}, Kinds: kinds}
		for _, a := range pr.p.Agencies.Agencies {
			if a.Kind != k {
				continue
			}
			counts := map[status.Status]int{}
			for _, ts := range pr.snap.Tasks {
				for _, ms := range ts.Milestones {
					if mem := ms.Member(a.ID); mem != nil && mem.Status != status.NoData {
						counts[mem.Status]++
						v.Shares = append(v.Shares, pr.shareRow(ms, mem))
					}
				}
			}
			v.Agencies = append(v.Agencies, KindRowV{Agency: pr.agencyLink(a.ID), Counts: pr.counts(counts)})
		}
		if len(v.Agencies) == 0 {
			continue
		}
		status.SortWorstFirst(v.Shares, func(m MilestoneV) (status.Status, int) { return statusOf(m.Status), m.DaysLate })
		title := pr.w("title_kind_page", v.Kind.Name)
		if err := pr.write("loai-co-quan/"+k+"/index", page{Title: title, Type: "kind", Description: title, Weight: i + 1, Params: params{V: v}}, ""); err != nil {
			return err
		}
	}
	return nil
}

// statusOf is the status a badge shows.
func statusOf(v *StatusV) status.Status {
	if v == nil {
		return status.NoData
	}
	return status.Status(v.Key)
}

// MethodV is the page that explains how a status is decided. The as-of
// date, the latest period, the day of the latest approval and the next
// period it states are the site data's (SiteLangV), which its template
// reads as the banner does.
type MethodV struct {
	// WindowFrom is the first day of the latest reporting window.
	WindowFrom string `json:"window_from,omitempty"`
	// Statuses are in the order their rules are tried (status.RuleOrder);
	// Rollup in the roll-up's order, worst first (status.Order).
	Statuses []MethodStatusV `json:"statuses"`
	Rollup   []StatusV       `json:"rollup"`
	// NoReport and NotMentioned are the two labels of a not-reported
	// share.
	NoReport     string `json:"no_report"`
	NotMentioned string `json:"not_mentioned"`
}

// MethodStatusV is one status on the methodology page, with its place in
// the roll-up (Rank, 1 for the worst), how many shares have it now and the
// list of them.
type MethodStatusV struct {
	Status StatusV `json:"status"`
	Rank   int     `json:"rank"`
	Count  int     `json:"count"`
	URL    string  `json:"url,omitempty"`
}

func (pr *presenter) methodPage() error {
	v := MethodV{
		NoReport:     (&status.Member{Status: status.NotReported, Silence: status.NoReport}).Label(pr.lang),
		NotMentioned: (&status.Member{Status: status.NotReported, Silence: status.NotMentioned}).Label(pr.lang)}
	if !pr.snap.NoData {
		v.WindowFrom = pr.date(pr.snap.Window.AddDays(1))
	}
	for _, s := range status.RuleOrder {
		ms := MethodStatusV{Status: *pr.status(s), Rank: s.Rank() + 1, Count: pr.snap.MemberCounts[s]}
		if ms.Count > 0 {
			ms.URL = statusURL(s)
		}
		v.Statuses = append(v.Statuses, ms)
	}
	for _, s := range status.Order {
		v.Rollup = append(v.Rollup, *pr.status(s))
	}
	title := pr.w("method_link")
	return pr.write("cach-tinh-trang-thai/index", page{Title: title, Type: "method", Description: title, Params: params{V: v}}, "")
}

// nextPeriod names the next regular reporting period and its last day.
func (pr *presenter) nextPeriod() string {
	next := status.NextPeriod(pr.p, pr.snap.AsOf)
	return pr.w("next_period_words", next.Words(pr.lang), pr.date(next.End))
}

// updated is the latest approval date among the published reports as of
// the site's date, worked out once per build.
func (m *Model) updated() plan.Date {
	if m.lastApproved == nil {
		d := status.LastApproved(m.p, m.snap.AsOf)
		m.lastApproved = &d
	}
	return *m.lastApproved
}

// ListIndexV is the page over the filtered lists of one kind (trang-thai/,
// loai-co-quan/): Hugo's section page lists them; it has no data of its
// own.
type ListIndexV struct{}

func (StatusPageV) pageView() {}
func (KindPageV) pageView()   {}
func (MethodV) pageView()     {}
func (ListIndexV) pageView()  {}

// ogTitleMax is the most characters of a link preview's title: Zalo and
// Facebook cut longer ones themselves, anywhere.
const ogTitleMax = 70

// shortTitle returns "" when s has at most n runes, and otherwise s cut
// at the last space before n-1 runes (or at n-1 runes) with "…".
func shortTitle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return ""
	}
	cut := n - 1
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:—-") + "…"
}

// lateWords says how late a share is: "Ngày hoàn thành: 15/11/2018, chậm
// 46 ngày" for a share done late, "quá hạn 273 ngày" for an overdue one,
// "" otherwise.
func (pr *presenter) lateWords(mem *status.Member) string {
	l := msg.For(pr.lang)
	switch {
	case mem.DaysLate <= 0:
		return ""
	case mem.Status == status.Overdue:
		return msg.Plural(l, "overdue_days", mem.DaysLate, mem.DaysLate)
	case mem.Status == status.DoneLate:
		late := msg.Plural(l, "late_days", mem.DaysLate, mem.DaysLate)
		if mem.Source != nil && !mem.Source.Update.DoneOn.IsZero() {
			return pr.w("done_late_words", pr.date(mem.Source.Update.DoneOn), late)
		}
		return late
	}
	return ""
}
