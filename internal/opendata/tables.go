package opendata

import (
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// statusIDs are the values a status column may take (besides empty, which
// means no approved report exists yet).
func statusIDs() []string {
	out := make([]string, len(status.Order))
	for i, s := range status.Order {
		out[i] = string(s)
	}
	return out
}

// ---- du-lieu/nhiem-vu.csv ----

// taskRow is one task.
type taskRow struct {
	d *data
	t *plan.Task
}

func (d *data) taskRows() []taskRow {
	var out []taskRow
	for _, t := range d.p.Plan.Tasks {
		out = append(out, taskRow{d, t})
	}
	return out
}

// leads returns the ids of the owners of t's milestones, in plan order,
// each once.
func leads(t *plan.Task) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range t.Milestones {
		if !seen[m.Owner] {
			seen[m.Owner] = true
			out = append(out, m.Owner)
		}
	}
	return out
}

func ownerNames(r *plan.Registry, ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = r.OwnerName(id)
	}
	return out
}

func roleTitle(r *plan.Registry, id string) string {
	if x := r.Role(id); x != nil {
		return x.Title
	}
	return ""
}

var tasksTable = &table[taskRow]{
	name:       "nhiem-vu",
	path:       "nhiem-vu.csv",
	title:      "Nhiệm vụ",
	desc:       "Mỗi dòng là một nhiệm vụ của kế hoạch (mục II), với cơ quan chủ trì, người theo dõi, chỉ đạo và trạng thái tổng hợp tính đến ngày cập nhật.",
	primaryKey: []string{"slug"},
	cols: []column[taskRow]{
		{name: "number", typ: "integer", title: "Số thứ tự", desc: "Số thứ tự của nhiệm vụ trong kế hoạch.",
			get: func(r taskRow) string { return itoa(r.t.Number) }},
		{name: "slug", typ: "string", title: "Mã nhiệm vụ", desc: "Mã cố định của nhiệm vụ, dùng trong địa chỉ trang nhiem-vu/<mã>/.",
			get: func(r taskRow) string { return r.t.Slug }},
		{name: "title", typ: "string", title: "Tên nhiệm vụ", desc: "Tên nhiệm vụ theo đúng văn bản kế hoạch.",
			get: func(r taskRow) string { return r.t.Title }},
		{name: "title_en", typ: "string", title: "Tên nhiệm vụ (tiếng Anh)", desc: "Bản dịch tiếng Anh của tên nhiệm vụ; để trống nếu chưa có.",
			get: func(r taskRow) string { return r.t.TitleEn }},
		{name: "overseer_id", typ: "string", title: "Mã người theo dõi, chỉ đạo", desc: "Mã chức danh lãnh đạo trực tiếp theo dõi, chỉ đạo nhiệm vụ (mục III của kế hoạch).",
			get: func(r taskRow) string { return r.t.Overseer }},
		{name: "overseer_title", typ: "string", title: "Người theo dõi, chỉ đạo", desc: "Chức danh lãnh đạo trực tiếp theo dõi, chỉ đạo nhiệm vụ.",
			get: func(r taskRow) string { return roleTitle(r.d.p.Agencies, r.t.Overseer) }},
		{name: "lead_agency_ids", typ: "string", title: "Mã cơ quan chủ trì", desc: "Mã các cơ quan (hoặc nhóm cơ quan) chủ trì các mốc của nhiệm vụ, theo thứ tự trong kế hoạch, ngăn cách bằng dấu chấm phẩy (;).",
			get: func(r taskRow) string { return joinIDs(leads(r.t)) }},
		{name: "lead_agency_names", typ: "string", title: "Cơ quan chủ trì", desc: "Tên các cơ quan (hoặc nhóm cơ quan) chủ trì, cùng thứ tự với lead_agency_ids, ngăn cách bằng \"; \".",
			get: func(r taskRow) string { return joinNames(ownerNames(r.d.p.Agencies, leads(r.t))) }},
		{name: "status", typ: "string", title: "Trạng thái", desc: "Mã trạng thái tổng hợp của nhiệm vụ (trạng thái xấu nhất trong các mốc của nó) tính đến ngày cập nhật; để trống khi chưa có báo cáo nào được phê duyệt.", enum: statusIDs(),
			get: func(r taskRow) string { return string(r.d.taskStatus(r.t)) }},
		{name: "status_label_vi", typ: "string", title: "Trạng thái (tên)", desc: "Tên trạng thái bằng tiếng Việt, như trên trang thông tin.",
			get: func(r taskRow) string { return r.d.taskStatus(r.t).Label("vi") }},
		{name: "url", typ: "string", title: "Địa chỉ trang", desc: "Địa chỉ trang của nhiệm vụ trên cổng thông tin.",
			get: func(r taskRow) string { return r.d.url(taskPath(r.t)) }},
		{name: "deadline", typ: "date", title: od("od_col_deadline"), desc: od("od_col_task_deadline"),
			get: func(r taskRow) string { return taskDeadline(r.t) }},
		{name: "as_of", typ: "date", title: od("col_asof"), desc: od("od_col_as_of"),
			get: func(r taskRow) string { return r.d.asOf() }},
	},
}

