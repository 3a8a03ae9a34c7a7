package view

import "fmt"

// TasksPerPage and ChangesPerPage are the most tasks and status changes a
// page lists in one table; longer lists (a national plan's 10,000 tasks,
// a period's 21,000 changes) go on over numbered pages, each with a pager,
// as milestones do (MilestonesPerPage).
var (
	TasksPerPage   = 500
	ChangesPerPage = 500
)

// ListPageV is what every further page of a long list shows besides its
// items: the page the list belongs to (Of), this page's number and the
// pager (layouts/_partials/further-page.html).
type ListPageV struct {
	Of     LinkV   `json:"of"`
	Number int     `json:"number"`
	Pager  *PagerV `json:"pager"`
}

// TaskPageV is a further page of a long list of tasks: page 2 and on of
// the list of tasks (shared by the home page and /nhiem-vu/) or of a
// period's.
type TaskPageV struct {
	ListPageV
	// AsOf is the date of a period's statuses, empty for the list of
	// tasks as of the site's date.
	AsOf  string     `json:"as_of,omitempty"`
	Tasks []TaskRowV `json:"tasks"`
}

// ChangePageV is a further page of a period's status changes.
type ChangePageV struct {
	ListPageV
	Changes []ChangeV `json:"changes"`
}

// pageCount is the number of pages of per items that n items take: at
// least one.
func pageCount(n, per int) int { return max(1, (n+per-1)/per) }

// pagerOf returns the pager of page i of a list of n pages, whose page j
// is at url(j), named label (empty: the default name), or nil when the
// list has one page.
func pagerOf(i, n int, url func(int) string, label string) *PagerV {
	if n <= 1 {
		return nil
	}
	pg := &PagerV{Label: label}
	for j := 1; j <= n; j++ {
		pg.Pages = append(pg.Pages, PagerPageV{Number: j, URL: url(j), Current: j == i})
	}
	if i > 1 {
		pg.Prev = url(i - 1)
	}
	if i < n {
		pg.Next = url(i + 1)
	}
	return pg
}

// furtherURL returns the URLs of the pages of a list whose first page is
// first and whose further pages are under dir: dir + "2/" and on.
func furtherURL(first, dir string) func(int) string {
	return func(i int) string {
		if i == 1 {
			return first
		}
		return fmt.Sprintf("%s%d/", dir, i)
	}
}

// pageOf returns the items of page i (from 1) of all, per a page.
func pageOf[T any](all []T, i, per int) []T {
	if len(all) == 0 {
		return all
	}
	return all[min((i-1)*per, len(all)):min(i*per, len(all))]
}

// further writes pages 2 and on of a list of n items cut into pages of
// per: page i is view(i, its pager), of type typ, at dir + "<i>" (relative
// to the language's root), its URL urlDir + "<i>/", titled "name — trang
// i". It returns the pager of the first page, which the list's own page
// of shows: nil for a list that fits one page. label names the pager.
func (pr *presenter) further(n, per int, of LinkV, dir, urlDir, name, typ, label string, view func(i int, pager *PagerV) pageView) (*PagerV, error) {
	pages := pageCount(n, per)
	url := furtherURL(of.URL, urlDir)
	for i := 2; i <= pages; i++ {
		title := pr.w("title_page_n", name, i)
		if err := pr.write(fmt.Sprintf("%s%d", dir, i), page{Title: title, Type: typ, Description: title, Params: params{V: view(i, pagerOf(i, pages, url, label))}}, ""); err != nil {
			return nil, err
		}
	}
	return pagerOf(1, pages, url, label), nil
}

// taskList cuts rows into pages of TasksPerPage: it writes pages 2 and on
// at dir + "<n>/" (type "task-page"; dir relative to the language's root,
// ending in a slash) and returns the first page's rows and pager, for the
// list's own page of. A list that fits one page has no pager. name names
// the list in the further pages' titles ("name — trang 2"), label the
// pager; asOf is a period's date (empty for the list of tasks).
func (pr *presenter) taskList(rows []TaskRowV, of LinkV, dir, name, asOf, label string) ([]TaskRowV, *PagerV, error) {
	pager, err := pr.further(len(rows), TasksPerPage, of, dir, dir, name, "task-page", label, func(i int, pg *PagerV) pageView {
		return TaskPageV{ListPageV: ListPageV{Of: of, Number: i, Pager: pg}, AsOf: asOf, Tasks: pageOf(rows, i, TasksPerPage)}
	})
	return pageOf(rows, 1, TasksPerPage), pager, err
}

// changeList cuts a period's changes into pages of ChangesPerPage as
// taskList cuts tasks (type "change-page").
func (pr *presenter) changeList(changes []ChangeV, of LinkV, dir, name, label string) ([]ChangeV, *PagerV, error) {
	pager, err := pr.further(len(changes), ChangesPerPage, of, dir, dir, name, "change-page", label, func(i int, pg *PagerV) pageView {
		return ChangePageV{ListPageV: ListPageV{Of: of, Number: i, Pager: pg}, Changes: pageOf(changes, i, ChangesPerPage)}
	})
	return pageOf(changes, 1, ChangesPerPage), pager, err
}

func (TaskPageV) pageView()   {}
func (ChangePageV) pageView() {}
