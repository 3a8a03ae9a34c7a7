package site

import (
	"bytes"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
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

// TestNotFoundIsNotIndexed: the 404 pages (both languages) ask robots not to
// index them; the home page (counter-test) does not.
func TestNotFoundIsNotIndexed(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	const noindex = `<meta name="robots" content="noindex">`
	for _, p := range []string{"/out/404.html", "/out/en/404.html"} {
		page, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			continue
		}
		if !strings.Contains(string(page), noindex) {
			t.Errorf("%s lacks %s", p, noindex)
		}
	}
	home, _ := afero.ReadFile(fsys, "/out/index.html")
	if strings.Contains(string(home), noindex) {
		t.Error("the home page asks not to be indexed")
	}
}

// TestRelativeRedirectStaysInside: in a relative build the /vi/ page
// redirects to the home page beside it, not to the site's address; in a
// normal build (counter-test) it redirects to the absolute home page.
func TestRelativeRedirectStaysInside(t *testing.T) {
	fsys := memPortal(t)
	if _, err := Build(Options{Source: "/src", Dest: "/rel", Fs: fsys, Relative: true}); err != nil {
		t.Fatal(err)
	}
	memBuild(t, fsys, "/out")
	rel, err := afero.ReadFile(fsys, "/rel/vi/index.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rel), `http-equiv="refresh" content="0; url=../index.html"`) {
		t.Errorf("the relative /vi/ page does not redirect to ../index.html:\n%s", rel)
	}
	abs, _ := afero.ReadFile(fsys, "/out/vi/index.html")
	if !strings.Contains(string(abs), `http-equiv="refresh" content="0; url=https://minhbach.kontum.gov.vn/"`) {
		t.Errorf("the /vi/ page does not redirect to the home page:\n%s", abs)
	}
}

// TestRelativeSearchOpensPages: a relative build's search page tells the
// client to link result folders to their index.html (static/js/search.js,
// data-folder-index; internal/search's TestClientFolderIndex checks the
// client); a normal build's (counter-test) does not.
func TestRelativeSearchOpensPages(t *testing.T) {
	fsys := memPortal(t)
	if _, err := Build(Options{Source: "/src", Dest: "/rel", Fs: fsys, Relative: true}); err != nil {
		t.Fatal(err)
	}
	memBuild(t, fsys, "/out")
	const attr = `data-base="../" data-folder-index="index.html"`
	for _, p := range []string{"/rel/tim-kiem/index.html", "/rel/en/tim-kiem/index.html"} {
		page, _ := afero.ReadFile(fsys, p)
		if !strings.Contains(string(page), attr) {
			t.Errorf("%s lacks %s", p, attr)
		}
	}
	page, _ := afero.ReadFile(fsys, "/out/tim-kiem/index.html")
	if !strings.Contains(string(page), `data-base="/"`) || strings.Contains(string(page), "data-folder-index") {
		t.Error("the normal build's search page has a data-folder-index or no data-base")
	}
}

// landmark returns the landmark role of n (header/banner, main, nav,
// footer, aside, a named section or role=region), or "".
func landmark(n *html.Node) string {
	attr := func(k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	named := attr("aria-label") != "" || attr("aria-labelledby") != ""
	switch r := attr("role"); {
	case r == "region" && named, r == "banner", r == "main", r == "navigation", r == "contentinfo", r == "complementary":
		return r
	}
	switch n.Data {
	case "header":
		return "banner"
	case "main", "nav", "footer", "aside":
		return n.Data
	case "section":
		if named {
			return "region"
		}
	}
	return ""
}

// inLandmark reports, for each element whose class list holds one of
// classes, whether an ancestor is a landmark.
func inLandmark(t *testing.T, page []byte, classes ...string) map[string]bool {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	found := map[string]bool{}
	var walk func(n *html.Node, in bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key != "class" {
					continue
				}
				for _, c := range classes {
					for _, f := range strings.Fields(a.Val) {
						if f == c {
							found[c] = found[c] || in
							if !in {
								found[c+" outside"] = true
							}
						}
					}
				}
			}
			in = in || landmark(n) != ""
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return found
}

// TestNoticesInLandmarks: the sample banner and the as-of line of every
// kind of page are inside a landmark, so that a screen reader moving by
// landmarks reaches them; the counter-test shows the check finds a banner
// outside one.
func TestNoticesInLandmarks(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	pages := []string{"/out/index.html", "/out/en/index.html", "/out/nhiem-vu/sap-xep-don-vi-cap-xa/index.html", "/out/404.html", "/out/tim-kiem/index.html"}
	for _, p := range pages {
		page, err := afero.ReadFile(fsys, p)
		if err != nil {
			t.Fatal(err)
		}
		got := inLandmark(t, page, "banner-sample", "asof")
		for _, c := range []string{"banner-sample", "asof"} {
			if !got[c] || got[c+" outside"] {
				t.Errorf("%s: .%s is not inside a landmark (%v)", p, c, got)
			}
		}
	}
	outside := inLandmark(t, []byte(`<body><div class="asof">x</div><main><p class="banner-sample">y</p></main></body>`), "banner-sample", "asof")
	if !outside["asof outside"] || outside["banner-sample outside"] || !outside["banner-sample"] {
		t.Errorf("the check misreads a page: %v", outside)
	}
}