// ---- du-lieu/moc.csv ----

// milestoneRow is a milestone (member nil), or one member's share of a
// group milestone.
type milestoneRow struct {
	d      *data
	t      *plan.Task
	m      *plan.Milestone
	ms     *status.Milestone // nil without statuses
	member *plan.Agency      // the member of a group row; the owner of a one-agency milestone
	mem    *status.Member    // its status, if any
	group  bool              // a member row of a group milestone
}

func (d *data) milestoneRows() []milestoneRow {
	var out []milestoneRow
	reg := d.p.Agencies
	for _, t := range d.p.Plan.Tasks {
		for _, m := range t.Milestones {
			ms := d.milestone(m)
			if reg.Group(m.Owner) == nil {
				row := milestoneRow{d: d, t: t, m: m, ms: ms, member: reg.Agency(m.Owner)}
				if ms != nil && len(ms.Members) == 1 {
					row.mem = ms.Members[0]
				}
				out = append(out, row)
				continue
			}
			out = append(out, milestoneRow{d: d, t: t, m: m, ms: ms})
			for _, a := range reg.MembersAt(m.Owner, d.snap.AsOf) {
				out = append(out, milestoneRow{d: d, t: t, m: m, ms: ms, member: a, group: true, mem: ms.Member(a.ID)})
			}
		}
	}
	return out
}

func (r milestoneRow) rowID() string {
	if r.group {
		return r.m.ID + "/" + r.member.ID
	}
	return r.m.ID
}

func (r milestoneRow) kind() string {
	if r.group {
		return "member"
	}
	return "milestone"
}

func (r milestoneRow) memberID() string {
	if r.member == nil {
		return ""
	}
	return r.member.ID
}

func (r milestoneRow) memberName() string {
	if r.member == nil {
		return ""
	}
	return r.member.Name
}

func (r milestoneRow) partnerNames() []string {
	names := ownerNames(r.d.p.Agencies, r.m.Partners)
	return append(names, r.m.OtherPartners...)
}

func (r milestoneRow) status() status.Status {
	switch {
	case r.mem != nil:
		return r.mem.Status
	case r.ms != nil && !r.group:
		return r.ms.Status
	}
	return status.NoData
}

// counts returns done and total members for a milestone row, or "" for a
// member row and when there are no statuses.
func (r milestoneRow) counts() (string, string) {
	if r.group || r.ms == nil {
		return "", ""
	}
	return itoa(r.ms.Done), itoa(r.ms.Total)
}

func (r milestoneRow) source() *plan.Report {
	if r.mem == nil || r.mem.Source == nil {
		return nil
	}
	return r.mem.Source.Report
}

func sourceField(f func(*plan.Report) string) func(milestoneRow) string {
	return func(r milestoneRow) string {
		if s := r.source(); s != nil {
			return f(s)
		}
		return ""
	}
}

