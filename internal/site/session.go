package site

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
)

// Session is a build kept alive for a preview: Hugo's sites, the generated
// layer it reads and the output folder stay between changes, so that a
// change to the data or to a report is handed to Hugo as the generated
// files it changed, and Hugo renders again only the pages that depend on
// them (its partial rebuild), instead of the whole site.
//
// A Session is not safe for concurrent use; Update is called from one
// goroutine. It builds only into a folder of its own (Options.Dest, which
// must not exist) and is never published.
type Session struct {
	o       Options
	src     string // absolute source folder
	dest    string // the output folder, once published
	pub     *publish.Target
	gen     afero.Fs // the generated layer, under src/genDir
	out     *outFs   // what Hugo writes into, recording the files written
	sites   *hugolib.HugoSites
	logger  loggers.Logger
	logBuf  *bytes.Buffer
	genHash map[string][sha256.Size]byte // generated files, by name under genDir
	outHash map[string][sha256.Size]byte // files Go writes into the output, by slash path
	broken  error                        // set when Hugo failed: the session must be replaced
	// ignoreViews, for the counter-test only, hands Hugo the changed
	// content files but not the pages whose view file alone changed.
	ignoreViews bool
}

// Update tells what one Session.Update did.
type Update struct {
	Result
	// Generated are the generated files (pages' content and view files,
	// site data) that changed, added or removed, by name under the
	// generated folder; Events is how many file events Hugo was given.
	Generated []string
	Events    int
	// Written are the files written into the output folder (by Hugo and
	// by Go), by slash path relative to it; Rendered counts the HTML
	// pages among those Hugo wrote.
	Written  []string
	Rendered int
	// Load is the time to load, derive and generate; Hugo the time Hugo
	// took; Outputs the time to make and write the files Go writes.
	Load, Hugo, Outputs time.Duration
}

// Open builds the portal of o into o.Dest (a folder that must not exist,
// the preview's own) and keeps the build alive for Update. On error
// nothing is left behind.
func Open(o Options) (*Session, *Update, error) {
	start := time.Now()
	if o.Fs == nil {
		o.Fs = afero.NewOsFs()
	}
	if _, err := o.Fs.Stat(o.Dest); err == nil {
		return nil, nil, fmt.Errorf("%s exists: a session builds into a new folder", o.Dest)
	}
	p, err := Load(o)
	if err != nil {
		return nil, nil, err
	}
	s := &Session{o: o, genHash: map[string][sha256.Size]byte{}, outHash: map[string][sha256.Size]byte{}}
	s.src, _ = absPath(o.Fs, o.Source)
	m := newModel(p, o)
	up := &Update{}
	up.Project, up.Snapshot = p, m.snap
	up.Published, up.Excluded = split(p, o)
	pub, err := publish.Begin(o.Context, o.Fs, publish.Options{Source: s.src, Dest: o.Dest,
		Tasks: taskPages(p), Agencies: agencyPages(p)})
	if err != nil {
		return nil, nil, &BuildError{"dest", err}
	}
	s.pub = pub
	ok := false
	defer func() {
		if !ok {
			s.Close()
		}
	}()
	if s.gen, err = genLayer(o.Fs, pub, m.milestones() >= onDiskFrom); err != nil {
		return nil, nil, failed(pub, "pages", err)
	}
	put := writeUnder(s.gen, filepath.Join(s.src, genDir))
	extra, err := m.generate(o, s.src, func(string) {}, func(name string, data []byte) error {
		s.genHash[name] = sha256.Sum256(data)
		return put(name, data)
	})
	if err != nil {
		return nil, nil, err
	}
	up.Load = time.Since(start)
	s.out = &outFs{Fs: pub.Fs()}
	if err := s.startHugo(pub.Dir()); err != nil {
		return nil, nil, failed(pub, "hugo", err)
	}
	t := time.Now()
	if err := s.build(); err != nil {
		return nil, nil, failed(pub, "hugo", err)
	}
	up.Hugo = time.Since(t)
	t = time.Now()
	tmp := pub.Dir()
	if ok, _ := afero.Exists(o.Fs, filepath.Join(tmp, "index.html")); !ok {
		return nil, nil, &BuildError{"hugo", errors.New("no home page was rendered: check layouts/home.html")}
	}
	if err := copyTree(s.out, filepath.Join(s.src, "static"), tmp); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "static", err)
	}
	if err := rebaseHtaccess(s.out, tmp, m.basePath); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "static", err)
	}
	if _, err := s.writeChanged(tmp, extra); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "write", err)
	}
	if _, err := s.outputs(m, tmp); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "write", err)
	}
	st, err := pub.Finish()
	if err != nil {
		return nil, nil, failed(pub, "write", err)
	}
	if err := pub.Publish(); err != nil {
		return nil, nil, &BuildError{"publish", err}
	}
	// From now on Hugo's output goes to the published folder, outside the
	// publisher's guard (which has done its work).
	s.dest = pub.Real()
	s.out.Fs = &movedFs{Fs: o.Fs, from: tmp, to: s.dest}
	up.Outputs = time.Since(t)
	up.Written, up.Rendered = s.out.take(tmp)
	up.Files, up.Bytes, up.Pages = st.Files, st.Bytes, st.Pages
	up.Duration = time.Since(start)
	ok = true
	return s, up, nil
}

