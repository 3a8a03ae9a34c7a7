package plan

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// This file holds the one rule of who reports on what, and when: a group's
// membership and an agency's duty to report each have a start and an
// optional end, so that adding a member or a reporting unit never rewrites
// the periods before it.
//
// The rule, used by the status, the loader, the report templates and the
// site alike:
//
//   - an agency is a member of a group on a day when the day falls within
//     one of its spans in the group (from and until both included);
//   - a status as of a day (a period is judged as of its last day) counts
//     the members of that day (MembersAt);
//   - an agency may report on its share of a group milestone for a period
//     when it was a member on some day of the period (SharesOf,
//     MemberDuring);
//   - an agency must send a report for a regular period when it had the
//     duty to report on the period's last day (MustReport).

// Bound is one end of a span of membership or of a duty to report, as
// written in agencies.toml: a reporting period ("2019", "2019-H1") or a day
// (2019-07-01, with or without quotes). A period as a start means its first
// day; as an end, its last day. A zero Bound is an open end.
type Bound struct {
	// Text is the value as written ("2019", "2019-07-01").
	Text string
	// quoted is whether Text was a TOML string, for messages.
	quoted bool
	// set is whether the key was written at all.
	set bool
}

// UnmarshalTOML accepts a string, a TOML local date or a year written as a
// number (from = 2019); anything else is kept as text and told by the
// loader.
func (b *Bound) UnmarshalTOML(v any) error {
	b.set = true
	switch x := v.(type) {
	case string:
		b.Text, b.quoted = x, true
	case time.Time:
		if x.Hour() != 0 || x.Minute() != 0 || x.Second() != 0 || x.Nanosecond() != 0 {
			b.Text = x.Format("2006-01-02T15:04:05")
		} else {
			b.Text = x.Format("2006-01-02")
		}
	case int64:
		b.Text = strconv.FormatInt(x, 10)
	default:
		b.Text = fmt.Sprint(x)
		if b.Text == "" {
			b.Text = "?"
		}
	}
	return nil
}

// IsSet reports whether the bound was written.
func (b Bound) IsSet() bool { return b.set }

// written returns the bound as written in TOML.
func (b Bound) written() string {
	if b.quoted {
		return strconv.Quote(b.Text)
	}
	return b.Text
}

// day returns the day a bound stands for: the first day of a period when
// it starts a span (end false), its last day when it ends one.
func (b Bound) day(end bool) (Date, bool) {
	s := strings.TrimSpace(b.Text)
	if len(s) == 10 {
		d, err := ParseDate(s)
		if err != nil || d.Year < minYear || d.Year > maxYear {
			return Date{}, false
		}
		return d, true
	}
	per, err := ParsePeriod(s)
	if err != nil || !per.Regular() {
		return Date{}, false
	}
	if end {
		return per.End, true
	}
	return per.Start, true
}

// Span is the days from From to Until, both included. A zero From is "from
// the start"; a zero Until is "with no end".
type Span struct {
	From, Until Date
}

// Contains reports whether day falls within s. The zero day stands for
// "now, with no date" (a portal with no approved report yet): it falls
// within every span that has no end.
func (s Span) Contains(day Date) bool {
	if day.IsZero() {
		return s.Until.IsZero()
	}
	if !s.From.IsZero() && day.Before(s.From) {
		return false
	}
	return s.Until.IsZero() || !day.After(s.Until)
}

// Meets reports whether s and the days of per share a day. A zero per
// (a period that could not be read) meets every span.
func (s Span) Meets(per Period) bool {
	if per.ID == "" {
		return true
	}
	if !s.From.IsZero() && per.End.Before(s.From) {
		return false
	}
	return s.Until.IsZero() || !per.Start.After(s.Until)
}

