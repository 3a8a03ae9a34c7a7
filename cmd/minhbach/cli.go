package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/serve"
	"github.com/minhbach/minhbach/internal/site"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/workbook"
)

// exitError carries an exit code through cobra.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// app is one run of the command.
type app struct {
	lang           msg.Lang
	out, err       io.Writer
	fs             afero.Fs
	source, dest   string
	baseURL, asOf  string
	relative       bool
	agency, period string
	progressShown  bool
}

func (a *app) say(w io.Writer, key string, args ...any) {
	fmt.Fprintln(w, msg.Get(a.lang, key, args...))
}

// sayN is say for a message about n things, in the right plural.
func (a *app) sayN(w io.Writer, key string, n int, args ...any) {
	fmt.Fprintln(w, msg.Plural(a.lang, key, n, args...))
}

// langFromArgs finds --lang before cobra parses, so that help texts are in
// the chosen language too.
func langFromArgs(args []string) string {
	for i, s := range args {
		if s == "--lang" && i+1 < len(args) {
			return args[i+1]
		}
		if v, ok := strings.CutPrefix(s, "--lang="); ok {
			return v
		}
	}
	return ""
}

func run(args []string, stdout, stderr io.Writer) int {
	a := &app{lang: msg.FromEnv(langFromArgs(args)), out: stdout, err: stderr, fs: afero.NewOsFs()}
	root := a.root()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	if err := root.Execute(); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		fmt.Fprintln(stderr, msg.Get(a.lang, "cli.usageError", err))
		return 2
	}
	return 0
}

func (a *app) t(key string) string { return msg.Get(a.lang, key) }

func (a *app) root() *cobra.Command {
	var lang string
	root := &cobra.Command{
		Use:           "minhbach",
		Short:         a.t("cli.short"),
		Long:          a.t("cli.long"),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&lang, "lang", "", a.t("cli.flag.lang"))
	root.CompletionOptions.DisableDefaultCmd = true
	// cobra's usage template, its English words (the catalogue's
	// cli.usage.* in English) replaced by the user's language's.
	root.SetUsageTemplate(usageReplacer(a.lang).Replace(root.UsageTemplate()))
	root.AddCommand(a.buildCmd(), a.checkCmd(), a.newCmd(), a.serveCmd(), a.templateCmd(), a.importCmd(), a.approveCmd(), a.rejectCmd(), a.summaryCmd(), a.deployCmd())
	// cobra's own help texts, in the user's language too.
	root.InitDefaultHelpCmd()
	var localize func(c *cobra.Command)
	localize = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = msg.Get(a.lang, "cli.flag.help", c.Name())
		}
		if c.Name() == "help" {
			c.Short = a.t("cli.help.short")
		}
		for _, sub := range c.Commands() {
			localize(sub)
		}
	}
	localize(root)
	return root
}

// command is a subcommand: how it is used, its one-line help (the
// catalogue's cli.<key>.short), the arguments it takes and what it does.
func (a *app) command(use, key string, args cobra.PositionalArgs, run func(*cobra.Command, []string) error) *cobra.Command {
	return &cobra.Command{Use: use, Short: a.t("cli." + key + ".short"), Args: args, RunE: run}
}

// sourceFlag gives c the --source flag: the portal's folder.
func (a *app) sourceFlag(c *cobra.Command) {
	c.Flags().StringVar(&a.source, "source", ".", a.t("cli.flag.source"))
}

// portalFlags gives c --source and --as-of, the flags of the commands that
// read the whole portal as of a day (build, check, serve).
func (a *app) portalFlags(c *cobra.Command) {
	a.sourceFlag(c)
	c.Flags().StringVar(&a.asOf, "as-of", "", a.t("cli.flag.asOf"))
}

// reportFlags gives c the required --agency and --period that name one
// report (new report, template).
func (a *app) reportFlags(c *cobra.Command) {
	c.Flags().StringVar(&a.agency, "agency", "", a.t("cli.flag.agency"))
	_ = c.MarkFlagRequired("agency")
	a.periodFlag(c)
}

// periodFlag gives c the required --period.
func (a *app) periodFlag(c *cobra.Command) {
	c.Flags().StringVar(&a.period, "period", "", a.t("cli.flag.period"))
	_ = c.MarkFlagRequired("period")
}

func (a *app) options() (site.Options, error) {
	o := site.Options{Source: a.source, Dest: a.dest, BaseURL: a.baseURL, Relative: a.relative, Fs: a.fs}
	if a.asOf != "" {
		d, err := plan.ParseDate(a.asOf)
		if err != nil {
			a.say(a.err, "cli.badAsOf", a.asOf)
			return o, exitError{2}
		}
		o.AsOf = d
	}
	if o.Dest != "" && !filepath.IsAbs(o.Dest) {
		o.Dest = filepath.Clean(o.Dest)
	}
	return o, nil
}

