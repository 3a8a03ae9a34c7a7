// Package site presents the domain to Hugo and publishes the output: it
// turns a loaded plan, its statuses and its approved reports into generated
// pages and data held in memory, has Hugo (used as a library) render them
// with the portal's layouts, adds the files Go writes itself (open data,
// feeds, search index, badges), copies static/, and swaps the result into
// place so that a failed build leaves the previous site untouched.
package site

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/view"
)

// ConfigFile is the Hugo configuration file of a portal.
const ConfigFile = render.ConfigFile

// AfterRender, if set, is called once Hugo has rendered a build and before
// its sites are released: the point of a build's peak memory, where a
// profiler takes a heap profile.
var AfterRender func()

// Options says what to build and where.
type Options struct {
	// Source is the portal's folder; Dest the output folder. Relative
	// paths are taken from the working directory.
	Source, Dest string
	// BaseURL is the address the site is served from, such as
	// https://example.gov.vn/minhbach/. Empty means "/" (the root of any
	// host).
	BaseURL string
	// Relative makes every link relative, so that the site works opened
	// from a plain folder.
	Relative bool
	// AsOf fixes the status date; zero means the end of the latest period
	// with an approved report.
	AsOf plan.Date
	// Drafts shows draft and submitted reports as well, each marked as not
	// approved (for review in a preview; never for publishing).
	Drafts bool
	// Fs is the file system of both Source and Dest; nil means the
	// operating system's.
	Fs afero.Fs
	// Context, if set, stops the build when it is done (Ctrl-C): at the
	// next stage, every write after it discarded, the previous site left
	// as it was and the temporary folder removed.
	Context context.Context
	// Log receives Hugo's warnings; nil discards them.
	Log io.Writer
	// Progress, if set, is told each stage as it starts: "load",
	// "status", "data", "pages", "hugo", "static", "publish".
	Progress func(stage string)
}

// Result tells what a build did.
type Result struct {
	Project  *plan.Project
	Snapshot *status.Snapshot
	// Published and Excluded are the reports that reached the site and
	// those that did not.
	Published, Excluded []*plan.Report
	Files               int
	Bytes               int64
	Pages               int
	Duration            time.Duration
	// Outputs are the files the pages and Go wrote, each claimed once
	// (view.Outputs): Hugo's own files and static/ aside.
	Outputs *view.Outputs
}

// BuildError is a failure after the data was found valid: a template
// error, a file that cannot be written.
type BuildError struct {
	Stage string
	Err   error
}

func (e *BuildError) Error() string { return e.Stage + ": " + e.Err.Error() }
func (e *BuildError) Unwrap() error { return e.Err }

// Load reads and validates the portal's data; it is the first step of a
// build and the whole of a check.
func Load(o Options) (*plan.Project, error) {
	fsys := o.Fs
	if fsys == nil {
		fsys = afero.NewOsFs()
	}
	src, err := absPath(fsys, o.Source)
	if err != nil {
		return nil, err
	}
	return plan.Load(fsys, src)
}

func absPath(fsys afero.Fs, p string) (string, error) {
	if p == "" {
		p = "."
	}
	if _, ok := fsys.(*afero.OsFs); ok {
		return filepath.Abs(p)
	}
	if !path.IsAbs(filepath.ToSlash(p)) {
		return "/" + filepath.ToSlash(p), nil
	}
	return p, nil
}

