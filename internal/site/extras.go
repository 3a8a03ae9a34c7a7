package site

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/search"
	"github.com/minhbach/minhbach/internal/view"
)

// extras returns the open-data files, keyed by path relative to the output
// folder, and records their description for the open-data page. They are
// made before the pages, which show their sizes; the other files Go writes
// are made after Hugo has rendered (writeOutputs).
func extras(m *view.Model, baseURL string) (map[string][]byte, error) {
	data, err := opendata.Files(m.Project(), m.Snapshot(), m.History(), baseURL)
	if err != nil {
		return nil, fmt.Errorf("open data: %w", err)
	}
	m.DataFiles = nil
	names := make([]string, 0, len(data))
	for k := range data {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		m.DataFiles = append(m.DataFiles, view.DataFileV{Path: k, Name: strings.TrimPrefix(k, opendata.Dir+"/"), Size: len(data[k])})
	}
	return data, nil
}

// writeOutputs makes and writes under dir the files Go writes besides
// Hugo's pages and the open data: the Atom feeds and the search index of
// each language and the task badges. Each group of files is written as soon
// as it is made and then dropped, so that memory holds one language's feeds
// or index at a time, not all of them; the feeds and the index are made in
// parallel.
func writeOutputs(m *view.Model, fsys afero.Fs, dir, baseURL string, cache *cardCache) error {
	return runJobs(outputJobs(m, baseURL, m.Cards(), cache), func(files map[string][]byte) error {
		return writeFiles(fsys, dir, files)
	})
}

// job makes a group of output files, by slash path.
type job = func() (map[string][]byte, error)

// outputJobs are the jobs that make the feeds, the search index and the
// badges, and draw the cards given.
func outputJobs(m *view.Model, baseURL string, cards []view.CardJob, cache *cardCache) []job {
	jobs := []job{}
	for _, lang := range view.Langs {
		jobs = append(jobs, func() (map[string][]byte, error) {
			feeds, err := feed.Files(m.Project(), m.History(), baseURL, lang)
			if err != nil {
				return nil, fmt.Errorf("feeds: %w", err)
			}
			return prefixed(view.LangDir(lang), feeds), nil
		}, func() (map[string][]byte, error) {
			return prefixed(view.LangDir(lang)+view.SearchDir, search.Build(m.SearchDocs(lang))), nil
		})
	}
	jobs = append(jobs, func() (map[string][]byte, error) { return badges(m), nil })
	return append(jobs, cardJobs(cards, cache)...)
}

// runJobs runs jobs on two workers, handing each group of files to write
// (which must then be safe for concurrent use) as soon as it is made.
func runJobs(jobs []job, write func(map[string][]byte) error) error {
	// Two workers: the machine a portal is built on may have two cores,
	// and each job holds its files until they are written.
	work := make(chan job)
	errs := make(chan error, len(jobs))
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for job := range work {
				files, err := job()
				if err == nil {
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

// badges returns every task's status badge in each language.
func badges(m *view.Model) map[string][]byte {
	files := map[string][]byte{}
	for _, ts := range m.Snapshot().Tasks {
		for _, lang := range view.Langs {
			left := msg.T(msg.For(lang), "task_n", map[string]any{"N": ts.Task.Number})
			label := ts.Status.Label(lang)
			title := left + ": " + label
			if d := m.Snapshot().AsOf; !d.IsZero() && !m.Snapshot().NoData {
				l := msg.For(lang)
				title = msg.Get(l, "asof_words", title, msg.Date(l, d.Time()))
			}
			files[view.LangDir(lang)+view.TaskURL(ts.Task.Slug)+"badge.svg"] = chart.BadgeTitled(left, label, title, ts.Status)
		}
	}
	return files
}

// prefixed returns files with prefix put before every path.
func prefixed(prefix string, files map[string][]byte) map[string][]byte {
	out := make(map[string][]byte, len(files))
	for k, v := range files {
		out[prefix+k] = v
	}
	return out
}
