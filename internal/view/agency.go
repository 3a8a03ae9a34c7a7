package view

import (
	"slices"

	"github.com/minhbach/minhbach/internal/chart"
	"github.com/minhbach/minhbach/internal/status"
)

// AgenciesV is the list of agencies and groups.
type AgenciesV struct {
	Agencies []LinkV `json:"agencies"`
	Groups   []LinkV `json:"groups"`
	// Kinds links the filtered list of each kind of agency.
	Kinds []LinkV `json:"kinds,omitempty"`
}

// AgencyV is an agency's (or a group's) page.
type AgencyV struct {
	Name     string       `json:"name"`
	NameVi   string       `json:"name_vi,omitempty"`
	Short    string       `json:"short,omitempty"`
	Head     string       `json:"head,omitempty"`
	IsGroup  bool         `json:"is_group"`
	Reports  bool         `json:"must_report"`
	Members  []LinkV      `json:"members,omitempty"`
	Groups   []LinkV      `json:"groups,omitempty"`
	Leads    []MilestoneV `json:"leads,omitempty"`
	Shares   []MilestoneV `json:"shares,omitempty"`
	Supports []MilestoneV `json:"supports,omitempty"`
	Counts   []CountV     `json:"counts,omitempty"`
	Chart    string       `json:"chart,omitempty"`
	Sent     []ReportRowV `json:"sent,omitempty"`
	Missed   []LinkV      `json:"missed,omitempty"`
	Feed     string       `json:"feed"`
	// Scope, for a group whose list is partial (Group.Partial), says what
	// the list holds and leaves out.
	Scope string `json:"scope,omitempty"`
}

func (pr *presenter) agencies() error {
	reg := pr.p.Agencies
	var list []LinkV
	for _, a := range reg.Agencies {
		list = append(list, pr.agencyLink(a.ID))
	}
	var groups []LinkV
	for _, g := range reg.Groups {
		groups = append(groups, pr.agencyLink(g.ID))
	}
	if err := pr.write("co-quan/_index", page{Title: pr.w("title_agencies"), Type: "agencies",
		Params: params{V: AgenciesV{Agencies: list, Groups: groups, Kinds: pr.kinds()}}}, ""); err != nil {
		return err
	}
	for _, a := range reg.Agencies {
		v := AgencyV{Name: pr.t(a.Name, a.NameEn), Short: a.Short, Head: a.Head, Reports: a.ReportsOn(pr.snap.AsOf), Feed: AgencyURL(a.ID) + "atom.xml"}
		if pr.lang == "en" && a.NameEn != "" {
			v.NameVi = a.Name
		}
		counts := map[status.Status]int{}
		for _, g := range reg.GroupsAt(a.ID, pr.snap.AsOf) {
			v.Groups = append(v.Groups, pr.agencyLink(g.ID))
		}
		for _, part := range pr.snap.PartsOf(a.ID) {
			counts[part.Status()]++
			mv := pr.milestoneRow(part.Milestone)
			if part.Member == nil {
				v.Leads = append(v.Leads, mv)
				continue
			}
			mem := part.Member
			mv.ShareV = pr.share(mem, part.Milestone.Milestone, pr.source)
			v.Shares = append(v.Shares, mv)
		}
		v.Supports = pr.supports(a.ID)
		delete(counts, status.NoData)
		v.Counts = pr.counts(counts)
		if len(v.Counts) > 0 {
			v.Chart = chart.AgencyChart(counts, pr.lang, "agency-chart", v.Name)
		}
		worst := func(m MilestoneV) (status.Status, int) { return statusOf(m.Status), m.DaysLate }
		status.SortWorstFirst(v.Leads, worst)
		status.SortWorstFirst(v.Shares, worst)
		for _, r := range pr.published {
			if r.Agency == a.ID {
				v.Sent = append(v.Sent, pr.reportRow(r))
			}
		}
		sortReports(v.Sent)
		for _, h := range pr.hist {
			for _, miss := range h.Missing {
				if miss.ID == a.ID {
					v.Missed = append(v.Missed, pr.periodLink(h.Period))
				}
			}
		}
		desc := v.Name
		if err := pr.write("co-quan/"+a.ID+"/index", page{Title: v.Name, Type: "agency", Description: desc, Aliases: aliasURLs(a.Aliases, AgencyURL), Params: params{V: v, Feed: v.Feed}}, ""); err != nil {
			return err
		}
	}
	for _, g := range reg.Groups {
		v := AgencyV{Name: pr.t(g.Name, g.NameEn), Head: g.Head, IsGroup: true, Feed: ""}
		if g.Partial {
			v.Scope = pr.t(g.Scope, g.ScopeEn)
		}
		for _, m := range reg.MembersAt(g.ID, pr.snap.AsOf) {
			v.Members = append(v.Members, pr.agencyLink(m.ID))
		}
		counts := map[status.Status]int{}
		for _, part := range pr.snap.PartsOf(g.ID) {
			v.Leads = append(v.Leads, pr.milestoneRow(part.Milestone))
			for _, mem := range part.Milestone.Members {
				counts[mem.Status]++
			}
		}
		v.Supports = pr.supports(g.ID)
		delete(counts, status.NoData)
		v.Counts = pr.counts(counts)
		if len(v.Counts) > 0 {
			v.Chart = chart.AgencyChart(counts, pr.lang, "agency-chart", v.Name)
		}
		if err := pr.write("co-quan/"+g.ID+"/index", page{Title: v.Name, Type: "agency", Description: v.Name, Aliases: aliasURLs(g.Aliases, AgencyURL), Params: params{V: v}}, ""); err != nil {
			return err
		}
	}
	return nil
}

// supports returns, in plan order, the milestones an agency or a group
// supports as a partner.
func (pr *presenter) supports(id string) []MilestoneV {
	var out []MilestoneV
	for _, ts := range pr.snap.Tasks {
		for _, ms := range ts.Milestones {
			if slices.Contains(ms.Milestone.Partners, id) {
				out = append(out, pr.milestoneRow(ms))
			}
		}
	}
	return out
}
