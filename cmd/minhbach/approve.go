package main

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/status"
)

// today is the day approve gives by default and the last it accepts.
func today() plan.Date { return plan.NewDate(time.Now().Date()) }

var dmyArg = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

// parseDay reads a day given on the command line: 2018-06-28 or 28/6/2018.
func parseDay(s string) (plan.Date, bool) {
	if d, err := plan.ParseDate(strings.TrimSpace(s)); err == nil {
		return d, true
	}
	if g := dmyArg.FindStringSubmatch(strings.TrimSpace(s)); g != nil {
		d, _ := strconv.Atoi(g[1])
		m, _ := strconv.Atoi(g[2])
		y, _ := strconv.Atoi(g[3])
		if date := plan.NewDate(y, time.Month(m), d); date.Day == d && int(date.Month) == m {
			return date, true
		}
	}
	return plan.Date{}, false
}

// approvalDay is the day given with --on (2018-06-28 or 28/6/2018), or
// today: a day not understood is a usage error, a day in the future is
// refused.
func (a *app) approvalDay(on string) (plan.Date, error) {
	now := today()
	day := now
	if on != "" {
		d, ok := parseDay(on)
		if !ok {
			a.say(a.err, "cli.approve.badOn", on)
			return plan.Date{}, exitError{2}
		}
		day = d
	}
	if day.After(now) {
		a.say(a.err, "cli.approve.future", a.day(day), a.day(now))
		return plan.Date{}, exitError{1}
	}
	return day, nil
}

// target is the report file an approve or reject command works on.
type target struct {
	o      site.Options
	p      *plan.Project
	srcAbs string       // the portal's folder, absolute
	rel    string       // from the portal's folder, with slashes
	r      *plan.Report // nil when the file did not load as a report
	mine   plan.Problems
	other  plan.Problems
}

// reportTarget loads the portal and finds the report file named on the
// command line (a path from the current folder).
func (a *app) reportTarget(file string) (*target, error) {
	o, p, aside, err := a.loadAround()
	if err != nil {
		return nil, err
	}
	srcAbs, err1 := filepath.Abs(o.Source)
	fileAbs, err2 := filepath.Abs(file)
	rel, err3 := filepath.Rel(srcAbs, fileAbs)
	rel = filepath.ToSlash(rel)
	if err1 != nil || err2 != nil || err3 != nil || !strings.HasPrefix(rel, plan.ReportsDir+"/") || !strings.EqualFold(filepath.Ext(rel), ".md") {
		a.say(a.err, "cli.approve.notReport", file, plan.ReportsDir, o.Source)
		return nil, exitError{1}
	}
	if _, err := a.fs.Stat(fileAbs); err != nil {
		a.say(a.err, "cli.approve.missing", file)
		return nil, exitError{1}
	}
	t := &target{o: o, p: p, srcAbs: srcAbs, rel: rel}
	t.mine, t.other = split(aside, rel)
	for _, r := range p.Reports {
		if filepath.ToSlash(r.File) == rel {
			t.r = r // its problems, if any, are in aside (see loadAround)
		}
	}
	a.othersAside(t.other)
	return t, nil
}

// setApproval writes the report file of t with its approval set to want,
// having proved that the result loads with the rest of the portal (with
// its new approval; and, unless withProblems, without a problem), and
// returns the portal as it loads afterwards.
func (a *app) setApproval(t *target, want plan.Approval, withProblems bool) (*plan.Project, error) {
	abs := filepath.Join(t.srcAbs, filepath.FromSlash(t.rel))
	src, err := afero.ReadFile(a.fs, abs)
	if err != nil {
		a.say(a.err, "cli.approve.editFailed", t.rel, err)
		return nil, exitError{1}
	}
	if enc := plan.Converted(src); enc != "" {
		// The loader read it by converting it; an edit of its bytes
		// as UTF-8 text would find no +++ line (and must not convert
		// the rest of the file behind the user's back).
		a.say(a.err, "cli.approve.utf16", t.rel, enc)
		return nil, exitError{1}
	}
	out, err := reportfile.SetApproval(src, want)
	if err != nil {
		a.say(a.err, "cli.approve.editFailed", t.rel, err)
		return nil, exitError{1}
	}
	// Load the portal as it will be.
	p, problems, err := a.loadWith(t, out)
	if err != nil {
		return nil, err
	}
	var after *plan.Report
	for _, r := range p.Reports {
		if filepath.ToSlash(r.File) == t.rel {
			after = r
			problems = append(problems, r.Problems...)
		}
	}
	// The file's own problems, and any the edit brings to another file
	// (a second approved report of the same agency and period is told at
	// whichever of the two comes later).
	before := map[string]bool{}
	for _, pr := range t.other {
		before[pr.Text(msg.VI)] = true
	}
	var mine plan.Problems
	for _, pr := range problems {
		if filepath.ToSlash(pr.Pos.File) == t.rel || !before[pr.Text(msg.VI)] {
			mine = append(mine, pr)
		}
	}
	if after != nil && after.Approval.State == want.State && withProblems {
		mine = nil
	}
	if after == nil || len(mine) > 0 || after.Approval.State != want.State {
		if len(mine) == 0 {
			a.say(a.err, "cli.approve.reloadFailed", t.rel)
			return nil, exitError{1}
		}
		return nil, a.refuse(mine, "cli.approve.problems", t.rel)
	}
	if err := reportfile.Replace(a.fs, abs, out); err != nil {
		return nil, err
	}
	return p, nil
}

