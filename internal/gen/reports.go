package gen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
)

// generator holds the state of one generation.
type generator struct {
	r  *rand.Rand
	sc Scale
	w  *writer
	st *Stats

	agencies  []*agency
	index     map[string]int
	groups    []*group
	reporting []int // the agencies that report, in order

	milestones []*milestone
	periods    []plan.Period
	// windowStart is the first day of the new work each period reports:
	// the day after the previous period ended.
	windowStart []plan.Date
	slots       [][]slot // by agency, then period; nil for agencies that do not report
	shares      []share
	byAgency    [][]int32 // indices into shares, by agency, in plan order
	reviewers   []string
}

// The approval states drawn for a report, and how often.
const (
	missingShare      = 0.03 // an agency skips a period
	chronicShare      = 0.04 // agencies that often skip
	chronicMissing    = 0.30
	notApprovedShare  = 0.015 // a report left draft or rejected
	pendingShareLast  = 0.05  // draft or submitted in the latest period
	forgetShare       = 0.03  // an update left out of a report
	repeatDoneShare   = 0.2   // a done share reported again later
	notStartedShown   = 0.5   // a not-started share mentioned at all
	noteShare         = 0.4
	onTimeShare       = 0.65
	lateShare         = 0.22 // on top of onTimeShare; the rest stays undone
	doneNoDeadline    = 0.45
	startAtFirstShare = 0.6
)

// slot is one agency's report for one period.
type slot struct {
	state      string // "" when the agency sends none
	date, apOn plan.Date
	number     int
}

// share is one agency's part of one milestone and how its work goes.
type share struct {
	m *milestone
	// start is the first period with work; guided the first period no
	// longer waiting for the condition (-1 without a condition, len(periods)
	// when it never comes); done the period whose report first says done
	// (len(periods) for never).
	start, guided, done int
	doneOn              plan.Date
	late, told          bool
	prog                int
}

func (g *generator) run() error {
	g.buildRegistry()
	if err := g.writeRegistry(); err != nil {
		return err
	}
	if err := g.writePlan(); err != nil {
		return err
	}
	g.buildPeriods()
	g.schedule()
	g.buildShares()
	return g.writeReports()
}

// buildPeriods makes the regular periods 2018-H1, 2018, 2019-H1, ….
func (g *generator) buildPeriods() {
	for i := 0; i < g.sc.Periods; i++ {
		id := strconv.Itoa(FirstYear + i/2)
		if i%2 == 0 {
			id += "-H1"
		}
		p, err := plan.ParsePeriod(id)
		if err != nil {
			panic(err) // FirstYear and check keep ids in the grammar
		}
		g.periods = append(g.periods, p)
		if i == 0 {
			// Nothing is done before the plan could be issued (plan.Load
			// refuses it): not before its latest basis document.
			start := p.Start
			for _, b := range basisDocs {
				if d, err := plan.ParseDate(b.date); err == nil && d.After(start) {
					start = d
				}
			}
			g.windowStart = append(g.windowStart, start)
		} else {
			g.windowStart = append(g.windowStart, g.periods[i-1].End.AddDays(1))
		}
	}
	g.st.Periods = len(g.periods)
}

// schedule decides, for every reporting agency and period, whether a
// report is sent, its date and its approval.
func (g *generator) schedule() {
	n := len(g.periods)
	for k := 0; k < 6; k++ {
		g.reviewers = append(g.reviewers, fmt.Sprintf("%s %s %s, Vụ Tổ chức - Biên chế, Bộ Nội vụ", g.pick(familyNames), g.pick(middleNames), g.pick(givenNames)))
	}
	g.slots = make([][]slot, len(g.agencies))
	for _, a := range g.reporting {
		miss := missingShare
		if g.chance(chronicShare) {
			miss = chronicMissing
		}
		g.slots[a] = make([]slot, n)
		for i, per := range g.periods {
			sl := &g.slots[a][i]
			if per.Kind == plan.PeriodHalf {
				sl.date = plan.NewDate(per.Year, 6, 10).AddDays(g.r.IntN(36))
				sl.number = 20 + g.r.IntN(200)
			} else {
				sl.date = plan.NewDate(per.Year, 12, 5).AddDays(g.r.IntN(46))
				sl.number = 150 + g.r.IntN(300)
			}
			sl.apOn = sl.date.AddDays(1 + g.r.IntN(20))
			switch {
			case g.chance(miss):
				sl.state = ""
			case i == n-1 && g.chance(pendingShareLast):
				sl.state = []string{plan.Draft, plan.Submitted, plan.Submitted}[g.r.IntN(3)]
			case g.chance(notApprovedShare):
				sl.state = []string{plan.Draft, plan.Rejected, plan.Rejected}[g.r.IntN(3)]
			default:
				sl.state = plan.Approved
			}
		}
	}
}

