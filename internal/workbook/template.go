package workbook

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/xuri/excelize/v2"
)

// row is one row of sheet "Báo cáo": one member's share of one milestone,
// and what the existing report says of it.
type row struct {
	m      *plan.Milestone
	member string
	group  *plan.Group
	u      *plan.Update
}

// rowsFor returns the rows of the workbook for agency and period per: its
// shares (see reportfile.Shares) and, for a compiler that reported for members of a
// group, the other shares the existing report updates; in plan order, the
// agency's own share of a milestone first.
func rowsFor(p *plan.Project, agency string, per plan.Period, existing *plan.Report) []row {
	order := map[string]int{}
	byID := map[string]*plan.Milestone{}
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			order[m.ID] = len(order)
			byID[m.ID] = m
		}
	}
	key := func(milestone, member string) string { return milestone + "\x00" + member }
	var rows []row
	seen := map[string]bool{}
	for _, s := range reportfile.Shares(p, agency, per) {
		rows = append(rows, row{m: s.Milestone, member: s.Member, group: s.Group})
		seen[key(s.Milestone.ID, s.Member)] = true
	}
	if existing != nil {
		for _, u := range existing.Updates {
			member := u.Member
			if member == "" {
				member = agency
			}
			m := byID[u.Milestone]
			if m == nil || seen[key(m.ID, member)] {
				continue
			}
			seen[key(m.ID, member)] = true
			rows = append(rows, row{m: m, member: member, group: p.Agencies.Group(m.Owner)})
		}
		for i := range rows {
			for _, u := range existing.Updates {
				member := u.Member
				if member == "" {
					member = agency
				}
				if u.Milestone == rows[i].m.ID && member == rows[i].member {
					rows[i].u = u
					break
				}
			}
		}
	}
	rank := func(r row) int {
		if r.member == agency {
			return -1
		}
		if r.group != nil {
			for i, m := range r.group.Members {
				if m == r.member {
					return i
				}
			}
		}
		return math.MaxInt
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if order[a.m.ID] != order[b.m.ID] {
			return order[a.m.ID] < order[b.m.ID]
		}
		return rank(a) < rank(b)
	})
	return rows
}

// The widths of the columns of sheet "Báo cáo", in characters.
var widths = map[string]float64{
	colTask: 5, colMilestone: 7, colTitle: 28, colAction: 48, colDue: 17, colStatus: 22,
	colState: 17, colDone: 13, colProgress: 9, colEvidence: 28, colNote: 28,
	colID: 8, colMember: 8,
}

// styles are the cell styles of a workbook.
type styles struct {
	title, intro, header, plan, planCenter, fill, fillDate, fillText, fillNumber, label, locked, hidden int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	lockedP := &excelize.Protection{Locked: true}
	open := &excelize.Protection{Locked: false}
	yellow := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF2CC"}}
	text := "@"
	font := func(bold bool, size float64, color string) *excelize.Font {
		return &excelize.Font{Family: "Calibri", Bold: bold, Size: size, Color: color}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}
	defs := []*excelize.Style{
		{Font: font(true, 14, ""), Alignment: &excelize.Alignment{Vertical: "center"}, Protection: lockedP},
		{Font: font(false, 10, "404040"), Alignment: top, Protection: lockedP},
		{Font: font(true, 11, ""), Border: border, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9D9D9"}},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}, Protection: lockedP},
		{Font: font(false, 11, ""), Border: border, Alignment: top, Protection: lockedP},
		{Font: font(false, 11, ""), Border: border, Alignment: center, Protection: lockedP},
		{Font: font(false, 11, ""), Border: border, Alignment: top, Fill: yellow, Protection: open},
		{Font: font(false, 11, ""), Border: border, Alignment: center, Fill: yellow, Protection: open, CustomNumFmt: &text},
		{Font: font(false, 11, ""), Border: border, Alignment: top, Fill: yellow, Protection: open, CustomNumFmt: &text},
		{Font: font(false, 11, ""), Border: border, Alignment: center, Fill: yellow, Protection: open, NumFmt: 1},
		{Font: font(true, 11, ""), Border: border, Alignment: top, Protection: lockedP},
		{Font: font(false, 11, ""), Border: border, Alignment: top, Protection: lockedP, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}},
		{Font: font(false, 8, "A6A6A6"), Protection: lockedP},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return nil, err
		}
		ids[i] = id
	}
	return &styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9], ids[10], ids[11]}, nil
}

