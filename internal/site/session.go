package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/card"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/view"
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
	hugo    *render.Session
	genHash map[string][sha256.Size]byte // generated files, by name under view.GenDir
	outHash map[string][sha256.Size]byte // files Go writes into the output, by slash path
	cards   map[string]card.Card         // the cards drawn, by path: a card is drawn again only when it changed
	outMu   sync.Mutex                   // guards outHash and cards while the output jobs run
	aliases map[string][]string          // the aliases of the content files that have some
	// goOutput are the files of outHash made by the output jobs (not the
	// open data), which a build that no longer makes them removes.
	goOutput map[string]bool
	broken   error // set when Hugo failed: the session must be replaced
	// ignoreViews, for the counter-test only, hands Hugo the changed
	// content files but not the pages whose view file alone changed.
	ignoreViews bool
}

// Update tells what one Session.Update did.
type Update struct {
	Result
	// Generated are the generated files (pages' content and view files,
	// site data) that changed, added or removed, by name under the
	// generated folder; Events is how many file events Hugo was given, in
	// Rounds builds.
	Generated []string
	Events    int
	Rounds    int
	// Written are the files written into the output folder (by Hugo and
	// by Go), by slash path relative to it; Rendered counts the HTML
	// pages among those Hugo wrote.
	Written  []string
	Rendered int
	// Load is the time to load, derive and generate; Hugo the time Hugo
	// took; Outputs the time to make and write the files Go writes; First,
	// with UpdateReports, the time until the edited reports' pages were
	// rendered (they are part of Written and Rendered too).
	Load, Hugo, Outputs, First time.Duration
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
	s := &Session{o: o, genHash: map[string][sha256.Size]byte{}, outHash: map[string][sha256.Size]byte{}, cards: map[string]card.Card{}, aliases: map[string][]string{}, goOutput: map[string]bool{}}
	s.src, _ = absPath(o.Fs, o.Source)
	m := view.New(p, o.AsOf, o.Drafts)
	up := &Update{}
	up.Project, up.Snapshot = p, m.Snapshot()
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
	if s.gen, err = genLayer(o.Fs, pub, milestoneCount(p) >= onDiskFrom); err != nil {
		return nil, nil, failed(pub, "pages", err)
	}
	s.out = &outFs{Fs: pub.Fs()}
	s.hugo, err = render.Open(render.Options{SrcFs: o.Fs, WorkingDir: s.src, DestFs: s.out, PublishDir: pub.Dir(), BaseURL: o.BaseURL,
		Gen: s.gen, GenDir: view.GenDir, Log: o.Log, Watch: true})
	if err != nil {
		return nil, nil, &BuildError{"config", err}
	}
	put := writeUnder(s.gen, filepath.Join(s.src, view.GenDir))
	extra := map[string][]byte{}
	err = generate(m, s.hugo.BaseURL(), func(string) {}, func(name string, data []byte) error {
		s.genHash[name] = sha256.Sum256(data)
		s.noteAliases(name, data)
		return put(name, data)
	}, collect(extra))
	if err != nil {
		return nil, nil, err
	}
	up.Load = time.Since(start)
	t := time.Now()
	if err := s.hugo.Build(); err != nil {
		return nil, nil, failed(pub, "hugo", err)
	}
	up.Hugo = time.Since(t)
	t = time.Now()
	tmp := pub.Dir()
	if ok, _ := afero.Exists(o.Fs, filepath.Join(tmp, "index.html")); !ok {
		return nil, nil, &BuildError{"hugo", errors.New("no home page was rendered: check layouts/home.html")}
	}
	keep := map[string]bool{}
	for name := range extra {
		keep[name] = true
	}
	if err := copyTree(s.out, filepath.Join(s.src, "static"), tmp, keep); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "static", err)
	}
	if err := rebaseHtaccess(s.out, tmp, m.BasePath); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "static", err)
	}
	if _, err := s.writeChanged(tmp, extra); err != nil || pub.Err() != nil {
		return nil, nil, failed(pub, "write", err)
	}
	if err := s.outputs(m, tmp); err != nil || pub.Err() != nil {
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
	s.out.moved(o.Fs, tmp, s.dest)
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
		if r.IsPublished() || (o.Drafts && r.Previewable()) {
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
	return s.UpdateReports(lock, nil, nil)
}

// UpdateReports is Update for an edit of the report files given (paths
// from the source root, with slashes): once the data is loaded, the pages
// of those reports are made, handed to Hugo and rendered first, and first
// is called (the preview then reloads the page being edited); then the
// rest of the site is brought up to date as Update does. The pages made
// first are the ones the whole update makes (the same model, the same
// presenter): only their order differs. An ErrRebuild after first was
// called may have changed those pages only.
func (s *Session) UpdateReports(lock sync.Locker, files []string, first func()) (*Update, error) {
	if s.broken != nil {
		return nil, s.broken
	}
	start := time.Now()
	o := s.o
	p, err := Load(o)
	if err != nil {
		return nil, err
	}
	m := view.New(p, o.AsOf, o.Drafts)
	up := &Update{}
	up.Project, up.Snapshot = p, m.Snapshot()
	up.Published, up.Excluded = split(p, o)
	if len(files) > 0 {
		if err := s.reportsFirst(lock, m, files); err != nil {
			return nil, err
		}
		up.First = time.Since(start)
		if first != nil {
			first()
		}
	}
	type file struct {
		name string
		data []byte
	}
	var changed []file
	seen := map[string]bool{}
	extra := map[string][]byte{}
	err = generate(m, s.hugo.BaseURL(), func(string) {}, func(name string, data []byte) error {
		if !safeRel(name) {
			return fmt.Errorf("refusing to write %q outside the generated folder", name)
		}
		seen[name] = true
		if old, had := s.genHash[name]; !had || old != sha256.Sum256(data) {
			changed = append(changed, file{name, data})
		}
		return nil
	}, collect(extra))
	if err != nil {
		return nil, err
	}
	var changes []render.Change
	for _, f := range changed {
		op := fsnotify.Write
		if _, had := s.genHash[f.name]; !had {
			op = fsnotify.Create
		}
		changes = append(changes, render.Change{Name: f.name, Op: op})
	}
	for name := range s.genHash {
		if !seen[name] {
			changes = append(changes, render.Change{Name: name, Op: fsnotify.Remove})
		}
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Name < changes[j].Name })
	for _, c := range changes {
		// Hugo does not remove what it published for a page that is gone
		// (nor the redirect of an alias given up): a new session builds
		// the site from scratch instead.
		if c.Op == fsnotify.Remove {
			return nil, fmt.Errorf("%w: %s is gone", ErrRebuild, c.Name)
		}
	}
	for _, f := range changed {
		if strings.HasPrefix(f.name, "content/") {
			if old, now := s.aliases[f.name], frontAliases(f.data); !sameStrings(old, now) && len(old) > 0 {
				return nil, fmt.Errorf("%w: the aliases of %s changed", ErrRebuild, f.name)
			}
		}
	}
	up.Load = time.Since(start)

	if lock != nil {
		lock.Lock()
		defer lock.Unlock()
	}
	// The layer is written only now: a problem found while generating
	// leaves it as Hugo last read it.
	put := writeUnder(s.gen, filepath.Join(s.src, view.GenDir))
	for _, f := range changed {
		if err := put(f.name, f.data); err != nil {
			s.broken = err
			return nil, err
		}
		s.genHash[f.name] = sha256.Sum256(f.data)
		s.noteAliases(f.name, f.data)
	}
	var told []render.Change
	for _, c := range changes {
		up.Generated = append(up.Generated, c.Name)
		if c.Op == fsnotify.Remove {
			delete(s.genHash, c.Name)
			_ = s.gen.Remove(filepath.Join(s.src, view.GenDir, filepath.FromSlash(c.Name)))
		}
		if _, isView := render.ViewChanged(c.Name); isView && s.ignoreViews {
			continue
		}
		told = append(told, c)
	}
	t := time.Now()
	if up.Events, up.Rounds, err = s.hugo.Changed(told); err != nil {
		s.broken = err
		return nil, err
	}
	up.Hugo = time.Since(t)
	t = time.Now()
	if _, err := s.writeChanged(s.dest, extra); err != nil {
		s.broken = err
		return nil, err
	}
	if err := s.outputs(m, s.dest); err != nil {
		s.broken = err
		return nil, err
	}
	up.Outputs = time.Since(t)
	up.Written, up.Rendered = s.out.take(s.dest)
	up.Duration = time.Since(start)
	return up, nil
}