// buildShares lists every share of every milestone and decides how its
// work goes.
func (g *generator) buildShares() {
	total := 0
	for _, m := range g.milestones {
		total += len(m.members)
	}
	g.shares = make([]share, 0, total)
	g.byAgency = make([][]int32, len(g.agencies))
	for _, m := range g.milestones {
		for _, a := range m.members {
			g.shares = append(g.shares, share{m: m})
			s := &g.shares[len(g.shares)-1]
			g.trajectory(s, a)
			g.byAgency[a] = append(g.byAgency[a], int32(len(g.shares)-1))
		}
	}
}

func days(a, b plan.Date) int { return int(b.Time().Sub(a.Time()).Hours() / 24) }

// trajectory decides when agency a starts its share s, whether it waits
// for the condition, and when it is done.
func (g *generator) trajectory(s *share, a int) {
	n := len(g.periods)
	if !g.chance(startAtFirstShare) {
		s.start = g.r.IntN(n)
	}
	if s.m.due.Kind == plan.DueFrom {
		for s.start < n && g.periods[s.start].Year < s.m.due.Year {
			s.start++
		}
	}
	s.guided = -1
	eff := s.start
	if s.m.cond {
		s.guided = 1 + g.r.IntN(n)
		eff = max(eff, s.guided)
	}
	s.done = n
	if eff >= n {
		return
	}
	ws := g.windowStart[eff]
	last, hasLast := s.m.due.LastDay()
	var d plan.Date
	switch {
	case s.m.due.Kind == plan.DueOngoing || s.m.due.Kind == plan.DueFrom:
		return // continuous work is never done
	case !hasLast:
		if !g.chance(doneNoDeadline) {
			return
		}
		d = ws.AddDays(g.r.IntN(days(ws, g.periods[n-1].End) + 1))
	default:
		base := last
		if base.Before(ws) {
			base = ws
		}
		switch x := g.r.Float64(); {
		case x < onTimeShare:
			d = ws.AddDays(g.r.IntN(days(ws, base) + 1))
		case x < onTimeShare+lateShare:
			d = base.AddDays(1 + g.r.IntN(400))
		default:
			return
		}
	}
	for i := eff; i < n; i++ {
		if !d.After(g.periods[i].End) {
			// Done within period i: never after the day of its report.
			if r := g.slots[a][i].date; d.After(r) {
				d = r
			}
			s.done, s.doneOn = i, d
			s.late = hasLast && d.After(last)
			return
		}
	}
}

// Evidence documents: name and the code in its number.
var evidenceKinds = []struct{ name, code string }{
	{"Quyết định", "QĐ"}, {"Kế hoạch", "KH"}, {"Báo cáo", "BC"}, {"Công văn", "CV"}, {"Tờ trình", "TTr"},
}

// code is the agency's part of a document number, such as "SNV".
func (a *agency) code() string {
	switch a.kind {
	case "huyen", "tinh":
		return "UBND"
	}
	s := a.short
	if i := strings.IndexByte(s, ' '); i > 0 && a.kind == "so" {
		s = s[:i]
	}
	return strings.ReplaceAll(s, " ", "")
}

// writeReports writes every report of every period.
func (g *generator) writeReports() error {
	var b buffer
	for i, per := range g.periods {
		dir := plan.ReportsDir + "/" + per.ID + "/"
		for _, a := range g.reporting {
			sl := g.slots[a][i]
			if sl.state == "" {
				continue
			}
			b.Reset()
			ups := g.report(&b, a, i, sl)
			if err := g.w.file(dir+g.agencies[a].id+".md", b.Bytes()); err != nil {
				return err
			}
			if sl.state == plan.Approved {
				g.st.Approved++
				g.st.Updates += ups
			} else {
				g.st.Other++
			}
		}
	}
	return nil
}

