package workbook

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/xuri/excelize/v2"
)

// MaxBytes is the largest workbook Import reads.
const MaxBytes = 32 << 20

// Import reads a filled workbook written by Template and returns the report
// it holds, as a submitted report, and every problem found, each with its
// sheet, its cell and a message key saying what to fix (see Problem.Text).
// The report is nil when the workbook's hidden parts do not name a known
// agency and period; with problems, it holds what could be read (a cell
// that could not be read leaves its row out) and must not be written: it
// is returned so that a caller can tell a workbook that says what the
// existing report file says (see Changed). The error is for a file that is
// not a readable .xlsx workbook at all (an *reportfile.Error, with the fix).
//
// A row of "Báo cáo" left wholly blank says nothing of its milestone; a
// filled row needs a state. Dates are read as dd/mm/yyyy or d/m/yyyy text
// (also yyyy-mm-dd and yyyy-m-d), or as Excel dates; progress as a whole
// number of percent (60, 60%, or a percentage cell that shows 60%);
// evidence is one document a line; text is trimmed and cleaned as the
// loader cleans it (NFC). The report is then checked with
// plan.CheckReport, the loader's own check, and each finding told at the
// cell to fix.
func Import(p *plan.Project, r io.Reader) (*plan.Report, []Problem, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes+1))
	if err != nil {
		return nil, nil, reportfile.Err("workbook.unreadable", err)
	}
	if len(data) > MaxBytes {
		return nil, nil, reportfile.Err("workbook.tooLarge",
			MaxBytes>>20)
	}
	f, err := excelize.OpenReader(strings.NewReader(string(data)), excelize.Options{UnzipSizeLimit: 256 << 20, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, nil, reportfile.Err("workbook.notXlsx", err)
	}
	defer f.Close()
	im := &importer{p: p, f: f}
	rep := im.run()
	return rep, im.problems, nil
}

type importer struct {
	p        *plan.Project
	f        *excelize.File
	date1904 bool
	problems []Problem
	// rows are the rows of sheet "Báo cáo" that the report's updates came
	// from, one per update, for telling a finding of the report check at
	// its cell.
	rows []int
}

func (im *importer) add(sheet, cell, key string, args ...any) {
	im.problems = append(im.problems, Problem{Sheet: sheet, Cell: cell, Key: key, Args: args})
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

// shown returns the cell's text as the spreadsheet shows it (number format
// applied: 60% for a cell holding 0.6 formatted as a percentage).
func (im *importer) shown(sheet, cell string) string {
	v, err := im.f.GetCellValue(sheet, cell)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(v)
}

// text returns the cell's text, trimmed and cleaned as the loader cleans
// every text it reads (see plan.CleanText): NFC, so that a word typed with
// a decomposed-Unicode keyboard setting is the same word.
func (im *importer) text(sheet, cell string) string {
	return strings.TrimSpace(plan.CleanText(im.value(sheet, cell)))
}

func (im *importer) hasSheet(name string) bool {
	i, err := im.f.GetSheetIndex(name)
	return err == nil && i >= 0
}

// run returns the report the workbook holds, or nil when its hidden parts
// do not name a known agency and period.
func (im *importer) run() *plan.Report {
	if props, err := im.f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		im.date1904 = *props.Date1904
	}
	if !im.hasSheet(SheetMeta) {
		im.add(SheetMeta, "A1", "workbook.notTemplate", SheetMeta)
		return nil
	}
	if v := strings.TrimSpace(im.value(SheetMeta, cellFormat)); v != FormatVersion {
		im.add(SheetMeta, cellFormat, "workbook.version", v, FormatVersion)
		return nil
	}
	reg := im.p.Agencies
	agency := strings.TrimSpace(im.value(SheetMeta, cellMetaAgency))
	a := reg.Agency(agency)
	if a == nil {
		im.add(SheetMeta, cellMetaAgency, "workbook.agency", agency, plan.AgenciesFile)
	}
	periodID := strings.TrimSpace(im.value(SheetMeta, cellMetaPeriod))
	per, err := plan.ParsePeriod(periodID)
	if err != nil {
		im.add(SheetMeta, cellMetaPeriod, "workbook.period", periodID)
	}
	for _, sh := range []string{SheetReport, SheetInfo} {
		if !im.hasSheet(sh) {
			im.add(sh, "A1", "workbook.sheetMissing", sh)
		}
	}
	if len(im.problems) > 0 {
		return nil
	}
	rep := &plan.Report{Agency: a.ID, Period: per.ID, PeriodInfo: per, Approval: plan.Approval{State: plan.Submitted}}
	im.info(rep)
	im.readRows(rep)
	im.check(rep)
	sort.SliceStable(im.problems, func(i, j int) bool { return im.problems[i].less(im.problems[j]) })
	return rep
}

