// Package view is the view model: it turns the domain (a loaded plan, its
// statuses, its shown reports) into what each page of the portal shows,
// one JSON file per page and language, plus the small content files that
// name them. It knows nothing of Hugo, which renders those pages
// (internal/render); every decision a page shows is made here.
package view

// The view model: what each generated page hands its template, as a JSON
// file of its own that the template reads while rendering the page
// (layouts/_partials/view.html; see page in present.go). Templates only lay
// these values out; every decision (status, labels, counts, links) is made
// in Go.

// StatusV is a status as shown: its key (for CSS classes) and label.
type StatusV struct {
	Key   string `json:"key"`
	Label string `json:"label"`
}

// LinkV is a named link; URL is relative to the language's root, with no
// leading slash (templates print it with relLangURL), and is empty when
// there is nothing to link to. The open-data files (du-lieu/…) exist only
// once, at the site's root: their paths are relative to the site's root
// (relURL).
type LinkV struct {
	Name string `json:"name"`
	URL  string `json:"url,omitempty"`
}

// SourceV cites the report a status comes from.
type SourceV struct {
	Agency string `json:"agency"`
	Number string `json:"number"`
	Date   string `json:"date"`
	Period string `json:"period"`
	URL    string `json:"url"`
	// State is the reported state ("Đang thực hiện"), Progress its percent
	// or -1, DoneOn the reported done date.
	State    string   `json:"state,omitempty"`
	Progress int      `json:"progress"`
	DoneOn   string   `json:"done_on,omitempty"`
	Evidence []string `json:"evidence,omitempty"`
	Note     string   `json:"note,omitempty"`
}

// CountV is one status with how many things have it.
type CountV struct {
	Status StatusV `json:"status"`
	Count  int     `json:"count"`
	// URL, when set, is the filtered list of what is counted.
	URL string `json:"url,omitempty"`
}

// TaskRefV names a task: its number, its title and its page.
type TaskRefV struct {
	Number int    `json:"number"`
	Title  string `json:"title"`
	URL    string `json:"url"`
}

// TaskRowV is a task in a table.
type TaskRowV struct {
	TaskRefV
	Leads    []LinkV  `json:"leads"`
	Due      []DueV   `json:"due"`
	Overseer string   `json:"overseer"`
	Status   *StatusV `json:"status,omitempty"`
}

// ShareV is where a share of a milestone stands (status.Member): its
// badge, the report it comes from, and how late it is.
type ShareV struct {
	Status *StatusV `json:"status,omitempty"`
	Source *SourceV `json:"source,omitempty"`
	// DaysLate is how late a done-late share was done, or how long an
	// overdue one is overdue, in days (status.Member.DaysLate).
	DaysLate int `json:"days_late,omitempty"`
	// Late says it in words (lateWords).
	Late string `json:"late,omitempty"`
}

// MemberV is one member's share of a milestone.
type MemberV struct {
	Agency LinkV `json:"agency"`
	ShareV
}

// HistoryV is a milestone's status as of one period.
type HistoryV struct {
	Period LinkV    `json:"period"`
	Status *StatusV `json:"status,omitempty"`
	Done   int      `json:"done"`
	Total  int      `json:"total"`
}

// DueV is a deadline as the plan words it, with the condition the plan
// sets on it (in Vietnamese, the plan's own words, in every language).
type DueV struct {
	Words     string `json:"words"`
	Condition string `json:"condition,omitempty"`
}

