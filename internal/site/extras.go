package site

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/chart"
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
// each language, the task badges and the link-preview cards. Each file is
// written as soon as it is made and then dropped, so that memory holds one
// feed or index file at a time, not all of them; the jobs run two at a
// time.
func writeOutputs(m *view.Model, fsys afero.Fs, dir, baseURL string) error {
	put := func(prefix string) func(string, []byte) error {
		return func(name string, data []byte) error { return writeFile(fsys, dir, prefix+name, data) }
	}
	jobs := []func() error{}
	for _, lang := range view.Langs {
		jobs = append(jobs, func() error {
			if err := feed.Write(m.Project(), m.History(), baseURL, lang, put(view.LangDir(lang))); err != nil {
				return fmt.Errorf("feeds: %w", err)
			}
			return nil
		}, func() error {
			return search.Write(m.SearchDocs(lang), put(view.LangDir(lang)+view.SearchDir))
		})
	}
	jobs = append(jobs, func() error { return badges(m, put("")) })
	jobs = append(jobs, cardJobs(m.Cards(), put(""))...)
	// Two workers: the machine a portal is built on may have two cores.
	work := make(chan func() error)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range work {
				errs <- job()
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

// cardJobs draws the link-preview cards, a batch of them per job so that
// both workers draw, and writes each through put.
func cardJobs(cards []view.CardJob, put func(string, []byte) error) []func() error {
	const batch = 16
	var jobs []func() error
	for len(cards) > 0 {
		n := min(batch, len(cards))
		part := cards[:n]
		cards = cards[n:]
		jobs = append(jobs, func() error {
			for _, c := range part {
				b, err := c.Card.PNG()
				if err != nil {
					return fmt.Errorf("%s: %w", c.Path, err)
				}
				if err := put(c.Path, b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	return jobs
}

// badges writes every task's status badge in each language through put.
func badges(m *view.Model, put func(string, []byte) error) error {
	for _, ts := range m.Snapshot().Tasks {
		left := fmt.Sprintf("%s %d", "Nhiệm vụ", ts.Task.Number)
		for _, lang := range view.Langs {
			if lang == "en" {
				left = fmt.Sprintf("Task %d", ts.Task.Number)
			}
			label := ts.Status.Label(lang)
			if err := put(view.LangDir(lang)+view.TaskURL(ts.Task.Slug)+"badge.svg", chart.Badge(left, label, ts.Status)); err != nil {
				return err
			}
		}
	}
	return nil
}

// siteBaseURL returns the base URL a build uses: the one given, else the
// one in site.toml.
func siteBaseURL(fsys afero.Fs, src, given string) (string, error) {
	if given != "" {
		return withSlash(given), nil
	}
	var cfg struct {
		BaseURL string `toml:"baseURL"`
	}
	data, err := afero.ReadFile(fsys, filepath.Join(src, ConfigFile))
	if err != nil {
		return "", fmt.Errorf("%s:1:1: %w", ConfigFile, err)
	}
	if _, err := toml.Decode(string(data), &cfg); err != nil {
		return "", fmt.Errorf("%s: %w", ConfigFile, err)
	}
	return withSlash(cfg.BaseURL), nil
}

func withSlash(s string) string {
	if !strings.HasSuffix(s, "/") {
		return s + "/"
	}
	return s
}
