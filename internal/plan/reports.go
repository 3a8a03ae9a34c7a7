package plan

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
)

// loadReports reads every report file under ReportsDir (see walkSources for
// which files are reports, and how the others are told). A report file is
// TOML front matter between two "+++" lines, then the narrative.
func (l *loader) loadReports(p *Project) []*Report {
	files := l.walkSources()
	l.checkSkippedReports()
	var out []*Report
	for _, f := range files {
		if r := l.loadReport(f, p); r != nil {
			out = append(out, r)
		}
	}
	l.checkReportSet(out)
	return out
}

// splitFrontMatter returns the TOML between the "+++" lines, the body, and
// the line the TOML starts on.
func splitFrontMatter(src []byte) (front, body []byte, ok bool) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(src, []byte("+++\n")) {
		return nil, nil, false
	}
	rest := src[4:]
	end := bytes.Index(rest, []byte("\n+++"))
	if end < 0 {
		return nil, nil, false
	}
	after := rest[end+4:]
	if len(after) > 0 && after[0] != '\n' {
		return nil, nil, false
	}
	return rest[:end+1], bytes.TrimPrefix(after, []byte("\n")), true
}

func (l *loader) loadReport(file string, p *Project) *Report {
	// Problems from here on belong to this report: an unknown key as much
	// as a wrong milestone id (see the end of the function).
	before := len(l.ps.list)
	src, ok := l.read(file, l.opt.maxReport)
	if !ok {
		return l.unreadReport(file, src, before)
	}
	top := Pos{File: file, Line: 1, Col: 1}
	front, body, ok := splitFrontMatter(src)
	if !ok {
		l.ps.add(top, "report.frontMatter")
		return l.unreadReport(file, src, before)
	}
	r := &Report{File: file, Body: cleanText(string(body)), Pos: top}
	kp, ok := l.decode(file, front, 1, r)
	if !ok {
		return l.unreadReport(file, src, before)
	}
	reg := p.Agencies
	switch {
	case r.Agency == "":
		l.ps.add(top, "field.required", "agency")
	case l.refs && reg.Agency(r.Agency) == nil:
		key := "ref.agency"
		if reg.Group(r.Agency) != nil {
			key = "report.groupAgency"
		}
		l.ps.add(kp.value(file, "agency"), key, r.Agency, suggest(r.Agency, ids(reg.Agencies)))
	}
	if r.Period == "" {
		l.ps.add(top, "field.required", "period")
	} else if per, err := ParsePeriod(r.Period); err != nil {
		l.ps.add(kp.value(file, "period"), "period.form", r.Period)
	} else {
		r.PeriodInfo = per
		if dir := path.Base(path.Dir(file)); dir != r.Period {
			l.ps.add(kp.value(file, "period"), "report.folder", r.Period, dir)
		}
		if !r.Date.IsZero() && r.Date.Before(per.Start) {
			l.ps.add(kp.value(file, "date"), "report.dateBeforePeriod", r.Date.Vietnamese(), r.Period, per.Start.Vietnamese())
		}
	}
	if r.Date.IsZero() {
		l.ps.add(top, "field.required", "date")
	}
	l.checkText(kp, file, "number", r.Number, r.Approval.State == Approved)
	a := r.Approval
	switch {
	case a.State == "":
		l.ps.add(kp.at(file, "approval"), "field.required", "approval.state")
	case !slices.Contains(ApprovalStates, a.State):
		l.ps.add(kp.value(file, "approval.state"), "value.oneOf", "approval.state", a.State, strings.Join(ApprovalStates, ", "))
	case a.State == Approved:
		if strings.TrimSpace(a.ApprovedBy) == "" {
			l.ps.add(kp.at(file, "approval"), "approval.by")
		}
		if a.ApprovedOn.IsZero() {
			l.ps.add(kp.at(file, "approval"), "approval.on")
		} else if !r.Date.IsZero() && a.ApprovedOn.Before(r.Date) {
			l.ps.add(kp.value(file, "approval.approved_on"), "approval.beforeDate", a.ApprovedOn.Vietnamese(), r.Date.Vietnamese())
		}
	}
	l.checkUpdates(r, p, kp)
	l.checkDates(r, p, kp)
	if len(l.ps.list) > before {
		if r.Approval.State == Draft || r.Approval.State == Submitted || r.Approval.State == Rejected {
			// A report that is not approved is never published, so what is
			// wrong with it does not stop a build: it is told as a warning
			// and the report is left out until it is fixed.
			r.Problems = append(r.Problems, l.ps.list[before:]...)
			r.Problems.sort()
			l.ps.list = l.ps.list[:before]
			return r
		}
		return nil
	}
	return r
}

