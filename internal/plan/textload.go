package plan

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// pointLetters are the letters of points (điểm) in the order Vietnamese
// documents use them: the Vietnamese alphabet without f, j, w, z and the
// letters with diacritics other than đ.
const pointLetters = "abcdđeghiklmnopqrstuvxy"

// checkPlanText checks the plan's [[text]] blocks, builds their structure
// and addresses, then resolves and checks each milestone's references into
// it and its waiting label.
func (l *loader) checkPlanText(p *Plan, kp keyPositions) {
	l.buildText(p, kp)
	for i, t := range p.Tasks {
		for j, m := range t.Milestones {
			l.checkMilestoneText(p, m, kp, fmt.Sprintf("tasks.%d.milestones.%d", i, j))
		}
	}
}

// buildText checks the blocks one by one, in order, and gives each its
// parent, its number and its address.
func (l *loader) buildText(p *Plan, kp keyPositions) {
	const f = PlanFile
	var section, clause, point, recipients *Block
	var top []*Block // blocks outside any section, clause, point or recipients
	counts := map[string]int{}
	// lastDash is, for each holder, its last "-" dash: the holder of a "+".
	lastDash := map[*Block]*Block{}
	holder := func() *Block {
		for _, b := range []*Block{point, clause, section, recipients} {
			if b != nil {
				return b
			}
		}
		return nil
	}
	attach := func(b, parent *Block) {
		b.parent = parent
		if parent != nil {
			parent.Children = append(parent.Children, b)
		} else {
			top = append(top, b)
		}
	}
	count := func(parent *Block, kind string) int {
		n := 0
		var list []*Block
		if parent != nil {
			list = parent.Children
		} else {
			list = top
		}
		for _, c := range list {
			if c.Kind == kind {
				n++
			}
		}
		return n
	}
	under := func(parent *Block, s string) string {
		if parent == nil {
			return s
		}
		return parent.Ref + "." + s
	}
	for i, b := range p.Text {
		bp := fmt.Sprintf("text.%d", i)
		b.Pos = kp.at(f, bp)
		l.checkText(kp, f, bp+".text", b.Text, true)
		if strings.ContainsAny(b.Text, "\n\r") {
			l.ps.add(kp.value(f, bp+".text"), "text.newline")
		}
		l.checkText(kp, f, bp+".note", b.Note, false)
		l.checkText(kp, f, bp+".note_en", b.NoteEn, false)
		for _, s := range b.Sic {
			if s == "" || !strings.Contains(b.Text, s) {
				l.ps.add(kp.value(f, bp+".sic"), "text.sicMissing", s)
			}
		}
		if len(b.Basis) > 0 && b.Kind != KindBasis {
			l.ps.add(kp.at(f, bp+".basis"), "text.basisNotAllowed", b.Kind)
		}
		labelled := b.Kind == KindSection || b.Kind == KindClause || b.Kind == KindPoint || b.Kind == KindDash
		switch {
		case b.Kind == "":
			l.ps.add(b.Pos, "field.required", "kind")
			continue
		case !slices.Contains(BlockKinds, b.Kind):
			l.ps.add(kp.value(f, bp+".kind"), "value.oneOf", "kind", b.Kind, strings.Join(BlockKinds, ", "))
			continue
		case !labelled && b.Label != "":
			l.ps.add(kp.value(f, bp+".label"), "text.labelNotAllowed", b.Kind, b.Label)
		}
		if recipients != nil && b.Kind != KindDash && b.Kind != KindParagraph {
			l.ps.add(kp.value(f, bp+".kind"), "text.afterRecipients", b.Kind)
			continue
		}
		// expect checks a numbering label against the one the order asks for.
		expect := func(want string) bool {
			switch {
			case b.Label == "":
				l.ps.add(b.Pos, "text.labelMissing", b.Kind, want)
				return false
			case b.Label != want:
				l.ps.add(kp.value(f, bp+".label"), "text.labelOrder", b.Label, want)
				return false
			}
			return true
		}
		switch b.Kind {
		case KindTitle, KindBasis:
			counts[b.Kind]++
			b.N = counts[b.Kind]
			b.Ref = b.Kind + "." + strconv.Itoa(b.N)
			attach(b, nil)
			if b.Kind == KindBasis {
				l.checkBasisCited(p, b, kp, bp)
			}
		case KindSection:
			n := count(nil, KindSection) + 1
			expect(romanNumeral(n) + ".")
			b.N = n
			b.Ref = romanNumeral(n)
			attach(b, nil)
			section, clause, point = b, nil, nil
		case KindClause:
			n := count(section, KindClause) + 1
			expect(strconv.Itoa(n) + ".")
			b.N = n
			b.Ref = under(section, strconv.Itoa(n))
			attach(b, section)
			clause, point = b, nil
		case KindPoint:
			if clause == nil {
				l.ps.add(kp.value(f, bp+".kind"), "text.pointOutside", b.Label)
				continue
			}
			n := count(clause, KindPoint) + 1
			want := "?"
			if r := []rune(pointLetters); n <= len(r) {
				want = string(r[n-1])
			}
			expect(want + ")")
			b.N = n
			b.Ref = under(clause, want)
			attach(b, clause)
			point = b
		case KindRecipients:
			b.Ref = KindRecipients
			attach(b, nil)
			section, clause, point, recipients = nil, nil, nil, b
		case KindParagraph:
			h := holder()
			if h == nil {
				n := count(nil, KindParagraph) + 1
				b.N = n
				b.Ref = "p" + strconv.Itoa(n)
			} else {
				b.N = count(h, KindParagraph) + 2
				b.Ref = under(h, "p"+strconv.Itoa(b.N))
			}
			attach(b, h)
		case KindDash:
			h := holder()
			switch b.Label {
			case "-":
				lastDash[h] = b
			case "+":
				if lastDash[h] == nil {
					l.ps.add(kp.value(f, bp+".label"), "text.subDashOutside")
					continue
				}
				h = lastDash[h]
			case "":
				l.ps.add(b.Pos, "text.labelMissing", b.Kind, "-")
				continue
			default:
				l.ps.add(kp.value(f, bp+".label"), "text.labelOrder", b.Label, "-")
				continue
			}
			b.N = count(h, KindDash) + 1
			b.Ref = under(h, "d"+strconv.Itoa(b.N))
			attach(b, h)
		}
	}
}