// Dir is the folder the session builds into.
func (s *Session) Dir() string { return s.dest }

// Broken is the error that made the session unusable (Hugo failed while
// updating the folder), or nil. A broken session is replaced by a new one.
func (s *Session) Broken() error { return s.broken }

// split sorts the reports of p into those a build of o shows and those
// it does not, as Build does.
func split(p *plan.Project, o Options) (shown, excluded []*plan.Report) {
	for _, r := range p.Reports {
		if r.IsPublished() || (o.Drafts && previewable(r)) {
			shown = append(shown, r)
		} else {
			excluded = append(excluded, r)
		}
	}
	return shown, excluded
}

// Update reads the source again and brings the output folder up to date
// with it: the generated files that changed are written into the layer,
// Hugo is told of them and renders the pages that depend on them, and the
// files Go writes are written where they changed. lock, if not nil, is
// held while the output folder changes (not while the data is loaded).
//
// A problem in the data returns its error and changes nothing. An error
// of Hugo's breaks the session (see Broken): the folder may then be half
// updated and must be replaced by a new session's.
func (s *Session) Update(lock sync.Locker) (*Update, error) {
	if s.broken != nil {
		return nil, s.broken
	}
	start := time.Now()
	o := s.o
	p, err := Load(o)
	if err != nil {
		return nil, err
	}
	m := newModel(p, o)
	up := &Update{}
	up.Project, up.Snapshot = p, m.snap
	up.Published, up.Excluded = split(p, o)
	put := writeUnder(s.gen, filepath.Join(s.src, genDir))
	seen := map[string]bool{}
	type change struct {
		name string
		op   fsnotify.Op
	}
	var changes []change
	var pending []struct {
		name string
		data []byte
	}
	extra, err := m.generate(o, s.src, func(string) {}, func(name string, data []byte) error {
		if !safeRel(name) {
			return fmt.Errorf("refusing to write %q outside the generated folder", name)
		}
		seen[name] = true
		h := sha256.Sum256(data)
		old, had := s.genHash[name]
		if had && old == h {
			return nil
		}
		op := fsnotify.Write
		if !had {
			op = fsnotify.Create
		}
		changes = append(changes, change{name, op})
		pending = append(pending, struct {
			name string
			data []byte
		}{name, data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for name := range s.genHash {
		if !seen[name] {
			changes = append(changes, change{name, fsnotify.Remove})
		}
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].name < changes[j].name })
	up.Load = time.Since(start)

	if lock != nil {
		lock.Lock()
		defer lock.Unlock()
	}
	// The layer is written now, not while generating: a data problem
	// found late leaves it as Hugo last read it.
	for _, f := range pending {
		if err := put(f.name, f.data); err != nil {
			s.broken = err
			return nil, err
		}
		s.genHash[f.name] = sha256.Sum256(f.data)
	}
	events := map[string]fsnotify.Op{}
	for _, c := range changes {
		up.Generated = append(up.Generated, c.name)
		if c.op == fsnotify.Remove {
			delete(s.genHash, c.name)
			_ = s.gen.Remove(filepath.Join(s.src, genDir, filepath.FromSlash(c.name)))
		}
		target := c.name
		if v, ok := strings.CutPrefix(c.name, viewDir); ok {
			// Hugo does not know that a page reads its view file (readFile
			// is not tracked): the page's content file is named instead,
			// which makes Hugo render that page again.
			if s.ignoreViews {
				continue
			}
			target = "content/" + strings.TrimSuffix(v, ".json") + ".md"
			if _, still := s.genHash[target]; !still {
				continue // the page went with its content file
			}
			if _, named := events[target]; named {
				continue
			}
			events[target] = fsnotify.Write
			continue
		}
		events[target] = c.op
	}
	var evs []fsnotify.Event
	for name, op := range events {
		evs = append(evs, fsnotify.Event{Name: filepath.Join(s.src, genDir, filepath.FromSlash(name)), Op: op})
	}
	sort.Slice(evs, func(i, j int) bool { return evs[i].Name < evs[j].Name })
	up.Events = len(evs)
	t := time.Now()
	if len(evs) > 0 {
		if err := s.build(evs...); err != nil {
			s.broken = err
			return nil, err
		}
	}
	up.Hugo = time.Since(t)
	t = time.Now()
	if _, err := s.writeChanged(s.dest, extra); err != nil {
		s.broken = err
		return nil, err
	}
	if _, err := s.outputs(m, s.dest); err != nil {
		s.broken = err
		return nil, err
	}
	up.Outputs = time.Since(t)
	up.Written, up.Rendered = s.out.take(s.dest)
	up.Duration = time.Since(start)
	return up, nil
}

// outputs makes the files Go writes after Hugo (feeds, search index,
// badges) and writes those that changed.
func (s *Session) outputs(m *model, dir string) (int, error) {
	mem := afero.NewMemMapFs()
	if err := m.writeOutputs(mem, "/", m.baseURL); err != nil {
		return 0, err
	}
	files := map[string][]byte{}
	err := afero.Walk(mem, "/", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := afero.ReadFile(mem, p)
		files[strings.TrimPrefix(filepath.ToSlash(p), "/")] = data
		return err
	})
	if err != nil {
		return 0, err
	}
	return s.writeChanged(dir, files)
}

// writeChanged writes under dir the files whose content differs from what
// the session last wrote there.
func (s *Session) writeChanged(dir string, files map[string][]byte) (int, error) {
	changed := map[string][]byte{}
	for name, data := range files {
		h := sha256.Sum256(data)
		if old, ok := s.outHash[name]; ok && old == h {
			continue
		}
		changed[name] = data
	}
	if err := writeFiles(s.out, dir, changed); err != nil {
		return 0, err
	}
	for name, data := range changed {
		s.outHash[name] = sha256.Sum256(data)
	}
	return len(changed), nil
}

// startHugo creates Hugo's sites over the source and the generated layer,
// writing into publishDir, in watch mode so that they can be built again.
func (s *Session) startHugo(publishDir string) error {
	src := overlayfs.New(overlayfs.Options{Fss: []afero.Fs{s.gen, afero.NewReadOnlyFs(s.o.Fs)}, FirstWritable: true})
	flags := config.New()
	flags.Set("workingDir", s.src)
	flags.Set("publishDir", publishDir)
	flags.Set("contentDir", genDir+"/content")
	flags.Set("dataDir", genDir+"/data")
	flags.Set("cacheDir", filepath.Join(s.src, genDir, "cache"))
	flags.Set("resourceDir", genDir+"/resources")
	flags.Set("noBuildLock", true)
	// Watch mode: Hugo tracks what each page depends on and may be built
	// again with the files that changed. Not "running": that would make
	// it a server (livereload, hugo.IsServer).
	flags.Set("internal", hmaps.Params{"watch": true, "running": false})
	if s.o.BaseURL != "" {
		flags.Set("baseURL", s.o.BaseURL)
	}
	s.logBuf = &bytes.Buffer{}
	var w io.Writer = s.logBuf
	if s.o.Log != nil {
		w = io.MultiWriter(s.logBuf, s.o.Log)
	}
	s.logger = loggers.New(loggers.Options{StdOut: w, StdErr: w, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	cfgFile := filepath.Join(s.src, ConfigFile)
	if ok, _ := afero.Exists(src, cfgFile); !ok {
		return fmt.Errorf("%s:1:1: missing Hugo configuration", ConfigFile)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs: src, Logger: s.logger, Flags: flags, Filename: cfgFile,
		Environ: []string{"HUGO_ENV=production"},
	})
	if err != nil {
		return fmt.Errorf("%s: %w", ConfigFile, err)
	}
	fs := hugofs.NewFromSourceAndDestination(src, s.out, configs.LoadingInfo.Cfg)
	s.sites, err = hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: fs, LogLevel: logg.LevelWarn, StdErr: w, StdOut: w, TestLogger: s.logger})
	return err
}