// load reads and checks the portal named by the flags; problems are
// printed and turned into exit status 1.
func (a *app) load() (site.Options, *plan.Project, error) {
	o, err := a.options()
	if err != nil {
		return o, nil, err
	}
	p, err := site.Load(o)
	if err != nil {
		return o, nil, a.problems(err)
	}
	return o, p, nil
}

// loadAround loads the portal for a command that writes one report file
// (new report, template, import, approve, reject): problems in the plan or
// the agencies stop it, as in load; problems in report files do not, since
// another unit's broken draft must not stop the work on this one. Those are
// returned, for the command to tell (see aside) once it knows its file.
func (a *app) loadAround() (site.Options, *plan.Project, plan.Problems, error) {
	o, err := a.options()
	if err != nil {
		return o, nil, nil, err
	}
	p, err := site.Load(o)
	var ps plan.Problems
	if err != nil {
		if !errors.As(err, &ps) || p == nil {
			return o, nil, nil, a.problems(err)
		}
		for _, pr := range ps {
			if !strings.HasPrefix(filepath.ToSlash(pr.Pos.File), plan.ReportsDir+"/") {
				return o, nil, nil, a.problems(err)
			}
		}
	}
	// The problems of drafts, submitted and rejected reports (warnings
	// for a build) are told the same way: they stop a command only when
	// they are in the very file it would write.
	for _, r := range p.Reports {
		ps = append(ps, r.Problems...)
	}
	return o, p, ps, nil
}

// aside tells the report-file problems loadAround set aside: those of the
// file rel the command works on stop it (exit 1, listed); the others are
// told as a warning and the command goes on.
func (a *app) aside(ps plan.Problems, rel string) error {
	mine, others := split(ps, rel)
	if len(mine) > 0 {
		return a.refuse(mine, "cli.aside.mine", rel)
	}
	a.othersAside(others)
	return nil
}

// split parts problems into those of the file rel and the others.
func split(ps plan.Problems, rel string) (mine, others plan.Problems) {
	for _, pr := range ps {
		if filepath.ToSlash(pr.Pos.File) == filepath.ToSlash(rel) {
			mine = append(mine, pr)
		} else {
			others = append(others, pr)
		}
	}
	return mine, others
}

// othersAside warns of the problems of other files than the one a command
// works on, which do not stop it.
func (a *app) othersAside(others plan.Problems) {
	if len(others) > 0 {
		a.sayN(a.err, "cli.aside.others", len(others), len(others))
		a.tell(others, "  ")
	}
}

// refuse tells the problems that stop a command on the file rel, then the
// line key says of them (its arguments: rel and their count), and returns
// exit status 1.
func (a *app) refuse(ps plan.Problems, key, rel string) error {
	a.tell(ps, "")
	a.sayN(a.err, key, len(ps), filepath.ToSlash(rel), len(ps))
	return exitError{1}
}

// tell prints each problem on a line of its own, after indent.
func (a *app) tell(ps plan.Problems, indent string) {
	for _, pr := range ps {
		fmt.Fprintln(a.err, indent+pr.Text(a.lang))
	}
}

// problems prints load problems and returns the exit error, or nil.
func (a *app) problems(err error) error {
	var ps plan.Problems
	if errors.As(err, &ps) {
		a.tell(ps, "")
		fmt.Fprintln(a.err)
		a.sayN(a.err, "cli.problems", len(ps), len(ps))
		return exitError{1}
	}
	return err
}

func (a *app) warnings(p *plan.Project) {
	a.skipped(p)
	var bad []*plan.Report
	for _, r := range p.Reports {
		if len(r.Problems) > 0 {
			bad = append(bad, r)
		}
	}
	if len(bad) == 0 {
		return
	}
	a.say(a.err, "cli.warnings", len(bad))
	for _, r := range bad {
		a.tell(r.Problems, "  ")
	}
}