var milestonesTable = &table[milestoneRow]{
	name:  "moc",
	path:  "moc.csv",
	title: "Mốc thực hiện",
	desc: "Mỗi dòng là một mốc (một việc, một cơ quan chủ trì, một thời hạn) của một nhiệm vụ. " +
		"Mốc do một nhóm cơ quan chủ trì (ví dụ Ủy ban nhân dân các huyện, thành phố) có một dòng tổng hợp (row_kind = milestone) " +
		"và một dòng cho từng thành viên của nhóm (row_kind = member), mỗi thành viên phải thực hiện và báo cáo riêng.",
	primaryKey:  []string{"row_id"},
	foreignKeys: []foreignKey{{Fields: []string{"task_slug"}, Reference: reference{Resource: "nhiem-vu", Fields: []string{"slug"}}}},
	cols: []column[milestoneRow]{
		{name: "row_id", typ: "string", title: "Mã dòng", desc: "Mã mốc, hoặc mã mốc/mã cơ quan thành viên cho dòng của một thành viên nhóm.",
			get: milestoneRow.rowID},
		{name: "row_kind", typ: "string", title: "Loại dòng", desc: "milestone: dòng của mốc (trạng thái tổng hợp nếu mốc do một nhóm chủ trì); member: phần việc của một thành viên nhóm.", enum: []string{"milestone", "member"},
			get: milestoneRow.kind},
		{name: "task_number", typ: "integer", title: "Số thứ tự nhiệm vụ", desc: "Số thứ tự của nhiệm vụ trong kế hoạch.",
			get: func(r milestoneRow) string { return itoa(r.t.Number) }},
		{name: "task_slug", typ: "string", title: "Mã nhiệm vụ", desc: "Mã của nhiệm vụ (cột slug của nhiem-vu.csv).",
			get: func(r milestoneRow) string { return r.t.Slug }},
		{name: "milestone_id", typ: "string", title: "Mã mốc", desc: "Mã cố định của mốc, ví dụ 1a.",
			get: func(r milestoneRow) string { return r.m.ID }},
		{name: "owner_id", typ: "string", title: "Mã cơ quan chủ trì", desc: "Mã cơ quan hoặc nhóm cơ quan chủ trì mốc.",
			get: func(r milestoneRow) string { return r.m.Owner }},
		{name: "owner_name", typ: "string", title: "Cơ quan chủ trì", desc: "Tên cơ quan hoặc nhóm cơ quan chủ trì mốc.",
			get: func(r milestoneRow) string { return r.d.p.Agencies.OwnerName(r.m.Owner) }},
		{name: "member_id", typ: "string", title: "Mã cơ quan thực hiện", desc: "Mã cơ quan thành viên với dòng của thành viên nhóm; mã chính cơ quan chủ trì khi mốc do một cơ quan chủ trì; để trống ở dòng tổng hợp của mốc do nhóm chủ trì.",
			get: milestoneRow.memberID},
		{name: "member_name", typ: "string", title: "Cơ quan thực hiện", desc: "Tên cơ quan ở cột member_id.",
			get: milestoneRow.memberName},
		{name: "partner_ids", typ: "string", title: "Mã cơ quan phối hợp", desc: "Mã các cơ quan phối hợp, ngăn cách bằng dấu chấm phẩy (;).",
			get: func(r milestoneRow) string { return joinIDs(r.m.Partners) }},
		{name: "partner_names", typ: "string", title: "Cơ quan phối hợp", desc: "Tên các cơ quan phối hợp, kể cả những đơn vị kế hoạch nêu mà không có mã, ngăn cách bằng \"; \".",
			get: func(r milestoneRow) string { return joinNames(r.partnerNames()) }},
		{name: "action", typ: "string", title: "Nội dung công việc", desc: "Nội dung công việc theo đúng văn bản kế hoạch.",
			get: func(r milestoneRow) string { return r.m.Action }},
		{name: "deliverable", typ: "string", title: "Sản phẩm", desc: "Sản phẩm phải hoàn thành (đề án, báo cáo, quyết định…); để trống nếu kế hoạch không nêu.",
			get: func(r milestoneRow) string { return r.m.Deliverable }},
		{name: "due", typ: "string", title: "Thời hạn (mã)", desc: "Thời hạn theo cú pháp dữ liệu: 2018-Q2 (hết quý), 2018-H1 (hết 6 tháng đầu năm), 2018 (hết năm), 2018-09-30 (ngày), from 2018 (từ năm), ongoing (thường xuyên, liên tục); để trống nếu kế hoạch không nêu.",
			get: func(r milestoneRow) string { return r.m.Due.String() }},
		{name: "due_words_vi", typ: "string", title: "Thời hạn", desc: "Thời hạn theo cách kế hoạch ghi, kèm điều kiện trong ngoặc nếu có, ví dụ \"Trong quý II/2018\", \"Trong năm 2018 (sau khi có hướng dẫn của Trung ương)\".",
			get: func(r milestoneRow) string { return r.m.DueWords("vi") }},
		{name: "deadline", typ: "date", title: "Hạn cuối", desc: "Ngày cuối cùng còn đúng hạn (YYYY-MM-DD); để trống khi thời hạn không có ngày cuối (thường xuyên, từ năm, không nêu).",
			get: func(r milestoneRow) string { return dueLastDay(r.m) }},
		{name: "condition", typ: "string", title: "Điều kiện", desc: "Điều kiện kế hoạch đặt ra, ví dụ \"sau khi có hướng dẫn của Trung ương\"; khi đang chờ, thời hạn tạm dừng.",
			get: func(r milestoneRow) string { return r.m.Condition }},
		{name: "status", typ: "string", title: "Trạng thái", desc: "Mã trạng thái tính đến ngày cập nhật (as_of); ở dòng tổng hợp của mốc do nhóm chủ trì là trạng thái xấu nhất của các thành viên; để trống khi chưa có báo cáo nào được phê duyệt.", enum: statusIDs(),
			get: func(r milestoneRow) string { return string(r.status()) }},
		{name: "status_label_vi", typ: "string", title: "Trạng thái (tên)", desc: "Tên trạng thái bằng tiếng Việt.",
			get: func(r milestoneRow) string { return statusLabel(r.status(), r.m, "vi") }},
		{name: "members_done", typ: "integer", title: "Số đơn vị hoàn thành", desc: "Ở dòng của mốc: số cơ quan thực hiện đã hoàn thành; để trống ở dòng thành viên và khi chưa có trạng thái.",
			get: func(r milestoneRow) string { d, _ := r.counts(); return d }},
		{name: "members_total", typ: "integer", title: "Tổng số đơn vị", desc: "Ở dòng của mốc: tổng số cơ quan phải thực hiện; để trống ở dòng thành viên và khi chưa có trạng thái.",
			get: func(r milestoneRow) string { _, t := r.counts(); return t }},
		{name: "source_agency_id", typ: "string", title: "Nguồn: mã cơ quan báo cáo", desc: "Mã cơ quan gửi báo cáo làm căn cứ cho trạng thái; để trống nếu không có.",
			get: sourceField(func(s *plan.Report) string { return s.Agency })},
		{name: "source_period", typ: "string", title: "Nguồn: kỳ báo cáo", desc: "Kỳ của báo cáo làm căn cứ: 2018-H1 (6 tháng đầu năm), 2018 (cả năm), 2018-05-10 (đột xuất).",
			get: sourceField(func(s *plan.Report) string { return s.Period })},
		{name: "source_number", typ: "string", title: "Nguồn: số báo cáo", desc: "Số, ký hiệu của báo cáo làm căn cứ, ví dụ 45/BC-SNV.",
			get: sourceField(func(s *plan.Report) string { return s.Number })},
		{name: "source_date", typ: "date", title: "Nguồn: ngày báo cáo", desc: "Ngày của báo cáo làm căn cứ (YYYY-MM-DD).",
			get: sourceField(func(s *plan.Report) string { return s.Date.String() })},
		{name: "as_of", typ: "date", title: "Tính đến ngày", desc: "Ngày mà trạng thái được tính đến (ngày cuối của kỳ báo cáo gần nhất có báo cáo được phê duyệt); để trống khi chưa có.",
			get: func(r milestoneRow) string { return r.d.asOf() }},
		{name: "done_on", typ: "date", title: od("done_on"), desc: od("od_col_done_on"),
			get: milestoneRow.doneOn},
		{name: "progress", typ: "integer", title: od("od_col_progress"), desc: od("od_col_progress_desc"),
			get: milestoneRow.progress},
		{name: "days_late", typ: "integer", title: od("od_col_days_late"), desc: od("od_col_days_late_desc"),
			get: milestoneRow.daysLate},
	},
}

