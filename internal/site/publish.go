package site

import (
	"errors"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/publish"
	"github.com/minhbach/minhbach/internal/view"
)

// taskPages are the task pages of p, with their public addresses, for the
// build's manifest.
func taskPages(p *plan.Project) []publish.Page {
	var out []publish.Page
	for _, t := range p.Plan.Tasks {
		out = append(out, publish.Page{ID: t.Slug, Number: t.Number, URL: view.TaskURL(t.Slug), Aliases: t.Aliases})
	}
	return out
}

// agencyPages are the agency and group pages of p, for the manifest.
func agencyPages(p *plan.Project) []publish.Page {
	var out []publish.Page
	for _, a := range p.Agencies.Agencies {
		out = append(out, publish.Page{ID: a.ID, URL: view.AgencyURL(a.ID), Aliases: a.Aliases})
	}
	for _, g := range p.Agencies.Groups {
		out = append(out, publish.Page{ID: g.ID, URL: view.AgencyURL(g.ID), Aliases: g.Aliases})
	}
	return out
}

// failed is the error of a build that failed at stage with err: the write
// error the publisher recorded first, or the interruption, when there is
// one (err then follows from it), else err.
func failed(pub *publish.Target, stage string, err error) error {
	if perr := pub.Err(); perr != nil {
		if perr == publish.ErrInterrupted {
			return &BuildError{"publish", perr}
		}
		return &BuildError{"write", perr}
	}
	var pe *publish.Error
	if stage == "write" && !errors.As(err, &pe) {
		return &BuildError{"write", pub.WriteError(err)}
	}
	return &BuildError{stage, err}
}
