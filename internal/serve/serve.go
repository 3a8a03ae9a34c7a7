// Package serve previews a portal on localhost while staff edit it: it
// builds the site, serves it, watches the source folders, and tells the
// open browser pages to reload after every change. The build is kept
// alive (site.Session): an edit of the data or of a report is handed to it
// and only the pages and files it changes are made again, the edited
// report's pages first; any other change builds the site from scratch. A
// build that fails leaves the last good site served, with the error shown
// on every page and in the terminal, until the data is fixed.
//
// Reloading uses Server-Sent Events and a small same-origin script
// (/__minhbach/reload.js) rather than Hugo's livereload package: Hugo's
// needs a WebSocket endpoint and an inline or injected script of its own,
// while an EventSource fits the portal's Content-Security-Policy
// (script-src 'self') with a dozen lines.
//
// The preview answers only requests for its own address: the Host must be
// 127.0.0.1, localhost or [::1] with the server's port (or a host allowed
// with Options.AllowHosts), and the Origin, when present, that same origin.
// Anything else gets 403, so that no other web page can read the preview
// (and its drafts) by DNS rebinding or from another origin.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/site"
)

// Watched are the parts of a portal whose changes trigger a rebuild.
var Watched = []string{"data", "content", "layouts", "static", "i18n", "site.toml"}

// Options configures a preview server.
type Options struct {
	// Build is how to build; Dest is ignored (the preview builds into
	// temporary folders) and BaseURL is set to the server's address.
	Build site.Options
	// Addr is the address to listen on, such as 127.0.0.1:1313.
	Addr string
	// Log receives one line per build: what was built or what is wrong.
	Log io.Writer
	// Describe turns a build error into the text shown to the user.
	Describe func(error) string
	// Summary turns a successful build into a one-line summary.
	Summary func(*site.Result) string
	// Updated, if set, turns a successful update (an edit handed to the
	// build kept alive) into a one-line summary; else Summary is used.
	Updated func(*site.Update) string
	// Debounce is how long to wait for more changes before rebuilding.
	Debounce time.Duration
	// AllowHosts are host names or IP addresses, besides 127.0.0.1,
	// localhost and [::1], under which the preview answers (with its port),
	// for a reviewer on the local network; see HostName. Addr must then
	// listen on an address that network reaches, such as ":1313".
	AllowHosts []string
}

// Server is a running preview.
type Server struct {
	opt      Options
	listener net.Listener
	http     *http.Server
	tmp      string

	port  int
	hosts map[string]bool // the Host values answered, lower case

	mu      sync.RWMutex
	current string // folder of the last good build
	lastErr string // the last build's error, "" when it succeeded
	gen     int    // build generation, for reloads
	subs    map[chan int]struct{}

	// files is held for reading while a file of the current folder is
	// served, and for writing while an update changes that folder in
	// place: a request never reads a half-updated site.
	files sync.RWMutex
	// session is the build kept alive, which an edit of the data or of a
	// report updates in place; nil when the last build failed. Only the
	// watching goroutine (and Start) use it.
	session *site.Session
	// pending are the first folders (data, content, …) of the paths
	// changed since the last build; full is set when the next build must
	// be made from scratch (the last one from scratch failed).
	pending map[string]bool
	changed map[string]bool // the paths changed, from the source, with slashes
	full    bool
	// building is held while a build runs, and by Close, which waits for
	// it; closed is then set and no build starts.
	building sync.Mutex
	closed   bool
}

