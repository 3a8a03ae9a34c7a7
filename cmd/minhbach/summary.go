package main

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"
	"github.com/xuri/excelize/v2"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
	"github.com/minhbach/minhbach/internal/status"
	"github.com/minhbach/minhbach/internal/summary"
	"github.com/minhbach/minhbach/internal/workbook"
)

// summaryCmd is `minhbach summary --period ID [-o FILE.xlsx]`: the compiled
// report of one period for Sở Nội vụ, from the approved reports alone.
func (a *app) summaryCmd() *cobra.Command {
	var out string
	c := a.command("summary", "summary", cobra.NoArgs, func(*cobra.Command, []string) error {
		per, err := plan.ParsePeriod(a.period)
		if err != nil {
			a.say(a.err, "cli.summary.badPeriod", a.period)
			return exitError{1}
		}
		_, p, err := a.load()
		if err != nil {
			return err
		}
		hist := status.History(p)
		s, ok := summary.Compile(p, hist, per.ID)
		if !ok {
			var ids []string
			for _, h := range hist {
				ids = append(ids, h.Period.ID)
			}
			if len(ids) == 0 {
				a.say(a.err, "cli.summary.noPeriods", per.ID)
			} else {
				a.say(a.err, "cli.summary.noPeriod", per.ID, strings.Join(ids, ", "))
			}
			return exitError{1}
		}
		if out == "" {
			out = "tong-hop-" + per.ID + ".xlsx"
		}
		f, err := workbook.SummaryWorkbook(s, a.lang)
		if err != nil {
			return err
		}
		if err := a.saveWorkbook(out, workbook.SummaryFormat, "cli.summary", f); err != nil {
			return err
		}
		a.say(a.out, "cli.summary.done", out, len(s.Rows), len(s.Overdue), len(s.Missing))
		return nil
	})
	a.sourceFlag(c)
	a.periodFlag(c)
	a.outputFlag(c, &out)
	return c
}

// saveWorkbook writes f to name through a temporary file beside it, so
// that an interrupted write leaves the previous file (or none), unless
// ownWorkbook refuses.
func (a *app) saveWorkbook(name, format, prefix string, f *excelize.File) error {
	if err := a.ownWorkbook(name, format, prefix); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		return err
	}
	return reportfile.Replace(a.fs, name, buf.Bytes())
}

// ownWorkbook refuses to replace name unless it does not exist or is a
// workbook minhbach made in the given format (its identifier): a file a
// person made is never overwritten. prefix names the command's messages
// (prefix+".notOurs"; a folder in its place is cli.workbook.notFile).
func (a *app) ownWorkbook(name, format, prefix string) error {
	fi, err := a.fs.Stat(name)
	if err != nil {
		return nil // nothing there (or unreadable: writing will say so)
	}
	if fi.IsDir() {
		a.say(a.err, "cli.workbook.notFile", name)
		return exitError{1}
	}
	fh, err := a.fs.Open(name)
	if err == nil {
		var f *excelize.File
		f, err = excelize.OpenReader(fh)
		fh.Close()
		if err == nil {
			props, perr := f.GetDocProps()
			f.Close()
			if perr == nil && props.Identifier == format && props.Creator == "minhbach" {
				return nil
			}
		}
	}
	a.say(a.err, prefix+".notOurs", name)
	return exitError{1}
}
