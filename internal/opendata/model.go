package opendata

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Format names the layout of minhbach.json; it changes when a field is
// removed or changes meaning.
const Format = "minhbach/1"

// The JSON document: structs, not maps, so that keys keep their order.
// Dates are "YYYY-MM-DD" strings, "" for none; a status is its id, "" when
// no approved report exists yet.

// documentHead is the document up to its long lists (tasks, periods,
// reports), which writeDocument writes element by element after it.
type documentHead struct {
	Format string `json:"format"`
	// Sample is true when any published report is sample data.
	Sample bool   `json:"sample"`
	AsOf   string `json:"as_of"`
	// Period is the id of the latest period with an approved report on or
	// before as_of, "" for none.
	Period   string      `json:"period"`
	Statuses []statusDoc `json:"statuses"`
	Counts   []countDoc  `json:"counts"`
	Plan     planDoc     `json:"plan"`
	Agencies []agencyDoc `json:"agencies"`
	Groups   []groupDoc  `json:"groups"`
	Roles    []roleDoc   `json:"roles"`
}

type statusDoc struct {
	ID      string `json:"id"`
	LabelVi string `json:"label_vi"`
	LabelEn string `json:"label_en"`
	// Rank orders statuses worst first; a roll-up takes the lowest.
	Rank int `json:"rank"`
}

type countDoc struct {
	Status     string `json:"status"`
	Tasks      int    `json:"tasks"`
	Milestones int    `json:"milestones"`
	Members    int    `json:"members"`
}

type planDoc struct {
	Title          string     `json:"title"`
	TitleEn        string     `json:"title_en"`
	ShortTitle     string     `json:"short_title"`
	ShortTitleEn   string     `json:"short_title_en"`
	Number         string     `json:"number"`
	Issuer         string     `json:"issuer"`
	IssuerName     string     `json:"issuer_name"`
	Preamble       string     `json:"preamble"`
	Basis          []basisDoc `json:"basis"`
	Purpose        []string   `json:"purpose"`
	Requirements   []string   `json:"requirements"`
	Implementation []string   `json:"implementation"`
	Reporting      reportDuty `json:"reporting"`
	URL            string     `json:"url"`
}

type basisDoc struct {
	docRef
	Issuer string `json:"issuer"`
	Title  string `json:"title"`
}

// docRef is what an administrative document (a report, a document of the
// plan's legal basis) is cited by: its number ("45/BC-SNV") and its date.
type docRef struct {
	Number string `json:"number"`
	Date   string `json:"date"`
}

// ref returns the citation of the document numbered number of date.
func ref(number string, date plan.Date) docRef {
	return docRef{Number: number, Date: date.String()}
}

type reportDuty struct {
	Text      string   `json:"text"`
	Compiler  string   `json:"compiler"`
	Recipient string   `json:"recipient"`
	Every     []string `json:"every"`
}

// ownerDoc is what names an owner of milestones, an agency or a group: its
// id and its name in Vietnamese and English.
type ownerDoc struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
}

type agencyDoc struct {
	ownerDoc
	Short   string `json:"short"`
	Head    string `json:"head"`
	Kind    string `json:"kind"`
	Reports bool   `json:"reports"`
	// ReportsFrom and ReportsUntil bound the duty to report (first and
	// last day), when agencies.toml bounds it.
	ReportsFrom  string `json:"reports_from,omitempty"`
	ReportsUntil string `json:"reports_until,omitempty"`
	URL          string `json:"url"`
}

type groupDoc struct {
	ownerDoc
	Head    string   `json:"head"`
	Members []string `json:"members"`
	// Spans say when each member joined and left, when agencies.toml says
	// so for any of them; a member without a span was one from the start.
	Spans []spanDoc `json:"spans,omitempty"`
}

// spanDoc is one member's time in a group: first and last day, either
// empty for an open end.
type spanDoc struct {
	Agency string `json:"agency"`
	From   string `json:"from,omitempty"`
	Until  string `json:"until,omitempty"`
}

type roleDoc struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	TitleEn string `json:"title_en"`
}

type taskDoc struct {
	Number        int            `json:"number"`
	Slug          string         `json:"slug"`
	Aliases       []string       `json:"aliases"`
	Title         string         `json:"title"`
	TitleEn       string         `json:"title_en"`
	Overseer      string         `json:"overseer"`
	OverseerTitle string         `json:"overseer_title"`
	Leads         []string       `json:"leads"`
	Status        string         `json:"status"`
	URL           string         `json:"url"`
	Milestones    []milestoneDoc `json:"milestones"`
}