// info reads sheet "Thông tin".
func (im *importer) info(rep *plan.Report) {
	const sh = SheetInfo
	rep.Number = im.text(sh, cellNumber)
	if rep.Number == "" {
		// The loader asks for a number only once a report is approved; a
		// workbook is sent as the unit's official report, so it asks now.
		im.add(sh, cellNumber, "workbook.numberMissing")
	}
	rep.Date, _ = im.date(sh, cellDate, "workbook.reportDate")
	body := plan.CleanText(im.value(sh, cellBody))
	if strings.TrimSpace(body) == "" {
		body = ""
	} else if !strings.HasSuffix(body, "\n") {
		body += "\n"
	}
	rep.Body = body
}

var (
	dmyRE = regexp.MustCompile(`^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$`)
	ymdRE = regexp.MustCompile(`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T ].*)?$`)
)

// date reads a date cell: dd/mm/yyyy or d/m/yyyy text (also with dots or
// dashes, and yyyy-mm-dd or yyyy-m-d), or an Excel date. It returns the zero
// Date and true for an empty cell, and false after adding a problem (key
// what+".bad", or what+".impossible" for a day the month does not have)
// for anything else.
func (im *importer) date(sheet, cell, what string) (plan.Date, bool) {
	raw := strings.TrimSpace(im.value(sheet, cell))
	if raw == "" {
		return plan.Date{}, true
	}
	typ, _ := im.f.GetCellType(sheet, cell)
	shown := raw
	if typ == excelize.CellTypeNumber || typ == excelize.CellTypeUnset || typ == excelize.CellTypeBool {
		if s := im.shown(sheet, cell); s != "" {
			shown = s
		}
	}
	bad := func() (plan.Date, bool) {
		im.add(sheet, cell, what+".bad", shown)
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
	if y < 1945 || y > 2200 || m < 1 || m > 12 || d < 1 {
		return bad()
	}
	if last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day(); d > last {
		im.add(sheet, cell, what+".impossible", shown, m, y, last)
		return plan.Date{}, false
	}
	return plan.NewDate(y, time.Month(m), d), true
}

// readRows reads sheet "Báo cáo": one update per filled row. A row left
// wholly blank says nothing of its milestone (as a report file that does
// not list it), so that a workbook made from a report that covers some of
// the unit's milestones comes back as the same report.
func (im *importer) readRows(rep *plan.Report) {
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
		im.add(sh, "A1", "workbook.unreadableSheet", err.Error())
		return
	}
	rows := 0
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
				im.add(sh, cell(colID, n), "workbook.rowNotTemplate", n, colID)
			}
			continue
		}
		rows++
		m := byID[id]
		if m == nil {
			im.add(sh, cell(colID, n), "workbook.milestoneUnknown", id, colID)
			continue
		}
		if member == "" {
			member = rep.Agency
		}
		if reg.Agency(member) == nil {
			im.add(sh, cell(colMember, n), "workbook.memberUnknown", member, colMember, plan.AgenciesFile)
			continue
		}
		if !fill {
			continue
		}
		if u := im.update(sh, n, m, member); u != nil {
			rep.Updates = append(rep.Updates, u)
			im.rows = append(im.rows, n)
		}
	}
	if rows == 0 && len(im.problems) == 0 {
		im.add(sh, cell(colState, firstRow), "workbook.noRows")
	} else if len(rep.Updates) == 0 && len(im.problems) == 0 {
		im.add(sh, cell(colState, firstRow), "workbook.nothingFilled")
	}
}

// update reads the fill-in cells of row n: what a cell holds, not whether
// it agrees with the rest (that is the report check's).
func (im *importer) update(sh string, n int, m *plan.Milestone, member string) *plan.Update {
	u := &plan.Update{Milestone: m.ID, Member: member}
	before := len(im.problems)
	stateCell := cell(colState, n)
	rawState := strings.TrimSpace(im.value(sh, stateCell))
	list := strings.Join(labels(m), "; ")
	switch st, ok := parseState(rawState, m); {
	case rawState == "":
		im.add(sh, stateCell, "workbook.stateMissing", m.ID, list)
	case !ok:
		im.add(sh, stateCell, "workbook.stateBad", rawState, list)
	default:
		u.State = st
	}
	u.DoneOn, _ = im.date(sh, cell(colDone, n), "workbook.doneOn")
	im.progress(sh, cell(colProgress, n), u)
	for _, line := range strings.Split(im.value(sh, cell(colEvidence, n)), "\n") {
		if line = strings.TrimSpace(plan.CleanText(line)); line != "" {
			u.Evidence = append(u.Evidence, line)
		}
	}
	u.Note = im.text(sh, cell(colNote, n))
	if len(im.problems) > before {
		return nil
	}
	return u
}

// progress reads a progress cell: a whole number of percent, typed as 60,
// 60%, or a cell formatted as a percentage that shows 60% (and holds 0.6).
func (im *importer) progress(sh, c string, u *plan.Update) {
	raw := strings.TrimSpace(im.value(sh, c))
	if raw == "" {
		return
	}
	shown := raw
	num := strings.TrimSpace(strings.TrimSuffix(raw, "%"))
	v, err := strconv.ParseFloat(num, 64)
	if err == nil && !strings.HasSuffix(raw, "%") {
		if s := im.shown(sh, c); strings.HasSuffix(s, "%") {
			// A percentage cell: it holds a fraction and shows percent.
			shown = s
			v *= 100
			if r := math.Round(v); math.Abs(v-r) < 1e-9 {
				v = r
			} else {
				// The format rounds what it shows: tell what the cell holds.
				shown = strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64) + "%"
			}
		}
	}
	switch {
	case err != nil || math.IsInf(v, 0) || math.IsNaN(v):
		im.add(sh, c, "workbook.progressNotNumber", shown)
	case v != math.Trunc(v):
		im.add(sh, c, "workbook.progressNotWhole", shown, int(math.Round(v)))
	default:
		pv := int(v)
		u.Progress = &pv
	}
}