// reportsFirst makes the pages of the report files given, writes those
// that changed into the layer and has Hugo render them.
func (s *Session) reportsFirst(lock sync.Locker, m *view.Model, files []string) error {
	baseURL := s.hugo.BaseURL()
	m.BaseURL, m.BasePath = baseURL, basePath(baseURL)
	var changed []render.Change
	pages := map[string][]byte{}
	err := m.ReportPages(func(name string, data []byte) error {
		if !safeRel(name) {
			return fmt.Errorf("refusing to write %q outside the generated folder", name)
		}
		// Only pages Hugo has: a new page waits for the whole update.
		if old, had := s.genHash[name]; had && old != sha256.Sum256(data) {
			pages[name] = data
			changed = append(changed, render.Change{Name: name, Op: fsnotify.Write})
		}
		return nil
	}, files)
	if err != nil {
		return &BuildError{"pages", err}
	}
	if len(changed) == 0 {
		return nil
	}
	if lock != nil {
		lock.Lock()
		defer lock.Unlock()
	}
	put := writeUnder(s.gen, filepath.Join(s.src, view.GenDir))
	for name, data := range pages {
		if err := put(name, data); err != nil {
			s.broken = err
			return err
		}
		s.genHash[name] = sha256.Sum256(data)
		s.noteAliases(name, data)
	}
	sort.Slice(changed, func(i, j int) bool { return changed[i].Name < changed[j].Name })
	if s.ignoreViews {
		changed = nil
	}
	if _, _, err := s.hugo.Changed(changed); err != nil {
		s.broken = err
		return err
	}
	return nil
}

