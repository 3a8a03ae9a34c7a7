package site

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/minhbach/minhbach/internal/render"
	"github.com/minhbach/minhbach/internal/view"
	"github.com/spf13/afero"
)

// WriteHugoProject writes, into dir, a plain Hugo project with the pages
// and data a build of o would hand Hugo in memory: content/, data/, the
// portal's site.toml, layouts/, i18n/ and static/. The hugo command builds
// it into the same HTML pages as minhbach (without the files minhbach
// writes itself: open data, feeds, badges, search index). The benchmark
// uses it to measure what minhbach adds on top of Hugo.
func WriteHugoProject(o Options, dir string) error {
	if o.Fs == nil {
		o.Fs = afero.NewOsFs()
	}
	p, err := Load(o)
	if err != nil {
		return err
	}
	src, err := absPath(o.Fs, o.Source)
	if err != nil {
		return err
	}
	// The configuration, for its base URL; the project is not rendered here.
	h, err := render.Open(render.Options{SrcFs: o.Fs, WorkingDir: src, DestFs: afero.NewMemMapFs(), PublishDir: "/public",
		BaseURL: o.BaseURL, Gen: afero.NewMemMapFs(), GenDir: view.GenDir})
	if err != nil {
		return err
	}
	h.Close()
	put := writeUnder(o.Fs, dir)
	_, err = generate(view.New(p, o.AsOf, o.Drafts), h.BaseURL(), func(string) {}, func(name string, data []byte) error {
		return put(projectPath(name), data)
	})
	if err != nil {
		return err
	}
	for _, d := range []string{"layouts", "i18n", "static"} {
		if err := copyTree(o.Fs, filepath.Join(src, d), filepath.Join(dir, d)); err != nil {
			return fmt.Errorf("%s: %w", d, err)
		}
	}
	cfg, err := afero.ReadFile(o.Fs, filepath.Join(src, ConfigFile))
	if err != nil {
		return err
	}
	return afero.WriteFile(o.Fs, filepath.Join(dir, ConfigFile), cfg, 0o644)
}

// projectPath places a generated file in a plain Hugo project: the pages'
// view models where their front matter says (under genDir), content/ and
// data/ where Hugo looks by default.
func projectPath(name string) string {
	if strings.HasPrefix(name, view.ViewDir) {
		return view.GenDir + "/" + name
	}
	return name
}