// od says a word of the data package's descriptions, which are in
// Vietnamese (the catalogue, internal/msg).
func od(key string) string { return msg.Get(msg.VI, key) }

// doneOn, progress and daysLate are a share's own: empty on the summary
// row of a group milestone (mem is nil there).
func (r milestoneRow) doneOn() string {
	if r.mem == nil || !r.mem.Status.Done() || r.mem.Source == nil || r.mem.Source.Update.DoneOn.IsZero() {
		return ""
	}
	return r.mem.Source.Update.DoneOn.String()
}

func (r milestoneRow) progress() string {
	if r.mem == nil || r.mem.Source == nil || r.mem.Source.Update.Progress == nil {
		return ""
	}
	return itoa(*r.mem.Source.Update.Progress)
}

func (r milestoneRow) daysLate() string {
	if r.mem == nil || (r.mem.Status != status.DoneLate && r.mem.Status != status.Overdue) {
		return ""
	}
	return itoa(r.mem.DaysLate)
}

// taskDeadline is the latest last day among t's milestones' deadlines, or
// "" when none has a last day.
func taskDeadline(t *plan.Task) string {
	var last plan.Date
	for _, m := range t.Milestones {
		if d, ok := m.Due.LastDay(); ok && d.After(last) {
			last = d
		}
	}
	if last.IsZero() {
		return ""
	}
	return last.String()
}