// build runs Hugo: the whole site without events, else what they touch.
func (s *Session) build(events ...fsnotify.Event) error {
	s.logBuf.Reset()
	errsBefore := s.logger.LoggCount(logg.LevelError)
	if err := s.sites.Build(hugolib.BuildCfg{NoBuildLock: true}, events...); err != nil {
		return err
	}
	if n := s.logger.LoggCount(logg.LevelError) - errsBefore; n > 0 {
		return fmt.Errorf("hugo reported %d errors:\n%s", n, strings.TrimSpace(s.logBuf.String()))
	}
	if strings.Contains(s.logBuf.String(), "found no layout file") {
		return fmt.Errorf("a page has no template in layouts/:\n%s", strings.TrimSpace(s.logBuf.String()))
	}
	return nil
}

// Close releases Hugo's sites and removes the session's folders.
func (s *Session) Close() {
	if s.sites != nil {
		s.sites.Close()
		s.sites = nil
	}
	if s.pub != nil {
		s.pub.Abort()
	}
	if s.dest != "" {
		_ = os.RemoveAll(s.dest)
	}
}

// outFs is the file system Hugo and the session write the output into; it
// records the files opened for writing.
type outFs struct {
	afero.Fs
	mu      sync.Mutex
	written map[string]bool
}

