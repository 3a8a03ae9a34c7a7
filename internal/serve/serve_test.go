package serve

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/minhbach/minhbach/internal/site"
)

// portal copies the test portal of the CLI and the repository's templates
// into a temporary folder.
func portal(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, c := range []struct{ from, to string }{
		{"../../cmd/minhbach/testdata/portal", ""},
		{"../../site.toml", "site.toml"},
		{"../../layouts", "layouts"},
		{"../../i18n", "i18n"},
		{"../../static", "static"},
	} {
		copyAll(t, c.from, filepath.Join(dir, c.to))
	}
	return dir
}

func copyAll(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// eventually polls f until it returns true or the time is up.
func eventually(t *testing.T, what string, f func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < 10*time.Second {
		if f() {
			return time.Since(start)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("after 10s: %s", what)
	return 0
}

func TestServeRebuildsAndKeepsTheLastGoodSite(t *testing.T) {
	dir := portal(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var updates []*site.Update
	var full []*site.Result
	var mu sync.Mutex
	srv, err := Start(ctx, Options{Build: site.Options{Source: dir}, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond,
		Summary: func(r *site.Result) string { mu.Lock(); defer mu.Unlock(); full = append(full, r); return "built" },
		Updated: func(u *site.Update) string {
			mu.Lock()
			defer mu.Unlock()
			updates = append(updates, u)
			return "updated"
		}})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if e := srv.Error(); e != "" {
		t.Fatalf("first build failed: %s", e)
	}
	page := srv.URL() + "ky-bao-cao/2018-H1/so-noi-vu/"
	report := filepath.Join(dir, "content/bao-cao/2018-H1/so-noi-vu.md")
	if body := get(t, page); !strings.Contains(body, "Sở Nội vụ đã hoàn thành việc rà soát.") {
		t.Fatalf("the report page does not show the report:\n%s", body)
	}
	if body := get(t, page); !strings.Contains(body, "/__minhbach/reload.js") {
		t.Fatal("the page has no reload script")
	}

	// An edit is served within seconds.
	src, _ := os.ReadFile(report)
	// The edit drops the digest (as a report approved by hand): with it,
	// the changed approved report would be refused.
	edited := regexp.MustCompile(`(?m)^digest = .*\n`).ReplaceAllString(string(src), "")
	edited = strings.Replace(edited, "đã hoàn thành việc rà soát.", "đã hoàn thành việc rà soát. Câu mới thêm vào 4711.", 1)
	if err := os.WriteFile(report, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	took := eventually(t, "the edit is served", func() bool { return strings.Contains(get(t, page), "Câu mới thêm vào 4711.") })
	t.Logf("edit served after %s", took)
	// It was handed to the build kept alive, which rendered the report's
	// pages first (the edit is served then) and then only some of the
	// pages again, not built from scratch.
	eventually(t, "the update is done", func() bool { mu.Lock(); defer mu.Unlock(); return len(updates) > 0 })
	mu.Lock()
	if len(full) != 1 || len(updates) != 1 {
		t.Errorf("%d builds from scratch and %d updates, want 1 and 1", len(full), len(updates))
	} else if u := updates[0]; u.Rendered == 0 || u.Rendered >= full[0].Pages/2 {
		t.Errorf("the update rendered %d pages of %d", u.Rendered, full[0].Pages)
	} else {
		t.Logf("the update rendered %d pages of %d: %v", u.Rendered, full[0].Pages, u.Written)
	}
	mu.Unlock()

	// Broken TOML: the error is told, the last good page stays.
	broken := strings.Replace(edited, `number = "45/BC-SNV"`, `number = "45/BC-SNV`, 1)
	if err := os.WriteFile(report, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the error is reported", func() bool { return srv.Error() != "" })
	if e := srv.Error(); !strings.Contains(e, "content/bao-cao/2018-H1/so-noi-vu.md:4:") {
		t.Errorf("the error does not name the file and line: %s", e)
	}
	body := get(t, page)
	if !strings.Contains(body, "Câu mới thêm vào 4711.") {
		t.Error("the last good page is no longer served")
	}
	if !strings.Contains(body, `id="minhbach-build-error"`) || !strings.Contains(body, "so-noi-vu.md:4:") {
		t.Error("the page does not show the error")
	}

	// Fixed: the error goes and the update is served.
	fixed := strings.Replace(edited, "Câu mới thêm vào 4711.", "Đã sửa 4712.", 1)
	if err := os.WriteFile(report, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the fix is served", func() bool { return strings.Contains(get(t, page), "Đã sửa 4712.") })
	if e := srv.Error(); e != "" {
		t.Errorf("error still reported after the fix: %s", e)
	}
	if strings.Contains(get(t, page), "minhbach-build-error") {
		t.Error("the error is still shown after the fix")
	}
}

func TestServeNeverLeavesItsFolder(t *testing.T) {
	dir := portal(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := Start(ctx, Options{Build: site.Options{Source: dir}, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	// The secret lies where "../secret.txt" leads from the served folder.
	if err := os.WriteFile(filepath.Join(srv.tmp, "secret.txt"), []byte("bí mật 9931"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(srv.current, "..", "secret.txt")); err != nil || !strings.Contains(string(b), "9931") {
		t.Fatalf("the secret is not one folder above the served site: %v", err)
	}
	// The server answers: a file of the site is served (so the check below
	// is made against a live server, not a refused connection).
	if body := get(t, srv.URL()+"robots.txt"); !strings.Contains(body, "Sitemap") {
		t.Fatalf("GET /robots.txt did not serve the site's robots.txt: %q", body)
	}
	for _, p := range []string{"../secret.txt", "..%2fsecret.txt", "../../secret.txt", "%2e%2e/secret.txt"} {
		req, _ := http.NewRequest("GET", srv.URL(), nil)
		req.URL.Opaque = "/" + p
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET /%s: no answer: %v", p, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(b), "bí mật 9931") {
			t.Errorf("GET /%s served a file outside the site", p)
		}
		if res.StatusCode != http.StatusNotFound && res.StatusCode != http.StatusBadRequest {
			t.Errorf("GET /%s: HTTP %d, want 404 or 400", p, res.StatusCode)
		}
		t.Logf("GET /%s: HTTP %d", p, res.StatusCode)
	}
}

func TestServeDraftsShowsUnapprovedReports(t *testing.T) {
	dir := portal(t)
	draft := filepath.Join(dir, "content/bao-cao/2018-H1/ubnd-dak-glei.md")
	os.WriteFile(draft, []byte(`+++
agency = "ubnd-dak-glei"
period = "2018-H1"
date = 2018-06-21
[approval]
state = "submitted"
[[updates]]
milestone = "2a"
state = "in-progress"
progress = 40
+++
Báo cáo đang chờ duyệt 5521.
`), 0o644)
	for _, drafts := range []bool{false, true} {
		ctx, cancel := context.WithCancel(context.Background())
		srv, err := Start(ctx, Options{Build: site.Options{Source: dir, Drafts: drafts}, Addr: "127.0.0.1:0"})
		if err != nil {
			t.Fatal(err)
		}
		body := get(t, srv.URL()+"ky-bao-cao/2018-H1/ubnd-dak-glei/")
		shown := strings.Contains(body, "Báo cáo đang chờ duyệt 5521.")
		if shown != drafts {
			t.Errorf("drafts=%v: submitted report shown=%v", drafts, shown)
		}
		if drafts && !strings.Contains(body, "BẢN NHÁP") {
			t.Error("a draft preview page is not marked BẢN NHÁP")
		}
		srv.Close()
		cancel()
	}
}

// answer is what the preview said to one request.
type answer struct {
	status int
	body   string
}

// ask sends a GET for path to srv with the given Host header (and Origin,
// when not ""), and reads at most the first event of a stream.
func ask(t *testing.T, srv *Server, path, host, origin string) answer {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL()+strings.TrimPrefix(path, "/"), nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Host = host
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	res, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		t.Fatalf("GET %s (Host %s, Origin %q): no answer: %v", path, host, origin, err)
	}
	defer res.Body.Close()
	var b []byte
	if strings.HasPrefix(res.Header.Get("Content-Type"), "text/event-stream") {
		// A live-reload stream never ends: read its first event.
		buf := make([]byte, 64)
		n, _ := io.ReadAtLeast(res.Body, buf, len("data: 1\n\n"))
		b = buf[:n]
	} else {
		b, _ = io.ReadAll(res.Body)
	}
	return answer{res.StatusCode, string(b)}
}

// TestServeAnswersOnlyItsOwnAddress sends requests with foreign Host and
// Origin headers, as a page that rebinds its own name to 127.0.0.1 would:
// they get 403 and nothing of the site, with and without drafts, on pages,
// on the live-reload stream and on the preview's own files. The same
// requests with the printed address, a loopback name or the allowed extra
// host get the site.
func TestServeAnswersOnlyItsOwnAddress(t *testing.T) {
	dir := portal(t)
	draft := filepath.Join(dir, "content/bao-cao/2018-H1/ubnd-dak-glei.md")
	if err := os.WriteFile(draft, []byte("+++\nagency = \"ubnd-dak-glei\"\nperiod = \"2018-H1\"\ndate = 2018-06-21\n[approval]\nstate = \"submitted\"\n+++\nBáo cáo đang chờ duyệt 6642.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	draftPage := "ky-bao-cao/2018-H1/ubnd-dak-glei/"
	for _, drafts := range []bool{false, true} {
		t.Run(fmt.Sprintf("drafts=%v", drafts), func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			srv, err := Start(ctx, Options{Build: site.Options{Source: dir, Drafts: drafts}, Addr: "127.0.0.1:0", AllowHosts: []string{"Reviewer.Local"}})
			if err != nil {
				t.Fatal(err)
			}
			defer srv.Close()
			if e := srv.Error(); e != "" {
				t.Fatalf("the build failed: %s", e)
			}
			u, _ := url.Parse(srv.URL())
			own := u.Host // 127.0.0.1:port, as printed
			port := u.Port()

			// The printed address works as it is.
			if body := get(t, srv.URL()); !strings.Contains(body, "/__minhbach/reload.js") {
				t.Fatalf("GET %s did not serve the home page", srv.URL())
			}
			page := draftPage
			want := "Báo cáo đang chờ duyệt 6642."
			if !drafts {
				page, want = "", "/__minhbach/reload.js"
			}
			paths := []struct{ path, want string }{
				{page, want},
				{"__minhbach/events", "data: "},
				{"__minhbach/reload.js", "EventSource"},
				{"__minhbach/error", ""},
				{"robots.txt", "Sitemap"},
			}
			good := []struct{ host, origin string }{
				{own, ""},
				{own, "http://" + own},
				{"localhost:" + port, ""},
				{"LOCALHOST:" + port, "http://localhost:" + port},
				{"[::1]:" + port, ""},
				{"reviewer.local:" + port, ""},
				{"reviewer.local:" + port, "http://reviewer.local:" + port},
			}
			bad := []struct{ host, origin, why string }{
				{"evil.example", "", "Host"},
				{"evil.example:" + port, "", "Host"},
				{"127.0.0.1.evil.example:" + port, "", "Host"},
				{"127.0.0.1:1", "", "Host"},
				{"localhost", "", "Host"},
				{"reviewer.local", "", "Host"},
				{own, "http://evil.example", "Origin"},
				{own, "http://evil.example:" + port, "Origin"},
				{own, "null", "Origin"},
				{own, "http://localhost:" + port, "Origin"},
				{own, "https://" + own, "Origin"},
			}
			for _, p := range paths {
				for _, g := range good {
					a := ask(t, srv, p.path, g.host, g.origin)
					if a.status != http.StatusOK || !strings.Contains(a.body, p.want) {
						t.Errorf("GET /%s with Host %q, Origin %q: HTTP %d, want 200 with %q; body %q", p.path, g.host, g.origin, a.status, p.want, shortBody(a.body))
					}
				}
				for _, b := range bad {
					a := ask(t, srv, p.path, b.host, b.origin)
					if a.status != http.StatusForbidden {
						t.Errorf("GET /%s with Host %q, Origin %q: HTTP %d, want 403", p.path, b.host, b.origin, a.status)
					}
					if p.want != "" && strings.Contains(a.body, p.want) || strings.Contains(a.body, "6642") || strings.Contains(a.body, "data: ") {
						t.Errorf("GET /%s with Host %q, Origin %q: the refusal shows the site: %q", p.path, b.host, b.origin, shortBody(a.body))
					}
					vi := "không trả lời theo địa chỉ"
					en := "does not answer to the address"
					if b.why == "Origin" {
						vi, en = "không được đọc bản xem trước", "may not read this preview"
					}
					if !strings.Contains(a.body, vi) || !strings.Contains(a.body, en) || !strings.Contains(a.body, srv.URL()) {
						t.Errorf("GET /%s with Host %q, Origin %q: the refusal does not say why in both languages and where to go: %q", p.path, b.host, b.origin, a.body)
					}
				}
			}
			t.Logf("%d requests with the right Host/Origin got 200; %d with a foreign one got 403", len(paths)*len(good), len(paths)*len(bad))
		})
	}
}

func shortBody(s string) string {
	if len(s) > 160 {
		return s[:160] + "…"
	}
	return s
}

func TestHostName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"192.168.1.20", "192.168.1.20"},
		{"My-PC.local", "my-pc.local"},
		{"my-pc.local.", "my-pc.local"},
		{"::1", "[::1]"},
		{"[fe80::1]", "[fe80::1]"},
		{"localhost", "localhost"},
	} {
		if got, err := HostName(c.in); err != nil || got != c.want {
			t.Errorf("HostName(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, in := range []string{"", "http://my-pc", "my-pc:8080", "my pc", "-pc", "a..b", "pc/", "máy"} {
		if got, err := HostName(in); err == nil {
			t.Errorf("HostName(%q) = %q, want an error", in, got)
		}
	}
}