// checkBasisCited checks that each document a "Căn cứ …" paragraph names
// is a [[basis]] and is written in the paragraph.
func (l *loader) checkBasisCited(p *Plan, b *Block, kp keyPositions, bp string) {
	const f = PlanFile
	var numbers []string
	for _, d := range p.Basis {
		numbers = append(numbers, d.Number)
	}
	for _, n := range b.Basis {
		switch {
		case !slices.Contains(numbers, n):
			l.ps.add(kp.value(f, bp+".basis"), "text.basisUnknown", n, suggest(n, numbers))
		case !strings.Contains(b.Text, n):
			l.ps.add(kp.value(f, bp+".basis"), "text.basisNotInText", n)
		}
	}
}

// checkMilestoneText resolves a milestone's ref and due_ref, checks that
// its action and condition are the plan's words there, and that a waiting
// label goes with a condition.
func (l *loader) checkMilestoneText(p *Plan, m *Milestone, kp keyPositions, mp string) {
	const f = PlanFile
	l.checkText(kp, f, mp+".waiting", m.Waiting, false)
	l.checkText(kp, f, mp+".waiting_en", m.WaitingEn, false)
	if (m.Waiting != "" || m.WaitingEn != "") && m.Condition == "" {
		key := "waiting"
		if m.Waiting == "" {
			key = "waiting_en"
		}
		l.ps.add(kp.value(f, mp+"."+key), "milestone.waitingNoCondition", m.ID, key)
	}
	if len(p.Text) == 0 {
		for _, k := range []struct{ key, ref string }{{"ref", m.Ref}, {"due_ref", m.DueRef}} {
			if k.ref != "" {
				l.ps.add(kp.value(f, mp+"."+k.key), "text.refNoText", k.key, k.ref)
			}
		}
		return
	}
	resolve := func(key, ref string) (Place, bool) {
		if ref == "" {
			return Place{}, false
		}
		pl, ok := p.Text.Find(ref)
		if !ok {
			l.ps.add(kp.value(f, mp+"."+key), "text.refUnknown", ref, key, suggest(ref, p.Text.Refs()))
		}
		return pl, ok
	}
	if m.Ref == "" {
		l.ps.add(m.Pos, "field.required", "ref")
	}
	src, srcOK := resolve("ref", m.Ref)
	due, dueOK := resolve("due_ref", m.DueRef)
	m.Source, m.DueSource = src, due
	if srcOK && m.Action != "" && !quotes(src.Lines(), m.Action, true) {
		l.ps.add(kp.value(f, mp+".action"), "text.actionNotQuoted", m.ID, m.Ref, src.Cite("vi"))
	}
	// A condition is looked for only where every reference was found: a
	// wrong ref gets one message, not a second one about the condition.
	refsOK := (m.Ref == "" || srcOK) && (m.DueRef == "" || dueOK)
	if m.Condition != "" && refsOK && (srcOK || dueOK) && !quotes(src.Lines(), m.Condition, false) && !quotes(due.Lines(), m.Condition, false) {
		l.ps.add(kp.value(f, mp+".condition"), "text.conditionNotQuoted", m.Condition, m.ID)
	}
}

// quotes reports whether s is, white space aside, a run of the words of
// lines: whole words when words is true (a quote may leave out the
// punctuation that follows it, "Tuyên truyền" of "Tuyên truyền."), any
// part of the text otherwise.
func quotes(lines []string, s string, words bool) bool {
	hay := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	needle := strings.Join(strings.Fields(s), " ")
	if needle == "" {
		return true
	}
	if !words {
		return strings.Contains(hay, needle)
	}
	for from := 0; ; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(needle)
		before := i == 0 || hay[i-1] == ' ' || hay[i-1] == '('
		after := end == len(hay) || strings.IndexByte(" .,;:)", hay[end]) >= 0
		if before && after {
			return true
		}
		from = i + 1
	}
}

// romanNumeral writes n (from 1) in Roman numerals.
func romanNumeral(n int) string {
	var b strings.Builder
	for _, d := range []struct {
		v int
		s string
	}{{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"}} {
		for n >= d.v {
			b.WriteString(d.s)
			n -= d.v
		}
	}
	return b.String()
}