func (a *app) buildCmd() *cobra.Command {
	c := a.command("build", "build", cobra.NoArgs, func(cmd *cobra.Command, _ []string) error {
		o, err := a.options()
		if err != nil {
			return err
		}
		ctx, stop := a.stopContext(cmd.Context(), "publish.stopping")
		defer stop()
		o.Context = ctx
		o.Progress = withTestHold(ctx, a.progress())
		res, err := site.Build(o)
		a.endProgress()
		if err != nil {
			if perr := a.problems(err); perr != err {
				return perr
			}
			if perr := a.fail(err, ""); perr != err {
				return perr
			}
			var be *site.BuildError
			if errors.As(err, &be) {
				a.say(a.err, "cli.buildFailed", be.Stage, be.Err)
				return exitError{1}
			}
			return err
		}
		a.warnings(res.Project)
		a.asOfLine(res.Snapshot)
		dest := o.Dest
		if dest == "" {
			dest = "public"
		}
		a.say(a.out, "cli.built", dest, len(res.Project.Plan.Tasks), len(res.Published), len(res.Excluded), res.Pages, res.Files,
			humanBytes(res.Bytes), res.Duration.Round(1e7))
		return nil
	})
	a.portalFlags(c)
	c.Flags().StringVar(&a.dest, "dest", "public", a.t("cli.flag.dest"))
	c.Flags().StringVar(&a.baseURL, "base-url", "", a.t("cli.flag.baseURL"))
	c.Flags().BoolVar(&a.relative, "relative", false, a.t("cli.flag.relative"))
	return c
}

