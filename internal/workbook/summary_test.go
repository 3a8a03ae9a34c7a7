package workbook

import (
	"bytes"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/xuri/excelize/v2"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/summary"
)

// konTum loads the repository's own portal, read-only.
func konTum(t *testing.T) *plan.Project {
	t.Helper()
	p, err := plan.Load(afero.NewReadOnlyFs(afero.NewOsFs()), "../..")
	if err != nil {
		t.Fatalf("the repository's portal does not load: %v", err)
	}
	return p
}

// readBack writes the summary of period id in lang and reads the detail
// sheet back: one map of column header → value per row.
func readBack(t *testing.T, p *plan.Project, id string, lang msg.Lang) (*excelize.File, []map[string]string) {
	t.Helper()
	s, ok := summary.Compile(p, status.History(p), id)
	if !ok {
		t.Fatalf("no summary for %s", id)
	}
	f, err := SummaryWorkbook(s, lang)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := g.GetRows(msg.Get(lang, sumDetail))
	if err != nil {
		t.Fatal(err)
	}
	head := rows[2]
	var out []map[string]string
	for _, r := range rows[3:] {
		m := map[string]string{}
		for i, v := range r {
			m[head[i]] = v
		}
		out = append(out, m)
	}
	return g, out
}

// TestSummaryHasEveryShareWithTheSiteStatus reads the workbook back: every
// milestone of the plan and every unit that held a share of it on the
// period's last day is there once, with the status the site derives for
// that day (status.Derive, computed on its own, not from the history).
func TestSummaryHasEveryShareWithTheSiteStatus(t *testing.T) {
	t.Parallel()
	p := konTum(t)
	for _, per := range status.Periods(p) {
		for _, lang := range []msg.Lang{msg.VI, msg.EN} {
			t.Run(per.ID+"/"+string(lang), func(t *testing.T) {
				t.Parallel()
				_, rows := readBack(t, p, per.ID, lang)
				snap := status.Derive(p, per.End)
				col := func(k string, args ...any) string { return msg.Get(lang, k, args...) }
				statusCol := col("cli.summary.col.statusAt", dateIn(lang, per.End))
				want := map[string]string{}
				for _, ts := range snap.Tasks {
					for _, ms := range ts.Milestones {
						if len(ms.Members) == 0 {
							t.Errorf("milestone %s has no unit", ms.Milestone.ID)
						}
						for _, mem := range ms.Members {
							k := strconv.Itoa(ts.Task.Number) + "|" + ms.Milestone.Citation(string(lang)) + "|" + pick(lang, mem.Agency.Name, mem.Agency.NameEn)
							if _, dup := want[k]; dup {
								t.Fatalf("two shares have the key %q: the test cannot tell them apart", k)
							}
							want[k] = labelOf(lang, mem.Status, ms.Milestone)
						}
					}
				}
				got := map[string]string{}
				for _, r := range rows {
					k := r[col("cli.summary.col.task")] + "|" + r[col("cli.summary.col.ref")] + "|" + r[col("cli.summary.col.unit")]
					if _, dup := got[k]; dup {
						t.Errorf("share %q listed twice", k)
					}
					got[k] = r[statusCol]
				}
				for k, v := range want {
					g, ok := got[k]
					switch {
					case !ok:
						t.Errorf("share %q missing from the summary", k)
					case g != v:
						t.Errorf("share %q: summary says %q, the site %q", k, g, v)
					}
				}
				for k := range got {
					if _, ok := want[k]; !ok {
						t.Errorf("share %q in the summary is not in the plan", k)
					}
				}
				if len(want) == 0 {
					t.Fatal("no shares: the test checks nothing")
				}
			})
		}
	}
}

func dateIn(lang msg.Lang, d plan.Date) string {
	if lang == msg.EN {
		return d.Time().Format("2 January 2006")
	}
	return d.Vietnamese()
}

func labelOf(lang msg.Lang, s status.Status, m *plan.Milestone) string {
	if s == status.Waiting {
		return m.WaitingLabel(string(lang))
	}
	if s == status.NoData {
		return ""
	}
	return s.Label(string(lang))
}

// TestSummaryListsMissingUnitsAndOverdue checks the other sheets against
// the history: the units that did not report, and the overdue shares with
// their days overdue, the longest first.
func TestSummaryListsMissingUnitsAndOverdue(t *testing.T) {
	t.Parallel()
	p := konTum(t)
	hist := status.History(p)
	sawMissing, sawOverdue := false, false
	for _, h := range hist {
		f, _ := readBack(t, p, h.Period.ID, msg.VI)
		miss, err := f.GetRows(msg.Get(msg.VI, sumMissing))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range miss[3:] {
			if len(r) > 1 {
				names = append(names, r[1])
			}
		}
		if len(names) != len(h.Missing) {
			t.Errorf("%s: %d units listed as not reporting, want %d (%v)", h.Period.ID, len(names), len(h.Missing), names)
		}
		for i, a := range h.Missing {
			sawMissing = true
			if i < len(names) && names[i] != a.Name {
				t.Errorf("%s: unit %d is %q, want %q", h.Period.ID, i+1, names[i], a.Name)
			}
		}
		over, err := f.GetRows(msg.Get(msg.VI, sumOverdue))
		if err != nil {
			t.Fatal(err)
		}
		n, prev := 0, 1<<30
		for _, r := range over[3:] {
			if len(r) < 9 {
				continue
			}
			d, err := strconv.Atoi(r[8])
			if err != nil || d <= 0 {
				t.Errorf("%s: overdue row without days overdue: %q", h.Period.ID, r)
				continue
			}
			if d > prev {
				t.Errorf("%s: overdue rows not longest first", h.Period.ID)
			}
			prev = d
			n++
		}
		if want := h.Snapshot.MemberCounts[status.Overdue]; n != want {
			t.Errorf("%s: %d overdue rows, want %d", h.Period.ID, n, want)
		}
		sawOverdue = sawOverdue || n > 0
	}
	if !sawMissing || !sawOverdue {
		t.Fatalf("the portal has no missing unit (%v) or no overdue share (%v) in any period: the test checks nothing", sawMissing, sawOverdue)
	}
}

