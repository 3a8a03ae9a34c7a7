package site

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/view"
)

// taskCell and changeCell find the rows of a task table (the task's link)
// and of a table of changes (the milestone's link).
var (
	taskCell   = regexp.MustCompile(`<th scope="row" class="title"><a href="/([^"]*)">`)
	changeCell = regexp.MustCompile(`<tr>\s*<th scope="row">(?:<a href="/([^"]*)">)?`)
	pagerNav   = regexp.MustCompile(`(?s)<nav class="pager" aria-label="([^"]*)">(.*?)</nav>`)
	nextLink   = regexp.MustCompile(`<a href="/([^"]*)" rel="next">`)
)

// listedRows returns the rows (by cell) a list shows over all its pages
// and how many pages it has, following from first the next links of the
// pager labelled label ("" for a page's only pager); table picks out the
// part of each page that holds the list.
func listedRows(t *testing.T, out map[string][]byte, first, label string, cell *regexp.Regexp, table func(string) string) (rows []string, pages int) {
	t.Helper()
	seen := map[string]bool{}
	for next := first; next != ""; {
		body, ok := out[next+"index.html"]
		if !ok {
			t.Fatalf("%sindex.html: not built", next)
		}
		if seen[next] {
			t.Fatalf("the pager loops back to %s", next)
		}
		seen[next] = true
		pages++
		for _, m := range cell.FindAllStringSubmatch(table(string(body)), -1) {
			rows = append(rows, m[1])
		}
		next = ""
		for _, nav := range pagerNav.FindAllStringSubmatch(string(body), -1) {
			if label == "" || nav[1] == label {
				if m := nextLink.FindStringSubmatch(nav[2]); m != nil {
					next = m[1]
				}
			}
		}
	}
	return rows, pages
}

// between returns the part of s from the first start to the next end.
func between(start, end string) func(string) string {
	return func(s string) string {
		i := strings.Index(s, start)
		if i < 0 {
			return ""
		}
		s = s[i:]
		if j := strings.Index(s, end); j >= 0 {
			s = s[:j]
		}
		return s
	}
}

func TestTaskAndChangeListsGoOnOverPages(t *testing.T) {
	fsys := memPortal(t)
	memBuild(t, fsys, "/one")
	one := tree(t, fsys, "/one")

	defer func(a, b int) { view.TasksPerPage, view.ChangesPerPage = a, b }(view.TasksPerPage, view.ChangesPerPage)
	view.TasksPerPage, view.ChangesPerPage = 3, 2
	memBuild(t, fsys, "/paged")
	paged := tree(t, fsys, "/paged")

	tasks := between(`<table class="tasks`, `</table>`)
	changes := between(`<table class="changes`, `</table>`)
	cases := []struct {
		list, label, further string
		cell                 *regexp.Regexp
		table                func(string) string
		per                  int
	}{
		{"nhiem-vu/", "", "nhiem-vu/trang/2/", taskCell, tasks, 3},
		{"en/nhiem-vu/", "", "en/nhiem-vu/trang/2/", taskCell, tasks, 3},
		{"ky-bao-cao/2019-H1/", "Các trang của danh sách nhiệm vụ", "ky-bao-cao/2019-H1/trang/nhiem-vu/2/", taskCell, tasks, 3},
		{"en/ky-bao-cao/2019-H1/", "Pages of the list of tasks", "en/ky-bao-cao/2019-H1/trang/nhiem-vu/2/", taskCell, tasks, 3},
		{"ky-bao-cao/2019-H1/", "Các trang của danh sách thay đổi", "ky-bao-cao/2019-H1/trang/thay-doi/2/", changeCell, changes, 2},
		{"en/ky-bao-cao/2019-H1/", "Pages of the list of changes", "en/ky-bao-cao/2019-H1/trang/thay-doi/2/", changeCell, changes, 2},
	}
	for _, c := range cases {
		t.Run(c.further, func(t *testing.T) {
			all, n := listedRows(t, one, c.list, c.label, c.cell, c.table)
			if n != 1 {
				t.Fatalf("with room for every row, %s has %d pages", c.list, n)
			}
			if len(all) <= c.per {
				t.Fatalf("%s lists %d rows: too few to test pages of %d", c.list, len(all), c.per)
			}
			if strings.Contains(string(one[c.list+"index.html"]), `class="pager"`) && c.list != "ky-bao-cao/2019-H1/" && c.list != "en/ky-bao-cao/2019-H1/" {
				t.Errorf("%s has a pager though it fits one page", c.list)
			}
			got, pages := listedRows(t, paged, c.list, c.label, c.cell, c.table)
			if want := (len(all) + c.per - 1) / c.per; pages != want {
				t.Errorf("%s: %d pages, want %d", c.list, pages, want)
			}
			if fmt.Sprint(got) != fmt.Sprint(all) {
				t.Errorf("over its pages %s lists\n%v\nwant, in the same order,\n%v", c.list, got, all)
			}
			if _, ok := paged[c.further+"index.html"]; !ok {
				t.Errorf("no %s", c.further)
			}
		})
	}
	// The home page shows the first page of the tasks and the pager of
	// /nhiem-vu/, and still counts every task.
	home := string(paged["index.html"])
	if got := taskCell.FindAllString(tasks(home), -1); len(got) != 3 {
		t.Errorf("the home page lists %d tasks, want the first 3", len(got))
	}
	if !strings.Contains(home, `<a href="/nhiem-vu/trang/2/">2</a>`) {
		t.Error("the home page has no link to the second page of the tasks")
	}
	if !strings.Contains(home, "8 nhiệm vụ theo trạng thái") {
		t.Error("the home page does not count all 8 tasks")
	}
	// A period page's pagers are told apart (axe: landmarks are unique).
	navs := pagerNav.FindAllStringSubmatch(string(paged["ky-bao-cao/2019-H1/index.html"]), -1)
	labels := map[string]bool{}
	for _, nav := range navs {
		if labels[nav[1]] {
			t.Errorf("two pagers labelled %q on one page", nav[1])
		}
		labels[nav[1]] = true
	}
	if len(navs) < 2 {
		t.Errorf("the period page has %d pagers, want those of its tasks and changes", len(navs))
	}
}
