package plan

import (
	"bytes"
	"sort"
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
	l.checkReport(r, p, kp)
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
		if onlyKey(l.ps.list[before:], "approval.changed") {
			// An approved report changed after its approval: the build
			// stops (the problem stays), and the report is kept, marked by
			// its problem (so never published), for approve --amend to
			// record the change.
			r.Problems = append(r.Problems, l.ps.list[before:]...)
			return r
		}
		return nil
	}
	return r
}

// onlyKey reports whether every problem of ps has the key.
func onlyKey(ps []Problem, key string) bool {
	for _, p := range ps {
		if p.Key != key {
			return false
		}
	}
	return len(ps) > 0
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
