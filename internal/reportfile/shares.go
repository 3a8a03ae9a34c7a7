package reportfile

import (
	"strings"

	"github.com/minhbach/minhbach/internal/fold"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
)

// Share is one agency's part of one milestone (see plan.Share).
type Share = plan.Share

// Shares returns, in plan order, the shares agency reports on for period
// per, as the plan's one rule decides (plan.Project.SharesOf): every
// milestone it owns, and its part of every milestone owned by a group it
// is a member of on some day of per.
func Shares(p *plan.Project, agency string, per plan.Period) []Share {
	return p.SharesOf(agency, per)
}

// Error is a request that cannot be carried out (an unknown agency, a
// period id of the wrong form), told in Vietnamese by Error and in either
// language by Text. Each message says what is wrong, then "—", then how to
// fix it.
type Error struct {
	VI, EN string
}

// Error returns the Vietnamese message.
func (e *Error) Error() string { return e.VI }

// Text returns the message in l.
func (e *Error) Text(l msg.Lang) string {
	if l == msg.EN {
		return e.EN
	}
	return e.VI
}

// Err returns an *Error saying the catalogue's message key in both
// languages.
func Err(key string, args ...any) *Error {
	return &Error{VI: msg.Get(msg.VI, key, args...), EN: msg.Get(msg.EN, key, args...)}
}

// Target checks that agency and period name a report that can be made: the
// agency is an agency of p (not a group) and the period is a period id. It
// returns the agency and the period, or an *Error that says how to fix the
// request.
func Target(p *plan.Project, agency, period string) (*plan.Agency, plan.Period, error) {
	reg := p.Agencies
	all := make([]string, 0, len(reg.Agencies))
	reporting := []string{}
	for _, a := range reg.Agencies {
		all = append(all, a.ID)
		if a.Reports {
			reporting = append(reporting, a.ID)
		}
	}
	if len(reporting) == 0 {
		reporting = all
	}
	var a *plan.Agency
	switch {
	case strings.TrimSpace(agency) == "":
		return nil, plan.Period{}, Err("target.noAgency",
			plan.AgenciesFile, first(reporting))
	case reg.Group(agency) != nil:
		g := reg.Group(agency)
		return nil, plan.Period{}, Err("target.group",
			agency, g.Name, strings.Join(g.Members, ", "))
	default:
		if a = reg.Agency(agency); a == nil {
			return nil, plan.Period{}, Err("target.unknownAgency",
				agency, plan.AgenciesFile, Suggest(agency, all, reporting))
		}
	}
	if strings.TrimSpace(period) == "" {
		return nil, plan.Period{}, Err("target.noPeriod")
	}
	per, err := plan.ParsePeriod(period)
	if err != nil {
		return nil, plan.Period{}, &Error{VI: msg.Get(msg.VI, "period.form", period), EN: msg.Get(msg.EN, "period.form", period)}
	}
	return a, per, nil
}

func first(ss []string) string {
	if len(ss) == 0 {
		return "so-noi-vu"
	}
	return ss[0]
}

// Suggest names the id in known closest to bad (ignoring case and
// diacritics), or the few of fallback closest to it when none is close.
func Suggest(bad string, known, fallback []string) string {
	f := fold.String(bad)
	best, bestD := "", 1<<30
	for _, k := range known {
		d := editDistance(f, k)
		if strings.Contains(k, f) && len(f) >= 3 {
			d = min(d, 1)
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	if best != "" && bestD <= max(2, len(f)/3) {
		return best
	}
	return strings.Join(plan.Closest(f, fallback, plan.MaxSuggestions), ", ")
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
