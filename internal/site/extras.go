package site

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/search"
	"github.com/minhbach/minhbach/internal/view"
)

// extras writes the open-data files through create (each by its path
// relative to the output folder) as they are made, and records their
// description, with their sizes, for the open-data page. They are written
// before the pages, which show their sizes, and are not held: at scale L
// they take 800 MB.
func extras(m *view.Model, baseURL string, create func(name string) (io.WriteCloser, error)) error {
	files, err := opendata.Write(m.Project(), m.Snapshot(), m.History(), baseURL, create)
	if err != nil {
		return fmt.Errorf("open data: %w", err)
	}
	m.DataFiles = nil
	for _, f := range files {
		m.DataFiles = append(m.DataFiles, view.DataFileV{Path: f.Path, Name: strings.TrimPrefix(f.Path, opendata.Dir+"/"), Size: int(f.Size)})
	}
	return nil
}

// createUnder returns a create function for extras that makes each file
// under dir in fsys, and records in written the path of each file made.
func createUnder(fsys afero.Fs, dir string, written map[string]bool) func(string) (io.WriteCloser, error) {
	return func(name string) (io.WriteCloser, error) {
		if !safeRel(name) {
			return nil, fmt.Errorf("refusing to write %q outside the output folder", name)
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := fsys.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, err
		}
		f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
		if err != nil {
			return nil, err
		}
		written[name] = true
		return f, nil
	}
}

// discard is a create function for extras that keeps nothing: the open
// data of a plain Hugo project (WriteHugoProject), which only needs sizes.
func discard(string) (io.WriteCloser, error) { return nopCloser{io.Discard}, nil }

type nopCloser struct{ io.Writer }

func (nopCloser) Close() error { return nil }

// writeOutputs makes and writes under dir the files Go writes besides
// Hugo's pages and the open data: the Atom feeds and the search index of
// each language, the task badges and the link-preview cards. The feeds,
// the index and the badges are written file by file as they are made (a
// job returns no files); a job of cards returns its few files to write.
// So memory holds one feed or index file at a time, not all of them; the
// jobs run two at a time.
func writeOutputs(m *view.Model, fsys afero.Fs, dir, baseURL string, cache *cardCache) error {
	write := func(files map[string][]byte) error {
		for name, data := range files {
			if err := writeFile(fsys, dir, "output", name, data); err != nil {
				return err
			}
		}
		return nil
	}
	return runJobs(outputJobs(m, baseURL, m.Cards(), cache, write), write)
}

// job makes a group of output files, by slash path: a job that writes its
// files as it makes them (through write) returns none.
type job = func() (map[string][]byte, error)

// outputJobs are the jobs that make the feeds, the search index and the
// badges, each file handed to write as soon as it is made, and draw the
// cards given (a job of cards returns its few files). The preview's
// session (session.go) gives its own write, which keeps only what changed.
//
// Every file is claimed in the model's record of the output (view.Outputs)
// before it is written, the cards all at once (a preview draws only those
// that changed), so that a file at the path of a page or of another file
// fails the build instead of replacing it.
func outputJobs(m *view.Model, baseURL string, cards []view.CardJob, cache *cardCache, write func(map[string][]byte) error) []job {
	put := func(prefix, kind string) func(string, []byte) error {
		return func(name string, data []byte) error {
			if err := m.Outputs().Claim(prefix+name, view.Writer{Kind: kind}); err != nil {
				return err
			}
			return write(map[string][]byte{prefix + name: data})
		}
	}
	for _, c := range m.Cards() {
		if err := m.Outputs().Claim(c.Path, view.Writer{Kind: view.WriterCard}); err != nil {
			return []job{func() (map[string][]byte, error) { return nil, err }}
		}
	}
	jobs := []job{}
	for _, lang := range view.Langs {
		jobs = append(jobs, func() (map[string][]byte, error) {
			if err := feed.Write(m.Project(), m.History(), baseURL, lang, put(view.LangDir(lang), view.WriterFeed)); err != nil {
				return nil, fmt.Errorf("feeds: %w", err)
			}
			return nil, nil
		}, func() (map[string][]byte, error) {
			return nil, search.Write(m.SearchDocs(lang), put(view.LangDir(lang)+view.SearchDir, view.WriterSearch))
		})
	}
	jobs = append(jobs, func() (map[string][]byte, error) { return nil, badges(m, put("", view.WriterBadge)) })
	return append(jobs, cardJobs(cards, cache)...)
}

// runJobs runs jobs on two workers (the machine a portal is built on may
// have two cores), handing the files a job returns to write, which must
// then be safe for concurrent use.
func runJobs(jobs []job, write func(map[string][]byte) error) error {
	work := make(chan job)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range work {
				files, err := job()
				if err == nil && len(files) > 0 {
					err = write(files)
				}
				errs <- err
			}
		}()
	}
	for _, job := range jobs {
		work <- job
	}
	close(work)
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return errors.Join(all...)
}

// badges writes every task's status badges in each language through put:
// the live one and one per published period (view.Model.Badges).
func badges(m *view.Model, put func(string, []byte) error) error {
	return m.Badges(func(b view.BadgeFile) error { return put(b.Path, b.Parts.SVG()) })
}
