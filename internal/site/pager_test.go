package site

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/view"
)

// msCell finds the milestone ids in the rows of a milestone table.
var msCell = regexp.MustCompile(`<span class="cards-only">[^<]*</span>([^<]+)</a>(?:</th>|<span class="cards-only card-st")`)

// listedMilestones returns the ids a list shows over all its pages, and how
// many pages it has, following the pager's links from the first page.
func listedMilestones(t *testing.T, out map[string][]byte, first string) (ids []string, pages int) {
	t.Helper()
	seen := map[string]bool{}
	next := first
	for next != "" {
		body, ok := out[next+"index.html"]
		if !ok {
			t.Fatalf("%sindex.html: not built", next)
		}
		if seen[next] {
			t.Fatalf("the pager loops back to %s", next)
		}
		seen[next] = true
		pages++
		for _, m := range msCell.FindAllStringSubmatch(string(body), -1) {
			ids = append(ids, m[1])
		}
		next = ""
		if m := regexp.MustCompile(`<a href="/([^"]*)" rel="next">`).FindStringSubmatch(string(body)); m != nil {
			next = m[1]
		}
	}
	return ids, pages
}

func TestLongListsGoOnOverPages(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/one")
	one := tree(t, fsys, "/one")

	defer func(n int) { view.MilestonesPerPage = n }(view.MilestonesPerPage)
	view.MilestonesPerPage = 5
	memBuild(t, fsys, "/paged")
	paged := tree(t, fsys, "/paged")

	for _, list := range []string{"tien-do/", "en/tien-do/", "ky-bao-cao/2019-H1/", "en/ky-bao-cao/2019-H1/"} {
		t.Run(list, func(t *testing.T) {
			all, n := listedMilestones(t, one, list)
			if n != 1 {
				t.Fatalf("with room for every milestone, %s has %d pages", list, n)
			}
			if len(all) <= 5 {
				t.Fatalf("%s lists %d milestones: too few to test pages of 5", list, len(all))
			}
			if strings.Contains(string(one[list+"index.html"]), `class="pager"`) {
				t.Errorf("%s has a pager though it fits one page", list)
			}
			got, pages := listedMilestones(t, paged, list)
			if want := (len(all) + 4) / 5; pages != want {
				t.Errorf("%s: %d pages, want %d", list, pages, want)
			}
			if fmt.Sprint(got) != fmt.Sprint(all) {
				t.Errorf("over its pages %s lists\n%v\nwant, in the same order,\n%v", list, got, all)
			}
			if _, ok := paged[list+"trang/2/index.html"]; !ok {
				t.Errorf("no %strang/2/", list)
			}
			if !strings.Contains(string(paged[list+"index.html"]), `aria-current="page">1</span>`) {
				t.Errorf("%s: the pager does not mark page 1 as current", list)
			}
		})
	}
	// The further pages are in the sitemap, like every page.
	var sitemaps []string
	for name := range paged {
		if strings.HasSuffix(name, "sitemap.xml") {
			sitemaps = append(sitemaps, string(paged[name]))
		}
	}
	sort.Strings(sitemaps)
	if !strings.Contains(strings.Join(sitemaps, ""), "/tien-do/trang/2/") {
		t.Error("the sitemap does not list /tien-do/trang/2/")
	}
}
