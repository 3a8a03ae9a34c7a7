// Package feed writes the portal's Atom 1.0 feeds (RFC 4287): one for the
// whole site (a new entry each reporting period), one per task and one per
// agency, so that journalists and citizens can follow what changes.
//
// Feeds are built from the status history alone (status.History), so only
// approved reports reach them, and are deterministic: every date is a date
// of the data (a report's approval day at 00:00:00Z, or the plan's latest
// basis document), never the time of the build.
package feed

import (
	"fmt"
	"html"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// The paths of the feeds, relative to the language root.
const (
	SiteFeed = "atom.xml"
	// FeedFile is the file name of the task and agency feeds, in the
	// folder of their page.
	FeedFile = "atom.xml"
)

// TaskFeed returns the path of a task's feed.
func TaskFeed(t *plan.Task) string { return taskPath(t) + FeedFile }

// AgencyFeed returns the path of an agency's feed.
func AgencyFeed(id string) string { return agencyPath(id) + FeedFile }

// fallbackUpdated is a feed's updated date when neither an entry nor a
// basis document gives one.
var fallbackUpdated = plan.NewDate(1970, 1, 1)

// Files returns the feeds keyed by path relative to the site root, held
// in memory; a build hands them on one at a time with Write instead. The
// arguments are Write's.
func Files(p *plan.Project, hist []*status.Period, baseURL string, lang string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := Write(p, hist, baseURL, lang, func(path string, data []byte) error {
		out[path] = data
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// Write makes the feeds and hands each to put as soon as it is made, with
// its path, so that memory holds one feed at a time; an error from put
// stops it.
//
// Paths are relative to the root of the language's site: "atom.xml",
// "nhiem-vu/<slug>/atom.xml", "co-quan/<id>/atom.xml"; for a language other
// than Vietnamese the caller puts them under its prefix ("en/").
//
// baseURL is the absolute URL of the site's root, the same for every
// language, such as "https://example.gov.vn/minhbach/". Links of the "vi"
// feeds start with it; those of any other lang start with baseURL + lang +
// "/" (for "en": "https://example.gov.vn/minhbach/en/"). Feeds need absolute
// links, so a baseURL that is not an absolute http(s) URL is an error.
//
// lang "vi" writes the texts in Vietnamese, anything else in English. hist
// is the portal's history, as status.History returns it.
func Write(p *plan.Project, hist []*status.Period, baseURL string, lang string, put func(path string, data []byte) error) error {
	if p == nil || p.Plan == nil || p.Agencies == nil {
		return fmt.Errorf("feed: no plan")
	}
	root, err := langRoot(baseURL, lang)
	if err != nil {
		return err
	}
	b := &builder{p: p, hist: hist, root: root, lang: lang, w: newWords(lang, p.Agencies), updated: map[*status.Period]plan.Date{}}
	for _, h := range hist {
		b.updated[h] = periodUpdated(h)
	}
	add := func(path string, f *atomFeed) error {
		data, err := encode(f)
		if err != nil {
			return err
		}
		return put(path, data)
	}
	if err := add(SiteFeed, b.siteFeed()); err != nil {
		return err
	}
	for _, t := range p.Plan.Tasks {
		if err := add(TaskFeed(t), b.taskFeed(t)); err != nil {
			return err
		}
	}
	for _, a := range p.Agencies.Agencies {
		if err := add(AgencyFeed(a.ID), b.agencyFeed(a)); err != nil {
			return err
		}
	}
	return nil
}

// langRoot returns the absolute URL of the language's root, with a
// trailing slash.
func langRoot(baseURL, lang string) (string, error) {
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("feed: the site's base URL %q is not an absolute URL such as https://example.gov.vn/minhbach/: feeds need absolute links; set baseURL in site.toml", baseURL)
	}
	root := baseURL
	if !strings.HasSuffix(root, "/") {
		root += "/"
	}
	if lang != "vi" && lang != "" {
		root += lang + "/"
	}
	return root, nil
}

func taskPath(t *plan.Task) string     { return "nhiem-vu/" + t.Slug + "/" }
func agencyPath(id string) string      { return "co-quan/" + id + "/" }
func periodPath(id string) string      { return "ky-bao-cao/" + id + "/" }
func reportPath(r *plan.Report) string { return periodPath(r.Period) + r.Agency + "/" }

// periodUpdated is when a period's news appeared: the latest approval day
// of its reports (the end of the period if none has one).
func periodUpdated(h *status.Period) plan.Date {
	var d plan.Date
	for _, r := range h.Reports {
		if r.Approval.ApprovedOn.After(d) {
			d = r.Approval.ApprovedOn
		}
	}
	if d.IsZero() {
		return h.Period.End
	}
	return d
}

func stamp(d plan.Date) string { return d.Time().Format("2006-01-02T15:04:05Z") }

type builder struct {
	p       *plan.Project
	hist    []*status.Period
	root    string
	lang    string
	w       words
	updated map[*status.Period]plan.Date

	// The history indexed once, so that the feed of one task or agency
	// does not scan every change and update of every period.
	ms  map[string]*plan.Milestone
	idx map[*status.Period]*periodIndex
}

// periodIndex is one period's changes, updates and task statuses, by task
// and by agency.
type periodIndex struct {
	changesByTask   map[*plan.Task][]status.Change
	changesByAgency map[string][]status.Change
	upsByTask       map[*plan.Task][]reportUpdate
	reportsByAgency map[string][]*plan.Report
	taskStatus      map[*plan.Task]status.Status
}

// index returns the period's index, building every period's on first use.
func (b *builder) index(h *status.Period) *periodIndex {
	if b.idx == nil {
		b.idx = map[*status.Period]*periodIndex{}
		ms := b.milestones()
		for _, p := range b.hist {
			x := &periodIndex{
				changesByTask: map[*plan.Task][]status.Change{}, changesByAgency: map[string][]status.Change{},
				upsByTask: map[*plan.Task][]reportUpdate{}, reportsByAgency: map[string][]*plan.Report{},
				taskStatus: map[*plan.Task]status.Status{},
			}
			for _, c := range p.Changes {
				x.changesByTask[c.Milestone.Task] = append(x.changesByTask[c.Milestone.Task], c)
				if c.Agency != nil {
					x.changesByAgency[c.Agency.ID] = append(x.changesByAgency[c.Agency.ID], c)
				}
			}
			for _, r := range p.Reports {
				x.reportsByAgency[r.Agency] = append(x.reportsByAgency[r.Agency], r)
				for _, u := range r.Updates {
					if m := ms[u.Milestone]; m != nil {
						x.upsByTask[m.Task] = append(x.upsByTask[m.Task], reportUpdate{r, u, m})
					}
				}
			}
			if p.Snapshot != nil {
				for _, ts := range p.Snapshot.Tasks {
					x.taskStatus[ts.Task] = ts.Status
				}
			}
			b.idx[p] = x
		}
	}
	return b.idx[h]
}

func (b *builder) url(path string) string { return b.root + path }

// entry is an Atom entry with what it is sorted by.
type entry struct {
	atomEntry
	when   plan.Date
	period plan.Period
}

// feed assembles a feed: entries newest first (by updated, then period,
// then id), updated the newest entry's or the plan's latest basis date.
func (b *builder) feed(path, page, title, subtitle string, entries []entry) *atomFeed {
	sort.SliceStable(entries, func(i, j int) bool {
		x, y := entries[i], entries[j]
		if c := x.when.Compare(y.when); c != 0 {
			return c > 0
		}
		if c := x.period.Compare(y.period); c != 0 {
			return c > 0
		}
		return x.ID < y.ID
	})
	f := &atomFeed{
		Lang:     b.lang,
		ID:       b.url(path),
		Title:    atomText{Type: "text", Body: title},
		Subtitle: atomText{Type: "text", Body: subtitle},
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: b.url(path)},
			{Rel: "alternate", Type: "text/html", Href: b.url(page)},
		},
		Author:    atomPerson{Name: b.author()},
		Generator: atomGenerator{Name: "minhbach"},
	}
	updated := b.basisDate()
	if len(entries) > 0 {
		updated = entries[0].when
	}
	f.Updated = stamp(updated)
	for _, e := range entries {
		f.Entries = append(f.Entries, e.atomEntry)
	}
	return f
}

func (b *builder) author() string {
	if id := b.p.Plan.Issuer; id != "" {
		return b.w.agency(id)
	}
	return b.w.planTitle(b.p.Plan)
}

// basisDate is the latest date of the plan's basis documents.
func (b *builder) basisDate() plan.Date {
	d := fallbackUpdated
	for _, x := range b.p.Plan.Basis {
		if x.Date.After(d) {
			d = x.Date
		}
	}
	return d
}

func textT(s string) atomText { return atomText{Type: "text", Body: s} }
func htmlT(s string) atomText { return atomText{Type: "html", Body: s} }

func alternate(href string) atomLink {
	return atomLink{Rel: "alternate", Type: "text/html", Href: href}
}

// ---- the site feed ----

func (b *builder) siteFeed() *atomFeed {
	w := b.w
	var entries []entry
	for _, h := range b.hist {
		href := b.url(periodPath(h.Period.ID))
		e := entry{when: b.updated[h], period: h.Period}
		e.ID = href
		e.Title = textT(w.periodTitle(h.Period))
		e.Updated = stamp(e.when)
		e.Links = []atomLink{alternate(href)}
		e.Summary = textT(w.n("feed_new_reports", len(h.Reports)) + "; " + w.n("feed_status_changes", len(h.Changes)) + ".")
		e.Content = htmlT(b.periodHTML(h))
		entries = append(entries, e)
	}
	entries = append(entries, b.amendmentEntries()...)
	return b.feed(SiteFeed, "", w.planTitle(b.p.Plan),
		w.get("feed_site_subtitle"), entries)
}

// amendmentEntries are one entry per change recorded to a published
// report after its approval ("Đã sửa đổi sau khi công bố"): when, why and
// what changed, linking to the report's page.
func (b *builder) amendmentEntries() []entry {
	w := b.w
	var out []entry
	for _, r := range b.p.Published() {
		for i, am := range r.Approval.Amendments {
			href := b.url(reportPath(r))
			e := entry{when: am.On, period: r.PeriodInfo}
			e.ID = fmt.Sprintf("%s#sua-doi-%d", href, i+1)
			e.Title = textT(w.get("amended") + ": " + w.agency(r.Agency) + ", " + w.report(r))
			e.Updated = stamp(am.On)
			e.Links = []atomLink{alternate(href)}
			e.Summary = textT(w.get("amended_feed", r.Number, w.agency(r.Agency), w.date(am.On), am.Reason))
			var s strings.Builder
			s.WriteString("<p>" + esc(w.get("amended_feed", r.Number, w.agency(r.Agency), w.date(am.On), am.Reason)) + "</p>")
			if len(am.Changes) > 0 {
				s.WriteString("<ul>")
				for _, c := range am.Changes {
					s.WriteString("<li>" + esc(c) + "</li>")
				}
				s.WriteString("</ul>")
			} else {
				s.WriteString("<p>" + esc(w.get("amended_unknown")) + "</p>")
			}
			e.Content = htmlT(s.String())
			out = append(out, e)
		}
	}
	return out
}

// periodHTML tells what a period brought: the counts by status as of its
// end, its approved reports, the changes since the period before and who
// did not report.
func (b *builder) periodHTML(h *status.Period) string {
	w := b.w
	var s strings.Builder
	s.WriteString("<p>" + esc(w.get("feed_status_asof", w.date(h.Period.End))) + "</p><ul>")
	if snap := h.Snapshot; snap != nil {
		for _, st := range status.Order {
			if n := snap.MilestoneCounts[st]; n > 0 {
				s.WriteString("<li>" + esc(w.status(st)+": "+w.n("n_tasks", snap.TaskCounts[st])+", "+w.n("n_milestones", n)) + "</li>")
			}
		}
	}
	s.WriteString("</ul>")
	s.WriteString("<h3>" + esc(w.get("feed_new_reports_heading")) + "</h3><ul>")
	for _, r := range h.Reports {
		s.WriteString("<li>" + link(b.url(reportPath(r)), w.agency(r.Agency)) + esc(", "+w.report(r)) + "</li>")
	}
	s.WriteString("</ul>")
	switch {
	case h.Previous == nil:
		s.WriteString("<p>" + esc(w.get("feed_first_period")) + "</p>")
	case len(h.Changes) == 0:
		s.WriteString("<p>" + esc(w.get("feed_no_changes", w.periodName(h.Previous.Period))) + "</p>")
	default:
		s.WriteString("<h3>" + esc(w.get("feed_changes_since", w.periodName(h.Previous.Period))) + "</h3>")
		b.changesHTML(&s, h.Changes)
	}
	if len(h.Missing) > 0 {
		names := make([]string, len(h.Missing))
		for i, a := range h.Missing {
			names[i] = w.agencyName(a)
		}
		s.WriteString("<p>" + esc(w.get("feed_missing", strings.Join(names, ", "))) + "</p>")
	}
	return s.String()
}

// changesHTML lists status changes with their sources.
func (b *builder) changesHTML(s *strings.Builder, changes []status.Change) {
	w := b.w
	s.WriteString("<ul>")
	for _, c := range changes {
		s.WriteString("<li>")
		if c.Milestone.Task != nil {
			linkTo(s, b.url(taskPath(c.Milestone.Task)), w.milestone(c.Milestone))
		} else {
			escTo(s, w.milestone(c.Milestone))
		}
		escTo(s, " — ", w.agencyName(c.Agency), ": ", w.msStatus(c.From, c.Milestone), " → ", w.msStatus(c.To, c.Milestone))
		if c.Source != nil && c.Source.Report != nil {
			r := c.Source.Report
			escTo(s, " (", w.get("feed_source"), " ")
			linkTo(s, b.url(reportPath(r)), w.agency(r.Agency), ", ", w.report(r))
			s.WriteString(")")
		}
		s.WriteString("</li>")
	}
	s.WriteString("</ul>")
}

// updatesHTML lists what reports said, each update with its report.
func (b *builder) updatesHTML(s *strings.Builder, items []reportUpdate, cite bool) {
	w := b.w
	s.WriteString("<ul>")
	for _, it := range items {
		r, u := it.report, it.update
		s.WriteString("<li>")
		escTo(s, w.milestone(it.milestone))
		if b.p.Agencies.Group(it.milestone.Owner) != nil || u.Member != r.Agency {
			escTo(s, " — ", w.agency(u.Member))
		}
		st := w.updateState(u.State)
		if u.State == plan.StateWaiting {
			if l := it.milestone.WaitingLabel(w.lang); l != "" {
				st = l
			}
		}
		escTo(s, ": ", st)
		if !u.DoneOn.IsZero() {
			escTo(s, " ", w.get("feed_done_on", w.date(u.DoneOn)))
		}
		if u.Progress != nil {
			escTo(s, ", ", strconv.Itoa(*u.Progress), "%")
		}
		if cite {
			escTo(s, " (", w.get("feed_per"), " ")
			linkTo(s, b.url(reportPath(r)), w.agency(r.Agency), ", ", w.report(r))
			s.WriteString(")")
		}
		s.WriteString(".")
		if len(u.Evidence) > 0 {
			s.WriteString("<br>")
			escTo(s, w.get("feed_documents", strings.Join(u.Evidence, "; ")))
		}
		if u.Note != "" {
			s.WriteString("<br>")
			escTo(s, u.Note)
		}
		s.WriteString("</li>")
	}
	s.WriteString("</ul>")
}

// reportUpdate is one update of one approved report, with its milestone.
type reportUpdate struct {
	report    *plan.Report
	update    *plan.Update
	milestone *plan.Milestone
}

// milestones indexes the plan's milestones by id.
func (b *builder) milestones() map[string]*plan.Milestone {
	if b.ms == nil {
		b.ms = b.p.Plan.MilestonesByID()
	}
	return b.ms
}

// ---- task feeds ----

func (b *builder) taskFeed(t *plan.Task) *atomFeed {
	w := b.w
	var entries []entry
	for _, h := range b.hist {
		x := b.index(h)
		changes, ups := x.changesByTask[t], x.upsByTask[t]
		if len(changes) == 0 && len(ups) == 0 {
			continue
		}
		page := b.url(taskPath(t))
		e := entry{when: b.updated[h], period: h.Period}
		e.ID = page + "#" + h.Period.ID
		e.Title = textT(w.task(t) + " — " + w.periodName(h.Period))
		e.Updated = stamp(e.when)
		e.Links = []atomLink{alternate(page), {Rel: "related", Type: "text/html", Href: b.url(periodPath(h.Period.ID))}}
		e.Summary = textT(w.n("feed_status_changes", len(changes)) + "; " + w.n("feed_report_updates", len(ups)) + ".")
		var s strings.Builder
		if st, ok := x.taskStatus[t]; ok {
			s.WriteString("<p>" + esc(w.get("feed_task_status_asof", w.date(h.Period.End))+" "))
			s.WriteString("<strong>" + esc(w.status(st)) + "</strong>.</p>")
		}
		if len(changes) > 0 {
			s.WriteString("<h3>" + esc(w.get("feed_changes")) + "</h3>")
			b.changesHTML(&s, changes)
		}
		if len(ups) > 0 {
			s.WriteString("<h3>" + esc(w.get("feed_updates")) + "</h3>")
			b.updatesHTML(&s, ups, true)
		}
		e.Content = htmlT(s.String())
		entries = append(entries, e)
	}
	return b.feed(TaskFeed(t), taskPath(t), w.task(t)+": "+w.taskTitle(t),
		w.get("feed_task_subtitle"), entries)
}

// ---- agency feeds ----

func (b *builder) agencyFeed(a *plan.Agency) *atomFeed {
	w := b.w
	ms := b.milestones()
	var entries []entry
	for _, h := range b.hist {
		x := b.index(h)
		for _, r := range x.reportsByAgency[a.ID] {
			href := b.url(reportPath(r))
			e := entry{when: r.Approval.ApprovedOn, period: h.Period}
			if e.when.IsZero() {
				e.when = b.updated[h]
			}
			e.ID = href
			e.Title = textT(w.get("feed_report_title", r.Number, w.periodName(h.Period)))
			e.Updated = stamp(e.when)
			e.Links = []atomLink{alternate(href)}
			e.Summary = textT(fmt.Sprintf("%s, %s; %s.", w.agency(r.Agency), w.report(r), w.n("feed_progress_updates", len(r.Updates))))
			var s strings.Builder
			s.WriteString("<p>" + link(href, w.agency(r.Agency)+", "+w.report(r)) + esc(", "+w.periodName(h.Period)+". "))
			s.WriteString(esc(w.get("feed_approved_on", w.date(r.Approval.ApprovedOn))) + "</p>")
			var ups []reportUpdate
			for _, u := range r.Updates {
				if m := ms[u.Milestone]; m != nil {
					ups = append(ups, reportUpdate{r, u, m})
				}
			}
			if len(ups) > 0 {
				b.updatesHTML(&s, ups, false)
			}
			e.Content = htmlT(s.String())
			entries = append(entries, e)
		}
		for _, c := range x.changesByAgency[a.ID] {
			m := c.Milestone
			e := entry{when: b.updated[h], period: h.Period}
			e.ID = b.url(agencyPath(a.ID)) + "#" + h.Period.ID + "-" + m.ID
			e.Title = textT(w.milestone(m) + ": " + w.msStatus(c.From, c.Milestone) + " → " + w.msStatus(c.To, c.Milestone))
			e.Updated = stamp(e.when)
			page := b.url(periodPath(h.Period.ID))
			if m.Task != nil {
				page = b.url(taskPath(m.Task))
			}
			e.Links = []atomLink{alternate(page)}
			e.Summary = textT(fmt.Sprintf("%s, %s: %s → %s.", w.periodTitle(h.Period), w.agencyName(a), w.msStatus(c.From, m), w.msStatus(c.To, m)))
			var s strings.Builder
			s.WriteString("<p>" + esc(w.periodTitle(h.Period)+".") + "</p>")
			if m.Task != nil {
				s.WriteString("<p>" + link(page, w.task(m.Task)+": "+w.taskTitle(m.Task)) + "</p>")
			}
			s.WriteString("<p>" + esc(w.milestone(m)+": "+w.action(m)) + "</p>")
			b.changesHTML(&s, []status.Change{c})
			e.Content = htmlT(s.String())
			entries = append(entries, e)
		}
	}
	return b.feed(AgencyFeed(a.ID), agencyPath(a.ID), w.agencyName(a),
		w.get("feed_agency_subtitle"), entries)
}

func esc(s string) string { return html.EscapeString(s) }

// escTo writes the parts to s, each escaped as html.EscapeString escapes
// it, without making the escaped strings.
func escTo(s *strings.Builder, parts ...string) {
	for _, p := range parts {
		last := 0
		for i := 0; i < len(p); i++ {
			var e string
			switch p[i] {
			case '<':
				e = "&lt;"
			case '>':
				e = "&gt;"
			case '&':
				e = "&amp;"
			case '\'':
				e = "&#39;"
			case '"':
				e = "&#34;"
			default:
				continue
			}
			s.WriteString(p[last:i])
			s.WriteString(e)
			last = i + 1
		}
		s.WriteString(p[last:])
	}
}

// linkTo writes to s an HTML link to href whose text is the parts, both
// escaped: what link(href, strings.Join(text, "")) returns.
func linkTo(s *strings.Builder, href string, text ...string) {
	s.WriteString(`<a href="`)
	escTo(s, href)
	s.WriteString(`">`)
	escTo(s, text...)
	s.WriteString("</a>")
}

// link writes an HTML link with escaped text and address.
func link(href, text string) string {
	return `<a href="` + esc(href) + `">` + esc(text) + `</a>`
}
