package view

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
	// Text is the plan as issued, line by line (empty when the plan file
	// has no [[text]]: the page then lays out the fields above), Toc its
	// table of contents.
	Text []TextLineV `json:"text,omitempty"`
	Toc  []TocV      `json:"toc,omitempty"`
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
	TaskRefV
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
	if len(pl.Text) > 0 {
		v.Text = pr.textLines()
		v.Toc = pr.textToc(v.Text)
	}
	for _, ts := range pr.snap.Tasks {
		t := ts.Task
		pt := PlanTaskV{TaskRefV: taskRef(t, t.Title), Overseer: pr.overseer(t)}
		for _, ms := range ts.Milestones {
			mv := pr.milestone(ms, false)
			mv.Action = ms.Milestone.Action  // the plan text is shown as issued
			mv.Members, mv.Source = nil, nil // the plan, not its progress
			pt.Milestones = append(pt.Milestones, mv)
		}
		v.Tasks = append(v.Tasks, pt)
	}
	return pr.write("ke-hoach", page{Title: pr.w("title_plan"), Type: "plan", Description: pl.Title, Params: params{V: v}}, "")
}
