// Package publish is the last stage of a build: it decides whether a
// destination folder may be replaced, builds into a temporary folder
// beside it that carries minhbach's marker from the moment it is created,
// and swaps the new site in with renames, so that the previous site stays
// as it was on any failure or interruption.
//
// A destination is replaced only when it does not exist, is an empty
// folder, or carries minhbach's marker (MarkerName) and holds only the
// files that marker lists, unchanged. The portal's folder, the folders
// above it and the folders minhbach reads are never a destination. The
// marker holds the build's manifest, with which the next build refuses to
// drop a task's or an agency's public address without an alias.
package publish

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/realpath"
)

// ReadFolders are the folders of a portal that minhbach reads: none of
// them, nothing inside them, and no folder that holds the portal can be a
// destination.
var ReadFolders = []string{"content", "data", "layouts", "static", "i18n"}

// Options says what to publish where.
type Options struct {
	// Source is the portal's folder and Dest the destination, absolute or
	// relative to the working directory.
	Source, Dest string
	// Shown is the destination as the user named it, for messages; empty
	// means Dest.
	Shown string
	// Tasks and Agencies are the pages of the build with a stable public
	// address (see Page); they go into the manifest and are compared with
	// the previous build's.
	Tasks, Agencies []Page
}

// Error is a publishing failure told to a person: Key is its message in
// internal/msg, with Args. Every such message says what state the folders
// are in and what to do.
type Error struct {
	Key  string
	Args []any
	Err  error
}

func (e *Error) Error() string { return msg.Get(msg.EN, e.Key, e.Args...) }

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// Text is the message in language l.
func (e *Error) Text(l msg.Lang) string { return msg.Get(l, e.Key, e.Args...) }

// ErrInterrupted is the error of a build stopped by its context (Ctrl-C,
// SIGTERM).
var ErrInterrupted = &Error{Key: "publish.interrupted"}

// Gone is a public address of the previous build that the new build
// would drop.
type Gone struct {
	// Kind is "task" or "agency"; ID the slug or id that had a page.
	Kind, ID string
	// Number is the task's number in the previous build; Now the slug the
	// task with that number has now ("" if none).
	Number int
	Now    string
}

// LinksError refuses a build that would drop public addresses.
type LinksError struct {
	Gone []Gone
}

func (e *LinksError) Error() string { return e.Text(msg.EN) }

// Text lists the addresses that would go, and how to keep them, in l.
func (e *LinksError) Text(l msg.Lang) string {
	var lines []string
	for _, g := range e.Gone {
		switch {
		case g.Kind == "agency":
			lines = append(lines, msg.Get(l, "publish.agencyGone", g.ID, g.ID))
		case g.Now != "":
			lines = append(lines, msg.Get(l, "publish.taskRenamed", g.Number, g.ID, g.Now, g.ID, g.Number))
		default:
			lines = append(lines, msg.Get(l, "publish.taskGone", g.ID, g.Number, g.ID))
		}
	}
	lines = append(lines, msg.Get(l, "publish.linksGone", len(e.Gone)))
	return strings.Join(lines, "\n")
}

// Target is one build in progress: the temporary folder it writes into
// and the destination it will replace.
type Target struct {
	ctx   context.Context
	fs    afero.Fs
	guard *guardFs
	shown string
	// real is the destination with links resolved; tmp the temporary
	// folder beside it.
	real, tmp string
	existed   bool   // real is a folder that the swap moves aside
	initial   []byte // the marker written when the folder was created
	prev      *Manifest
	tasks     []Page
	agencies  []Page
	done      bool
	// scratch is the folder of intermediate files, if any (see Scratch).
	scratch string
}