// overlaps reports whether two spans share a day.
func (s Span) overlaps(t Span) bool {
	startsBeforeTEnds := s.From.IsZero() || t.Until.IsZero() || !s.From.After(t.Until)
	tStartsBeforeSEnds := t.From.IsZero() || s.Until.IsZero() || !t.From.After(s.Until)
	return startsBeforeTEnds && tStartsBeforeSEnds
}

// Member is one agency's membership of a group, as written in the group's
// members: a plain id ("so-noi-vu", a member from the start) or a table
// { id = "so-noi-vu", from = "2019", until = "2020-H1" }.
type Member struct {
	ID    string `toml:"id"`
	From  Bound  `toml:"from"`
	Until Bound  `toml:"until"`
	// Span is From and Until as days; filled in by Load.
	Span Span `toml:"-"`
	Pos  Pos  `toml:"-"`

	// table is whether the member was written as a table; unknown its keys
	// other than id, from and until; bad the value as written when it is
	// neither an id nor a table, or an id that is not a string.
	table   bool
	unknown []string
	bad     string
}

// UnmarshalTOML accepts an id or a table with id, from and until. What is
// wrong is kept and told by the loader, with the line.
func (m *Member) UnmarshalTOML(v any) error {
	switch x := v.(type) {
	case string:
		m.ID = x
	case map[string]any:
		m.table = true
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			switch k {
			case "id":
				s, ok := x[k].(string)
				if !ok {
					m.bad = fmt.Sprint(x[k])
				}
				m.ID = s
			case "from":
				_ = m.From.UnmarshalTOML(x[k])
			case "until":
				_ = m.Until.UnmarshalTOML(x[k])
			default:
				m.unknown = append(m.unknown, k)
			}
		}
	default:
		m.bad = fmt.Sprint(x)
	}
	return nil
}

// written returns the member as written in TOML, for messages.
func (m Member) written() string {
	if !m.table {
		return strconv.Quote(m.ID)
	}
	parts := []string{"id = " + strconv.Quote(m.ID)}
	if m.From.set {
		parts = append(parts, "from = "+m.From.written())
	}
	if m.Until.set {
		parts = append(parts, "until = "+m.Until.written())
	}
	return "{ " + strings.Join(parts, ", ") + " }"
}

// memberKeys are the keys of a member table.
var memberKeys = []string{"id", "from", "until"}

// spans returns the group's members as written, or, for a group made in Go
// with Members only, each of them a member from the start.
func (g *Group) spans() []Member {
	if len(g.Membership) > 0 {
		return g.Membership
	}
	out := make([]Member, len(g.Members))
	for i, id := range g.Members {
		out[i] = Member{ID: id, Pos: g.Pos}
	}
	return out
}

// MembersAt returns the agencies an owner id stands for on day: the agency
// itself, or the members of a group on that day, each once, in the order
// the group lists them. A zero day means "now, with no date": the members
// whose membership has no end.
func (r *Registry) MembersAt(owner string, day Date) []*Agency {
	if a := r.agencies[owner]; a != nil {
		return []*Agency{a}
	}
	g := r.groups[owner]
	if g == nil {
		return nil
	}
	spans := g.spans()
	out := make([]*Agency, 0, len(spans))
	var seen map[string]bool // only for a unit listed more than once
	if len(spans) != len(g.Members) {
		seen = map[string]bool{}
	}
	for _, m := range spans {
		a := r.agencies[m.ID]
		if a == nil || seen[a.ID] || !m.Span.Contains(day) {
			continue
		}
		if seen != nil {
			seen[a.ID] = true
		}
		out = append(out, a)
	}
	return out
}

// MemberDuring reports whether agency holds a share of owner's milestones
// on some day of per: it is the owner, or a member of the owning group on
// a day of the period.
func (r *Registry) MemberDuring(owner, agency string, per Period) bool {
	if owner == agency && r.agencies[agency] != nil {
		return true
	}
	g := r.groups[owner]
	if g == nil || r.agencies[agency] == nil {
		return false
	}
	for _, m := range g.spans() {
		if m.ID == agency && m.Span.Meets(per) {
			return true
		}
	}
	return false
}