type milestoneDoc struct {
	ID            string      `json:"id"`
	Owner         string      `json:"owner"`
	OwnerName     string      `json:"owner_name"`
	OwnerIsGroup  bool        `json:"owner_is_group"`
	Partners      []string    `json:"partners"`
	OtherPartners []string    `json:"other_partners"`
	Action        string      `json:"action"`
	ActionEn      string      `json:"action_en"`
	Deliverable   string      `json:"deliverable"`
	Due           dueDoc      `json:"due"`
	Condition     string      `json:"condition"`
	Status        string      `json:"status"`
	Done          int         `json:"done"`
	Total         int         `json:"total"`
	Members       []memberDoc `json:"members"`
}

type dueDoc struct {
	// Text is the deadline in the data grammar ("2018-Q2", "ongoing"…).
	Text string `json:"text"`
	// The words are the deadline as the plan words it, with its condition
	// in parentheses when it has one (Milestone.DueWords).
	wordsDoc
	// LastDay is the last day on time, "" when the deadline has none.
	LastDay string `json:"last_day"`
}

// wordsDoc is a thing (a deadline, a period) in words, in Vietnamese and
// in English.
type wordsDoc struct {
	WordsVi string `json:"words_vi"`
	WordsEn string `json:"words_en"`
}

// inWords returns the words words gives in each language.
func inWords(words func(lang string) string) wordsDoc {
	return wordsDoc{WordsVi: words("vi"), WordsEn: words("en")}
}

type memberDoc struct {
	Agency string     `json:"agency"`
	Name   string     `json:"name"`
	Status string     `json:"status"`
	Source *sourceDoc `json:"source"`
}

// sourceDoc cites the report, and its update, that a status rests on.
type sourceDoc struct {
	Agency string `json:"agency"`
	Period string `json:"period"`
	docRef
	URL    string `json:"url"`
	State  string `json:"state"`
	DoneOn string `json:"done_on"`
}

type periodDoc struct {
	ID   string `json:"id"`
	Kind string `json:"kind"`
	wordsDoc
	Start    string      `json:"start"`
	End      string      `json:"end"`
	Previous string      `json:"previous"`
	URL      string      `json:"url"`
	Reports  []string    `json:"reports"`
	Missing  []string    `json:"missing"`
	Counts   []countDoc  `json:"counts"`
	Changes  []changeDoc `json:"changes"`
}

type changeDoc struct {
	Task      string     `json:"task"`
	Milestone string     `json:"milestone"`
	Agency    string     `json:"agency"`
	From      string     `json:"from"`
	To        string     `json:"to"`
	Source    *sourceDoc `json:"source"`
}

type reportDoc struct {
	Period     string `json:"period"`
	Agency     string `json:"agency"`
	AgencyName string `json:"agency_name"`
	docRef
	ApprovedBy string `json:"approved_by"`
	ApprovedOn string `json:"approved_on"`
	// Digest is the SHA-256 of the content as approved (or as last
	// amended); "" for a report approved by hand.
	Digest     string         `json:"digest"`
	Amendments []amendmentDoc `json:"amendments"`
	Sample     bool           `json:"sample"`
	URL        string         `json:"url"`
	Updates    []updateDoc    `json:"updates"`
	// Body is the narrative, in Markdown, as written.
	Body string `json:"body"`
}

// amendmentDoc is a change recorded after approval.
type amendmentDoc struct {
	On      string   `json:"on"`
	By      string   `json:"by"`
	Reason  string   `json:"reason"`
	Before  string   `json:"digest_before"`
	Changes []string `json:"changes"`
}

type updateDoc struct {
	Milestone string   `json:"milestone"`
	Member    string   `json:"member"`
	State     string   `json:"state"`
	DoneOn    string   `json:"done_on"`
	Progress  *int     `json:"progress"`
	Evidence  []string `json:"evidence"`
	Note      string   `json:"note"`
}

