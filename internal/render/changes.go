package render

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"
)

// Changes and the preview: a Session opened with Watch keeps Hugo's
// sites in memory with what each page depends on, and Changed hands them
// the generated files that changed, so that Hugo renders only the pages
// that depend on them (its partial rebuild, as `hugo server` does it).
//
// Hugo does not know that a page reads its view file: readFile is not a
// tracked dependency. A page whose view changed is therefore named by its
// content file (see ViewChanged), which makes Hugo render it again.

// Change is a generated file that changed since the last build, by its
// name under the generated folder (such as "content/nhiem-vu/x.vi.md" or
// "views/nhiem-vu/x.vi.json"), as Op says: fsnotify.Create, Write or
// Remove.
type Change struct {
	Name string
	Op   fsnotify.Op
}

// Changed has Hugo render again what the changes touch, after a first
// Build. It returns the number of file events Hugo was given and in how
// many builds (rounds, below).
//
// Hugo reads a changed content file again only once per folder and build
// (its collector skips a folder it has seen), so two changed content files
// of one folder, such as a page's Vietnamese and English files, would
// leave one of them as it was read before. The events are therefore given
// in rounds: a folder with a section file (_index.<lang>.md) gets that
// file named as changed, which makes Hugo read every file of the folder
// again; in any other folder (a leaf bundle's, index.<lang>.md) each
// changed content file gets a round of its own. A page whose view alone
// changed needs no new reading, only rendering, and goes in the first.
func (s *Session) Changed(changes []Change) (events, rounds int, err error) {
	type event struct {
		op     fsnotify.Op
		reread bool // the content file itself changed: Hugo must read it
	}
	evmap := map[string]event{}
	gone := map[string]bool{}
	for _, c := range changes {
		if c.Op == fsnotify.Remove {
			gone[c.Name] = true
		}
	}
	for _, c := range changes {
		name, ev := c.Name, event{c.Op, true}
		if content, ok := ViewChanged(name); ok {
			// Hugo does not know that the page reads this file: the page's
			// own content file is named instead, which makes Hugo render
			// the page (and what depends on it) again.
			if gone[content] {
				continue // the page went with its content file
			}
			name, ev = content, event{fsnotify.Write, false}
		}
		if old, named := evmap[name]; named {
			ev.reread = ev.reread || old.reread
			if ev.op == fsnotify.Write {
				ev.op = old.op
			}
		}
		evmap[name] = ev
	}
	if len(evmap) == 0 {
		return 0, 0, nil
	}
	// Folders whose files Hugo must read again, and their section file.
	section := map[string]string{}
	for name, ev := range evmap {
		dir := path.Dir(name)
		if _, done := section[dir]; !ev.reread || done || !strings.HasPrefix(name, "content/") {
			continue
		}
		section[dir] = s.sectionFile(dir)
	}
	for _, idx := range section {
		if _, named := evmap[idx]; idx != "" && !named {
			evmap[idx] = event{fsnotify.Write, true}
		}
	}
	names := make([]string, 0, len(evmap))
	for name := range evmap {
		names = append(names, name)
	}
	sort.Strings(names)
	var batches [][]fsnotify.Event
	perDir := map[string]int{}
	for _, name := range names {
		ev := evmap[name]
		dir := path.Dir(name)
		r := 0
		if idx, ok := section[dir]; ok && idx == "" && strings.HasPrefix(name, "content/") {
			r = perDir[dir]
			perDir[dir]++
		}
		for len(batches) <= r {
			batches = append(batches, nil)
		}
		batches[r] = append(batches[r], fsnotify.Event{Name: filepath.Join(s.o.WorkingDir, s.o.GenDir, filepath.FromSlash(name)), Op: ev.op})
	}
	for _, evs := range batches {
		if err := s.Build(evs...); err != nil {
			return len(evmap), len(batches), err
		}
	}
	return len(evmap), len(batches), nil
}

// sectionFile returns the section file (_index.<lang>.md) of a folder of
// generated content, by name under the generated folder, or "".
func (s *Session) sectionFile(dir string) string {
	entries, err := afero.ReadDir(s.o.Gen, filepath.Join(s.o.WorkingDir, s.o.GenDir, filepath.FromSlash(dir)))
	if err != nil {
		return ""
	}
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), "_index.") && strings.HasSuffix(e.Name(), ".md") {
			return dir + "/" + e.Name()
		}
	}
	return ""
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
