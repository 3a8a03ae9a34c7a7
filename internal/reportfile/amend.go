package reportfile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/status"
)

// Changes lists what differs between two versions of a report, one line
// each, in Vietnamese (the lines are written into the report file, the
// record of its amendments): the number, the date, the sample marker, each
// update added, removed or changed (its milestone and member, its state,
// progress and done date before and after; a change of note or evidence
// only), and the narrative. name gives an agency's name from its id. The
// reports are as loaded (each update's member filled in).
func Changes(before, after *plan.Report, name func(id string) string) []string {
	say := func(key string, args ...any) string { return msg.Get(msg.VI, key, args...) }
	var out []string
	if before.Number != after.Number {
		out = append(out, say("amend_number", before.Number, after.Number))
	}
	if before.Date != after.Date {
		out = append(out, say("amend_date", before.Date.Vietnamese(), after.Date.Vietnamese()))
	}
	if before.Sample != after.Sample {
		out = append(out, say("amend_sample", before.Sample, after.Sample))
	}
	key := func(u *plan.Update) string { return u.Milestone + "\x00" + u.Member }
	old := map[string]*plan.Update{}
	for _, u := range before.Updates {
		old[key(u)] = u
	}
	seen := map[string]bool{}
	for _, u := range after.Updates {
		k := key(u)
		seen[k] = true
		b, ok := old[k]
		switch {
		case !ok:
			out = append(out, say("amend_added", u.Milestone, name(u.Member), describe(u)))
		case describe(b) != describe(u):
			out = append(out, say("change_line", u.Milestone, name(u.Member), describe(b), describe(u)))
		case b.Note != u.Note || !slices.Equal(b.Evidence, u.Evidence):
			out = append(out, say("amend_details", u.Milestone, name(u.Member)))
		}
	}
	for _, u := range before.Updates {
		if !seen[key(u)] {
			out = append(out, say("amend_removed", u.Milestone, name(u.Member), describe(u)))
		}
	}
	if normBody(before.Body) != normBody(after.Body) {
		out = append(out, say("amend_body"))
	}
	return out
}

// describe is an update's state as a reader sees it: "Đang thực hiện,
// 60%", "Đã hoàn thành, hoàn thành ngày 15/3/2019".
func describe(u *plan.Update) string {
	parts := []string{status.StateLabel(u.State, "vi")}
	if u.Progress != nil {
		parts = append(parts, fmt.Sprintf("%d%%", *u.Progress))
	}
	if !u.DoneOn.IsZero() {
		parts = append(parts, msg.Get(msg.VI, "feed_done_on", u.DoneOn.Vietnamese()))
	}
	return strings.Join(parts, ", ")
}

func normBody(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}
