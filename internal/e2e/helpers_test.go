package e2e

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/minhbach/minhbach/internal/site"
)

// repoRoot is the portal the tests build: this repository.
const repoRoot = "../.."

// subPath is the folder under which the second build is served.
const subPath = "/minhbach/"

// pageType is one kind of page of the portal, by its Vietnamese URL path
// relative to the root of a language.
type pageType struct {
	name string
	path string
	// status says that the page shows statuses, so a visible .status
	// element with text is required.
	status bool
}

// pageTypes lists one page of each type. The English pages have the same
// paths under en/.
var pageTypes = []pageType{
	{"home", "", true},
	{"task", "nhiem-vu/sap-xep-don-vi-cap-xa/", true},
	{"agency", "co-quan/so-noi-vu/", true},
	{"group", "co-quan/ubnd-cac-huyen-thanh-pho/", true},
	{"periods", "ky-bao-cao/", true},
	{"period", "ky-bao-cao/2019-H1/", true},
	{"report", "ky-bao-cao/2019-H1/so-noi-vu/", false},
	{"plan", "ke-hoach/", false},
	{"timeline", "tien-do/", true},
	{"search", "tim-kiem/", false},
	{"opendata", "du-lieu/", false},
	{"404", "404.html", false},
	{"method", "cach-tinh-trang-thai/", true},
	{"status", "trang-thai/qua-han/", true},
	{"kind", "loai-co-quan/huyen/", true},
	{"summary", "ky-bao-cao/2019-H1/tong-hop/", true},
}

// languages are the prefixes of the two language versions.
var languages = []struct{ code, prefix string }{
	{"vi", ""},
	{"en", "en/"},
}

// builtSite is one build of the portal, served over HTTP on the loopback
// interface (or not served, for the relative-link build).
type builtSite struct {
	name   string // "root", "sub-path", "relative"
	dir    string // the output folder
	base   string // the base URL, with a trailing slash
	origin string // scheme://host:port of base
	prefix string // the path of base: "/" or "/minhbach/"
	srv    *http.Server
}

// url returns the address of the page at p, a path relative to the site.
func (s *builtSite) url(p string) string { return s.base + p }

var (
	tmpRoot  string
	buildMu  sync.Mutex // Hugo builds run one at a time
	sitesMu  sync.Mutex
	sites    = map[string]*builtSite{}
	siteErrs = map[string]error{}
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "minhbach-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(2)
	}
	tmpRoot = dir
	code := m.Run()
	sitesMu.Lock()
	for _, s := range sites {
		if s.srv != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			_ = s.srv.Shutdown(ctx)
			cancel()
		}
	}
	sitesMu.Unlock()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// rootSite is the portal built for http://127.0.0.1:<port>/ and served there.
func rootSite(t testing.TB) *builtSite { return getSite(t, "root") }

// subPathSite is the portal built for http://127.0.0.1:<port>/minhbach/ and
// served under /minhbach/ only: anything else on that server is a 404.
func subPathSite(t testing.TB) *builtSite { return getSite(t, "sub-path") }

// getSite builds (once per test binary) and returns the named build.
func getSite(t testing.TB, name string) *builtSite {
	t.Helper()
	sitesMu.Lock()
	defer sitesMu.Unlock()
	if s, ok := sites[name]; ok {
		return s
	}
	if err, ok := siteErrs[name]; ok {
		t.Fatalf("the %s build failed earlier: %v", name, err)
	}
	var s *builtSite
	var err error
	switch name {
	case "root":
		s, err = buildAndServe(name, repoRoot, "/")
	case "sub-path":
		s, err = buildAndServe(name, repoRoot, subPath)
	case "long-words":
		var src string
		if src, err = longWordPortal(); err == nil {
			s, err = buildAndServe(name, src, "/")
		}
	case "relative":
		// As `minhbach build --relative` does: the base URL of site.toml.
		var base *url.URL
		base, err = configBaseURL()
		if err == nil {
			s = &builtSite{name: name, dir: filepath.Join(tmpRoot, name), base: base.String(), origin: base.Scheme + "://" + base.Host, prefix: base.Path}
			err = buildInto(repoRoot, s.dir, "", true)
		}
	default:
		err = fmt.Errorf("no build named %q", name)
	}
	if err != nil {
		siteErrs[name] = err
		t.Fatalf("building the portal (%s): %v", name, err)
	}
	sites[name] = s
	if s.srv != nil {
		t.Logf("%s build: %s served at %s", name, s.dir, s.base)
	} else {
		t.Logf("%s build: %s (base URL %s, relative links)", name, s.dir, s.base)
	}
	return s
}

