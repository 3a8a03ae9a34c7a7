package workbook

import (
	"strings"
	"testing"

	"github.com/minhbach/minhbach/internal/msg"
	"github.com/minhbach/minhbach/internal/plan"
	"github.com/minhbach/minhbach/internal/testportal"
)

// TestWorkbookFollowsMembership makes huyen-b a member of cac-huyen from
// 2019: its workbook for 2018 has no row for the group's milestones, its
// workbook for 2019-H1 has them, and a 2019-H1 workbook whose period is
// changed to 2018 is refused on those rows.
func TestWorkbookFollowsMembership(t *testing.T) {
	t.Parallel()
	files := testportal.Files(basePortal)
	files[plan.AgenciesFile] = testportal.Edit(testportal.Agencies, testportal.Members, `members = ["huyen-a", { id = "huyen-b", from = "2019" }]`)
	fs := testportal.Fs(t, files)
	p := load(t, fs)
	milestones := func(period string) string {
		var ids []string
		for _, r := range rowsFor(p, "huyen-b", mustPeriod(t, period), nil) {
			ids = append(ids, r.m.ID)
		}
		return strings.Join(ids, " ")
	}
	if got := milestones("2018"); got != "" {
		t.Errorf("rows for 2018 = %q, want none (huyen-b joined in 2019)", got)
	}
	if got := milestones("2019-H1"); got != "1b 2a" {
		t.Errorf("rows for 2019-H1 = %q, want 1b 2a", got)
	}
	if _, err := Template(p, snapshot(p), "huyen-b", "2018", nil); err != nil {
		t.Fatalf("a template with no share must still be made: %v", err)
	}

	f, err := Template(p, snapshot(p), "huyen-b", "2019-H1", nil)
	if err != nil {
		t.Fatal(err)
	}
	set(t, f, SheetInfo, cellNumber, "9/BC-UBND")
	set(t, f, SheetInfo, cellDate, "20/12/2018")
	set(t, f, SheetReport, "G4", "Đang thực hiện")
	set(t, f, SheetReport, "G5", "Đang thực hiện")
	set(t, f, SheetMeta, cellMetaPeriod, "2018")
	_, probs := importBytes(t, p, write(t, f))
	if len(probs) != 2 {
		t.Fatalf("problems %v; want two problems", probs)
	}
	for _, pr := range probs {
		if !strings.Contains(pr.Message(msg.VI), "chưa hoặc không còn thuộc Ủy ban nhân dân các huyện trong kỳ 2018") {
			t.Errorf("problem %s does not say huyen-b was not a member in 2018", pr)
		}
	}
	// Counter-test: the same workbook for its own period imports.
	set(t, f, SheetMeta, cellMetaPeriod, "2019-H1")
	set(t, f, SheetInfo, cellDate, "20/06/2019")
	mustImport(t, p, write(t, f))
}

func mustPeriod(t *testing.T, s string) plan.Period {
	t.Helper()
	per, err := plan.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return per
}
