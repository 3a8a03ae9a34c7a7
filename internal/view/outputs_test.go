package view

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/testportal"
)

// loadKonTum loads the repository's own portal.
func loadKonTum(t *testing.T) *plan.Project {
	t.Helper()
	p, err := plan.Load(afero.NewOsFs(), "../..")
	if err != nil {
		t.Fatalf("the repository's portal does not load: %v", err)
	}
	return p
}

// loadTestPortal loads internal/testportal with its reports.
func loadTestPortal(t *testing.T) *plan.Project {
	t.Helper()
	p, err := plan.Load(testportal.Fs(t, testportal.Reports()), testportal.Root)
	if err != nil {
		t.Fatalf("the test portal does not load: %v", err)
	}
	return p
}

// claimAll makes every page of m and claims, as a build does, the badges
// and cards Go writes beside them (the feeds, search index and open data
// are claimed by internal/site, whose tests build whole sites).
func claimAll(m *Model) error {
	if err := m.Pages(func(string, []byte) error { return nil }); err != nil {
		return err
	}
	if err := m.Badges(func(b BadgeFile) error { return m.Outputs().Claim(b.Path, Writer{Kind: WriterBadge}) }); err != nil {
		return err
	}
	for _, c := range m.Cards() {
		if err := m.Outputs().Claim(c.Path, Writer{Kind: WriterCard}); err != nil {
			return err
		}
	}
	return nil
}

// everyListPaged makes every list go on over further pages for the rest of
// the test, so that every address the site makes itself is written.
func everyListPaged(t *testing.T) {
	a, b, c, d := TasksPerPage, ChangesPerPage, MilestonesPerPage, SummaryPerPage
	t.Cleanup(func() { TasksPerPage, ChangesPerPage, MilestonesPerPage, SummaryPerPage = a, b, c, d })
	TasksPerPage, ChangesPerPage, MilestonesPerPage, SummaryPerPage = 1, 1, 1, 1
}

// levelOf returns the level of the site's addresses whose id is segment i
// of the path segs (under a language's root), if there is one: a file
// name (with a dot, which no id has) is no level.
func levelOf(segs []string, i int) (plan.Level, bool) {
	if i >= len(segs)-1 || strings.Contains(segs[i], ".") {
		return 0, false // the file itself
	}
	switch {
	case i == 1 && segs[0] == "nhiem-vu":
		return plan.TaskLevel, true
	case i == 1 && segs[0] == "co-quan":
		return plan.AgencyLevel, true
	case i == 1 && segs[0] == "ky-bao-cao":
		return plan.PeriodLevel, true
	case i == 2 && segs[0] == "ky-bao-cao":
		return plan.ReportLevel, true
	}
	return 0, false
}

// Every segment the view writes at a level the data's ids name is an id
// of the data or one plan.Reserved lists for that level, and every one
// listed is written: the loader's list of reserved segments is the view's.
func TestReservedSegmentsAreTheViews(t *testing.T) {
	everyListPaged(t)
	p := loadKonTum(t)
	// An alias for each kind, so that their redirects are written too.
	p.Plan.Tasks[0].Aliases = append(p.Plan.Tasks[0].Aliases, "nhiem-vu-cu")
	p.Agencies.Agencies[0].Aliases = append(p.Agencies.Agencies[0].Aliases, "co-quan-cu")
	ids := map[plan.Level]map[string]bool{}
	for _, l := range plan.Levels {
		ids[l] = map[string]bool{}
	}
	for _, tk := range p.Plan.Tasks {
		ids[plan.TaskLevel][tk.Slug] = true
		for _, a := range tk.Aliases {
			ids[plan.TaskLevel][a] = true
		}
	}
	for _, a := range p.Agencies.Agencies {
		ids[plan.AgencyLevel][a.ID] = true
		ids[plan.ReportLevel][a.ID] = true
		for _, x := range a.Aliases {
			ids[plan.AgencyLevel][x] = true
		}
	}
	for _, g := range p.Agencies.Groups {
		ids[plan.AgencyLevel][g.ID] = true
		for _, x := range g.Aliases {
			ids[plan.AgencyLevel][x] = true
		}
	}
	m := New(p, plan.Date{}, false)
	for _, h := range m.History() {
		ids[plan.PeriodLevel][h.Period.ID] = true
	}
	if err := claimAll(m); err != nil {
		t.Fatal(err)
	}
	used := map[plan.Level]map[string]bool{}
	for _, l := range plan.Levels {
		used[l] = map[string]bool{}
	}
	for _, path := range m.Outputs().Paths() {
		segs := strings.Split(strings.TrimPrefix(path, LangDir("en")), "/")
		for i, seg := range segs {
			l, ok := levelOf(segs, i)
			switch {
			case !ok:
			case slices.Contains(plan.Reserved(l), seg):
				if ids[l][seg] {
					t.Errorf("%s: %q is an id and a segment the site makes itself", path, seg)
				}
				used[l][seg] = true
			case !ids[l][seg]:
				t.Errorf("%s: the site writes %q at %s, which plan.Reserved(%d) does not list: the loader would let an id take it", path, seg, l.Prefix(), l)
			}
		}
	}
	for _, l := range plan.Levels {
		for _, seg := range plan.Reserved(l) {
			if !used[l][seg] {
				t.Errorf("plan.Reserved lists %q at %s, which the site never writes there", seg, l.Prefix())
			}
		}
	}
	// The messages' addresses are the view's.
	for l, url := range map[plan.Level]string{plan.TaskLevel: TaskURL("x"), plan.AgencyLevel: AgencyURL("x"), plan.PeriodLevel: periodURL("x")} {
		url = strings.TrimSuffix(url, "x/")
		if l.Prefix() != url {
			t.Errorf("level %d: the loader says %s, the view writes %s", l, l.Prefix(), url)
		}
	}
	if got, url := plan.ReportLevel.Prefix(), strings.TrimSuffix(reportURL("…", "x"), "x/"); got != url {
		t.Errorf("report level: the loader says %s, the view writes %s", got, url)
	}
}

