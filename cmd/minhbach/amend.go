package main

import (
	"errors"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/site"
)

// keepApproved keeps a copy of the report file as approved (or as
// amended) in ban-luu/, so that a later amendment can say what changed.
// after is the portal as loaded after the approval.
func (a *app) keepApproved(t *target, after *plan.Project) {
	for _, r := range after.Reports {
		if filepath.ToSlash(r.File) != t.rel {
			continue
		}
		rel, err := reportfile.Keep(a.fs, t.srcAbs, r)
		if err != nil {
			a.say(a.err, "cli.keep.failed", t.rel, err)
			return
		}
		a.say(a.out, "cli.approve.keptApproved", rel)
	}
}

// amendOrSeal is approve --amend (record a change to an approved report:
// why, when, by whom, what changed, the new digest) and approve --seal
// (record the digest of a report approved by hand).
func (a *app) amendOrSeal(file string, amend bool, by, on, reason string) error {
	reason = plan.CleanText(strings.TrimSpace(reason))
	if amend && reason == "" {
		a.say(a.err, "cli.approve.reasonMissing")
		return exitError{2}
	}
	day, err := a.approvalDay(on)
	if err != nil {
		return err
	}
	t, err := a.reportTarget(file)
	if err != nil {
		return err
	}
	r := t.r
	// The one problem an amendment is for: the content no longer matches
	// its digest. Any other is told, and stops it.
	var others plan.Problems
	for _, pr := range t.mine {
		if pr.Key != "approval.changed" {
			others = append(others, pr)
		}
	}
	if len(others) > 0 || r == nil {
		return a.refuse(others, "cli.approve.problems", t.rel)
	}
	if r.Approval.State != plan.Approved {
		key := "cli.approve.notApproved"
		if !amend {
			key = "cli.approve.sealNotApproved"
		}
		a.say(a.err, key, t.rel, t.rel)
		return exitError{1}
	}
	digest := r.ContentDigest()
	want := r.Approval
	if !amend {
		if want.Digest != "" {
			a.say(a.out, "cli.approve.alreadySealed", t.rel)
			return nil
		}
		want.Digest = digest
		after, err := a.setApproval(t, want, false)
		if err != nil {
			return err
		}
		a.say(a.out, "cli.approve.sealed", t.rel)
		a.keepApproved(t, after)
		return nil
	}
	switch {
	case want.Digest == "":
		a.say(a.err, "cli.approve.noDigestAmend", t.rel, t.rel)
		return exitError{1}
	case want.Digest == digest:
		a.say(a.out, "cli.approve.unchanged", t.rel, a.day(want.ApprovedOn))
		return nil
	}
	if day.Before(want.ApprovedOn) {
		a.say(a.err, "cli.approve.amendBeforeApproval", a.day(day), a.day(want.ApprovedOn))
		return exitError{1}
	}
	if by == "" {
		by = want.ApprovedBy
	}
	am := plan.Amendment{On: day, By: plan.CleanText(by), Reason: reason, Before: want.Digest}
	if prev := a.keptVersion(t, r, want.Digest); prev != nil {
		am.Changes = reportfile.Changes(prev, r, t.p.Agencies.OwnerName)
	}
	want.Amendments = append(append([]plan.Amendment(nil), want.Amendments...), am)
	want.Digest = digest
	after, err := a.setApproval(t, want, false)
	if err != nil {
		return err
	}
	a.say(a.out, "cli.approve.amended", t.rel, a.day(day), reason)
	if len(am.Changes) > 0 {
		a.say(a.out, "cli.approve.amendChanges", strings.Join(am.Changes, "; "))
	} else {
		a.say(a.out, "cli.approve.noKeptCopy")
	}
	a.keepApproved(t, after)
	return nil
}

// loadWith loads the portal of t as it would be with data in t's report
// file, written in memory over the portal's folder: the portal, with its
// problems, or an error when it does not load at all.
func (a *app) loadWith(t *target, data []byte) (*plan.Project, plan.Problems, error) {
	over := afero.NewCopyOnWriteFs(afero.NewReadOnlyFs(a.fs), afero.NewMemMapFs())
	abs := filepath.Join(t.srcAbs, filepath.FromSlash(t.rel))
	if err := afero.WriteFile(over, abs, data, 0o644); err != nil {
		return nil, nil, err
	}
	o := t.o
	o.Fs, o.Source = over, t.srcAbs
	p, err := site.Load(o)
	var ps plan.Problems
	if err != nil && !errors.As(err, &ps) || p == nil {
		return nil, nil, err
	}
	return p, ps, nil
}

// keptVersion finds, among the copies kept in ban-luu/ of the report's
// agency and period, the one whose content has the given digest, and
// returns it loaded as the report would load; nil when there is none.
func (a *app) keptVersion(t *target, r *plan.Report, digest string) *plan.Report {
	dir := path.Join(t.srcAbs, reportfile.KeptDir, r.Period)
	entries, err := afero.ReadDir(a.fs, dir)
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasPrefix(e.Name(), r.Agency+"-") && strings.HasSuffix(e.Name(), ".md") {
			names = append(names, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(names))) // the latest first
	for _, n := range names {
		data, err := afero.ReadFile(a.fs, path.Join(dir, n))
		if err != nil {
			continue
		}
		p, _, err := a.loadWith(t, data)
		if err != nil {
			continue
		}
		for _, k := range p.Reports {
			if filepath.ToSlash(k.File) == t.rel && k.ContentDigest() == digest {
				return k
			}
		}
	}
	return nil
}
