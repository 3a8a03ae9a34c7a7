package plan

import (
	"fmt"
	"time"
)

// WithToday sets the day Load takes as today, to tell a date in the future
// (tests pass a fixed day). It is used for validation only: statuses never
// depend on the wall clock.
func WithToday(d Date) Option {
	return func(o *options) { o.today = d }
}

// today is the day dates are checked against: the one WithToday set, or
// the machine's.
func (o options) todayDate() Date {
	if !o.today.IsZero() {
		return o.today
	}
	return NewDate(time.Now().Date())
}

// IssuedBound returns the earliest day anything done under p can be: the
// day the plan was issued, or, when the plan does not say, the date of its
// latest dated basis (it cannot have been issued before that). basis is
// the number of that document, "" when the plan's own date is the bound;
// the zero Date when nothing is known.
func (p *Plan) IssuedBound() (d Date, basis string) {
	if !p.Date.IsZero() {
		return p.Date, ""
	}
	for _, b := range p.Basis {
		if b.Date.After(d) {
			d, basis = b.Date, b.Number
		}
	}
	return d, basis
}

// checkPlanDate reports a plan issued before its own basis.
func (l *loader) checkPlanDate(p *Plan, kp keyPositions) {
	if p.Date.IsZero() {
		return
	}
	for _, b := range p.Basis {
		if b.Date.After(p.Date) {
			l.ps.add(kp.value(PlanFile, "date"), "plan.dateBeforeBasis", p.Date.Vietnamese(), b.Number, b.Date.Vietnamese())
			return
		}
	}
}

// dates tells the dates of r that cannot be right: after today (the
// report, its approval, a done date), or before the plan was issued.
func (c *reportCheck) dates(r *Report) {
	today := c.today
	if today.IsZero() {
		today = NewDate(time.Now().Date())
	}
	issued, basis := Date{}, ""
	if c.planOK {
		issued, basis = c.p.Plan.IssuedBound()
	}
	check := func(path, key string, d Date) {
		switch {
		case d.IsZero():
		case d.After(today):
			c.foundValue(path, "date.future", key, d.Vietnamese(), today.Vietnamese())
		case issued.IsZero() || !d.Before(issued):
		case basis == "":
			c.foundValue(path, "date.beforePlan", key, d.Vietnamese(), issued.Vietnamese())
		default:
			c.foundValue(path, "date.beforeBasis", key, d.Vietnamese(), basis, issued.Vietnamese())
		}
	}
	check("date", "date", r.Date)
	if !r.Approval.ApprovedOn.IsZero() && r.Approval.ApprovedOn.After(today) {
		c.foundValue("approval.approved_on", "date.future", "approved_on", r.Approval.ApprovedOn.Vietnamese(), today.Vietnamese())
	}
	for i, u := range r.Updates {
		if !r.Date.IsZero() && u.DoneOn.After(r.Date) && !r.Date.After(today) {
			continue // after the report's date: told as update.doneAfterReport
		}
		check(fmt.Sprintf("updates.%d.done_on", i), "done_on", u.DoneOn)
	}
}
