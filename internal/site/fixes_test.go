package site

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestSubPathServerFiles builds under a sub-path and checks that the files
// a host reads follow the base path: .htaccess sends 404s to the sub-path's
// 404 page and robots.txt names the sub-path's sitemap by its absolute URL.
func TestSubPathServerFiles(t *testing.T) {
	fsys := memPortal(t)
	if _, err := Build(Options{Source: "/src", Dest: "/out", Fs: fsys, BaseURL: "https://example.gov.vn/minhbach/"}); err != nil {
		t.Fatal(err)
	}
	ht, err := afero.ReadFile(fsys, "/out/.htaccess")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(ht), "ErrorDocument 404 /minhbach/404.html\n") {
		t.Errorf(".htaccess does not send 404s to /minhbach/404.html:\n%s", ht)
	}
	if strings.Contains(string(ht), " /404.html") {
		t.Errorf(".htaccess still names /404.html:\n%s", ht)
	}
	robots, _ := afero.ReadFile(fsys, "/out/robots.txt")
	if !strings.Contains(string(robots), "Sitemap: https://example.gov.vn/minhbach/sitemap.xml\n") {
		t.Errorf("robots.txt:\n%s", robots)
	}
	if _, err := afero.ReadFile(fsys, "/out/404.html"); err != nil {
		t.Errorf("no 404 page: %v", err)
	}
}

// TestRootServerFiles is the counter-test: at the host's root .htaccess
// keeps /404.html.
func TestRootServerFiles(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	ht, _ := afero.ReadFile(fsys, "/out/.htaccess")
	if !strings.Contains(string(ht), "ErrorDocument 404 /404.html\n") {
		t.Errorf(".htaccess:\n%s", ht)
	}
}