// configBaseURL reads baseURL from the portal's site.toml.
func configBaseURL() (*url.URL, error) {
	b, err := os.ReadFile(filepath.Join(repoRoot, "site.toml"))
	if err != nil {
		return nil, err
	}
	m := regexp.MustCompile(`(?m)^\s*baseURL\s*=\s*"([^"]+)"`).FindSubmatch(b)
	if m == nil {
		return nil, errors.New("site.toml has no baseURL")
	}
	u, err := url.Parse(string(m[1]))
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

func buildInto(source, dir, baseURL string, relative bool) error {
	buildMu.Lock()
	defer buildMu.Unlock()
	res, err := site.Build(site.Options{Source: source, Dest: dir, BaseURL: baseURL, Relative: relative})
	if err != nil {
		return err
	}
	if res.Pages == 0 {
		return errors.New("the build wrote no page")
	}
	return nil
}

// buildAndServe listens on a free loopback port, builds the portal in
// source for that address under prefix, and serves it.
func buildAndServe(name, source, prefix string) (*builtSite, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	origin := "http://" + ln.Addr().String()
	s := &builtSite{name: name, dir: filepath.Join(tmpRoot, name), base: origin + prefix, origin: origin, prefix: prefix}
	if err := buildInto(source, s.dir, s.base, false); err != nil {
		ln.Close()
		return nil, err
	}
	var h http.Handler = staticSite{dir: s.dir}
	if prefix != "/" {
		mux := http.NewServeMux()
		mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), h))
		h = mux
	}
	s.srv = &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// staticSite serves a built site as a static host does: a folder URL serves
// its index.html, a folder without the trailing slash redirects to it, and a
// missing file gets the 404 page of its language with the status 404.
type staticSite struct{ dir string }

func (s staticSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := path.Clean("/" + r.URL.Path)
	full := filepath.Join(s.dir, filepath.FromSlash(p))
	fi, err := os.Stat(full)
	if err == nil && fi.IsDir() {
		if !strings.HasSuffix(r.URL.Path, "/") {
			// A relative Location keeps working behind StripPrefix.
			loc := path.Base(p) + "/"
			if r.URL.RawQuery != "" {
				loc += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", loc)
			w.WriteHeader(http.StatusMovedPermanently)
			return
		}
		full = filepath.Join(full, "index.html")
		fi, err = os.Stat(full)
	}
	if err != nil || fi.IsDir() {
		s.notFound(w, p)
		return
	}
	f, err := os.Open(full)
	if err != nil {
		s.notFound(w, p)
		return
	}
	defer f.Close()
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, full, fi.ModTime(), f)
}

