package plan

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Finding is one problem of a report found by CheckReport: the field it is
// at, and a message key with its arguments (see package msg). The field is
// a path in the report's front matter: "" for the report as a whole,
// "date", "approval", "approval.approved_on", "updates.2", "updates.2.done_on".
// Each reader maps it to a place of its own: the loader to a line and a
// column of the file, the workbook to a cell.
type Finding struct {
	Field string
	// Value is whether the finding is at the field's value rather than at
	// its key or table.
	Value bool
	Key   string
	Args  []any
	// Earlier, for "update.duplicate", is the field of the update written
	// before ("updates.0"): the reader appends where it is to Args.
	Earlier string
}

// CheckReport makes of the report r every check plan.Load makes of a
// report file once it is decoded: the agency, the period (and, when r.File
// is set, its folder), the date, the number, the approval, and each update
// (the milestone, who may report on it, the state, the dates, the progress,
// the texts), given the plan and the agencies of p. Like Load, it completes
// r: the period is parsed into PeriodInfo, an update without a member is
// the reporting agency's, a done update without progress is 100%.
//
// The findings are in the order the fields are checked; the report is good
// when there are none.
func CheckReport(p *Project, r *Report) []Finding {
	c := reportCheck{p: p, refs: true, planOK: true}
	c.run(r)
	return c.out
}

// reportCheck is one run of CheckReport; the loader sets refs and planOK
// from what it could read (see loader) and shares its milestone index.
type reportCheck struct {
	p            *Project
	refs, planOK bool
	ms           map[string]*Milestone
	msIDs        func() []string
	// today is the day dates are checked against (zero: the machine's);
	// skip, when set, tells the milestone ids whose checks are held back
	// because the id itself is the problem (see loader.unchecked).
	today Date
	skip  func(id string) bool
	out   []Finding
}

func (c *reportCheck) found(field, key string, args ...any) {
	c.out = append(c.out, Finding{Field: field, Key: key, Args: args})
}

func (c *reportCheck) foundValue(field, key string, args ...any) {
	c.out = append(c.out, Finding{Field: field, Value: true, Key: key, Args: args})
}

func (c *reportCheck) milestones() map[string]*Milestone {
	if c.ms == nil {
		c.ms = map[string]*Milestone{}
		for _, t := range c.p.Plan.Tasks {
			for _, m := range t.Milestones {
				c.ms[m.ID] = m
			}
		}
	}
	return c.ms
}

