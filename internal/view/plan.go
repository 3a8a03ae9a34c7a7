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
		pt := PlanTaskV{Number: t.Number, Title: t.Title, URL: TaskURL(t.Slug)}
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
	return pr.write("ke-hoach", page{Title: pr.w("title_plan"), Type: "plan", Description: pl.Title, Params: params{V: v}}, "")
}
