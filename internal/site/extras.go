package site

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/feed"
	"github.com/minhbach/minhbach/internal/opendata"
	"github.com/minhbach/minhbach/internal/search"
)

// extras returns the files Go writes into the output besides Hugo's pages,
// keyed by path relative to the output folder: open data, Atom feeds in
// each language, and the description of the open-data files for their
// page.
func (m *model) extras(o Options, baseURL string) (map[string][]byte, error) {
	files := map[string][]byte{}
	data, err := opendata.Files(m.p, m.snap, m.hist, baseURL)
	if err != nil {
		return nil, fmt.Errorf("open data: %w", err)
	}
	for k, v := range data {
		files[k] = v
	}
	for _, lang := range Langs {
		feeds, err := feed.Files(m.p, m.hist, baseURL, lang)
		if err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		for k, v := range feeds {
			files[langDir(lang)+k] = v
		}
	}
	for _, lang := range Langs {
		pr := &presenter{model: m, lang: lang}
		for k, v := range search.Build(pr.searchDocs()) {
			files[langDir(lang)+searchDir+k] = v
		}
	}
	for _, ts := range m.snap.Tasks {
		left := fmt.Sprintf("%s %d", "Nhiệm vụ", ts.Task.Number)
		for _, lang := range Langs {
			if lang == "en" {
				left = fmt.Sprintf("Task %d", ts.Task.Number)
			}
			label := ts.Status.Label(lang)
			files[langDir(lang)+taskURL(ts.Task.Slug)+"badge.svg"] = chart.Badge(left, label, ts.Status)
		}
	}
	m.dataFiles = nil
	names := make([]string, 0, len(data))
	for k := range data {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		m.dataFiles = append(m.dataFiles, DataFileV{Path: k, Name: strings.TrimPrefix(k, opendata.Dir+"/"), Size: len(data[k])})
	}
	return files, nil
}

// langDir is the folder of a language's pages in the output: "" for the
// default language, "en/" for English.
func langDir(lang string) string {
	if lang == Langs[0] {
		return ""
	}
	return lang + "/"
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
