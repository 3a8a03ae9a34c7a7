package plan

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/testportal"
	"github.com/spf13/afero"
)

// draftReport is a draft of huyen-b, valid.
const draftReport = `+++
agency = "huyen-b"
period = "2018-H1"
date = 2018-07-02
[approval]
state = "draft"
+++
`

func TestSkippedFiles(t *testing.T) {
	t.Parallel()
	const p = "content/bao-cao/2018-H1/"
	tests := []struct {
		file, key string
		args      []any
		folder    string
	}{
		{p + "huyen-a.md.txt", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "huyen-a.MD", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "huyen-a.markdown", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "huyen-a.txt", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "huyen-a.md.bak", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "huyen-a.md~", "skip.nearMiss", []any{"huyen-a.md"}, ""},
		{p + "bao-cao.docx", "skip.office", nil, ""},
		{p + "bao-cao.xlsx", "skip.office", nil, ""},
		{p + "quyet-dinh.pdf", "skip.office", nil, ""},
		{"content/bao-cao.docx", "skip.office", nil, ""},
		{p + "~$bao-cao.docx", "skip.lockFile", nil, ""},
		{p + ".DS_Store", "skip.hidden", nil, ""},
		{p + "Thumbs.db", "skip.hidden", nil, ""},
		{"content/desktop.ini", "skip.hidden", nil, ""},
		{p + "anh.png", "skip.unknown", nil, ""},
		{"content/bao-cao/huyen-a.md", "skip.notInPeriod", nil, ""},
		{"content/_index.md", "skip.content", nil, ""},
		{"content/gioi-thieu/index.md", "skip.content", nil, "content/gioi-thieu"},
		{"content/Bao-cao/2018-H1/x.md", "skip.reportsFolderName", nil, "content/Bao-cao"},
		{"content/bao-cao/2018-h1/huyen-a.md", "skip.periodName", []any{"2018-H1"}, "content/bao-cao/2018-h1"},
		{"content/bao-cao/2018 H1/huyen-a.md", "skip.periodName", []any{"2018-H1"}, "content/bao-cao/2018 H1"},
		{"content/bao-cao/cu/huyen-a.md", "skip.notPeriod", nil, "content/bao-cao/cu"},
		{"content/bao-cao/2018-H2/huyen-a.md", "skip.notPeriod", nil, "content/bao-cao/2018-H2"},
		{p + "cu/huyen-a.md", "skip.nested", []any{"content/bao-cao/2018-H1"}, "content/bao-cao/2018-H1/cu"},
		{"content/bao-cao/.git/config", "skip.hidden", nil, "content/bao-cao/.git"},
		{"data/plan.toml.bak", "skip.dataName", []any{PlanFile}, ""},
		{"data/Agencies.toml", "skip.dataName", []any{AgenciesFile}, ""},
		{"data/plan (1).toml", "skip.dataName", []any{PlanFile}, ""},
		{"data/ghi-chu.txt", "skip.data", nil, ""},
		{"data/cu/plan.toml", "skip.dataFolder", nil, "data/cu"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p, err := load(t, map[string]string{tt.file: "x"})
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Skipped) != 1 {
				t.Fatalf("skipped %+v, want one", p.Skipped)
			}
			s := p.Skipped[0]
			if s.File != tt.file || s.Key != tt.key || s.Folder != tt.folder || len(s.Args) != len(tt.args) {
				t.Fatalf("skipped %+v, want %+v", s, tt)
			}
			for i := range s.Args {
				if s.Args[i] != tt.args[i] {
					t.Errorf("args %v, want %v", s.Args, tt.args)
				}
			}
			for _, l := range []msg.Lang{msg.VI, msg.EN} {
				if text := s.Text(l); !strings.HasPrefix(text, tt.file+": ") || !strings.Contains(text, " — ") || strings.Contains(text, "%!") {
					t.Errorf("Text(%s) = %q", l, text)
				}
			}
		})
	}
}

func TestSkippedApprovedReportIsAnError(t *testing.T) {
	t.Parallel()
	// An approved report that Notepad saved as .md.txt, or one put in a
	// folder that is not a period, would vanish from the site: an error,
	// naming where it belongs.
	for _, file := range []string{"content/bao-cao/2018-H1/so-noi-vu.md.txt", "content/bao-cao/cu/so-noi-vu.md", "content/bao-cao/so-noi-vu.md", "content/bao-cao/2018-H1/so-noi-vu.MD"} {
		t.Run(file, func(t *testing.T) {
			ps := loadProblems(t, map[string]string{file: goodReport}, top(file, "skip.approved"))
			if ps[0].Args[0] != goodReportPath {
				t.Errorf("args %v, want %s", ps[0].Args, goodReportPath)
			}
		})
	}
	// A draft there is only a warning (it is never published anyway).
	p, err := load(t, map[string]string{"content/bao-cao/2018-H1/huyen-b.md.txt": draftReport})
	if err != nil || len(p.Skipped) != 1 {
		t.Errorf("draft: %v, %+v", err, p.Skipped)
	}
}