func (s staticSite) notFound(w http.ResponseWriter, p string) {
	page := "404.html"
	if p == "/en" || strings.HasPrefix(p, "/en/") {
		if _, err := os.Stat(filepath.Join(s.dir, "en", "404.html")); err == nil {
			page = "en/404.html"
		}
	}
	b, err := os.ReadFile(filepath.Join(s.dir, filepath.FromSlash(page)))
	if err != nil {
		http.Error(w, "404 page not found (and the site has no 404.html)", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	_, _ = w.Write(b)
}

// missingTool fails the test on CI and skips it elsewhere.
func missingTool(t testing.TB, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (CI=true: the browser tests must run on CI, so this is a failure, not a skip)", msg)
	}
	t.Skip(msg)
}

// installHint says how to get what the browser tests need.
const installHint = "install the browser with `apt-get install -y chromium fonts-noto-core` (Debian/Ubuntu) and axe-core with `npm ci` in the repository root, or set MINHBACH_CHROMIUM to a Chromium/Chrome binary"

// chromiumPath finds the browser, or returns "".
func chromiumPath() string {
	if p := os.Getenv("MINHBACH_CHROMIUM"); p != "" {
		if found, err := exec.LookPath(p); err == nil {
			return found
		}
		return ""
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if found, err := exec.LookPath(name); err == nil {
			return found
		}
	}
	return ""
}

var (
	axeOnce sync.Once
	axeSrc  string
	axeErr  error
)

// axeSource returns axe.min.js from node_modules (installed by npm ci).
func axeSource(t testing.TB) string {
	t.Helper()
	axeOnce.Do(func() {
		var b []byte
		b, axeErr = os.ReadFile(filepath.Join(repoRoot, "node_modules", "axe-core", "axe.min.js"))
		axeSrc = string(b)
	})
	if axeErr != nil {
		missingTool(t, fmt.Sprintf("axe-core is not installed (%v): %s", axeErr, installHint))
	}
	return axeSrc
}

// newBrowser starts a headless Chromium with a fresh profile for the test and
// returns its context; each page then opens in a tab of its own (openPage).
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := chromiumPath()
	if exe == "" {
		missingTool(t, "Chromium was not found: "+installHint)
	}
	profile := t.TempDir()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("disable-features", "Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater"),
		chromedp.Flag("lang", "vi-VN"),
		chromedp.WindowSize(1280, 900),
		chromedp.UserDataDir(profile),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	startCtx, cancelStart := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancelStart()
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("starting %s: %v", exe, err)
		}
	case <-startCtx.Done():
		t.Fatalf("starting %s: no answer in 60s", exe)
	}
	return ctx
}

// recorder keeps what a tab did: every request, the failures, the console
// errors and uncaught exceptions.
type recorder struct {
	mu         sync.Mutex
	urls       map[network.RequestID]string
	inflight   map[network.RequestID]bool
	errored    map[network.RequestID]bool // answered with a status >= 400
	requests   []string
	failed     []string
	httpErrors []httpError
	console    []string
	last       time.Time // time of the latest network event
}

type httpError struct {
	url    string
	status int64
}

func newRecorder() *recorder {
	return &recorder{urls: map[network.RequestID]string{}, inflight: map[network.RequestID]bool{}, errored: map[network.RequestID]bool{}, last: time.Now()}
}

func (r *recorder) handle(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, remoteString(a))
			}
			r.console = append(r.console, "console.error: "+strings.Join(parts, " ")+stackHint(ev.StackTrace))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.console = append(r.console, fmt.Sprintf("uncaught exception: %s (%s:%d:%d)", msg, d.URL, d.LineNumber+1, d.ColumnNumber+1))
	case *log.EventEntryAdded:
		if ev.Entry != nil && ev.Entry.Level == log.EntryLevelError {
			e := ev.Entry
			msg := fmt.Sprintf("log [%s] %s", e.Source, e.Text)
			if e.URL != "" {
				msg += " (" + e.URL + ")"
			}
			r.console = append(r.console, msg)
		}
	case *network.EventRequestWillBeSent:
		if ev.Request != nil {
			u := ev.Request.URL
			if ev.Request.URLFragment != "" {
				u += ev.Request.URLFragment
			}
			r.requests = append(r.requests, u)
			r.urls[ev.RequestID] = ev.Request.URL
			r.inflight[ev.RequestID] = true
		}
		r.last = time.Now()
	case *network.EventResponseReceived:
		if ev.Response != nil && ev.Response.Status >= 400 {
			r.httpErrors = append(r.httpErrors, httpError{ev.Response.URL, ev.Response.Status})
			r.errored[ev.RequestID] = true
		}
		r.last = time.Now()
	case *network.EventLoadingFinished:
		delete(r.inflight, ev.RequestID)
		r.last = time.Now()
	case *network.EventLoadingFailed:
		delete(r.inflight, ev.RequestID)
		r.last = time.Now()
		if r.errored[ev.RequestID] && ev.ErrorText == "net::ERR_ABORTED" {
			return // the HTTP error of this request is recorded already
		}
		msg := fmt.Sprintf("%s: %s", r.urls[ev.RequestID], ev.ErrorText)
		if ev.BlockedReason != "" {
			msg += " (blocked: " + string(ev.BlockedReason) + ")"
		}
		if ev.Canceled {
			msg += " (canceled)"
		}
		r.failed = append(r.failed, msg)
	}
}

