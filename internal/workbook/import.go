package workbook

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/xuri/excelize/v2"
)

// MaxBytes is the largest workbook Import reads.
const MaxBytes = 32 << 20

// remake is the fix for a workbook whose hidden parts were changed.
const remake = "tải mẫu mới bằng lệnh minhbach template rồi điền lại"

// Import reads a filled workbook written by Template and returns the report
// it holds, as a submitted report. When anything in it is wrong it returns
// no report and every problem found, each with its sheet, its cell and a
// Vietnamese message saying what to fix; the error is for a file that is
// not a readable .xlsx workbook at all (an *reportfile.Error, in
// Vietnamese, with the fix).
//
// Every row of "Báo cáo" needs a state. Dates are read as dd/mm/yyyy or
// d/m/yyyy text (also yyyy-mm-dd), or as Excel dates; evidence is one
// document a line; text is trimmed. A row done without a progress gets
// progress 100, as plan.Load would give it. The checks are those plan.Load
// makes of a report (states, dates, progress, who may report on what),
// told at the cell to fix, and those of the workbook's hidden parts.
func Import(p *plan.Project, r io.Reader) (*plan.Report, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, nil, reportfile.Errorf("không đọc được tệp (%v) — kiểm tra tệp và quyền đọc",
			"the file cannot be read (%v) — check the file and its permissions", err)
	}
	if len(data) > MaxBytes {
		return nil, nil, reportfile.Errorf("tệp lớn hơn %d MiB nên không phải mẫu báo cáo — "+remake,
			"the file is larger than %d MiB, so it is not a report workbook — make one with minhbach template and fill it in",
			MaxBytes>>20)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(data)), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, nil, reportfile.Errorf(
			"tệp không phải bảng tính Excel dạng .xlsx (%v) — mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu \"Excel Workbook (*.xlsx)\" rồi nhập lại",
			"the file is not an Excel .xlsx workbook (%v) — open it in Excel, Save As \"Excel Workbook (*.xlsx)\" and import it again", err)
	}
	defer f.Close()
	im := &importer{p: p, f: f}
	rep := im.run()
	if len(im.problems) > 0 {
		return nil, im.problems, nil
	}
	return rep, nil, nil
}

type importer struct {
	p        *plan.Project
	f        *excelize.File
	date1904 bool
	problems []Problem
}

func (im *importer) add(sheet, cell, format string, args ...any) {
	im.problems = append(im.problems, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

// value returns the cell's text, as stored (no number format applied),
// with Windows line ends made plain.
func (im *importer) value(sheet, cell string) string {
	v, err := im.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return ""
	}
	return strings.ReplaceAll(strings.ReplaceAll(v, "\r\n", "\n"), "\r", "\n")
}

func (im *importer) hasSheet(name string) bool {
	i, err := im.f.GetSheetIndex(name)
	return err == nil && i >= 0
}

func (im *importer) run() *plan.Report {
	if props, err := im.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		im.date1904 = *props.Date1904
	}
	if !im.hasSheet(SheetMeta) {
		im.add(SheetMeta, "A1", "tệp này không phải mẫu báo cáo do minhbach tạo (thiếu trang ẩn %q) — %s", SheetMeta, remake)
		return nil
	}
	if v := strings.TrimSpace(im.value(SheetMeta, cellFormat)); v != FormatVersion {
		im.add(SheetMeta, cellFormat, "tệp theo định dạng %q, không phải %q mà phiên bản này đọc được — %s", v, FormatVersion, remake)
		return nil
	}
	reg := im.p.Agencies
	agency := strings.TrimSpace(im.value(SheetMeta, cellMetaAgency))
	a := reg.Agency(agency)
	if a == nil {
		im.add(SheetMeta, cellMetaAgency, "mã cơ quan %q trong tệp không có trong %s (tệp đã bị sửa) — %s", agency, plan.AgenciesFile, remake)
	}
	periodID := strings.TrimSpace(im.value(SheetMeta, cellMetaPeriod))
	per, err := plan.ParsePeriod(periodID)
	if err != nil {
		im.add(SheetMeta, cellMetaPeriod, "kỳ báo cáo %q trong tệp không hợp lệ (tệp đã bị sửa) — %s", periodID, remake)
	}
	for _, sh := range []string{SheetReport, SheetInfo} {
		if !im.hasSheet(sh) {
			im.add(sh, "A1", "thiếu trang %q (đã bị đổi tên hoặc xóa) — %s", sh, remake)
		}
	}
	if len(im.problems) > 0 {
		return nil
	}
	rep := &plan.Report{Agency: a.ID, Period: per.ID, PeriodInfo: per, Approval: plan.Approval{State: plan.Submitted}}
	im.info(rep)
	im.rows(rep)
	return rep
}