// list returns s, or an empty slice for nil, so that JSON shows [] rather
// than null.
func list[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// head returns the document's head: everything but the tasks, the periods
// and the reports.
func (d *data) head() documentHead {
	p := d.p
	doc := documentHead{
		Format:   Format,
		Sample:   d.sample(),
		AsOf:     d.asOf(),
		Statuses: []statusDoc{},
		Agencies: []agencyDoc{},
		Groups:   []groupDoc{},
		Roles:    []roleDoc{},
	}
	if !d.snap.NoData {
		doc.Period = d.snap.Period.ID
	}
	for i, s := range status.Order {
		doc.Statuses = append(doc.Statuses, statusDoc{ID: string(s), LabelVi: s.Label("vi"), LabelEn: s.Label("en"), Rank: i})
	}
	doc.Counts = counts(d.snap)
	doc.Plan = d.planDoc()
	for _, a := range p.Agencies.Agencies {
		doc.Agencies = append(doc.Agencies, agencyDoc{ownerDoc: ownerDoc{ID: a.ID, Name: a.Name, NameEn: a.NameEn}, Short: a.Short, Head: a.Head, Kind: a.Kind, Reports: a.Reports,
			ReportsFrom: a.Duty.From.String(), ReportsUntil: a.Duty.Until.String(), URL: d.url(agencyPath(a.ID))})
	}
	for _, g := range p.Agencies.Groups {
		gd := groupDoc{ownerDoc: ownerDoc{ID: g.ID, Name: g.Name, NameEn: g.NameEn}, Head: g.Head, Members: list(g.Members)}
		bounded := false
		for _, m := range g.Membership {
			gd.Spans = append(gd.Spans, spanDoc{Agency: m.ID, From: m.Span.From.String(), Until: m.Span.Until.String()})
			bounded = bounded || !m.Span.From.IsZero() || !m.Span.Until.IsZero()
		}
		if !bounded {
			gd.Spans = nil
		}
		doc.Groups = append(doc.Groups, gd)
	}
	for _, x := range p.Agencies.Roles {
		doc.Roles = append(doc.Roles, roleDoc{ID: x.ID, Title: x.Title, TitleEn: x.TitleEn})
	}
	return doc
}

// writeDocument writes minhbach.json to w: the bytes json.MarshalIndent
// gives for the whole document (with a trailing newline), but made one
// task, period and report at a time, so that the document is never held
// (560 MB at scale L).
func (d *data) writeDocument(w io.Writer) error {
	head, err := json.MarshalIndent(d.head(), "", "  ")
	if err != nil {
		return err
	}
	// The head is an object: "{\n  …\n}"; the long lists go on inside it.
	if _, err := w.Write(head[:len(head)-len("\n}")]); err != nil {
		return err
	}
	tasks := d.p.Plan.Tasks
	if err := writeList(w, "tasks", len(tasks), func(i int) any { return d.taskDoc(tasks[i]) }); err != nil {
		return err
	}
	if err := writeList(w, "periods", len(d.hist), func(i int) any { return d.periodDoc(d.hist[i]) }); err != nil {
		return err
	}
	if err := writeList(w, "reports", len(d.reports), func(i int) any { return d.reportDoc(d.reports[i]) }); err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n}\n")
	return err
}