// outputs makes the files Go writes after Hugo (feeds, search index,
// badges, cards) and writes those that changed. A card is drawn only when
// what it shows changed (drawing is deterministic).
func (s *Session) outputs(m *view.Model, dir string) error {
	var cards []view.CardJob
	for _, c := range m.Cards() {
		if old, ok := s.cards[c.Path]; !ok || old != c.Card {
			cards = append(cards, c)
		}
	}
	made := map[string]bool{}
	var madeMu sync.Mutex
	write := func(files map[string][]byte) error {
		madeMu.Lock()
		for name := range files {
			made[name] = true
		}
		madeMu.Unlock()
		_, err := s.writeChanged(dir, files)
		return err
	}
	err := runJobs(outputJobs(m, m.BaseURL, cards, &cardCache{fs: s.o.Fs, dir: cardCacheDir()}, write), write)
	if err != nil {
		return err
	}
	for _, c := range cards {
		s.cards[c.Path] = c.Card
	}
	// The files of the last build that this one did not make (a search
	// shard fewer, a card of a page gone) are removed.
	for _, c := range m.Cards() {
		made[c.Path] = true
	}
	for name := range s.outHash {
		if s.goOutput[name] && !made[name] {
			if err := s.out.Remove(filepath.Join(dir, filepath.FromSlash(name))); err != nil && !os.IsNotExist(err) {
				return err
			}
			delete(s.outHash, name)
			delete(s.goOutput, name)
			delete(s.cards, name)
		}
	}
	for name := range made {
		s.goOutput[name] = true
	}
	return nil
}

// ErrRebuild is returned by Update when the change is one a session does
// not hand to Hugo (a page is gone): the site must be built from scratch,
// by a new session. Nothing was changed.
var ErrRebuild = errors.New("the site must be built again from scratch")

// noteAliases records the aliases of a generated content file.
func (s *Session) noteAliases(name string, data []byte) {
	if !strings.HasPrefix(name, "content/") {
		return
	}
	if a := frontAliases(data); len(a) > 0 {
		s.aliases[name] = a
	} else {
		delete(s.aliases, name)
	}
}