func (a *app) asOfLine(s *status.Snapshot) {
	if s.NoData {
		a.say(a.out, "cli.noReports")
		return
	}
	a.say(a.out, "cli.asOf", a.day(s.AsOf), s.Period.Words(string(a.lang)))
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func (a *app) checkCmd() *cobra.Command {
	c := a.command("check", "check", cobra.NoArgs, func(*cobra.Command, []string) error {
		o, p, err := a.load()
		if err != nil {
			return err
		}
		a.warnings(p)
		a.say(a.out, "cli.ok")
		a.summary(p, o)
		return nil
	})
	a.portalFlags(c)
	return c
}

// summary tells what a build would publish.
func (a *app) summary(p *plan.Project, o site.Options) {
	published, excluded := p.Split(false)
	a.say(a.out, "cli.published", len(published))
	a.say(a.out, "cli.excluded", len(excluded))
	for _, r := range excluded {
		reason := "state_" + r.Approval.State
		if len(r.Problems) > 0 {
			reason = "cli.reason.problems"
		}
		a.say(a.out, "cli.excludedOne", r.File, r.Agency, r.Period, a.t(reason))
	}
	snap := status.Current(p, o.AsOf)
	a.asOfLine(snap)
	last := status.LatestRegular(status.History(p), snap.AsOf)
	if last == nil {
		return
	}
	var names []string
	for _, ag := range last.Missing {
		names = append(names, ag.Name)
	}
	if len(names) > 0 {
		a.say(a.out, "cli.missing", last.Period.ID, strings.Join(names, ", "))
	} else {
		a.say(a.out, "cli.missingNone", last.Period.ID)
	}
	var overdue []string
	for _, c := range last.NewlyOverdue() {
		overdue = append(overdue, fmt.Sprintf("%s (%s)", c.Milestone.ID, c.Agency.Name))
	}
	if len(overdue) > 0 {
		a.say(a.out, "cli.newOverdue", strings.Join(overdue, ", "))
	} else {
		a.say(a.out, "cli.newOverdueNone")
	}
}

func (a *app) newCmd() *cobra.Command {
	c := a.command("new", "new", nil, nil)
	var date string
	report := a.command("report", "newReport", cobra.NoArgs, func(*cobra.Command, []string) error {
		today := plan.NewDate(time.Now().Date())
		if date != "" {
			d, err := plan.ParseDate(date)
			if err != nil {
				a.say(a.err, "cli.badDate", date)
				return exitError{2}
			}
			today = d
		}
		o, p, aside, err := a.loadAround()
		if err != nil {
			return err
		}
		if err := a.aside(aside, reportPath(a.period, a.agency)); err != nil {
			return err
		}
		data, err := reportfile.Template(p, a.agency, a.period, today)
		if err != nil {
			return a.fail(err, "")
		}
		rel := reportPath(a.period, a.agency)
		target := filepath.Join(o.Source, rel)
		if _, err := a.fs.Stat(target); err == nil {
			a.say(a.err, "cli.newReport.exists", filepath.ToSlash(rel))
			return exitError{1}
		}
		if err := a.fs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := afero.WriteFile(a.fs, target, data, 0o644); err != nil {
			return err
		}
		a.say(a.out, "cli.newReport.done", filepath.ToSlash(rel))
		return nil
	})
	a.sourceFlag(report)
	a.reportFlags(report)
	report.Flags().StringVar(&date, "date", "", a.t("cli.flag.date"))
	c.AddCommand(report)
	return c
}

func (a *app) serveCmd() *cobra.Command {
	var port int
	var drafts bool
	var allowHosts []string
	c := a.command("serve", "serve", cobra.NoArgs, func(cmd *cobra.Command, _ []string) error {
		o, err := a.options()
		if err != nil {
			return err
		}
		o.Drafts = drafts
		addr, err := a.serveAddr(port, allowHosts)
		if err != nil {
			return err
		}
		ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		srv, err := serve.Start(ctx, serve.Options{
			Build:    o,
			Log:      a.out,
			Describe: a.describe,
			Summary: func(res *site.Result) string {
				return msg.Get(a.lang, "cli.serve.rebuilt", len(res.Published), res.Pages, res.Duration.Round(time.Millisecond))
			},
			Updated: func(up *site.Update) string {
				return msg.Get(a.lang, "cli.serve.updated", len(up.Published), up.Rendered, up.Duration.Round(time.Millisecond))
			},
			Addr:       addr,
			AllowHosts: allowHosts,
		})
		if err != nil {
			a.say(a.err, "cli.serve.listen", port, err)
			return exitError{1}
		}
		defer srv.Close()
		a.say(a.out, "cli.serve.ready", srv.URL())
		if drafts {
			a.say(a.out, "cli.serve.drafts")
		}
		a.sayAllowedHosts(srv, allowHosts, drafts)
		<-ctx.Done()
		return nil
	})
	a.portalFlags(c)
	c.Flags().IntVar(&port, "port", 1313, a.t("cli.flag.port"))
	c.Flags().BoolVar(&drafts, "drafts", false, a.t("cli.flag.drafts"))
	c.Flags().StringArrayVar(&allowHosts, "allow-host", nil, a.t("cli.flag.allowHost"))
	return c
}

// describe turns a build error into the text a person reads.
func (a *app) describe(err error) string {
	var ps plan.Problems
	if errors.As(err, &ps) {
		return ps.Text(a.lang) + "\n" + msg.Get(a.lang, "cli.serve.fix", len(ps))
	}
	if text, ok := a.said(err); ok {
		return text
	}
	var be *site.BuildError
	if errors.As(err, &be) {
		return msg.Get(a.lang, "cli.buildFailed", be.Stage, be.Err)
	}
	return err.Error()
}

// reportPath is where the report of agency for period lives, relative to
// the portal's folder.
func reportPath(period, agency string) string {
	return filepath.Join("content", "bao-cao", period, agency+".md")
}

// existingReport returns the report already at rel, or nil when there is
// none; a file there that did not load as a report is told and refused.
func (a *app) existingReport(o site.Options, p *plan.Project, rel string) (*plan.Report, error) {
	for _, r := range p.Reports {
		if filepath.ToSlash(r.File) == filepath.ToSlash(rel) && !r.Unread {
			return r, nil
		}
	}
	if _, err := a.fs.Stat(filepath.Join(o.Source, rel)); err == nil {
		a.say(a.err, "cli.import.unreadable", filepath.ToSlash(rel))
		return nil, exitError{1}
	}
	return nil, nil
}

func (a *app) templateCmd() *cobra.Command {
	var out string
	c := a.command("template", "template", cobra.NoArgs, func(*cobra.Command, []string) error {
		o, p, aside, err := a.loadAround()
		if err != nil {
			return err
		}
		if err := a.aside(aside, reportPath(a.period, a.agency)); err != nil {
			return err
		}
		snap := status.Current(p, plan.Date{})
		if snap.NoData {
			snap = nil // nothing published yet: the workbook says nothing of it
		}
		rel := reportPath(a.period, a.agency)
		existing, err := a.existingReport(o, p, rel)
		if err != nil {
			return err
		}
		f, err := workbook.Template(p, snap, a.agency, a.period, existing)
		if err != nil {
			return a.fail(err, "")
		}
		if out == "" {
			out = a.agency + "-" + a.period + ".xlsx"
		}
		if err := a.saveWorkbook(out, workbook.FormatVersion, "cli.template", f); err != nil {
			return err
		}
		per, _ := plan.ParsePeriod(a.period) // Template has checked it
		n := len(p.SharesOf(a.agency, per))
		a.sayN(a.out, "cli.template.done", n, out, n, p.Agencies.OwnerName(a.agency), out)
		return nil
	})
	a.sourceFlag(c)
	a.reportFlags(c)
	a.outputFlag(c, &out)
	return c
}

func (a *app) importCmd() *cobra.Command {
	var replace bool
	c := a.command("import FILE.xlsx", "import", cobra.ExactArgs(1), func(_ *cobra.Command, args []string) error {
		o, p, aside, err := a.loadAround()
		if err != nil {
			return err
		}
		file := args[0]
		in, err := a.fs.Open(file)
		if err != nil {
			a.say(a.err, "cli.import.open", file, err)
			return exitError{1}
		}
		rep, problems, err := workbook.Import(p, in)
		in.Close()
		if err != nil {
			return a.fail(err, file+": ")
		}
		if rep == nil {
			return a.cellProblems(file, problems)
		}
		rel := reportPath(rep.Period, rep.Agency)
		if err := a.aside(aside, rel); err != nil {
			return err
		}
		existing, err := a.existingReport(o, p, rel)
		if err != nil {
			return err
		}
		// A workbook that says what the file says changes nothing, even
		// when what both say is not finished (a draft without its
		// number): the file is left as it is, byte for byte.
		if existing != nil && !workbook.Changed(existing, rep) {
			a.say(a.out, "cli.import.unchanged", filepath.ToSlash(rel))
			return nil
		}
		if len(problems) > 0 {
			return a.cellProblems(file, problems)
		}
		target := filepath.Join(o.Source, rel)
		var kept string
		if existing != nil && existing.Approval.State == plan.Approved {
			if !replace {
				a.say(a.err, "cli.import.approved", filepath.ToSlash(rel), existing.Approval.ApprovedBy,
					a.day(existing.Approval.ApprovedOn), file)
				return exitError{1}
			}
			if kept, err = reportfile.Keep(a.fs, o.Source, existing); err != nil {
				a.say(a.err, "cli.import.keepFailed", filepath.ToSlash(rel), err)
				return exitError{1}
			}
		}
		data := workbook.Merge(existing, rep)
		if err := a.fs.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := reportfile.Replace(a.fs, target, data); err != nil {
			return err
		}
		a.sayN(a.out, "cli.import.done", len(rep.Updates), filepath.ToSlash(rel), rep.Number, a.day(rep.Date), len(rep.Updates))
		if kept != "" {
			a.say(a.out, "cli.import.replaced", kept)
		}
		return nil
	})
	a.sourceFlag(c)
	c.Flags().BoolVar(&replace, "replace-approved", false, a.t("cli.flag.replaceApproved"))
	return c
}

// outputFlag gives c -o/--output: the workbook it writes.
func (a *app) outputFlag(c *cobra.Command, out *string) {
	c.Flags().StringVarP(out, "output", "o", "", a.t("cli.flag.output"))
}

// cellProblems tells the problems of a workbook, each at its cell.
func (a *app) cellProblems(file string, problems []workbook.Problem) error {
	for _, pr := range problems {
		fmt.Fprintln(a.err, file+": "+pr.Text(a.lang))
	}
	a.sayN(a.err, "cli.import.problems", len(problems), len(problems))
	return exitError{1}
}

// day writes a date as the user's language does.
func (a *app) day(d plan.Date) string { return msg.Date(a.lang, d.Time()) }

// showProgress reports whether progress is shown, on one line of stderr:
// only when it is a terminal and CI is not set (a CI log, a pipe stay
// quiet). When it is, endProgress clears that line.
func (a *app) showProgress() bool {
	f, ok := a.err.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) || os.Getenv("CI") != "" {
		return false
	}
	a.progressShown = true
	return true
}

