package gen

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/spf13/afero"
)

// tiny is a scale small enough for every test run.
var tiny = Scale{Name: "tiny", Tasks: 20, Milestones: 60, Agencies: 40, Periods: 4}

// fakeRepo is a repository with a few portal files, some of which a
// generated portal must not copy.
func fakeRepo(t testing.TB) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	files := map[string]string{
		"site.toml":                            "title = \"x\"\n",
		"layouts/baseof.html":                  "<html>{{ block \"main\" . }}{{ end }}</html>\n",
		"layouts/_partials/head.html":          "<meta charset=\"utf-8\">\n",
		"i18n/vi.toml":                         "[home]\nother = \"Trang chủ\"\n",
		"content/gioi-thieu.md":                "+++\ntitle = \"Giới thiệu\"\n+++\n",
		"content/bao-cao/2018-H1/so-noi-vu.md": "not a report of the generated plan",
		"data/plan.toml":                       "title = \"the repository's own plan\"\n",
		"data/agencies.toml":                   "# the repository's own agencies\n",
		"data/extra.toml":                      "x = 1\n",
		"README.md":                            "not part of a portal\n",
	}
	for name, src := range files {
		if err := afero.WriteFile(fsys, "/repo/"+name, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

// generate generates sc with seed into a fresh MemMapFs at /out.
func generate(t testing.TB, sc Scale, seed uint64) (afero.Fs, *Stats) {
	t.Helper()
	out := afero.NewMemMapFs()
	st, err := Generate(Config{Scale: sc, Seed: seed, RepoFs: fakeRepo(t), Repo: "/repo", Fs: out, Out: "/out"})
	if err != nil {
		t.Fatal(err)
	}
	return out, st
}

// load loads /out and fails on any problem, of approved reports or not.
func load(t testing.TB, fsys afero.Fs) *plan.Project {
	t.Helper()
	p, err := plan.Load(fsys, "/out")
	if err != nil {
		msg := err.Error()
		if len(msg) > 4000 {
			msg = msg[:4000]
		}
		t.Fatalf("the generated portal does not load:\n%s", msg)
	}
	for _, r := range p.Reports {
		if len(r.Problems) > 0 {
			t.Errorf("%s (%s) has problems: %v", r.File, r.Approval.State, r.Problems)
		}
	}
	return p
}

var letterOrDigit = regexp.MustCompile(`[\p{L}\p{N}]`)

// words counts the words of s independently of CountWords.
func words(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if letterOrDigit.MatchString(f) {
			n++
		}
	}
	return n
}

func hasDiacritics(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// checkProject checks what every generated portal must be, whatever its
// size, against the stats Generate returned.
func checkProject(t *testing.T, p *plan.Project, st *Stats, sc Scale) {
	t.Helper()
	ms := 0
	for _, task := range p.Plan.Tasks {
		ms += len(task.Milestones)
	}
	if len(p.Plan.Tasks) != sc.Tasks || ms != sc.Milestones || len(p.Agencies.Agencies) != sc.Agencies {
		t.Errorf("got %d tasks, %d milestones, %d agencies; want %d, %d, %d",
			len(p.Plan.Tasks), ms, len(p.Agencies.Agencies), sc.Tasks, sc.Milestones, sc.Agencies)
	}
	if st.Tasks != sc.Tasks || st.Milestones != sc.Milestones || st.Agencies != sc.Agencies || st.Periods != sc.Periods {
		t.Errorf("stats %s do not match the scale %+v", st, sc)
	}
	if st.Groups != len(p.Agencies.Groups) || st.Roles != len(p.Agencies.Roles) {
		t.Errorf("stats count %d groups, %d roles; loaded %d, %d", st.Groups, st.Roles, len(p.Agencies.Groups), len(p.Agencies.Roles))
	}

	// Periods: 2018-H1, 2018, 2019-H1, … as many as the scale asks.
	var want []string
	for i := 0; i < sc.Periods; i++ {
		id := fmt.Sprint(FirstYear + i/2)
		if i%2 == 0 {
			id += "-H1"
		}
		want = append(want, id)
	}
	var got []string
	for _, per := range status.Periods(p) {
		got = append(got, per.ID)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("periods with approved reports: %v, want %v", got, want)
	}

	approved, other, updates := 0, 0, 0
	seen := map[string]string{}
	for _, r := range p.Reports {
		if !r.IsPublished() {
			other++
			continue
		}
		approved++
		updates += len(r.Updates)
		k := r.Period + "/" + r.Agency
		if prev, dup := seen[k]; dup {
			t.Errorf("two approved reports for %s: %s and %s", k, prev, r.File)
		}
		seen[k] = r.File
		if !r.Sample {
			t.Errorf("%s: generated data must be marked sample", r.File)
		}
		if n := words(r.Body); n < bodyMin || n > bodyMax {
			t.Errorf("%s: narrative of %d words, want %d–%d", r.File, n, bodyMin, bodyMax)
		}
		for _, u := range r.Updates {
			if u.Progress != nil && (*u.Progress < 0 || *u.Progress > 100) {
				t.Errorf("%s: progress %d", r.File, *u.Progress)
			}
		}
	}
	if approved != st.Approved || other != st.Other || updates != st.Updates {
		t.Errorf("loaded %d approved, %d other, %d updates; stats say %d, %d, %d",
			approved, other, updates, st.Approved, st.Other, st.Updates)
	}

	// Text: lengths and diacritics.
	plain := 0
	for _, task := range p.Plan.Tasks {
		if n := words(task.Title); n < titleMin || n > titleMax {
			t.Errorf("task %d: title of %d words: %q", task.Number, n, task.Title)
		}
		if !hasDiacritics(task.Title) {
			plain++
		}
		if !plan.ValidID(task.Slug) {
			t.Errorf("task %d: slug %q", task.Number, task.Slug)
		}
		for _, m := range task.Milestones {
			if n := words(m.Action); n < actionMin || n > actionMax {
				t.Errorf("milestone %s: action of %d words: %q", m.ID, n, m.Action)
			}
		}
	}
	if plain > len(p.Plan.Tasks)/10 {
		t.Errorf("%d of %d titles have no Vietnamese diacritics", plain, len(p.Plan.Tasks))
	}
	for _, g := range p.Agencies.Groups {
		if n := len(g.Members); n < 5 || n > 15 {
			t.Errorf("group %s has %d members", g.ID, n)
		}
	}
}

func TestTinyLoads(t *testing.T) {
	fsys, st := generate(t, tiny, 1)
	p := load(t, fsys)
	checkProject(t, p, st, tiny)
	if len(p.Agencies.Groups) == 0 {
		t.Error("no groups")
	}
	if st.Approved == 0 || st.Updates == 0 {
		t.Errorf("no approved reports or updates: %s", st)
	}
	// Copied from the repository: templates, settings, other content and
	// data; not its plan, agencies or reports.
	for name, want := range map[string]string{
		"site.toml":                   "title = \"x\"\n",
		"layouts/_partials/head.html": "<meta charset=\"utf-8\">\n",
		"i18n/vi.toml":                "[home]\nother = \"Trang chủ\"\n",
		"content/gioi-thieu.md":       "+++\ntitle = \"Giới thiệu\"\n+++\n",
		"data/extra.toml":             "x = 1\n",
	} {
		got, err := afero.ReadFile(fsys, "/out/"+name)
		if err != nil || string(got) != want {
			t.Errorf("%s: got %q, %v; want a copy %q", name, got, err, want)
		}
	}
	for _, name := range []string{"README.md", "content/bao-cao/2018-H1/so-noi-vu.md"} {
		if ok, _ := afero.Exists(fsys, "/out/"+name); ok {
			t.Errorf("%s was copied", name)
		}
	}
	if src, _ := afero.ReadFile(fsys, "/out/data/plan.toml"); bytes.Contains(src, []byte("the repository's own plan")) {
		t.Error("data/plan.toml is the repository's, not the generated one")
	}
	if fmt.Sprint(st.Missing) != "[static]" {
		t.Errorf("missing %v, want [static]", st.Missing)
	}
	var files int
	var size int64
	_ = afero.Walk(fsys, "/out", func(_ string, info fs.FileInfo, err error) error {
		if err == nil && info.Mode().IsRegular() {
			files++
			size += info.Size()
		}
		return err
	})
	if files != st.Files || size != st.Bytes {
		t.Errorf("wrote %d files, %d bytes; stats say %d, %d", files, size, st.Files, st.Bytes)
	}
}

// snapshot reads every file under /out.
func snapshot(t *testing.T, fsys afero.Fs) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := afero.Walk(fsys, "/out", func(name string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		out[name], err = afero.ReadFile(fsys, name)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestDeterministic(t *testing.T) {
	a1, _ := generate(t, tiny, 7)
	a2, _ := generate(t, tiny, 7)
	b, _ := generate(t, tiny, 8)
	s1, s2, s3 := snapshot(t, a1), snapshot(t, a2), snapshot(t, b)
	if len(s1) != len(s2) {
		t.Fatalf("same seed: %d files, then %d", len(s1), len(s2))
	}
	for name, data := range s1 {
		if !bytes.Equal(data, s2[name]) {
			t.Errorf("same seed, different %s", name)
		}
	}
	if bytes.Equal(s1["/out/data/plan.toml"], s3["/out/data/plan.toml"]) {
		t.Error("seeds 7 and 8 give the same plan")
	}
	sameReports := 0
	for name, data := range s3 {
		if strings.Contains(name, "/bao-cao/") && bytes.Equal(data, s1[name]) {
			sameReports++
		}
	}
	if sameReports > 0 {
		t.Errorf("seeds 7 and 8 give %d identical reports", sameReports)
	}
}

// TestCopyS copies a portal as scale S and counts it.
func TestCopyS(t *testing.T) {
	src, st := generate(t, tiny, 3)
	out := afero.NewMemMapFs()
	cp, err := Generate(Config{Scale: S, Seed: 1, RepoFs: src, Repo: "/out", Fs: out, Out: "/copy"})
	if err != nil {
		t.Fatal(err)
	}
	if cp.Tasks != st.Tasks || cp.Milestones != st.Milestones || cp.Agencies != st.Agencies || cp.Groups != st.Groups ||
		cp.Periods != st.Periods || cp.Approved != st.Approved || cp.Other != st.Other || cp.Updates != st.Updates {
		t.Errorf("copy counts %s; generated %s", cp, st)
	}
	// Everything but the generator's marker is copied byte for byte.
	if cp.Files != st.Files || cp.Bytes-st.Bytes != int64(len(markerText(S, 1)))-int64(len(markerText(tiny, 3))) {
		t.Errorf("copy wrote %d files, %d bytes; the source has %d, %d", cp.Files, cp.Bytes, st.Files, st.Bytes)
	}
	// A copy that does not load is an error.
	if err := afero.WriteFile(src, "/out/data/plan.toml", []byte("title = \n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(Config{Scale: S, RepoFs: src, Repo: "/out", Fs: afero.NewMemMapFs(), Out: "/copy"}); err == nil {
		t.Error("a broken portal copied without an error")
	}
}

func TestCheck(t *testing.T) {
	for _, sc := range []Scale{
		{Name: "a", Tasks: 0, Milestones: 0, Agencies: 10, Periods: 1},
		{Name: "b", Tasks: 10, Milestones: 5, Agencies: 10, Periods: 1},
		{Name: "c", Tasks: 1, Milestones: 27, Agencies: 10, Periods: 1},
		{Name: "d", Tasks: 1, Milestones: 1, Agencies: 2, Periods: 1},
		{Name: "e", Tasks: 1, Milestones: 1, Agencies: maxAgencies() + 1, Periods: 1},
		{Name: "f", Tasks: 1, Milestones: 1, Agencies: 10, Periods: 0},
	} {
		if _, err := Generate(Config{Scale: sc, RepoFs: afero.NewMemMapFs(), Fs: afero.NewMemMapFs(), Out: "/out"}); err == nil {
			t.Errorf("scale %+v accepted", sc)
		}
	}
	if _, err := Generate(Config{Scale: tiny, Fs: afero.NewMemMapFs(), Out: "/out"}); err == nil {
		t.Error("generated without a repository")
	}
}

func TestCountWords(t *testing.T) {
	for s, want := range map[string]int{
		"":                          0,
		"Rà soát, sắp xếp":          4,
		"## Kết quả\n\n- Đã xong.":  4,
		"Sở Lao động - Thương binh": 5,
		"  số 18-NQ/TW ":            2,
	} {
		if got := CountWords(s); got != want || words(s) != want {
			t.Errorf("CountWords(%q) = %d, words = %d; want %d", s, got, words(s), want)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Ủy ban nhân dân huyện Đắk Glei": "uy-ban-nhan-dan-huyen-dak-glei",
		"Ia H'Drai": "ia-h-drai",
		"Sở Nông nghiệp và Phát triển nông thôn tỉnh Kon Tum": "so-nong-nghiep-va-phat-trien",
	} {
		if got := slugify(in, 30); got != want || !plan.ValidID(got) {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

// checkScale checks a named scale: its exact counts and that its data has
// every variety the generator promises.
func checkScale(t *testing.T, sc Scale) *Stats {
	fsys, st := generate(t, sc, 1)
	t.Log(st)
	p := load(t, fsys)
	checkProject(t, p, st, sc)

	dueKinds := map[plan.DueKind]int{}
	groupOwned, conditional := 0, 0
	for _, task := range p.Plan.Tasks {
		for _, m := range task.Milestones {
			dueKinds[m.Due.Kind]++
			if p.Agencies.Group(m.Owner) != nil {
				groupOwned++
			}
			if m.Condition != "" {
				conditional++
			}
		}
	}
	if len(dueKinds) != 7 {
		t.Errorf("deadline forms: %v, want all 7", dueKinds)
	}
	between := func(what string, n, total int, lo, hi float64) {
		if f := float64(n) / float64(total); f < lo || f > hi {
			t.Errorf("%s: %d of %d (%.1f%%), want %.0f–%.0f%%", what, n, total, 100*f, 100*lo, 100*hi)
		}
	}
	between("milestones owned by groups", groupOwned, sc.Milestones, 0.12, 0.18)
	between("conditional milestones", conditional, sc.Milestones, 0.035, 0.065)
	between("reports not approved", st.Other, st.Approved+st.Other, 0.01, 0.04)
	if len(p.Agencies.Roles) < 3 || len(p.Agencies.Roles) > 8 {
		t.Errorf("%d roles", len(p.Agencies.Roles))
	}
	states := map[string]bool{}
	for _, r := range p.Reports {
		states[r.Approval.State] = true
	}
	if len(states) != 4 {
		t.Errorf("approval states %v, want all 4", states)
	}

	// Shares move on: every update state occurs, some done late, some
	// agencies miss a period.
	updateStates := map[string]int{}
	late := 0
	for _, r := range p.Published() {
		for _, u := range r.Updates {
			updateStates[u.State]++
			m := milestoneByID(p, u.Milestone)
			if last, ok := m.Due.LastDay(); ok && u.State == plan.StateDone && u.DoneOn.After(last) {
				late++
			}
		}
	}
	if len(updateStates) != 4 || late == 0 {
		t.Errorf("update states %v, %d done late", updateStates, late)
	}
	hist := status.History(p)
	missing := 0
	for _, h := range hist {
		missing += len(h.Missing)
	}
	if missing == 0 {
		t.Error("every agency reported every period")
	}
	final := hist[len(hist)-1].Snapshot
	for _, s := range []status.Status{status.DoneOnTime, status.DoneLate, status.Waiting, status.Overdue, status.NotReported, status.Ongoing, status.InProgress} {
		if final.MilestoneCounts[s] == 0 {
			t.Errorf("no milestone is %s at the end: %v", s, final.MilestoneCounts)
		}
	}
	return st
}

var msIndex = map[*plan.Project]map[string]*plan.Milestone{}

func milestoneByID(p *plan.Project, id string) *plan.Milestone {
	idx := msIndex[p]
	if idx == nil {
		idx = map[string]*plan.Milestone{}
		for _, t := range p.Plan.Tasks {
			for _, m := range t.Milestones {
				idx[m.ID] = m
			}
		}
		msIndex[p] = idx
	}
	return idx[id]
}

func TestScaleM(t *testing.T) {
	if testing.Short() {
		t.Skip("scale M takes a while to load")
	}
	checkScale(t, M)
}

func TestScaleL(t *testing.T) {
	if os.Getenv("MINHBACH_BIG") != "1" {
		t.Skip("set MINHBACH_BIG=1 to generate and check scale L")
	}
	st := checkScale(t, L)
	// One approved report per agency and period caps reports at
	// agencies × periods (3,600 at L); the 60,000 are updates.
	if st.Updates < 60000 {
		t.Errorf("L has %d approved updates, want at least 60,000", st.Updates)
	}
}

// TestScaleSRepository copies the repository's own portal, when asked.
func TestScaleSRepository(t *testing.T) {
	if os.Getenv("MINHBACH_BIG") != "1" {
		t.Skip("set MINHBACH_BIG=1 to copy the repository's portal (scale S)")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	st, err := Generate(Config{Scale: S, Seed: 1, RepoFs: afero.NewOsFs(), Repo: repo, Fs: afero.NewMemMapFs(), Out: "/out"})
	if err != nil {
		t.Fatal(err)
	}
	if st.Tasks == 0 || st.Agencies == 0 {
		t.Errorf("S: %s", st)
	}
	t.Log(st)
}
