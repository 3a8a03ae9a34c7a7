package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/summary"
)

// SummaryFormat names the layout of the period summary workbooks this
// package writes. It is the workbook's identifier (document properties), by
// which a command knows a summary file as its own before replacing it.
const SummaryFormat = "minhbach-summary/1"

// The sheets of a period summary, by message key (their names are in the
// summary's language).
const (
	sumOverview = "cli.summary.sheet.overview"
	sumTasks    = "nav_tasks"
	sumDetail   = "cli.summary.sheet.detail"
	sumOverdue  = "status_overdue"
	sumChanges  = "cli.summary.sheet.changes"
	sumMissing  = "status_not-reported"
)

// SummaryWorkbook lays the period summary s out as an Excel workbook in lang: an overview
// (the plan, the period, the as-of date, the counts, who reported), then a
// sheet each for every share, the overdue shares, the changes since the
// previous period and the units that did not report, each with a bold
// frozen header row, fitted to the width of an A4 landscape page, ready to
// be pasted into the official report.
func SummaryWorkbook(s *summary.Summary, lang msg.Lang) (*excelize.File, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	w := &summaryWriter{writer: writer{f: f, st: st}, s: s, lang: lang}
	w.overview()
	w.tasks()
	w.table(sumDetail, s.Rows)
	w.table(sumOverdue, s.Overdue)
	if s.Period.Previous != nil {
		w.table(sumChanges, s.Changed)
	}
	w.missing()
	if w.err != nil {
		return nil, w.err
	}
	per := s.Period.Period
	w.do(f.SetDocProps(&excelize.DocProperties{
		Title:   msg.Get(lang, "cli.summary.title", per.Words(string(lang))),
		Subject: pick(lang, s.Plan.Short, s.Plan.ShortEn), Creator: "minhbach", Language: map[msg.Lang]string{msg.VI: "vi-VN", msg.EN: "en-GB"}[lang],
		Identifier: SummaryFormat,
		// Fixed dates: the same data makes the same file.
		Created: "2018-01-01T00:00:00Z", Modified: "2018-01-01T00:00:00Z",
	}))
	f.SetActiveSheet(0)
	if w.err != nil {
		return nil, w.err
	}
	return f, nil
}

// pick returns en when lang is English and en is given, else vi.
func pick(lang msg.Lang, vi, en string) string {
	if lang == msg.EN && en != "" {
		return en
	}
	return vi
}

// summaryWriter writes the sheets of a summary.
type summaryWriter struct {
	writer
	s    *summary.Summary
	lang msg.Lang
}

func (w *summaryWriter) t(key string, args ...any) string { return msg.Get(w.lang, key, args...) }

func (w *summaryWriter) date(d plan.Date) string {
	if d.IsZero() {
		return ""
	}
	return msg.Date(w.lang, d.Time())
}

func (w *summaryWriter) label(st status.Status, m *plan.Milestone) string {
	return summary.Label(w.lang, st, m)
}

// head is a column's header; the status column names the as-of date.
func (w *summaryWriter) head(key string) string {
	if key == "cli.summary.col.statusAt" {
		return w.t(key, w.date(w.s.Period.Snapshot.AsOf))
	}
	return w.t(key)
}

func (w *summaryWriter) agency(a *plan.Agency) string { return summary.AgencyName(w.lang, a) }

func (w *summaryWriter) overview() {
	sh := w.t(sumOverview)
	f, st, s := w.f, w.st, w.s
	w.do(f.SetSheetName("Sheet1", sh))
	w.do(f.SetColWidth(sh, "A", "A", 44))
	w.do(f.SetColWidth(sh, "B", "D", 16))
	per := s.Period.Period
	w.str(sh, "A1", w.t("cli.summary.title", per.Words(string(w.lang))), st.title)
	w.do(f.MergeCell(sh, "A1", "D1"))
	w.str(sh, "A2", pick(w.lang, s.Plan.Title, s.Plan.TitleEn), st.plan)
	w.do(f.MergeCell(sh, "A2", "D2"))
	w.do(f.SetRowHeight(sh, 2, height(lines(pick(w.lang, s.Plan.Title, s.Plan.TitleEn), 90))))
	w.str(sh, "A3", w.t("cli.summary.asOf", w.date(s.Period.Snapshot.AsOf)), st.intro)
	need := s.Due()
	w.str(sh, "A4", w.t("cli.summary.reports", len(s.Period.Reports), need, len(s.Missing)), st.intro)
	row := 6
	for i, k := range []string{"col_status", "nav_tasks", "cli.summary.col.milestones", "cli.summary.col.shares"} {
		c, _ := excelize.CoordinatesToCellName(i+1, row)
		w.str(sh, c, w.t(k), st.header)
	}
	snap := s.Period.Snapshot
	for _, stt := range status.Order {
		row++
		w.str(sh, cell("A", row), stt.Label(string(w.lang)), st.plan)
		for i, n := range []int{snap.TaskCounts[stt], snap.MilestoneCounts[stt], snap.MemberCounts[stt]} {
			c, _ := excelize.CoordinatesToCellName(i+2, row)
			w.do(f.SetCellInt(sh, c, int64(n)))
			w.do(f.SetCellStyle(sh, c, c, st.planCenter))
		}
	}
	row++
	w.str(sh, cell("A", row), w.t("cli.summary.total"), st.label)
	for i, m := range []map[status.Status]int{snap.TaskCounts, snap.MilestoneCounts, snap.MemberCounts} {
		n := summary.Total(m)
		c, _ := excelize.CoordinatesToCellName(i+2, row)
		w.do(f.SetCellInt(sh, c, int64(n)))
		w.do(f.SetCellStyle(sh, c, c, st.label))
	}
	w.page(sh, "portrait")
}

