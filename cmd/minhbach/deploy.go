package main

import (
	"fmt"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/minhbach/minhbach/internal/deploy"
	"github.com/minhbach/minhbach/internal/msg"
)

func (a *app) deployCmd() *cobra.Command {
	var o deploy.Options
	c := a.command("deploy", "deploy", cobra.NoArgs, func(cmd *cobra.Command, _ []string) error {
		o.Source, o.Dir = a.source, a.dest
		ctx, stop := a.stopContext(cmd.Context(), "cli.deploy.stopping")
		defer stop()
		show, hold := a.deployProgress(), withTestHold(ctx, nil)
		if show != nil || hold != nil {
			o.Progress = func(done, total int, p string) {
				if show != nil {
					show(done, total, p)
				}
				// Test-only (MINHBACH_TEST_HOLD_AT=deploy): held after
				// the third file, to be interrupted there.
				if hold != nil && done == 3 {
					hold("deploy")
				}
			}
		}
		start := time.Now()
		res, err := deploy.Deploy(ctx, o)
		a.endProgress()
		if err != nil {
			return a.fail(err, "")
		}
		a.deployReport(res, time.Since(start))
		return nil
	})
	a.sourceFlag(c)
	c.Flags().StringVar(&a.dest, "dest", "public", a.t("cli.deploy.flag.dest"))
	c.Flags().StringVar(&o.Target, "target", "", a.t("cli.deploy.flag.target"))
	c.Flags().BoolVar(&o.DryRun, "dry-run", false, a.t("cli.deploy.flag.dryRun"))
	c.Flags().IntVar(&o.MaxDeletes, "max-deletes", -1, a.t("cli.deploy.flag.maxDeletes"))
	return c
}

// deployReport prints what a deploy did, or would do.
func (a *app) deployReport(res *deploy.Result, took time.Duration) {
	if len(res.Caches) > 0 {
		a.say(a.err, "cli.deploy.caches", len(res.Caches), shortList(res.Caches))
	}
	if len(res.Foreign) > 0 {
		a.say(a.err, "cli.deploy.foreign", len(res.Foreign), shortList(res.Foreign))
	}
	switch {
	case res.DryRun:
		for _, p := range res.Uploaded {
			a.say(a.out, "cli.deploy.wouldUpload", p)
		}
		for _, p := range res.Deleted {
			a.say(a.out, "cli.deploy.wouldDelete", p)
		}
		a.say(a.out, "cli.deploy.dryRun", res.Target, len(res.Uploaded), humanBytes(res.Bytes), len(res.Unchanged), len(res.Deleted))
	case len(res.Uploaded) == 0 && len(res.Deleted) == 0:
		a.say(a.out, "cli.deploy.upToDate", res.Target, len(res.Unchanged))
	default:
		a.say(a.out, "cli.deploy.done", res.Target, len(res.Uploaded), humanBytes(res.Bytes), len(res.Unchanged), len(res.Deleted), took.Round(1e7))
	}
}

// deployProgress shows the files being published on one line of a
// terminal; nil (quiet) in a CI log, a pipe, or with CI set.
func (a *app) deployProgress() func(done, total int, p string) {
	if !a.showProgress() {
		return nil
	}
	return func(done, total int, p string) {
		fmt.Fprintf(a.err, "\r\033[K%s", msg.Get(a.lang, "cli.deploy.progress", done, total, p))
	}
}

// shortList joins the first few names, and says how many more there are.
func shortList(names []string) string {
	const shown = 10
	if len(names) <= shown {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s (+%d)", strings.Join(names[:shown], ", "), len(names)-shown)
}
