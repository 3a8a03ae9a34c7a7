// Package opendata writes the portal's open data: three CSV tables (tasks,
// milestones with the members of group milestones, approved reports), the
// whole model with its statuses as one JSON document, and a Frictionless
// Data Package (datapackage.json) that describes the tables.
//
// Only approved reports reach these files: everything about reports is read
// from Project.Published and from status snapshots and history, never from
// Project.Reports. Output is deterministic: rows follow the plan's order or
// are sorted, and no file carries the time it was built.
//
// The CSV files are RFC 4180 (comma, CRLF line ends, double-quote quoting),
// in UTF-8 with a byte-order mark so that spreadsheet programs read the
// Vietnamese correctly, with a header row of English snake_case names. Text
// cells that a spreadsheet would take for a formula (they start with =, +,
// -, @, a tab or a carriage return) are written with a leading apostrophe.
package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Dir is the folder of the open data, relative to the site root.
const Dir = "du-lieu"

// The files Files returns, relative to the site root.
const (
	TasksCSV      = Dir + "/nhiem-vu.csv"
	MilestonesCSV = Dir + "/moc.csv"
	ReportsCSV    = Dir + "/bao-cao.csv"
	ModelJSON     = Dir + "/minhbach.json"
	PackageJSON   = Dir + "/datapackage.json"
)

// BOM is the UTF-8 byte-order mark every CSV file starts with.
const BOM = "\xef\xbb\xbf"

// Files returns the open-data files, keyed by path relative to the site root
// (e.g. "du-lieu/nhiem-vu.csv").
//
// snap is the status of the plan as of the portal's as-of date (nil or a
// snapshot with NoData when no approved report exists: the files then carry
// the plan without statuses); hist is the portal's history, as
// status.History returns it. baseURL is the absolute URL of the site's
// root, such as "https://example.gov.vn/minhbach/"; page URLs in the files
// are baseURL followed by the page's path. An empty baseURL leaves them
// relative to the site root.
func Files(p *plan.Project, snap *status.Snapshot, hist []*status.Period, baseURL string) (map[string][]byte, error) {
	if p == nil || p.Plan == nil || p.Agencies == nil {
		return nil, fmt.Errorf("opendata: no plan to publish")
	}
	d := newData(p, snap, hist, baseURL)
	out := map[string][]byte{}
	var err error
	if out[TasksCSV], err = tasksTable.csv(d.taskRows()); err != nil {
		return nil, err
	}
	if out[MilestonesCSV], err = milestonesTable.csv(d.milestoneRows()); err != nil {
		return nil, err
	}
	if out[ReportsCSV], err = reportsTable.csv(d.reportRows()); err != nil {
		return nil, err
	}
	if out[ModelJSON], err = marshal(d.document()); err != nil {
		return nil, err
	}
	if out[PackageJSON], err = marshal(d.dataPackage()); err != nil {
		return nil, err
	}
	return out, nil
}

// data is what every file is built from: the project, its approved reports
// in a fixed order, and the status of every task and milestone.
type data struct {
	p       *plan.Project
	snap    *status.Snapshot
	hist    []*status.Period
	base    string
	reports []*plan.Report
	tasks   map[*plan.Task]*status.Task
}

func newData(p *plan.Project, snap *status.Snapshot, hist []*status.Period, baseURL string) *data {
	if snap == nil {
		snap = &status.Snapshot{NoData: true}
	}
	d := &data{p: p, snap: snap, hist: hist, base: normBase(baseURL), tasks: map[*plan.Task]*status.Task{}}
	d.reports = append(d.reports, p.Published()...)
	sort.SliceStable(d.reports, func(i, j int) bool {
		a, b := d.reports[i], d.reports[j]
		if c := a.PeriodInfo.Compare(b.PeriodInfo); c != 0 {
			return c < 0
		}
		return a.Agency < b.Agency
	})
	for _, t := range snap.Tasks {
		d.tasks[t.Task] = t
	}
	return d
}

// taskStatus returns the status of t, or NoData.
func (d *data) taskStatus(t *plan.Task) status.Status {
	if st := d.tasks[t]; st != nil && !d.snap.NoData {
		return st.Status
	}
	return status.NoData
}

// milestone returns the status of m, or nil.
func (d *data) milestone(m *plan.Milestone) *status.Milestone {
	if d.snap.NoData {
		return nil
	}
	return d.snap.Milestone(m.ID)
}

// asOf is the as-of date of the statuses, or "" when there are none.
func (d *data) asOf() string {
	if d.snap.NoData {
		return ""
	}
	return d.snap.AsOf.String()
}

// sample reports whether any published report is sample data.
func (d *data) sample() bool { return d.p.SampleData() }

func normBase(u string) string {
	if u != "" && !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return u
}

func (d *data) url(path string) string { return d.base + path }

func taskPath(t *plan.Task) string        { return "nhiem-vu/" + t.Slug + "/" }
func agencyPath(id string) string         { return "co-quan/" + id + "/" }
func periodPath(id string) string         { return "ky-bao-cao/" + id + "/" }
func reportPath(r *plan.Report) string    { return periodPath(r.Period) + r.Agency + "/" }
func joinIDs(ids []string) string         { return strings.Join(ids, ";") }
func joinNames(names []string) string     { return strings.Join(names, "; ") }
func itoa(n int) string                   { return fmt.Sprint(n) }
func boolString(b bool) string            { return fmt.Sprint(b) }
func dueLastDay(m *plan.Milestone) string { d, _ := m.Due.LastDay(); return d.String() }

// safeCell guards against formula injection: a cell that starts with a
// character a spreadsheet reads as the start of a formula gets a leading
// apostrophe, which spreadsheets show as text and do not evaluate.
func safeCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// column is one column of a CSV table: its header name, its Table Schema
// description, and how a row gives its cell.
type column[T any] struct {
	name, typ, title, desc string
	enum                   []string
	get                    func(T) string
}

// table is a CSV file and its Data Package resource.
type table[T any] struct {
	name, path, title, desc string
	primaryKey              []string
	foreignKeys             []foreignKey
	cols                    []column[T]
}

// csv writes rows as RFC 4180 CSV with a BOM and a header row.
func (t *table[T]) csv(rows []T) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(BOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	rec := make([]string, len(t.cols))
	for i, c := range t.cols {
		rec[i] = c.name
	}
	if err := w.Write(rec); err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", t.path, err)
	}
	for _, r := range rows {
		for i, c := range t.cols {
			rec[i] = safeCell(c.get(r))
		}
		if err := w.Write(rec); err != nil {
			return nil, fmt.Errorf("opendata: %s: %w", t.path, err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return nil, fmt.Errorf("opendata: %s: %w", t.path, err)
	}
	return b.Bytes(), nil
}

// marshal writes v as indented JSON with a trailing newline.
func marshal(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("opendata: %w", err)
	}
	return append(b, '\n'), nil
}