// column is a column of a summary sheet: its header's message key and its
// width.
type column struct {
	key   string
	width float64
}

// sheet adds the summary sheet key: its name is the message key, its title
// (key+".title", naming the period) is on the first row across the
// columns, and the columns' headers are on the third, frozen (they stay in
// view as the rows scroll). It returns the sheet's name.
func (w *summaryWriter) sheet(key string, cols []column) string {
	sh := w.t(key)
	f, st := w.f, w.st
	_, err := f.NewSheet(sh)
	w.do(err)
	w.str(sh, "A1", w.t(key+".title", w.s.Period.Period.Words(string(w.lang))), st.title)
	end, _ := excelize.ColumnNumberToName(len(cols))
	w.do(f.MergeCell(sh, "A1", end+"1"))
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		w.do(f.SetColWidth(sh, col, col, c.width))
		name, _ := excelize.CoordinatesToCellName(i+1, 3)
		w.str(sh, name, w.head(c.key), st.header)
	}
	w.do(f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}))
	return sh
}

// summaryCols are the columns of the share tables.
var summaryCols = []column{
	{"cli.summary.col.task", 8}, {"cli.summary.col.ref", 22}, {"action", 48},
	{"cli.summary.col.unit", 26}, {"col_deadline", 22}, {"cli.summary.col.statusAt", 20},
	{"cli.summary.col.previous", 20}, {"cli.summary.col.overdueSince", 14}, {"cli.summary.col.daysOverdue", 10},
	{"cli.summary.col.source", 34}, {"cli.summary.col.result", 40},
}

func (w *summaryWriter) table(key string, rows []summary.Row) {
	sh := w.sheet(key, summaryCols)
	f, st := w.f, w.st
	if len(rows) == 0 {
		w.str(sh, "A4", w.t("cli.summary.none"), st.intro)
	}
	for i, r := range rows {
		n := 4 + i
		vals := []string{
			fmt.Sprint(r.Task.Number),
			r.Milestone.Citation(string(w.lang)),
			pick(w.lang, r.Milestone.Action, r.Milestone.ActionEn),
			w.agency(r.Agency),
			r.Milestone.DueWords(string(w.lang)),
			w.label(r.Status, r.Milestone),
			w.label(r.Previous, r.Milestone),
			w.date(r.OverdueSince),
			"",
			w.source(r.Source),
			w.result(r.Source),
		}
		tall := 1
		for j, v := range vals {
			c, _ := excelize.CoordinatesToCellName(j+1, n)
			if summaryCols[j].key == "cli.summary.col.daysOverdue" {
				if r.DaysOverdue > 0 {
					w.do(f.SetCellInt(sh, c, int64(r.DaysOverdue)))
				}
				w.do(f.SetCellStyle(sh, c, c, st.planCenter))
				continue
			}
			w.str(sh, c, v, st.plan)
			tall = max(tall, lines(v, summaryCols[j].width))
		}
		w.do(f.SetRowHeight(sh, n, height(tall)))
	}
	if len(rows) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(summaryCols), 3+len(rows))
		w.do(f.AutoFilter(sh, "A3:"+last, nil))
	}
	w.page(sh, "landscape")
}

// source names the report a status rests on (summary.Summary.SourceWords).
func (w *summaryWriter) source(src *status.Source) string { return w.s.SourceWords(w.lang, src) }

// result is what the source update said (summary.Result).
func (w *summaryWriter) result(src *status.Source) string { return summary.Result(w.lang, src) }

// tasks writes one row per task: its status as of the period's end (the
// worst of its milestones) and how many of its milestones are done.
func (w *summaryWriter) tasks() {
	sh := w.sheet(sumTasks, []column{
		{"cli.summary.col.task", 8}, {"cli.summary.col.title", 70}, {"cli.summary.col.statusAt", 22}, {"cli.summary.col.milestonesDone", 16},
	})
	f, st := w.f, w.st
	for i, t := range w.s.Period.Snapshot.Tasks {
		n := 4 + i
		done := summary.MilestonesDone(t)
		title := pick(w.lang, t.Task.Title, t.Task.TitleEn)
		w.do(f.SetCellInt(sh, cell("A", n), int64(t.Task.Number)))
		w.do(f.SetCellStyle(sh, cell("A", n), cell("A", n), st.planCenter))
		w.str(sh, cell("B", n), title, st.plan)
		label := ""
		if t.Status != status.NoData {
			label = t.Status.Label(string(w.lang))
		}
		w.str(sh, cell("C", n), label, st.plan)
		w.str(sh, cell("D", n), fmt.Sprintf("%d/%d", done, len(t.Milestones)), st.planCenter)
		w.do(f.SetRowHeight(sh, n, height(lines(title, 70))))
	}
	w.page(sh, "landscape")
}

func (w *summaryWriter) missing() {
	sh := w.sheet(sumMissing, []column{{"cli.summary.col.no", 8}, {"cli.summary.col.unit", 50}, {"cli.summary.col.kind", 30}})
	f, st := w.f, w.st
	if len(w.s.Missing) == 0 {
		w.str(sh, "A4", w.t("cli.summary.none"), st.intro)
	}
	for i, a := range w.s.Missing {
		n := 4 + i
		w.do(f.SetCellInt(sh, cell("A", n), int64(i+1)))
		w.do(f.SetCellStyle(sh, cell("A", n), cell("A", n), st.planCenter))
		w.str(sh, cell("B", n), w.agency(a), st.plan)
		w.str(sh, cell("C", n), w.s.Agencies.KindName(w.lang, a.Kind), st.plan)
	}
	w.page(sh, "portrait")
}