// lines estimates how many lines text takes in a wrapped cell width
// characters wide.
func lines(text string, width float64) int {
	per := max(1, int(width))
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n += max(1, (utf8.RuneCountInString(para)+per-1)/per)
	}
	return n
}

// height is the height in points of a row whose tallest cell has n lines.
func height(n int) float64 { return math.Min(409, float64(n)*15+4) }

// Template writes the Excel workbook for agency and period.
//
// Sheet "Báo cáo" has a title, instructions in Vietnamese, a bold frozen
// header row, and one row per share of the agency (see rowsFor): task
// number, milestone id, task title, action, deadline in words, the status
// last published (from snap, which may be nil) with its source, then the
// columns to fill in: Trạng thái (a drop-down list; the milestone's own
// waiting label, "Chờ quy định của Trung ương" for 3a, only for a milestone
// with a condition), Ngày hoàn thành
// (dd/mm/yyyy, kept as text), Tiến độ (%) (a whole number from 0 to 100),
// Văn bản chứng minh (one a line) and Ghi chú. Sheet "Thông tin" has the
// agency and the period (locked), then Số hiệu văn bản, Ngày báo cáo and
// Nội dung báo cáo to fill in. Every sheet is protected with the fill-in
// cells unlocked (no password: the protection guards against accidents);
// the hidden sheet "_minhbach" and the hidden columns L and M hold what
// Import needs to read the workbook back exactly. Pages print landscape on
// A4, fitted to the width.
//
// When existing is not nil (the report file of the same agency and period)
// the fill-in cells are filled from it, so that importing the workbook
// unchanged gives back the same report.
//
// The errors are those of reportfile.Target, an existing report of
// another agency or period, and text too long for a cell.
func Template(p *plan.Project, snap *status.Snapshot, agency, period string, existing *plan.Report) (*excelize.File, error) {
	a, per, err := reportfile.Target(p, agency, period)
	if err != nil {
		return nil, err
	}
	if existing != nil && (existing.Agency != a.ID || existing.Period != per.ID) {
		return nil, reportfile.Err("workbook.otherReport",
			existing.Agency, existing.Period, a.ID, per.ID)
	}
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	w := &writer{f: f, st: st}
	w.reportSheet(p, snap, a, per, rowsFor(p, a.ID, per, existing))
	w.infoSheet(p, a, per, existing)
	w.metaSheet(a, per)
	if w.err != nil {
		return nil, w.err
	}
	title := fmt.Sprintf("Báo cáo của %s — %s", a.Name, per.Words("vi"))
	w.do(f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: p.Plan.Short, Creator: "minhbach", Language: "vi-VN",
		Identifier: FormatVersion, Created: "2018-01-01T00:00:00Z", Modified: "2018-01-01T00:00:00Z",
	}))
	f.SetActiveSheet(0)
	w.do(f.ProtectWorkbook(&excelize.WorkbookProtectionOptions{LockStructure: true}))
	if w.err != nil {
		return nil, w.err
	}
	return f, nil
}

// writer writes cells and keeps the first error.
type writer struct {
	f   *excelize.File
	st  *styles
	err error
}

func (w *writer) do(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *writer) str(sheet, cell, s string, style int) {
	if utf8.RuneCountInString(s) > maxCellChars {
		w.do(reportfile.Err("workbook.cellTooLong",
			sheet, cell, maxCellChars))
		return
	}
	if s != "" {
		w.do(w.f.SetCellStr(sheet, cell, s))
	}
	w.do(w.f.SetCellStyle(sheet, cell, cell, style))
}

func cell(col string, r int) string { return fmt.Sprintf("%s%d", col, r) }

