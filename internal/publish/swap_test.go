package publish

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
)

// previous returns a file system with a portal folder and a previous
// build in /out.
func previous(t *testing.T) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/src/data/plan.toml", []byte("x"), 0o644)
	afero.WriteFile(fsys, "/out/index.html", []byte("old"), 0o644)
	m := &Manifest{Complete: true, Files: []File{{"index.html", 3, sha("old")}}}
	afero.WriteFile(fsys, "/out/"+MarkerName, m.Encode(), 0o644)
	return fsys
}

// build runs a whole publication of one page into /out through fsys.
func build(ctx context.Context, fsys afero.Fs) error {
	tg, err := Begin(ctx, fsys, Options{Source: "/src", Dest: "/out"})
	if err != nil {
		return err
	}
	defer tg.Abort()
	if err := afero.WriteFile(tg.Fs(), filepath.Join(tg.Dir(), "index.html"), []byte("new"), 0o644); err != nil {
		return tg.WriteError(err)
	}
	if _, err := tg.Finish(); err != nil {
		return err
	}
	return tg.Publish()
}

// failRename fails the renames for which fail returns true.
type failRename struct {
	afero.Fs
	fail func(from, to string) bool
}

var errBusy = errors.New("device or resource busy (simulated)")

func (f *failRename) Rename(from, to string) error {
	if f.fail(from, to) {
		return errBusy
	}
	return f.Fs.Rename(from, to)
}

// failRemove fails removing anything under prefix.
type failRemove struct {
	afero.Fs
	prefix string
}

func (f *failRemove) RemoveAll(p string) error {
	if strings.HasPrefix(p, f.prefix) {
		return errBusy
	}
	return f.Fs.RemoveAll(p)
}

// leftovers lists the folders beside /out.
func leftovers(fsys afero.Fs) []string {
	var out []string
	entries, _ := afero.ReadDir(fsys, "/")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "out.") {
			out = append(out, e.Name())
		}
	}
	return out
}

func page(t *testing.T, fsys afero.Fs) string {
	t.Helper()
	data, err := afero.ReadFile(fsys, "/out/index.html")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFailedPublication(t *testing.T) {
	cases := []struct {
		name string
		wrap func(afero.Fs) afero.Fs
		key  string
		page string // what /out/index.html holds after
		left int    // folders left beside /out (only when the message names them)
	}{
		{"published", func(f afero.Fs) afero.Fs { return f }, "", "new", 0},
		{"read-only file system", func(f afero.Fs) afero.Fs { return afero.NewReadOnlyFs(f) }, "publish.cannotWrite", "old", 0},
		{"destination cannot be moved aside", func(f afero.Fs) afero.Fs {
			return &failRename{Fs: f, fail: func(from, _ string) bool { return from == "/out" }}
		}, "publish.renameAside", "old", 0},
		{"new site cannot be moved in, old one back", func(f afero.Fs) afero.Fs {
			return &failRename{Fs: f, fail: func(from, _ string) bool { return strings.HasPrefix(from, "/out.tmp-") }}
		}, "publish.renameIn", "old", 0},
		{"neither can be moved in", func(f afero.Fs) afero.Fs {
			return &failRename{Fs: f, fail: func(_, to string) bool { return to == "/out" }}
		}, "publish.stuck", "", 2},
		{"old site cannot be deleted", func(f afero.Fs) afero.Fs {
			return &failRemove{Fs: f, prefix: "/out.old-"}
		}, "publish.oldStays", "new", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base := previous(t)
			err := build(context.Background(), c.wrap(base))
			if c.key == "" {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				var pe *Error
				if !errors.As(err, &pe) || pe.Key != c.key {
					t.Fatalf("got %v, want %s", err, c.key)
				}
				text := pe.Text(msg.VI)
				if _, how, ok := strings.Cut(text, " — "); !ok || how == "" {
					t.Errorf("the message does not say what to do: %s", text)
				}
				for _, name := range leftovers(base) {
					if !strings.Contains(pe.Text(msg.EN), "/"+name) {
						t.Errorf("%s is left and the message does not say so: %s", name, pe.Text(msg.EN))
					}
				}
			}
			if got := len(leftovers(base)); got != c.left {
				t.Errorf("%d folders left beside /out (%v), want %d", got, leftovers(base), c.left)
			}
			if c.page != "" && page(t, base) != c.page {
				t.Errorf("/out/index.html = %q, want %q", page(t, base), c.page)
			}
		})
	}
}