// GroupsAt returns the groups agency is a member of on day (see MembersAt
// for a zero day), in the order of the registry.
func (r *Registry) GroupsAt(agency string, day Date) []*Group {
	var out []*Group
	for _, g := range r.Groups {
		for _, m := range g.spans() {
			if m.ID == agency && m.Span.Contains(day) {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// membership returns the line and the text of agency's entries in group g,
// for messages.
func (g *Group) membership(agency string) (int, string) {
	line := 0
	var parts []string
	for _, m := range g.spans() {
		if m.ID == agency {
			if line == 0 {
				line = m.Pos.Line
			}
			parts = append(parts, m.written())
		}
	}
	return line, strings.Join(parts, ", ")
}

// ReportsOn reports whether a has the duty to report on day: reports = true
// and day within reports_from and reports_until (see Span.Contains for a
// zero day).
func (a *Agency) ReportsOn(day Date) bool { return a.Reports && a.Duty.Contains(day) }

// MustReport reports whether agency a must send a report for period per:
// per is a regular period (6-monthly or yearly) and a had the duty to
// report on its last day.
func (r *Registry) MustReport(a *Agency, per Period) bool {
	return per.Regular() && a.ReportsOn(per.End)
}

// Share is one agency's part of one milestone: the milestone itself when
// the agency owns it, or its own share when the owner is a group the agency
// belongs to.
type Share struct {
	Milestone *Milestone
	// Member is the agency whose part it is.
	Member string
	// Group is the owning group when the milestone is owned by a group, and
	// nil when it is owned by Member alone.
	Group *Group
}

// SharesOf returns, in plan order, the shares agency reports on for period
// per: every milestone it owns, and its part of every milestone owned by a
// group it is a member of on some day of per.
func (p *Project) SharesOf(agency string, per Period) []Share {
	reg := p.Agencies
	if reg.Agency(agency) == nil {
		return nil
	}
	var out []Share
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			switch g := reg.Group(m.Owner); {
			case m.Owner == agency:
				out = append(out, Share{Milestone: m, Member: agency})
			case g != nil && reg.MemberDuring(m.Owner, agency, per):
				out = append(out, Share{Milestone: m, Member: agency, Group: g})
			}
		}
	}
	return out
}

// orderReports puts reports in the order of their period folder, then of
// their agency, so that no output depends on the name of a report's file;
// the file name only breaks a tie between reports of one agency for one
// period (which can be published together only in a drafts preview).
func orderReports(rs []*Report) {
	sort.SliceStable(rs, func(i, j int) bool {
		a, b := rs[i], rs[j]
		if da, db := path.Dir(a.File)+"/", path.Dir(b.File)+"/"; da != db {
			return da < db
		}
		if a.Agency != b.Agency {
			return a.Agency < b.Agency
		}
		return a.File < b.File
	})
}

// checkMembers validates the members of group g (the i-th group), fills in
// each member's span and position and g.Members.
func (l *loader) checkMembers(r *Registry, g *Group, i int, kp keyPositions) {
	const f = AgenciesFile
	p := fmt.Sprintf("groups.%d.members", i)
	agencyIDs := map[string]bool{}
	for _, a := range r.Agencies {
		agencyIDs[a.ID] = true
		if !ValidID(a.ID) {
			agencyIDs[suggestID(a.ID)] = true // told once, as id.form (see indexMeant)
		}
	}
	g.Members = nil
	listed := map[string]bool{}
	var ok []*Member
	for j := range g.Membership {
		m := &g.Membership[j]
		m.Pos = kp.at(f, fmt.Sprintf("%s.#%d", p, j))
		if _, table := kp[fmt.Sprintf("%s.%d", p, j)]; table {
			// Written as [[groups.members]]: the table's own header.
			m.Pos = kp.at(f, fmt.Sprintf("%s.%d", p, j))
		}
		switch {
		case m.bad != "":
			l.ps.add(m.Pos, "member.form", g.ID, j+1, m.bad)
			continue
		case m.ID == "":
			l.ps.add(m.Pos, "member.noID", g.ID, j+1)
			continue
		}
		for _, k := range m.unknown {
			l.ps.add(m.Pos, "member.unknownKey", g.ID, m.ID, k, suggest(k, memberKeys))
		}
		good := true
		if !agencyIDs[m.ID] {
			l.ps.add(m.Pos, "group.unknownMember", g.ID, m.ID, suggest(m.ID, ids(r.Agencies)))
			good = false
		}
		var okFrom, okUntil bool
		m.Span, okFrom, okUntil = l.span(m.Pos, m.From, m.Until)
		if okFrom && okUntil && !m.Span.From.IsZero() && !m.Span.Until.IsZero() && m.Span.Until.Before(m.Span.From) {
			l.ps.add(m.Pos, "member.order", m.ID, g.ID, m.Until.written(), m.From.written())
			good = false
		}
		if !listed[m.ID] {
			listed[m.ID] = true
			g.Members = append(g.Members, m.ID)
		}
		if !good || !okFrom || !okUntil {
			// Told above: the member counts as one from the start and for
			// ever, so that its reports are not refused because of it.
			m.Span = Span{}
			continue
		}
		for _, prev := range ok {
			if prev.ID == m.ID && prev.Span.overlaps(m.Span) {
				if !prev.table && !m.table {
					l.ps.add(m.Pos, "group.duplicateMember", g.ID, m.ID)
				} else {
					l.ps.add(m.Pos, "member.overlap", g.ID, m.ID, prev.written(), prev.Pos.Line, m.written())
				}
				break
			}
		}
		ok = append(ok, m)
	}
}

// span reads a from and an until, telling what cannot be read at pos.
func (l *loader) span(pos Pos, from, until Bound) (s Span, okFrom, okUntil bool) {
	okFrom, okUntil = true, true
	if from.set {
		if s.From, okFrom = from.day(false); !okFrom {
			l.ps.add(pos, "span.form", "from", from.written())
		}
	}
	if until.set {
		if s.Until, okUntil = until.day(true); !okUntil {
			l.ps.add(pos, "span.form", "until", until.written())
		}
	}
	return s, okFrom, okUntil
}

// checkDuty validates the span of agency a's duty to report (the agency at
// path p) and fills in a.Duty.
func (l *loader) checkDuty(a *Agency, p string, kp keyPositions) {
	const f = AgenciesFile
	if !a.ReportsFrom.set && !a.ReportsUntil.set {
		return
	}
	pos := kp.value(f, p+".reports_from")
	if !a.ReportsFrom.set {
		pos = kp.value(f, p+".reports_until")
	}
	if !a.Reports {
		key := "reports_from"
		if !a.ReportsFrom.set {
			key = "reports_until"
		}
		l.ps.add(pos, "duty.noReports", a.ID, key)
	}
	s := Span{}
	okFrom, okUntil := true, true
	if a.ReportsFrom.set {
		if s.From, okFrom = a.ReportsFrom.day(false); !okFrom {
			l.ps.add(kp.value(f, p+".reports_from"), "span.form", "reports_from", a.ReportsFrom.written())
		}
	}
	if a.ReportsUntil.set {
		if s.Until, okUntil = a.ReportsUntil.day(true); !okUntil {
			l.ps.add(kp.value(f, p+".reports_until"), "span.form", "reports_until", a.ReportsUntil.written())
		}
	}
	if !s.From.IsZero() && !s.Until.IsZero() && s.Until.Before(s.From) {
		l.ps.add(kp.value(f, p+".reports_until"), "duty.order", a.ID, a.ReportsUntil.written(), a.ReportsFrom.written())
		s = Span{}
	}
	if !okFrom || !okUntil {
		s = Span{} // told above; no knock-on problems
	}
	a.Duty = s
}