// MilestoneV is a milestone with its status.
type MilestoneV struct {
	ID            string   `json:"id"`
	Anchor        string   `json:"anchor"`
	Task          LinkV    `json:"task"`
	TaskNumber    int      `json:"task_number"`
	Owner         LinkV    `json:"owner"`
	IsGroup       bool     `json:"is_group"`
	Partners      []LinkV  `json:"partners,omitempty"`
	OtherPartners []string `json:"other_partners,omitempty"`
	Action        string   `json:"action"`
	Deliverable   string   `json:"deliverable,omitempty"`
	Due           string   `json:"due"`
	Condition     string   `json:"condition,omitempty"`
	// ShareV is where the milestone stands: for a one-owner milestone,
	// its one share's; for a group's, its overall status, with Done of
	// Total members done; in a list of shares, the share's.
	ShareV
	Done    int        `json:"done"`
	Total   int        `json:"total"`
	Members []MemberV  `json:"members,omitempty"`
	History []HistoryV `json:"history,omitempty"`
	// PlanRef names where in the plan's text the milestone comes from, in
	// the plan's own terms, and links to that line of the full text;
	// DueText is the plan's own sentence about its time (Vietnamese, as
	// written) and DueRef where it is. They are empty for a plan file
	// without [[text]].
	PlanRef *LinkV `json:"plan_ref,omitempty"`
	DueText string `json:"due_text,omitempty"`
	DueRef  *LinkV `json:"due_ref,omitempty"`
	// ActionVi is the plan's words on a page in another language: beside
	// Action, an abridged summary, when Summary is true; alone, untranslated,
	// when there is no summary (Action is then empty).
	ActionVi string `json:"action_vi,omitempty"`
	Summary  bool   `json:"summary,omitempty"`
	// ActionParts is the plan's words (Action on a Vietnamese page,
	// ActionVi on another) cut around the phrases its text marks as kept
	// although wrong (sic), and SicNote the editor's note on them; both
	// are empty when the words hold no such phrase.
	ActionParts []TextPartV `json:"action_parts,omitempty"`
	SicNote     string      `json:"sic_note,omitempty"`
	// Partial says that the owner is a group whose tracked list is not
	// every unit its name stands for (Group.Partial): the counts say
	// "tracked units"; Scope says what the list leaves out (on full
	// milestones, not on table rows).
	Partial bool   `json:"partial,omitempty"`
	Scope   string `json:"scope,omitempty"`
}

// ReportRefV names a report: the agency that sent it, the period it is
// for, its number and its date.
type ReportRefV struct {
	Agency LinkV  `json:"agency"`
	Period LinkV  `json:"period"`
	Number string `json:"number"`
	Date   string `json:"date"`
}

// ReportRowV is a report in a list.
type ReportRowV struct {
	ReportRefV
	URL   string `json:"url"`
	Draft bool   `json:"draft,omitempty"`

	end string // the period's last day, for sorting
}

// ChangeV is a status change between two periods.
type ChangeV struct {
	Milestone LinkV    `json:"milestone"`
	Agency    LinkV    `json:"agency"`
	From      *StatusV `json:"from,omitempty"`
	To        *StatusV `json:"to,omitempty"`
	Source    *SourceV `json:"source,omitempty"`
}

// SiteV is what every page needs: the as-of date, whether progress data
// is sample data, the latest period. It is Hugo data (hugo.Data.minhbach).
type SiteV struct {
	Lang        map[string]SiteLangV `json:"lang"`
	AsOf        string               `json:"as_of"`
	NoData      bool                 `json:"no_data"`
	Sample      bool                 `json:"sample"`
	Drafts      bool                 `json:"drafts"`
	Version     string               `json:"version"`
	StatusOrder []string             `json:"status_order"`
	// Method is the page that explains the statuses.
	Method string `json:"method"`
}

// SiteLangV is the language-dependent part of SiteV.
type SiteLangV struct {
	PlanTitle string `json:"plan_title"`
	Short     string `json:"short"`
	Issuer    string `json:"issuer"`
	// AsOf is the site's as-of date in words, Period the latest period:
	// the pages that show the statuses as of the site's date (the home,
	// status, kind, timeline and method pages) state them from here, as
	// the banner does, rather than from their own view models.
	AsOf   string `json:"as_of"`
	Period LinkV  `json:"period"`
	// Updated is the latest approval date among the published reports;
	// Next names the next regular reporting period.
	Updated string `json:"updated,omitempty"`
	Next    string `json:"next,omitempty"`
}

// PagerV links the pages of a list that goes on over several pages. URLs
// are relative to the language's root; Prev and Next are empty on the
// first and the last page.
type PagerV struct {
	// Label names the list, when a page has several lists that go on
	// over pages; empty means the default name.
	Label string       `json:"label,omitempty"`
	Pages []PagerPageV `json:"pages"`
	Prev  string       `json:"prev,omitempty"`
	Next  string       `json:"next,omitempty"`
}

// PagerPageV is one page of a list in its pager.
type PagerPageV struct {
	Number  int    `json:"number"`
	URL     string `json:"url"`
	Current bool   `json:"current,omitempty"`
}

// MilestonePageV is a further page of a long list of milestones: page 2
// and on of a period's or the timeline's list.
type MilestonePageV struct {
	ListPageV
	AsOf       string       `json:"as_of"`
	Milestones []MilestoneV `json:"milestones"`
}
