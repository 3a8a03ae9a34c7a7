package plan

import "fmt"

// One mistake, one message first. A milestone id used twice in the plan
// would otherwise give an error on every update of it in every report
// (the updates of one owner checked against the other's milestone), and
// the one line that says what to fix would be lost among them. So the
// updates of such an id are not checked against either milestone: they
// are counted, and the count is told after the duplicate.

// findAmbiguous records every milestone id the plan uses more than once,
// with where its second use is written (where id.duplicate is told).
func (l *loader) findAmbiguous(p *Plan, kp keyPositions) {
	seen := map[string]bool{}
	for i, t := range p.Tasks {
		for j, m := range t.Milestones {
			if m.ID == "" {
				continue
			}
			if seen[m.ID] {
				if l.ambiguous == nil {
					l.ambiguous = map[string]*rootCause{}
				}
				if l.ambiguous[m.ID] == nil {
					l.ambiguous[m.ID] = &rootCause{pos: kp.value(PlanFile, fmt.Sprintf("tasks.%d.milestones.%d.id", i, j))}
				}
			}
			seen[m.ID] = true
		}
	}
}

// rootCause is a problem whose consequences are counted, not told.
type rootCause struct {
	pos   Pos
	count int
}

// unchecked reports whether the updates of milestone id are left
// unchecked because the id is ambiguous, and counts one.
func (l *loader) unchecked(id string) bool {
	if rc := l.ambiguous[id]; rc != nil {
		rc.count++
		return true
	}
	return false
}

// tellSuppressed tells, after each root cause, how many checks it held
// back.
func (l *loader) tellSuppressed() {
	for _, rc := range l.ambiguous {
		if rc.count > 0 {
			l.ps.add(rc.pos, "rootCause.suppressed", rc.count)
		}
	}
}

// fileRank orders the problems of the data files, on which everything
// else depends, before those of the reports.
func fileRank(file string) int {
	switch file {
	case AgenciesFile:
		return 0
	case PlanFile:
		return 1
	}
	return 2
}

// indexMeant makes an agency or group whose id is not of the safe form
// ("so-noi-vụ") findable under the id it was most likely meant to be
// ("so-noi-vu"), so that the one id.form error is not followed by a
// reference error on every use of that id in the plan and the reports.
// The load fails on the id.form error all the same.
func indexMeant(r *Registry) {
	for _, a := range r.Agencies {
		if m := suggestID(a.ID); !ValidID(a.ID) && r.agencies[m] == nil && r.groups[m] == nil {
			r.agencies[m] = a
		}
	}
	for _, g := range r.Groups {
		if m := suggestID(g.ID); !ValidID(g.ID) && r.agencies[m] == nil && r.groups[m] == nil {
			r.groups[m] = g
		}
	}
}
