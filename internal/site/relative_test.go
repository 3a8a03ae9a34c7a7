package site

import (
	"path"
	"regexp"
	"strings"
	"testing"
)

func TestRelativeLink(t *testing.T) {
	for _, c := range []struct {
		from, target string
		index        bool
		want         string
	}{
		{"/", "/", true, "index.html"},
		{"/", "/nhiem-vu/x/", true, "nhiem-vu/x/index.html"},
		{"/nhiem-vu/x", "/", true, "../../index.html"},
		{"/nhiem-vu/x", "/co-quan/y/#moc-1a", true, "../../co-quan/y/index.html#moc-1a"},
		{"/nhiem-vu/x", "/css/site.css", true, "../../css/site.css"},
		{"/en/tim-kiem", "/en/tim-kiem/chi-muc/", false, "chi-muc/"},
		{"/en/tim-kiem", "/en/", false, "../"},
		{"/tim-kiem", "/tim-kiem/", false, "./"},
		{"/a", "//cdn.example/x.js", true, "//cdn.example/x.js"},
		{"/nhiem-vu/x", "/nhiem-vu/x/badge.svg", true, "badge.svg"},
	} {
		if got := relativeLink(c.from, c.target, c.index); got != c.want {
			t.Errorf("relativeLink(%q, %q) = %q, want %q", c.from, c.target, got, c.want)
		}
	}
}

// TestRelativeBuildOpensFromAFolder builds with Relative and checks that
// every link of every page names a file that exists, as a browser opening
// the folder with file:// needs.
func TestRelativeBuildOpensFromAFolder(t *testing.T) {
	fsys := memPortal(t)
	if _, err := Build(Options{Source: "/src", Dest: "/out", Fs: fsys, Relative: true}); err != nil {
		t.Fatal(err)
	}
	out := tree(t, fsys, "/out")
	checked := 0
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, m := range regexp.MustCompile(`\b(?:href|src)="([^"]*)"`).FindAllStringSubmatch(string(data), -1) {
			link := m[1]
			if link == "" || strings.HasPrefix(link, "#") || strings.Contains(link, "://") || strings.HasPrefix(link, "mailto:") || strings.HasPrefix(link, "data:") {
				continue
			}
			if strings.HasPrefix(link, "/") {
				t.Errorf("%s: root-relative link %q", name, link)
				continue
			}
			target := path.Clean(path.Join(path.Dir(name), strings.SplitN(strings.SplitN(link, "#", 2)[0], "?", 2)[0]))
			if _, ok := out[target]; !ok {
				t.Errorf("%s: link %q names %s, which is not a file of the site", name, link, target)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("only %d links checked", checked)
	}
}

func TestBasePath(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.gov.vn/":          "/",
		"https://example.gov.vn":           "/",
		"https://example.gov.vn/minhbach/": "/minhbach/",
		"https://example.gov.vn/a/b":       "/a/b/",
		"/":                                "/",
	} {
		if got := basePath(in); got != want {
			t.Errorf("basePath(%q) = %q, want %q", in, got, want)
		}
	}
}