func (w *writer) reportSheet(p *plan.Project, snap *status.Snapshot, a *plan.Agency, per plan.Period, rows []row) {
	const sh = SheetReport
	f, st := w.f, w.st
	w.do(f.SetSheetName("Sheet1", sh))
	cols := []string{colTask, colMilestone, colTitle, colAction, colDue, colStatus, colState, colDone, colProgress, colEvidence, colNote, colID, colMember}
	total := 0.0
	for _, c := range cols {
		w.do(f.SetColWidth(sh, c, c, widths[c]))
		if c <= lastCol {
			total += widths[c]
		}
	}
	w.do(f.SetColVisible(sh, colID+":"+colMember, false))

	w.str(sh, "A1", fmt.Sprintf("Báo cáo kết quả thực hiện kế hoạch — %s — %s", a.Name, per.Words("vi")), st.title)
	w.do(f.MergeCell(sh, "A1", lastCol+"1"))
	w.do(f.SetRowHeight(sh, 1, 24))
	compiler := "cơ quan tổng hợp"
	if c := p.Agencies.Agency(p.Plan.Reporting.Compiler); c != nil {
		compiler = c.Name
	}
	intro := "Hướng dẫn: điền các ô nền vàng (cột " + colState + " đến cột " + colNote + ") cho từng mốc công việc; các cột khác đã khóa. " +
		"Trạng thái: chọn trong danh sách. Ngày hoàn thành: chỉ điền khi đã hoàn thành, dạng ngày/tháng/năm, ví dụ 15/06/2018. " +
		"Tiến độ: số nguyên từ 0 đến 100 (không bắt buộc). Văn bản chứng minh: số, ngày, trích yếu của từng văn bản, mỗi văn bản một dòng (Alt+Enter để xuống dòng). " +
		"Điền số hiệu, ngày và nội dung báo cáo ở trang \"" + SheetInfo + "\". Không thêm, xóa hay đổi thứ tự các dòng. Điền xong, gửi lại tệp này cho " + compiler + "."
	w.str(sh, "A2", intro, st.intro)
	w.do(f.MergeCell(sh, "A2", lastCol+"2"))
	w.do(f.SetRowHeight(sh, 2, height(lines(intro, total*1.1))))

	published := "Tình trạng đã công bố"
	if snap != nil && !snap.NoData {
		published += "\n(đến " + snap.AsOf.Vietnamese() + ")"
	}
	headers := map[string]string{
		colTask: "NV", colMilestone: "Mốc", colTitle: "Nhiệm vụ", colAction: "Nội dung thực hiện", colDue: "Thời hạn",
		colStatus: published, colState: "Trạng thái", colDone: "Ngày hoàn thành\n(dd/mm/yyyy)", colProgress: "Tiến độ (%)",
		colEvidence: "Văn bản chứng minh\n(mỗi văn bản một dòng)", colNote: "Ghi chú",
		colID: "milestone", colMember: "member",
	}
	tallest := 1
	for _, c := range cols {
		style := st.header
		if c > lastCol {
			style = st.hidden
		} else {
			// Bold text is wider: count it in a narrower column.
			tallest = max(tallest, lines(headers[c], widths[c]*0.95))
		}
		w.str(sh, cell(c, headerRow), headers[c], style)
	}
	w.do(f.SetRowHeight(sh, headerRow, height(tallest)))

	// The rows of one task share one merged cell for its number and one
	// for its title: runStart is the first row of the current task, and
	// rowLines the lines each row needs without the title.
	runStart, runTitle := 0, ""
	rowLines := make([]int, len(rows))
	endRun := func(end int) {
		if runStart == 0 {
			return
		}
		if end > runStart {
			w.do(f.MergeCell(sh, cell(colTask, runStart), cell(colTask, end)))
			w.do(f.MergeCell(sh, cell(colTitle, runStart), cell(colTitle, end)))
		}
		need, have := lines(runTitle, widths[colTitle]), 0
		for n := runStart; n <= end; n++ {
			have += rowLines[n-firstRow]
		}
		if need > have {
			rowLines[end-firstRow] += need - have
		}
		for n := runStart; n <= end; n++ {
			w.do(f.SetRowHeight(sh, n, height(rowLines[n-firstRow])))
		}
	}
	for i, r := range rows {
		n := firstRow + i
		m := r.m
		if i == 0 || m.Task != rows[i-1].m.Task {
			endRun(n - 1)
			runStart, runTitle = n, ""
			if m.Task != nil {
				runTitle = m.Task.Title
			}
		}
		action := m.Action
		if m.Deliverable != "" {
			action += "\nSản phẩm: " + m.Deliverable
		}
		if r.member != a.ID {
			action = fmt.Sprintf("[Phần việc của %s]\n%s", p.Agencies.OwnerName(r.member), action)
		}
		due := m.DueWords("vi")
		if m.Task != nil && n == runStart {
			w.do(f.SetCellInt(sh, cell(colTask, n), int64(m.Task.Number)))
		}
		w.do(f.SetCellStyle(sh, cell(colTask, n), cell(colTask, n), st.planCenter))
		pub := publishedStatus(p, snap, m.ID, r.member)
		w.str(sh, cell(colMilestone, n), m.ID, st.planCenter)
		if n == runStart {
			w.str(sh, cell(colTitle, n), runTitle, st.plan)
		} else {
			w.do(f.SetCellStyle(sh, cell(colTitle, n), cell(colTitle, n), st.plan))
		}
		w.str(sh, cell(colAction, n), action, st.plan)
		w.str(sh, cell(colDue, n), due, st.plan)
		w.str(sh, cell(colStatus, n), pub, st.plan)
		var state, done, evidence, note string
		if u := r.u; u != nil {
			state = milestoneStateLabel(u.State, m)
			done = dmy(u.DoneOn)
			evidence = strings.Join(u.Evidence, "\n")
			note = u.Note
			if u.Progress != nil {
				w.do(f.SetCellInt(sh, cell(colProgress, n), int64(*u.Progress)))
			}
		}
		w.str(sh, cell(colState, n), state, st.fill)
		w.str(sh, cell(colDone, n), done, st.fillDate)
		w.do(f.SetCellStyle(sh, cell(colProgress, n), cell(colProgress, n), st.fillNumber))
		w.str(sh, cell(colEvidence, n), evidence, st.fill)
		w.str(sh, cell(colNote, n), note, st.fill)
		w.str(sh, cell(colID, n), m.ID, st.hidden)
		w.str(sh, cell(colMember, n), r.member, st.hidden)
		tallest := 1
		for c, text := range map[string]string{colAction: action, colDue: due, colStatus: pub, colState: state, colEvidence: evidence, colNote: note} {
			tallest = max(tallest, lines(text, widths[c]))
		}
		rowLines[i] = tallest

		dv := excelize.NewDataValidation(true)
		dv.SetSqref(cell(colState, n))
		w.do(dv.SetDropList(labels(m)))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Trạng thái không hợp lệ", "Chọn một trạng thái trong danh sách.")
		if m.Condition != "" {
			dv.SetInput("Trạng thái", "Chọn trong danh sách. \""+milestoneStateLabel(plan.StateWaiting, m)+"\": khi vẫn chờ "+shortCondition(m.Condition)+".")
		} else {
			dv.SetInput("Trạng thái", "Chọn trong danh sách.")
		}
		w.do(f.AddDataValidation(sh, dv))
	}
	endRun(firstRow + len(rows) - 1)
	if len(rows) > 0 {
		last := firstRow + len(rows) - 1
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", colProgress, firstRow, colProgress, last))
		w.do(dv.SetRange(0, 100, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween))
		dv.SetError(excelize.DataValidationErrorStyleStop, "Tiến độ không hợp lệ", "Tiến độ là số nguyên từ 0 đến 100.")
		dv.SetInput("Tiến độ (%)", "Số nguyên từ 0 đến 100, không bắt buộc.")
		w.do(f.AddDataValidation(sh, dv))
		dv = excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s%d:%s%d", colDone, firstRow, colDone, last))
		dv.SetInput("Ngày hoàn thành", "Chỉ điền khi đã hoàn thành. Dạng ngày/tháng/năm, ví dụ 15/06/2018.")
		w.do(f.AddDataValidation(sh, dv))
	}
	w.do(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell("A", firstRow), ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: cell(colState, firstRow), ActiveCell: cell(colState, firstRow), Pane: "bottomLeft"}}}))
	w.page(sh, "landscape")
	w.do(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sh, headerRow, headerRow), Scope: sh}))
	w.protect(sh)
}

