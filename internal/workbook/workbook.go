// Package workbook is the spreadsheet round trip of a progress report: an
// Excel workbook (.xlsx) that an agency fills in instead of writing a report
// file, and the way back from the filled workbook to a report file.
//
// Template writes the workbook for one agency and one period: the sheet
// "Báo cáo" has one row per milestone the agency reports on, with the plan's
// columns locked and five columns to fill in (state, date done, progress,
// evidence, note); the sheet "Thông tin" has the report's number, date and
// narrative; a very hidden sheet "_minhbach" names the format version, the
// agency and the period, and two hidden columns of "Báo cáo" hold each row's
// milestone and member ids, so that reading it back is exact. Import reads a
// filled workbook into a submitted report, or into problems that each name a
// sheet, a cell and what to fix. Merge turns the imported report into the
// bytes of the report file, keeping the approval of an existing file when
// nothing changed.
package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/minhbach/minhbach/internal/fold"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// The sheets of a workbook.
const (
	SheetReport = "Báo cáo"   // format, not words: import finds the sheets by these names
	SheetInfo   = "Thông tin" // format, not words
	SheetMeta   = "_minhbach"
)

// FormatVersion names the layout of the workbooks this package writes and
// reads. It is written in the hidden sheet; a workbook of another version
// is refused on import.
const FormatVersion = "minhbach-workbook/1"

// The layout of sheet "Báo cáo": the header row and the first row of
// milestones, and the column of each field.
const (
	headerRow = 3
	firstRow  = 4

	colTask      = "A"
	colMilestone = "B"
	colTitle     = "C"
	colAction    = "D"
	colDue       = "E"
	colStatus    = "F" // the last published status
	colState     = "G" // fill in
	colDone      = "H" // fill in
	colProgress  = "I" // fill in
	colEvidence  = "J" // fill in
	colNote      = "K" // fill in
	colID        = "L" // hidden: the milestone id
	colMember    = "M" // hidden: the member id
	lastCol      = colNote
)

// The cells of sheet "Thông tin".
const (
	cellAgencyID   = "B3"
	cellAgencyName = "B4"
	cellPeriod     = "B5"
	cellNumber     = "B6"
	cellDate       = "B7"
	cellBody       = "B8"
)

// The cells of the hidden sheet.
const (
	cellFormat     = "B1"
	cellMetaAgency = "B2"
	cellMetaPeriod = "B3"
)

// maxCellChars is the most characters an Excel cell holds.
const maxCellChars = 32767

// maxText is the longest text plan.Load accepts in a field (see its
// checks of note and evidence).
const maxText = 20000

// stateLabels are the Vietnamese names of the update states shown in the
// drop-down list, in the list's order: the catalogue's (status.StateLabel).
var stateLabels = func() []struct{ state, label string } {
	var out []struct{ state, label string }
	for _, s := range []string{plan.StateNotStarted, plan.StateInProgress, plan.StateWaiting, plan.StateDone} {
		out = append(out, struct{ state, label string }{s, status.StateLabel(s, "vi")})
	}
	return out
}()

// legacyLabels are names the drop-down list once had, still read back so
// that a workbook sent out before keeps importing.
var legacyLabels = map[string]string{
	"Chờ hướng dẫn của Trung ương": plan.StateWaiting, // read back, not words
}

// milestoneStateLabel is StateLabel for a state of milestone m: "waiting"
// is named by what m waits for (plan.Milestone.WaitingLabel).
func milestoneStateLabel(state string, m *plan.Milestone) string {
	if state == plan.StateWaiting && m != nil {
		if l := m.WaitingLabel("vi"); l != "" {
			return l
		}
	}
	return StateLabel(state)
}

// StateLabel returns the Vietnamese name of an update state as the
// workbook shows it, or the state itself when it is not one of
// plan.UpdateStates.
func StateLabel(state string) string {
	for _, s := range stateLabels {
		if s.state == state {
			return s.label
		}
	}
	return state
}

// labels returns the drop-down list for a milestone: "waiting" only when
// the milestone has a condition.
func labels(m *plan.Milestone) []string {
	var out []string
	for _, s := range stateLabels {
		if s.state == plan.StateWaiting && m.Condition == "" {
			continue
		}
		out = append(out, milestoneStateLabel(s.state, m))
	}
	return out
}

// parseState reads a state cell of milestone m's row: a label of the list
// (m's own waiting label, the generic one or a legacy one) or a state id,
// ignoring case, spaces and diacritics.
func parseState(s string, m *plan.Milestone) (string, bool) {
	k := strings.Join(strings.Fields(fold.String(s)), " ")
	for _, x := range stateLabels {
		if k == fold.String(x.label) || k == x.state || k == fold.String(milestoneStateLabel(x.state, m)) {
			return x.state, true
		}
	}
	for label, state := range legacyLabels {
		if k == fold.String(label) {
			return state, true
		}
	}
	return "", false
}

// Problem is one thing wrong with a filled workbook: the sheet and cell,
// and a message key of package msg with its arguments, that says what is
// wrong and how to fix it.
type Problem struct {
	Sheet, Cell string
	Key         string
	Args        []any
}

// Message returns what is wrong and how to fix it, in l.
func (p Problem) Message(l msg.Lang) string { return msg.Get(l, p.Key, p.Args...) }

// Text returns the problem as "Sheet!Cell: message", in l.
func (p Problem) Text(l msg.Lang) string {
	return fmt.Sprintf("%s!%s: %s", p.Sheet, p.Cell, p.Message(l))
}

// String returns the problem as Text does in Vietnamese.
func (p Problem) String() string { return p.Text(msg.VI) }

// sheetOrder is the order problems are told in: the hidden sheet, the
// report's information, then its rows.
var sheetOrder = map[string]int{SheetMeta: 0, SheetInfo: 1, SheetReport: 2}

// less orders problems by sheet, row, then column.
func (p Problem) less(q Problem) bool {
	if a, b := sheetOrder[p.Sheet], sheetOrder[q.Sheet]; a != b {
		return a < b
	}
	pc, pr, _ := excelize.CellNameToCoordinates(p.Cell)
	qc, qr, _ := excelize.CellNameToCoordinates(q.Cell)
	if pr != qr {
		return pr < qr
	}
	return pc < qc
}

// dmy writes a date as a workbook shows it: 15/06/2018.
func dmy(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%02d/%02d/%04d", d.Day, d.Month, d.Year)
}
