// Package plan is the domain of minhbach: an implementation plan, the agencies
// that carry it out, and the progress reports they send each period.
//
// It loads and validates the portal's source files through an afero.Fs and
// knows nothing of Hugo or of how the site is presented.
package plan

// Project is everything a portal is built from: the plan, the agencies and
// every report found in the source tree, published or not.
type Project struct {
	Plan     *Plan
	Agencies *Registry
	// Reports holds every report file, whatever its approval state, in the
	// order of their period folder, then of their agency (never of their
	// file name). Use Published to get the ones the public may see.
	Reports []*Report
	// Skipped lists every file under content/ and data/ that was not read,
	// with why (see walk.go); Notices are warnings about files that were
	// read, such as one converted from UTF-16.
	Skipped []Skipped
	Notices Problems
}

// Plan is an implementation plan as issued: its legal basis, purpose,
// requirements, tasks and the duty to report.
type Plan struct {
	Title        string   `toml:"title"`
	TitleEn      string   `toml:"title_en"`
	Short        string   `toml:"short_title"`
	ShortEn      string   `toml:"short_title_en"`
	Number       string   `toml:"number"`
	Issuer       string   `toml:"issuer"`
	Date         Date     `toml:"date"` // the day of issue, when known (see IssuedBound)
	Preamble     string   `toml:"preamble"`
	Basis        []Basis  `toml:"basis"`
	Purpose      []string `toml:"purpose"`
	Requirements []string `toml:"requirements"`
	// Implementation holds the paragraphs of the plan's section on how it is
	// carried out (oversight, the duty to report, amendments), as written.
	Implementation []string  `toml:"implementation"`
	Reporting      Reporting `toml:"reporting"`
	Tasks          []*Task   `toml:"tasks"`
	// Text is the plan's full text, line by line (see Text).
	Text Text `toml:"text"`

	File string `toml:"-"`
}

// Basis is a document the plan is issued under.
type Basis struct {
	Number string `toml:"number"`
	Date   Date   `toml:"date"`
	Issuer string `toml:"issuer"`
	Title  string `toml:"title"`
}

// Reporting is the duty to report: who compiles, to whom, how often.
type Reporting struct {
	// Text is the plan's own wording of the duty.
	Text string `toml:"text"`
	// Compiler is the agency that receives and compiles the reports.
	Compiler string `toml:"compiler"`
	// Recipient is the body the compiled report goes to.
	Recipient string `toml:"recipient"`
	// Every names the regular periods: "H1" and "year" (6-monthly and yearly).
	Every []string `toml:"every"`
}

// Task is one numbered item of the plan.
type Task struct {
	Number     int          `toml:"number"`
	Slug       string       `toml:"slug"`
	Title      string       `toml:"title"`
	TitleEn    string       `toml:"title_en"`
	Overseer   string       `toml:"overseer"`
	Aliases    []string     `toml:"aliases"`
	Milestones []*Milestone `toml:"milestones"`

	Pos Pos `toml:"-"`
}

// Milestone is one thing a task asks of one owner by one deadline.
type Milestone struct {
	ID            string   `toml:"id"`
	Owner         string   `toml:"owner"`
	Partners      []string `toml:"partners"`
	OtherPartners []string `toml:"other_partners"`
	Action        string   `toml:"action"`
	ActionEn      string   `toml:"action_en"`
	Deliverable   string   `toml:"deliverable"`
	// DueText is the deadline as written in the data file (see ParseDue).
	DueText string `toml:"due"`
	// Due is DueText parsed; filled in by Load.
	Due Due `toml:"-"`
	// Condition is the plan's wording of what the clock waits for, such as
	// "sau khi có hướng dẫn của Trung ương". A milestone with a condition may
	// be reported as waiting, which pauses its deadline.
	Condition string `toml:"condition"`
	// Waiting and WaitingEn name the status of the milestone while it waits
	// for its condition (see WaitingLabel).
	Waiting   string `toml:"waiting"`
	WaitingEn string `toml:"waiting_en"`
	// Ref is where in the plan's text the milestone comes from ("II.6.a.p2"),
	// and DueRef where the plan gives its time ("II.6.b.d2"); see Block.Ref.
	Ref    string `toml:"ref"`
	DueRef string `toml:"due_ref"`
	// Source and DueSource are Ref and DueRef resolved; filled in by Load.
	Source    Place `toml:"-"`
	DueSource Place `toml:"-"`

	Task *Task `toml:"-"`
	Pos  Pos   `toml:"-"`
}

// Pos is a place in a source file, for messages.
type Pos struct {
	File string
	Line int
	Col  int
}

// MilestonesByID returns a new index of the plan's milestones by id (of
// milestones sharing an id, which the loader reports, the last).
func (p *Plan) MilestonesByID() map[string]*Milestone {
	out := map[string]*Milestone{}
	for _, t := range p.Tasks {
		for _, m := range t.Milestones {
			out[m.ID] = m
		}
	}
	return out
}
