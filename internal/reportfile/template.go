package reportfile

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/plan"
)

// actionLen is about how many characters of a milestone's action a
// template quotes.
const actionLen = 120

// TemplateBody is the narrative a new report starts with: the headings a
// progress report usually has, to write under.
const TemplateBody = `## Kết quả thực hiện

## Khó khăn, vướng mắc

## Kiến nghị, đề xuất
`

// Template returns a new draft report file for agency and period, dated
// today (or the period's last day when today is zero). It holds one update
// per share of the agency (see Shares), in plan order, each "not-started"
// with a comment above it that quotes the milestone's action (shortened) and
// its deadline in Vietnamese, and a body with the usual headings. The file
// loads with plan.Load without problems, as a draft.
//
// The errors (an unknown agency, a group id, a period of the wrong form, a
// period that has not begun by today) are *Error, in Vietnamese with the
// fix.
func Template(p *plan.Project, agency, period string, today plan.Date) ([]byte, error) {
	a, per, err := Target(p, agency, period)
	if err != nil {
		return nil, err
	}
	if today.IsZero() {
		today = per.End
	}
	if today.Before(per.Start) {
		return nil, Err("target.notBegun",
			period, per.Start.Vietnamese(), today.Vietnamese())
	}
	r := &plan.Report{
		Agency:   a.ID,
		Period:   per.ID,
		Date:     today,
		Approval: plan.Approval{State: plan.Draft},
		Body:     TemplateBody,
	}
	compiler := "bộ phận tổng hợp"
	if c := p.Agencies.Agency(p.Plan.Reporting.Compiler); c != nil {
		compiler = c.Name
	}
	n := &notes{
		top: []string{
			fmt.Sprintf("Báo cáo của %s — kỳ báo cáo: %s (period = %q).", a.Name, per.Words("vi"), per.ID),
			"Điền số hiệu và ngày báo cáo, tình hình từng mốc công việc ([[updates]]),",
			"rồi viết nội dung báo cáo dưới dòng +++ cuối cùng.",
			"state của mỗi mốc: \"not-started\" (chưa bắt đầu), \"in-progress\" (đang thực hiện),",
			"\"waiting\" (chờ hướng dẫn của Trung ương, chỉ khi kế hoạch nêu điều kiện), \"done\" (hoàn thành).",
			"Khi state = \"done\", thêm dòng done_on = 2018-06-15 (ngày hoàn thành).",
			"progress = 50 là tiến độ theo phần trăm (không bắt buộc);",
			"evidence là các văn bản chứng minh, mỗi văn bản trong một cặp ngoặc kép.",
		},
		key: map[string]string{
			"number": "Số hiệu văn bản báo cáo, ví dụ \"45/BC-SNV\".",
			"date":   "Ngày báo cáo, dạng năm-tháng-ngày.",
		},
		approval: []string{
			fmt.Sprintf("Phần phê duyệt do %s điền. Khi gửi báo cáo, đổi state thành \"submitted\".", compiler),
		},
		keepEmpty: true,
	}
	for _, s := range Shares(p, a.ID, per) {
		m := s.Milestone
		r.Updates = append(r.Updates, &plan.Update{Milestone: m.ID, Member: s.Member, State: plan.StateNotStarted})
		head := fmt.Sprintf("Mốc %s: %s", m.ID, shorten(m.Action, actionLen))
		if m.Task != nil {
			head = fmt.Sprintf("Nhiệm vụ %d, mốc %s: %s", m.Task.Number, m.ID, shorten(m.Action, actionLen))
		}
		c := []string{head}
		due := "Thời hạn: " + m.Due.Words("vi")
		if m.Condition != "" {
			due += " — " + m.Condition + " (khi còn chờ, dùng state = \"waiting\")"
		}
		c = append(c, due)
		if s.Group != nil {
			c = append(c, fmt.Sprintf("Mốc chung của %s: báo cáo phần việc của đơn vị mình.", s.Group.Name))
		}
		n.updates = append(n.updates, c)
	}
	var e encoder
	e.report(r, n)
	return []byte(e.b.String()), nil
}
