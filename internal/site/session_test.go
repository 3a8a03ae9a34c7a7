package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/publish"
)

// editReport changes the text of a report of the Kon Tum portal in mem.
func editReport(t *testing.T, mem afero.Fs, file, from, to string) {
	t.Helper()
	data, err := afero.ReadFile(mem, file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(from)) {
		t.Fatalf("%s does not contain %q", file, from)
	}
	if err := afero.WriteFile(mem, file, bytes.Replace(data, []byte(from), []byte(to), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// stale lists the files of a session's folder that differ from a full
// build of the same source (the marker aside), and those that are missing
// or extra.
func stale(t *testing.T, mem afero.Fs, o Options, dir string) []string {
	t.Helper()
	full := o
	full.Dest = "/out/full"
	if _, err := Build(full); err != nil {
		t.Fatal(err)
	}
	want, got := tree(t, mem, "/out/full"), tree(t, mem, dir)
	var diff []string
	for name, w := range want {
		if name == publish.MarkerName {
			continue
		}
		g, ok := got[name]
		switch {
		case !ok:
			diff = append(diff, "missing "+name)
		case !bytes.Equal(g, w):
			diff = append(diff, "stale "+name)
			if debugDiff {
				os.WriteFile("/tmp/incrprobe/want-"+strings.ReplaceAll(name, "/", "_"), w, 0o644)
				os.WriteFile("/tmp/incrprobe/got-"+strings.ReplaceAll(name, "/", "_"), g, 0o644)
			}
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok && name != publish.MarkerName {
			diff = append(diff, "extra "+name)
		}
	}
	sort.Strings(diff)
	return diff
}

// unsealed drops the digests of the reports in mem (reports approved by
// hand), so that the tests may edit approved reports: with a digest, the
// build rightly refuses the change.
func unsealed(t *testing.T, mem afero.Fs) afero.Fs {
	t.Helper()
	digest := regexp.MustCompile(`(?m)^digest = .*\n`)
	err := afero.Walk(mem, "/src/content/bao-cao", func(p string, info fs.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		if err != nil {
			return err
		}
		return afero.WriteFile(mem, p, digest.ReplaceAll(data, nil), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return mem
}

// filesWith lists the files under dir that contain text.
func filesWith(t *testing.T, fsys afero.Fs, dir, text string) []string {
	t.Helper()
	var in []string
	for name, data := range tree(t, fsys, dir) {
		if bytes.Contains(data, []byte(text)) {
			in = append(in, name)
		}
	}
	sort.Strings(in)
	return in
}

var debugDiff = false

// TestSessionUpdateMatchesFullBuild edits the Kon Tum portal step by step
// (a report's text, a status, a report removed and added again, the plan,
// a report that is only submitted, broken data and its fix), updates one
// session after each step and compares its folder, file by file, with a
// full build of the same source: no page and no Go-written file is stale,
// missing or left over, while Hugo rendered only some of the pages.
func TestSessionUpdateMatchesFullBuild(t *testing.T) {
	mem := unsealed(t, memPortal(t))
	o := Options{Source: "/src", Dest: "/out/preview", Fs: mem}
	s, first, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	t.Logf("first build: %d pages rendered, %d files", first.Rendered, len(first.Written))
	if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
		t.Fatalf("the first build differs from a full build:\n%s", strings.Join(d, "\n"))
	}
	removed, _ := afero.ReadFile(mem, "/src/content/bao-cao/2018-05-10/so-noi-vu.md")
	steps := []struct {
		name string
		edit func()
		// shown is a text the step puts on the site (or, with hidden, a
		// text it must not put there).
		shown  string
		hidden bool
		// rebuild: the session cannot take the step (a page is gone) and
		// a new one is opened, as the preview does.
		rebuild bool
	}{
		{"a report's approver", func() {
			editReport(t, mem, "/src/content/bao-cao/2018-H1/so-noi-vu.md", "Trần Văn B", "Trần Văn B 4711")
		}, "Trần Văn B 4711", false, false},
		{"a milestone done: statuses change", func() {
			editReport(t, mem, "/src/content/bao-cao/2019-H1/so-noi-vu.md", "state = \"in-progress\"\nprogress = 60", "state = \"done\"\ndone_on = 2019-05-30")
		}, "", false, false},
		{"a report removed", func() {
			if err := mem.Remove("/src/content/bao-cao/2018-05-10/so-noi-vu.md"); err != nil {
				t.Fatal(err)
			}
		}, "", false, true},
		{"the report added again", func() {
			if err := afero.WriteFile(mem, "/src/content/bao-cao/2018-05-10/so-noi-vu.md", removed, 0o644); err != nil {
				t.Fatal(err)
			}
		}, "", false, false},
		{"a task's title in the plan", func() {
			editReport(t, mem, "/src/data/plan.toml", "Công tác phổ biến, quán triệt, tuyên truyền", "Công tác phổ biến, quán triệt, tuyên truyền 5150")
		}, "tuyên truyền 5150", false, false},
		{"a report only submitted", func() {
			err := afero.WriteFile(mem, "/src/content/bao-cao/2018-H1/ubnd-dak-glei.md", []byte("+++\nagency = \"ubnd-dak-glei\"\nperiod = \"2018-H1\"\ndate = 2018-06-21\n[approval]\nstate = \"submitted\"\n[[updates]]\nmilestone = \"2a\"\nstate = \"in-progress\"\nprogress = 40\n+++\nBáo cáo đang chờ duyệt 5521.\n"), 0o644)
			if err != nil {
				t.Fatal(err)
			}
		}, "đang chờ duyệt 5521", true, true},
	}
	for i, step := range steps {
		step.edit()
		var up *Update
		var err error
		if i == 0 {
			// The edited report's pages are rendered first: when first is
			// called, they already show the edit.
			called := false
			up, err = s.UpdateReports(nil, []string{"content/bao-cao/2018-H1/so-noi-vu.md"}, func() {
				called = true
				for _, page := range []string{"ky-bao-cao/2018-H1/so-noi-vu/index.html", "en/ky-bao-cao/2018-H1/so-noi-vu/index.html"} {
					data, _ := afero.ReadFile(mem, s.Dir()+"/"+page)
					if !bytes.Contains(data, []byte(step.shown)) {
						t.Errorf("%s: when first is called, %s does not show %q", step.name, page, step.shown)
					}
				}
			})
			if !called {
				t.Errorf("%s: first was not called", step.name)
			}
		} else {
			up, err = s.Update(nil)
		}
		if step.rebuild {
			if !errors.Is(err, ErrRebuild) {
				t.Fatalf("%s: %v, want ErrRebuild", step.name, err)
			}
			if d := stale(t, mem, o, s.Dir()); len(d) == 0 {
				t.Errorf("%s: the refused step left nothing to rebuild (the comparison finds no difference)", step.name)
			}
			s.Close()
			if s, _, err = Open(o); err != nil {
				t.Fatal(err)
			}
			if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
				t.Fatalf("%s: the new session differs from a full build:\n%s", step.name, strings.Join(d, "\n"))
			}
		} else {
			if err != nil {
				t.Fatalf("%s: %v", step.name, err)
			}
			checkUpdate(t, mem, o, s, step.name, up, first.Rendered)
		}
		if step.shown != "" {
			in := filesWith(t, mem, s.Dir(), step.shown)
			if step.hidden && len(in) > 0 {
				t.Errorf("%s: %q is in %v", step.name, step.shown, in)
			}
			if !step.hidden && len(in) == 0 {
				t.Errorf("%s: %q is on no page", step.name, step.shown)
			}
		}
	}

	// Broken data: the error names the file, and nothing changes.
	before := tree(t, mem, s.Dir())
	editReport(t, mem, "/src/content/bao-cao/2018-H1/so-noi-vu.md", `number = "112/BC-SNV"`, `number = "112/BC-SNV`)
	if _, err := s.Update(nil); err == nil || !strings.Contains(err.Error(), "so-noi-vu.md") {
		t.Fatalf("broken report: error %v, want one naming the file", err)
	}
	if s.Broken() != nil {
		t.Errorf("a data problem broke the session: %v", s.Broken())
	}
	after := tree(t, mem, s.Dir())
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("broken report: %s changed", name)
		}
	}
	if len(after) != len(before) {
		t.Errorf("broken report: %d files, %d before", len(after), len(before))
	}
	editReport(t, mem, "/src/content/bao-cao/2018-H1/so-noi-vu.md", `number = "112/BC-SNV`, `number = "112/BC-SNV 6060"`)
	if _, err := s.Update(nil); err != nil {
		t.Fatal(err)
	}
	if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
		t.Fatalf("after the fix, the session's folder differs from a full build:\n%s", strings.Join(d, "\n"))
	}
	if in := filesWith(t, mem, s.Dir(), "112/BC-SNV 6060"); len(in) == 0 {
		t.Error("the fixed report's number is on no page")
	}
}

// checkUpdate checks what an update did: it rendered some pages again,
// not all, and left the folder as a full build makes it.
func checkUpdate(t *testing.T, mem afero.Fs, o Options, s *Session, name string, up *Update, all int) {
	t.Helper()
	t.Logf("%s: %d generated files changed, %d events, %d files written, %d pages rendered (load %s, hugo %s, outputs %s)",
		name, len(up.Generated), up.Events, len(up.Written), up.Rendered, up.Load, up.Hugo, up.Outputs)
	if up.Rendered == 0 || up.Rendered >= all {
		t.Errorf("%s: %d pages rendered again, of %d", name, up.Rendered, all)
	}
	if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
		t.Fatalf("%s: the session's folder differs from a full build:\n%s", name, strings.Join(d, "\n"))
	}
}

// TestSessionStaleCounter is the counter-test of the comparison above: a
// session that does not tell Hugo of the pages whose view alone changed
// (Hugo does not know that a page reads its view file) leaves the edited
// report's pages stale, and the comparison with a full build finds them.
func TestSessionStaleCounter(t *testing.T) {
	mem := unsealed(t, memPortal(t))
	o := Options{Source: "/src", Dest: "/out/preview", Fs: mem}
	s, _, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.ignoreViews = true
	editReport(t, mem, "/src/content/bao-cao/2018-H1/so-noi-vu.md", "Trần Văn B", "Trần Văn B 4711")
	up, err := s.Update(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := stale(t, mem, o, s.Dir())
	t.Logf("ignoring views: %d pages rendered; differences: %v", up.Rendered, d)
	for _, want := range []string{"stale ky-bao-cao/2018-H1/so-noi-vu/index.html", "stale en/ky-bao-cao/2018-H1/so-noi-vu/index.html"} {
		found := false
		for _, x := range d {
			found = found || x == want
		}
		if !found {
			t.Errorf("the comparison did not find %q: %v", want, d)
		}
	}
}
