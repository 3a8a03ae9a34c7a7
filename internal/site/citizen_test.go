package site

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCitizenOutputs: every page's og:title has at most 70 characters (and
// some page's title is longer, so the cut is seen at work); every task
// badge names its status and the as-of date; every sitemap entry has a
// lastmod, the latest approval date; the as-of line of every page says
// when the data was last updated.
func TestCitizenOutputs(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/out")
	out := tree(t, fsys, "/out")
	ogTitle := regexp.MustCompile(`<meta property="og:title" content="([^"]*)">`)
	pageTitle := regexp.MustCompile(`<title>([^<]*)</title>`)
	pages, cut, updated := 0, 0, 0
	for name, b := range out {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		m := ogTitle.FindSubmatch(b)
		if m == nil {
			continue
		}
		pages++
		og := html.UnescapeString(string(m[1]))
		if n := utf8.RuneCountInString(og); n > 70 {
			t.Errorf("%s: og:title has %d characters: %q", name, n, og)
		}
		if pt := pageTitle.FindSubmatch(b); pt != nil && utf8.RuneCountInString(html.UnescapeString(string(pt[1]))) > 90 && strings.HasSuffix(og, "…") {
			cut++
		}
		if strings.Contains(string(b), `class="updated">Cập nhật lần cuối: 4/7/2019.`) || strings.Contains(string(b), `class="updated">Last updated: 4 July 2019.`) {
			updated++
		}
	}
	if pages < 50 || cut == 0 {
		t.Errorf("%d pages with og:title, %d of them cut; want many pages and some cut", pages, cut)
	}
	if updated < pages*9/10 {
		t.Errorf("%d of %d pages say when the data was last updated", updated, pages)
	}
	badges := 0
	for name, b := range out {
		if !strings.HasSuffix(name, "/badge.svg") {
			continue
		}
		badges++
		s := string(b)
		if !strings.Contains(s, "tính đến ngày 30/6/2019 — dữ liệu mẫu</title>") && !strings.Contains(s, "as of 30 June 2019 — sample data</title>") {
			t.Errorf("%s: the badge's title does not give the as-of date: %s", name, s[:min(len(s), 400)])
		}
	}
	if badges != 16 {
		t.Errorf("%d badges, want 16 (8 tasks, 2 languages)", badges)
	}
	for _, sm := range []string{"vi/sitemap.xml", "en/sitemap.xml"} {
		s := string(out[sm])
		locs, mods := strings.Count(s, "<loc>"), strings.Count(s, "<lastmod>2019-07-04")
		if locs < 50 || mods != locs {
			t.Errorf("%s: %d URLs, %d with lastmod 2019-07-04", sm, locs, mods)
		}
	}
}
