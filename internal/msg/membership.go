package msg

// Messages about the spans of a group's membership and of an agency's duty
// to report (data/agencies.toml), and about a report sent for a period in
// which its agency was not a member. They join the catalogues at start-up.
func init() {
	for k, v := range membershipVI {
		vi[k] = v
	}
	for k, v := range membershipEN {
		en[k] = v
	}
}

var membershipVI = map[string]string{
	"member.form":            "nhóm %q: thành viên thứ %d (%s) không phải mã cơ quan — viết mã trong ngoặc kép, ví dụ \"so-noi-vu\", hoặc { id = \"so-noi-vu\", from = \"2019\" } cho thành viên vào nhóm từ năm 2019",
	"member.noID":            "nhóm %q: thành viên thứ %d chưa có id — viết { id = \"mã-cơ-quan\", from = \"2019\" }",
	"member.unknownKey":      "nhóm %q, thành viên %q: không dùng được khóa %q — chỉ dùng id, from (ngày vào nhóm) và until (ngày rời nhóm) (gợi ý: %s)",
	"member.order":           "thành viên %q của nhóm %q có until = %s trước from = %s — ngày rời nhóm phải sau ngày vào nhóm; sửa một trong hai",
	"member.overlap":         "nhóm %q liệt kê %q hai lần với thời gian chồng nhau: %s (dòng %d) và %s — gộp làm một, hoặc sửa from/until để lần sau bắt đầu sau khi lần trước kết thúc",
	"span.form":              "%s = %s không phải kỳ báo cáo hay ngày — viết một năm (\"2019\": từ 1/1 hoặc đến 31/12), 6 tháng đầu năm (\"2019-H1\": từ 1/1 hoặc đến 30/6) hoặc một ngày (2019-07-01)",
	"duty.noReports":         "cơ quan %q có %s nhưng không có reports = true — thêm reports = true nếu cơ quan phải báo cáo trong khoảng thời gian này, hoặc xóa dòng đó",
	"duty.order":             "cơ quan %q có reports_until = %s trước reports_from = %s — ngày thôi báo cáo phải sau ngày bắt đầu báo cáo; sửa một trong hai",
	"workbook.notMemberThen": "%s chưa hoặc không còn thuộc %s trong kỳ %s (xem from/until trong %s) — xóa dòng này; " + remakeVI,
	"update.notMemberThen":   "%q chưa hoặc không còn thuộc nhóm %s trong kỳ %s (data/agencies.toml dòng %d ghi: %s) — báo cáo kỳ này không được báo cáo phần việc mốc %q của đơn vị đó; xóa cập nhật này, hoặc sửa from/until trong data/agencies.toml nếu ngày vào nhóm bị ghi sai",
}

var membershipEN = map[string]string{
	"member.form":            "group %q: member number %d (%s) is not an agency id — write the id in double quotes, such as \"so-noi-vu\", or { id = \"so-noi-vu\", from = \"2019\" } for a member that joined in 2019",
	"member.noID":            "group %q: member number %d has no id — write { id = \"agency-id\", from = \"2019\" }",
	"member.unknownKey":      "group %q, member %q: key %q cannot be used — use only id, from (the day it joined) and until (the day it left) (suggestion: %s)",
	"member.order":           "member %q of group %q has until = %s before from = %s — the day it left must come after the day it joined; correct one of them",
	"member.overlap":         "group %q lists %q twice for times that overlap: %s (line %d) and %s — merge them, or correct from/until so that the later one starts after the earlier one ends",
	"span.form":              "%s = %s is neither a reporting period nor a day — write a year (\"2019\": from 1 January or until 31 December), a first half (\"2019-H1\": from 1 January or until 30 June) or a day (2019-07-01)",
	"duty.noReports":         "agency %q has %s but not reports = true — add reports = true if the agency must report during that time, or delete that line",
	"duty.order":             "agency %q has reports_until = %s before reports_from = %s — the day its duty ends must come after the day it begins; correct one of them",
	"workbook.notMemberThen": "%s was not in %s during period %s (see from/until in %s) — delete this row; " + remakeEN,
	"update.notMemberThen":   "%q was not a member of group %s in period %s (data/agencies.toml line %d says: %s) — a report for this period cannot report that unit's share of milestone %q; remove this update, or correct from/until in data/agencies.toml if the dates are wrong",
}
