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

// TaskPageV is a further page of a long list of tasks: page 2 and on of
// the list of tasks (shared by the home page and /nhiem-vu/) or of a
// period's.
type TaskPageV struct {
	// Of is the page the list belongs to, Number this page's number.
	Of     LinkV `json:"of"`
	Number int   `json:"number"`
	// AsOf is the date of a period's statuses, empty for the list of
	// tasks as of the site's date.
	AsOf  string     `json:"as_of,omitempty"`
	Tasks []TaskRowV `json:"tasks"`
	Pager *PagerV    `json:"pager"`
}

// ChangePageV is a further page of a period's status changes.
type ChangePageV struct {
	Of      LinkV     `json:"of"`
	Number  int       `json:"number"`
	Changes []ChangeV `json:"changes"`
	Pager   *PagerV   `json:"pager"`
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

// taskList cuts rows into pages of TasksPerPage: it writes pages 2 and on
// at dir + "<n>/" (type "task-page"; dir relative to the language's root,
// ending in a slash) and returns the first page's rows and pager, for the
// list's own page of. A list that fits one page has no pager. name names
// the list in the further pages' titles ("name — trang 2"), label the
// pager; asOf is a period's date (empty for the list of tasks).
func (pr *presenter) taskList(rows []TaskRowV, of LinkV, dir, name, asOf, label string) ([]TaskRowV, *PagerV, error) {
	n := pageCount(len(rows), TasksPerPage)
	url := furtherURL(of.URL, dir)
	for i := 2; i <= n; i++ {
		v := TaskPageV{Of: of, Number: i, AsOf: asOf, Tasks: pageOf(rows, i, TasksPerPage), Pager: pagerOf(i, n, url, label)}
		title := pr.w("title_page_n", name, i)
		if err := pr.write(fmt.Sprintf("%s%d", dir, i), page{Title: title, Type: "task-page", Description: title, Params: params{V: v}}, ""); err != nil {
			return nil, nil, err
		}
	}
	return pageOf(rows, 1, TasksPerPage), pagerOf(1, n, url, label), nil
}

// changeList cuts a period's changes into pages of ChangesPerPage as
// taskList cuts tasks (type "change-page").
func (pr *presenter) changeList(changes []ChangeV, of LinkV, dir, name, label string) ([]ChangeV, *PagerV, error) {
	n := pageCount(len(changes), ChangesPerPage)
	url := furtherURL(of.URL, dir)
	for i := 2; i <= n; i++ {
		v := ChangePageV{Of: of, Number: i, Changes: pageOf(changes, i, ChangesPerPage), Pager: pagerOf(i, n, url, label)}
		title := pr.w("title_page_n", name, i)
		if err := pr.write(fmt.Sprintf("%s%d", dir, i), page{Title: title, Type: "change-page", Description: title, Params: params{V: v}}, ""); err != nil {
			return nil, nil, err
		}
	}
	return pageOf(changes, 1, ChangesPerPage), pagerOf(1, n, url, label), nil
}

func (TaskPageV) pageView()   {}
func (ChangePageV) pageView() {}