func remoteString(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if len(o.Value) > 0 {
		return strings.Trim(string(o.Value), `"`)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

func stackHint(st *runtime.StackTrace) string {
	if st == nil || len(st.CallFrames) == 0 {
		return ""
	}
	f := st.CallFrames[0]
	return fmt.Sprintf(" (%s:%d:%d)", f.URL, f.LineNumber+1, f.ColumnNumber+1)
}

// settle waits until no request has been in flight for a moment (at most
// max), so that late requests and errors, such as a search index fetched
// after the load event, are recorded.
func (r *recorder) settle(max time.Duration) {
	deadline := time.Now().Add(max)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		quiet := len(r.inflight) == 0 && time.Since(r.last) > 300*time.Millisecond
		r.mu.Unlock()
		if quiet {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// problems lists what went wrong in the tab: console errors, failed requests,
// HTTP errors other than allowed (the deliberate 404 of the document), and
// requests that leave the site (anything not under within, and not data:).
func (r *recorder) problems(within string, allowed map[string]int64) (console, failed, offsite []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range r.console {
		// The browser logs the deliberate 404 of the document itself.
		skip := false
		for u := range allowed {
			if strings.Contains(c, "status of 404") && strings.Contains(c, u) {
				skip = true
			}
		}
		if !skip {
			console = append(console, c)
		}
	}
	failed = append(failed, r.failed...)
	for _, e := range r.httpErrors {
		if allowed[e.url] == e.status {
			continue
		}
		failed = append(failed, fmt.Sprintf("%s: HTTP %d", e.url, e.status))
	}
	for _, u := range r.requests {
		if strings.HasPrefix(u, within) || strings.HasPrefix(u, "data:") {
			continue
		}
		offsite = append(offsite, u)
	}
	return
}

// tab is one page opened in the browser.
type tab struct {
	ctx  context.Context
	rec  *recorder
	url  string
	resp *network.Response
}

// openPage opens url in a new tab of the browser with a viewport width px
// wide (mobile emulation below 600 px) and waits for the load event.
func openPage(t *testing.T, browser context.Context, url string, width int64) *tab {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser)
	t.Cleanup(cancel)
	rec := newRecorder()
	if err := chromedp.Listen(ctx, rec.handle); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if err := chromedp.Do(ctx, viewport(width)); err != nil {
		t.Fatalf("setting the viewport: %v", err)
	}
	nctx, ncancel := context.WithTimeout(ctx, 30*time.Second)
	defer ncancel()
	resp, err := chromedp.RunResponse(nctx, chromedp.Navigate(url))
	if err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	return &tab{ctx: ctx, rec: rec, url: url, resp: resp}
}

// viewport emulates a window width px wide: a phone below 600 px.
func viewport(width int64) chromedp.Action[chromedp.Void] {
	if width < 600 {
		return chromedp.EmulateViewport(width, 812, chromedp.EmulateMobile, chromedp.EmulatePortrait)
	}
	return chromedp.EmulateViewport(width, 900)
}

// resize changes the viewport of a loaded page and waits for the new layout.
func resize(t *testing.T, tb *tab, width int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, viewport(width)); err != nil {
		t.Fatalf("setting the viewport of %s to %d px: %v", tb.url, width, err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatalf("waiting for the layout of %s: %v", tb.url, err)
	}
}

// eval evaluates a JavaScript expression in the tab and decodes its value.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluating in %s: %v\n%s", tb.url, err, shorten(expr, 200))
	}
	return v
}

// waitFor evaluates cond (a JavaScript expression) until it is true, for at
// most d. It polls from Go: chromedp.Poll compiles its predicate with
// new Function, which the portal's Content-Security-Policy forbids.
func waitFor(t *testing.T, tb *tab, cond string, d time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(d)
	for {
		ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+cond+")"))
		cancel()
		if err != nil {
			t.Fatalf("evaluating in %s: %v", tb.url, err)
		}
		if ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// screenshotDir is the folder for screenshots: $MINHBACH_SCREENSHOTS, or
// testdata/screenshots at the repository root.
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MINHBACH_SCREENSHOTS")
	if dir == "" {
		dir = filepath.Join(repoRoot, "testdata", "screenshots")
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(abs, 0o755); err != nil {
		t.Fatal(err)
	}
	return abs
}
