package render

import (
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/hugolib"
)

// Session is Hugo kept alive between builds, for the preview: its sites
// stay in memory with what each page depends on, and a build after the
// first is handed the generated files that changed and renders only the
// pages that depend on them (Hugo's partial rebuild, as `hugo server`
// does it).
//
// Hugo does not know that a page reads its view file: readFile is not a
// tracked dependency. A page whose view changed is therefore named by its
// content file (see ViewChanged), which makes Hugo render it again.
type Session struct {
	h     *Hugo
	sites *hugolib.HugoSites
	log   *hugoLog
}

// Start creates the sites in watch mode and builds the whole site once.
func (h *Hugo) Start() (*Session, error) {
	sites, log, err := h.newSites(true)
	if err != nil {
		return nil, err
	}
	s := &Session{h: h, sites: sites, log: log}
	if err := s.build(); err != nil {
		sites.Close()
		return nil, err
	}
	return s, nil
}

// Change is a generated file that changed since the last build, by its
// name under the generated folder (such as "content/nhiem-vu/x.vi.md" or
// "views/nhiem-vu/x.vi.json"), as Op says: fsnotify.Create, Write or
// Remove.
type Change struct {
	Name string
	Op   fsnotify.Op
}

// Build renders again what the changes touch. It returns the number of
// file events Hugo was given.
func (s *Session) Build(changes []Change) (int, error) {
	events := map[string]fsnotify.Op{}
	gone := map[string]bool{}
	for _, c := range changes {
		if c.Op == fsnotify.Remove {
			gone[c.Name] = true
		}
	}
	for _, c := range changes {
		name, op := c.Name, c.Op
		if content, ok := ViewChanged(name); ok {
			// Hugo does not know that the page reads this file: the page's
			// own content file is named instead, which makes Hugo read it
			// again and render the page (and what depends on it).
			if gone[content] {
				continue // the page went with its content file
			}
			name, op = content, fsnotify.Write
		}
		if _, named := events[name]; named && op == fsnotify.Write {
			continue
		}
		events[name] = op
	}
	if len(events) == 0 {
		return 0, nil
	}
	evs := make([]fsnotify.Event, 0, len(events))
	for name, op := range events {
		evs = append(evs, fsnotify.Event{Name: filepath.Join(s.h.WorkingDir, s.h.GenDir, filepath.FromSlash(name)), Op: op})
	}
	return len(evs), s.build(evs...)
}

// ViewChanged returns, for the view file of a page (under "views/"), the
// page's content file, which Hugo is told of when the view changed.
func ViewChanged(name string) (string, bool) {
	v, ok := strings.CutPrefix(name, "views/")
	if !ok || !strings.HasSuffix(v, ".json") {
		return "", false
	}
	return "content/" + strings.TrimSuffix(v, ".json") + ".md", true
}

func (s *Session) build(events ...fsnotify.Event) error {
	s.log.buf.Reset()
	before := s.log.logger.LoggCount(logg.LevelError)
	if err := s.sites.Build(hugolib.BuildCfg{NoBuildLock: true}, events...); err != nil {
		return err
	}
	return s.log.check(before)
}

// Close releases Hugo's sites.
func (s *Session) Close() {
	if s.sites != nil {
		s.sites.Close()
		s.sites = nil
	}
}