// ---- du-lieu/bao-cao.csv ----

// reportRow is one approved report.
type reportRow struct {
	d *data
	r *plan.Report
}

func (d *data) reportRows() []reportRow {
	var out []reportRow
	for _, r := range d.reports {
		out = append(out, reportRow{d, r})
	}
	return out
}

func agencyName(reg *plan.Registry, id string) string {
	if a := reg.Agency(id); a != nil {
		return a.Name
	}
	return id
}

var reportsTable = &table[reportRow]{
	name:       "bao-cao",
	path:       "bao-cao.csv",
	title:      "Báo cáo đã được phê duyệt",
	desc:       "Mỗi dòng là một báo cáo tiến độ đã được phê duyệt công bố. Báo cáo dự thảo, đã gửi chưa duyệt hoặc bị trả lại không được công bố.",
	primaryKey: []string{"period", "agency_id"},
	cols: []column[reportRow]{
		{name: "period", typ: "string", title: "Kỳ báo cáo", desc: "Mã kỳ báo cáo: 2018-H1 (6 tháng đầu năm), 2018 (cả năm), 2018-05-10 (đột xuất ngày đó).",
			get: func(r reportRow) string { return r.r.Period }},
		{name: "period_words_vi", typ: "string", title: "Kỳ báo cáo (tên)", desc: "Tên kỳ báo cáo bằng tiếng Việt.",
			get: func(r reportRow) string { return r.r.PeriodInfo.Words("vi") }},
		{name: "agency_id", typ: "string", title: "Mã cơ quan", desc: "Mã cơ quan gửi báo cáo.",
			get: func(r reportRow) string { return r.r.Agency }},
		{name: "agency_name", typ: "string", title: "Cơ quan", desc: "Tên cơ quan gửi báo cáo.",
			get: func(r reportRow) string { return agencyName(r.d.p.Agencies, r.r.Agency) }},
		{name: "number", typ: "string", title: "Số báo cáo", desc: "Số, ký hiệu của báo cáo, ví dụ 45/BC-SNV.",
			get: func(r reportRow) string { return r.r.Number }},
		{name: "date", typ: "date", title: "Ngày báo cáo", desc: "Ngày ký báo cáo (YYYY-MM-DD).",
			get: func(r reportRow) string { return r.r.Date.String() }},
		{name: "approved_by", typ: "string", title: "Người phê duyệt", desc: "Người hoặc cơ quan phê duyệt công bố báo cáo.",
			get: func(r reportRow) string { return r.r.Approval.ApprovedBy }},
		{name: "approved_on", typ: "date", title: "Ngày phê duyệt", desc: "Ngày phê duyệt công bố (YYYY-MM-DD).",
			get: func(r reportRow) string { return r.r.Approval.ApprovedOn.String() }},
		{name: "digest", typ: "string", title: msg.Get(msg.VI, "od_col_digest"), desc: msg.Get(msg.VI, "od_col_digest_desc"),
			get: func(r reportRow) string { return r.r.Approval.Digest }},
		{name: "amendments", typ: "integer", title: msg.Get(msg.VI, "od_col_amendments"), desc: msg.Get(msg.VI, "od_col_amendments_desc"),
			get: func(r reportRow) string { return itoa(len(r.r.Approval.Amendments)) }},
		{name: "sample", typ: "boolean", title: "Dữ liệu mẫu", desc: "true nếu báo cáo là dữ liệu mẫu dùng để minh họa, không phải báo cáo thật.",
			get: func(r reportRow) string { return boolString(r.r.Sample) }},
		{name: "updates", typ: "integer", title: "Số mốc được cập nhật", desc: "Số cập nhật tiến độ (mốc, hoặc phần việc của một thành viên nhóm) trong báo cáo.",
			get: func(r reportRow) string { return itoa(len(r.r.Updates)) }},
		{name: "url", typ: "string", title: "Địa chỉ trang", desc: "Địa chỉ trang của báo cáo trên cổng thông tin (ky-bao-cao/<kỳ>/<cơ quan>/).",
			get: func(r reportRow) string { return r.d.url(reportPath(r.r)) }},
	},
}

// statusLabel is the name of a milestone's status s: a waiting milestone is
// named by what it waits for (Milestone.WaitingLabel), any other status by
// its generic label.
func statusLabel(s status.Status, m *plan.Milestone, lang string) string {
	if s == status.Waiting && m != nil {
		if l := m.WaitingLabel(lang); l != "" {
			return l
		}
	}
	return s.Label(lang)
}