// Start builds the site once and starts serving it and watching the source.
// The first build must succeed unless the data is wrong, in which case the
// server still starts and shows the error until it is fixed.
func Start(ctx context.Context, opt Options) (*Server, error) {
	if opt.Debounce == 0 {
		opt.Debounce = 150 * time.Millisecond
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	ln, err := net.Listen("tcp", opt.Addr)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "minhbach-serve-")
	if err != nil {
		ln.Close()
		return nil, err
	}
	s := &Server{opt: opt, listener: ln, tmp: tmp, subs: map[chan int]struct{}{}}
	s.port = ln.Addr().(*net.TCPAddr).Port
	s.hosts = map[string]bool{}
	for _, h := range append([]string{"127.0.0.1", "localhost", "[::1]"}, opt.AllowHosts...) {
		name, err := HostName(h)
		if err != nil {
			ln.Close()
			os.RemoveAll(tmp)
			return nil, err
		}
		s.hosts[name+":"+strconv.Itoa(s.port)] = true
		if s.port == 80 {
			s.hosts[name] = true // browsers leave out the default port
		}
	}
	s.opt.Build.BaseURL = s.URL()
	s.rebuild()
	watcher, err := fsnotify.NewWatcher()
	if err != nil {
		s.Close()
		return nil, err
	}
	src := opt.Build.Source
	if src == "" {
		src = "."
	}
	for _, w := range Watched {
		addTree(watcher, filepath.Join(src, w))
	}
	addDir(watcher, src) // site.toml, and folders created later
	go s.watch(ctx, watcher)
	s.http = &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = s.http.Serve(ln) }()
	return s, nil
}

// URL is the address of the preview on this computer.
func (s *Server) URL() string { return s.HostURL("127.0.0.1") }

// HostURL is the address of the preview under the host name host (one of
// Options.AllowHosts, or a loopback name).
func (s *Server) HostURL(host string) string {
	name, err := HostName(host)
	if err != nil {
		name = host
	}
	return "http://" + name + ":" + strconv.Itoa(s.port) + "/"
}

// HostName checks a host name or IP address given for Options.AllowHosts
// and returns it as it appears in a Host header, without the port: lower
// case, an IPv6 address in brackets. A scheme, a port, a path or an empty
// name is an error.
func HostName(h string) (string, error) {
	h = strings.ToLower(strings.TrimSpace(h))
	if ip := net.ParseIP(strings.Trim(h, "[]")); ip != nil {
		if ip.To4() == nil {
			return "[" + ip.String() + "]", nil
		}
		return ip.String(), nil
	}
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return "", fmt.Errorf("%q is not a host name", h)
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || strings.HasPrefix(label, "-") || strings.HasSuffix(label, "-") {
			return "", fmt.Errorf("%q is not a host name", h)
		}
		for _, c := range label {
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
				return "", fmt.Errorf("%q is not a host name", h)
			}
		}
	}
	return h, nil
}

// allowed reports whether a request is for this preview: its Host is the
// printed address (or an allowed host) with the server's port, and its
// Origin, when the browser sends one, is that same origin. This shuts out
// DNS rebinding, where a web page the reviewer visits gets its own name to
// resolve to 127.0.0.1 and reads the preview (and, with --drafts, the
// unapproved reports) through it, and pages of other origins that call the
// preview. It returns a short explanation when it refuses.
func (s *Server) allowed(r *http.Request) (bool, string) {
	host := strings.ToLower(r.Host)
	if !s.hosts[host] {
		return false, "serve.forbiddenHost"
	}
	if o := r.Header.Get("Origin"); o != "" && !strings.EqualFold(o, "http://"+host) {
		return false, "serve.forbiddenOrigin"
	}
	return true, ""
}

// forbid answers 403 with a short explanation in Vietnamese, then English.
func (s *Server) forbid(w http.ResponseWriter, r *http.Request, key string) {
	arg := r.Host
	if key == "serve.forbiddenOrigin" {
		arg = r.Header.Get("Origin")
	}
	text := msg.Get(msg.VI, key, arg, s.URL()) + "\n" + msg.Get(msg.EN, key, arg, s.URL()) + "\n"
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusForbidden)
	io.WriteString(w, text)
}

// Close stops serving and removes the temporary builds.
func (s *Server) Close() error {
	if s.http != nil {
		_ = s.http.Close()
	} else {
		_ = s.listener.Close()
	}
	s.building.Lock()
	s.closed = true
	s.files.Lock()
	if s.session != nil {
		s.session.Close()
		s.session = nil
	}
	s.files.Unlock()
	s.building.Unlock()
	return os.RemoveAll(s.tmp)
}

func addDir(w *fsnotify.Watcher, dir string) {
	if info, err := os.Stat(dir); err == nil && info.IsDir() {
		_ = w.Add(dir)
	}
}

