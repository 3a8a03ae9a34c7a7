package plan

// Report is one progress report an agency sends for one period.
type Report struct {
	Agency string `toml:"agency"`
	Period string `toml:"period"`
	// Number is the report's official number, such as "45/BC-SNV".
	Number   string    `toml:"number"`
	Date     Date      `toml:"date"`
	Sample   bool      `toml:"sample"`
	Approval Approval  `toml:"approval"`
	Updates  []*Update `toml:"updates"`

	// Body is the narrative, in Markdown.
	Body string `toml:"-"`
	// File is the report's path from the source root, with slashes.
	File string `toml:"-"`
	// PeriodInfo is Period parsed.
	PeriodInfo Period `toml:"-"`
	// Problems are what is wrong with a report that is not approved; such a
	// report is left out of everything, whatever its problems.
	Problems Problems `toml:"-"`
	// Unread marks a report that is not approved and whose file could not
	// be read: only its file, its state, its problems and what could be
	// made out of its agency and period are known.
	Unread bool `toml:"-"`
	// Preview marks a draft or submitted report shown in a drafts preview
	// (minhbach serve --drafts) as if it were approved.
	Preview bool `toml:"-"`
	Pos     Pos  `toml:"-"`
}

// The approval states of a report. Only an approved report is published.
const (
	Draft     = "draft"
	Submitted = "submitted"
	Approved  = "approved"
	Rejected  = "rejected"
)

// ApprovalStates are the values Approval.State may take.
var ApprovalStates = []string{Draft, Submitted, Approved, Rejected}

// Approval records who approved a report for publication, and when.
type Approval struct {
	State      string `toml:"state"`
	ApprovedBy string `toml:"approved_by"`
	ApprovedOn Date   `toml:"approved_on"`
	// Note is the reviewer's note, such as why a report was rejected. It is
	// never published.
	Note string `toml:"note"`
	// Digest is the SHA-256 of the report's content as approved
	// ("sha256:<64 hex digits>", see Report.ContentDigest), written by
	// minhbach approve: a build refuses an approved report whose content no
	// longer matches it. Empty in a report approved by hand.
	Digest string `toml:"digest"`
	// Amendments are the changes recorded after the report was approved
	// (minhbach approve --amend), oldest first.
	Amendments []Amendment `toml:"amendments"`
}

// Amendment records one change to a report after it was approved: when,
// who approved the change, why, the digest of the content before it, and
// what changed (one line per change, as approve --amend found them by
// comparing with the copy kept when the content was approved).
type Amendment struct {
	On      Date     `toml:"on"`
	By      string   `toml:"by"`
	Reason  string   `toml:"reason"`
	Before  string   `toml:"before"`
	Changes []string `toml:"changes"`
}

// Update is what a report says about one milestone (for one member of a
// group milestone).
type Update struct {
	Milestone string `toml:"milestone"`
	// Member is the agency the update is for when the milestone's owner is a
	// group; it defaults to the reporting agency.
	Member   string   `toml:"member"`
	State    string   `toml:"state"`
	DoneOn   Date     `toml:"done_on"`
	Progress *int     `toml:"progress"`
	Evidence []string `toml:"evidence"`
	Note     string   `toml:"note"`

	Pos Pos `toml:"-"`
}

// The states an update reports.
const (
	StateNotStarted = "not-started"
	StateInProgress = "in-progress"
	StateWaiting    = "waiting"
	StateDone       = "done"
)

// UpdateStates are the values Update.State may take.
var UpdateStates = []string{StateNotStarted, StateInProgress, StateWaiting, StateDone}

// IsPublished reports whether r may appear on the public site.
func (r *Report) IsPublished() bool {
	return (r.Approval.State == Approved || r.Preview) && len(r.Problems) == 0
}

// IsApproved reports whether r is approved (and not only shown in a
// preview).
func (r *Report) IsApproved() bool { return r.Approval.State == Approved && len(r.Problems) == 0 }

// Published returns the reports the public may see.
func (p *Project) Published() []*Report {
	var out []*Report
	for _, r := range p.Reports {
		if r.IsPublished() {
			out = append(out, r)
		}
	}
	return out
}
