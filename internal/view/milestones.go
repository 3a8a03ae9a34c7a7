package view

import (
	"github.com/minhbach/minhbach/internal/status"
)

// paginate splits a list of milestones into pages of MilestonesPerPage:
// it writes pages 2 and on under base/trang/<n>/ (type "milestones") and
// returns the first page's rows and pager for the list's own page (of,
// whose content lives at base). A list that fits one page has no pager.
func (pr *presenter) paginate(all []*status.Milestone, base string, of LinkV, asOf string) (MilestonePageV, error) {
	rows := func(i int) []MilestoneV {
		out := []MilestoneV{}
		for _, ms := range pageOf(all, i, MilestonesPerPage) {
			out = append(out, pr.milestoneRow(ms))
		}
		return out
	}
	pager, err := pr.further(len(all), MilestonesPerPage, of, base+"/"+furtherDir, of.URL+furtherDir, of.Name, "milestones", "", func(i int, pg *PagerV) pageView {
		return MilestonePageV{ListPageV: ListPageV{Of: of, Number: i, Pager: pg}, AsOf: asOf, Milestones: rows(i)}
	})
	return MilestonePageV{ListPageV: ListPageV{Of: of, Number: 1, Pager: pager}, AsOf: asOf, Milestones: rows(1)}, err
}
