package opendata

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// document is the whole minhbach.json at once: its head and its long
// lists, as writeDocument streams them.
type document struct {
	documentHead
	Tasks   []taskDoc   `json:"tasks"`
	Periods []periodDoc `json:"periods"`
	Reports []reportDoc `json:"reports"`
}

// inMemory is the open data as minhbach made it before it was written as
// it is produced: each file marshalled whole in memory. Write must give
// the same bytes.
func inMemory(t *testing.T, p *plan.Project, snap *status.Snapshot, hist []*status.Period, baseURL string) map[string][]byte {
	t.Helper()
	d := newData(p, snap, hist, baseURL)
	doc := document{documentHead: d.head(), Tasks: []taskDoc{}, Periods: []periodDoc{}, Reports: []reportDoc{}}
	for _, x := range p.Plan.Tasks {
		doc.Tasks = append(doc.Tasks, d.taskDoc(x))
	}
	for _, h := range d.hist {
		doc.Periods = append(doc.Periods, d.periodDoc(h))
	}
	for _, r := range d.reports {
		doc.Reports = append(doc.Reports, d.reportDoc(r))
	}
	marshal := func(v any) []byte {
		b, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		return append(b, '\n')
	}
	return map[string][]byte{
		TasksCSV:      oldCSV(t, tasksTable, d.taskRows()),
		MilestonesCSV: oldCSV(t, milestonesTable, d.milestoneRows()),
		ReportsCSV:    oldCSV(t, reportsTable, d.reportRows()),
		ModelJSON:     marshal(doc),
		PackageJSON:   marshal(d.dataPackage()),
	}
}

// oldCSV is the table's CSV as it was made in one buffer.
func oldCSV[T any](t *testing.T, tb *table[T], rows []T) []byte {
	t.Helper()
	var b bytes.Buffer
	b.WriteString(BOM)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	rec := make([]string, len(tb.cols))
	for i, c := range tb.cols {
		rec[i] = c.name
	}
	_ = w.Write(rec)
	for _, r := range rows {
		for i, c := range tb.cols {
			rec[i] = safeCell(c.get(r))
		}
		_ = w.Write(rec)
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// chunkFile records what Write writes and how: the size of every Write
// call, to show that no call carries a whole file.
type chunkFile struct {
	bytes.Buffer
	largest int
	closed  bool
}

func (f *chunkFile) Write(p []byte) (int, error) {
	f.largest = max(f.largest, len(p))
	return f.Buffer.Write(p)
}

func (f *chunkFile) Close() error { f.closed = true; return nil }

func TestWriteEqualsInMemory(t *testing.T) {
	p := testProject(t)
	asOf, _ := status.LatestAsOf(p)
	cases := []struct {
		name string
		snap *status.Snapshot
		hist []*status.Period
		base string
	}{
		{"statuses", status.Derive(p, asOf), status.History(p), "https://example.gov.vn/minhbach/"},
		{"no statuses, relative", nil, nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := inMemory(t, p, c.snap, c.hist, c.base)
			got := map[string]*chunkFile{}
			files, err := Write(p, c.snap, c.hist, c.base, func(name string) (io.WriteCloser, error) {
				f := &chunkFile{}
				got[name] = f
				return f, nil
			})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, f := range files {
				names = append(names, f.Path)
				g := got[f.Path]
				if g == nil || !g.closed {
					t.Fatalf("%s: not written and closed", f.Path)
				}
				if !bytes.Equal(g.Bytes(), want[f.Path]) {
					t.Errorf("%s differs from the in-memory output:\n got %.300q\nwant %.300q", f.Path, g.Bytes(), want[f.Path])
				}
				if f.Size != int64(len(want[f.Path])) {
					t.Errorf("%s: size %d, want %d", f.Path, f.Size, len(want[f.Path]))
				}
			}
			if !slices.IsSorted(names) || len(names) != len(want) {
				t.Errorf("files %v: want the %d files in the order of their paths", names, len(want))
			}
			// Files, which holds them, gives the same bytes.
			mem, err := Files(p, c.snap, c.hist, c.base)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range want {
				if !bytes.Equal(mem[k], v) {
					t.Errorf("Files: %s differs", k)
				}
			}
		})
	}
}

// TestWriteStreams shows that the document goes out in pieces, not as one
// buffer: with many tasks, no single write to the file is larger than the
// writer's buffer, while the file is many times larger.
func TestWriteStreams(t *testing.T) {
	p := testProject(t)
	proto := p.Plan.Tasks[0]
	for i := range 2000 {
		c := *proto
		c.Number = 1000 + i
		c.Slug = proto.Slug + "-" + strings.Repeat("x", i%7) + string(rune('a'+i%26))
		p.Plan.Tasks = append(p.Plan.Tasks, &c)
	}
	got := map[string]*chunkFile{}
	if _, err := Write(p, nil, nil, "", func(name string) (io.WriteCloser, error) {
		f := &chunkFile{}
		got[name] = f
		return f, nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{ModelJSON, MilestonesCSV} {
		f := got[name]
		if f.Len() < 4*(64<<10) {
			t.Fatalf("%s: only %d bytes; the test needs a file larger than the buffer", name, f.Len())
		}
		if f.largest > 64<<10 {
			t.Errorf("%s: a write of %d bytes: the file was held whole", name, f.largest)
		}
	}
	var doc map[string]any
	if err := json.Unmarshal(got[ModelJSON].Bytes(), &doc); err != nil {
		t.Fatalf("the streamed document is not JSON: %v", err)
	}
	if n := len(doc["tasks"].([]any)); n != len(p.Plan.Tasks) {
		t.Errorf("%d tasks in the document, want %d", n, len(p.Plan.Tasks))
	}
}

// TestWriteErrors: a file that cannot be opened or written stops Write
// with an error naming it.
func TestWriteErrors(t *testing.T) {
	p := testProject(t)
	boom := errors.New("disk full")
	_, err := Write(p, nil, nil, "", func(name string) (io.WriteCloser, error) {
		if name == ModelJSON {
			return nil, boom
		}
		return &chunkFile{}, nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), ModelJSON) {
		t.Errorf("open error: got %v", err)
	}
	_, err = Write(p, nil, nil, "", func(name string) (io.WriteCloser, error) {
		if name == MilestonesCSV {
			return failing{boom}, nil
		}
		return &chunkFile{}, nil
	})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), MilestonesCSV) {
		t.Errorf("write error: got %v", err)
	}
}

type failing struct{ err error }

func (f failing) Write([]byte) (int, error) { return 0, f.err }
func (f failing) Close() error              { return nil }
