package gen

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/plan"
)

// maxPerTask is the most milestones a task can have: they are lettered a–z.
const maxPerTask = 26

// Word bounds of the generated texts.
const (
	titleMin, titleMax     = 8, 25
	actionMin, actionMax   = 30, 120
	bodyMin, bodyMax       = 100, 400
	groupOwnedShare        = 0.15
	conditionalShare       = 0.05
	maxPartnersOfMilestone = 3
)

// milestone is what the reports need to know of a generated milestone.
type milestone struct {
	id      string
	due     plan.Due
	cond    bool
	members []int // the agencies that hold a share of it
}

// ownerName returns the name of agency or group id.
func (g *generator) ownerName(id string) (name, head string) {
	if i, ok := g.index[id]; ok {
		return g.agencies[i].name, g.agencies[i].head
	}
	for _, gr := range g.groups {
		if gr.id == id {
			return gr.name, gr.head
		}
	}
	return id, ""
}

// writePlan makes the tasks and milestones and writes data/plan.toml.
func (g *generator) writePlan() error {
	sc := g.sc
	var b buffer
	b.Grow(sc.Milestones * 900)
	b.WriteString("# A generated plan (plangen, scale " + sc.Name + "): synthetic data for tests and measurements.\n\n")
	b.kv("", "title", "Kế hoạch thực hiện Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng (khóa XII) về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả (dữ liệu mô phỏng, quy mô "+sc.Name+")")
	b.kv("", "title_en", "Plan implementing Resolution No. 18-NQ/TW on a streamlined, effective and efficient political system (simulated data, scale "+sc.Name+")")
	b.kv("", "short_title", "Kế hoạch sắp xếp tổ chức bộ máy (dữ liệu mô phỏng "+sc.Name+")")
	b.kv("", "short_title_en", "Streamlining plan (simulated data "+sc.Name+")")
	b.kv("", "number", fmt.Sprintf("%d/KH-CP", 100+g.r.IntN(800)))
	b.kv("", "issuer", issuerID)
	b.kv("", "preamble", "Chính phủ ban hành Kế hoạch triển khai thực hiện Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017 của Ban Chấp hành Trung ương Đảng (khóa XII) và Nghị quyết số 56/2017/QH14 của Quốc hội, cụ thể như sau:")
	b.kvList("", "purpose", []string{
		"Triển khai thực hiện có hiệu quả các nhiệm vụ, giải pháp được phân công nhằm hoàn thành tốt các mục tiêu và đảm bảo tiến độ yêu cầu của Nghị quyết số 18-NQ/TW.",
		"Tiếp tục đổi mới, sắp xếp tổ chức bộ máy hành chính nhà nước tinh gọn, hoạt động hiệu lực, hiệu quả; tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ, công chức, viên chức.",
	})
	b.kvList("", "requirements", []string{
		"Xác định rõ các nội dung, nhiệm vụ chủ yếu và tiến độ thực hiện để các bộ, ngành, địa phương tập trung chỉ đạo, tổ chức thực hiện.",
		"Phát huy tính tích cực, chủ động, sáng tạo của các cơ quan, đơn vị; đảm bảo sự đồng thuận, nhất trí cao của cán bộ, công chức, viên chức, người lao động và nhân dân.",
	})
	b.kvList("", "implementation", []string{
		"Thủ trưởng các cơ quan, đơn vị xây dựng kế hoạch để cụ thể hóa các nhiệm vụ được giao; định kỳ 06 tháng, hằng năm (hoặc đột xuất theo yêu cầu) báo cáo kết quả thực hiện về Bộ Nội vụ để tổng hợp.",
		"Bộ Nội vụ là cơ quan chủ trì, theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này; tổng hợp, báo cáo Chính phủ theo định kỳ.",
	})
	b.WriteString("\n[reporting]\n")
	b.kv("", "text", "Định kỳ 06 tháng, hằng năm (hoặc đột xuất theo yêu cầu) báo cáo kết quả triển khai thực hiện về Chính phủ (qua Bộ Nội vụ).")
	b.kv("", "compiler", compilerID)
	b.kv("", "recipient", issuerID)
	b.kvList("", "every", []string{"H1", "year"})
	for _, d := range basisDocs {
		b.WriteString("\n[[basis]]\n")
		b.kv("", "number", d.number)
		b.kvRaw("", "date", d.date)
		b.kv("", "issuer", d.issuer)
		b.kv("", "title", d.title)
	}

	// How many milestones each task has: one each, the rest spread at
	// random, at most maxPerTask.
	counts := make([]int, sc.Tasks)
	for i := range counts {
		counts[i] = 1
	}
	for left := sc.Milestones - sc.Tasks; left > 0; {
		t := g.r.IntN(sc.Tasks)
		if counts[t] < min(maxPerTask, 2*sc.Milestones/sc.Tasks+2) || counts[t] < maxPerTask && g.chance(0.01) {
			counts[t]++
			left--
		}
	}

	slugs := map[string]bool{}
	years := (sc.Periods + 1) / 2
	for t := 0; t < sc.Tasks; t++ {
		num := t + 1
		title, _ := g.grow(titleMin, titleMax, capitalize(g.pick(verbs)+" "+g.pick(objects)), g.clause, "; ")
		slug := slugify(title, 60)
		for k := 1; slugs[slug] || !plan.ValidID(slug); k++ {
			slug = slugify(title, 50) + "-" + strconv.Itoa(num) + strings.Repeat("-x", k-1)
		}
		slugs[slug] = true
		b.WriteString("\n[[tasks]]\n")
		b.kvRaw("", "number", strconv.Itoa(num))
		b.kv("", "slug", slug)
		b.kv("", "title", title)
		b.kv("", "overseer", roles[g.weightedRole()].id)
		if g.chance(0.02) {
			// An old slug that must keep working; "nv-cu" never starts a
			// slug made from a title.
			alias := fmt.Sprintf("nv-cu-%d", num)
			slugs[alias] = true
			b.kvList("", "aliases", []string{alias})
		}
		for k := 0; k < counts[t]; k++ {
			m := g.milestone(&b, fmt.Sprintf("%d%c", num, 'a'+k), years)
			g.milestones = append(g.milestones, m)
		}
	}
	g.st.Tasks, g.st.Milestones = sc.Tasks, len(g.milestones)
	return g.w.file(plan.PlanFile, b.Bytes())
}