func addTree(w *fsnotify.Watcher, root string) {
	_ = filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() {
			_ = w.Add(p)
		}
		return nil
	})
}

func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	defer w.Close()
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Op&fsnotify.Create != 0 {
				addTree(w, ev.Name) // a new folder: watch inside it too
			}
			if first, ok := s.relevant(ev.Name); ok {
				if s.pending == nil {
					s.pending = map[string]bool{}
				}
				s.pending[first] = true
				if s.changed == nil {
					s.changed = map[string]bool{}
				}
				s.changed[s.rel(ev.Name)] = true
				timer = time.After(s.opt.Debounce)
			}
		case <-w.Errors:
		case <-timer:
			timer = nil
			s.rebuild()
		}
	}
}

// relevant reports whether a changed path is part of the portal's source,
// ignoring editors' temporary files, and returns the part (one of Watched).
func (s *Server) relevant(p string) (string, bool) {
	base := filepath.Base(p)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasSuffix(base, ".swp") {
		return "", false
	}
	src, _ := filepath.Abs(orDot(s.opt.Build.Source))
	abs, _ := filepath.Abs(p)
	rel, err := filepath.Rel(src, abs)
	if err != nil {
		return "", false
	}
	first := strings.Split(filepath.ToSlash(rel), "/")[0]
	for _, w := range Watched {
		if first == w {
			return first, true
		}
	}
	return "", false
}

// rel is a path from the source folder, with slashes.
func (s *Server) rel(p string) string {
	src, _ := filepath.Abs(orDot(s.opt.Build.Source))
	abs, _ := filepath.Abs(p)
	rel, err := filepath.Rel(src, abs)
	if err != nil {
		return ""
	}
	return filepath.ToSlash(rel)
}

// Incremental are the parts of a portal whose changes are handed to the
// build kept alive; a change anywhere else (templates, static files,
// translations, site.toml) builds the site again from scratch.
var Incremental = map[string]bool{"data": true, "content": true}

func orDot(s string) string {
	if s == "" {
		return "."
	}
	return s
}

// rebuild brings the preview up to date with the source: a change of the
// data or the reports only is handed to the build kept alive, which
// renders again the pages it touches, in place; any other change (or the
// first build, or one after a failure) builds a new folder from scratch
// and serves it once it is done.
func (s *Server) rebuild() {
	s.building.Lock()
	defer s.building.Unlock()
	if s.closed {
		return
	}
	incremental := s.session != nil && s.session.Broken() == nil && !s.full && len(s.pending) > 0
	for part := range s.pending {
		if !Incremental[part] {
			incremental = false
		}
	}
	var reports []string
	for p := range s.changed {
		if strings.HasPrefix(p, "content/") && strings.HasSuffix(p, ".md") {
			reports = append(reports, p)
		}
	}
	sort.Strings(reports)
	s.pending, s.changed = nil, nil
	if incremental && s.update(reports) {
		return
	}
	s.mu.RLock()
	gen := s.gen + 1
	s.mu.RUnlock()
	dest := filepath.Join(s.tmp, fmt.Sprintf("build-%d", gen))
	o := s.opt.Build
	o.Dest = dest
	start := time.Now()
	sess, up, err := site.Open(o)
	var res *site.Result
	if err == nil {
		res = &up.Result
		res.Duration = time.Since(start)
	}
	var old *site.Session
	if err == nil {
		old, s.session = s.session, sess
	}
	s.full = err != nil
	s.finish(gen, dest, res, err, "")
	if old != nil {
		// Give responses being written from the old build a moment.
		go func() { time.Sleep(2 * time.Second); old.Close() }()
	}
}

// update hands the changed data and reports to the build kept alive. It
// returns false, having changed nothing, when the change is one the
// session does not take (a page is gone: see site.ErrRebuild).
func (s *Server) update(reports []string) bool {
	up, err := s.session.UpdateReports(&s.files, reports, s.reload)
	s.mu.RLock()
	gen, dir := s.gen+1, s.current
	s.mu.RUnlock()
	if errors.Is(err, site.ErrRebuild) {
		return false
	}
	var res *site.Result
	summary := ""
	if err == nil {
		res = &up.Result
		if s.opt.Updated != nil {
			summary = s.opt.Updated(up)
		}
	}
	s.finish(gen, dir, res, err, summary)
	return true
}