// info reads sheet "Thông tin".
func (im *importer) info(rep *plan.Report) {
	const sh = SheetInfo
	rep.Number = strings.TrimSpace(im.value(sh, cellNumber))
	switch {
	case rep.Number == "":
		im.add(sh, cellNumber, "thiếu số hiệu văn bản báo cáo — điền số hiệu, ví dụ 45/BC-UBND")
	case len(rep.Number) > maxText:
		im.add(sh, cellNumber, "số hiệu văn bản dài quá %d byte — rút gọn", maxText)
	}
	d, ok := im.date(sh, cellDate, "ngày báo cáo")
	switch {
	case !ok:
	case d.IsZero():
		im.add(sh, cellDate, "thiếu ngày báo cáo — điền ngày dạng 30/06/2018 (ngày/tháng/năm)")
	case d.Before(rep.PeriodInfo.Start):
		im.add(sh, cellDate, "ngày báo cáo %s trước khi kỳ %s bắt đầu (%s) — sửa ngày báo cáo", dmy(d), rep.Period, dmy(rep.PeriodInfo.Start))
	}
	rep.Date = d
	body := im.value(sh, cellBody)
	if strings.TrimSpace(body) == "" {
		body = ""
	} else if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	rep.Body = body
}

var (
	dmyRE = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	ymdRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$`)
)

// date reads a date cell: dd/mm/yyyy or d/m/yyyy text (or yyyy-mm-dd), or
// an Excel date. It returns the zero Date and true for an empty cell, and
// false after adding a problem for anything else.
func (im *importer) date(sheet, cell, what string) (plan.Date, bool) {
	raw := strings.TrimSpace(im.value(sheet, cell))
	if raw == "" {
		return plan.Date{}, true
	}
	typ, _ := im.f.GetCellType(sheet, cell)
	bad := func() (plan.Date, bool) {
		im.add(sheet, cell, "%s %q không hợp lệ — dùng dạng 31/12/2018 (ngày/tháng/năm)", what, raw)
		return plan.Date{}, false
	}
	var y, m, d int
	switch {
	case typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset:
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil || serial < 1 || serial > 2958465 {
			return bad()
		}
		t, err := excelize.ExcelDateToTime(math.Floor(serial), im.date1904)
		if err != nil {
			return bad()
		}
		y, m, d = t.Year(), int(t.Month()), t.Day()
	case typ == excelize.CellTypeBool || typ == excelize.CellTypeError:
		return bad()
	default:
		if g := dmyRE.FindStringSubmatch(raw); g != nil {
			d, _ = strconv.Atoi(g[1])
			m, _ = strconv.Atoi(g[2])
			y, _ = strconv.Atoi(g[3])
		} else if g := ymdRE.FindStringSubmatch(raw); g != nil {
			y, _ = strconv.Atoi(g[1])
			m, _ = strconv.Atoi(g[2])
			d, _ = strconv.Atoi(g[3])
		} else {
			return bad()
		}
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d || y < 1945 || y > 2200 {
		return bad()
	}
	return plan.NewDate(y, time.Month(m), d), true
}

// rows reads sheet "Báo cáo".
func (im *importer) rows(rep *plan.Report) {
	const sh = SheetReport
	p := im.p
	reg := p.Agencies
	byID := map[string]*plan.Milestone{}
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			byID[m.ID] = m
		}
	}
	all, err := im.f.GetRows(sh, excelize.Options{RawCellValue: true})
	if err != nil {
		im.add(sh, "A1", "không đọc được trang này (%v) — %s", err, remake)
		return
	}
	seen := map[string]string{}
	for n := firstRow; n <= len(all); n++ {
		id := strings.TrimSpace(im.value(sh, cell(colID, n)))
		member := strings.TrimSpace(im.value(sh, cell(colMember, n)))
		fill := false
		for _, c := range []string{colState, colDone, colProgress, colEvidence, colNote} {
			if strings.TrimSpace(im.value(sh, cell(c, n))) != "" {
				fill = true
			}
		}
		if id == "" && member == "" {
			if fill {
				im.add(sh, cell(colID, n), "dòng %d không phải dòng của mẫu (không có mã mốc ở cột ẩn %s) — không thêm dòng; chép nội dung sang đúng dòng của mốc rồi xóa dòng này", n, colID)
			}
			continue
		}
		m := byID[id]
		if m == nil {
			im.add(sh, cell(colID, n), "mã mốc %q (cột ẩn %s) không có trong kế hoạch — tệp đã bị sửa; %s", id, colID, remake)
			continue
		}
		if member == "" {
			member = rep.Agency
		}
		g := reg.Group(m.Owner)
		switch {
		case reg.Agency(member) == nil:
			im.add(sh, cell(colMember, n), "mã cơ quan %q (cột ẩn %s) không có trong %s — tệp đã bị sửa; %s", member, colMember, plan.AgenciesFile, remake)
			continue
		case g == nil && member != m.Owner:
			im.add(sh, cell(colMember, n), "%s không chủ trì mốc %s (đơn vị chủ trì: %s) — tệp đã bị sửa; %s", reg.OwnerName(member), id, reg.OwnerName(m.Owner), remake)
			continue
		case g != nil && !slices.Contains(g.Members, member):
			im.add(sh, cell(colMember, n), "%s không thuộc %s, nhóm chủ trì mốc %s — tệp đã bị sửa; %s", reg.OwnerName(member), g.Name, id, remake)
			continue
		case g != nil && !reg.MemberDuring(m.Owner, member, rep.PeriodInfo):
			im.add(sh, cell(colMember, n), "%s chưa hoặc không còn thuộc %s trong kỳ %s (xem from/until trong %s) — xóa dòng này; %s", reg.OwnerName(member), g.Name, rep.Period, plan.AgenciesFile, remake)
			continue
		case member != rep.Agency && rep.Agency != p.Plan.Reporting.Compiler:
			im.add(sh, cell(colMember, n), "%s chỉ báo cáo phần việc của mình, không báo cáo thay %s — tệp đã bị sửa; %s", reg.OwnerName(rep.Agency), reg.OwnerName(member), remake)
			continue
		}
		k := id + "/" + member
		if prev, dup := seen[k]; dup {
			im.add(sh, cell(colID, n), "mốc %s đã có ở dòng %s — tệp đã bị sửa; gộp hai dòng làm một hoặc %s", id, prev, remake)
			continue
		}
		seen[k] = strconv.Itoa(n)
		if u := im.update(sh, n, m, member, rep); u != nil {
			rep.Updates = append(rep.Updates, u)
		}
	}
	if len(seen) == 0 && len(im.problems) == 0 {
		im.add(sh, cell(colState, firstRow), "không có dòng mốc công việc nào — %s", remake)
	}
}

// update reads the fill-in cells of row n.
func (im *importer) update(sh string, n int, m *plan.Milestone, member string, rep *plan.Report) *plan.Update {
	u := &plan.Update{Milestone: m.ID, Member: member}
	before := len(im.problems)
	stateCell := cell(colState, n)
	rawState := strings.TrimSpace(im.value(sh, stateCell))
	list := strings.Join(labels(m), "; ")
	switch st, ok := parseState(rawState); {
	case rawState == "":
		im.add(sh, stateCell, "chưa chọn trạng thái của mốc %s — chọn một trong: %s", m.ID, list)
	case !ok:
		im.add(sh, stateCell, "trạng thái %q không hợp lệ — chọn một trong: %s", rawState, list)
	case st == plan.StateWaiting && m.Condition == "":
		im.add(sh, stateCell, "mốc %s không có điều kiện chờ Trung ương trong kế hoạch nên không thể chọn %q — chọn một trong: %s", m.ID, StateLabel(st), list)
	default:
		u.State = st
	}
	doneCell := cell(colDone, n)
	done, okDate := im.date(sh, doneCell, "ngày hoàn thành")
	u.DoneOn = done
	if okDate && u.State != "" {
		switch {
		case u.State == plan.StateDone && done.IsZero():
			im.add(sh, doneCell, "mốc %s đã hoàn thành nhưng chưa có ngày hoàn thành — điền ngày dạng 15/06/2018 (ngày/tháng/năm)", m.ID)
		case u.State != plan.StateDone && !done.IsZero():
			im.add(sh, doneCell, "có ngày hoàn thành nhưng trạng thái là %q — chọn %q hoặc xóa ngày", StateLabel(u.State), StateLabel(plan.StateDone))
		}
	}
	if !done.IsZero() && !rep.Date.IsZero() && done.After(rep.Date) {
		im.add(sh, doneCell, "ngày hoàn thành %s sau ngày báo cáo %s (trang %q) — không thể báo cáo việc chưa xảy ra; sửa ngày", dmy(done), dmy(rep.Date), SheetInfo)
	}
	progCell := cell(colProgress, n)
	if raw := strings.TrimSpace(im.value(sh, progCell)); raw != "" {
		num := strings.TrimSpace(strings.TrimSuffix(raw, "%"))
		v, err := strconv.ParseFloat(num, 64)
		switch {
		case err != nil || v != math.Trunc(v) || math.IsInf(v, 0):
			im.add(sh, progCell, "tiến độ %q không phải số nguyên — điền số nguyên từ 0 đến 100", raw)
		case v < 0 || v > 100:
			im.add(sh, progCell, "tiến độ %s%% nằm ngoài khoảng 0–100 — điền số nguyên từ 0 đến 100", num)
		default:
			pv := int(v)
			u.Progress = &pv
		}
	}
	if u.State == plan.StateDone && u.Progress == nil {
		hundred := 100
		u.Progress = &hundred
	}
	evCell := cell(colEvidence, n)
	for _, line := range strings.Split(im.value(sh, evCell), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			if len(line) > maxText {
				im.add(sh, evCell, "một văn bản chứng minh dài quá %d byte — mỗi dòng chỉ ghi số, ngày, trích yếu của một văn bản", maxText)
				continue
			}
			u.Evidence = append(u.Evidence, line)
		}
	}
	noteCell := cell(colNote, n)
	u.Note = strings.TrimSpace(im.value(sh, noteCell))
	if len(u.Note) > maxText {
		im.add(sh, noteCell, "ghi chú dài quá %d byte — rút gọn, đưa phần chi tiết vào nội dung báo cáo ở trang %q", maxText, SheetInfo)
	}
	if len(im.problems) > before {
		return nil
	}
	return u
}
