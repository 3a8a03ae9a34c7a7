package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/gen"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
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
		{"disk full during Hugo's writes", func(t *testing.T, fsys afero.Fs) afero.Fs {
			// Every task page fails: Hugo v0.165.0 hangs collating that
			// many errors unless the publisher discards the writes after
			// the first failure.
			return &failingFs{Fs: fsys, prefix: fmt.Sprintf("/out.tmp-%d/nhiem-vu/", os.Getpid()), after: 0}
		}, "write"},
		{"disk full during Hugo's writes, part-way", func(t *testing.T, fsys afero.Fs) afero.Fs {
			return &failingFs{Fs: fsys, prefix: fmt.Sprintf("/out.tmp-%d/", os.Getpid()), after: 30}
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
	memBuild(t, fsys, "/out")
	// An earlier build interrupted: its temporary folder carries the
	// marker, so it is minhbach's and is removed; so is a previous site
	// moved aside. A look-alike without the marker is someone else's.
	sum := sha256.Sum256([]byte("stale"))
	old := &publish.Manifest{Complete: true, Files: []publish.File{{Path: "old.html", Size: 5, SHA256: hex.EncodeToString(sum[:])}}}
	for _, dir := range []string{"/out.tmp-4999999", "/out.old-4999998"} {
		afero.WriteFile(fsys, dir+"/"+publish.MarkerName, old.Encode(), 0o644)
		afero.WriteFile(fsys, dir+"/old.html", []byte("stale"), 0o644)
	}
	afero.WriteFile(fsys, "/out.tmp-4999997/notes.txt", []byte("mine"), 0o644)
	afero.WriteFile(fsys, fmt.Sprintf("/out.tmp-%d/notes.txt", os.Getpid()), []byte("mine too"), 0o644)
	memBuild(t, fsys, "/out")
	for _, gone := range []string{"/out.tmp-4999999", "/out.old-4999998"} {
		if ok, _ := afero.Exists(fsys, gone); ok {
			t.Errorf("%s was not cleaned", gone)
		}
	}
	for name, want := range map[string]string{"/out.tmp-4999997/notes.txt": "mine", fmt.Sprintf("/out.tmp-%d/notes.txt", os.Getpid()): "mine too"} {
		if got, err := afero.ReadFile(fsys, name); err != nil || string(got) != want {
			t.Errorf("%s = %q, %v: a folder without the marker was touched", name, got, err)
		}
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

// TestManyFailedWritesDoNotHang fails every write of a few-thousand-page
// build after the first 50, as a full disk does. Hugo v0.165.0 can hang
// collating that many write errors; the publisher records the first and
// discards the rest, so the build fails quickly with it.
func TestManyFailedWritesDoNotHang(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated portal of a few thousand pages; run without -short")
	}
	fsys := afero.NewMemMapFs()
	sc := gen.Scale{Name: "hang", Tasks: 300, Milestones: 600, Agencies: 30, Periods: 2}
	if _, err := gen.Generate(gen.Config{Scale: sc, Seed: 1, RepoFs: afero.NewOsFs(), Repo: repoRoot, Fs: fsys, Out: "/src"}); err != nil {
		t.Fatal(err)
	}
	broken := &failingFs{Fs: fsys, prefix: fmt.Sprintf("/out.tmp-%d/", os.Getpid()), after: 50}
	done := make(chan error, 1)
	go func() {
		_, err := Build(Options{Source: "/src", Dest: "/out", Fs: broken})
		done <- err
	}()
	select {
	case err := <-done:
		var be *BuildError
		if !errors.As(err, &be) || be.Stage != "write" || !errors.Is(err, errDiskFull) {
			t.Fatalf("got %v, want the disk-full write error", err)
		}
		t.Logf("%d file creations reached the disk", broken.n.Load())
		if n := broken.n.Load(); n > 51 {
			t.Errorf("%d file creations reached the failing disk, want the writes after the first failure discarded", n)
		}
	case <-time.After(3 * time.Minute):
		t.Fatal("the build hangs after write errors")
	}
	noLeftovers(t, fsys, "/out")
	if ok, _ := afero.Exists(fsys, "/out"); ok {
		t.Error("a failed build created /out")
	}
}