// reload tells the open pages to reload: the pages of the reports being
// edited are up to date (the rest of the site follows, and reloads again).
func (s *Server) reload() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gen++
	s.lastErr = ""
	for ch := range s.subs {
		select {
		case ch <- s.gen:
		default:
		}
	}
}

// finish records the outcome of a build of generation gen into dir and
// tells the open pages to reload.
func (s *Server) finish(gen int, dir string, res *site.Result, err error, summary string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		text := err.Error()
		if s.opt.Describe != nil {
			text = s.opt.Describe(err)
		}
		s.lastErr = text
		fmt.Fprintln(s.opt.Log, text)
	} else {
		s.current, s.lastErr = dir, ""
		switch {
		case summary != "":
			fmt.Fprintln(s.opt.Log, summary)
		case s.opt.Summary != nil:
			fmt.Fprintln(s.opt.Log, s.opt.Summary(res))
		default:
			fmt.Fprintf(s.opt.Log, "built in %s\n", res.Duration.Round(time.Millisecond))
		}
	}
	s.gen = gen
	for ch := range s.subs {
		select {
		case ch <- gen:
		default:
		}
	}
}

// Error returns the last build's error text, or "".
func (s *Server) Error() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.lastErr
}

const previewCSS = `.build-error{position:fixed;left:0;right:0;bottom:0;max-height:50vh;overflow:auto;z-index:1000;
background:#fff4f4;color:#7a0000;border-top:4px solid #c62828;padding:.5rem 1rem;font:14px/1.4 monospace}
.build-error pre{white-space:pre-wrap;margin:0}
`

const reloadJS = `(function () {
  if (!window.EventSource) return;
  var es = new EventSource("/__minhbach/events");
  var first = true;
  es.onmessage = function () { if (first) { first = false; return; } location.reload(); };
})();
`

// ServeHTTP answers the requests for this preview (see allowed) with the
// last good build and the preview's own scripts; anything else gets 403.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if ok, why := s.allowed(r); !ok {
		s.forbid(w, r, why)
		return
	}
	switch r.URL.Path {
	case "/__minhbach/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case "/__minhbach/events":
		s.events(w, r)
		return
	case "/__minhbach/preview.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, previewCSS)
		return
	case "/__minhbach/error":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, s.Error())
		return
	}
	s.mu.RLock()
	dir, lastErr := s.current, s.lastErr
	s.mu.RUnlock()
	if dir == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, inject([]byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>minhbach</title></head><body></body></html>"), lastErr))
		return
	}
	s.files.RLock()
	defer s.files.RUnlock()
	clean := path.Clean("/" + r.URL.Path) // never outside dir
	name := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(clean, "/")))
	if strings.HasSuffix(r.URL.Path, "/") {
		name = filepath.Join(name, "index.html")
	}
	if strings.HasSuffix(name, ".html") {
		data, err := os.ReadFile(name)
		if err != nil {
			data, _ = os.ReadFile(filepath.Join(dir, "404.html"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
		} else {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, inject(data, lastErr))
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	http.FileServer(http.Dir(dir)).ServeHTTP(w, r)
}

// inject adds the reload script and, when the last build failed, the
// error, to a page.
func inject(page []byte, lastErr string) string {
	add := `<link rel="stylesheet" href="/__minhbach/preview.css"><script src="/__minhbach/reload.js" defer></script>`
	if lastErr != "" {
		add += `<div id="minhbach-build-error" role="alert" class="build-error"><pre>` + html.EscapeString(lastErr) + `</pre></div>`
	}
	if i := bytes.Index(page, []byte("</body>")); i >= 0 {
		return string(page[:i]) + add + string(page[i:])
	}
	return string(page) + add
}

func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan int, 1)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	gen := s.gen
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	fmt.Fprintf(w, "data: %d\n\n", gen)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case g := <-ch:
			fmt.Fprintf(w, "data: %d\n\n", g)
			fl.Flush()
		}
	}
}
