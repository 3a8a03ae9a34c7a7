package plan

// This file holds the one rule of which reports a build shows: the public
// site shows the approved reports without problems; a drafts preview
// (minhbach serve --drafts) shows the draft and submitted reports without
// problems as well, each marked as not approved. The site, the preview and
// the CLI's check all ask here.

// Previewable reports whether r, not approved, is shown in a drafts
// preview: a draft or a submitted report without problems.
func (r *Report) Previewable() bool {
	return len(r.Problems) == 0 && (r.Approval.State == Draft || r.Approval.State == Submitted)
}

// Shown reports whether a build shows r: when it is approved (and without
// problems), or, in a drafts preview (drafts true), when it is previewable.
func (r *Report) Shown(drafts bool) bool {
	return r.IsPublished() || (drafts && r.Previewable())
}

// Split returns p's reports that a build shows (see Report.Shown) and the
// ones it leaves out, each in the order of p.Reports.
func (p *Project) Split(drafts bool) (shown, excluded []*Report) {
	for _, r := range p.Reports {
		if r.Shown(drafts) {
			shown = append(shown, r)
		} else {
			excluded = append(excluded, r)
		}
	}
	return shown, excluded
}

// WithDrafts returns a copy of p in which the previewable reports count as
// published, for a drafts preview: each is a copy marked Preview, which
// keeps its state so that pages can mark it. p is not changed.
func (p *Project) WithDrafts() *Project {
	q := *p
	q.Reports = nil
	for _, r := range p.Reports {
		if r.Previewable() {
			c := *r
			c.Preview = true
			r = &c
		}
		q.Reports = append(q.Reports, r)
	}
	return &q
}

// View returns the project a build shows: p itself, or, for a drafts
// preview, p.WithDrafts().
func (p *Project) View(drafts bool) *Project {
	if drafts {
		return p.WithDrafts()
	}
	return p
}

// SampleData reports whether any published report is sample data, which
// the site and the open data say.
func (p *Project) SampleData() bool {
	for _, r := range p.Reports {
		if r.IsPublished() && r.Sample {
			return true
		}
	}
	return false
}
