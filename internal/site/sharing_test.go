package site

import (
	"bytes"
	"image"
	_ "image/png"
	"net/url"
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
		`<meta name="twitter:card" content="summary_large_image">`,
		`<meta property="og:image" content="https://minhbach.kontum.gov.vn/nhiem-vu/sap-xep-don-vi-cap-xa/og.png">`,
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

// TestLinkPreviewCards: the home, task, agency and period pages of both
// languages name a 1200×630 PNG card in og:image that exists in the
// output, with words (og:image:alt) that give the status and the as-of
// date; a page without a card (search) names none — and the check finds
// the tags where they are (pages > 0).
func TestLinkPreviewCards(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	tag := regexp.MustCompile(`<meta property="og:image" content="([^"]+)">`)
	alt := regexp.MustCompile(`<meta property="og:image:alt" content="([^"]+)">`)
	want := regexp.MustCompile(`^(en/)?(index\.html|nhiem-vu/[^/]+/index\.html|co-quan/[^/]+/index\.html|ky-bao-cao/[^/]+/index\.html)$`)
	pages := map[string]int{}
	for name, data := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := tag.FindSubmatch(data)
		if !want.MatchString(name) {
			if m != nil && !strings.Contains(string(data), `http-equiv="refresh"`) {
				t.Errorf("%s has a card but should not: %s", name, m[1])
			}
			continue
		}
		if strings.Contains(string(data), `http-equiv="refresh"`) {
			continue // an alias
		}
		if m == nil {
			t.Errorf("%s has no og:image", name)
			continue
		}
		u, err := url.Parse(string(m[1]))
		if err != nil || u.Host != "minhbach.kontum.gov.vn" {
			t.Errorf("%s: og:image %q is not an absolute address of the site", name, m[1])
			continue
		}
		png, ok := out[strings.TrimPrefix(u.Path, "/")]
		if !ok {
			t.Errorf("%s: its card %s is not in the output", name, u.Path)
			continue
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(png))
		if err != nil || format != "png" || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%s: card %s is %s %dx%d (%v)", name, u.Path, format, cfg.Width, cfg.Height, err)
		}
		a := alt.FindSubmatch(data)
		asOf := "Tính đến ngày 30/6/2019"
		if strings.HasPrefix(name, "en/") {
			asOf = "As of 30 June 2019"
		}
		if a == nil || !strings.Contains(string(a[1]), asOf) && !strings.Contains(name, "ky-bao-cao/") {
			t.Errorf("%s: og:image:alt %q lacks the as-of date", name, a)
		}
		kind := strings.SplitN(strings.TrimPrefix(name, "en/"), "/", 2)[0]
		pages[kind]++
	}
	for _, k := range []string{"index.html", "nhiem-vu", "co-quan", "ky-bao-cao"} {
		if pages[k] == 0 {
			t.Errorf("no %s page with a card: the check found nothing", k)
		}
	}
	task, _ := afero.ReadFile(fsys, "/out/nhiem-vu/sap-xep-don-vi-cap-xa/index.html")
	if a := alt.FindSubmatch(task); a == nil || !strings.Contains(string(a[1]), "Quá hạn") {
		t.Errorf("task 6's card words lack its status: %q", a)
	}
}