// Every sheet but the overview keeps its header in view: the rows down to
// the column headers (the third) are frozen, as SummaryWorkbook says.
func TestSummaryHeadersAreFrozen(t *testing.T) {
	t.Parallel()
	p := konTum(t)
	for _, lang := range []msg.Lang{msg.VI, msg.EN} {
		f, _ := readBack(t, p, "2019-H1", lang)
		sheets := 0
		for _, sh := range f.GetSheetList() {
			if sh == msg.Get(lang, sumOverview) {
				continue
			}
			sheets++
			panes, err := f.GetPanes(sh)
			if err != nil {
				t.Fatal(err)
			}
			if !panes.Freeze || panes.YSplit != 3 || panes.TopLeftCell != "A4" {
				t.Errorf("%s: sheet %q: panes %+v, want the first three rows frozen", lang, sh, panes)
			}
		}
		if sheets != 5 {
			t.Errorf("%s: %d sheets besides the overview, want 5 (tasks, detail, overdue, changes, missing)", lang, sheets)
		}
	}
}

// TestSummaryIsDeterministic: the same data makes the same bytes.
func TestSummaryIsDeterministic(t *testing.T) {
	t.Parallel()
	p := konTum(t)
	id := status.Periods(p)[0].ID
	var out [2][]byte
	for i := range out {
		s, _ := summary.Compile(p, status.History(p), id)
		f, err := SummaryWorkbook(s, msg.VI)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if _, err := f.WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		out[i] = buf.Bytes()
	}
	if !bytes.Equal(out[0], out[1]) {
		t.Fatal("two summaries of the same data differ")
	}
}

// TestSummaryNamesEveryKindOfBody: every kind of agency the data may give
// has words in both languages (msg.Get returns an unknown key as is).
func TestSummaryNamesEveryKindOfBody(t *testing.T) {
	t.Parallel()
	for _, k := range plan.AgencyKinds {
		for _, l := range []msg.Lang{msg.VI, msg.EN} {
			key := "kind_" + k
			if got := msg.Get(l, key); got == "" || strings.Contains(got, key) {
				t.Errorf("%s: no words for kind %q", l, k)
			}
		}
	}
}

// TestSummaryNamesAPlanKind: a unit of a kind the plan declares
// ([[kinds]]) is listed under the plan's name for it, in both languages.
func TestSummaryNamesAPlanKind(t *testing.T) {
	t.Parallel()
	p := konTum(t)
	hist := status.History(p)
	var h *status.Period
	for _, x := range hist {
		if len(x.Missing) > 0 {
			h = x
		}
	}
	if h == nil {
		t.Fatal("no period with a unit that did not report")
	}
	p.Agencies.Kinds = []*plan.Kind{{ID: "vu", Name: "Vụ, cục", NameEn: "Departments"}}
	h.Missing[0].Kind = "vu"
	for l, want := range map[msg.Lang]string{msg.VI: "Vụ, cục", msg.EN: "Departments"} {
		f, _ := readBack(t, p, h.Period.ID, l)
		rows, err := f.GetRows(msg.Get(l, sumMissing))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 4 || len(rows[3]) < 3 || rows[3][2] != want {
			t.Errorf("%s: the first unit's kind reads %v, want %q", l, rows[3:4], want)
		}
	}
}

// TestSummaryOpensInLibreOffice opens the summary as staff would, in
// LibreOffice (headless, converting every sheet to CSV), and checks that
// LibreOffice reads the same shares and statuses as excelize writes: the
// file is a workbook another program reads, not only ours. LibreOffice is
// installed by .ci/run; without it the test skips, except with CI=true.
func TestSummaryOpensInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("soffice (LibreOffice) is not installed; .ci/run installs libreoffice-calc-nogui")
		}
		t.Skip("soffice (LibreOffice) is not installed")
	}
	p := konTum(t)
	per := status.Periods(p)[len(status.Periods(p))-1]
	s, _ := summary.Compile(p, status.History(p), per.ID)
	f, err := SummaryWorkbook(s, msg.VI)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	name := filepath.Join(dir, "tong-hop.xlsx")
	if err := f.SaveAs(name); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	cmd := exec.Command(soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, name)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice could not open the summary: %v\n%s", err, b)
	}
	data, err := os.ReadFile(filepath.Join(out, "tong-hop-"+msg.Get(msg.VI, sumDetail)+".csv"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no sheet %q: %v", msg.Get(msg.VI, sumDetail), err)
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	_, want := readBack(t, p, per.ID, msg.VI)
	if len(rows) != 3+len(want) {
		t.Fatalf("LibreOffice reads %d rows, excelize %d (and 3 header rows)", len(rows), len(want))
	}
	head := rows[2]
	for i, r := range rows[3:] {
		for j, h := range head {
			if got := r[j]; got != want[i][h] {
				t.Errorf("row %d, %s: LibreOffice reads %q, excelize %q", i+4, h, got, want[i][h])
			}
		}
	}
}
