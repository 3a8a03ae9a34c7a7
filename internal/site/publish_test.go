package site

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
)

// sameTree fails unless the files under dir are exactly want.
func sameTree(t *testing.T, fsys afero.Fs, dir string, want map[string][]byte) {
	t.Helper()
	got := tree(t, fsys, dir)
	if len(got) != len(want) {
		t.Errorf("%s has %d files, want %d", dir, len(got), len(want))
	}
	for name, data := range want {
		if !bytes.Equal(got[name], data) {
			t.Errorf("%s/%s changed", dir, name)
		}
	}
}

// noLeftovers fails if a temporary or old folder is left beside dest.
func noLeftovers(t *testing.T, fsys afero.Fs, dest string) {
	t.Helper()
	dir, base := "/", strings.TrimPrefix(dest, "/")
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), base+".") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestFailedBuildLeavesThePreviousSite(t *testing.T) {
	cases := []struct {
		name   string
		break_ func(t *testing.T, fsys afero.Fs) afero.Fs
		stage  string
	}{
		{"template error", func(t *testing.T, fsys afero.Fs) afero.Fs {
			afero.WriteFile(fsys, "/src/layouts/task/page.html", []byte(`{{ define "main" }}{{ (partial "view.html" .).number.Missing }}{{ end }}`), 0o644)
			return fsys
		}, "hugo"},
		{"missing template", func(t *testing.T, fsys afero.Fs) afero.Fs {
			fsys.Remove("/src/layouts/report/page.html")
			fsys.Remove("/src/layouts/page.html")
			return fsys
		}, "hugo"},
		{"bad data", func(t *testing.T, fsys afero.Fs) afero.Fs {
			afero.WriteFile(fsys, "/src/data/plan.toml", []byte("title = \"x\"\n[[tasks]\n"), 0o644)
			return fsys
		}, ""},
		{"disk full part-way", func(t *testing.T, fsys afero.Fs) afero.Fs {
			// The disk fills up while the search index is being written,
			// after Hugo's pages. (Failing Hugo's own writes is not used:
			// Hugo v0.165.0 can hang collecting many write errors.)
			return &failingFs{Fs: fsys, prefix: fmt.Sprintf("/out.tmp-%d/tim-kiem/chi-muc/", os.Getpid()), after: 20}
		}, "write"},
		{"read-only destination", func(t *testing.T, fsys afero.Fs) afero.Fs {
			return &failingFs{Fs: fsys, prefix: "/out.tmp-", after: 0}
		}, "dest"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := memPortal(t)
			memBuild(t, fsys, "/out")
			before := tree(t, fsys, "/out")
			broken := c.break_(t, fsys)
			_, err := Build(Options{Source: "/src", Dest: "/out", Fs: broken})
			if err == nil {
				t.Fatal("the build succeeded")
			}
			var be *BuildError
			var ps plan.Problems
			switch {
			case c.stage == "" && !errors.As(err, &ps):
				t.Errorf("want data problems, got %v", err)
			case c.stage != "" && !errors.As(err, &be):
				t.Errorf("want a BuildError, got %v", err)
			case c.stage != "" && be.Stage != c.stage:
				t.Errorf("failed at stage %q, want %q: %v", be.Stage, c.stage, err)
			}
			sameTree(t, fsys, "/out", before)
			noLeftovers(t, fsys, "/out")
		})
	}
}

func TestStaleTemporaryFoldersAreReplaced(t *testing.T) {
	fsys := memPortal(t)
	stale := fmt.Sprintf("/out.tmp-%d/old.html", os.Getpid())
	afero.WriteFile(fsys, stale, []byte("stale"), 0o644)
	afero.WriteFile(fsys, fmt.Sprintf("/out.old-%d/x.html", os.Getpid()), []byte("stale"), 0o644)
	afero.WriteFile(fsys, "/out/only-in-old-site.html", []byte("old"), 0o644)
	memBuild(t, fsys, "/out")
	noLeftovers(t, fsys, "/out")
	if ok, _ := afero.Exists(fsys, "/out/only-in-old-site.html"); ok {
		t.Error("a file of the previous site survived the swap")
	}
	if ok, _ := afero.Exists(fsys, "/out/index.html"); !ok {
		t.Error("no new site")
	}
}

// failingFs fails every file creation under prefix after the first
// `after` ones, like a disk that fills up or a folder that cannot be
// written.
type failingFs struct {
	afero.Fs
	prefix string
	after  int64
	n      atomic.Int64
}

var errDiskFull = errors.New("no space left on device (simulated)")

func (f *failingFs) fail(name string) bool {
	return strings.HasPrefix(name, f.prefix) && f.n.Add(1) > f.after
}

func (f *failingFs) Create(name string) (afero.File, error) {
	if f.fail(name) {
		return nil, errDiskFull
	}
	return f.Fs.Create(name)
}

func (f *failingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_CREATE|os.O_WRONLY|os.O_RDWR) != 0 && f.fail(name) {
		return nil, errDiskFull
	}
	return f.Fs.OpenFile(name, flag, perm)
}

func (f *failingFs) MkdirAll(name string, perm os.FileMode) error {
	if f.after == 0 && strings.HasPrefix(name, f.prefix) {
		return errDiskFull
	}
	return f.Fs.MkdirAll(name, perm)
}