// Begin checks that o.Dest may be replaced, compares the public addresses
// with the previous build's, removes the temporary folders of earlier
// interrupted builds, and creates the temporary folder, with its marker.
// On error nothing was changed.
func Begin(ctx context.Context, fsys afero.Fs, o Options) (*Target, error) {
	if ctx == nil {
		ctx = context.Background()
	}
	t := &Target{ctx: ctx, fs: fsys, shown: o.Shown, tasks: o.Tasks, agencies: o.Agencies}
	if t.shown == "" {
		t.shown = o.Dest
	}
	if err := ctx.Err(); err != nil {
		return nil, ErrInterrupted
	}
	real, err := t.check(o.Source, o.Dest)
	if err != nil {
		return nil, err
	}
	t.real = real
	if t.prev != nil {
		if gone := Compare(t.prev, o.Tasks, o.Agencies); len(gone) > 0 {
			return nil, &LinksError{Gone: gone}
		}
	}
	parent := filepath.Dir(real)
	if _, err := fsys.Stat(parent); err != nil {
		if err := fsys.MkdirAll(parent, 0o755); err != nil {
			return nil, &Error{Key: "publish.cannotCreate", Args: []any{t.shown, parent, err}, Err: err}
		}
	}
	t.cleanStale()
	base := filepath.Base(real)
	for n := 0; ; n++ {
		t.tmp = filepath.Join(parent, fmt.Sprintf("%s.tmp-%d", base, os.Getpid()))
		if n > 0 {
			t.tmp += fmt.Sprintf("-%d", n)
		}
		if _, err := lstat(fsys, t.tmp); errors.Is(err, fs.ErrNotExist) {
			break
		}
	}
	if err := fsys.Mkdir(t.tmp, 0o755); err != nil {
		return nil, &Error{Key: "publish.cannotWrite", Args: []any{parent, err, t.shown}, Err: err}
	}
	t.initial = (&Manifest{Tasks: o.Tasks, Agencies: o.Agencies}).Encode()
	if err := afero.WriteFile(fsys, filepath.Join(t.tmp, MarkerName), t.initial, 0o644); err != nil {
		_ = removeTree(fsys, t.tmp)
		return nil, &Error{Key: "publish.cannotWrite", Args: []any{parent, err, t.shown}, Err: err}
	}
	t.guard = &guardFs{Fs: fsys, ctx: ctx, root: t.tmp, shown: t.shown}
	return t, nil
}

// check applies the destination rules and returns the destination's real
// path; it reads the previous manifest into t.prev.
func (t *Target) check(source, dest string) (string, error) {
	fsys := t.fs
	src, err := absResolved(fsys, source)
	if err != nil {
		return "", &Error{Key: "publish.cannotRead", Args: []any{source, err}, Err: err}
	}
	real, err := absResolved(fsys, dest)
	if err != nil {
		return "", &Error{Key: "publish.cannotRead", Args: []any{t.shown, err}, Err: err}
	}
	for i, anc := range ancestors(src) {
		if real == anc || sameFile(fsys, real, anc) {
			if i == 0 {
				return "", &Error{Key: "publish.isSource", Args: []any{t.shown}}
			}
			return "", &Error{Key: "publish.aboveSource", Args: []any{t.shown, src}}
		}
	}
	for _, r := range ReadFolders {
		rp, err := realpath.Resolve(fsys, filepath.Join(src, r))
		if err != nil {
			continue // a folder that cannot be resolved is not read either
		}
		for _, anc := range ancestors(real) {
			if anc == rp || sameFile(fsys, anc, rp) {
				return "", &Error{Key: "publish.readFolder", Args: []any{t.shown, r}}
			}
		}
	}
	info, err := lstat(fsys, real)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return real, nil
	case err != nil:
		return "", &Error{Key: "publish.cannotRead", Args: []any{t.shown, err}, Err: err}
	case !info.IsDir():
		return "", &Error{Key: "publish.notFolder", Args: []any{t.shown}}
	}
	t.existed = true
	entries, err := afero.ReadDir(fsys, real)
	if err != nil {
		return "", &Error{Key: "publish.cannotRead", Args: []any{t.shown, err}, Err: err}
	}
	empty := true
	for _, e := range entries {
		if !OSCache(e.Name()) || !e.Mode().IsRegular() {
			empty = false
		}
	}
	if empty {
		return real, nil
	}
	m, err := ReadManifest(fsys, real)
	if errors.Is(err, errNoMarker) {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		return "", &Error{Key: "publish.notOurs", Args: []any{t.shown, list(names, 3), MarkerName}}
	}
	if err != nil {
		return "", &Error{Key: "publish.badMarker", Args: []any{t.shown, err}, Err: err}
	}
	extra, more, err := foreign(fsys, real, m, 5, true)
	if err != nil {
		return "", &Error{Key: "publish.cannotRead", Args: []any{t.shown, err}, Err: err}
	}
	if len(extra) > 0 {
		if more {
			extra = append(extra, "…")
		}
		return "", &Error{Key: "publish.changed", Args: []any{t.shown, strings.Join(extra, ", ")}}
	}
	t.prev = m
	return real, nil
}

func absResolved(fsys afero.Fs, p string) (string, error) {
	a, err := Abs(fsys, p)
	if err != nil {
		return "", err
	}
	return realpath.Resolve(fsys, a)
}

// list joins the first n names, and says how many more there are.
func list(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s, … (+%d)", strings.Join(names[:n], ", "), len(names)-n)
}