// progress returns a function that shows the build's stages, or nil when
// progress is not shown.
func (a *app) progress() func(string) {
	if !a.showProgress() {
		return nil
	}
	return func(stage string) {
		fmt.Fprintf(a.err, "\r\033[K%s", msg.Get(a.lang, "cli.stage."+stage))
	}
}

func (a *app) endProgress() {
	if a.progressShown {
		fmt.Fprint(a.err, "\r\033[K")
		a.progressShown = false
	}
}

// usageReplacer replaces cobra's English usage words, the English texts of
// the catalogue's cli.usage.* keys, by their texts in l; longest first, so
// that "Global Flags:" goes before "Flags:".
func usageReplacer(l msg.Lang) *strings.Replacer {
	var keys []string
	for k := range msg.Catalogue(msg.EN) {
		if strings.HasPrefix(k, "cli.usage.") {
			keys = append(keys, k)
		}
	}
	en := msg.Catalogue(msg.EN)
	sort.Slice(keys, func(i, j int) bool {
		if a, b := en[keys[i]], en[keys[j]]; len(a) != len(b) {
			return len(a) > len(b)
		}
		return keys[i] < keys[j]
	})
	var pairs []string
	for _, k := range keys {
		pairs = append(pairs, en[k], msg.Get(l, k))
	}
	return strings.NewReplacer(pairs...)
}