func (c *reportCheck) milestoneIDs() []string {
	if c.msIDs != nil {
		return c.msIDs()
	}
	ids := make([]string, 0, len(c.milestones()))
	for id := range c.milestones() {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func (c *reportCheck) run(r *Report) {
	reg := c.p.Agencies
	switch {
	case r.Agency == "":
		c.found("", "field.required", "agency")
	case c.refs && reg.Agency(r.Agency) == nil:
		key := "ref.agency"
		if reg.Group(r.Agency) != nil {
			key = "report.groupAgency"
		}
		c.foundValue("agency", key, r.Agency, suggest(r.Agency, ids(reg.Agencies)))
	}
	if r.Period == "" {
		c.found("", "field.required", "period")
	} else if per, err := ParsePeriod(r.Period); err != nil {
		c.foundValue("period", "period.form", r.Period)
	} else {
		r.PeriodInfo = per
		if r.File != "" {
			if dir := path.Base(path.Dir(r.File)); dir != r.Period {
				c.foundValue("period", "report.folder", r.Period, dir)
			}
		}
		if !r.Date.IsZero() && r.Date.Before(per.Start) {
			c.foundValue("date", "report.dateBeforePeriod", r.Date.Vietnamese(), r.Period, per.Start.Vietnamese())
		}
	}
	if r.Date.IsZero() {
		c.found("", "field.required", "date")
	}
	c.text("number", r.Number, r.Approval.State == Approved)
	a := r.Approval
	switch {
	case a.State == "":
		c.found("approval", "field.required", "approval.state")
	case !slices.Contains(ApprovalStates, a.State):
		c.foundValue("approval.state", "value.oneOf", "approval.state", a.State, strings.Join(ApprovalStates, ", "))
	case a.State == Approved:
		if strings.TrimSpace(a.ApprovedBy) == "" {
			c.found("approval", "approval.by")
		}
		if a.ApprovedOn.IsZero() {
			c.found("approval", "approval.on")
		} else if !r.Date.IsZero() && a.ApprovedOn.Before(r.Date) {
			c.foundValue("approval.approved_on", "approval.beforeDate", a.ApprovedOn.Vietnamese(), r.Date.Vietnamese())
		}
	}
	c.updates(r)
	c.dates(r)
	c.digest(r)
}

// text reports a required text that is empty, or any text too long or not
// valid UTF-8 (as checkText does for the data files).
func (c *reportCheck) text(field, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		c.found(field, "field.required", lastKey(field))
	case !utf8.ValidString(s):
		c.foundValue(field, "text.utf8", lastKey(field))
	case len(s) > maxTextLen:
		c.foundValue(field, "text.tooLong", lastKey(field), maxTextLen)
	}
}

func (c *reportCheck) updates(r *Report) {
	reg := c.p.Agencies
	ms := c.milestones()
	seen := map[string]string{}
	for i, u := range r.Updates {
		up := fmt.Sprintf("updates.%d", i)
		m := ms[u.Milestone]
		switch {
		case u.Milestone == "":
			c.found(up, "field.required", "milestone")
		case m == nil && c.planOK:
			c.foundValue(up+".milestone", "ref.milestone", u.Milestone, suggest(u.Milestone, c.milestoneIDs()))
		}
		if u.Member == "" {
			u.Member = r.Agency
		}
		if m != nil && c.skip != nil && c.skip(u.Milestone) {
			m = nil // which of the two milestones is meant cannot be told
		}
		if m != nil && reg.Agency(r.Agency) != nil {
			g := reg.Group(m.Owner)
			switch {
			case g == nil && reg.Agency(m.Owner) == nil:
				// The plan names an owner that does not exist: that is
				// reported on the plan, not on every update of it.
			case g == nil && u.Member != m.Owner:
				c.foundValue(up+".milestone", "update.notOwner", r.Agency, u.Milestone, reg.OwnerName(m.Owner))
			case g != nil && !slices.Contains(g.Members, u.Member):
				c.foundValue(up+".milestone", "update.notMember", u.Member, u.Milestone, g.Name)
			case g != nil && !reg.MemberDuring(m.Owner, u.Member, r.PeriodInfo):
				line, written := g.membership(u.Member)
				c.foundValue(up+".milestone", "update.notMemberThen", u.Member, g.Name, r.Period, line, written, u.Milestone)
			case u.Member != r.Agency && r.Agency != c.p.Plan.Reporting.Compiler:
				c.foundValue(up+".member", "update.otherMember", r.Agency, u.Member)
			}
		}
		key := u.Milestone + "/" + u.Member
		if prev, dup := seen[key]; dup {
			c.out = append(c.out, Finding{Field: up, Key: "update.duplicate", Args: []any{u.Milestone}, Earlier: prev})
		} else {
			seen[key] = up
		}
		switch {
		case u.State == "":
			c.found(up, "field.required", "state")
		case !slices.Contains(UpdateStates, u.State):
			c.foundValue(up+".state", "value.oneOf", "state", u.State, strings.Join(UpdateStates, ", "))
		case u.State == StateWaiting && m != nil && m.Condition == "":
			c.foundValue(up+".state", "update.waitingNoCondition", u.Milestone)
		case u.State == StateDone && u.DoneOn.IsZero():
			c.found(up, "update.doneOnMissing")
		case u.State != StateDone && !u.DoneOn.IsZero():
			c.foundValue(up+".done_on", "update.doneOnNotDone", u.State)
		}
		if !u.DoneOn.IsZero() && !r.Date.IsZero() && u.DoneOn.After(r.Date) {
			c.foundValue(up+".done_on", "update.doneAfterReport", u.DoneOn.Vietnamese(), r.Date.Vietnamese())
		}
		if u.Progress != nil && (*u.Progress < 0 || *u.Progress > 100) {
			c.foundValue(up+".progress", "update.progress", *u.Progress)
		}
		if u.State == StateDone && u.Progress == nil {
			hundred := 100
			u.Progress = &hundred
		}
		c.text(up+".note", u.Note, false)
		for _, e := range u.Evidence {
			c.text(up+".evidence", e, true)
		}
	}
}

// checkReport runs CheckReport for the loader and tells each finding at
// its line in the file.
func (l *loader) checkReport(r *Report, p *Project, kp keyPositions) {
	file := r.File
	for i, u := range r.Updates {
		u.Pos = kp.at(file, fmt.Sprintf("updates.%d", i))
	}
	c := reportCheck{p: p, refs: l.refs, planOK: l.planOK, ms: l.milestones(p), msIDs: func() []string { return l.milestoneIDs(p) },
		today: l.opt.todayDate(), skip: l.unchecked}
	c.run(r)
	for _, f := range c.out {
		pos := Pos{File: file, Line: 1, Col: 1}
		switch {
		case f.Field == "":
		case f.Value:
			pos = kp.value(file, f.Field)
		default:
			pos = kp.at(file, f.Field)
		}
		args := f.Args
		if f.Earlier != "" {
			e := kp.at(file, f.Earlier)
			args = append(slices.Clip(args), fmt.Sprintf("%s:%d", file, e.Line))
		}
		l.ps.list = append(l.ps.list, Problem{Pos: pos, Key: f.Key, Args: args})
	}
	if len(c.out) == 0 && r.Approval.State == Approved && r.Approval.Digest == "" {
		l.notices.add(kp.at(file, "approval"), "approval.noDigest", file)
	}
}
