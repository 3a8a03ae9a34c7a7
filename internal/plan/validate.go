package plan

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/fold"
)

// idRE is the form of every id and slug: lowercase ASCII letters and digits
// in words joined by single hyphens. It keeps ids safe in URLs and file
// names: no dots, slashes, backslashes or look-alike letters.
var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

const maxIDLen = 80

// ValidID reports whether s may be used as an id or slug.
func ValidID(s string) bool { return len(s) <= maxIDLen && idRE.MatchString(s) }

// checkID reports an id that is missing or not of the safe form.
func (l *loader) checkID(kp keyPositions, file, path, id string) bool {
	switch {
	case id == "":
		l.ps.add(kp.at(file, path), "field.required", lastKey(path))
		return false
	case !ValidID(id):
		l.ps.add(kp.value(file, path), "id.form", lastKey(path), id, suggestID(id))
		return false
	}
	return true
}

// checkText reports a required text that is empty, or any text too long or
// not valid UTF-8.
func (l *loader) checkText(kp keyPositions, file, path, s string, required bool) {
	switch {
	case required && strings.TrimSpace(s) == "":
		l.ps.add(kp.at(file, path), "field.required", lastKey(path))
	case !utf8.ValidString(s):
		l.ps.add(kp.value(file, path), "text.utf8", lastKey(path))
	case len(s) > maxTextLen:
		l.ps.add(kp.value(file, path), "text.tooLong", lastKey(path), maxTextLen)
	}
}

func lastKey(path string) string {
	parts := strings.Split(path, ".")
	for i := len(parts) - 1; i >= 0; i-- {
		if _, err := fmt.Sscanf(parts[i], "%d", new(int)); err != nil {
			return parts[i]
		}
	}
	return path
}