// Compare returns the task slugs and agency ids (and their aliases) of the
// previous build that the new pages neither have nor redirect from.
func Compare(prev *Manifest, tasks, agencies []Page) []Gone {
	var gone []Gone
	have := func(ps []Page) map[string]bool {
		m := map[string]bool{}
		for _, p := range ps {
			m[p.ID] = true
			for _, a := range p.Aliases {
				m[a] = true
			}
		}
		return m
	}
	nowTasks, nowAgencies := have(tasks), have(agencies)
	byNumber := map[int]string{}
	for _, p := range tasks {
		byNumber[p.Number] = p.ID
	}
	for _, p := range sortedPages(prev.Tasks) {
		for _, id := range append([]string{p.ID}, p.Aliases...) {
			if !nowTasks[id] {
				gone = append(gone, Gone{Kind: "task", ID: id, Number: p.Number, Now: byNumber[p.Number]})
			}
		}
	}
	for _, p := range sortedPages(prev.Agencies) {
		for _, id := range append([]string{p.ID}, p.Aliases...) {
			if !nowAgencies[id] {
				gone = append(gone, Gone{Kind: "agency", ID: id})
			}
		}
	}
	return gone
}

// stale matches the temporary folders of earlier builds of base.
func stale(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `\.(tmp|old)-([0-9]+)(-[0-9]+)?(-gen)?$`)
}

// cleanStale removes, beside the destination, the temporary folders of
// earlier builds that were interrupted: those named like ours that carry
// the marker, of a process that is not running. A folder moved aside (".old-") is removed only when the
// destination holds a build, so that the one copy of a site is never
// removed. Anything else is left alone.
func (t *Target) cleanStale() {
	parent := filepath.Dir(t.real)
	entries, err := afero.ReadDir(t.fs, parent)
	if err != nil {
		return
	}
	re := stale(filepath.Base(t.real))
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() || (m[1] == "old" && t.prev == nil) {
			continue
		}
		if pid, err := strconv.Atoi(m[2]); err == nil && pid != os.Getpid() && running(pid) {
			continue // perhaps a build running now, in another window
		}
		p := filepath.Join(parent, e.Name())
		mf, err := ReadManifest(t.fs, p)
		if err != nil {
			continue
		}
		if m[1] == "old" {
			// A previous site kept because files were added to it.
			if extra, _, err := foreign(t.fs, p, mf, 1, false); err != nil || len(extra) > 0 {
				continue
			}
		}
		_ = removeTree(t.fs, p)
	}
}

