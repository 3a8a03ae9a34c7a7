package site

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// genDir is where the generated pages and data live, inside the in-memory
// layer laid over the source folder. Nothing is ever written to the source
// folder itself.
const genDir = "_minhbach"

// ConfigFile is the Hugo configuration file of a portal.
const ConfigFile = "site.toml"

// AfterRender, if set, is called once Hugo has rendered a build and before
// its sites are released: the point of a build's peak memory, where a
// profiler takes a heap profile.
var AfterRender func()

// hugoRun is one Hugo build of generated files over a source folder.
type hugoRun struct {
	srcFs      afero.Fs // the portal's source, read only
	workingDir string   // absolute path of the source folder in srcFs
	destFs     afero.Fs
	publishDir string // absolute path in destFs
	baseURL    string
	gen        afero.Fs // the generated pages, under workingDir/genDir
	log        io.Writer
}

// run builds the site with Hugo and returns Hugo's error, if any.
func (h *hugoRun) run() (err error) {
	src := overlayfs.New(overlayfs.Options{Fss: []afero.Fs{h.gen, afero.NewReadOnlyFs(h.srcFs)}, FirstWritable: true})

	flags := config.New()
	flags.Set("workingDir", h.workingDir)
	flags.Set("publishDir", h.publishDir)
	flags.Set("contentDir", genDir+"/content")
	flags.Set("dataDir", genDir+"/data")
	flags.Set("cacheDir", filepath.Join(h.workingDir, genDir, "cache"))
	flags.Set("resourceDir", genDir+"/resources")
	flags.Set("noBuildLock", true)
	if h.baseURL != "" {
		flags.Set("baseURL", h.baseURL)
	}
	var logBuf bytes.Buffer
	var w io.Writer = &logBuf
	if h.log != nil {
		w = io.MultiWriter(&logBuf, h.log)
	}
	logger := loggers.New(loggers.Options{StdOut: w, StdErr: w, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	cfgFile := filepath.Join(h.workingDir, ConfigFile)
	if ok, _ := afero.Exists(src, cfgFile); !ok {
		return fmt.Errorf("%s:1:1: missing Hugo configuration", ConfigFile)
	}
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:       src,
		Logger:   logger,
		Flags:    flags,
		Filename: cfgFile,
		Environ:  []string{"HUGO_ENV=production"},
	})
	if err != nil {
		return fmt.Errorf("%s: %w", ConfigFile, err)
	}
	fs := hugofs.NewFromSourceAndDestination(src, h.destFs, configs.LoadingInfo.Cfg)
	sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: configs, Fs: fs, LogLevel: logg.LevelWarn, StdErr: w, StdOut: w, TestLogger: logger})
	if err != nil {
		return err
	}
	defer sites.Close()
	if err := sites.Build(hugolib.BuildCfg{}); err != nil {
		return err
	}
	if AfterRender != nil {
		AfterRender()
	}
	if n := logger.LoggCount(logg.LevelError); n > 0 {
		return fmt.Errorf("hugo reported %d errors:\n%s", n, strings.TrimSpace(logBuf.String()))
	}
	// A page without a template is only a warning to Hugo; to a portal it
	// is a missing page.
	if strings.Contains(logBuf.String(), "found no layout file") {
		return fmt.Errorf("a page has no template in layouts/:\n%s", strings.TrimSpace(logBuf.String()))
	}
	return nil
}
