package msg

// The command-line interface's own sentences: help, summaries, errors that
// are not about a source file. They join the catalogues at start-up.
func init() {
	for k, v := range cliVI {
		vi[k] = v
	}
	for k, v := range cliEN {
		en[k] = v
	}
}

var cliVI = map[string]string{
	"cli.short":            "minhbach — tạo cổng thông tin minh bạch từ kế hoạch và các báo cáo đã phê duyệt",
	"cli.long":             "minhbach tạo một trang web tĩnh từ kế hoạch (data/plan.toml, data/agencies.toml) và các báo cáo tiến độ đã được phê duyệt (content/bao-cao/). Chạy \"minhbach build\" trong thư mục của cổng thông tin rồi tải thư mục public/ lên máy chủ.",
	"cli.flag.lang":        "ngôn ngữ của thông báo: vi hoặc en (mặc định theo biến LANG, nếu không thì tiếng Việt)",
	"cli.flag.source":      "thư mục của cổng thông tin (chứa site.toml, data/, content/)",
	"cli.flag.dest":        "thư mục kết quả để tải lên máy chủ",
	"cli.flag.baseURL":     "địa chỉ trang web sẽ được đặt, ví dụ https://example.gov.vn/minhbach/",
	"cli.flag.relative":    "dùng liên kết tương đối để mở được trang web từ một thư mục thường (không cần máy chủ)",
	"cli.flag.asOf":        "tính trạng thái tại ngày này (YYYY-MM-DD) thay vì ngày cuối của kỳ báo cáo mới nhất",
	"cli.flag.agency":      "mã cơ quan gửi báo cáo (xem data/agencies.toml)",
	"cli.flag.period":      "kỳ báo cáo: 2018-H1 (6 tháng đầu năm), 2018 (cả năm) hoặc 2018-05-10 (đột xuất)",
	"cli.build.short":      "kiểm tra dữ liệu và tạo trang web vào thư mục public/",
	"cli.check.short":      "kiểm tra dữ liệu và cho biết những gì sẽ được công bố, không tạo trang web",
	"cli.new.short":        "tạo tệp mới từ mẫu",
	"cli.newReport.short":  "tạo một báo cáo nháp cho một cơ quan và một kỳ, điền sẵn các mốc công việc của cơ quan đó",
	"cli.problems":         "Có %d lỗi trong dữ liệu — sửa các lỗi trên rồi chạy lại lệnh. Trang web cũ (nếu có) được giữ nguyên.",
	"cli.warnings":         "Cảnh báo: %d báo cáo chưa phê duyệt có lỗi và sẽ không được công bố cho đến khi sửa:",
	"cli.ok":               "Dữ liệu hợp lệ.",
	"cli.built":            "Đã tạo trang web vào %s: %d nhiệm vụ, %d báo cáo được công bố, %d báo cáo không công bố, %d trang, %d tệp, %s, trong %s.",
	"cli.asOf":             "Trạng thái tính đến ngày %s (kỳ báo cáo: %s).",
	"cli.noReports":        "Chưa có báo cáo nào được phê duyệt: trang web chỉ hiển thị kế hoạch, chưa có trạng thái.",
	"cli.buildFailed":      "Không tạo được trang web (%s) — trang web cũ được giữ nguyên. Chi tiết: %v",
	"cli.badAsOf":          "ngày --as-of %q không hợp lệ — dùng dạng 2018-12-31",
	"cli.published":        "Báo cáo được công bố: %d",
	"cli.excluded":         "Báo cáo không công bố: %d",
	"cli.excludedOne":      "  - %s (%s, kỳ %s): %s",
	"cli.reason.draft":     "bản nháp",
	"cli.reason.submitted": "đã gửi, chưa phê duyệt",
	"cli.reason.rejected":  "bị từ chối",
	"cli.reason.problems":  "có lỗi, xem cảnh báo ở trên",
	"cli.missing":          "Đơn vị chưa gửi báo cáo kỳ %s: %s",
	"cli.missingNone":      "Mọi đơn vị phải báo cáo đều đã gửi báo cáo kỳ %s.",
	"cli.newOverdue":       "Mốc công việc trở thành quá hạn từ kỳ trước: %s",
	"cli.newOverdueNone":   "Không có mốc công việc nào mới trở thành quá hạn.",
	"cli.newReport.exists": "tệp %s đã có — mở tệp đó để sửa, hoặc xóa nó nếu muốn tạo lại",
	"cli.newReport.done":   "Đã tạo %s — mở tệp, điền nội dung, rồi chạy \"minhbach serve --drafts\" để xem trước.",
}

var cliEN = map[string]string{
	"cli.short":            "minhbach — build a transparency portal from a plan and its approved reports",
	"cli.long":             "minhbach builds a static website from a plan (data/plan.toml, data/agencies.toml) and the approved progress reports (content/bao-cao/). Run \"minhbach build\" in the portal's folder, then upload the public/ folder to any web host.",
	"cli.flag.lang":        "language of messages: vi or en (default from LANG, else Vietnamese)",
	"cli.flag.source":      "the portal's folder (with site.toml, data/, content/)",
	"cli.flag.dest":        "the output folder to upload",
	"cli.flag.baseURL":     "the address the site will be served from, such as https://example.gov.vn/minhbach/",
	"cli.flag.relative":    "use relative links so the site can be opened from a plain folder (no server)",
	"cli.flag.asOf":        "compute statuses as of this day (YYYY-MM-DD) instead of the end of the latest reporting period",
	"cli.flag.agency":      "id of the reporting agency (see data/agencies.toml)",
	"cli.flag.period":      "reporting period: 2018-H1 (first half), 2018 (whole year) or 2018-05-10 (ad hoc)",
	"cli.build.short":      "check the data and build the website into public/",
	"cli.check.short":      "check the data and tell what would be published, without building",
	"cli.new.short":        "create a new file from a template",
	"cli.newReport.short":  "create a draft report for an agency and a period, listing that agency's milestones",
	"cli.problems":         "%d problems in the data — fix the problems above and run the command again. The previous site (if any) is left as it was.",
	"cli.warnings":         "Warning: %d reports that are not approved have problems and will not be published until fixed:",
	"cli.ok":               "The data is valid.",
	"cli.built":            "Built the site into %s: %d tasks, %d reports published, %d reports not published, %d pages, %d files, %s, in %s.",
	"cli.asOf":             "Statuses as of %s (reporting period: %s).",
	"cli.noReports":        "No report is approved yet: the site shows the plan without statuses.",
	"cli.buildFailed":      "The site could not be built (%s) — the previous site is left as it was. Details: %v",
	"cli.badAsOf":          "--as-of date %q is not valid — use the form 2018-12-31",
	"cli.published":        "Reports published: %d",
	"cli.excluded":         "Reports not published: %d",
	"cli.excludedOne":      "  - %s (%s, period %s): %s",
	"cli.reason.draft":     "draft",
	"cli.reason.submitted": "submitted, not yet approved",
	"cli.reason.rejected":  "rejected",
	"cli.reason.problems":  "has problems, see the warnings above",
	"cli.missing":          "Units that sent no report for period %s: %s",
	"cli.missingNone":      "Every unit that must report has reported for period %s.",
	"cli.newOverdue":       "Milestones that became overdue since the previous period: %s",
	"cli.newOverdueNone":   "No milestone became overdue since the previous period.",
	"cli.newReport.exists": "file %s already exists — open it to edit it, or delete it to start again",
	"cli.newReport.done":   "Created %s — open it, fill it in, then run \"minhbach serve --drafts\" to preview it.",
}