// The Kon Tum portal and the test portal write no two files at one path,
// and every page's file is where Hugo writes it (internal/site's tests
// compare with Hugo's output).
func TestNoClash(t *testing.T) {
	for name, p := range map[string]*plan.Project{"Kon Tum": loadKonTum(t), "testportal": loadTestPortal(t)} {
		m := New(p, plan.Date{}, false)
		if err := claimAll(m); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		paths := m.Outputs().Paths()
		for _, want := range []string{"index.html", "en/index.html", "nhiem-vu/" + p.Plan.Tasks[0].Slug + "/index.html",
			"nhiem-vu/" + p.Plan.Tasks[0].Slug + "/badge.svg", "en/ky-bao-cao/" + m.History()[0].Period.ID + "/tong-hop/index.html"} {
			if !slices.Contains(paths, want) {
				t.Errorf("%s: %s not claimed", name, want)
			}
		}
	}
}

// A crafted clash: task 1 keeps as an alias the slug task 2 has now (the
// loader refuses that; here it is set after loading). Its redirect page
// would be written where task 2's page is, and its old badges over task
// 2's. Without the guard the pages are made without a word; with it the
// build fails naming both.
func TestClashIsFound(t *testing.T) {
	p := loadTestPortal(t)
	one, two := p.Plan.Tasks[0], p.Plan.Tasks[1]
	one.Aliases = []string{two.Slug}

	// Without the guard (the presenter of a preview's first pages, which
	// claims nothing): every content file is handed on once, and the
	// clash is in no file's name.
	m := New(p, plan.Date{}, false)
	seen := map[string]bool{}
	unguarded := &presenter{Model: m, lang: "vi", put: func(name string, _ []byte) error {
		if seen[name] {
			t.Errorf("%s handed on twice", name)
		}
		seen[name] = true
		return nil
	}}
	if err := unguarded.all(); err != nil {
		t.Fatalf("without the guard: %v", err)
	}

	err := New(p, plan.Date{}, false).Pages(func(string, []byte) error { return nil })
	var ce *ClashError
	if !errors.As(err, &ce) {
		t.Fatalf("Pages = %v, want a ClashError", err)
	}
	if want := "nhiem-vu/" + two.Slug + "/index.html"; ce.Path != want && ce.Path != "en/"+want {
		t.Errorf("clash at %s, want %s", ce.Path, want)
	}
	for _, l := range []msg.Lang{msg.VI, msg.EN} {
		text := ce.Text(l)
		t.Log(text)
		for _, s := range []string{ce.Path, "content/nhiem-vu/" + two.Slug + "/index.", "content/nhiem-vu/" + one.Slug + "/index.", "/nhiem-vu/" + two.Slug + "/"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: the message does not name %s: %s", l, s, text)
			}
		}
	}

	// A Go-written file over another: the alias's badges over task 2's.
	m = New(p, plan.Date{}, false)
	err = m.Badges(func(b BadgeFile) error { return m.Outputs().Claim(b.Path, Writer{Kind: WriterBadge}) })
	if !errors.As(err, &ce) || ce.Path != "nhiem-vu/"+two.Slug+"/badge.svg" {
		t.Errorf("badges: %v, want a clash at task 2's live badge", err)
	}
	// A Go-written file over a page.
	m = New(p, plan.Date{}, false)
	one.Aliases = nil
	if err := m.Pages(func(string, []byte) error { return nil }); err != nil {
		t.Fatal(err)
	}
	err = m.Outputs().Claim("nhiem-vu/"+two.Slug+"/index.html", Writer{Kind: WriterFeed})
	if !errors.As(err, &ce) || !strings.Contains(ce.Text(msg.EN), "an Atom feed") || !strings.Contains(ce.Text(msg.EN), "the page ") {
		t.Errorf("a feed at a page's path: %v", err)
	}
}

func TestPageOutput(t *testing.T) {
	for _, c := range []struct{ lang, path, want string }{
		{"vi", "_index", "index.html"},
		{"en", "_index", "en/index.html"},
		{"vi", "nhiem-vu/_index", "nhiem-vu/index.html"},
		{"vi", "nhiem-vu/mot/index", "nhiem-vu/mot/index.html"},
		{"en", "ky-bao-cao/2018-H1/so-noi-vu", "en/ky-bao-cao/2018-H1/so-noi-vu/index.html"},
		{"vi", "du-lieu", "du-lieu/index.html"},
		{"vi", "nhiem-vu/trang/2", "nhiem-vu/trang/2/index.html"},
	} {
		if got := pageOutput(c.lang, c.path); got != c.want {
			t.Errorf("pageOutput(%s, %s) = %s, want %s", c.lang, c.path, got, c.want)
		}
	}
	if got := aliasOutput("en", "/co-quan/cu/"); got != "en/co-quan/cu/index.html" {
		t.Errorf("aliasOutput = %s", got)
	}
}
