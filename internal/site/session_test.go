package site

import (
	"bytes"
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

// TestSessionUpdateMatchesFullBuild edits a report, updates a session and
// compares its folder, file by file, with a full build of the edited
// source: no page is stale, and Hugo rendered only some of the pages.
func TestSessionUpdateMatchesFullBuild(t *testing.T) {
	mem := memPortal(t)
	o := Options{Source: "/src", Dest: "/out/preview", Fs: mem}
	s, first, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	t.Logf("first build: %d pages rendered, %d files", first.Rendered, len(first.Written))
	if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
		t.Fatalf("the first build differs from a full build:\n%s", strings.Join(d, "\n"))
	}
	editReport(t, mem, "/src/content/bao-cao/2018-H1/so-noi-vu.md", "Trần Văn B", "Trần Văn B 4711")
	up, err := s.Update(nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("update: %d generated files changed, %d events, %d files written, %d pages rendered; load %s hugo %s outputs %s",
		len(up.Generated), up.Events, len(up.Written), up.Rendered, up.Load, up.Hugo, up.Outputs)
	t.Logf("generated: %v", up.Generated)
	t.Logf("written: %v", up.Written)
	if d := stale(t, mem, o, s.Dir()); len(d) > 0 {
		t.Fatalf("after the update, the session's folder differs from a full build:\n%s", strings.Join(d, "\n"))
	}
}