func (l *loader) checkUpdates(r *Report, p *Project, kp keyPositions) {
	file := r.File
	reg := p.Agencies
	ms := l.milestones(p)
	seen := map[string]string{}
	for i, u := range r.Updates {
		up := fmt.Sprintf("updates.%d", i)
		u.Pos = kp.at(file, up)
		m := ms[u.Milestone]
		switch {
		case u.Milestone == "":
			l.ps.add(u.Pos, "field.required", "milestone")
		case m == nil && l.planOK:
			l.ps.add(kp.value(file, up+".milestone"), "ref.milestone", u.Milestone, suggest(u.Milestone, l.milestoneIDs(p)))
		}
		if u.Member == "" {
			u.Member = r.Agency
		}
		if m != nil && l.unchecked(u.Milestone) {
			m = nil // which of the two milestones is meant cannot be told
		}
		if m != nil && reg.Agency(r.Agency) != nil {
			g := reg.Group(m.Owner)
			switch {
			case g == nil && reg.Agency(m.Owner) == nil:
				// The plan names an owner that does not exist: that is
				// reported on the plan, not on every update of it.
			case g == nil && u.Member != m.Owner:
				l.ps.add(kp.value(file, up+".milestone"), "update.notOwner", r.Agency, u.Milestone, reg.OwnerName(m.Owner))
			case g != nil && !slices.Contains(g.Members, u.Member):
				l.ps.add(kp.value(file, up+".milestone"), "update.notMember", u.Member, u.Milestone, g.Name)
			case u.Member != r.Agency && r.Agency != p.Plan.Reporting.Compiler:
				l.ps.add(kp.value(file, up+".member"), "update.otherMember", r.Agency, u.Member)
			}
		}
		key := u.Milestone + "/" + u.Member
		if prev, dup := seen[key]; dup {
			l.ps.add(u.Pos, "update.duplicate", u.Milestone, prev)
		}
		seen[key] = fmt.Sprintf("%s:%d", file, u.Pos.Line)
		switch {
		case u.State == "":
			l.ps.add(u.Pos, "field.required", "state")
		case !slices.Contains(UpdateStates, u.State):
			l.ps.add(kp.value(file, up+".state"), "value.oneOf", "state", u.State, strings.Join(UpdateStates, ", "))
		case u.State == StateWaiting && m != nil && m.Condition == "":
			l.ps.add(kp.value(file, up+".state"), "update.waitingNoCondition", u.Milestone)
		case u.State == StateDone && u.DoneOn.IsZero():
			l.ps.add(u.Pos, "update.doneOnMissing")
		case u.State != StateDone && !u.DoneOn.IsZero():
			l.ps.add(kp.value(file, up+".done_on"), "update.doneOnNotDone", u.State)
		}
		if !u.DoneOn.IsZero() && !r.Date.IsZero() && u.DoneOn.After(r.Date) {
			l.ps.add(kp.value(file, up+".done_on"), "update.doneAfterReport", u.DoneOn.Vietnamese(), r.Date.Vietnamese())
		}
		if u.Progress != nil && (*u.Progress < 0 || *u.Progress > 100) {
			l.ps.add(kp.value(file, up+".progress"), "update.progress", *u.Progress)
		}
		if u.State == StateDone && u.Progress == nil {
			hundred := 100
			u.Progress = &hundred
		}
		l.checkText(kp, file, up+".note", u.Note, false)
		for _, e := range u.Evidence {
			l.checkText(kp, file, up+".evidence", e, true)
		}
	}
}

// checkReportSet reports two approved reports from one agency for one
// period.
func (l *loader) checkReportSet(rs []*Report) {
	first := map[string]*Report{}
	for _, r := range rs {
		if !r.IsPublished() {
			continue
		}
		k := r.Period + "/" + r.Agency
		if prev, dup := first[k]; dup {
			l.ps.add(r.Pos, "report.duplicateApproved", r.Agency, r.Period, prev.File)
			continue
		}
		first[k] = r
	}
}

// milestones indexes the plan's milestones by id, once per load.
func (l *loader) milestones(p *Project) map[string]*Milestone {
	if l.msIndex == nil {
		l.msIndex = map[string]*Milestone{}
		for _, t := range p.Plan.Tasks {
			for _, m := range t.Milestones {
				l.msIndex[m.ID] = m
			}
		}
	}
	return l.msIndex
}

// milestoneIDs lists the milestone ids in order, for suggestions; it is
// only needed when a report names an unknown milestone.
func (l *loader) milestoneIDs(p *Project) []string {
	ids := make([]string, 0, len(l.milestones(p)))
	for id := range l.milestones(p) {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}
