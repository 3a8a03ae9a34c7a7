package workbook

import (
	"slices"
	"strconv"
	"strings"

	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/reportfile"
)

// Merge returns the bytes of the report file to write for imported, given
// the report already in that file (nil when there is none).
//
// With no existing report it is imported as it is (submitted). When the
// data of the two are the same (see Changed) it is the existing report,
// written by reportfile.Encode: its approval untouched, so importing the
// same workbook twice gives the same bytes. When the data changed it is
// the imported report with the existing report's sample flag and approval
// note, its state "submitted" and approved_by and approved_on cleared: a
// changed report must be approved again. The updates are the imported
// ones, each milestone and member once.
func Merge(existing *plan.Report, imported *plan.Report) []byte {
	if existing != nil && !Changed(existing, imported) {
		return reportfile.Encode(existing)
	}
	r := *imported
	r.Updates = dedupe(imported)
	if r.Approval.State == "" {
		r.Approval = plan.Approval{State: plan.Submitted}
	}
	if existing != nil {
		r.Sample = existing.Sample
		r.Approval = plan.Approval{State: plan.Submitted, Note: existing.Approval.Note}
	}
	return reportfile.Encode(&r)
}

// dedupe returns r's updates with each milestone and member once (the
// first).
func dedupe(r *plan.Report) []*plan.Update {
	seen := map[string]bool{}
	var out []*plan.Update
	for _, u := range r.Updates {
		k := u.Milestone + "\x00" + memberOf(r, u)
		if !seen[k] {
			seen[k] = true
			out = append(out, u)
		}
	}
	return out
}

func memberOf(r *plan.Report, u *plan.Update) string {
	if u.Member == "" {
		return r.Agency
	}
	return u.Member
}

// Changed reports whether the data of two reports differ: agency, period,
// number, date, body or updates, read the way Import reads a workbook
// (texts compared after NFC normalisation, as the loader cleans them, so
// that words typed with a decomposed-Unicode keyboard are the same words;
// spaces around text and trailing blank lines of the body do not count,
// nor does the order of the updates; a done update without progress counts
// as 100%). The approval and the sample flag are not data.
func Changed(a, b *plan.Report) bool {
	if a.Agency != b.Agency || a.Period != b.Period || normText(a.Number) != normText(b.Number) || a.Date != b.Date {
		return true
	}
	if normBody(a.Body) != normBody(b.Body) {
		return true
	}
	ua, ub := updateKeys(a), updateKeys(b)
	return !slices.Equal(ua, ub)
}

func normBody(s string) string {
	return strings.TrimRight(plan.CleanText(strings.ReplaceAll(s, "\r\n", "\n")), " \t\n")
}

// normText is a text as the loader and Import read it: cleaned (NFC) and
// trimmed.
func normText(s string) string {
	return strings.TrimSpace(plan.CleanText(strings.ReplaceAll(s, "\r\n", "\n")))
}

// updateKeys returns one string per update of r holding all its data,
// sorted, without duplicates.
func updateKeys(r *plan.Report) []string {
	var out []string
	for _, u := range dedupe(r) {
		progress := "-"
		if u.Progress != nil {
			progress = strconv.Itoa(*u.Progress)
		} else if u.State == plan.StateDone {
			progress = "100"
		}
		var ev []string
		for _, e := range u.Evidence {
			if e = normText(e); e != "" {
				ev = append(ev, e)
			}
		}
		out = append(out, strings.Join([]string{
			u.Milestone, memberOf(r, u), u.State, u.DoneOn.String(), progress,
			strings.Join(ev, "\x01"), normText(u.Note),
		}, "\x00"))
	}
	slices.Sort(out)
	return out
}
