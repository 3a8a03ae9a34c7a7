// Package render is the Hugo driver: it has Hugo, used as a library,
// render the pages a build generated (laid over the portal's source
// folder) with the portal's layouts, and reports Hugo's errors and
// warnings, such as a page Hugo found no template for.
//
// A Session loads the portal's configuration (site.toml) once, when it is
// opened: the base URL the other stages need comes from it, and Hugo
// renders with it. Its Build makes Hugo's sites on the first call and
// keeps them until Close, so that a long-lived session (a preview server)
// can hand Hugo what changed and build again.
package render

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/bep/overlayfs"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/herrors"
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

// Options says what Hugo renders, from where and to where.
type Options struct {
	SrcFs      afero.Fs // the portal's source, read only
	WorkingDir string   // absolute path of the source folder in SrcFs
	DestFs     afero.Fs
	PublishDir string // absolute path in DestFs
	// BaseURL, if set, replaces the baseURL of site.toml.
	BaseURL string
	// Gen holds the generated pages, under WorkingDir/GenDir: content/
	// and data/ there are Hugo's content and data folders.
	Gen    afero.Fs
	GenDir string
	// Log receives Hugo's warnings and errors as Hugo words them; nil
	// discards them (they are in the errors Build returns all the same).
	Log io.Writer
	// Watch keeps Hugo's sites ready to be built again with the changes
	// given to Build (Hugo's watch mode), for a long-lived session.
	Watch bool
	// AfterRender, if set, is called once Hugo has rendered and before
	// its sites are released: the point of a build's peak memory, where a
	// profiler takes a heap profile.
	AfterRender func()
}

// Session is a portal's Hugo configuration, loaded once, and the Hugo
// sites made from it on the first Build.
type Session struct {
	o       Options
	fs      afero.Fs // the generated pages over the read-only source
	configs *allconfig.Configs
	// cfgLog is the logger of the configuration's loading; Hugo's sites
	// make their own, from the options of deps.DepsCfg.
	cfgLog  loggers.Logger
	log     bytes.Buffer // what Hugo logged, for the errors
	w       io.Writer
	sites   *hugolib.HugoSites
	baseURL string
}

// Open loads the portal's configuration, WorkingDir/site.toml, with the
// generated folders of o in place of Hugo's content and data folders.
func Open(o Options) (*Session, error) {
	s := &Session{o: o}
	s.w = &s.log
	if o.Log != nil {
		s.w = io.MultiWriter(&s.log, o.Log)
	}
	// Hugo keeps a mount only if its folder exists when the configuration
	// is loaded, which is before the pages are generated.
	for _, d := range []string{"content", "data"} {
		if err := o.Gen.MkdirAll(filepath.Join(o.WorkingDir, o.GenDir, d), 0o755); err != nil {
			return nil, err
		}
	}
	s.fs = overlayfs.New(overlayfs.Options{Fss: []afero.Fs{o.Gen, afero.NewReadOnlyFs(o.SrcFs)}, FirstWritable: true})

	flags := config.New()
	flags.Set("workingDir", o.WorkingDir)
	flags.Set("publishDir", o.PublishDir)
	flags.Set("contentDir", o.GenDir+"/content")
	flags.Set("dataDir", o.GenDir+"/data")
	flags.Set("cacheDir", filepath.Join(o.WorkingDir, o.GenDir, "cache"))
	flags.Set("resourceDir", o.GenDir+"/resources")
	flags.Set("noBuildLock", true)
	if o.BaseURL != "" {
		flags.Set("baseURL", o.BaseURL)
	}
	if o.Watch {
		flags.Set("internal", hmaps.Params{"watch": true})
	}
	cfgFile := filepath.Join(o.WorkingDir, ConfigFile)
	if ok, _ := afero.Exists(s.fs, cfgFile); !ok {
		return nil, fmt.Errorf("%s:1:1: missing Hugo configuration", ConfigFile)
	}
	s.cfgLog = loggers.New(loggers.Options{StdOut: s.w, StdErr: s.w, Level: logg.LevelWarn, DistinctLevel: logg.LevelWarn})
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Fs:       s.fs,
		Logger:   s.cfgLog,
		Flags:    flags,
		Filename: cfgFile,
		Environ:  []string{"HUGO_ENV=production"},
	})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", ConfigFile, err)
	}
	s.configs = configs
	s.baseURL = configs.Base.BaseURL
	if !strings.HasSuffix(s.baseURL, "/") {
		s.baseURL += "/"
	}
	return s, nil
}