// writeList writes a member of the document's top object that is a list of
// n elements, element i given by elem, indented as json.MarshalIndent
// indents it ("  " a level, elements on the second level).
func writeList(w io.Writer, name string, n int, elem func(int) any) error {
	key, _ := json.Marshal(name)
	if _, err := fmt.Fprintf(w, ",\n  %s: [", key); err != nil {
		return err
	}
	for i := range n {
		b, err := json.MarshalIndent(elem(i), "    ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n    "
		if i == 0 {
			sep = "\n    "
		}
		if _, err := io.WriteString(w, sep); err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	end := "]"
	if n > 0 {
		end = "\n  ]"
	}
	_, err := io.WriteString(w, end)
	return err
}

// counts lists, for each status worst first, how many tasks, milestones and
// members' shares have it; empty when there are no statuses.
func counts(s *status.Snapshot) []countDoc {
	out := []countDoc{}
	if s == nil || s.NoData {
		return out
	}
	for _, st := range status.Order {
		out = append(out, countDoc{Status: string(st), Tasks: s.TaskCounts[st], Milestones: s.MilestoneCounts[st], Members: s.MemberCounts[st]})
	}
	return out
}

func (d *data) planDoc() planDoc {
	pl := d.p.Plan
	out := planDoc{
		Title:          pl.Title,
		TitleEn:        pl.TitleEn,
		ShortTitle:     pl.Short,
		ShortTitleEn:   pl.ShortEn,
		Number:         pl.Number,
		Issuer:         pl.Issuer,
		IssuerName:     d.p.Agencies.OwnerName(pl.Issuer),
		Preamble:       pl.Preamble,
		Basis:          []basisDoc{},
		Purpose:        list(pl.Purpose),
		Requirements:   list(pl.Requirements),
		Implementation: list(pl.Implementation),
		Reporting: reportDuty{
			Text:      pl.Reporting.Text,
			Compiler:  pl.Reporting.Compiler,
			Recipient: pl.Reporting.Recipient,
			Every:     list(pl.Reporting.Every),
		},
		URL: d.url("ke-hoach/"),
	}
	for _, b := range pl.Basis {
		out.Basis = append(out.Basis, basisDoc{docRef: ref(b.Number, b.Date), Issuer: b.Issuer, Title: b.Title})
	}
	return out
}

func (d *data) taskDoc(t *plan.Task) taskDoc {
	reg := d.p.Agencies
	out := taskDoc{
		Number:        t.Number,
		Slug:          t.Slug,
		Aliases:       list(t.Aliases),
		Title:         t.Title,
		TitleEn:       t.TitleEn,
		Overseer:      t.Overseer,
		OverseerTitle: roleTitle(reg, t.Overseer),
		Leads:         list(leads(t)),
		Status:        string(d.taskStatus(t)),
		URL:           d.url(taskPath(t)),
		Milestones:    []milestoneDoc{},
	}
	for _, m := range t.Milestones {
		md := milestoneDoc{
			ID:            m.ID,
			Owner:         m.Owner,
			OwnerName:     reg.OwnerName(m.Owner),
			OwnerIsGroup:  reg.Group(m.Owner) != nil,
			Partners:      list(m.Partners),
			OtherPartners: list(m.OtherPartners),
			Action:        m.Action,
			ActionEn:      m.ActionEn,
			Deliverable:   m.Deliverable,
			Due:           dueDoc{Text: m.Due.String(), wordsDoc: inWords(m.DueWords), LastDay: dueLastDay(m)},
			Condition:     m.Condition,
			Members:       []memberDoc{},
		}
		ms := d.milestone(m)
		if ms != nil {
			md.Status, md.Done, md.Total = string(ms.Status), ms.Done, ms.Total
		}
		for _, a := range reg.MembersAt(m.Owner, d.snap.AsOf) {
			mem := memberDoc{Agency: a.ID, Name: a.Name}
			if sm := ms.Member(a.ID); sm != nil {
				mem.Status = string(sm.Status)
				mem.Source = d.sourceDoc(sm.Source)
			}
			md.Members = append(md.Members, mem)
		}
		if ms == nil {
			md.Total = len(md.Members)
		}
		out.Milestones = append(out.Milestones, md)
	}
	return out
}

func (d *data) sourceDoc(s *status.Source) *sourceDoc {
	if s == nil || s.Report == nil {
		return nil
	}
	out := &sourceDoc{Agency: s.Report.Agency, Period: s.Report.Period, docRef: ref(s.Report.Number, s.Report.Date), URL: d.url(reportPath(s.Report))}
	if s.Update != nil {
		out.State, out.DoneOn = s.Update.State, s.Update.DoneOn.String()
	}
	return out
}

func periodKind(k plan.PeriodKind) string {
	switch k {
	case plan.PeriodHalf:
		return "half"
	case plan.PeriodYear:
		return "year"
	case plan.PeriodAdHoc:
		return "ad-hoc"
	}
	return ""
}

func (d *data) periodDoc(h *status.Period) periodDoc {
	per := h.Period
	out := periodDoc{
		ID:       per.ID,
		Kind:     periodKind(per.Kind),
		wordsDoc: inWords(per.Words),
		Start:    per.Start.String(),
		End:      per.End.String(),
		URL:      d.url(periodPath(per.ID)),
		Reports:  []string{},
		Missing:  []string{},
		Counts:   counts(h.Snapshot),
		Changes:  []changeDoc{},
	}
	if h.Previous != nil {
		out.Previous = h.Previous.Period.ID
	}
	for _, r := range h.Reports {
		out.Reports = append(out.Reports, r.Agency)
	}
	for _, a := range h.Missing {
		out.Missing = append(out.Missing, a.ID)
	}
	for _, c := range h.Changes {
		cd := changeDoc{Milestone: c.Milestone.ID, From: string(c.From), To: string(c.To), Source: d.sourceDoc(c.Source)}
		if c.Milestone.Task != nil {
			cd.Task = c.Milestone.Task.Slug
		}
		if c.Agency != nil {
			cd.Agency = c.Agency.ID
		}
		out.Changes = append(out.Changes, cd)
	}
	return out
}

func (d *data) reportDoc(r *plan.Report) reportDoc {
	out := reportDoc{
		Period:     r.Period,
		Agency:     r.Agency,
		AgencyName: agencyName(d.p.Agencies, r.Agency),
		docRef:     ref(r.Number, r.Date),
		ApprovedBy: r.Approval.ApprovedBy,
		ApprovedOn: r.Approval.ApprovedOn.String(),
		Digest:     r.Approval.Digest,
		Amendments: []amendmentDoc{},
		Sample:     r.Sample,
		URL:        d.url(reportPath(r)),
		Updates:    []updateDoc{},
		Body:       r.Body,
	}
	for _, am := range r.Approval.Amendments {
		out.Amendments = append(out.Amendments, amendmentDoc{On: am.On.String(), By: am.By, Reason: am.Reason, Before: am.Before, Changes: list(am.Changes)})
	}
	for _, u := range r.Updates {
		out.Updates = append(out.Updates, updateDoc{
			Milestone: u.Milestone,
			Member:    u.Member,
			State:     u.State,
			DoneOn:    u.DoneOn.String(),
			Progress:  u.Progress,
			Evidence:  list(u.Evidence),
			Note:      u.Note,
		})
	}
	return out
}
