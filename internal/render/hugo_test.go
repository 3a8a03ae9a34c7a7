package render

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"
)

// project is a small portal: its source (site.toml, layouts) and the
// generated pages, in memory.
type project struct {
	src, gen, dest afero.Fs
}

const genDir = "_gen"

func newProject(t *testing.T, files map[string]string, pages map[string]string) *project {
	t.Helper()
	p := &project{src: afero.NewMemMapFs(), gen: afero.NewMemMapFs(), dest: afero.NewMemMapFs()}
	for name, body := range files {
		if err := afero.WriteFile(p.src, filepath.Join("/src", name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for name, body := range pages {
		if err := afero.WriteFile(p.gen, filepath.Join("/src", genDir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

func (p *project) options(baseURL string) Options {
	return Options{SrcFs: p.src, WorkingDir: "/src", DestFs: p.dest, PublishDir: "/out", BaseURL: baseURL, Gen: p.gen, GenDir: genDir}
}

// build opens a session, generates nothing more and builds.
func (p *project) build(t *testing.T) error {
	t.Helper()
	s, err := Open(p.options(""))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	defer s.Close()
	return s.Build()
}

var (
	siteConfig = map[string]string{
		"site.toml": "baseURL = \"https://example.gov.vn/sub\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotstxt\", \"404\"]\n",
	}
	layouts = map[string]string{
		"layouts/home.html":        `<h1>{{ .Title }}</h1>{{ hugo.Data.d.word }}`,
		"layouts/note/single.html": `<p>{{ .Title }}</p>`,
	}
	pages = map[string]string{
		"content/_index.md":  "---\ntitle: Home\n---\n",
		"content/a.md":       "---\ntitle: A note\ntype: note\n---\n",
		"data/d.json":        `{"word": "xin chào"}`,
		"content/b/index.md": "---\ntitle: B note\ntype: note\n---\n",
	}
)

func merged(ms ...map[string]string) map[string]string {
	out := map[string]string{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// TestBuildRendersTheGeneratedPages is the counter-test of the two below:
// a portal whose every page has a template builds without an error, and
// its pages and data come from the generated layer.
func TestBuildRendersTheGeneratedPages(t *testing.T) {
	p := newProject(t, merged(siteConfig, layouts), pages)
	if err := p.build(t); err != nil {
		t.Fatalf("build: %v", err)
	}
	for name, want := range map[string]string{"/out/index.html": "xin chào", "/out/a/index.html": "A note", "/out/b/index.html": "B note"} {
		data, err := afero.ReadFile(p.dest, name)
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: %q, %v; want %q in it", name, data, err, want)
		}
	}
}

// TestMissingLayoutFailsTheBuild: a page with no template, which Hugo
// only warns of, fails the build, found by Hugo's count of warnings.
func TestMissingLayoutFailsTheBuild(t *testing.T) {
	p := newProject(t, merged(siteConfig, map[string]string{"layouts/home.html": layouts["layouts/home.html"]}), pages)
	err := p.build(t)
	var le *LogError
	if !errors.As(err, &le) || le.Warnings == 0 {
		t.Fatalf("a page without a template: %v, want a *LogError with warnings", err)
	}
	if le.Log == "" {
		t.Errorf("the error does not show what Hugo logged: %q", le.Log)
	}
}

// TestTemplateErrorHasItsPlace: a template that fails is a *TemplateError
// naming the file and line Hugo gives.
func TestTemplateErrorHasItsPlace(t *testing.T) {
	bad := map[string]string{"layouts/note/single.html": "<p>\n{{ .Title }}\n{{ index .Nothing 3 }}</p>"}
	p := newProject(t, merged(siteConfig, layouts, bad), pages)
	err := p.build(t)
	var te *TemplateError
	if !errors.As(err, &te) {
		t.Fatalf("a failing template: %v (%T), want a *TemplateError", err, err)
	}
	if !strings.HasSuffix(filepath.ToSlash(te.File), "layouts/note/single.html") || te.Line != 3 {
		t.Errorf("the error is placed at %s:%d, want layouts/note/single.html:3 (%v)", te.File, te.Line, err)
	}
}

// TestConfigIsLoadedOnce: the base URL the other stages use is the one
// Hugo renders with, from site.toml or given.
func TestConfigIsLoadedOnce(t *testing.T) {
	p := newProject(t, merged(siteConfig, layouts), pages)
	for given, want := range map[string]string{"": "https://example.gov.vn/sub/", "http://localhost:1313": "http://localhost:1313/"} {
		s, err := Open(p.options(given))
		if err != nil {
			t.Fatal(err)
		}
		if got := s.BaseURL(); got != want {
			t.Errorf("given %q: base URL %q, want %q", given, got, want)
		}
		if got := s.configs.Base.BaseURL; strings.TrimSuffix(got, "/") != strings.TrimSuffix(want, "/") {
			t.Errorf("given %q: Hugo renders for %q, the pages for %q", given, got, want)
		}
		s.Close()
	}
	if _, err := Open(Options{SrcFs: afero.NewMemMapFs(), WorkingDir: "/src", Gen: afero.NewMemMapFs(), GenDir: genDir}); err == nil || !strings.Contains(err.Error(), ConfigFile) {
		t.Errorf("no site.toml: %v, want an error naming %s", err, ConfigFile)
	}
}

// TestDeprecationIsShownNotFatal: what Hugo says of a deprecated function
// reaches Log, and does not fail the build (Hugo says it on its
// process-wide logger).
func TestDeprecationIsShownNotFatal(t *testing.T) {
	old := map[string]string{"layouts/home.html": `<h1>{{ .Title }}</h1>{{ site.Data.d.word }}`}
	p := newProject(t, merged(siteConfig, layouts, old), pages)
	var log strings.Builder
	o := p.options("")
	o.Log = &log
	s, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Build(); err != nil {
		t.Fatalf("a deprecation failed the build: %v", err)
	}
	if !strings.Contains(log.String(), "deprecated") {
		t.Errorf("the deprecation is not in the log: %q", log.String())
	}
}

// TestWatchedSessionBuildsAgain: a session opened with Watch keeps Hugo's
// sites and builds again with the changed files as events, the seam a
// preview server that keeps Hugo alive builds on.
func TestWatchedSessionBuildsAgain(t *testing.T) {
	p := newProject(t, merged(siteConfig, layouts), pages)
	o := p.options("")
	o.Watch = true
	s, err := Open(o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Build(); err != nil {
		t.Fatalf("first build: %v", err)
	}
	name := filepath.Join("/src", genDir, "content/a.md")
	if err := afero.WriteFile(p.gen, name, []byte("---\ntitle: A changed note\ntype: note\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := s.Build(fsnotify.Event{Name: name, Op: fsnotify.Write}); err != nil {
		t.Fatalf("second build: %v", err)
	}
	data, err := afero.ReadFile(p.dest, "/out/a/index.html")
	if err != nil || !strings.Contains(string(data), "A changed note") {
		t.Errorf("after the change: %q, %v", data, err)
	}
	// The counter-test: a session opened without Watch refuses to build twice.
	q := newProject(t, merged(siteConfig, layouts), pages)
	u, err := Open(q.options(""))
	if err != nil {
		t.Fatal(err)
	}
	defer u.Close()
	if err := u.Build(); err != nil {
		t.Fatal(err)
	}
	if err := u.Build(); err == nil {
		t.Error("a session without Watch built twice")
	}
}