// report writes agency a's report for period i and returns how many
// updates it has.
func (g *generator) report(b *buffer, a, i int, sl slot) int {
	ag := g.agencies[a]
	per := g.periods[i]
	approved := sl.state == plan.Approved
	b.WriteString("+++\n")
	b.kv("", "agency", ag.id)
	b.kv("", "period", per.ID)
	b.kv("", "number", fmt.Sprintf("%d/BC-%s", sl.number, ag.code()))
	b.kvRaw("", "date", sl.date.String())
	b.kvRaw("", "sample", "true")
	b.WriteString("\n[approval]\n")
	b.kv("", "state", sl.state)
	switch sl.state {
	case plan.Approved:
		b.kv("", "approved_by", g.reviewers[g.r.IntN(len(g.reviewers))])
		b.kvRaw("", "approved_on", sl.apOn.String())
	case plan.Rejected:
		b.kv("", "note", g.pick(rejectNotes))
	}

	var nDone, nProg, nWait, nNot, ups int
	for _, si := range g.byAgency[a] {
		s := &g.shares[si]
		m := s.m
		state, doneOn, prog := "", plan.Date{}, -1
		switch {
		case s.done <= i:
			nDone++
			if s.told && !g.chance(repeatDoneShare) {
				continue
			}
			state, doneOn, prog = plan.StateDone, s.doneOn, 100
		case s.guided > i:
			nWait++
			state = plan.StateWaiting
		case i < s.start:
			nNot++
			if !g.chance(notStartedShown) {
				continue
			}
			state, prog = plan.StateNotStarted, 0
		default:
			nProg++
			state = plan.StateInProgress
			if k := m.due.Kind; k != plan.DueOngoing && k != plan.DueFrom {
				end := s.done
				if end == len(g.periods) {
					end += 2
				}
				p := 5 + 85*(i-s.start+1)/(end-s.start+1) + g.r.IntN(8)
				s.prog = max(min(p, 95), s.prog)
				prog = s.prog
			}
		}
		if g.chance(forgetShare) {
			continue
		}
		ups++
		b.WriteString("\n[[updates]]\n")
		b.kv("", "milestone", m.id)
		if len(m.members) > 1 || g.agencies[m.members[0]] != ag {
			b.kv("", "member", ag.id)
		}
		b.kv("", "state", state)
		if state == plan.StateDone {
			b.kvRaw("", "done_on", doneOn.String())
		}
		if prog >= 0 {
			b.kvRaw("", "progress", strconv.Itoa(prog))
		}
		if state == plan.StateDone && !s.told {
			ev := make([]string, 1+g.r.IntN(2))
			for k := range ev {
				e := evidenceKinds[g.r.IntN(len(evidenceKinds))]
				ev[k] = fmt.Sprintf("%s số %d/%s-%s ngày %s của %s về %s", e.name, 1+g.r.IntN(900), e.code, ag.code(), doneOn.Vietnamese(), ag.name, g.pick(objects))
			}
			b.kvList("", "evidence", ev)
		}
		if note := g.note(state, s.late); note != "" {
			b.kv("", "note", note)
		}
		if state == plan.StateDone && approved {
			s.told = true
		}
	}
	b.WriteString("+++\n")
	g.body(b, ag, per, nDone, nProg, nWait, nNot)
	return ups
}

// periodWords names a regular period in the middle of a sentence.
func periodWords(p plan.Period) string {
	if p.Kind == plan.PeriodHalf {
		return fmt.Sprintf("6 tháng đầu năm %d", p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// note returns an update's note, or "" for none.
func (g *generator) note(state string, late bool) string {
	var list []string
	switch {
	case state == plan.StateWaiting:
		list = noteWaiting
	case state == plan.StateDone && late:
		list = noteLate
	case !g.chance(noteShare):
		return ""
	case state == plan.StateDone:
		list = noteDone
	case state == plan.StateNotStarted:
		list = noteNotStarted
	default:
		list = noteProgress
	}
	s := g.pick(list)
	if g.chance(0.5) {
		s += " " + g.pick(qualifiers)
	}
	return s + "."
}

// body writes the narrative of a report: results, shortcomings, next
// steps, of bodyMin to bodyMax words.
func (g *generator) body(b *buffer, ag *agency, per plan.Period, done, prog, wait, not int) {
	target := bodyMin + g.r.IntN(bodyMax-bodyMin+1)
	n := 0
	add := func(s string) bool {
		k := CountWords(s)
		if n+k > bodyMax {
			return false
		}
		b.WriteString(s)
		n += k
		return true
	}
	add("## Kết quả thực hiện\n\n")
	add(fmt.Sprintf("%s, %s %s %s %s.", g.pick(resultOpeners), ag.name, g.pick(resultVerbs), g.pick(verbs), g.pick(objects)))
	add(fmt.Sprintf(" Trong %s, đơn vị có %d nhiệm vụ được giao: đã hoàn thành %d, đang thực hiện %d, chờ hướng dẫn %d, chưa triển khai %d.",
		periodWords(per), done+prog+wait+not, done, prog, wait, not))
	for n < target*55/100 && add(" "+capitalize(g.clause())+".") {
	}
	add("\n\n## Tồn tại, hạn chế\n\n")
	order := g.r.Perm(len(problems)) // each shortcoming at most once
	add(capitalize(problems[order[0]]) + "; " + g.pick(causes) + " " + problems[order[1]] + ".")
	for k := 2; k < len(order) && n < target*75/100 && add(" "+capitalize(problems[order[k]])+"."); k++ {
	}
	add("\n\n## Nhiệm vụ thời gian tới\n")
	for n < target && add("\n- "+capitalize(g.pick(nextSteps)+" "+g.clause())+".") {
	}
	if g.chance(0.3) {
		add("\n\n## Đề xuất, kiến nghị\n\n" + g.pick(proposals) + ".")
	}
	b.WriteString("\n")
}