// suggestID turns a name into the id form, for hints.
func suggestID(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range fold.String(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if len(out) > maxIDLen {
		out = strings.TrimSuffix(out[:maxIDLen], "-")
	}
	if out == "" {
		return "vi-du-1"
	}
	return out
}

// uniqueID checks the id of the agencies.toml table at path p, written at
// pos, and that no table before it in seen (id -> "file:line") has it; it
// adds it to seen.
func (l *loader) uniqueID(kp keyPositions, seen map[string]string, p, id string, pos Pos) {
	const f = AgenciesFile
	if !l.checkID(kp, f, p+".id", id) {
		return
	}
	if prev, dup := seen[id]; dup {
		l.ps.add(kp.value(f, p+".id"), "id.duplicate", id, prev)
	}
	seen[id] = fmt.Sprintf("%s:%d", f, pos.Line)
}

// textField is a text field of a table: its key, its value, and whether
// it is required.
type textField struct {
	key, value string
	required   bool
}

// checkEntry checks the agencies.toml table at path p (an agency or a
// group): its id, unique among those in seen (uniqueID), and its text
// fields (checkText). It returns where the table is.
func (l *loader) checkEntry(kp keyPositions, seen map[string]string, p, id string, fields []textField) Pos {
	pos := kp.at(AgenciesFile, p)
	l.uniqueID(kp, seen, p, id, pos)
	for _, t := range fields {
		l.checkText(kp, AgenciesFile, p+"."+t.key, t.value, t.required)
	}
	return pos
}

// checkAliases checks the former ids (aliases) of the table at path p of
// file f, whose addresses are at level lv: each has the form of an id, is
// no segment the site reserves there (checkReserved, suggesting the id
// after prefix) and no id or alias already in seen (id -> "file:line"), to
// which it is added as written at where.
func (l *loader) checkAliases(kp keyPositions, f, p string, list []string, seen map[string]string, where string, lv Level, prefix string) {
	for _, a := range list {
		switch {
		case !ValidID(a):
			l.ps.add(kp.value(f, p+".aliases"), "id.form", "aliases", a, suggestID(a))
		case !l.checkReserved(kp.value(f, p+".aliases"), "aliases", a, prefix, lv):
		case seen[a] != "":
			l.ps.add(kp.value(f, p+".aliases"), "id.duplicate", a, seen[a])
		default:
			seen[a] = where
		}
	}
}

func (l *loader) checkRegistry(r *Registry, kp keyPositions) {
	const f = AgenciesFile
	seen := map[string]string{}
	for i, a := range r.Agencies {
		p := fmt.Sprintf("agencies.%d", i)
		a.Pos = l.checkEntry(kp, seen, p, a.ID, []textField{{"name", a.Name, true}, {"name_en", a.NameEn, false}, {"short", a.Short, false}, {"head", a.Head, false}})
		if ValidID(a.ID) {
			// An agency names its page and, reporting, its reports' pages.
			l.checkReserved(kp.value(f, p+".id"), "id", a.ID, agencyPrefix, AgencyLevel, ReportLevel)
		}
		if kinds := r.KindIDs(); a.Kind != "" && !slices.Contains(kinds, a.Kind) {
			l.ps.add(kp.value(f, p+".kind"), "value.oneOf", "kind", a.Kind, strings.Join(kinds, ", "))
		}
		l.checkDuty(a, p, kp)
	}
	for i, g := range r.Groups {
		p := fmt.Sprintf("groups.%d", i)
		g.Pos = l.checkEntry(kp, seen, p, g.ID, []textField{{"name", g.Name, true}, {"head", g.Head, false}, {"scope", g.Scope, false}, {"scope_en", g.ScopeEn, false}})
		if ValidID(g.ID) {
			l.checkReserved(kp.value(f, p+".id"), "id", g.ID, agencyPrefix, AgencyLevel)
		}
		if g.Partial && g.Scope == "" {
			l.ps.add(kp.at(f, p), "group.partialScope", g.ID)
		}
		l.checkMembers(r, g, i, kp)
		if len(g.Members) == 0 {
			l.ps.add(kp.at(f, p+".members"), "group.empty", g.ID)
		}
	}
	// Aliases are former ids whose pages redirect: checked once every live
	// id is known, so that an alias naming a live agency or group is an
	// error wherever it is written.
	aliases := func(p string, list []string) {
		l.checkAliases(kp, f, p, list, seen, fmt.Sprintf("%s:%d", f, kp.value(f, p+".aliases").Line), AgencyLevel, agencyPrefix)
	}
	for i, a := range r.Agencies {
		aliases(fmt.Sprintf("agencies.%d", i), a.Aliases)
	}
	for i, g := range r.Groups {
		aliases(fmt.Sprintf("groups.%d", i), g.Aliases)
	}
	kinds := map[string]string{}
	for i, k := range r.Kinds {
		p := fmt.Sprintf("kinds.%d", i)
		k.Pos = kp.at(f, p)
		l.uniqueID(kp, kinds, p, k.ID, k.Pos)
		l.checkText(kp, f, p+".name", k.Name, true)
		l.checkText(kp, f, p+".name_en", k.NameEn, false)
	}
	roles := map[string]string{}
	for i, x := range r.Roles {
		p := fmt.Sprintf("roles.%d", i)
		x.Pos = kp.at(f, p)
		l.uniqueID(kp, roles, p, x.ID, x.Pos)
		l.checkText(kp, f, p+".title", x.Title, true)
	}
}

func ids(as []*Agency) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func (r *Registry) ownerIDs() []string {
	out := ids(r.Agencies)
	for _, g := range r.Groups {
		out = append(out, g.ID)
	}
	return out
}

func (r *Registry) roleIDs() []string {
	var out []string
	for _, x := range r.Roles {
		out = append(out, x.ID)
	}
	return out
}

func (l *loader) checkPlan(p *Plan, r *Registry, kp keyPositions) {
	const f = PlanFile
	l.checkText(kp, f, "title", p.Title, true)
	l.checkText(kp, f, "preamble", p.Preamble, false)
	if l.refs && p.Issuer != "" && r.Agency(p.Issuer) == nil {
		l.ps.add(kp.value(f, "issuer"), "ref.agency", p.Issuer, suggest(p.Issuer, ids(r.Agencies)))
	}
	if c := p.Reporting.Compiler; l.refs && c != "" && r.Agency(c) == nil {
		l.ps.add(kp.value(f, "reporting.compiler"), "ref.agency", c, suggest(c, ids(r.Agencies)))
	}
	if c := p.Reporting.Recipient; l.refs && c != "" && r.Agency(c) == nil {
		l.ps.add(kp.value(f, "reporting.recipient"), "ref.agency", c, suggest(c, ids(r.Agencies)))
	}
	for i, b := range p.Basis {
		bp := fmt.Sprintf("basis.%d", i)
		l.checkText(kp, f, bp+".number", b.Number, true)
		l.checkText(kp, f, bp+".title", b.Title, true)
	}
	if len(p.Tasks) == 0 {
		l.ps.add(Pos{File: f, Line: 1, Col: 1}, "plan.noTasks")
	}
	numbers := map[int]string{}
	slugs := map[string]string{}
	milestones := map[string]string{}
	for i, t := range p.Tasks {
		tp := fmt.Sprintf("tasks.%d", i)
		t.Pos = kp.at(f, tp)
		here := fmt.Sprintf("%s:%d", f, t.Pos.Line)
		if t.Number <= 0 {
			l.ps.add(kp.at(f, tp+".number"), "task.number", t.Number)
		} else if prev, dup := numbers[t.Number]; dup {
			l.ps.add(kp.value(f, tp+".number"), "task.duplicateNumber", t.Number, prev)
		} else {
			numbers[t.Number] = here
		}
		if l.checkID(kp, f, tp+".slug", t.Slug) && l.checkReserved(kp.value(f, tp+".slug"), "slug", t.Slug, taskPrefix, TaskLevel) {
			if prev, dup := slugs[t.Slug]; dup {
				l.ps.add(kp.value(f, tp+".slug"), "id.duplicate", t.Slug, prev)
			}
			slugs[t.Slug] = here
		}
		l.checkAliases(kp, f, tp, t.Aliases, slugs, here, TaskLevel, taskPrefix)
		l.checkText(kp, f, tp+".title", t.Title, true)
		l.checkText(kp, f, tp+".title_en", t.TitleEn, false)
		switch {
		case t.Overseer == "":
			// Optional: not every plan names who oversees each task.
		case l.refs && r.Role(t.Overseer) == nil:
			l.ps.add(kp.value(f, tp+".overseer"), "ref.role", t.Overseer, suggest(t.Overseer, r.roleIDs()))
		}
		if len(t.Milestones) == 0 {
			l.ps.add(t.Pos, "task.noMilestones", t.Number)
		}
		for j, m := range t.Milestones {
			mp := fmt.Sprintf("%s.milestones.%d", tp, j)
			m.Task = t
			m.Pos = kp.at(f, mp)
			if l.checkID(kp, f, mp+".id", m.ID) {
				if prev, dup := milestones[m.ID]; dup {
					l.ps.add(kp.value(f, mp+".id"), "id.duplicate", m.ID, prev)
				}
				milestones[m.ID] = fmt.Sprintf("%s:%d", f, m.Pos.Line)
			}
			switch {
			case m.Owner == "":
				l.ps.add(m.Pos, "field.required", "owner")
			case l.refs && r.Agency(m.Owner) == nil && r.Group(m.Owner) == nil:
				l.ps.add(kp.value(f, mp+".owner"), "ref.owner", m.Owner, suggest(m.Owner, r.ownerIDs()))
			}
			for _, pa := range m.Partners {
				if l.refs && r.Agency(pa) == nil && r.Group(pa) == nil {
					l.ps.add(kp.value(f, mp+".partners"), "ref.owner", pa, suggest(pa, r.ownerIDs()))
				}
			}
			l.checkText(kp, f, mp+".action", m.Action, true)
			l.checkText(kp, f, mp+".deliverable", m.Deliverable, false)
			l.checkText(kp, f, mp+".condition", m.Condition, false)
			d, err := ParseDue(m.DueText)
			if err != nil {
				l.ps.add(kp.value(f, mp+".due"), "due.form", m.DueText)
			}
			m.Due = d
		}
	}
	l.checkPlanText(p, kp)
}
