package plan

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestContentDigest: how a report is written does not change its digest;
// every part of what it says does.
func TestContentDigest(t *testing.T) {
	t.Parallel()
	p := 60
	base := func() *Report {
		return &Report{Agency: "so-noi-vu", Period: "2018-H1", Number: "45/BC-SNV", Date: NewDate(2018, 6, 20),
			Approval: Approval{State: Approved, ApprovedBy: "Giám đốc", ApprovedOn: NewDate(2018, 6, 25)},
			Updates:  []*Update{{Milestone: "1a", Member: "so-noi-vu", State: StateInProgress, Progress: &p, Evidence: []string{"QĐ 1"}, Note: "Đã rà soát"}},
			Body:     "Sở Nội vụ đã rà soát.\nXong."}
	}
	want := base().ContentDigest()
	if !digestForm.MatchString(want) {
		t.Fatalf("digest %q not in its form", want)
	}
	same := map[string]func(r *Report){
		"CRLF narrative":  func(r *Report) { r.Body = strings.ReplaceAll(r.Body, "\n", "\r\n") },
		"trailing spaces": func(r *Report) { r.Body += "  \n\n" },
		"decomposed Unicode": func(r *Report) {
			r.Body = norm.NFD.String(r.Body)
			r.Updates[0].Note = norm.NFD.String(r.Updates[0].Note)
		},
		"member left implicit": func(r *Report) { r.Updates[0].Member = "" },
		"approval changed":     func(r *Report) { r.Approval.ApprovedBy = "Người khác"; r.Approval.Digest = "x" },
	}
	for name, edit := range same {
		r := base()
		edit(r)
		if got := r.ContentDigest(); got != want {
			t.Errorf("%s changed the digest", name)
		}
	}
	other := 70
	differ := map[string]func(r *Report){
		"number":    func(r *Report) { r.Number = "46/BC-SNV" },
		"date":      func(r *Report) { r.Date = NewDate(2018, 6, 21) },
		"sample":    func(r *Report) { r.Sample = true },
		"state":     func(r *Report) { r.Updates[0].State = StateDone },
		"progress":  func(r *Report) { r.Updates[0].Progress = &other },
		"done on":   func(r *Report) { r.Updates[0].DoneOn = NewDate(2018, 6, 1) },
		"evidence":  func(r *Report) { r.Updates[0].Evidence = []string{"QĐ 2"} },
		"note":      func(r *Report) { r.Updates[0].Note = "Chưa rà soát" },
		"member":    func(r *Report) { r.Updates[0].Member = "ubnd-dak-ha" },
		"milestone": func(r *Report) { r.Updates[0].Milestone = "1b" },
		"update":    func(r *Report) { r.Updates = append(r.Updates, &Update{Milestone: "2a", State: StateDone}) },
		"narrative": func(r *Report) { r.Body = "Sở Nội vụ chưa rà soát." },
		"agency":    func(r *Report) { r.Agency = "so-tai-chinh" },
		"period":    func(r *Report) { r.Period = "2018" },
	}
	for name, edit := range differ {
		r := base()
		edit(r)
		if r.ContentDigest() == want {
			t.Errorf("a change of %s left the digest as it was", name)
		}
	}
}

// TestDigestOfWindowsLineEnds: a report approved while a multi-line note
// still held "\r\n" (before the loader made it "\n") keeps its approval;
// a changed note does not.
func TestDigestOfWindowsLineEnds(t *testing.T) {
	t.Parallel()
	report := func(note, digest string) *Report {
		return &Report{Agency: "so-noi-vu", Period: "2018-H1", Number: "45/BC-SNV", Date: NewDate(2018, 6, 20), File: "r.md",
			Approval: Approval{State: Approved, ApprovedBy: "Giám đốc", ApprovedOn: NewDate(2018, 6, 25), Digest: digest},
			Updates:  []*Update{{Milestone: "1a", Member: "so-noi-vu", State: StateDone, Evidence: []string{"QĐ 1"}, Note: note}}}
	}
	// What the loader of then read, and digested.
	then := report("Đã rà soát.\r\nĐã trình.", "").ContentDigest()
	changed := func(r *Report) bool {
		c := &reportCheck{}
		c.digest(r)
		for _, f := range c.out {
			if f.Key == "approval.changed" {
				return true
			}
		}
		return false
	}
	if changed(report("Đã rà soát.\nĐã trình.", then)) {
		t.Error("a report approved with \\r\\n in its note is refused as changed")
	}
	if !changed(report("Đã rà soát.\nChưa trình.", then)) {
		t.Error("a changed note is not found changed")
	}
	if !changed(report("Đã rà soát.\nĐã trình.", report("Khác", "").ContentDigest())) {
		t.Error("a digest of other content is not found changed")
	}
}
