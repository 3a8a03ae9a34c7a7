// Package render is the Hugo driver: it has Hugo, used as a library,
// render the pages a build generated (laid over the portal's source
// folder) with the portal's layouts, and reports Hugo's errors and the
// pages Hugo found no template for.
package render

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// ConfigFile is the Hugo configuration file of a portal.
const ConfigFile = "site.toml"

// Hugo is one Hugo build of generated files over a source folder.
type Hugo struct {
	SrcFs      afero.Fs // the portal's source, read only
	WorkingDir string   // absolute path of the source folder in SrcFs
	DestFs     afero.Fs
	PublishDir string // absolute path in DestFs
	BaseURL    string
	// Gen holds the generated pages, under WorkingDir/GenDir.
	Gen    afero.Fs
	GenDir string
	Log    io.Writer
	// AfterRender, if set, is called once Hugo has rendered and before
	// its sites are released: the point of a build's peak memory, where a
	// profiler takes a heap profile.
	AfterRender func()
}

// Run builds the site with Hugo and returns Hugo's error, if any.
func (h *Hugo) Run() (err error) {
	sites, log, err := h.newSites(false)
	if err != nil {
		return err
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return err
	}
	if h.AfterRender != nil {
		h.AfterRender()
	}
	return log.check(0)
}

// hugoLog is what Hugo logged while building.
type hugoLog struct {
	buf    bytes.Buffer
	logger loggers.Logger
}

// check returns an error when Hugo logged errors (more than before), or
// a page found no template.
func (l *hugoLog) check(before int) error {
	if n := l.logger.LoggCount(logg.LevelError) - before; n > 0 {
		return fmt.Errorf("hugo reported %d errors:\n%s", n, strings.TrimSpace(l.buf.String()))
	}
	// A page without a template is only a warning to Hugo; to a portal it
	// is a missing page.
	if strings.Contains(l.buf.String(), "found no layout file") {
		return fmt.Errorf("a page has no template in layouts/:\n%s", strings.TrimSpace(l.buf.String()))
	}
	return nil
}

// newSites creates Hugo's sites over the source and the generated layer.
// With watch, Hugo tracks what each page depends on, so that the sites can
// be built again with the files that changed (see Session).
func (h *Hugo) newSites(watch bool) (*hugolib.HugoSites, *hugoLog, error) {
	src := overlayfs.New(overlayfs.Options{Fss: []afero.Fs{h.Gen, afero.NewReadOnlyFs(h.SrcFs)}, FirstWritable: true})

	flags := config.New()
	flags.Set("workingDir", h.WorkingDir)
	flags.Set("publishDir", h.PublishDir)
	flags.Set("contentDir", h.GenDir+"/content")
	flags.Set("dataDir", h.GenDir+"/data")
	flags.Set("cacheDir", filepath.Join(h.WorkingDir, h.GenDir, "cache"))
	flags.Set("resourceDir", h.GenDir+"/resources")
	flags.Set("noBuildLock", true)
	if watch {
		// Watching, not running: "running" would make Hugo a server
		// (livereload script, hugo.IsServer), which the preview is not.
		flags.Set("internal", hmaps.Params{"watch": true, "running": false})
	}
	if h.BaseURL != "" {
		flags.Set("baseURL", h.BaseURL)
	}
	log := &hugoLog{}
	var w io.Writer = &log.buf
	if h.Log != nil {
		w = io.MultiWriter(&log.buf, h.Log)
	}
	log.logger = loggers.New(loggers.Options{StdOut: w, StdErr: w, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	cfgFile := filepath.Join(h.WorkingDir, ConfigFile)
	if ok, _ := afero.Exists(src, cfgFile); !ok {
		return nil, nil, fmt.Errorf("%s:1:1: missing Hugo configuration", ConfigFile)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:       src,
		Logger:   log.logger,
		Flags:    flags,
		Filename: cfgFile,
		Environ:  []string{"HUGO_ENV=production"},
	})
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", ConfigFile, err)
	}
	fs := hugofs.NewFromSourceAndDestination(src, h.DestFs, configs.LoadingInfo.Cfg)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: fs, LogLevel: logg.LevelWarn, StdErr: w, StdOut: w, TestLogger: log.logger})
	if err != nil {
		return nil, nil, err
	}
	return sites, log, nil
}
