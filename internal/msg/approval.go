package msg

// The sentences of approving, rejecting and importing reports, and of the
// cells of a workbook. They join the catalogues at start-up.
func init() {
	for k, v := range approvalVI {
		vi[k] = v
	}
	for k, v := range approvalEN {
		en[k] = v
	}
}

// Plural formats the message key for the count n in l: in English, with
// n == 1, the key's singular form key+".one" when the catalogue has it.
// Vietnamese has no plural: one form serves every count. args are all the
// message's arguments (n among them where the message says it).
func Plural(l Lang, key string, n int, args ...any) string {
	if n == 1 && l == EN {
		if _, ok := en[key+".one"]; ok {
			key += ".one"
		}
	}
	return Get(l, key, args...)
}

// remakeVI and remakeEN are the fix for a workbook whose hidden parts were
// changed.
const (
	remakeVI = "tải mẫu mới bằng lệnh minhbach template rồi điền lại"
	remakeEN = "make a new workbook with minhbach template and fill it in again"
)

var approvalVI = map[string]string{
	// Workbook cells.
	"workbook.notTemplate":           "tệp này không phải mẫu báo cáo do minhbach tạo (thiếu trang ẩn %q) — " + remakeVI,
	"workbook.version":               "tệp theo định dạng %q, không phải %q mà phiên bản này đọc được — " + remakeVI,
	"workbook.agency":                "mã cơ quan %q trong tệp không có trong %s (tệp đã bị sửa) — " + remakeVI,
	"workbook.period":                "kỳ báo cáo %q trong tệp không hợp lệ (tệp đã bị sửa) — " + remakeVI,
	"workbook.sheetMissing":          "thiếu trang %q (đã bị đổi tên hoặc xóa) — " + remakeVI,
	"workbook.unreadableSheet":       "không đọc được trang này (%s) — " + remakeVI,
	"workbook.numberMissing":         "thiếu số hiệu văn bản báo cáo — điền số hiệu, ví dụ 45/BC-UBND",
	"workbook.numberTooLong":         "số hiệu văn bản dài quá %d byte — rút gọn",
	"workbook.dateMissing":           "thiếu ngày báo cáo — điền ngày dạng 30/06/2018 (ngày/tháng/năm)",
	"workbook.dateBeforePeriod":      "ngày báo cáo %s trước khi kỳ %s bắt đầu (%s) — sửa ngày báo cáo",
	"workbook.reportDate.bad":        "ngày báo cáo %q không hợp lệ — dùng dạng 31/12/2018 (ngày/tháng/năm), hoặc chọn kiểu ô Ngày (Date)",
	"workbook.reportDate.impossible": "ngày báo cáo %q không có thật (tháng %d năm %d chỉ có %d ngày) — sửa ngày, dạng 31/12/2018 (ngày/tháng/năm)",
	"workbook.doneOn.bad":            "ngày hoàn thành %q không hợp lệ — dùng dạng 31/12/2018 (ngày/tháng/năm), hoặc chọn kiểu ô Ngày (Date)",
	"workbook.doneOn.impossible":     "ngày hoàn thành %q không có thật (tháng %d năm %d chỉ có %d ngày) — sửa ngày, dạng 31/12/2018 (ngày/tháng/năm)",
	"workbook.rowNotTemplate":        "dòng %d không phải dòng của mẫu (không có mã mốc ở cột ẩn %s) — không thêm dòng; chép nội dung sang đúng dòng của mốc rồi xóa dòng này",
	"workbook.milestoneUnknown":      "mã mốc %q (cột ẩn %s) không có trong kế hoạch — tệp đã bị sửa; " + remakeVI,
	"workbook.memberUnknown":         "mã cơ quan %q (cột ẩn %s) không có trong %s — tệp đã bị sửa; " + remakeVI,
	"workbook.notOwner":              "%s không chủ trì mốc %s (đơn vị chủ trì: %s) — tệp đã bị sửa; " + remakeVI,
	"workbook.notMember":             "%s không thuộc %s, nhóm chủ trì mốc %s — tệp đã bị sửa; " + remakeVI,
	"workbook.otherMember":           "%s chỉ báo cáo phần việc của mình, không báo cáo thay %s — tệp đã bị sửa; " + remakeVI,
	"workbook.duplicateRow":          "mốc %s đã có ở dòng %s — tệp đã bị sửa; gộp hai dòng làm một hoặc " + remakeVI,
	"workbook.noRows":                "không có dòng mốc công việc nào — " + remakeVI,
	"workbook.nothingFilled":         "chưa điền dòng nào — chọn trạng thái cho từng mốc công việc ở cột G",
	"workbook.stateMissing":          "chưa chọn trạng thái của mốc %s — chọn một trong: %s",
	"workbook.stateBad":              "trạng thái %q không hợp lệ — chọn một trong: %s",
	"workbook.waiting":               "mốc %s không có điều kiện chờ Trung ương trong kế hoạch nên không thể chọn %q — chọn một trong: %s",
	"workbook.doneOnMissing":         "mốc %s đã hoàn thành nhưng chưa có ngày hoàn thành — điền ngày dạng 15/06/2018 (ngày/tháng/năm)",
	"workbook.doneOnNotDone":         "có ngày hoàn thành nhưng trạng thái là %q — chọn %q hoặc xóa ngày",
	"workbook.doneAfterReport":       "ngày hoàn thành %s sau ngày báo cáo %s (trang %q) — không thể báo cáo việc chưa xảy ra; sửa ngày",
	"workbook.progressNotNumber":     "tiến độ %q không phải số nguyên — điền số nguyên từ 0 đến 100 (phần trăm), ví dụ 60",
	"workbook.progressNotWhole":      "tiến độ %q không phải số nguyên — điền số nguyên phần trăm từ 0 đến 100, ví dụ %d",
	"workbook.progressRange":         "tiến độ %d%% nằm ngoài khoảng 0–100 — điền số nguyên từ 0 đến 100",
	"workbook.evidenceTooLong":       "một văn bản chứng minh dài quá %d byte — mỗi dòng chỉ ghi số, ngày, trích yếu của một văn bản",
	"workbook.noteTooLong":           "ghi chú dài quá %d byte — rút gọn, đưa phần chi tiết vào nội dung báo cáo ở trang %q",

	// Import, approve, reject.
	"cli.flag.replaceApproved":  "thay báo cáo đã phê duyệt bằng báo cáo trong tệp Excel; bản đã phê duyệt được giữ lại trong " + "ban-luu/bao-cao/",
	"cli.import.approved":       "%s đã được phê duyệt (người phê duyệt: %s, ngày %s) và đang được công bố — không ghi đè. Nếu %s là bản thay thế đã được đồng ý, nhập lại với --replace-approved: bản đã phê duyệt được giữ lại trong ban-luu/bao-cao/, báo cáo mới ở trạng thái đã gửi và cần phê duyệt lại.",
	"cli.import.keepFailed":     "không giữ lại được bản đã phê duyệt của %s (%v) — không ghi gì; kiểm tra quyền ghi thư mục ban-luu/ rồi làm lại",
	"cli.import.replaced":       "Bản đã phê duyệt trước đây được giữ lại ở %s (không bao giờ được đọc như một báo cáo). Báo cáo mới cần phê duyệt lại: minhbach approve.",
	"cli.import.problems.one":   "Có %d lỗi trong tệp Excel — sửa các ô trên rồi nhập lại. Không có tệp nào được ghi.",
	"cli.approve.problems.one":  "Không phê duyệt: %s có %d lỗi (các dòng trên) — sửa rồi phê duyệt lại. Tệp được giữ nguyên.",
	"cli.problems.one":          "Có %d lỗi trong dữ liệu — sửa các lỗi trên rồi chạy lại lệnh. Trang web cũ (nếu có) được giữ nguyên.",
	"cli.aside.mine.one":        "Tệp %s có %d lỗi — sửa tệp đó (các dòng trên) rồi làm lại. Không có tệp nào được ghi.",
	"cli.aside.others.one":      "Cảnh báo: %d lỗi ở báo cáo khác (không ảnh hưởng lệnh này; chạy minhbach check để xem):",
	"cli.aside.mine":            "Tệp %s có %d lỗi — sửa tệp đó (các dòng trên) rồi làm lại. Không có tệp nào được ghi.",
	"cli.aside.others":          "Cảnh báo: %d lỗi ở báo cáo khác (không ảnh hưởng lệnh này; chạy minhbach check để xem):",
	"cli.badDate":               "ngày --date %q không hợp lệ — dùng dạng 2018-12-31",
	"cli.approve.short":         "phê duyệt một báo cáo để lần tạo trang tiếp theo công bố nó",
	"cli.reject.short":          "trả lại một báo cáo chưa phê duyệt, ghi lý do",
	"cli.flag.by":               "người phê duyệt (chức danh), ví dụ \"Phó Giám đốc Sở Nội vụ\"",
	"cli.flag.on":               "ngày phê duyệt (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định hôm nay)",
	"cli.flag.note":             "lý do trả lại, để đơn vị sửa",
	"cli.flag.withdraw":         "rút báo cáo đã phê duyệt khỏi trang web (bản đã phê duyệt được giữ lại trong ban-luu/bao-cao/)",
	"cli.approve.byMissing":     "thiếu người phê duyệt — thêm --by \"chức danh người phê duyệt\"",
	"cli.approve.badOn":         "ngày --on %q không hợp lệ — dùng dạng 2018-12-31 hoặc 31/12/2018",
	"cli.approve.future":        "ngày phê duyệt %s sau hôm nay (%s) — không phê duyệt trước; bỏ --on hoặc dùng ngày đã qua",
	"cli.approve.beforeDate":    "ngày phê duyệt %s trước ngày báo cáo %s — dùng --on với một ngày từ ngày báo cáo trở đi",
	"cli.approve.notReport":     "%s không phải một báo cáo trong %s của cổng thông tin %s — chỉ định tệp content/bao-cao/<kỳ>/<cơ-quan>.md",
	"cli.approve.missing":       "không có tệp %s — kiểm tra tên và đường dẫn của tệp",
	"cli.approve.problems":      "Không phê duyệt: %s có %d lỗi (các dòng trên) — sửa rồi phê duyệt lại. Tệp được giữ nguyên.",
	"cli.approve.already":       "%s đã được phê duyệt (người phê duyệt: %s, ngày %s) — không thay đổi gì.",
	"cli.approve.done":          "Đã phê duyệt %s (người phê duyệt: %s, ngày %s); chỉ các dòng trong [approval] thay đổi.",
	"cli.approve.publishes":     "Lần chạy minhbach build tiếp theo sẽ công bố báo cáo số %s của %s, kỳ %s (%d mốc công việc).",
	"cli.approve.publishes.one": "Lần chạy minhbach build tiếp theo sẽ công bố báo cáo số %s của %s, kỳ %s (%d mốc công việc).",
	"cli.import.done.one":       "Đã ghi %s (báo cáo số %s ngày %s, %d mốc; trạng thái: đã gửi, chờ phê duyệt).",
	"cli.template.done.one":     "Đã tạo %s (%d mốc công việc) — gửi cho %s điền, rồi nhập lại bằng: minhbach import %s",
	"cli.approve.replacesNone":  "Báo cáo này không thay báo cáo nào đã công bố.",
	"cli.approve.changes":       "Trạng thái sẽ thay đổi: %s.",
	"cli.approve.changesNone":   "Không mốc công việc nào đổi trạng thái.",
	"cli.approve.more":          "và %d thay đổi khác",
	"cli.approve.editFailed":    "không sửa được phần [approval] của %s (chi tiết: %s) — tệp được giữ nguyên; viết phần [approval] thành một bảng [approval] như trong README rồi chạy lại lệnh",
	"cli.reject.noteMissing":    "thiếu lý do trả lại — thêm --note \"lý do\" để đơn vị biết cần sửa gì",
	"cli.reject.approved":       "%s đã được phê duyệt (người phê duyệt: %s, ngày %s) và đang được công bố — không trả lại. Để sửa, đơn vị gửi báo cáo đã sửa (minhbach import --replace-approved, rồi phê duyệt lại); để rút hẳn báo cáo khỏi trang web, chạy lại lệnh với --withdraw-approved (bản đã phê duyệt được giữ lại trong ban-luu/bao-cao/).",
	"cli.reject.already":        "%s đã bị trả lại với cùng lý do — không thay đổi gì.",
	"cli.reject.done":           "Đã trả lại %s (lý do: %s). Báo cáo không được công bố; đơn vị sửa rồi gửi lại.",
	"cli.reject.withdrawn":      "Đã rút %s khỏi công bố; bản đã phê duyệt được giữ lại ở %s. Lần chạy minhbach build tiếp theo sẽ bỏ báo cáo này khỏi trang web.",
}

