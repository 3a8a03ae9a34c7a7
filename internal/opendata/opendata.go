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
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
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
// (e.g. "du-lieu/nhiem-vu.csv"), held in memory; a build writes them with
// Write instead, which holds none of them. The arguments are Write's.
func Files(p *plan.Project, snap *status.Snapshot, hist []*status.Period, baseURL string) (map[string][]byte, error) {
	out := map[string][]byte{}
	_, err := Write(p, snap, hist, baseURL, func(name string) (io.WriteCloser, error) {
		b := &memFile{name: name, out: out}
		return b, nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// memFile is a file of Files: its bytes go into out when it is closed.
type memFile struct {
	bytes.Buffer
	name string
	out  map[string][]byte
}

func (f *memFile) Close() error { f.out[f.name] = f.Bytes(); return nil }

// File is an open-data file as written: its path relative to the site root
// and its size in bytes.
type File struct {
	Path string
	Size int64
}

// Write writes the open-data files, each through a writer that create
// opens for its path relative to the site root (e.g. "du-lieu/nhiem-vu.csv")
// and Write closes. Each file is written as it is made, row by row and, for
// minhbach.json, task by task, period by period and report by report, so
// that memory holds one row or one element at a time, not the files; it
// returns the files written, in the order of their paths, with their sizes.
//
// snap is the status of the plan as of the portal's as-of date (nil or a
// snapshot with NoData when no approved report exists: the files then carry
// the plan without statuses); hist is the portal's history, as
// status.History returns it. baseURL is the absolute URL of the site's
// root, such as "https://example.gov.vn/minhbach/"; page URLs in the files
// are baseURL followed by the page's path. An empty baseURL leaves them
// relative to the site root.
func Write(p *plan.Project, snap *status.Snapshot, hist []*status.Period, baseURL string, create func(name string) (io.WriteCloser, error)) ([]File, error) {
	if p == nil || p.Plan == nil || p.Agencies == nil {
		return nil, fmt.Errorf("opendata: no plan to publish")
	}
	d := newData(p, snap, hist, baseURL)
	jobs := []struct {
		path  string
		write func(io.Writer) error
	}{
		{ReportsCSV, func(w io.Writer) error { return reportsTable.csv(w, d.reportRows()) }},
		{PackageJSON, func(w io.Writer) error { return marshalTo(w, d.dataPackage()) }},
		{ModelJSON, d.writeDocument},
		{MilestonesCSV, func(w io.Writer) error { return milestonesTable.csv(w, d.milestoneRows()) }},
		{TasksCSV, func(w io.Writer) error { return tasksTable.csv(w, d.taskRows()) }},
	}
	var out []File
	for _, j := range jobs {
		n, err := writeFile(create, j.path, j.write)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: j.path, Size: n})
	}
	return out, nil
}

// writeFile opens path through create, has write fill it through a buffer
// and closes it, returning how many bytes were written.
func writeFile(create func(string) (io.WriteCloser, error), path string, write func(io.Writer) error) (int64, error) {
	f, err := create(path)
	if err != nil {
		return 0, fmt.Errorf("opendata: %s: %w", path, err)
	}
	c := &counter{w: f}
	b := bufio.NewWriterSize(c, 64<<10)
	err = write(b)
	if err == nil {
		err = b.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return 0, fmt.Errorf("opendata: %s: %w", path, err)
	}
	return c.n, nil
}

// counter counts the bytes written through it.
type counter struct {
	w io.Writer
	n int64
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
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

// csv writes rows to w as RFC 4180 CSV with a BOM and a header row.
func (t *table[T]) csv(w io.Writer, rows []T) error {
	if _, err := io.WriteString(w, BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	rec := make([]string, len(t.cols))
	for i, c := range t.cols {
		rec[i] = c.name
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	for _, r := range rows {
		for i, c := range t.cols {
			rec[i] = safeCell(c.get(r))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// marshalTo writes v to w as indented JSON with a trailing newline.
func marshalTo(w io.Writer, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return err
	}
	_, err = w.Write([]byte{'\n'})
	return err
}