// countingFs counts the writes that reach it and fails those under
// prefix.
type countingFs struct {
	afero.Fs
	prefix string
	writes atomic.Int64
}

var errFull = errors.New("no space left on device (simulated)")

func (f *countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if writing(flag) {
		f.writes.Add(1)
		if strings.HasPrefix(name, f.prefix) {
			return nil, errFull
		}
	}
	return f.Fs.OpenFile(name, flag, perm)
}

func TestWritesAfterAFailureAreDiscarded(t *testing.T) {
	base := &countingFs{Fs: previous(t), prefix: "/nothing-yet"}
	tg, err := Begin(context.Background(), base, Options{Source: "/src", Dest: "/out"})
	if err != nil {
		t.Fatal(err)
	}
	defer tg.Abort()
	base.prefix = filepath.Join(tg.Dir(), "bad")
	before := base.writes.Load()
	w := tg.Fs()
	if err := afero.WriteFile(w, filepath.Join(tg.Dir(), "ok.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := afero.WriteFile(w, filepath.Join(tg.Dir(), "bad.html"), []byte("x"), 0o644); !errors.Is(err, errFull) {
		t.Fatalf("the first failure is %v, want it returned", err)
	}
	for i := 0; i < 1000; i++ {
		if err := afero.WriteFile(w, filepath.Join(tg.Dir(), "bad-again.html"), []byte("x"), 0o644); err != nil {
			t.Fatalf("a write after the failure returned %v: it must be discarded", err)
		}
	}
	if n := base.writes.Load() - before; n != 2 {
		t.Errorf("%d writes reached the disk after the failure, want 2 (one good, one failed)", n)
	}
	var pe *Error
	if err := tg.Err(); !errors.As(err, &pe) || pe.Key != "publish.write" || !errors.Is(err, errFull) {
		t.Fatalf("Err = %v, want the first write error", err)
	}
	if !strings.Contains(pe.Text(msg.VI), "bad.html") {
		t.Errorf("the message does not name the file: %s", pe.Text(msg.VI))
	}
	if _, err := tg.Finish(); !errors.Is(err, errFull) {
		t.Errorf("Finish = %v, want the write error", err)
	}
	tg.Abort()
	if got := leftovers(base); len(got) != 0 {
		t.Errorf("left behind: %v", got)
	}
	// Outside the temporary folder nothing is guarded.
	if err := afero.WriteFile(w, "/elsewhere.txt", []byte("x"), 0o644); err != nil {
		t.Error(err)
	}
}

func TestInterruptedBuild(t *testing.T) {
	for _, at := range []string{"before", "writing", "finished"} {
		t.Run(at, func(t *testing.T) {
			base := previous(t)
			ctx, cancel := context.WithCancel(context.Background())
			if at == "before" {
				cancel()
				if _, err := Begin(ctx, base, Options{Source: "/src", Dest: "/out"}); err != ErrInterrupted {
					t.Fatalf("Begin = %v", err)
				}
				return
			}
			tg, err := Begin(ctx, base, Options{Source: "/src", Dest: "/out"})
			if err != nil {
				t.Fatal(err)
			}
			defer tg.Abort()
			if at == "writing" {
				cancel()
				if err := afero.WriteFile(tg.Fs(), filepath.Join(tg.Dir(), "index.html"), []byte("new"), 0o644); err != nil {
					t.Fatal(err)
				}
				if ok, _ := afero.Exists(base, filepath.Join(tg.Dir(), "index.html")); ok {
					t.Error("a write after the interruption reached the disk")
				}
				if _, err := tg.Finish(); err != ErrInterrupted {
					t.Fatalf("Finish = %v", err)
				}
			} else {
				afero.WriteFile(tg.Fs(), filepath.Join(tg.Dir(), "index.html"), []byte("new"), 0o644)
				if _, err := tg.Finish(); err != nil {
					t.Fatal(err)
				}
				cancel()
				if err := tg.Publish(); err != ErrInterrupted {
					t.Fatalf("Publish = %v", err)
				}
			}
			tg.Abort()
			if page(t, base) != "old" {
				t.Error("the previous site changed")
			}
			if got := leftovers(base); len(got) != 0 {
				t.Errorf("left behind: %v", got)
			}
		})
	}
}

// A file added to the destination while the build runs is not minhbach's:
// the previous folder is kept for it, said so, and not cleaned later.
func TestFileAddedDuringTheBuildIsKept(t *testing.T) {
	for _, start := range []string{"previous build", "empty folder"} {
		t.Run(start, func(t *testing.T) {
			base := previous(t)
			if start == "empty folder" {
				base.RemoveAll("/out")
				base.MkdirAll("/out", 0o755)
			}
			tg, err := Begin(context.Background(), base, Options{Source: "/src", Dest: "/out"})
			if err != nil {
				t.Fatal(err)
			}
			afero.WriteFile(tg.Fs(), filepath.Join(tg.Dir(), "index.html"), []byte("new"), 0o644)
			afero.WriteFile(base, "/out/notes.txt", []byte("mine"), 0o644) // meanwhile
			if _, err := tg.Finish(); err != nil {
				t.Fatal(err)
			}
			err = tg.Publish()
			var pe *Error
			if !errors.As(err, &pe) || pe.Key != "publish.oldKept" {
				t.Fatalf("got %v, want publish.oldKept", err)
			}
			left := leftovers(base)
			if len(left) != 1 || !strings.Contains(pe.Text(msg.EN), "/"+left[0]) || !strings.Contains(pe.Text(msg.EN), "notes.txt") {
				t.Fatalf("left %v; message %s", left, pe.Text(msg.EN))
			}
			if page(t, base) != "new" {
				t.Error("the new site is not in place")
			}
			// The next build leaves that folder alone.
			if err := build(context.Background(), base); err != nil {
				t.Fatal(err)
			}
			if data, err := afero.ReadFile(base, "/"+left[0]+"/notes.txt"); err != nil || string(data) != "mine" {
				t.Errorf("the user's file is gone: %q, %v", data, err)
			}
		})
	}
}

// The scratch folder of a build sits beside the temporary one, carries the
// marker, goes with Abort (after a publication too), and an interrupted
// build's is cleaned by the next build; a look-alike without the marker is
// left alone.
func TestScratch(t *testing.T) {
	base := previous(t)
	afero.WriteFile(base, "/out.tmp-999999-gen/"+MarkerName, (&Manifest{}).Encode(), 0o644)
	afero.WriteFile(base, "/out.tmp-999999-gen/files/a.md", []byte("x"), 0o644)
	afero.WriteFile(base, "/out.tmp-999998-gen/mine.txt", []byte("a user's file"), 0o644)
	tg, err := Begin(context.Background(), base, Options{Source: "/src", Dest: "/out"})
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := afero.DirExists(base, "/out.tmp-999999-gen"); ok {
		t.Error("the scratch folder of an interrupted build was not cleaned")
	}
	if ok, _ := afero.Exists(base, "/out.tmp-999998-gen/mine.txt"); !ok {
		t.Error("a folder without the marker was removed")
	}
	dir, err := tg.Scratch()
	if err != nil {
		t.Fatal(err)
	}
	if want := tg.Dir() + "-gen/files"; dir != want {
		t.Errorf("Scratch = %s, want %s", dir, want)
	}
	if _, err := ReadManifest(base, filepath.Dir(dir)); err != nil {
		t.Errorf("the scratch folder has no marker: %v", err)
	}
	afero.WriteFile(base, filepath.Join(dir, "page.md"), []byte("x"), 0o644)
	afero.WriteFile(tg.Fs(), filepath.Join(tg.Dir(), "index.html"), []byte("new"), 0o644)
	if _, err := tg.Finish(); err != nil {
		t.Fatal(err)
	}
	if err := tg.Publish(); err != nil {
		t.Fatal(err)
	}
	tg.Abort()
	if got := leftovers(base); len(got) != 1 || got[0] != "out.tmp-999998-gen" {
		t.Errorf("beside the destination: %v, want only the user's look-alike", got)
	}
	if page(t, base) != "new" {
		t.Error("not published")
	}
}