// weightedRole picks an overseer, the Prime Minister most often.
func (g *generator) weightedRole() int {
	switch x := g.r.IntN(10); {
	case x < 4:
		return 0
	case x < 6:
		return 1
	default:
		return 2 + g.r.IntN(len(roles)-2)
	}
}

// milestone makes one milestone and writes it.
func (g *generator) milestone(b *buffer, id string, years int) *milestone {
	m := &milestone{id: id}
	var owner string
	if len(g.groups) > 0 && g.chance(groupOwnedShare) {
		gr := g.groups[g.r.IntN(len(g.groups))]
		owner = gr.id
		m.members = gr.members
	} else {
		i := g.reporting[g.r.IntN(len(g.reporting))]
		owner = g.agencies[i].id
		m.members = []int{i}
	}
	var partners []string
	for k := g.r.IntN(maxPartnersOfMilestone + 1); k > 0; k-- {
		var p string
		if len(g.groups) > 0 && g.chance(0.1) {
			p = g.groups[g.r.IntN(len(g.groups))].id
		} else {
			p = g.agencies[g.r.IntN(len(g.agencies))].id
		}
		dup := p == owner
		for _, q := range partners {
			dup = dup || q == p
		}
		if !dup {
			partners = append(partners, p)
		}
	}
	var others []string
	if g.chance(0.3) {
		others = append(others, g.pick(partnerPhrases))
	}

	name, head := g.ownerName(owner)
	prefix := head + " " + name + " chủ trì"
	var with []string
	for _, p := range partners {
		pn, _ := g.ownerName(p)
		with = append(with, pn)
	}
	with = append(with, others...)
	if len(with) > 0 {
		prefix += ", phối hợp với " + strings.Join(with, ", ")
	}
	obj := g.pick(objects)
	first := prefix + " " + g.pick(verbs) + " " + obj
	action, n := g.grow(actionMin, actionMax-15, first, g.clause, "; ")
	if c := g.pick(closers); n+CountWords(c) <= actionMax {
		action += ", " + c
	}
	action += "."

	b.WriteString("\n  [[tasks.milestones]]\n")
	b.kv("  ", "id", id)
	b.kv("  ", "owner", owner)
	b.kvList("  ", "partners", partners)
	if len(others) > 0 {
		b.kvList("  ", "other_partners", others)
	}
	b.kv("  ", "action", action)
	if g.chance(0.5) {
		b.kv("  ", "deliverable", g.pick(deliverableKinds)+" về "+obj)
	}
	m.due = g.due(years)
	if s := m.due.String(); s != "" {
		b.kv("  ", "due", s)
	}
	if g.chance(conditionalShare) {
		m.cond = true
		b.kv("  ", "condition", g.pick(conditions))
	}
	return m
}

// due draws a deadline in every form of the grammar, in the plan's years
// and the one after.
func (g *generator) due(years int) plan.Due {
	y := FirstYear + g.r.IntN(years+1)
	switch x := g.r.IntN(100); {
	case x < 22:
		return plan.Due{Kind: plan.DueQuarter, Year: y, N: 1 + g.r.IntN(4)}
	case x < 35:
		return plan.Due{Kind: plan.DueHalf, Year: y, N: 1 + g.r.IntN(2)}
	case x < 55:
		return plan.Due{Kind: plan.DueYear, Year: y}
	case x < 67:
		d := plan.NewDate(y, time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
		if g.chance(0.5) { // the last day of a month, as plans often say
			d = plan.NewDate(d.Year, d.Month+1, 0)
		}
		return plan.Due{Kind: plan.DueDate, Year: y, Date: d}
	case x < 75:
		return plan.Due{Kind: plan.DueFrom, Year: FirstYear + g.r.IntN(years)}
	case x < 90:
		return plan.Due{Kind: plan.DueOngoing}
	}
	return plan.Due{Kind: plan.DueNone}
}
