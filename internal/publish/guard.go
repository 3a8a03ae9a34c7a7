package publish

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// guardFs writes a build. Under root, the first write that fails is
// recorded, and so is the build's interruption; from then on every write
// under root is discarded at once, so that the writer (Hugo, which can hang
// collating many write errors) finishes quickly and the build fails with
// the recorded error. Outside root it changes nothing.
type guardFs struct {
	afero.Fs
	ctx  context.Context
	root string
	// shown is the destination as the user named it, for messages.
	shown string

	mu  sync.Mutex
	err error
}

// Err is the recorded error, or nil.
func (g *guardFs) Err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.err
}

// stopped reports whether writes under root are to be discarded, and
// records the interruption the first time it sees it.
func (g *guardFs) stopped() bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err == nil && g.ctx.Err() != nil {
		g.err = ErrInterrupted
	}
	return g.err != nil
}

func (g *guardFs) under(name string) bool { return within(filepath.Clean(name), g.root) }

// fail records err, a failed write of name, if it is the first; it
// returns err.
func (g *guardFs) fail(name string, err error) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.err == nil {
		rel, rerr := filepath.Rel(g.root, name)
		if rerr != nil {
			rel = name
		}
		g.err = &Error{Key: "publish.write", Args: []any{filepath.ToSlash(rel), err, g.shown}, Err: err}
	}
	return err
}

func writing(flag int) bool {
	return flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0
}

func (g *guardFs) Create(name string) (afero.File, error) {
	return g.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (g *guardFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if !writing(flag) || !g.under(name) {
		return g.Fs.OpenFile(name, flag, perm)
	}
	if g.stopped() {
		return discard{name}, nil
	}
	f, err := g.Fs.OpenFile(name, flag, perm)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, err // a missing folder, that writers create and retry
	}
	if err != nil {
		return nil, g.fail(name, err)
	}
	return &guardFile{File: f, g: g}, nil
}

func (g *guardFs) Mkdir(name string, perm os.FileMode) error {
	return g.mkdir(name, func() error { return g.Fs.Mkdir(name, perm) }, os.IsExist)
}

func (g *guardFs) MkdirAll(name string, perm os.FileMode) error {
	return g.mkdir(name, func() error { return g.Fs.MkdirAll(name, perm) }, nil)
}

// mkdir makes the folder name with mk: outside root as mk does; under it
// not at all once stopped, and an error of mk is recorded unless expected
// says it is not a failure (a folder already there, for Mkdir).
func (g *guardFs) mkdir(name string, mk func() error, expected func(error) bool) error {
	if !g.under(name) {
		return mk()
	}
	if g.stopped() {
		return nil
	}
	err := mk()
	if err == nil || expected != nil && expected(err) {
		return err
	}
	return g.fail(name, err)
}

func (g *guardFs) Name() string { return "minhbach publish guard" }

// guardFile records the first failed write to a file under the guard's
// root and discards writes once the guard has stopped.
type guardFile struct {
	afero.File
	g *guardFs
}

func (f *guardFile) Write(p []byte) (int, error) {
	return f.write(len(p), func() (int, error) { return f.File.Write(p) })
}

func (f *guardFile) WriteAt(p []byte, off int64) (int, error) {
	return f.write(len(p), func() (int, error) { return f.File.WriteAt(p, off) })
}

// write writes n bytes with w, or discards them once the guard has
// stopped; a failure is recorded.
func (f *guardFile) write(n int, w func() (int, error)) (int, error) {
	if f.g.stopped() {
		return n, nil
	}
	n, err := w()
	if err != nil {
		return n, f.g.fail(f.Name(), err)
	}
	return n, nil
}

func (f *guardFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *guardFile) ReadFrom(r io.Reader) (int64, error) { return io.Copy(writerOnly{f}, r) }

func (f *guardFile) Close() error { return f.done(f.File.Close()) }

func (f *guardFile) Sync() error { return f.done(f.File.Sync()) }

// done records err, the result of closing or syncing the file, unless the
// guard has stopped (the write was then discarded on purpose).
func (f *guardFile) done(err error) error {
	if err != nil && !f.g.stopped() {
		return f.g.fail(f.Name(), err)
	}
	return nil
}

type writerOnly struct{ io.Writer }

// discard is a file that accepts every write and keeps nothing.
type discard struct{ name string }

func (d discard) Close() error                           { return nil }
func (d discard) Read([]byte) (int, error)               { return 0, io.EOF }
func (d discard) ReadAt([]byte, int64) (int, error)      { return 0, io.EOF }
func (d discard) Seek(int64, int) (int64, error)         { return 0, nil }
func (d discard) Write(p []byte) (int, error)            { return len(p), nil }
func (d discard) WriteAt(p []byte, _ int64) (int, error) { return len(p), nil }
func (d discard) Name() string                           { return d.name }
func (d discard) Readdir(int) ([]os.FileInfo, error)     { return nil, nil }
func (d discard) Readdirnames(int) ([]string, error)     { return nil, nil }
func (d discard) Stat() (os.FileInfo, error)             { return discardInfo{filepath.Base(d.name)}, nil }
func (d discard) Sync() error                            { return nil }
func (d discard) Truncate(int64) error                   { return nil }
func (d discard) WriteString(s string) (int, error)      { return len(s), nil }
func (d discard) ReadFrom(r io.Reader) (int64, error)    { return io.Copy(io.Discard, r) }

type discardInfo struct{ name string }

func (i discardInfo) Name() string       { return i.name }
func (i discardInfo) Size() int64        { return 0 }
func (i discardInfo) Mode() os.FileMode  { return 0o644 }
func (i discardInfo) ModTime() time.Time { return time.Time{} }
func (i discardInfo) IsDir() bool        { return false }
func (i discardInfo) Sys() any           { return nil }