// removeTree removes the folder dir, its marker last, so that a removal
// cut short leaves a folder still recognisable as minhbach's.
func removeTree(fsys afero.Fs, dir string) error {
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var errs []error
	for _, e := range entries {
		if e.Name() == MarkerName {
			continue
		}
		if err := fsys.RemoveAll(filepath.Join(dir, e.Name())); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return fsys.RemoveAll(dir)
}

// Fs is the file system to write the build with: writes under Dir that
// fail, or come after the build was interrupted, are recorded (see Err)
// and every later write is discarded at once.
func (t *Target) Fs() afero.Fs { return t.guard }

// Dir is the temporary folder to build into.
func (t *Target) Dir() string { return t.tmp }

// Real is the folder that will be replaced, with links resolved.
func (t *Target) Real() string { return t.real }

// Err returns the first write error, or ErrInterrupted once the build's
// context is done; nil otherwise.
func (t *Target) Err() error {
	if err := t.guard.Err(); err != nil {
		return err
	}
	if t.ctx.Err() != nil {
		return ErrInterrupted
	}
	return nil
}

// Stats counts what a build wrote.
type Stats struct {
	Files, Pages int
	Bytes        int64
}

// Finish writes the manifest of everything in the temporary folder into
// its marker and counts the files.
func (t *Target) Finish() (Stats, error) {
	if err := t.Err(); err != nil {
		return Stats{}, err
	}
	// A file of the portal's own (in static/) by the marker's name would
	// be silently replaced by it.
	if data, err := afero.ReadFile(t.fs, filepath.Join(t.tmp, MarkerName)); err != nil || !bytes.Equal(data, t.initial) {
		return Stats{}, &Error{Key: "publish.reserved", Args: []any{MarkerName, t.shown}}
	}
	files, err := scan(t.fs, t.tmp, true)
	if err != nil {
		return Stats{}, t.writeError(err)
	}
	var st Stats
	for _, f := range files {
		st.Files++
		st.Bytes += f.Size
		if strings.HasSuffix(f.Path, ".html") {
			st.Pages++
		}
	}
	m := &Manifest{Complete: true, Tasks: t.tasks, Agencies: t.agencies, Files: files}
	data := m.Encode()
	if err := afero.WriteFile(t.guard, filepath.Join(t.tmp, MarkerName), data, 0o644); err != nil {
		return Stats{}, t.writeError(err)
	}
	if err := t.Err(); err != nil {
		return Stats{}, err
	}
	st.Files++
	st.Bytes += int64(len(data))
	return st, nil
}

// writeError is err, or the write error recorded first if there is one.
func (t *Target) writeError(err error) error {
	if e := t.Err(); e != nil {
		return e
	}
	return &Error{Key: "publish.write", Args: []any{t.tmp, err, t.shown}, Err: err}
}

// WriteError returns the error to report for err, which happened while
// writing the build: the write error recorded first (or the
// interruption) if there is one, else err as a write error.
func (t *Target) WriteError(err error) error { return t.writeError(err) }

// Publish swaps the finished build in place of the destination: the old
// folder is renamed aside, the new one renamed in, and the old one
// removed. Each rename is atomic; between the two the destination is
// briefly absent, never half written. On failure the error says which
// folders are where.
func (t *Target) Publish() error {
	if t.ctx.Err() != nil {
		return ErrInterrupted
	}
	fsys := t.fs
	old := ""
	if t.existed {
		base := filepath.Join(filepath.Dir(t.real), filepath.Base(t.real))
		for n := 0; ; n++ {
			old = fmt.Sprintf("%s.old-%d", base, os.Getpid())
			if n > 0 {
				old += fmt.Sprintf("-%d", n)
			}
			if _, err := lstat(fsys, old); errors.Is(err, fs.ErrNotExist) {
				break
			}
		}
		if err := fsys.Rename(t.real, old); err != nil {
			return &Error{Key: "publish.renameAside", Args: []any{t.shown, err, t.shown}, Err: err}
		}
	}
	if err := fsys.Rename(t.tmp, t.real); err != nil {
		if old != "" {
			if rerr := fsys.Rename(old, t.real); rerr != nil {
				t.done = true // keep both folders: they are the only copies
				return &Error{Key: "publish.stuck", Args: []any{t.shown, err, old, t.tmp, old, t.real}, Err: errors.Join(err, rerr)}
			}
		}
		return &Error{Key: "publish.renameIn", Args: []any{t.shown, err}, Err: err}
	}
	t.done = true
	if old != "" {
		// Files added to the destination while the build ran were not
		// made by minhbach: the previous folder is kept for them.
		prev := t.prev
		if prev == nil {
			prev = &Manifest{}
		}
		if extra, more, err := foreign(fsys, old, prev, 5, false); err != nil || len(extra) > 0 {
			if more {
				extra = append(extra, "…")
			}
			if err != nil {
				extra = append(extra, err.Error())
			}
			return &Error{Key: "publish.oldKept", Args: []any{t.shown, old, strings.Join(extra, ", ")}}
		}
		if err := removeTree(fsys, old); err != nil {
			return &Error{Key: "publish.oldStays", Args: []any{t.shown, old, err}, Err: err}
		}
	}
	return nil
}

// Abort removes the scratch folder (see Scratch), and the temporary folder
// unless the build was published. It may be called more than once.
func (t *Target) Abort() {
	if t == nil {
		return
	}
	if t.scratch != "" {
		_ = removeTree(t.fs, t.scratch)
		t.scratch = ""
	}
	if t.done {
		return
	}
	t.done = true
	_ = removeTree(t.fs, t.tmp)
}

// Scratch creates, beside the temporary folder and named after it (with
// "-gen"), a folder for the build's own intermediate files, and returns
// the folder to write them in (inside it). It carries the marker, so that
// the scratch folder of an interrupted build is cleaned by the next one
// like its temporary folder. Abort removes it.
func (t *Target) Scratch() (string, error) {
	dir := t.tmp + "-gen"
	if err := t.fs.Mkdir(dir, 0o755); err != nil {
		return "", &Error{Key: "publish.cannotWrite", Args: []any{filepath.Dir(dir), err, t.shown}, Err: err}
	}
	t.scratch = dir
	if err := afero.WriteFile(t.fs, filepath.Join(dir, MarkerName), t.initial, 0o644); err != nil {
		return "", &Error{Key: "publish.cannotWrite", Args: []any{filepath.Dir(dir), err, t.shown}, Err: err}
	}
	files := filepath.Join(dir, "files")
	if err := t.fs.Mkdir(files, 0o755); err != nil {
		return "", &Error{Key: "publish.cannotWrite", Args: []any{filepath.Dir(dir), err, t.shown}, Err: err}
	}
	return files, nil
}
