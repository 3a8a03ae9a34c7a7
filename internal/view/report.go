package view

import (
	"fmt"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// ReportV is one report's page.
type ReportV struct {
	ReportRefV
	Approved string    `json:"approved_by,omitempty"`
	On       string    `json:"approved_on,omitempty"`
	Sample   bool      `json:"sample"`
	Draft    bool      `json:"draft"`
	State    string    `json:"state"`
	Updates  []SourceV `json:"updates"`
	Targets  []LinkV   `json:"targets"`
	Body     string    `json:"body"`
	// Amendments are the changes recorded after approval, the latest
	// first.
	Amendments []AmendmentV `json:"amendments,omitempty"`
}

// AmendmentV is one change to a report after it was approved.
type AmendmentV struct {
	On      string   `json:"on"`
	By      string   `json:"by"`
	Reason  string   `json:"reason"`
	Changes []string `json:"changes,omitempty"`
}

// amendments are r's recorded amendments, the latest first.
func (pr *presenter) amendments(r *plan.Report) []AmendmentV {
	var out []AmendmentV
	for i := len(r.Approval.Amendments) - 1; i >= 0; i-- {
		am := r.Approval.Amendments[i]
		out = append(out, AmendmentV{On: pr.date(am.On), By: am.By, Reason: am.Reason, Changes: am.Changes})
	}
	return out
}

func (pr *presenter) report(r *plan.Report) error {
	v := ReportV{ReportRefV: pr.reportRef(r), Sample: r.Sample, Draft: !r.IsApproved(), State: r.Approval.State, Body: renderMarkdown(r.Body, pr.lang)}
	if r.IsApproved() {
		v.Approved, v.On = r.Approval.ApprovedBy, pr.date(r.Approval.ApprovedOn)
		v.Amendments = pr.amendments(r)
	}
	for _, u := range r.Updates {
		src := pr.source(&status.Source{Report: r, Update: u})
		v.Updates = append(v.Updates, *src)
		ms := pr.snap.Milestone(u.Milestone)
		target := LinkV{Name: u.Milestone}
		if ms != nil {
			m := ms.Milestone
			target = pr.milestoneLink(m)
			if u.Member != r.Agency {
				target.Name += " — " + pr.agencyLink(u.Member).Name
			}
		}
		v.Targets = append(v.Targets, target)
	}
	title := pr.w("title_report", r.Number, v.Agency.Name)
	return pr.write("ky-bao-cao/"+r.Period+"/"+r.Agency, page{Title: title, Type: "report", Description: fmt.Sprintf("%s, %s", title, v.Period.Name), Params: params{V: v}}, "")
}