// TestEveryFileAccountedFor walks a portal with many kinds of files itself
// and checks that each is either read (a data file or a report) or
// listed as skipped, and that exactly the files meant to be skipped are.
func TestEveryFileAccountedFor(t *testing.T) {
	t.Parallel()
	read := map[string]string{
		PlanFile:                             basePlan,
		AgenciesFile:                         baseAgencies,
		goodReportPath:                       goodReport,
		"content/bao-cao/2018-H1/huyen-a.md": huyenAReport,
		"content/bao-cao/2018-H1/huyen-b.md": draftReport,
	}
	skipped := map[string]string{
		"content/bao-cao/2018-H1/huyen-b.md.txt": draftReport,
		"content/bao-cao/2018-H1/.DS_Store":      "x",
		"content/bao-cao/2018-H1/Thumbs.db":      "x",
		"content/bao-cao/2018-H1/~$bao-cao.docx": "x",
		"content/bao-cao/2018-H1/bao-cao.docx":   "x",
		"content/bao-cao/nhap/a.md":              "x",
		"content/bao-cao/nhap/b.md":              "x",
		"content/bao-cao/README.txt":             "x",
		"content/_index.md":                      "x",
		"data/plan.toml.bak":                     "x",
		"data/desktop.ini":                       "x",
	}
	fsys := afero.NewMemMapFs()
	for name, src := range merge(read, skipped) {
		if err := afero.WriteFile(fsys, root+"/"+name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := Load(fsys, root)
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, top := range []string{"content", "data"} {
		_ = afero.Walk(fsys, root+"/"+top, func(name string, info fs.FileInfo, err error) error {
			if err == nil && !info.IsDir() {
				all = append(all, strings.TrimPrefix(name, root+"/"))
			}
			return nil
		})
	}
	accounted := map[string]string{PlanFile: "read", AgenciesFile: "read"}
	for _, r := range p.Reports {
		accounted[r.File] = "read"
	}
	for _, s := range p.Skipped {
		if accounted[s.File] != "" {
			t.Errorf("%s both %s and skipped", s.File, accounted[s.File])
		}
		accounted[s.File] = "skipped"
	}
	for _, f := range all {
		want := "read"
		if _, ok := skipped[f]; ok {
			want = "skipped"
		}
		if accounted[f] != want {
			t.Errorf("%s: %q, want %s", f, accounted[f], want)
		}
	}
	if len(all) != len(read)+len(skipped) || len(p.Skipped) != len(skipped) || len(p.Reports) != 3 {
		t.Errorf("%d files, %d skipped, %d reports; want %d, %d, 3", len(all), len(p.Skipped), len(p.Reports), len(read)+len(skipped), len(skipped))
	}
}

func merge(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// osPortal writes the base portal into a real folder (links need one).
func osPortal(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range merge(map[string]string{PlanFile: basePlan, AgenciesFile: baseAgencies}, files) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		testportal.Missing(t, "symlinks not available: %v", err)
	}
}

func TestLinks(t *testing.T) {
	t.Parallel()
	// A period folder kept elsewhere in the portal and linked in is read,
	// under the link's name; so is a linked report file.
	dir := osPortal(t, map[string]string{
		"luu-tru/2018-H1/so-noi-vu.md": goodReport,
		"luu-tru/huyen-a.md":           huyenAReport,
	})
	reports := filepath.Join(dir, "content", "bao-cao")
	if err := os.MkdirAll(filepath.Join(reports, "2018"), 0o755); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join("..", "..", "luu-tru", "2018-H1"), filepath.Join(reports, "2018-H1"))
	symlink(t, filepath.Join(dir, "luu-tru", "huyen-a.md"), filepath.Join(dir, "luu-tru", "2018-H1", "huyen-a.md"))
	// A link outside the portal, a broken link, and a loop.
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "so-tu-phap.md"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	symlink(t, outside, filepath.Join(reports, "2019"))
	symlink(t, filepath.Join(outside, "so-tu-phap.md"), filepath.Join(reports, "2018", "so-tu-phap.md"))
	symlink(t, filepath.Join(dir, "khong-co"), filepath.Join(reports, "2018", "huyen-b.md"))
	symlink(t, reports, filepath.Join(dir, "luu-tru", "2018-H1", "vong"))
	symlink(t, "tu-than.md", filepath.Join(reports, "2018", "tu-than.md")) // a link to itself

	p, err := Load(afero.NewOsFs(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, r := range p.Reports {
		files = append(files, r.File)
	}
	if strings.Join(files, " ") != "content/bao-cao/2018-H1/huyen-a.md content/bao-cao/2018-H1/so-noi-vu.md" {
		t.Errorf("reports %v", files)
	}
	got := map[string]string{}
	for _, s := range p.Skipped {
		got[s.File] = s.Key
	}
	want := map[string]string{
		"content/bao-cao/2019":               "skip.linkOutside",
		"content/bao-cao/2018/so-tu-phap.md": "skip.linkOutside",
		"content/bao-cao/2018/huyen-b.md":    "skip.linkBroken",
		"content/bao-cao/2018-H1/vong":       "skip.linkLoop",
		"content/bao-cao/2018/tu-than.md":    "skip.linkLoop",
	}
	var keys []string
	for k := range merge(got, want) {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s: skipped as %q, want %q", k, got[k], want[k])
		}
	}
}

func TestUnreadableDraftIsAWarning(t *testing.T) {
	t.Parallel()
	const p = "content/bao-cao/2018-H1/huyen-b.md"
	tests := []struct {
		name, src string
		state     string // "" when the report must be an error
	}{
		{"draft with a syntax error", edit(t, draftReport, "date = 2018-07-02", "date = 2/7/2018"), Draft},
		{"submitted without its opening +++", strings.Replace(edit(t, draftReport, `"draft"`, `"submitted"`), "+++\n", "", 1), ""},
		{"rejected in Windows-1258", "+++\nagency = \"huyen-b\"\nperiod = \"2018-H1\"\nnote = \"B\xe1o c\xe1o\"\n[approval]\nstate = \"rejected\"\n+++\n", Rejected},
		{"approved with a syntax error", edit(t, goodReport, "date = 2018-07-05", "date = 5/7/2018"), ""},
		{"state cannot be told", "+++\nagency = \"huyen-b\"\ndate = 2/7/2018\n+++\n", ""},
		{"draft with comments", "+++\nagency = \"huyen-b\" # B\n[approval] # duyệt\nstate = \"draft\" # nháp\ndate = 2/7/2018\n+++\n", Draft},
		{"approved, then draft, written twice", "+++\nagency = \"huyen-b\"\n[approval]\nstate = \"approved\"\nstate = \"draft\"\n+++\n", ""},
		{"approved with a comment", "+++\nagency = \"huyen-b\"\n[approval]\nstate = \"approved\" # duyệt\ndate = 2/7/2018\n+++\n", ""},
		{"approved in Windows-1258", "+++\nagency = \"huyen-b\"\nnote = \"B\xe1o c\xe1o\"\n[approval]\nstate = \"approved\"\n+++\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pr, err := load(t, map[string]string{p: tt.src})
			if tt.state == "" {
				if err == nil {
					t.Fatal("loaded without error; an approved (or unknown) report must not vanish")
				}
				return
			}
			if err != nil {
				t.Fatalf("error %v, want a warning", err)
			}
			if len(pr.Reports) != 1 {
				t.Fatalf("reports %+v", pr.Reports)
			}
			r := pr.Reports[0]
			if !r.Unread || r.Approval.State != tt.state || r.Agency != "huyen-b" || len(r.Problems) == 0 || r.IsPublished() || r.Problems[0].Pos.Line < 2 {
				t.Errorf("report %+v", r)
			}
		})
	}
}

func TestMisnamedDataFile(t *testing.T) {
	t.Parallel()
	// Notepad saved the plan as plan.toml.txt: the missing plan is told,
	// and so is the file that is most likely it.
	fsys := afero.NewMemMapFs()
	for name, src := range map[string]string{AgenciesFile: baseAgencies, "data/plan.toml.txt": basePlan} {
		if err := afero.WriteFile(fsys, root+"/"+name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, err := Load(fsys, root)
	checkProblems(t, problemsOf(t, err), top(PlanFile, "file.missing"), top("data/plan.toml.txt", "skip.dataInstead"))
	// Beside the real plan, the copy is only a warning.
	p, err := load(t, map[string]string{"data/plan.toml.txt": basePlan})
	if err != nil || len(p.Skipped) != 1 || p.Skipped[0].Key != "skip.dataName" {
		t.Errorf("beside the plan: %v, %+v", err, p.Skipped)
	}
}
