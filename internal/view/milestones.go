package view

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/status"
)

// paginate splits a list of milestones into pages of MilestonesPerPage:
// it writes pages 2 and on under base/trang/<n>/ (type "milestones") and
// returns the first page's rows and pager for the list's own page (of,
// whose content lives at base). A list that fits one page has no pager.
func (pr *presenter) paginate(all []*status.Milestone, base string, of LinkV, asOf string) (MilestonePageV, error) {
	n := (len(all) + MilestonesPerPage - 1) / MilestonesPerPage
	url := func(i int) string {
		if i == 1 {
			return of.URL
		}
		return fmt.Sprintf("%strang/%d/", of.URL, i)
	}
	var first MilestonePageV
	for i := 1; i <= max(n, 1); i++ {
		v := MilestonePageV{Of: of, Number: i, AsOf: asOf, Milestones: []MilestoneV{}}
		for _, ms := range all[(i-1)*MilestonesPerPage : min(i*MilestonesPerPage, len(all))] {
			v.Milestones = append(v.Milestones, pr.milestoneRow(ms))
		}
		if n > 1 {
			v.Pager = &PagerV{}
			for j := 1; j <= n; j++ {
				v.Pager.Pages = append(v.Pager.Pages, PagerPageV{Number: j, URL: url(j), Current: j == i})
			}
			if i > 1 {
				v.Pager.Prev = url(i - 1)
			}
			if i < n {
				v.Pager.Next = url(i + 1)
			}
		}
		if i == 1 {
			first = v
			continue
		}
		title := pr.w("title_page_n", of.Name, i)
		if err := pr.write(fmt.Sprintf("%s/trang/%d", base, i), page{Title: title, Type: "milestones", Description: title, Params: params{V: v}}, ""); err != nil {
			return first, err
		}
	}
	return first, nil
}
