package serve

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
	srv, err := Start(ctx, Options{Build: site.Options{Source: dir}, Addr: "127.0.0.1:0", Debounce: 50 * time.Millisecond})
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
	edited := strings.Replace(string(src), "đã hoàn thành việc rà soát.", "đã hoàn thành việc rà soát. Câu mới thêm vào 4711.", 1)
	if err := os.WriteFile(report, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	took := eventually(t, "the edit is served", func() bool { return strings.Contains(get(t, page), "Câu mới thêm vào 4711.") })
	t.Logf("edit served after %s", took)

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
	secret := filepath.Join(filepath.Dir(dir), "secret.txt")
	os.WriteFile(secret, []byte("bí mật 9931"), 0o644)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	srv, err := Start(ctx, Options{Build: site.Options{Source: dir}, Addr: "127.0.0.1:0"})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	for _, p := range []string{"../secret.txt", "..%2fsecret.txt", "../../secret.txt", "%2e%2e/secret.txt"} {
		req, _ := http.NewRequest("GET", srv.URL(), nil)
		req.URL.Opaque = "/" + p
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(b), "bí mật 9931") {
			t.Errorf("GET /%s served a file outside the site", p)
		}
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