// BaseURL is the address the site is built for, ending in a slash: the
// one given in the options, else site.toml's ("/" when it has none).
func (s *Session) BaseURL() string { return s.baseURL }

// Build has Hugo render the site. The first call makes Hugo's sites from
// the configuration; a session opened with Watch may call it again with
// the changed files as events. It returns a *TemplateError when a template
// fails at a place Hugo names, a *LogError when Hugo logged errors or
// warnings (a page with no template is one of Hugo's warnings), or Hugo's
// error.
func (s *Session) Build(events ...fsnotify.Event) error {
	if s.sites == nil {
		fs := hugofs.NewFromSourceAndDestination(s.fs, s.o.DestFs, s.configs.LoadingInfo.Cfg)
		sites, err := hugolib.NewHugoSites(deps.DepsCfg{Configs: s.configs, Fs: fs, LogLevel: logg.LevelWarn, StdErr: s.w, StdOut: s.w})
		if err != nil {
			return err
		}
		s.sites = sites
	} else {
		s.sites.Log.Reset()
		s.cfgLog.Reset()
		s.log.Reset()
	}
	if err := s.sites.Build(hugolib.BuildCfg{}, events...); err != nil {
		return templateError(err)
	}
	if s.o.AfterRender != nil {
		s.o.AfterRender()
	}
	return s.logged()
}

// logged returns a *LogError when Hugo logged errors, or its sites
// warnings, since the last build. The warnings of the configuration's
// logger are shown in Log but do not fail a build: Hugo also makes it the
// process's logger, where it says which functions it has deprecated, and
// in a process with several builds (serve, tests) the count could be
// another build's.
func (s *Session) logged() error {
	e := &LogError{
		Errors:   s.cfgLog.LoggCount(logg.LevelError) + s.sites.Log.LoggCount(logg.LevelError),
		Warnings: s.sites.Log.LoggCount(logg.LevelWarn),
	}
	if e.Errors == 0 && e.Warnings == 0 {
		return nil
	}
	e.Log = strings.TrimSpace(s.log.String())
	return e
}

// Close releases Hugo's sites.
func (s *Session) Close() {
	if s.sites != nil {
		s.sites.Close()
		s.sites = nil
	}
}

// LogError is a build in which Hugo logged errors, or its sites warnings.
// To a portal, whose templates are its own, a warning of the sites is as
// wrong as an error: Hugo warns of a page it found no template for, which
// would be missing from the site.
type LogError struct {
	Errors, Warnings int
	// Log is what Hugo logged, as Hugo words it.
	Log string
}

func (e *LogError) Error() string {
	return fmt.Sprintf("Hugo logged %d errors and %d warnings (a page with no template in layouts/ is a warning):\n%s", e.Errors, e.Warnings, e.Log)
}

// TemplateError is a template or a content file that Hugo could not
// render, at a place in a file.
type TemplateError struct {
	// File, Line and Column are where Hugo found the error.
	File         string
	Line, Column int
	Err          error
}

func (e *TemplateError) Error() string { return e.Err.Error() }
func (e *TemplateError) Unwrap() error { return e.Err }

// templateError returns Hugo's build error err as a *TemplateError when
// it carries a place in a file (herrors.FileError), else err.
func templateError(err error) error {
	var te *TemplateError
	// Hugo joins the errors of its pages; each names where it failed,
	// the innermost most precisely (the template rather than the page).
	for _, fe := range herrors.UnwrapFileErrors(err) {
		if pos := fe.Position(); pos.Filename != "" && pos.LineNumber > 0 {
			te = &TemplateError{File: pos.Filename, Line: pos.LineNumber, Column: pos.ColumnNumber, Err: err}
		}
	}
	if te == nil {
		return err
	}
	return te
}