func (f *outFs) record(name string) {
	f.mu.Lock()
	if f.written == nil {
		f.written = map[string]bool{}
	}
	f.written[name] = true
	f.mu.Unlock()
}

// take returns, and forgets, the files written since the last call (by
// slash path relative to dir), and how many of them are HTML pages.
func (f *outFs) take(dir string) ([]string, int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var names []string
	pages := 0
	for n := range f.written {
		if rel, err := filepath.Rel(dir, n); err == nil {
			n = filepath.ToSlash(rel)
		}
		names = append(names, n)
		if strings.HasSuffix(n, ".html") {
			pages++
		}
	}
	f.written = nil
	sort.Strings(names)
	return names, pages
}

func (f *outFs) Create(name string) (afero.File, error) {
	f.record(name)
	return f.Fs.Create(name)
}

func (f *outFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		f.record(name)
	}
	return f.Fs.OpenFile(name, flag, perm)
}

// movedFs is fsys with the folder from moved to to: Hugo keeps the path
// of the temporary folder it first rendered into, which the publisher has
// renamed.
type movedFs struct {
	afero.Fs
	from, to string
}

func (f *movedFs) p(name string) string {
	if rest, ok := strings.CutPrefix(name, f.from); ok && (rest == "" || rest[0] == filepath.Separator) {
		return f.to + rest
	}
	return name
}

func (f *movedFs) Create(n string) (afero.File, error) { return f.Fs.Create(f.p(n)) }
func (f *movedFs) Mkdir(n string, m os.FileMode) error { return f.Fs.Mkdir(f.p(n), m) }
func (f *movedFs) MkdirAll(n string, m os.FileMode) error {
	return f.Fs.MkdirAll(f.p(n), m)
}
func (f *movedFs) Open(n string) (afero.File, error) { return f.Fs.Open(f.p(n)) }
func (f *movedFs) OpenFile(n string, fl int, m os.FileMode) (afero.File, error) {
	return f.Fs.OpenFile(f.p(n), fl, m)
}
func (f *movedFs) Remove(n string) error              { return f.Fs.Remove(f.p(n)) }
func (f *movedFs) RemoveAll(n string) error           { return f.Fs.RemoveAll(f.p(n)) }
func (f *movedFs) Rename(a, b string) error           { return f.Fs.Rename(f.p(a), f.p(b)) }
func (f *movedFs) Stat(n string) (os.FileInfo, error) { return f.Fs.Stat(f.p(n)) }
func (f *movedFs) Chmod(n string, m os.FileMode) error {
	return f.Fs.Chmod(f.p(n), m)
}
func (f *movedFs) Chown(n string, u, g int) error { return f.Fs.Chown(f.p(n), u, g) }
func (f *movedFs) Chtimes(n string, a, m time.Time) error {
	return f.Fs.Chtimes(f.p(n), a, m)
}