// check makes the report check of plan.Load (plan.CheckReport) and tells
// each finding at the cell to fix, in the workbook's words.
func (im *importer) check(rep *plan.Report) {
	// A cell already told of is not told again: its row was left out of
	// the report, or its value (a report date that is not a date) is
	// missing from it.
	told := map[string]bool{}
	for _, pr := range im.problems {
		told[pr.Sheet+"!"+pr.Cell] = true
	}
	p := im.p
	reg := p.Agencies
	ms := map[string]*plan.Milestone{}
	for _, t := range p.Plan.Tasks {
		for _, m := range t.Milestones {
			ms[m.ID] = m
		}
	}
	for _, f := range plan.CheckReport(p, rep) {
		sheet, c := SheetMeta, cellMetaAgency
		key, args := f.Key, f.Args
		field := f.Field
		if f.Key == "field.required" && field == "" && len(f.Args) > 0 {
			field, _ = f.Args[0].(string)
		}
		switch field {
		case "date":
			sheet, c = SheetInfo, cellDate
		case "number":
			sheet, c = SheetInfo, cellNumber
		case "period":
			sheet, c = SheetMeta, cellMetaPeriod
		}
		switch key {
		case "field.required":
			switch field {
			case "date":
				key, args = "workbook.dateMissing", nil
			case "number":
				key, args = "workbook.numberMissing", nil
			}
		case "report.dateBeforePeriod":
			key, args = "workbook.dateBeforePeriod", []any{dmy(rep.Date), rep.Period, dmy(rep.PeriodInfo.Start)}
		case "text.tooLong":
			if field == "number" {
				key, args = "workbook.numberTooLong", []any{maxText}
			}
		}
		var i int
		var rest string
		if n, err := fmt.Sscanf(field, "updates.%d", &i); n == 1 && err == nil && i < len(rep.Updates) {
			rest = strings.TrimPrefix(field, fmt.Sprintf("updates.%d", i))
			rest = strings.TrimPrefix(rest, ".")
			u, row := rep.Updates[i], im.rows[i]
			m := ms[u.Milestone]
			sheet, c = SheetReport, cell(colState, row)
			switch rest {
			case "done_on":
				c = cell(colDone, row)
			case "progress":
				c = cell(colProgress, row)
			case "evidence":
				c = cell(colEvidence, row)
			case "note":
				c = cell(colNote, row)
			case "milestone", "member":
				c = cell(colMember, row)
			}
			switch key {
			case "update.doneOnMissing":
				c = cell(colDone, row)
				key, args = "workbook.doneOnMissing", []any{u.Milestone}
			case "update.doneOnNotDone":
				key, args = "workbook.doneOnNotDone", []any{StateLabel(u.State), StateLabel(plan.StateDone)}
			case "update.doneAfterReport":
				key, args = "workbook.doneAfterReport", []any{dmy(u.DoneOn), dmy(rep.Date), SheetInfo}
			case "update.waitingNoCondition":
				key, args = "workbook.waiting", []any{u.Milestone, StateLabel(plan.StateWaiting), strings.Join(labels(m), "; ")}
			case "update.progress":
				key = "workbook.progressRange"
			case "update.notOwner":
				key, args = "workbook.notOwner", []any{reg.OwnerName(u.Member), u.Milestone, reg.OwnerName(m.Owner)}
			case "update.notMember":
				key, args = "workbook.notMember", []any{reg.OwnerName(u.Member), reg.OwnerName(m.Owner), u.Milestone}
			case "update.otherMember":
				key, args = "workbook.otherMember", []any{reg.OwnerName(rep.Agency), reg.OwnerName(u.Member)}
			case "update.notMemberThen":
				key, args = "workbook.notMemberThen", []any{reg.OwnerName(u.Member), reg.OwnerName(m.Owner), rep.Period, plan.AgenciesFile}
			case "update.duplicate":
				var j int
				earlier := "?"
				if _, err := fmt.Sscanf(f.Earlier, "updates.%d", &j); err == nil && j < len(im.rows) {
					earlier = strconv.Itoa(im.rows[j])
				}
				c = cell(colID, row)
				key, args = "workbook.duplicateRow", []any{u.Milestone, earlier}
			case "text.tooLong":
				if rest == "note" {
					key, args = "workbook.noteTooLong", []any{maxText, SheetInfo}
				} else {
					key, args = "workbook.evidenceTooLong", []any{maxText}
				}
			}
		}
		if !told[sheet+"!"+c] {
			im.add(sheet, c, key, args...)
		}
	}
}