// Build checks the portal and builds it into o.Dest, through
// internal/publish: a destination that is not minhbach's is refused, and
// on any error or interruption the previous content of o.Dest is left
// exactly as it was.
func Build(o Options) (*Result, error) {
	start := time.Now()
	if o.Fs == nil {
		o.Fs = afero.NewOsFs()
	}
	step := func(stage string) {
		if o.Progress != nil {
			o.Progress(stage)
		}
	}
	step("load")
	p, err := Load(o)
	if err != nil {
		return nil, err
	}
	res := &Result{Project: p}
	step("status")
	m := view.New(p, o.AsOf, o.Drafts)
	res.Snapshot, res.Outputs = m.Snapshot(), m.Outputs()
	res.Published, res.Excluded = p.Split(o.Drafts)
	src, _ := absPath(o.Fs, o.Source)
	pub, err := publish.Begin(o.Context, o.Fs, publish.Options{Source: src, Dest: orDefault(o.Dest, "public"),
		Tasks: taskPages(p), Agencies: agencyPages(p)})
	if err != nil {
		return nil, &BuildError{"dest", err}
	}
	defer pub.Abort()
	tmp, out := pub.Dir(), pub.Fs()
	gen, err := genLayer(o.Fs, pub, milestoneCount(p) >= onDiskFrom)
	if err != nil {
		return nil, failed(pub, "pages", err)
	}
	h, err := render.Open(render.Options{SrcFs: o.Fs, WorkingDir: src, DestFs: out, PublishDir: tmp, BaseURL: o.BaseURL,
		Gen: gen, GenDir: view.GenDir, Log: o.Log, AfterRender: AfterRender})
	if err != nil {
		return nil, &BuildError{"config", err}
	}
	defer h.Close()
	// The open data goes straight into the output, before the pages.
	ownData := map[string]bool{}
	if err := generate(m, h.BaseURL(), step, writeUnder(gen, filepath.Join(src, view.GenDir)), createUnder(out, tmp, ownData)); err != nil {
		return nil, err
	}
	if err := pub.Err(); err != nil {
		return nil, failed(pub, "pages", err)
	}
	step("hugo")
	if err := pub.Err(); err != nil {
		return nil, failed(pub, "hugo", err)
	}
	err = h.Build()
	h.Close() // Hugo's sites are not needed after they have rendered
	defer dropLayer(gen)()
	if err != nil || pub.Err() != nil {
		return nil, failed(pub, "hugo", err)
	}
	if ok, _ := afero.Exists(o.Fs, filepath.Join(tmp, "index.html")); !ok {
		return nil, &BuildError{"hugo", errors.New("no home page was rendered: check layouts/home.html")}
	}
	step("static")
	if err := copyTree(out, filepath.Join(src, "static"), tmp, ownData); err != nil || pub.Err() != nil {
		return nil, failed(pub, "static", err)
	}
	if err := rebaseHtaccess(out, tmp, m.BasePath); err != nil || pub.Err() != nil {
		return nil, failed(pub, "static", err)
	}
	cache := &cardCache{fs: o.Fs, dir: cardCacheDir()}
	if err := writeOutputs(m, out, tmp, m.BaseURL, cache); err != nil || pub.Err() != nil {
		return nil, failed(pub, "write", err)
	}
	cache.prune()
	if o.Relative {
		if err := relativize(out, tmp, m.BasePath, m.BaseURL); err != nil || pub.Err() != nil {
			return nil, failed(pub, "write", err)
		}
	}
	st, err := pub.Finish()
	if err != nil {
		return nil, failed(pub, "write", err)
	}
	res.Files, res.Bytes, res.Pages = st.Files, st.Bytes, st.Pages
	step("publish")
	if err := pub.Publish(); err != nil {
		return nil, &BuildError{"publish", err}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// basePath returns the path of a base URL, with slashes at both ends:
// "https://example.gov.vn/minhbach" gives "/minhbach/".
func basePath(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return "/"
	}
	if p := strings.Trim(u.Path, "/"); p != "" {
		return "/" + p + "/"
	}
	return "/"
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// generate makes what a build hands to Hugo, for baseURL (the one given or
// site.toml's, ending in a slash): it writes the open-data files through
// data as they are made, since the pages describe them, and hands the
// pages to put as they are made. step is told the stages.
func generate(m *view.Model, baseURL string, step func(string), put view.Sink, data func(string) (io.WriteCloser, error)) error {
	step("data")
	m.BaseURL, m.BasePath = baseURL, basePath(baseURL)
	claimed := func(name string) (io.WriteCloser, error) {
		if err := m.Outputs().Claim(name, view.Writer{Kind: view.WriterData}); err != nil {
			return nil, err
		}
		return data(name)
	}
	if err := extras(m, baseURL, claimed); err != nil {
		return &BuildError{"data", err}
	}
	step("pages")
	if err := m.Pages(put); err != nil {
		return &BuildError{"pages", err}
	}
	return nil
}

// onDiskFrom is the number of milestones from which a build's generated
// pages go to disk rather than memory: 3 GB of them at scale L (40,000
// milestones), 200 MB at M (4,000), 2 MB for Kon Tum. Below it they are
// held: creating a file costs 0.2-0.4 ms of kernel time on the disks
// measured here, and at M (7,000 generated files, made and then removed)
// the disk layer cost about 3 s of CPU more than the 200 MB it saved
// (peak 2.2 GB, plain Hugo's 3.3 GB). At 8,000 milestones the layer holds
// about 600 MB.
var onDiskFrom = 8000

// milestoneCount counts the plan's milestones.
func milestoneCount(p *plan.Project) int {
	n := 0
	for _, t := range p.Plan.Tasks {
		n += len(t.Milestones)
	}
	return n
}

// genLayer returns the file system that holds a build's generated pages,
// laid over the source for Hugo, and a function that removes it. With
// onDisk, on the operating system's disk, it is a new temporary folder
// beside the destination (the generated pages of a national plan take
// gigabytes, which need not be held in memory while Hugo renders);
// otherwise it is in memory, and on Windows too, where afero's BasePathFs
// takes no absolute paths (which Hugo gives it).
func genLayer(fsys afero.Fs, pub *publish.Target, onDisk bool) (afero.Fs, error) {
	if _, ok := fsys.(*afero.OsFs); !ok || !onDisk || runtime.GOOS == "windows" {
		return afero.NewMemMapFs(), nil
	}
	dir, err := pub.Scratch()
	if err != nil {
		return nil, err
	}
	return afero.NewBasePathFs(fsys, dir), nil
}

// dropLayer starts removing the generated pages of an on-disk layer once
// Hugo has rendered them, in the background while the build goes on (at
// M, 7,000 files whose removal waits on the disk more than it works), and
// returns the function that waits for it to finish; an in-memory layer is
// left to the garbage collector.
func dropLayer(gen afero.Fs) (wait func()) {
	bp, ok := gen.(*afero.BasePathFs)
	if !ok {
		return func() {}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = bp.RemoveAll(string(filepath.Separator)) // what is left, Abort removes
	}()
	return func() { <-done }
}

// writeUnder returns a sink that writes each file under dir, the
// generated folder, in fsys.
func writeUnder(fsys afero.Fs, dir string) view.Sink {
	return func(name string, data []byte) error { return writeFile(fsys, dir, "generated", name, data) }
}

// writeFile writes one file (a path with slashes) under dir; folder names
// dir ("generated", "output") in the error for a name that would leave it.
func writeFile(fsys afero.Fs, dir, folder, name string, data []byte) error {
	if !safeRel(name) {
		return fmt.Errorf("refusing to write %q outside the %s folder", name, folder)
	}
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := fsys.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return afero.WriteFile(fsys, p, data, 0o644)
}

// safeRel reports whether a generated path stays inside the output folder.
func safeRel(n string) bool {
	if n == "" || strings.HasPrefix(n, "/") || strings.Contains(n, "\\") || strings.Contains(n, ":") {
		return false
	}
	for _, part := range strings.Split(n, "/") {
		if part == ".." || part == "." || part == "" {
			return false
		}
	}
	return true
}

// copyTree copies the files under from into to; a missing from is fine.
// The files whose paths relative to to are in keep are not copied: files
// minhbach wrote itself there (the open data), which a file of the same
// name in static/ does not replace.
func copyTree(fsys afero.Fs, from, to string, keep map[string]bool) error {
	if ok, _ := afero.DirExists(fsys, from); !ok {
		return nil
	}
	return afero.Walk(fsys, from, func(p string, info fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		target := filepath.Join(to, rel)
		if info.IsDir() {
			return fsys.MkdirAll(target, 0o755)
		}
		if !info.Mode().IsRegular() || keep[filepath.ToSlash(rel)] {
			return nil // links, devices and the files to keep are not copied
		}
		data, err := afero.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		return afero.WriteFile(fsys, target, data, 0o644)
	})
}

// errorDocument finds the root-relative pages of Apache's ErrorDocument lines.
var errorDocument = regexp.MustCompile(`(?m)^(\s*ErrorDocument\s+\d+\s+)/`)

// rebaseHtaccess points the ErrorDocument lines of the .htaccess copied from
// static/ at the pages under base (the base URL's path, such as
// "/minhbach/"): Apache reads an ErrorDocument path from the host's root.
func rebaseHtaccess(fsys afero.Fs, dir, base string) error {
	p := filepath.Join(dir, ".htaccess")
	if base == "/" {
		return nil
	}
	data, err := afero.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	} else if err != nil {
		return err
	}
	out := errorDocument.ReplaceAllString(string(data), "${1}"+strings.ReplaceAll(base, "$", "$$"))
	return afero.WriteFile(fsys, p, []byte(out), 0o644)
}