// frontAliases reads the aliases of a generated content file's front
// matter (JSON, on its first line).
func frontAliases(data []byte) []string {
	if !bytes.Contains(data, []byte(`"aliases"`)) {
		return nil
	}
	line, _, _ := bytes.Cut(data, []byte("\n"))
	var fm struct {
		Aliases []string `json:"aliases"`
	}
	_ = json.Unmarshal(line, &fm)
	return fm.Aliases
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// writeChanged writes under dir the files whose content differs from what
// the session last wrote there.
func (s *Session) writeChanged(dir string, files map[string][]byte) (int, error) {
	s.outMu.Lock()
	defer s.outMu.Unlock()
	changed := map[string][]byte{}
	for name, data := range files {
		h := sha256.Sum256(data)
		if old, ok := s.outHash[name]; ok && old == h {
			continue
		}
		changed[name] = data
	}
	for name, data := range changed {
		if err := writeFile(s.out, dir, "output", name, data); err != nil {
			return 0, err
		}
	}
	for name, data := range changed {
		s.outHash[name] = sha256.Sum256(data)
	}
	return len(changed), nil
}

// Close releases Hugo's sites and removes the session's folders.
func (s *Session) Close() {
	if s == nil {
		return
	}
	if s.hugo != nil {
		s.hugo.Close()
		s.hugo = nil
	}
	if s.pub != nil {
		s.pub.Abort()
	}
	if s.dest != "" {
		_ = s.o.Fs.RemoveAll(s.dest)
	}
}

// outFs is the file system Hugo and the session write the output into. It
// records the files opened for writing, and once the publisher has renamed
// the folder Hugo first rendered into (whose path Hugo keeps), it moves
// every path under that folder to the folder's new place.
type outFs struct {
	afero.Fs
	from, to string
	mu       sync.Mutex
	written  map[string]bool
}

// moved sends the paths under from to to, on fsys.
func (f *outFs) moved(fsys afero.Fs, from, to string) {
	f.Fs, f.from, f.to = fsys, from, to
}

func (f *outFs) p(name string) string {
	if f.from == "" {
		return name
	}
	if rest, ok := strings.CutPrefix(name, f.from); ok && (rest == "" || rest[0] == filepath.Separator) {
		return f.to + rest
	}
	return name
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

func (f *outFs) Create(n string) (afero.File, error) {
	n = f.p(n)
	f.record(n)
	return f.Fs.Create(n)
}

func (f *outFs) OpenFile(n string, flag int, perm os.FileMode) (afero.File, error) {
	n = f.p(n)
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE|os.O_TRUNC|os.O_APPEND) != 0 {
		f.record(n)
	}
	return f.Fs.OpenFile(n, flag, perm)
}

func (f *outFs) Mkdir(n string, m os.FileMode) error    { return f.Fs.Mkdir(f.p(n), m) }
func (f *outFs) MkdirAll(n string, m os.FileMode) error { return f.Fs.MkdirAll(f.p(n), m) }
func (f *outFs) Open(n string) (afero.File, error)      { return f.Fs.Open(f.p(n)) }
func (f *outFs) Remove(n string) error                  { return f.Fs.Remove(f.p(n)) }
func (f *outFs) RemoveAll(n string) error               { return f.Fs.RemoveAll(f.p(n)) }
func (f *outFs) Rename(a, b string) error               { return f.Fs.Rename(f.p(a), f.p(b)) }
func (f *outFs) Stat(n string) (os.FileInfo, error)     { return f.Fs.Stat(f.p(n)) }
func (f *outFs) Chmod(n string, m os.FileMode) error    { return f.Fs.Chmod(f.p(n), m) }
func (f *outFs) Chown(n string, u, g int) error         { return f.Fs.Chown(f.p(n), u, g) }
func (f *outFs) Chtimes(n string, a, m time.Time) error { return f.Fs.Chtimes(f.p(n), a, m) }

// collect is a create function for the open data that keeps each file
// in files when it is closed: the session compares them with the last
// update's before writing those that changed.
func collect(files map[string][]byte) func(string) (io.WriteCloser, error) {
	var mu sync.Mutex
	return func(name string) (io.WriteCloser, error) {
		return &collected{name: name, files: files, mu: &mu}, nil
	}
}

type collected struct {
	bytes.Buffer
	name  string
	files map[string][]byte
	mu    *sync.Mutex
}

func (c *collected) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.files[c.name] = c.Bytes()
	return nil
}