// shortCondition cuts a condition for an input prompt, which Excel limits
// to 255 characters.
func shortCondition(s string) string {
	if utf8.RuneCountInString(s) <= 120 {
		return s
	}
	return string([]rune(s)[:119]) + "…"
}

// publishedStatus is the status of member's share of milestone id as the
// site last published it, and where it came from.
func publishedStatus(p *plan.Project, snap *status.Snapshot, id, member string) string {
	if snap == nil {
		return ""
	}
	if snap.NoData {
		return "Chưa có báo cáo nào được công bố"
	}
	ms := snap.Milestone(id)
	if ms == nil {
		return ""
	}
	for _, mem := range ms.Members {
		if mem.Agency == nil || mem.Agency.ID != member {
			continue
		}
		text := mem.Status.Label("vi")
		if s := mem.Source; s != nil && s.Report != nil {
			src := "Theo báo cáo"
			if s.Report.Number != "" {
				src += " số " + s.Report.Number
			}
			if !s.Report.Date.IsZero() {
				src += " ngày " + s.Report.Date.Vietnamese()
			}
			if s.Report.Agency != member {
				src += " của " + p.Agencies.OwnerName(s.Report.Agency)
			}
			text += "\n" + src
		}
		return text
	}
	return ""
}

func (w *writer) infoSheet(p *plan.Project, a *plan.Agency, per plan.Period, existing *plan.Report) {
	const sh = SheetInfo
	f, st := w.f, w.st
	_, err := f.NewSheet(sh)
	w.do(err)
	w.do(f.SetColWidth(sh, "A", "A", 24))
	w.do(f.SetColWidth(sh, "B", "B", 90))
	w.str(sh, "A1", "Thông tin báo cáo", st.title)
	w.do(f.MergeCell(sh, "A1", "B1"))
	w.do(f.SetRowHeight(sh, 1, 24))
	intro := "Điền các ô nền vàng: số hiệu văn bản báo cáo, ngày báo cáo (dạng ngày/tháng/năm, ví dụ 30/06/2018) và nội dung báo cáo " +
		"(kết quả thực hiện, khó khăn, vướng mắc, kiến nghị, đề xuất). Tình hình từng mốc công việc điền ở trang \"" + SheetReport + "\"."
	w.str(sh, "A2", intro, st.intro)
	w.do(f.MergeCell(sh, "A2", "B2"))
	w.do(f.SetRowHeight(sh, 2, height(lines(intro, 114))))
	var number, date, body string
	if existing != nil {
		number, date, body = existing.Number, dmy(existing.Date), strings.ReplaceAll(existing.Body, "\r\n", "\n")
	}
	fields := []struct {
		label, cell, value string
		style              int
	}{
		{"Mã cơ quan", cellAgencyID, a.ID, st.locked},
		{"Tên cơ quan", cellAgencyName, a.Name, st.locked},
		{"Kỳ báo cáo", cellPeriod, fmt.Sprintf("%s (%s)", per.Words("vi"), per.ID), st.locked},
		{"Số hiệu văn bản", cellNumber, number, st.fill},
		{"Ngày báo cáo\n(dd/mm/yyyy)", cellDate, date, st.fillText},
		{"Nội dung báo cáo", cellBody, body, st.fill},
	}
	for _, fl := range fields {
		label := "A" + fl.cell[1:]
		w.str(sh, label, fl.label, st.label)
		w.str(sh, fl.cell, fl.value, fl.style)
	}
	w.do(f.SetRowHeight(sh, 7, height(2)))
	w.do(f.SetRowHeight(sh, 8, math.Max(300, height(lines(body, 90)))))
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(cellNumber)
	dv.SetInput("Số hiệu văn bản", "Ví dụ: 45/BC-UBND")
	w.do(f.AddDataValidation(sh, dv))
	dv = excelize.NewDataValidation(true)
	dv.SetSqref(cellDate)
	dv.SetInput("Ngày báo cáo", "Dạng ngày/tháng/năm, ví dụ 30/06/2018.")
	w.do(f.AddDataValidation(sh, dv))
	w.page(sh, "portrait")
	w.protect(sh)
}