var approvalEN = map[string]string{
	"workbook.notTemplate":           "this file is not a report workbook made by minhbach (the hidden sheet %q is missing) — " + remakeEN,
	"workbook.version":               "the workbook is of format %q, not %q that this version reads — " + remakeEN,
	"workbook.agency":                "agency id %q in the workbook is not in %s (the workbook was altered) — " + remakeEN,
	"workbook.period":                "period %q in the workbook is not valid (the workbook was altered) — " + remakeEN,
	"workbook.sheetMissing":          "sheet %q is missing (renamed or deleted) — " + remakeEN,
	"workbook.unreadableSheet":       "this sheet cannot be read (%s) — " + remakeEN,
	"workbook.numberMissing":         "the report's official number is missing — fill it in, such as 45/BC-UBND",
	"workbook.numberTooLong":         "the official number is longer than %d bytes — shorten it",
	"workbook.dateMissing":           "the report's date is missing — fill it in as 30/06/2018 (day/month/year)",
	"workbook.dateBeforePeriod":      "the report's date %s is before period %s begins (%s) — correct the report's date",
	"workbook.reportDate.bad":        "report date %q is not a date — use the form 31/12/2018 (day/month/year), or format the cell as a Date",
	"workbook.reportDate.impossible": "report date %q does not exist (month %d of %d has %d days) — correct it, in the form 31/12/2018 (day/month/year)",
	"workbook.doneOn.bad":            "date done %q is not a date — use the form 31/12/2018 (day/month/year), or format the cell as a Date",
	"workbook.doneOn.impossible":     "date done %q does not exist (month %d of %d has %d days) — correct it, in the form 31/12/2018 (day/month/year)",
	"workbook.rowNotTemplate":        "row %d is not a row of the workbook (no milestone id in hidden column %s) — do not add rows; copy its content to the milestone's own row and delete this one",
	"workbook.milestoneUnknown":      "milestone id %q (hidden column %s) is not in the plan — the workbook was altered; " + remakeEN,
	"workbook.memberUnknown":         "agency id %q (hidden column %s) is not in %s — the workbook was altered; " + remakeEN,
	"workbook.notOwner":              "%s does not lead milestone %s (its lead: %s) — the workbook was altered; " + remakeEN,
	"workbook.notMember":             "%s is not in %s, the group leading milestone %s — the workbook was altered; " + remakeEN,
	"workbook.otherMember":           "%s reports only its own share, not on behalf of %s — the workbook was altered; " + remakeEN,
	"workbook.duplicateRow":          "milestone %s is already on row %s — the workbook was altered; merge the two rows or " + remakeEN,
	"workbook.noRows":                "there is no milestone row — " + remakeEN,
	"workbook.nothingFilled":         "no row is filled in — choose the state of each milestone in column G",
	"workbook.stateMissing":          "no state chosen for milestone %s — choose one of: %s",
	"workbook.stateBad":              "state %q is not valid — choose one of: %s",
	"workbook.waiting":               "milestone %s has no condition on central guidance in the plan, so it cannot be %q — choose one of: %s",
	"workbook.doneOnMissing":         "milestone %s is done but has no date done — fill it in as 15/06/2018 (day/month/year)",
	"workbook.doneOnNotDone":         "there is a date done but the state is %q — choose %q or clear the date",
	"workbook.doneAfterReport":       "date done %s is after the report's date %s (sheet %q) — a report cannot tell what has not happened yet; correct the date",
	"workbook.progressNotNumber":     "progress %q is not a whole number — fill in a whole number of percent from 0 to 100, such as 60",
	"workbook.progressNotWhole":      "progress %q is not a whole number — fill in a whole number of percent from 0 to 100, such as %d",
	"workbook.progressRange":         "progress %d%% is outside 0–100 — fill in a whole number from 0 to 100",
	"workbook.evidenceTooLong":       "a piece of evidence is longer than %d bytes — give each document's number, date and title on one line",
	"workbook.noteTooLong":           "the note is longer than %d bytes — shorten it and put the details in the report's text on sheet %q",

	"cli.flag.replaceApproved":  "replace an approved report with the workbook's; the approved version is kept in " + "ban-luu/bao-cao/",
	"cli.import.approved":       "%s is approved (by %s, on %s) and published — it is not overwritten. If %s is an agreed replacement, import it again with --replace-approved: the approved version is kept in ban-luu/bao-cao/, and the new report is submitted and must be approved again.",
	"cli.import.keepFailed":     "the approved version of %s could not be kept (%v) — nothing was written; check that the folder ban-luu/ can be written and try again",
	"cli.import.replaced":       "The previously approved version is kept at %s (it is never read as a report). The new report must be approved again: minhbach approve.",
	"cli.problems.one":          "%d problem in the data — fix the problem above and run the command again. The previous site (if any) is left as it was.",
	"cli.aside.mine.one":        "%s has %d problem — fix that file (the line above) and try again. Nothing was written.",
	"cli.aside.others.one":      "Warning: %d problem in another report (it does not affect this command; run minhbach check to see it):",
	"cli.import.problems.one":   "%d problem in the workbook — fix the cell above and import again. Nothing was written.",
	"cli.aside.mine":            "%s has %d problems — fix that file (the lines above) and try again. Nothing was written.",
	"cli.aside.others":          "Warning: %d problems in other reports (they do not affect this command; run minhbach check to see them):",
	"cli.badDate":               "--date %q is not a date — use the form 2018-12-31",
	"cli.approve.short":         "approve a report so that the next build publishes it",
	"cli.reject.short":          "send back a report that is not approved, with the reason",
	"cli.flag.by":               "who approves (their title), such as \"Deputy Director of the Department of Home Affairs\"",
	"cli.flag.on":               "the day of approval (YYYY-MM-DD or dd/mm/yyyy; default today)",
	"cli.flag.note":             "why the report is sent back, for the unit to fix",
	"cli.flag.withdraw":         "take an approved report off the site (the approved version is kept in ban-luu/bao-cao/)",
	"cli.approve.byMissing":     "who approves is missing — add --by \"the approver's title\"",
	"cli.approve.badOn":         "--on %q is not a date — use the form 2018-12-31 or 31/12/2018",
	"cli.approve.future":        "the day of approval %s is after today (%s) — do not approve ahead; leave out --on or give a past day",
	"cli.approve.beforeDate":    "the day of approval %s is before the report's date %s — give --on a day from the report's date on",
	"cli.approve.notReport":     "%s is not a report in %s of the portal %s — name a file content/bao-cao/<period>/<agency>.md",
	"cli.approve.missing":       "there is no file %s — check the file's name and path",
	"cli.approve.problems":      "Not approved: %s has %d problems (the lines above) — fix them and approve again. The file is left as it was.",
	"cli.approve.problems.one":  "Not approved: %s has %d problem (the line above) — fix it and approve again. The file is left as it was.",
	"cli.approve.already":       "%s is already approved (by %s, on %s) — nothing changed.",
	"cli.approve.done":          "Approved %s (by %s, on %s); only the lines of [approval] changed.",
	"cli.approve.publishes":     "The next minhbach build will publish report no. %s of %s, period %s (%d milestones).",
	"cli.approve.publishes.one": "The next minhbach build will publish report no. %s of %s, period %s (%d milestone).",
	"cli.import.done.one":       "Wrote %s (report no. %s of %s, %d milestone; state: submitted, awaiting approval).",
	"cli.template.done.one":     "Created %s (%d milestone) — send it to %s to fill in, then import it with: minhbach import %s",
	"cli.approve.replacesNone":  "It replaces no published report.",
	"cli.approve.changes":       "Statuses that will change: %s.",
	"cli.approve.changesNone":   "No milestone changes status.",
	"cli.approve.more":          "and %d more",
	"cli.approve.editFailed":    "the [approval] part of %s could not be edited (details: %s) — the file is left as it was; write it as an [approval] table as the README shows and run the command again",
	"cli.reject.noteMissing":    "the reason is missing — add --note \"the reason\" so that the unit knows what to fix",
	"cli.reject.approved":       "%s is approved (by %s, on %s) and published — it is not sent back. To correct it, the unit sends a corrected report (minhbach import --replace-approved, then approve it again); to take it off the site altogether, run the command again with --withdraw-approved (the approved version is kept in ban-luu/bao-cao/).",
	"cli.reject.already":        "%s was already sent back with the same reason — nothing changed.",
	"cli.reject.done":           "Sent back %s (reason: %s). It is not published; the unit fixes it and sends it again.",
	"cli.reject.withdrawn":      "Withdrew %s from publication; the approved version is kept at %s. The next minhbach build takes the report off the site.",
}
