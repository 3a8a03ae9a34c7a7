package site

import (
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// TestTaskPageWeight keeps a task page with its CSS and JavaScript (not
// counting the search index) within 60 KB uncompressed.
func TestTaskPageWeight(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	asset := regexp.MustCompile(`<(?:link rel="stylesheet"|script)[^>]* (?:href|src)="/([^"]+)"`)
	pages := 0
	for name, data := range out {
		if !strings.HasPrefix(name, "nhiem-vu/") && !strings.HasPrefix(name, "en/nhiem-vu/") || !strings.HasSuffix(name, "/index.html") || strings.Count(name, "/") < 2 {
			continue
		}
		pages++
		total := len(data)
		for _, m := range asset.FindAllStringSubmatch(string(data), -1) {
			a, ok := out[m[1]]
			if !ok {
				t.Errorf("%s: asset %s not in the output", name, m[1])
			}
			total += len(a)
		}
		if total > 60<<10 {
			t.Errorf("%s weighs %d bytes with its CSS and JavaScript, more than 60 KB", name, total)
		}
	}
	if pages < 16 {
		t.Errorf("only %d task pages weighed", pages)
	}
}

// TestAliasesRedirect: an old slug listed in a task's aliases keeps
// working, in both languages.
func TestAliasesRedirect(t *testing.T) {
	fsys := memPortal(t)
	src, err := afero.ReadFile(fsys, "/src/data/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`(slug = "sap-xep-don-vi-cap-xa"(?s:.*?))aliases = \[\]`).ReplaceAllString(string(src), `${1}aliases = ["sap-nhap-xa-thon"]`)
	if text == string(src) {
		t.Fatal("task 6's slug is not in data/plan.toml")
	}
	afero.WriteFile(fsys, "/src/data/plan.toml", []byte(text), 0o644)
	memBuild(t, fsys, "/out")
	for _, c := range []struct{ old, target string }{
		{"/out/nhiem-vu/sap-nhap-xa-thon/index.html", "/nhiem-vu/sap-xep-don-vi-cap-xa/"},
		{"/out/en/nhiem-vu/sap-nhap-xa-thon/index.html", "/en/nhiem-vu/sap-xep-don-vi-cap-xa/"},
	} {
		page, err := afero.ReadFile(fsys, c.old)
		if err != nil {
			t.Errorf("the old URL is gone: %v", err)
			continue
		}
		if !strings.Contains(string(page), `http-equiv="refresh"`) || !strings.Contains(string(page), c.target) {
			t.Errorf("%s does not redirect to %s:\n%s", c.old, c.target, page)
		}
	}
}

// TestSharingTags: canonical URL, Open Graph and Twitter card tags with a
// description, robots.txt pointing at the sitemap.
func TestSharingTags(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	page, _ := afero.ReadFile(fsys, "/out/nhiem-vu/sap-xep-don-vi-cap-xa/index.html")
	for _, want := range []string{
		`<link rel="canonical" href="https://minhbach.kontum.gov.vn/nhiem-vu/sap-xep-don-vi-cap-xa/">`,
		`<meta property="og:url" content="https://minhbach.kontum.gov.vn/nhiem-vu/sap-xep-don-vi-cap-xa/">`,
		`<meta property="og:title" content="6. Rà soát`,
		`<meta property="og:description" content="Nhiệm vụ 6: Rà soát`,
		`<meta name="twitter:card" content="summary">`,
		`hreflang="en" href="https://minhbach.kontum.gov.vn/en/nhiem-vu/sap-xep-don-vi-cap-xa/"`,
	} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the task page lacks %s", want)
		}
	}
	robots, _ := afero.ReadFile(fsys, "/out/robots.txt")
	if !strings.Contains(string(robots), "Sitemap: https://minhbach.kontum.gov.vn/sitemap.xml") {
		t.Errorf("robots.txt:\n%s", robots)
	}
}