func (w *writer) metaSheet(a *plan.Agency, per plan.Period) {
	const sh = SheetMeta
	f := w.f
	_, err := f.NewSheet(sh)
	w.do(err)
	for i, kv := range [][2]string{{"format", FormatVersion}, {"agency", a.ID}, {"period", per.ID}} {
		w.do(f.SetCellStr(sh, fmt.Sprintf("A%d", i+1), kv[0]))
		w.do(f.SetCellStr(sh, fmt.Sprintf("B%d", i+1), kv[1]))
	}
	w.do(f.SetSheetVisible(sh, false, true))
	w.protect(sh)
}

func (w *writer) page(sh, orientation string) {
	a4, one, zero := 9, 1, 0
	yes := true
	margin, edge := 0.4, 0.3
	w.do(w.f.SetPageLayout(sh, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}))
	w.do(w.f.SetSheetProps(sh, &excelize.SheetPropsOptions{FitToPage: &yes}))
	w.do(w.f.SetPageMargins(sh, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}))
	w.do(w.f.SetHeaderFooter(sh, &excelize.HeaderFooterOptions{OddFooter: "&L&A&RTrang &P/&N"}))
}

func (w *writer) protect(sh string) {
	w.do(w.f.ProtectSheet(sh, &excelize.SheetProtectionOptions{
		SelectLockedCells: true, SelectUnlockedCells: true, FormatColumns: true, FormatRows: true,
	}))
}