func (a *app) approveCmd() *cobra.Command {
	var by, on, reason string
	var amend, seal bool
	c := a.command("approve FILE", "approve", cobra.ExactArgs(1), func(_ *cobra.Command, args []string) error {
		by = strings.TrimSpace(by)
		if amend && seal {
			a.say(a.err, "cli.approve.amendConflict")
			return exitError{2}
		}
		if amend || seal {
			return a.amendOrSeal(args[0], amend, by, on, reason)
		}
		if by == "" {
			a.say(a.err, "cli.approve.byMissing")
			return exitError{2}
		}
		day, err := a.approvalDay(on)
		if err != nil {
			return err
		}
		t, err := a.reportTarget(args[0])
		if err != nil {
			return err
		}
		if len(t.mine) > 0 || t.r == nil {
			return a.refuse(t.mine, "cli.approve.problems", t.rel)
		}
		r := t.r
		if r.Approval.State == plan.Approved {
			a.say(a.out, "cli.approve.already", t.rel, r.Approval.ApprovedBy, a.day(r.Approval.ApprovedOn))
			return nil
		}
		if day.Before(r.Date) {
			a.say(a.err, "cli.approve.beforeDate", a.day(day), a.day(r.Date))
			return exitError{1}
		}
		want := plan.Approval{State: plan.Approved, ApprovedBy: plan.CleanText(by), ApprovedOn: day, Note: r.Approval.Note,
			Digest: r.ContentDigest(), Amendments: r.Approval.Amendments}
		after, err := a.setApproval(t, want, false)
		if err != nil {
			return err
		}
		a.say(a.out, "cli.approve.done", t.rel, want.ApprovedBy, a.day(day))
		a.keepApproved(t, after)
		a.sayN(a.out, "cli.approve.publishes", len(r.Updates), r.Number, t.p.Agencies.OwnerName(r.Agency), r.Period, len(r.Updates))
		a.say(a.out, "cli.approve.replacesNone")
		a.statusChanges(t.p, after)
		return nil
	})
	a.sourceFlag(c)
	c.Flags().StringVar(&by, "by", "", a.t("cli.flag.by"))
	c.Flags().StringVar(&on, "on", "", a.t("cli.flag.on"))
	c.Flags().BoolVar(&amend, "amend", false, a.t("cli.flag.amend"))
	c.Flags().StringVar(&reason, "reason", "", a.t("cli.flag.reason"))
	c.Flags().BoolVar(&seal, "seal", false, a.t("cli.flag.seal"))
	return c
}

// statusChanges tells which statuses the site will show differently, as
// of the latest period of each.
func (a *app) statusChanges(before, after *plan.Project) {
	snap := func(p *plan.Project) *status.Snapshot { return status.Current(p, plan.Date{}) }
	// The two projects are two loads: their agencies are compared by id
	// (status.Changes compares one load's own pointers).
	b := snap(before)
	type change struct {
		id, agency string
		from, to   status.Status
	}
	var changes []change
	for _, t := range snap(after).Tasks {
		for _, ms := range t.Milestones {
			was := map[string]status.Status{}
			if old := b.Milestone(ms.Milestone.ID); old != nil {
				for _, mem := range old.Members {
					was[mem.Agency.ID] = mem.Status
				}
			}
			for _, mem := range ms.Members {
				if from := was[mem.Agency.ID]; from != mem.Status {
					changes = append(changes, change{ms.Milestone.ID, mem.Agency.Name, from, mem.Status})
				}
			}
		}
	}
	if len(changes) == 0 {
		a.say(a.out, "cli.approve.changesNone")
		return
	}
	const most = 10
	var parts []string
	for i, c := range changes {
		if i == most {
			parts = append(parts, msg.Get(a.lang, "cli.approve.more", len(changes)-most))
			break
		}
		parts = append(parts, msg.Get(a.lang, "change_line", c.id, c.agency, c.from.Label(string(a.lang)), c.to.Label(string(a.lang))))
	}
	a.say(a.out, "cli.approve.changes", strings.Join(parts, "; "))
}

func (a *app) rejectCmd() *cobra.Command {
	var note string
	var withdraw bool
	c := a.command("reject FILE", "reject", cobra.ExactArgs(1), func(_ *cobra.Command, args []string) error {
		note = strings.TrimSpace(note)
		if note == "" {
			a.say(a.err, "cli.reject.noteMissing")
			return exitError{2}
		}
		note = plan.CleanText(note)
		t, err := a.reportTarget(args[0])
		if err != nil {
			return err
		}
		// A report with problems can be sent back: that is what the
		// problems are for. One that does not read at all cannot be
		// edited: its problems are told.
		if t.r == nil {
			return a.refuse(t.mine, "cli.aside.mine", t.rel)
		}
		r := t.r
		var kept string
		switch {
		case r.Approval.State == plan.Approved && !withdraw:
			a.say(a.err, "cli.reject.approved", t.rel, r.Approval.ApprovedBy, a.day(r.Approval.ApprovedOn))
			return exitError{1}
		case r.Approval.State == plan.Approved:
			if kept, err = reportfile.Keep(a.fs, t.o.Source, r); err != nil {
				a.say(a.err, "cli.import.keepFailed", t.rel, err)
				return exitError{1}
			}
		case r.Approval.State == plan.Rejected && r.Approval.Note == note:
			a.say(a.out, "cli.reject.already", t.rel)
			return nil
		}
		if _, err := a.setApproval(t, plan.Approval{State: plan.Rejected, Note: note}, true); err != nil {
			return err
		}
		if kept != "" {
			a.say(a.out, "cli.reject.withdrawn", t.rel, kept)
			return nil
		}
		a.say(a.out, "cli.reject.done", t.rel, note)
		return nil
	})
	a.sourceFlag(c)
	c.Flags().StringVar(&note, "note", "", a.t("cli.flag.note"))
	c.Flags().BoolVar(&withdraw, "withdraw-approved", false, a.t("cli.flag.withdraw"))
	return c
}
